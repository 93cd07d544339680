/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wireshark's PDCP-LTE UDP framing (epan/dissectors/packet-pdcp-lte.h):
 *
 *   "pdcp-lte" | no_header_pdu | plane | rohc_compression
 *   | tag value ... (each tag has an implied value size) | 0x01 | PDU
 *
 * PARLOS sends SRB1 PDUs (5-bit SN header || RRC || MAC-I, built by the
 * kernel) this way on the gateway port; the kernel uses the same framing
 * with the user plane and a 12-bit SN for DRBs, which decode accepts.
 * Decoding fills views into the input; nothing is allocated.
 *
 * Return values: 0; -EBADMSG malformed (err says why); -EINVAL bad
 * encoder input; -ENOSPC output too small.
 */
#ifndef PARLOS_PDCP_LTE_H
#define PARLOS_PDCP_LTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PDCP_LTE_SIGNATURE	"pdcp-lte"
#define PDCP_LTE_SIGNATURE_LEN	8

#define PDCP_LTE_PLANE_SIGNALLING	1
#define PDCP_LTE_PLANE_USER		2
#define PDCP_LTE_DIR_UL			0
#define PDCP_LTE_DIR_DL			1
#define PDCP_LTE_CHAN_DCCH		1
#define PDCP_LTE_CHAN_BCCH		2
#define PDCP_LTE_CHAN_CCCH		3
#define PDCP_LTE_CHAN_PCCH		4

/* Tags: one octet, then a value whose size the tag implies */
#define PDCP_LTE_TAG_PAYLOAD		0x01	/* then the PDU to the end */
#define PDCP_LTE_TAG_SN_LENGTH		0x02	/* 1 */
#define PDCP_LTE_TAG_DIRECTION		0x03	/* 1 */
#define PDCP_LTE_TAG_LOG_CHAN_TYPE	0x04	/* 1 */
#define PDCP_LTE_TAG_BCCH_TRANSPORT	0x05	/* 1 */
#define PDCP_LTE_TAG_ROHC_IP_VERSION	0x06	/* 2 */
#define PDCP_LTE_TAG_ROHC_CID_INC_INFO	0x07	/* 1 */
#define PDCP_LTE_TAG_ROHC_LARGE_CID	0x08	/* 1 */
#define PDCP_LTE_TAG_ROHC_MODE		0x09	/* 1 */
#define PDCP_LTE_TAG_ROHC_RND		0x0a	/* 1 */
#define PDCP_LTE_TAG_ROHC_UDP_CSUM	0x0b	/* 1 */
#define PDCP_LTE_TAG_ROHC_PROFILE	0x0c	/* 2 */
#define PDCP_LTE_TAG_CHANNEL_ID		0x0d	/* 2, network order */
#define PDCP_LTE_TAG_UEID		0x0e	/* 2, network order */

/* Which optional tags are present */
#define PDCP_LTE_HAS_DIRECTION		0x01
#define PDCP_LTE_HAS_CHAN_TYPE		0x02
#define PDCP_LTE_HAS_CHAN_ID		0x04
#define PDCP_LTE_HAS_UEID		0x08

#define PDCP_LTE_SRB1_ID		1

struct pdcp_lte_info {
	uint8_t no_header_pdu;	/* 0 or 1 */
	uint8_t plane;		/* PDCP_LTE_PLANE_* */
	uint8_t rohc;		/* rohc_compression: 0 or 1 */
	uint8_t sn_len;		/* 0 = no tag (signalling plane: 5) */
	uint8_t has;		/* PDCP_LTE_HAS_* */
	uint8_t direction;
	uint8_t chan_type;
	uint16_t chan_id;
	uint16_t ueid;
	const uint8_t *pdu;
	size_t pdu_len;
};

/* SRB1 framing: signalling plane, 5-bit SN, DCCH, channel 1, UE id */
void pdcp_lte_srb1(struct pdcp_lte_info *info, uint8_t direction,
		   uint16_t ueid, const uint8_t *pdu, size_t pdu_len);
/* True if a datagram carries this framing rather than a NAS PDU */
bool pdcp_lte_is_framed(const uint8_t *buf, size_t len);
int pdcp_lte_encode(const struct pdcp_lte_info *info, uint8_t *out,
		    size_t cap, size_t *len, const char **err);
int pdcp_lte_decode(const uint8_t *buf, size_t len,
		    struct pdcp_lte_info *info, const char **err);

#endif /* PARLOS_PDCP_LTE_H */
