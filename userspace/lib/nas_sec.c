// SPDX-License-Identifier: GPL-2.0
/*
 * Outer header of a security-protected NAS message (TS 24.301 9.1,
 * 8.2.23): security header type << 4 | PD 7, MAC (4), SQN (1), then the
 * NAS message. Computing the MAC and ciphering is the kernel's job.
 */
#define NAS_CODEC_INTERNAL
#include "nas.h"

#include <string.h>

#define NAS_SEC_HDR_LEN 6

int nas_sec_parse(const uint8_t *buf, size_t len, struct nas_sec_hdr *h,
		  struct nas_err *err)
{
	struct nas_err dummy;
	struct nas_rd r = { buf, len, 0, err ? err : &dummy };

	memset(r.err, 0, sizeof(*r.err));
	memset(h, 0, sizeof(*h));
	r.err->msg = "security protected NAS message";
	if (len < 1)
		return nas_fail_at(&r, 0, NULL, "truncated");
	if ((buf[0] & 0x0f) != NAS_PD_EMM)
		return nas_fail_at(&r, 0, NULL,
				   "wrong protocol discriminator");
	h->sht = buf[0] >> 4;
	if (h->sht == NAS_SHT_PLAIN)
		return nas_fail_at(&r, 0, NULL, "not security protected");
	if (h->sht == NAS_SHT_SERVICE_REQ)
		return nas_fail_at(&r, 0, NULL, "SERVICE REQUEST not supported");
	if (h->sht > NAS_SHT_INTEG_CIPH_NEW)
		return nas_fail_at(&r, 0, NULL, "bad security header type");
	/* The shortest plain NAS message inside has two octets */
	if (len < NAS_SEC_HDR_LEN + 2)
		return nas_fail_at(&r, 0, NULL, "truncated");
	memcpy(h->mac, buf + 1, 4);
	h->sqn = buf[5];
	h->msg = buf + NAS_SEC_HDR_LEN;
	h->msg_len = len - NAS_SEC_HDR_LEN;
	return 0;
}

int nas_sec_build(const struct nas_sec_hdr *h, uint8_t *out, size_t cap,
		  size_t *len)
{
	if (h->sht < NAS_SHT_INTEG || h->sht > NAS_SHT_INTEG_CIPH_NEW ||
	    !h->msg)
		return -EINVAL;
	if (h->msg_len > cap || cap - h->msg_len < NAS_SEC_HDR_LEN)
		return -ENOSPC;
	out[0] = (uint8_t)(h->sht << 4 | NAS_PD_EMM);
	memcpy(out + 1, h->mac, 4);
	out[5] = h->sqn;
	memmove(out + NAS_SEC_HDR_LEN, h->msg, h->msg_len);
	*len = NAS_SEC_HDR_LEN + h->msg_len;
	return 0;
}

/* Classify a PDU from its first octets; -EBADMSG if not EMM/ESM */
int nas_peek(const uint8_t *buf, size_t len, struct nas_pdu_info *info)
{
	memset(info, 0, sizeof(*info));
	if (len < 1)
		return -EBADMSG;
	info->pd = buf[0] & 0x0f;
	if (info->pd == NAS_PD_ESM) {
		if (len < 3)
			return -EBADMSG;
		info->type = buf[2];
		return 0;
	}
	if (info->pd != NAS_PD_EMM)
		return -EBADMSG;
	info->sht = buf[0] >> 4;
	if (info->sht != NAS_SHT_PLAIN)
		return len < NAS_SEC_HDR_LEN + 2 ? -EBADMSG : 0;
	if (len < 2)
		return -EBADMSG;
	info->type = buf[1];
	return 0;
}
