/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The world of parlosd's engine tests: a gateway and MEs in one process
 * exchange datagrams through an in-memory network, each side with a
 * fake kernel (parlosd_fake.c), on a clock the test moves. A filter on
 * the network drops, corrupts, duplicates or injects datagrams.
 */
#ifndef PARLOSD_NET_H
#define PARLOSD_NET_H

#include <stdbool.h>
#include <stdio.h>

#include "config.h"
#include "gateway.h"
#include "me.h"

#define NME	64
#define QMAX	4096

struct pkt {
	struct sockaddr_in from, to;
	uint8_t b[WIRE_MAX];
	size_t n;
};

/* What the filter does with a datagram */
enum verdict { PASS, DROP, DUP };
typedef enum verdict (*filter_fn)(struct pkt *p);

struct world {
	struct timers ts;
	struct kern *gk, *mk;
	struct d_config gcfg, mcfg[NME];
	struct d_env genv, menv[NME];
	struct sockaddr_in gaddr, maddr[NME];
	struct gw gw;
	struct me me[NME];
	struct me *mep[NME];	/* who gets maddr[i]'s datagrams */
	int nme;
	struct pkt q[QMAX];
	size_t qh, qt;
	filter_fn filter;
	char *out;
	size_t outlen;
	FILE *outf;
	char log[1 << 16];
	size_t loglen;
	unsigned int sent_by_type[256];	/* EMM types seen leaving MEs */
};

extern struct world w;

/* A gateway (10.0.0.1:36410) and nme MEs (10.0.1.2.. port 40000) */
void net_setup(int nme, enum d_role dummy);
void net_teardown(void);
/* wire_send_fn: arg is the sender's address */
int net_send(void *arg, const struct sockaddr_in *to, const uint8_t *buf,
	     size_t len);
void net_inject(const struct sockaddr_in *from, const struct sockaddr_in *to,
		const uint8_t *b, size_t n);
/* Delivers and lets time pass until nothing is left or limit_ms passed */
void net_run(uint64_t limit_ms);
void start_all(void);

struct sockaddr_in sin_of(const char *ip, uint16_t port);
bool same(const struct sockaddr_in *a, const struct sockaddr_in *b);
bool is_dl(const struct pkt *p);
int count_str(const char *hay, const char *needle);

#endif
