// SPDX-License-Identifier: GPL-2.0
/*
 * epoll loop over the UDP socket, a signalfd and the timer heap.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "log.h"
#include "loop.h"
#include "wire.h"

/* Datagrams taken per wakeup before timers get their turn */
#define RX_BATCH	64

int udp_open(const struct sockaddr_in *local, const struct sockaddr_in *peer,
	     struct sockaddr_in *self, char *err, size_t errlen)
{
	socklen_t sl = sizeof(*self);
	char a[ADDR_STR_MAX];
	int fd, size = 4 << 20;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		snprintf(err, errlen, "socket: %s", strerror(errno));
		return -1;
	}
	/* Bursts of many MEs should not overflow the default buffer */
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (bind(fd, (const struct sockaddr *)local, sizeof(*local))) {
		snprintf(err, errlen, "bind %s: %s", addr_str(local, a),
			 strerror(errno));
		close(fd);
		return -1;
	}
	if (peer && connect(fd, (const struct sockaddr *)peer, sizeof(*peer))) {
		snprintf(err, errlen, "connect %s: %s", addr_str(peer, a),
			 strerror(errno));
		close(fd);
		return -1;
	}
	getsockname(fd, (struct sockaddr *)self, &sl);
	return fd;
}

int udp_send(void *arg, const struct sockaddr_in *to, const uint8_t *buf,
	     size_t len)
{
	int fd = *(int *)arg;
	ssize_t n;

	do {
		n = sendto(fd, buf, len, 0, (const struct sockaddr *)to,
			   sizeof(*to));
	} while (n < 0 && errno == EINTR);
	/* EISCONN: a connected socket wants no address */
	if (n < 0 && errno == EISCONN)
		n = send(fd, buf, len, 0);
	return n < 0 ? -errno : 0;
}

int loop_add(struct loop *l, struct loop_src *s)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.ptr = s };

	return epoll_ctl(l->ep, EPOLL_CTL_ADD, s->fd, &ev) ? -errno : 0;
}

void loop_del(struct loop *l, struct loop_src *s)
{
	epoll_ctl(l->ep, EPOLL_CTL_DEL, s->fd, NULL);
}

int loop_init(struct loop *l, int udp, loop_rx_fn rx, void *rx_arg,
	      char *err, size_t errlen)
{
	struct epoll_event ev = { .events = EPOLLIN };
	sigset_t set;

	memset(l, 0, sizeof(*l));
	l->main = (struct loop_src){ udp, rx, rx_arg };
	timers_init(&l->timers);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	l->sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	l->ep = epoll_create1(EPOLL_CLOEXEC);
	if (l->sfd < 0 || l->ep < 0) {
		snprintf(err, errlen, "event loop: %s", strerror(errno));
		return -1;
	}
	ev.data.ptr = NULL;	/* the signals */
	if (epoll_ctl(l->ep, EPOLL_CTL_ADD, l->sfd, &ev) ||
	    (udp >= 0 && loop_add(l, &l->main))) {
		snprintf(err, errlen, "epoll_ctl: %s", strerror(errno));
		return -1;
	}
	return 0;
}

void loop_stop(struct loop *l, int code)
{
	l->stop = true;
	l->exit_code = code;
}

static void on_signal(struct loop *l)
{
	struct signalfd_siginfo si;

	while (read(l->sfd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo == SIGHUP) {
			log_info("SIGHUP: nothing to reload");
			continue;
		}
		log_info("%s: stopping", strsignal((int)si.ssi_signo));
		loop_stop(l, 0);
	}
}

static void on_udp(struct loop *l, struct loop_src *s)
{
	uint8_t buf[WIRE_MAX + 1];
	struct sockaddr_in from;
	socklen_t fl;
	ssize_t n;
	int i;

	for (i = 0; i < RX_BATCH && !l->stop; i++) {
		fl = sizeof(from);
		n = recvfrom(s->fd, buf, sizeof(buf), MSG_TRUNC,
			     (struct sockaddr *)&from, &fl);
		if (n < 0) {
			/* ECONNREFUSED: ICMP for an earlier datagram */
			if (errno != EAGAIN && errno != EINTR)
				log_debug("recv: %s", strerror(errno));
			if (errno == EAGAIN)
				return;
			continue;
		}
		if ((size_t)n > WIRE_MAX || fl != sizeof(from) ||
		    from.sin_family != AF_INET) {
			log_warn("datagram of %zd octets dropped: too long",
				 n);
			continue;
		}
		l->timers.now = timers_clock();
		s->rx(s->arg, &from, buf, (size_t)n);
	}
}

int loop_run(struct loop *l)
{
	struct epoll_event ev[64];
	int n, i;

	while (!l->stop) {
		int64_t next = timers_next(&l->timers);

		n = epoll_wait(l->ep, ev, 64, next < 0 ? -1 :
			       next > 60000 ? 60000 : (int)next);
		if (n < 0 && errno != EINTR) {
			log_err("epoll_wait: %s", strerror(errno));
			return 1;
		}
		for (i = 0; i < n && !l->stop; i++) {
			if (!ev[i].data.ptr)
				on_signal(l);
			else
				on_udp(l, ev[i].data.ptr);
		}
		if (!l->stop)
			timers_run(&l->timers, timers_clock());
	}
	return l->exit_code;
}

void loop_close(struct loop *l)
{
	timers_free(&l->timers);
	if (l->ep >= 0)
		close(l->ep);
	if (l->sfd >= 0)
		close(l->sfd);
}
