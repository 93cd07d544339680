// SPDX-License-Identifier: GPL-2.0
/*
 * corebench: the userspace twin of the module's core benchmark
 * (kmod/bench.c): the same cores, built as the kernel builds C (no SSE,
 * no PIC), in the same loop, printing the same line. The VM benchmark
 * sets the two side by side: both run under the same emulation there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "snow3g.h"
#include "zuc.h"

#define RUNS 7

static const u8 bkey[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 };
static volatile u32 sink;

static void run_eea1(u8 *b, unsigned int len)
{
	struct parlos_eea1_state st;

	parlos_eea1_init(&st, bkey, 0x1234, 3, 1);
	parlos_eea1_xor(&st, b, b, len);
}

static void run_eia1(u8 *b, unsigned int len)
{
	struct parlos_eia1_state st;

	parlos_eia1_init(&st, bkey, 0x1234, 3, 1);
	parlos_eia1_update(&st, b, len);
	sink = parlos_eia1_final(&st);
}

static void run_eea3(u8 *b, unsigned int len)
{
	struct parlos_eea3_state st;

	parlos_eea3_init(&st, bkey, 0x1234, 3, 1);
	parlos_eea3_xor(&st, b, b, len);
}

static void run_eia3(u8 *b, unsigned int len)
{
	struct parlos_eia3_state st;

	parlos_eia3_init(&st, bkey, 0x1234, 3, 1);
	parlos_eia3_update(&st, b, len);
	sink = parlos_eia3_final(&st);
}

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a;
	unsigned long long y = *(const unsigned long long *)b;

	return x < y ? -1 : x > y;
}

static unsigned long long mbps(void (*fn)(u8 *, unsigned int), u8 *buf,
			       unsigned int len)
{
	unsigned int iters = 2000000 / (len + 64), i;
	unsigned long long t[RUNS];
	int r;

	for (r = 0; r < RUNS; r++) {
		unsigned long long t0 = now_ns();

		for (i = 0; i < iters; i++)
			fn(buf, len);
		t[r] = now_ns() - t0;
	}
	qsort(t, RUNS, sizeof(t[0]), cmp);
	return (unsigned long long)iters * len * 1000 / (t[RUNS / 2] ? t[RUNS / 2] : 1);
}

int main(void)
{
	static const struct {
		const char *name;
		void (*fn)(u8 *, unsigned int);
	} algs[] = {
		{ "EEA1", run_eea1 }, { "EIA1", run_eia1 },
		{ "EEA3", run_eea3 }, { "EIA3", run_eia3 },
	};
	static const unsigned int sizes[] = { 64, 256, 1500, 8188 };
	static u8 buf[8192];
	unsigned int a, s;

	for (a = 0; a < 4; a++) {
		printf("user core %s MB/s at 64 256 1500 8188:", algs[a].name);
		for (s = 0; s < 4; s++)
			printf(" %llu", mbps(algs[a].fn, buf, sizes[s]));
		printf("\n");
		fflush(stdout);
	}
	return 0;
}
