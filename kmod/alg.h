/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The six EPS security algorithms as crypto API algorithms.
 *
 * skcipher "eea1", "eea2", "eea3": 16-byte key, 16-byte IV laid out as
 * 128-EEA2's initial counter block:
 *   COUNT (4, big-endian) | BEARER << 3 | DIRECTION << 2 | 11 zero bytes
 * Any length in bytes; encryption equals decryption.
 *
 * shash "eia1", "eia2", "eia3": 16-byte key, 4-byte digest (the MAC). The
 * first 8 hashed bytes are COUNT (4, big-endian) | BEARER << 3 |
 * DIRECTION << 2 | 3 zero bytes, as 128-EIA2 feeds CMAC; the rest is
 * the message.
 */
#ifndef PARLOS_ALG_H
#define PARLOS_ALG_H

#include <linux/types.h>

#define PARLOS_EPS_KEY_SIZE	16
#define PARLOS_EPS_IV_SIZE	16
#define PARLOS_EIA_PREFIX_SIZE	8
#define PARLOS_EIA_MAC_SIZE	4
/* LENGTH is a 32-bit count of bits in TS 33.401 */
#define PARLOS_EPS_MAX_LEN	(U32_MAX / 8)
#define PARLOS_ALG_PRIORITY	100

struct parlos_eps_iv {
	u32 count;
	u8 bearer;
	u8 dir;
};

int parlos_eps_iv_parse(const u8 *iv, unsigned int len,
			struct parlos_eps_iv *out);
void parlos_eps_iv_build(u8 *iv, unsigned int len,
			 const struct parlos_eps_iv *in);

int parlos_eia2_bits(const u8 *key, u32 count, u8 bearer, u8 dir,
		     const u8 *msg, u32 nbits, u8 *mac);

int parlos_alg_aes_register(void);
void parlos_alg_aes_unregister(void);
int parlos_alg_snow3g_register(void);
void parlos_alg_snow3g_unregister(void);
int parlos_alg_zuc_register(void);
void parlos_alg_zuc_unregister(void);

struct crypto_tfm;

bool parlos_tfm_unpin(struct crypto_tfm *tfm);
void parlos_tfm_repin(bool unpinned);

int parlos_algs_register(void);
void parlos_algs_unregister(void);

#endif /* PARLOS_ALG_H */
