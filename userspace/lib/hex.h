/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Strict hex encoding: output is lowercase, input is an even number of
 * hex digits (either case) with no prefix, separator or whitespace.
 * Pure functions with no state, safe on any input.
 */
#ifndef PARLOS_HEX_H
#define PARLOS_HEX_H

#include <stddef.h>

/* Characters hex_encode() writes for len bytes, its NUL included. */
#define HEX_ENCODED_SIZE(len) ((len) * 2 + 1)

/*
 * Writes the 2 * len hex digits of in[0..len) and a NUL to out, which
 * holds outsz characters. Returns 0, or -ENOSPC (out holds "" then, if
 * it has room for anything at all).
 */
int hex_encode(char *out, size_t outsz, const void *in, size_t len);

/*
 * Decodes the inlen characters at in (no NUL needed) into out, which
 * holds outsz bytes; *outlen gets the number of bytes. Returns 0,
 * -EINVAL (odd length or a character that is not a hex digit; *bad, if
 * not NULL, gets its position) or -ENOSPC (more than outsz bytes).
 * Empty input decodes to zero bytes.
 */
int hex_decode_n(void *out, size_t outsz, size_t *outlen, const char *in,
		 size_t inlen, size_t *bad);

/* hex_decode_n() of a NUL-terminated string. */
int hex_decode(void *out, size_t outsz, size_t *outlen, const char *in,
	       size_t *bad);

#endif
