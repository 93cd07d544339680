// SPDX-License-Identifier: GPL-2.0
/*
 * TS 33.401 Annex A key derivation on the crypto API's "hmac(sha256)".
 */
#include <crypto/hash.h>
#include <linux/err.h>
#include <linux/string.h>

#include "compat.h"
#include "kdf.h"

/**
 * parlos_kdf_begin() - allocate the HMAC transform for a batch
 * @ctx: the context to set up
 *
 * Return: 0 or a negative errno; @ctx needs parlos_kdf_end() after 0.
 */
int parlos_kdf_begin(struct parlos_kdf_ctx *ctx)
{
	struct crypto_shash *tfm;

	tfm = crypto_alloc_shash("hmac(sha256)", 0, 0);
	if (IS_ERR(tfm)) {
		ctx->tfm = NULL;
		return PTR_ERR(tfm);
	}
	if (crypto_shash_digestsize(tfm) != PARLOS_KDF_OUT_LEN) {
		crypto_free_shash(tfm);
		ctx->tfm = NULL;
		return -EINVAL;
	}
	ctx->tfm = tfm;
	return 0;
}

/* Frees the transform; its key is wiped with it. */
void parlos_kdf_end(struct parlos_kdf_ctx *ctx)
{
	crypto_free_shash(ctx->tfm);
	ctx->tfm = NULL;
}

/**
 * parlos_kdf_ctx_derive() - the generic KDF
 * @ctx: from parlos_kdf_begin()
 * @key: the input key (KASME, KeNB, ...)
 * @keylen: its length, not 0
 * @fc: the function code
 * @p0: P0
 * @l0: its length
 * @p1: P1, or NULL with @l1 = 0 when there is none
 * @l1: its length
 * @out: receives the 32-byte output; zeroed on error
 *
 * Return: 0 or a negative errno.
 */
int parlos_kdf_ctx_derive(struct parlos_kdf_ctx *ctx, const u8 *key,
			  unsigned int keylen, u8 fc, const u8 *p0, u16 l0,
			  const u8 *p1, u16 l1, u8 out[PARLOS_KDF_OUT_LEN])
{
	SHASH_DESC_ON_STACK(desc, ctx->tfm);
	u8 len0[2], len1[2];
	int err;

	if (!ctx->tfm || !key || !keylen || (l0 && !p0) || (l1 && !p1)) {
		err = -EINVAL;
		goto out;
	}
	err = crypto_shash_setkey(ctx->tfm, key, keylen);
	if (err)
		goto out;
	put_unaligned_be16(l0, len0);
	put_unaligned_be16(l1, len1);
	desc->tfm = ctx->tfm;
	err = crypto_shash_init(desc) ?:
	      crypto_shash_update(desc, &fc, 1) ?:
	      crypto_shash_update(desc, p0, l0) ?:
	      crypto_shash_update(desc, len0, sizeof(len0));
	if (!err && l1)
		err = crypto_shash_update(desc, p1, l1) ?:
		      crypto_shash_update(desc, len1, sizeof(len1));
	if (!err)
		err = crypto_shash_final(desc, out);
	shash_desc_zero(desc);
out:
	if (err)
		memzero_explicit(out, PARLOS_KDF_OUT_LEN);
	return err;
}

/**
 * parlos_kdf_ctx_alg_key() - an algorithm key (TS 33.401 A.7)
 * @ctx: from parlos_kdf_begin()
 * @key: KASME (NAS keys) or KeNB (RRC and UP keys)
 * @distinguisher: enum parlos_kdf_dist
 * @alg_id: the 4-bit algorithm identity (EEA or EIA)
 * @out: receives the 128-bit key, the last 16 output bytes; zeroed on error
 *
 * Return: 0 or a negative errno.
 */
int parlos_kdf_ctx_alg_key(struct parlos_kdf_ctx *ctx,
			   const u8 key[PARLOS_KDF_OUT_LEN], u8 distinguisher,
			   u8 alg_id, u8 out[PARLOS_KDF_KEY128_LEN])
{
	u8 full[PARLOS_KDF_OUT_LEN];
	int err;

	if (distinguisher < PARLOS_KDF_NAS_ENC ||
	    distinguisher > PARLOS_KDF_UP_INT || alg_id > 0x0f) {
		memzero_explicit(out, PARLOS_KDF_KEY128_LEN);
		return -EINVAL;
	}
	err = parlos_kdf_ctx_derive(ctx, key, PARLOS_KDF_OUT_LEN,
				    PARLOS_KDF_FC_ALG_KEY, &distinguisher, 1,
				    &alg_id, 1, full);
	memcpy(out, full + PARLOS_KDF_OUT_LEN - PARLOS_KDF_KEY128_LEN,
	       PARLOS_KDF_KEY128_LEN);
	memzero_explicit(full, sizeof(full));
	return err;
}

/**
 * parlos_kdf_ctx_kenb() - KeNB from KASME (TS 33.401 A.3)
 * @ctx: from parlos_kdf_begin()
 * @kasme: KASME
 * @ul_nas_count: the uplink NAS COUNT
 * @kenb: receives KeNB; zeroed on error
 *
 * Return: 0 or a negative errno.
 */
int parlos_kdf_ctx_kenb(struct parlos_kdf_ctx *ctx,
			const u8 kasme[PARLOS_KDF_OUT_LEN], u32 ul_nas_count,
			u8 kenb[PARLOS_KDF_OUT_LEN])
{
	u8 count[4];

	put_unaligned_be32(ul_nas_count, count);
	return parlos_kdf_ctx_derive(ctx, kasme, PARLOS_KDF_OUT_LEN,
				     PARLOS_KDF_FC_KENB, count, sizeof(count),
				     NULL, 0, kenb);
}

/* One-shot forms: one transform per call. */

int parlos_kdf(const u8 *key, unsigned int keylen, u8 fc, const u8 *p0,
	       u16 l0, const u8 *p1, u16 l1, u8 out[PARLOS_KDF_OUT_LEN])
{
	struct parlos_kdf_ctx ctx;
	int err;

	err = parlos_kdf_begin(&ctx);
	if (err) {
		memzero_explicit(out, PARLOS_KDF_OUT_LEN);
		return err;
	}
	err = parlos_kdf_ctx_derive(&ctx, key, keylen, fc, p0, l0, p1, l1,
				    out);
	parlos_kdf_end(&ctx);
	return err;
}

int parlos_kdf_alg_key(const u8 key[PARLOS_KDF_OUT_LEN], u8 distinguisher,
		       u8 alg_id, u8 out[PARLOS_KDF_KEY128_LEN])
{
	struct parlos_kdf_ctx ctx;
	int err;

	err = parlos_kdf_begin(&ctx);
	if (err) {
		memzero_explicit(out, PARLOS_KDF_KEY128_LEN);
		return err;
	}
	err = parlos_kdf_ctx_alg_key(&ctx, key, distinguisher, alg_id, out);
	parlos_kdf_end(&ctx);
	return err;
}

int parlos_kdf_kenb(const u8 kasme[PARLOS_KDF_OUT_LEN], u32 ul_nas_count,
		    u8 kenb[PARLOS_KDF_OUT_LEN])
{
	struct parlos_kdf_ctx ctx;
	int err;

	err = parlos_kdf_begin(&ctx);
	if (err) {
		memzero_explicit(kenb, PARLOS_KDF_OUT_LEN);
		return err;
	}
	err = parlos_kdf_ctx_kenb(&ctx, kasme, ul_nas_count, kenb);
	parlos_kdf_end(&ctx);
	return err;
}
