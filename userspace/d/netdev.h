/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What parlosd asks of rtnetlink for the user plane: the parlos device
 * (found, or made with "ip link add NAME type parlos port P", and set
 * up), its IPv4 addresses and the routes through it. netdev.c speaks
 * rtnetlink; the unit tests link a fake with the same functions.
 * Addresses are in host order; errors as in kernel.h.
 */
#ifndef PARLOSD_NETDEV_H
#define PARLOSD_NETDEV_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel.h"

struct netdev;

int netdev_open(struct netdev **nd, struct kern_err *e);
void netdev_close(struct netdev *nd);
/*
 * The ifindex of device name, which is made (kind parlos, UDP port) if
 * there is none, and set up. *created says which.
 */
int netdev_setup(struct netdev *nd, const char *name, uint16_t port,
		 int *ifindex, bool *created, struct kern_err *e);
/* Adds or deletes ADDR/PREFIX on the device; adding one present is 0 */
int netdev_addr(struct netdev *nd, bool add, int ifindex, uint32_t addr,
		uint8_t prefix, struct kern_err *e);
/*
 * Adds or deletes the route to NET/PREFIX through the device, with src
 * as the preferred source (0: none); adding one present is 0.
 */
int netdev_route(struct netdev *nd, bool add, int ifindex, uint32_t net,
		 uint8_t prefix, uint32_t src, struct kern_err *e);

#endif
