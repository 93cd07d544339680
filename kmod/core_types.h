/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Types and helpers for the SNOW 3G and ZUC cores, so that the same
 * snow3g.c and zuc.c build in the module and in the userspace tests
 * and benchmark.
 */
#ifndef PARLOS_CORE_TYPES_H
#define PARLOS_CORE_TYPES_H

#ifdef __KERNEL__

#include <linux/types.h>
#include <linux/string.h>
#include <linux/compiler.h>
#include "compat.h"	/* get/put_unaligned_* */

static inline void parlos_wipe(void *p, size_t n)
{
	memzero_explicit(p, n);
}

#else /* userspace */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifndef PARLOS_HAVE_KERNEL_TYPES
#define PARLOS_HAVE_KERNEL_TYPES
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
#endif

/* Userspace never zero-initializes automatic variables behind our back. */
#ifndef __uninitialized
#define __uninitialized
#endif

/* glibc's <sys/cdefs.h> has __always_inline; plain inline elsewhere */
#ifndef __always_inline
#define __always_inline inline
#endif

static inline u32 get_unaligned_be32(const void *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return __builtin_bswap32(v);
}

static inline u64 get_unaligned_be64(const void *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return __builtin_bswap64(v);
}

static inline u32 get_unaligned_le32(const void *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	return v;
}

static inline u64 get_unaligned_le64(const void *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

static inline void put_unaligned_be32(u32 v, void *p)
{
	v = __builtin_bswap32(v);
	memcpy(p, &v, sizeof(v));
}

static inline void put_unaligned_be64(u64 v, void *p)
{
	v = __builtin_bswap64(v);
	memcpy(p, &v, sizeof(v));
}

/* A memset the compiler may not drop: the barrier makes p look used. */
static inline void parlos_wipe(void *p, size_t n)
{
	memset(p, 0, n);
	__asm__ __volatile__("" : : "r" (p) : "memory");
}

#endif /* __KERNEL__ */

/*
 * @v unchanged, but unknown to the compiler: keeps a constant in a
 * register or stack slot instead of re-materialising a 64-bit immediate
 * at every use.
 */
static inline u64 parlos_opaque64(u64 v)
{
	__asm__("" : "+r" (v));
	return v;
}

/*
 * LENGTH is a 32-bit count of bits (TS 33.401 B.1), so a message has at
 * most 2^32 - 1 bits; the byte APIs take at most this many bytes.
 */
#define PARLOS_EPS_MAX_BITS	0xffffffffULL
#define PARLOS_EPS_MAX_BYTES	(PARLOS_EPS_MAX_BITS / 8)

/*
 * The carry-less-multiply paths use pclmulqdq via inline asm: x86-64
 * only, and in the kernel only where kernel_fpu_begin() exists.
 */
#if defined(__x86_64__) && (!defined(__KERNEL__) || \
	(defined(CONFIG_X86_64) && !defined(CONFIG_UML)))
#define PARLOS_HAVE_CLMUL 1
#else
#define PARLOS_HAVE_CLMUL 0
#endif

#endif /* PARLOS_CORE_TYPES_H */
