// SPDX-License-Identifier: GPL-2.0
/*
 * PDCP-LTE UDP framing tests: the SRB1 framing byte for byte (tshark's
 * pdcp_lte_udp heuristic reads it: see test_tshark), DRB framing from
 * the kernel, and malformed framings.
 */
#include <errno.h>
#include <string.h>

#include "check.h"
#include "pdcp_lte.h"

#define SIG "70 64 63 70 2d 6c 74 65 "	/* "pdcp-lte" */

static size_t hex(const char *s, uint8_t *out)
{
	size_t n = 0;
	unsigned int v;
	int used;

	while (sscanf(s, " %2x%n", &v, &used) == 1) {
		out[n++] = (uint8_t)v;
		s += used;
	}
	return n;
}

/* SN 0 || SecurityModeCommand (30 02 20) || MAC-I */
static const uint8_t srb_pdu[] = { 0x00, 0x30, 0x02, 0x20, 1, 2, 3, 4 };

static void test_srb1(void)
{
	uint8_t out[64], want[64];
	size_t n, wn = hex(SIG "00 01 00 02 05 03 01 04 01 0d 00 01 0e 12 34 "
			   "01 00 30 02 20 01 02 03 04", want);
	struct pdcp_lte_info i, d;
	const char *err;

	pdcp_lte_srb1(&i, PDCP_LTE_DIR_DL, 0x1234, srb_pdu, sizeof(srb_pdu));
	CHECK(!pdcp_lte_encode(&i, out, sizeof(out), &n, &err), "%s", err);
	CHECK(n == wn && !memcmp(out, want, n), "bytes");
	CHECK(pdcp_lte_is_framed(out, n), "framed");
	CHECK(!pdcp_lte_decode(out, n, &d, &err), "%s", err);
	CHECK(d.plane == PDCP_LTE_PLANE_SIGNALLING && d.sn_len == 5 &&
	      d.direction == PDCP_LTE_DIR_DL && d.ueid == 0x1234 &&
	      d.chan_type == PDCP_LTE_CHAN_DCCH && d.chan_id == 1 &&
	      d.has == 0x0f && !d.no_header_pdu && !d.rohc, "fields");
	CHECK(d.pdu == out + n - sizeof(srb_pdu) &&
	      d.pdu_len == sizeof(srb_pdu), "pdu view");
	CHECK(!pdcp_lte_encode(&i, out, n, &n, &err), "exact fit");
	CHECK(pdcp_lte_encode(&i, out, n - 1, &n, &err) == -ENOSPC, "small");
}

static void test_in_place(void)
{
	uint8_t buf[64];
	struct pdcp_lte_info i, d;
	size_t n;

	/* PDU at the front of the buffer: framing moves it up */
	memcpy(buf, srb_pdu, sizeof(srb_pdu));
	pdcp_lte_srb1(&i, PDCP_LTE_DIR_UL, 7, buf, sizeof(srb_pdu));
	CHECK(!pdcp_lte_encode(&i, buf, sizeof(buf), &n, NULL), "encode");
	CHECK(!pdcp_lte_decode(buf, n, &d, NULL) &&
	      d.pdu_len == sizeof(srb_pdu) &&
	      !memcmp(d.pdu, srb_pdu, sizeof(srb_pdu)), "moved intact");
}

/* As the kernel frames DRB PDUs: user plane, 12-bit SN, ROHC tags too */
static void test_drb(void)
{
	uint8_t buf[64];
	size_t n = hex(SIG "00 02 00 02 0c 03 00 0e 00 07 0d 00 03 04 01 "
		       "06 00 04 07 00 08 00 09 01 0a 00 0b 00 0c 00 00 05 01 "
		       "01 80 05 45 00 00 1c", buf);
	struct pdcp_lte_info d, e;
	uint8_t out[64];
	size_t on;
	const char *err;

	CHECK(!pdcp_lte_decode(buf, n, &d, &err), "%s", err);
	CHECK(d.plane == PDCP_LTE_PLANE_USER && d.sn_len == 12 &&
	      d.direction == PDCP_LTE_DIR_UL && d.ueid == 7 &&
	      d.chan_id == 3 && d.pdu_len == 6 && d.pdu[0] == 0x80, "fields");
	e = d;
	CHECK(!pdcp_lte_encode(&e, out, sizeof(out), &on, &err), "%s", err);
	CHECK(!pdcp_lte_decode(out, on, &e, &err) && e.sn_len == 12 &&
	      e.pdu_len == 6, "re-framed");
	n = hex(SIG "00 02 00 02 07 01 80", buf);
	CHECK(!pdcp_lte_decode(buf, n, &d, &err) && d.sn_len == 7 &&
	      d.has == 0, "minimal 7-bit");
	n = hex(SIG "01 01 00 01 aa", buf);
	CHECK(!pdcp_lte_decode(buf, n, &d, &err) && d.no_header_pdu,
	      "no-header PDU");
}

struct bad {
	const char *name;
	const char *hex;
	const char *why;
};

static const struct bad bad[] = {
	{ "empty", "", "no pdcp-lte signature" },
	{ "NAS PDU", "07 41 73 08", "no pdcp-lte signature" },
	{ "wrong signature", "70 64 63 70 2d 6e 72 20 00 01 00 01 00",
	  "no pdcp-lte signature" },
	{ "no fixed fields", SIG "00 01", "truncated fixed fields" },
	{ "no tags", SIG "00 01 00", "no payload tag" },
	{ "unknown tag", SIG "00 01 00 0f 00 01 00 30 02 20 01 02 03 04",
	  "unknown tag" },
	{ "tag zero", SIG "00 01 00 00 01 00 30 02 20 01 02 03 04",
	  "unknown tag" },
	{ "duplicate tag", SIG "00 01 00 03 01 03 01 01 00 30 02 20 01 02 03 04",
	  "duplicate tag" },
	{ "cut UE id", SIG "00 01 00 0e 12", "truncated tag" },
	{ "cut direction", SIG "00 01 00 03", "truncated tag" },
	{ "no payload tag", SIG "00 01 00 03 01 04 01", "no payload tag" },
	{ "user plane without SN length", SIG "00 02 00 01 80 01 45",
	  "user plane without SN length" },
	{ "user plane 5-bit SN", SIG "00 02 00 02 05 01 80 01",
	  "bad SN length" },
	{ "signalling 12-bit SN", SIG "00 01 00 02 0c 01 00 30 02 20 01 02 03 04",
	  "bad SN length" },
	{ "plane 3", SIG "00 03 00 01 00 30 02 20 01 02 03 04", "bad plane" },
	{ "no_header_pdu 2", SIG "02 01 00 01 00 30 02 20 01 02 03 04",
	  "bad fixed field" },
	{ "rohc 2", SIG "00 01 02 01 00 30 02 20 01 02 03 04",
	  "bad fixed field" },
	{ "direction 2", SIG "00 01 00 03 02 01 00 30 02 20 01 02 03 04",
	  "bad direction" },
	{ "channel type 5", SIG "00 01 00 04 05 01 00 30 02 20 01 02 03 04",
	  "bad logical channel type" },
	{ "SRB PDU without MAC-I", SIG "00 01 00 01 00 30 02 20",
	  "PDU shorter than header and MAC-I" },
	{ "empty DRB PDU", SIG "00 02 00 02 0c 01", "empty PDU" },
};

static void test_bad(const struct bad *b)
{
	uint8_t buf[64], *c;
	size_t n = hex(b->hex, buf);
	struct pdcp_lte_info d;
	const char *err = NULL;
	int rc;

	c = malloc(n ? n : 1);
	memcpy(c, buf, n);
	rc = pdcp_lte_decode(c, n, &d, &err);
	free(c);
	CHECK(rc == -EBADMSG, "rc %d", rc);
	CHECK(err && !strcmp(err, b->why), "why %s", err);
}

static void test_encoder_refuses(void)
{
	struct pdcp_lte_info i;
	uint8_t out[64];
	const char *err;
	size_t n;

	pdcp_lte_srb1(&i, 2, 1, srb_pdu, sizeof(srb_pdu));
	CHECK(pdcp_lte_encode(&i, out, sizeof(out), &n, &err) == -EINVAL &&
	      !strcmp(err, "bad direction"), "direction");
	pdcp_lte_srb1(&i, 0, 1, srb_pdu, 3);
	CHECK(pdcp_lte_encode(&i, out, sizeof(out), &n, &err) == -EINVAL,
	      "short SRB PDU");
	pdcp_lte_srb1(&i, 0, 1, srb_pdu, sizeof(srb_pdu));
	i.rohc = 1;
	CHECK(pdcp_lte_encode(&i, out, sizeof(out), &n, &err) == -EINVAL &&
	      !strcmp(err, "ROHC not supported"), "rohc");
	i.rohc = 0;
	i.plane = PDCP_LTE_PLANE_USER;
	CHECK(pdcp_lte_encode(&i, out, sizeof(out), &n, &err) == -EINVAL,
	      "user plane needs 7..18-bit SN");
	i.sn_len = 12;
	CHECK(!pdcp_lte_encode(&i, out, sizeof(out), &n, &err), "%s", err);
}

/* Mutations of a good framing, in exact-size copies */
static void test_mutations(void)
{
	uint8_t buf[64], *c;
	struct pdcp_lte_info i, d;
	uint32_t x = 1;
	size_t n, k, it, len;

	pdcp_lte_srb1(&i, 1, 9, srb_pdu, sizeof(srb_pdu));
	pdcp_lte_encode(&i, buf, sizeof(buf), &n, NULL);
	for (it = 0; it < 20000; it++) {
		c = malloc(n);
		memcpy(c, buf, n);
		for (k = 0; k <= it % 3; k++) {
			x = x * 1103515245 + 12345;
			c[8 + (x >> 16) % (n - 8)] = (uint8_t)(x >> 8);
		}
		len = n - (it % 5 == 0 ? (x >> 20) % n : 0);
		pdcp_lte_decode(c, len, &d, NULL);
		free(c);
	}
	CHECK(1, "no fault");
}

int main(void)
{
	char name[96];
	size_t i;

	RUN_CASE("pdcp-lte SRB1 framing", test_srb1());
	RUN_CASE("pdcp-lte framing in place", test_in_place());
	RUN_CASE("pdcp-lte DRB framing", test_drb());
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(name, sizeof(name), "pdcp-lte rejects: %s",
			 bad[i].name);
		RUN_CASE(name, test_bad(&bad[i]));
	}
	RUN_CASE("pdcp-lte encoder refuses bad input", test_encoder_refuses());
	RUN_CASE("pdcp-lte mutation sweep", test_mutations());
	return check_summary();
}
