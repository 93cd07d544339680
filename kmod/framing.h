/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wireshark's PDCP-LTE UDP framing (epan/dissectors/packet-pdcp-lte.h),
 * as the pdcp_lte_udp heuristic dissector reads it:
 *
 *   "pdcp-lte" | no_header_pdu | plane | rohc_compression
 *   | tag value ... (each tag implies its value's size) | 0x01 | PDU
 *
 * The user plane sends DRB PDUs this way, so a capture of the tunnel
 * is a capture Wireshark can dissect and, with the keylog, decipher.
 */
#ifndef PARLOS_FRAMING_H
#define PARLOS_FRAMING_H

#include <linux/types.h>

#define PARLOS_FRAMING_SIG		"pdcp-lte"
#define PARLOS_FRAMING_SIG_LEN		8
#define PARLOS_FRAMING_FIXED_LEN	(PARLOS_FRAMING_SIG_LEN + 3)

#define PARLOS_FRAMING_PLANE_CP		1
#define PARLOS_FRAMING_PLANE_UP		2

#define PARLOS_FRAMING_TAG_PAYLOAD	0x01	/* then the PDU to the end */
#define PARLOS_FRAMING_TAG_SN_LEN	0x02	/* 1 */
#define PARLOS_FRAMING_TAG_DIR		0x03	/* 1 */
#define PARLOS_FRAMING_TAG_CHAN_TYPE	0x04	/* 1 */
#define PARLOS_FRAMING_TAG_BCCH		0x05	/* 1 */
#define PARLOS_FRAMING_TAG_ROHC_IPV	0x06	/* 2 */
#define PARLOS_FRAMING_TAG_ROHC_PROFILE	0x0c	/* 2 */
#define PARLOS_FRAMING_TAG_CHAN_ID	0x0d	/* 2, big endian */
#define PARLOS_FRAMING_TAG_UE_ID	0x0e	/* 2, big endian */

/* Fixed fields, SN length, direction, UE id, channel id, payload tag */
#define PARLOS_FRAMING_UP_LEN		(PARLOS_FRAMING_FIXED_LEN + 2 + 2 + 3 + 3 + 1)
/* Enough to hold any framing that parse accepts without a PDU */
#define PARLOS_FRAMING_MAX		48

/* Which optional tags a framing carries */
#define PARLOS_FRAMING_HAS_DIR		BIT(0)
#define PARLOS_FRAMING_HAS_UE_ID	BIT(1)
#define PARLOS_FRAMING_HAS_CHAN_ID	BIT(2)
#define PARLOS_FRAMING_HAS_CHAN_TYPE	BIT(3)

struct parlos_framing {
	u8 no_header_pdu;
	u8 plane;
	u8 rohc;
	u8 sn_len;		/* 0: no tag */
	u8 has;			/* PARLOS_FRAMING_HAS_* */
	u8 dir;
	u8 chan_type;
	u16 ue_id;
	u16 chan_id;
};

/* Writes the framing header into buf; returns its length or -ENOSPC. */
int parlos_framing_build(const struct parlos_framing *f, u8 *buf,
			 unsigned int cap);
/*
 * Reads a framing header from the len bytes at buf. Returns the offset
 * of the PDU (the PDU may be empty) or -EBADMSG: no signature, an
 * unknown, repeated or truncated tag, or no payload tag.
 */
int parlos_framing_parse(const u8 *buf, unsigned int len,
			 struct parlos_framing *f);

#endif /* PARLOS_FRAMING_H */
