// SPDX-License-Identifier: GPL-2.0
/*
 * NAS IE values made of digits and identifiers: EPS mobile identity
 * (TS 24.301 9.9.3.12), mobile identity IMEISV (TS 24.008 10.5.1.4),
 * PLMN / GUTI / TAI list (9.9.3.33) and APN (TS 24.008 10.5.6.1).
 */
#define NAS_CODEC_INTERNAL
#include "nas.h"

#include <string.h>

/*
 * BCD identity: octet 1 = digit 1 << 4 | odd << 3 | type, then two
 * digits an octet, low nibble first; an even count ends with filler F.
 */
static int dec_bcd(struct nas_rd *r, struct nas_bytes v, const char *ie,
		   uint8_t *type, char *digits, size_t max)
{
	size_t n = 0, i, off = (size_t)(v.p - r->p);
	bool odd = v.p[0] & 0x08;
	uint8_t d;

	if (!odd && v.len < 2)
		return nas_fail_at(r, off, ie, "bad length");
	*type = v.p[0] & 0x07;
	for (i = 1; i < 2 * v.len; i++) {
		d = i & 1 ? v.p[(i + 1) / 2 - 1] >> 4 : v.p[i / 2] & 0x0f;
		if (i == 2 * v.len - 1 && !odd) {
			if (d != 0x0f)
				return nas_fail_at(r, off, ie, "bad filler");
			break;
		}
		if (d > 9)
			return nas_fail_at(r, off, ie, "bad BCD digit");
		if (n == max)
			return nas_fail_at(r, off, ie, "too many digits");
		digits[n++] = (char)('0' + d);
	}
	digits[n] = 0;
	return 0;
}

static bool all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
	}
	return true;
}

/* The caller has checked the digits; writes the value only */
static void enc_bcd(struct nas_wr *w, uint8_t type, const char *s, size_t n)
{
	size_t i;
	uint8_t o;

	nas_wr_u8(w, (uint8_t)((s[0] - '0') << 4 | (int)(n & 1) << 3 | type));
	for (i = 1; i < n; i += 2) {
		o = (uint8_t)(s[i] - '0');
		o |= i + 1 < n ? (uint8_t)((s[i + 1] - '0') << 4) : 0xf0;
		nas_wr_u8(w, o);
	}
}

static int dec_plmn(struct nas_rd *r, const uint8_t *p, const char *ie,
		    struct nas_plmn *plmn)
{
	uint8_t d[6] = {
		p[0] & 0x0f, p[0] >> 4, p[1] & 0x0f,
		p[2] & 0x0f, p[2] >> 4, p[1] >> 4,
	};
	size_t i;

	for (i = 0; i < 5; i++) {
		if (d[i] > 9)
			return nas_fail_at(r, (size_t)(p - r->p), ie,
					   "bad BCD digit in PLMN");
	}
	if (d[5] != 0x0f && d[5] > 9)
		return nas_fail_at(r, (size_t)(p - r->p), ie,
				   "bad BCD digit in PLMN");
	plmn->mcc = (uint16_t)(d[0] * 100 + d[1] * 10 + d[2]);
	plmn->mnc_digits = d[5] == 0x0f ? 2 : 3;
	plmn->mnc = (uint16_t)(d[3] * 10 + d[4]);
	if (plmn->mnc_digits == 3)
		plmn->mnc = (uint16_t)(plmn->mnc * 10 + d[5]);
	return 0;
}

int nas_check_plmn(const struct nas_plmn *p)
{
	if (p->mcc > 999 || (p->mnc_digits != 2 && p->mnc_digits != 3))
		return -EINVAL;
	if (p->mnc > (p->mnc_digits == 2 ? 99 : 999))
		return -EINVAL;
	return 0;
}

static void enc_plmn(struct nas_wr *w, const struct nas_plmn *p)
{
	uint8_t m1, m2, m3;

	if (p->mnc_digits == 3) {
		m1 = (uint8_t)(p->mnc / 100);
		m2 = (uint8_t)(p->mnc / 10 % 10);
		m3 = (uint8_t)(p->mnc % 10);
	} else {
		m1 = (uint8_t)(p->mnc / 10);
		m2 = (uint8_t)(p->mnc % 10);
		m3 = 0x0f;
	}
	nas_wr_u8(w, (uint8_t)(p->mcc / 10 % 10 << 4 | p->mcc / 100));
	nas_wr_u8(w, (uint8_t)(m3 << 4 | p->mcc % 10));
	nas_wr_u8(w, (uint8_t)(m2 << 4 | m1));
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* GUTI value: F6 | PLMN (3) | MME group id (2) | MME code | M-TMSI (4) */
int nas_dec_guti(struct nas_rd *r, struct nas_bytes v, const char *ie,
		 struct nas_guti *g)
{
	if (v.len != 11)
		return nas_fail_at(r, (size_t)(v.p - r->p), ie, "bad length");
	if ((v.p[0] & 0x07) != NAS_ID_GUTI)
		return nas_fail_at(r, (size_t)(v.p - r->p), ie,
				   "wrong identity type");
	if (dec_plmn(r, v.p + 1, ie, &g->plmn))
		return -EBADMSG;
	g->mme_gid = (uint16_t)(v.p[4] << 8 | v.p[5]);
	g->mme_code = v.p[6];
	g->m_tmsi = be32(v.p + 7);
	return 0;
}

void nas_enc_guti_value(struct nas_wr *w, const struct nas_guti *g)
{
	nas_wr_u8(w, 0xf0 | NAS_ID_GUTI);
	enc_plmn(w, &g->plmn);
	nas_wr_u8(w, (uint8_t)(g->mme_gid >> 8));
	nas_wr_u8(w, (uint8_t)g->mme_gid);
	nas_wr_u8(w, g->mme_code);
	nas_wr_u8(w, (uint8_t)(g->m_tmsi >> 24));
	nas_wr_u8(w, (uint8_t)(g->m_tmsi >> 16));
	nas_wr_u8(w, (uint8_t)(g->m_tmsi >> 8));
	nas_wr_u8(w, (uint8_t)g->m_tmsi);
}

int nas_dec_eps_id(struct nas_rd *r, struct nas_bytes v, struct nas_eps_id *id)
{
	static const char ie[] = "EPS mobile identity";
	size_t off = (size_t)(v.p - r->p), n;
	uint8_t type = v.p[0] & 0x07;

	memset(id, 0, sizeof(*id));
	id->type = type;
	if (type == NAS_ID_GUTI)
		return nas_dec_guti(r, v, ie, &id->guti);
	if (type != NAS_ID_IMSI && type != NAS_ID_IMEI)
		return nas_fail_at(r, off, ie, "unsupported identity type");
	if (dec_bcd(r, v, ie, &type, id->digits, 15))
		return -EBADMSG;
	n = strlen(id->digits);
	if (type == NAS_ID_IMEI && n != 15)
		return nas_fail_at(r, off, ie, "IMEI is not 15 digits");
	if (type == NAS_ID_IMSI && n < 6)
		return nas_fail_at(r, off, ie, "IMSI too short");
	return 0;
}

int nas_enc_eps_id(struct nas_wr *w, const struct nas_eps_id *id,
		   struct nas_err *err)
{
	static const char ie[] = "EPS mobile identity";
	size_t at, n = strnlen(id->digits, sizeof(id->digits));

	if (id->type == NAS_ID_GUTI) {
		if (nas_check_plmn(&id->guti.plmn))
			return nas_enc_fail(err, NULL, ie, "bad PLMN");
		nas_wr_u8(w, 11);
		nas_enc_guti_value(w, &id->guti);
		return 0;
	}
	if (id->type == NAS_ID_IMEI && n != 15)
		return nas_enc_fail(err, NULL, ie, "IMEI is not 15 digits");
	if (id->type == NAS_ID_IMSI && (n < 6 || n > 15))
		return nas_enc_fail(err, NULL, ie, "bad IMSI length");
	if (id->type != NAS_ID_IMEI && id->type != NAS_ID_IMSI)
		return nas_enc_fail(err, NULL, ie,
				    "unsupported identity type");
	if (!all_digits(id->digits, n))
		return nas_enc_fail(err, NULL, ie, "not a digit");
	at = nas_wr_len8_open(w);
	enc_bcd(w, id->type, id->digits, n);
	nas_wr_len8_close(w, at);
	return 0;
}

/* IE 0x23 of SECURITY MODE COMPLETE: 24.008 identity, type IMEISV (3) */
int nas_dec_imeisv(struct nas_rd *r, struct nas_bytes v, char *digits)
{
	static const char ie[] = "IMEISV";
	uint8_t type;

	if (v.len != 9)
		return nas_fail_at(r, (size_t)(v.p - r->p), ie, "bad length");
	if (dec_bcd(r, v, ie, &type, digits, NAS_MAX_DIGITS))
		return -EBADMSG;
	if (type != NAS_MI_IMEISV)
		return nas_fail_at(r, (size_t)(v.p - r->p), ie,
				   "wrong identity type");
	if (strlen(digits) != 16)
		return nas_fail_at(r, (size_t)(v.p - r->p), ie,
				   "IMEISV is not 16 digits");
	return 0;
}

int nas_enc_imeisv(struct nas_wr *w, const char *digits, struct nas_err *err)
{
	size_t n = strnlen(digits, NAS_MAX_DIGITS + 1);

	if (n != 16 || !all_digits(digits, n))
		return nas_enc_fail(err, NULL, "IMEISV",
				    "IMEISV is not 16 digits");
	nas_wr_u8(w, NAS_IEI_IMEISV);
	nas_wr_u8(w, 9);
	enc_bcd(w, NAS_MI_IMEISV, digits, n);
	return 0;
}

/* One partial TAI list (9.9.3.33): returns octets used, or -EBADMSG */
static int dec_tai_part(struct nas_rd *r, const uint8_t *p, size_t left,
			struct nas_tai_list *l)
{
	static const char ie[] = "TAI list";
	size_t off = (size_t)(p - r->p), need, i;
	uint8_t type = (p[0] >> 5) & 3, n = (uint8_t)((p[0] & 0x1f) + 1);
	struct nas_plmn plmn;
	uint16_t tac;

	if (type == 3)
		return nas_fail_at(r, off, ie, "reserved list type");
	need = type == 0 ? 4u + 2u * n : type == 1 ? 6u : 1u + 5u * n;
	if (need > left)
		return nas_fail_at(r, off, ie, "partial list truncated");
	if (l->n + n > NAS_TAI_MAX)
		return nas_fail_at(r, off, ie, "more than 16 TAIs");
	for (i = 0; i < n; i++) {
		const uint8_t *e = type == 2 ? p + 1 + 5 * i : p + 1;

		if (dec_plmn(r, e, ie, &plmn))
			return -EBADMSG;
		e = type == 0 ? p + 4 + 2 * i : e + 3;
		tac = (uint16_t)(e[0] << 8 | e[1]);
		if (type == 1 && tac + i > 0xffff)
			return nas_fail_at(r, off, ie, "TAC range wraps");
		l->tai[l->n].plmn = plmn;
		l->tai[l->n].tac = (uint16_t)(type == 1 ? tac + i : tac);
		l->n++;
	}
	return (int)need;
}

int nas_dec_tai_list(struct nas_rd *r, struct nas_bytes v,
		     struct nas_tai_list *l)
{
	size_t pos = 0;
	int used;

	memset(l, 0, sizeof(*l));
	while (pos < v.len) {
		used = dec_tai_part(r, v.p + pos, v.len - pos, l);
		if (used < 0)
			return used;
		pos += (size_t)used;
	}
	return 0;
}

static bool same_plmn(const struct nas_plmn *a, const struct nas_plmn *b)
{
	return a->mcc == b->mcc && a->mnc == b->mnc &&
	       a->mnc_digits == b->mnc_digits;
}

/* One partial list: type 00 if one PLMN, else type 10 */
int nas_enc_tai_list(struct nas_wr *w, const struct nas_tai_list *l,
		     struct nas_err *err)
{
	bool one = true;
	size_t at, i;

	if (l->n < 1 || l->n > NAS_TAI_MAX)
		return nas_enc_fail(err, NULL, "TAI list", "1 to 16 TAIs");
	for (i = 0; i < l->n; i++) {
		if (nas_check_plmn(&l->tai[i].plmn))
			return nas_enc_fail(err, NULL, "TAI list", "bad PLMN");
		one = one && same_plmn(&l->tai[i].plmn, &l->tai[0].plmn);
	}
	at = nas_wr_len8_open(w);
	nas_wr_u8(w, (uint8_t)((one ? 0 : 2) << 5 | (l->n - 1)));
	for (i = 0; i < l->n; i++) {
		if (!one || i == 0)
			enc_plmn(w, &l->tai[i].plmn);
		nas_wr_u8(w, (uint8_t)(l->tai[i].tac >> 8));
		nas_wr_u8(w, (uint8_t)l->tai[i].tac);
	}
	nas_wr_len8_close(w, at);
	return 0;
}

static bool apn_char(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

/* Labels of 1..63 letters, digits or hyphens that fill the value exactly */
int nas_check_apn(const uint8_t *v, size_t len)
{
	size_t pos = 0, i;

	if (len < 1 || len > NAS_APN_MAX)
		return -EINVAL;
	while (pos < len) {
		if (v[pos] < 1 || v[pos] > 63 || v[pos] > len - pos - 1)
			return -EINVAL;
		for (i = 1; i <= v[pos]; i++) {
			if (!apn_char(v[pos + i]))
				return -EINVAL;
		}
		pos += 1u + v[pos];
	}
	return 0;
}

int nas_dec_apn(struct nas_rd *r, struct nas_bytes v, const char *ie,
		struct nas_apn *apn)
{
	if (nas_check_apn(v.p, v.len))
		return nas_fail_at(r, (size_t)(v.p - r->p), ie, "bad APN");
	apn->len = (uint8_t)v.len;
	memcpy(apn->v, v.p, v.len);
	return 0;
}

int nas_apn_from_str(struct nas_apn *apn, const char *dotted)
{
	size_t n = strlen(dotted), i, lab = 0;

	if (n < 1 || n + 1 > NAS_APN_MAX)
		return -EINVAL;
	apn->v[0] = 0;
	for (i = 0; i < n; i++) {
		if (dotted[i] == '.') {
			lab = i + 1;
			apn->v[lab] = 0;
			continue;
		}
		apn->v[i + 1] = (uint8_t)dotted[i];
		apn->v[lab]++;
	}
	apn->len = (uint8_t)(n + 1);
	return nas_check_apn(apn->v, apn->len);
}

int nas_apn_to_str(const struct nas_apn *apn, char *out, size_t cap)
{
	size_t i;

	if (nas_check_apn(apn->v, apn->len) || cap < apn->len)
		return -EINVAL;
	for (i = 1; i < apn->len; i++)
		out[i - 1] = (char)apn->v[i];
	/* Each label length octet after the first becomes a dot */
	for (i = 0; i < apn->len; i += 1u + apn->v[i]) {
		if (i)
			out[i - 1] = '.';
	}
	out[apn->len - 1] = 0;
	return 0;
}
