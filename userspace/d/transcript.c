// SPDX-License-Identifier: GPL-2.0
/*
 * Transcript encoding: context string, role, then seven fields, each
 * with a 2-octet length, so no two different transcripts encode alike.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <openssl/sha.h>

#include "transcript.h"

void plmn_octets(const struct nas_plmn *p, uint8_t out[3])
{
	unsigned int mnc3 = p->mnc_digits == 3 ? p->mnc % 10 : 0x0f;
	unsigned int mnc12 = p->mnc_digits == 3 ? p->mnc / 10 : p->mnc;

	out[0] = (uint8_t)((p->mcc / 10 % 10) << 4 | p->mcc / 100);
	out[1] = (uint8_t)(mnc3 << 4 | p->mcc % 10);
	out[2] = (uint8_t)((mnc12 % 10) << 4 | mnc12 / 10 % 10);
}

void plmn_str(const struct nas_plmn *p, char out[8])
{
	snprintf(out, 8, "%03u-%0*u", p->mcc % 1000, p->mnc_digits == 3 ? 3 : 2,
		 p->mnc % 1000);
}

struct wr {
	uint8_t *p;
	size_t cap, off;
	bool full;
};

static void put(struct wr *w, const void *p, size_t n)
{
	if (w->full || n > w->cap - w->off) {
		w->full = true;
		return;
	}
	memcpy(w->p + w->off, p, n);
	w->off += n;
}

static void field(struct wr *w, const void *p, size_t n)
{
	uint8_t l[2] = { (uint8_t)(n >> 8), (uint8_t)n };

	put(w, l, 2);
	if (n)
		put(w, p, n);
}

/* A field whose value is one octet then n more: an IE's profile | rest */
static void field1(struct wr *w, uint8_t first, const void *p, size_t n)
{
	uint8_t l[3] = { (uint8_t)((n + 1) >> 8), (uint8_t)(n + 1), first };

	put(w, l, 3);
	put(w, p, n);
}

int transcript_encode(const struct transcript *t, uint8_t *out, size_t cap,
		      size_t *len)
{
	struct wr w = { out, cap, 0, false };
	uint8_t plmn[3], algs, role = t->role;

	if ((t->role != TR_GATEWAY && t->role != TR_ME) || !t->me_pub ||
	    !t->me_pub_len || t->me_pub_len > 64 || !t->caps ||
	    t->caps->len > NAS_UE_SEC_CAP_MAX || !t->blob || !t->blob_len ||
	    t->blob_len > 128 || !t->spki || !t->spki_len ||
	    t->spki_len > TR_SPKI_MAX || t->eea > 7 || t->eia > 7)
		return -EINVAL;
	algs = (uint8_t)(t->eea << 4 | t->eia);
	plmn_octets(&t->plmn, plmn);
	put(&w, TR_CONTEXT, strlen(TR_CONTEXT));
	put(&w, &role, 1);
	field(&w, plmn, 3);
	field1(&w, t->profile, t->me_pub, t->me_pub_len);	/* 0x7A value */
	field(&w, t->me_cert_hash, t->me_cert_hash ? TR_DIGEST_LEN : 0);
	field(&w, &algs, 1);
	field(&w, t->caps->oct, t->caps->len);
	field1(&w, t->profile, t->blob, t->blob_len);		/* 0x7D value */
	field(&w, t->spki, t->spki_len);
	if (w.full)
		return -ENOSPC;
	*len = w.off;
	return 0;
}

int transcript_digest(const struct transcript *t, uint8_t md[TR_DIGEST_LEN])
{
	uint8_t buf[TR_MAX];
	size_t len;
	int err = transcript_encode(t, buf, sizeof(buf), &len);

	if (err)
		return err;
	SHA256(buf, len, md);
	return 0;
}
