/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ZUC, 128-EEA3 and 128-EIA3 (TS 33.401 B.1.4 and B.2.4; ETSI/SAGE
 * EEA3&EIA3 Documents 1 and 2).
 *
 * Bit strings are MSB first: bit 0 is the top bit of the first byte.
 * KEY is the 16-byte key as sent, COUNT the 32-bit COUNT, BEARER 5 bits,
 * DIRECTION 1 bit.
 *
 * Every state below holds key-derived material: the caller wipes it
 * (memzero_explicit()) when done. The one-shot *_bits() calls wipe
 * their own. Nothing allocates or uses floating point or SIMD.
 */
#ifndef PARLOS_ZUC_H
#define PARLOS_ZUC_H

#include "core_types.h"

/* The keystream generator: LFSR s0..s15 (31-bit cells) and R1, R2. */
struct parlos_zuc {
	u32 s[16];
	u32 r1, r2;
};

/* Raw ZUC with a 16-byte key and IV; then yields z1, z2, ... */
void parlos_zuc_init(struct parlos_zuc *z, const u8 key[16], const u8 iv[16]);
void parlos_zuc_keystream(struct parlos_zuc *z, u32 *out, size_t nwords);

/*
 * 128-EEA3 streaming: init once, then parlos_eea3_xor() any number of
 * times with any byte counts; the calls together see one keystream.
 * in == out is allowed. At most PARLOS_EPS_MAX_BYTES in total.
 */
struct parlos_eea3_state {
	struct parlos_zuc z;
	u32 ks;		/* unused keystream bytes, top-aligned */
	u32 ks_len;	/* how many: 0..3 */
};

void parlos_eea3_init(struct parlos_eea3_state *st, const u8 key[16],
		      u32 count, u8 bearer, u8 dir);
void parlos_eea3_xor(struct parlos_eea3_state *st, const u8 *in, u8 *out,
		     size_t nbytes);

/*
 * One-shot 128-EEA3 over @nbits bits: reads and writes ceil(nbits / 8)
 * bytes. The bits of the last output byte after @nbits are set to zero.
 */
void parlos_eea3_bits(const u8 key[16], u32 count, u8 bearer, u8 dir,
		      const u8 *in, u8 *out, u32 nbits);

/*
 * 128-EIA3 streaming: init, update with any split, final returns the
 * MAC (as a big-endian u32) over all bytes hashed. 104 bytes.
 */
struct parlos_eia3_state {
	struct parlos_zuc z;
	u64 nbytes;	/* bytes hashed so far */
	u32 t;		/* running T */
	u32 prev;	/* last message word, bit-reversed */
	u32 klast;	/* last keystream word used */
	u8 buf[4];	/* partial message word */
	u32 buf_len;
};

void parlos_eia3_init(struct parlos_eia3_state *st, const u8 key[16],
		      u32 count, u8 bearer, u8 dir);
void parlos_eia3_update(struct parlos_eia3_state *st, const u8 *msg,
			size_t nbytes);
u32 parlos_eia3_final(struct parlos_eia3_state *st);

/*
 * One-shot MAC over @nbits bits of @msg (ceil(nbits / 8) bytes read);
 * bits after @nbits do not affect the MAC.
 */
u32 parlos_eia3_bits(const u8 key[16], u32 count, u8 bearer, u8 dir,
		     const u8 *msg, u32 nbits);

#endif /* PARLOS_ZUC_H */
