/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parlosd loadgen: N MEs in one process against one gateway, each with
 * its own UDP socket and kernel ME context, each driven by the ME state
 * machine of parlosd me (me.c). Attaches start at most rate a second
 * and at most window at once; the report counts attaches, failures,
 * retransmissions and the time to the last attach.
 *
 * Sockets are the caller's (lg_io): the daemon opens real ones, the unit
 * tests an in-memory network.
 */
#ifndef PARLOSD_LOADGEN_H
#define PARLOSD_LOADGEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "loop.h"
#include "me.h"

struct loadgen;

struct lg_me {
	struct me me;
	struct d_env env;		/* the base env, with its own socket */
	struct loadgen *lg;
	struct loop_src src;		/* for the caller's loop */
	int fd;
	uint64_t t_start, t_done;	/* ms, timers' clock */
	bool started, done;
};

/* Opens m's socket: sets m->fd, m->env.send, send_arg and self */
struct lg_io {
	int (*open)(void *arg, struct lg_me *m, char *err, size_t errlen);
	void (*close)(void *arg, struct lg_me *m);
	void *arg;
};

struct lg_report {
	uint32_t count, attached, failed, max_under_way;
	uint64_t ms;			/* first start to the last attach */
	double per_second;
	uint64_t retransmissions;	/* ATTACH REQUEST again (T3410) */
	uint64_t again;			/* answers to repeated ones */
	uint32_t ms_min, ms_avg, ms_p50, ms_p99, ms_max;	/* per attach */
};

struct loadgen {
	const struct d_config *cfg;
	struct d_env *base;
	struct lg_io io;
	struct lg_me *m;
	uint32_t n, next, under_way, max_under_way, attached, failed;
	uint64_t t0, t_last;
	struct timer pace, progress;
	bool filling;			/* in lg_fill: no recursion */
	/* every ME attached or failed */
	void (*finished)(struct loadgen *lg);
};

int lg_init(struct loadgen *lg, const struct d_config *cfg,
	    struct d_env *base, const struct lg_io *io,
	    void (*finished)(struct loadgen *lg));
/* Starts the first attaches; the rest follow as they finish */
void lg_start(struct loadgen *lg);
void lg_report(const struct loadgen *lg, struct lg_report *r);
/* "loadgen: mes=N attached=N failed=N seconds=S per-second=R ..." */
void lg_print(const struct lg_report *r, FILE *f);
/* Stops every ME (contexts deleted unless keep), closes, frees */
void lg_shutdown(struct loadgen *lg, bool keep);

#endif
