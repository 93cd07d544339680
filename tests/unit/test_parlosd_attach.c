// SPDX-License-Identifier: GPL-2.0
/*
 * parlosd's state machines end to end, in one process, through the
 * in-memory network of parlosd_net.c.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "algo.h"
#include "attach.h"
#include "check.h"
#include "gateway.h"
#include "log.h"
#include "me.h"
#include "parlosd_fake.h"
#include "parlosd_net.h"

static const char *fpr_of(const char *out, const char *who, char *buf,
			  size_t len)
{
	const char *l = strstr(out, who), *f, *e;

	buf[0] = '\0';
	if (!l || !(f = strstr(l, " fpr ")))
		return buf;
	e = strchr(f, '\n');
	snprintf(buf, len, "%.*s", (int)(e ? e - f : (long)strlen(f)), f);
	return buf;
}

/* --- the full attach -------------------------------------------------- */

static void attach_pair(uint8_t eea, uint8_t eia, uint8_t profile)
{
	char a[256], b[256], who[64];
	struct gw_ue *ue;

	net_setup(1, D_ROLE_GW);
	w.gcfg.eea = (struct d_algs){ 1, { eea } };
	w.gcfg.eia = (struct d_algs){ 1, { eia } };
	w.mcfg[0].profile = profile;
	start_all();
	net_run(1000);
	fflush(w.outf);
	CHECK(w.me[0].state == ME_ATTACHED, "ME in %s",
	      me_state_name(w.me[0].state));
	ue = gw_find(&w.gw, &w.maddr[0]);
	CHECK(ue && ue->state == GW_ATTACHED, "gateway side not attached");
	CHECK(w.me[0].eea == eea && w.me[0].eia == eia, "algorithms %u/%u",
	      w.me[0].eea, w.me[0].eia);
	snprintf(who, sizeof(who), "imei=%s gw=", w.me[0].imei);
	fpr_of(w.out, who, a, sizeof(a));
	snprintf(who, sizeof(who), "me=10.0.1.2:40000");
	fpr_of(w.out, who, b, sizeof(b));
	CHECK(a[0] && !strcmp(a, b), "fingerprints differ: \"%s\" \"%s\"", a, b);
	CHECK(count_str(a, "=") == 8, "8 fingerprints: %s", a);
	CHECK(ue && w.me[0].ue_id == ue->ue_id && w.me[0].ipv4 == ue->ipv4,
	      "UE id / address");
	CHECK(w.me[0].tag == ue->ue_id, "UE-id tag echoed");
	net_teardown();
}

static void test_pairs(void)
{
	char name[64];
	uint8_t eea, eia, p;

	for (p = 1; p <= 2; p++)
		for (eea = 1; eea <= 3; eea++)
			for (eia = 1; eia <= 3; eia++) {
				snprintf(name, sizeof(name),
					 "attach.eea%u-eia%u-profile-%c", eea,
					 eia, p == 1 ? 'a' : 'b');
				RUN_CASE(name, attach_pair(eea, eia, p));
			}
}

static void test_default_priority(void)
{
	net_setup(1, D_ROLE_GW);
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED, "attached");
	CHECK(w.me[0].eea == 2 && w.me[0].eia == 2, "EEA2/EIA2 chosen: %u/%u",
	      w.me[0].eea, w.me[0].eia);
	net_teardown();
}

static void test_me_preference(void)
{
	net_setup(1, D_ROLE_GW);
	w.mcfg[0].eea = (struct d_algs){ 2, { 0, 3 } };
	w.mcfg[0].eia = (struct d_algs){ 1, { 1 } };
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED, "attached");
	CHECK(w.me[0].eea == 3 && w.me[0].eia == 1, "EEA3/EIA1: %u/%u",
	      w.me[0].eea, w.me[0].eia);
	net_teardown();
}

static void test_many(void)
{
	int i, j, attached = 0;
	struct gw_ue *a, *b;

	net_setup(50, D_ROLE_GW);
	start_all();
	net_run(1000);
	for (i = 0; i < 50; i++)
		attached += w.me[i].state == ME_ATTACHED;
	CHECK(attached == 50, "%d of 50 attached", attached);
	CHECK(w.gw.stats.attached == 50, "gateway: %llu",
	      (unsigned long long)w.gw.stats.attached);
	CHECK(fake_kern_count(w.gk) == 50, "gateway contexts %u",
	      fake_kern_count(w.gk));
	for (i = 0; i < 50; i++)
		for (j = i + 1; j < 50; j++) {
			a = gw_find(&w.gw, &w.maddr[i]);
			b = gw_find(&w.gw, &w.maddr[j]);
			CHECK(a && b && a->ue_id != b->ue_id &&
			      a->ipv4 != b->ipv4, "UE %d and %d share", i, j);
		}
	net_teardown();
}

/* --- retransmissions --------------------------------------------------- */

static uint8_t first_smc[256];
static size_t first_smc_len;


static enum verdict drop_first_smc(struct pkt *p)
{
	if (is_dl(p) && p->n > 1 && p->b[0] == 0x37 && !first_smc_len) {
		memcpy(first_smc, p->b, p->n);
		first_smc_len = p->n;
		return DROP;
	}
	return PASS;
}

static void test_t3460(void)
{
	net_setup(1, D_ROLE_GW);
	first_smc_len = 0;
	w.filter = drop_first_smc;
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_WAIT_SMC, "waiting: %s",
	      me_state_name(w.me[0].state));
	net_run(6000);
	CHECK(w.me[0].state == ME_ATTACHED, "attached after T3460: %s",
	      me_state_name(w.me[0].state));
	CHECK(strstr(w.log, "T3460 expired"), "T3460 logged");
	/* re-protected: the SQN (COUNT) moved on */
	CHECK(first_smc_len && first_smc[5] == 0, "first SMC COUNT 0");
	net_teardown();
}

static enum verdict drop_all_dl(struct pkt *p)
{
	return is_dl(p) ? DROP : PASS;
}

static void test_t3460_exhausted(void)
{
	net_setup(1, D_ROLE_GW);
	w.filter = drop_all_dl;
	w.mcfg[0].t3410 = 600000;
	start_all();
	net_run(6000 * 4 + 100);
	CHECK(gw_find(&w.gw, &w.maddr[0]), "still trying after 4 expiries");
	net_run(6000);
	CHECK(!gw_find(&w.gw, &w.maddr[0]), "given up after the 5th expiry");
	CHECK(fake_kern_count(w.gk) == 0, "context deleted");
	CHECK(count_str(w.log, "T3460 expired: retransmission") == 4,
	      "4 retransmissions");
	net_teardown();
}

static enum verdict drop_first_attach_complete(struct pkt *p)
{
	static int seen;

	/* The ME's second ciphered message is the ATTACH COMPLETE */
	if (!is_dl(p) && p->b[0] == 0x27 && p->b[5] == 1 && !seen++)
		return DROP;
	return PASS;
}

static void test_t3450(void)
{
	net_setup(1, D_ROLE_GW);
	w.filter = drop_first_attach_complete;
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED, "ME attached");
	CHECK(gw_find(&w.gw, &w.maddr[0])->state == GW_ACCEPT_SENT,
	      "gateway waits");
	net_run(6000);
	CHECK(gw_find(&w.gw, &w.maddr[0])->state == GW_ATTACHED,
	      "attached after T3450");
	CHECK(strstr(w.log, "ATTACH ACCEPT retransmitted"), "ME answered");
	net_teardown();
}

static void test_t3410(void)
{
	net_setup(1, D_ROLE_GW);
	w.filter = drop_all_dl;
	w.mcfg[0].t3410 = 15000;
	w.gcfg.t3460 = 600000;
	start_all();
	net_run(15000 * 5 + 100);
	CHECK(w.me[0].state == ME_FAILED, "failed: %s",
	      me_state_name(w.me[0].state));
	CHECK(w.me[0].exit_code == D_EXIT_NO_ATTACH, "exit %d",
	      w.me[0].exit_code);
	CHECK(count_str(w.log, "ATTACH REQUEST to") == 5, "5 attempts");
	net_teardown();
}

/* --- negative cases ---------------------------------------------------- */

static enum verdict corrupt_smc_mac(struct pkt *p)
{
	if (is_dl(p) && p->b[0] == 0x37)
		p->b[1] ^= 0x01;
	return PASS;
}

static void test_bad_smc_mac(void)
{
	net_setup(1, D_ROLE_GW);
	w.filter = corrupt_smc_mac;
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_WAIT_SMC, "not attached: %s",
	      me_state_name(w.me[0].state));
	CHECK(strstr(w.log, "rejected: #24") && strstr(w.log, "bad MAC"),
	      "SMC REJECT #24 for the bad MAC");
	CHECK(!gw_find(&w.gw, &w.maddr[0]), "gateway aborted");
	CHECK(strstr(w.log, "SECURITY MODE REJECT #24"), "gateway logged it");
	CHECK(!strstr(w.out ? w.out : "", "attached"), "nobody attached");
	net_teardown();
}

static enum verdict dup_accept(struct pkt *p)
{
	/* ciphered downlink with the new context's COUNT 1: ATTACH ACCEPT */
	return is_dl(p) && p->b[0] == 0x27 ? DUP : PASS;
}

static enum verdict count_ul(struct pkt *p)
{
	if (!is_dl(p) && p->b[0] == 0x27)
		w.sent_by_type[0x27]++;
	return PASS;
}

static enum verdict dup_accept_count(struct pkt *p)
{
	count_ul(p);
	return dup_accept(p);
}

static void test_replayed_accept(void)
{
	net_setup(1, D_ROLE_GW);
	w.filter = dup_accept_count;
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED, "attached");
	CHECK(strstr(w.log, "replayed NAS message"), "replay logged");
	CHECK(w.sent_by_type[0x27] == 1, "%u ATTACH COMPLETEs",
	      w.sent_by_type[0x27]);
	net_teardown();
}

static void test_eia0_only(void)
{
	net_setup(1, D_ROLE_GW);
	w.mcfg[0].eia = (struct d_algs){ 1, { 0 } };
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_FAILED, "failed");
	CHECK(w.me[0].exit_code == D_EXIT_REJECTED, "rejected");
	CHECK(strstr(w.log, "ATTACH REJECT #23"), "cause #23");
	CHECK(!gw_find(&w.gw, &w.maddr[0]) && !fake_kern_count(w.gk),
	      "no state at the gateway");
	net_teardown();
}

static void test_no_eea(void)
{
	net_setup(1, D_ROLE_GW);
	w.gcfg.eea = (struct d_algs){ 1, { 3 } };
	w.mcfg[0].eea = (struct d_algs){ 2, { 0, 2 } };
	start_all();
	net_run(1000);
	CHECK(w.me[0].exit_code == D_EXIT_REJECTED, "rejected");
	CHECK(strstr(w.log, "ATTACH REJECT #23"), "cause #23");
	net_teardown();
}

/* An ATTACH REQUEST built by hand: pubkey NULL leaves 0x7A out */
static size_t raw_request(uint8_t *out, size_t cap, const uint8_t *pub,
			  size_t publen)
{
	static const uint8_t zero[32];
	size_t len = 0;

	CHECK(!attach_request_build(&w.mcfg[0], "490154203237518", 1,
				    pub ? pub : zero, pub ? publen : 32, out,
				    cap, &len), "build");
	if (!pub)
		len -= 3 + 33;	/* 0x7A is last: cut it */
	return len;
}

static void test_missing_pubkey(void)
{
	uint8_t req[256];
	size_t n;

	net_setup(1, D_ROLE_GW);
	n = raw_request(req, sizeof(req), NULL, 0);
	net_inject(&w.maddr[0], &w.gaddr, req, n);
	net_run(1000);
	CHECK(strstr(w.log, "ATTACH REJECT #96"), "cause #96: %s", w.log);
	CHECK(!gw_find(&w.gw, &w.maddr[0]), "no state");
	net_teardown();
}

static void test_bad_pubkey(void)
{
	static const uint8_t pub[32] = { 1 };
	uint8_t req[256];
	size_t n;

	net_setup(1, D_ROLE_GW);
	n = raw_request(req, sizeof(req), pub, 32);
	/* 0x7A: profile B with 32 octets of key: length does not match */
	req[n - 33] = 2;
	net_inject(&w.maddr[0], &w.gaddr, req, n);
	net_run(1000);
	CHECK(strstr(w.log, "ATTACH REJECT #96"), "cause #96");
	net_teardown();
}

static void test_profile_refused(void)
{
	net_setup(1, D_ROLE_GW);
	w.gcfg.profiles = 1u << NAS_PARLOS_PROFILE_A;
	w.mcfg[0].profile = NAS_PARLOS_PROFILE_B;
	start_all();
	net_run(1000);
	CHECK(w.me[0].exit_code == D_EXIT_REJECTED, "rejected");
	CHECK(strstr(w.log, "ATTACH REJECT #96"), "cause #96");
	net_teardown();
}

static void test_garbage(void)
{
	static const uint8_t junk[] = { 0xde, 0xad, 0xbe, 0xef, 0x00, 0x11 };
	static const uint8_t fake_pdcp[] = "pdcp-lte\x00\x01";
	struct sockaddr_in evil = sin_of("10.9.9.9", 999);

	net_setup(3, D_ROLE_GW);
	start_all();
	net_inject(&evil, &w.gaddr, junk, sizeof(junk));
	net_inject(&w.maddr[1], &w.gaddr, junk, sizeof(junk));
	net_inject(&evil, &w.gaddr, fake_pdcp, sizeof(fake_pdcp) - 1);
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED && w.me[1].state == ME_ATTACHED &&
	      w.me[2].state == ME_ATTACHED, "others attached");
	CHECK(strstr(w.log, "no EMM message: dropped"), "garbage logged");
	CHECK(w.gw.peers.n == 3, "no state for garbage");
	/* after the attach, garbage to an attached ME changes nothing */
	net_inject(&w.gaddr, &w.maddr[0], junk, sizeof(junk));
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED, "still attached");
	net_teardown();
}

static enum verdict downgrade_caps(struct pkt *p)
{
	/* the ATTACH REQUEST's UE network capability octets: drop EEA3 */
	if (!is_dl(p) && p->b[0] == 0x07 && p->b[1] == 0x41) {
		size_t idlen = p->b[3];

		p->b[4 + idlen + 1] &= (uint8_t)~0x10;
	}
	return PASS;
}

static void test_caps_mismatch(void)
{
	net_setup(1, D_ROLE_GW);
	w.filter = downgrade_caps;
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_WAIT_SMC, "not attached");
	CHECK(strstr(w.log, "rejected: #23"), "SMC REJECT #23: %s", w.log);
	net_teardown();
}

static enum verdict drop_rrc_complete(struct pkt *p)
{
	return !is_dl(p) && pdcp_lte_is_framed(p->b, p->n) ? DROP : PASS;
}

static void test_order(void)
{
	net_setup(1, D_ROLE_GW);
	w.filter = drop_rrc_complete;
	w.gcfg.t3460 = 600000;
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_WAIT_ACCEPT, "waiting for accept: %s",
	      me_state_name(w.me[0].state));
	CHECK(gw_find(&w.gw, &w.maddr[0])->state == GW_AS_SMC_SENT,
	      "no ATTACH ACCEPT before securityModeComplete");
	net_teardown();
}

static void test_shutdown(void)
{
	net_setup(2, D_ROLE_GW);
	start_all();
	net_run(1000);
	CHECK(fake_kern_count(w.gk) == 2 && fake_kern_count(w.mk) == 2,
	      "contexts");
	gw_shutdown(&w.gw, true);
	CHECK(fake_kern_count(w.gk) == 2, "kept");
	gw_init(&w.gw, &w.genv);
	me_shutdown(&w.me[0], false);
	CHECK(fake_kern_count(w.mk) == 1, "ME context deleted");
	net_teardown();
}

static void test_new_request_replaces(void)
{
	net_setup(1, D_ROLE_GW);
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED, "attached");
	/* the ME starts over (e.g. restarted): a new key, a new attach */
	me_shutdown(&w.me[0], false);
	me_init(&w.me[0], &w.menv[0], w.me[0].imei, NULL);
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED, "attached again");
	CHECK(fake_kern_count(w.gk) == 1, "one context: %u",
	      fake_kern_count(w.gk));
	net_teardown();
}

/* --- the capture, read by tshark ------------------------------------ */

static char *sh(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char *out = calloc(1, 1 << 20);
	size_t n = 0, got;

	while (p && out && n < (1 << 20) - 1 &&
	       (got = fread(out + n, 1, (1 << 20) - 1 - n, p)) > 0)
		n += got;
	if (p)
		pclose(p);
	return out;
}

static void check_pcap(const char *path)
{
	static const char *const want[] = {
		"Attach request", "Security mode command",
		"Security mode complete", "SecurityModeCommand",
		"SecurityModeComplete", "Attach accept", "Attach complete",
	};
	char cmd[512], *out;
	size_t i;

	snprintf(cmd, sizeof(cmd), "tshark -r %s -2 -o "
		 "nas-eps.null_decipher:FALSE --enable-heuristic pdcp_lte_udp "
		 "2>&1", path);
	out = sh(cmd);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		CHECK(strstr(out, want[i]), "%s: no %s", path, want[i]);
	free(out);
	strcat(cmd, " -V");
	out = sh(cmd);
	CHECK(strstr(out, "EPS attach type: EPS RLOS attach (3)"), "RLOS");
	CHECK(!strstr(out, "Malformed") &&
	      !strstr(out, "Expert Info (Warning") &&
	      !strstr(out, "Expert Info (Error"), "%s: malformed", path);
	free(out);
}

static void test_pcap(void)
{
	struct pcap_writer gp, mp;
	char gpath[] = "/tmp/parlosd-gw-XXXXXX", mpath[] =
		"/tmp/parlosd-me-XXXXXX";

	close(mkstemp(gpath));
	close(mkstemp(mpath));
	net_setup(1, D_ROLE_GW);
	CHECK(!pcap_open(&gp, gpath) && !pcap_open(&mp, mpath), "open");
	w.genv.pcap = &gp;
	w.menv[0].pcap = &mp;
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED, "attached");
	pcap_close(&gp);
	pcap_close(&mp);
	w.genv.pcap = w.menv[0].pcap = NULL;
	net_teardown();
	check_pcap(gpath);
	check_pcap(mpath);
	if (!getenv("PARLOS_KEEP_PCAP")) {
		unlink(gpath);
		unlink(mpath);
	}
}

int main(void)
{
	test_pairs();
	RUN_CASE("attach.default-priority", test_default_priority());
	RUN_CASE("attach.me-offer-decides", test_me_preference());
	RUN_CASE("attach.50-mes", test_many());
	RUN_CASE("attach.t3460-retransmission", test_t3460());
	RUN_CASE("attach.t3460-exhausted", test_t3460_exhausted());
	RUN_CASE("attach.t3450-retransmission", test_t3450());
	RUN_CASE("attach.t3410-exhausted", test_t3410());
	RUN_CASE("neg.bad-smc-mac", test_bad_smc_mac());
	RUN_CASE("neg.replayed-accept", test_replayed_accept());
	RUN_CASE("neg.eia0-only", test_eia0_only());
	RUN_CASE("neg.no-acceptable-eea", test_no_eea());
	RUN_CASE("neg.missing-0x7a", test_missing_pubkey());
	RUN_CASE("neg.bad-0x7a", test_bad_pubkey());
	RUN_CASE("neg.profile-refused", test_profile_refused());
	RUN_CASE("neg.garbage", test_garbage());
	RUN_CASE("neg.caps-mismatch", test_caps_mismatch());
	RUN_CASE("rule.accept-after-rrc-complete", test_order());
	RUN_CASE("shutdown.keep-and-delete", test_shutdown());
	RUN_CASE("attach.new-request-replaces", test_new_request_replaces());
	RUN_CASE("pcap.tshark-reads-both", test_pcap());
	return check_summary();
}
