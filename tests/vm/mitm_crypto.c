// SPDX-License-Identifier: GPL-2.0
/*
 * The attacker's crypto, on OpenSSL and the module's stream cores; see
 * mitm_crypto.h. Written from the specifications, checked against the
 * official ECIES vectors (mc_selftest) and, in the VM, by both parlos
 * ends accepting what it computes.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/sha.h>

#include "mitm_crypto.h"
#include "snow3g.h"
#include "zuc.h"

size_t mc_pub_len(uint8_t profile)
{
	return profile == 1 ? 32 : profile == 2 ? 33 : 0;
}

static EVP_PKEY *p256_from(const uint8_t *pub, size_t publen, BIGNUM *priv)
{
	OSSL_PARAM_BLD *b = OSSL_PARAM_BLD_new();
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	OSSL_PARAM *p = NULL;
	EVP_PKEY *k = NULL;

	if (b && c &&
	    OSSL_PARAM_BLD_push_utf8_string(b, OSSL_PKEY_PARAM_GROUP_NAME,
					    "prime256v1", 0) &&
	    OSSL_PARAM_BLD_push_octet_string(b, OSSL_PKEY_PARAM_PUB_KEY, pub,
					     publen) &&
	    (!priv || OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_PRIV_KEY,
					     priv)) &&
	    (p = OSSL_PARAM_BLD_to_param(b)) &&
	    EVP_PKEY_fromdata_init(c) == 1)
		EVP_PKEY_fromdata(c, &k, priv ? EVP_PKEY_KEYPAIR :
						EVP_PKEY_PUBLIC_KEY, p);
	OSSL_PARAM_free(p);
	OSSL_PARAM_BLD_free(b);
	EVP_PKEY_CTX_free(c);
	return k;
}

static EVP_PKEY *pub_from(uint8_t profile, const uint8_t *pub, size_t len)
{
	if (len != mc_pub_len(profile))
		return NULL;
	if (profile == 1)
		return EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, NULL, pub,
						   len);
	return p256_from(pub, len, NULL);
}

/* The public key as 0x7A and 0x7D carry it (B: compressed, SEC 1) */
static int pub_of(uint8_t profile, EVP_PKEY *k, uint8_t *pub, size_t *len)
{
	uint8_t pt[65];
	size_t n = sizeof(pt);

	if (profile == 1) {
		*len = 32;
		return EVP_PKEY_get_raw_public_key(k, pub, len) == 1 &&
		       *len == 32 ? 0 : -EIO;
	}
	if (EVP_PKEY_get_octet_string_param(k, OSSL_PKEY_PARAM_PUB_KEY, pt,
					    sizeof(pt), &n) != 1)
		return -EIO;
	if (n == 33 && (pt[0] == 2 || pt[0] == 3)) {
		memcpy(pub, pt, 33);
	} else if (n == 65 && pt[0] == 4) {
		pub[0] = 2 | (pt[64] & 1);	/* the parity of y */
		memcpy(pub + 1, pt + 1, 32);
	} else {
		return -EIO;
	}
	*len = 33;
	return 0;
}

int mc_keygen(uint8_t profile, EVP_PKEY **priv, uint8_t *pub, size_t *len)
{
	*priv = profile == 1 ? EVP_PKEY_Q_keygen(NULL, NULL, "X25519") :
		profile == 2 ? EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256") :
			       NULL;
	if (*priv && !pub_of(profile, *priv, pub, len))
		return 0;
	EVP_PKEY_free(*priv);
	*priv = NULL;
	return -EIO;
}

EVP_PKEY *mc_priv_from_raw(uint8_t profile, const uint8_t *d, size_t len)
{
	EC_GROUP *g;
	EC_POINT *q;
	BIGNUM *bn;
	uint8_t pub[65];
	size_t n = 0;
	EVP_PKEY *k = NULL;

	if (profile == 1)
		return EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, d,
						    len);
	/* P-256: the public point too, so that the key is a full pair */
	g = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
	q = g ? EC_POINT_new(g) : NULL;
	bn = BN_bin2bn(d, (int)len, NULL);
	if (q && bn && EC_POINT_mul(g, q, bn, NULL, NULL, NULL) == 1)
		n = EC_POINT_point2oct(g, q, POINT_CONVERSION_UNCOMPRESSED,
				       pub, sizeof(pub), NULL);
	if (n)
		k = p256_from(pub, n, bn);
	BN_clear_free(bn);
	EC_POINT_free(q);
	EC_GROUP_free(g);
	return k;
}

/* Z: X25519 output, or the x coordinate of the ECDH point */
static int ecdh(EVP_PKEY *priv, EVP_PKEY *peer, uint8_t z[32])
{
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new(priv, NULL);
	size_t n = 32;
	int ok = c && EVP_PKEY_derive_init(c) == 1 &&
		 EVP_PKEY_derive_set_peer(c, peer) == 1 &&
		 EVP_PKEY_derive(c, z, &n) == 1 && n == 32;

	EVP_PKEY_CTX_free(c);
	return ok ? 0 : -EIO;
}

/* ANSI X9.63 KDF, SHA-256: Z | counter | SharedInfo, 64 octets */
static void x963(const uint8_t z[32], const uint8_t *info, size_t ilen,
		 uint8_t out[64])
{
	uint8_t buf[32 + 4 + MC_PUB_MAX];
	uint32_t i;

	memcpy(buf, z, 32);
	memcpy(buf + 36, info, ilen);
	for (i = 1; i <= 2; i++) {
		buf[32] = buf[33] = buf[34] = 0;
		buf[35] = (uint8_t)i;
		SHA256(buf, 36 + ilen, out + 32 * (i - 1));
	}
	OPENSSL_cleanse(buf, sizeof(buf));
}

/* AES-128-CTR with the ICB as a 128-bit counter (OpenSSL's CTR) */
static int ctr(const uint8_t key[16], const uint8_t icb[16],
	       const uint8_t *in, uint8_t *out, size_t n)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int l1 = 0, l2 = 0;
	int ok = c && EVP_EncryptInit_ex(c, EVP_aes_128_ctr(), NULL, key,
					 icb) == 1 &&
		 EVP_EncryptUpdate(c, out, &l1, in, (int)n) == 1 &&
		 EVP_EncryptFinal_ex(c, out + l1, &l2) == 1;

	EVP_CIPHER_CTX_free(c);
	return ok && (size_t)(l1 + l2) == n ? 0 : -EIO;
}

static int seal(EVP_PKEY *eph, EVP_PKEY *peer, const uint8_t *eph_pub,
		size_t elen, const uint8_t *in, uint8_t *out, size_t n,
		uint8_t tag[MC_TAG_LEN], bool decrypt)
{
	uint8_t z[32], k[64], mac[32];
	unsigned int ml = 0;
	int err = ecdh(eph, peer, z);

	if (err)
		return err;
	x963(z, eph_pub, elen, k);
	if (decrypt) {
		HMAC(EVP_sha256(), k + 32, 32, in, n, mac, &ml);
		if (ml != 32 || CRYPTO_memcmp(mac, tag, MC_TAG_LEN))
			err = -EBADMSG;
	}
	if (!err)
		err = ctr(k, k + 16, in, out, n);
	if (!err && !decrypt) {
		HMAC(EVP_sha256(), k + 32, 32, out, n, mac, &ml);
		memcpy(tag, mac, MC_TAG_LEN);
	}
	OPENSSL_cleanse(z, sizeof(z));
	OPENSSL_cleanse(k, sizeof(k));
	return err;
}

int mc_wrap(uint8_t profile, const uint8_t *peer, size_t peer_len,
	    const uint8_t *pt, size_t n, EVP_PKEY *eph, uint8_t *blob,
	    size_t *blob_len)
{
	EVP_PKEY *p = pub_from(profile, peer, peer_len), *e = eph;
	uint8_t epub[MC_PUB_MAX];
	size_t el = 0;
	int err = -EIO;

	if (!p || n > 64)
		goto out;
	if (!e) {
		if (mc_keygen(profile, &e, epub, &el))
			goto out;
	} else if (pub_of(profile, e, epub, &el)) {
		goto out;
	}
	memcpy(blob, epub, el);
	err = seal(e, p, epub, el, pt, blob + el, n, blob + el + n, false);
	*blob_len = el + n + MC_TAG_LEN;
out:
	if (e != eph)
		EVP_PKEY_free(e);
	EVP_PKEY_free(p);
	return err;
}

int mc_unwrap(uint8_t profile, EVP_PKEY *priv, const uint8_t *blob,
	      size_t blob_len, uint8_t *pt, size_t n)
{
	size_t el = mc_pub_len(profile);
	EVP_PKEY *e;
	int err;

	if (!el || blob_len != el + n + MC_TAG_LEN)
		return -EINVAL;
	e = pub_from(profile, blob, el);
	err = e ? seal(priv, e, blob, el, blob + el, pt, n, (uint8_t *)
		       blob + el + n, true) : -EBADMSG;
	EVP_PKEY_free(e);
	return err;
}

int mc_nas_key(const uint8_t kasme[32], uint8_t dist, uint8_t alg,
	       uint8_t key[16])
{
	const uint8_t s[7] = { 0x15, dist, 0x00, 0x01, alg, 0x00, 0x01 };
	uint8_t out[32];
	unsigned int n = 0;

	if (!HMAC(EVP_sha256(), kasme, 32, s, sizeof(s), out, &n) || n != 32)
		return -EIO;
	memcpy(key, out + 16, 16);	/* the last 128 bits */
	OPENSSL_cleanse(out, sizeof(out));
	return 0;
}

/* 128-EIA2: AES-CMAC over COUNT | BEARER DIRECTION | 0^26 | message */
static int eia2(const uint8_t key[16], uint32_t count, uint8_t dir,
		const uint8_t *msg, size_t len, uint8_t mac[4])
{
	EVP_MAC *m = EVP_MAC_fetch(NULL, "CMAC", NULL);
	EVP_MAC_CTX *c = m ? EVP_MAC_CTX_new(m) : NULL;
	OSSL_PARAM p[] = {
		OSSL_PARAM_utf8_string(OSSL_MAC_PARAM_CIPHER, "AES-128-CBC", 0),
		OSSL_PARAM_END,
	};
	uint8_t hdr[8] = { (uint8_t)(count >> 24), (uint8_t)(count >> 16),
			   (uint8_t)(count >> 8), (uint8_t)count,
			   (uint8_t)(dir << 2), 0, 0, 0 };
	uint8_t out[16];
	size_t n = 0;
	int ok = c && EVP_MAC_init(c, key, 16, p) == 1 &&
		 EVP_MAC_update(c, hdr, sizeof(hdr)) == 1 &&
		 EVP_MAC_update(c, msg, len) == 1 &&
		 EVP_MAC_final(c, out, &n, sizeof(out)) == 1;

	EVP_MAC_CTX_free(c);
	EVP_MAC_free(m);
	memcpy(mac, out, 4);
	return ok ? 0 : -EIO;
}

int mc_eia(uint8_t alg, const uint8_t key[16], uint32_t count, uint8_t dir,
	   const uint8_t *msg, size_t len, uint8_t mac[4])
{
	u32 v;

	switch (alg) {
	case 1:
		v = parlos_eia1_bits(key, count, 0, dir, msg, (u32)(len * 8));
		break;
	case 2:
		return eia2(key, count, dir, msg, len, mac);
	case 3:
		v = parlos_eia3_bits(key, count, 0, dir, msg, (u32)(len * 8));
		break;
	default:
		return -EINVAL;
	}
	mac[0] = (uint8_t)(v >> 24);
	mac[1] = (uint8_t)(v >> 16);
	mac[2] = (uint8_t)(v >> 8);
	mac[3] = (uint8_t)v;
	return 0;
}

int mc_eea(uint8_t alg, const uint8_t key[16], uint32_t count, uint8_t dir,
	   uint8_t *buf, size_t len)
{
	uint8_t icb[16] = { (uint8_t)(count >> 24), (uint8_t)(count >> 16),
			    (uint8_t)(count >> 8), (uint8_t)count,
			    (uint8_t)(dir << 2) };

	switch (alg) {
	case 0:
		return 0;
	case 1:
		parlos_eea1_bits(key, count, 0, dir, buf, buf, (u32)(len * 8));
		return 0;
	case 2:
		return ctr(key, icb, buf, buf, len);
	case 3:
		parlos_eea3_bits(key, count, 0, dir, buf, buf, (u32)(len * 8));
		return 0;
	default:
		return -EINVAL;
	}
}

/* --- self-test on the vector files ------------------------------------- */

#define REC_MAX	32

struct rec {
	char k[REC_MAX][24];
	char v[REC_MAX][300];
	int n;
};

static const char *get(const struct rec *r, const char *k)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->k[i], k))
			return r->v[i];
	return NULL;
}

static size_t unhex(const char *s, uint8_t *out, size_t cap)
{
	size_t n = 0;
	unsigned int b;

	while (s && s[0] && s[1] && n < cap && sscanf(s, "%2x", &b) == 1) {
		out[n++] = (uint8_t)b;
		s += 2;
	}
	return n;
}

static int check_ecies(const struct rec *r)
{
	uint8_t hn_d[32], hn_pub[33], eph_d[32], pt[64], want[160], blob[160];
	uint8_t back[64];
	size_t hl, pl, wl, bl = 0;
	uint8_t prof = !strcmp(get(r, "PROFILE"), "A") ? 1 : 2;
	EVP_PKEY *hn, *eph;
	int bad;

	unhex(get(r, "HN_PRIVATE_KEY"), hn_d, 32);
	hl = unhex(get(r, "HN_PUBLIC_KEY"), hn_pub, sizeof(hn_pub));
	unhex(get(r, "EPH_PRIVATE_KEY"), eph_d, 32);
	pl = unhex(get(r, "PLAINTEXT"), pt, sizeof(pt));
	wl = unhex(get(r, "EPH_PUBLIC_KEY"), want, 33);
	wl += unhex(get(r, "CIPHERTEXT"), want + wl, 64);
	wl += unhex(get(r, "MAC_TAG"), want + wl, 8);
	hn = mc_priv_from_raw(prof, hn_d, 32);
	eph = mc_priv_from_raw(prof, eph_d, 32);
	bad = !hn || !eph ||
	      mc_wrap(prof, hn_pub, hl, pt, pl, eph, blob, &bl) || bl != wl ||
	      memcmp(blob, want, wl) ||
	      mc_unwrap(prof, hn, want, wl, back, pl) || memcmp(back, pt, pl);
	want[wl - 1] ^= 1;
	bad |= hn && mc_unwrap(prof, hn, want, wl, back, pl) != -EBADMSG;
	EVP_PKEY_free(hn);
	EVP_PKEY_free(eph);
	return bad;
}

static int check_kdf(const struct rec *r)
{
	uint8_t k[32], p0 = 0, p1 = 0, want[16], out[16];

	if (strcmp(get(r, "FC") ? get(r, "FC") : "", "15") || !get(r, "KEY128"))
		return -1;	/* not an algorithm key */
	unhex(get(r, "INPUT_KEY"), k, 32);
	unhex(get(r, "P0"), &p0, 1);
	unhex(get(r, "P1"), &p1, 1);
	unhex(get(r, "KEY128"), want, 16);
	return mc_nas_key(k, p0, p1, out) || memcmp(out, want, 16);
}

/* Runs check on each record of file; counts those it took */
static int each(const char *dir, const char *name,
		int (*check)(const struct rec *), int *ok, int *all)
{
	static struct rec r;
	char path[512], line[2048];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (!f)
		return -errno;
	r.n = 0;
	for (;;) {
		char *eq, *got = fgets(line, sizeof(line), f);
		int rc;

		if (got && line[0] != '\n' && line[0] != '#' &&
		    line[0] != '[') {
			eq = strstr(line, " = ");
			if (eq && r.n < REC_MAX) {
				*eq = '\0';
				snprintf(r.k[r.n], sizeof(r.k[0]), "%.23s",
					 line);
				snprintf(r.v[r.n], sizeof(r.v[0]), "%.299s",
					 eq + 3);
				r.v[r.n][strcspn(r.v[r.n], "\r\n")] = '\0';
				r.n++;
			}
			continue;
		}
		if (r.n && get(&r, "NAME")) {
			rc = check(&r);
			if (rc >= 0) {
				(*all)++;
				*ok += !rc;
				if (rc)
					printf("mitm: selftest FAIL %s\n",
					       get(&r, "NAME"));
			}
		}
		r.n = 0;
		if (!got)
			break;
	}
	fclose(f);
	return 0;
}

int mc_selftest(const char *dir)
{
	int eok = 0, eall = 0, kok = 0, kall = 0;

	if (each(dir, "ecies.txt", check_ecies, &eok, &eall) ||
	    each(dir, "kdf.txt", check_kdf, &kok, &kall)) {
		printf("mitm: selftest: cannot read the vectors in %s\n", dir);
		return 1;
	}
	printf("mitm: selftest ECIES %d/%d, KDF (FC 0x15) %d/%d\n", eok, eall,
	       kok, kall);
	return eall && kall && eok == eall && kok == kall ? 0 : 1;
}
