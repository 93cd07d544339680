// SPDX-License-Identifier: GPL-2.0
/*
 * Randomized differential test of the SNOW 3G and ZUC cores against
 * Intel's ipsec-mb (Debian libipsec-mb-dev): 128-EEA1/EIA1 against its
 * SNOW3G F8/F9 and 128-EEA3/EIA3 against its ZUC, with random keys,
 * COUNTs, BEARERs, DIRECTIONs and lengths (odd bit lengths, 1 byte, up
 * to 9000 bytes; ipsec-mb's ZUC calls stop at 8188 bytes / 65504 bits),
 * and the streaming APIs with random splits. Zero-length messages are
 * refused by ipsec-mb; test_algos checks those against the definitions.
 *
 * PARLOS_DIFF_SEED=n repeats a run (the seed is printed), and
 * PARLOS_DIFF_ITERS=n sets the cases per algorithm (default 3000).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <intel-ipsec-mb.h>

#include "check.h"
#include "snow3g.h"
#include "zuc.h"

#define MAX_BYTES	9000
#define ZUC_MAX_BYTES	8188	/* ipsec-mb's direct ZUC API limit */
#define MAX_REPORTS	5

static IMB_MGR *mgr;
static u64 rng_state;
static unsigned long iters = 3000;

static u64 rng(void)
{
	/* splitmix64 */
	u64 z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void rng_fill(u8 *p, size_t n)
{
	while (n--)
		*p++ = (u8)rng();
}

static int have_clmul(void)
{
#if PARLOS_HAVE_CLMUL
	return __builtin_cpu_supports("pclmul");
#else
	return 0;
#endif
}

/* Lengths in bits, 1 .. 8 * max: many small, odd bit counts, some long. */
static u32 rand_bits(u32 max_bytes)
{
	u32 nbytes;

	switch (rng() % 4) {
	case 0:
		nbytes = 1 + rng() % 16;
		break;
	case 1:
		nbytes = 1 + rng() % 256;
		break;
	case 2:
		nbytes = 1 + rng() % 2000;
		break;
	default:
		nbytes = 1 + rng() % max_bytes;
		break;
	}
	if (nbytes > max_bytes)
		nbytes = max_bytes;
	/* half of them end inside the last byte */
	return 8 * nbytes - (rng() & 1 ? (u32)(rng() % 8) : 0);
}

static size_t bytes_of(u32 nbits)
{
	return nbits / 8 + !!(nbits & 7);
}

static int bits_eq(const u8 *a, const u8 *b, u32 nbits)
{
	u8 m = (u8)(0xff00 >> (nbits & 7));

	if (memcmp(a, b, nbits / 8))
		return 0;
	return !(nbits & 7) || !((a[nbits / 8] ^ b[nbits / 8]) & m);
}

struct params {
	u8 key[16];
	u32 count, bearer, dir, fresh, nbits;
};

static void rand_params(struct params *p, u32 max_bytes)
{
	rng_fill(p->key, 16);
	p->count = (u32)rng();
	p->bearer = rng() & 31;
	p->dir = rng() & 1;
	p->fresh = (u32)rng();
	p->nbits = rand_bits(max_bytes);
}

static void report(unsigned long *bad, unsigned long i, const char *what,
		   const struct params *p)
{
	if (++*bad > MAX_REPORTS)
		return;
	fprintf(stderr,
		"  case %lu: %s (count %08x bearer %u dir %u fresh %08x nbits %u)\n",
		i, what, p->count, p->bearer, p->dir, p->fresh, p->nbits);
}

/* IVs written here from TS 33.401 / UEA2&UIA2 / EEA3&EIA3, as ipsec-mb takes */
static void iv_eea1(u8 iv[16], const struct params *p)
{
	u32 b = p->bearer << 27 | p->dir << 26;

	put_unaligned_be32(p->count, iv);
	put_unaligned_be32(b, iv + 4);
	put_unaligned_be32(p->count, iv + 8);
	put_unaligned_be32(b, iv + 12);
}

static void iv_uia2(u8 iv[16], u32 count, u32 fresh, u32 dir)
{
	put_unaligned_be32(count, iv);
	put_unaligned_be32(fresh, iv + 4);
	put_unaligned_be32(count ^ dir << 31, iv + 8);
	put_unaligned_be32(fresh ^ dir << 15, iv + 12);
}

static void iv_eea3(u8 iv[16], const struct params *p)
{
	memset(iv, 0, 16);
	put_unaligned_be32(p->count, iv);
	iv[4] = (u8)(p->bearer << 3 | p->dir << 2);
	memcpy(iv + 8, iv, 8);
}

static void iv_eia3(u8 iv[16], const struct params *p)
{
	memset(iv, 0, 16);
	put_unaligned_be32(p->count, iv);
	iv[4] = (u8)(p->bearer << 3);
	memcpy(iv + 8, iv, 8);
	iv[8] ^= (u8)(p->dir << 7);
	iv[14] ^= (u8)(p->dir << 7);
}

static int imb_ok(const char *what)
{
	int e = imb_get_errno(mgr);

	if (e)
		fprintf(stderr, "  ipsec-mb %s: %s\n", what,
			imb_get_strerror(e));
	return !e;
}

/* Our IV layouts against ipsec-mb's own IV generators. */
static void iv_case(void)
{
	struct params p;
	u8 a[16], b[16];
	unsigned long i, bad = 0;

	for (i = 0; i < 1000; i++) {
		rand_params(&p, 1);
		iv_eea1(a, &p);
		snow3g_f8_iv_gen(p.count, (u8)p.bearer, (u8)p.dir, b);
		if (memcmp(a, b, 16))
			report(&bad, i, "F8 IV", &p);
		iv_uia2(a, p.count, p.fresh, p.dir);
		snow3g_f9_iv_gen(p.count, p.fresh, (u8)p.dir, b);
		if (memcmp(a, b, 16))
			report(&bad, i, "F9 IV", &p);
		iv_eea3(a, &p);
		zuc_eea3_iv_gen(p.count, (u8)p.bearer, (u8)p.dir, b);
		if (memcmp(a, b, 16))
			report(&bad, i, "EEA3 IV", &p);
		iv_eia3(a, &p);
		zuc_eia3_iv_gen(p.count, (u8)p.bearer, (u8)p.dir, b);
		if (memcmp(a, b, 16))
			report(&bad, i, "EIA3 IV", &p);
	}
	CHECK(!bad, "%lu IVs differ", bad);
}

/* Cut [0, n) into up to six random pieces; returns how many. */
static int rand_cuts(size_t n, size_t *len)
{
	int k = 1 + (int)(rng() % 6), i;
	size_t left = n;

	for (i = 0; i < k - 1; i++) {
		len[i] = left ? rng() % (left + 1) : 0;
		/* a few tiny pieces make partial words and blocks likely */
		if (rng() % 3 == 0 && left)
			len[i] = rng() % (left < 9 ? left + 1 : 9);
		left -= len[i];
	}
	len[k - 1] = left;
	return k;
}

static void eea1_case(u8 *in, u8 *out, u8 *ref)
{
	snow3g_key_schedule_t ks;
	struct params p;
	unsigned long i, bad = 0;
	u8 iv[16];

	for (i = 0; i < iters; i++) {
		rand_params(&p, MAX_BYTES);
		rng_fill(in, bytes_of(p.nbits));
		iv_eea1(iv, &p);
		IMB_SNOW3G_INIT_KEY_SCHED(mgr, p.key, &ks);
		IMB_SNOW3G_F8_1_BUFFER_BIT(mgr, &ks, iv, in, ref, p.nbits, 0);
		if (!imb_ok("F8")) {
			report(&bad, i, "ipsec-mb error", &p);
			continue;
		}
		parlos_eea1_bits(p.key, p.count, (u8)p.bearer, (u8)p.dir, in,
				 out, p.nbits);
		if (!bits_eq(out, ref, p.nbits))
			report(&bad, i, "ciphertext differs", &p);
	}
	CHECK(!bad, "%lu of %lu differ", bad, iters);
}

static void eea3_case(u8 *in, u8 *out, u8 *ref)
{
	struct params p;
	unsigned long i, bad = 0;
	u8 iv[16];

	for (i = 0; i < iters; i++) {
		rand_params(&p, ZUC_MAX_BYTES);
		rng_fill(in, bytes_of(p.nbits));
		iv_eea3(iv, &p);
		/* its bit length API is for EEA3 on whole bytes only */
		IMB_ZUC_EEA3_1_BUFFER(mgr, p.key, iv, in, ref,
				      bytes_of(p.nbits));
		if (!imb_ok("EEA3")) {
			report(&bad, i, "ipsec-mb error", &p);
			continue;
		}
		parlos_eea3_bits(p.key, p.count, (u8)p.bearer, (u8)p.dir, in,
				 out, p.nbits);
		if (!bits_eq(out, ref, p.nbits))
			report(&bad, i, "ciphertext differs", &p);
	}
	CHECK(!bad, "%lu of %lu differ", bad, iters);
}

/* The streaming cipher APIs, in place, with random splits */
static void eea_stream_case(int zuc, u8 *buf, u8 *ref)
{
	struct parlos_eea1_state s1;
	struct parlos_eea3_state s3;
	snow3g_key_schedule_t ks;
	struct params p;
	unsigned long i, bad = 0;
	size_t n, off, len[6];
	int k, j;
	u8 iv[16];

	for (i = 0; i < iters; i++) {
		rand_params(&p, zuc ? ZUC_MAX_BYTES : MAX_BYTES);
		n = bytes_of(p.nbits);
		rng_fill(buf, n);
		if (zuc) {
			iv_eea3(iv, &p);
			IMB_ZUC_EEA3_1_BUFFER(mgr, p.key, iv, buf, ref, n);
			parlos_eea3_init(&s3, p.key, p.count, (u8)p.bearer,
					 (u8)p.dir);
		} else {
			iv_eea1(iv, &p);
			IMB_SNOW3G_INIT_KEY_SCHED(mgr, p.key, &ks);
			IMB_SNOW3G_F8_1_BUFFER(mgr, &ks, iv, buf, ref, n);
			parlos_eea1_init(&s1, p.key, p.count, (u8)p.bearer,
					 (u8)p.dir);
		}
		if (!imb_ok("cipher")) {
			report(&bad, i, "ipsec-mb error", &p);
			continue;
		}
		k = rand_cuts(n, len);
		for (j = 0, off = 0; j < k; off += len[j], j++) {
			if (zuc)
				parlos_eea3_xor(&s3, buf + off, buf + off,
						len[j]);
			else
				parlos_eea1_xor(&s1, buf + off, buf + off,
						len[j]);
		}
		if (memcmp(buf, ref, n))
			report(&bad, i, "stream output differs", &p);
	}
	CHECK(!bad, "%lu of %lu differ", bad, iters);
}

/* UIA2 through ipsec-mb's F9: the tag bytes are the MAC, big-endian */
static u32 imb_f9(const struct params *p, u32 fresh, const u8 *msg,
		  u32 nbits)
{
	snow3g_key_schedule_t ks;
	u8 iv[16], tag[4];

	iv_uia2(iv, p->count, fresh, p->dir);
	IMB_SNOW3G_INIT_KEY_SCHED(mgr, p->key, &ks);
	IMB_SNOW3G_F9_1_BUFFER(mgr, &ks, iv, msg, nbits, tag);
	return get_unaligned_be32(tag);
}

static u32 imb_eia3(const struct params *p, const u8 *msg, u32 nbits)
{
	u8 iv[16], tag[4];

	iv_eia3(iv, p);
	IMB_ZUC_EIA3_1_BUFFER(mgr, p->key, iv, msg, nbits, (u32 *)tag);
	return get_unaligned_be32(tag);
}

/* alg: 1 = EIA1, 2 = UIA2 (free FRESH), 3 = EIA3 */
static void eia_case(int alg, u8 *msg)
{
	struct params p;
	unsigned long i, bad = 0;
	u32 want, got;

	for (i = 0; i < iters; i++) {
		rand_params(&p, alg == 3 ? ZUC_MAX_BYTES : MAX_BYTES);
		rng_fill(msg, bytes_of(p.nbits));
		if (alg == 3)
			want = imb_eia3(&p, msg, p.nbits);
		else
			want = imb_f9(&p, alg == 2 ? p.fresh : p.bearer << 27,
				      msg, p.nbits);
		if (!imb_ok("MAC")) {
			report(&bad, i, "ipsec-mb error", &p);
			continue;
		}
		if (alg == 3)
			got = parlos_eia3_bits(p.key, p.count, (u8)p.bearer,
					       (u8)p.dir, msg, p.nbits);
		else if (alg == 2)
			got = parlos_uia2_bits(p.key, p.count, p.fresh,
					       (u8)p.dir, msg, p.nbits);
		else
			got = parlos_eia1_bits(p.key, p.count, (u8)p.bearer,
					       (u8)p.dir, msg, p.nbits);
		if (got != want)
			report(&bad, i, "MAC differs", &p);
#if PARLOS_HAVE_CLMUL
		if (alg == 1 && have_clmul() &&
		    parlos_eia1_bits_clmul(p.key, p.count, (u8)p.bearer,
					   (u8)p.dir, msg, p.nbits) != want)
			report(&bad, i, "clmul MAC differs", &p);
#endif
	}
	CHECK(!bad, "%lu of %lu differ", bad, iters);
}

/*
 * The streaming MAC APIs with random splits over whole bytes; for EIA1
 * each piece goes randomly through the portable or the clmul update.
 */
static void eia_stream_case(int zuc, u8 *msg)
{
	struct parlos_eia1_state s1;
	struct parlos_eia3_state s3;
	struct params p;
	unsigned long i, bad = 0;
	size_t n, off, len[6];
	u32 want, got;
	int k, j;

	for (i = 0; i < iters; i++) {
		rand_params(&p, zuc ? ZUC_MAX_BYTES : MAX_BYTES);
		n = bytes_of(p.nbits);
		p.nbits = 8 * (u32)n;
		rng_fill(msg, n);
		want = zuc ? imb_eia3(&p, msg, p.nbits) :
		       imb_f9(&p, p.bearer << 27, msg, p.nbits);
		if (!imb_ok("MAC")) {
			report(&bad, i, "ipsec-mb error", &p);
			continue;
		}
		if (zuc)
			parlos_eia3_init(&s3, p.key, p.count, (u8)p.bearer,
					 (u8)p.dir);
		else
			parlos_eia1_init(&s1, p.key, p.count, (u8)p.bearer,
					 (u8)p.dir);
		k = rand_cuts(n, len);
		for (j = 0, off = 0; j < k; off += len[j], j++) {
			if (zuc) {
				parlos_eia3_update(&s3, msg + off, len[j]);
				continue;
			}
#if PARLOS_HAVE_CLMUL
			if (have_clmul() && rng() & 1) {
				parlos_eia1_update_clmul(&s1, msg + off,
							 len[j]);
				continue;
			}
#endif
			parlos_eia1_update(&s1, msg + off, len[j]);
		}
		got = zuc ? parlos_eia3_final(&s3) : parlos_eia1_final(&s1);
		if (got != want)
			report(&bad, i, "stream MAC differs", &p);
	}
	CHECK(!bad, "%lu of %lu differ", bad, iters);
}

int main(void)
{
	const char *s = getenv("PARLOS_DIFF_SEED");
	const char *n = getenv("PARLOS_DIFF_ITERS");
	u64 seed = s && *s ? strtoull(s, NULL, 0) : 0x7061726c6f73ULL;
	IMB_ARCH arch = IMB_ARCH_NONE;
	u8 *a = malloc(MAX_BYTES), *b = malloc(MAX_BYTES);
	u8 *c = malloc(MAX_BYTES);
	char name[128];

	if (n && *n)
		iters = strtoul(n, NULL, 0);
	rng_state = seed;
	printf("# seed 0x%llx (PARLOS_DIFF_SEED), %lu cases each (PARLOS_DIFF_ITERS)\n",
	       (unsigned long long)seed, iters);
	RUN_CASE("ipsec-mb manager", {
		mgr = alloc_mb_mgr(0);
		CHECK(mgr, "alloc_mb_mgr failed");
		if (mgr)
			init_mb_mgr_auto(mgr, &arch);
		CHECK(mgr && !imb_get_errno(mgr), "init_mb_mgr_auto failed");
		CHECK(a && b && c, "out of memory");
	});
	if (!mgr || !a || !b || !c)
		return check_summary();
	printf("# ipsec-mb %s, arch %d, pclmul %s\n", imb_get_version_str(),
	       (int)arch, have_clmul() ? "yes" : "no");

	RUN_CASE("IV layouts = ipsec-mb iv_gen", iv_case());
	snprintf(name, sizeof(name), "EEA1 bits vs ipsec-mb F8 bit API");
	RUN_CASE(name, eea1_case(a, b, c));
	RUN_CASE("EEA1 stream, random splits vs ipsec-mb F8",
		 eea_stream_case(0, a, c));
	RUN_CASE("EIA1 bits (portable, clmul) vs ipsec-mb F9", eia_case(1, a));
	RUN_CASE("UIA2 bits, random FRESH vs ipsec-mb F9", eia_case(2, a));
	RUN_CASE("EIA1 stream, random splits and paths vs ipsec-mb F9",
		 eia_stream_case(0, a));
	RUN_CASE("EEA3 bits vs ipsec-mb ZUC-EEA3", eea3_case(a, b, c));
	RUN_CASE("EEA3 stream, random splits vs ipsec-mb ZUC-EEA3",
		 eea_stream_case(1, a, c));
	RUN_CASE("EIA3 bits vs ipsec-mb ZUC-EIA3", eia_case(3, a));
	RUN_CASE("EIA3 stream, random splits vs ipsec-mb ZUC-EIA3",
		 eia_stream_case(1, a));

	free_mb_mgr(mgr);
	free(a);
	free(b);
	free(c);
	return check_summary();
}
