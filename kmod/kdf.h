/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The key derivation function of TS 33.401 Annex A (TS 33.220 B.2):
 *   out = HMAC-SHA-256(key, FC | P0 | L0 [| P1 | L1])
 * with each L the 2-byte big-endian length of its P; P1 and L1 are left
 * out when P1 is absent (l1 == 0).
 *
 * The one-shot functions allocate the HMAC transform per call. To derive
 * several keys (an attach, a handover), allocate it once with
 * parlos_kdf_begin() and use the parlos_kdf_ctx_*() variants. A context
 * is not for concurrent use: each derivation sets its key.
 *
 * Errors: -EINVAL bad arguments (empty key, NULL P with a length,
 * distinguisher outside 0x01..0x06, algorithm identity above 15);
 * -ENOMEM or the crypto API's error. Outputs are zeroed on error.
 * May sleep.
 */
#ifndef PARLOS_KDF_H
#define PARLOS_KDF_H

#include <linux/types.h>

struct crypto_shash;

#define PARLOS_KDF_OUT_LEN	32
#define PARLOS_KDF_KEY128_LEN	16

#define PARLOS_KDF_FC_KENB	0x11
#define PARLOS_KDF_FC_ALG_KEY	0x15

/* Algorithm type distinguishers of TS 33.401 A.7 */
enum parlos_kdf_dist {
	PARLOS_KDF_NAS_ENC = 0x01,
	PARLOS_KDF_NAS_INT = 0x02,
	PARLOS_KDF_RRC_ENC = 0x03,
	PARLOS_KDF_RRC_INT = 0x04,
	PARLOS_KDF_UP_ENC = 0x05,
	PARLOS_KDF_UP_INT = 0x06,
};

struct parlos_kdf_ctx {
	struct crypto_shash *tfm;	/* hmac(sha256) */
};

int parlos_kdf_begin(struct parlos_kdf_ctx *ctx);
void parlos_kdf_end(struct parlos_kdf_ctx *ctx);

int parlos_kdf_ctx_derive(struct parlos_kdf_ctx *ctx, const u8 *key,
			  unsigned int keylen, u8 fc, const u8 *p0, u16 l0,
			  const u8 *p1, u16 l1, u8 out[PARLOS_KDF_OUT_LEN]);
int parlos_kdf_ctx_alg_key(struct parlos_kdf_ctx *ctx,
			   const u8 key[PARLOS_KDF_OUT_LEN], u8 distinguisher,
			   u8 alg_id, u8 out[PARLOS_KDF_KEY128_LEN]);
int parlos_kdf_ctx_kenb(struct parlos_kdf_ctx *ctx,
			const u8 kasme[PARLOS_KDF_OUT_LEN], u32 ul_nas_count,
			u8 kenb[PARLOS_KDF_OUT_LEN]);

int parlos_kdf(const u8 *key, unsigned int keylen, u8 fc, const u8 *p0,
	       u16 l0, const u8 *p1, u16 l1, u8 out[PARLOS_KDF_OUT_LEN]);
int parlos_kdf_alg_key(const u8 key[PARLOS_KDF_OUT_LEN], u8 distinguisher,
		       u8 alg_id, u8 out[PARLOS_KDF_KEY128_LEN]);
int parlos_kdf_kenb(const u8 kasme[PARLOS_KDF_OUT_LEN], u32 ul_nas_count,
		    u8 kenb[PARLOS_KDF_OUT_LEN]);

#endif /* PARLOS_KDF_H */
