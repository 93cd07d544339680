/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "parlos" network device: an IPv4 point-to-point device whose
 * packets travel PDCP-ciphered in PDCP-LTE UDP framing through a kernel
 * UDP tunnel socket. Its role comes from the first context bound to it:
 * an ME device carries its ME's one DRB; a gateway device the DRBs of
 * many MEs, found by UE address (transmit) and UE id (receive).
 */
#ifndef PARLOS_DEVICE_H
#define PARLOS_DEVICE_H

#include <linux/netdevice.h>
#include <linux/rhashtable-types.h>

struct parlos_drb_bind;
struct parlos_net;

struct parlos_dev {
	struct net_device *dev;
	struct parlos_net *pn;
	struct list_head list;		/* pn->devs, under RTNL */
	struct socket __rcu *sock;	/* while up */
	u16 port;			/* local UDP port, host order */
	u8 role;			/* enum parlos_role; 0 until bound */
	/* Bindings; changed under RTNL, looked up under RCU */
	struct list_head binds;
	struct parlos_drb_bind __rcu *me;	/* ME role: the one */
	struct rhashtable by_addr;		/* network role */
	struct rhashtable by_ue_id;		/* network role */
};

/* Under RTNL: the parlos device ifindex in net, or NULL. */
struct parlos_dev *parlos_dev_find(struct net *net, int ifindex);
/* Under RTNL. Adds b to the tables of pd, fixing its role. */
int parlos_dev_attach(struct parlos_dev *pd, struct parlos_drb_bind *b,
		      struct netlink_ext_ack *extack);
/* Under RTNL. Takes b out of the tables; readers may still see it. */
void parlos_dev_detach(struct parlos_dev *pd, struct parlos_drb_bind *b);
/* Under RCU: the binding of a UE address or UE id (network role). */
struct parlos_drb_bind *parlos_dev_lookup_addr(struct parlos_dev *pd,
					       __be32 addr);
struct parlos_drb_bind *parlos_dev_lookup_ue_id(struct parlos_dev *pd,
						u16 ue_id);

#if IS_ENABLED(CONFIG_PARLOS_KUNIT_TEST)
struct net_device *parlos_dev_create(struct net *net, const char *name,
				     u16 port);
void parlos_dev_destroy(struct net_device *dev);
#endif

int parlos_dev_init(void);
void parlos_dev_exit(void);

#endif /* PARLOS_DEVICE_H */
