// SPDX-License-Identifier: GPL-2.0
/*
 * Load-time known-answer tests of the six EPS algorithms, run through
 * the crypto API so that whichever implementation it selects (ours or
 * a faster driver) is the one checked. A failure refuses the load.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

#include "alg.h"
#include "selftest.h"

struct kat {
	const char *alg;
	const char *key;
	u32 count;
	u8 bearer;
	u8 dir;
	u32 bits;
	const char *in;
	const char *out;	/* ciphertext, or the 4-byte MAC */
};

static const struct kat kats[] = {
	/* TS 33.401 C.3 (128-EEA1) set 3 */
	{ "eea1", "0a8b6bd8d9b08b08d64e32d1817777fb", 0x544d49cd, 4, 0, 310,
	  "fd40a41d370a1f65745095687d47ba1d36d2349e23f644392c8ea9c49d40c13271aff264d0f248",
	  "48148e5452a210c05f46bc80dc6f73495b02048c1b958b026102ca97280279a4c18d2ee308921c" },
	/* TS 33.401 C.1 (128-EEA2) set 3 */
	{ "eea2", "0a8b6bd8d9b08b08d64e32d1817777fb", 0x544d49cd, 4, 0, 310,
	  "fd40a41d370a1f65745095687d47ba1d36d2349e23f644392c8ea9c49d40c13271aff264d0f248",
	  "75750d37b4bba2a4dedb34235bd68c6645acdaaca48138a3b0c471e2a7041a576423d2927287f0" },
	/* ETSI/SAGE EEA3&EIA3 Doc 3 v1.1 4.4 (128-EEA3) set 1 */
	{ "eea3", "173d14ba5003731d7a60049470f00a29", 0x66035492, 15, 0, 193,
	  "6cf65340735552ab0c9752fa6f9025fe0bd675d9005875b200",
	  "a6c85fc66afb8533aafc2518dfe784940ee1e4b030238cc800" },
	/* TS 33.401 C.4 (128-EIA1) set 1 */
	{ "eia1", "2bd6459f82c5b300952c49104881ff48", 0x38a6f056, 31, 0, 88,
	  "3332346263393861373479", "731f1165" },
	/* TS 33.401 C.2 (128-EIA2) set 2 */
	{ "eia2", "d3c5d592327fb11c4035c6680af8c6d1", 0x398a59b4, 26, 1, 64,
	  "484583d5afe082ae", "b93787e6" },
	/*
	 * EEA3&EIA3 Doc 3 5.4 (128-EIA3) set 3 is 577 bits long; the crypto
	 * API hashes bytes, so this is its first 576 bits. MAC computed
	 * with Intel ipsec-mb 1.3.0, which reproduces the official 577-bit
	 * MAC fae8ff0b from the same inputs.
	 */
	{ "eia3", "c9e6cec4607c72db000aefa88385ab0a", 0xa94059da, 10, 1, 576,
	  "983b41d47d780c9e1ad11d7eb70391b1de0b35da2dc62f83e7b78d6306ca0ea07e941b7be91348f9fcb170e2217fecd97f9f68adb16e5d7d21e569d280ed775cebde3f4093c5388100",
	  "8e48c7d5" },
};

static int kat_cipher(const struct kat *t, const u8 *key, u8 *buf,
		      const u8 *want, unsigned int len)
{
	struct parlos_eps_iv eps = { t->count, t->bearer, t->dir };
	u8 iv[PARLOS_EPS_IV_SIZE], mask;
	struct crypto_skcipher *tfm;
	struct skcipher_request *req;
	struct scatterlist sg;
	DECLARE_CRYPTO_WAIT(wait);
	int err;

	tfm = crypto_alloc_skcipher(t->alg, 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	err = crypto_skcipher_setkey(tfm, key, PARLOS_EPS_KEY_SIZE);
	if (err)
		goto out_tfm;
	req = skcipher_request_alloc(tfm, GFP_KERNEL);
	if (!req) {
		err = -ENOMEM;
		goto out_tfm;
	}
	parlos_eps_iv_build(iv, sizeof(iv), &eps);
	sg_init_one(&sg, buf, len);
	skcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_SLEEP,
				      crypto_req_done, &wait);
	skcipher_request_set_crypt(req, &sg, &sg, len, iv);
	err = crypto_wait_req(crypto_skcipher_encrypt(req), &wait);
	skcipher_request_free(req);
	if (err)
		goto out_tfm;
	/* Only the first t->bits bits are defined. */
	mask = t->bits % 8 ? 0xff << (8 - t->bits % 8) : 0xff;
	buf[len - 1] &= mask;
	if (memcmp(buf, want, len))
		err = -EBADMSG;
out_tfm:
	crypto_free_skcipher(tfm);
	return err;
}

/* Hashes prefix and message in three uneven updates. */
static int kat_mac(const struct kat *t, const u8 *key, const u8 *msg,
		   const u8 *want, unsigned int len)
{
	struct parlos_eps_iv eps = { t->count, t->bearer, t->dir };
	u8 prefix[PARLOS_EIA_PREFIX_SIZE], mac[PARLOS_EIA_MAC_SIZE];
	struct crypto_shash *tfm;
	unsigned int half = len / 2;
	int err;

	tfm = crypto_alloc_shash(t->alg, 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	parlos_eps_iv_build(prefix, sizeof(prefix), &eps);
	err = crypto_shash_setkey(tfm, key, PARLOS_EPS_KEY_SIZE);
	if (!err) {
		SHASH_DESC_ON_STACK(desc, tfm);

		desc->tfm = tfm;
		err = crypto_shash_init(desc) ?:
		      crypto_shash_update(desc, prefix, 3) ?:
		      crypto_shash_update(desc, prefix + 3, 5) ?:
		      crypto_shash_update(desc, msg, half) ?:
		      crypto_shash_finup(desc, msg + half, len - half, mac);
		shash_desc_zero(desc);
	}
	if (!err && memcmp(mac, want, sizeof(mac)))
		err = -EBADMSG;
	crypto_free_shash(tfm);
	return err;
}

static int kat_run(const struct kat *t)
{
	unsigned int len = DIV_ROUND_UP(t->bits, 8);
	u8 key[PARLOS_EPS_KEY_SIZE];
	u8 *in, *out;
	int err = -EINVAL;

	in = kmalloc(len, GFP_KERNEL);
	out = kmalloc(len, GFP_KERNEL);
	if (!in || !out) {
		err = -ENOMEM;
		goto out;
	}
	if (hex2bin(key, t->key, sizeof(key)) || hex2bin(in, t->in, len))
		goto out;
	if (t->alg[1] == 'e') {
		if (hex2bin(out, t->out, len))
			goto out;
		err = kat_cipher(t, key, in, out, len);
	} else {
		if (hex2bin(out, t->out, PARLOS_EIA_MAC_SIZE))
			goto out;
		err = kat_mac(t, key, in, out, len);
	}
out:
	kfree(in);
	kfree(out);
	return err;
}

int parlos_selftest(void)
{
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(kats); i++) {
		err = kat_run(&kats[i]);
		if (err) {
			pr_err("self-test of %s failed (%d): refusing to load\n",
			       kats[i].alg, err);
			return err;
		}
	}
	pr_info("self-test passed: eea1 eea2 eea3 eia1 eia2 eia3\n");
	return 0;
}
