/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The EPS key hierarchy of a context (TS 33.401 Annex A): what is
 * derived from KASMEtemp and KeNB, when, and the fingerprints shown to
 * userspace in place of keys.
 */
#ifndef PARLOS_KEYS_H
#define PARLOS_KEYS_H

#include <linux/types.h>

struct parlos_ctx;
struct netlink_ext_ack;

/* All under ctx->lock. */
int parlos_keys_set_kasme(struct parlos_ctx *ctx, const u8 *kasme);
int parlos_keys_derive_nas(struct parlos_ctx *ctx);
int parlos_keys_derive_as(struct parlos_ctx *ctx, u32 ul_nas_count,
			  struct netlink_ext_ack *extack);
int parlos_keys_derive_as_algs(struct parlos_ctx *ctx);
void parlos_keys_forget_derived(struct parlos_ctx *ctx);

int parlos_keys_init(void);
void parlos_keys_exit(void);

#endif /* PARLOS_KEYS_H */
