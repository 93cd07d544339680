/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Access to the generated vector tables (vectors_gen.h, made from
 * tests/vectors/*.txt by gen-vectors at each KUnit run).
 */
#ifndef PARLOS_KUNIT_VECTORS_H
#define PARLOS_KUNIT_VECTORS_H

#include <kunit/test.h>
#include <linux/kernel.h>

#include "vectors_gen.h"

/* Decodes a hex field into a test-managed buffer; fails the test on error. */
static inline u8 *pv_hex(struct kunit *test, const char *hex, size_t *len)
{
	size_t n = hex ? strlen(hex) / 2 : 0;
	u8 *buf = kunit_kzalloc(test, n + 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	if (n)
		KUNIT_ASSERT_EQ(test, hex2bin(buf, hex, n), 0);
	if (len)
		*len = n;
	return buf;
}

static inline u32 pv_u32(struct kunit *test, const char *s, unsigned int base)
{
	u32 v = 0;

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_EQ(test, kstrtou32(s, base, &v), 0);
	return v;
}

/* Byte comparison that shows the first bytes of both sides on failure. */
#define PV_EXPECT_MEMEQ(test, got, want, n)					\
	KUNIT_EXPECT_TRUE_MSG(test, !memcmp(got, want, n),			\
			      "got %*phN want %*phN",				\
			      (int)min_t(size_t, n, 64), got,			\
			      (int)min_t(size_t, n, 64), want)

/* Names parameterized cases after the record. */
static inline void pv_desc(const struct pv *p, char *desc)
{
	strscpy(desc, p->name, KUNIT_PARAM_DESC_SIZE);
}

#endif
