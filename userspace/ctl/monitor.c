// SPDX-License-Identifier: GPL-2.0
/*
 * parlosctl monitor: the "events" multicast group, one line per event,
 * until SIGINT or SIGTERM (then exit status 0).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ctl.h"

/* Set by the signal handler: the one piece of global state a CLI needs. */
static volatile sig_atomic_t ctl_stop;

static void ctl_on_signal(int sig)
{
	(void)sig;
	ctl_stop = 1;
}

static int ctl_on_event(struct nlmsghdr *nlh, void *arg)
{
	struct ctl *c = arg;
	struct ctl_event ev;
	struct pnl_err e;

	/* One bad event is reported, and the monitor goes on. */
	if (ctl_parse_event(nlh, &ev, &e)) {
		fprintf(stderr, "parlosctl: monitor: %s\n", pnl_errstr(&e));
		return 0;
	}
	print_event(&c->out, &ev);
	return out_write(&c->out, STDOUT_FILENO);
}

/*
 * SIGINT and SIGTERM stay blocked except inside ppoll(), so one that
 * comes between two events cannot be missed.
 */
static int ctl_signals(sigset_t *wait_mask)
{
	struct sigaction sa;
	sigset_t block;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = ctl_on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &block, wait_mask) < 0 ||
	    sigaction(SIGINT, &sa, NULL) < 0 ||
	    sigaction(SIGTERM, &sa, NULL) < 0)
		return -errno;
	sigdelset(wait_mask, SIGINT);
	sigdelset(wait_mask, SIGTERM);
	return 0;
}

int ctl_monitor(struct ctl *c)
{
	struct pollfd pfd = { .fd = c->nl.fd, .events = POLLIN };
	sigset_t wait_mask;
	int err;

	err = pnl_join(&c->nl, PARLOS_GENL_MCGRP_EVENTS, &c->e);
	if (err)
		return err;
	err = ctl_signals(&wait_mask);
	if (err)
		return pnl_err_errno(&c->e, err);
	while (!ctl_stop) {
		if (ppoll(&pfd, 1, NULL, &wait_mask) < 0) {
			if (errno == EINTR)
				continue;
			return pnl_err_errno(&c->e, -errno);
		}
		err = pnl_recv_events(&c->nl, ctl_on_event, c, &c->e);
		if (err == -ENOBUFS) {
			/* The kernel dropped events: say so, go on. */
			fprintf(stderr, "parlosctl: monitor: events lost: %s\n",
				strerror(ENOBUFS));
			continue;
		}
		if (err && err != -EINTR && err != -EAGAIN)
			return c->e.err ? c->e.err : pnl_err_errno(&c->e, err);
	}
	return 0;
}
