// SPDX-License-Identifier: GPL-2.0
/*
 * Control-plane crypto. NAS and SRB messages are rare next to user data,
 * so the cost of a setkey per message buys contexts that hold no
 * transform (a million contexts must fit in 1 GiB).
 */
#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <linux/mutex.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

#include "alg.h"
#include "cp_crypto.h"

#define NR_ALGS	4	/* identities 1..3; 0 needs no transform */

struct cp_slot {
	struct mutex lock;	/* a slot's transforms are keyed per use */
	struct crypto_skcipher *eea[NR_ALGS];
	struct crypto_shash *eia[NR_ALGS];
	bool eea_unpinned[NR_ALGS], eia_unpinned[NR_ALGS];
};

static struct cp_slot *slots;
static unsigned int nr_slots;

static const char * const eea_names[NR_ALGS] = { NULL, "eea1", "eea2", "eea3" };
static const char * const eia_names[NR_ALGS] = { NULL, "eia1", "eia2", "eia3" };

static const u8 zero_key[PARLOS_EPS_KEY_SIZE];

static struct cp_slot *slot_lock(void)
{
	struct cp_slot *s = &slots[raw_smp_processor_id() % nr_slots];

	mutex_lock(&s->lock);
	return s;
}

int parlos_cp_eea(u8 alg, const u8 *key, const struct parlos_eps_iv *iv,
		  u8 *buf, unsigned int len)
{
	u8 ivb[PARLOS_EPS_IV_SIZE];
	struct skcipher_request *req;
	struct crypto_skcipher *tfm;
	struct scatterlist sg;
	DECLARE_CRYPTO_WAIT(wait);
	struct cp_slot *s;
	int err;

	if (alg >= NR_ALGS)
		return -EINVAL;
	if (!alg || !len)
		return 0;	/* EEA0 */
	s = slot_lock();
	tfm = s->eea[alg];
	err = crypto_skcipher_setkey(tfm, key, PARLOS_EPS_KEY_SIZE);
	if (err)
		goto out;
	req = skcipher_request_alloc(tfm, GFP_KERNEL);
	if (!req) {
		err = -ENOMEM;
		goto out;
	}
	parlos_eps_iv_build(ivb, sizeof(ivb), iv);
	sg_init_one(&sg, buf, len);
	skcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_SLEEP |
				      CRYPTO_TFM_REQ_MAY_BACKLOG,
				      crypto_req_done, &wait);
	skcipher_request_set_crypt(req, &sg, &sg, len, ivb);
	err = crypto_wait_req(crypto_skcipher_encrypt(req), &wait);
	skcipher_request_free(req);
out:
	/* A shared transform must not keep a context's key schedule. */
	crypto_skcipher_setkey(tfm, zero_key, sizeof(zero_key));
	mutex_unlock(&s->lock);
	return err;
}

int parlos_cp_eia(u8 alg, const u8 *key, const struct parlos_eps_iv *iv,
		  const u8 *msg, unsigned int len, u8 *mac)
{
	u8 prefix[PARLOS_EIA_PREFIX_SIZE];
	struct crypto_shash *tfm;
	struct cp_slot *s;
	int err;

	if (alg >= NR_ALGS)
		return -EINVAL;
	if (!alg) {
		/* EIA0: a MAC of zeros (allowed only by module parameter) */
		memset(mac, 0, PARLOS_EIA_MAC_SIZE);
		return 0;
	}
	parlos_eps_iv_build(prefix, sizeof(prefix), iv);
	s = slot_lock();
	tfm = s->eia[alg];
	err = crypto_shash_setkey(tfm, key, PARLOS_EPS_KEY_SIZE);
	if (!err) {
		SHASH_DESC_ON_STACK(desc, tfm);

		desc->tfm = tfm;
		err = crypto_shash_init(desc) ?:
		      crypto_shash_update(desc, prefix, sizeof(prefix)) ?:
		      crypto_shash_finup(desc, msg, len, mac);
		shash_desc_zero(desc);
	}
	crypto_shash_setkey(tfm, zero_key, sizeof(zero_key));
	mutex_unlock(&s->lock);
	return err;
}

static void slot_free(struct cp_slot *s)
{
	int a;

	for (a = 1; a < NR_ALGS; a++) {
		if (!IS_ERR_OR_NULL(s->eea[a])) {
			parlos_tfm_repin(s->eea_unpinned[a]);
			crypto_free_skcipher(s->eea[a]);
		}
		if (!IS_ERR_OR_NULL(s->eia[a])) {
			parlos_tfm_repin(s->eia_unpinned[a]);
			crypto_free_shash(s->eia[a]);
		}
	}
	mutex_destroy(&s->lock);
}

static int slot_init(struct cp_slot *s)
{
	int a;

	mutex_init(&s->lock);
	for (a = 1; a < NR_ALGS; a++) {
		s->eea[a] = crypto_alloc_skcipher(eea_names[a], 0, 0);
		if (IS_ERR(s->eea[a]))
			return PTR_ERR(s->eea[a]);
		s->eea_unpinned[a] =
			parlos_tfm_unpin(crypto_skcipher_tfm(s->eea[a]));
		s->eia[a] = crypto_alloc_shash(eia_names[a], 0, 0);
		if (IS_ERR(s->eia[a]))
			return PTR_ERR(s->eia[a]);
		s->eia_unpinned[a] =
			parlos_tfm_unpin(crypto_shash_tfm(s->eia[a]));
	}
	return 0;
}

int parlos_cp_crypto_init(void)
{
	unsigned int i;
	int err;

	nr_slots = clamp_t(unsigned int, num_possible_cpus(), 1, 64);
	slots = kcalloc(nr_slots, sizeof(*slots), GFP_KERNEL);
	if (!slots)
		return -ENOMEM;
	for (i = 0; i < nr_slots; i++) {
		err = slot_init(&slots[i]);
		if (err) {
			nr_slots = i + 1;
			parlos_cp_crypto_exit();
			return err;
		}
	}
	return 0;
}

void parlos_cp_crypto_exit(void)
{
	unsigned int i;

	for (i = 0; i < nr_slots; i++)
		slot_free(&slots[i]);
	kfree(slots);
	slots = NULL;
}
