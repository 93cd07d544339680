/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PDCP for signalling radio bearers SRB1 and SRB2 (TS 36.323): 5-bit SN,
 * MAC-I over header and data with KRRCint, then data and MAC-I ciphered
 * with KRRCenc.
 */
#ifndef PARLOS_SRB_H
#define PARLOS_SRB_H

#include <linux/types.h>

#include "nas.h"

#define PARLOS_SRB_OVERHEAD	5	/* header and MAC-I */

struct parlos_eps_iv;

/* Algorithms and keys of one bearer; kenc NULL for integrity only. */
struct parlos_pdcp_keys {
	u8 eea, eia;
	const u8 *kenc, *kint;
};

int parlos_pdcp_cp_protect(const struct parlos_pdcp_keys *k,
			   const struct parlos_eps_iv *iv, u8 hdr,
			   const u8 *sdu, unsigned int len, u8 *out);
int parlos_pdcp_cp_unprotect(const struct parlos_pdcp_keys *k,
			     const struct parlos_eps_iv *iv, u8 *buf,
			     unsigned int len);

/* Under ctx->lock. out has room for len + PARLOS_SRB_OVERHEAD. */
int parlos_srb_protect(struct parlos_ctx *ctx, u8 rb, bool cipher,
		       const u8 *sdu, unsigned int len, u8 *out,
		       struct parlos_sec_result *res,
		       struct netlink_ext_ack *extack);
/* Under ctx->lock. out has room for len bytes. */
int parlos_srb_unprotect(struct parlos_ctx *ctx, u8 rb, bool cipher,
			 const u8 *pdu, unsigned int len, u8 *out,
			 unsigned int *out_len, struct parlos_sec_result *res,
			 struct netlink_ext_ack *extack);

#endif /* PARLOS_SRB_H */
