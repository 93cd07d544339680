// SPDX-License-Identifier: GPL-2.0
/*
 * parlosd's building blocks: algorithm choice, SMC checks, the timer
 * heap, the allocators and the ME table.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "algo.h"
#include "as_smc.h"
#include "check.h"
#include "peers.h"
#include "pool.h"
#include "smc.h"
#include "timer.h"

static void test_alg(void)
{
	struct d_algs prio = { 3, { 2, 3, 1 } }, eea0 = { 2, { 2, 0 } };
	struct d_algs with0 = { 2, { 0, 1 } };

	CHECK(alg_cap_octet(&prio) == 0x70, "cap %02x", alg_cap_octet(&prio));
	CHECK(alg_select(&prio, 0xf0, false) == 2, "EEA2 first");
	CHECK(alg_select(&prio, 0x90, false) == 3, "then EEA3");
	CHECK(alg_select(&prio, 0xc0, false) == 1, "then EEA1");
	CHECK(alg_select(&prio, 0x80, false) == -1, "EEA0 not configured");
	CHECK(alg_select(&eea0, 0x80, false) == 0, "EEA0 where configured");
	CHECK(alg_select(&with0, 0x80, true) == -1, "EIA0 never");
	CHECK(alg_select(&with0, 0xc0, true) == 1, "EIA1");
	CHECK(!strcmp(alg_name(true, 3), "EIA3") &&
	      !strcmp(alg_name(false, 0), "EEA0"), "names");
}

static const uint8_t blob[PARLOS_BLOB_A_LEN] = { 9 };

static void smc_for(struct nas_smc *s, const struct nas_ue_net_cap *nc)
{
	memset(s, 0, sizeof(*s));
	s->eea = 2;
	s->eia = 2;
	nas_ue_sec_cap_from_net_cap(&s->replayed, nc);
	s->has_kasme = true;
	s->kasme.profile = 1;
	s->kasme.eph = blob;
	s->kasme.eph_len = 32;
}

static void test_smc_check(void)
{
	struct nas_ue_net_cap nc = { 4, { 0xf0, 0x70, 0xc0, 0xc0 } };
	struct nas_smc s;
	const char *why;

	smc_for(&s, &nc);
	CHECK(!smc_check(&s, &nc, 1, &why), "good");
	s.replayed.len = 2;	/* UEA/UIA left out though the ME sent them */
	CHECK(smc_check(&s, &nc, 1, &why) == 23, "UEA/UIA must be replayed");
	smc_for(&s, &nc);
	s.replayed.oct[0] = 0x70;
	CHECK(smc_check(&s, &nc, 1, &why) == 23, "EEA bits differ");
	smc_for(&s, &nc);
	s.eia = 0;
	CHECK(smc_check(&s, &nc, 1, &why) == 24 && strstr(why, "EIA0"),
	      "EIA0");
	smc_for(&s, &nc);
	nc.oct[1] = 0x40;	/* EIA1 only */
	smc_for(&s, &nc);
	CHECK(smc_check(&s, &nc, 1, &why) == 24, "EIA2 not offered");
	nc.oct[1] = 0x70;
	smc_for(&s, &nc);
	s.eea = 5;
	CHECK(smc_check(&s, &nc, 1, &why) == 24, "unknown EEA");
	smc_for(&s, &nc);
	s.has_kasme = false;
	CHECK(smc_check(&s, &nc, 1, &why) == 24 && strstr(why, "0x7D"),
	      "missing 0x7D");
	smc_for(&s, &nc);
	CHECK(smc_check(&s, &nc, 2, &why) == 24, "wrong profile");
}

static void test_smc_build(void)
{
	struct nas_ue_net_cap nc = { 2, { 0xf0, 0x70 } };
	struct smc_params p = { 3, 1, 0, &nc, 1, blob, sizeof(blob), true };
	struct nas_emm_msg m;
	uint8_t out[256];
	size_t len, bl;

	CHECK(!smc_build(&p, out, sizeof(out), &len), "build");
	CHECK(out[2] == 0x31, "EEA<<4 | EIA: %02x", out[2]);
	CHECK(!nas_emm_decode(out, len, &m, NULL), "decodes");
	CHECK(m.smc.has_kasme && m.smc.ksi != 7, "0x7D, KSI");
	CHECK(smc_blob(&m.smc, &bl) && bl == PARLOS_BLOB_A_LEN &&
	      !memcmp(smc_blob(&m.smc, &bl), blob, bl), "blob round trip");
	p.blob_len = 10;
	CHECK(smc_build(&p, out, sizeof(out), &len), "bad blob length");
}

static void test_as_smc(void)
{
	struct rrc_msg m;
	uint8_t out[16];
	size_t len;
	const char *why;

	CHECK(!as_smc_command(2, 2, 0, out, sizeof(out), &len) &&
	      len == 3 && out[0] == 0x30 && out[1] == 0x02 && out[2] == 0x20,
	      "30 02 20");
	CHECK(!rrc_decode_dl_dcch(out, len, &m, &why), "decode");
	CHECK(!as_smc_check_command(&m, 2, 2, &why), "matches");
	CHECK(as_smc_check_command(&m, 2, 3, &why), "differs");
	CHECK(!as_smc_complete(0, out, sizeof(out), &len) && len == 2 &&
	      out[0] == 0x28, "complete");
}

static int fired[16], nfired;

static void on_fire(struct timer *t)
{
	fired[nfired++] = (int)t->when;
}

static void test_timers(void)
{
	struct timers ts;
	struct timer t[5];
	int i;

	timers_init(&ts);
	ts.now = 0;
	for (i = 0; i < 5; i++)
		timer_init(&t[i], on_fire);
	timer_arm(&ts, &t[0], 50);
	timer_arm(&ts, &t[1], 10);
	timer_arm(&ts, &t[2], 30);
	timer_arm(&ts, &t[3], 20);
	timer_arm(&ts, &t[4], 40);
	CHECK(timers_next(&ts) == 10, "next %lld", (long long)timers_next(&ts));
	timer_cancel(&ts, &t[3]);
	CHECK(!timer_armed(&t[3]), "cancelled");
	timer_arm(&ts, &t[2], 5);	/* moved earlier */
	nfired = 0;
	CHECK(timers_run(&ts, 45) == 3, "three due");
	CHECK(nfired == 3 && fired[0] == 5 && fired[1] == 10 && fired[2] == 40,
	      "order %d %d %d", fired[0], fired[1], fired[2]);
	CHECK(timers_next(&ts) == 5, "one left");
	timers_run(&ts, 100);
	CHECK(timers_next(&ts) == -1, "empty");
	timers_free(&ts);
}

static void test_timers_many(void)
{
	struct timers ts;
	struct timer *t = calloc(10000, sizeof(*t));
	uint64_t last = 0;
	int i, ok = 1;

	timers_init(&ts);
	ts.now = 0;
	for (i = 0; i < 10000; i++) {
		timer_init(&t[i], on_fire);
		timer_arm(&ts, &t[i], (uint64_t)((i * 7919) % 10007));
	}
	for (i = 0; i < 10000; i += 3)
		timer_cancel(&ts, &t[i]);
	while (timers_next(&ts) >= 0) {
		uint64_t w = ts.heap[0]->when;

		ok &= w >= last;
		last = w;
		nfired = 0;
		timers_run(&ts, w);
	}
	CHECK(ok, "fired in order");
	timers_free(&ts);
	free(t);
}

static void test_pool(void)
{
	struct ip_pool p;
	uint32_t a, b, all[4];
	int i;

	CHECK(!pool_init(&p, 0x0a2d0000, 29), "init");
	CHECK(pool_size(&p) == 5, "/29: 5 addresses, %u", pool_size(&p));
	CHECK(!pool_alloc(&p, &a) && a == 0x0a2d0002, "first .2");
	CHECK(!pool_alloc(&p, &b) && b == 0x0a2d0003, "then .3");
	pool_release(&p, a);
	for (i = 0; i < 4; i++)
		CHECK(!pool_alloc(&p, &all[i]), "alloc %d", i);
	CHECK(all[3] == 0x0a2d0002, "released one comes last: %08x", all[3]);
	CHECK(pool_alloc(&p, &a) == -ENOSPC, "exhausted");
	CHECK(all[2] == 0x0a2d0006, "broadcast never: %08x", all[2]);
	pool_destroy(&p);
}

static void test_ueid(void)
{
	struct ueid_alloc u;
	uint16_t id, first;
	int i, ok = 1;

	CHECK(!ueid_init(&u), "init");
	CHECK(!ueid_alloc(&u, &first) && first == 1, "starts at 1");
	for (i = 0; i < 65534; i++)
		ok &= !ueid_alloc(&u, &id) && id != 0;
	CHECK(ok, "65535 ids, never 0");
	CHECK(ueid_alloc(&u, &id) == -ENOSPC, "exhausted");
	ueid_release(&u, 77);
	CHECK(!ueid_alloc(&u, &id) && id == 77, "reuse");
	ueid_destroy(&u);
}

static void test_peers(void)
{
	struct peer_table t;
	struct peer_node *n = calloc(5000, sizeof(*n));
	struct peer_key k;
	int i, ok = 1;

	CHECK(!peers_init(&t), "init");
	for (i = 0; i < 5000; i++) {
		n[i].key.addr = htonl(0x0a000000u + (uint32_t)(i / 7));
		n[i].key.port = htons((uint16_t)(40000 + i % 7));
		peers_add(&t, &n[i]);
	}
	CHECK(t.n == 5000 && t.nb >= 4096, "grew: %zu buckets", t.nb);
	for (i = 0; i < 5000; i++)
		ok &= peers_find(&t, n[i].key) == &n[i];
	CHECK(ok, "all found");
	k = n[10].key;
	peers_del(&t, &n[10]);
	CHECK(!peers_find(&t, k) && t.n == 4999, "deleted");
	k.port = htons(1);
	CHECK(!peers_find(&t, k), "unknown port");
	peers_destroy(&t);
	free(n);
}

int main(void)
{
	RUN_CASE("alg.select", test_alg());
	RUN_CASE("smc.check", test_smc_check());
	RUN_CASE("smc.build", test_smc_build());
	RUN_CASE("as-smc.rrc", test_as_smc());
	RUN_CASE("timer.order-cancel-rearm", test_timers());
	RUN_CASE("timer.10000", test_timers_many());
	RUN_CASE("pool.ipv4", test_pool());
	RUN_CASE("pool.ue-id", test_ueid());
	RUN_CASE("peers.table", test_peers());
	return check_summary();
}
