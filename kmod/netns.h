/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-network-namespace state: the context tables.
 */
#ifndef PARLOS_NETNS_H
#define PARLOS_NETNS_H

#include <linux/mutex.h>
#include <linux/rhashtable.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

struct parlos_net {
	struct net *net;
	struct rhashtable ctxs;		/* by id */
	struct rhashtable labels;	/* by label, labelled contexts only */
	/* Serializes table changes; lookups take only RCU. */
	struct mutex lock;
	u32 next_id;
	/* Bumped on every change, so an interrupted dump is flagged. */
	u32 generation;
	unsigned int count;
	struct list_head devs;		/* parlos devices, under RTNL */
};

extern unsigned int parlos_net_id;

static inline struct parlos_net *parlos_net(const struct net *net)
{
	return net_generic(net, parlos_net_id);
}

int parlos_netns_init(void);
void parlos_netns_exit(void);

#endif /* PARLOS_NETNS_H */
