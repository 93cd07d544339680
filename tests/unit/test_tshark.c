// SPDX-License-Identifier: GPL-2.0
/*
 * tshark as the oracle: a whole PARLOS attach is encoded with the codec,
 * written with the pcap writer, and decoded by tshark:
 *
 *   tshark -r FILE -2 -o nas-eps.null_decipher:FALSE \
 *          --enable-heuristic pdcp_lte_udp -V
 *
 * The capture holds plain NAS (as parlosd sees it), the same messages
 * behind a security-protected header with a dummy MAC (what the kernel
 * puts on the wire), and the RRC SecurityModeCommand / Complete in
 * PDCP-LTE framing. tshark must show every message and no malformed
 * packet or expert warning/error. The PARLOS IEs 0x7A and 0x7D are
 * unknown to tshark and show as an expert *note* "Extraneous Data":
 * that is expected and allowed.
 *
 * Without tshark the oracle cases FAIL (they never skip).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "check.h"
#include "nas.h"
#include "pcap.h"
#include "pdcp_lte.h"
#include "rrc.h"

#define UEID	0x1234		/* M-TMSI low 16 bits */
#define OUT_MAX	(4u << 20)

static const uint8_t key[32] = { 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
static const uint8_t blob[40] = { 0xc7, [39] = 0x7a };
static const uint8_t mac[4] = { 0xde, 0xad, 0xbe, 0xef };

struct cap {
	struct pcap_writer w;
	struct pcap_endpoint me, gw;
	struct timespec ts;
	int frames;
};

static void tick(struct cap *c)
{
	c->ts.tv_nsec += 1000000;
	c->frames++;
}

static void put_nas(struct cap *c, bool ul, const uint8_t *p, size_t n)
{
	CHECK(!pcap_write_nas(&c->w, &c->ts, ul ? &c->me : &c->gw,
			      ul ? &c->gw : &c->me, p, n), "write nas");
	tick(c);
}

/* The plain message, then the same behind a protected header */
static void put_emm(struct cap *c, bool ul, const struct nas_emm_msg *m,
		    uint8_t sht, uint8_t sqn)
{
	uint8_t buf[512];
	size_t n = 0, pn;
	struct nas_err err;
	struct nas_sec_hdr h = { sht, { 0 }, sqn, buf + 6, 0 };
	int rc = nas_emm_encode(m, buf + 6, sizeof(buf) - 6, &n, &err);

	CHECK(rc == 0, "encode %s: %s", nas_msg_name(7, m->type), err.why);
	put_nas(c, ul, buf + 6, n);
	if (!sht)
		return;
	memcpy(h.mac, mac, 4);
	h.msg_len = n;
	CHECK(!nas_sec_build(&h, buf, sizeof(buf), &pn), "protect");
	put_nas(c, ul, buf, pn);
}

static void put_rrc(struct cap *c, bool ul, const struct rrc_msg *m)
{
	uint8_t pdu[16] = { 0 }, frame[64];
	struct pdcp_lte_info info;
	size_t n, fn;

	CHECK(!rrc_encode(m, pdu + 1, 8, &n, NULL), "rrc encode");
	memcpy(pdu + 1 + n, mac, 4);		/* dummy MAC-I, SN 0 */
	pdcp_lte_srb1(&info, ul ? PDCP_LTE_DIR_UL : PDCP_LTE_DIR_DL, UEID,
		      pdu, n + 5);
	CHECK(!pdcp_lte_encode(&info, frame, sizeof(frame), &fn, NULL),
	      "frame");
	CHECK(!pcap_write_udp(&c->w, &c->ts, ul ? &c->me : &c->gw,
			      ul ? &c->gw : &c->me, frame, fn), "write udp");
	tick(c);
}

static void attach_request(struct nas_emm_msg *m)
{
	struct nas_attach_req *a = &m->attach_req;

	memset(m, 0, sizeof(*m));
	m->type = NAS_ATTACH_REQUEST;
	a->attach_type = NAS_ATTACH_TYPE_RLOS;
	a->ksi = NAS_KSI_NONE;
	a->id.type = NAS_ID_IMEI;
	strcpy(a->id.digits, "490154203237518");
	a->ue_net_cap.len = 4;
	memcpy(a->ue_net_cap.oct, "\xe0\xe0\xc0\xc0", 4);
	a->esm.type = NAS_PDN_CONNECTIVITY_REQ;
	a->esm.pti = 1;
	a->esm.pdn_conn_req.request_type = 1;
	a->esm.pdn_conn_req.pdn_type = NAS_PDN_IPV4;
	a->has_pubkey = true;
	a->pubkey.profile = NAS_PARLOS_PROFILE_A;
	a->pubkey.key = key;
	a->pubkey.key_len = 32;
}

static void security_mode_command(struct nas_emm_msg *m,
				  const struct nas_ue_net_cap *nc)
{
	memset(m, 0, sizeof(*m));
	m->type = NAS_SECURITY_MODE_COMMAND;
	m->smc.eea = 2;
	m->smc.eia = 2;
	m->smc.ksi = 0;
	nas_ue_sec_cap_from_net_cap(&m->smc.replayed, nc);
	m->smc.imeisv_req = true;
	m->smc.has_kasme = true;
	m->smc.kasme.profile = NAS_PARLOS_PROFILE_A;
	m->smc.kasme.eph = key;
	m->smc.kasme.eph_len = 32;
	m->smc.kasme.ct = blob;
	m->smc.kasme.tag = blob + 32;
}

static void attach_accept(struct nas_emm_msg *m)
{
	struct nas_attach_acc *a = &m->attach_acc;
	struct nas_plmn plmn = { 1, 1, 2 };

	memset(m, 0, sizeof(*m));
	m->type = NAS_ATTACH_ACCEPT;
	a->result = NAS_ATTACH_RESULT_EPS;
	a->t3412 = 0x49;
	a->tai_list.n = 1;
	a->tai_list.tai[0].plmn = plmn;
	a->tai_list.tai[0].tac = 7;
	a->esm.type = NAS_ACT_DEFAULT_BEARER_REQ;
	a->esm.ebi = 5;
	a->esm.pti = 1;
	a->esm.act_req.qos.len = 1;
	a->esm.act_req.qos.oct[0] = 9;
	nas_apn_from_str(&a->esm.act_req.apn, "rlos");
	a->esm.act_req.addr.type = NAS_PDN_IPV4;
	memcpy(a->esm.act_req.addr.ipv4, "\x0a\x2d\x00\x02", 4);
	a->has_guti = true;
	a->guti.plmn = plmn;
	a->guti.mme_gid = 1;
	a->guti.mme_code = 1;
	a->guti.m_tmsi = 0xc0de0000 | UEID;
}

static void build_exchange(struct cap *c)
{
	struct nas_emm_msg m;
	struct rrc_msg r = { RRC_SECURITY_MODE_COMMAND, 0, 2, 2 };
	struct nas_ue_net_cap nc;

	attach_request(&m);
	nc = m.attach_req.ue_net_cap;
	put_emm(c, true, &m, NAS_SHT_PLAIN, 0);
	security_mode_command(&m, &nc);
	put_emm(c, false, &m, NAS_SHT_INTEG_NEW, 0);
	put_rrc(c, false, &r);
	r.type = RRC_SECURITY_MODE_COMPLETE;
	put_rrc(c, true, &r);
	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_COMPLETE;
	m.smc_cpl.has_imeisv = true;
	strcpy(m.smc_cpl.imeisv, "4901542032375101");
	put_emm(c, true, &m, NAS_SHT_INTEG_CIPH_NEW, 0);
	attach_accept(&m);
	put_emm(c, false, &m, NAS_SHT_INTEG_CIPH, 1);
	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_COMPLETE;
	m.attach_cpl.esm.type = NAS_ACT_DEFAULT_BEARER_ACC;
	m.attach_cpl.esm.ebi = 5;
	put_emm(c, true, &m, NAS_SHT_INTEG_CIPH, 1);
}

/* Run a shell command; its stdout into a NUL-terminated heap buffer */
static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	char *out = calloc(1, OUT_MAX + 1);
	size_t n = 0, got;

	*status = -1;
	if (!p || !out) {
		if (p)
			pclose(p);
		return out;
	}
	while (n < OUT_MAX && (got = fread(out + n, 1, OUT_MAX - n, p)) > 0)
		n += got;
	*status = pclose(p);
	return out;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle))) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

static char path[64] = "/tmp/parlos-tshark-XXXXXX";
static char cfgdir[64] = "/tmp/parlos-wscfg-XXXXXX";

static void test_write_capture(void)
{
	struct cap c = { .ts = { 1700000000, 0 } };
	int fd = mkstemp(path);

	CHECK(fd >= 0, "mkstemp: %s", strerror(errno));
	if (fd >= 0)
		close(fd);
	CHECK(mkdtemp(cfgdir), "mkdtemp");
	inet_pton(AF_INET, "127.0.0.1", &c.me.addr);
	inet_pton(AF_INET, "127.0.0.2", &c.gw.addr);
	c.me.port = 40000;
	c.gw.port = 36410;
	CHECK(!pcap_open(&c.w, path), "open %s", path);
	build_exchange(&c);
	CHECK(!pcap_close(&c.w), "close");
	CHECK(c.frames == 11, "frames %d", c.frames);
}

static void test_tshark_present(void)
{
	int st;
	char *out = run("tshark --version 2>/dev/null", &st);

	CHECK(st == 0 && strstr(out, "TShark"),
	      "tshark not found: install the Debian package tshark");
	free(out);
}

#define TSHARK_OPTS "-2 --enable-heuristic pdcp_lte_udp"
#define TSHARK "WIRESHARK_CONFIG_DIR=%s tshark -r %s " TSHARK_OPTS \
	       " -o nas-eps.null_decipher:FALSE"

static const char *frames_plain[] = {
	"Attach request, PDN connectivity request",
	"Security mode command",
	"Security mode command",	/* integrity only: decoded */
	"SecurityModeCommand",
	"SecurityModeComplete",
	"Security mode complete",
	"Ciphered message",
	"Attach accept, Activate default EPS bearer context request",
	"Ciphered message",
	"Attach complete, Activate default EPS bearer context accept",
	"Ciphered message",
};

/* null_decipher:TRUE reads the "ciphered" copies as EEA0 would leave them */
static const char *frames_null[] = {
	"Attach request, PDN connectivity request",
	"Security mode command",
	"Security mode command",
	"SecurityModeCommand",
	"SecurityModeComplete",
	"Security mode complete",
	"Security mode complete",
	"Attach accept, Activate default EPS bearer context request",
	"Attach accept, Activate default EPS bearer context request",
	"Attach complete, Activate default EPS bearer context accept",
	"Attach complete, Activate default EPS bearer context accept",
};

/* One summary line per frame, in order */
static void check_summary_lines(const char *null_decipher, const char **want)
{
	char cmd[512], *out, *line, *save = NULL;
	size_t i = 0;
	int st;

	snprintf(cmd, sizeof(cmd), "WIRESHARK_CONFIG_DIR=%s tshark -r %s "
		 TSHARK_OPTS " -o nas-eps.null_decipher:%s "
		 "-T fields -e _ws.col.Info 2>/dev/null", cfgdir, path,
		 null_decipher);
	out = run(cmd, &st);
	CHECK(st == 0, "tshark exit %d", st);
	for (line = strtok_r(out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save), i++) {
		CHECK(i < 11 && strstr(line, want[i]),
		      "frame %zu: \"%s\"", i + 1, line);
	}
	CHECK(i == 11, "%zu frames decoded", i);
	free(out);
}

static void test_details(void)
{
	static const char *want[] = {
		"EPS attach type: EPS RLOS attach (3)",
		"Type of identity: IMEI (3)",
		"IMEI: 490154203237518",
		"PDN connectivity request (0xd0)",
		"Type of ciphering algorithm: EPS encryption algorithm "
		"128-EEA2 (2)",
		"Type of integrity protection algorithm: EPS integrity "
		"algorithm 128-EIA2 (2)",
		"Security header type: Integrity protected with new EPS "
		"security context (3)",
		"IMEISV request: IMEISV requested (1)",
		"cipheringAlgorithm: eea2 (2)",
		"integrityProtAlgorithm: eia2 (2)",
		"Mobile Identity Type: IMEISV (3)",
		"BCD Digits: 4901542032375101",
		"Attach result: EPS only (1)",
		"Activate default EPS bearer context request (0xc1)",
		"APN: rlos",
		"PDN IPv4: 10.45.0.2",
		"M-TMSI: 3235779124 (0xc0de1234)",
		"Activate default EPS bearer context accept (0xc2)",
		"[UE: 4660]",
		"Message authentication code: 0xdeadbeef",
	};
	char cmd[512], *out;
	size_t i;
	int st;

	snprintf(cmd, sizeof(cmd), TSHARK " -V 2>/dev/null", cfgdir, path);
	out = run(cmd, &st);
	CHECK(st == 0, "tshark exit %d", st);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		CHECK(strstr(out, want[i]), "missing \"%s\"", want[i]);
	CHECK(!strstr(out, "Malformed"), "malformed packet");
	CHECK(!strstr(out, "Expert Info (Error"), "expert error");
	CHECK(!strstr(out, "Expert Info (Warning"), "expert warning");
	/* 0x7A in ATTACH REQUEST, 0x7D in both copies of the SMC */
	CHECK(count(out, "Expert Info (Note/Protocol): Extraneous Data") == 3,
	      "extraneous-data notes: %d",
	      count(out, "Expert Info (Note/Protocol): Extraneous Data"));
	free(out);
}

/* NAS alone needs no option at all */
static void test_plain_tshark(void)
{
	char cmd[512], *out;
	int st;

	snprintf(cmd, sizeof(cmd), "WIRESHARK_CONFIG_DIR=%s tshark -r %s "
		 "2>/dev/null", cfgdir, path);
	out = run(cmd, &st);
	CHECK(st == 0 && strstr(out, "NAS-EPS") &&
	      strstr(out, "Attach request") && strstr(out, "Attach accept"),
	      "plain tshark:\n%s", out);
	free(out);
}

static void test_pcap_bytes(void)
{
	uint8_t b[PCAP_PREFIX_MAX];
	struct pcap_endpoint a = { { htonl(0x7f000001) }, 40000 };
	struct pcap_endpoint z = { { htonl(0x7f000002) }, 36410 };
	uint32_t sum = 0;
	size_t n, i;
	struct pcap_writer w = { NULL };

	pcap_file_header(b);
	CHECK(*(uint32_t *)(void *)b == 0xa1b2c3d4 &&
	      *(uint32_t *)(void *)(b + 20) == 252, "file header");
	n = pcap_nas_prefix(b, NULL, NULL);
	CHECK(n == 16 && !memcmp(b, "\0\x0c\0\x08nas-eps\0\0\0\0\0", 16),
	      "nas prefix");
	n = pcap_nas_prefix(b, &a, &z);
	CHECK(n == 56 && b[12] == 0 && b[13] == 20 && b[16] == 127 &&
	      b[19] == 1 && b[44] == 0 && b[45] == 26 && b[50] == 0x8e &&
	      b[51] == 0x3a, "nas prefix with addresses");
	CHECK(!pcap_udp_prefix(b, &n, &a, &z, 10) && n == 40, "udp prefix");
	CHECK(!memcmp(b, "\0\x0c\0\x04ip\0\0\0\0\0\0", 12), "ip name");
	for (i = 12; i < 32; i += 2)
		sum += (uint32_t)(b[i] << 8 | b[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	CHECK(sum == 0xffff, "IPv4 checksum");
	CHECK(b[12 + 3] == 38 && b[32 + 5] == 18, "lengths");
	CHECK(pcap_udp_prefix(b, &n, &a, &z, 65508) == -EMSGSIZE, "too big");
	CHECK(pcap_udp_prefix(b, &n, NULL, &z, 1) == -EINVAL, "no src");
	CHECK(pcap_write_nas(&w, NULL, NULL, NULL, b, 1) == -EBADF, "closed");
	CHECK(pcap_open(&w, "/nonexistent/dir/x.pcap") == -ENOENT, "bad path");
}

int main(void)
{
	char cmd[160];
	int rc;

	RUN_CASE("pcap record bytes", test_pcap_bytes());
	RUN_CASE("pcap write attach exchange", test_write_capture());
	RUN_CASE("tshark present", test_tshark_present());
	RUN_CASE("tshark frame summaries",
		 check_summary_lines("FALSE", frames_plain));
	RUN_CASE("tshark frame summaries, null ciphering",
		 check_summary_lines("TRUE", frames_null));
	RUN_CASE("tshark decoded fields, no errors", test_details());
	RUN_CASE("tshark NAS without options", test_plain_tshark());
	if (!getenv("PARLOS_KEEP_PCAP"))
		unlink(path);
	else
		printf("# capture kept: %s\n", path);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", cfgdir);
	rc = system(cmd);
	(void)rc;
	return check_summary();
}
