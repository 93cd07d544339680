// SPDX-License-Identifier: GPL-2.0
/*
 * 128-EEA2 and 128-EIA2: thin wrappers over whatever ctr(aes) and
 * cmac(aes) the crypto API selects, so AES-NI, ARM CE or an engine
 * serve them. The wrappers only check the EPS layout and lengths.
 */
#include <crypto/internal/hash.h>
#include <crypto/internal/skcipher.h>
#include <linux/module.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

#include "compat.h"
#include "alg.h"

struct eea2_tfm_ctx {
	struct crypto_skcipher *ctr;
};

static int eea2_init_tfm(struct crypto_skcipher *tfm)
{
	struct eea2_tfm_ctx *ctx = crypto_skcipher_ctx(tfm);
	struct crypto_skcipher *ctr;

	ctr = crypto_alloc_skcipher("ctr(aes)", 0, 0);
	if (IS_ERR(ctr))
		return PTR_ERR(ctr);
	ctx->ctr = ctr;
	crypto_skcipher_set_reqsize(tfm, sizeof(struct skcipher_request) +
				    crypto_skcipher_reqsize(ctr));
	return 0;
}

static void eea2_exit_tfm(struct crypto_skcipher *tfm)
{
	struct eea2_tfm_ctx *ctx = crypto_skcipher_ctx(tfm);

	crypto_free_skcipher(ctx->ctr);
}

static int eea2_setkey(struct crypto_skcipher *tfm, const u8 *key,
		       unsigned int keylen)
{
	struct eea2_tfm_ctx *ctx = crypto_skcipher_ctx(tfm);

	if (keylen != PARLOS_EPS_KEY_SIZE)
		return -EINVAL;
	crypto_skcipher_clear_flags(ctx->ctr, CRYPTO_TFM_REQ_MASK);
	crypto_skcipher_set_flags(ctx->ctr, crypto_skcipher_get_flags(tfm) &
				  CRYPTO_TFM_REQ_MASK);
	return crypto_skcipher_setkey(ctx->ctr, key, keylen);
}

static PARLOS_CRYPTO_CB(eea2_done)
{
	struct skcipher_request *req = PARLOS_CRYPTO_CB_DATA();

	skcipher_request_complete(req, err);
}

static int eea2_crypt(struct skcipher_request *req)
{
	struct crypto_skcipher *tfm = crypto_skcipher_reqtfm(req);
	struct eea2_tfm_ctx *ctx = crypto_skcipher_ctx(tfm);
	struct skcipher_request *subreq = skcipher_request_ctx(req);
	struct parlos_eps_iv iv;

	if (req->cryptlen > PARLOS_EPS_MAX_LEN ||
	    parlos_eps_iv_parse(req->iv, PARLOS_EPS_IV_SIZE, &iv))
		return -EINVAL;
	/* The EPS IV is the CTR initial counter block as it stands. */
	skcipher_request_set_tfm(subreq, ctx->ctr);
	skcipher_request_set_callback(subreq, req->base.flags, eea2_done, req);
	skcipher_request_set_crypt(subreq, req->src, req->dst, req->cryptlen,
				   req->iv);
	return crypto_skcipher_encrypt(subreq);
}

static struct skcipher_alg eea2_alg = {
	.base = {
		.cra_name = "eea2",
		.cra_driver_name = "eea2-ctr-aes",
		.cra_priority = PARLOS_ALG_PRIORITY,
		.cra_flags = CRYPTO_ALG_ASYNC,
		.cra_blocksize = 1,
		.cra_ctxsize = sizeof(struct eea2_tfm_ctx),
		.cra_module = THIS_MODULE,
	},
	.min_keysize = PARLOS_EPS_KEY_SIZE,
	.max_keysize = PARLOS_EPS_KEY_SIZE,
	.ivsize = PARLOS_EPS_IV_SIZE,
	.chunksize = 16,
	.init = eea2_init_tfm,
	.exit = eea2_exit_tfm,
	.setkey = eea2_setkey,
	.encrypt = eea2_crypt,
	.decrypt = eea2_crypt,
};

/* cmac(aes) keeps a few blocks of state; bound it for export. */
#define EIA2_CHILD_STATE_MAX	128

struct eia2_tfm_ctx {
	struct crypto_shash *cmac;
};

struct eia2_desc_ctx {
	u64 len;		/* bytes hashed, prefix included */
	struct shash_desc child;	/* must be last: child ctx follows */
};

struct eia2_state {
	u64 len;
	u8 child[EIA2_CHILD_STATE_MAX];
};

static int eia2_init_tfm(struct crypto_shash *tfm)
{
	struct eia2_tfm_ctx *ctx = crypto_shash_ctx(tfm);
	struct crypto_shash *cmac;

	cmac = crypto_alloc_shash("cmac(aes)", 0, 0);
	if (IS_ERR(cmac))
		return PTR_ERR(cmac);
	if (crypto_shash_statesize(cmac) > EIA2_CHILD_STATE_MAX) {
		crypto_free_shash(cmac);
		return -EINVAL;
	}
	ctx->cmac = cmac;
	tfm->descsize = sizeof(struct eia2_desc_ctx) +
			crypto_shash_descsize(cmac);
	return 0;
}

static void eia2_exit_tfm(struct crypto_shash *tfm)
{
	struct eia2_tfm_ctx *ctx = crypto_shash_ctx(tfm);

	crypto_free_shash(ctx->cmac);
}

static int eia2_setkey(struct crypto_shash *tfm, const u8 *key,
		       unsigned int keylen)
{
	struct eia2_tfm_ctx *ctx = crypto_shash_ctx(tfm);

	if (keylen != PARLOS_EPS_KEY_SIZE)
		return -EINVAL;
	return crypto_shash_setkey(ctx->cmac, key, keylen);
}

static int eia2_init(struct shash_desc *desc)
{
	struct eia2_tfm_ctx *ctx = crypto_shash_ctx(desc->tfm);
	struct eia2_desc_ctx *dctx = shash_desc_ctx(desc);

	dctx->len = 0;
	dctx->child.tfm = ctx->cmac;
	return crypto_shash_init(&dctx->child);
}

/* Checks the reserved bits of the prefix bytes in [pos, pos + len). */
static int eia_prefix_check(u64 pos, const u8 *data, unsigned int len)
{
	for (; pos < PARLOS_EIA_PREFIX_SIZE && len; pos++, data++, len--) {
		if (pos == 4 && (*data & 0x03))
			return -EINVAL;
		if (pos > 4 && *data)
			return -EINVAL;
	}
	return 0;
}

static int eia2_update(struct shash_desc *desc, const u8 *data,
		       unsigned int len)
{
	struct eia2_desc_ctx *dctx = shash_desc_ctx(desc);

	if (eia_prefix_check(dctx->len, data, len) ||
	    dctx->len + len > PARLOS_EIA_PREFIX_SIZE + (u64)PARLOS_EPS_MAX_LEN)
		return -EINVAL;
	dctx->len += len;
	return crypto_shash_update(&dctx->child, data, len);
}

static int eia2_final(struct shash_desc *desc, u8 *out)
{
	struct eia2_desc_ctx *dctx = shash_desc_ctx(desc);
	u8 full[16];
	int err;

	if (dctx->len < PARLOS_EIA_PREFIX_SIZE)
		return -EINVAL;
	err = crypto_shash_final(&dctx->child, full);
	if (!err)
		memcpy(out, full, PARLOS_EIA_MAC_SIZE);
	memzero_explicit(full, sizeof(full));
	return err;
}

static int eia2_export(struct shash_desc *desc, void *out)
{
	struct eia2_desc_ctx *dctx = shash_desc_ctx(desc);
	struct eia2_state *st = out;

	st->len = dctx->len;
	return crypto_shash_export(&dctx->child, st->child);
}

static int eia2_import(struct shash_desc *desc, const void *in)
{
	struct eia2_tfm_ctx *ctx = crypto_shash_ctx(desc->tfm);
	struct eia2_desc_ctx *dctx = shash_desc_ctx(desc);
	const struct eia2_state *st = in;

	dctx->len = st->len;
	dctx->child.tfm = ctx->cmac;
	return crypto_shash_import(&dctx->child, st->child);
}

static struct shash_alg eia2_alg = {
	.base = {
		.cra_name = "eia2",
		.cra_driver_name = "eia2-cmac-aes",
		.cra_priority = PARLOS_ALG_PRIORITY,
		.cra_blocksize = 1,
		.cra_ctxsize = sizeof(struct eia2_tfm_ctx),
		.cra_module = THIS_MODULE,
	},
	.digestsize = PARLOS_EIA_MAC_SIZE,
	/* init_tfm adds the child's descriptor size */
	.descsize = sizeof(struct eia2_desc_ctx),
	.statesize = sizeof(struct eia2_state),
	.init_tfm = eia2_init_tfm,
	.exit_tfm = eia2_exit_tfm,
	.setkey = eia2_setkey,
	.init = eia2_init,
	.update = eia2_update,
	.final = eia2_final,
	.export = eia2_export,
	.import = eia2_import,
};

/* One AES block through ecb(aes): the bit-level CMAC below needs raw AES. */
static int aes_block(struct crypto_skcipher *ecb, struct skcipher_request *req,
		     u8 *block)
{
	struct scatterlist sg;
	DECLARE_CRYPTO_WAIT(wait);

	sg_init_one(&sg, block, 16);
	skcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_SLEEP,
				      crypto_req_done, &wait);
	skcipher_request_set_crypt(req, &sg, &sg, 16, NULL);
	return crypto_wait_req(crypto_skcipher_encrypt(req), &wait);
}

/* Doubling in GF(2^128), SP 800-38B subkey generation. */
static void cmac_dbl(u8 *b)
{
	u8 carry = b[0] >> 7;
	int i;

	for (i = 0; i < 15; i++)
		b[i] = b[i] << 1 | b[i + 1] >> 7;
	b[15] = b[15] << 1 ^ (carry ? 0x87 : 0);
}

/*
 * 128-EIA2 over a message of any bit length (the crypto API hashes
 * bytes): AES-CMAC with the SP 800-38B bit-level padding, over the
 * 64-bit EPS prefix and nbits of msg. For tests and odd-length callers.
 */
int parlos_eia2_bits(const u8 *key, u32 count, u8 bearer, u8 dir,
		     const u8 *msg, u32 nbits, u8 *mac)
{
	struct parlos_eps_iv eps = { count, bearer, dir };
	u64 total = 64 + (u64)nbits, done;
	struct crypto_skcipher *ecb;
	struct skcipher_request *req = NULL;
	u8 *k, *t, *m;
	int err, i;

	ecb = crypto_alloc_skcipher("ecb(aes)", 0, CRYPTO_ALG_ASYNC);
	if (IS_ERR(ecb))
		return PTR_ERR(ecb);
	k = kzalloc(48, GFP_KERNEL);	/* subkey | state | block */
	err = -ENOMEM;
	if (!k)
		goto out;
	t = k + 16;
	m = k + 32;
	req = skcipher_request_alloc(ecb, GFP_KERNEL);
	if (!req)
		goto out;
	err = crypto_skcipher_setkey(ecb, key, PARLOS_EPS_KEY_SIZE) ?:
	      aes_block(ecb, req, k);	/* L = AES(0) */
	if (err)
		goto out;
	cmac_dbl(k);			/* K1 */
	if (total % 128)
		cmac_dbl(k);		/* K2 */
	for (done = 0; !err; done += 128) {
		bool last = total - done <= 128;
		u64 bit;

		/* bit i of the CMAC input: prefix first, then msg */
		memset(m, 0, 16);
		for (bit = done; bit < done + 128 && bit < total; bit++) {
			u8 byte = bit < 64 ? 0 : msg[(bit - 64) / 8];
			u8 v;

			if (bit < 64) {
				u8 pre[PARLOS_EIA_PREFIX_SIZE];

				parlos_eps_iv_build(pre, sizeof(pre), &eps);
				byte = pre[bit / 8];
			}
			v = byte >> (7 - bit % 8) & 1;
			m[(bit - done) / 8] |= v << (7 - (bit - done) % 8);
		}
		if (last && total % 128) {
			bit = total - done;	/* the padding's 1 bit */
			m[bit / 8] |= 0x80 >> (bit % 8);
		}
		for (i = 0; i < 16; i++)
			t[i] ^= m[i] ^ (last ? k[i] : 0);
		err = aes_block(ecb, req, t);
		if (last)
			break;
	}
	if (!err)
		memcpy(mac, t, PARLOS_EIA_MAC_SIZE);
out:
	skcipher_request_free(req);
	kfree_sensitive(k);
	crypto_free_skcipher(ecb);
	return err;
}

int parlos_alg_aes_register(void)
{
	int err;

	err = crypto_register_skcipher(&eea2_alg);
	if (err)
		return err;
	err = crypto_register_shash(&eia2_alg);
	if (err)
		crypto_unregister_skcipher(&eea2_alg);
	return err;
}

void parlos_alg_aes_unregister(void)
{
	crypto_unregister_shash(&eia2_alg);
	crypto_unregister_skcipher(&eea2_alg);
}
