// SPDX-License-Identifier: GPL-2.0
/*
 * The parlos link kind: "ip link add parlos0 type parlos [port P]"
 * (IFLA_PARLOS_PORT; changeable while the device is down). The UDP
 * tunnel socket exists while the device is up. A device cannot change
 * namespace, so its socket, its contexts and itself share one; the
 * core deletes it with the namespace, before the contexts go.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/if_arp.h>
#include <linux/module.h>
#include <linux/rhashtable.h>
#include <linux/rtnetlink.h>
#include <net/ip_tunnels.h>
#include <net/rtnetlink.h>
#include <net/udp_tunnel.h>

#include "device.h"
#include "drb.h"
#include "netns.h"
#include "uapi/parlos.h"

/* IPv4, UDP, framing, PDCP header (18-bit SN), MAC-I */
#define PARLOS_DEV_OVERHEAD	(sizeof(struct iphdr) + sizeof(struct udphdr) + \
				 PARLOS_FRAMING_UP_LEN + PARLOS_PDCP_UP_HDR_MAX + \
				 PARLOS_PDCP_UP_MAC_LEN)

static struct rtnl_link_ops parlos_link_ops;

static const struct rhashtable_params addr_params = {
	.head_offset = offsetof(struct parlos_drb_bind, addr_node),
	.key_offset = offsetof(struct parlos_drb_bind, ue_addr),
	.key_len = sizeof(__be32),
	.automatic_shrinking = true,
};

static const struct rhashtable_params ue_id_params = {
	.head_offset = offsetof(struct parlos_drb_bind, ue_id_node),
	.key_offset = offsetof(struct parlos_drb_bind, ue_id),
	.key_len = sizeof(u16),
	.automatic_shrinking = true,
};

struct parlos_dev *parlos_dev_find(struct net *net, int ifindex)
{
	struct net_device *dev = __dev_get_by_index(net, ifindex);

	ASSERT_RTNL();
	if (!dev || dev->rtnl_link_ops != &parlos_link_ops)
		return NULL;
	return netdev_priv(dev);
}

struct parlos_drb_bind *parlos_dev_lookup_addr(struct parlos_dev *pd,
					       __be32 addr)
{
	return rhashtable_lookup(&pd->by_addr, &addr, addr_params);
}

struct parlos_drb_bind *parlos_dev_lookup_ue_id(struct parlos_dev *pd,
						u16 ue_id)
{
	return rhashtable_lookup(&pd->by_ue_id, &ue_id, ue_id_params);
}

/* The first binding fixes the role; a namespace has one device of each. */
static int dev_take_role(struct parlos_dev *pd, u8 role,
			 struct netlink_ext_ack *extack)
{
	struct parlos_dev *other;

	if (pd->role) {
		if (pd->role == role)
			return 0;
		NL_SET_ERR_MSG(extack,
			       "the device carries contexts of the other role");
		return -EINVAL;
	}
	list_for_each_entry(other, &pd->pn->devs, list) {
		if (other != pd && other->role == role) {
			NL_SET_ERR_MSG(extack,
				       "the namespace has a parlos device of this role already");
			return -EBUSY;
		}
	}
	WRITE_ONCE(pd->role, role);
	return 0;
}

int parlos_dev_attach(struct parlos_dev *pd, struct parlos_drb_bind *b,
		      struct netlink_ext_ack *extack)
{
	u8 role = b->tx_cfg.dir ? PARLOS_ROLE_NETWORK : PARLOS_ROLE_ME;
	int err;

	ASSERT_RTNL();
	err = dev_take_role(pd, role, extack);
	if (err)
		return err;
	if (role == PARLOS_ROLE_ME) {
		if (rtnl_dereference(pd->me)) {
			NL_SET_ERR_MSG(extack, "an ME device carries one context");
			return -EBUSY;
		}
		rcu_assign_pointer(pd->me, b);
	} else {
		err = rhashtable_lookup_insert_fast(&pd->by_ue_id,
						    &b->ue_id_node, ue_id_params);
		if (err == -EEXIST)
			NL_SET_ERR_MSG(extack, "UE id already bound on this device");
		else if (err)
			NL_SET_ERR_MSG(extack, "could not add the UE id");
		if (err)
			return err;
		err = rhashtable_lookup_insert_fast(&pd->by_addr,
						    &b->addr_node, addr_params);
		if (err == -EEXIST)
			NL_SET_ERR_MSG(extack, "UE address already bound on this device");
		else if (err)
			NL_SET_ERR_MSG(extack, "could not add the UE address");
		if (err) {
			rhashtable_remove_fast(&pd->by_ue_id, &b->ue_id_node,
					       ue_id_params);
			return err;
		}
	}
	list_add_tail(&b->dev_node, &pd->binds);
	return 0;
}

void parlos_dev_detach(struct parlos_dev *pd, struct parlos_drb_bind *b)
{
	ASSERT_RTNL();
	if (rtnl_dereference(pd->me) == b) {
		RCU_INIT_POINTER(pd->me, NULL);
	} else {
		rhashtable_remove_fast(&pd->by_addr, &b->addr_node, addr_params);
		rhashtable_remove_fast(&pd->by_ue_id, &b->ue_id_node,
				       ue_id_params);
	}
	list_del(&b->dev_node);
}

/* The tunnel socket's receive hook: skb->data is at the UDP header. */
static int parlos_encap_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct parlos_dev *pd = rcu_dereference_sk_user_data(sk);

	if (unlikely(!pd))
		kfree_skb(skb);
	else
		parlos_drb_rcv(pd, skb);
	return 0;
}

static int parlos_open(struct net_device *dev)
{
	struct parlos_dev *pd = netdev_priv(dev);
	struct udp_tunnel_sock_cfg cfg = {
		.sk_user_data = pd,
		.encap_type = 1,	/* any non-zero: encap_rcv is ours */
		.encap_rcv = parlos_encap_rcv,
	};
	struct udp_port_cfg port = {
		.family = AF_INET,
		.local_ip.s_addr = htonl(INADDR_ANY),
		.local_udp_port = htons(pd->port),
	};
	struct socket *sock;
	int err;

	err = udp_sock_create(dev_net(dev), &port, &sock);
	if (err) {
		netdev_err(dev, "cannot open UDP port %u: %d\n", pd->port, err);
		return err;
	}
	setup_udp_tunnel_sock(dev_net(dev), sock, &cfg);
	rcu_assign_pointer(pd->sock, sock);
	netif_start_queue(dev);
	return 0;
}

static int parlos_stop(struct net_device *dev)
{
	struct parlos_dev *pd = netdev_priv(dev);
	struct socket *sock = rtnl_dereference(pd->sock);

	netif_stop_queue(dev);
	RCU_INIT_POINTER(pd->sock, NULL);
	/* Senders look the socket up under RCU. */
	synchronize_net();
	if (sock)
		udp_tunnel_sock_release(sock);
	return 0;
}

static netdev_tx_t parlos_start_xmit(struct sk_buff *skb,
				     struct net_device *dev)
{
	return parlos_drb_xmit(netdev_priv(dev), skb);
}

static int parlos_ndo_init(struct net_device *dev)
{
	struct parlos_dev *pd = netdev_priv(dev);
	int err;

	dev->tstats = netdev_alloc_pcpu_stats(struct pcpu_sw_netstats);
	if (!dev->tstats)
		return -ENOMEM;
	err = rhashtable_init(&pd->by_addr, &addr_params);
	if (err)
		goto err_stats;
	err = rhashtable_init(&pd->by_ue_id, &ue_id_params);
	if (err)
		goto err_addr;
	return 0;

err_addr:
	rhashtable_destroy(&pd->by_addr);
err_stats:
	free_percpu(dev->tstats);
	return err;
}

/* After the device left the lists and a grace period: no reader left. */
static void parlos_ndo_uninit(struct net_device *dev)
{
	struct parlos_dev *pd = netdev_priv(dev);

	rhashtable_destroy(&pd->by_ue_id);
	rhashtable_destroy(&pd->by_addr);
	free_percpu(dev->tstats);
}

static const struct net_device_ops parlos_netdev_ops = {
	.ndo_init = parlos_ndo_init,
	.ndo_uninit = parlos_ndo_uninit,
	.ndo_open = parlos_open,
	.ndo_stop = parlos_stop,
	.ndo_start_xmit = parlos_start_xmit,
	.ndo_get_stats64 = dev_get_tstats64,
};

static void parlos_setup(struct net_device *dev)
{
	struct parlos_dev *pd = netdev_priv(dev);

	dev->netdev_ops = &parlos_netdev_ops;
	dev->header_ops = &ip_tunnel_header_ops;
	dev->hard_header_len = 0;
	dev->addr_len = 0;
	dev->type = ARPHRD_NONE;
	dev->flags = IFF_POINTOPOINT | IFF_NOARP;
	dev->priv_flags |= IFF_NO_QUEUE;
	/* No checksum or GSO offload: the stack hands us finished packets. */
	dev->features |= NETIF_F_LLTX | NETIF_F_NETNS_LOCAL;
	dev->needed_headroom = LL_MAX_HEADER + PARLOS_DEV_OVERHEAD;
	dev->needed_tailroom = PARLOS_PDCP_UP_MAC_LEN;
	dev->mtu = ETH_DATA_LEN - PARLOS_DEV_OVERHEAD;
	dev->min_mtu = IPV4_MIN_MTU;
	dev->max_mtu = IP_MAX_MTU - PARLOS_DEV_OVERHEAD;
	dev->needs_free_netdev = true;
	netif_keep_dst(dev);

	memset(pd, 0, sizeof(*pd));
	pd->dev = dev;
	pd->port = PARLOS_DRB_PORT;
	INIT_LIST_HEAD(&pd->binds);
}

static const struct nla_policy parlos_link_policy[IFLA_PARLOS_MAX + 1] = {
	[IFLA_PARLOS_PORT] = NLA_POLICY_MIN(NLA_U16, 1),
	[IFLA_PARLOS_ROLE] = {
		.type = NLA_REJECT,
		.reject_message = "the role is set by the first DRB binding",
	},
};

static int parlos_newlink(struct net *src_net, struct net_device *dev,
			  struct nlattr *tb[], struct nlattr *data[],
			  struct netlink_ext_ack *extack)
{
	struct parlos_dev *pd = netdev_priv(dev);
	int err;

	pd->pn = parlos_net(dev_net(dev));
	if (data && data[IFLA_PARLOS_PORT])
		pd->port = nla_get_u16(data[IFLA_PARLOS_PORT]);
	err = register_netdevice(dev);
	if (err)
		return err;
	list_add(&pd->list, &pd->pn->devs);
	return 0;
}

static int parlos_changelink(struct net_device *dev, struct nlattr *tb[],
			     struct nlattr *data[],
			     struct netlink_ext_ack *extack)
{
	struct parlos_dev *pd = netdev_priv(dev);

	if (!data || !data[IFLA_PARLOS_PORT])
		return 0;
	if (dev->flags & IFF_UP) {
		NL_SET_ERR_MSG_ATTR(extack, data[IFLA_PARLOS_PORT],
				    "the port can change only while the device is down");
		return -EBUSY;
	}
	pd->port = nla_get_u16(data[IFLA_PARLOS_PORT]);
	return 0;
}

static void parlos_dellink(struct net_device *dev, struct list_head *head)
{
	struct parlos_dev *pd = netdev_priv(dev);

	parlos_drb_dev_gone(pd);
	list_del(&pd->list);
	unregister_netdevice_queue(dev, head);
}

static size_t parlos_get_size(const struct net_device *dev)
{
	return nla_total_size(sizeof(u16)) + nla_total_size(sizeof(u8));
}

static int parlos_fill_info(struct sk_buff *skb, const struct net_device *dev)
{
	struct parlos_dev *pd = netdev_priv(dev);

	if (nla_put_u16(skb, IFLA_PARLOS_PORT, pd->port) ||
	    nla_put_u8(skb, IFLA_PARLOS_ROLE, READ_ONCE(pd->role)))
		return -EMSGSIZE;
	return 0;
}

static struct rtnl_link_ops parlos_link_ops __read_mostly = {
	.kind = PARLOS_LINK_KIND,
	.priv_size = sizeof(struct parlos_dev),
	.setup = parlos_setup,
	.maxtype = IFLA_PARLOS_MAX,
	.policy = parlos_link_policy,
	.newlink = parlos_newlink,
	.changelink = parlos_changelink,
	.dellink = parlos_dellink,
	.get_size = parlos_get_size,
	.fill_info = parlos_fill_info,
};

#if IS_ENABLED(CONFIG_PARLOS_KUNIT_TEST)
/* For KUnit: what "ip link add NAME type parlos port P" and "up" do. */
struct net_device *parlos_dev_create(struct net *net, const char *name,
				     u16 port)
{
	struct net_device *dev;
	int err;

	dev = alloc_netdev(sizeof(struct parlos_dev), name, NET_NAME_USER,
			   parlos_setup);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	dev_net_set(dev, net);
	dev->rtnl_link_ops = &parlos_link_ops;
	((struct parlos_dev *)netdev_priv(dev))->port = port;
	rtnl_lock();
	err = parlos_newlink(net, dev, NULL, NULL, NULL);
	if (err) {
		rtnl_unlock();
		free_netdev(dev);
		return ERR_PTR(err);
	}
	err = dev_open(dev, NULL);
	rtnl_unlock();
	if (err) {
		parlos_dev_destroy(dev);
		return ERR_PTR(err);
	}
	return dev;
}

void parlos_dev_destroy(struct net_device *dev)
{
	LIST_HEAD(list);

	rtnl_lock();
	parlos_dellink(dev, &list);
	unregister_netdevice_many(&list);
	rtnl_unlock();
}
#endif

int parlos_dev_init(void)
{
	return rtnl_link_register(&parlos_link_ops);
}

/* Deletes every parlos device in every namespace. */
void parlos_dev_exit(void)
{
	rtnl_link_unregister(&parlos_link_ops);
}

MODULE_ALIAS_RTNL_LINK(PARLOS_LINK_KIND);
