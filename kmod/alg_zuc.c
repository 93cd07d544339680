// SPDX-License-Identifier: GPL-2.0
/*
 * 128-EEA3 and 128-EIA3 (ZUC) as "eea3" and "eia3", drivers
 * "eea3-generic" and "eia3-generic".
 */
#include <linux/module.h>

#include "alg_stream.h"
#include "zuc.h"

static void eea3_init(void *st, const u8 *key, u32 count, u8 bearer, u8 dir)
{
	parlos_eea3_init(st, key, count, bearer, dir);
}

static void eea3_xor(void *st, const u8 *in, u8 *out, size_t nbytes)
{
	parlos_eea3_xor(st, in, out, nbytes);
}

static const struct parlos_stream_ops eea3_ops = {
	.state_size = sizeof(struct parlos_eea3_state),
	.init = eea3_init,
	.xor = eea3_xor,
};

static void eia3_init(void *st, const u8 *key, u32 count, u8 bearer, u8 dir)
{
	parlos_eia3_init(st, key, count, bearer, dir);
}

static void eia3_update(void *st, const u8 *msg, size_t nbytes)
{
	parlos_eia3_update(st, msg, nbytes);
}

static u32 eia3_final(void *st)
{
	return parlos_eia3_final(st);
}

static const struct parlos_mac_ops eia3_ops = {
	.state_size = sizeof(struct parlos_eia3_state),
	.init = eia3_init,
	.update = eia3_update,
	.final = eia3_final,
};

static_assert(sizeof(struct parlos_eia3_state) <= PARLOS_MAC_STATE_MAX);
static_assert(sizeof(struct parlos_eea3_state) <= PARLOS_MAC_STATE_MAX);

static int eea3_crypt(struct skcipher_request *req)
{
	return parlos_stream_crypt(req, &eea3_ops);
}

static int eia3_update_desc(struct shash_desc *desc, const u8 *data,
			    unsigned int len)
{
	return parlos_mac_update(desc, data, len, &eia3_ops);
}

static int eia3_final_desc(struct shash_desc *desc, u8 *out)
{
	return parlos_mac_final(desc, out, &eia3_ops);
}

static struct skcipher_alg eea3_alg = {
	.base = {
		.cra_name = "eea3",
		.cra_driver_name = "eea3-generic",
		.cra_priority = PARLOS_ALG_PRIORITY,
		.cra_blocksize = 1,
		.cra_ctxsize = sizeof(struct parlos_key_ctx),
		.cra_module = THIS_MODULE,
	},
	.min_keysize = PARLOS_EPS_KEY_SIZE,
	.max_keysize = PARLOS_EPS_KEY_SIZE,
	.ivsize = PARLOS_EPS_IV_SIZE,
	.chunksize = 4,
	.setkey = parlos_stream_setkey,
	.exit = parlos_stream_exit,
	.encrypt = eea3_crypt,
	.decrypt = eea3_crypt,
};

static struct shash_alg eia3_alg = {
	.base = {
		.cra_name = "eia3",
		.cra_driver_name = "eia3-generic",
		.cra_priority = PARLOS_ALG_PRIORITY,
		.cra_blocksize = 1,
		.cra_ctxsize = sizeof(struct parlos_key_ctx),
		.cra_module = THIS_MODULE,
	},
	.digestsize = PARLOS_EIA_MAC_SIZE,
	.descsize = sizeof(struct parlos_mac_desc),
	.setkey = parlos_mac_setkey,
	.exit_tfm = parlos_mac_exit,
	.init = parlos_mac_init,
	.update = eia3_update_desc,
	.final = eia3_final_desc,
};

int parlos_alg_zuc_register(void)
{
	int err;

	err = crypto_register_skcipher(&eea3_alg);
	if (err)
		return err;
	err = crypto_register_shash(&eia3_alg);
	if (err)
		crypto_unregister_skcipher(&eea3_alg);
	return err;
}

void parlos_alg_zuc_unregister(void)
{
	crypto_unregister_shash(&eia3_alg);
	crypto_unregister_skcipher(&eea3_alg);
}
