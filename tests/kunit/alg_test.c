// SPDX-License-Identifier: GPL-2.0
/*
 * The six EPS algorithms through the crypto API, against every vector
 * in tests/vectors, plus misuse: wrong key length, bad IV, huge input.
 */
#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <kunit/test.h>
#include <linux/scatterlist.h>

#include "alg.h"
#include "snow3g.h"
#include "vectors.h"
#include "zuc.h"

struct alg_case {
	const char *alg;
	const struct pv *pv;
};

static void eps_iv_of(struct kunit *test, const struct pv *p, u8 *iv,
		      unsigned int len)
{
	struct parlos_eps_iv eps = {
		.count = pv_u32(test, p->count, 16),
		.bearer = pv_u32(test, p->bearer, 10),
		.dir = pv_u32(test, p->direction, 10),
	};

	parlos_eps_iv_build(iv, len, &eps);
}

/* Encrypts through the API; the caller compares LENGTH bits only. */
static int api_cipher(struct kunit *test, const char *alg, const u8 *key,
		      unsigned int keylen, u8 *iv, u8 *buf, unsigned int len)
{
	struct crypto_skcipher *tfm;
	struct skcipher_request *req;
	struct scatterlist sg;
	DECLARE_CRYPTO_WAIT(wait);
	int err;

	tfm = crypto_alloc_skcipher(alg, 0, 0);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(tfm), "alloc %s", alg);
	err = crypto_skcipher_setkey(tfm, key, keylen);
	if (err)
		goto out;
	req = skcipher_request_alloc(tfm, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, req);
	sg_init_one(&sg, buf, len ? len : 1);
	skcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_SLEEP,
				      crypto_req_done, &wait);
	skcipher_request_set_crypt(req, &sg, &sg, len, iv);
	err = crypto_wait_req(crypto_skcipher_encrypt(req), &wait);
	skcipher_request_free(req);
out:
	crypto_free_skcipher(tfm);
	return err;
}

static void expect_bits_eq(struct kunit *test, const u8 *got, const u8 *want,
			   u32 bits)
{
	u32 full = bits / 8;
	u8 mask = 0xff << (8 - bits % 8);

	PV_EXPECT_MEMEQ(test, got, want, full);
	if (bits % 8)
		KUNIT_EXPECT_EQ(test, got[full] & mask, want[full] & mask);
}

static void cipher_vector(struct kunit *test, const char *alg,
			  const struct pv *p)
{
	u8 iv[PARLOS_EPS_IV_SIZE];
	size_t klen, len, clen;
	u8 *key = pv_hex(test, p->key, &klen);
	u8 *buf = pv_hex(test, p->plaintext, &len);
	u8 *want = pv_hex(test, p->ciphertext, &clen);
	u32 bits = pv_u32(test, p->length, 10);

	KUNIT_ASSERT_EQ(test, len, DIV_ROUND_UP(bits, 8));
	eps_iv_of(test, p, iv, sizeof(iv));
	KUNIT_ASSERT_EQ(test, api_cipher(test, alg, key, klen, iv, buf, len), 0);
	expect_bits_eq(test, buf, want, bits);
	/* Encryption equals decryption. */
	eps_iv_of(test, p, iv, sizeof(iv));
	KUNIT_ASSERT_EQ(test, api_cipher(test, alg, key, klen, iv, buf, len), 0);
	expect_bits_eq(test, buf, pv_hex(test, p->plaintext, NULL), bits);
}

static void eea1_api_test(struct kunit *test)
{
	cipher_vector(test, "eea1", test->param_value);
}

static void eea2_api_test(struct kunit *test)
{
	cipher_vector(test, "eea2", test->param_value);
}

static void eea3_api_test(struct kunit *test)
{
	cipher_vector(test, "eea3", test->param_value);
}

static int api_mac(struct kunit *test, const char *alg, const u8 *key,
		   unsigned int keylen, const u8 *prefix, const u8 *msg,
		   unsigned int len, unsigned int split, u8 *mac)
{
	struct crypto_shash *tfm = crypto_alloc_shash(alg, 0, 0);
	int err;

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(tfm), "alloc %s", alg);
	err = crypto_shash_setkey(tfm, key, keylen);
	if (!err) {
		SHASH_DESC_ON_STACK(desc, tfm);

		desc->tfm = tfm;
		err = crypto_shash_init(desc) ?:
		      crypto_shash_update(desc, prefix, PARLOS_EIA_PREFIX_SIZE) ?:
		      crypto_shash_update(desc, msg, split) ?:
		      crypto_shash_finup(desc, msg + split, len - split, mac);
		shash_desc_zero(desc);
	}
	crypto_free_shash(tfm);
	return err;
}

/*
 * The crypto API hashes whole bytes, so byte-aligned vectors go through
 * it with every split; the others through the bit-length entry points.
 */
static void mac_vector(struct kunit *test, const char *alg, const struct pv *p,
		       u32 (*bits_fn)(const u8 *key, u32 count, u8 bearer,
				      u8 dir, const u8 *msg, u32 bits))
{
	u8 prefix[PARLOS_EIA_PREFIX_SIZE], mac[PARLOS_EIA_MAC_SIZE];
	size_t klen, len;
	u8 *key = pv_hex(test, p->key, &klen);
	u8 *msg = pv_hex(test, p->message, &len);
	u8 *want = pv_hex(test, p->mac, NULL);
	u32 bits = pv_u32(test, p->length, 10);
	unsigned int split;

	eps_iv_of(test, p, prefix, sizeof(prefix));
	if (bits_fn)
		KUNIT_EXPECT_EQ(test, bits_fn(key, pv_u32(test, p->count, 16),
					      pv_u32(test, p->bearer, 10),
					      pv_u32(test, p->direction, 10),
					      msg, bits),
				get_unaligned_be32(want));
	if (bits % 8)
		return;
	for (split = 0; split <= len; split++) {
		KUNIT_ASSERT_EQ(test, api_mac(test, alg, key, klen, prefix, msg,
					      len, split, mac), 0);
		PV_EXPECT_MEMEQ(test, mac, want, PARLOS_EIA_MAC_SIZE);
	}
}

static u32 eia2_bits(const u8 *key, u32 count, u8 bearer, u8 dir,
		     const u8 *msg, u32 bits)
{
	u8 mac[PARLOS_EIA_MAC_SIZE] = {};

	if (parlos_eia2_bits(key, count, bearer, dir, msg, bits, mac))
		return 0;
	return get_unaligned_be32(mac);
}

static void eia1_api_test(struct kunit *test)
{
	mac_vector(test, "eia1", test->param_value, parlos_eia1_bits);
}

static void eia2_api_test(struct kunit *test)
{
	mac_vector(test, "eia2", test->param_value, eia2_bits);
}

static void eia3_api_test(struct kunit *test)
{
	mac_vector(test, "eia3", test->param_value, parlos_eia3_bits);
}

/* The bit-length cipher entry points of the cores, on every vector. */
static void eea_bits_vector(struct kunit *test, const struct pv *p,
			    void (*fn)(const u8 *key, u32 count, u8 bearer,
				       u8 dir, const u8 *in, u8 *out, u32 bits))
{
	size_t len;
	u8 *key = pv_hex(test, p->key, NULL);
	u8 *in = pv_hex(test, p->plaintext, &len);
	u8 *want = pv_hex(test, p->ciphertext, NULL);
	u8 *out = kunit_kzalloc(test, len + 1, GFP_KERNEL);
	u32 bits = pv_u32(test, p->length, 10);

	KUNIT_ASSERT_NOT_NULL(test, out);
	fn(key, pv_u32(test, p->count, 16), pv_u32(test, p->bearer, 10),
	   pv_u32(test, p->direction, 10), in, out, bits);
	expect_bits_eq(test, out, want, bits);
}

static void eea1_bits_test(struct kunit *test)
{
	eea_bits_vector(test, test->param_value, parlos_eea1_bits);
}

static void eea3_bits_test(struct kunit *test)
{
	eea_bits_vector(test, test->param_value, parlos_eea3_bits);
}

KUNIT_ARRAY_PARAM(eea1, pv_eea1, pv_desc);
KUNIT_ARRAY_PARAM(eea2, pv_eea2, pv_desc);
KUNIT_ARRAY_PARAM(eea3, pv_eea3, pv_desc);
KUNIT_ARRAY_PARAM(eia1, pv_eia1, pv_desc);
KUNIT_ARRAY_PARAM(eia2, pv_eia2, pv_desc);
KUNIT_ARRAY_PARAM(eia3, pv_eia3, pv_desc);

static void misuse_test(struct kunit *test)
{
	static const char * const ciphers[] = { "eea1", "eea2", "eea3" };
	static const char * const macs[] = { "eia1", "eia2", "eia3" };
	u8 key[32] = {}, iv[PARLOS_EPS_IV_SIZE] = {}, buf[16] = {};
	u8 prefix[PARLOS_EIA_PREFIX_SIZE] = {}, mac[PARLOS_EIA_MAC_SIZE];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ciphers); i++) {
		KUNIT_EXPECT_EQ(test, api_cipher(test, ciphers[i], key, 15, iv,
						 buf, 16), -EINVAL);
		KUNIT_EXPECT_EQ(test, api_cipher(test, ciphers[i], key, 32, iv,
						 buf, 16), -EINVAL);
		iv[4] = 0x01;	/* reserved bit set */
		KUNIT_EXPECT_EQ(test, api_cipher(test, ciphers[i], key, 16, iv,
						 buf, 16), -EINVAL);
		iv[4] = 0;
		iv[15] = 1;
		KUNIT_EXPECT_EQ(test, api_cipher(test, ciphers[i], key, 16, iv,
						 buf, 16), -EINVAL);
		iv[15] = 0;
	}
	for (i = 0; i < ARRAY_SIZE(macs); i++) {
		struct crypto_shash *tfm = crypto_alloc_shash(macs[i], 0, 0);

		KUNIT_ASSERT_FALSE(test, IS_ERR(tfm));
		KUNIT_EXPECT_EQ(test, crypto_shash_setkey(tfm, key, 8), -EINVAL);
		KUNIT_EXPECT_EQ(test, crypto_shash_setkey(tfm, key, 16), 0);
		{
			SHASH_DESC_ON_STACK(desc, tfm);

			desc->tfm = tfm;
			/* A prefix shorter than 8 bytes is no MAC input. */
			KUNIT_EXPECT_EQ(test, crypto_shash_init(desc), 0);
			KUNIT_EXPECT_EQ(test, crypto_shash_update(desc, prefix, 5), 0);
			KUNIT_EXPECT_EQ(test, crypto_shash_final(desc, mac), -EINVAL);
			/* Reserved prefix bits set. */
			prefix[7] = 1;
			KUNIT_EXPECT_EQ(test, crypto_shash_init(desc), 0);
			KUNIT_EXPECT_EQ(test, crypto_shash_update(desc, prefix, 8),
					-EINVAL);
			prefix[7] = 0;
			shash_desc_zero(desc);
		}
		crypto_free_shash(tfm);
	}
}

/* A request longer than LENGTH's 32 bits allow is refused up front. */
static void too_long_test(struct kunit *test)
{
	static const char * const ciphers[] = { "eea1", "eea2", "eea3" };
	u8 key[16] = {}, iv[PARLOS_EPS_IV_SIZE] = {}, buf[16] = {};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ciphers); i++) {
		struct crypto_skcipher *tfm;
		struct skcipher_request *req;
		struct scatterlist sg;

		tfm = crypto_alloc_skcipher(ciphers[i], 0, 0);
		KUNIT_ASSERT_FALSE(test, IS_ERR(tfm));
		KUNIT_ASSERT_EQ(test, crypto_skcipher_setkey(tfm, key, 16), 0);
		req = skcipher_request_alloc(tfm, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, req);
		sg_init_one(&sg, buf, sizeof(buf));
		/* The length is checked before any data is touched. */
		skcipher_request_set_crypt(req, &sg, &sg,
					   PARLOS_EPS_MAX_LEN + 1, iv);
		KUNIT_EXPECT_EQ(test, crypto_skcipher_encrypt(req), -EINVAL);
		skcipher_request_free(req);
		crypto_free_skcipher(tfm);
	}
}

static struct kunit_case alg_cases[] = {
	KUNIT_CASE_PARAM(eea1_api_test, eea1_gen_params),
	KUNIT_CASE_PARAM(eea2_api_test, eea2_gen_params),
	KUNIT_CASE_PARAM(eea3_api_test, eea3_gen_params),
	KUNIT_CASE_PARAM(eia1_api_test, eia1_gen_params),
	KUNIT_CASE_PARAM(eia2_api_test, eia2_gen_params),
	KUNIT_CASE_PARAM(eia3_api_test, eia3_gen_params),
	KUNIT_CASE_PARAM(eea1_bits_test, eea1_gen_params),
	KUNIT_CASE_PARAM(eea3_bits_test, eea3_gen_params),
	KUNIT_CASE(misuse_test),
	KUNIT_CASE(too_long_test),
	{}
};

static struct kunit_suite alg_suite = {
	.name = "parlos_alg",
	.test_cases = alg_cases,
};
kunit_test_suite(alg_suite);

MODULE_LICENSE("GPL");
