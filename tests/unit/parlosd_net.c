// SPDX-License-Identifier: GPL-2.0
/*
 * The in-memory network of parlosd's engine tests; see parlosd_net.h.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "logcap.h"
#include "parlosd_net.h"

struct world w;

static void hook(enum log_level lvl, const char *line, void *arg)
{
	(void)lvl;
	(void)arg;
	log_append(w.log, sizeof(w.log), &w.loglen, line);
}

int net_send(void *arg, const struct sockaddr_in *to,
		    const uint8_t *buf, size_t len)
{
	struct pkt *p;
	enum verdict v = PASS;

	if (w.qt - w.qh >= QMAX - 2 || len > WIRE_MAX)
		return -ENOBUFS;
	p = &w.q[w.qt % QMAX];
	p->from = *(const struct sockaddr_in *)arg;
	p->to = *to;
	memcpy(p->b, buf, len);
	p->n = len;
	if (w.filter)
		v = w.filter(p);
	if (v == DROP)
		return 0;
	w.qt++;
	if (v == DUP) {
		w.q[w.qt % QMAX] = *p;
		w.qt++;
	}
	return 0;
}

void net_inject(const struct sockaddr_in *from, const struct sockaddr_in *to,
		   const uint8_t *b, size_t n)
{
	struct pkt *p = &w.q[w.qt++ % QMAX];

	p->from = *from;
	p->to = *to;
	memcpy(p->b, b, n);
	p->n = n;
}

struct sockaddr_in sin_of(const char *ip, uint16_t port)
{
	struct sockaddr_in a = { .sin_family = AF_INET };

	inet_pton(AF_INET, ip, &a.sin_addr);
	a.sin_port = htons(port);
	return a;
}

bool same(const struct sockaddr_in *a, const struct sockaddr_in *b)
{
	return a->sin_addr.s_addr == b->sin_addr.s_addr &&
	       a->sin_port == b->sin_port;
}

static void deliver(struct pkt *p)
{
	int i;

	if (same(&p->to, &w.gaddr)) {
		gw_input(&w.gw, &p->from, p->b, p->n);
		return;
	}
	for (i = 0; i < w.nme; i++)
		if (same(&p->to, &w.maddr[i]) && w.mep[i])
			me_input(w.mep[i], &p->from, p->b, p->n);
}

/* Delivers and lets time pass until nothing is left or limit_ms passed */
void net_run(uint64_t limit_ms)
{
	uint64_t end = w.ts.now + limit_ms;

	for (;;) {
		while (w.qh != w.qt) {
			struct pkt p = w.q[w.qh++ % QMAX];

			deliver(&p);
		}
		if (timers_next(&w.ts) < 0 ||
		    w.ts.now + (uint64_t)timers_next(&w.ts) > end)
			break;
		timers_run(&w.ts, w.ts.now + (uint64_t)timers_next(&w.ts));
	}
}

void net_setup(int nme, enum d_role dummy)
{
	struct kern_err e;
	int i;

	(void)dummy;
	memset(&w, 0, sizeof(w));
	log_set_hook(hook, NULL);
	log_setup(LOG_LVL_DEBUG, false, "test");
	timers_init(&w.ts);
	w.ts.now = 1000;
	kern_open(&w.gk, &e);
	kern_open(&w.mk, &e);
	w.outf = open_memstream(&w.out, &w.outlen);
	config_defaults(&w.gcfg, D_ROLE_GW);
	w.gaddr = sin_of("10.0.0.1", 36410);
	w.genv = (struct d_env){ &w.gcfg, w.gk, &w.ts, NULL, net_send,
				 &w.gaddr, w.gaddr, w.outf, NULL };
	gw_init(&w.gw, &w.genv);
	w.nme = nme;
	for (i = 0; i < nme; i++) {
		char ip[32], imei[NAS_MAX_DIGITS + 1];

		config_defaults(&w.mcfg[i], D_ROLE_ME);
		w.mcfg[i].peer = w.gaddr;
		w.mcfg[i].have_peer = true;
		snprintf(ip, sizeof(ip), "10.0.1.%d", i + 2);
		w.maddr[i] = sin_of(ip, 40000);
		w.menv[i] = (struct d_env){ &w.mcfg[i], w.mk, &w.ts, NULL,
					    net_send, &w.maddr[i], w.maddr[i],
					    w.outf, NULL };
		imei_default(imei, 100 + (unsigned int)i);
		me_init(&w.me[i], &w.menv[i], imei, NULL);
		w.mep[i] = &w.me[i];
	}
}

void net_teardown(void)
{
	int i;

	for (i = 0; i < w.nme; i++)
		me_shutdown(&w.me[i], false);
	gw_shutdown(&w.gw, false);
	timers_free(&w.ts);
	kern_close(w.gk);
	kern_close(w.mk);
	fclose(w.outf);
	free(w.out);
	log_set_hook(NULL, NULL);
}

int count_str(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle))) {
		n++;
		hay += strlen(needle);
	}
	return n;
}


bool is_dl(const struct pkt *p)
{
	return same(&p->from, &w.gaddr);
}

void start_all(void)
{
	int i;

	for (i = 0; i < w.nme; i++)
		me_start(&w.me[i]);
}
