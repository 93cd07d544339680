/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ECIES as TS 33.501 Annex C.3 defines it for SUCI, carrying KASMEtemp to
 * an ME without credentials (TR 33.815 solution #1).
 *
 *   blob = ephemeral public key | AES-128-CTR ciphertext | tag (8)
 *
 * Profile A: X25519, 32-byte public keys. Profile B: secp256r1, 33-byte
 * compressed public keys (0x02 or 0x03 | x). Private keys are 32 bytes:
 * the X25519 scalar, or the big-endian P-256 scalar in [1, n - 1].
 *
 * Errors (each with an extack message):
 *   -EINVAL   unknown profile, a wrong length, a public key that is not a
 *             point on P-256 (bad prefix, x >= p, no square root) or that
 *             crypto/ecc.c cannot multiply (x = 0), an X25519 shared
 *             secret of zero (low-order point), or a private key the
 *             curve does not accept
 *   -EBADMSG  the tag does not match: wrong key or altered blob
 *   -ENOMEM, or the crypto API's error (-ENOENT: algorithm missing)
 *
 * All functions sleep: process context only.
 */
#ifndef PARLOS_ECIES_H
#define PARLOS_ECIES_H

#include <linux/types.h>

#include "uapi/parlos.h"

struct netlink_ext_ack;

#define PARLOS_ECIES_PRIV_LEN	32
#define PARLOS_ECIES_PUB_MAX	PARLOS_PUBKEY_B_LEN
#define PARLOS_ECIES_TAG_LEN	8
/* Far above the 32 bytes of KASMEtemp; bounds the work buffer. */
#define PARLOS_ECIES_MAX_LEN	1024

/* 32 (profile A), 33 (profile B), 0 for an unknown profile. */
unsigned int parlos_ecies_pub_len(enum parlos_profile profile);

static inline size_t parlos_ecies_blob_len(enum parlos_profile profile,
					   size_t len)
{
	return parlos_ecies_pub_len(profile) + len + PARLOS_ECIES_TAG_LEN;
}

int parlos_ecies_keygen(enum parlos_profile profile,
			u8 priv[PARLOS_ECIES_PRIV_LEN], u8 *pub,
			struct netlink_ext_ack *extack);
int parlos_ecies_pubkey(enum parlos_profile profile,
			const u8 priv[PARLOS_ECIES_PRIV_LEN], u8 *pub,
			struct netlink_ext_ack *extack);
int parlos_ecies_wrap(enum parlos_profile profile, const u8 *me_pub,
		      size_t me_publen, const u8 *plaintext, size_t len,
		      const u8 *eph_priv, u8 *blob,
		      struct netlink_ext_ack *extack);
int parlos_ecies_unwrap(enum parlos_profile profile,
			const u8 priv[PARLOS_ECIES_PRIV_LEN], const u8 *blob,
			size_t bloblen, u8 *out, size_t outlen,
			struct netlink_ext_ack *extack);

#endif /* PARLOS_ECIES_H */
