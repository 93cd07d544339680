// SPDX-License-Identifier: GPL-2.0
/*
 * parlosd: the PARLOS attach and security mode daemon, ME or gateway,
 * and its load generator.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli.h"
#include "cred.h"
#include "gateway.h"
#include "kernel.h"
#include "log.h"
#include "loadgen.h"
#include "loop.h"
#include "me.h"
#include "uplane.h"

#define PARLOSD_VERSION	"0.1"

struct daemon {
	struct d_config cfg;
	struct d_env env;
	struct loop loop;
	struct pcap_writer pcap;
	struct kern *kern;
	struct d_cred cred;
	int udp;
	struct gw gw;
	struct me me;
	struct loadgen lg;
	bool lg_on;
	struct uplane up;
};

static struct daemon d;

static void gw_rx(void *arg, const struct sockaddr_in *from,
		  const uint8_t *buf, size_t len)
{
	gw_input(arg, from, buf, len);
}

static void me_rx(void *arg, const struct sockaddr_in *from,
		  const uint8_t *buf, size_t len)
{
	me_input(arg, from, buf, len);
}

static void me_done(struct me *me)
{
	if (me->state == ME_FAILED)
		loop_stop(&d.loop, me->exit_code);
}

/* loadgen: one connected socket per ME, read by the loop */
static int lg_open(void *arg, struct lg_me *m, char *err, size_t errlen)
{
	struct sockaddr_in local = d.cfg.local;
	uint32_t i = (uint32_t)(m - d.lg.m);

	(void)arg;
	/* --bind ADDR:PORT: ME i on PORT + i */
	if (local.sin_port)
		local.sin_port = htons((uint16_t)(ntohs(local.sin_port) + i));
	m->fd = udp_open(&local, &d.cfg.peer, &m->env.self, err, errlen);
	if (m->fd < 0)
		return -1;
	m->env.send = udp_send;
	m->env.send_arg = &m->fd;
	m->src = (struct loop_src){ m->fd, me_rx, &m->me };
	if (loop_add(&d.loop, &m->src)) {
		snprintf(err, errlen, "epoll: %s", strerror(errno));
		close(m->fd);
		m->fd = -1;
		return -1;
	}
	return 0;
}

static void lg_close(void *arg, struct lg_me *m)
{
	(void)arg;
	loop_del(&d.loop, &m->src);
	close(m->fd);
}

static void lg_finished(struct loadgen *lg)
{
	struct lg_report r;

	lg_report(lg, &r);
	lg_print(&r, stdout);
	log_info("loadgen: %u of %u attached", r.attached, r.count);
	if (!d.cfg.hold)
		loop_stop(&d.loop, r.failed ? D_EXIT_NO_ATTACH : 0);
}

/* A socket per ME, and some to spare */
static int lg_files(uint32_t n, char *err, size_t errlen)
{
	struct rlimit rl;
	rlim_t want = n + 64;

	if (getrlimit(RLIMIT_NOFILE, &rl) || rl.rlim_cur >= want)
		return 0;
	rl.rlim_cur = want;
	if (rl.rlim_max < want)
		rl.rlim_max = want;
	if (setrlimit(RLIMIT_NOFILE, &rl)) {
		snprintf(err, errlen, "%u MEs need %llu open files: %s", n,
			 (unsigned long long)want, strerror(errno));
		return -1;
	}
	return 0;
}

static int usage_error(const char *msg)
{
	fprintf(stderr, "parlosd: %s\nTry 'parlosd --help'.\n", msg);
	return D_EXIT_USAGE;
}

static int setup(char *err, size_t errlen)
{
	const struct d_config *c = &d.cfg;
	struct kern_err ke;

	if (c->pcap[0] && pcap_open(&d.pcap, c->pcap)) {
		snprintf(err, errlen, "%.200s: %s", c->pcap, strerror(errno));
		return -1;
	}
	if (kern_open(&d.kern, &ke)) {
		snprintf(err, errlen, "cannot talk to the kernel: %s",
			 kern_strerror(&ke));
		return -1;
	}
	if (c->dev[0]) {
		if (uplane_open(&d.up, c, err, errlen))
			return -1;
		d.env.up = &d.up;
	}
	if (c->role != D_ROLE_LOADGEN) {
		d.udp = udp_open(&c->local, c->role == D_ROLE_ME ? &c->peer :
				 NULL, &d.env.self, err, errlen);
		if (d.udp < 0)
			return -1;
	} else if (lg_files(c->count, err, errlen)) {
		return -1;
	}
	d.env.cfg = c;
	d.env.kern = d.kern;
	d.env.timers = &d.loop.timers;
	d.env.pcap = c->pcap[0] ? &d.pcap : NULL;
	d.env.send = udp_send;
	d.env.send_arg = &d.udp;
	d.env.out = stdout;
	return 0;
}

static int start_loadgen(char *err, size_t errlen)
{
	const struct lg_io io = { lg_open, lg_close, NULL };
	char a[ADDR_STR_MAX];

	if (loop_init(&d.loop, -1, NULL, NULL, err, errlen))
		return -1;
	if (lg_init(&d.lg, &d.cfg, &d.env, &io, lg_finished)) {
		snprintf(err, errlen, "out of memory for %u MEs", d.cfg.count);
		return -1;
	}
	d.lg_on = true;
	log_info("loadgen: %u MEs to %s, rate %u/s, window %u, first imei=%s",
		 d.cfg.count, addr_str(&d.cfg.peer, a), d.cfg.rate,
		 d.cfg.window, d.cfg.imei);
	lg_start(&d.lg);
	return 0;
}

static int start(char *err, size_t errlen)
{
	struct gw_recovered r;
	char a[ADDR_STR_MAX];

	if (d.cfg.role == D_ROLE_LOADGEN)
		return start_loadgen(err, errlen);
	if (d.cfg.role == D_ROLE_GW) {
		if (loop_init(&d.loop, d.udp, gw_rx, &d.gw, err, errlen))
			return -1;
		if (gw_init(&d.gw, &d.env)) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		/* Before the first datagram is read: the MEs of a last run */
		if (gw_recover(&d.gw, &r)) {
			snprintf(err, errlen,
				 "recovery from the kernel failed");
			return -1;
		}
		log_info("gateway listening on %s, mode %s%s%s%s",
			 addr_str(&d.env.self, a), d_mode_name(d.cfg.mode),
			 d.cfg.require_me_cert ? ", ME certificates required" :
						 "",
			 d.env.up ? ", user plane on " : "",
			 d.env.up ? d.cfg.dev : "");
		return 0;
	}
	if (loop_init(&d.loop, d.udp, me_rx, &d.me, err, errlen))
		return -1;
	me_init(&d.me, &d.env, d.cfg.imei, me_done);
	log_info("me imei=%s on %s, mode %s%s", d.cfg.imei,
		 addr_str(&d.env.self, a), d_mode_name(d.cfg.mode),
		 d.cred.ie ? ", with a certificate" : "");
	if (me_start(&d.me)) {
		snprintf(err, errlen, "the attach could not start");
		return -1;
	}
	return 0;
}

static void stop(void)
{
	bool keep = d.cfg.keep_contexts;

	if (d.cfg.role == D_ROLE_GW)
		gw_shutdown(&d.gw, keep);
	else if (d.cfg.role == D_ROLE_LOADGEN)
		lg_shutdown(&d.lg, keep);
	else
		me_shutdown(&d.me, keep);
	if (keep)
		log_info("contexts kept in the kernel");
}

int main(int argc, char **argv)
{
	char err[D_ERR_MAX + 64];
	struct cli cl;
	int rc;

	if (cli_parse(argc, argv, &cl, err, sizeof(err)))
		return usage_error(err);
	if (cl.help) {
		cli_usage(stdout);
		return 0;
	}
	if (cl.version) {
		printf("parlosd %s\n", PARLOSD_VERSION);
		return 0;
	}
	if (cli_config(&cl, &d.cfg, err, sizeof(err)))
		return usage_error(err);
	if (d.cfg.role != D_ROLE_GW && !d.cfg.imei[0])
		imei_default(d.cfg.imei, (unsigned int)getpid() *
			     (d.cfg.role == D_ROLE_LOADGEN ? 100000u : 1u));
	log_setup((enum log_level)d.cfg.log_level, d.cfg.syslog, "parlosd");
	if (cred_load(&d.cred, &d.cfg, err, sizeof(err))) {
		log_close();
		return usage_error(err);
	}
	d.cfg.cred = &d.cred;
	d.udp = -1;
	d.loop.ep = d.loop.sfd = -1;
	if (setup(err, sizeof(err)) || start(err, sizeof(err))) {
		log_err("%s", err);
		if (d.cfg.syslog)	/* whoever started us should see it too */
			fprintf(stderr, "parlosd: %s\n", err);
		rc = D_EXIT_FAIL;
		if (d.kern && d.cfg.role == D_ROLE_ME && d.me.env)
			me_shutdown(&d.me, false);
		if (d.lg_on)
			lg_shutdown(&d.lg, false);
	} else {
		rc = loop_run(&d.loop);
		stop();
	}
	loop_close(&d.loop);
	if (d.udp >= 0)
		close(d.udp);
	if (d.env.up)
		uplane_close(&d.up);
	kern_close(d.kern);
	if (d.env.pcap)
		pcap_close(&d.pcap);
	cred_free(&d.cred);
	log_close();
	return rc;
}
