// SPDX-License-Identifier: GPL-2.0
/*
 * PDCP-LTE UDP framing, as read by Wireshark's pdcp_lte_udp heuristic.
 */
#include "pdcp_lte.h"

#include <errno.h>
#include <string.h>

/* Framing headroom: signature, 3 fixed octets, at most 5 tags, payload tag */
#define FRAME_MAX_HDR	(PDCP_LTE_SIGNATURE_LEN + 3 + 2 + 2 + 2 + 3 + 3 + 1)

static int set_err(const char **err, const char *why, int rc)
{
	if (err)
		*err = why;
	return rc;
}

void pdcp_lte_srb1(struct pdcp_lte_info *info, uint8_t direction,
		   uint16_t ueid, const uint8_t *pdu, size_t pdu_len)
{
	memset(info, 0, sizeof(*info));
	info->plane = PDCP_LTE_PLANE_SIGNALLING;
	info->sn_len = 5;
	info->has = PDCP_LTE_HAS_DIRECTION | PDCP_LTE_HAS_CHAN_TYPE |
		    PDCP_LTE_HAS_CHAN_ID | PDCP_LTE_HAS_UEID;
	info->direction = direction;
	info->chan_type = PDCP_LTE_CHAN_DCCH;
	info->chan_id = PDCP_LTE_SRB1_ID;
	info->ueid = ueid;
	info->pdu = pdu;
	info->pdu_len = pdu_len;
}

bool pdcp_lte_is_framed(const uint8_t *buf, size_t len)
{
	return len >= PDCP_LTE_SIGNATURE_LEN &&
	       !memcmp(buf, PDCP_LTE_SIGNATURE, PDCP_LTE_SIGNATURE_LEN);
}

static bool sn_len_ok(uint8_t plane, uint8_t sn)
{
	if (plane == PDCP_LTE_PLANE_SIGNALLING)
		return sn == 0 || sn == 5;
	return sn == 7 || sn == 12 || sn == 15 || sn == 18;
}

/* Both directions check the same rules */
static const char *check(const struct pdcp_lte_info *i)
{
	if (i->no_header_pdu > 1 || i->rohc > 1)
		return "bad fixed field";
	if (i->plane != PDCP_LTE_PLANE_SIGNALLING &&
	    i->plane != PDCP_LTE_PLANE_USER)
		return "bad plane";
	if (i->plane == PDCP_LTE_PLANE_USER && !i->sn_len)
		return "user plane without SN length";
	if (!sn_len_ok(i->plane, i->sn_len))
		return "bad SN length";
	if ((i->has & PDCP_LTE_HAS_DIRECTION) && i->direction > 1)
		return "bad direction";
	if ((i->has & PDCP_LTE_HAS_CHAN_TYPE) &&
	    (i->chan_type < PDCP_LTE_CHAN_DCCH ||
	     i->chan_type > PDCP_LTE_CHAN_PCCH))
		return "bad logical channel type";
	/* A signalling PDU has its header octet and a 4-octet MAC-I */
	if (!i->no_header_pdu && i->plane == PDCP_LTE_PLANE_SIGNALLING &&
	    i->pdu_len < 5)
		return "PDU shorter than header and MAC-I";
	if (!i->pdu_len)
		return "empty PDU";
	return NULL;
}

static size_t put16(uint8_t *p, uint8_t tag, uint16_t v)
{
	p[0] = tag;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)v;
	return 3;
}

int pdcp_lte_encode(const struct pdcp_lte_info *i, uint8_t *out,
		    size_t cap, size_t *len, const char **err)
{
	uint8_t hdr[FRAME_MAX_HDR];
	const char *why = check(i);
	size_t n = PDCP_LTE_SIGNATURE_LEN;

	if (why)
		return set_err(err, why, -EINVAL);
	if (i->rohc)
		return set_err(err, "ROHC not supported", -EINVAL);
	memcpy(hdr, PDCP_LTE_SIGNATURE, n);
	hdr[n++] = i->no_header_pdu;
	hdr[n++] = i->plane;
	hdr[n++] = i->rohc;
	if (i->sn_len) {
		hdr[n++] = PDCP_LTE_TAG_SN_LENGTH;
		hdr[n++] = i->sn_len;
	}
	if (i->has & PDCP_LTE_HAS_DIRECTION) {
		hdr[n++] = PDCP_LTE_TAG_DIRECTION;
		hdr[n++] = i->direction;
	}
	if (i->has & PDCP_LTE_HAS_CHAN_TYPE) {
		hdr[n++] = PDCP_LTE_TAG_LOG_CHAN_TYPE;
		hdr[n++] = i->chan_type;
	}
	if (i->has & PDCP_LTE_HAS_CHAN_ID)
		n += put16(hdr + n, PDCP_LTE_TAG_CHANNEL_ID, i->chan_id);
	if (i->has & PDCP_LTE_HAS_UEID)
		n += put16(hdr + n, PDCP_LTE_TAG_UEID, i->ueid);
	hdr[n++] = PDCP_LTE_TAG_PAYLOAD;
	if (i->pdu_len > cap || cap - i->pdu_len < n)
		return set_err(err, "output buffer too small", -ENOSPC);
	memmove(out + n, i->pdu, i->pdu_len);
	memcpy(out, hdr, n);
	*len = n + i->pdu_len;
	return set_err(err, NULL, 0);
}

/* Size of a tag's value; 0 for the payload tag, -1 if unknown */
static int tag_size(uint8_t tag)
{
	switch (tag) {
	case PDCP_LTE_TAG_PAYLOAD:
		return 0;
	case PDCP_LTE_TAG_ROHC_IP_VERSION:
	case PDCP_LTE_TAG_ROHC_PROFILE:
	case PDCP_LTE_TAG_CHANNEL_ID:
	case PDCP_LTE_TAG_UEID:
		return 2;
	default:
		return tag && tag <= PDCP_LTE_TAG_UEID ? 1 : -1;
	}
}

static void store_tag(struct pdcp_lte_info *i, uint8_t tag, const uint8_t *v)
{
	switch (tag) {
	case PDCP_LTE_TAG_SN_LENGTH:
		i->sn_len = v[0];
		break;
	case PDCP_LTE_TAG_DIRECTION:
		i->has |= PDCP_LTE_HAS_DIRECTION;
		i->direction = v[0];
		break;
	case PDCP_LTE_TAG_LOG_CHAN_TYPE:
		i->has |= PDCP_LTE_HAS_CHAN_TYPE;
		i->chan_type = v[0];
		break;
	case PDCP_LTE_TAG_CHANNEL_ID:
		i->has |= PDCP_LTE_HAS_CHAN_ID;
		i->chan_id = (uint16_t)(v[0] << 8 | v[1]);
		break;
	case PDCP_LTE_TAG_UEID:
		i->has |= PDCP_LTE_HAS_UEID;
		i->ueid = (uint16_t)(v[0] << 8 | v[1]);
		break;
	default:
		break;	/* ROHC and BCCH details: not used by PARLOS */
	}
}

/* Tags up to the payload tag; returns the PDU offset or -EBADMSG */
static long dec_tags(const uint8_t *buf, size_t len,
		     struct pdcp_lte_info *i, const char **err)
{
	size_t pos = PDCP_LTE_SIGNATURE_LEN + 3;
	uint16_t seen = 0;
	int sz;

	while (pos < len) {
		uint8_t tag = buf[pos++];

		sz = tag_size(tag);
		if (sz < 0)
			return set_err(err, "unknown tag", -EBADMSG);
		if (!sz)
			return (long)pos;
		if (seen & (1u << tag))
			return set_err(err, "duplicate tag", -EBADMSG);
		seen |= (uint16_t)(1u << tag);
		if ((size_t)sz > len - pos)
			return set_err(err, "truncated tag", -EBADMSG);
		store_tag(i, tag, buf + pos);
		pos += (size_t)sz;
	}
	return set_err(err, "no payload tag", -EBADMSG);
}

int pdcp_lte_decode(const uint8_t *buf, size_t len,
		    struct pdcp_lte_info *i, const char **err)
{
	const char *why;
	long pos;

	memset(i, 0, sizeof(*i));
	if (!pdcp_lte_is_framed(buf, len))
		return set_err(err, "no pdcp-lte signature", -EBADMSG);
	if (len < PDCP_LTE_SIGNATURE_LEN + 3)
		return set_err(err, "truncated fixed fields", -EBADMSG);
	i->no_header_pdu = buf[PDCP_LTE_SIGNATURE_LEN];
	i->plane = buf[PDCP_LTE_SIGNATURE_LEN + 1];
	i->rohc = buf[PDCP_LTE_SIGNATURE_LEN + 2];
	pos = dec_tags(buf, len, i, err);
	if (pos < 0)
		return (int)pos;
	i->pdu = buf + pos;
	i->pdu_len = len - (size_t)pos;
	why = check(i);
	if (why)
		return set_err(err, why, -EBADMSG);
	return set_err(err, NULL, 0);
}
