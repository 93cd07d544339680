// SPDX-License-Identifier: GPL-2.0
/*
 * Core benchmarks: MB/s of EEA1, EIA1, EEA3 and EIA3 at 64, 256, 1500 and
 * 8188 bytes, medians of 7 runs, printed as "parlos: bench core ...". The
 * userspace twin, tests/vm/corebench.c, times the same sources built as
 * userspace in the same loop, so the two can be set side by side.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "bench.h"
#include "snow3g.h"
#include "zuc.h"

static bool bench;
module_param(bench, bool, 0444);
MODULE_PARM_DESC(bench, "Time the SNOW 3G and ZUC cores at load (kernel log)");

#define RUNS	7

static const u8 bkey[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 };
static u32 sink;	/* keeps the MACs from being optimized away */

static void run_eea1(u8 *b, unsigned int len)
{
	struct parlos_eea1_state st __uninitialized;

	parlos_eea1_init(&st, bkey, 0x1234, 3, 1);
	parlos_eea1_xor(&st, b, b, len);
}

static void run_eia1(u8 *b, unsigned int len)
{
	struct parlos_eia1_state st __uninitialized;

	parlos_eia1_init(&st, bkey, 0x1234, 3, 1);
	parlos_eia1_update(&st, b, len);
	WRITE_ONCE(sink, parlos_eia1_final(&st));
}

static void run_eea3(u8 *b, unsigned int len)
{
	struct parlos_eea3_state st __uninitialized;

	parlos_eea3_init(&st, bkey, 0x1234, 3, 1);
	parlos_eea3_xor(&st, b, b, len);
}

static void run_eia3(u8 *b, unsigned int len)
{
	struct parlos_eia3_state st __uninitialized;

	parlos_eia3_init(&st, bkey, 0x1234, 3, 1);
	parlos_eia3_update(&st, b, len);
	WRITE_ONCE(sink, parlos_eia3_final(&st));
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static u64 mbps(void (*fn)(u8 *b, unsigned int len), u8 *buf,
		unsigned int len)
{
	unsigned int iters = 2000000 / (len + 64), i;
	u64 t[RUNS];
	int r;

	for (r = 0; r < RUNS; r++) {
		u64 t0 = ktime_get_ns();

		for (i = 0; i < iters; i++)
			fn(buf, len);
		t[r] = ktime_get_ns() - t0;
		cond_resched();
	}
	sort(t, RUNS, sizeof(t[0]), cmp_u64, NULL);
	return div64_u64((u64)iters * len * 1000, t[RUNS / 2] ?: 1);
}

void parlos_bench_cores(void)
{
	static const struct {
		const char *name;
		void (*fn)(u8 *b, unsigned int len);
	} algs[] = {
		{ "EEA1", run_eea1 }, { "EIA1", run_eia1 },
		{ "EEA3", run_eea3 }, { "EIA3", run_eia3 },
	};
	static const unsigned int sizes[] = { 64, 256, 1500, 8188 };
	unsigned int a, s;
	u8 *buf;

	buf = kzalloc(8192, GFP_KERNEL);
	if (!buf)
		return;
	for (a = 0; a < ARRAY_SIZE(algs); a++) {
		u64 v[ARRAY_SIZE(sizes)];

		for (s = 0; s < ARRAY_SIZE(sizes); s++)
			v[s] = mbps(algs[a].fn, buf, sizes[s]);
		pr_info("bench core %s MB/s at 64 256 1500 8188: %llu %llu %llu %llu\n",
			algs[a].name, v[0], v[1], v[2], v[3]);
	}
	kfree(buf);
}

void parlos_bench_at_load(void)
{
	if (bench)
		parlos_bench_cores();
}
