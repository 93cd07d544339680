// SPDX-License-Identifier: GPL-2.0
/*
 * PDCP-LTE UDP framing: build and parse.
 */
#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "compat.h"
#include "framing.h"

static unsigned int put_tag16(u8 *p, u8 tag, u16 v)
{
	p[0] = tag;
	put_unaligned_be16(v, p + 1);
	return 3;
}

int parlos_framing_build(const struct parlos_framing *f, u8 *buf,
			 unsigned int cap)
{
	u8 hdr[PARLOS_FRAMING_MAX];
	unsigned int n = PARLOS_FRAMING_SIG_LEN;

	memcpy(hdr, PARLOS_FRAMING_SIG, n);
	hdr[n++] = f->no_header_pdu;
	hdr[n++] = f->plane;
	hdr[n++] = f->rohc;
	if (f->sn_len) {
		hdr[n++] = PARLOS_FRAMING_TAG_SN_LEN;
		hdr[n++] = f->sn_len;
	}
	if (f->has & PARLOS_FRAMING_HAS_DIR) {
		hdr[n++] = PARLOS_FRAMING_TAG_DIR;
		hdr[n++] = f->dir;
	}
	if (f->has & PARLOS_FRAMING_HAS_CHAN_TYPE) {
		hdr[n++] = PARLOS_FRAMING_TAG_CHAN_TYPE;
		hdr[n++] = f->chan_type;
	}
	if (f->has & PARLOS_FRAMING_HAS_UE_ID)
		n += put_tag16(hdr + n, PARLOS_FRAMING_TAG_UE_ID, f->ue_id);
	if (f->has & PARLOS_FRAMING_HAS_CHAN_ID)
		n += put_tag16(hdr + n, PARLOS_FRAMING_TAG_CHAN_ID, f->chan_id);
	hdr[n++] = PARLOS_FRAMING_TAG_PAYLOAD;
	if (n > cap)
		return -ENOSPC;
	memcpy(buf, hdr, n);
	return n;
}

/* The size of a tag's value: Wireshark defines no length field. */
static int tag_size(u8 tag)
{
	switch (tag) {
	case PARLOS_FRAMING_TAG_PAYLOAD:
		return 0;
	case PARLOS_FRAMING_TAG_ROHC_IPV:
	case PARLOS_FRAMING_TAG_ROHC_PROFILE:
	case PARLOS_FRAMING_TAG_CHAN_ID:
	case PARLOS_FRAMING_TAG_UE_ID:
		return 2;
	default:
		return tag > PARLOS_FRAMING_TAG_PAYLOAD &&
		       tag < PARLOS_FRAMING_TAG_UE_ID ? 1 : -1;
	}
}

int parlos_framing_parse(const u8 *buf, unsigned int len,
			 struct parlos_framing *f)
{
	unsigned int pos = PARLOS_FRAMING_FIXED_LEN;
	u16 seen = 0;

	memset(f, 0, sizeof(*f));
	if (len < PARLOS_FRAMING_FIXED_LEN ||
	    memcmp(buf, PARLOS_FRAMING_SIG, PARLOS_FRAMING_SIG_LEN))
		return -EBADMSG;
	f->no_header_pdu = buf[PARLOS_FRAMING_SIG_LEN];
	f->plane = buf[PARLOS_FRAMING_SIG_LEN + 1];
	f->rohc = buf[PARLOS_FRAMING_SIG_LEN + 2];
	while (pos < len) {
		u8 tag = buf[pos++];
		int sz = tag_size(tag);

		if (sz < 0 || (seen & BIT(tag)))
			return -EBADMSG;
		if (!sz)
			return pos;
		seen |= BIT(tag);
		if (sz > len - pos)
			return -EBADMSG;
		switch (tag) {
		case PARLOS_FRAMING_TAG_SN_LEN:
			f->sn_len = buf[pos];
			break;
		case PARLOS_FRAMING_TAG_DIR:
			f->has |= PARLOS_FRAMING_HAS_DIR;
			f->dir = buf[pos];
			break;
		case PARLOS_FRAMING_TAG_CHAN_TYPE:
			f->has |= PARLOS_FRAMING_HAS_CHAN_TYPE;
			f->chan_type = buf[pos];
			break;
		case PARLOS_FRAMING_TAG_CHAN_ID:
			f->has |= PARLOS_FRAMING_HAS_CHAN_ID;
			f->chan_id = get_unaligned_be16(buf + pos);
			break;
		case PARLOS_FRAMING_TAG_UE_ID:
			f->has |= PARLOS_FRAMING_HAS_UE_ID;
			f->ue_id = get_unaligned_be16(buf + pos);
			break;
		default:
			break;	/* ROHC and BCCH details: no use here */
		}
		pos += sz;
	}
	return -EBADMSG;
}
