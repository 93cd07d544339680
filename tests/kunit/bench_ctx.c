// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the control plane, natively in UML (never in `make
 * check`: built only with CONFIG_PARLOS_BENCH). They print figures and
 * assert nothing about time.
 *
 * - the six algorithms inside the kernel, core calls and crypto API,
 *   to set beside the userspace build of the same cores;
 * - context creation rate, lookup cost as the table grows, and the
 *   memory of an idle context, with and without per-context transforms;
 * - the gateway's kernel work per attach (ECIES wrap and every KDF).
 */
#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <kunit/test.h>
#include <linux/ktime.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/vmalloc.h>

#include "alg.h"
#include "bench.h"
#include "context.h"
#include "kasme.h"
#include "keys.h"
#include "netns.h"

#if IS_ENABLED(CONFIG_PARLOS_BENCH)

#define RUNS	7

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static u64 median(u64 *v, int n)
{
	sort(v, n, sizeof(*v), cmp_u64, NULL);
	return v[n / 2];
}

static const unsigned int sizes[] = { 64, 256, 1500, 8188 };
static const u8 bkey[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 };

/* The module's own core benchmark (kmod/bench.c), as at load. */
static void bench_cores(struct kunit *test)
{
	parlos_bench_cores();
}

/* The same through the crypto API (tfm allocated once, keyed once). */
static void bench_api(struct kunit *test)
{
	static const char * const ciphers[] = { "eea1", "eea2", "eea3" };
	static const char * const macs[] = { "eia1", "eia2", "eia3" };
	u8 *buf = kunit_kzalloc(test, 8192 + 8, GFP_KERNEL);
	u8 iv[PARLOS_EPS_IV_SIZE] = {}, mac[4];
	unsigned int a, s, i;
	u64 t[RUNS];
	int r;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (a = 0; a < 3; a++) {
		struct crypto_skcipher *tfm = crypto_alloc_skcipher(ciphers[a], 0, 0);
		struct skcipher_request *req;
		struct scatterlist sg;
		char line[160];
		int n = 0;

		KUNIT_ASSERT_FALSE(test, IS_ERR(tfm));
		KUNIT_ASSERT_EQ(test, crypto_skcipher_setkey(tfm, bkey, 16), 0);
		req = skcipher_request_alloc(tfm, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, req);
		for (s = 0; s < ARRAY_SIZE(sizes); s++) {
			unsigned int iters = 4000000 / (sizes[s] + 64);

			sg_init_one(&sg, buf, sizes[s]);
			for (r = 0; r < RUNS; r++) {
				u64 t0 = ktime_get_ns();

				for (i = 0; i < iters; i++) {
					DECLARE_CRYPTO_WAIT(wait);

					skcipher_request_set_callback(req, 0,
								      crypto_req_done,
								      &wait);
					memset(iv, 0, sizeof(iv));
					skcipher_request_set_crypt(req, &sg, &sg,
								   sizes[s], iv);
					crypto_wait_req(crypto_skcipher_encrypt(req),
							&wait);
				}
				t[r] = ktime_get_ns() - t0;
			}
			n += scnprintf(line + n, sizeof(line) - n, " %llu",
				       div64_u64((u64)iters * sizes[s] * 1000,
						 median(t, RUNS) ?: 1));
		}
		pr_info("BENCH api %s MB/s at 64 256 1500 8188:%s\n",
			ciphers[a], line);
		skcipher_request_free(req);
		crypto_free_skcipher(tfm);
	}
	/* the ciphers left keystream in buf: a valid EIA prefix is zeros */
	memset(buf, 0, 8192 + 8);
	for (a = 0; a < 3; a++) {
		struct crypto_shash *tfm = crypto_alloc_shash(macs[a], 0, 0);
		char line[160];
		int n = 0;

		KUNIT_ASSERT_FALSE(test, IS_ERR(tfm));
		KUNIT_ASSERT_EQ(test, crypto_shash_setkey(tfm, bkey, 16), 0);
		KUNIT_ASSERT_EQ(test, crypto_shash_tfm_digest(tfm, buf, 72, mac), 0);
		for (s = 0; s < ARRAY_SIZE(sizes); s++) {
			unsigned int iters = 4000000 / (sizes[s] + 64);

			for (r = 0; r < RUNS; r++) {
				u64 t0 = ktime_get_ns();

				for (i = 0; i < iters; i++)
					crypto_shash_tfm_digest(tfm, buf,
								sizes[s] + 8,
								mac);
				t[r] = ktime_get_ns() - t0;
			}
			n += scnprintf(line + n, sizeof(line) - n, " %llu",
				       div64_u64((u64)iters * sizes[s] * 1000,
						 median(t, RUNS) ?: 1));
		}
		pr_info("BENCH api %s MB/s at 64 256 1500 8188:%s\n",
			macs[a], line);
		crypto_free_shash(tfm);
	}
}

static struct parlos_ctx *bench_new(struct parlos_net *pn, u8 role)
{
	struct parlos_ctx_params p = {
		.role = role,
		.nas_eea = 2, .nas_eia = 2, .as_eea = 2, .as_eia = 2,
	};

	return parlos_ctx_create(pn, &p, NULL);
}

/*
 * Contexts: creation rate, lookup cost at growing table sizes, and the
 * memory an idle context costs (the slab object plus its share of the
 * hash table), then what a per-context NAS transform pair would add.
 */
static void bench_contexts(struct kunit *test)
{
	static const unsigned int steps[] = { 1000, 10000, 100000, 1000000 };
	struct parlos_net *pn = parlos_net(&init_net);
	unsigned int n = 0, s, i;
	struct parlos_ctx **all;
	u32 *ids;

	all = vzalloc(array_size(steps[ARRAY_SIZE(steps) - 1], sizeof(*all)));
	ids = vzalloc(array_size(steps[ARRAY_SIZE(steps) - 1], sizeof(*ids)));
	KUNIT_ASSERT_NOT_NULL(test, all);
	KUNIT_ASSERT_NOT_NULL(test, ids);
	unsigned long free0 = global_zone_page_state(NR_FREE_PAGES);

	pr_info("BENCH ctx object %zu bytes (struct parlos_ctx; slab object %u)\n",
		sizeof(struct parlos_ctx), parlos_ctx_obj_size());
	for (s = 0; s < ARRAY_SIZE(steps); s++) {
		u64 t0 = ktime_get_ns(), tc, tl[RUNS], th[RUNS];
		unsigned int target = steps[s];
		int r;

		for (; n < target; n++) {
			all[n] = bench_new(pn, PARLOS_ROLE_NETWORK);
			if (IS_ERR(all[n]))
				break;
			ids[n] = all[n]->id;
			parlos_ctx_put(all[n]);	/* the table keeps its own */
		}
		tc = ktime_get_ns() - t0;
		if (n < target) {
			pr_info("BENCH ctx stopped at %u contexts\n", n);
			break;
		}
		for (r = 0; r < RUNS; r++) {
			u64 t1 = ktime_get_ns();

			for (i = 0; i < 100000; i++) {
				struct parlos_ctx *c;

				c = parlos_ctx_get(pn, ids[get_random_u32() % n]);
				parlos_ctx_put(c);
			}
			tl[r] = ktime_get_ns() - t1;
		}
		/*
		 * The same 1000 contexts at every size: what the table costs
		 * apart from cache misses on a working set that outgrows the
		 * caches (the line above).
		 */
		for (r = 0; r < RUNS; r++) {
			u64 t1 = ktime_get_ns();

			for (i = 0; i < 100000; i++) {
				struct parlos_ctx *c;

				c = parlos_ctx_get(pn, ids[(i * 7919) % 1000]);
				parlos_ctx_put(c);
			}
			th[r] = ktime_get_ns() - t1;
		}
		pr_info("BENCH ctx table %u: created %llu/s, lookup %llu ns random over all, %llu ns over a fixed 1000, %lu bytes/context (all memory)\n",
			n, div64_u64((u64)(target - (s ? steps[s - 1] : 0)) *
				     NSEC_PER_SEC, tc ?: 1),
			div64_u64(median(tl, RUNS), 100000),
			div64_u64(median(th, RUNS), 100000),
			(free0 - global_zone_page_state(NR_FREE_PAGES)) *
			PAGE_SIZE / n);
	}
	for (i = 0; i < n; i++)
		parlos_ctx_delete(pn, ids[i], NULL);
	vfree(all);
	vfree(ids);
}

/* Memory of per-context transforms, the design parlos did not choose. */
static void bench_tfm_memory(struct kunit *test)
{
	const unsigned int n = 2000;
	struct crypto_skcipher **eea;
	struct crypto_shash **eia;
	unsigned long before, after;
	unsigned int i;

	eea = kunit_kcalloc(test, n, sizeof(*eea), GFP_KERNEL);
	eia = kunit_kcalloc(test, n, sizeof(*eia), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, eea);
	KUNIT_ASSERT_NOT_NULL(test, eia);
	before = global_zone_page_state(NR_FREE_PAGES);
	for (i = 0; i < n; i++) {
		eea[i] = crypto_alloc_skcipher("eea2", 0, 0);
		eia[i] = crypto_alloc_shash("eia2", 0, 0);
		KUNIT_ASSERT_FALSE(test, IS_ERR(eea[i]) || IS_ERR(eia[i]));
	}
	after = global_zone_page_state(NR_FREE_PAGES);
	pr_info("BENCH tfm per-context eea2+eia2 pair: %lu bytes (all memory, %u pairs)\n",
		(before - after) * PAGE_SIZE / n, n);
	for (i = 0; i < n; i++) {
		crypto_free_skcipher(eea[i]);
		crypto_free_shash(eia[i]);
	}
}

/* The gateway's kernel work per attach: create, wrap, NAS and AS keys. */
static void bench_attach(struct kunit *test)
{
	struct parlos_net *pn = parlos_net(&init_net);
	u8 me_priv[32], me_pub[33], blob[73];
	unsigned int len, profile, i;
	u64 t[64];

	for (profile = PARLOS_PROFILE_A; profile <= PARLOS_PROFILE_B; profile++) {
		struct parlos_ctx *me = bench_new(pn, PARLOS_ROLE_ME);

		KUNIT_ASSERT_FALSE(test, IS_ERR(me));
		mutex_lock(&me->lock);
		KUNIT_ASSERT_EQ(test, parlos_kasme_keygen(me, profile, me_pub,
							  &len, NULL), 0);
		mutex_unlock(&me->lock);
		memcpy(me_priv, me->keys.me_priv, sizeof(me_priv));
		for (i = 0; i < ARRAY_SIZE(t); i++) {
			u64 t0 = ktime_get_ns();
			struct parlos_ctx *gw = bench_new(pn, PARLOS_ROLE_NETWORK);
			unsigned int blen;

			KUNIT_ASSERT_FALSE(test, IS_ERR(gw));
			mutex_lock(&gw->lock);
			KUNIT_EXPECT_EQ(test, parlos_kasme_wrap(gw, profile, me_pub,
								len, blob, &blen,
								NULL), 0);
			KUNIT_EXPECT_EQ(test, parlos_keys_derive_as(gw, 0, NULL), 0);
			mutex_unlock(&gw->lock);
			t[i] = ktime_get_ns() - t0;
			parlos_ctx_delete(pn, gw->id, NULL);
			parlos_ctx_put(gw);
		}
		pr_info("BENCH attach profile %c: %llu us median of %zu (create, ECIES wrap, KNASenc/int, KeNB, KRRCenc/int, KUPenc/int)\n",
			'A' + profile - 1, div64_u64(median(t, ARRAY_SIZE(t)), 1000),
			ARRAY_SIZE(t));
		memzero_explicit(me_priv, sizeof(me_priv));
		parlos_ctx_delete(pn, me->id, NULL);
		parlos_ctx_put(me);
	}
}

static struct kunit_case bench_cases[] = {
	KUNIT_CASE(bench_cores),
	KUNIT_CASE(bench_api),
	KUNIT_CASE(bench_attach),
	KUNIT_CASE(bench_tfm_memory),
	KUNIT_CASE(bench_contexts),
	{}
};

static struct kunit_suite bench_suite = {
	.name = "parlos_bench_ctl",
	.test_cases = bench_cases,
};
kunit_test_suite(bench_suite);

#endif /* CONFIG_PARLOS_BENCH */
