// SPDX-License-Identifier: GPL-2.0
/*
 * The gateway's restart recovery (gw_recover.c) and the user plane of
 * --dev (uplane.c), end to end through the in-memory network: a gateway
 * is "killed" (its memory dropped, its contexts left in the fake
 * kernel) at each point of the attach and started again.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "check.h"
#include "gw_label.h"
#include "log.h"
#include "parlosd_fake.h"
#include "parlosd_net.h"
#include "uplane.h"

static struct uplane gup, mup;

/* --dev on the gateway, and on ME 0 with a route */
static void with_uplane(bool me)
{
	char err[D_ERR_MAX];

	strcpy(w.gcfg.dev, "parlos0");
	CHECK(!uplane_open(&gup, &w.gcfg, err, sizeof(err)), "gw: %s", err);
	w.genv.up = &gup;
	if (!me)
		return;
	strcpy(w.mcfg[0].dev, "parlos0");
	w.mcfg[0].n_routes = 1;
	w.mcfg[0].route[0].net = 0x0a2d0000;
	w.mcfg[0].route[0].prefix = 16;
	CHECK(!uplane_open(&mup, &w.mcfg[0], err, sizeof(err)), "me: %s", err);
	w.menv[0].up = &mup;
}

static void uplane_done(void)
{
	if (w.genv.up)
		uplane_close(&gup);
	if (w.menv[0].up)
		uplane_close(&mup);
}

/* SIGKILL and a new start: the memory goes, the kernel's contexts stay */
static void gw_restart(struct gw_recovered *r)
{
	gw_shutdown(&w.gw, true);
	CHECK(!gw_init(&w.gw, &w.genv), "gw_init");
	CHECK(!gw_recover(&w.gw, r), "gw_recover");
}

static bool label_ends(uint32_t id, const char *suffix)
{
	struct kern_ctx_info info;
	struct kern_err e;
	size_t n, m = strlen(suffix);

	if (kern_ctx_get(w.gk, id, &info, &e))
		return false;
	n = strlen(info.label);
	return n >= m && !strcmp(info.label + n - m, suffix);
}

/* --- labels ------------------------------------------------------------ */

static void test_labels(void)
{
	struct gw_label l = { .ipv4 = 0x0a2d0102, .state = GWL_ACCEPT,
			      .pti = 254 }, p;
	char s[PARLOS_LABEL_MAX + 1];
	static const char *const bad[] = {
		"me 350000000000001", "gw",
		"gw 10.0.0.2 350000000000001 1.2.3.4",
		"gw 10.0.0.2:0 350000000000001 1.2.3.4 att",
		"gw 10.0.0.2:5 35x 1.2.3.4 att", "gw 10.0.0.2:5 1 1.2.3 att",
		"gw 10.0.0.2:5 1 1.2.3.4 acc:256", "gw 10.0.0.2:5 1 1.2.3.4 up",
		"gw 10.0.0.2:5 1 1.2.3.4 att x",
		"gw 10.0.0.2:5 1234567890123456 1.2.3.4 att",
	};
	size_t i;

	l.addr = sin_of("255.255.255.255", 65535);
	strcpy(l.imei, "350000000000001");
	gw_label_format(&l, s, sizeof(s));
	CHECK(!strcmp(s, "gw 255.255.255.255:65535 350000000000001 "
		      "10.45.1.2 acc:254"), "%s", s);
	CHECK(strlen(s) <= PARLOS_LABEL_MAX, "longest label fits: %zu",
	      strlen(s));
	CHECK(!gw_label_parse(s, &p) && p.state == GWL_ACCEPT && p.pti == 254 &&
	      p.ipv4 == l.ipv4 && same(&p.addr, &l.addr) &&
	      !strcmp(p.imei, l.imei), "round trip");
	CHECK(!gw_label_parse("gw 10.0.0.2:40000 350000000000001 10.45.0.2",
			      &p) && p.state == GWL_SMC, "old label: smc");
	CHECK(!gw_label_parse("gw 10.0.0.2:40000 1 10.45.0.2 att", &p) &&
	      p.state == GWL_ATTACHED, "att");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(gw_label_parse(bad[i], &p), "accepted \"%s\"", bad[i]);
}

/* --- the user plane ----------------------------------------------------- */

static void test_uplane_bind(void)
{
	struct kern_ctx_info mi, gi;
	struct kern_err e;
	struct gw_ue *ue;

	net_setup(2, D_ROLE_GW);
	with_uplane(true);
	CHECK(fake_netdev_has_addr(gup.nd, 0x0a2d0001, 16),
	      "gateway: pool network + 1 on the device");
	start_all();
	net_run(1000);
	ue = gw_find(&w.gw, &w.maddr[0]);
	CHECK(w.me[0].state == ME_ATTACHED && ue && ue->bound,
	      "attached and bound");
	CHECK(!kern_ctx_get(w.mk, w.me[0].ctx, &mi, &e) && mi.bound &&
	      mi.drb.ue_addr == htonl(w.me[0].ipv4) &&
	      mi.drb.peer_addr == w.gaddr.sin_addr.s_addr &&
	      mi.drb.peer_port == PARLOS_DRB_PORT &&
	      mi.drb.ue_id == w.me[0].ue_id && mi.drb.ifindex == 7,
	      "ME: its address, the gateway as peer, its UE id");
	CHECK(ue && !kern_ctx_get(w.gk, ue->ctx, &gi, &e) && gi.bound &&
	      gi.drb.ue_addr == htonl(ue->ipv4) &&
	      gi.drb.peer_addr == w.maddr[0].sin_addr.s_addr &&
	      gi.drb.ue_id == ue->ue_id, "gateway: the ME's address as peer");
	CHECK(fake_kern_bound(w.gk) == 2, "both MEs bound at the gateway");
	CHECK(fake_netdev_has_addr(mup.nd, w.me[0].ipv4, 32) &&
	      fake_netdev_has_route(mup.nd, 0x0a2d0000, 16),
	      "ME: address and route");
	CHECK(strstr(w.log, "DRB1 of context"), "logged");
	me_shutdown(&w.me[0], false);
	CHECK(fake_kern_count(w.mk) == 1 && !fake_netdev_count(mup.nd),
	      "ME shutdown: context, address and route gone");
	CHECK(strstr(w.log, "unbound"), "unbind logged");
	uplane_done();
	net_teardown();
}

static void test_uplane_keep(void)
{
	net_setup(1, D_ROLE_GW);
	with_uplane(true);
	start_all();
	net_run(1000);
	me_shutdown(&w.me[0], true);
	CHECK(fake_kern_bound(w.mk) == 1 && fake_netdev_count(mup.nd) == 2,
	      "keep-contexts: binding, address and route stay");
	uplane_done();
	net_teardown();
}

static enum verdict drop_attach_complete(struct pkt *p);

/* A refused binding leaves the ME attached, counted and logged */
static void test_uplane_bind_refused(void)
{
	struct gw_ue *ue;

	net_setup(1, D_ROLE_GW);
	with_uplane(false);
	w.gcfg.t3450 = 1000;
	w.filter = drop_attach_complete;
	start_all();
	net_run(500);
	w.filter = NULL;
	fake_kern_fail_next(w.gk, -ENOMEM);	/* the next is the bind */
	net_run(2000);
	ue = gw_find(&w.gw, &w.maddr[0]);
	CHECK(ue && ue->state == GW_ATTACHED && !ue->bound,
	      "attached, unbound");
	CHECK(w.gw.stats.unbound == 1 && !fake_kern_bound(w.gk), "counted");
	CHECK(strstr(w.log, "not bound to parlos0"), "logged");
	uplane_done();
	net_teardown();
}

/* --- recovery ----------------------------------------------------------- */

static void test_recover_attached(void)
{
	struct gw_recovered r;
	uint16_t ids[3];
	uint32_t ips[3];
	struct gw_ue *ue;
	int i;

	net_setup(4, D_ROLE_GW);
	with_uplane(false);
	for (i = 0; i < 3; i++)
		me_start(&w.me[i]);
	net_run(1000);
	for (i = 0; i < 3; i++) {
		ue = gw_find(&w.gw, &w.maddr[i]);
		ids[i] = ue->ue_id;
		ips[i] = ue->ipv4;
		CHECK(label_ends(ue->ctx, " att"), "labelled attached");
	}
	gw_restart(&r);
	CHECK(r.attached == 3 && r.bound == 3 && !r.deleted && !r.completing,
	      "3 attached, 3 bound: %u %u", r.attached, r.bound);
	CHECK(fake_kern_count(w.gk) == 3 && fake_kern_bound(w.gk) == 3,
	      "contexts and bindings untouched");
	for (i = 0; i < 3; i++) {
		ue = gw_find(&w.gw, &w.maddr[i]);
		CHECK(ue && ue->state == GW_ATTACHED && ue->ue_id == ids[i] &&
		      ue->ipv4 == ips[i] && !strcmp(ue->imei, w.me[i].imei),
		      "ME %d back as it was", i);
	}
	/* a new ME gets neither a UE id nor an address in use */
	me_start(&w.me[3]);
	net_run(1000);
	ue = gw_find(&w.gw, &w.maddr[3]);
	CHECK(ue && ue->state == GW_ATTACHED && ue->bound, "new ME attached");
	for (i = 0; ue && i < 3; i++)
		CHECK(ue->ue_id != ids[i] && ue->ipv4 != ips[i], "reserved");
	/* an attached ME's retransmitted ATTACH COMPLETE changes nothing */
	CHECK(w.gw.peers.n == 4 && fake_kern_count(w.gk) == 4, "4 MEs");
	uplane_done();
	net_teardown();
}

static enum verdict drop_smc_complete(struct pkt *p)
{
	return !is_dl(p) && p->b[0] == 0x47 ? DROP : PASS;
}

static void test_recover_half_done(void)
{
	struct gw_recovered r;
	struct gw_ue *ue;

	net_setup(1, D_ROLE_GW);
	w.gcfg.t3460 = 600000;
	w.mcfg[0].t3410 = 5000;
	w.filter = drop_smc_complete;
	start_all();
	net_run(1000);
	ue = gw_find(&w.gw, &w.maddr[0]);
	CHECK(ue && ue->state == GW_SMC_SENT &&
	      w.me[0].state == ME_WAIT_AS_SMC, "mid security mode command");
	CHECK(ue && label_ends(ue->ctx, " smc"), "labelled smc");
	gw_restart(&r);
	CHECK(r.deleted == 1 && !r.attached && !gw_find(&w.gw, &w.maddr[0]),
	      "half-done: deleted");
	CHECK(fake_kern_count(w.gk) == 0, "no context left");
	w.filter = NULL;
	net_run(6000);	/* T3410: the ME starts over, served afresh */
	ue = gw_find(&w.gw, &w.maddr[0]);
	CHECK(w.me[0].state == ME_ATTACHED && ue && ue->state == GW_ATTACHED,
	      "attached afresh");
	CHECK(fake_kern_count(w.gk) == 1, "one context");
	net_teardown();
}

static enum verdict drop_attach_complete(struct pkt *p)
{
	return !is_dl(p) && p->b[0] == 0x27 ? DROP : PASS;
}

static enum verdict drop_attach_accept(struct pkt *p)
{
	return is_dl(p) && p->b[0] == 0x27 ? DROP : PASS;
}

/* The gateway dies after ATTACH ACCEPT went, or was to go */
static void recover_accept(filter_fn f, enum me_state me_before)
{
	struct gw_recovered r;
	struct gw_ue *ue;

	net_setup(1, D_ROLE_GW);
	with_uplane(false);
	w.gcfg.t3450 = 600000;
	w.filter = f;
	start_all();
	net_run(1000);
	ue = gw_find(&w.gw, &w.maddr[0]);
	CHECK(ue && ue->state == GW_ACCEPT_SENT && w.me[0].state == me_before,
	      "ACCEPT_SENT, ME in %s", me_state_name(w.me[0].state));
	CHECK(ue && label_ends(ue->ctx, " acc:1"), "labelled acc:PTI");
	w.filter = NULL;
	gw_restart(&r);
	CHECK(r.completing == 1 && !r.deleted, "completing: %u",
	      r.completing);
	net_run(1000);
	ue = gw_find(&w.gw, &w.maddr[0]);
	CHECK(ue && ue->state == GW_ATTACHED && ue->bound &&
	      w.me[0].state == ME_ATTACHED, "completed");
	CHECK(ue && label_ends(ue->ctx, " att"), "labelled att");
	CHECK(fake_kern_count(w.gk) == 1, "one context");
	uplane_done();
	net_teardown();
}

static void test_recover_not_ours(void)
{
	struct kern_ctx_params p;
	struct gw_recovered r;
	struct kern_err e;
	uint32_t id;
	static const char *const labels[] = {
		"someone else's", "gw 10.0.0.9:1 7",
		"gw 10.0.0.9:1 1 10.45.0.9 x",
	};
	size_t i;

	net_setup(1, D_ROLE_GW);
	for (i = 0; i < 3; i++) {
		kern_params_init(&p);
		p.role = PARLOS_ROLE_NETWORK;
		p.label = labels[i];
		CHECK(!kern_ctx_new(w.gk, &p, &id, &e), "ctx");
	}
	kern_params_init(&p);
	p.role = PARLOS_ROLE_ME;	/* a gateway label, but an ME's */
	p.label = "gw 10.0.0.9:1 1 10.45.0.9 att";
	CHECK(!kern_ctx_new(w.gk, &p, &id, &e), "ctx");
	gw_restart(&r);
	CHECK(r.foreign == 4 && !r.attached && !r.deleted, "left alone: %u",
	      r.foreign);
	CHECK(fake_kern_count(w.gk) == 4 && !w.gw.peers.n, "untouched");
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED, "others still served");
	net_teardown();
}

static void test_recover_conflicts(void)
{
	struct kern_ctx_params p;
	struct gw_recovered r;
	struct kern_err e;
	uint32_t id;
	static const char *const labels[] = {
		"gw 10.0.0.9:1 1 10.45.0.9 att",
		"gw 10.0.0.9:2 2 10.45.0.10 att",	/* UE id 5 again */
		"gw 10.0.0.9:3 3 10.45.0.9 att",	/* address again */
		"gw 10.0.0.9:1 4 10.45.0.11 att",	/* same ME again */
		"gw 10.0.0.9:5 5 192.0.2.1 att",	/* outside the pool */
	};
	static const uint16_t ids[] = { 5, 5, 6, 7, 8 };
	size_t i;

	net_setup(1, D_ROLE_GW);
	for (i = 0; i < 5; i++) {
		kern_params_init(&p);
		p.role = PARLOS_ROLE_NETWORK;
		p.label = labels[i];
		p.has_ue_id = true;
		p.ue_id = ids[i];
		CHECK(!kern_ctx_new(w.gk, &p, &id, &e), "ctx");
	}
	gw_restart(&r);
	CHECK(r.attached == 2 && r.conflicts == 3, "2 kept, 3 deleted: %u %u",
	      r.attached, r.conflicts);
	CHECK(fake_kern_count(w.gk) == 2, "%u contexts", fake_kern_count(w.gk));
	CHECK(strstr(w.log, "outside the pool"), "warned");
	start_all();
	net_run(1000);
	CHECK(w.me[0].state == ME_ATTACHED &&
	      gw_find(&w.gw, &w.maddr[0])->ue_id != 5, "UE id 5 reserved");
	net_teardown();
}

static void test_recover_binds(void)
{
	struct gw_recovered r;

	/* attached by a gateway without --dev, recovered by one with it */
	net_setup(2, D_ROLE_GW);
	start_all();
	net_run(1000);
	CHECK(!fake_kern_bound(w.gk), "none bound");
	with_uplane(false);
	gw_restart(&r);
	CHECK(r.attached == 2 && r.bound == 2 && fake_kern_bound(w.gk) == 2,
	      "bound at recovery: %u", r.bound);
	uplane_done();
	net_teardown();
}

static void test_recover_dump_fails(void)
{
	struct gw_recovered r;

	net_setup(1, D_ROLE_GW);
	gw_shutdown(&w.gw, true);
	gw_init(&w.gw, &w.genv);
	fake_kern_fail_next(w.gk, -ENOBUFS);
	CHECK(gw_recover(&w.gw, &r) == -ENOBUFS, "error returned");
	CHECK(strstr(w.log, "cannot list"), "logged");
	net_teardown();
}

int main(void)
{
	RUN_CASE("label.format-parse", test_labels());
	RUN_CASE("uplane.bind-both-sides", test_uplane_bind());
	RUN_CASE("uplane.keep-contexts", test_uplane_keep());
	RUN_CASE("uplane.bind-refused", test_uplane_bind_refused());
	RUN_CASE("recover.attached-kept", test_recover_attached());
	RUN_CASE("recover.half-done-served-afresh", test_recover_half_done());
	RUN_CASE("recover.accept-sent-completed",
		 recover_accept(drop_attach_complete, ME_ATTACHED));
	RUN_CASE("recover.accept-lost-completed",
		 recover_accept(drop_attach_accept, ME_WAIT_ACCEPT));
	RUN_CASE("recover.not-ours-left-alone", test_recover_not_ours());
	RUN_CASE("recover.conflicts-deleted", test_recover_conflicts());
	RUN_CASE("recover.binds-unbound", test_recover_binds());
	RUN_CASE("recover.dump-fails", test_recover_dump_fails());
	return check_summary();
}
