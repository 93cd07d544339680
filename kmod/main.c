// SPDX-License-Identifier: GPL-2.0
/*
 * parlos: PARLOS (3GPP TR 33.815 solution #1) security offload.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/crypto.h>
#include <linux/module.h>

#include "alg.h"
#include "selftest.h"

static int __init parlos_init(void)
{
	int err;

	err = parlos_algs_register();
	if (err) {
		pr_err("registering the EPS algorithms failed: %d\n", err);
		return err;
	}
	err = parlos_selftest();
	if (err)
		goto err_algs;
	return 0;

err_algs:
	parlos_algs_unregister();
	return err;
}

static void __exit parlos_exit(void)
{
	parlos_algs_unregister();
}

module_init(parlos_init);
module_exit(parlos_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("PARLOS security offload: EPS algorithms, contexts and PDCP");
MODULE_AUTHOR("The parlos authors");
MODULE_ALIAS_CRYPTO("eea1");
MODULE_ALIAS_CRYPTO("eea2");
MODULE_ALIAS_CRYPTO("eea3");
MODULE_ALIAS_CRYPTO("eia1");
MODULE_ALIAS_CRYPTO("eia2");
MODULE_ALIAS_CRYPTO("eia3");
MODULE_SOFTDEP("pre: ctr cmac aes hmac sha256 ecdh_generic curve25519-generic");
