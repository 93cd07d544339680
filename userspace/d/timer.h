/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One-shot timers in a binary min-heap: arm, cancel and expiry in
 * O(log n), so a gateway can keep a retransmission timer per ME for
 * tens of thousands of MEs. Time is milliseconds of CLOCK_MONOTONIC,
 * kept in ts->now: the loop sets it, tests move it by hand.
 */
#ifndef PARLOSD_TIMER_H
#define PARLOSD_TIMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct timer;
typedef void (*timer_fn)(struct timer *t);

struct timer {
	uint64_t when;
	size_t slot;		/* heap index + 1; 0 when not armed */
	timer_fn fn;
};

struct timers {
	struct timer **heap;
	size_t n, cap;
	uint64_t now;
};

void timers_init(struct timers *ts);
void timers_free(struct timers *ts);
uint64_t timers_clock(void);

static inline void timer_init(struct timer *t, timer_fn fn)
{
	t->when = 0;
	t->slot = 0;
	t->fn = fn;
}

static inline bool timer_armed(const struct timer *t)
{
	return t->slot != 0;
}

/* (Re)arms t to fire delay_ms after ts->now. -ENOMEM only. */
int timer_arm(struct timers *ts, struct timer *t, uint64_t delay_ms);
void timer_cancel(struct timers *ts, struct timer *t);
/* Milliseconds until the first timer is due (0 if overdue), -1 if none */
int64_t timers_next(const struct timers *ts);
/* Sets ts->now and fires every timer due by then; returns how many */
size_t timers_run(struct timers *ts, uint64_t now);

#endif
