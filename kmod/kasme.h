/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Key transport of KASMEtemp on a context: the ME's key pair, the
 * network's wrap and the ME's unwrap (TR 33.815 solution #1 steps 1-4).
 */
#ifndef PARLOS_KASME_H
#define PARLOS_KASME_H

#include <linux/types.h>

struct parlos_ctx;
struct netlink_ext_ack;

#define PARLOS_KASME_LEN	32

/* All under ctx->lock. */
int parlos_kasme_keygen(struct parlos_ctx *ctx, u8 profile, u8 *pub,
			unsigned int *publen, struct netlink_ext_ack *extack);
int parlos_kasme_wrap(struct parlos_ctx *ctx, u8 profile, const u8 *me_pub,
		      unsigned int publen, u8 *blob, unsigned int *bloblen,
		      struct netlink_ext_ack *extack);
int parlos_kasme_unwrap(struct parlos_ctx *ctx, const u8 *blob,
			unsigned int len, struct netlink_ext_ack *extack);

#endif /* PARLOS_KASME_H */
