// SPDX-License-Identifier: GPL-2.0
/*
 * parlos: PARLOS (3GPP TR 33.815 solution #1) security offload.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/crypto.h>
#include <linux/module.h>

#include "alg.h"
#include "bench.h"
#include "context.h"
#include "cp_crypto.h"
#include "device.h"
#include "drb.h"
#include "keys.h"
#include "netlink.h"
#include "netns.h"
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
	parlos_bench_at_load();
	err = parlos_keys_init();
	if (err)
		goto err_algs;
	err = parlos_cp_crypto_init();
	if (err)
		goto err_keys;
	err = parlos_ctx_cache_init();
	if (err)
		goto err_cp;
	err = parlos_drb_init();
	if (err)
		goto err_cache;
	err = parlos_netns_init();
	if (err)
		goto err_drb;
	err = parlos_dev_init();
	if (err)
		goto err_netns;
	err = parlos_genl_init();
	if (err)
		goto err_dev;
	return 0;

err_dev:
	parlos_dev_exit();
err_netns:
	parlos_netns_exit();
err_drb:
	parlos_drb_exit();
err_cache:
	parlos_ctx_cache_exit();
err_cp:
	parlos_cp_crypto_exit();
err_keys:
	parlos_keys_exit();
err_algs:
	parlos_algs_unregister();
	pr_err("not loaded: %d\n", err);
	return err;
}

static void __exit parlos_exit(void)
{
	parlos_genl_exit();
	parlos_dev_exit();
	parlos_netns_exit();
	parlos_drb_exit();
	parlos_ctx_cache_exit();
	parlos_cp_crypto_exit();
	parlos_keys_exit();
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
MODULE_SOFTDEP("pre: ctr ecb cmac aes hmac sha256 ecdh_generic curve25519-generic");
