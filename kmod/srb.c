// SPDX-License-Identifier: GPL-2.0
/*
 * SRB PDCP: COUNT = HFN (27 bits) | SN (5 bits), BEARER = RB identity - 1.
 * The receiver keeps Next_PDCP_RX_SN and RX_HFN as TS 36.323 5.1.2.2 says
 * and moves them only for a PDU whose MAC-I verifies.
 */
#include <crypto/algapi.h>
#include <linux/errno.h>
#include <net/netlink.h>

#include "alg.h"
#include "context.h"
#include "cp_crypto.h"
#include "srb.h"

#define SRB_SN_BITS	5
#define SRB_SN_MASK	0x1f

static int srb_check(struct parlos_ctx *ctx, u8 rb, bool cipher,
		     struct netlink_ext_ack *extack)
{
	if (rb < 1 || rb > PARLOS_NR_SRB) {
		NL_SET_ERR_MSG(extack, "SRB identity must be 1 or 2");
		return -EINVAL;
	}
	if (!parlos_key_valid(ctx, PARLOS_KEY_KRRCINT) ||
	    (cipher && !parlos_key_valid(ctx, PARLOS_KEY_KRRCENC))) {
		NL_SET_ERR_MSG(extack, "no AS keys: derive them first");
		return -ENOKEY;
	}
	return 0;
}

/*
 * Control-plane PDCP on one PDU (TS 36.323 5.6, 5.7): MAC-I over header
 * and data, then data and MAC-I ciphered. out = header | data | MAC-I.
 */
int parlos_pdcp_cp_protect(const struct parlos_pdcp_keys *k,
			   const struct parlos_eps_iv *iv, u8 hdr,
			   const u8 *sdu, unsigned int len, u8 *out)
{
	int err;

	out[0] = hdr;
	memcpy(out + 1, sdu, len);
	err = parlos_cp_eia(k->eia, k->kint, iv, out, len + 1, out + 1 + len);
	if (!err && k->kenc)
		err = parlos_cp_eea(k->eea, k->kenc, iv, out + 1,
				    len + PARLOS_EIA_MAC_SIZE);
	if (err)
		memzero_explicit(out, len + PARLOS_SRB_OVERHEAD);
	return err;
}

/*
 * The reverse, in place in buf (header | data | MAC-I, len bytes):
 * -EBADMSG when the MAC-I does not verify, and buf is then wiped.
 */
int parlos_pdcp_cp_unprotect(const struct parlos_pdcp_keys *k,
			     const struct parlos_eps_iv *iv, u8 *buf,
			     unsigned int len)
{
	unsigned int dlen = len - PARLOS_SRB_OVERHEAD;
	u8 mac[PARLOS_EIA_MAC_SIZE];
	int err = 0;

	if (k->kenc)
		err = parlos_cp_eea(k->eea, k->kenc, iv, buf + 1, len - 1);
	if (!err)
		err = parlos_cp_eia(k->eia, k->kint, iv, buf, dlen + 1, mac);
	if (!err && crypto_memneq(mac, buf + 1 + dlen, sizeof(mac)))
		err = -EBADMSG;
	if (err)
		memzero_explicit(buf, len);
	return err;
}

static void srb_keys(const struct parlos_ctx *ctx, bool cipher,
		     struct parlos_pdcp_keys *k)
{
	k->eea = ctx->as_eea;
	k->eia = ctx->as_eia;
	k->kenc = cipher ? ctx->keys.krrc_enc : NULL;
	k->kint = ctx->keys.krrc_int;
}

int parlos_srb_protect(struct parlos_ctx *ctx, u8 rb, bool cipher,
		       const u8 *sdu, unsigned int len, u8 *out,
		       struct parlos_sec_result *res,
		       struct netlink_ext_ack *extack)
{
	struct parlos_pdcp_keys k;
	struct parlos_srb *srb;
	struct parlos_eps_iv iv;
	int err;

	err = srb_check(ctx, rb, cipher, extack);
	if (err)
		return err;
	srb = &ctx->srb[rb - 1];
	if (srb->tx_count == PARLOS_SRB_COUNT_MAX) {
		NL_SET_ERR_MSG(extack, "SRB COUNT exhausted: re-key");
		return -ENOSPC;
	}
	iv.count = srb->tx_count;
	iv.bearer = rb - 1;
	iv.dir = parlos_ctx_tx_dir(ctx);
	srb_keys(ctx, cipher, &k);
	err = parlos_pdcp_cp_protect(&k, &iv, iv.count & SRB_SN_MASK, sdu, len,
				     out);
	if (err) {
		NL_SET_ERR_MSG(extack, "SRB protection failed in the crypto layer");
		return err;
	}
	srb->tx_count++;
	ctx->algs_used = true;
	ctx->stats.srb_tx++;
	res->count = iv.count;
	res->wrap_near = srb->tx_count == PARLOS_SRB_COUNT_MAX -
					  PARLOS_COUNT_WRAP_MARGIN;
	return 0;
}

int parlos_srb_unprotect(struct parlos_ctx *ctx, u8 rb, bool cipher,
			 const u8 *pdu, unsigned int len, u8 *out,
			 unsigned int *out_len, struct parlos_sec_result *res,
			 struct netlink_ext_ack *extack)
{
	struct parlos_pdcp_keys k;
	struct parlos_srb *srb;
	struct parlos_eps_iv iv;
	u32 hfn;
	u8 sn;
	int err;

	err = srb_check(ctx, rb, cipher, extack);
	if (err)
		return err;
	if (len < PARLOS_SRB_OVERHEAD || (pdu[0] & ~SRB_SN_MASK)) {
		ctx->stats.srb_malformed++;
		if (len < PARLOS_SRB_OVERHEAD)
			NL_SET_ERR_MSG(extack, "SRB PDU truncated: shorter than header and MAC-I");
		else
			NL_SET_ERR_MSG(extack, "SRB PDU reserved bits set");
		return -EINVAL;
	}
	srb = &ctx->srb[rb - 1];
	sn = pdu[0] & SRB_SN_MASK;
	hfn = srb->rx_hfn + (sn < srb->rx_next_sn);
	if (hfn >> (32 - SRB_SN_BITS)) {
		NL_SET_ERR_MSG(extack, "SRB COUNT exhausted: re-key");
		return -ENOSPC;
	}
	iv.count = hfn << SRB_SN_BITS | sn;
	iv.bearer = rb - 1;
	iv.dir = parlos_ctx_rx_dir(ctx);
	res->count = iv.count;
	srb_keys(ctx, cipher, &k);
	memcpy(out, pdu, len);
	err = parlos_pdcp_cp_unprotect(&k, &iv, out, len);
	if (err == -EBADMSG) {
		ctx->stats.srb_mac_fail++;
		NL_SET_ERR_MSG(extack, "SRB MAC-I verification failed");
		return err;
	} else if (err) {
		NL_SET_ERR_MSG(extack, "SRB crypto operation failed");
		return err;
	}
	*out_len = len - PARLOS_SRB_OVERHEAD;
	memmove(out, out + 1, *out_len);
	srb->rx_hfn = hfn;
	srb->rx_next_sn = sn + 1;
	if (srb->rx_next_sn > SRB_SN_MASK) {
		srb->rx_next_sn = 0;
		srb->rx_hfn++;
	}
	ctx->algs_used = true;
	ctx->stats.srb_rx++;
	res->wrap_near = iv.count == PARLOS_SRB_COUNT_MAX -
				     PARLOS_COUNT_WRAP_MARGIN;
	return 0;
}
