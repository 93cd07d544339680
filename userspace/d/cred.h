/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Credentials with OpenSSL 3: our own key and chain, the CA we trust,
 * chain and key-purpose checks, and the transcript signatures (ECDSA
 * P-256 with SHA-256, Ed25519). The private key is a file key of
 * parlosd, not an EPS key: it never goes to the kernel, and never into
 * a log line (only fingerprints of public keys do).
 */
#ifndef PARLOSD_CRED_H
#define PARLOSD_CRED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/types.h>

#include "config.h"
#include "nas.h"

/*
 * Our extendedKeyUsage purposes, under a UUID arc (X.667, 2.25):
 * a certificate with an extendedKeyUsage must list the one of its role
 * (or anyExtendedKeyUsage). keyUsage digitalSignature is required.
 */
#define CRED_OID_ARC	"2.25.320691673370882736564371859101132721430"
#define CRED_OID_GATEWAY	CRED_OID_ARC ".1" /* id-kp-parlosGateway */
#define CRED_OID_ME		CRED_OID_ARC ".2" /* id-kp-parlosME */

#define CRED_FPR_HEX	65	/* SHA-256 of a SubjectPublicKeyInfo, hex */
#define CRED_IE_MAX	3600	/* 0x7C or 0x7E value, all of it */
#define CRED_SIG_MAX	80

enum cred_purpose {
	CRED_FOR_GATEWAY,
	CRED_FOR_ME,
};

/* Why a peer credential was refused; one log line each */
enum cred_status {
	CRED_OK,
	CRED_MALFORMED,		/* not DER, not a key */
	CRED_EXPIRED,
	CRED_NOT_YET_VALID,
	CRED_UNTRUSTED,		/* does not chain to our CA */
	CRED_KEY_USAGE,		/* keyUsage / extendedKeyUsage */
	CRED_BAD_KEY,		/* not P-256 or Ed25519, or not its algorithm */
	CRED_BAD_SIGNATURE,	/* over another transcript, or another key */
	CRED_INTERNAL,
};

struct d_cred {
	EVP_PKEY *key;		/* our private key; NULL: none */
	uint8_t sig_alg;	/* NAS_SIG_* of key */
	uint8_t *spki;		/* our public key, DER, as the peer sees it */
	size_t spki_len;
	uint8_t *ie;		/* our credential part (0x7C, or in 0x7E) */
	size_t ie_len;
	X509_STORE *trust;	/* ca-file; NULL: none */
};

/* Loads what cfg names; err: "cert: FILE: why" */
int cred_load(struct d_cred *c, const struct d_config *cfg, char *err,
	      size_t errlen);
/* Frees and wipes; c may be all zero */
void cred_free(struct d_cred *c);

/* Trust anchors from a PEM file (at least one certificate) */
X509_STORE *cred_trust_load(const char *path, char *err, size_t errlen);

/* NAS_SIG_* for a key, 0 if neither P-256 nor Ed25519 */
uint8_t cred_key_alg(const EVP_PKEY *key);
/* A public key from DER SubjectPublicKeyInfo (all of it), or NULL */
EVP_PKEY *cred_key_from_spki(const uint8_t *der, size_t len);
/* DER SubjectPublicKeyInfo of a key (OPENSSL_free it); NULL on failure */
uint8_t *cred_spki(const EVP_PKEY *key, size_t *len);
/* "3f2a...": SHA-256 of DER, in hex */
void cred_fpr(const uint8_t *der, size_t len, char out[CRED_FPR_HEX]);

/* A peer's signing key, as its credential part gave it */
struct cred_peer {
	EVP_PKEY *key;
	uint8_t *spki;		/* DER, as in the certificate or bare key */
	size_t spki_len;
};

void cred_peer_free(struct cred_peer *p);

/*
 * Checks a credential part (kind X.509) against trust: chain, validity
 * period, key purpose, key type. On CRED_OK, peer holds the end
 * entity's key and detail its subject; otherwise detail says what
 * OpenSSL found.
 */
enum cred_status cred_verify_chain(X509_STORE *trust,
				   const struct nas_parlos_cred *cr,
				   enum cred_purpose purpose,
				   struct cred_peer *peer, char *detail,
				   size_t dlen);
/* The signer's key of a credential part, unchecked (mode pin) */
enum cred_status cred_signer_key(const struct nas_parlos_cred *cr,
				 struct cred_peer *peer);

/* Signs the transcript digest md; sig has CRED_SIG_MAX octets */
int cred_sign(EVP_PKEY *key, const uint8_t md[32], uint8_t *sig,
	      size_t *len);
enum cred_status cred_verify_sig(EVP_PKEY *key, uint8_t alg,
				 const uint8_t md[32], const uint8_t *sig,
				 size_t len);

/*
 * Our credential part plus a fresh signature of md: a 0x7E value
 * (with_cred) or a 0x7F value (signature only).
 */
int cred_ie_signed(const struct d_cred *c, bool with_cred,
		   const uint8_t md[32], uint8_t *out, size_t cap,
		   size_t *len);

/* "certificate expired", ... for log lines */
const char *cred_status_str(enum cred_status s);

#endif
