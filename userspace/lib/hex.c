// SPDX-License-Identifier: GPL-2.0
/* Strict hex encoding and decoding; see hex.h. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "hex.h"

int hex_encode(char *out, size_t outsz, const void *in, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	const uint8_t *p = in;
	size_t i;

	/* len * 2 + 1 must not wrap */
	if (len > (SIZE_MAX - 1) / 2 || outsz < HEX_ENCODED_SIZE(len)) {
		if (outsz)
			out[0] = '\0';
		return -ENOSPC;
	}
	for (i = 0; i < len; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 0xf];
	}
	out[2 * len] = '\0';
	return 0;
}

/* The value of one hex digit, or -1. */
static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int hex_decode_n(void *out, size_t outsz, size_t *outlen, const char *in,
		 size_t inlen, size_t *bad)
{
	uint8_t *p = out;
	size_t i;

	*outlen = 0;
	/* Report the first bad character before the length problems. */
	for (i = 0; i < inlen; i++) {
		if (hex_digit(in[i]) < 0) {
			if (bad)
				*bad = i;
			return -EINVAL;
		}
	}
	if (inlen % 2) {
		if (bad)
			*bad = inlen;
		return -EINVAL;
	}
	if (inlen / 2 > outsz)
		return -ENOSPC;
	for (i = 0; i < inlen / 2; i++)
		p[i] = (uint8_t)(hex_digit(in[2 * i]) << 4 |
				 hex_digit(in[2 * i + 1]));
	*outlen = inlen / 2;
	return 0;
}

int hex_decode(void *out, size_t outsz, size_t *outlen, const char *in,
	       size_t *bad)
{
	return hex_decode_n(out, outsz, outlen, in, strlen(in), bad);
}
