// SPDX-License-Identifier: GPL-2.0
/*
 * 128-EEA1 and 128-EIA1 (SNOW 3G) as "eea1" and "eia1", drivers
 * "eea1-generic" and "eia1-generic". EIA1 multiplies with pclmulqdq
 * where the CPU has it and SIMD is usable here, portably otherwise.
 */
#include <linux/module.h>

#include "alg_stream.h"
#include "snow3g.h"

#if PARLOS_HAVE_CLMUL
#include <asm/cpufeature.h>
#include <asm/fpu/api.h>
#include <asm/simd.h>
#include <crypto/internal/simd.h>
#endif

/* Bounds how long preemption stays off for one FPU section. */
#define EIA1_FPU_CHUNK	4096

static void eea1_init(void *st, const u8 *key, u32 count, u8 bearer, u8 dir)
{
	parlos_eea1_init(st, key, count, bearer, dir);
}

static void eea1_xor(void *st, const u8 *in, u8 *out, size_t nbytes)
{
	parlos_eea1_xor(st, in, out, nbytes);
}

static const struct parlos_stream_ops eea1_ops = {
	.state_size = sizeof(struct parlos_eea1_state),
	.init = eea1_init,
	.xor = eea1_xor,
};

static void eia1_init(void *st, const u8 *key, u32 count, u8 bearer, u8 dir)
{
	parlos_eia1_init(st, key, count, bearer, dir);
}

static void eia1_update(void *st, const u8 *msg, size_t nbytes)
{
#if PARLOS_HAVE_CLMUL
	if (boot_cpu_has(X86_FEATURE_PCLMULQDQ) && crypto_simd_usable()) {
		while (nbytes) {
			size_t n = min_t(size_t, nbytes, EIA1_FPU_CHUNK);

			kernel_fpu_begin();
			parlos_eia1_update_clmul(st, msg, n);
			kernel_fpu_end();
			msg += n;
			nbytes -= n;
		}
		return;
	}
#endif
	parlos_eia1_update(st, msg, nbytes);
}

static u32 eia1_final(void *st)
{
	return parlos_eia1_final(st);
}

static const struct parlos_mac_ops eia1_ops = {
	.state_size = sizeof(struct parlos_eia1_state),
	.init = eia1_init,
	.update = eia1_update,
	.final = eia1_final,
};

static_assert(sizeof(struct parlos_eia1_state) <= PARLOS_MAC_STATE_MAX);
static_assert(sizeof(struct parlos_eea1_state) <= PARLOS_MAC_STATE_MAX);

static int eea1_crypt(struct skcipher_request *req)
{
	return parlos_stream_crypt(req, &eea1_ops);
}

static int eia1_update_desc(struct shash_desc *desc, const u8 *data,
			    unsigned int len)
{
	return parlos_mac_update(desc, data, len, &eia1_ops);
}

static int eia1_final_desc(struct shash_desc *desc, u8 *out)
{
	return parlos_mac_final(desc, out, &eia1_ops);
}

static struct skcipher_alg eea1_alg = {
	.base = {
		.cra_name = "eea1",
		.cra_driver_name = "eea1-generic",
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
	.encrypt = eea1_crypt,
	.decrypt = eea1_crypt,
};

static struct shash_alg eia1_alg = {
	.base = {
		.cra_name = "eia1",
		.cra_driver_name = "eia1-generic",
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
	.update = eia1_update_desc,
	.final = eia1_final_desc,
};

int parlos_alg_snow3g_register(void)
{
	int err;

	err = crypto_register_skcipher(&eea1_alg);
	if (err)
		return err;
	err = crypto_register_shash(&eia1_alg);
	if (err)
		crypto_unregister_skcipher(&eea1_alg);
	return err;
}

void parlos_alg_snow3g_unregister(void)
{
	crypto_unregister_shash(&eia1_alg);
	crypto_unregister_skcipher(&eea1_alg);
}
