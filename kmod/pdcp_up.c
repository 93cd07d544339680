// SPDX-License-Identifier: GPL-2.0
/*
 * User-plane PDCP: headers (TS 36.323 6.2.3, 6.2.4, 6.2.14), COUNT
 * estimation, the replay window, and the steps around the cipher.
 */
#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/string.h>

#include "alg.h"
#include "pdcp_up.h"

unsigned int parlos_pdcp_up_hdr_len(u8 sn_bits)
{
	switch (sn_bits) {
	case 7:
		return 1;
	case 12:
		return 2;
	case 18:
		return 3;
	default:
		return 0;
	}
}

/* Reserved bits are sent as zero and ignored on receipt (6.3). */
void parlos_pdcp_up_hdr_build(u8 *hdr, u8 sn_bits, u32 count)
{
	switch (sn_bits) {
	case 7:
		hdr[0] = PARLOS_PDCP_DC_DATA | (count & 0x7f);
		break;
	case 12:
		hdr[0] = PARLOS_PDCP_DC_DATA | ((count >> 8) & 0x0f);
		hdr[1] = count;
		break;
	case 18:
		/* The polling bit stays 0: no status report is wanted. */
		hdr[0] = PARLOS_PDCP_DC_DATA | ((count >> 16) & 0x03);
		hdr[1] = count >> 8;
		hdr[2] = count;
		break;
	}
}

int parlos_pdcp_up_hdr_parse(const u8 *pdu, unsigned int len, u8 sn_bits,
			     u32 *sn)
{
	unsigned int hl = parlos_pdcp_up_hdr_len(sn_bits);

	if (!hl)
		return -EINVAL;
	if (len < hl || !(pdu[0] & PARLOS_PDCP_DC_DATA))
		return -EBADMSG;
	switch (sn_bits) {
	case 7:
		*sn = pdu[0] & 0x7f;
		break;
	case 12:
		*sn = (pdu[0] & 0x0f) << 8 | pdu[1];
		break;
	case 18:
		*sn = (pdu[0] & 0x03) << 16 | pdu[1] << 8 | pdu[2];
		break;
	}
	return 0;
}

int parlos_pdcp_count_estimate(u64 next, u32 sn, u8 sn_bits, u32 *count)
{
	u64 mod = 1ULL << sn_bits, half = mod >> 1;
	u64 base = next & ~(mod - 1), ref = next & (mod - 1), c;

	if (sn >= mod)
		return -EINVAL;
	if (sn + half < ref)
		c = base + mod + sn;		/* the next HFN */
	else if (sn >= ref + half && base < mod)
		return -ERANGE;			/* would be before COUNT 0 */
	else if (sn >= ref + half)
		c = base - mod + sn;		/* the previous HFN */
	else
		c = base + sn;
	if (c >= PARLOS_PDCP_COUNT_END)
		return -ERANGE;
	*count = c;
	return 0;
}

enum parlos_pdcp_verdict
parlos_pdcp_window_check(const struct parlos_pdcp_rx_window *w, u32 count)
{
	if (count >= w->next)
		return PARLOS_PDCP_FRESH;
	if (w->next - count > PARLOS_PDCP_REPLAY_WINDOW)
		return PARLOS_PDCP_STALE;
	if (test_bit(count % PARLOS_PDCP_REPLAY_WINDOW, w->map))
		return PARLOS_PDCP_DUPLICATE;
	return PARLOS_PDCP_FRESH;
}

void parlos_pdcp_window_accept(struct parlos_pdcp_rx_window *w, u32 count)
{
	u64 c;

	if (count >= w->next) {
		/* The bits of the COUNTs skipped now stand for new ones. */
		if (count - w->next >= PARLOS_PDCP_REPLAY_WINDOW)
			bitmap_zero(w->map, PARLOS_PDCP_REPLAY_WINDOW);
		else
			for (c = w->next; c < count; c++)
				__clear_bit(c % PARLOS_PDCP_REPLAY_WINDOW,
					    w->map);
		w->next = (u64)count + 1;
	}
	__set_bit(count % PARLOS_PDCP_REPLAY_WINDOW, w->map);
}

void parlos_pdcp_up_iv(const struct parlos_pdcp_up_cfg *c, u32 count, u8 *iv)
{
	struct parlos_eps_iv in = {
		.count = count, .bearer = c->bearer, .dir = c->dir,
	};

	parlos_eps_iv_build(iv, PARLOS_EPS_IV_SIZE, &in);
}

/* MAC-I over header and SDU, as the SRBs have it (TS 33.401 B.2). */
static int up_mac(const struct parlos_pdcp_up_cfg *c, const u8 *iv,
		  const u8 *msg, unsigned int len, u8 *mac)
{
	SHASH_DESC_ON_STACK(desc, c->eia);
	int err;

	desc->tfm = c->eia;
	err = crypto_shash_init(desc) ?:
	      crypto_shash_update(desc, iv, PARLOS_EIA_PREFIX_SIZE) ?:
	      crypto_shash_finup(desc, msg, len, mac);
	shash_desc_zero(desc);
	return err;
}

int parlos_pdcp_up_tx_prepare(const struct parlos_pdcp_up_cfg *c, u32 count,
			      u8 *pdu, unsigned int sdu_len, u8 *iv)
{
	unsigned int hl = parlos_pdcp_up_hdr_len(c->sn_bits);
	int err;

	if (!hl)
		return -EINVAL;
	parlos_pdcp_up_hdr_build(pdu, c->sn_bits, count);
	parlos_pdcp_up_iv(c, count, iv);
	if (!c->eia)
		return hl + sdu_len;
	err = up_mac(c, iv, pdu, hl + sdu_len, pdu + hl + sdu_len);
	return err ?: hl + sdu_len + PARLOS_PDCP_UP_MAC_LEN;
}

int parlos_pdcp_up_rx_finish(const struct parlos_pdcp_up_cfg *c, u32 count,
			     const u8 *pdu, unsigned int len)
{
	unsigned int hl = parlos_pdcp_up_hdr_len(c->sn_bits);
	u8 iv[PARLOS_EPS_IV_SIZE], mac[PARLOS_PDCP_UP_MAC_LEN];
	int err;

	if (!hl)
		return -EINVAL;
	if (!c->eia)
		return len > hl ? len - hl : -EBADMSG;
	if (len <= hl + PARLOS_PDCP_UP_MAC_LEN)
		return -EBADMSG;
	len -= PARLOS_PDCP_UP_MAC_LEN;
	parlos_pdcp_up_iv(c, count, iv);
	err = up_mac(c, iv, pdu, len, mac);
	if (err)
		return err;
	if (crypto_memneq(mac, pdu + len, sizeof(mac)))
		return -EBADMSG;
	return len - hl;
}
