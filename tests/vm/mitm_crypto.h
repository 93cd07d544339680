/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the man in the middle of tests/vm/mitm.c computes in userspace,
 * independently of the kernel module: ECIES (TS 33.501 C.3, profiles A
 * and B) with OpenSSL, the TS 33.401 KDF for the NAS keys, and the NAS
 * integrity and ciphering algorithms (EIA2/EEA2 on OpenSSL, EIA1/EEA1
 * and EIA3/EEA3 on the module's own SNOW 3G and ZUC cores).
 */
#ifndef PARLOS_MITM_CRYPTO_H
#define PARLOS_MITM_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/types.h>

#define MC_PUB_MAX	33
#define MC_BLOB_MAX	(MC_PUB_MAX + 64 + 8)
#define MC_TAG_LEN	8

/* Public key length of ECIES profile 1 (A, X25519) or 2 (B, P-256) */
size_t mc_pub_len(uint8_t profile);
/* A fresh key pair; pub as 0x7A carries it (B: compressed) */
int mc_keygen(uint8_t profile, EVP_PKEY **priv, uint8_t *pub, size_t *len);
/* A private key from its raw scalar (test vectors) */
EVP_PKEY *mc_priv_from_raw(uint8_t profile, const uint8_t *d, size_t len);
/*
 * ECIES: blob = eph public key | ciphertext (n) | tag (8). eph NULL:
 * a fresh ephemeral key. unwrap checks the tag first.
 */
int mc_wrap(uint8_t profile, const uint8_t *peer, size_t peer_len,
	    const uint8_t *pt, size_t n, EVP_PKEY *eph, uint8_t *blob,
	    size_t *blob_len);
int mc_unwrap(uint8_t profile, EVP_PKEY *priv, const uint8_t *blob,
	      size_t blob_len, uint8_t *pt, size_t n);

/* TS 33.401 A.7: KNASenc (dist 1) or KNASint (dist 2) from KASME */
int mc_nas_key(const uint8_t kasme[32], uint8_t dist, uint8_t alg,
	       uint8_t key[16]);
/* NAS MAC (4 octets) and ciphering (in place), BEARER 0 */
int mc_eia(uint8_t alg, const uint8_t key[16], uint32_t count, uint8_t dir,
	   const uint8_t *msg, size_t len, uint8_t mac[4]);
int mc_eea(uint8_t alg, const uint8_t key[16], uint32_t count, uint8_t dir,
	   uint8_t *buf, size_t len);

/* Checks ecies.txt and kdf.txt of a vector folder; 0 when all match */
int mc_selftest(const char *dir);

#endif
