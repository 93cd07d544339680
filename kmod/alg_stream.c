// SPDX-License-Identifier: GPL-2.0
/*
 * skcipher and shash glue for the SNOW 3G and ZUC cores. The cores
 * stream, so a scatterlist walk feeds them chunk by chunk, and a MAC
 * may be updated with any split of the data.
 */
#include <linux/string.h>

#include "alg_stream.h"

int parlos_stream_setkey(struct crypto_skcipher *tfm, const u8 *key,
			 unsigned int keylen)
{
	struct parlos_key_ctx *ctx = crypto_skcipher_ctx(tfm);

	if (keylen != PARLOS_EPS_KEY_SIZE)
		return -EINVAL;
	memcpy(ctx->key, key, keylen);
	return 0;
}

void parlos_stream_exit(struct crypto_skcipher *tfm)
{
	struct parlos_key_ctx *ctx = crypto_skcipher_ctx(tfm);

	memzero_explicit(ctx->key, sizeof(ctx->key));
}

int parlos_stream_crypt(struct skcipher_request *req,
			const struct parlos_stream_ops *ops)
{
	struct parlos_key_ctx *ctx =
		crypto_skcipher_ctx(crypto_skcipher_reqtfm(req));
	/* set by ops->init before use: not worth zeroing per request */
	u8 state[PARLOS_MAC_STATE_MAX] __aligned(8) __uninitialized;
	struct skcipher_walk walk;
	struct parlos_eps_iv iv;
	int err;

	if (req->cryptlen > PARLOS_EPS_MAX_LEN ||
	    parlos_eps_iv_parse(req->iv, PARLOS_EPS_IV_SIZE, &iv))
		return -EINVAL;
	err = skcipher_walk_virt(&walk, req, false);
	if (err)
		return err;
	ops->init(state, ctx->key, iv.count, iv.bearer, iv.dir);
	while (walk.nbytes) {
		ops->xor(state, walk.src.virt.addr, walk.dst.virt.addr,
			 walk.nbytes);
		err = skcipher_walk_done(&walk, 0);
		if (err)
			break;
	}
	memzero_explicit(state, ops->state_size);
	return err;
}

int parlos_mac_setkey(struct crypto_shash *tfm, const u8 *key,
		      unsigned int keylen)
{
	struct parlos_key_ctx *ctx = crypto_shash_ctx(tfm);

	if (keylen != PARLOS_EPS_KEY_SIZE)
		return -EINVAL;
	memcpy(ctx->key, key, keylen);
	return 0;
}

void parlos_mac_exit(struct crypto_shash *tfm)
{
	struct parlos_key_ctx *ctx = crypto_shash_ctx(tfm);

	memzero_explicit(ctx->key, sizeof(ctx->key));
}

int parlos_mac_init(struct shash_desc *desc)
{
	struct parlos_mac_desc *d = shash_desc_ctx(desc);

	d->len = 0;
	return 0;
}

/*
 * The first 8 bytes are COUNT | BEARER, DIRECTION | 0 (alg.h); the core
 * starts once they are all in, since its keystream depends on them.
 */
int parlos_mac_update(struct shash_desc *desc, const u8 *data,
		      unsigned int len, const struct parlos_mac_ops *ops)
{
	struct parlos_key_ctx *ctx = crypto_shash_ctx(desc->tfm);
	struct parlos_mac_desc *d = shash_desc_ctx(desc);
	struct parlos_eps_iv iv;

	if (d->len + len > PARLOS_EIA_PREFIX_SIZE + (u64)PARLOS_EPS_MAX_LEN)
		return -EINVAL;
	while (d->len < PARLOS_EIA_PREFIX_SIZE && len) {
		d->prefix[d->len++] = *data++;
		len--;
		if (d->len < PARLOS_EIA_PREFIX_SIZE)
			continue;
		if (parlos_eps_iv_parse(d->prefix, sizeof(d->prefix), &iv))
			return -EINVAL;
		ops->init(d->state, ctx->key, iv.count, iv.bearer, iv.dir);
	}
	if (len) {
		ops->update(d->state, data, len);
		d->len += len;
	}
	return 0;
}

int parlos_mac_final(struct shash_desc *desc, u8 *out,
		     const struct parlos_mac_ops *ops)
{
	struct parlos_mac_desc *d = shash_desc_ctx(desc);

	if (d->len < PARLOS_EIA_PREFIX_SIZE)
		return -EINVAL;
	put_unaligned_be32(ops->final(d->state), out);
	memzero_explicit(d->state, ops->state_size);
	return 0;
}
