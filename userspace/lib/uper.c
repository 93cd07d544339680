// SPDX-License-Identifier: GPL-2.0
/*
 * Unaligned PER bit writer/reader (ITU-T X.691), most significant bit
 * first, as used by TS 36.331.
 */
#include "uper.h"

#include <errno.h>
#include <string.h>

void uper_wr_init(struct uper_wr *w, uint8_t *buf, size_t cap)
{
	w->buf = buf;
	w->cap = cap;
	w->bit = 0;
	w->full = false;
	if (cap)
		memset(buf, 0, cap);
}

void uper_put(struct uper_wr *w, uint32_t v, unsigned int nbits)
{
	unsigned int i;
	size_t byte;

	if (w->full || nbits > 32 || nbits > w->cap * 8 - w->bit) {
		w->full = true;
		return;
	}
	for (i = nbits; i > 0; i--, w->bit++) {
		byte = w->bit / 8;
		if ((v >> (i - 1)) & 1)
			w->buf[byte] |= (uint8_t)(0x80 >> (w->bit % 8));
	}
}

int uper_wr_finish(struct uper_wr *w, size_t *len)
{
	if (w->full)
		return -ENOSPC;
	*len = (w->bit + 7) / 8;
	return 0;
}

void uper_rd_init(struct uper_rd *r, const uint8_t *buf, size_t len)
{
	r->buf = buf;
	r->len = len;
	r->bit = 0;
	r->err = len > SIZE_MAX / 8 ? "input too long" : NULL;
}

bool uper_fail(struct uper_rd *r, const char *why)
{
	if (!r->err)
		r->err = why;
	return false;
}

uint32_t uper_get(struct uper_rd *r, unsigned int nbits)
{
	uint32_t v = 0;
	unsigned int i;

	if (r->err)
		return 0;
	if (nbits > 32 || nbits > r->len * 8 - r->bit) {
		uper_fail(r, "truncated");
		return 0;
	}
	for (i = 0; i < nbits; i++, r->bit++)
		v = v << 1 | ((r->buf[r->bit / 8] >> (7 - r->bit % 8)) & 1);
	return v;
}

size_t uper_get_length(struct uper_rd *r)
{
	if (!uper_get(r, 1))
		return uper_get(r, 7);
	if (!uper_get(r, 1))
		return uper_get(r, 14);
	uper_fail(r, "fragmented length not supported");
	return 0;
}

size_t uper_get_small_length(struct uper_rd *r)
{
	if (!uper_get(r, 1))
		return uper_get(r, 6) + 1;
	return uper_get_length(r);
}

/* Each extension addition is an open type: a length, then octets */
void uper_skip_extensions(struct uper_rd *r)
{
	size_t n = uper_get_small_length(r), i, present = 0, len;

	for (i = 0; i < n && !r->err; i++)
		present += uper_get(r, 1);
	for (i = 0; i < present && !r->err; i++) {
		len = uper_get_length(r);
		if (len > (r->len * 8 - r->bit) / 8) {
			uper_fail(r, "truncated");
			return;
		}
		r->bit += len * 8;
	}
}

bool uper_rd_at_end(const struct uper_rd *r)
{
	size_t rem = r->len * 8 - r->bit;
	uint8_t mask;

	if (r->err || rem >= 8)
		return false;
	if (!rem)
		return true;
	mask = (uint8_t)((1u << rem) - 1);
	return !(r->buf[r->len - 1] & mask);
}
