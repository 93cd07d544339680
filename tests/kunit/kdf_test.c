// SPDX-License-Identifier: GPL-2.0
/*
 * The TS 33.401 Annex A KDF against every record of tests/vectors/kdf.txt,
 * through the generic function, the KeNB and algorithm-key helpers, the
 * one-shot and the batch forms; then bad arguments.
 */
#include <kunit/test.h>
#include <linux/string.h>

#include "compat.h"
#include "kdf.h"
#include "vectors.h"

struct kdf_vec {
	u8 fc;
	u8 *key, *p0, *p1, *out, *key128;
	size_t keylen, l0, l1, key128_len;
};

static void vec_load(struct kunit *test, const struct pv *p,
		     struct kdf_vec *v)
{
	size_t n;

	v->fc = pv_u32(test, p->fc, 16);
	v->key = pv_hex(test, p->input_key, &v->keylen);
	v->p0 = pv_hex(test, p->p0, &v->l0);
	v->p1 = pv_hex(test, p->p1, &v->l1);
	v->out = pv_hex(test, p->output, &n);
	KUNIT_ASSERT_EQ(test, n, PARLOS_KDF_OUT_LEN);
	KUNIT_ASSERT_GT(test, v->keylen, 0);
	v->key128 = pv_hex(test, p->key128, &v->key128_len);
}

/* Everything that applies to one record, through ctx (NULL: one-shot). */
static void check_vec(struct kunit *test, struct parlos_kdf_ctx *ctx,
		      const struct kdf_vec *v)
{
	u8 out[PARLOS_KDF_OUT_LEN], key[PARLOS_KDF_KEY128_LEN];
	const u8 *p1 = v->l1 ? v->p1 : NULL;
	int err;

	memset(out, 0xa5, sizeof(out));
	err = ctx ? parlos_kdf_ctx_derive(ctx, v->key, v->keylen, v->fc,
					  v->p0, v->l0, p1, v->l1, out) :
		    parlos_kdf(v->key, v->keylen, v->fc, v->p0, v->l0, p1,
			       v->l1, out);
	KUNIT_ASSERT_EQ(test, err, 0);
	PV_EXPECT_MEMEQ(test, out, v->out, PARLOS_KDF_OUT_LEN);

	if (v->fc == PARLOS_KDF_FC_KENB) {
		KUNIT_ASSERT_EQ(test, v->keylen, PARLOS_KDF_OUT_LEN);
		KUNIT_ASSERT_EQ(test, v->l0, 4);
		KUNIT_ASSERT_EQ(test, v->l1, 0);
		memset(out, 0xa5, sizeof(out));
		err = ctx ? parlos_kdf_ctx_kenb(ctx, v->key,
						get_unaligned_be32(v->p0), out) :
			    parlos_kdf_kenb(v->key, get_unaligned_be32(v->p0),
					    out);
		KUNIT_ASSERT_EQ(test, err, 0);
		PV_EXPECT_MEMEQ(test, out, v->out, PARLOS_KDF_OUT_LEN);
	}

	if (v->fc == PARLOS_KDF_FC_ALG_KEY) {
		KUNIT_ASSERT_EQ(test, v->keylen, PARLOS_KDF_OUT_LEN);
		KUNIT_ASSERT_EQ(test, v->l0, 1);
		KUNIT_ASSERT_EQ(test, v->l1, 1);
		KUNIT_ASSERT_EQ(test, v->key128_len, PARLOS_KDF_KEY128_LEN);
		/* A.7: the 128-bit key is the last 16 bytes */
		PV_EXPECT_MEMEQ(test, v->key128,
				v->out + PARLOS_KDF_OUT_LEN -
				PARLOS_KDF_KEY128_LEN, PARLOS_KDF_KEY128_LEN);
		memset(key, 0xa5, sizeof(key));
		err = ctx ? parlos_kdf_ctx_alg_key(ctx, v->key, v->p0[0],
						   v->p1[0], key) :
			    parlos_kdf_alg_key(v->key, v->p0[0], v->p1[0], key);
		KUNIT_ASSERT_EQ(test, err, 0);
		PV_EXPECT_MEMEQ(test, key, v->key128, PARLOS_KDF_KEY128_LEN);
	}
}

static void kdf_vector_test(struct kunit *test)
{
	struct parlos_kdf_ctx ctx;
	struct kdf_vec v;

	vec_load(test, test->param_value, &v);
	check_vec(test, NULL, &v);
	KUNIT_ASSERT_EQ(test, parlos_kdf_begin(&ctx), 0);
	check_vec(test, &ctx, &v);
	parlos_kdf_end(&ctx);
	KUNIT_EXPECT_NULL(test, ctx.tfm);
}

KUNIT_ARRAY_PARAM(kdf, pv_kdf, pv_desc);

/* One transform for every record in turn, as an attach uses it. */
static void kdf_batch_test(struct kunit *test)
{
	struct parlos_kdf_ctx ctx;
	struct kdf_vec v;
	unsigned int i;

	KUNIT_ASSERT_GT(test, ARRAY_SIZE(pv_kdf), 0);
	KUNIT_ASSERT_EQ(test, parlos_kdf_begin(&ctx), 0);
	for (i = 0; i < ARRAY_SIZE(pv_kdf); i++) {
		kunit_info(test, "%s", pv_kdf[i].name);
		vec_load(test, &pv_kdf[i], &v);
		check_vec(test, &ctx, &v);
	}
	/* And backwards: no state carried from one key to the next */
	for (i = ARRAY_SIZE(pv_kdf); i-- > 0;) {
		vec_load(test, &pv_kdf[i], &v);
		check_vec(test, &ctx, &v);
	}
	parlos_kdf_end(&ctx);
}

static void kdf_args_test(struct kunit *test)
{
	static const u8 key[PARLOS_KDF_OUT_LEN] = { 1, 2, 3 };
	u8 out[PARLOS_KDF_OUT_LEN], k128[PARLOS_KDF_KEY128_LEN];
	u8 p0 = 1, p1 = 2, a[PARLOS_KDF_OUT_LEN], b[PARLOS_KDF_OUT_LEN];
	u8 key2[PARLOS_KDF_OUT_LEN];
	struct parlos_kdf_ctx ctx = {};

	/* No transform yet */
	memset(out, 0xa5, sizeof(out));
	KUNIT_EXPECT_EQ(test, parlos_kdf_ctx_derive(&ctx, key, sizeof(key),
						    0x15, &p0, 1, &p1, 1, out),
			-EINVAL);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(out, 0, sizeof(out)));

	memset(out, 0xa5, sizeof(out));
	KUNIT_EXPECT_EQ(test, parlos_kdf(key, 0, 0x15, &p0, 1, &p1, 1, out),
			-EINVAL);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(out, 0, sizeof(out)));
	KUNIT_EXPECT_EQ(test, parlos_kdf(NULL, 32, 0x15, &p0, 1, &p1, 1, out),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, parlos_kdf(key, 32, 0x15, NULL, 1, &p1, 1, out),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, parlos_kdf(key, 32, 0x15, &p0, 1, NULL, 1, out),
			-EINVAL);

	/* Distinguishers 0x01..0x06 only; identities are 4 bits */
	memset(k128, 0xa5, sizeof(k128));
	KUNIT_EXPECT_EQ(test, parlos_kdf_alg_key(key, 0x00, 2, k128), -EINVAL);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(k128, 0, sizeof(k128)));
	KUNIT_EXPECT_EQ(test, parlos_kdf_alg_key(key, 0x07, 2, k128), -EINVAL);
	KUNIT_EXPECT_EQ(test, parlos_kdf_alg_key(key, 0x01, 0x10, k128),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, parlos_kdf_alg_key(key, PARLOS_KDF_UP_INT, 0x0f,
						 k128), 0);

	/* Each input counts: P1, FC, key, COUNT */
	KUNIT_ASSERT_EQ(test, parlos_kdf(key, 32, 0x11, &p0, 1, NULL, 0, a), 0);
	KUNIT_ASSERT_EQ(test, parlos_kdf(key, 32, 0x11, &p0, 1, &p1, 1, b), 0);
	KUNIT_EXPECT_TRUE(test, memcmp(a, b, sizeof(a)));
	KUNIT_ASSERT_EQ(test, parlos_kdf(key, 32, 0x12, &p0, 1, NULL, 0, b), 0);
	KUNIT_EXPECT_TRUE(test, memcmp(a, b, sizeof(a)));
	memcpy(key2, key, sizeof(key2));
	key2[31] ^= 1;
	KUNIT_ASSERT_EQ(test, parlos_kdf(key2, 32, 0x11, &p0, 1, NULL, 0, b),
			0);
	KUNIT_EXPECT_TRUE(test, memcmp(a, b, sizeof(a)));
	KUNIT_ASSERT_EQ(test, parlos_kdf_kenb(key, 1, a), 0);
	KUNIT_ASSERT_EQ(test, parlos_kdf_kenb(key, 1 << 24, b), 0);
	KUNIT_EXPECT_TRUE(test, memcmp(a, b, sizeof(a)));
}

static struct kunit_case kdf_cases[] = {
	KUNIT_CASE_PARAM(kdf_vector_test, kdf_gen_params),
	KUNIT_CASE(kdf_batch_test),
	KUNIT_CASE(kdf_args_test),
	{}
};

static struct kunit_suite kdf_suite = {
	.name = "parlos_kdf",
	.test_cases = kdf_cases,
};

kunit_test_suite(kdf_suite);

MODULE_LICENSE("GPL");
