// SPDX-License-Identifier: GPL-2.0
/*
 * NAS security: header | MAC | SQN | message, the MAC over SQN and the
 * (ciphered) message, with BEARER 0 and NAS COUNT = 0 | overflow | SQN.
 */
#include <crypto/algapi.h>
#include <linux/errno.h>
#include <net/netlink.h>

#include "alg.h"
#include "context.h"
#include "cp_crypto.h"
#include "nas.h"

static bool sec_hdr_ciphered(u8 t)
{
	return t == 2 || t == 4;
}

static int nas_keys_ready(struct parlos_ctx *ctx, u8 sec_hdr,
			  struct netlink_ext_ack *extack)
{
	if (!parlos_key_valid(ctx, PARLOS_KEY_KNASINT) ||
	    (sec_hdr_ciphered(sec_hdr) &&
	     !parlos_key_valid(ctx, PARLOS_KEY_KNASENC))) {
		NL_SET_ERR_MSG(extack,
			       "no NAS keys: need KASMEtemp and the NAS algorithms");
		return -ENOKEY;
	}
	return 0;
}

int parlos_nas_protect(struct parlos_ctx *ctx, u8 sec_hdr, const u8 *msg,
		       unsigned int len, u8 *out, struct parlos_sec_result *res,
		       struct netlink_ext_ack *extack)
{
	struct parlos_eps_iv iv = { .bearer = 0, .dir = parlos_ctx_tx_dir(ctx) };
	u8 *body = out + PARLOS_NAS_SEC_HDR_LEN;
	int err;

	if (sec_hdr < 1 || sec_hdr > 4) {
		NL_SET_ERR_MSG(extack, "security header type must be 1 to 4");
		return -EINVAL;
	}
	err = nas_keys_ready(ctx, sec_hdr, extack);
	if (err)
		return err;
	if (ctx->nas_tx_count > PARLOS_NAS_COUNT_MAX) {
		NL_SET_ERR_MSG(extack, "NAS COUNT exhausted: re-key");
		return -ENOSPC;
	}
	iv.count = ctx->nas_tx_count;
	out[0] = sec_hdr << 4 | PARLOS_NAS_PD_EMM;
	out[5] = iv.count & 0xff;
	memcpy(body, msg, len);
	if (sec_hdr_ciphered(sec_hdr)) {
		err = parlos_cp_eea(ctx->nas_eea, ctx->keys.knas_enc, &iv, body,
				    len);
		if (err)
			goto fail;
	}
	err = parlos_cp_eia(ctx->nas_eia, ctx->keys.knas_int, &iv, out + 5,
			    len + 1, out + 1);
	if (err)
		goto fail;
	/* The COUNT is spent only once the message exists. */
	ctx->nas_tx_count++;
	ctx->nas_algs_used = true;
	ctx->stats.nas_tx++;
	res->count = iv.count;
	res->sec_hdr = sec_hdr;
	res->wrap_near = !ctx->nas_wrap_signalled &&
			 ctx->nas_tx_count > PARLOS_NAS_COUNT_MAX + 1 -
					     PARLOS_COUNT_WRAP_MARGIN;
	if (res->wrap_near)
		ctx->nas_wrap_signalled = true;
	return 0;
fail:
	memzero_explicit(body, len);
	NL_SET_ERR_MSG(extack, "NAS protection failed in the crypto layer");
	return err;
}

/*
 * The receiver knows only the SQN; TS 24.301 4.4.3.1 has it assume the
 * overflow went up when the SQN is below what it expects next.
 */
static u32 nas_estimate_count(u32 next, u8 sqn)
{
	u32 overflow = next >> 8;

	if (sqn < (next & 0xff))
		overflow++;
	return overflow << 8 | sqn;
}

static bool nas_mac_ok(struct parlos_ctx *ctx, u32 count, const u8 *pdu,
		       unsigned int len, int *err)
{
	struct parlos_eps_iv iv = {
		.count = count, .bearer = 0, .dir = parlos_ctx_rx_dir(ctx),
	};
	u8 mac[PARLOS_EIA_MAC_SIZE];

	*err = parlos_cp_eia(ctx->nas_eia, ctx->keys.knas_int, &iv, pdu + 5,
			     len - 5, mac);
	return !*err && !crypto_memneq(mac, pdu + 1, sizeof(mac));
}

int parlos_nas_unprotect(struct parlos_ctx *ctx, const u8 *pdu,
			 unsigned int len, u8 *out,
			 struct parlos_sec_result *res,
			 struct netlink_ext_ack *extack)
{
	struct parlos_eps_iv iv = { .bearer = 0, .dir = parlos_ctx_rx_dir(ctx) };
	u8 sec_hdr, sqn;
	u32 count;
	int err;

	/* a header and at least a protocol discriminator and message type */
	if (len < PARLOS_NAS_SEC_HDR_LEN + 2) {
		ctx->stats.nas_malformed++;
		NL_SET_ERR_MSG(extack, "NAS PDU truncated: shorter than a protected message");
		return -EINVAL;
	}
	sec_hdr = pdu[0] >> 4;
	if ((pdu[0] & 0x0f) != PARLOS_NAS_PD_EMM || sec_hdr < 1 || sec_hdr > 4) {
		ctx->stats.nas_malformed++;
		NL_SET_ERR_MSG(extack, "not a security-protected NAS message");
		return -EINVAL;
	}
	err = nas_keys_ready(ctx, sec_hdr, extack);
	if (err)
		return err;
	sqn = pdu[5];
	count = nas_estimate_count(ctx->nas_rx_next, sqn);
	res->count = count;
	res->sec_hdr = sec_hdr;
	if (count > PARLOS_NAS_COUNT_MAX) {
		NL_SET_ERR_MSG(extack, "NAS COUNT exhausted: re-key");
		return -ENOSPC;
	}
	if (!nas_mac_ok(ctx, count, pdu, len, &err)) {
		u32 old = count - 0x100;

		if (err) {
			NL_SET_ERR_MSG(extack, "NAS MAC computation failed");
			return err;
		}
		/* A MAC that matches an earlier COUNT is a replay. */
		if (count >= 0x100 && old < ctx->nas_rx_next &&
		    nas_mac_ok(ctx, old, pdu, len, &err)) {
			ctx->stats.nas_replay++;
			res->count = old;
			NL_SET_ERR_MSG(extack, "replayed NAS message: COUNT already accepted");
			return -EALREADY;
		}
		ctx->stats.nas_mac_fail++;
		NL_SET_ERR_MSG(extack, "NAS MAC verification failed");
		return -EBADMSG;
	}
	memcpy(out, pdu + PARLOS_NAS_SEC_HDR_LEN, len - PARLOS_NAS_SEC_HDR_LEN);
	if (sec_hdr_ciphered(sec_hdr)) {
		iv.count = count;
		err = parlos_cp_eea(ctx->nas_eea, ctx->keys.knas_enc, &iv, out,
				    len - PARLOS_NAS_SEC_HDR_LEN);
		if (err) {
			memzero_explicit(out, len - PARLOS_NAS_SEC_HDR_LEN);
			NL_SET_ERR_MSG(extack, "NAS deciphering failed");
			return err;
		}
	}
	ctx->nas_rx_next = count + 1;
	ctx->nas_algs_used = true;
	ctx->stats.nas_rx++;
	res->wrap_near = !ctx->nas_wrap_signalled &&
			 ctx->nas_rx_next > PARLOS_NAS_COUNT_MAX + 1 -
					    PARLOS_COUNT_WRAP_MARGIN;
	if (res->wrap_near)
		ctx->nas_wrap_signalled = true;
	return 0;
}
