/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the libFuzzer harnesses in tests/fuzz/. A property that does
 * not hold aborts, so libFuzzer saves the input like any other crash;
 * the message says which property.
 */
#ifndef PARLOS_FUZZ_H
#define PARLOS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_ASSERT(cond, ...)                                              \
	do {                                                                \
		if (!(cond)) {                                              \
			fprintf(stderr, "fuzz: %s:%d: %s: ", __FILE__,      \
				__LINE__, #cond);                           \
			fprintf(stderr, __VA_ARGS__);                       \
			fputc('\n', stderr);                                \
			abort();                                            \
		}                                                           \
	} while (0)

/* A heap block of exactly n bytes, so ASan sees any access past it */
static inline void *fuzz_alloc(size_t n)
{
	void *q = calloc(1, n ? n : 1);

	FUZZ_ASSERT(q, "out of memory");
	return q;
}

static inline uint8_t *fuzz_dup(const void *p, size_t n)
{
	uint8_t *q = fuzz_alloc(n);

	if (n)
		__builtin_memcpy(q, p, n);
	return q;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif /* PARLOS_FUZZ_H */
