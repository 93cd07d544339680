// SPDX-License-Identifier: GPL-2.0
/*
 * Credentials: loading (PEM files), X.509 chain and purpose checks,
 * transcript signatures. Every OpenSSL failure is turned into one
 * status and the error queue is cleared, so that a refused peer leaves
 * nothing behind for the next one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "cred.h"
#include "log.h"

#define FILE_MAX	(1 << 20)

const char *cred_status_str(enum cred_status s)
{
	switch (s) {
	case CRED_OK:
		return "valid";
	case CRED_MALFORMED:
		return "credential malformed";
	case CRED_EXPIRED:
		return "certificate expired";
	case CRED_NOT_YET_VALID:
		return "certificate not yet valid";
	case CRED_UNTRUSTED:
		return "certificate not issued by a trusted CA (wrong CA)";
	case CRED_KEY_USAGE:
		return "certificate has the wrong key usage";
	case CRED_BAD_KEY:
		return "key is not ECDSA P-256 or Ed25519, or not of the "
		       "signature algorithm";
	case CRED_BAD_SIGNATURE:
		return "signature does not verify: signed over a different "
		       "transcript";
	default:
		return "internal error";
	}
}

/* The whole file, malloc'd; the caller wipes a key file's copy */
static int read_file(const char *path, uint8_t **buf, size_t *len,
		     char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	uint8_t *b;
	size_t n;

	if (!f) {
		snprintf(err, errlen, "%.200s: %s", path, strerror(errno));
		return -errno;
	}
	b = malloc(FILE_MAX);
	n = b ? fread(b, 1, FILE_MAX, f) : 0;
	if (!b || ferror(f) || n == FILE_MAX) {
		snprintf(err, errlen, "%.200s: %s", path,
			 b ? "read error or too large" : "out of memory");
		free(b);
		fclose(f);
		return -EIO;
	}
	fclose(f);
	*buf = b;
	*len = n;
	return 0;
}

/* Never prompt for a pass phrase: an encrypted key file is refused */
static int no_pass(char *buf, int size, int rw, void *u)
{
	(void)buf;
	(void)size;
	(void)rw;
	(void)u;
	return -1;
}

uint8_t cred_key_alg(const EVP_PKEY *key)
{
	char group[32];

	if (!key)
		return 0;
	if (EVP_PKEY_is_a(key, "ED25519"))
		return NAS_SIG_ED25519;
	if (EVP_PKEY_is_a(key, "EC") &&
	    EVP_PKEY_get_group_name(key, group, sizeof(group), NULL) &&
	    (!strcasecmp(group, "prime256v1") || !strcasecmp(group, "P-256")))
		return NAS_SIG_ECDSA_P256;
	return 0;
}

EVP_PKEY *cred_key_from_spki(const uint8_t *der, size_t len)
{
	const unsigned char *p = der;
	EVP_PKEY *k = d2i_PUBKEY(NULL, &p, (long)len);

	if (k && p != der + len) {
		EVP_PKEY_free(k);
		k = NULL;
	}
	ERR_clear_error();
	return k;
}

uint8_t *cred_spki(const EVP_PKEY *key, size_t *len)
{
	unsigned char *der = NULL;
	int n = i2d_PUBKEY(key, &der);

	if (n <= 0) {
		ERR_clear_error();
		return NULL;
	}
	*len = (size_t)n;
	return der;
}

void cred_fpr(const uint8_t *der, size_t len, char out[CRED_FPR_HEX])
{
	uint8_t md[SHA256_DIGEST_LENGTH];
	int i;

	SHA256(der, len, md);
	for (i = 0; i < SHA256_DIGEST_LENGTH; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

/* --- our own credential ------------------------------------------------ */

static int load_key(struct d_cred *c, const char *path, char *err,
		    size_t errlen)
{
	uint8_t *buf;
	size_t len;
	BIO *bio;
	int rc = read_file(path, &buf, &len, err, errlen);

	if (rc)
		return rc;
	bio = BIO_new_mem_buf(buf, (int)len);
	c->key = bio ? PEM_read_bio_PrivateKey(bio, NULL, no_pass, NULL) :
		       NULL;
	BIO_free(bio);
	OPENSSL_cleanse(buf, len);
	free(buf);
	ERR_clear_error();
	if (!c->key) {
		snprintf(err, errlen, "%.200s: no unencrypted PEM private key",
			 path);
		return -EINVAL;
	}
	c->sig_alg = cred_key_alg(c->key);
	if (!c->sig_alg) {
		snprintf(err, errlen,
			 "%.200s: only ECDSA P-256 and Ed25519 keys are "
			 "supported", path);
		return -EINVAL;
	}
	c->spki = cred_spki(c->key, &c->spki_len);
	if (!c->spki) {
		snprintf(err, errlen, "%.200s: cannot encode the public key",
			 path);
		return -EINVAL;
	}
	return 0;
}

/* Our public key as the leaf certificate encodes it: what peers sign */
static int leaf_spki(struct d_cred *c, X509 *x)
{
	unsigned char *der = NULL;
	int n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x), &der);

	if (n <= 0)
		return -EINVAL;
	OPENSSL_free(c->spki);
	c->spki = der;
	c->spki_len = (size_t)n;
	return 0;
}

/* Reads up to NAS_CRED_MAX_ITEMS certificates, leaf first, into der[] */
static int load_chain(struct d_cred *c, const char *path, uint8_t **der,
		      size_t *der_len, unsigned int *n, char *err,
		      size_t errlen)
{
	uint8_t *buf;
	size_t len;
	BIO *bio;
	X509 *x;
	int rc = read_file(path, &buf, &len, err, errlen);

	if (rc)
		return rc;
	bio = BIO_new_mem_buf(buf, (int)len);
	*n = 0;
	while (bio && (x = PEM_read_bio_X509(bio, NULL, NULL, NULL))) {
		unsigned char *d = NULL;
		int dl;

		if (*n == NAS_CRED_MAX_ITEMS) {
			snprintf(err, errlen,
				 "%.200s: more than %d certificates", path,
				 NAS_CRED_MAX_ITEMS);
			rc = -EINVAL;
		} else if (!*n && (X509_check_private_key(x, c->key) != 1 ||
				   leaf_spki(c, x))) {
			snprintf(err, errlen,
				 "%.200s: the first certificate is not that of "
				 "the key", path);
			rc = -EINVAL;
		} else if (!*n && X509_cmp_current_time(
					X509_get0_notAfter(x)) < 0) {
			log_warn("%s: our certificate has expired", path);
		}
		dl = rc ? 0 : i2d_X509(x, &d);
		X509_free(x);
		if (rc)
			break;
		if (dl <= 0) {
			snprintf(err, errlen, "%.200s: cannot encode", path);
			rc = -EINVAL;
			break;
		}
		der[*n] = d;
		der_len[(*n)++] = (size_t)dl;
	}
	BIO_free(bio);
	free(buf);
	ERR_clear_error();
	if (!rc && !*n) {
		snprintf(err, errlen, "%.200s: no PEM certificate", path);
		rc = -EINVAL;
	}
	return rc;
}

/* Our credential part: the chain, or (gateway, mode pin) the bare key */
static int build_ie(struct d_cred *c, const struct d_config *cfg, char *err,
		    size_t errlen)
{
	uint8_t *der[NAS_CRED_MAX_ITEMS] = { 0 };
	size_t der_len[NAS_CRED_MAX_ITEMS], len;
	struct nas_parlos_cred cr = { 0 };
	unsigned int n = 0, i;
	int rc = 0;

	if (cfg->role == D_ROLE_GW && cfg->mode == D_MODE_PIN) {
		cr.kind = NAS_CRED_PUBKEY;
		cr.n = 1;
		cr.item[0].p = c->spki;
		cr.item[0].len = c->spki_len;
	} else if (cfg->cert[0]) {
		rc = load_chain(c, cfg->cert, der, der_len, &n, err, errlen);
		cr.kind = NAS_CRED_X509;
		cr.n = (uint8_t)n;
		for (i = 0; i < n; i++) {
			cr.item[i].p = der[i];
			cr.item[i].len = der_len[i];
		}
	} else {
		return 0;
	}
	c->ie = rc ? NULL : malloc(CRED_IE_MAX);
	if (!rc && !c->ie)
		rc = -ENOMEM;
	if (!rc && nas_cred_encode(&cr, NAS_CRED_PART, c->ie,
				   CRED_IE_MAX - 3 - CRED_SIG_MAX, &len)) {
		snprintf(err, errlen, "%.200s: the chain is too large for the "
			 "credential IE", cfg->cert);
		rc = -EINVAL;
	}
	if (!rc)
		c->ie_len = len;
	for (i = 0; i < n; i++)
		OPENSSL_free(der[i]);
	return rc;
}

X509_STORE *cred_trust_load(const char *path, char *err, size_t errlen)
{
	X509_STORE *s = X509_STORE_new();

	if (!s || X509_STORE_load_file(s, path) != 1 ||
	    sk_X509_OBJECT_num(X509_STORE_get0_objects(s)) < 1) {
		snprintf(err, errlen, "%.200s: no PEM CA certificate", path);
		X509_STORE_free(s);
		s = NULL;
	}
	ERR_clear_error();
	return s;
}

int cred_load(struct d_cred *c, const struct d_config *cfg, char *err,
	      size_t errlen)
{
	char why[D_ERR_MAX];
	int rc = 0;

	memset(c, 0, sizeof(*c));
	if (cfg->key[0]) {
		rc = load_key(c, cfg->key, why, sizeof(why));
		if (rc) {
			snprintf(err, errlen, "key: %s", why);
			goto fail;
		}
		rc = build_ie(c, cfg, why, sizeof(why));
		if (rc) {
			snprintf(err, errlen, "cert: %s", why);
			goto fail;
		}
	}
	if (cfg->ca_file[0]) {
		c->trust = cred_trust_load(cfg->ca_file, why, sizeof(why));
		if (!c->trust) {
			snprintf(err, errlen, "ca-file: %s", why);
			rc = -EINVAL;
			goto fail;
		}
	}
	return 0;
fail:
	cred_free(c);
	return rc;
}

void cred_free(struct d_cred *c)
{
	EVP_PKEY_free(c->key);	/* OpenSSL wipes the private key */
	OPENSSL_free(c->spki);
	free(c->ie);
	X509_STORE_free(c->trust);
	memset(c, 0, sizeof(*c));
}

/* --- a peer's credential ----------------------------------------------- */

static bool eku_has(X509 *x, const char *oid)
{
	EXTENDED_KEY_USAGE *eku;
	ASN1_OBJECT *want;
	bool ok = false;
	int i;

	if (!(X509_get_extension_flags(x) & EXFLAG_XKUSAGE))
		return true;	/* no extendedKeyUsage: keyUsage decides */
	eku = X509_get_ext_d2i(x, NID_ext_key_usage, NULL, NULL);
	want = OBJ_txt2obj(oid, 1);
	for (i = 0; eku && want && i < sk_ASN1_OBJECT_num(eku); i++) {
		ASN1_OBJECT *o = sk_ASN1_OBJECT_value(eku, i);

		if (!OBJ_cmp(o, want) ||
		    OBJ_obj2nid(o) == NID_anyExtendedKeyUsage)
			ok = true;
	}
	EXTENDED_KEY_USAGE_free(eku);
	ASN1_OBJECT_free(want);
	return ok;
}

/* keyUsage with digitalSignature, and our purpose if EKU is there */
static enum cred_status purpose_ok(X509 *x, enum cred_purpose p,
				   char *detail, size_t dlen)
{
	uint32_t flags = X509_get_extension_flags(x);

	if (flags & EXFLAG_INVALID) {
		snprintf(detail, dlen, "invalid extensions");
		return CRED_MALFORMED;
	}
	if (!(flags & EXFLAG_KUSAGE) ||
	    !(X509_get_key_usage(x) & KU_DIGITAL_SIGNATURE)) {
		snprintf(detail, dlen, "keyUsage lacks digitalSignature");
		return CRED_KEY_USAGE;
	}
	if (!eku_has(x, p == CRED_FOR_GATEWAY ? CRED_OID_GATEWAY :
						CRED_OID_ME)) {
		snprintf(detail, dlen, "extendedKeyUsage lacks %s",
			 p == CRED_FOR_GATEWAY ? "id-kp-parlosGateway" :
						 "id-kp-parlosME");
		return CRED_KEY_USAGE;
	}
	return CRED_OK;
}

static enum cred_status verify_error(int e)
{
	switch (e) {
	case X509_V_ERR_CERT_HAS_EXPIRED:
	case X509_V_ERR_CRL_HAS_EXPIRED:
		return CRED_EXPIRED;
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return CRED_NOT_YET_VALID;
	case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
	case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
		return CRED_MALFORMED;
	case X509_V_ERR_OUT_OF_MEM:
		return CRED_INTERNAL;
	default:
		return CRED_UNTRUSTED;
	}
}

static X509 *der_cert(const struct nas_bytes *b)
{
	const unsigned char *p = b->p;
	X509 *x = d2i_X509(NULL, &p, (long)b->len);

	if (x && p != b->p + b->len) {
		X509_free(x);
		x = NULL;
	}
	return x;
}

void cred_peer_free(struct cred_peer *p)
{
	EVP_PKEY_free(p->key);
	OPENSSL_free(p->spki);
	memset(p, 0, sizeof(*p));
}

/* The leaf's key and its SubjectPublicKeyInfo exactly as encoded there */
static enum cred_status peer_of(X509 *x, struct cred_peer *p)
{
	unsigned char *der = NULL;
	int n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(x), &der);

	p->key = X509_get_pubkey(x);
	if (!p->key || n <= 0) {
		OPENSSL_free(der);
		cred_peer_free(p);
		return CRED_MALFORMED;
	}
	p->spki = der;
	p->spki_len = (size_t)n;
	if (!cred_key_alg(p->key)) {
		cred_peer_free(p);
		return CRED_BAD_KEY;
	}
	return CRED_OK;
}

enum cred_status cred_verify_chain(X509_STORE *trust,
				   const struct nas_parlos_cred *cr,
				   enum cred_purpose purpose,
				   struct cred_peer *peer, char *detail,
				   size_t dlen)
{
	STACK_OF(X509) *more = sk_X509_new_null();
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	X509 *x509 = NULL;
	enum cred_status st = CRED_INTERNAL;
	unsigned int i;

	memset(peer, 0, sizeof(*peer));
	snprintf(detail, dlen, "%s", "");
	if (!more || !ctx)
		goto out;
	st = CRED_MALFORMED;
	if (cr->kind != NAS_CRED_X509 || !cr->n) {
		snprintf(detail, dlen, "no certificate chain");
		goto out;
	}
	for (i = 0; i < cr->n; i++) {
		X509 *x = der_cert(&cr->item[i]);

		if (!x) {
			snprintf(detail, dlen, "certificate %u is not DER", i);
			goto out;
		}
		if (!i)
			x509 = x;
		else if (!sk_X509_push(more, x))
			X509_free(x);
	}
	st = CRED_UNTRUSTED;
	if (!trust) {
		snprintf(detail, dlen, "no CA configured");
		goto out;
	}
	if (X509_STORE_CTX_init(ctx, trust, x509, more) != 1) {
		st = CRED_INTERNAL;
		goto out;
	}
	if (X509_verify_cert(ctx) != 1) {
		int e = X509_STORE_CTX_get_error(ctx);

		st = verify_error(e);
		snprintf(detail, dlen, "%s (depth %d)",
			 X509_verify_cert_error_string(e),
			 X509_STORE_CTX_get_error_depth(ctx));
		goto out;
	}
	st = purpose_ok(x509, purpose, detail, dlen);
	if (!st)
		st = peer_of(x509, peer);
	if (!st)
		X509_NAME_oneline(X509_get_subject_name(x509), detail,
				  (int)dlen);
out:
	X509_STORE_CTX_free(ctx);
	X509_free(x509);
	sk_X509_pop_free(more, X509_free);
	ERR_clear_error();
	return st;
}

enum cred_status cred_signer_key(const struct nas_parlos_cred *cr,
				 struct cred_peer *peer)
{
	enum cred_status st = CRED_MALFORMED;
	X509 *x;

	memset(peer, 0, sizeof(*peer));
	if (cr->n && cr->kind == NAS_CRED_PUBKEY) {
		peer->key = cred_key_from_spki(cr->item[0].p, cr->item[0].len);
		peer->spki = peer->key ? OPENSSL_memdup(cr->item[0].p,
							cr->item[0].len) :
					 NULL;
		peer->spki_len = cr->item[0].len;
		st = !peer->spki ? CRED_MALFORMED :
		     cred_key_alg(peer->key) ? CRED_OK : CRED_BAD_KEY;
		if (st)
			cred_peer_free(peer);
	} else if (cr->n && cr->kind == NAS_CRED_X509) {
		x = der_cert(&cr->item[0]);
		st = x ? peer_of(x, peer) : CRED_MALFORMED;
		X509_free(x);
	}
	ERR_clear_error();
	return st;
}

/* --- signatures -------------------------------------------------------- */

static const EVP_MD *sig_md(uint8_t alg)
{
	/* Ed25519 hashes on its own (PureEdDSA): no digest */
	return alg == NAS_SIG_ECDSA_P256 ? EVP_sha256() : NULL;
}

int cred_sign(EVP_PKEY *key, const uint8_t md[32], uint8_t *sig, size_t *len)
{
	EVP_MD_CTX *m = EVP_MD_CTX_new();
	uint8_t alg = cred_key_alg(key);
	size_t n = CRED_SIG_MAX;
	int ok = m && alg &&
		 EVP_DigestSignInit(m, NULL, sig_md(alg), NULL, key) == 1 &&
		 EVP_DigestSign(m, sig, &n, md, 32) == 1;

	EVP_MD_CTX_free(m);
	ERR_clear_error();
	if (!ok)
		return -EIO;
	*len = n;
	return 0;
}

enum cred_status cred_verify_sig(EVP_PKEY *key, uint8_t alg,
				 const uint8_t md[32], const uint8_t *sig,
				 size_t len)
{
	EVP_MD_CTX *m;
	int ok;

	if (!alg || cred_key_alg(key) != alg)
		return CRED_BAD_KEY;
	m = EVP_MD_CTX_new();
	ok = m && EVP_DigestVerifyInit(m, NULL, sig_md(alg), NULL, key) == 1 &&
	     EVP_DigestVerify(m, sig, len, md, 32) == 1;
	EVP_MD_CTX_free(m);
	ERR_clear_error();
	return ok ? CRED_OK : CRED_BAD_SIGNATURE;
}

int cred_ie_signed(const struct d_cred *c, bool with_cred,
		   const uint8_t md[32], uint8_t *out, size_t cap, size_t *len)
{
	uint8_t sig[CRED_SIG_MAX];
	struct nas_parlos_cred cr = { 0 };
	size_t off = 0, n;
	int err;

	if (!c->key || (with_cred && !c->ie))
		return -EINVAL;
	if (with_cred) {
		if (c->ie_len > cap)
			return -ENOSPC;
		memcpy(out, c->ie, c->ie_len);
		off = c->ie_len;
	}
	err = cred_sign(c->key, md, sig, &n);
	if (err)
		return err;
	cr.sig_alg = c->sig_alg;
	cr.sig.p = sig;
	cr.sig.len = n;
	err = nas_cred_encode(&cr, NAS_SIG_PART, out + off, cap - off, &n);
	if (err)
		return err;
	*len = off + n;
	return 0;
}
