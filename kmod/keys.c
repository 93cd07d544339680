// SPDX-License-Identifier: GPL-2.0
/*
 * Key hierarchy: KASMEtemp -> KNASenc, KNASint, KeNB; KeNB -> KRRCenc,
 * KRRCint, KUPenc, KUPint. Each key gets a fingerprint (the first bytes
 * of its SHA-256) when it is set, so that showing a context never needs
 * the key again.
 */
#include <crypto/hash.h>
#include <linux/err.h>
#include <net/netlink.h>

#include "context.h"
#include "kdf.h"
#include "keys.h"

/* Unkeyed, so one transform serves every context at once. */
static struct crypto_shash *sha256;

static int key_set(struct parlos_ctx *ctx, enum parlos_key k, u8 *dst,
		   const u8 *src, unsigned int len)
{
	u8 digest[32];
	int err;

	err = crypto_shash_tfm_digest(sha256, src, len, digest);
	if (err)
		return err;
	if (dst != src)
		memcpy(dst, src, len);
	memcpy(ctx->keys.fpr[k], digest, PARLOS_FPR_LEN);
	memzero_explicit(digest, sizeof(digest));
	ctx->keys.valid |= BIT(k);
	return 0;
}

static void key_clear(struct parlos_ctx *ctx, enum parlos_key k, u8 *key,
		      unsigned int len)
{
	memzero_explicit(key, len);
	memset(ctx->keys.fpr[k], 0, PARLOS_FPR_LEN);
	ctx->keys.valid &= ~BIT(k);
}

/* Derives KDF(base, FC 0x15, dist, alg) into dst, fingerprinted as k. */
static int alg_key(struct parlos_ctx *ctx, struct parlos_kdf_ctx *kdf,
		   const u8 *base, u8 dist, u8 alg, enum parlos_key k, u8 *dst)
{
	u8 out[16];
	int err;

	err = parlos_kdf_ctx_alg_key(kdf, base, dist, alg, out);
	if (!err)
		err = key_set(ctx, k, dst, out, sizeof(out));
	memzero_explicit(out, sizeof(out));
	return err;
}

void parlos_keys_forget_derived(struct parlos_ctx *ctx)
{
	struct parlos_keys *k = &ctx->keys;

	key_clear(ctx, PARLOS_KEY_KNASENC, k->knas_enc, sizeof(k->knas_enc));
	key_clear(ctx, PARLOS_KEY_KNASINT, k->knas_int, sizeof(k->knas_int));
	key_clear(ctx, PARLOS_KEY_KENB, k->kenb, sizeof(k->kenb));
	key_clear(ctx, PARLOS_KEY_KRRCENC, k->krrc_enc, sizeof(k->krrc_enc));
	key_clear(ctx, PARLOS_KEY_KRRCINT, k->krrc_int, sizeof(k->krrc_int));
	key_clear(ctx, PARLOS_KEY_KUPENC, k->kup_enc, sizeof(k->kup_enc));
	key_clear(ctx, PARLOS_KEY_KUPINT, k->kup_int, sizeof(k->kup_int));
}

/* KNASenc and KNASint, once KASMEtemp and both NAS algorithms are set. */
int parlos_keys_derive_nas(struct parlos_ctx *ctx)
{
	struct parlos_keys *k = &ctx->keys;
	struct parlos_kdf_ctx kdf;
	int err;

	if (!parlos_key_valid(ctx, PARLOS_KEY_KASME) ||
	    ctx->nas_eea == PARLOS_ALG_UNSET || ctx->nas_eia == PARLOS_ALG_UNSET)
		return 0;
	err = parlos_kdf_begin(&kdf);
	if (err)
		return err;
	err = alg_key(ctx, &kdf, k->kasme, PARLOS_KDF_NAS_ENC, ctx->nas_eea,
		      PARLOS_KEY_KNASENC, k->knas_enc) ?:
	      alg_key(ctx, &kdf, k->kasme, PARLOS_KDF_NAS_INT, ctx->nas_eia,
		      PARLOS_KEY_KNASINT, k->knas_int);
	parlos_kdf_end(&kdf);
	return err;
}

int parlos_keys_set_kasme(struct parlos_ctx *ctx, const u8 *kasme)
{
	int err;

	parlos_keys_forget_derived(ctx);
	err = key_set(ctx, PARLOS_KEY_KASME, ctx->keys.kasme, kasme, 32);
	if (err)
		return err;
	ctx->state = PARLOS_STATE_KASME;
	return parlos_keys_derive_nas(ctx);
}

int parlos_keys_derive_as(struct parlos_ctx *ctx, u32 ul_nas_count,
			  struct netlink_ext_ack *extack)
{
	struct parlos_keys *k = &ctx->keys;
	u8 kenb[32];
	int err;

	if (!parlos_key_valid(ctx, PARLOS_KEY_KASME)) {
		NL_SET_ERR_MSG(extack, "no KASMEtemp yet: wrap or unwrap first");
		return -ENOKEY;
	}
	if (ctx->as_eea == PARLOS_ALG_UNSET || ctx->as_eia == PARLOS_ALG_UNSET) {
		NL_SET_ERR_MSG(extack, "AS algorithms not selected");
		return -ENOKEY;
	}
	err = parlos_kdf_kenb(k->kasme, ul_nas_count, kenb);
	if (!err)
		err = key_set(ctx, PARLOS_KEY_KENB, k->kenb, kenb, sizeof(kenb));
	memzero_explicit(kenb, sizeof(kenb));
	if (!err)
		err = parlos_keys_derive_as_algs(ctx);
	if (err) {
		NL_SET_ERR_MSG(extack, "AS key derivation failed");
		return err;
	}
	return 0;
}

/* KRRCenc, KRRCint, KUPenc and KUPint from KeNB and the AS algorithms. */
int parlos_keys_derive_as_algs(struct parlos_ctx *ctx)
{
	struct parlos_keys *k = &ctx->keys;
	struct parlos_kdf_ctx kdf;
	int err;

	if (!parlos_key_valid(ctx, PARLOS_KEY_KENB) ||
	    ctx->as_eea == PARLOS_ALG_UNSET || ctx->as_eia == PARLOS_ALG_UNSET)
		return 0;
	err = parlos_kdf_begin(&kdf);
	if (err)
		return err;
	err = alg_key(ctx, &kdf, k->kenb, PARLOS_KDF_RRC_ENC, ctx->as_eea,
		      PARLOS_KEY_KRRCENC, k->krrc_enc) ?:
	      alg_key(ctx, &kdf, k->kenb, PARLOS_KDF_RRC_INT, ctx->as_eia,
		      PARLOS_KEY_KRRCINT, k->krrc_int) ?:
	      alg_key(ctx, &kdf, k->kenb, PARLOS_KDF_UP_ENC, ctx->as_eea,
		      PARLOS_KEY_KUPENC, k->kup_enc) ?:
	      alg_key(ctx, &kdf, k->kenb, PARLOS_KDF_UP_INT, ctx->as_eia,
		      PARLOS_KEY_KUPINT, k->kup_int);
	parlos_kdf_end(&kdf);
	if (err)
		return err;
	ctx->state = PARLOS_STATE_AS;
	/* New keys start the SRB COUNTs anew (TS 36.331 5.3.1.2). */
	memset(ctx->srb, 0, sizeof(ctx->srb));
	return 0;
}

int parlos_keys_init(void)
{
	sha256 = crypto_alloc_shash("sha256", 0, 0);
	return PTR_ERR_OR_ZERO(sha256);
}

void parlos_keys_exit(void)
{
	crypto_free_shash(sha256);
}
