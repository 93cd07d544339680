// SPDX-License-Identifier: GPL-2.0
/*
 * parlosd's credential code: the transcript encoding, chain, validity
 * and key-purpose checks, both signature algorithms, the pin file, and
 * the three modes end to end between a gateway and an ME over an
 * in-memory network (fake kernel). Keys and certificates are made at
 * run time with the OpenSSL API in a temporary folder, removed after.
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "check.h"
#include "cred.h"
#include "gateway.h"
#include "log.h"
#include "logcap.h"
#include "me.h"
#include "parlosd_fake.h"
#include "pin.h"
#include "smc.h"
#include "transcript.h"

static char dir[] = "/tmp/parlos-cred-XXXXXX";

/* --- making keys and certificates -------------------------------------- */

static EVP_PKEY *keygen(const char *type)
{
	if (!strcmp(type, "ed25519"))
		return EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	if (!strcmp(type, "p384"))
		return EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-384");
	return EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
}

struct spec {
	const char *cn;
	bool ca;
	long from_days, to_days;	/* validity, relative to now */
	const char *ku, *eku;		/* NULL: extension left out */
};

static void add_ext(X509 *x, X509V3_CTX *v3, int nid, const char *val)
{
	X509_EXTENSION *e = X509V3_EXT_conf_nid(NULL, v3, nid, val);

	if (!e)
		abort();
	X509_add_ext(x, e, -1);
	X509_EXTENSION_free(e);
}

static X509 *mkcert(const struct spec *s, EVP_PKEY *key, X509 *issuer,
		    EVP_PKEY *ikey)
{
	static long serial = 1;
	X509 *x = X509_new();
	X509V3_CTX v3;
	EVP_PKEY *signer = ikey ? ikey : key;

	X509_set_version(x, X509_VERSION_3);
	ASN1_INTEGER_set(X509_get_serialNumber(x), serial++);
	X509_gmtime_adj(X509_getm_notBefore(x), s->from_days * 86400);
	X509_gmtime_adj(X509_getm_notAfter(x), s->to_days * 86400);
	X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN",
				   MBSTRING_ASC, (const unsigned char *)s->cn,
				   -1, -1, 0);
	X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) :
					 X509_get_subject_name(x));
	X509_set_pubkey(x, key);
	X509V3_set_ctx(&v3, issuer ? issuer : x, x, NULL, NULL, 0);
	add_ext(x, &v3, NID_basic_constraints,
		s->ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
	if (s->ku)
		add_ext(x, &v3, NID_key_usage, s->ku);
	if (s->eku)
		add_ext(x, &v3, NID_ext_key_usage, s->eku);
	X509_sign(x, signer, EVP_PKEY_is_a(signer, "ED25519") ? NULL :
							       EVP_sha256());
	return x;
}

static const struct spec ca_spec = { "parlos test CA", true, -1, 365,
				     "critical,keyCertSign,cRLSign", NULL };
static const struct spec gw_spec = { "gateway 001-01", false, -1, 30,
				     "critical,digitalSignature",
				     CRED_OID_GATEWAY };
static const struct spec me_spec = { "me 490154203237518", false, -1, 30,
				     "critical,digitalSignature",
				     CRED_OID_ME };

/* A chain as a credential part: DER copies owned by the caller */
struct chain {
	struct nas_parlos_cred cr;
	unsigned char *der[NAS_CRED_MAX_ITEMS];
};

static void chain_of(struct chain *c, X509 *const *certs, int n)
{
	int i;

	memset(c, 0, sizeof(*c));
	c->cr.kind = NAS_CRED_X509;
	c->cr.n = (uint8_t)n;
	for (i = 0; i < n; i++) {
		int len = i2d_X509(certs[i], &c->der[i]);

		c->cr.item[i].p = c->der[i];
		c->cr.item[i].len = (size_t)len;
	}
}

static void chain_free(struct chain *c)
{
	int i;

	for (i = 0; i < NAS_CRED_MAX_ITEMS; i++)
		OPENSSL_free(c->der[i]);
}

static X509_STORE *store_of(X509 *ca)
{
	X509_STORE *s = X509_STORE_new();

	X509_STORE_add_cert(s, ca);
	return s;
}

static char *path_of(const char *name)
{
	static char buf[8][256];
	static int i;

	i = (i + 1) % 8;
	snprintf(buf[i], sizeof(buf[i]), "%s/%s", dir, name);
	return buf[i];
}

static void write_pem(const char *name, X509 *const *certs, int n,
		      EVP_PKEY *key)
{
	FILE *f = fopen(path_of(name), "w");
	int i;

	for (i = 0; i < n; i++)
		PEM_write_X509(f, certs[i]);
	if (key)
		PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL, NULL);
	fclose(f);
}

/* --- transcript -------------------------------------------------------- */

static const uint8_t tr_pub[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
static const uint8_t tr_blob[72] = { 0xaa, [71] = 0xbb };
static const uint8_t tr_spki[44] = { 0x30, 0x2a };
static const uint8_t tr_hash[32] = { 0xcc, [31] = 0xdd };

static void tr_fill(struct transcript *t, struct nas_ue_sec_cap *caps)
{
	*caps = (struct nas_ue_sec_cap){ 2, { 0xe0, 0x60 } };
	memset(t, 0, sizeof(*t));
	t->role = TR_GATEWAY;
	t->plmn = (struct nas_plmn){ 1, 1, 2 };
	t->profile = 1;
	t->me_pub = tr_pub;
	t->me_pub_len = sizeof(tr_pub);
	t->eea = 2;
	t->eia = 1;
	t->caps = caps;
	t->blob = tr_blob;
	t->blob_len = sizeof(tr_blob);
	t->spki = tr_spki;
	t->spki_len = sizeof(tr_spki);
}

static void test_transcript_encoding(void)
{
	struct nas_ue_sec_cap caps;
	struct transcript t;
	uint8_t want[400], got[TR_MAX], md[32], md2[32];
	size_t n = 0, len;

	tr_fill(&t, &caps);
	/* Written out by hand from docs/protocol.md */
	memcpy(want, "PARLOS-SMC-TRANSCRIPT-V1", 24);
	n = 24;
	want[n++] = 1;					/* role */
	want[n++] = 0; want[n++] = 3;			/* PLMN 001-01 */
	want[n++] = 0x00; want[n++] = 0xf1; want[n++] = 0x10;
	want[n++] = 0; want[n++] = 33; want[n++] = 1;	/* 0x7A value */
	memcpy(want + n, tr_pub, 32); n += 32;
	want[n++] = 0; want[n++] = 0;			/* no 0x7C */
	want[n++] = 0; want[n++] = 1; want[n++] = 0x21;	/* EEA2, EIA1 */
	want[n++] = 0; want[n++] = 2; want[n++] = 0xe0; want[n++] = 0x60;
	want[n++] = 0; want[n++] = 73; want[n++] = 1;	/* 0x7D value */
	memcpy(want + n, tr_blob, 72); n += 72;
	want[n++] = 0; want[n++] = 44;			/* signer */
	memcpy(want + n, tr_spki, 44); n += 44;
	CHECK(!transcript_encode(&t, got, sizeof(got), &len), "encode");
	CHECK(len == n && !memcmp(got, want, n), "encoding: %zu vs %zu",
	      len, n);
	CHECK(!transcript_digest(&t, md), "digest");
	SHA256(want, n, md2);
	CHECK(!memcmp(md, md2, 32), "digest is SHA-256 of the encoding");
	CHECK(transcript_encode(&t, got, 100, &len) == -ENOSPC, "ENOSPC");
	t.role = 3;
	CHECK(transcript_encode(&t, got, sizeof(got), &len) == -EINVAL,
	      "bad role");
	tr_fill(&t, &caps);
	t.spki = NULL;
	CHECK(transcript_digest(&t, md2) == -EINVAL, "signer required");
}

/* Every field, and the role, changes what is signed */
static void test_transcript_binds(void)
{
	struct nas_ue_sec_cap caps;
	struct transcript t;
	uint8_t base[32], md[32], other[32] = { 9 };
	int i;

	tr_fill(&t, &caps);
	transcript_digest(&t, base);
	for (i = 0; i < 9; i++) {
		tr_fill(&t, &caps);
		switch (i) {
		case 0: t.role = TR_ME; break;
		case 1: t.plmn.mnc = 2; break;
		case 2: t.me_pub = other; break;
		case 3: t.me_cert_hash = tr_hash; break;
		case 4: t.eea = 1; break;
		case 5: t.eia = 2; break;
		case 6: caps.oct[1] = 0x40; break;	/* EIA2 removed */
		case 7: t.blob_len = 71; break;
		default: t.spki_len = 43; break;
		}
		CHECK(!transcript_digest(&t, md) && memcmp(md, base, 32),
		      "field %d not bound", i);
	}
}

static void test_plmn(void)
{
	struct nas_plmn a = { 1, 1, 2 }, b = { 310, 410, 3 }, c = { 1, 1, 3 };
	uint8_t o[3];
	char s[8];

	plmn_octets(&a, o);
	CHECK(o[0] == 0x00 && o[1] == 0xf1 && o[2] == 0x10, "001-01");
	plmn_octets(&b, o);
	CHECK(o[0] == 0x13 && o[1] == 0x00 && o[2] == 0x14, "310-410");
	plmn_octets(&c, o);
	CHECK(o[1] == 0x11 && o[2] == 0x00, "001-001 differs from 001-01");
	plmn_str(&a, s);
	CHECK(!strcmp(s, "001-01"), "%s", s);
	plmn_str(&c, s);
	CHECK(!strcmp(s, "001-001"), "%s", s);
}

/* --- chains ------------------------------------------------------------ */

static struct {
	EVP_PKEY *ca_key, *ca2_key, *int_key, *gw_key, *gw_ed, *me_key;
	X509 *ca, *ca2, *inter;
} pki;

static void pki_make(void)
{
	static const struct spec ca2 = { "another CA", true, -1, 365,
					 "critical,keyCertSign", NULL };
	static const struct spec in = { "parlos intermediate", true, -1, 100,
					"critical,keyCertSign", NULL };

	pki.ca_key = keygen("p256");
	pki.ca2_key = keygen("ed25519");
	pki.int_key = keygen("ed25519");
	pki.gw_key = keygen("p256");
	pki.gw_ed = keygen("ed25519");
	pki.me_key = keygen("p256");
	pki.ca = mkcert(&ca_spec, pki.ca_key, NULL, NULL);
	pki.ca2 = mkcert(&ca2, pki.ca2_key, NULL, NULL);
	pki.inter = mkcert(&in, pki.int_key, pki.ca, pki.ca_key);
}

static void pki_free(void)
{
	EVP_PKEY_free(pki.ca_key);
	EVP_PKEY_free(pki.ca2_key);
	EVP_PKEY_free(pki.int_key);
	EVP_PKEY_free(pki.gw_key);
	EVP_PKEY_free(pki.gw_ed);
	EVP_PKEY_free(pki.me_key);
	X509_free(pki.ca);
	X509_free(pki.ca2);
	X509_free(pki.inter);
}

/* Verifies leaf (with more) issued as given against the test CA */
static enum cred_status verify(const struct spec *s, EVP_PKEY *key,
			       X509 *issuer, EVP_PKEY *ikey, X509 *more,
			       enum cred_purpose p, char *detail)
{
	X509 *leaf = mkcert(s, key, issuer, ikey);
	X509 *certs[2] = { leaf, more };
	X509_STORE *st = store_of(pki.ca);
	struct cred_peer peer;
	struct chain c;
	enum cred_status r;

	chain_of(&c, certs, more ? 2 : 1);
	r = cred_verify_chain(st, &c.cr, p, &peer, detail, 256);
	if (!r) {
		CHECK(peer.key && EVP_PKEY_eq(peer.key, key) == 1,
		      "leaf key returned");
		CHECK(peer.spki && peer.spki_len > 20, "leaf SPKI");
	}
	cred_peer_free(&peer);
	chain_free(&c);
	X509_STORE_free(st);
	X509_free(leaf);
	return r;
}

static void test_chain_ok(void)
{
	char d[256];
	struct spec any = gw_spec;

	CHECK(verify(&gw_spec, pki.gw_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_OK, "P-256 leaf: %s", d);
	CHECK(strstr(d, "gateway 001-01"), "subject: %s", d);
	CHECK(verify(&gw_spec, pki.gw_ed, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_OK, "Ed25519 leaf: %s", d);
	CHECK(verify(&gw_spec, pki.gw_key, pki.inter, pki.int_key, pki.inter,
		     CRED_FOR_GATEWAY, d) == CRED_OK,
	      "through an intermediate: %s", d);
	CHECK(verify(&me_spec, pki.me_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_ME, d) == CRED_OK, "ME leaf: %s", d);
	any.eku = "anyExtendedKeyUsage";
	CHECK(verify(&any, pki.gw_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_OK, "anyExtendedKeyUsage");
	any.eku = NULL;
	CHECK(verify(&any, pki.gw_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_OK, "no EKU: keyUsage only");
}

static void test_chain_refused(void)
{
	struct spec s = gw_spec;
	char d[256];
	EVP_PKEY *p384 = keygen("p384");

	s.from_days = -30;
	s.to_days = -1;
	CHECK(verify(&s, pki.gw_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_EXPIRED, "expired: %s", d);
	s = gw_spec;
	s.from_days = 2;
	CHECK(verify(&s, pki.gw_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_NOT_YET_VALID,
	      "not yet valid: %s", d);
	CHECK(verify(&gw_spec, pki.gw_key, pki.ca2, pki.ca2_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_UNTRUSTED, "wrong CA: %s", d);
	CHECK(verify(&gw_spec, pki.gw_key, pki.inter, pki.int_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_UNTRUSTED,
	      "intermediate missing: %s", d);
	s = gw_spec;
	s.ku = "critical,keyEncipherment";
	CHECK(verify(&s, pki.gw_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_KEY_USAGE &&
	      strstr(d, "digitalSignature"), "no digitalSignature: %s", d);
	s.ku = NULL;
	CHECK(verify(&s, pki.gw_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_KEY_USAGE, "no keyUsage");
	s = gw_spec;
	s.eku = "serverAuth";
	CHECK(verify(&s, pki.gw_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_KEY_USAGE &&
	      strstr(d, "id-kp-parlosGateway"), "EKU serverAuth: %s", d);
	CHECK(verify(&me_spec, pki.me_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_KEY_USAGE,
	      "an ME certificate is no gateway's");
	CHECK(verify(&gw_spec, pki.gw_key, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_ME, d) == CRED_KEY_USAGE,
	      "a gateway certificate is no ME's");
	CHECK(verify(&gw_spec, p384, pki.ca, pki.ca_key, NULL,
		     CRED_FOR_GATEWAY, d) == CRED_BAD_KEY, "P-384 key");
	EVP_PKEY_free(p384);
}

static void test_chain_malformed(void)
{
	struct nas_parlos_cred cr = { NAS_CRED_X509, 1, { { NULL, 0 } }, 0,
				      { NULL, 0 } };
	static const uint8_t junk[] = { 0x30, 0x03, 0x02, 0x01, 0x01 };
	X509_STORE *st = store_of(pki.ca);
	struct cred_peer peer;
	char d[256];

	cr.item[0].p = junk;
	cr.item[0].len = sizeof(junk);
	CHECK(cred_verify_chain(st, &cr, CRED_FOR_GATEWAY, &peer, d,
				sizeof(d)) == CRED_MALFORMED, "junk DER");
	CHECK(!peer.key, "no key");
	cr.kind = NAS_CRED_PUBKEY;
	CHECK(cred_verify_chain(st, &cr, CRED_FOR_GATEWAY, &peer, d,
				sizeof(d)) == CRED_MALFORMED, "bare key");
	CHECK(cred_signer_key(&cr, &peer) == CRED_MALFORMED, "not a key");
	X509_STORE_free(st);
}

/* --- signatures --------------------------------------------------------- */

static void sig_case(const char *type, uint8_t alg)
{
	EVP_PKEY *k = keygen(type), *other = keygen(type), *pub;
	uint8_t md[32] = { 1, 2, 3 }, sig[CRED_SIG_MAX];
	unsigned char *spki = NULL;
	size_t len, sl;

	CHECK(cred_key_alg(k) == alg, "alg");
	CHECK(!cred_sign(k, md, sig, &len), "sign");
	CHECK(alg != NAS_SIG_ED25519 || len == 64, "Ed25519 length %zu", len);
	spki = cred_spki(k, &sl);
	pub = cred_key_from_spki(spki, sl);
	CHECK(pub && cred_verify_sig(pub, alg, md, sig, len) == CRED_OK,
	      "verifies with the public key");
	md[0] ^= 1;
	CHECK(cred_verify_sig(pub, alg, md, sig, len) == CRED_BAD_SIGNATURE,
	      "another transcript");
	md[0] ^= 1;
	CHECK(cred_verify_sig(other, alg, md, sig, len) == CRED_BAD_SIGNATURE,
	      "another key");
	CHECK(cred_verify_sig(pub, alg ^ 3, md, sig, len) == CRED_BAD_KEY,
	      "algorithm not that of the key");
	sig[len - 1] ^= 0x80;
	CHECK(cred_verify_sig(pub, alg, md, sig, len) == CRED_BAD_SIGNATURE,
	      "flipped bit");
	CHECK(!cred_key_from_spki(spki, sl - 1), "truncated SPKI");
	OPENSSL_free(spki);
	EVP_PKEY_free(pub);
	EVP_PKEY_free(k);
	EVP_PKEY_free(other);
}

/* --- loading our own credential ------------------------------------------ */

static void test_load(void)
{
	X509 *gw = mkcert(&gw_spec, pki.gw_ed, pki.inter, pki.int_key);
	X509 *chain[2] = { gw, pki.inter };
	struct nas_parlos_cred cr;
	struct d_config cfg;
	struct d_cred c;
	char err[512];
	const char *why;
	unsigned char *leaf_spki = NULL;
	int n;

	write_pem("gw-chain.pem", chain, 2, NULL);
	write_pem("gw-ed.key", NULL, 0, pki.gw_ed);
	write_pem("ca.pem", &pki.ca, 1, NULL);
	config_defaults(&cfg, D_ROLE_GW);
	cfg.mode = D_MODE_CERT;
	strcpy(cfg.cert, path_of("gw-chain.pem"));
	strcpy(cfg.key, path_of("gw-ed.key"));
	strcpy(cfg.ca_file, path_of("ca.pem"));
	CHECK(!cred_load(&c, &cfg, err, sizeof(err)), "load: %s", err);
	CHECK(c.key && c.sig_alg == NAS_SIG_ED25519 && c.trust, "parts");
	CHECK(!nas_cred_decode(c.ie, c.ie_len, NAS_CRED_PART, &cr, &why) &&
	      cr.kind == NAS_CRED_X509 && cr.n == 2, "chain IE: %s",
	      why ? why : "");
	n = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(gw), &leaf_spki);
	CHECK(c.spki_len == (size_t)n && !memcmp(c.spki, leaf_spki, c.spki_len),
	      "our SPKI is the leaf's");
	OPENSSL_free(leaf_spki);
	cred_free(&c);

	cfg.mode = D_MODE_PIN;	/* a bare key, whatever cert says */
	CHECK(!cred_load(&c, &cfg, err, sizeof(err)), "load pin: %s", err);
	CHECK(!nas_cred_decode(c.ie, c.ie_len, NAS_CRED_PART, &cr, &why) &&
	      cr.kind == NAS_CRED_PUBKEY && cr.item[0].len == c.spki_len,
	      "bare key IE");
	cred_free(&c);

	cfg.mode = D_MODE_CERT;
	write_pem("gw-p256.key", NULL, 0, pki.gw_key);
	strcpy(cfg.key, path_of("gw-p256.key"));
	CHECK(cred_load(&c, &cfg, err, sizeof(err)) &&
	      strstr(err, "not that of the key"), "key mismatch: %s", err);
	strcpy(cfg.key, path_of("missing.key"));
	CHECK(cred_load(&c, &cfg, err, sizeof(err)) && strstr(err, "key: "),
	      "missing key: %s", err);
	strcpy(cfg.key, path_of("ca.pem"));
	CHECK(cred_load(&c, &cfg, err, sizeof(err)) &&
	      strstr(err, "private key"), "no key in file: %s", err);
	strcpy(cfg.key, path_of("gw-ed.key"));
	strcpy(cfg.ca_file, path_of("gw-ed.key"));
	CHECK(cred_load(&c, &cfg, err, sizeof(err)) &&
	      strstr(err, "ca-file"), "no CA in file: %s", err);
	X509_free(gw);
}

static void test_load_refused_keys(void)
{
	EVP_PKEY *rsa = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)1024);
	FILE *f;
	struct d_config cfg;
	struct d_cred c;
	char err[512];

	write_pem("rsa.key", NULL, 0, rsa);
	config_defaults(&cfg, D_ROLE_GW);
	cfg.mode = D_MODE_PIN;
	strcpy(cfg.key, path_of("rsa.key"));
	CHECK(cred_load(&c, &cfg, err, sizeof(err)) &&
	      strstr(err, "P-256 and Ed25519"), "RSA refused: %s", err);
	f = fopen(path_of("enc.key"), "w");
	PEM_write_PrivateKey(f, pki.gw_key, EVP_aes_128_cbc(),
			     (unsigned char *)"secret", 6, NULL, NULL);
	fclose(f);
	strcpy(cfg.key, path_of("enc.key"));
	CHECK(cred_load(&c, &cfg, err, sizeof(err)) &&
	      strstr(err, "unencrypted"), "encrypted key: %s", err);
	EVP_PKEY_free(rsa);
}

/* --- pin file ----------------------------------------------------------- */

static void test_pin(void)
{
	struct nas_plmn a = { 1, 1, 2 }, b = { 310, 410, 3 }, c = { 1, 1, 3 };
	EVP_PKEY *k1 = keygen("ed25519"), *k2 = keygen("p256");
	unsigned char *s1 = NULL, *s2 = NULL;
	const char *pf = path_of("pins");
	struct pin_hit h;
	char err[512], text[4096];
	size_t l1, l2, n;
	FILE *f;

	s1 = cred_spki(k1, &l1);
	s2 = cred_spki(k2, &l2);
	unlink(pf);
	CHECK(pin_lookup(pf, &a, &h, err, sizeof(err)) == -ENOENT,
	      "no file: no pin");
	CHECK(!pin_add(pf, &a, s1, l1, err, sizeof(err)), "add: %s", err);
	CHECK(!pin_lookup(pf, &a, &h, err, sizeof(err)) && h.line == 3 &&
	      h.spki_len == l1 && !memcmp(h.spki, s1, l1), "found at line %u",
	      h.line);
	CHECK(pin_lookup(pf, &b, &h, err, sizeof(err)) == -ENOENT,
	      "other PLMN");
	CHECK(pin_lookup(pf, &c, &h, err, sizeof(err)) == -ENOENT,
	      "001-001 is not 001-01");
	CHECK(!pin_add(pf, &b, s2, l2, err, sizeof(err)), "add B: %s", err);
	CHECK(!pin_lookup(pf, &b, &h, err, sizeof(err)) && h.line == 4 &&
	      !memcmp(h.spki, s2, l2), "B at line 4");
	CHECK(!pin_lookup(pf, &a, &h, err, sizeof(err)) &&
	      !memcmp(h.spki, s1, l1), "A kept");
	CHECK(pin_add(pf, &a, s2, l2, err, sizeof(err)) == -EEXIST,
	      "no silent replacement");
	f = fopen(pf, "r");
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	CHECK(strstr(text, "\n001-01 ed25519 MC") &&
	      strstr(text, "\n310-410 ecdsa-p256 MF"), "format:\n%s", text);

	/* A file not understood is an error, never "no pin" */
	f = fopen(pf, "w");
	fputs("# comment\n\n  001-01 ed25519 !!!!\n", f);
	fclose(f);
	CHECK(pin_lookup(pf, &b, &h, err, sizeof(err)) == -EINVAL &&
	      strstr(err, ":3: bad base64"), "bad base64: %s", err);
	f = fopen(pf, "w");
	fputs("001-01 ed25519\n", f);
	fclose(f);
	CHECK(pin_lookup(pf, &a, &h, err, sizeof(err)) == -EINVAL &&
	      strstr(err, ":1: expected"), "two fields: %s", err);
	f = fopen(pf, "w");
	fprintf(f, "01-01 ed25519 %s\n", "AAAA");
	fclose(f);
	CHECK(pin_lookup(pf, &a, &h, err, sizeof(err)) == -EINVAL &&
	      strstr(err, "bad PLMN"), "bad PLMN: %s", err);
	unlink(pf);
	CHECK(!pin_add(pf, &a, s1, l1, err, sizeof(err)), "re-add");
	f = fopen(pf, "a");
	fputs("001-01 ed25519 ", f);
	fclose(f);
	CHECK(pin_lookup(pf, &a, &h, err, sizeof(err)) == -EINVAL,
	      "truncated line");
	unlink(pf);
	CHECK(!pin_add(pf, &a, s1, l1, err, sizeof(err)), "re-add");
	{
		char line[256], b64[128];

		EVP_EncodeBlock((unsigned char *)b64, s1, (int)l1);
		snprintf(line, sizeof(line), "001-01 ecdsa-p256 %s\n", b64);
		f = fopen(pf, "w");
		fputs(line, f);
		fclose(f);
		CHECK(pin_lookup(pf, &a, &h, err, sizeof(err)) == -EINVAL &&
		      strstr(err, "type"), "type mismatch: %s", err);
		snprintf(line, sizeof(line), "001-01 ed25519 %s\n", b64);
		f = fopen(pf, "w");
		fputs(line, f);
		fputs(line, f);
		fclose(f);
		CHECK(pin_lookup(pf, &a, &h, err, sizeof(err)) == -EINVAL &&
		      strstr(err, "second pin"), "duplicate: %s", err);
	}
	unlink(pf);
	OPENSSL_free(s1);
	OPENSSL_free(s2);
	EVP_PKEY_free(k1);
	EVP_PKEY_free(k2);
}

/* --- end to end, in memory ------------------------------------------------ */

#define QMAX	256

struct pkt {
	struct sockaddr_in from, to;
	uint8_t b[WIRE_MAX];
	size_t n;
};

typedef void (*tamper_fn)(struct pkt *p);

static struct {
	struct timers ts;
	struct kern *gk, *mk;
	struct d_config gcfg, mcfg;
	struct d_cred gcred, mcred;
	struct d_env genv, menv;
	struct sockaddr_in gaddr, maddr;
	struct gw gw;
	struct me me;
	struct pkt q[QMAX];
	size_t qh, qt;
	tamper_fn tamper;
	char log[1 << 16];
	size_t loglen;
} w;

static void hook(enum log_level lvl, const char *line, void *arg)
{
	(void)lvl;
	(void)arg;
	log_append(w.log, sizeof(w.log), &w.loglen, line);
}

static int net_send(void *arg, const struct sockaddr_in *to,
		    const uint8_t *buf, size_t len)
{
	struct pkt *p;

	if (w.qt - w.qh >= QMAX || len > WIRE_MAX)
		return -ENOBUFS;
	p = &w.q[w.qt++ % QMAX];
	p->from = *(const struct sockaddr_in *)arg;
	p->to = *to;
	memcpy(p->b, buf, len);
	p->n = len;
	if (w.tamper)
		w.tamper(p);
	return 0;
}

static struct sockaddr_in sin_of(const char *ip, uint16_t port)
{
	struct sockaddr_in a = { .sin_family = AF_INET };

	inet_pton(AF_INET, ip, &a.sin_addr);
	a.sin_port = htons(port);
	return a;
}

static void run(uint64_t limit_ms)
{
	uint64_t end = w.ts.now + limit_ms;

	for (;;) {
		while (w.qh != w.qt) {
			struct pkt p = w.q[w.qh++ % QMAX];

			if (p.to.sin_port == w.gaddr.sin_port)
				gw_input(&w.gw, &p.from, p.b, p.n);
			else
				me_input(&w.me, &p.from, p.b, p.n);
		}
		if (timers_next(&w.ts) < 0 ||
		    w.ts.now + (uint64_t)timers_next(&w.ts) > end)
			break;
		timers_run(&w.ts, w.ts.now + (uint64_t)timers_next(&w.ts));
	}
}

/* Both configurations set: load, start the ME, run the exchange */
static void attach(void)
{
	char err[512];
	struct kern_err e;

	w.loglen = 0;
	w.log[0] = '\0';
	w.qh = w.qt = 0;
	CHECK(!cred_load(&w.gcred, &w.gcfg, err, sizeof(err)), "gw: %s", err);
	CHECK(!cred_load(&w.mcred, &w.mcfg, err, sizeof(err)), "me: %s", err);
	timers_init(&w.ts);
	w.ts.now = 1000;
	kern_open(&w.gk, &e);
	kern_open(&w.mk, &e);
	w.gaddr = sin_of("10.0.0.1", 36410);
	w.maddr = sin_of("10.0.0.2", 40000);
	w.mcfg.peer = w.gaddr;
	w.mcfg.have_peer = true;
	w.gcfg.cred = &w.gcred;
	w.mcfg.cred = &w.mcred;
	w.genv = (struct d_env){ .cfg = &w.gcfg, .kern = w.gk, .timers = &w.ts,
				 .send = net_send, .send_arg = &w.gaddr,
				 .self = w.gaddr };
	w.menv = (struct d_env){ .cfg = &w.mcfg, .kern = w.mk, .timers = &w.ts,
				 .send = net_send, .send_arg = &w.maddr,
				 .self = w.maddr };
	gw_init(&w.gw, &w.genv);
	me_init(&w.me, &w.menv, "490154203237518", NULL);
	CHECK(!me_start(&w.me), "me_start");
	run(20000);
}

static void detach(void)
{
	me_shutdown(&w.me, false);
	gw_shutdown(&w.gw, false);
	timers_free(&w.ts);
	kern_close(w.gk);
	kern_close(w.mk);
	cred_free(&w.gcred);
	cred_free(&w.mcred);
	w.tamper = NULL;
}

/* Files of the end-to-end cases, made once */
static void e2e_files(void)
{
	X509 *gw = mkcert(&gw_spec, pki.gw_key, pki.ca, pki.ca_key);
	X509 *gwed = mkcert(&gw_spec, pki.gw_ed, pki.inter, pki.int_key);
	X509 *me = mkcert(&me_spec, pki.me_key, pki.ca, pki.ca_key);
	X509 *ed_chain[2] = { gwed, pki.inter };
	struct spec s = gw_spec;
	X509 *exp;

	write_pem("ca.pem", &pki.ca, 1, NULL);
	write_pem("ca2.pem", &pki.ca2, 1, NULL);
	write_pem("gw.pem", &gw, 1, NULL);
	write_pem("gw.key", NULL, 0, pki.gw_key);
	write_pem("gwed.pem", ed_chain, 2, NULL);
	write_pem("gwed.key", NULL, 0, pki.gw_ed);
	write_pem("me.pem", &me, 1, NULL);
	write_pem("me.key", NULL, 0, pki.me_key);
	s.to_days = -1;
	s.from_days = -10;
	exp = mkcert(&s, pki.gw_key, pki.ca, pki.ca_key);
	write_pem("gw-expired.pem", &exp, 1, NULL);
	X509_free(exp);
	X509_free(gw);
	X509_free(gwed);
	X509_free(me);
}

static void configs(enum d_mode gmode, enum d_mode mmode)
{
	config_defaults(&w.gcfg, D_ROLE_GW);
	config_defaults(&w.mcfg, D_ROLE_ME);
	w.gcfg.mode = gmode;
	if (gmode != D_MODE_NONE) {
		strcpy(w.gcfg.cert, path_of("gw.pem"));
		strcpy(w.gcfg.key, path_of("gw.key"));
	}
	w.mcfg.mode = mmode;
	if (mmode == D_MODE_CERT)
		strcpy(w.mcfg.ca_file, path_of("ca.pem"));
	if (mmode == D_MODE_PIN)
		strcpy(w.mcfg.pin_file, path_of("e2e-pins"));
}

static bool logged(const char *s)
{
	return strstr(w.log, s) != NULL;
}

static void expect_reject(const char *reason)
{
	CHECK(w.me.state != ME_ATTACHED, "attached anyway");
	CHECK(logged("SECURITY MODE COMMAND rejected: #24"), "no #24:\n%s",
	      w.log);
	CHECK(logged(reason), "no \"%s\" in:\n%s", reason, w.log);
	CHECK(!w.me.kasme && !w.me.algs_set, "nothing installed");
}

static void test_e2e_none(void)
{
	configs(D_MODE_NONE, D_MODE_NONE);
	attach();
	CHECK(w.me.state == ME_ATTACHED, "attached:\n%s", w.log);
	detach();
}

static void test_e2e_cert(void)
{
	configs(D_MODE_CERT, D_MODE_CERT);
	attach();
	CHECK(w.me.state == ME_ATTACHED, "attached:\n%s", w.log);
	CHECK(logged("gateway credential verified: mode cert"), "%s", w.log);
	detach();
	/* Ed25519 through an intermediate */
	configs(D_MODE_CERT, D_MODE_CERT);
	strcpy(w.gcfg.cert, path_of("gwed.pem"));
	strcpy(w.gcfg.key, path_of("gwed.key"));
	attach();
	CHECK(w.me.state == ME_ATTACHED, "Ed25519 attached:\n%s", w.log);
	detach();
}

static void test_e2e_cert_refusals(void)
{
	configs(D_MODE_NONE, D_MODE_CERT);
	attach();
	expect_reject("no gateway credential (0x7E) though mode is cert");
	detach();

	configs(D_MODE_CERT, D_MODE_CERT);
	strcpy(w.mcfg.ca_file, path_of("ca2.pem"));
	attach();
	expect_reject("gateway certificate not issued by a trusted CA");
	detach();

	configs(D_MODE_CERT, D_MODE_CERT);
	strcpy(w.gcfg.cert, path_of("gw-expired.pem"));
	attach();
	expect_reject("gateway certificate expired");
	detach();

	/* a bare key is no certificate */
	configs(D_MODE_PIN, D_MODE_CERT);
	attach();
	expect_reject("gateway credential malformed: no certificate chain");
	detach();
}

/* Swaps the 0x7A key of the ATTACH REQUEST for another one */
static void swap_pubkey(struct pkt *p)
{
	size_t i;

	if (p->n < 40 || p->b[0] != 0x07 || p->b[1] != NAS_ATTACH_REQUEST)
		return;
	for (i = 2; i + 3 + 33 <= p->n; i++)
		if (p->b[i] == NAS_IEI_PARLOS_ME_PUBKEY && p->b[i + 1] == 0 &&
		    p->b[i + 2] == 33 && p->b[i + 3] == 1) {
			p->b[i + 10] ^= 0x55;	/* still a key for the fake */
			return;
		}
}

/* Takes EIA2 and EEA2 out of the UE network capability */
static void downgrade(struct pkt *p)
{
	if (p->n < 20 || p->b[0] != 0x07 || p->b[1] != NAS_ATTACH_REQUEST)
		return;
	/* attach type | IMEI (LV, 9) | UE network capability (LV) */
	p->b[2 + 1 + 9 + 1] &= (uint8_t)~0x20;
	p->b[2 + 1 + 9 + 2] &= (uint8_t)~0x20;
}

static void test_e2e_tampering(void)
{
	configs(D_MODE_NONE, D_MODE_NONE);
	w.tamper = swap_pubkey;
	attach();
	expect_reject("ME public key hash (0x7B) is not that of our key");
	detach();

	configs(D_MODE_CERT, D_MODE_CERT);
	w.tamper = downgrade;
	attach();
	CHECK(w.me.state != ME_ATTACHED, "attached anyway");
	CHECK(logged("rejected: #23") && logged("downgraded on the way"),
	      "no downgrade line:\n%s", w.log);
	detach();
}

static void test_e2e_pin(void)
{
	char line[200];

	unlink(path_of("e2e-pins"));
	configs(D_MODE_PIN, D_MODE_PIN);
	attach();
	CHECK(w.me.state == ME_ATTACHED, "first contact attached:\n%s", w.log);
	CHECK(logged("first contact with PLMN 001-01: gateway key SHA256:") &&
	      logged("(trust on first use: not authenticated)"),
	      "warning:\n%s", w.log);
	CHECK(!access(path_of("e2e-pins"), R_OK), "pin file written");
	detach();

	configs(D_MODE_PIN, D_MODE_PIN);
	attach();
	CHECK(w.me.state == ME_ATTACHED, "second contact:\n%s", w.log);
	CHECK(!logged("first contact"), "no warning the second time");
	detach();

	/* the same key with its certificate: still the pinned key */
	configs(D_MODE_CERT, D_MODE_PIN);
	attach();
	CHECK(w.me.state == ME_ATTACHED, "chain, same key:\n%s", w.log);
	detach();

	configs(D_MODE_PIN, D_MODE_PIN);
	strcpy(w.gcfg.key, path_of("gwed.key"));
	attach();
	snprintf(line, sizeof(line), "pinned SHA256:");
	expect_reject("gateway key for PLMN 001-01 changed: offered SHA256:");
	CHECK(logged(line) && logged("refused until that line is removed"),
	      "%s", w.log);
	detach();

	/* another PLMN is another first contact */
	configs(D_MODE_PIN, D_MODE_PIN);
	strcpy(w.gcfg.key, path_of("gwed.key"));
	w.gcfg.plmn = w.mcfg.plmn = (struct nas_plmn){ 1, 2, 2 };
	attach();
	CHECK(w.me.state == ME_ATTACHED, "new PLMN:\n%s", w.log);
	CHECK(logged("first contact with PLMN 001-02"), "%s", w.log);
	detach();

	/* a PLMN other than the ME's: the signature fails */
	configs(D_MODE_PIN, D_MODE_PIN);
	w.gcfg.plmn = (struct nas_plmn){ 1, 3, 2 };
	attach();
	expect_reject("gateway signature does not verify: signed over a "
		      "different transcript");
	detach();
	unlink(path_of("e2e-pins"));
}

static void test_e2e_me_cert(void)
{
	configs(D_MODE_CERT, D_MODE_CERT);
	w.gcfg.require_me_cert = true;
	strcpy(w.gcfg.ca_file, path_of("ca.pem"));
	attach();
	CHECK(w.me.state == ME_FAILED, "refused: %s",
	      me_state_name(w.me.state));
	CHECK(logged("ATTACH REJECT #6 (illegal ME): no ME certificate (0x7C)"),
	      "%s", w.log);
	detach();

	configs(D_MODE_CERT, D_MODE_CERT);
	w.gcfg.require_me_cert = true;
	strcpy(w.gcfg.ca_file, path_of("ca.pem"));
	strcpy(w.mcfg.cert, path_of("me.pem"));
	strcpy(w.mcfg.key, path_of("me.key"));
	attach();
	CHECK(w.me.state == ME_ATTACHED, "ME with a certificate:\n%s", w.log);
	CHECK(logged("ME certificate verified: /CN=me 490154203237518") &&
	      logged("ME signature (0x7F) verified"), "%s", w.log);
	detach();

	/* an ME certificate from another CA */
	configs(D_MODE_NONE, D_MODE_NONE);
	strcpy(w.gcfg.ca_file, path_of("ca2.pem"));
	strcpy(w.mcfg.cert, path_of("me.pem"));
	strcpy(w.mcfg.key, path_of("me.key"));
	attach();
	CHECK(w.me.state == ME_FAILED, "refused");
	CHECK(logged("ATTACH REJECT #6 (illegal ME): ME certificate not "
		     "issued by a trusted CA"), "%s", w.log);
	detach();

	/* a gateway certificate is no ME certificate */
	configs(D_MODE_NONE, D_MODE_NONE);
	strcpy(w.gcfg.ca_file, path_of("ca.pem"));
	strcpy(w.mcfg.cert, path_of("gw.pem"));
	strcpy(w.mcfg.key, path_of("gw.key"));
	attach();
	CHECK(logged("ME certificate has the wrong key usage"), "%s", w.log);
	detach();

	/* no CA at the gateway: 0x7C is carried, bound, not checked */
	configs(D_MODE_CERT, D_MODE_CERT);
	strcpy(w.mcfg.cert, path_of("me.pem"));
	strcpy(w.mcfg.key, path_of("me.key"));
	attach();
	CHECK(w.me.state == ME_ATTACHED, "attached:\n%s", w.log);
	detach();
}

/* Removes 0x7C from the ATTACH REQUEST: both signatures bind it */
static void strip_cert(struct pkt *p)
{
	size_t i, l;

	if (p->b[0] != 0x07 || p->b[1] != NAS_ATTACH_REQUEST)
		return;
	for (i = 2; i + 3 < p->n; i++) {
		if (p->b[i] != NAS_IEI_PARLOS_ME_CERT || p->b[i + 3] != 1)
			continue;
		l = 3 + ((size_t)p->b[i + 1] << 8 | p->b[i + 2]);
		if (i + l != p->n)
			continue;	/* encoded last */
		p->n = i;
		return;
	}
}

static void test_e2e_strip_me_cert(void)
{
	configs(D_MODE_CERT, D_MODE_CERT);
	strcpy(w.mcfg.cert, path_of("me.pem"));
	strcpy(w.mcfg.key, path_of("me.key"));
	w.tamper = strip_cert;
	attach();
	expect_reject("gateway signature does not verify");
	detach();
}

static void rm_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.')
			unlink(path_of(e->d_name));
	if (d)
		closedir(d);
	rmdir(dir);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	log_set_hook(hook, NULL);
	log_setup(LOG_LVL_DEBUG, false, "test");
	pki_make();
	e2e_files();
	RUN_CASE("transcript.encoding", test_transcript_encoding());
	RUN_CASE("transcript.binds-every-field", test_transcript_binds());
	RUN_CASE("transcript.plmn", test_plmn());
	RUN_CASE("chain.valid", test_chain_ok());
	RUN_CASE("chain.refused", test_chain_refused());
	RUN_CASE("chain.malformed", test_chain_malformed());
	RUN_CASE("sig.ecdsa-p256", sig_case("p256", NAS_SIG_ECDSA_P256));
	RUN_CASE("sig.ed25519", sig_case("ed25519", NAS_SIG_ED25519));
	RUN_CASE("load.own-credential", test_load());
	RUN_CASE("load.refused-keys", test_load_refused_keys());
	RUN_CASE("pin.file", test_pin());
	RUN_CASE("e2e.none", test_e2e_none());
	RUN_CASE("e2e.cert", test_e2e_cert());
	RUN_CASE("e2e.cert-refusals", test_e2e_cert_refusals());
	RUN_CASE("e2e.tampering", test_e2e_tampering());
	RUN_CASE("e2e.pin", test_e2e_pin());
	RUN_CASE("e2e.me-cert", test_e2e_me_cert());
	RUN_CASE("e2e.me-cert-stripped", test_e2e_strip_me_cert());
	pki_free();
	log_set_hook(NULL, NULL);
	if (!getenv("PARLOS_KEEP_CERTS"))
		rm_dir();
	return check_summary();
}
