// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer: the RRC UPER decoders (DL-DCCH and UL-DCCH) on the input.
 * A message that decodes re-encodes, fits its encoding exactly, fails
 * one octet short, and decodes back to the same fields. The first
 * octets are also taken as encoder input: what encodes must decode.
 */
#include <errno.h>
#include <string.h>

#include "fuzz.h"
#include "rrc.h"

#define RRC_ENC_MAX	8

typedef int (*dec_fn)(const uint8_t *buf, size_t len, struct rrc_msg *m,
		      const char **err);

static dec_fn decoder_of(uint8_t type)
{
	return type == RRC_SECURITY_MODE_COMMAND ? rrc_decode_dl_dcch
						 : rrc_decode_ul_dcch;
}

/* Encodes m (if the encoder accepts it) and decodes it back. */
static void roundtrip(const struct rrc_msg *m, int must_encode)
{
	uint8_t buf[RRC_ENC_MAX], *out;
	const char *err = NULL;
	struct rrc_msg d;
	size_t n = 0, n2 = 0;
	int rc;

	rc = rrc_encode(m, buf, sizeof(buf), &n, &err);
	if (rc == -EINVAL && !must_encode) {
		FUZZ_ASSERT(err, "refused without a reason");
		return;
	}
	FUZZ_ASSERT(rc == 0, "encode: %d %s", rc, err);
	FUZZ_ASSERT(n >= 1 && n <= sizeof(buf), "length %zu", n);

	out = fuzz_alloc(n);
	rc = rrc_encode(m, out, n, &n2, &err);
	FUZZ_ASSERT(rc == 0 && n2 == n && !memcmp(out, buf, n), "exact fit");
	free(out);
	out = fuzz_alloc(n - 1);
	FUZZ_ASSERT(rrc_encode(m, out, n - 1, &n2, &err) == -ENOSPC,
		    "one octet short");
	free(out);

	out = fuzz_dup(buf, n);
	rc = decoder_of(m->type)(out, n, &d, &err);
	FUZZ_ASSERT(rc == 0, "%s does not decode: %s", rrc_msg_name(m->type),
		    err);
	FUZZ_ASSERT(d.type == m->type && d.tid == m->tid, "header changed");
	FUZZ_ASSERT(m->type != RRC_SECURITY_MODE_COMMAND ||
		    (d.eea == m->eea && d.eia == m->eia), "algorithms changed");
	free(out);
}

static void decode(dec_fn dec, const uint8_t *data, size_t size, int dl)
{
	const char *err = NULL;
	struct rrc_msg m;
	int rc;

	rc = dec(data, size, &m, &err);
	FUZZ_ASSERT(rc == 0 || rc == -EBADMSG || rc == -ENOMSG, "rc %d", rc);
	if (rc) {
		FUZZ_ASSERT(err, "failed without a reason");
		return;
	}
	FUZZ_ASSERT(!err, "success with an error: %s", err);
	FUZZ_ASSERT(dl ? m.type == RRC_SECURITY_MODE_COMMAND
		       : m.type == RRC_SECURITY_MODE_COMPLETE ||
			 m.type == RRC_SECURITY_MODE_FAILURE,
		    "type %u", m.type);
	FUZZ_ASSERT(m.tid <= 3 && m.eea <= RRC_ALG_MAX && m.eia <= RRC_ALG_MAX,
		    "field out of range");
	roundtrip(&m, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rrc_msg m;

	decode(rrc_decode_dl_dcch, data, size, 1);
	decode(rrc_decode_ul_dcch, data, size, 0);
	if (size >= 4) {
		m = (struct rrc_msg){ data[0], data[1], data[2], data[3] };
		rrc_msg_name(m.type);
		roundtrip(&m, 0);
	}
	return 0;
}
