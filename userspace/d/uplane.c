// SPDX-License-Identifier: GPL-2.0
/*
 * DRB1 bindings and the device's addresses, with a log line for each.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "uplane.h"

static const char *ip_str(uint32_t ip, char buf[INET_ADDRSTRLEN])
{
	struct in_addr a = { htonl(ip) };

	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

int uplane_open(struct uplane *up, const struct d_config *c, char *err,
		size_t errlen)
{
	char ip[INET_ADDRSTRLEN];
	struct kern_err e = { 0, "" };
	bool created;
	int rc;

	memset(up, 0, sizeof(*up));
	up->name = c->dev;
	up->peer_port = c->up_port;
	rc = netdev_open(&up->nd, &e);
	if (!rc)
		rc = netdev_setup(up->nd, c->dev, c->up_port, &up->ifindex,
				  &created, &e);
	if (rc) {
		snprintf(err, errlen, "user plane: %s: %s", c->dev,
			 kern_strerror(&e));
		uplane_close(up);
		return rc;
	}
	if (created)
		log_info("user plane: made parlos device %s, UDP port %u",
			 c->dev, c->up_port);
	if (c->role != D_ROLE_GW)
		return 0;
	/* network + 1: the pool leaves it for us (pool.h) */
	rc = netdev_addr(up->nd, true, up->ifindex, c->pool_net + 1,
			 c->pool_prefix, &e);
	if (rc) {
		snprintf(err, errlen, "user plane: address %s/%u on %s: %s",
			 ip_str(c->pool_net + 1, ip), c->pool_prefix, c->dev,
			 kern_strerror(&e));
		uplane_close(up);
		return rc;
	}
	log_info("user plane: %s/%u on %s (ifindex %d), peers' port %u",
		 ip_str(c->pool_net + 1, ip), c->pool_prefix, c->dev,
		 up->ifindex, c->up_port);
	return 0;
}

void uplane_close(struct uplane *up)
{
	netdev_close(up->nd);
	up->nd = NULL;
}

int uplane_bind(struct d_env *env, uint32_t ctx, uint32_t ue_ip,
		struct in_addr peer, uint16_t ue_id)
{
	struct uplane *up = env->up;
	struct kern_drb b = {
		.ifindex = (uint32_t)up->ifindex, .ue_addr = htonl(ue_ip),
		.peer_addr = peer.s_addr, .peer_port = up->peer_port,
		.ue_id = ue_id,
	};
	char ip[INET_ADDRSTRLEN], pa[INET_ADDRSTRLEN];
	struct kern_err e = { 0, "" };
	int err = kern_drb_bind(env->kern, ctx, &b, &e);

	inet_ntop(AF_INET, &peer, pa, sizeof(pa));
	if (err) {
		log_err("user plane: DRB1 of context %u not bound to %s: %s",
			ctx, up->name, kern_strerror(&e));
		return err;
	}
	log_info("user plane: DRB1 of context %u bound to %s: ue %s ue-id %u "
		 "peer %s:%u", ctx, up->name, ip_str(ue_ip, ip), ue_id, pa,
		 up->peer_port);
	return 0;
}

int uplane_unbind(struct d_env *env, uint32_t ctx)
{
	struct kern_err e = { 0, "" };
	int err = kern_drb_unbind(env->kern, ctx, &e);

	if (err)
		log_warn("user plane: unbinding context %u: %s", ctx,
			 kern_strerror(&e));
	else
		log_info("user plane: DRB1 of context %u unbound", ctx);
	return err;
}

int uplane_me_addr(struct d_env *env, uint32_t ue_ip, bool add)
{
	const struct d_config *c = env->cfg;
	struct uplane *up = env->up;
	struct kern_err e = { 0, "" };
	char ip[INET_ADDRSTRLEN], net[INET_ADDRSTRLEN];
	int err, rc = 0;
	unsigned int i;

	/* Routes go with the address on delete; on add they need it */
	if (add) {
		err = netdev_addr(up->nd, true, up->ifindex, ue_ip, 32, &e);
		if (err) {
			log_err("user plane: address %s on %s: %s",
				ip_str(ue_ip, ip), up->name, kern_strerror(&e));
			return err;
		}
	}
	for (i = 0; i < c->n_routes; i++) {
		err = netdev_route(up->nd, add, up->ifindex, c->route[i].net,
				   c->route[i].prefix, add ? ue_ip : 0, &e);
		if (err && (add || err != -ESRCH)) {
			log_err("user plane: route %s/%u via %s: %s",
				ip_str(c->route[i].net, net),
				c->route[i].prefix, up->name,
				kern_strerror(&e));
			rc = err;
		}
	}
	if (!add) {
		err = netdev_addr(up->nd, false, up->ifindex, ue_ip, 32, &e);
		if (err && err != -EADDRNOTAVAIL) {
			log_warn("user plane: removing %s from %s: %s",
				 ip_str(ue_ip, ip), up->name,
				 kern_strerror(&e));
			rc = err;
		}
	}
	log_info("user plane: %s %s/32 %s %s, %u route%s", add ? "put" :
		 "took", ip_str(ue_ip, ip), add ? "on" : "off", up->name,
		 c->n_routes, c->n_routes == 1 ? "" : "s");
	return rc;
}
