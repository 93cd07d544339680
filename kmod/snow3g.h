/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SNOW 3G, 128-EEA1 and 128-EIA1 (TS 33.401 B.1.2 and B.2.2; ETSI/SAGE
 * UEA2&UIA2 Documents 1 and 2).
 *
 * Bit strings are MSB first: bit 0 is the top bit of the first byte.
 * KEY is the 16-byte key as sent (its first byte is the top byte of the
 * spec's k3). COUNT is the 32-bit COUNT, BEARER 5 bits, DIRECTION 1 bit.
 *
 * Every state below holds key-derived material: the caller wipes it
 * (memzero_explicit()) when done. The one-shot *_bits() calls wipe
 * their own. Nothing allocates, nothing uses floating point or SIMD
 * except the *_clmul() calls, which use SSE and pclmulqdq: in the kernel
 * call them only between kernel_fpu_begin() and kernel_fpu_end(), when
 * crypto_simd_usable() and the CPU has X86_FEATURE_PCLMULQDQ.
 */
#ifndef PARLOS_SNOW3G_H
#define PARLOS_SNOW3G_H

#include "core_types.h"

/* The keystream generator: LFSR s0..s15 and FSM R1..R3. */
struct parlos_snow3g {
	u32 s[16];
	u32 r1, r2, r3;
};

/*
 * Raw SNOW 3G: @key = k3||k2||k1||k0 and @iv = IV3||IV2||IV1||IV0, each
 * word big-endian. parlos_snow3g_keystream() then yields z1, z2, ...
 */
void parlos_snow3g_init(struct parlos_snow3g *g, const u8 key[16],
			const u8 iv[16]);
void parlos_snow3g_keystream(struct parlos_snow3g *g, u32 *z, size_t nwords);

/*
 * 128-EEA1 streaming: init once, then parlos_eea1_xor() any number of
 * times with any byte counts; the calls together see one keystream.
 * in == out is allowed. At most PARLOS_EPS_MAX_BYTES in total.
 */
struct parlos_eea1_state {
	struct parlos_snow3g g;
	u32 ks;		/* unused keystream bytes, top-aligned */
	u32 ks_len;	/* how many: 0..3 */
};

void parlos_eea1_init(struct parlos_eea1_state *st, const u8 key[16],
		      u32 count, u8 bearer, u8 dir);
void parlos_eea1_xor(struct parlos_eea1_state *st, const u8 *in, u8 *out,
		     size_t nbytes);

/*
 * One-shot 128-EEA1 over @nbits bits: reads and writes ceil(nbits / 8)
 * bytes. The bits of the last output byte after @nbits are set to zero.
 */
void parlos_eea1_bits(const u8 key[16], u32 count, u8 bearer, u8 dir,
		      const u8 *in, u8 *out, u32 nbits);

/*
 * 128-EIA1 (= UIA2 with FRESH = BEARER << 27; DIRECTION only enters the
 * IV). Streaming: init, update with any split, final returns the MAC
 * (MAC-I as a big-endian u32) over all bytes hashed. sizeof is 304
 * bytes on 64-bit: it fits a 6.1 shash descsize (at most 360). An
 * update of 128 bytes or more uses a 1 KiB table on the stack.
 */
struct parlos_eia1_state {
	u64 tab[2][16];	/* n * P and n * x^4 * P for n of degree < 4 */
	u64 p, q;	/* z1||z2, z3||z4 */
	u64 eval;	/* running EVAL */
	u64 nbytes;	/* bytes hashed so far */
	u8 buf[8];	/* partial 64-bit block */
	u32 buf_len;
	u32 otp;	/* z5 */
};

void parlos_eia1_init(struct parlos_eia1_state *st, const u8 key[16],
		      u32 count, u8 bearer, u8 dir);
/* UIA2 with a free 32-bit FRESH; the EIA1 calls below apply to it too. */
void parlos_uia2_init(struct parlos_eia1_state *st, const u8 key[16],
		      u32 count, u32 fresh, u8 dir);
void parlos_eia1_update(struct parlos_eia1_state *st, const u8 *msg,
			size_t nbytes);
u32 parlos_eia1_final(struct parlos_eia1_state *st);

/*
 * One-shot MACs over @nbits bits of @msg (ceil(nbits / 8) bytes read);
 * bits after @nbits do not affect the MAC.
 */
u32 parlos_eia1_bits(const u8 key[16], u32 count, u8 bearer, u8 dir,
		     const u8 *msg, u32 nbits);
u32 parlos_uia2_bits(const u8 key[16], u32 count, u32 fresh, u8 dir,
		     const u8 *msg, u32 nbits);

#if PARLOS_HAVE_CLMUL
/*
 * Same results as parlos_eia1_update() and parlos_eia1_bits(), using
 * pclmulqdq (x86-64). Only with SIMD usable and the CPU flag set; the
 * two update calls may be mixed freely on one state. Updates under 64
 * bytes take the portable path. In the kernel, keep each call between
 * kernel_fpu_begin() and kernel_fpu_end() short (a few KiB): preemption
 * is off there.
 */
void parlos_eia1_update_clmul(struct parlos_eia1_state *st, const u8 *msg,
			      size_t nbytes);
u32 parlos_eia1_bits_clmul(const u8 key[16], u32 count, u8 bearer, u8 dir,
			   const u8 *msg, u32 nbits);
#endif

#endif /* PARLOS_SNOW3G_H */
