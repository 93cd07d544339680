// SPDX-License-Identifier: GPL-2.0
/*
 * RRC security mode message tests. The known-good octets were worked
 * out bit by bit from TS 36.331 and decoded by tshark's LTE RRC
 * dissector (e.g. 30 02 20: securityModeCommand, transaction 0,
 * eea2, eia2; 28 00: securityModeComplete, transaction 0).
 */
#include <errno.h>
#include <string.h>

#include "check.h"
#include "rrc.h"
#include "uper.h"

static const struct {
	struct rrc_msg m;
	uint8_t len;
	uint8_t bytes[3];
} good[] = {
	{ { RRC_SECURITY_MODE_COMMAND, 0, 2, 2 }, 3, { 0x30, 0x02, 0x20 } },
	{ { RRC_SECURITY_MODE_COMMAND, 1, 0, 2 }, 3, { 0x32, 0x00, 0x20 } },
	{ { RRC_SECURITY_MODE_COMMAND, 3, 3, 3 }, 3, { 0x36, 0x03, 0x30 } },
	{ { RRC_SECURITY_MODE_COMMAND, 2, 1, 0 }, 3, { 0x34, 0x01, 0x00 } },
	{ { RRC_SECURITY_MODE_COMPLETE, 0, 0, 0 }, 2, { 0x28, 0x00 } },
	{ { RRC_SECURITY_MODE_COMPLETE, 2, 0, 0 }, 2, { 0x2c, 0x00 } },
	{ { RRC_SECURITY_MODE_FAILURE, 1, 0, 0 }, 2, { 0x32, 0x00 } },
};

static int decode(uint8_t type, const uint8_t *b, size_t n, struct rrc_msg *m,
		  const char **err)
{
	if (type == RRC_SECURITY_MODE_COMMAND)
		return rrc_decode_dl_dcch(b, n, m, err);
	return rrc_decode_ul_dcch(b, n, m, err);
}

static void test_known(void)
{
	uint8_t out[8];
	struct rrc_msg d;
	const char *err;
	size_t i, n;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		CHECK(!rrc_encode(&good[i].m, out, sizeof(out), &n, &err),
		      "%zu: %s", i, err);
		CHECK(n == good[i].len && !memcmp(out, good[i].bytes, n),
		      "%zu: %02x %02x %02x", i, out[0], out[1], out[2]);
		CHECK(!decode(good[i].m.type, good[i].bytes, good[i].len, &d,
			      &err), "%zu: %s", i, err);
		CHECK(!memcmp(&d, &good[i].m, sizeof(d)) ||
		      (d.type != RRC_SECURITY_MODE_COMMAND &&
		       d.type == good[i].m.type && d.tid == good[i].m.tid),
		      "%zu: fields", i);
	}
}

static void test_all_values(void)
{
	struct rrc_msg m = { RRC_SECURITY_MODE_COMMAND, 0, 0, 0 }, d;
	uint8_t out[8];
	size_t n;

	for (m.tid = 0; m.tid < 4; m.tid++)
		for (m.eea = 0; m.eea <= RRC_ALG_MAX; m.eea++)
			for (m.eia = 0; m.eia <= RRC_ALG_MAX; m.eia++) {
				CHECK(!rrc_encode(&m, out, sizeof(out), &n,
						  NULL) && n == 3, "encode");
				CHECK(!rrc_decode_dl_dcch(out, n, &d, NULL) &&
				      !memcmp(&m, &d, sizeof(m)), "decode");
			}
}

/* SMC with every optional part present: nonCriticalExtension (v8a0,
 * with a lateNonCriticalExtension) and an unknown SecurityConfigSMC
 * extension addition, which a receiver must skip. */
static void test_extensions(void)
{
	uint8_t buf[16];
	struct uper_wr w;
	struct rrc_msg d;
	const char *err;
	size_t n;

	uper_wr_init(&w, buf, sizeof(buf));
	uper_put(&w, 0, 1);
	uper_put(&w, 6, 4);
	uper_put(&w, 1, 2);		/* tid */
	uper_put(&w, 0, 1);
	uper_put(&w, 0, 2);
	uper_put(&w, 1, 1);		/* nonCriticalExtension present */
	uper_put(&w, 1, 1);		/* SecurityConfigSMC extended */
	uper_put(&w, 1, 4);		/* eea1 */
	uper_put(&w, 2, 4);		/* eia2 */
	uper_put(&w, 0, 7);		/* 1 extension addition... */
	uper_put(&w, 1, 1);		/* ...present */
	uper_put(&w, 2, 8);		/* open type: 2 octets */
	uper_put(&w, 0xbeef, 16);
	uper_put(&w, 1, 1);		/* lateNonCriticalExtension */
	uper_put(&w, 1, 1);		/* nonCriticalExtension {} */
	uper_put(&w, 1, 8);		/* 1 octet */
	uper_put(&w, 0xaa, 8);
	CHECK(!uper_wr_finish(&w, &n), "write");
	CHECK(!rrc_decode_dl_dcch(buf, n, &d, &err), "decode: %s", err);
	CHECK(d.tid == 1 && d.eea == 1 && d.eia == 2, "fields");
	CHECK(rrc_decode_dl_dcch(buf, n - 1, &d, &err) == -EBADMSG &&
	      !strcmp(err, "truncated"), "cut: %s", err);

	uper_wr_init(&w, buf, sizeof(buf));
	uper_put(&w, 5, 5);		/* c1, securityModeComplete */
	uper_put(&w, 3, 2);
	uper_put(&w, 0, 1);
	uper_put(&w, 1, 1);		/* nonCriticalExtension */
	uper_put(&w, 0, 2);		/* v8a0: nothing in it */
	CHECK(!uper_wr_finish(&w, &n), "write");
	CHECK(!rrc_decode_ul_dcch(buf, n, &d, &err) &&
	      d.type == RRC_SECURITY_MODE_COMPLETE && d.tid == 3, "%s", err);
}

struct bad {
	const char *name;
	int dl;
	uint8_t len;
	uint8_t b[4];
	int rc;
	const char *why;
};

static const struct bad bad[] = {
	{ "empty", 1, 0, { 0 }, -EBADMSG, "truncated" },
	{ "cut SMC", 1, 2, { 0x30, 0x02 }, -EBADMSG, "truncated" },
	{ "cut SMC header", 1, 1, { 0x30 }, -EBADMSG, "truncated" },
	{ "spare cipheringAlgorithm", 1, 3, { 0x30, 0x04, 0x20 }, -EBADMSG,
	  "spare cipheringAlgorithm" },
	{ "spare integrityProtAlgorithm", 1, 3, { 0x30, 0x02, 0x70 }, -EBADMSG,
	  "spare integrityProtAlgorithm" },
	{ "extended cipheringAlgorithm", 1, 3, { 0x30, 0x0a, 0x20 }, -EBADMSG,
	  "unknown cipheringAlgorithm extension" },
	{ "extended integrityProtAlgorithm", 1, 3, { 0x30, 0x02, 0xa0 },
	  -EBADMSG, "unknown integrityProtAlgorithm extension" },
	{ "trailing octet", 1, 4, { 0x30, 0x02, 0x20, 0x00 }, -EBADMSG,
	  "trailing data" },
	{ "padding not zero", 1, 3, { 0x30, 0x02, 0x21 }, -EBADMSG,
	  "trailing data" },
	{ "messageClassExtension", 1, 3, { 0x80, 0x00, 0x00 }, -ENOMSG,
	  "messageClassExtension not supported" },
	{ "rrcConnectionRelease", 1, 3, { 0x28, 0x00, 0x00 }, -ENOMSG,
	  "not a SecurityModeCommand" },
	{ "criticalExtensionsFuture", 1, 1, { 0x31 }, -ENOMSG,
	  "criticalExtensionsFuture not supported" },
	{ "spare critical extension", 1, 3, { 0x30, 0x82, 0x20 }, -EBADMSG,
	  "spare critical extension" },
	{ "SMC on the uplink decoder", 0, 3, { 0x30, 0x02, 0x20 }, -EBADMSG,
	  "trailing data" },
	{ "UL empty", 0, 0, { 0 }, -EBADMSG, "truncated" },
	{ "UL cut", 0, 1, { 0x28 }, -EBADMSG, "truncated" },
	{ "UL measurementReport", 0, 2, { 0x08, 0x00 }, -ENOMSG,
	  "not a SecurityModeComplete/Failure" },
	{ "UL criticalExtensionsFuture", 0, 2, { 0x29, 0x00 }, -ENOMSG,
	  "criticalExtensionsFuture not supported" },
	{ "UL late extension past end", 0, 3, { 0x28, 0xcf, 0xf0 }, -EBADMSG,
	  "truncated" },
	{ "UL fragmented length", 0, 3, { 0x28, 0xd8, 0x00 }, -EBADMSG,
	  "fragmented length not supported" },
};

static void test_bad(const struct bad *b)
{
	uint8_t *c = malloc(b->len ? b->len : 1);
	struct rrc_msg m;
	const char *err = NULL;
	int rc;

	memcpy(c, b->b, b->len);
	if (b->dl)
		rc = rrc_decode_dl_dcch(c, b->len, &m, &err);
	else
		rc = rrc_decode_ul_dcch(c, b->len, &m, &err);
	free(c);
	CHECK(rc == b->rc, "rc %d (%s)", rc, err);
	CHECK(err && !strcmp(err, b->why), "why %s", err);
}

static void test_encoder_refuses(void)
{
	struct rrc_msg m = { RRC_SECURITY_MODE_COMMAND, 4, 0, 0 };
	uint8_t out[3];
	const char *err;
	size_t n;

	CHECK(rrc_encode(&m, out, 3, &n, &err) == -EINVAL, "tid 4");
	m.tid = 0;
	m.eea = 4;
	CHECK(rrc_encode(&m, out, 3, &n, &err) == -EINVAL, "eea 4");
	m.eea = 0;
	m.eia = 7;
	CHECK(rrc_encode(&m, out, 3, &n, &err) == -EINVAL, "eia 7");
	m.eia = 0;
	m.type = 9;
	CHECK(rrc_encode(&m, out, 3, &n, &err) == -EINVAL, "type");
	m.type = RRC_SECURITY_MODE_COMMAND;
	CHECK(rrc_encode(&m, out, 2, &n, &err) == -ENOSPC, "small");
	m.type = RRC_SECURITY_MODE_FAILURE;
	CHECK(rrc_encode(&m, out, 1, &n, &err) == -ENOSPC, "small UL");
	CHECK(!rrc_encode(&m, out, 2, &n, &err) && n == 2, "fits");
	CHECK(!strcmp(rrc_msg_name(RRC_SECURITY_MODE_FAILURE),
		      "SecurityModeFailure"), "name");
}

/* Every 1..3-octet input through both decoders, with exact-size copies */
static void test_exhaustive(void)
{
	struct rrc_msg m;
	uint32_t v;
	size_t n;
	uint8_t *c;

	for (n = 1; n <= 3; n++) {
		for (v = 0; v < (1u << (8 * n)); v += n == 3 ? 7 : 1) {
			c = malloc(n);
			c[0] = (uint8_t)v;
			if (n > 1)
				c[1] = (uint8_t)(v >> 8);
			if (n > 2)
				c[2] = (uint8_t)(v >> 16);
			rrc_decode_dl_dcch(c, n, &m, NULL);
			rrc_decode_ul_dcch(c, n, &m, NULL);
			free(c);
		}
	}
	CHECK(1, "no fault");
}

int main(void)
{
	char name[96];
	size_t i;

	RUN_CASE("rrc known encodings", test_known());
	RUN_CASE("rrc all transaction ids and algorithms", test_all_values());
	RUN_CASE("rrc extensions skipped", test_extensions());
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(name, sizeof(name), "rrc rejects: %s", bad[i].name);
		RUN_CASE(name, test_bad(&bad[i]));
	}
	RUN_CASE("rrc encoder refuses bad input", test_encoder_refuses());
	RUN_CASE("rrc exhaustive short inputs", test_exhaustive());
	return check_summary();
}
