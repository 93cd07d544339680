// SPDX-License-Identifier: GPL-2.0
/*
 * parlosd loadgen (loadgen.c): its MEs attach to a gateway through the
 * in-memory network of parlosd_net.c; pacing (window, rate) and the
 * accounting of the report (attached, failed, retransmissions, answers
 * to repeated commands, times) checked against what the network did.
 */
#include <errno.h>
#include <string.h>

#include "check.h"
#include "loadgen.h"
#include "parlosd_fake.h"
#include "parlosd_net.h"

static struct {
	struct d_config cfg;
	struct d_env env;
	struct loadgen lg;
	int finished, closed, fail_open;
	unsigned char req_seen[NME], cpl_seen[NME];
} t;

/* ME i: 10.0.1.2, port 40000 + i, as the daemon's sockets would be */
static int t_open(void *arg, struct lg_me *m, char *err, size_t errlen)
{
	int i = (int)(m - t.lg.m);

	(void)arg;
	if (i == t.fail_open) {
		snprintf(err, errlen, "no socket");
		return -1;
	}
	w.maddr[i] = sin_of("10.0.1.2", (uint16_t)(40000 + i));
	m->env.send = net_send;
	m->env.send_arg = &w.maddr[i];
	m->env.self = w.maddr[i];
	m->fd = i;
	w.mep[i] = &m->me;
	if (i + 1 > w.nme)
		w.nme = i + 1;
	return 0;
}

static void t_close(void *arg, struct lg_me *m)
{
	(void)arg;
	w.mep[m - t.lg.m] = NULL;
	t.closed++;
}

static void t_finished(struct loadgen *lg)
{
	(void)lg;
	t.finished++;
}

static void setup(uint32_t count, uint32_t window, uint32_t rate)
{
	static const struct lg_io io = { t_open, t_close, NULL };

	memset(&t, 0, sizeof(t));
	t.fail_open = -1;
	net_setup(0, D_ROLE_GW);
	config_defaults(&t.cfg, D_ROLE_LOADGEN);
	t.cfg.peer = w.gaddr;
	t.cfg.have_peer = true;
	t.cfg.count = count;
	t.cfg.window = window;
	t.cfg.rate = rate;
	strcpy(t.cfg.imei, "350000000000001");
	t.env = (struct d_env){ .cfg = &t.cfg, .kern = w.mk, .timers = &w.ts,
				.out = w.outf };
	CHECK(!lg_init(&t.lg, &t.cfg, &t.env, &io, t_finished), "lg_init");
}

static void teardown(void)
{
	lg_shutdown(&t.lg, false);
	w.nme = 0;	/* the MEs were the loadgen's */
	net_teardown();
}

static void test_all_attach(void)
{
	struct lg_report r;
	uint32_t i, j;

	setup(40, 8, 0);
	lg_start(&t.lg);
	CHECK(t.lg.under_way == 8, "window: %u under way", t.lg.under_way);
	net_run(5000);
	lg_report(&t.lg, &r);
	CHECK(t.finished == 1, "finished once: %d", t.finished);
	CHECK(r.count == 40 && r.attached == 40 && !r.failed, "%u/%u, %u",
	      r.attached, r.count, r.failed);
	CHECK(r.max_under_way == 8, "never more than the window: %u",
	      r.max_under_way);
	CHECK(!r.retransmissions && !r.again, "nothing repeated");
	CHECK(w.gw.stats.attached == 40 && fake_kern_count(w.gk) == 40 &&
	      fake_kern_count(w.mk) == 40, "40 on both sides");
	for (i = 0; i < 40; i++)
		for (j = i + 1; j < 40; j++)
			CHECK(strcmp(t.lg.m[i].me.imei, t.lg.m[j].me.imei),
			      "IMEIs %u and %u", i, j);
	CHECK(imei_valid(t.lg.m[39].me.imei), "%s", t.lg.m[39].me.imei);
	lg_shutdown(&t.lg, false);
	CHECK(t.closed == 40 && !fake_kern_count(w.mk), "closed, deleted");
	w.nme = 0;
	net_teardown();
}

static void test_rate(void)
{
	struct lg_report r;

	setup(20, 100, 10);
	lg_start(&t.lg);
	net_run(5000);
	lg_report(&t.lg, &r);
	CHECK(r.attached == 20, "%u attached", r.attached);
	CHECK(t.lg.m[19].t_start - t.lg.t0 == 1900,
	      "the 20th starts at 1.9 s: %llu",
	      (unsigned long long)(t.lg.m[19].t_start - t.lg.t0));
	CHECK(r.ms == 1900 && r.per_second > 10.4 && r.per_second < 10.6,
	      "%llu ms, %.2f/s", (unsigned long long)r.ms, r.per_second);
	teardown();
}

/* The first ATTACH REQUEST and the first ATTACH COMPLETE of every ME */
static enum verdict drop_firsts(struct pkt *p)
{
	int i = ntohs(p->from.sin_port) - 40000;

	if (is_dl(p) || i < 0 || i >= NME)
		return PASS;
	if (p->b[0] == 0x07 && p->b[1] == 0x41 && !t.req_seen[i]++)
		return DROP;
	if (p->b[0] == 0x27 && !t.cpl_seen[i]++)
		return DROP;
	return PASS;
}

static void test_retransmissions(void)
{
	struct lg_report r;

	setup(10, 10, 0);
	t.cfg.t3410 = 1000;
	w.gcfg.t3450 = 1000;
	w.filter = drop_firsts;
	lg_start(&t.lg);
	net_run(10000);
	lg_report(&t.lg, &r);
	CHECK(r.attached == 10 && !r.failed, "%u attached", r.attached);
	CHECK(r.retransmissions == 10, "one T3410 each: %llu",
	      (unsigned long long)r.retransmissions);
	CHECK(r.again == 10, "one ATTACH COMPLETE again each: %llu",
	      (unsigned long long)r.again);
	CHECK(w.gw.stats.retransmitted == 10, "gateway: %llu",
	      (unsigned long long)w.gw.stats.retransmitted);
	CHECK(r.ms_min >= 1000 && r.ms_max < 3000, "times %u..%u", r.ms_min,
	      r.ms_max);
	teardown();
}

static void test_failures(void)
{
	struct lg_report r;
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	setup(6, 6, 0);
	w.gcfg.max_mes = 3;	/* the others: ATTACH REJECT #22 */
	lg_start(&t.lg);
	net_run(5000);
	lg_report(&t.lg, &r);
	CHECK(t.finished == 1 && r.attached == 3 && r.failed == 3,
	      "%u attached, %u failed", r.attached, r.failed);
	f = open_memstream(&out, &len);
	lg_print(&r, f);
	fclose(f);
	CHECK(out && strstr(out, "loadgen: mes=6 attached=3 failed=3 "),
	      "%s", out);
	free(out);
	teardown();
}

static void test_start_failures(void)
{
	struct lg_report r;

	setup(5, 5, 0);
	t.fail_open = 2;
	fake_kern_fail_next(w.mk, -ENOSPC);	/* ME 0's context */
	lg_start(&t.lg);
	net_run(5000);
	lg_report(&t.lg, &r);
	CHECK(t.finished == 1 && r.attached == 3 && r.failed == 2,
	      "%u attached, %u failed", r.attached, r.failed);
	CHECK(!t.lg.under_way, "none left under way");
	teardown();
}

static void test_imei_next(void)
{
	char a[NAS_MAX_DIGITS + 1], b[NAS_MAX_DIGITS + 1];
	unsigned int i;

	/* the first 14 digits, then the Luhn digit anew */
	imei_next("350000000000001", 0, a);
	CHECK(!strcmp(a, "350000000000006"), "n = 0: %s", a);
	for (i = 1; i < 200; i++) {
		imei_next("350000000099990", i, b);
		CHECK(imei_valid(b) && strcmp(a, b), "%u: %s", i, b);
		memcpy(a, b, sizeof(a));
	}
	imei_next("999999999999990", 1, a);
	CHECK(imei_valid(a) && !strncmp(a, "00000000000000", 14), "wraps: %s",
	      a);
}

int main(void)
{
	RUN_CASE("loadgen.all-attach-window", test_all_attach());
	RUN_CASE("loadgen.rate", test_rate());
	RUN_CASE("loadgen.retransmissions-counted", test_retransmissions());
	RUN_CASE("loadgen.failures-counted", test_failures());
	RUN_CASE("loadgen.start-failures", test_start_failures());
	RUN_CASE("loadgen.imei-next", test_imei_next());
	return check_summary();
}
