/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal userspace test harness. Each case prints one line,
 * "PASS: name" or "FAIL: name: why", which tests/run counts.
 */
#ifndef PARLOS_TEST_CHECK_H
#define PARLOS_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>

static int check_passed, check_failed;
static int check_case_failed;

#define CHECK(cond, ...)                                                    \
	do {                                                                \
		if (!(cond)) {                                              \
			if (!check_case_failed)                             \
				check_case_failed = 1;                      \
			fprintf(stderr, "  %s:%d: check failed: %s: ",      \
				__FILE__, __LINE__, #cond);                 \
			fprintf(stderr, __VA_ARGS__);                       \
			fputc('\n', stderr);                                \
		}                                                           \
	} while (0)

/* Run one case; its name is printed once with its verdict. */
#define RUN_CASE(name, ...)                                                 \
	do {                                                                \
		check_case_failed = 0;                                      \
		__VA_ARGS__;                                                \
		if (check_case_failed) {                                    \
			check_failed++;                                     \
			printf("FAIL: %s\n", name);                         \
		} else {                                                    \
			check_passed++;                                     \
			printf("PASS: %s\n", name);                         \
		}                                                           \
		fflush(stdout);                                             \
	} while (0)

static inline int check_summary(void)
{
	printf("# %d passed, %d failed\n", check_passed, check_failed);
	return check_failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
