/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-plane PDCP (TS 36.323) without state of its own: data PDU headers
 * for 7-, 12- and 18-bit SNs, the COUNT of a received SN, the replay
 * window, and the per-PDU steps around the cipher (header, MAC-I, IV).
 * The DRB data path and the KUnit suite both use these.
 *
 * COUNT = HFN | SN. A received SN is given the COUNT nearest to the
 * next expected one (within half the SN space, as TS 38.323 5.2.2.1
 * states it), so reordering and loss of fewer than half the SN space
 * keep the HFN right.
 */
#ifndef PARLOS_PDCP_UP_H
#define PARLOS_PDCP_UP_H

#include <linux/bitops.h>
#include <linux/types.h>

#define PARLOS_PDCP_DC_DATA		0x80	/* D/C bit: a data PDU */
#define PARLOS_PDCP_UP_HDR_MAX		3
#define PARLOS_PDCP_UP_MAC_LEN		4	/* MAC-I, with integrity */
#define PARLOS_PDCP_COUNT_END		BIT_ULL(32)	/* exhausted */

/*
 * Replay window, in COUNTs below the highest one accepted. It must stay
 * under half of the 12-bit SN space, or an old PDU would be read as one
 * of the next HFN.
 */
#define PARLOS_PDCP_REPLAY_WINDOW	1024

struct crypto_shash;

/* Configuration of one bearer in one direction. */
struct parlos_pdcp_up_cfg {
	u8 sn_bits;			/* 7, 12 or 18 */
	u8 bearer;			/* RB identity - 1 */
	u8 dir;				/* 0 uplink, 1 downlink */
	struct crypto_shash *eia;	/* keyed with KUPint; NULL: none */
};

/* Receive state: COUNTs accepted, kept as a ring of bits. */
struct parlos_pdcp_rx_window {
	u64 next;			/* highest COUNT accepted + 1 */
	unsigned long map[BITS_TO_LONGS(PARLOS_PDCP_REPLAY_WINDOW)];
};

enum parlos_pdcp_verdict {
	PARLOS_PDCP_FRESH,		/* never seen: accept */
	PARLOS_PDCP_DUPLICATE,		/* in the window, already accepted */
	PARLOS_PDCP_STALE,		/* below the window */
};

/* Header length of a data PDU with this SN length; 0 if unsupported. */
unsigned int parlos_pdcp_up_hdr_len(u8 sn_bits);
/* Writes a data PDU header with the SN of count. */
void parlos_pdcp_up_hdr_build(u8 *hdr, u8 sn_bits, u32 count);
/* Reads a data PDU header: -EBADMSG for a control PDU or a short one. */
int parlos_pdcp_up_hdr_parse(const u8 *pdu, unsigned int len, u8 sn_bits,
			     u32 *sn);

/* The COUNT of a received sn, or -ERANGE: before 0 or past 2^32 - 1. */
int parlos_pdcp_count_estimate(u64 next, u32 sn, u8 sn_bits, u32 *count);
enum parlos_pdcp_verdict
parlos_pdcp_window_check(const struct parlos_pdcp_rx_window *w, u32 count);
/* Records count as accepted; check it first. */
void parlos_pdcp_window_accept(struct parlos_pdcp_rx_window *w, u32 count);

/* The EEA IV (and EIA prefix) of one PDU. */
void parlos_pdcp_up_iv(const struct parlos_pdcp_up_cfg *c, u32 count,
		       u8 *iv);
/*
 * Transmit, before ciphering: pdu holds room for the header, then the
 * SDU (sdu_len bytes), then room for the MAC-I if c->eia. Writes the
 * header and the MAC-I (over header and SDU, TS 36.323 5.7) and the
 * IV. The caller then ciphers what follows the header (SDU and MAC-I,
 * 5.6). Returns the PDU length or a negative errno.
 */
int parlos_pdcp_up_tx_prepare(const struct parlos_pdcp_up_cfg *c, u32 count,
			      u8 *pdu, unsigned int sdu_len, u8 *iv);
/*
 * Receive, after deciphering what follows the header: checks the
 * MAC-I if c->eia. Returns the SDU length, -EBADMSG on a wrong MAC-I
 * or a PDU too short, or another negative errno.
 */
int parlos_pdcp_up_rx_finish(const struct parlos_pdcp_up_cfg *c, u32 count,
			     const u8 *pdu, unsigned int len);

#endif /* PARLOS_PDCP_UP_H */
