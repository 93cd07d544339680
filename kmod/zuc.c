// SPDX-License-Identifier: GPL-2.0
/*
 * ZUC with 128-EEA3 and 128-EIA3 (ETSI/SAGE EEA3&EIA3 Docs 1 and 2).
 *
 * The LFSR feedback is a sum of the cells times powers of two mod
 * 2^31 - 1: summed in 64 bits and folded twice, without rotations or
 * branches. The 32-bit S-box is four loads from two tables of words
 * and one rotation. The LFSR is a 16-word ring, clocked 16
 * steps at a time so the indices are constants and nothing is shifted.
 *
 * EIA3's T is the XOR of the 32-bit keystream windows z_i at the set
 * message bits: per keystream word that is 32 bits of a carry-less
 * product of 64 message bits (bit-reversed) and the word, computed with
 * integer multiplies on bits spread four apart so carries never reach
 * a bit that is kept. No bit loop, no secret-dependent branches or
 * loads in the MAC itself.
 */
#include "zuc.h"

/*
 * The specification's S-boxes S0 and S1 (Doc 2 tables 3.1 and 3.2),
 * placed where S puts them: s0_24[x] = S0(x) << 24, s1_16[x] = S1(x) << 16.
 */
static const u32 zuc_s0_24[256] = {
	0x3e000000, 0x72000000, 0x5b000000, 0x47000000, 0xca000000, 0xe0000000,
	0x00000000, 0x33000000, 0x04000000, 0xd1000000, 0x54000000, 0x98000000,
	0x09000000, 0xb9000000, 0x6d000000, 0xcb000000, 0x7b000000, 0x1b000000,
	0xf9000000, 0x32000000, 0xaf000000, 0x9d000000, 0x6a000000, 0xa5000000,
	0xb8000000, 0x2d000000, 0xfc000000, 0x1d000000, 0x08000000, 0x53000000,
	0x03000000, 0x90000000, 0x4d000000, 0x4e000000, 0x84000000, 0x99000000,
	0xe4000000, 0xce000000, 0xd9000000, 0x91000000, 0xdd000000, 0xb6000000,
	0x85000000, 0x48000000, 0x8b000000, 0x29000000, 0x6e000000, 0xac000000,
	0xcd000000, 0xc1000000, 0xf8000000, 0x1e000000, 0x73000000, 0x43000000,
	0x69000000, 0xc6000000, 0xb5000000, 0xbd000000, 0xfd000000, 0x39000000,
	0x63000000, 0x20000000, 0xd4000000, 0x38000000, 0x76000000, 0x7d000000,
	0xb2000000, 0xa7000000, 0xcf000000, 0xed000000, 0x57000000, 0xc5000000,
	0xf3000000, 0x2c000000, 0xbb000000, 0x14000000, 0x21000000, 0x06000000,
	0x55000000, 0x9b000000, 0xe3000000, 0xef000000, 0x5e000000, 0x31000000,
	0x4f000000, 0x7f000000, 0x5a000000, 0xa4000000, 0x0d000000, 0x82000000,
	0x51000000, 0x49000000, 0x5f000000, 0xba000000, 0x58000000, 0x1c000000,
	0x4a000000, 0x16000000, 0xd5000000, 0x17000000, 0xa8000000, 0x92000000,
	0x24000000, 0x1f000000, 0x8c000000, 0xff000000, 0xd8000000, 0xae000000,
	0x2e000000, 0x01000000, 0xd3000000, 0xad000000, 0x3b000000, 0x4b000000,
	0xda000000, 0x46000000, 0xeb000000, 0xc9000000, 0xde000000, 0x9a000000,
	0x8f000000, 0x87000000, 0xd7000000, 0x3a000000, 0x80000000, 0x6f000000,
	0x2f000000, 0xc8000000, 0xb1000000, 0xb4000000, 0x37000000, 0xf7000000,
	0x0a000000, 0x22000000, 0x13000000, 0x28000000, 0x7c000000, 0xcc000000,
	0x3c000000, 0x89000000, 0xc7000000, 0xc3000000, 0x96000000, 0x56000000,
	0x07000000, 0xbf000000, 0x7e000000, 0xf0000000, 0x0b000000, 0x2b000000,
	0x97000000, 0x52000000, 0x35000000, 0x41000000, 0x79000000, 0x61000000,
	0xa6000000, 0x4c000000, 0x10000000, 0xfe000000, 0xbc000000, 0x26000000,
	0x95000000, 0x88000000, 0x8a000000, 0xb0000000, 0xa3000000, 0xfb000000,
	0xc0000000, 0x18000000, 0x94000000, 0xf2000000, 0xe1000000, 0xe5000000,
	0xe9000000, 0x5d000000, 0xd0000000, 0xdc000000, 0x11000000, 0x66000000,
	0x64000000, 0x5c000000, 0xec000000, 0x59000000, 0x42000000, 0x75000000,
	0x12000000, 0xf5000000, 0x74000000, 0x9c000000, 0xaa000000, 0x23000000,
	0x0e000000, 0x86000000, 0xab000000, 0xbe000000, 0x2a000000, 0x02000000,
	0xe7000000, 0x67000000, 0xe6000000, 0x44000000, 0xa2000000, 0x6c000000,
	0xc2000000, 0x93000000, 0x9f000000, 0xf1000000, 0xf6000000, 0xfa000000,
	0x36000000, 0xd2000000, 0x50000000, 0x68000000, 0x9e000000, 0x62000000,
	0x71000000, 0x15000000, 0x3d000000, 0xd6000000, 0x40000000, 0xc4000000,
	0xe2000000, 0x0f000000, 0x8e000000, 0x83000000, 0x77000000, 0x6b000000,
	0x25000000, 0x05000000, 0x3f000000, 0x0c000000, 0x30000000, 0xea000000,
	0x70000000, 0xb7000000, 0xa1000000, 0xe8000000, 0xa9000000, 0x65000000,
	0x8d000000, 0x27000000, 0x1a000000, 0xdb000000, 0x81000000, 0xb3000000,
	0xa0000000, 0xf4000000, 0x45000000, 0x7a000000, 0x19000000, 0xdf000000,
	0xee000000, 0x78000000, 0x34000000, 0x60000000,
};

static const u32 zuc_s1_16[256] = {
	0x00550000, 0x00c20000, 0x00630000, 0x00710000, 0x003b0000, 0x00c80000,
	0x00470000, 0x00860000, 0x009f0000, 0x003c0000, 0x00da0000, 0x005b0000,
	0x00290000, 0x00aa0000, 0x00fd0000, 0x00770000, 0x008c0000, 0x00c50000,
	0x00940000, 0x000c0000, 0x00a60000, 0x001a0000, 0x00130000, 0x00000000,
	0x00e30000, 0x00a80000, 0x00160000, 0x00720000, 0x00400000, 0x00f90000,
	0x00f80000, 0x00420000, 0x00440000, 0x00260000, 0x00680000, 0x00960000,
	0x00810000, 0x00d90000, 0x00450000, 0x003e0000, 0x00100000, 0x00760000,
	0x00c60000, 0x00a70000, 0x008b0000, 0x00390000, 0x00430000, 0x00e10000,
	0x003a0000, 0x00b50000, 0x00560000, 0x002a0000, 0x00c00000, 0x006d0000,
	0x00b30000, 0x00050000, 0x00220000, 0x00660000, 0x00bf0000, 0x00dc0000,
	0x000b0000, 0x00fa0000, 0x00620000, 0x00480000, 0x00dd0000, 0x00200000,
	0x00110000, 0x00060000, 0x00360000, 0x00c90000, 0x00c10000, 0x00cf0000,
	0x00f60000, 0x00270000, 0x00520000, 0x00bb0000, 0x00690000, 0x00f50000,
	0x00d40000, 0x00870000, 0x007f0000, 0x00840000, 0x004c0000, 0x00d20000,
	0x009c0000, 0x00570000, 0x00a40000, 0x00bc0000, 0x004f0000, 0x009a0000,
	0x00df0000, 0x00fe0000, 0x00d60000, 0x008d0000, 0x007a0000, 0x00eb0000,
	0x002b0000, 0x00530000, 0x00d80000, 0x005c0000, 0x00a10000, 0x00140000,
	0x00170000, 0x00fb0000, 0x00230000, 0x00d50000, 0x007d0000, 0x00300000,
	0x00670000, 0x00730000, 0x00080000, 0x00090000, 0x00ee0000, 0x00b70000,
	0x00700000, 0x003f0000, 0x00610000, 0x00b20000, 0x00190000, 0x008e0000,
	0x004e0000, 0x00e50000, 0x004b0000, 0x00930000, 0x008f0000, 0x005d0000,
	0x00db0000, 0x00a90000, 0x00ad0000, 0x00f10000, 0x00ae0000, 0x002e0000,
	0x00cb0000, 0x000d0000, 0x00fc0000, 0x00f40000, 0x002d0000, 0x00460000,
	0x006e0000, 0x001d0000, 0x00970000, 0x00e80000, 0x00d10000, 0x00e90000,
	0x004d0000, 0x00370000, 0x00a50000, 0x00750000, 0x005e0000, 0x00830000,
	0x009e0000, 0x00ab0000, 0x00820000, 0x009d0000, 0x00b90000, 0x001c0000,
	0x00e00000, 0x00cd0000, 0x00490000, 0x00890000, 0x00010000, 0x00b60000,
	0x00bd0000, 0x00580000, 0x00240000, 0x00a20000, 0x005f0000, 0x00380000,
	0x00780000, 0x00990000, 0x00150000, 0x00900000, 0x00500000, 0x00b80000,
	0x00950000, 0x00e40000, 0x00d00000, 0x00910000, 0x00c70000, 0x00ce0000,
	0x00ed0000, 0x000f0000, 0x00b40000, 0x006f0000, 0x00a00000, 0x00cc0000,
	0x00f00000, 0x00020000, 0x004a0000, 0x00790000, 0x00c30000, 0x00de0000,
	0x00a30000, 0x00ef0000, 0x00ea0000, 0x00510000, 0x00e60000, 0x006b0000,
	0x00180000, 0x00ec0000, 0x001b0000, 0x002c0000, 0x00800000, 0x00f70000,
	0x00740000, 0x00e70000, 0x00ff0000, 0x00210000, 0x005a0000, 0x006a0000,
	0x00540000, 0x001e0000, 0x00410000, 0x00310000, 0x00920000, 0x00350000,
	0x00c40000, 0x00330000, 0x00070000, 0x000a0000, 0x00ba0000, 0x007e0000,
	0x000e0000, 0x00340000, 0x00880000, 0x00b10000, 0x00980000, 0x007c0000,
	0x00f30000, 0x003d0000, 0x00600000, 0x006c0000, 0x007b0000, 0x00ca0000,
	0x00d30000, 0x001f0000, 0x00320000, 0x00650000, 0x00040000, 0x00280000,
	0x00640000, 0x00be0000, 0x00850000, 0x009b0000, 0x002f0000, 0x00590000,
	0x008a0000, 0x00d70000, 0x00b00000, 0x00250000, 0x00ac0000, 0x00af0000,
	0x00120000, 0x00030000, 0x00e20000, 0x00f20000,
};

static __always_inline u32 zuc_rol(u32 w, unsigned int n)
{
	return (w << n) | (w >> (32 - n));
}

/* S(w) = S0(w0) || S1(w1) || S0(w2) || S1(w3) */
static __always_inline u32 zuc_s(u32 w)
{
	return zuc_s0_24[w >> 24] | zuc_s1_16[(w >> 16) & 0xff] |
	       zuc_rol(zuc_s0_24[(w >> 8) & 0xff] | zuc_s1_16[w & 0xff], 16);
}

/*
 * With t = x ^ (x <<< 8) and u = t ^ (x <<< 16):
 * L1(x) = x ^ x <<< 2 ^ x <<< 10 ^ x <<< 18 ^ x <<< 24 = t <<< 24 ^ u <<< 2
 * L2(x) = x ^ x <<< 8 ^ x <<< 14 ^ x <<< 22 ^ x <<< 30 = t ^ u <<< 14
 */
static __always_inline u32 zuc_l1(u32 x)
{
	u32 t = x ^ zuc_rol(x, 8);

	return zuc_rol(t, 24) ^ zuc_rol(t ^ zuc_rol(x, 16), 2);
}

static __always_inline u32 zuc_l2(u32 x)
{
	u32 t = x ^ zuc_rol(x, 8);

	return t ^ zuc_rol(t ^ zuc_rol(x, 16), 14);
}

/*
 * One clock on the ring @s where s_k lives in s[(i + k) & 15]; the new
 * s15 replaces the old s0. Returns Z = W ^ X3 or, with @init, adds
 * W >> 1 into the LFSR (initialisation mode).
 */
static __always_inline u32 zuc_clock(u32 *s, unsigned int i, u32 *r1, u32 *r2,
				     bool init)
{
	u32 s0 = s[i & 15], s15 = s[(i + 15) & 15];
	u32 x0 = ((s15 & 0x7fff8000) << 1) | (s[(i + 14) & 15] & 0xffff);
	u32 x1 = (s[(i + 11) & 15] << 16) | (s[(i + 9) & 15] >> 15);
	u32 x2 = (s[(i + 7) & 15] << 16) | (s[(i + 5) & 15] >> 15);
	u32 x3 = (s[(i + 2) & 15] << 16) | (s0 >> 15);
	u32 w = (x0 ^ *r1) + *r2;
	u32 w1 = *r1 + x1, w2 = *r2 ^ x2;
	u64 v;

	*r1 = zuc_s(zuc_l1((w1 << 16) | (w2 >> 16)));
	*r2 = zuc_s(zuc_l2((w2 << 16) | (w1 >> 16)));
	/* 2^k * s mod 2^31 - 1: sum unreduced (< 2^53), then fold */
	v = (u64)s0 + ((u64)s0 << 8) + ((u64)s[(i + 4) & 15] << 20) +
	    ((u64)s[(i + 10) & 15] << 21) + ((u64)s[(i + 13) & 15] << 17) +
	    ((u64)s15 << 15);
	if (init)
		v += w >> 1;
	v = (v & 0x7fffffff) + (v >> 31);
	/* < 2^31 + 2^22 now; one more fold gives 1 .. 2^31 - 1 */
	v = (v & 0x7fffffff) + (v >> 31);
	s[i & 15] = (u32)v;
	return w ^ x3;
}

/* What a round of 16 clocks does with the keystream words */
enum zuc_mode { ZUC_INIT, ZUC_XOR, ZUC_GEN };

static __always_inline void zuc_step(u32 *s, u32 *r, unsigned int i,
				     enum zuc_mode mode, const u8 *in, u8 *out,
				     u32 *k)
{
	u32 w = zuc_clock(s, i, &r[0], &r[1], mode == ZUC_INIT);

	if (mode == ZUC_XOR)
		put_unaligned_be32(get_unaligned_be32(in + 4 * i) ^ w,
				   out + 4 * i);
	else if (mode == ZUC_GEN)
		k[i] = w;
}

/* 16 clocks: the ring ends where it started. */
static __always_inline void zuc_round(u32 *s, u32 *r, enum zuc_mode mode,
				      const u8 *in, u8 *out, u32 *k)
{
	zuc_step(s, r, 0, mode, in, out, k);
	zuc_step(s, r, 1, mode, in, out, k);
	zuc_step(s, r, 2, mode, in, out, k);
	zuc_step(s, r, 3, mode, in, out, k);
	zuc_step(s, r, 4, mode, in, out, k);
	zuc_step(s, r, 5, mode, in, out, k);
	zuc_step(s, r, 6, mode, in, out, k);
	zuc_step(s, r, 7, mode, in, out, k);
	zuc_step(s, r, 8, mode, in, out, k);
	zuc_step(s, r, 9, mode, in, out, k);
	zuc_step(s, r, 10, mode, in, out, k);
	zuc_step(s, r, 11, mode, in, out, k);
	zuc_step(s, r, 12, mode, in, out, k);
	zuc_step(s, r, 13, mode, in, out, k);
	zuc_step(s, r, 14, mode, in, out, k);
	zuc_step(s, r, 15, mode, in, out, k);
}

/*
 * The round functions keep R1 and R2 in locals and the ring in the
 * state: with constant indices its cells are memory operands, cheaper
 * than the spills of a ring held in locals.
 */
static void zuc_init_clocks(struct parlos_zuc *z)
{
	u32 r[2] = { z->r1, z->r2 };

	zuc_round(z->s, r, ZUC_INIT, NULL, NULL, NULL);
	zuc_round(z->s, r, ZUC_INIT, NULL, NULL, NULL);
	z->r1 = r[0];
	z->r2 = r[1];
}

/* @nblocks times 16 keystream words XORed onto 64 bytes, big-endian. */
static void zuc_xor_blocks(struct parlos_zuc *z, const u8 *in, u8 *out,
			   size_t nblocks)
{
	u32 r[2] = { z->r1, z->r2 };

	for (; nblocks; nblocks--, in += 64, out += 64)
		zuc_round(z->s, r, ZUC_XOR, in, out, NULL);
	z->r1 = r[0];
	z->r2 = r[1];
}

static void zuc_gen_block(struct parlos_zuc *z, u32 k[16])
{
	u32 r[2] = { z->r1, z->r2 };

	zuc_round(z->s, r, ZUC_GEN, NULL, NULL, k);
	z->r1 = r[0];
	z->r2 = r[1];
}

/* One keystream word, shifting the LFSR: for the odd words at the end. */
static u32 zuc_word(struct parlos_zuc *z)
{
	u32 k = zuc_clock(z->s, 0, &z->r1, &z->r2, false);
	u32 v = z->s[0];

	memmove(z->s, z->s + 1, 15 * sizeof(u32));
	z->s[15] = v;
	return k;
}

static const u16 zuc_d[16] = {
	0x44d7, 0x26bc, 0x626b, 0x135e, 0x5789, 0x35e2, 0x7135, 0x09af,
	0x4d78, 0x2f13, 0x6bc4, 0x1af1, 0x5e26, 0x3c4d, 0x789a, 0x47ac,
};

void parlos_zuc_init(struct parlos_zuc *z, const u8 key[16], const u8 iv[16])
{
	int i;

	for (i = 0; i < 16; i++)
		z->s[i] = (u32)key[i] << 23 | (u32)zuc_d[i] << 8 | iv[i];
	z->r1 = 0;
	z->r2 = 0;
	zuc_init_clocks(z);
	/* The first working-mode clock, its output discarded. */
	zuc_word(z);
}

void parlos_zuc_keystream(struct parlos_zuc *z, u32 *out, size_t nwords)
{
	for (; nwords >= 16; nwords -= 16, out += 16)
		zuc_gen_block(z, out);
	for (; nwords; nwords--)
		*out++ = zuc_word(z);
}

void parlos_eea3_init(struct parlos_eea3_state *st, const u8 key[16],
		      u32 count, u8 bearer, u8 dir)
{
	u8 iv[16] = { 0 };

	put_unaligned_be32(count, iv);
	iv[4] = (bearer & 0x1f) << 3 | (dir & 1) << 2;
	memcpy(iv + 8, iv, 8);
	parlos_zuc_init(&st->z, key, iv);
	st->ks = 0;
	st->ks_len = 0;
}

void parlos_eea3_xor(struct parlos_eea3_state *st, const u8 *in, u8 *out,
		     size_t nbytes)
{
	u32 k;

	for (; nbytes && st->ks_len; nbytes--, st->ks_len--) {
		*out++ = *in++ ^ (u8)(st->ks >> 24);
		st->ks <<= 8;
	}
	if (nbytes >= 64) {
		zuc_xor_blocks(&st->z, in, out, nbytes / 64);
		in += nbytes & ~(size_t)63;
		out += nbytes & ~(size_t)63;
		nbytes &= 63;
	}
	for (; nbytes >= 4; nbytes -= 4, in += 4, out += 4)
		put_unaligned_be32(get_unaligned_be32(in) ^ zuc_word(&st->z),
				   out);
	if (!nbytes)
		return;
	k = zuc_word(&st->z);
	st->ks_len = 4 - nbytes;
	for (; nbytes; nbytes--, k <<= 8)
		*out++ = *in++ ^ (u8)(k >> 24);
	st->ks = k;
}

void parlos_eea3_bits(const u8 key[16], u32 count, u8 bearer, u8 dir,
		      const u8 *in, u8 *out, u32 nbits)
{
	struct parlos_eea3_state st;
	size_t nbytes = nbits / 8 + !!(nbits & 7);

	parlos_eea3_init(&st, key, count, bearer, dir);
	parlos_eea3_xor(&st, in, out, nbytes);
	if (nbits & 7)
		out[nbytes - 1] &= (u8)(0xff00 >> (nbits & 7));
	parlos_wipe(&st, sizeof(st));
}

/*
 * Carry-less products with the integer multiplier: split each operand
 * into four classes of bits four apart (a & m[c]). An integer product
 * of two classes only has columns in one class; while a column counts
 * fewer than 16 terms its count fits in the 4 bits up to the next
 * column of that class, so each bit of that class is its column's
 * parity. With a 32-bit operand a column has at most 8 terms; two
 * 64-bit operands reach 16 only in columns 60-63, whose carries leave
 * the 64-bit result. So the low 64 bits are exact, and XORing products
 * before masking to the class is fine.
 */
static const u64 eia3_m[4] = {
	0x1111111111111111ULL, 0x2222222222222222ULL,
	0x4444444444444444ULL, 0x8888888888888888ULL,
};

/* Bits 32..63 of clmul(a, k), a: 64 bits, k: 32 bits */
static __always_inline u32 eia3_mid(u64 a, u32 k)
{
	u64 a0 = a & eia3_m[0], a1 = a & eia3_m[1];
	u64 a2 = a & eia3_m[2], a3 = a & eia3_m[3];
	u64 b0 = k & eia3_m[0], b1 = k & eia3_m[1];
	u64 b2 = k & eia3_m[2], b3 = k & eia3_m[3];
	u64 r;

	r = ((a0 * b0 ^ a1 * b3 ^ a2 * b2 ^ a3 * b1) & eia3_m[0]) |
	    ((a0 * b1 ^ a1 * b0 ^ a2 * b3 ^ a3 * b2) & eia3_m[1]) |
	    ((a0 * b2 ^ a1 * b1 ^ a2 * b0 ^ a3 * b3) & eia3_m[2]) |
	    ((a0 * b3 ^ a1 * b2 ^ a2 * b1 ^ a3 * b0) & eia3_m[3]);
	return (u32)(r >> 32);
}

/* The constants of eia3_revb(), kept out of the instruction stream */
struct eia3_revc {
	u64 c1, c2, c4;
};

static __always_inline void eia3_revc_init(struct eia3_revc *c)
{
	c->c1 = parlos_opaque64(0x5555555555555555ULL);
	c->c2 = parlos_opaque64(0x3333333333333333ULL);
	c->c4 = parlos_opaque64(0x0f0f0f0f0f0f0f0fULL);
}

/*
 * Reverses the bits of each byte: of a little-endian load that gives
 * the message bit-reversed (bit b is message bit b of the 8 bytes).
 */
static __always_inline u64 eia3_revb(u64 x, const struct eia3_revc *c)
{
	x = ((x >> 1) & c->c1) | ((x & c->c1) << 1);
	x = ((x >> 2) & c->c2) | ((x & c->c2) << 2);
	return ((x >> 4) & c->c4) | ((x & c->c4) << 4);
}

void parlos_eia3_init(struct parlos_eia3_state *st, const u8 key[16],
		      u32 count, u8 bearer, u8 dir)
{
	u8 iv[16] = { 0 };

	put_unaligned_be32(count, iv);
	iv[4] = (bearer & 0x1f) << 3;
	memcpy(iv + 8, iv, 8);
	iv[8] ^= (dir & 1) << 7;
	iv[14] ^= (dir & 1) << 7;
	parlos_zuc_init(&st->z, key, iv);
	st->nbytes = 0;
	st->t = 0;
	st->prev = 0;
	st->klast = 0;
	st->buf_len = 0;
}

/*
 * The running sums of the MAC products: s[c] sums class c of every
 * product (masked once at the end: masking is linear), p[c] are the
 * classes of the previous reversed message word, m[c] the class masks.
 */
struct eia3_mac {
	u64 s0, s1, s2, s3, p0, p1, p2, p3, m0, m1, m2, m3;
	struct eia3_revc rc;
};

/*
 * Eight message bytes: with M = m_j | m_(j+1) << 32 (bit-reversed words)
 * and K = k_j << 32 | k_(j+1), T gets bits 32..63 of clmul(M, K) ^
 * clmul(m_(j-1), k_j).
 */
static __always_inline void eia3_chunk(struct eia3_mac *c, const u8 *msg,
				       u32 k0, u32 k1)
{
	u64 x = eia3_revb(get_unaligned_le64(msg), &c->rc);
	u64 a0 = x & c->m0, a1 = x & c->m1, a2 = x & c->m2, a3 = x & c->m3;
	u64 b0, b1, b2, b3, q0, q1, q2, q3;

	x = (u64)k0 << 32 | k1;
	b0 = x & c->m0;
	b1 = x & c->m1;
	b2 = x & c->m2;
	b3 = x & c->m3;
	q0 = b0 >> 32;
	q1 = b1 >> 32;
	q2 = b2 >> 32;
	q3 = b3 >> 32;
	c->s0 ^= a0 * b0 ^ a1 * b3 ^ a2 * b2 ^ a3 * b1 ^
		 c->p0 * q0 ^ c->p1 * q3 ^ c->p2 * q2 ^ c->p3 * q1;
	c->s1 ^= a0 * b1 ^ a1 * b0 ^ a2 * b3 ^ a3 * b2 ^
		 c->p0 * q1 ^ c->p1 * q0 ^ c->p2 * q3 ^ c->p3 * q2;
	c->s2 ^= a0 * b2 ^ a1 * b1 ^ a2 * b0 ^ a3 * b3 ^
		 c->p0 * q2 ^ c->p1 * q1 ^ c->p2 * q0 ^ c->p3 * q3;
	c->s3 ^= a0 * b3 ^ a1 * b2 ^ a2 * b1 ^ a3 * b0 ^
		 c->p0 * q3 ^ c->p1 * q2 ^ c->p2 * q1 ^ c->p3 * q0;
	c->p0 = a0 >> 32;
	c->p1 = a1 >> 32;
	c->p2 = a2 >> 32;
	c->p3 = a3 >> 32;
}

/*
 * With m_j the reversed message words and k_j the keystream words,
 * T = sum over j of mid(m_(j-1) | m_j << 32, k_j): the message bits
 * whose windows z_i cover k_j; eia3_chunk() does eight bytes of it.
 */
static void eia3_words(struct parlos_eia3_state *st, const u8 *msg,
		       size_t nwords)
{
	struct eia3_mac c = { 0 };
	u32 k[16], m;
	u64 x;
	int i;

	/* Keep the masks in registers or stack slots, not immediates */
	c.m0 = parlos_opaque64(0x1111111111111111ULL);
	c.m1 = c.m0 << 1;
	c.m2 = c.m0 << 2;
	c.m3 = c.m0 << 3;
	eia3_revc_init(&c.rc);
	for (; nwords >= 16; nwords -= 16, msg += 64) {
		zuc_gen_block(&st->z, k);
		x = st->prev;
		c.p0 = x & c.m0;
		c.p1 = x & c.m1;
		c.p2 = x & c.m2;
		c.p3 = x & c.m3;
		/* two chunks per turn give the scheduler more to overlap */
		for (i = 0; i < 16; i += 4) {
			eia3_chunk(&c, msg + 4 * i, k[i], k[i + 1]);
			eia3_chunk(&c, msg + 4 * i + 8, k[i + 2], k[i + 3]);
		}
		st->prev = (u32)(c.p0 | c.p1 | c.p2 | c.p3);
		st->klast = k[15];
	}
	st->t ^= (u32)(((c.s0 & c.m0) | (c.s1 & c.m1) | (c.s2 & c.m2) |
			(c.s3 & c.m3)) >> 32);
	for (; nwords; nwords--, msg += 4) {
		m = (u32)eia3_revb(get_unaligned_le32(msg), &c.rc);
		st->klast = zuc_word(&st->z);
		st->t ^= eia3_mid(st->prev | (u64)m << 32, st->klast);
		st->prev = m;
	}
	parlos_wipe(k, sizeof(k));
}

void parlos_eia3_update(struct parlos_eia3_state *st, const u8 *msg,
			size_t nbytes)
{
	size_t n;

	if (!nbytes)
		return;
	st->nbytes += nbytes;
	if (st->buf_len) {
		n = 4 - st->buf_len;
		if (n > nbytes)
			n = nbytes;
		memcpy(st->buf + st->buf_len, msg, n);
		st->buf_len += n;
		msg += n;
		nbytes -= n;
		if (st->buf_len < 4)
			return;
		eia3_words(st, st->buf, 1);
		st->buf_len = 0;
	}
	eia3_words(st, msg, nbytes / 4);
	msg += nbytes & ~(size_t)3;
	st->buf_len = nbytes & 3;
	memcpy(st->buf, msg, st->buf_len);
}

/* The MAC of the words hashed, for a message of @nbits bits. */
static u32 eia3_finish(struct parlos_eia3_state *st, u64 nbits)
{
	u32 b = nbits & 31, ka, kb, zl;

	if (st->buf_len) {
		memset(st->buf + st->buf_len, 0, 4 - st->buf_len);
		eia3_words(st, st->buf, 1);
	}
	/* The last word's windows reaching into the next keystream word */
	ka = zuc_word(&st->z);
	st->t ^= eia3_mid(st->prev, ka);
	kb = zuc_word(&st->z);
	/* z_LENGTH, then the word k_(L-1) with L = ceil(LENGTH / 32) + 2 */
	zl = b ? st->klast << b | ka >> (32 - b) : ka;
	return st->t ^ zl ^ kb;
}

u32 parlos_eia3_final(struct parlos_eia3_state *st)
{
	return eia3_finish(st, st->nbytes * 8);
}

u32 parlos_eia3_bits(const u8 key[16], u32 count, u8 bearer, u8 dir,
		     const u8 *msg, u32 nbits)
{
	struct parlos_eia3_state st;
	u8 last;
	u32 mac;

	parlos_eia3_init(&st, key, count, bearer, dir);
	parlos_eia3_update(&st, msg, nbits / 8);
	if (nbits & 7) {
		/* Bits after LENGTH must not count: mask them off. */
		last = msg[nbits / 8] & (u8)(0xff00 >> (nbits & 7));
		parlos_eia3_update(&st, &last, 1);
	}
	mac = eia3_finish(&st, nbits);
	parlos_wipe(&st, sizeof(st));
	return mac;
}
