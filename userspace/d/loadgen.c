// SPDX-License-Identifier: GPL-2.0
/*
 * The load generator: pacing, accounting and the report. The attach
 * itself is me.c's, unchanged.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "loadgen.h"
#include "log.h"

#define LG_PROGRESS_MS	10000
/* Starts per turn of the loop: replies are read in between */
#define LG_BATCH	16

static void lg_fill(struct loadgen *lg);

static struct lg_me *lg_me_of(struct me *me)
{
	return (struct lg_me *)((char *)me - offsetof(struct lg_me, me));
}

static void lg_done(struct me *me)
{
	struct lg_me *m = lg_me_of(me);
	struct loadgen *lg = m->lg;

	if (m->done)
		return;
	m->done = true;
	m->t_done = lg->base->timers->now;
	lg->under_way--;
	if (me->state == ME_ATTACHED) {
		lg->attached++;
		lg->t_last = m->t_done;
	} else {
		lg->failed++;
	}
	lg_fill(lg);
	if (lg->attached + lg->failed == lg->n && lg->finished)
		lg->finished(lg);
}

static void lg_pace(struct timer *t)
{
	lg_fill((struct loadgen *)((char *)t -
				   offsetof(struct loadgen, pace)));
}

static void lg_progress(struct timer *t)
{
	struct loadgen *lg = (struct loadgen *)((char *)t -
				offsetof(struct loadgen, progress));

	if (lg->attached + lg->failed == lg->n)
		return;
	if (lg->base->out) {
		fprintf(lg->base->out, "loadgen: progress %u of %u attached, "
			"%u failed, %u under way, %.1f s\n", lg->attached,
			lg->n, lg->failed, lg->under_way,
			(double)(lg->base->timers->now - lg->t0) / 1000);
		fflush(lg->base->out);
	}
	timer_arm(lg->base->timers, &lg->progress, LG_PROGRESS_MS);
}

int lg_init(struct loadgen *lg, const struct d_config *cfg,
	    struct d_env *base, const struct lg_io *io,
	    void (*finished)(struct loadgen *lg))
{
	memset(lg, 0, sizeof(*lg));
	lg->m = calloc(cfg->count, sizeof(*lg->m));
	if (!lg->m)
		return -ENOMEM;
	lg->cfg = cfg;
	lg->base = base;
	lg->io = *io;
	lg->n = cfg->count;
	lg->finished = finished;
	timer_init(&lg->pace, lg_pace);
	timer_init(&lg->progress, lg_progress);
	return 0;
}

/* One more ME: its socket, its IMEI, its ATTACH REQUEST */
static void lg_start_one(struct loadgen *lg)
{
	struct lg_me *m = &lg->m[lg->next++];
	char imei[NAS_MAX_DIGITS + 1], err[D_ERR_MAX];

	m->lg = lg;
	m->fd = -1;
	m->env = *lg->base;
	m->t_start = lg->base->timers->now;
	imei_next(lg->cfg->imei, (unsigned int)(m - lg->m), imei);
	me_init(&m->me, &m->env, imei, lg_done);
	m->started = true;
	lg->under_way++;
	if (lg->under_way > lg->max_under_way)
		lg->max_under_way = lg->under_way;
	if (lg->io.open(lg->io.arg, m, err, sizeof(err))) {
		log_err("loadgen: ME %u: %s", (unsigned int)(m - lg->m), err);
		m->me.state = ME_FAILED;
		lg_done(&m->me);
		return;
	}
	if (me_start(&m->me)) {
		m->me.state = ME_FAILED;
		lg_done(&m->me);
	}
}

/* Starts attaches while the window and the rate allow */
static void lg_fill(struct loadgen *lg)
{
	const struct d_config *c = lg->cfg;
	uint64_t now = lg->base->timers->now;
	unsigned int batch = 0;

	if (lg->filling)
		return;
	lg->filling = true;
	while (lg->next < lg->n && lg->under_way < c->window) {
		if (batch++ == LG_BATCH) {
			if (!timer_armed(&lg->pace))
				timer_arm(lg->base->timers, &lg->pace, 1);
			break;
		}
		if (c->rate) {
			uint64_t due = lg->t0 + (uint64_t)lg->next * 1000 /
					       c->rate;

			if (due > now) {
				if (!timer_armed(&lg->pace))
					timer_arm(lg->base->timers, &lg->pace,
						  due - now);
				break;
			}
		}
		lg_start_one(lg);
	}
	lg->filling = false;
}

void lg_start(struct loadgen *lg)
{
	lg->t0 = lg->base->timers->now;
	timer_arm(lg->base->timers, &lg->progress, LG_PROGRESS_MS);
	lg_fill(lg);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

void lg_report(const struct loadgen *lg, struct lg_report *r)
{
	uint32_t *ms = calloc(lg->n ? lg->n : 1, sizeof(*ms)), k = 0, i;
	uint64_t sum = 0;

	memset(r, 0, sizeof(*r));
	r->count = lg->n;
	r->attached = lg->attached;
	r->failed = lg->failed;
	r->max_under_way = lg->max_under_way;
	if (lg->attached)
		r->ms = lg->t_last - lg->t0;
	r->per_second = r->ms ? lg->attached * 1000.0 / (double)r->ms : 0;
	for (i = 0; i < lg->next; i++) {
		const struct lg_me *m = &lg->m[i];

		r->retransmissions += m->me.sent ? m->me.sent - 1 : 0;
		r->again += m->me.again;
		if (ms && m->done && m->me.state == ME_ATTACHED) {
			ms[k] = (uint32_t)(m->t_done - m->t_start);
			sum += ms[k++];
		}
	}
	if (ms && k) {
		qsort(ms, k, sizeof(*ms), cmp_u32);
		r->ms_min = ms[0];
		r->ms_max = ms[k - 1];
		r->ms_avg = (uint32_t)(sum / k);
		r->ms_p50 = ms[(k - 1) / 2];
		r->ms_p99 = ms[(k - 1) * 99 / 100];
	}
	free(ms);
}

void lg_print(const struct lg_report *r, FILE *f)
{
	fprintf(f, "loadgen: mes=%u attached=%u failed=%u seconds=%.3f "
		"per-second=%.1f retransmissions=%llu answers-again=%llu "
		"attach-ms-min=%u avg=%u p50=%u p99=%u max=%u "
		"under-way-max=%u\n",
		r->count, r->attached, r->failed, (double)r->ms / 1000,
		r->per_second, (unsigned long long)r->retransmissions,
		(unsigned long long)r->again, r->ms_min, r->ms_avg, r->ms_p50,
		r->ms_p99, r->ms_max, r->max_under_way);
	fflush(f);
}

void lg_shutdown(struct loadgen *lg, bool keep)
{
	uint32_t i;

	timer_cancel(lg->base->timers, &lg->pace);
	timer_cancel(lg->base->timers, &lg->progress);
	for (i = 0; i < lg->next; i++) {
		struct lg_me *m = &lg->m[i];

		if (!m->started)
			continue;
		me_shutdown(&m->me, keep);
		if (m->fd >= 0)
			lg->io.close(lg->io.arg, m);
		m->fd = -1;
	}
	free(lg->m);
	lg->m = NULL;
}
