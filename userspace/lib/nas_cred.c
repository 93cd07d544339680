// SPDX-License-Identifier: GPL-2.0
/*
 * Values of the PARLOS credential IEs: 0x7C ME certificate chain, 0x7E
 * gateway credential and signature, 0x7F ME signature. The EMM codec
 * carries them as opaque octets; parlosd parses them here, so that a
 * malformed one is refused with a reason before any crypto runs.
 *
 *   credential part: kind (1) | n (1) | n x ( length (2) | DER )
 *   signature part:  algorithm (1) | length (2) | signature
 */
#define NAS_CODEC_INTERNAL
#include "nas.h"

#include <string.h>

struct cur {
	const uint8_t *p;
	size_t len, off;
};

static int take(struct cur *c, size_t n, const uint8_t **out)
{
	if (n > c->len - c->off)
		return -EBADMSG;
	*out = c->p + c->off;
	c->off += n;
	return 0;
}

static int take16(struct cur *c, struct nas_bytes *b)
{
	const uint8_t *l;

	if (take(c, 2, &l))
		return -EBADMSG;
	b->len = (size_t)l[0] << 8 | l[1];
	return take(c, b->len, &b->p);
}

static int dec_cred(struct cur *c, struct nas_parlos_cred *cr,
		    const char **why)
{
	const uint8_t *h;
	unsigned int i;

	*why = "truncated credential";
	if (take(c, 2, &h))
		return -EBADMSG;
	cr->kind = h[0];
	cr->n = h[1];
	*why = "unknown credential kind";
	if (cr->kind != NAS_CRED_X509 && cr->kind != NAS_CRED_PUBKEY)
		return -EBADMSG;
	*why = "bad number of credential items";
	if (!cr->n || cr->n > NAS_CRED_MAX_ITEMS ||
	    (cr->kind == NAS_CRED_PUBKEY && cr->n != 1))
		return -EBADMSG;
	for (i = 0; i < cr->n; i++) {
		*why = "truncated credential item";
		if (take16(c, &cr->item[i]))
			return -EBADMSG;
		/* DER: every item is a SEQUENCE */
		*why = "credential item is not a DER SEQUENCE";
		if (cr->item[i].len < 2 || cr->item[i].p[0] != 0x30)
			return -EBADMSG;
	}
	return 0;
}

static bool sig_len_ok(uint8_t alg, size_t len)
{
	switch (alg) {
	case NAS_SIG_ECDSA_P256:
		return len >= 8 && len <= NAS_SIG_ECDSA_MAX;
	case NAS_SIG_ED25519:
		return len == NAS_SIG_ED25519_LEN;
	default:
		return false;
	}
}

static int dec_sig(struct cur *c, struct nas_parlos_cred *cr,
		   const char **why)
{
	const uint8_t *a;

	*why = "truncated signature";
	if (take(c, 1, &a) || take16(c, &cr->sig))
		return -EBADMSG;
	cr->sig_alg = a[0];
	*why = "unknown signature algorithm";
	if (cr->sig_alg != NAS_SIG_ECDSA_P256 && cr->sig_alg != NAS_SIG_ED25519)
		return -EBADMSG;
	*why = "signature length does not match its algorithm";
	return sig_len_ok(cr->sig_alg, cr->sig.len) ? 0 : -EBADMSG;
}

int nas_cred_decode(const uint8_t *v, size_t len, unsigned int parts,
		    struct nas_parlos_cred *cr, const char **why)
{
	struct cur c = { v, len, 0 };

	memset(cr, 0, sizeof(*cr));
	*why = "no value";
	if (!v || !parts)
		return -EBADMSG;
	if ((parts & NAS_CRED_PART) && dec_cred(&c, cr, why))
		return -EBADMSG;
	if ((parts & NAS_SIG_PART) && dec_sig(&c, cr, why))
		return -EBADMSG;
	*why = "octets after the last field";
	if (c.off != c.len)
		return -EBADMSG;
	*why = NULL;
	return 0;
}

static void put16(struct nas_wr *w, const struct nas_bytes *b)
{
	nas_wr_u8(w, (uint8_t)(b->len >> 8));
	nas_wr_u8(w, (uint8_t)b->len);
	nas_wr_mem(w, b->p, b->len);
}

static bool cred_ok(const struct nas_parlos_cred *cr)
{
	unsigned int i;

	if ((cr->kind != NAS_CRED_X509 && cr->kind != NAS_CRED_PUBKEY) ||
	    !cr->n || cr->n > NAS_CRED_MAX_ITEMS ||
	    (cr->kind == NAS_CRED_PUBKEY && cr->n != 1))
		return false;
	for (i = 0; i < cr->n; i++)
		if (!cr->item[i].p || cr->item[i].len < 2 ||
		    cr->item[i].len > 0xffff || cr->item[i].p[0] != 0x30)
			return false;
	return true;
}

int nas_cred_encode(const struct nas_parlos_cred *cr, unsigned int parts,
		    uint8_t *out, size_t cap, size_t *len)
{
	struct nas_wr w = { out, cap, 0, false };
	unsigned int i;

	if (!parts || ((parts & NAS_CRED_PART) && !cred_ok(cr)) ||
	    ((parts & NAS_SIG_PART) &&
	     (!cr->sig.p || !sig_len_ok(cr->sig_alg, cr->sig.len))))
		return -EINVAL;
	if (parts & NAS_CRED_PART) {
		nas_wr_u8(&w, cr->kind);
		nas_wr_u8(&w, cr->n);
		for (i = 0; i < cr->n; i++)
			put16(&w, &cr->item[i]);
	}
	if (parts & NAS_SIG_PART) {
		nas_wr_u8(&w, cr->sig_alg);
		put16(&w, &cr->sig);
	}
	if (!w.full && w.off > 0xffff)
		return -EINVAL;	/* would not fit a TLV-E */
	return nas_wr_done(&w, len, NULL);
}
