// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer, differential: our SNOW 3G and ZUC cores (kmod/snow3g.c,
 * kmod/zuc.c, built for userspace) against Intel's ipsec-mb (Debian
 * libipsec-mb-dev), with IVs from ipsec-mb's own IV generators.
 *
 *   128-EEA1 = SNOW3G F8;  128-EIA1 = SNOW3G F9 with FRESH = BEARER << 27
 *   (DIRECTION only in the IV, TS 33.401 B.2.2);  128-EEA3 / 128-EIA3 =
 *   ipsec-mb's ZUC-EEA3 / ZUC-EIA3.
 *
 * Input: op (1) | KEY (16) | COUNT (4, big-endian) | BEARER and DIRECTION
 * (1) | trim (1) | cuts (CUTS) | data. op & 3 picks EEA1, EIA1, EEA3 or
 * EIA3; op & 4 ciphers in place; op & 8 sends EIA1 through the clmul
 * code. The message is the data less trim & 7 bits at its end. ipsec-mb
 * refuses empty messages and ZUC ones over 8188 octets: those inputs
 * are cut to fit (or skipped if empty). The one-shot bit APIs must give
 * ipsec-mb's result; so must the streaming APIs over whole octets, fed
 * in pieces the cut octets choose.
 *
 * ZUC has a third opinion, zuc_spec.c, written as the specification
 * states it. ipsec-mb 1.3 goes wrong once an LFSR cell takes the value
 * 2^31 - 1 (this fuzzer found it: tests/fuzz/regress/diff_cores/); for
 * such keystreams the specification's result is the one ours must give,
 * for all others ipsec-mb must agree with it too.
 */
#include <string.h>

#include <intel-ipsec-mb.h>

#include "fuzz.h"
#include "snow3g.h"
#include "zuc.h"
#include "zuc_spec.h"

#define CUTS		5
#define HDR_LEN		(1 + 16 + 4 + 1 + 1 + CUTS)
#define ZUC_MAX_BYTES	8188	/* ipsec-mb's ZUC single-buffer limit */

enum { ALG_EEA1, ALG_EIA1, ALG_EEA3, ALG_EIA3 };

struct fuzz_case {
	int alg;
	bool in_place, clmul;
	const u8 *key;
	u32 count;
	u8 bearer, dir;
	const u8 *cut;
	const u8 *msg;		/* an exact heap copy: ASan sees overreads */
	size_t n;		/* octets */
	u32 nbits;
};

static IMB_MGR *mgr;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	IMB_ARCH arch;

	(void)argc;
	(void)argv;
	mgr = alloc_mb_mgr(0);
	FUZZ_ASSERT(mgr, "alloc_mb_mgr");
	init_mb_mgr_auto(mgr, &arch);
	FUZZ_ASSERT(!imb_get_errno(mgr), "init_mb_mgr_auto");
	return 0;
}

static void imb_check(const char *what)
{
	int e = imb_get_errno(mgr);

	FUZZ_ASSERT(!e, "ipsec-mb %s: %s", what, imb_get_strerror(e));
}

static bool have_clmul(void)
{
#if PARLOS_HAVE_CLMUL
	return __builtin_cpu_supports("pclmul");
#else
	return false;
#endif
}

/* Piece lengths: small ones (partial words and blocks) or fractions */
static size_t pieces(const struct fuzz_case *c, size_t *len)
{
	size_t left = c->n, k;

	for (k = 0; k < CUTS; k++) {
		u8 b = c->cut[k];

		len[k] = b < 0x40 ? b : left * (b - 0x40u) / 0xc0u;
		if (len[k] > left)
			len[k] = left;
		left -= len[k];
	}
	len[CUTS] = left;
	return CUTS + 1;
}

/* The first nbits bits agree; ours has zeros after them */
static void check_bits(const u8 *ours, const u8 *ref, const struct fuzz_case *c,
		       const char *what)
{
	size_t whole = c->nbits / 8;
	u8 mask = (u8)(0xff00u >> (c->nbits & 7));

	FUZZ_ASSERT(!memcmp(ours, ref, whole) &&
		    (!(c->nbits & 7) || !((ours[whole] ^ ref[whole]) & mask)),
		    "%s differs from ipsec-mb (%u bits)", what, c->nbits);
	FUZZ_ASSERT(!(c->nbits & 7) || !(ours[whole] & ~mask),
		    "%s: bits after the end not zero", what);
}

/*
 * The specification's EEA3 output, which ipsec-mb's (ref) must equal
 * unless a cell took 2^31 - 1; returns the one to compare ours with.
 */
static u8 *zuc_arbiter(const struct fuzz_case *c, const u8 iv[16], u8 *ref)
{
	u8 *spec = fuzz_alloc(c->n);
	bool hit;

	FUZZ_ASSERT(!zuc_spec_eea3(c->key, iv, c->msg, spec, (u32)(8 * c->n),
				   &hit), "zuc_spec_eea3");
	FUZZ_ASSERT(hit || !memcmp(spec, ref, c->n),
		    "ipsec-mb EEA3 differs from the specification, no 2^31 - 1 cell");
	free(ref);
	return spec;
}

static void eea(const struct fuzz_case *c)
{
	struct parlos_eea1_state s1;
	struct parlos_eea3_state s3;
	snow3g_key_schedule_t ks;
	size_t len[CUTS + 1], k, np, off;
	u8 iv[16], *ref, *out;
	bool zuc = c->alg == ALG_EEA3;

	ref = fuzz_alloc(c->n);
	if (zuc) {
		zuc_eea3_iv_gen(c->count, c->bearer, c->dir, iv);
		IMB_ZUC_EEA3_1_BUFFER(mgr, c->key, iv, c->msg, ref, c->n);
	} else {
		snow3g_f8_iv_gen(c->count, c->bearer, c->dir, iv);
		IMB_SNOW3G_INIT_KEY_SCHED(mgr, c->key, &ks);
		IMB_SNOW3G_F8_1_BUFFER(mgr, &ks, iv, c->msg, ref, c->n);
	}
	imb_check("cipher");
	if (zuc)
		ref = zuc_arbiter(c, iv, ref);

	/* one shot over nbits, out of place or in place */
	out = c->in_place ? fuzz_dup(c->msg, c->n) : fuzz_alloc(c->n);
	if (zuc)
		parlos_eea3_bits(c->key, c->count, c->bearer, c->dir,
				 c->in_place ? out : c->msg, out, c->nbits);
	else
		parlos_eea1_bits(c->key, c->count, c->bearer, c->dir,
				 c->in_place ? out : c->msg, out, c->nbits);
	check_bits(out, ref, c, zuc ? "EEA3 bits" : "EEA1 bits");

	/* streaming over every octet, in pieces */
	if (c->in_place)
		memcpy(out, c->msg, c->n);
	if (zuc)
		parlos_eea3_init(&s3, c->key, c->count, c->bearer, c->dir);
	else
		parlos_eea1_init(&s1, c->key, c->count, c->bearer, c->dir);
	np = pieces(c, len);
	for (k = 0, off = 0; k < np; off += len[k++]) {
		const u8 *in = c->in_place ? out + off : c->msg + off;

		if (zuc)
			parlos_eea3_xor(&s3, in, out + off, len[k]);
		else
			parlos_eea1_xor(&s1, in, out + off, len[k]);
	}
	FUZZ_ASSERT(!memcmp(out, ref, c->n), "%s stream differs (%zu octets)",
		    zuc ? "EEA3" : "EEA1", c->n);
	free(out);
	free(ref);
}

static u32 imb_mac(const struct fuzz_case *c, u32 nbits)
{
	snow3g_key_schedule_t ks;
	u8 iv[16], tag[4];
	u32 t;

	if (c->alg == ALG_EIA3) {
		u32 spec;
		bool hit;

		zuc_eia3_iv_gen(c->count, c->bearer, c->dir, iv);
		IMB_ZUC_EIA3_1_BUFFER(mgr, c->key, iv, c->msg, nbits, &t);
		imb_check("MAC");
		memcpy(tag, &t, 4);	/* the MAC octets, as sent */
		FUZZ_ASSERT(!zuc_spec_eia3(c->key, iv, c->msg, nbits, &spec,
					   &hit), "zuc_spec_eia3");
		FUZZ_ASSERT(hit || spec == get_unaligned_be32(tag),
			    "ipsec-mb EIA3 differs from the specification, no 2^31 - 1 cell");
		return spec;
	} else {
		snow3g_f9_iv_gen(c->count, (u32)c->bearer << 27, c->dir, iv);
		IMB_SNOW3G_INIT_KEY_SCHED(mgr, c->key, &ks);
		IMB_SNOW3G_F9_1_BUFFER(mgr, &ks, iv, c->msg, nbits, tag);
	}
	imb_check("MAC");
	return get_unaligned_be32(tag);
}

static u32 our_mac_bits(const struct fuzz_case *c, const u8 *msg)
{
	if (c->alg == ALG_EIA3)
		return parlos_eia3_bits(c->key, c->count, c->bearer, c->dir,
					msg, c->nbits);
#if PARLOS_HAVE_CLMUL
	if (c->clmul && have_clmul())
		return parlos_eia1_bits_clmul(c->key, c->count, c->bearer,
					      c->dir, msg, c->nbits);
#endif
	return parlos_eia1_bits(c->key, c->count, c->bearer, c->dir, msg,
				c->nbits);
}

static u32 our_mac_stream(const struct fuzz_case *c)
{
	struct parlos_eia1_state s1;
	struct parlos_eia3_state s3;
	size_t len[CUTS + 1], k, np, off;

	if (c->alg == ALG_EIA3)
		parlos_eia3_init(&s3, c->key, c->count, c->bearer, c->dir);
	else
		parlos_eia1_init(&s1, c->key, c->count, c->bearer, c->dir);
	np = pieces(c, len);
	for (k = 0, off = 0; k < np; off += len[k++]) {
		if (c->alg == ALG_EIA3) {
			parlos_eia3_update(&s3, c->msg + off, len[k]);
			continue;
		}
#if PARLOS_HAVE_CLMUL
		/* mix the two update paths on one state */
		if (c->clmul && have_clmul() && (k & 1)) {
			parlos_eia1_update_clmul(&s1, c->msg + off, len[k]);
			continue;
		}
#endif
		parlos_eia1_update(&s1, c->msg + off, len[k]);
	}
	return c->alg == ALG_EIA3 ? parlos_eia3_final(&s3)
				  : parlos_eia1_final(&s1);
}

static void eia(const struct fuzz_case *c)
{
	const char *name = c->alg == ALG_EIA3 ? "EIA3" : "EIA1";
	u32 want = imb_mac(c, c->nbits), got;
	u8 *flipped;

	got = our_mac_bits(c, c->msg);
	FUZZ_ASSERT(got == want, "%s MAC %08x, ipsec-mb %08x (%u bits)", name,
		    got, want, c->nbits);
	/* the bits after the message must not matter */
	if (c->nbits & 7) {
		flipped = fuzz_dup(c->msg, c->n);
		flipped[c->n - 1] ^= (u8)(0xffu >> (c->nbits & 7));
		got = our_mac_bits(c, flipped);
		FUZZ_ASSERT(got == want, "%s MAC depends on bits after the end",
			    name);
		free(flipped);
	}
	want = imb_mac(c, (u32)(8 * c->n));
	got = our_mac_stream(c);
	FUZZ_ASSERT(got == want, "%s stream MAC %08x, ipsec-mb %08x (%zu octets)",
		    name, got, want, c->n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_case c;
	u8 *msg;

	if (size <= HDR_LEN)
		return 0;	/* ipsec-mb refuses empty messages */
	c.alg = data[0] & 3;
	c.in_place = data[0] & 4;
	c.clmul = data[0] & 8;
	c.key = data + 1;
	c.count = get_unaligned_be32(data + 17);
	c.bearer = data[21] & 0x1f;
	c.dir = (data[21] >> 5) & 1;
	c.cut = data + 23;
	c.n = size - HDR_LEN;
	if ((c.alg == ALG_EEA3 || c.alg == ALG_EIA3) && c.n > ZUC_MAX_BYTES)
		c.n = ZUC_MAX_BYTES;
	c.nbits = (u32)(8 * c.n - (data[22] & 7));
	msg = fuzz_dup(data + HDR_LEN, c.n);
	c.msg = msg;

	if (c.alg == ALG_EEA1 || c.alg == ALG_EEA3)
		eea(&c);
	else
		eia(&c);
	free(msg);
	return 0;
}
