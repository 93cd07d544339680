// SPDX-License-Identifier: GPL-2.0
/*
 * ECIES of TS 33.501 Annex C.3 on the kernel crypto API: the kpp
 * "curve25519" (profile A) or "ecdh-nist-p256" (profile B) gives Z, an
 * ANSI X9.63 KDF on "sha256" turns it into ENC key | ICB | MAC key, then
 * "ctr(aes)" and "hmac(sha256)" (tag = first 8 bytes). The P-256 kpp
 * speaks x | y, so compressed points are converted here with the
 * arithmetic that crypto/ecc.c exports.
 */
#include <crypto/algapi.h>
#include <crypto/ecc_curve.h>
#include <crypto/ecdh.h>
#include <crypto/hash.h>
#include <crypto/internal/ecc.h>
#include <crypto/kpp.h>
#include <crypto/sha2.h>
#include <crypto/skcipher.h>
#include <linux/overflow.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <net/netlink.h>

#include "compat.h"
#include "ecies.h"

#define ECIES_Z_LEN		32
#define ECIES_ENC_KEY_LEN	16
#define ECIES_ICB_LEN		16
#define ECIES_MAC_KEY_LEN	32
#define ECIES_KDF_LEN		(ECIES_ENC_KEY_LEN + ECIES_ICB_LEN + \
				 ECIES_MAC_KEY_LEN)
#define P256_NDIGITS		ECC_CURVE_NIST_P256_DIGITS
#define P256_BYTES		32
#define ECIES_KEYGEN_TRIES	16

/* Secrets, and all that a scatterlist points at, live here on the heap. */
struct ecies_buf {
	u8 secret[64];			/* ECDH-encoded private key */
	u8 eph[PARLOS_ECIES_PRIV_LEN];	/* ephemeral private key */
	u8 peer[2 * P256_BYTES];	/* peer public key, kpp form */
	u8 pub[2 * P256_BYTES];		/* own public key, kpp form */
	u8 z[ECIES_Z_LEN];
	u8 keys[ECIES_KDF_LEN];		/* ENC key | ICB | MAC key */
	u8 iv[ECIES_ICB_LEN];
	u8 mac[SHA256_DIGEST_SIZE];
	u8 data[];
};

struct ecies_op {
	enum parlos_profile profile;
	unsigned int publen;		/* on the wire */
	unsigned int rawlen;		/* as the kpp takes and gives it */
	struct crypto_kpp *kpp;
	struct ecies_buf *b;
};

static const u8 ecies_zero[ECIES_Z_LEN];

unsigned int parlos_ecies_pub_len(enum parlos_profile profile)
{
	switch (profile) {
	case PARLOS_PROFILE_A:
		return PARLOS_PUBKEY_A_LEN;
	case PARLOS_PROFILE_B:
		return PARLOS_PUBKEY_B_LEN;
	}
	return 0;
}

/* P-256 arithmetic on public values only: nothing here is secret. */

/* a + b mod p for a, b < p, as a - (p - b): ecc.c exports no addition. */
static void p256_mod_add(u64 *r, const u64 *a, const u64 *b, const u64 *p)
{
	static const u64 zero[P256_NDIGITS];
	u64 pb[P256_NDIGITS], np[P256_NDIGITS];

	vli_sub(pb, p, b, P256_NDIGITS);
	if (vli_sub(r, a, pb, P256_NDIGITS)) {
		/* Wrapped by 2^256: adding p is subtracting 2^256 - p. */
		vli_sub(np, zero, p, P256_NDIGITS);
		vli_sub(r, r, np, P256_NDIGITS);
	}
}

static void p256_mod_pow(u64 *r, const u64 *a, const u64 *e, const u64 *p)
{
	u64 acc[P256_NDIGITS] = { 1 };
	int i;

	for (i = (int)vli_num_bits(e, P256_NDIGITS) - 1; i >= 0; i--) {
		vli_mod_mult_slow(acc, acc, acc, p, P256_NDIGITS);
		if ((e[i / 64] >> (i % 64)) & 1)
			vli_mod_mult_slow(acc, acc, a, p, P256_NDIGITS);
	}
	memcpy(r, acc, sizeof(acc));
}

/*
 * 0x02/0x03 | x to the kpp's x | y. With t = x^3 + ax + b and p = 3 mod 4,
 * t^((p + 1) / 4) is a square root of t if t has one; if it has none, x
 * is not on the curve.
 */
static int p256_decompress(u8 *xy, const u8 *in)
{
	const struct ecc_curve *c = ecc_get_curve(ECC_CURVE_NIST_P256);
	u64 x[P256_NDIGITS], t[P256_NDIGITS], y[P256_NDIGITS];
	u64 e[P256_NDIGITS], s[P256_NDIGITS];
	int i;

	if (!c || (in[0] != 0x02 && in[0] != 0x03))
		return -EINVAL;
	vli_from_be64(x, in + 1, P256_NDIGITS);
	if (vli_cmp(x, c->p, P256_NDIGITS) >= 0)
		return -EINVAL;

	vli_mod_mult_slow(t, x, x, c->p, P256_NDIGITS);
	p256_mod_add(t, t, c->a, c->p);
	vli_mod_mult_slow(t, t, x, c->p, P256_NDIGITS);
	p256_mod_add(t, t, c->b, c->p);

	/* t^((p + 1) / 4) = t^(p >> 2) * t, as p = 3 mod 4 */
	for (i = 0; i < P256_NDIGITS; i++)
		e[i] = c->p[i] >> 2 |
		       (i + 1 < P256_NDIGITS ? c->p[i + 1] << 62 : 0);
	p256_mod_pow(y, t, e, c->p);
	vli_mod_mult_slow(y, y, t, c->p, P256_NDIGITS);
	vli_mod_mult_slow(s, y, y, c->p, P256_NDIGITS);
	if (vli_cmp(s, t, P256_NDIGITS))
		return -EINVAL;

	if ((y[0] & 1) != (in[0] & 1)) {
		/* y = 0 has no odd twin (and is not on P-256 anyway) */
		if (vli_is_zero(y, P256_NDIGITS))
			return -EINVAL;
		vli_sub(y, c->p, y, P256_NDIGITS);
	}
	memcpy(xy, in + 1, P256_BYTES);
	for (i = 0; i < P256_NDIGITS; i++)
		put_unaligned_be64(y[P256_NDIGITS - 1 - i],
				   xy + P256_BYTES + 8 * i);
	return 0;
}

static void p256_compress(u8 *out, const u8 *xy)
{
	out[0] = 0x02 | (xy[2 * P256_BYTES - 1] & 1);
	memcpy(out + 1, xy, P256_BYTES);
}

/*
 * 1 <= d <= n - 1 for the big-endian scalar d. ecdh's set_secret range
 * check reads the bytes as native digits, i.e. another number, so it
 * cannot be relied on for this.
 */
static bool p256_scalar_ok(const u8 *priv)
{
	const struct ecc_curve *c = ecc_get_curve(ECC_CURVE_NIST_P256);
	u64 d[P256_NDIGITS];
	bool ok;

	vli_from_be64(d, priv, P256_NDIGITS);
	ok = c && !vli_is_zero(d, P256_NDIGITS) &&
	     vli_cmp(d, c->n, P256_NDIGITS) < 0;
	memzero_explicit(d, sizeof(d));
	return ok;
}

/* One kpp request: our public key if peer is NULL, else Z. */
static int ecies_kpp(struct crypto_kpp *kpp, u8 *peer, unsigned int peerlen,
		     u8 *out, unsigned int outlen)
{
	struct scatterlist src, dst;
	struct kpp_request *req;
	DECLARE_CRYPTO_WAIT(wait);
	int err;

	req = kpp_request_alloc(kpp, GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	kpp_request_set_callback(req, CRYPTO_TFM_REQ_MAY_SLEEP,
				 crypto_req_done, &wait);
	sg_init_one(&dst, out, outlen);
	kpp_request_set_output(req, &dst, outlen);
	if (peer) {
		sg_init_one(&src, peer, peerlen);
		kpp_request_set_input(req, &src, peerlen);
		err = crypto_kpp_compute_shared_secret(req);
	} else {
		kpp_request_set_input(req, NULL, 0);
		err = crypto_kpp_generate_public_key(req);
	}
	err = crypto_wait_req(err, &wait);
	kpp_request_free(req);
	return err;
}

static int ecies_set_secret(struct ecies_op *op, const u8 *priv)
{
	struct ecdh params = {
		.key = (char *)priv,
		.key_size = PARLOS_ECIES_PRIV_LEN,
	};
	unsigned int len;
	int err;

	if (op->profile == PARLOS_PROFILE_A)
		return crypto_kpp_set_secret(op->kpp, priv,
					     PARLOS_ECIES_PRIV_LEN);
	if (!p256_scalar_ok(priv))
		return -EINVAL;
	len = crypto_ecdh_key_len(&params);
	if (len > sizeof(op->b->secret))
		return -EINVAL;
	err = crypto_ecdh_encode_key((char *)op->b->secret, len, &params);
	if (!err)
		err = crypto_kpp_set_secret(op->kpp, op->b->secret, len);
	memzero_explicit(op->b->secret, sizeof(op->b->secret));
	return err;
}

/* Our public key, in wire form. */
static int ecies_pub(struct ecies_op *op, u8 *pub)
{
	int err;

	err = ecies_kpp(op->kpp, NULL, 0, op->b->pub, op->rawlen);
	if (err)
		return err;
	if (op->profile == PARLOS_PROFILE_A)
		memcpy(pub, op->b->pub, PARLOS_PUBKEY_A_LEN);
	else
		p256_compress(pub, op->b->pub);
	return 0;
}

/*
 * Draws a key pair: the private key into priv, the public key (wire form)
 * into pub. The P-256 scalar comes from get_random_bytes_wait(), not from
 * the kpp (an empty secret): the kpp would take it from
 * crypto_default_rng, i.e. need a "stdrng" DRBG module loaded, and would
 * keep the key from us. A draw is repeated if the scalar is outside
 * [1, n - 1] or ecc.c's check of the public key fails (-EAGAIN, which it
 * gives for scalars such as 1 and n - 1); odds of either are tiny.
 */
static int ecies_gen_keypair(struct ecies_op *op, u8 *priv, u8 *pub)
{
	int i, err = -EAGAIN;

	for (i = 0; i < ECIES_KEYGEN_TRIES && err == -EAGAIN; i++) {
		err = get_random_bytes_wait(priv, PARLOS_ECIES_PRIV_LEN);
		if (err)
			break;
		if (op->profile == PARLOS_PROFILE_A) {
			/* RFC 7748 clamping: store the scalar actually used */
			priv[0] &= 248;
			priv[31] = (priv[31] & 127) | 64;
		}
		err = ecies_set_secret(op, priv) ?: ecies_pub(op, pub);
		if (err == -EINVAL)
			err = -EAGAIN;
	}
	if (err)
		memzero_explicit(priv, PARLOS_ECIES_PRIV_LEN);
	return err;
}

/* A given private key and its public key; -EINVAL if the curve refuses it. */
static int ecies_load_keypair(struct ecies_op *op, const u8 *priv, u8 *pub,
			      struct netlink_ext_ack *extack)
{
	int err;

	err = ecies_set_secret(op, priv);
	if (err) {
		NL_SET_ERR_MSG(extack, "private key is not valid for the ECIES profile");
		return err;
	}
	err = ecies_pub(op, pub);
	if (err) {
		NL_SET_ERR_MSG(extack, "ECIES public key computation failed");
		/* ecc.c's check of the result: this key cannot be used */
		return err == -EAGAIN ? -EINVAL : err;
	}
	return 0;
}

/* The peer's public key from the wire, refusing points off P-256. */
static int ecies_peer(struct ecies_op *op, const u8 *pub)
{
	if (op->profile == PARLOS_PROFILE_A) {
		memcpy(op->b->peer, pub, PARLOS_PUBKEY_A_LEN);
		return 0;
	}
	return p256_decompress(op->b->peer, pub);
}

static int ecies_agree(struct ecies_op *op, struct netlink_ext_ack *extack)
{
	int err;

	err = ecies_kpp(op->kpp, op->b->peer, op->rawlen, op->b->z,
			ECIES_Z_LEN);
	/*
	 * ecdh refuses a point off the curve (-EINVAL), and one whose product
	 * it cannot compute (-EFAULT: ecc.c's ladder fails for x = 0).
	 */
	if (err == -EINVAL || err == -EFAULT) {
		NL_SET_ERR_MSG(extack, "ECIES key agreement refused the public key");
		return -EINVAL;
	}
	if (err) {
		NL_SET_ERR_MSG(extack, "ECIES key agreement failed");
		return err;
	}
	/* A low-order X25519 point gives Z = 0 whatever our key. */
	if (op->profile == PARLOS_PROFILE_A &&
	    !crypto_memneq(op->b->z, ecies_zero, ECIES_Z_LEN)) {
		NL_SET_ERR_MSG(extack, "X25519 shared secret is zero");
		return -EINVAL;
	}
	return 0;
}

/* ANSI X9.63: keys = SHA-256(Z | 1 | info) | SHA-256(Z | 2 | info) */
static int ecies_kdf(struct ecies_buf *b, const u8 *info, unsigned int len)
{
	struct crypto_shash *tfm;
	SHASH_DESC_ON_STACK(desc, tfm);
	unsigned int i;
	u8 ctr[4];
	int err = 0;

	tfm = crypto_alloc_shash("sha256", 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	desc->tfm = tfm;
	for (i = 0; !err && i < ECIES_KDF_LEN / SHA256_DIGEST_SIZE; i++) {
		put_unaligned_be32(i + 1, ctr);
		err = crypto_shash_init(desc) ?:
		      crypto_shash_update(desc, b->z, ECIES_Z_LEN) ?:
		      crypto_shash_update(desc, ctr, sizeof(ctr)) ?:
		      crypto_shash_finup(desc, info, len,
					 b->keys + i * SHA256_DIGEST_SIZE);
	}
	shash_desc_zero(desc);
	crypto_free_shash(tfm);
	return err;
}

/* HMAC-SHA-256 under the MAC key into b->mac; the tag is its start. */
static int ecies_mac(struct ecies_buf *b, const u8 *data, unsigned int len)
{
	struct crypto_shash *tfm;
	SHASH_DESC_ON_STACK(desc, tfm);
	int err;

	tfm = crypto_alloc_shash("hmac(sha256)", 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	err = crypto_shash_setkey(tfm, b->keys + ECIES_ENC_KEY_LEN +
				  ECIES_ICB_LEN, ECIES_MAC_KEY_LEN);
	if (!err) {
		desc->tfm = tfm;
		err = crypto_shash_digest(desc, data, len, b->mac);
		shash_desc_zero(desc);
	}
	crypto_free_shash(tfm);
	return err;
}

/* AES-128-CTR over b->data in place, from the ICB; its own inverse. */
static int ecies_ctr(struct ecies_buf *b, unsigned int len)
{
	struct crypto_skcipher *tfm;
	struct skcipher_request *req;
	struct scatterlist sg;
	DECLARE_CRYPTO_WAIT(wait);
	int err;

	tfm = crypto_alloc_skcipher("ctr(aes)", 0, 0);
	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	err = crypto_skcipher_setkey(tfm, b->keys, ECIES_ENC_KEY_LEN);
	if (err)
		goto out;
	req = skcipher_request_alloc(tfm, GFP_KERNEL);
	if (!req) {
		err = -ENOMEM;
		goto out;
	}
	memcpy(b->iv, b->keys + ECIES_ENC_KEY_LEN, ECIES_ICB_LEN);
	sg_init_one(&sg, b->data, len);
	skcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_SLEEP,
				      crypto_req_done, &wait);
	skcipher_request_set_crypt(req, &sg, &sg, len, b->iv);
	err = crypto_wait_req(crypto_skcipher_encrypt(req), &wait);
	skcipher_request_free(req);
out:
	crypto_free_skcipher(tfm);
	return err;
}

static int ecies_begin(struct ecies_op *op, enum parlos_profile profile,
		       size_t len, struct netlink_ext_ack *extack)
{
	int err;

	op->profile = profile;
	op->publen = parlos_ecies_pub_len(profile);
	op->rawlen = profile == PARLOS_PROFILE_A ? PARLOS_PUBKEY_A_LEN :
						    2 * P256_BYTES;
	op->b = kzalloc(struct_size(op->b, data, len), GFP_KERNEL);
	if (!op->b) {
		NL_SET_ERR_MSG(extack, "ECIES: out of memory");
		return -ENOMEM;
	}
	op->kpp = crypto_alloc_kpp(profile == PARLOS_PROFILE_A ?
				   "curve25519" : "ecdh-nist-p256", 0, 0);
	if (IS_ERR(op->kpp)) {
		err = PTR_ERR(op->kpp);
		kfree(op->b);
		NL_SET_ERR_MSG(extack, "ECIES key agreement algorithm unavailable");
		return err;
	}
	return 0;
}

static void ecies_end(struct ecies_op *op)
{
	crypto_free_kpp(op->kpp);
	kfree_sensitive(op->b);
}

static int ecies_check_profile(enum parlos_profile profile,
			       struct netlink_ext_ack *extack)
{
	if (parlos_ecies_pub_len(profile))
		return 0;
	NL_SET_ERR_MSG(extack, "unknown ECIES profile");
	return -EINVAL;
}

static int ecies_check_len(size_t len, struct netlink_ext_ack *extack)
{
	if (len && len <= PARLOS_ECIES_MAX_LEN)
		return 0;
	NL_SET_ERR_MSG(extack, "ECIES plaintext length out of range");
	return -EINVAL;
}

/**
 * parlos_ecies_keygen() - make the ME's key pair
 * @profile: PARLOS_PROFILE_A or PARLOS_PROFILE_B
 * @priv: receives the private key; the caller keeps and wipes it
 * @pub: receives the public key, parlos_ecies_pub_len(profile) bytes
 * @extack: error message, may be NULL
 *
 * Return: 0, or a negative errno; @priv is zeroed on error.
 */
int parlos_ecies_keygen(enum parlos_profile profile,
			u8 priv[PARLOS_ECIES_PRIV_LEN], u8 *pub,
			struct netlink_ext_ack *extack)
{
	struct ecies_op op;
	int err;

	err = ecies_check_profile(profile, extack) ?:
	      ecies_begin(&op, profile, 0, extack);
	if (err)
		return err;
	err = ecies_gen_keypair(&op, priv, pub);
	if (err)
		NL_SET_ERR_MSG(extack, "could not generate an ECIES key pair");
	ecies_end(&op);
	return err;
}

/**
 * parlos_ecies_pubkey() - the public key of a private key
 * @profile: PARLOS_PROFILE_A or PARLOS_PROFILE_B
 * @priv: the private key
 * @pub: receives the public key, parlos_ecies_pub_len(profile) bytes
 * @extack: error message, may be NULL
 *
 * Return: 0; -EINVAL if @priv is no P-256 scalar in [1, n - 1] (or is
 * all zero for X25519); another negative errno from the crypto API.
 */
int parlos_ecies_pubkey(enum parlos_profile profile,
			const u8 priv[PARLOS_ECIES_PRIV_LEN], u8 *pub,
			struct netlink_ext_ack *extack)
{
	struct ecies_op op;
	int err;

	err = ecies_check_profile(profile, extack) ?:
	      ecies_begin(&op, profile, 0, extack);
	if (err)
		return err;
	err = ecies_load_keypair(&op, priv, pub, extack);
	ecies_end(&op);
	return err;
}

/**
 * parlos_ecies_wrap() - encrypt to the ME's public key (network side)
 * @profile: PARLOS_PROFILE_A or PARLOS_PROFILE_B
 * @me_pub: the ME's public key as sent (32 or 33 bytes)
 * @me_publen: its length
 * @plaintext: what to encrypt (KASMEtemp)
 * @len: its length, 1 to PARLOS_ECIES_MAX_LEN
 * @eph_priv: NULL in production; tests pass a fixed ephemeral private key
 * @blob: receives parlos_ecies_blob_len(profile, len) bytes
 * @extack: error message, may be NULL
 *
 * Return: 0, -EINVAL for a bad profile, length or ME key (not on P-256;
 * X25519 shared secret zero), or another negative errno.
 */
int parlos_ecies_wrap(enum parlos_profile profile, const u8 *me_pub,
		      size_t me_publen, const u8 *plaintext, size_t len,
		      const u8 *eph_priv, u8 *blob,
		      struct netlink_ext_ack *extack)
{
	struct ecies_op op;
	int err;

	err = ecies_check_profile(profile, extack) ?:
	      ecies_check_len(len, extack);
	if (err)
		return err;
	if (me_publen != parlos_ecies_pub_len(profile)) {
		NL_SET_ERR_MSG(extack, "ME public key length does not match the ECIES profile");
		return -EINVAL;
	}
	err = ecies_begin(&op, profile, len, extack);
	if (err)
		return err;

	err = ecies_peer(&op, me_pub);
	if (err) {
		NL_SET_ERR_MSG(extack, "ME public key is not a point on P-256");
		goto out;
	}
	if (eph_priv) {
		memcpy(op.b->eph, eph_priv, PARLOS_ECIES_PRIV_LEN);
		err = ecies_load_keypair(&op, op.b->eph, blob, extack);
	} else {
		err = ecies_gen_keypair(&op, op.b->eph, blob);
		if (err)
			NL_SET_ERR_MSG(extack, "could not generate an ECIES key pair");
	}
	if (err)
		goto out;
	err = ecies_agree(&op, extack);
	if (err)
		goto out;
	/* SharedInfo is the ephemeral key exactly as sent */
	err = ecies_kdf(op.b, blob, op.publen);
	if (err) {
		NL_SET_ERR_MSG(extack, "ECIES key derivation failed");
		goto out;
	}
	memcpy(op.b->data, plaintext, len);
	err = ecies_ctr(op.b, len);
	if (err) {
		NL_SET_ERR_MSG(extack, "ECIES encryption failed");
		goto out;
	}
	err = ecies_mac(op.b, op.b->data, len);
	if (err) {
		NL_SET_ERR_MSG(extack, "ECIES MAC computation failed");
		goto out;
	}
	memcpy(blob + op.publen, op.b->data, len);
	memcpy(blob + op.publen + len, op.b->mac, PARLOS_ECIES_TAG_LEN);
out:
	if (err)
		memset(blob, 0, op.publen + len + PARLOS_ECIES_TAG_LEN);
	ecies_end(&op);
	return err;
}

/**
 * parlos_ecies_unwrap() - check and decrypt a blob (ME side)
 * @profile: PARLOS_PROFILE_A or PARLOS_PROFILE_B
 * @priv: the ME's private key from parlos_ecies_keygen()
 * @blob: ephemeral public key | ciphertext | tag
 * @bloblen: its length, which must be parlos_ecies_blob_len(profile, outlen)
 * @out: receives the plaintext; untouched on any error
 * @outlen: the plaintext length expected, 1 to PARLOS_ECIES_MAX_LEN
 * @extack: error message, may be NULL
 *
 * The ephemeral key and the tag are checked before anything is decrypted.
 *
 * Return: 0; -EINVAL for a bad profile, length, ephemeral key (not on
 * P-256; X25519 shared secret zero) or private key; -EBADMSG if the tag
 * does not match; another negative errno from the crypto API.
 */
int parlos_ecies_unwrap(enum parlos_profile profile,
			const u8 priv[PARLOS_ECIES_PRIV_LEN], const u8 *blob,
			size_t bloblen, u8 *out, size_t outlen,
			struct netlink_ext_ack *extack)
{
	const u8 *ct, *tag;
	struct ecies_op op;
	int err;

	err = ecies_check_profile(profile, extack) ?:
	      ecies_check_len(outlen, extack);
	if (err)
		return err;
	if (bloblen != parlos_ecies_blob_len(profile, outlen)) {
		NL_SET_ERR_MSG(extack, "ECIES blob length does not match the profile");
		return -EINVAL;
	}
	err = ecies_begin(&op, profile, outlen, extack);
	if (err)
		return err;
	ct = blob + op.publen;
	tag = ct + outlen;

	err = ecies_peer(&op, blob);
	if (err) {
		NL_SET_ERR_MSG(extack, "ephemeral key is not a point on P-256");
		goto out;
	}
	err = ecies_set_secret(&op, priv);
	if (err) {
		NL_SET_ERR_MSG(extack, "private key is not valid for the ECIES profile");
		goto out;
	}
	err = ecies_agree(&op, extack);
	if (err)
		goto out;
	err = ecies_kdf(op.b, blob, op.publen);
	if (err) {
		NL_SET_ERR_MSG(extack, "ECIES key derivation failed");
		goto out;
	}
	err = ecies_mac(op.b, ct, outlen);
	if (err) {
		NL_SET_ERR_MSG(extack, "ECIES MAC computation failed");
		goto out;
	}
	if (crypto_memneq(op.b->mac, tag, PARLOS_ECIES_TAG_LEN)) {
		NL_SET_ERR_MSG(extack, "ECIES tag mismatch");
		err = -EBADMSG;
		goto out;
	}
	memcpy(op.b->data, ct, outlen);
	err = ecies_ctr(op.b, outlen);
	if (err) {
		NL_SET_ERR_MSG(extack, "ECIES decryption failed");
		goto out;
	}
	memcpy(out, op.b->data, outlen);
out:
	ecies_end(&op);
	return err;
}
