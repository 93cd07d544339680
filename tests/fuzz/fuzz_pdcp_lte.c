// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer: the PDCP-LTE UDP framing parser on the input. A framing that
 * decodes re-encodes (unless it asks for ROHC, which the encoder refuses)
 * to a framing that decodes to the same fields and PDU, and encodes to
 * the same octets again; encoding fits exactly and fails one octet short.
 * The input is also framed as an SRB1 PDU, out of place and in place.
 */
#include <errno.h>
#include <string.h>

#include "fuzz.h"
#include "pdcp_lte.h"

/* Signature, 3 fixed octets, 5 tags (2 + 2 + 2 + 3 + 3), payload tag */
#define HDR_MAX		(PDCP_LTE_SIGNATURE_LEN + 3 + 12 + 1)

static void same_info(const struct pdcp_lte_info *a,
		      const struct pdcp_lte_info *b)
{
	FUZZ_ASSERT(a->no_header_pdu == b->no_header_pdu &&
		    a->plane == b->plane && a->rohc == b->rohc &&
		    a->sn_len == b->sn_len && a->has == b->has,
		    "fixed fields or tags changed");
	FUZZ_ASSERT(!(a->has & PDCP_LTE_HAS_DIRECTION) ||
		    a->direction == b->direction, "direction changed");
	FUZZ_ASSERT(!(a->has & PDCP_LTE_HAS_CHAN_TYPE) ||
		    a->chan_type == b->chan_type, "channel type changed");
	FUZZ_ASSERT(!(a->has & PDCP_LTE_HAS_CHAN_ID) ||
		    a->chan_id == b->chan_id, "channel id changed");
	FUZZ_ASSERT(!(a->has & PDCP_LTE_HAS_UEID) || a->ueid == b->ueid,
		    "UE id changed");
	FUZZ_ASSERT(a->pdu_len == b->pdu_len &&
		    !memcmp(a->pdu, b->pdu, a->pdu_len), "PDU changed");
}

/* Encodes i (which must be valid) and checks the result decodes to i. */
static void encode_checked(const struct pdcp_lte_info *i)
{
	size_t cap = HDR_MAX + i->pdu_len, n = 0, n2 = 0;
	struct pdcp_lte_info d;
	uint8_t *out, *again;
	const char *err = NULL;
	int rc;

	out = fuzz_alloc(cap);
	rc = pdcp_lte_encode(i, out, cap, &n, &err);
	FUZZ_ASSERT(rc == 0, "encode: %d %s", rc, err);
	FUZZ_ASSERT(n > i->pdu_len && n <= cap, "length %zu", n);
	FUZZ_ASSERT(pdcp_lte_is_framed(out, n), "no signature");
	rc = pdcp_lte_decode(out, n, &d, &err);
	FUZZ_ASSERT(rc == 0, "re-encoded framing does not decode: %s", err);
	same_info(i, &d);

	again = fuzz_alloc(n);
	rc = pdcp_lte_encode(&d, again, n, &n2, &err);
	FUZZ_ASSERT(rc == 0 && n2 == n && !memcmp(out, again, n),
		    "exact fit: second encoding differs");
	free(again);
	again = fuzz_alloc(n - 1);
	FUZZ_ASSERT(pdcp_lte_encode(&d, again, n - 1, &n2, &err) == -ENOSPC,
		    "one octet short");
	free(again);
	free(out);
}

/* The input as the PDU of an SRB1 framing, as parlosd sends it */
static void srb1(const uint8_t *data, size_t size)
{
	struct pdcp_lte_info i, d;
	const char *err;
	uint8_t *buf;
	size_t n;
	int rc;

	pdcp_lte_srb1(&i, size & 1, (uint16_t)size, data, size);
	if (size < 5) {
		buf = fuzz_alloc(HDR_MAX + size);
		rc = pdcp_lte_encode(&i, buf, HDR_MAX + size, &n, &err);
		FUZZ_ASSERT(rc == -EINVAL, "short SRB1 PDU accepted: %d", rc);
		free(buf);
		return;
	}
	encode_checked(&i);

	/* in place: the PDU at the front of the buffer moves up */
	buf = fuzz_alloc(HDR_MAX + size);
	memcpy(buf, data, size);
	i.pdu = buf;
	rc = pdcp_lte_encode(&i, buf, HDR_MAX + size, &n, &err);
	FUZZ_ASSERT(rc == 0, "in place: %s", err);
	rc = pdcp_lte_decode(buf, n, &d, &err);
	FUZZ_ASSERT(rc == 0 && d.pdu_len == size && !memcmp(d.pdu, data, size),
		    "in place: PDU changed");
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pdcp_lte_info i;
	const char *err = NULL;
	uint8_t *out;
	size_t n;
	int rc;

	rc = pdcp_lte_decode(data, size, &i, &err);
	FUZZ_ASSERT(rc == 0 || rc == -EBADMSG, "rc %d", rc);
	if (rc) {
		FUZZ_ASSERT(err, "failed without a reason");
	} else {
		FUZZ_ASSERT(!err, "success with an error: %s", err);
		FUZZ_ASSERT(pdcp_lte_is_framed(data, size), "no signature");
		FUZZ_ASSERT(i.pdu > data && i.pdu + i.pdu_len == data + size,
			    "PDU view outside the input");
		if (i.rohc) {
			out = fuzz_alloc(HDR_MAX + i.pdu_len);
			rc = pdcp_lte_encode(&i, out, HDR_MAX + i.pdu_len, &n,
					     &err);
			FUZZ_ASSERT(rc == -EINVAL, "ROHC encoded: %d", rc);
			free(out);
		} else {
			encode_checked(&i);
		}
	}
	srb1(data, size);
	return 0;
}
