// SPDX-License-Identifier: GPL-2.0
/*
 * Timer heap. Each armed timer knows its slot so it can be cancelled
 * or moved without a search.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "timer.h"

void timers_init(struct timers *ts)
{
	ts->heap = NULL;
	ts->n = 0;
	ts->cap = 0;
	ts->now = timers_clock();
}

void timers_free(struct timers *ts)
{
	size_t i;

	for (i = 0; i < ts->n; i++)
		ts->heap[i]->slot = 0;
	free(ts->heap);
	ts->heap = NULL;
	ts->n = ts->cap = 0;
}

uint64_t timers_clock(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000 + (uint64_t)t.tv_nsec / 1000000;
}

static void place(struct timers *ts, size_t i, struct timer *t)
{
	ts->heap[i] = t;
	t->slot = i + 1;
}

static void sift_up(struct timers *ts, size_t i)
{
	struct timer *t = ts->heap[i];

	while (i) {
		size_t p = (i - 1) / 2;

		if (ts->heap[p]->when <= t->when)
			break;
		place(ts, i, ts->heap[p]);
		i = p;
	}
	place(ts, i, t);
}

static void sift_down(struct timers *ts, size_t i)
{
	struct timer *t = ts->heap[i];

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= ts->n)
			break;
		if (c + 1 < ts->n && ts->heap[c + 1]->when < ts->heap[c]->when)
			c++;
		if (t->when <= ts->heap[c]->when)
			break;
		place(ts, i, ts->heap[c]);
		i = c;
	}
	place(ts, i, t);
}

void timer_cancel(struct timers *ts, struct timer *t)
{
	size_t i;
	struct timer *last;

	if (!t->slot)
		return;
	i = t->slot - 1;
	t->slot = 0;
	last = ts->heap[--ts->n];
	if (i == ts->n)
		return;
	place(ts, i, last);
	sift_down(ts, i);
	sift_up(ts, last->slot - 1);
}

int timer_arm(struct timers *ts, struct timer *t, uint64_t delay_ms)
{
	timer_cancel(ts, t);
	if (ts->n == ts->cap) {
		size_t cap = ts->cap ? ts->cap * 2 : 64;
		struct timer **h = realloc(ts->heap, cap * sizeof(*h));

		if (!h)
			return -ENOMEM;
		ts->heap = h;
		ts->cap = cap;
	}
	t->when = ts->now + delay_ms;
	place(ts, ts->n++, t);
	sift_up(ts, ts->n - 1);
	return 0;
}

int64_t timers_next(const struct timers *ts)
{
	if (!ts->n)
		return -1;
	if (ts->heap[0]->when <= ts->now)
		return 0;
	return (int64_t)(ts->heap[0]->when - ts->now);
}

size_t timers_run(struct timers *ts, uint64_t now)
{
	size_t fired = 0;

	if (now > ts->now)
		ts->now = now;
	while (ts->n && ts->heap[0]->when <= ts->now) {
		struct timer *t = ts->heap[0];

		timer_cancel(ts, t);
		fired++;
		t->fn(t);	/* may re-arm t or free its owner */
	}
	return fired;
}
