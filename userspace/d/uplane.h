/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The user plane of parlosd --dev: DRB1 of every attached ME bound to
 * one parlos device, through the kernel (kern_drb_bind), and the
 * device's addresses and routes (netdev.h).
 *
 *   ME:      its context, its IPv4 from ATTACH ACCEPT, the gateway's
 *            address as peer, its UE id (low 16 bits of the M-TMSI);
 *            IPV4/32 on the device and a route per --route network.
 *   gateway: each ME's context, that ME's IPv4, the ME's address as
 *            peer, its UE id; the pool's network + 1 on the device,
 *            which routes the pool through it.
 *
 * The peer's port is --up-port. Deleting a context unbinds it too.
 */
#ifndef PARLOSD_UPLANE_H
#define PARLOSD_UPLANE_H

#include <stdbool.h>
#include <stdint.h>
#include <netinet/in.h>

#include "config.h"
#include "netdev.h"
#include "wire.h"

struct uplane {
	struct netdev *nd;
	int ifindex;
	const char *name;
	uint16_t peer_port;
};

/* Opens rtnetlink, finds or makes the device, sets it up; gateway: its
 * address. Returns 0 or -errno with err set. */
int uplane_open(struct uplane *up, const struct d_config *c, char *err,
		size_t errlen);
void uplane_close(struct uplane *up);

/* DRB1 of ctx: UE address ue_ip (host order), peer's address, UE id */
int uplane_bind(struct d_env *env, uint32_t ctx, uint32_t ue_ip,
		struct in_addr peer, uint16_t ue_id);
int uplane_unbind(struct d_env *env, uint32_t ctx);
/* ME: its address on the device and the --route networks, or neither */
int uplane_me_addr(struct d_env *env, uint32_t ue_ip, bool add);

#endif
