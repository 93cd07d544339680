// SPDX-License-Identifier: GPL-2.0
/*
 * ECIES (TS 33.501 Annex C.3) against every record of tests/vectors/
 * ecies.txt, both directions, then what must be refused: altered blobs,
 * wrong keys, points off P-256, low-order X25519 points, bad arguments.
 */
#include <kunit/test.h>
#include <linux/netlink.h>
#include <linux/string.h>

#include "ecies.h"
#include "vectors.h"

#define RT_ITERATIONS	64

struct ecies_vec {
	enum parlos_profile profile;
	u8 *hn_priv, *hn_pub, *eph_priv, *eph_pub, *pt, *ct, *tag;
	size_t publen, len;
};

static void vec_load(struct kunit *test, const struct pv *p,
		     struct ecies_vec *v)
{
	size_t n;

	KUNIT_ASSERT_NOT_NULL(test, p->profile);
	if (!strcmp(p->profile, "A"))
		v->profile = PARLOS_PROFILE_A;
	else if (!strcmp(p->profile, "B"))
		v->profile = PARLOS_PROFILE_B;
	else
		KUNIT_ASSERT_FAILURE(test, "unknown PROFILE %s", p->profile);
	v->publen = parlos_ecies_pub_len(v->profile);

	v->hn_priv = pv_hex(test, p->hn_private_key, &n);
	KUNIT_ASSERT_EQ(test, n, PARLOS_ECIES_PRIV_LEN);
	v->eph_priv = pv_hex(test, p->eph_private_key, &n);
	KUNIT_ASSERT_EQ(test, n, PARLOS_ECIES_PRIV_LEN);
	v->hn_pub = pv_hex(test, p->hn_public_key, &n);
	KUNIT_ASSERT_EQ(test, n, v->publen);
	v->eph_pub = pv_hex(test, p->eph_public_key, &n);
	KUNIT_ASSERT_EQ(test, n, v->publen);
	v->pt = pv_hex(test, p->plaintext, &v->len);
	v->ct = pv_hex(test, p->ciphertext, &n);
	KUNIT_ASSERT_EQ(test, n, v->len);
	v->tag = pv_hex(test, p->mac_tag, &n);
	KUNIT_ASSERT_EQ(test, n, PARLOS_ECIES_TAG_LEN);
}

/* The blob the record gives: EPH_PUBLIC_KEY | CIPHERTEXT | MAC_TAG */
static u8 *vec_blob(struct kunit *test, const struct ecies_vec *v,
		    size_t *bloblen)
{
	u8 *blob;

	*bloblen = parlos_ecies_blob_len(v->profile, v->len);
	blob = kunit_kzalloc(test, *bloblen, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, blob);
	memcpy(blob, v->eph_pub, v->publen);
	memcpy(blob + v->publen, v->ct, v->len);
	memcpy(blob + v->publen + v->len, v->tag, PARLOS_ECIES_TAG_LEN);
	return blob;
}

static u8 *zalloc(struct kunit *test, size_t n)
{
	u8 *p = kunit_kzalloc(test, n, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	return p;
}

/* An error and its extack text, both. */
static void expect_err(struct kunit *test, int got, int want,
		       struct netlink_ext_ack *extack, const char *msg)
{
	KUNIT_EXPECT_EQ(test, got, want);
	KUNIT_ASSERT_NOT_NULL_MSG(test, extack->_msg, "no extack for %d",
				  got);
	KUNIT_EXPECT_STREQ(test, extack->_msg, msg);
	memset(extack, 0, sizeof(*extack));
}

/*
 * Unwrap that must fail with want: out must stay as it was, so nothing
 * was decrypted into it.
 */
static void expect_unwrap_err(struct kunit *test, enum parlos_profile profile,
			      const u8 *priv, const u8 *blob, size_t bloblen,
			      size_t outlen, int want, const char *msg)
{
	struct netlink_ext_ack extack = {};
	u8 *out = zalloc(test, outlen + 1);
	int err;

	memset(out, 0xa5, outlen + 1);
	err = parlos_ecies_unwrap(profile, priv, blob, bloblen, out, outlen,
				  &extack);
	expect_err(test, err, want, &extack, msg);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(out, 0xa5, outlen + 1));
}

static void ecies_vector_test(struct kunit *test)
{
	const struct pv *p = test->param_value;
	struct ecies_vec v;
	u8 pub[PARLOS_ECIES_PUB_MAX];
	size_t bloblen;
	u8 *want, *blob, *out;

	vec_load(test, p, &v);
	want = vec_blob(test, &v, &bloblen);
	blob = zalloc(test, bloblen);
	out = zalloc(test, v.len);

	/* Public keys from the private ones */
	KUNIT_ASSERT_EQ(test, parlos_ecies_pubkey(v.profile, v.hn_priv, pub,
						  NULL), 0);
	PV_EXPECT_MEMEQ(test, pub, v.hn_pub, v.publen);
	KUNIT_ASSERT_EQ(test, parlos_ecies_pubkey(v.profile, v.eph_priv, pub,
						  NULL), 0);
	PV_EXPECT_MEMEQ(test, pub, v.eph_pub, v.publen);

	/* Network side, with the record's ephemeral key */
	KUNIT_ASSERT_EQ(test, parlos_ecies_wrap(v.profile, v.hn_pub, v.publen,
						v.pt, v.len, v.eph_priv, blob,
						NULL), 0);
	PV_EXPECT_MEMEQ(test, blob, want, bloblen);

	/* ME side */
	KUNIT_ASSERT_EQ(test, parlos_ecies_unwrap(v.profile, v.hn_priv, want,
						  bloblen, out, v.len, NULL),
			0);
	PV_EXPECT_MEMEQ(test, out, v.pt, v.len);

	/* A random ephemeral key: another blob, the same plaintext */
	KUNIT_ASSERT_EQ(test, parlos_ecies_wrap(v.profile, v.hn_pub, v.publen,
						v.pt, v.len, NULL, blob, NULL),
			0);
	KUNIT_EXPECT_TRUE(test, memcmp(blob, want, v.publen));
	memset(out, 0, v.len);
	KUNIT_ASSERT_EQ(test, parlos_ecies_unwrap(v.profile, v.hn_priv, blob,
						  bloblen, out, v.len, NULL),
			0);
	PV_EXPECT_MEMEQ(test, out, v.pt, v.len);
}

static void ecies_tamper_test(struct kunit *test)
{
	const struct pv *p = test->param_value;
	struct ecies_vec v;
	size_t bloblen, i;
	u8 *blob, *priv;

	vec_load(test, p, &v);
	blob = vec_blob(test, &v, &bloblen);

	/* Every bit of tag and ciphertext */
	for (i = v.publen * 8; i < bloblen * 8; i++) {
		blob[i / 8] ^= 0x80 >> (i % 8);
		expect_unwrap_err(test, v.profile, v.hn_priv, blob, bloblen,
				  v.len, -EBADMSG, "ECIES tag mismatch");
		blob[i / 8] ^= 0x80 >> (i % 8);
	}

	/* Another valid ephemeral key: -x for P-256, another u for X25519 */
	blob[0] ^= v.profile == PARLOS_PROFILE_B ? 0x01 : 0x40;
	expect_unwrap_err(test, v.profile, v.hn_priv, blob, bloblen, v.len,
			  -EBADMSG, "ECIES tag mismatch");
	blob[0] ^= v.profile == PARLOS_PROFILE_B ? 0x01 : 0x40;

	/* Wrong private keys */
	expect_unwrap_err(test, v.profile, v.eph_priv, blob, bloblen, v.len,
			  -EBADMSG, "ECIES tag mismatch");
	priv = zalloc(test, PARLOS_ECIES_PRIV_LEN);
	memcpy(priv, v.hn_priv, PARLOS_ECIES_PRIV_LEN);
	priv[16] ^= 0x10;
	expect_unwrap_err(test, v.profile, priv, blob, bloblen, v.len,
			  -EBADMSG, "ECIES tag mismatch");

	/* Wrong lengths, the tag never looked at */
	expect_unwrap_err(test, v.profile, v.hn_priv, blob, bloblen - 1, v.len,
			  -EINVAL, "ECIES blob length does not match the profile");
	expect_unwrap_err(test, v.profile, v.hn_priv, blob, bloblen + 1, v.len,
			  -EINVAL, "ECIES blob length does not match the profile");
	expect_unwrap_err(test, v.profile, v.hn_priv, blob, v.publen, v.len,
			  -EINVAL, "ECIES blob length does not match the profile");
	/* A blob cut short but consistent with a shorter plaintext */
	if (v.len > 1)
		expect_unwrap_err(test, v.profile, v.hn_priv, blob,
				  bloblen - 1, v.len - 1, -EBADMSG,
				  "ECIES tag mismatch");
	/* The other profile's key length */
	expect_unwrap_err(test, v.profile == PARLOS_PROFILE_A ?
			  PARLOS_PROFILE_B : PARLOS_PROFILE_A, v.hn_priv, blob,
			  bloblen, v.len, -EINVAL,
			  "ECIES blob length does not match the profile");

	expect_unwrap_err(test, 0, v.hn_priv, blob, bloblen, v.len, -EINVAL,
			  "unknown ECIES profile");

	/* All flips undone: the blob unwraps again */
	{
		u8 *out = zalloc(test, v.len);

		KUNIT_EXPECT_EQ(test, parlos_ecies_unwrap(v.profile, v.hn_priv,
							  blob, bloblen, out,
							  v.len, NULL), 0);
		PV_EXPECT_MEMEQ(test, out, v.pt, v.len);
	}
}

KUNIT_ARRAY_PARAM(ecies, pv_ecies, pv_desc);

/* p and 2^256 - 1, big-endian: x >= p is no field element */
static const u8 p256_p[32] = {
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

/* The order n of P-256 and n - 1, the largest scalar */
static const u8 p256_n[32] = {
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xbc, 0xe6, 0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84,
	0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
};

struct bad_point {
	const char *what;
	u8 prefix;
	u8 x[32];
};

static void ecies_p256_invalid_test(struct kunit *test)
{
	struct netlink_ext_ack extack = {};
	struct bad_point *bad;
	u8 *priv, *me_pub, *blob, *wout, *pt;
	size_t len = 32, bloblen;
	unsigned int i, nbad = 0;
	int err;

	bad = kunit_kcalloc(test, 8, sizeof(*bad), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, bad);
	/* x = 1: 1 - 3 + b has no square root mod p */
	bad[nbad] = (struct bad_point){ "x=1 not on curve", 0x02 };
	bad[nbad++].x[31] = 1;
	bad[nbad] = (struct bad_point){ "x=1 odd", 0x03 };
	bad[nbad++].x[31] = 1;
	bad[nbad] = (struct bad_point){ "x=p", 0x02 };
	memcpy(bad[nbad++].x, p256_p, 32);
	bad[nbad] = (struct bad_point){ "x=2^256-1", 0x03 };
	memset(bad[nbad++].x, 0xff, 32);
	/* x = 0 is on the curve: only the prefix is wrong */
	bad[nbad++] = (struct bad_point){ "prefix 00", 0x00 };
	bad[nbad++] = (struct bad_point){ "prefix 04", 0x04 };
	bad[nbad++] = (struct bad_point){ "prefix 01", 0x01 };
	bad[nbad++] = (struct bad_point){ "prefix ff", 0xff };

	priv = zalloc(test, PARLOS_ECIES_PRIV_LEN);
	me_pub = zalloc(test, PARLOS_ECIES_PUB_MAX);
	pt = zalloc(test, len);
	bloblen = parlos_ecies_blob_len(PARLOS_PROFILE_B, len);
	blob = zalloc(test, bloblen);
	wout = zalloc(test, bloblen);
	KUNIT_ASSERT_EQ(test, parlos_ecies_keygen(PARLOS_PROFILE_B, priv,
						  me_pub, NULL), 0);

	for (i = 0; i < nbad; i++) {
		kunit_info(test, "point %s", bad[i].what);
		blob[0] = bad[i].prefix;
		memcpy(blob + 1, bad[i].x, 32);
		expect_unwrap_err(test, PARLOS_PROFILE_B, priv, blob, bloblen,
				  len, -EINVAL,
				  "ephemeral key is not a point on P-256");
		err = parlos_ecies_wrap(PARLOS_PROFILE_B, blob, 33, pt, len,
					NULL, wout, &extack);
		expect_err(test, err, -EINVAL, &extack,
			   "ME public key is not a point on P-256");
	}

	/*
	 * x = 0 is on the curve and decompresses, but crypto/ecc.c's ladder
	 * cannot multiply it (it gives infinity): refused all the same.
	 */
	memset(blob, 0, bloblen);
	for (i = 0x02; i <= 0x03; i++) {
		blob[0] = i;
		expect_unwrap_err(test, PARLOS_PROFILE_B, priv, blob, bloblen,
				  len, -EINVAL,
				  "ECIES key agreement refused the public key");
		err = parlos_ecies_wrap(PARLOS_PROFILE_B, blob, 33, pt, len,
					NULL, wout, &extack);
		expect_err(test, err, -EINVAL, &extack,
			   "ECIES key agreement refused the public key");
	}
}

/* u-coordinates of small order: X25519 of any scalar with them is 0 */
static const u8 x25519_low_order[][32] = {
	{ 0 },
	{ 1 },
	/* order 8 */
	{ 0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae,
	  0x16, 0x56, 0xe3, 0xfa, 0xf1, 0x9f, 0xc4, 0x6a,
	  0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32, 0xb1, 0xfd,
	  0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x00 },
	{ 0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24,
	  0xb1, 0xd0, 0xb1, 0x55, 0x9c, 0x83, 0xef, 0x5b,
	  0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86,
	  0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0x57 },
	/* p - 1, p, p + 1 (little-endian) */
	{ 0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f },
	{ 0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f },
	{ 0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f },
};

static void ecies_x25519_low_order_test(struct kunit *test)
{
	struct netlink_ext_ack extack = {};
	u8 *priv, *pub, *blob, *pt;
	size_t len = 32, bloblen;
	unsigned int i;
	int err;

	priv = zalloc(test, PARLOS_ECIES_PRIV_LEN);
	pub = zalloc(test, PARLOS_ECIES_PUB_MAX);
	pt = zalloc(test, len);
	bloblen = parlos_ecies_blob_len(PARLOS_PROFILE_A, len);
	blob = zalloc(test, bloblen);
	KUNIT_ASSERT_EQ(test, parlos_ecies_keygen(PARLOS_PROFILE_A, priv, pub,
						  NULL), 0);

	for (i = 0; i < ARRAY_SIZE(x25519_low_order); i++) {
		kunit_info(test, "point %u", i);
		memcpy(blob, x25519_low_order[i], 32);
		expect_unwrap_err(test, PARLOS_PROFILE_A, priv, blob, bloblen,
				  len, -EINVAL, "X25519 shared secret is zero");
		err = parlos_ecies_wrap(PARLOS_PROFILE_A, x25519_low_order[i],
					32, pt, len, NULL, blob, &extack);
		expect_err(test, err, -EINVAL, &extack,
			   "X25519 shared secret is zero");
	}
}

/* The x-coordinate of 2G, whose y is odd */
static const u8 p256_2gx[32] = {
	0x7c, 0xf2, 0x7b, 0x18, 0x8d, 0x03, 0x4f, 0x7e,
	0x8a, 0x52, 0x38, 0x03, 0x04, 0xb5, 0x1a, 0xc3,
	0xc0, 0x89, 0x69, 0xe2, 0x77, 0xf2, 0x1b, 0x35,
	0xa6, 0x0b, 0x48, 0xfc, 0x47, 0x66, 0x99, 0x78,
};

/* out = a - b, 32 bytes big-endian, a >= b */
static void be256_sub(u8 *out, const u8 *a, const u8 *b)
{
	int i, d, borrow = 0;

	for (i = 31; i >= 0; i--) {
		d = a[i] - b[i] - borrow;
		borrow = d < 0;
		out[i] = d & 0xff;
	}
}

static void ecies_args_test(struct kunit *test)
{
	struct netlink_ext_ack extack = {};
	u8 *priv, *key, *pub_a, *pub_b, *tmp, *blob, *pt, *out;
	size_t len = 32;
	int err;

	priv = zalloc(test, PARLOS_ECIES_PRIV_LEN);
	key = zalloc(test, PARLOS_ECIES_PRIV_LEN);
	pub_a = zalloc(test, PARLOS_ECIES_PUB_MAX);
	pub_b = zalloc(test, PARLOS_ECIES_PUB_MAX);
	tmp = zalloc(test, PARLOS_ECIES_PUB_MAX);
	pt = zalloc(test, PARLOS_ECIES_MAX_LEN + 1);
	out = zalloc(test, PARLOS_ECIES_MAX_LEN + 1);
	blob = zalloc(test, PARLOS_ECIES_MAX_LEN + 64);

	KUNIT_EXPECT_EQ(test, parlos_ecies_pub_len(PARLOS_PROFILE_A), 32);
	KUNIT_EXPECT_EQ(test, parlos_ecies_pub_len(PARLOS_PROFILE_B), 33);
	KUNIT_EXPECT_EQ(test, parlos_ecies_pub_len(0), 0);
	KUNIT_EXPECT_EQ(test, parlos_ecies_blob_len(PARLOS_PROFILE_A, 32),
			PARLOS_BLOB_A_LEN);
	KUNIT_EXPECT_EQ(test, parlos_ecies_blob_len(PARLOS_PROFILE_B, 32),
			PARLOS_BLOB_B_LEN);

	KUNIT_ASSERT_EQ(test, parlos_ecies_keygen(PARLOS_PROFILE_A, priv,
						  pub_a, NULL), 0);
	KUNIT_ASSERT_EQ(test, parlos_ecies_keygen(PARLOS_PROFILE_B, priv,
						  pub_b, NULL), 0);

	/* Unknown profiles */
	err = parlos_ecies_keygen(0, priv, tmp, &extack);
	expect_err(test, err, -EINVAL, &extack, "unknown ECIES profile");
	err = parlos_ecies_keygen(3, priv, tmp, &extack);
	expect_err(test, err, -EINVAL, &extack, "unknown ECIES profile");
	err = parlos_ecies_pubkey(3, priv, tmp, &extack);
	expect_err(test, err, -EINVAL, &extack, "unknown ECIES profile");
	err = parlos_ecies_wrap(3, pub_a, 32, pt, len, NULL, blob, &extack);
	expect_err(test, err, -EINVAL, &extack, "unknown ECIES profile");

	/* Plaintext lengths */
	err = parlos_ecies_wrap(PARLOS_PROFILE_A, pub_a, 32, pt, 0, NULL, blob,
				&extack);
	expect_err(test, err, -EINVAL, &extack,
		   "ECIES plaintext length out of range");
	err = parlos_ecies_wrap(PARLOS_PROFILE_B, pub_b, 33, pt,
				PARLOS_ECIES_MAX_LEN + 1, NULL, blob, &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "ECIES plaintext length out of range");
	err = parlos_ecies_unwrap(PARLOS_PROFILE_A, priv, blob, 40, out, 0,
				  &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "ECIES plaintext length out of range");

	/* The largest plaintext goes through */
	KUNIT_EXPECT_EQ(test, parlos_ecies_wrap(PARLOS_PROFILE_B, pub_b, 33,
						pt, PARLOS_ECIES_MAX_LEN, NULL,
						blob, NULL), 0);
	KUNIT_EXPECT_EQ(test, parlos_ecies_unwrap(PARLOS_PROFILE_B, priv, blob,
						  parlos_ecies_blob_len(PARLOS_PROFILE_B,
									PARLOS_ECIES_MAX_LEN),
						  out, PARLOS_ECIES_MAX_LEN,
						  NULL), 0);

	/* The other profile's key length */
	err = parlos_ecies_wrap(PARLOS_PROFILE_A, pub_b, 33, pt, len, NULL,
				blob, &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "ME public key length does not match the ECIES profile");
	err = parlos_ecies_wrap(PARLOS_PROFILE_B, pub_a, 32, pt, len, NULL,
				blob, &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "ME public key length does not match the ECIES profile");

	/* P-256 scalars outside [1, n - 1]; a failed wrap leaves no blob */
	memset(blob, 0xa5, PARLOS_BLOB_B_LEN);
	err = parlos_ecies_wrap(PARLOS_PROFILE_B, pub_b, 33, pt, len, key,
				blob, &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "private key is not valid for the ECIES profile");
	KUNIT_EXPECT_TRUE(test, !memchr_inv(blob, 0, PARLOS_BLOB_B_LEN));
	err = parlos_ecies_pubkey(PARLOS_PROFILE_B, key, tmp, &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "private key is not valid for the ECIES profile");
	memcpy(key, p256_n, 32);
	err = parlos_ecies_wrap(PARLOS_PROFILE_B, pub_b, 33, pt, len, key,
				blob, &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "private key is not valid for the ECIES profile");
	err = parlos_ecies_pubkey(PARLOS_PROFILE_B, key, tmp, &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "private key is not valid for the ECIES profile");
	memset(key, 0xff, 32);
	err = parlos_ecies_pubkey(PARLOS_PROFILE_B, key, tmp, &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "private key is not valid for the ECIES profile");

	/* 2G, whose y is odd */
	memset(key, 0, 32);
	key[31] = 2;
	KUNIT_EXPECT_EQ(test, parlos_ecies_pubkey(PARLOS_PROFILE_B, key, tmp,
						  NULL), 0);
	KUNIT_EXPECT_EQ(test, tmp[0], 0x03);
	PV_EXPECT_MEMEQ(test, tmp + 1, p256_2gx, 32);

	/* n - d gives -Q: the same x, the other parity, and it works */
	KUNIT_ASSERT_EQ(test, parlos_ecies_keygen(PARLOS_PROFILE_B, priv,
						  pub_b, NULL), 0);
	be256_sub(key, p256_n, priv);
	KUNIT_ASSERT_EQ(test, parlos_ecies_pubkey(PARLOS_PROFILE_B, key, tmp,
						  NULL), 0);
	KUNIT_EXPECT_EQ(test, tmp[0], pub_b[0] ^ 1);
	PV_EXPECT_MEMEQ(test, tmp + 1, pub_b + 1, 32);
	KUNIT_ASSERT_EQ(test, parlos_ecies_wrap(PARLOS_PROFILE_B, tmp, 33, pt,
						len, NULL, blob, NULL), 0);
	KUNIT_EXPECT_EQ(test, parlos_ecies_unwrap(PARLOS_PROFILE_B, key, blob,
						  PARLOS_BLOB_B_LEN, out, len,
						  NULL), 0);
	PV_EXPECT_MEMEQ(test, out, pt, len);
	/* Z is an x-coordinate, the same for d and n - d */
	memset(out, 0, len);
	KUNIT_EXPECT_EQ(test, parlos_ecies_unwrap(PARLOS_PROFILE_B, priv, blob,
						  PARLOS_BLOB_B_LEN, out, len,
						  NULL), 0);
	PV_EXPECT_MEMEQ(test, out, pt, len);

	/* An all-zero private key on a good blob */
	KUNIT_ASSERT_EQ(test, parlos_ecies_wrap(PARLOS_PROFILE_B, pub_b, 33,
						pt, len, NULL, blob, NULL), 0);
	memset(key, 0, 32);
	expect_unwrap_err(test, PARLOS_PROFILE_B, key, blob, PARLOS_BLOB_B_LEN,
			  len, -EINVAL,
			  "private key is not valid for the ECIES profile");
	KUNIT_ASSERT_EQ(test, parlos_ecies_wrap(PARLOS_PROFILE_A, pub_a, 32,
						pt, len, NULL, blob, NULL), 0);
	expect_unwrap_err(test, PARLOS_PROFILE_A, key, blob, PARLOS_BLOB_A_LEN,
			  len, -EINVAL,
			  "private key is not valid for the ECIES profile");
	err = parlos_ecies_pubkey(PARLOS_PROFILE_A, key, tmp, &extack);
	expect_err(test, err, -EINVAL, &extack,
		   "private key is not valid for the ECIES profile");
}

static void ecies_roundtrip(struct kunit *test, enum parlos_profile profile)
{
	unsigned int publen = parlos_ecies_pub_len(profile), i;
	size_t len = 32, bloblen = parlos_ecies_blob_len(profile, len);
	u8 *priv, *pub, *pub2, *pt, *blob, *out;
	unsigned int me_odd = 0, eph_odd = 0;

	priv = zalloc(test, PARLOS_ECIES_PRIV_LEN);
	pub = zalloc(test, PARLOS_ECIES_PUB_MAX);
	pub2 = zalloc(test, PARLOS_ECIES_PUB_MAX);
	pt = zalloc(test, len);
	out = zalloc(test, len);
	blob = zalloc(test, bloblen);

	for (i = 0; i < RT_ITERATIONS; i++) {
		KUNIT_ASSERT_EQ(test, parlos_ecies_keygen(profile, priv, pub,
							  NULL), 0);
		KUNIT_ASSERT_EQ(test, parlos_ecies_pubkey(profile, priv, pub2,
							  NULL), 0);
		PV_EXPECT_MEMEQ(test, pub, pub2, publen);
		if (profile == PARLOS_PROFILE_A) {
			/* kept clamped */
			KUNIT_EXPECT_EQ(test, priv[0] & 7, 0);
			KUNIT_EXPECT_EQ(test, priv[31] & 0xc0, 0x40);
		} else {
			KUNIT_ASSERT_TRUE(test, pub[0] == 2 || pub[0] == 3);
			me_odd += pub[0] & 1;
		}
		get_random_bytes(pt, len);
		KUNIT_ASSERT_EQ(test, parlos_ecies_wrap(profile, pub, publen,
							pt, len, NULL, blob,
							NULL), 0);
		if (profile == PARLOS_PROFILE_B) {
			KUNIT_ASSERT_TRUE(test, blob[0] == 2 || blob[0] == 3);
			eph_odd += blob[0] & 1;
		}
		memset(out, 0, len);
		KUNIT_ASSERT_EQ(test, parlos_ecies_unwrap(profile, priv, blob,
							  bloblen, out, len,
							  NULL), 0);
		PV_EXPECT_MEMEQ(test, out, pt, len);
	}
	if (profile == PARLOS_PROFILE_B) {
		/* Both parities, on both sides (odds of failing: 2^-63) */
		KUNIT_EXPECT_GT(test, me_odd, 0);
		KUNIT_EXPECT_LT(test, me_odd, RT_ITERATIONS);
		KUNIT_EXPECT_GT(test, eph_odd, 0);
		KUNIT_EXPECT_LT(test, eph_odd, RT_ITERATIONS);
	}
}

static void ecies_roundtrip_a_test(struct kunit *test)
{
	ecies_roundtrip(test, PARLOS_PROFILE_A);
}

static void ecies_roundtrip_b_test(struct kunit *test)
{
	ecies_roundtrip(test, PARLOS_PROFILE_B);
}

static struct kunit_case ecies_cases[] = {
	KUNIT_CASE_PARAM(ecies_vector_test, ecies_gen_params),
	KUNIT_CASE_PARAM(ecies_tamper_test, ecies_gen_params),
	KUNIT_CASE(ecies_p256_invalid_test),
	KUNIT_CASE(ecies_x25519_low_order_test),
	KUNIT_CASE(ecies_args_test),
	KUNIT_CASE(ecies_roundtrip_a_test),
	KUNIT_CASE(ecies_roundtrip_b_test),
	{}
};

static struct kunit_suite ecies_suite = {
	.name = "parlos_ecies",
	.test_cases = ecies_cases,
};

kunit_test_suite(ecies_suite);

MODULE_LICENSE("GPL");
