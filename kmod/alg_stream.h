/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The crypto API side of our software EEA and EIA algorithms: one
 * skcipher and one shash implementation, each driven by a small table of
 * the core's streaming calls (SNOW 3G or ZUC).
 */
#ifndef PARLOS_ALG_STREAM_H
#define PARLOS_ALG_STREAM_H

#include <crypto/internal/hash.h>
#include <crypto/internal/skcipher.h>

#include "alg.h"

/* Room for the largest core state (EIA1's 312 bytes) in a descriptor. */
#define PARLOS_MAC_STATE_MAX	320

struct parlos_stream_ops {
	unsigned int state_size;
	void (*init)(void *st, const u8 *key, u32 count, u8 bearer, u8 dir);
	void (*xor)(void *st, const u8 *in, u8 *out, size_t nbytes);
};

struct parlos_mac_ops {
	unsigned int state_size;
	void (*init)(void *st, const u8 *key, u32 count, u8 bearer, u8 dir);
	void (*update)(void *st, const u8 *msg, size_t nbytes);
	u32 (*final)(void *st);
};

/* tfm context of both kinds: the key, as given */
struct parlos_key_ctx {
	u8 key[PARLOS_EPS_KEY_SIZE];
};

struct parlos_mac_desc {
	u64 len;			/* bytes hashed, prefix included */
	u8 prefix[PARLOS_EIA_PREFIX_SIZE];
	u8 state[PARLOS_MAC_STATE_MAX] __aligned(8);
};

int parlos_stream_setkey(struct crypto_skcipher *tfm, const u8 *key,
			 unsigned int keylen);
int parlos_stream_crypt(struct skcipher_request *req,
			const struct parlos_stream_ops *ops);
void parlos_stream_exit(struct crypto_skcipher *tfm);

int parlos_mac_setkey(struct crypto_shash *tfm, const u8 *key,
		      unsigned int keylen);
int parlos_mac_init(struct shash_desc *desc);
int parlos_mac_update(struct shash_desc *desc, const u8 *data,
		      unsigned int len, const struct parlos_mac_ops *ops);
int parlos_mac_final(struct shash_desc *desc, u8 *out,
		     const struct parlos_mac_ops *ops);
void parlos_mac_exit(struct crypto_shash *tfm);

#endif /* PARLOS_ALG_STREAM_H */
