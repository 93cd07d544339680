// SPDX-License-Identifier: GPL-2.0
/*
 * Throughput of the SNOW 3G and ZUC cores (128-EEA1/EIA1/EEA3/EIA3),
 * one packet per call, next to Intel ipsec-mb (single-buffer direct API
 * and its multi-buffer job API with 64 packets in flight) and, for
 * scale, 128-EEA2/EIA2 (AES-128-CTR, AES-CMAC) through OpenSSL 3.
 *
 * The cores are linked twice: built as the kernel builds them (-O2
 * -mno-sse ... -mno-red-zone -fno-pic: "kflags") under their own names,
 * and with plain -O2 with every parlos_ symbol renamed o2_parlos_.
 *
 * Every cell is the median of RUNS runs; the runs are interleaved (run
 * r of every cell, then run r + 1) so a noisy moment hits all rows.
 *
 * Times are this thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)),
 * so time the scheduler hands to other tasks on a busy machine is not
 * counted; caches and a shared core still are, hence medians.
 *
 * cycles/byte: the core clock is measured with a chain of dependent
 * adds (one cycle each) timed the same way, at the start of every run;
 * c/B = median core Hz / median bytes per second. (The TSC, from rdtsc
 * against CLOCK_MONOTONIC, ticks at a fixed rate that is not the core
 * clock under turbo, so it is printed only for reference.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <x86intrin.h>

#include <intel-ipsec-mb.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "bench_o2.h"
#include "snow3g.h"
#include "zuc.h"

#define RUNS		7
#define NSIZES		4
#define INFLIGHT	64
#define CELL_NS		8000000.0	/* aim for ~8 ms per measurement */
#define MAXLEN		8188

static const unsigned int sizes[NSIZES] = { 64, 256, 1500, 8188 };

enum kind {
	K_EEA1, K_EEA1_O2, K_EEA1_SB, K_EEA1_MB,
	K_EIA1, K_EIA1_O2, K_EIA1_CL, K_EIA1_CL_O2, K_EIA1_SB, K_EIA1_MB,
	K_EEA3, K_EEA3_O2, K_EEA3_SB, K_EEA3_MB,
	K_EIA3, K_EIA3_O2, K_EIA3_SB, K_EIA3_MB,
	K_EEA2_OSSL, K_EIA2_OSSL, NKINDS
};

struct row {
	const char *alg, *impl;
	enum kind base;	/* ratio column: this row / base at 1500 B */
};

static const struct row rows[NKINDS] = {
	[K_EEA1] = { "EEA1", "parlos (kflags)", K_EEA1_SB },
	[K_EEA1_O2] = { "EEA1", "parlos (-O2)", K_EEA1_SB },
	[K_EEA1_SB] = { "EEA1", "ipsec-mb SB", K_EEA1_SB },
	[K_EEA1_MB] = { "EEA1", "ipsec-mb MB x64", K_EEA1_SB },
	[K_EIA1] = { "EIA1", "parlos portable (kflags)", K_EIA1_SB },
	[K_EIA1_O2] = { "EIA1", "parlos portable (-O2)", K_EIA1_SB },
	[K_EIA1_CL] = { "EIA1", "parlos clmul (kflags)", K_EIA1_SB },
	[K_EIA1_CL_O2] = { "EIA1", "parlos clmul (-O2)", K_EIA1_SB },
	[K_EIA1_SB] = { "EIA1", "ipsec-mb SB", K_EIA1_SB },
	[K_EIA1_MB] = { "EIA1", "ipsec-mb MB x64", K_EIA1_SB },
	[K_EEA3] = { "EEA3", "parlos (kflags)", K_EEA3_SB },
	[K_EEA3_O2] = { "EEA3", "parlos (-O2)", K_EEA3_SB },
	[K_EEA3_SB] = { "EEA3", "ipsec-mb SB", K_EEA3_SB },
	[K_EEA3_MB] = { "EEA3", "ipsec-mb MB x64", K_EEA3_SB },
	[K_EIA3] = { "EIA3", "parlos (kflags)", K_EIA3_SB },
	[K_EIA3_O2] = { "EIA3", "parlos (-O2)", K_EIA3_SB },
	[K_EIA3_SB] = { "EIA3", "ipsec-mb SB", K_EIA3_SB },
	[K_EIA3_MB] = { "EIA3", "ipsec-mb MB x64", K_EIA3_SB },
	[K_EEA2_OSSL] = { "EEA2", "OpenSSL AES-128-CTR", NKINDS },
	[K_EIA2_OSSL] = { "EIA2", "OpenSSL AES-CMAC", NKINDS },
};

static IMB_MGR *mgr;
static snow3g_key_schedule_t snow_ks;
static EVP_CIPHER_CTX *ctr_ctx;
static EVP_MAC_CTX *cmac_ctx;
static u8 key[16] = { 0x2b, 0xd6, 0x45, 0x9f, 0x82, 0xc5, 0xb3, 0x00,
		      0x95, 0x2c, 0x49, 0x10, 0x48, 0x81, 0xff, 0x48 };
static u8 *buf, *mbuf[INFLIGHT];
static u32 sink;	/* MACs, printed so no call looks unused */

/*
 * CPU time of this thread: time the scheduler gives to other tasks on a
 * busy machine is not counted (it would be with CLOCK_MONOTONIC).
 */
static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static double wall_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

/* Core Hz: 100 dependent adds per loop turn, one cycle each. */
static double core_hz(void)
{
	unsigned long n = 400000, x = 0;
	double t = now_ns();

	do {
		__asm__ __volatile__(".rept 100\n\tadd $1, %0\n\t.endr"
				     : "+r" (x));
	} while (--n);
	t = now_ns() - t;
	return 400000.0 * 100 / t * 1e9;
}

static double tsc_hz(void)
{
	double t = wall_ns();
	u64 c = __rdtsc();

	while (wall_ns() - t < 2e7)
		;
	return (__rdtsc() - c) / (wall_ns() - t) * 1e9;
}

static void snow_iv(u8 iv[16], u32 count)
{
	/* F8 IV for BEARER 3, DIRECTION 1 (F9 uses the same shape here) */
	u32 b = 3u << 27 | 1u << 26;

	put_unaligned_be32(count, iv);
	put_unaligned_be32(b, iv + 4);
	put_unaligned_be32(count, iv + 8);
	put_unaligned_be32(b, iv + 12);
}

static void zuc_iv(u8 iv[16], u32 count)
{
	memset(iv, 0, 16);
	put_unaligned_be32(count, iv);
	iv[4] = 3 << 3 | 1 << 2;
	memcpy(iv + 8, iv, 8);
}

/* 64 packets through the job API, then flushed: one batch */
static void imb_batch(enum kind k, unsigned int len, u32 count)
{
	static u8 ivs[INFLIGHT][16], tags[INFLIGHT][4];
	IMB_JOB *job;
	int i;

	for (i = 0; i < INFLIGHT; i++) {
		job = IMB_GET_NEXT_JOB(mgr);
		memset(job, 0, sizeof(*job));
		job->chain_order = IMB_ORDER_CIPHER_HASH;
		job->cipher_direction = IMB_DIR_ENCRYPT;
		job->src = mbuf[i];
		job->dst = mbuf[i];
		job->iv = ivs[i];
		job->iv_len_in_bytes = 16;
		job->auth_tag_output = tags[i];
		job->auth_tag_output_len_in_bytes = 4;
		job->cipher_mode = IMB_CIPHER_NULL;
		job->hash_alg = IMB_AUTH_NULL;
		switch (k) {
		case K_EEA1_MB:
			snow_iv(ivs[i], count + i);
			job->cipher_mode = IMB_CIPHER_SNOW3G_UEA2_BITLEN;
			job->enc_keys = &snow_ks;
			job->key_len_in_bytes = 16;
			job->msg_len_to_cipher_in_bits = 8ULL * len;
			break;
		case K_EIA1_MB:
			snow_iv(ivs[i], count + i);
			job->hash_alg = IMB_AUTH_SNOW3G_UIA2_BITLEN;
			job->u.SNOW3G_UIA2._key = &snow_ks;
			job->u.SNOW3G_UIA2._iv = ivs[i];
			job->msg_len_to_hash_in_bits = 8ULL * len;
			break;
		case K_EEA3_MB:
			zuc_iv(ivs[i], count + i);
			job->cipher_mode = IMB_CIPHER_ZUC_EEA3;
			job->enc_keys = key;
			job->key_len_in_bytes = 16;
			job->msg_len_to_cipher_in_bytes = len;
			break;
		default:
			zuc_iv(ivs[i], count + i);
			job->hash_alg = IMB_AUTH_ZUC_EIA3_BITLEN;
			job->u.ZUC_EIA3._key = key;
			job->u.ZUC_EIA3._iv = ivs[i];
			job->msg_len_to_hash_in_bits = 8ULL * len;
			break;
		}
		job = IMB_SUBMIT_JOB(mgr);
		if (job && job->status != IMB_STATUS_COMPLETED)
			goto fail;
	}
	while ((job = IMB_FLUSH_JOB(mgr)))
		if (job->status != IMB_STATUS_COMPLETED)
			goto fail;
	return;
fail:
	fprintf(stderr, "ipsec-mb job failed: %s\n",
		imb_get_strerror(imb_get_errno(mgr)));
	exit(1);
}

/* One packet (or, for MB rows, one batch of 64) of @len bytes. */
static void one(enum kind k, unsigned int len, u32 count)
{
	u32 nbits = 8 * len;
	u8 iv[16], tag[16];
	size_t tl;
	int ol;

	switch (k) {
	case K_EEA1:
		parlos_eea1_bits(key, count, 3, 1, buf, buf, nbits);
		break;
	case K_EEA1_O2:
		o2_parlos_eea1_bits(key, count, 3, 1, buf, buf, nbits);
		break;
	case K_EIA1:
		sink ^= parlos_eia1_bits(key, count, 3, 1, buf, nbits);
		break;
	case K_EIA1_O2:
		sink ^= o2_parlos_eia1_bits(key, count, 3, 1, buf, nbits);
		break;
	case K_EIA1_CL:
		sink ^= parlos_eia1_bits_clmul(key, count, 3, 1, buf, nbits);
		break;
	case K_EIA1_CL_O2:
		sink ^= o2_parlos_eia1_bits_clmul(key, count, 3, 1, buf, nbits);
		break;
	case K_EEA3:
		parlos_eea3_bits(key, count, 3, 1, buf, buf, nbits);
		break;
	case K_EEA3_O2:
		o2_parlos_eea3_bits(key, count, 3, 1, buf, buf, nbits);
		break;
	case K_EIA3:
		sink ^= parlos_eia3_bits(key, count, 3, 1, buf, nbits);
		break;
	case K_EIA3_O2:
		sink ^= o2_parlos_eia3_bits(key, count, 3, 1, buf, nbits);
		break;
	case K_EEA1_SB:
		snow_iv(iv, count);
		IMB_SNOW3G_F8_1_BUFFER_BIT(mgr, &snow_ks, iv, buf, buf, nbits,
					   0);
		break;
	case K_EIA1_SB:
		snow_iv(iv, count);
		IMB_SNOW3G_F9_1_BUFFER(mgr, &snow_ks, iv, buf, nbits, tag);
		break;
	case K_EEA3_SB:
		zuc_iv(iv, count);
		IMB_ZUC_EEA3_1_BUFFER(mgr, key, iv, buf, buf, len);
		break;
	case K_EIA3_SB:
		zuc_iv(iv, count);
		IMB_ZUC_EIA3_1_BUFFER(mgr, key, iv, buf, nbits, (u32 *)tag);
		break;
	case K_EEA2_OSSL:
		/* key set once; per packet the IV (counter block) */
		memset(iv, 0, 16);
		put_unaligned_be32(count, iv);
		iv[4] = 3 << 3 | 1 << 2;
		if (!EVP_EncryptInit_ex(ctr_ctx, NULL, NULL, NULL, iv) ||
		    !EVP_EncryptUpdate(ctr_ctx, buf, &ol, buf, (int)len))
			exit(1);
		break;
	case K_EIA2_OSSL:
		/* CMAC over COUNT || BEARER || DIRECTION || 0 and the message */
		memset(iv, 0, 8);
		put_unaligned_be32(count, iv);
		iv[4] = 3 << 3 | 1 << 2;
		if (!EVP_MAC_init(cmac_ctx, NULL, 0, NULL) ||
		    !EVP_MAC_update(cmac_ctx, iv, 8) ||
		    !EVP_MAC_update(cmac_ctx, buf, len) ||
		    !EVP_MAC_final(cmac_ctx, tag, &tl, sizeof(tag)))
			exit(1);
		break;
	default:
		imb_batch(k, len, count);
		break;
	}
}

static int is_mb(enum kind k)
{
	return k == K_EEA1_MB || k == K_EIA1_MB || k == K_EEA3_MB ||
	       k == K_EIA3_MB;
}

/* Bytes per second of @n calls */
static double measure(enum kind k, unsigned int len, unsigned long n)
{
	unsigned long i;
	double t = now_ns();

	for (i = 0; i < n; i++)
		one(k, len, (u32)i);
	t = now_ns() - t;
	return (double)n * len * (is_mb(k) ? INFLIGHT : 1) / t * 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	double t[RUNS];

	memcpy(t, v, n * sizeof(*v));
	qsort(t, n, sizeof(*t), cmp_double);
	return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

static void setup(void)
{
	OSSL_PARAM p[2];
	int i;

	buf = aligned_alloc(64, MAXLEN + 64);
	for (i = 0; i < INFLIGHT; i++)
		mbuf[i] = aligned_alloc(64, MAXLEN + 64);
	mgr = alloc_mb_mgr(0);
	if (!buf || !mgr) {
		fprintf(stderr, "out of memory\n");
		exit(1);
	}
	init_mb_mgr_auto(mgr, NULL);
	IMB_SNOW3G_INIT_KEY_SCHED(mgr, key, &snow_ks);
	memset(buf, 0x5a, MAXLEN + 64);
	for (i = 0; i < INFLIGHT; i++)
		memset(mbuf[i], i, MAXLEN + 64);
	ctr_ctx = EVP_CIPHER_CTX_new();
	if (!ctr_ctx ||
	    !EVP_EncryptInit_ex(ctr_ctx, EVP_aes_128_ctr(), NULL, key, NULL))
		exit(1);
	cmac_ctx = EVP_MAC_CTX_new(EVP_MAC_fetch(NULL, "CMAC", NULL));
	p[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER,
						"AES-128-CBC", 0);
	p[1] = OSSL_PARAM_construct_end();
	if (!cmac_ctx || !EVP_MAC_init(cmac_ctx, key, 16, p))
		exit(1);
}

int main(void)
{
	static double bps[NKINDS][NSIZES][RUNS];
	static unsigned long reps[NKINDS][NSIZES];
	double hz[RUNS], chz, mb, base;
	int clmul = __builtin_cpu_supports("pclmul");
	int r, k, s;

	setup();
	/* One short pass to size every measurement to about CELL_NS. */
	for (k = 0; k < NKINDS; k++)
		for (s = 0; s < NSIZES; s++) {
			if (!clmul && (k == K_EIA1_CL || k == K_EIA1_CL_O2))
				continue;
			mb = measure(k, sizes[s], is_mb(k) ? 4 : 64);
			reps[k][s] = (unsigned long)(CELL_NS / 1e9 * mb /
						     (sizes[s] * (is_mb(k) ?
						      INFLIGHT : 1))) + 1;
		}
	for (r = 0; r < RUNS; r++) {
		hz[r] = core_hz();
		for (k = 0; k < NKINDS; k++)
			for (s = 0; s < NSIZES; s++)
				if (reps[k][s])
					bps[k][s][r] = measure(k, sizes[s],
							       reps[k][s]);
	}
	chz = median(hz, RUNS);

	printf("# parlos SNOW 3G / ZUC cores vs ipsec-mb %s: single-buffer (SB)\n",
	       imb_get_version_str());
	printf("#   and job API with %d packets in flight (MB x%d); %s\n",
	       INFLIGHT, INFLIGHT, OPENSSL_VERSION_TEXT);
	printf("# medians of %d interleaved runs; core clock %.2f GHz",
	       RUNS, chz / 1e9);
	printf(" (dependent adds), TSC %.2f GHz; c/B = core cycles/byte\n",
	       tsc_hz() / 1e9);
	printf("# kflags: cores built -O2 -mno-sse -mno-mmx -mno-sse2 -mno-3dnow\n");
	printf("#   -mno-avx -fno-strict-aliasing -mno-red-zone -fno-pic\n");
	printf("%-4s  %-25s", "alg", "implementation");
	for (s = 0; s < NSIZES; s++)
		printf(" %9u B      ", sizes[s]);
	printf("  %s\n", "x SB @1500");
	printf("%-4s  %-25s", "", "");
	for (s = 0; s < NSIZES; s++)
		printf(" %8s %6s ", "MB/s", "c/B");
	printf("\n");
	for (k = 0; k < NKINDS; k++) {
		if (!reps[k][0])
			continue;
		printf("%-4s  %-25s", rows[k].alg, rows[k].impl);
		for (s = 0; s < NSIZES; s++) {
			mb = median(bps[k][s], RUNS);
			printf(" %8.0f %6.2f ", mb / 1e6, chz / mb);
		}
		if (rows[k].base < NKINDS && rows[k].base != (enum kind)k) {
			base = median(bps[rows[k].base][2], RUNS);
			printf("  %5.2fx", median(bps[k][2], RUNS) / base);
		} else {
			printf("  %6s", "-");
		}
		printf("\n");
	}
	printf("# (checksum %08x)\n", sink);
	return 0;
}
