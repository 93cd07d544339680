/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake parlos kernel for parlosd's unit tests: the functions of
 * userspace/d/kernel.h with toy crypto (FNV-1a) but the module's rules:
 * roles, EIA0/EEA0 refused, algorithms fixed once used, NAS COUNTs with
 * EBADMSG and EALREADY, SRB COUNTs, fingerprints of matching keys equal
 * on both sides.
 */
#ifndef PARLOSD_FAKE_H
#define PARLOSD_FAKE_H

#include "kernel.h"
#include "netdev.h"

/* Live contexts of a fake kernel */
unsigned int fake_kern_count(struct kern *k);
/* ... of them with DRB1 bound */
unsigned int fake_kern_bound(struct kern *k);
/* Makes the next call of any operation fail with err (once) */
void fake_kern_fail_next(struct kern *k, int err);

/*
 * The fake rtnetlink (netdev.h): one device, its addresses and routes.
 * netdev_setup() gives ifindex 7 and says it made the device.
 */
bool fake_netdev_has_addr(const struct netdev *nd, uint32_t addr,
			  uint8_t prefix);
bool fake_netdev_has_route(const struct netdev *nd, uint32_t net,
			   uint8_t prefix);
unsigned int fake_netdev_count(const struct netdev *nd);

#endif
