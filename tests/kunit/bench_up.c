// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark of the user plane, natively in UML on one core (never in
 * `make check`: built only with CONFIG_PARLOS_BENCH; `make bench-kernel`
 * prints it). It asserts nothing about time.
 *
 * Over the loop of drb_loop.h, IP packets of 64 and 1500 bytes go from
 * the ME device to the gateway for each algorithm. Transmit is timed from
 * dev_queue_xmit() on the ME device to the PDU queued on loopback, with
 * softirqs held off; receive from there to the packet handed to the
 * stack by the gateway's NAPI (outer IP/UDP receive included). The cipher
 * alone (crypto API, same transform kind and length) gives its share of
 * each. Medians of RUNS runs of BATCH packets.
 */
#include <kunit/test.h>

#if IS_ENABLED(CONFIG_PARLOS_BENCH)

#include <crypto/skcipher.h>
#include <linux/ktime.h>
#include <linux/scatterlist.h>
#include <linux/sort.h>

#include "alg.h"
#include "drb_loop.h"

#define RUNS	7
#define BATCH	256

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static u64 median(u64 *v)
{
	sort(v, RUNS, sizeof(*v), cmp_u64, NULL);
	return v[RUNS / 2];
}

/* ns per packet to transmit and to receive one batch; 0 on loss */
static int batch(struct drb_loop *l, unsigned int len, u64 *tx, u64 *rx)
{
	u64 want = loop_stat(l->gw, PARLOS_STAT_DRB_RX_PACKETS) + BATCH;
	struct sk_buff *skbs[BATCH];
	u64 t0, t1, t2;
	unsigned int i, spins = 0;

	for (i = 0; i < BATCH; i++) {
		skbs[i] = loop_packet(l->a, len, LOOP_UE, LOOP_NET, i);
		if (!skbs[i]) {
			while (i--)
				kfree_skb(skbs[i]);
			return -ENOMEM;
		}
	}
	local_bh_disable();
	t0 = ktime_get_ns();
	for (i = 0; i < BATCH; i++)
		dev_queue_xmit(skbs[i]);
	t1 = ktime_get_ns();
	local_bh_enable();
	/* What softirq left to ksoftirqd runs when we yield. */
	while (loop_stat(l->gw, PARLOS_STAT_DRB_RX_PACKETS) < want &&
	       spins++ < 100000)
		cond_resched();
	t2 = ktime_get_ns();
	if (loop_stat(l->gw, PARLOS_STAT_DRB_RX_PACKETS) < want)
		return -EIO;
	*tx = div_u64(t1 - t0, BATCH);
	*rx = div_u64(t2 - t1, BATCH);
	return 0;
}

/* ns per packet of the cipher alone on len bytes */
static u64 cipher_ns(struct kunit *test, const char *alg, unsigned int len)
{
	struct crypto_skcipher *tfm = crypto_alloc_skcipher(alg, 0, 0);
	u8 key[16] = { 1, 2, 3 }, iv[PARLOS_EPS_IV_SIZE];
	struct skcipher_request *req;
	struct scatterlist sg;
	u64 t[RUNS];
	u8 *buf;
	int r, i;

	KUNIT_ASSERT_FALSE(test, IS_ERR(tfm));
	buf = kunit_kzalloc(test, len, GFP_KERNEL);
	req = skcipher_request_alloc(tfm, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, req);
	KUNIT_ASSERT_EQ(test, crypto_skcipher_setkey(tfm, key, 16), 0);
	sg_init_one(&sg, buf, len);
	skcipher_request_set_callback(req, 0, NULL, NULL);
	for (r = 0; r < RUNS; r++) {
		u64 t0 = ktime_get_ns();

		for (i = 0; i < BATCH; i++) {
			struct parlos_eps_iv eps = { i, 2, 0 };

			parlos_eps_iv_build(iv, sizeof(iv), &eps);
			skcipher_request_set_crypt(req, &sg, &sg, len, iv);
			/* These complete at once here: no cryptd in UML. */
			KUNIT_ASSERT_EQ(test, crypto_skcipher_encrypt(req), 0);
		}
		t[r] = div_u64(ktime_get_ns() - t0, BATCH);
	}
	skcipher_request_free(req);
	crypto_free_skcipher(tfm);
	return median(t);
}

static unsigned int pct(u64 part, u64 whole)
{
	return whole ? div64_u64(part * 100, whole) : 0;
}

/* Gbit/s of len-byte packets at ns each, in hundredths */
static u64 gbit100(unsigned int len, u64 ns)
{
	return div64_u64((u64)len * 800, ns ?: 1);
}

static void bench_up(struct kunit *test)
{
	static const unsigned int sizes[] = { 64, 1500 };
	static const char * const names[] = { NULL, "eea1", "eea2", "eea3" };
	unsigned int a, s, r;

	pr_info("BENCH up   alg  size |   TX kpps  Gbit/s |   RX kpps  Gbit/s | cipher ns  %%TX  %%RX | TX ns  RX ns\n");
	for (a = 1; a <= 3; a++) {
		struct drb_loop l;

		drb_loop_up(test, &l, a, 2, 12, false, 36600 + 2 * a);
		for (s = 0; s < ARRAY_SIZE(sizes); s++) {
			unsigned int len = sizes[s];
			u64 tx[RUNS], rx[RUNS], txm, rxm, c;

			/* Warm the route cache and the allocators. */
			KUNIT_ASSERT_EQ(test, batch(&l, len, &tx[0], &rx[0]), 0);
			for (r = 0; r < RUNS; r++)
				KUNIT_ASSERT_EQ(test,
						batch(&l, len, &tx[r], &rx[r]), 0);
			txm = median(tx);
			rxm = median(rx);
			c = cipher_ns(test, names[a], len);
			pr_info("BENCH up   EEA%u %5u | %9llu %4llu.%02llu | %9llu %4llu.%02llu | %9llu %3u%% %3u%% | %5llu %6llu\n",
				a, len,
				div64_u64(1000000, txm ?: 1),
				gbit100(len, txm) / 100, gbit100(len, txm) % 100,
				div64_u64(1000000, rxm ?: 1),
				gbit100(len, rxm) / 100, gbit100(len, rxm) % 100,
				c, pct(c, txm), pct(c, rxm), txm, rxm);
		}
		KUNIT_EXPECT_EQ(test, loop_drops(l.gw), 0);
		drb_loop_down(test, &l);
	}
}

static struct kunit_case bench_up_cases[] = {
	KUNIT_CASE(bench_up),
	{}
};

static struct kunit_suite bench_up_suite = {
	.name = "parlos_bench_up",
	.test_cases = bench_up_cases,
};

kunit_test_suite(bench_up_suite);

#endif /* CONFIG_PARLOS_BENCH */
