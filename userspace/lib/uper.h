/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bit writer and reader for ASN.1 unaligned PER (X.691), the subset
 * needed by the RRC messages we carry. Both are bounded: a writer that
 * runs out of room, or a reader that runs off the end, sticks in an
 * error state and every later call does nothing.
 */
#ifndef PARLOS_UPER_H
#define PARLOS_UPER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct uper_wr {
	uint8_t *buf;
	size_t cap;		/* octets */
	size_t bit;		/* bits written */
	bool full;
};

struct uper_rd {
	const uint8_t *buf;
	size_t len;		/* octets */
	size_t bit;		/* bits read */
	const char *err;	/* first error, or NULL */
};

void uper_wr_init(struct uper_wr *w, uint8_t *buf, size_t cap);
void uper_put(struct uper_wr *w, uint32_t v, unsigned int nbits);
/* Octets used, padded with zero bits to a whole octet; -ENOSPC if full */
int uper_wr_finish(struct uper_wr *w, size_t *len);

void uper_rd_init(struct uper_rd *r, const uint8_t *buf, size_t len);
/* Reads up to 32 bits MSB first; 0 and r->err set when past the end */
uint32_t uper_get(struct uper_rd *r, unsigned int nbits);
bool uper_fail(struct uper_rd *r, const char *why);
/* Length determinant (10.9.3.6-8); fragments (>= 16K) are refused */
size_t uper_get_length(struct uper_rd *r);
/* Normally small length (10.9.3.4), e.g. an extension bitmap size */
size_t uper_get_small_length(struct uper_rd *r);
/* Skip the extension additions of a SEQUENCE whose extension bit was 1 */
void uper_skip_extensions(struct uper_rd *r);
/* Succeeds only if the rest is zero padding within the last octet */
bool uper_rd_at_end(const struct uper_rd *r);

#endif /* PARLOS_UPER_H */
