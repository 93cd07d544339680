/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NAS message protection (TS 24.301 9.1 and 4.4.3, TS 33.401 8).
 */
#ifndef PARLOS_NAS_H
#define PARLOS_NAS_H

#include <linux/types.h>

struct parlos_ctx;
struct netlink_ext_ack;

#define PARLOS_NAS_SEC_HDR_LEN	6	/* header, MAC (4), SQN */
#define PARLOS_NAS_PD_EMM	0x07

/* What an operation did, for the caller's reply and events. */
struct parlos_sec_result {
	u32 count;
	u8 sec_hdr;
	bool wrap_near;		/* the COUNT is near its end: re-key */
};

/* Under ctx->lock. out has room for len + PARLOS_NAS_SEC_HDR_LEN. */
int parlos_nas_protect(struct parlos_ctx *ctx, u8 sec_hdr, const u8 *msg,
		       unsigned int len, u8 *out, struct parlos_sec_result *res,
		       struct netlink_ext_ack *extack);
/* Under ctx->lock. out has room for len - PARLOS_NAS_SEC_HDR_LEN. */
int parlos_nas_unprotect(struct parlos_ctx *ctx, const u8 *pdu,
			 unsigned int len, u8 *out,
			 struct parlos_sec_result *res,
			 struct netlink_ext_ack *extack);

#endif /* PARLOS_NAS_H */
