// SPDX-License-Identifier: GPL-2.0
/*
 * NAS codec tests: round trips, hand-checked known-good PDUs (the same
 * bytes were fed to tshark 4.0, which decodes them as shown in the
 * comments), a table of malformed PDUs with their expected errors, and
 * a truncation / mutation sweep that must never fault (ASan/UBSan).
 */
#include <errno.h>
#include <string.h>

#include "check.h"
#include "nas.h"

#define BUF 1024

static const uint8_t key_a[32] = {
	0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
	0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
};
static const uint8_t key_b[33] = {
	0x02, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
	0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
	0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
	0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
};
static const uint8_t ct[32] = { [0] = 0xc0, [31] = 0xc1 };
static const uint8_t tag[8] = { 0x7a, 0x67, 0, 0, 0, 0, 0, 0x01 };
static const uint8_t cert[5] = { 0x30, 0x03, 0x02, 0x01, 0x00 };

/* "07 41 73" -> bytes; returns the count */
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

static void mk_pdn_req(struct nas_esm_msg *e)
{
	memset(e, 0, sizeof(*e));
	e->type = NAS_PDN_CONNECTIVITY_REQ;
	e->pti = 1;
	e->pdn_conn_req.request_type = 1;
	e->pdn_conn_req.pdn_type = NAS_PDN_IPV4;
}

static void mk_attach_req(struct nas_emm_msg *m)
{
	struct nas_attach_req *a = &m->attach_req;

	memset(m, 0, sizeof(*m));
	m->type = NAS_ATTACH_REQUEST;
	a->attach_type = NAS_ATTACH_TYPE_RLOS;
	a->ksi = NAS_KSI_NONE;
	a->id.type = NAS_ID_IMEI;
	strcpy(a->id.digits, "490154203237518");
	a->ue_net_cap.len = 4;
	memcpy(a->ue_net_cap.oct, "\xf0\x70\xc0\xc0", 4);
	mk_pdn_req(&a->esm);
	a->has_pubkey = true;
	a->pubkey.profile = NAS_PARLOS_PROFILE_A;
	a->pubkey.key = key_a;
	a->pubkey.key_len = sizeof(key_a);
}

static void mk_smc(struct nas_emm_msg *m)
{
	struct nas_smc *s = &m->smc;
	struct nas_ue_net_cap nc = { 4, { 0xf0, 0x70, 0xc0, 0xc0 } };

	memset(m, 0, sizeof(*m));
	m->type = NAS_SECURITY_MODE_COMMAND;
	s->eea = 2;
	s->eia = 2;
	s->ksi = 0;
	nas_ue_sec_cap_from_net_cap(&s->replayed, &nc);
	s->imeisv_req = true;
	s->has_kasme = true;
	s->kasme.profile = NAS_PARLOS_PROFILE_A;
	s->kasme.eph = key_a;
	s->kasme.eph_len = 32;
	s->kasme.ct = ct;
	s->kasme.tag = tag;
}

static void mk_act_req(struct nas_esm_msg *e)
{
	struct nas_act_bearer_req *r = &e->act_req;

	memset(e, 0, sizeof(*e));
	e->type = NAS_ACT_DEFAULT_BEARER_REQ;
	e->ebi = 5;
	e->pti = 1;
	r->qos.len = 1;
	r->qos.oct[0] = 9;
	nas_apn_from_str(&r->apn, "rlos");
	r->addr.type = NAS_PDN_IPV4;
	memcpy(r->addr.ipv4, "\x0a\x2d\x00\x02", 4);
}

static void mk_attach_acc(struct nas_emm_msg *m)
{
	struct nas_attach_acc *a = &m->attach_acc;
	struct nas_plmn plmn = { 1, 1, 2 };

	memset(m, 0, sizeof(*m));
	m->type = NAS_ATTACH_ACCEPT;
	a->result = NAS_ATTACH_RESULT_EPS;
	a->t3412 = 0x21;
	a->tai_list.n = 1;
	a->tai_list.tai[0].plmn = plmn;
	a->tai_list.tai[0].tac = 1;
	mk_act_req(&a->esm);
	a->has_guti = true;
	a->guti.plmn = plmn;
	a->guti.mme_gid = 0x8001;
	a->guti.mme_code = 1;
	a->guti.m_tmsi = 0x1234;
}

static void mk_attach_cpl(struct nas_emm_msg *m)
{
	memset(m, 0, sizeof(*m));
	m->type = NAS_ATTACH_COMPLETE;
	m->attach_cpl.esm.type = NAS_ACT_DEFAULT_BEARER_ACC;
	m->attach_cpl.esm.ebi = 5;
}

/* Hand-checked encodings (TS 24.301 8.2/8.3; tshark shows the same) */
static const char attach_req_hex[] =
	"07 41 73 08 4b 09 51 24 30 32 57 81 04 f0 70 c0 c0 "
	"00 04 02 01 d0 11 "
	"7a 00 21 01 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 "
	"11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11";
static const char smc_hex[] =
	"07 5d 22 00 04 f0 70 c0 40 c1 "
	"7d 00 49 01 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 "
	"11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 "
	"c0 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
	"00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 c1 "
	"7a 67 00 00 00 00 00 01";
static const char attach_acc_hex[] =
	"07 42 01 21 06 00 00 f1 10 00 01 "
	"00 11 52 01 c1 01 09 05 04 72 6c 6f 73 05 01 0a 2d 00 02 "
	"50 0b f6 00 f1 10 80 01 01 00 00 12 34";
static const char attach_cpl_hex[] = "07 43 00 03 52 00 c2";
static const char smc_cpl_hex[] =
	"07 5e 23 09 43 09 51 24 30 32 57 01 f1";
static const char smc_rej_hex[] = "07 5f 18";
static const char attach_rej_hex[] = "07 44 17";

static void expect_encoding(const struct nas_emm_msg *m, const char *want)
{
	uint8_t out[BUF], exp[BUF];
	size_t n = 0, en = hex(want, exp);
	struct nas_err err;
	int rc = nas_emm_encode(m, out, sizeof(out), &n, &err);

	CHECK(rc == 0, "encode: %d %s", rc, err.why);
	CHECK(n == en && !memcmp(out, exp, en), "encoding differs (%zu/%zu)",
	      n, en);
}

/* Encode, decode, re-encode: the bytes must be the same */
static void roundtrip(const struct nas_emm_msg *m, struct nas_emm_msg *d)
{
	static uint8_t out[BUF], again[BUF];
	size_t n = 0, n2 = 0;
	struct nas_err err;
	char s[200];
	int rc;

	rc = nas_emm_encode(m, out, sizeof(out), &n, &err);
	CHECK(rc == 0, "encode: %s", nas_strerror(&err, s, sizeof(s)));
	rc = nas_emm_decode(out, n, d, &err);
	CHECK(rc == 0, "decode: %s", nas_strerror(&err, s, sizeof(s)));
	CHECK(d->type == m->type, "type");
	rc = nas_emm_encode(d, again, sizeof(again), &n2, &err);
	CHECK(rc == 0 && n2 == n && !memcmp(out, again, n), "re-encode");
}

static void test_attach_req(void)
{
	struct nas_emm_msg m, d;
	struct nas_attach_req *a = &d.attach_req;

	mk_attach_req(&m);
	expect_encoding(&m, attach_req_hex);
	m.attach_req.me_cert.p = cert;
	m.attach_req.me_cert.len = sizeof(cert);
	roundtrip(&m, &d);
	CHECK(a->attach_type == NAS_ATTACH_TYPE_RLOS, "attach type");
	CHECK(a->ksi == NAS_KSI_NONE, "ksi");
	CHECK(a->id.type == NAS_ID_IMEI, "id type");
	CHECK(!strcmp(a->id.digits, "490154203237518"), "imei %s",
	      a->id.digits);
	CHECK(a->ue_net_cap.len == 4 && a->ue_net_cap.oct[0] == 0xf0,
	      "ue net cap");
	CHECK(a->esm.type == NAS_PDN_CONNECTIVITY_REQ && a->esm.pti == 1,
	      "esm");
	CHECK(a->esm.pdn_conn_req.pdn_type == NAS_PDN_IPV4, "pdn type");
	CHECK(a->esm_raw.len == 4, "esm raw");
	CHECK(a->has_pubkey && a->pubkey.profile == 1 &&
	      a->pubkey.key_len == 32 &&
	      !memcmp(a->pubkey.key, key_a, 32), "pubkey");
	CHECK(a->me_cert.len == sizeof(cert) &&
	      !memcmp(a->me_cert.p, cert, sizeof(cert)), "cert");
}

static void test_attach_req_profile_b(void)
{
	struct nas_emm_msg m, d;

	mk_attach_req(&m);
	m.attach_req.pubkey.profile = NAS_PARLOS_PROFILE_B;
	m.attach_req.pubkey.key = key_b;
	m.attach_req.pubkey.key_len = sizeof(key_b);
	m.attach_req.esm.pdn_conn_req.has_apn = true;
	nas_apn_from_str(&m.attach_req.esm.pdn_conn_req.apn, "sos.rlos");
	roundtrip(&m, &d);
	CHECK(d.attach_req.pubkey.profile == 2 &&
	      d.attach_req.pubkey.key_len == 33 &&
	      !memcmp(d.attach_req.pubkey.key, key_b, 33), "profile B key");
	CHECK(d.attach_req.esm.pdn_conn_req.has_apn &&
	      d.attach_req.esm.pdn_conn_req.apn.len == 9, "apn");
}

static void test_smc(void)
{
	struct nas_emm_msg m, d;
	struct nas_smc *s = &d.smc;
	struct nas_ue_net_cap nc = { 4, { 0xf0, 0x70, 0xc0, 0xc0 } };

	mk_smc(&m);
	expect_encoding(&m, smc_hex);
	m.smc.gw_cert.p = cert;
	m.smc.gw_cert.len = sizeof(cert);
	roundtrip(&m, &d);
	CHECK(s->eea == 2 && s->eia == 2 && s->ksi == 0, "algs/ksi");
	CHECK(s->replayed.len == 4 && s->replayed.oct[3] == 0x40,
	      "replayed caps drop UCS2");
	CHECK(nas_ue_sec_cap_matches(&s->replayed, &nc), "matches");
	nc.oct[1] = 0x60;
	CHECK(!nas_ue_sec_cap_matches(&s->replayed, &nc), "mismatch found");
	CHECK(s->imeisv_req, "imeisv req");
	CHECK(s->has_kasme && s->kasme.profile == 1 &&
	      s->kasme.eph_len == 32 && !memcmp(s->kasme.eph, key_a, 32) &&
	      !memcmp(s->kasme.ct, ct, 32) && !memcmp(s->kasme.tag, tag, 8),
	      "kasme");
	CHECK(s->gw_cert.len == sizeof(cert), "gw cert");
}

static void test_smc_profile_b(void)
{
	struct nas_emm_msg m, d;

	mk_smc(&m);
	m.smc.kasme.profile = NAS_PARLOS_PROFILE_B;
	m.smc.kasme.eph = key_b;
	m.smc.kasme.eph_len = 33;
	m.smc.replayed.len = 2;
	m.smc.imeisv_req = false;
	m.smc.ksi = 8 | 3;	/* mapped context, KSI 3 */
	roundtrip(&m, &d);
	CHECK(d.smc.kasme.eph_len == 33 && !memcmp(d.smc.kasme.ct, ct, 32),
	      "profile B blob");
	CHECK(d.smc.replayed.len == 2 && !d.smc.imeisv_req, "short caps");
	CHECK(d.smc.ksi == 11, "ksi %u", d.smc.ksi);
}

static void test_attach_acc(void)
{
	struct nas_emm_msg m, d;
	struct nas_attach_acc *a = &d.attach_acc;
	char apn[NAS_APN_MAX];

	mk_attach_acc(&m);
	expect_encoding(&m, attach_acc_hex);
	roundtrip(&m, &d);
	CHECK(a->result == 1 && a->t3412 == 0x21, "result/timer");
	CHECK(a->tai_list.n == 1 && a->tai_list.tai[0].tac == 1 &&
	      a->tai_list.tai[0].plmn.mcc == 1 &&
	      a->tai_list.tai[0].plmn.mnc == 1, "tai");
	CHECK(a->esm.ebi == 5 && a->esm.act_req.qos.oct[0] == 9, "qos");
	CHECK(!nas_apn_to_str(&a->esm.act_req.apn, apn, sizeof(apn)) &&
	      !strcmp(apn, "rlos"), "apn");
	CHECK(!memcmp(a->esm.act_req.addr.ipv4, "\x0a\x2d\x00\x02", 4),
	      "ipv4");
	CHECK(a->has_guti && a->guti.m_tmsi == 0x1234 &&
	      a->guti.mme_gid == 0x8001 && a->guti.mme_code == 1, "guti");
	CHECK((a->guti.m_tmsi & 0xffff) == 0x1234, "ue id");
}

static void test_attach_acc_variants(void)
{
	struct nas_emm_msg m, d;
	struct nas_attach_acc *a = &m.attach_acc;
	struct nas_act_bearer_req *r = &a->esm.act_req;
	static const uint8_t ambr[4] = { 0xfe, 0xfe, 0x01, 0x01 };
	struct nas_plmn p3 = { 310, 410, 3 };
	int i;

	mk_attach_acc(&m);
	a->tai_list.n = NAS_TAI_MAX;
	for (i = 0; i < NAS_TAI_MAX; i++) {
		a->tai_list.tai[i].plmn = i & 1 ? p3 : a->tai_list.tai[0].plmn;
		a->tai_list.tai[i].tac = (uint16_t)(100 + i);
	}
	a->guti.plmn = p3;
	r->addr.type = NAS_PDN_IPV4V6;
	memcpy(r->addr.ipv6_iid, "\0\0\0\0\0\0\0\x01", 8);
	r->apn_ambr.p = ambr;
	r->apn_ambr.len = sizeof(ambr);
	r->has_esm_cause = true;
	r->esm_cause = 50;
	roundtrip(&m, &d);
	CHECK(d.attach_acc.tai_list.n == 16, "16 TAIs");
	CHECK(d.attach_acc.tai_list.tai[15].plmn.mcc == 310 &&
	      d.attach_acc.tai_list.tai[15].plmn.mnc == 410 &&
	      d.attach_acc.tai_list.tai[15].plmn.mnc_digits == 3 &&
	      d.attach_acc.tai_list.tai[15].tac == 115, "3-digit MNC TAI");
	CHECK(d.attach_acc.guti.plmn.mnc == 410, "guti plmn");
	CHECK(d.attach_acc.esm.act_req.addr.type == NAS_PDN_IPV4V6 &&
	      d.attach_acc.esm.act_req.addr.ipv4[3] == 2 &&
	      d.attach_acc.esm.act_req.addr.ipv6_iid[7] == 1, "ipv4v6");
	CHECK(d.attach_acc.esm.act_req.apn_ambr.len == 4 &&
	      d.attach_acc.esm.act_req.has_esm_cause &&
	      d.attach_acc.esm.act_req.esm_cause == 50, "optionals");
}

static void test_others(void)
{
	struct nas_emm_msg m, d;

	mk_attach_cpl(&m);
	expect_encoding(&m, attach_cpl_hex);
	roundtrip(&m, &d);
	CHECK(d.attach_cpl.esm.type == NAS_ACT_DEFAULT_BEARER_ACC, "cpl");

	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_COMPLETE;
	m.smc_cpl.has_imeisv = true;
	strcpy(m.smc_cpl.imeisv, "4901542032375101");
	expect_encoding(&m, smc_cpl_hex);
	m.smc_cpl.me_sig.p = cert;
	m.smc_cpl.me_sig.len = sizeof(cert);
	roundtrip(&m, &d);
	CHECK(d.smc_cpl.has_imeisv &&
	      !strcmp(d.smc_cpl.imeisv, "4901542032375101"), "imeisv");
	CHECK(d.smc_cpl.me_sig.len == sizeof(cert), "sig");

	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_COMPLETE;
	roundtrip(&m, &d);
	CHECK(!d.smc_cpl.has_imeisv && !d.smc_cpl.me_sig.p, "bare cpl");

	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_REJECT;
	m.smc_rej.cause = NAS_EMM_SEC_MODE_REJECTED;
	expect_encoding(&m, smc_rej_hex);
	roundtrip(&m, &d);
	CHECK(d.smc_rej.cause == 24, "smc rej");

	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_REJECT;
	m.attach_rej.cause = NAS_EMM_UE_SEC_CAP_MISMATCH;
	expect_encoding(&m, attach_rej_hex);
	m.attach_rej.esm.p = (const uint8_t *)"\x02\x01\xd1\x1f";
	m.attach_rej.esm.len = 4;
	roundtrip(&m, &d);
	CHECK(d.attach_rej.cause == 23 && d.attach_rej.esm.len == 4, "rej");
}

/* Unknown non-imperative IEs are skipped per TS 24.301 9.9.1 */
static void test_unknown_ies(void)
{
	uint8_t buf[BUF];
	size_t n = hex(attach_req_hex, buf);
	struct nas_emm_msg d;
	struct nas_err err;
	int rc;

	n += hex("b1 60 02 aa bb 71 00 03 01 02 03 5c 00 00 f0", buf + n);
	rc = nas_emm_decode(buf, n, &d, &err);
	CHECK(rc == 0, "rc %d %s", rc, err.why);
	CHECK(d.attach_req.has_pubkey, "pubkey still found");
}

struct bad {
	const char *name;
	int which;		/* 0 EMM, 1 ESM, 2 security header */
	const char *hex;
	int rc;
	const char *outer;
	const char *ie;
	const char *why;
};

#define KEY32 "11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 " \
	      "11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 "
#define KEY31 "11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 " \
	      "11 11 11 11 11 11 11 11 11 11 11 11 11 11 11 "
#define AR_HEAD "07 41 73 08 4b 09 51 24 30 32 57 81 04 f0 70 c0 c0 "
#define AR_ESM "00 04 02 01 d0 11 "
#define SMC_HEAD "07 5d 22 00 04 f0 70 c0 40 "
#define AA_HEAD "07 42 01 21 06 00 00 f1 10 00 01 "
#define AA_ESM "00 11 52 01 c1 01 09 05 04 72 6c 6f 73 05 01 0a 2d 00 02 "
#define BLOB72 KEY32 KEY32 "00 00 00 00 00 00 00 00 "

static const struct bad bad[] = {
	{ "empty", 0, "", -EBADMSG, NULL, NULL, "truncated" },
	{ "one octet", 0, "07", -EBADMSG, NULL, NULL, "truncated" },
	{ "ESM PD to EMM", 0, "02 41", -EBADMSG, NULL, NULL,
	  "wrong protocol discriminator" },
	{ "protected to plain decoder", 0, "37 00 00 00 00 00 07 5d",
	  -EBADMSG, NULL, NULL, "security protected (parse the header first)" },
	{ "unknown EMM type", 0, "07 99", -ENOMSG, NULL, NULL,
	  "unknown message type" },
	{ "AR no attach type", 0, "07 41", -EBADMSG, NULL, "EPS attach type",
	  "missing mandatory IE" },
	{ "AR no identity", 0, "07 41 73", -EBADMSG, NULL,
	  "EPS mobile identity", "missing mandatory IE" },
	{ "AR identity past end", 0, "07 41 73 08 4b 09", -EBADMSG, NULL,
	  "EPS mobile identity", "length exceeds message" },
	{ "AR identity too short", 0, "07 41 73 03 4b 09 51 24", -EBADMSG,
	  NULL, "EPS mobile identity", "bad length" },
	{ "AR bad BCD", 0, "07 41 73 08 4b 0a 51 24 30 32 57 81 "
	  "04 f0 70 c0 c0 " AR_ESM, -EBADMSG, NULL, "EPS mobile identity",
	  "bad BCD digit" },
	{ "AR IMEI 14 digits", 0, "07 41 73 08 43 09 51 24 30 32 57 f1 "
	  "04 f0 70 c0 c0 " AR_ESM, -EBADMSG, NULL, "EPS mobile identity",
	  "IMEI is not 15 digits" },
	{ "AR even IMEI bad filler", 0, "07 41 73 08 43 09 51 24 30 32 57 81 "
	  "04 f0 70 c0 c0 " AR_ESM, -EBADMSG, NULL, "EPS mobile identity",
	  "bad filler" },
	{ "AR IMEI with 24.008 type code 2", 0, "07 41 73 08 4a 09 51 24 30 "
	  "32 57 81 04 f0 70 c0 c0 " AR_ESM, -EBADMSG, NULL,
	  "EPS mobile identity", "unsupported identity type" },
	{ "AR UE net cap too short", 0, "07 41 73 08 4b 09 51 24 30 32 57 81 "
	  "01 f0 " AR_ESM, -EBADMSG, NULL, "UE network capability",
	  "bad length" },
	{ "AR no ESM container", 0, AR_HEAD, -EBADMSG, NULL,
	  "ESM message container", "missing mandatory IE" },
	{ "AR ESM container half length", 0, AR_HEAD "00", -EBADMSG, NULL,
	  "ESM message container", "truncated" },
	{ "AR ESM container too short", 0, AR_HEAD "00 02 02 01", -EBADMSG,
	  NULL, "ESM message container", "bad length" },
	{ "AR ESM container past end", 0, AR_HEAD "00 09 02 01 d0 11",
	  -EBADMSG, NULL, "ESM message container", "length exceeds message" },
	{ "AR wrong ESM message", 0, AR_HEAD "00 03 52 00 c2", -EBADMSG, NULL,
	  "ESM message container", "unexpected ESM message" },
	{ "AR ESM with EMM PD", 0, AR_HEAD "00 04 07 01 d0 11", -EBADMSG,
	  "ATTACH REQUEST", NULL, "wrong protocol discriminator" },
	{ "AR ESM truncated", 0, AR_HEAD "00 03 02 01 d0", -EBADMSG,
	  "ATTACH REQUEST", "request type", "missing mandatory IE" },
	{ "AR ESM unknown type", 0, AR_HEAD "00 03 02 01 fe", -EBADMSG,
	  "ATTACH REQUEST", NULL, "unknown message type" },
	{ "AR ESM reserved PDN type", 0, AR_HEAD "00 04 02 01 d0 41",
	  -EBADMSG, "ATTACH REQUEST", "PDN type", "bad value" },
	{ "AR ESM PDN req with EBI", 0, AR_HEAD "00 04 52 01 d0 11",
	  -EBADMSG, "ATTACH REQUEST", "EPS bearer identity", "bad value" },
	{ "AR pubkey unknown profile", 0, AR_HEAD AR_ESM "7a 00 21 03 " KEY32,
	  -EBADMSG, NULL, "PARLOS ME public key", "unknown ECIES profile" },
	{ "AR pubkey past end", 0, AR_HEAD AR_ESM "7a 00 22 01 " KEY32,
	  -EBADMSG, NULL, "PARLOS ME public key", "length exceeds message" },
	{ "AR pubkey A with 31 octets", 0, AR_HEAD AR_ESM "7a 00 20 01 "
	  KEY31, -EBADMSG, NULL, "PARLOS ME public key",
	  "length does not match profile" },
	{ "AR pubkey A length 33", 0, AR_HEAD AR_ESM "7a 00 22 01 " KEY32 "11",
	  -EBADMSG, NULL, "PARLOS ME public key",
	  "length does not match profile" },
	{ "AR pubkey B bad prefix", 0, AR_HEAD AR_ESM "7a 00 22 02 04 " KEY32,
	  -EBADMSG, NULL, "PARLOS ME public key",
	  "bad compressed point prefix" },
	{ "AR pubkey empty", 0, AR_HEAD AR_ESM "7a 00 00", -EBADMSG, NULL,
	  "PARLOS ME public key", "bad length" },
	{ "AR pubkey twice", 0, AR_HEAD AR_ESM "7a 00 21 01 " KEY32
	  "7a 00 21 01 " KEY32, -EBADMSG, NULL, "PARLOS ME public key",
	  "duplicate IE" },
	{ "AR pubkey header cut", 0, AR_HEAD AR_ESM "7a 00", -EBADMSG, NULL,
	  "PARLOS ME public key", "truncated" },
	{ "AR cert twice", 0, AR_HEAD AR_ESM "7c 00 00 7c 00 01 00", -EBADMSG,
	  NULL, "PARLOS ME certificate", "duplicate IE" },
	{ "AR comprehension required", 0, AR_HEAD AR_ESM "05 01 00", -EBADMSG,
	  NULL, "unknown IE", "unknown comprehension-required IE" },
	{ "AR unknown TLV past end", 0, AR_HEAD AR_ESM "60 05 00", -EBADMSG,
	  NULL, "unknown IE", "length exceeds message" },
	{ "AR unknown TLV no length", 0, AR_HEAD AR_ESM "60", -EBADMSG, NULL,
	  "unknown IE", "truncated" },
	{ "AR unknown TLV-E past end", 0, AR_HEAD AR_ESM "71 01 00 00",
	  -EBADMSG, NULL, "unknown IE", "length exceeds message" },
	{ "AR DRX TV cut", 0, AR_HEAD AR_ESM "5c 00", -EBADMSG, NULL,
	  "DRX parameter", "truncated" },
	{ "SMC no algorithms", 0, "07 5d", -EBADMSG, NULL,
	  "selected NAS security algorithms", "missing mandatory IE" },
	{ "SMC no KSI", 0, "07 5d 22", -EBADMSG, NULL,
	  "NAS key set identifier", "missing mandatory IE" },
	{ "SMC KSI 7", 0, "07 5d 22 07 02 f0 70", -EBADMSG, NULL,
	  "NAS key set identifier", "KSI 7 (no key) not allowed" },
	{ "SMC no replayed caps", 0, "07 5d 22 00", -EBADMSG, NULL,
	  "replayed UE security capabilities", "missing mandatory IE" },
	{ "SMC replayed caps 3 octets", 0, "07 5d 22 00 03 f0 70 c0",
	  -EBADMSG, NULL, "replayed UE security capabilities", "bad length" },
	{ "SMC replayed caps 6 octets", 0, "07 5d 22 00 06 f0 70 c0 40 00 00",
	  -EBADMSG, NULL, "replayed UE security capabilities", "bad length" },
	{ "SMC kasme profile A short", 0, SMC_HEAD "7d 00 48 01 " KEY32 KEY32
	  "00 00 00 00 00 00 00", -EBADMSG, NULL,
	  "PARLOS encrypted KASMEtemp", "length does not match profile" },
	{ "SMC kasme profile B with A length", 0, SMC_HEAD "7d 00 49 02 02 "
	  KEY32 KEY32 "00 00 00 00 00 00 00", -EBADMSG, NULL,
	  "PARLOS encrypted KASMEtemp", "length does not match profile" },
	{ "SMC kasme unknown profile", 0, SMC_HEAD "7d 00 49 09 " BLOB72,
	  -EBADMSG, NULL, "PARLOS encrypted KASMEtemp",
	  "unknown ECIES profile" },
	{ "SMC kasme twice", 0, SMC_HEAD "7d 00 49 01 " BLOB72 "7d 00 49 01 "
	  BLOB72, -EBADMSG, NULL, "PARLOS encrypted KASMEtemp",
	  "duplicate IE" },
	{ "SMC IMEISV request twice", 0, SMC_HEAD "c1 c1", -EBADMSG, NULL,
	  "IMEISV request", "duplicate IE" },
	{ "SMC nonce cut", 0, SMC_HEAD "55 00 00 00", -EBADMSG, NULL,
	  "replayed nonceUE", "truncated" },
	{ "SMCPL IMEISV with IMEI code", 0, "07 5e 23 09 42 09 51 24 30 32 57 "
	  "01 f1", -EBADMSG, NULL, "IMEISV", "wrong identity type" },
	{ "SMCPL IMEISV 15 digits", 0, "07 5e 23 08 4b 09 51 24 30 32 57 81",
	  -EBADMSG, NULL, "IMEISV", "bad length" },
	{ "SMCPL IMEISV bad digit", 0, "07 5e 23 09 43 09 51 24 30 32 57 "
	  "0c f1", -EBADMSG, NULL, "IMEISV", "bad BCD digit" },
	{ "SMCPL sig past end", 0, "07 5e 7f 00 10 00", -EBADMSG, NULL,
	  "PARLOS ME signature", "length exceeds message" },
	{ "SMREJ no cause", 0, "07 5f", -EBADMSG, NULL, "EMM cause",
	  "missing mandatory IE" },
	{ "AREJ no cause", 0, "07 44", -EBADMSG, NULL, "EMM cause",
	  "missing mandatory IE" },
	{ "AA bad result", 0, "07 42 03 21", -EBADMSG, NULL,
	  "EPS attach result", "bad value" },
	{ "AA no T3412", 0, "07 42 01", -EBADMSG, NULL, "T3412 value",
	  "missing mandatory IE" },
	{ "AA TAI list too short", 0, "07 42 01 21 05 00 00 f1 10 00",
	  -EBADMSG, NULL, "TAI list", "bad length" },
	{ "AA TAI list reserved type", 0, "07 42 01 21 06 60 00 f1 10 00 01 "
	  AA_ESM, -EBADMSG, NULL, "TAI list", "reserved list type" },
	{ "AA TAI list partial cut", 0, "07 42 01 21 06 01 00 f1 10 00 01 "
	  AA_ESM, -EBADMSG, NULL, "TAI list", "partial list truncated" },
	{ "AA TAI list bad PLMN", 0, "07 42 01 21 06 00 0a f1 10 00 01 "
	  AA_ESM, -EBADMSG, NULL, "TAI list", "bad BCD digit in PLMN" },
	{ "AA TAI list 17 TAIs", 0, "07 42 01 21 57 4f "
	  "00 f1 10 00 01 00 f1 10 00 02 00 f1 10 00 03 00 f1 10 00 04 "
	  "00 f1 10 00 05 00 f1 10 00 06 00 f1 10 00 07 00 f1 10 00 08 "
	  "00 f1 10 00 09 00 f1 10 00 0a 00 f1 10 00 0b 00 f1 10 00 0c "
	  "00 f1 10 00 0d 00 f1 10 00 0e 00 f1 10 00 0f 00 f1 10 00 10 "
	  "00 00 f1 10 00 11 " AA_ESM, -EBADMSG, NULL, "TAI list",
	  "more than 16 TAIs" },
	{ "AA TAI range wraps", 0, "07 42 01 21 06 21 00 f1 10 ff ff "
	  AA_ESM, -EBADMSG, NULL, "TAI list", "TAC range wraps" },
	{ "AA wrong ESM message", 0, AA_HEAD AR_ESM, -EBADMSG, NULL,
	  "ESM message container", "unexpected ESM message" },
	{ "AA bad APN", 0, AA_HEAD "00 11 52 01 c1 01 09 05 05 72 6c 6f 73 "
	  "05 01 0a 2d 00 02", -EBADMSG, "ATTACH ACCEPT", "APN", "bad APN" },
	{ "AA APN bad char", 0, AA_HEAD "00 11 52 01 c1 01 09 05 04 72 2e 6f "
	  "73 05 01 0a 2d 00 02", -EBADMSG, "ATTACH ACCEPT", "APN", "bad APN" },
	{ "AA PDN address v6 length 5", 0, AA_HEAD "00 11 52 01 c1 01 09 05 "
	  "04 72 6c 6f 73 05 02 0a 2d 00 02", -EBADMSG, "ATTACH ACCEPT",
	  "PDN address", "bad value" },
	{ "AA no QoS", 0, AA_HEAD "00 03 52 01 c1", -EBADMSG, "ATTACH ACCEPT",
	  "EPS QoS", "missing mandatory IE" },
	{ "AA EBI 0", 0, AA_HEAD "00 11 02 01 c1 01 09 05 04 72 6c 6f 73 05 "
	  "01 0a 2d 00 02", -EBADMSG, "ATTACH ACCEPT", "EPS bearer identity",
	  "bad value" },
	{ "AA GUTI length 10", 0, AA_HEAD AA_ESM "50 0a f6 00 f1 10 80 01 01 "
	  "00 00 12", -EBADMSG, NULL, "GUTI", "bad length" },
	{ "AA GUTI not a GUTI", 0, AA_HEAD AA_ESM "50 0b f1 00 f1 10 80 01 01 "
	  "00 00 12 34", -EBADMSG, NULL, "GUTI", "wrong identity type" },
	{ "AC ESM cut", 0, "07 43 00 03 52 00", -EBADMSG, NULL,
	  "ESM message container", "length exceeds message" },
	{ "ESM short", 1, "02 01", -EBADMSG, NULL, NULL, "truncated" },
	{ "ESM APN zero length", 1, "02 01 d0 11 28 00", -EBADMSG, NULL, "APN",
	  "bad length" },
	{ "ESM APN label past end", 1, "02 01 d0 11 28 03 05 61 62", -EBADMSG,
	  NULL, "APN", "bad APN" },
	{ "ESM request type 0", 1, "02 01 d0 10", -EBADMSG, NULL,
	  "request type", "bad value" },
	{ "SEC plain", 2, "07 41 73", -EBADMSG, NULL, NULL,
	  "not security protected" },
	{ "SEC service request", 2, "c7 00 00 00", -EBADMSG, NULL, NULL,
	  "SERVICE REQUEST not supported" },
	{ "SEC reserved type", 2, "57 00 00 00 00 00 07 41", -EBADMSG, NULL,
	  NULL, "bad security header type" },
	{ "SEC no inner message", 2, "27 01 02 03 04 05 07", -EBADMSG, NULL,
	  NULL, "truncated" },
	{ "SEC ESM PD", 2, "22 01 02 03 04 05 07 41", -EBADMSG, NULL, NULL,
	  "wrong protocol discriminator" },
};

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static void test_bad(const struct bad *b)
{
	static uint8_t buf[BUF];
	size_t n = hex(b->hex, buf);
	union {
		struct nas_emm_msg emm;
		struct nas_esm_msg esm;
		struct nas_sec_hdr sec;
	} u;
	struct nas_err err;
	char s[256];
	int rc;

	if (b->which == 0)
		rc = nas_emm_decode(buf, n, &u.emm, &err);
	else if (b->which == 1)
		rc = nas_esm_decode(buf, n, &u.esm, &err);
	else
		rc = nas_sec_parse(buf, n, &u.sec, &err);
	nas_strerror(&err, s, sizeof(s));
	CHECK(rc == b->rc, "rc %d, want %d (%s)", rc, b->rc, s);
	CHECK(str_eq(err.why, b->why), "why: %s", s);
	CHECK(str_eq(err.ie, b->ie), "ie: %s", s);
	CHECK(str_eq(err.outer, b->outer), "outer: %s", s);
	CHECK(err.off <= n, "offset %zu past %zu", err.off, n);
}

static void test_strerror(void)
{
	uint8_t buf[BUF];
	size_t n = hex(AR_HEAD "00 03 02 01 d0", buf);
	struct nas_emm_msg m;
	struct nas_err err;
	char s[256];

	nas_emm_decode(buf, n, &m, &err);
	nas_strerror(&err, s, sizeof(s));
	CHECK(!strcmp(s, "ATTACH REQUEST: ESM container: PDN CONNECTIVITY "
		      "REQUEST: request type: missing mandatory IE (octet 22)"),
	      "%s", s);
	CHECK(err.cause == NAS_EMM_INVALID_MANDATORY, "cause");
	n = hex("07 99", buf);
	nas_emm_decode(buf, n, &m, &err);
	CHECK(err.cause == NAS_EMM_MSG_TYPE_UNKNOWN, "cause 97");
}

struct bad_enc {
	const char *name;
	void (*mk)(struct nas_emm_msg *m);
	void (*spoil)(struct nas_emm_msg *m);
	const char *why;
};

static void sp_imei(struct nas_emm_msg *m)
{
	strcpy(m->attach_req.id.digits, "49015420323751");
}

static void sp_imei_char(struct nas_emm_msg *m)
{
	m->attach_req.id.digits[3] = 'x';
}

static void sp_profile(struct nas_emm_msg *m)
{
	m->attach_req.pubkey.profile = 3;
}

static void sp_keylen(struct nas_emm_msg *m)
{
	m->attach_req.pubkey.key_len = 33;
}

static void sp_esm_type(struct nas_emm_msg *m)
{
	m->attach_req.esm.type = NAS_ACT_DEFAULT_BEARER_ACC;
	m->attach_req.esm.ebi = 5;
}

static void sp_netcap(struct nas_emm_msg *m)
{
	m->attach_req.ue_net_cap.len = 1;
}

static void sp_ksi7(struct nas_emm_msg *m)
{
	m->smc.ksi = 7;
}

static void sp_caps3(struct nas_emm_msg *m)
{
	m->smc.replayed.len = 3;
}

static void sp_eph_b(struct nas_emm_msg *m)
{
	m->smc.kasme.profile = NAS_PARLOS_PROFILE_B;
}

static void sp_no_ct(struct nas_emm_msg *m)
{
	m->smc.kasme.ct = NULL;
}

static void sp_tai0(struct nas_emm_msg *m)
{
	m->attach_acc.tai_list.n = 0;
}

static void sp_plmn(struct nas_emm_msg *m)
{
	m->attach_acc.tai_list.tai[0].plmn.mnc = 100;
}

static void sp_apn(struct nas_emm_msg *m)
{
	m->attach_acc.esm.act_req.apn.len = 0;
}

static void sp_ebi(struct nas_emm_msg *m)
{
	m->attach_acc.esm.ebi = 2;
}

static const struct bad_enc bad_enc[] = {
	{ "IMEI 14 digits", mk_attach_req, sp_imei, "IMEI is not 15 digits" },
	{ "IMEI not digits", mk_attach_req, sp_imei_char, "not a digit" },
	{ "unknown profile", mk_attach_req, sp_profile,
	  "unknown ECIES profile" },
	{ "key length", mk_attach_req, sp_keylen,
	  "length does not match profile" },
	{ "wrong ESM message", mk_attach_req, sp_esm_type,
	  "unexpected ESM message" },
	{ "net cap length", mk_attach_req, sp_netcap, "bad length" },
	{ "KSI 7", mk_smc, sp_ksi7, "KSI 7 (no key) not allowed" },
	{ "caps 3 octets", mk_smc, sp_caps3, "bad length" },
	{ "profile B with 32-octet key", mk_smc, sp_eph_b,
	  "length does not match profile" },
	{ "no ciphertext", mk_smc, sp_no_ct, "missing ciphertext or tag" },
	{ "empty TAI list", mk_attach_acc, sp_tai0, "1 to 16 TAIs" },
	{ "2-digit MNC 100", mk_attach_acc, sp_plmn, "bad PLMN" },
	{ "empty APN", mk_attach_acc, sp_apn, "bad APN" },
	{ "EBI 2", mk_attach_acc, sp_ebi, "bad value" },
};

static void test_bad_enc(const struct bad_enc *b)
{
	struct nas_emm_msg m;
	uint8_t out[BUF];
	struct nas_err err;
	size_t n;
	int rc;

	b->mk(&m);
	b->spoil(&m);
	rc = nas_emm_encode(&m, out, sizeof(out), &n, &err);
	CHECK(rc == -EINVAL, "rc %d", rc);
	CHECK(str_eq(err.why, b->why), "why %s", err.why);
	CHECK(err.msg != NULL, "message named");
}

/* Every output size short of the need fails with -ENOSPC, no overrun */
static void test_small_buffers(void)
{
	void (*mk[])(struct nas_emm_msg *) = {
		mk_attach_req, mk_smc, mk_attach_acc, mk_attach_cpl,
	};
	struct nas_emm_msg m;
	uint8_t out[BUF];
	size_t need, n, cap, i;
	int rc;

	for (i = 0; i < sizeof(mk) / sizeof(mk[0]); i++) {
		mk[i](&m);
		CHECK(!nas_emm_encode(&m, out, sizeof(out), &need, NULL), "ok");
		for (cap = 0; cap < need; cap++) {
			uint8_t *tight = malloc(cap ? cap : 1);

			rc = nas_emm_encode(&m, tight, cap, &n, NULL);
			CHECK(rc == -ENOSPC, "cap %zu rc %d", cap, rc);
			free(tight);
		}
	}
}

/* Exact-size heap copies so ASan catches any read past the end */
static void decode_copy(const uint8_t *p, size_t n)
{
	uint8_t *c = malloc(n ? n : 1);
	struct nas_emm_msg m;
	struct nas_esm_msg e;
	struct nas_sec_hdr h;
	struct nas_pdu_info info;
	struct nas_err err;
	char s[256];

	memcpy(c, p, n);
	if (nas_emm_decode(c, n, &m, &err))
		nas_strerror(&err, s, sizeof(s));
	nas_esm_decode(c, n, &e, &err);
	nas_sec_parse(c, n, &h, &err);
	nas_peek(c, n, &info);
	free(c);
}

/* Cuts inside the imperative part must fail; later cuts may land between IEs */
static void test_truncations(void)
{
	static const struct {
		const char *hex;
		size_t mandatory;
	} good[] = {
		{ attach_req_hex, 23 }, { smc_hex, 9 }, { attach_acc_hex, 30 },
		{ attach_cpl_hex, 7 }, { smc_cpl_hex, 2 }, { smc_rej_hex, 3 },
		{ attach_rej_hex, 3 },
	};
	uint8_t buf[BUF];
	struct nas_emm_msg m;
	size_t i, n, cut;
	int rc;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		n = hex(good[i].hex, buf);
		CHECK(!nas_emm_decode(buf, n, &m, NULL), "good %zu", i);
		for (cut = 0; cut < n; cut++) {
			uint8_t *c = malloc(cut ? cut : 1);

			memcpy(c, buf, cut);
			rc = nas_emm_decode(c, cut, &m, NULL);
			CHECK(rc || cut >= good[i].mandatory,
			      "msg %zu cut at %zu decoded", i, cut);
			free(c);
		}
	}
}

/* Deterministic mutation sweep: decoding must never fault */
static void test_mutations(void)
{
	const char *good[] = { attach_req_hex, smc_hex, attach_acc_hex,
			       smc_cpl_hex };
	uint8_t buf[BUF], mut[BUF];
	uint32_t x = 0x12345678;
	size_t i, n, k, iter;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		n = hex(good[i], buf);
		for (iter = 0; iter < 4000; iter++) {
			memcpy(mut, buf, n);
			for (k = 0; k < 1 + iter % 4; k++) {
				x ^= x << 13;
				x ^= x >> 17;
				x ^= x << 5;
				mut[x % n] = (uint8_t)(x >> 8);
			}
			decode_copy(mut, n - (iter % 3 == 0 ? x % n : 0));
		}
	}
	CHECK(1, "no fault");
}

static void test_sec_hdr(void)
{
	uint8_t buf[BUF], out[BUF];
	size_t n = hex(smc_hex, buf), len;
	struct nas_sec_hdr h = { NAS_SHT_INTEG_NEW, { 1, 2, 3, 4 }, 0, buf, n };
	struct nas_sec_hdr p;
	struct nas_pdu_info info;
	struct nas_emm_msg m;

	CHECK(!nas_sec_build(&h, out, sizeof(out), &len), "build");
	CHECK(len == n + 6 && out[0] == 0x37 && out[1] == 1 && out[4] == 4 &&
	      out[5] == 0, "header bytes");
	CHECK(!nas_peek(out, len, &info) && info.pd == 7 && info.sht == 3,
	      "peek");
	CHECK(!nas_sec_parse(out, len, &p, NULL), "parse");
	CHECK(p.sht == 3 && p.mac[3] == 4 && p.sqn == 0 && p.msg_len == n,
	      "fields");
	CHECK(!nas_emm_decode(p.msg, p.msg_len, &m, NULL) &&
	      m.type == NAS_SECURITY_MODE_COMMAND, "inner");
	CHECK(nas_sec_build(&h, out, n + 5, &len) == -ENOSPC, "small");
	/* In place: inner message already at out + 6 */
	memcpy(out + 6, buf, n);
	h.msg = out + 6;
	h.sht = NAS_SHT_INTEG_CIPH;
	h.sqn = 9;
	CHECK(!nas_sec_build(&h, out, sizeof(out), &len) && out[0] == 0x27 &&
	      out[5] == 9 && !memcmp(out + 6, buf, n), "in place");
	h.sht = 0;
	CHECK(nas_sec_build(&h, out, sizeof(out), &len) == -EINVAL, "sht 0");
	CHECK(!nas_peek(buf, n, &info) && info.sht == 0 &&
	      info.type == NAS_SECURITY_MODE_COMMAND, "peek plain");
	CHECK(nas_peek((const uint8_t *)"\x02\x01", 2, &info) == -EBADMSG,
	      "peek short esm");
}

static void test_apn_helpers(void)
{
	struct nas_apn apn;
	char s[NAS_APN_MAX + 1];
	char longer[NAS_APN_MAX + 2];

	CHECK(!nas_apn_from_str(&apn, "sos.rlos.example") && apn.len == 17 &&
	      apn.v[0] == 3 && apn.v[4] == 4, "encode");
	CHECK(!nas_apn_to_str(&apn, s, sizeof(s)) &&
	      !strcmp(s, "sos.rlos.example"), "decode %s", s);
	CHECK(nas_apn_to_str(&apn, s, 5) == -EINVAL, "small out");
	CHECK(nas_apn_from_str(&apn, "a..b") == -EINVAL, "empty label");
	CHECK(nas_apn_from_str(&apn, ".a") == -EINVAL, "leading dot");
	CHECK(nas_apn_from_str(&apn, "a.") == -EINVAL, "trailing dot");
	CHECK(nas_apn_from_str(&apn, "") == -EINVAL, "empty");
	CHECK(nas_apn_from_str(&apn, "a_b") == -EINVAL, "bad char");
	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = 0;
	CHECK(nas_apn_from_str(&apn, longer) == -EINVAL, "too long");
	longer[99] = 0;
	CHECK(nas_apn_from_str(&apn, longer) == -EINVAL, "label > 63");
}

static void test_sec_cap_helpers(void)
{
	struct nas_ue_net_cap nc2 = { 2, { 0xe0, 0x60 } };
	struct nas_ue_net_cap nc3 = { 3, { 0xe0, 0x60, 0x80 } };
	struct nas_ue_net_cap nc7 = { 7, { 0xe0, 0x60, 0xc0, 0xc0, 1, 2, 3 } };
	struct nas_ue_sec_cap sc;

	nas_ue_sec_cap_from_net_cap(&sc, &nc2);
	CHECK(sc.len == 2 && sc.oct[1] == 0x60, "2 octets");
	nas_ue_sec_cap_from_net_cap(&sc, &nc3);
	CHECK(sc.len == 4 && sc.oct[2] == 0x80 && sc.oct[3] == 0, "UEA only");
	nas_ue_sec_cap_from_net_cap(&sc, &nc7);
	CHECK(sc.len == 4 && sc.oct[3] == 0x40, "UCS2 dropped, extra ignored");
	CHECK(nas_ue_sec_cap_matches(&sc, &nc7), "match");
	sc.len = 2;
	CHECK(!nas_ue_sec_cap_matches(&sc, &nc7), "dropped UEA/UIA mismatch");
}

/* --- PARLOS credential IE values (0x7C, 0x7E, 0x7F) and 0x7B ---------- */

static const uint8_t der_a[5] = { 0x30, 0x03, 0x02, 0x01, 0x0a };
static const uint8_t der_b[4] = { 0x30, 0x02, 0x05, 0x00 };
static const uint8_t sig64[72] = { 0x5a, [63] = 0xa5 };
static const uint8_t hash32[32] = { 0x48, [31] = 0x84 };

static void mk_cred(struct nas_parlos_cred *c)
{
	memset(c, 0, sizeof(*c));
	c->kind = NAS_CRED_X509;
	c->n = 2;
	c->item[0].p = der_a;
	c->item[0].len = sizeof(der_a);
	c->item[1].p = der_b;
	c->item[1].len = sizeof(der_b);
	c->sig_alg = NAS_SIG_ED25519;
	c->sig.p = sig64;
	c->sig.len = 64;
}

static void test_cred_values(void)
{
	struct nas_parlos_cred c, d;
	uint8_t out[BUF], want[BUF];
	const char *why;
	size_t n, wn;

	mk_cred(&c);
	/* 0x7E: kind, count, items, then algorithm, length, signature */
	wn = hex("01 02 00 05 30 03 02 01 0a 00 04 30 02 05 00 02 00 40",
		 want);
	memcpy(want + wn, sig64, 64);
	wn += 64;
	CHECK(!nas_cred_encode(&c, NAS_CRED_PART | NAS_SIG_PART, out,
			       sizeof(out), &n), "encode 0x7E");
	CHECK(n == wn && !memcmp(out, want, n), "0x7E bytes");
	CHECK(!nas_cred_decode(out, n, NAS_CRED_PART | NAS_SIG_PART, &d,
			       &why), "decode: %s", why);
	CHECK(d.kind == 1 && d.n == 2 && d.item[1].len == 4 &&
	      d.item[1].p == out + 11 && d.sig_alg == 2 && d.sig.len == 64 &&
	      !memcmp(d.sig.p, sig64, 64), "0x7E fields");
	/* 0x7C: the credential part alone */
	CHECK(!nas_cred_encode(&c, NAS_CRED_PART, out, sizeof(out), &n) &&
	      n == 15 && !memcmp(out, want, 15), "0x7C");
	CHECK(!nas_cred_decode(out, n, NAS_CRED_PART, &d, &why) &&
	      !d.sig_alg && d.n == 2, "0x7C decodes");
	CHECK(nas_cred_decode(out, n, NAS_CRED_PART | NAS_SIG_PART, &d,
			      &why) == -EBADMSG &&
	      !strcmp(why, "truncated signature"), "0x7C is no 0x7E");
	/* 0x7F: the signature part alone */
	CHECK(!nas_cred_encode(&c, NAS_SIG_PART, out, sizeof(out), &n) &&
	      n == 67 && !memcmp(out, want + 15, 67), "0x7F");
	CHECK(!nas_cred_decode(out, n, NAS_SIG_PART, &d, &why) && !d.kind &&
	      d.sig.len == 64, "0x7F decodes");
	/* bare key, ECDSA */
	c.kind = NAS_CRED_PUBKEY;
	c.n = 1;
	c.sig_alg = NAS_SIG_ECDSA_P256;
	c.sig.len = 70;
	CHECK(!nas_cred_encode(&c, NAS_CRED_PART | NAS_SIG_PART, out,
			       sizeof(out), &n) && out[0] == 2 && out[1] == 1,
	      "bare key");
	CHECK(!nas_cred_decode(out, n, NAS_CRED_PART | NAS_SIG_PART, &d,
			       &why) && d.sig.len == 70, "bare key decodes");
	CHECK(nas_cred_encode(&c, NAS_CRED_PART | NAS_SIG_PART, out, 20,
			      &n) == -ENOSPC, "ENOSPC");
}

struct bad_cred {
	const char *name;
	unsigned int parts;
	const char *hex;
	const char *why;
};

#define CRED_ONE "01 01 00 05 30 03 02 01 0a "
static const struct bad_cred bad_cred[] = {
	{ "empty", NAS_CRED_PART, "", "truncated credential" },
	{ "kind 0", NAS_CRED_PART, "00 01 00 05 30 03 02 01 0a",
	  "unknown credential kind" },
	{ "kind 3", NAS_CRED_PART, "03 01 00 05 30 03 02 01 0a",
	  "unknown credential kind" },
	{ "no items", NAS_CRED_PART, "01 00", "bad number of credential items" },
	{ "five items", NAS_CRED_PART, "01 05", "bad number of credential items" },
	{ "bare key twice", NAS_CRED_PART, "02 02 00 02 30 00 00 02 30 00",
	  "bad number of credential items" },
	{ "item past end", NAS_CRED_PART, "01 01 00 06 30 03 02 01 0a",
	  "truncated credential item" },
	{ "item length cut", NAS_CRED_PART, "01 01 00",
	  "truncated credential item" },
	{ "item not a SEQUENCE", NAS_CRED_PART, "01 01 00 02 31 00",
	  "credential item is not a DER SEQUENCE" },
	{ "item of one octet", NAS_CRED_PART, "01 01 00 01 30",
	  "credential item is not a DER SEQUENCE" },
	{ "trailing octet", NAS_CRED_PART, CRED_ONE "00",
	  "octets after the last field" },
	{ "no signature", NAS_CRED_PART | NAS_SIG_PART, CRED_ONE,
	  "truncated signature" },
	{ "signature cut", NAS_CRED_PART | NAS_SIG_PART, CRED_ONE "02 00 40 00",
	  "truncated signature" },
	{ "unknown signature algorithm", NAS_SIG_PART, "03 00 02 00 00",
	  "unknown signature algorithm" },
	{ "Ed25519 of 63 octets", NAS_SIG_PART, "02 00 3f "
	  "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
	  "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
	  "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
	  "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
	  "signature length does not match its algorithm" },
	{ "ECDSA of 4 octets", NAS_SIG_PART, "01 00 04 30 02 02 00",
	  "signature length does not match its algorithm" },
	{ "signature then more", NAS_SIG_PART, "01 00 08 30 06 02 01 01 02 01 01 "
	  "ff", "octets after the last field" },
};

static void test_cred_bad(const struct bad_cred *b)
{
	uint8_t buf[BUF];
	size_t n = hex(b->hex, buf);
	struct nas_parlos_cred c;
	const char *why = NULL;
	int rc = nas_cred_decode(buf, n, b->parts, &c, &why);

	CHECK(rc == -EBADMSG, "rc %d", rc);
	CHECK(why && !strcmp(why, b->why), "why \"%s\", want \"%s\"",
	      why ? why : "(null)", b->why);
}

static void test_cred_enc_bad(void)
{
	struct nas_parlos_cred c;
	uint8_t out[BUF];
	size_t n;

	mk_cred(&c);
	c.kind = 0;
	CHECK(nas_cred_encode(&c, NAS_CRED_PART, out, sizeof(out), &n) ==
	      -EINVAL, "kind 0");
	mk_cred(&c);
	c.n = 5;
	CHECK(nas_cred_encode(&c, NAS_CRED_PART, out, sizeof(out), &n) ==
	      -EINVAL, "5 items");
	mk_cred(&c);
	c.kind = NAS_CRED_PUBKEY;
	CHECK(nas_cred_encode(&c, NAS_CRED_PART, out, sizeof(out), &n) ==
	      -EINVAL, "bare key with 2 items");
	mk_cred(&c);
	c.item[1].p = cert + 1;
	CHECK(nas_cred_encode(&c, NAS_CRED_PART, out, sizeof(out), &n) ==
	      -EINVAL, "item not DER");
	mk_cred(&c);
	c.sig.len = 63;
	CHECK(nas_cred_encode(&c, NAS_SIG_PART, out, sizeof(out), &n) ==
	      -EINVAL, "Ed25519 of 63");
	mk_cred(&c);
	c.sig_alg = 9;
	CHECK(nas_cred_encode(&c, NAS_SIG_PART, out, sizeof(out), &n) ==
	      -EINVAL, "unknown algorithm");
	CHECK(nas_cred_encode(&c, 0, out, sizeof(out), &n) == -EINVAL,
	      "no part");
	CHECK(nas_cred_decode(NULL, 0, NAS_SIG_PART, &c, &(const char *){ 0 })
	      == -EBADMSG, "no value");
}

/* Every truncation and one-octet change decodes or fails cleanly */
static void test_cred_sweep(void)
{
	struct nas_parlos_cred c, d;
	uint8_t good[BUF], buf[BUF];
	const char *why;
	size_t n, i, cut;
	unsigned int v;

	mk_cred(&c);
	nas_cred_encode(&c, NAS_CRED_PART | NAS_SIG_PART, good, sizeof(good),
			&n);
	for (cut = 0; cut < n; cut++)
		CHECK(nas_cred_decode(good, cut, NAS_CRED_PART | NAS_SIG_PART,
				      &d, &why) == -EBADMSG, "cut %zu", cut);
	for (i = 0; i < n; i++)
		for (v = 0; v < 256; v += 17) {
			memcpy(buf, good, n);
			buf[i] = (uint8_t)v;
			if (!nas_cred_decode(buf, n, NAS_CRED_PART |
					     NAS_SIG_PART, &d, &why))
				CHECK(d.n >= 1 && d.n <= NAS_CRED_MAX_ITEMS,
				      "sane count");
		}
}

static void test_smc_key_hash(void)
{
	struct nas_emm_msg m, d;
	uint8_t out[BUF], buf[BUF];
	struct nas_err err;
	size_t n, h;

	mk_smc(&m);
	m.smc.pubkey_hash.p = hash32;
	m.smc.pubkey_hash.len = sizeof(hash32);
	roundtrip(&m, &d);
	CHECK(d.smc.pubkey_hash.len == 32 &&
	      !memcmp(d.smc.pubkey_hash.p, hash32, 32), "0x7B round trip");
	CHECK(!nas_emm_encode(&m, out, sizeof(out), &n, NULL), "encode");
	/* after the IMEISV request, before 0x7D */
	CHECK(out[10] == 0x7b && out[11] == 0 && out[12] == 32 &&
	      out[45] == 0x7d, "0x7B TLV-E in place");
	mk_smc(&m);
	roundtrip(&m, &d);
	CHECK(!d.smc.pubkey_hash.p, "absent");
	m.smc.pubkey_hash.p = hash32;
	m.smc.pubkey_hash.len = 31;
	CHECK(nas_emm_encode(&m, out, sizeof(out), &n, &err) == -EINVAL &&
	      !strcmp(err.ie, "PARLOS ME public key hash"), "31 octets");
	h = hex(SMC_HEAD "7b 00 1f", buf);
	memset(buf + h, 0x11, 31);
	CHECK(nas_emm_decode(buf, h + 31, &d, &err) == -EBADMSG &&
	      !strcmp(err.ie, "PARLOS ME public key hash") &&
	      !strcmp(err.why, "bad length"), "decode 31: %s", err.why);
	h = hex(SMC_HEAD "7b 00 20", buf);
	memset(buf + h, 0x11, 32);
	memcpy(buf + h + 32, buf + 9, 35);
	CHECK(nas_emm_decode(buf, h + 67, &d, &err) == -EBADMSG &&
	      !strcmp(err.why, "duplicate IE"), "twice: %s", err.why);
}

int main(void)
{
	size_t i;
	char name[128];

	RUN_CASE("nas attach request", test_attach_req());
	RUN_CASE("nas attach request profile B", test_attach_req_profile_b());
	RUN_CASE("nas security mode command", test_smc());
	RUN_CASE("nas security mode command profile B", test_smc_profile_b());
	RUN_CASE("nas attach accept", test_attach_acc());
	RUN_CASE("nas attach accept variants", test_attach_acc_variants());
	RUN_CASE("nas complete/reject messages", test_others());
	RUN_CASE("nas unknown optional IEs skipped", test_unknown_ies());
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(name, sizeof(name), "nas rejects: %s", bad[i].name);
		RUN_CASE(name, test_bad(&bad[i]));
	}
	for (i = 0; i < sizeof(bad_enc) / sizeof(bad_enc[0]); i++) {
		snprintf(name, sizeof(name), "nas encoder refuses: %s",
			 bad_enc[i].name);
		RUN_CASE(name, test_bad_enc(&bad_enc[i]));
	}
	RUN_CASE("nas error text", test_strerror());
	RUN_CASE("nas small output buffers", test_small_buffers());
	RUN_CASE("nas truncations", test_truncations());
	RUN_CASE("nas mutation sweep", test_mutations());
	RUN_CASE("nas security header", test_sec_hdr());
	RUN_CASE("nas APN helpers", test_apn_helpers());
	RUN_CASE("nas security capability helpers", test_sec_cap_helpers());
	RUN_CASE("nas credential IE values", test_cred_values());
	for (i = 0; i < sizeof(bad_cred) / sizeof(bad_cred[0]); i++) {
		snprintf(name, sizeof(name), "nas credential rejects: %s",
			 bad_cred[i].name);
		RUN_CASE(name, test_cred_bad(&bad_cred[i]));
	}
	RUN_CASE("nas credential encoder refuses", test_cred_enc_bad());
	RUN_CASE("nas credential sweep", test_cred_sweep());
	RUN_CASE("nas SMC 0x7B public key hash", test_smc_key_hash());
	return check_summary();
}
