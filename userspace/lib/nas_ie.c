// SPDX-License-Identifier: GPL-2.0
/*
 * NAS codec plumbing: a bounded reader and writer, the parser of the
 * non-imperative part (TS 24.301 9.9.1, TS 24.007 11.2.4) and errors.
 */
#define NAS_CODEC_INTERNAL
#include "nas.h"

#include <stdio.h>
#include <string.h>

int nas_fail_at(struct nas_rd *r, size_t off, const char *ie, const char *why)
{
	r->err->ie = ie;
	r->err->why = why;
	r->err->off = off;
	r->err->cause = NAS_EMM_INVALID_MANDATORY;
	return -EBADMSG;
}

int nas_fail(struct nas_rd *r, const char *ie, const char *why)
{
	return nas_fail_at(r, r->off, ie, why);
}

int nas_enc_fail(struct nas_err *err, const char *msg, const char *ie,
		 const char *why)
{
	err->outer = NULL;
	err->msg = msg;
	err->ie = ie;
	err->why = why;
	err->off = 0;
	err->cause = 0;
	return -EINVAL;
}

/* A V field: nothing left means the mandatory IE is missing */
int nas_rd_u8(struct nas_rd *r, const char *ie, uint8_t *v)
{
	if (r->off >= r->len)
		return nas_fail(r, ie, "missing mandatory IE");
	*v = r->p[r->off++];
	return 0;
}

static int rd_value(struct nas_rd *r, const char *ie, size_t hdr,
		    size_t vlen, size_t min, size_t max, struct nas_bytes *v)
{
	if (vlen < min || vlen > max)
		return nas_fail(r, ie, "bad length");
	if (vlen > r->len - r->off - hdr)
		return nas_fail(r, ie, "length exceeds message");
	v->p = r->p + r->off + hdr;
	v->len = vlen;
	r->off += hdr + vlen;
	return 0;
}

int nas_rd_lv(struct nas_rd *r, const char *ie, size_t min, size_t max,
	      struct nas_bytes *v)
{
	if (r->off >= r->len)
		return nas_fail(r, ie, "missing mandatory IE");
	return rd_value(r, ie, 1, r->p[r->off], min, max, v);
}

int nas_rd_lve(struct nas_rd *r, const char *ie, size_t min, size_t max,
	       struct nas_bytes *v)
{
	size_t left = r->len - r->off;

	if (left == 0)
		return nas_fail(r, ie, "missing mandatory IE");
	if (left < 2)
		return nas_fail(r, ie, "truncated");
	return rd_value(r, ie, 2,
			(size_t)r->p[r->off] << 8 | r->p[r->off + 1],
			min, max, v);
}

static int opt_find(const struct nas_opt_ie *tab, size_t n, uint8_t iei)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (tab[i].fmt == NAS_TV1 ? (iei & 0xf0) == tab[i].iei
					  : iei == tab[i].iei)
			return (int)i;
	}
	return -1;
}

/* Read one IE of a known format; vlen bounds come from the table */
static int opt_known(struct nas_rd *r, const struct nas_opt_ie *e,
		     struct nas_bytes *v)
{
	size_t left = r->len - r->off;

	switch (e->fmt) {
	case NAS_TV1:
		v->p = r->p + r->off;
		v->len = 1;
		r->off++;
		return 0;
	case NAS_TV:
		if (left < 1u + e->min)
			return nas_fail(r, e->name, "truncated");
		v->p = r->p + r->off + 1;
		v->len = e->min;
		r->off += 1u + e->min;
		return 0;
	case NAS_TLV:
		if (left < 2)
			return nas_fail(r, e->name, "truncated");
		return rd_value(r, e->name, 2, r->p[r->off + 1],
				e->min, e->max, v);
	default:
		if (left < 3)
			return nas_fail(r, e->name, "truncated");
		return rd_value(r, e->name, 3,
				(size_t)r->p[r->off + 1] << 8 |
				r->p[r->off + 2], e->min, e->max, v);
	}
}

/*
 * Unknown IEs are skipped (TS 24.301 7.5.1): bit 8 set means one octet
 * (type 1/2); IEI 0x7X is TLV-E in EPS NAS; anything else is TLV. IEIs
 * with bits 8..5 zero are "comprehension required" (TS 24.007 11.2.4)
 * and make the message fail.
 */
static int opt_skip(struct nas_rd *r)
{
	uint8_t iei = r->p[r->off];
	struct nas_bytes v;
	size_t left = r->len - r->off;

	if (iei & 0x80) {
		r->off++;
		return 0;
	}
	if ((iei & 0xf0) == 0)
		return nas_fail(r, "unknown IE",
				"unknown comprehension-required IE");
	if ((iei & 0xf0) == 0x70) {
		if (left < 3)
			return nas_fail(r, "unknown IE", "truncated");
		return rd_value(r, "unknown IE", 3,
				(size_t)r->p[r->off + 1] << 8 |
				r->p[r->off + 2], 0, 0xffff, &v);
	}
	if (left < 2)
		return nas_fail(r, "unknown IE", "truncated");
	return rd_value(r, "unknown IE", 2, r->p[r->off + 1], 0, 0xff, &v);
}

/*
 * Parse the rest of the message as optional IEs. vals[i] receives the
 * value of tab[i] (p == NULL when absent). A repeated known IE fails: it
 * is stricter than TS 24.301 7.6.3 (which keeps the first) so that two
 * different PARLOS keys can never be ambiguous.
 */
int nas_rd_opts(struct nas_rd *r, const struct nas_opt_ie *tab, size_t n,
		struct nas_bytes *vals)
{
	int i, rc;

	if (n)
		memset(vals, 0, n * sizeof(*vals));
	while (r->off < r->len) {
		i = opt_find(tab, n, r->p[r->off]);
		if (i < 0) {
			rc = opt_skip(r);
		} else if (vals[i].p) {
			rc = nas_fail(r, tab[i].name, "duplicate IE");
		} else {
			rc = opt_known(r, &tab[i], &vals[i]);
		}
		if (rc)
			return rc;
	}
	return 0;
}

void nas_wr_mem(struct nas_wr *w, const void *p, size_t n)
{
	if (w->full || n > w->cap - w->off) {
		w->full = true;
		return;
	}
	if (n)
		memcpy(w->p + w->off, p, n);
	w->off += n;
}

void nas_wr_u8(struct nas_wr *w, uint8_t v)
{
	nas_wr_mem(w, &v, 1);
}

void nas_wr_lv(struct nas_wr *w, const uint8_t *p, size_t n)
{
	nas_wr_u8(w, (uint8_t)n);
	nas_wr_mem(w, p, n);
}

void nas_wr_tlv(struct nas_wr *w, uint8_t iei, const uint8_t *p, size_t n)
{
	nas_wr_u8(w, iei);
	nas_wr_lv(w, p, n);
}

void nas_wr_tlve(struct nas_wr *w, uint8_t iei, const uint8_t *p, size_t n)
{
	nas_wr_u8(w, iei);
	nas_wr_u8(w, (uint8_t)(n >> 8));
	nas_wr_u8(w, (uint8_t)n);
	nas_wr_mem(w, p, n);
}

/* Length fields written before their value: open, write value, close */
size_t nas_wr_len16_open(struct nas_wr *w)
{
	size_t at = w->off;

	nas_wr_u8(w, 0);
	nas_wr_u8(w, 0);
	return at;
}

void nas_wr_len16_close(struct nas_wr *w, size_t at)
{
	size_t n;

	if (w->full)
		return;
	n = w->off - at - 2;
	w->p[at] = (uint8_t)(n >> 8);
	w->p[at + 1] = (uint8_t)n;
}

size_t nas_wr_len8_open(struct nas_wr *w)
{
	size_t at = w->off;

	nas_wr_u8(w, 0);
	return at;
}

void nas_wr_len8_close(struct nas_wr *w, size_t at)
{
	if (!w->full)
		w->p[at] = (uint8_t)(w->off - at - 1);
}

int nas_wr_done(struct nas_wr *w, size_t *len, struct nas_err *err)
{
	if (w->full) {
		if (err) {
			memset(err, 0, sizeof(*err));
			err->why = "output buffer too small";
		}
		return -ENOSPC;
	}
	*len = w->off;
	return 0;
}

const char *nas_msg_name(uint8_t pd, uint8_t type)
{
	static const struct {
		uint8_t pd, type;
		const char *name;
	} names[] = {
		{ NAS_PD_EMM, NAS_ATTACH_REQUEST, "ATTACH REQUEST" },
		{ NAS_PD_EMM, NAS_ATTACH_ACCEPT, "ATTACH ACCEPT" },
		{ NAS_PD_EMM, NAS_ATTACH_COMPLETE, "ATTACH COMPLETE" },
		{ NAS_PD_EMM, NAS_ATTACH_REJECT, "ATTACH REJECT" },
		{ NAS_PD_EMM, NAS_SECURITY_MODE_COMMAND,
		  "SECURITY MODE COMMAND" },
		{ NAS_PD_EMM, NAS_SECURITY_MODE_COMPLETE,
		  "SECURITY MODE COMPLETE" },
		{ NAS_PD_EMM, NAS_SECURITY_MODE_REJECT,
		  "SECURITY MODE REJECT" },
		{ NAS_PD_ESM, NAS_ACT_DEFAULT_BEARER_REQ,
		  "ACTIVATE DEFAULT EPS BEARER CONTEXT REQUEST" },
		{ NAS_PD_ESM, NAS_ACT_DEFAULT_BEARER_ACC,
		  "ACTIVATE DEFAULT EPS BEARER CONTEXT ACCEPT" },
		{ NAS_PD_ESM, NAS_PDN_CONNECTIVITY_REQ,
		  "PDN CONNECTIVITY REQUEST" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (names[i].pd == pd && names[i].type == type)
			return names[i].name;
	}
	return NULL;
}

const char *nas_strerror(const struct nas_err *e, char *buf, size_t len)
{
	if (!len)
		return buf;
	snprintf(buf, len, "%s%s%s%s%s%s%s (octet %zu)",
		 e->outer ? e->outer : "", e->outer ? ": ESM container: " : "",
		 e->msg ? e->msg : "NAS", ": ",
		 e->ie ? e->ie : "", e->ie ? ": " : "",
		 e->why ? e->why : "no error", e->off);
	return buf;
}

/* UE security capability from the UE network capability (5.4.3.2) */
void nas_ue_sec_cap_from_net_cap(struct nas_ue_sec_cap *sc,
				 const struct nas_ue_net_cap *nc)
{
	uint8_t n = nc->len > 4 ? 4 : nc->len;

	memset(sc, 0, sizeof(*sc));
	memcpy(sc->oct, nc->oct, n);
	/* UNC octet 4 bit 8 is UCS2; in the UE security capability it is spare */
	sc->oct[3] &= 0x7f;
	/* UEA without UIA: the security capability carries both or neither */
	sc->len = n == 3 ? 4 : n;
}

bool nas_ue_sec_cap_matches(const struct nas_ue_sec_cap *sc,
			    const struct nas_ue_net_cap *nc)
{
	struct nas_ue_sec_cap want;

	nas_ue_sec_cap_from_net_cap(&want, nc);
	/* A GEA octet comes from the MS network capability, which we never send */
	return sc->len == want.len && !memcmp(sc->oct, want.oct, want.len);
}
