/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The event loop: non-blocking UDP sockets (one for a daemon, one per
 * ME for the load generator), the signals as a signalfd and the timer
 * heap, all in one epoll_wait. Single-threaded: engines run to
 * completion on each datagram or timer.
 */
#ifndef PARLOSD_LOOP_H
#define PARLOSD_LOOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "timer.h"

typedef void (*loop_rx_fn)(void *arg, const struct sockaddr_in *from,
			   const uint8_t *buf, size_t len);

/* A socket the loop reads: rx(arg, ...) for each datagram */
struct loop_src {
	int fd;
	loop_rx_fn rx;
	void *arg;
};

struct loop {
	int ep;
	int sfd;
	struct loop_src main;		/* loop_init's socket, if any */
	struct timers timers;
	bool stop;
	int exit_code;
};

/*
 * A UDP socket bound to local and, if peer is given, connected to it (the
 * kernel then filters other senders); self gets the local address.
 */
int udp_open(const struct sockaddr_in *local, const struct sockaddr_in *peer,
	     struct sockaddr_in *self, char *err, size_t errlen);
/* wire_send_fn over the socket *(int *)arg */
int udp_send(void *arg, const struct sockaddr_in *to, const uint8_t *buf,
	     size_t len);

/* udp < 0: no socket yet (loop_add them) */
int loop_init(struct loop *l, int udp, loop_rx_fn rx, void *rx_arg,
	      char *err, size_t errlen);
/* s must stay where it is until loop_del or loop_close; -errno */
int loop_add(struct loop *l, struct loop_src *s);
void loop_del(struct loop *l, struct loop_src *s);
/* Runs until loop_stop(); returns the exit code given there */
int loop_run(struct loop *l);
void loop_stop(struct loop *l, int code);
void loop_close(struct loop *l);

#endif
