// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the fuzzers' seed corpora: mkcorpus DIR fills DIR/<harness>/.
 * NAS, RRC and PDCP-LTE seeds come from the codec's own encoders (the
 * messages of a PARLOS attach, as the unit tests build them) plus the
 * octets the encoders never write (optional and unknown IEs, partial
 * TAI lists of each type, RRC extensions, ROHC tags), which the decoders
 * must still read. parlosctl seeds are the command lines of its grammar;
 * differential seeds cover every algorithm at edge lengths. Everything
 * is deterministic, so `make fuzz-corpus` rewrites the same files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nas.h"
#include "pdcp_lte.h"
#include "rrc.h"
#include "uper.h"

#define BUF	4096

static const char *root;

static void put(const char *dir, const char *name, const void *p, size_t n)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, dir);
	if (mkdir(path, 0755) && errno != EEXIST) {
		perror(path);
		exit(1);
	}
	snprintf(path, sizeof(path), "%s/%s/%s", root, dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(p, 1, n, f) != n || fclose(f)) {
		perror(path);
		exit(1);
	}
}

/* "07 41 73" -> octets */
static size_t hex(const char *s, uint8_t *out)
{
	unsigned int v;
	size_t n = 0;
	int used;

	while (sscanf(s, " %2x%n", &v, &used) == 1) {
		out[n++] = (uint8_t)v;
		s += used;
	}
	return n;
}

static void put_hex(const char *dir, const char *name, const char *s)
{
	uint8_t b[BUF];

	put(dir, name, b, hex(s, b));
}

static void die(const char *what, const char *why)
{
	fprintf(stderr, "mkcorpus: %s: %s\n", what, why ? why : "failed");
	exit(1);
}

/* --- NAS ------------------------------------------------------------ */

static uint8_t key_a[32], key_b[33], ct[32], tag[8], cert[40], hash[32];
/* 0x7C, 0x7E and 0x7F values (nas_cred_encode) */
static uint8_t me_cert[128], gw_cred[192], me_sig[80];
static size_t me_cert_len, gw_cred_len, me_sig_len;

static void mk_creds(void)
{
	static uint8_t der[2][40], sig[72];
	struct nas_parlos_cred c;
	size_t i;

	for (i = 0; i < sizeof(der[0]); i++) {
		der[0][i] = (uint8_t)(0xa0 + i);
		der[1][i] = (uint8_t)(0x50 + i);
		sig[i] = (uint8_t)i;
	}
	der[0][0] = der[1][0] = 0x30;	/* a DER SEQUENCE */
	der[0][1] = der[1][1] = sizeof(der[0]) - 2;
	memset(&c, 0, sizeof(c));
	c.kind = NAS_CRED_X509;
	c.n = 2;
	c.item[0] = (struct nas_bytes){ der[0], sizeof(der[0]) };
	c.item[1] = (struct nas_bytes){ der[1], 24 };
	if (nas_cred_encode(&c, NAS_CRED_PART, me_cert, sizeof(me_cert),
			    &me_cert_len))
		die("me_cert", NULL);
	c.kind = NAS_CRED_PUBKEY;
	c.n = 1;
	c.sig_alg = NAS_SIG_ECDSA_P256;
	c.sig = (struct nas_bytes){ sig, 70 };
	if (nas_cred_encode(&c, NAS_CRED_PART | NAS_SIG_PART, gw_cred,
			    sizeof(gw_cred), &gw_cred_len))
		die("gw_cred", NULL);
	c.sig_alg = NAS_SIG_ED25519;
	c.sig = (struct nas_bytes){ sig, NAS_SIG_ED25519_LEN };
	if (nas_cred_encode(&c, NAS_SIG_PART, me_sig, sizeof(me_sig),
			    &me_sig_len))
		die("me_sig", NULL);
	/* the bare values too: fuzz_nas decodes its input as each kind */
	put("nas", "cred_me_x509_chain", me_cert, me_cert_len);
	put("nas", "cred_gw_pubkey_ecdsa", gw_cred, gw_cred_len);
	put("nas", "cred_me_sig_ed25519", me_sig, me_sig_len);
}

static void nas_put_emm(const char *name, const struct nas_emm_msg *m)
{
	uint8_t out[BUF];
	struct nas_err err;
	size_t n;

	if (nas_emm_encode(m, out, sizeof(out), &n, &err))
		die(name, err.why);
	put("nas", name, out, n);
}

static void nas_put_esm(const char *name, const struct nas_esm_msg *m)
{
	uint8_t out[BUF];
	struct nas_err err;
	size_t n;

	if (nas_esm_encode(m, out, sizeof(out), &n, &err))
		die(name, err.why);
	put("nas", name, out, n);
}

/* The message inside a security protected header of type sht */
static void nas_put_protected(const char *name, uint8_t sht,
			      const struct nas_emm_msg *m)
{
	struct nas_sec_hdr h = { .sht = sht, .mac = { 1, 2, 3, 4 }, .sqn = 5 };
	uint8_t out[BUF];
	struct nas_err err;
	size_t n;

	if (nas_emm_encode(m, out + 6, sizeof(out) - 6, &h.msg_len, &err))
		die(name, err.why);
	h.msg = out + 6;
	if (nas_sec_build(&h, out, sizeof(out), &n))
		die(name, "header");
	put("nas", name, out, n);
}

static void mk_pdn_req(struct nas_esm_msg *e, bool full)
{
	struct nas_pdn_conn_req *r = &e->pdn_conn_req;
	static const uint8_t pco[] = { 0x80, 0x00, 0x0d, 0x00 };

	memset(e, 0, sizeof(*e));
	e->type = NAS_PDN_CONNECTIVITY_REQ;
	e->pti = 1;
	r->request_type = 1;
	r->pdn_type = full ? NAS_PDN_IPV4V6 : NAS_PDN_IPV4;
	if (full) {
		r->has_apn = true;
		nas_apn_from_str(&r->apn, "rlos.parlos-1");
		r->pco.p = pco;
		r->pco.len = sizeof(pco);
	}
}

static void mk_act_req(struct nas_esm_msg *e, bool full)
{
	struct nas_act_bearer_req *r = &e->act_req;
	static const uint8_t ambr[] = { 0xfe, 0xfe, 0xde, 0x9e };
	static const uint8_t pco[] = { 0x80, 0x00, 0x0d, 0x04, 8, 8, 8, 8 };

	memset(e, 0, sizeof(*e));
	e->type = NAS_ACT_DEFAULT_BEARER_REQ;
	e->ebi = full ? 15 : 5;
	e->pti = 1;
	r->qos.len = full ? 5 : 1;
	r->qos.oct[0] = 9;
	nas_apn_from_str(&r->apn, full ? "rlos.mnc001.mcc001.gprs" : "rlos");
	r->addr.type = full ? NAS_PDN_IPV4V6 : NAS_PDN_IPV4;
	memcpy(r->addr.ipv4, "\x0a\x2d\x00\x02", 4);
	memcpy(r->addr.ipv6_iid, "\x02\x00\x00\xff\xfe\x00\x00\x01", 8);
	if (full) {
		r->apn_ambr.p = ambr;
		r->apn_ambr.len = sizeof(ambr);
		r->pco.p = pco;
		r->pco.len = sizeof(pco);
		r->has_esm_cause = true;
		r->esm_cause = 50;
	}
}

static void nas_attach(void)
{
	struct nas_emm_msg m;
	struct nas_attach_req *a = &m.attach_req;
	struct nas_attach_acc *c = &m.attach_acc;
	struct nas_plmn p1 = { 1, 1, 2 }, p2 = { 310, 410, 3 };
	int i;

	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_REQUEST;
	a->attach_type = NAS_ATTACH_TYPE_RLOS;
	a->ksi = NAS_KSI_NONE;
	a->id.type = NAS_ID_IMEI;
	strcpy(a->id.digits, "490154203237518");
	a->ue_net_cap.len = 4;
	memcpy(a->ue_net_cap.oct, "\xf0\x70\xc0\xc0", 4);
	mk_pdn_req(&a->esm, false);
	a->has_pubkey = true;
	a->pubkey.profile = NAS_PARLOS_PROFILE_A;
	a->pubkey.key = key_a;
	a->pubkey.key_len = sizeof(key_a);
	nas_put_emm("attach_request_a", &m);
	a->pubkey.profile = NAS_PARLOS_PROFILE_B;
	a->pubkey.key = key_b;
	a->pubkey.key_len = sizeof(key_b);
	a->me_cert.p = me_cert;
	a->me_cert.len = me_cert_len;
	mk_pdn_req(&a->esm, true);
	nas_put_emm("attach_request_b_cert", &m);
	a->has_pubkey = false;
	a->me_cert.p = NULL;
	a->attach_type = NAS_ATTACH_TYPE_EPS;
	a->ksi = 1;
	a->id.type = NAS_ID_IMSI;
	strcpy(a->id.digits, "001010123456789");
	a->ue_net_cap.len = 13;
	nas_put_emm("attach_request_imsi", &m);
	a->id.type = NAS_ID_GUTI;
	a->id.guti.plmn = p2;
	a->id.guti.mme_gid = 0x8001;
	a->id.guti.mme_code = 1;
	a->id.guti.m_tmsi = 0xc0ffee;
	a->ue_net_cap.len = 2;
	nas_put_emm("attach_request_guti", &m);

	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_ACCEPT;
	c->result = NAS_ATTACH_RESULT_EPS;
	c->t3412 = 0x21;
	c->tai_list.n = 1;
	c->tai_list.tai[0].plmn = p1;
	c->tai_list.tai[0].tac = 1;
	mk_act_req(&c->esm, false);
	c->has_guti = true;
	c->guti.plmn = p1;
	c->guti.mme_gid = 0x8001;
	c->guti.mme_code = 1;
	c->guti.m_tmsi = 0x1234;
	nas_put_emm("attach_accept", &m);
	c->result = NAS_ATTACH_RESULT_COMBINED;
	c->tai_list.n = NAS_TAI_MAX;
	for (i = 0; i < NAS_TAI_MAX; i++) {
		c->tai_list.tai[i].plmn = i & 1 ? p2 : p1;
		c->tai_list.tai[i].tac = (uint16_t)(0xfff0 + i);
	}
	mk_act_req(&c->esm, true);
	c->has_guti = false;
	nas_put_emm("attach_accept_16_tais_v4v6", &m);

	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_COMPLETE;
	m.attach_cpl.esm.type = NAS_ACT_DEFAULT_BEARER_ACC;
	m.attach_cpl.esm.ebi = 5;
	nas_put_emm("attach_complete", &m);
	nas_put_protected("protected_attach_complete", NAS_SHT_INTEG_CIPH, &m);
	m.attach_cpl.esm.act_acc.pco.p = cert;
	m.attach_cpl.esm.act_acc.pco.len = 8;
	nas_put_emm("attach_complete_pco", &m);
	nas_put_esm("esm_act_accept_pco", &m.attach_cpl.esm);

	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_REJECT;
	m.attach_rej.cause = NAS_EMM_ILLEGAL_ME;
	nas_put_emm("attach_reject", &m);
	m.attach_rej.esm.p = (const uint8_t *)"\x02\x01\xd1\x1b";
	m.attach_rej.esm.len = 4;
	nas_put_emm("attach_reject_esm", &m);
}

static void nas_smc(void)
{
	struct nas_ue_net_cap nc = { 5, { 0xf0, 0x70, 0xc0, 0xc0, 0x01 } };
	struct nas_emm_msg m;
	struct nas_smc *s = &m.smc;

	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_COMMAND;
	s->eea = 2;
	s->eia = 2;
	nas_ue_sec_cap_from_net_cap(&s->replayed, &nc);
	s->imeisv_req = true;
	s->has_kasme = true;
	s->kasme.profile = NAS_PARLOS_PROFILE_A;
	s->kasme.eph = key_a;
	s->kasme.eph_len = sizeof(key_a);
	s->kasme.ct = ct;
	s->kasme.tag = tag;
	s->pubkey_hash.p = hash;
	s->pubkey_hash.len = sizeof(hash);
	nas_put_emm("smc_a", &m);
	nas_put_protected("protected_smc_a", NAS_SHT_INTEG_NEW, &m);
	s->eea = 1;
	s->eia = 3;
	s->ksi = 8 | 6;
	s->replayed.len = 2;
	s->imeisv_req = false;
	s->kasme.profile = NAS_PARLOS_PROFILE_B;
	s->kasme.eph = key_b;
	s->kasme.eph_len = sizeof(key_b);
	s->gw_cert.p = gw_cred;
	s->gw_cert.len = gw_cred_len;
	nas_put_emm("smc_b_cert", &m);

	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_COMPLETE;
	m.smc_cpl.has_imeisv = true;
	strcpy(m.smc_cpl.imeisv, "4901542032375101");
	nas_put_emm("smc_complete", &m);
	m.smc_cpl.me_sig.p = me_sig;
	m.smc_cpl.me_sig.len = me_sig_len;
	nas_put_emm("smc_complete_sig", &m);
	nas_put_protected("protected_smc_complete", NAS_SHT_INTEG_CIPH_NEW, &m);

	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_REJECT;
	m.smc_rej.cause = NAS_EMM_UE_SEC_CAP_MISMATCH;
	nas_put_emm("smc_reject", &m);
	nas_put_protected("protected_smc_reject", NAS_SHT_INTEG, &m);
}

static void nas_esm(void)
{
	struct nas_esm_msg e;

	mk_pdn_req(&e, false);
	nas_put_esm("esm_pdn_request", &e);
	mk_pdn_req(&e, true);
	nas_put_esm("esm_pdn_request_apn_pco", &e);
	mk_act_req(&e, false);
	nas_put_esm("esm_act_request", &e);
	mk_act_req(&e, true);
	nas_put_esm("esm_act_request_v4v6", &e);
	e.act_req.addr.type = NAS_PDN_IPV6;
	nas_put_esm("esm_act_request_v6", &e);
}

/* What the encoders never write but the decoders read */
static void nas_raw(void)
{
	/* ATTACH REQUEST with every TV IE, type 1 and unknown TLV/TLV-E IEs */
	put_hex("nas", "attach_request_optional_ies",
		"07 41 73 08 4b 09 51 24 30 32 57 81 04 f0 70 c0 c0 "
		"00 04 02 01 d0 11 19 01 02 03 52 00 f1 10 00 01 "
		"5c 00 00 13 00 f1 10 00 01 17 01 91 a1 "
		"4e 02 aa bb 79 00 03 01 02 03 7c 00 00");
	/* TAI list: a range (type 01), then two single PLMN entries (10) */
	put_hex("nas", "attach_accept_tai_types",
		"07 42 01 21 11 22 00 f1 10 ff f0 41 00 f1 10 00 01 "
		"13 00 62 f2 10 "
		"00 11 52 01 c1 01 09 05 04 72 6c 6f 73 05 01 0a 2d 00 02 "
		"13 00 f1 10 00 02 53 0f 17 21 59 22 "
		"50 0b f6 13 00 62 00 02 07 00 00 00 01");
	/* ESM with the negotiated LLC SAPI and an unknown IE */
	put_hex("nas", "esm_act_request_llc",
		"52 01 c1 01 09 05 04 72 6c 6f 73 05 01 0a 2d 00 02 "
		"32 03 5e 02 fe fe 66 01 00");
	/* a PARLOS gateway certificate without a KASME blob */
	put_hex("nas", "smc_gw_cert_only",
		"07 5d 11 01 02 e0 e0 7e 00 03 30 01 00 55 01 02 03 04");
	put_hex("nas", "esm_as_emm_short", "02 01");
}

/* --- RRC and PDCP-LTE ------------------------------------------------ */

static size_t rrc_enc(uint8_t type, uint8_t tid, uint8_t eea, uint8_t eia,
		      uint8_t *out)
{
	struct rrc_msg m = { type, tid, eea, eia };
	const char *err;
	size_t n;

	if (rrc_encode(&m, out, 8, &n, &err))
		die("rrc", err);
	return n;
}

/* SMC with a v8a0 extension and a SecurityConfigSMC extension addition */
static size_t rrc_smc_ext(uint8_t *out, size_t cap)
{
	struct uper_wr w;
	size_t n;

	uper_wr_init(&w, out, cap);
	uper_put(&w, 0, 1);
	uper_put(&w, 6, 4);
	uper_put(&w, 1, 2);
	uper_put(&w, 0, 1);
	uper_put(&w, 0, 2);
	uper_put(&w, 1, 1);
	uper_put(&w, 1, 1);
	uper_put(&w, 1, 4);
	uper_put(&w, 2, 4);
	uper_put(&w, 1, 7);	/* two additions */
	uper_put(&w, 3, 2);	/* both present */
	uper_put(&w, 2, 8);
	uper_put(&w, 0xbeef, 16);
	uper_put(&w, 0, 8);	/* an empty one */
	uper_put(&w, 1, 1);
	uper_put(&w, 1, 1);
	uper_put(&w, 0x8001, 16);	/* two-octet length form: 1 */
	uper_put(&w, 0xaa, 8);
	if (uper_wr_finish(&w, &n))
		die("rrc", "extension message");
	return n;
}

/* UL message c1 with a v8a0 extension, empty or with both its parts */
static size_t rrc_ul_ext(uint32_t c1, bool late, uint8_t *out, size_t cap)
{
	struct uper_wr w;
	size_t n;

	uper_wr_init(&w, out, cap);
	uper_put(&w, 0, 1);
	uper_put(&w, c1, 4);
	uper_put(&w, 2, 2);
	uper_put(&w, 0, 1);
	uper_put(&w, 1, 1);	/* nonCriticalExtension */
	uper_put(&w, late, 1);	/* lateNonCriticalExtension */
	uper_put(&w, late, 1);	/* nonCriticalExtension {} */
	if (late) {
		uper_put(&w, 2, 8);
		uper_put(&w, 0xaaaa, 16);
	}
	if (uper_wr_finish(&w, &n))
		die("rrc", "UL extension message");
	return n;
}

static void rrc(void)
{
	uint8_t b[64];
	char name[64];
	size_t n;
	int tid, alg;

	for (tid = 0; tid < 4; tid++) {
		for (alg = 0; alg <= RRC_ALG_MAX; alg++) {
			snprintf(name, sizeof(name), "smc_t%d_eea%d_eia%d", tid,
				 alg, (alg + tid) % 4);
			n = rrc_enc(RRC_SECURITY_MODE_COMMAND, (uint8_t)tid,
				    (uint8_t)alg, (uint8_t)((alg + tid) % 4), b);
			put("rrc", name, b, n);
		}
		snprintf(name, sizeof(name), "smc_complete_t%d", tid);
		n = rrc_enc(RRC_SECURITY_MODE_COMPLETE, (uint8_t)tid, 0, 0, b);
		put("rrc", name, b, n);
		snprintf(name, sizeof(name), "smc_failure_t%d", tid);
		n = rrc_enc(RRC_SECURITY_MODE_FAILURE, (uint8_t)tid, 0, 0, b);
		put("rrc", name, b, n);
	}
	put("rrc", "smc_extensions", b, rrc_smc_ext(b, sizeof(b)));
	put("rrc", "smc_complete_nce", b, rrc_ul_ext(5, false, b, sizeof(b)));
	put("rrc", "smc_failure_late_ext", b, rrc_ul_ext(6, true, b,
							 sizeof(b)));
}

static void pdcp_put(const char *name, const struct pdcp_lte_info *i)
{
	uint8_t out[BUF];
	const char *err;
	size_t n;

	if (pdcp_lte_encode(i, out, sizeof(out), &n, &err))
		die(name, err);
	put("pdcp_lte", name, out, n);
}

static void pdcp(void)
{
	uint8_t pdu[16] = { 0x00 }, rrcb[8];
	struct pdcp_lte_info i;
	size_t n;

	n = rrc_enc(RRC_SECURITY_MODE_COMMAND, 0, 2, 2, rrcb);
	memcpy(pdu + 1, rrcb, n);
	memcpy(pdu + 1 + n, "\x01\x02\x03\x04", 4);
	pdcp_lte_srb1(&i, PDCP_LTE_DIR_DL, 0x1234, pdu, n + 5);
	pdcp_put("srb1_dl_smc", &i);
	n = rrc_enc(RRC_SECURITY_MODE_COMPLETE, 0, 0, 0, rrcb);
	pdu[0] = 0x01;
	memcpy(pdu + 1, rrcb, n);
	memcpy(pdu + 1 + n, "\xaa\xbb\xcc\xdd", 4);
	pdcp_lte_srb1(&i, PDCP_LTE_DIR_UL, 7, pdu, n + 5);
	pdcp_put("srb1_ul_complete", &i);

	memset(&i, 0, sizeof(i));
	i.plane = PDCP_LTE_PLANE_USER;
	i.sn_len = 12;
	i.has = PDCP_LTE_HAS_DIRECTION | PDCP_LTE_HAS_UEID;
	i.ueid = 7;
	i.pdu = (const uint8_t *)"\x80\x05\x45\x00\x00\x1c";
	i.pdu_len = 6;
	pdcp_put("drb_sn12", &i);
	i.sn_len = 18;
	i.direction = PDCP_LTE_DIR_DL;
	i.has |= PDCP_LTE_HAS_CHAN_ID;
	i.chan_id = 3;
	pdcp_put("drb_sn18", &i);
	i.no_header_pdu = 1;
	i.sn_len = 7;
	i.has = PDCP_LTE_HAS_CHAN_TYPE;
	i.chan_type = PDCP_LTE_CHAN_BCCH;
	pdcp_put("no_header_bcch", &i);
	/* as the kernel frames DRB PDUs: ROHC tags too (see test_pdcp_lte) */
	put_hex("pdcp_lte", "drb_rohc_tags",
		"70 64 63 70 2d 6c 74 65 00 02 00 02 0c 03 00 0e 00 07 0d 00 "
		"03 04 01 06 00 04 07 00 08 00 09 01 0a 00 0b 00 0c 00 00 05 "
		"01 01 80 05 45 00 00 1c");
	put_hex("pdcp_lte", "rohc_on",
		"70 64 63 70 2d 6c 74 65 00 02 01 02 07 01 00 01 02 03");
}

/* --- parlosctl -------------------------------------------------------- */

/* A command line: the error size selector, then NUL-separated words */
static void ctl_put(const char *name, const char *line)
{
	char b[BUF];
	size_t n = strlen(line), i;

	b[0] = 4;	/* the largest error buffer */
	memcpy(b + 1, line, n);
	for (i = 1; i <= n; i++)
		if (b[i] == ' ')
			b[i] = '\0';
	put("ctl_args", name, b, n + 1);
}

static void ctl(void)
{
	static const char *const lines[][2] = {
		{ "help", "help" },
		{ "help_ctx_add", "help ctx add" },
		{ "ctx_help", "ctx help" },
		{ "ctx_add_help", "ctx add help" },
		{ "ctx_add", "ctx add role me label ue-1 ue-id 0xffff "
		  "nas-eea 2 nas-eia 2 as-eea 3 as-eia 1" },
		{ "ctx_add_network", "ctx add role network" },
		{ "ctx_del", "ctx del 4294967295" },
		{ "ctx_show", "ctx show 3" },
		{ "ctx_show_label", "ctx show label bob" },
		{ "ctx_list", "ctx list" },
		{ "ctx_set", "ctx set 1 ul-count 0xffffff dl-count 0x1000000 "
		  "label x ue-id 7 as-eia 0" },
		{ "ctx_keygen", "ctx keygen 2 profile b" },
		{ "ctx_wrap_a", "ctx wrap 1 profile a pubkey "
		  "1111111111111111111111111111111111111111111111111111111111111111" },
		{ "ctx_wrap_b", "ctx wrap 1 profile b pubkey 02"
		  "2222222222222222222222222222222222222222222222222222222222222222" },
		{ "ctx_unwrap", "ctx unwrap 1 blob "
		  "1111111111111111111111111111111111111111111111111111111111111111"
		  "c0000000000000000000000000000000000000000000000000000000000000c1"
		  "7a67000000000001" },
		{ "ctx_derive_as", "ctx derive-as 2 count 0" },
		{ "nas_protect", "nas protect 1 sec-hdr 2 pdu 0741" },
		{ "nas_unprotect", "nas unprotect 1 pdu 27a1b2c3d4050743" },
		{ "srb_protect", "srb protect 1 rb 2 cipher on pdu 00302020" },
		{ "srb_unprotect", "srb unprotect 1 cipher off rb 1 pdu 00" },
		{ "monitor", "monitor" },
		{ "stats", "stats" },
		{ "stats_id", "stats 0x10" },
		{ "kenb_export", "kenb export 1" },
		{ "keylog", "keylog 5" },
		{ "drb_bind", "drb bind 1 dev parlos0 ue-addr 10.45.0.2 "
		  "peer 192.0.2.1:2152 ue-id 9 sn-len 18 integrity on" },
		{ "drb_unbind", "drb unbind 1" },
		{ "drb_show", "drb show 1" },
	};
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		ctl_put(lines[i][0], lines[i][1]);
}

/* --- differential ------------------------------------------------------ */

static uint64_t rng_state = 0x7061726c6f73ULL;

static uint64_t rng(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* The layout fuzz_diff_cores.c reads: op, key, COUNT, bearer/dir, trim, cuts */
static void diff(void)
{
	static const size_t lens[] = { 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 63,
				       64, 65, 128, 300, 1000, 8188, 9000 };
	static const char *const algs[] = { "eea1", "eia1", "eea3", "eia3" };
	static uint8_t b[28 + 9000];
	char name[64];
	size_t a, l, i;

	for (a = 0; a < 4; a++) {
		for (l = 0; l < sizeof(lens) / sizeof(lens[0]); l++) {
			/* ZUC inputs past 8188 octets are cut to it anyway */
			if (a >= 2 && lens[l] > 8188)
				continue;
			for (i = 0; i < 28 + lens[l]; i++)
				b[i] = (uint8_t)rng();
			b[0] = (uint8_t)(a | (l & 3) << 2);
			b[22] = (uint8_t)(l % 3 ? l & 7 : 0);
			snprintf(name, sizeof(name), "%s_%zu", algs[a], lens[l]);
			put("diff_cores", name, b, 28 + lens[l]);
		}
	}
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc != 2) {
		fprintf(stderr, "usage: mkcorpus DIR\n");
		return 2;
	}
	root = argv[1];
	if (mkdir(root, 0755) && errno != EEXIST) {
		perror(root);
		return 1;
	}
	for (i = 0; i < sizeof(key_a); i++)
		key_a[i] = 0x11;
	key_b[0] = 0x02;
	for (i = 1; i < sizeof(key_b); i++)
		key_b[i] = 0x22;
	ct[0] = 0xc0;
	ct[31] = 0xc1;
	memcpy(tag, "\x7a\x67\x00\x00\x00\x00\x00\x01", 8);
	memcpy(cert, "\x30\x26\x02\x01\x00", 5);
	for (i = 5; i < sizeof(cert); i++)
		cert[i] = (uint8_t)i;
	for (i = 0; i < sizeof(hash); i++)
		hash[i] = (uint8_t)(0x80 + i);

	mk_creds();
	nas_attach();
	nas_smc();
	nas_esm();
	nas_raw();
	rrc();
	pdcp();
	ctl();
	diff();
	return 0;
}
