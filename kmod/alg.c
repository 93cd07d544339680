// SPDX-License-Identifier: GPL-2.0
/*
 * The IV layout shared by the six algorithms, and their registration.
 */
#include <linux/crypto.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>

#include "compat.h"
#include "alg.h"

/*
 * Returns -EINVAL unless the reserved bits are zero: a caller that sets
 * them has the layout wrong, and silently ignoring them would let two
 * different IVs give one keystream.
 */
int parlos_eps_iv_parse(const u8 *iv, unsigned int len,
			struct parlos_eps_iv *out)
{
	unsigned int i;

	if (len < 5 || (iv[4] & 0x03))
		return -EINVAL;
	for (i = 5; i < len; i++)
		if (iv[i])
			return -EINVAL;
	out->count = get_unaligned_be32(iv);
	out->bearer = iv[4] >> 3;
	out->dir = (iv[4] >> 2) & 1;
	return 0;
}

void parlos_eps_iv_build(u8 *iv, unsigned int len,
			 const struct parlos_eps_iv *in)
{
	memset(iv, 0, len);
	put_unaligned_be32(in->count, iv);
	iv[4] = (in->bearer & 0x1f) << 3 | (in->dir & 1) << 2;
}

/*
 * A transform of one of our own algorithms holds a reference on this
 * module, and a module holding references on itself never unloads. Our
 * long-lived transforms (the control-plane pool, a bound DRB's) give that
 * reference back here, and take it again just before they are freed,
 * which module exit does before the algorithms are unregistered.
 * Returns whether the reference was given back.
 */
bool parlos_tfm_unpin(struct crypto_tfm *tfm)
{
	if (tfm->__crt_alg->cra_module != THIS_MODULE)
		return false;
	module_put(THIS_MODULE);
	return true;
}

void parlos_tfm_repin(bool unpinned)
{
	if (unpinned)
		__module_get(THIS_MODULE);
}

int parlos_algs_register(void)
{
	int err;

	err = parlos_alg_aes_register();
	if (err)
		return err;
	err = parlos_alg_snow3g_register();
	if (err)
		goto err_aes;
	err = parlos_alg_zuc_register();
	if (err)
		goto err_snow3g;
	return 0;

err_snow3g:
	parlos_alg_snow3g_unregister();
err_aes:
	parlos_alg_aes_unregister();
	return err;
}

void parlos_algs_unregister(void)
{
	parlos_alg_zuc_unregister();
	parlos_alg_snow3g_unregister();
	parlos_alg_aes_unregister();
}
