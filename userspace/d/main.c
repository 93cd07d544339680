// SPDX-License-Identifier: GPL-2.0
/*
 * parlosd: the PARLOS attach and security mode daemon, ME or gateway.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cred.h"
#include "gateway.h"
#include "kernel.h"
#include "log.h"
#include "loop.h"
#include "me.h"

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
	d.udp = udp_open(&c->local, c->role == D_ROLE_ME ? &c->peer : NULL,
			 &d.env.self, err, errlen);
	if (d.udp < 0)
		return -1;
	d.env.cfg = c;
	d.env.kern = d.kern;
	d.env.timers = &d.loop.timers;
	d.env.pcap = c->pcap[0] ? &d.pcap : NULL;
	d.env.send = udp_send;
	d.env.send_arg = &d.udp;
	d.env.out = stdout;
	return 0;
}

static int start(char *err, size_t errlen)
{
	char a[ADDR_STR_MAX];

	if (d.cfg.role == D_ROLE_GW) {
		if (loop_init(&d.loop, d.udp, gw_rx, &d.gw, err, errlen))
			return -1;
		if (gw_init(&d.gw, &d.env)) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		log_info("gateway listening on %s, mode %s%s",
			 addr_str(&d.env.self, a), d_mode_name(d.cfg.mode),
			 d.cfg.require_me_cert ? ", ME certificates required" :
						 "");
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
	if (d.cfg.role == D_ROLE_ME && !d.cfg.imei[0])
		imei_default(d.cfg.imei, (unsigned int)getpid());
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
		if (d.kern && d.cfg.role == D_ROLE_ME)
			me_shutdown(&d.me, false);
	} else {
		rc = loop_run(&d.loop);
		stop();
	}
	loop_close(&d.loop);
	if (d.udp >= 0)
		close(d.udp);
	kern_close(d.kern);
	if (d.env.pcap)
		pcap_close(&d.pcap);
	cred_free(&d.cred);
	log_close();
	return rc;
}
