// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer: every NAS decoder entry point (nas_peek, nas_sec_parse,
 * nas_emm_decode, nas_esm_decode, nas_cred_decode) on the input, then
 * the encoders on whatever decoded. A decoded message either re-encodes
 * or is refused with -EINVAL; what re-encodes decodes again and encodes
 * to the same octets; an encoder one octet short says -ENOSPC and writes
 * nothing past its buffer (each output buffer is a heap block of exactly
 * its capacity, so ASan sees an overrun). The credential IEs a message
 * carries opaquely are decoded as parlosd does, and must re-encode to
 * exactly their octets.
 */
#include <errno.h>
#include <string.h>

#include "fuzz.h"
#include "nas.h"

/* TLV-E values reach 64 KiB; re-encoding never grows a message more */
#define ENC_MAX		(2 * 65536 + 1024)

static uint8_t enc1[ENC_MAX], enc2[ENC_MAX];

/* nas_strerror on a failure: terminated at any size, never overrun */
static void check_strerror(const struct nas_err *e)
{
	static const size_t sizes[] = { 1, 7, 300 };
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		char *s = fuzz_alloc(sizes[i]);

		nas_strerror(e, s, sizes[i]);
		FUZZ_ASSERT(memchr(s, 0, sizes[i]), "strerror not terminated");
		free(s);
	}
}

typedef int (*enc_fn)(const void *m, uint8_t *out, size_t cap, size_t *len,
		      struct nas_err *err);

static int enc_emm(const void *m, uint8_t *out, size_t cap, size_t *len,
		   struct nas_err *err)
{
	return nas_emm_encode(m, out, cap, len, err);
}

static int enc_esm(const void *m, uint8_t *out, size_t cap, size_t *len,
		   struct nas_err *err)
{
	return nas_esm_encode(m, out, cap, len, err);
}

/*
 * Encodes m into enc1. Returns its length, or 0 if the encoder refused
 * it (cleanly). Also checks the exact-fit and one-short capacities.
 */
static size_t encode_checked(enc_fn enc, const void *m)
{
	struct nas_err err;
	size_t n = 0, n2 = 0;
	uint8_t *out;
	int rc;

	rc = enc(m, enc1, sizeof(enc1), &n, &err);
	if (rc == -EINVAL) {
		FUZZ_ASSERT(err.why, "refused without a reason");
		check_strerror(&err);
		return 0;
	}
	FUZZ_ASSERT(rc == 0, "encode: %d", rc);
	FUZZ_ASSERT(n >= 2 && n <= sizeof(enc1), "length %zu", n);

	out = fuzz_alloc(n);
	rc = enc(m, out, n, &n2, &err);
	FUZZ_ASSERT(rc == 0 && n2 == n && !memcmp(out, enc1, n),
		    "exact fit: %d, %zu of %zu", rc, n2, n);
	free(out);

	out = fuzz_alloc(n - 1);
	rc = enc(m, out, n - 1, &n2, &err);
	FUZZ_ASSERT(rc == -ENOSPC, "one octet short: %d", rc);
	free(out);
	return n;
}

/* Helpers that take decoded values: they must accept what decoding gave */
static void check_apn(const struct nas_apn *apn)
{
	struct nas_apn back;
	char *s;

	s = fuzz_alloc(apn->len);
	FUZZ_ASSERT(!nas_apn_to_str(apn, s, apn->len), "APN to string");
	FUZZ_ASSERT(!nas_apn_from_str(&back, s), "APN \"%s\" back", s);
	FUZZ_ASSERT(back.len == apn->len && !memcmp(back.v, apn->v, apn->len),
		    "APN \"%s\" changed", s);
	free(s);
	s = fuzz_alloc(apn->len - 1);
	FUZZ_ASSERT(nas_apn_to_str(apn, s, apn->len - 1) == -EINVAL,
		    "APN string one short");
	free(s);
}

static void check_esm_values(const struct nas_esm_msg *e)
{
	if (e->type == NAS_ACT_DEFAULT_BEARER_REQ)
		check_apn(&e->act_req.apn);
	if (e->type == NAS_PDN_CONNECTIVITY_REQ && e->pdn_conn_req.has_apn)
		check_apn(&e->pdn_conn_req.apn);
}

/* 0x7C, 0x7E, 0x7F values: decode, and re-encode to the same octets */
static void cred_roundtrip(const uint8_t *v, size_t len, unsigned int parts)
{
	struct nas_parlos_cred c;
	const char *why = NULL;
	size_t n = 0;
	uint8_t *out;
	int rc;

	rc = nas_cred_decode(v, len, parts, &c, &why);
	FUZZ_ASSERT(rc == 0 || rc == -EBADMSG, "rc %d", rc);
	if (rc) {
		FUZZ_ASSERT(why, "failed without a reason");
		return;
	}
	FUZZ_ASSERT(!why, "success with a reason: %s", why);
	FUZZ_ASSERT(len >= 1, "empty value decoded");
	if (len > 0xffff)
		return;	/* no TLV-E holds it: the encoder refuses it */
	out = fuzz_alloc(len);
	rc = nas_cred_encode(&c, parts, out, len, &n);
	FUZZ_ASSERT(rc == 0 && n == len && !memcmp(out, v, len),
		    "credential (parts %u) re-encodes differently: %d, %zu/%zu",
		    parts, rc, n, len);
	free(out);
	out = fuzz_alloc(len - 1);
	rc = nas_cred_encode(&c, parts, out, len - 1, &n);
	FUZZ_ASSERT(rc == -ENOSPC, "credential one octet short: %d", rc);
	free(out);
}

static void check_emm_values(const struct nas_emm_msg *m)
{
	struct nas_ue_sec_cap sc;

	switch (m->type) {
	case NAS_SECURITY_MODE_COMMAND:
		FUZZ_ASSERT(!m->smc.pubkey_hash.p ||
			    m->smc.pubkey_hash.len == NAS_PARLOS_HASH_LEN,
			    "key hash of %zu octets", m->smc.pubkey_hash.len);
		if (m->smc.gw_cert.p)
			cred_roundtrip(m->smc.gw_cert.p, m->smc.gw_cert.len,
				       NAS_CRED_PART | NAS_SIG_PART);
		break;
	case NAS_SECURITY_MODE_COMPLETE:
		if (m->smc_cpl.me_sig.p)
			cred_roundtrip(m->smc_cpl.me_sig.p,
				       m->smc_cpl.me_sig.len, NAS_SIG_PART);
		break;
	case NAS_ATTACH_REQUEST:
		if (m->attach_req.me_cert.p)
			cred_roundtrip(m->attach_req.me_cert.p,
				       m->attach_req.me_cert.len,
				       NAS_CRED_PART);
		nas_ue_sec_cap_from_net_cap(&sc, &m->attach_req.ue_net_cap);
		FUZZ_ASSERT(nas_ue_sec_cap_matches(&sc,
						   &m->attach_req.ue_net_cap),
			    "UE security capability from network capability");
		check_esm_values(&m->attach_req.esm);
		break;
	case NAS_ATTACH_ACCEPT:
		check_esm_values(&m->attach_acc.esm);
		break;
	default:
		break;
	}
}

static void emm_roundtrip(const struct nas_emm_msg *m)
{
	struct nas_emm_msg d;
	struct nas_err err;
	size_t n, n2 = 0;
	int rc;

	check_emm_values(m);
	n = encode_checked(enc_emm, m);
	if (!n)
		return;
	rc = nas_emm_decode(enc1, n, &d, &err);
	FUZZ_ASSERT(rc == 0, "re-encoded %s does not decode: %s",
		    nas_msg_name(NAS_PD_EMM, m->type), err.why);
	FUZZ_ASSERT(d.type == m->type, "type %#x became %#x", m->type, d.type);
	rc = nas_emm_encode(&d, enc2, sizeof(enc2), &n2, &err);
	FUZZ_ASSERT(rc == 0 && n2 == n && !memcmp(enc1, enc2, n),
		    "%s: second encoding differs (%d, %zu/%zu)",
		    nas_msg_name(NAS_PD_EMM, m->type), rc, n2, n);
}

static void esm_roundtrip(const struct nas_esm_msg *m)
{
	struct nas_esm_msg d;
	struct nas_err err;
	size_t n, n2 = 0;
	int rc;

	check_esm_values(m);
	n = encode_checked(enc_esm, m);
	if (!n)
		return;
	rc = nas_esm_decode(enc1, n, &d, &err);
	FUZZ_ASSERT(rc == 0, "re-encoded %s does not decode: %s",
		    nas_msg_name(NAS_PD_ESM, m->type), err.why);
	FUZZ_ASSERT(d.type == m->type && d.ebi == m->ebi && d.pti == m->pti,
		    "header changed");
	rc = nas_esm_encode(&d, enc2, sizeof(enc2), &n2, &err);
	FUZZ_ASSERT(rc == 0 && n2 == n && !memcmp(enc1, enc2, n),
		    "%s: second encoding differs (%d, %zu/%zu)",
		    nas_msg_name(NAS_PD_ESM, m->type), rc, n2, n);
}

static int emm_decode(const uint8_t *p, size_t n, struct nas_emm_msg *m)
{
	struct nas_err err;
	int rc = nas_emm_decode(p, n, m, &err);

	FUZZ_ASSERT(rc == 0 || rc == -EBADMSG || rc == -ENOMSG, "rc %d", rc);
	if (rc) {
		FUZZ_ASSERT(err.why, "failed without a reason");
		check_strerror(&err);
		return rc;
	}
	FUZZ_ASSERT(nas_msg_name(NAS_PD_EMM, m->type), "unnamed type");
	emm_roundtrip(m);
	return 0;
}

/* The outer header: parse, rebuild (also in place), then the inner PDU */
static int sec_decode(const uint8_t *data, size_t size)
{
	struct nas_sec_hdr h;
	struct nas_emm_msg m;
	struct nas_err err;
	uint8_t *out;
	size_t n = 0;
	int rc;

	rc = nas_sec_parse(data, size, &h, &err);
	FUZZ_ASSERT(rc == 0 || rc == -EBADMSG, "rc %d", rc);
	if (rc) {
		check_strerror(&err);
		return rc;
	}
	FUZZ_ASSERT(h.sht >= NAS_SHT_INTEG && h.sht <= NAS_SHT_INTEG_CIPH_NEW,
		    "sht %u", h.sht);
	FUZZ_ASSERT(h.msg == data + 6 && h.msg_len == size - 6, "view");

	out = fuzz_dup(data, size);
	rc = nas_sec_build(&h, out, size, &n);
	FUZZ_ASSERT(rc == 0 && n == size && !memcmp(out, data, size),
		    "rebuilt header differs");
	FUZZ_ASSERT(nas_sec_build(&h, out, size - 1, &n) == -ENOSPC,
		    "one octet short");
	/* in place: the message already sits at out + 6 */
	h.msg = out + 6;
	rc = nas_sec_build(&h, out, size, &n);
	FUZZ_ASSERT(rc == 0 && n == size && !memcmp(out, data, size),
		    "in-place build differs");
	free(out);

	/* as parlosd does once the MAC is checked (and nothing ciphered) */
	emm_decode(data + 6, size - 6, &m);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nas_pdu_info info;
	struct nas_emm_msg emm;
	struct nas_esm_msg esm;
	struct nas_err err;
	int peek, emm_rc, esm_rc, sec_rc;

	peek = nas_peek(data, size, &info);
	FUZZ_ASSERT(peek == 0 || peek == -EBADMSG, "peek %d", peek);

	emm_rc = emm_decode(data, size, &emm);
	esm_rc = nas_esm_decode(data, size, &esm, &err);
	FUZZ_ASSERT(esm_rc == 0 || esm_rc == -EBADMSG || esm_rc == -ENOMSG,
		    "rc %d", esm_rc);
	if (esm_rc)
		check_strerror(&err);
	else
		esm_roundtrip(&esm);
	sec_rc = sec_decode(data, size);
	/* the input as a credential IE value, of each kind */
	cred_roundtrip(data, size, NAS_CRED_PART);
	cred_roundtrip(data, size, NAS_SIG_PART);
	cred_roundtrip(data, size, NAS_CRED_PART | NAS_SIG_PART);

	/* nas_peek classifies what the decoders accept the same way */
	if (!emm_rc)
		FUZZ_ASSERT(!peek && info.pd == NAS_PD_EMM && !info.sht &&
			    info.type == emm.type, "peek of an EMM message");
	if (!esm_rc)
		FUZZ_ASSERT(!peek && info.pd == NAS_PD_ESM &&
			    info.type == esm.type, "peek of an ESM message");
	if (!sec_rc)
		FUZZ_ASSERT(!peek && info.pd == NAS_PD_EMM &&
			    info.sht == data[0] >> 4, "peek of a protected PDU");
	return 0;
}
