// SPDX-License-Identifier: GPL-2.0
/*
 * rtnetlink for the user plane, through pnl (userspace/lib) on a
 * NETLINK_ROUTE socket, so refusals come with the kernel's extack.
 */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/msg.h>

#include "netdev.h"
#include "pnl.h"

struct netdev {
	struct pnl p;
};

static int err_set(struct kern_err *e, int err, const char *msg)
{
	e->err = err;
	snprintf(e->msg, sizeof(e->msg), "%s", msg);
	return err;
}

int netdev_open(struct netdev **nd, struct kern_err *e)
{
	static const struct pnl_family none;
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	socklen_t sl = sizeof(sa);
	int fd, one = 1;

	*nd = calloc(1, sizeof(**nd));
	if (!*nd)
		return err_set(e, -ENOMEM, "out of memory");
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    getsockname(fd, (struct sockaddr *)&sa, &sl)) {
		err_set(e, -errno, "");
		if (fd >= 0)
			close(fd);
		free(*nd);
		*nd = NULL;
		return e->err;
	}
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	if (pnl_init_fd(&(*nd)->p, fd, sa.nl_pid, &none)) {
		close(fd);
		free(*nd);
		*nd = NULL;
		return err_set(e, -ENOMEM, "out of memory");
	}
	return 0;
}

void netdev_close(struct netdev *nd)
{
	if (!nd)
		return;
	pnl_close(&nd->p);
	free(nd);
}

/* Sends m (freed here) and waits for the ack */
static int run(struct netdev *nd, struct nl_msg *m, struct kern_err *e)
{
	struct pnl_reply r;
	struct pnl_err pe;
	int err;

	if (!m)
		return err_set(e, -ENOMEM, "out of memory (netlink message)");
	pnl_reply_init(&r);
	err = pnl_request(&nd->p, m, &r, &pe);
	pnl_reply_clear(&r);
	nlmsg_free(m);
	if (err) {
		e->err = pe.err;
		snprintf(e->msg, sizeof(e->msg), "%s", pe.msg);
	}
	return err;
}

static struct nl_msg *link_msg(int type, int flags, int ifindex,
			       unsigned int up)
{
	struct ifinfomsg ifi = {
		.ifi_family = AF_UNSPEC, .ifi_index = ifindex,
		.ifi_flags = up, .ifi_change = up,
	};
	struct nl_msg *m = nlmsg_alloc_simple(type, flags);

	if (m && nlmsg_append(m, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(m);
		return NULL;
	}
	return m;
}

static int link_create(struct netdev *nd, const char *name, uint16_t port,
		       struct kern_err *e)
{
	struct nl_msg *m = link_msg(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL,
				    0, 0);
	struct nlattr *info, *data;

	if (!m || nla_put_string(m, IFLA_IFNAME, name) < 0 ||
	    !(info = nla_nest_start(m, IFLA_LINKINFO)) ||
	    nla_put_string(m, IFLA_INFO_KIND, PARLOS_LINK_KIND) < 0 ||
	    !(data = nla_nest_start(m, IFLA_INFO_DATA)) ||
	    nla_put_u16(m, IFLA_PARLOS_PORT, port) < 0) {
		nlmsg_free(m);
		m = NULL;
	} else {
		nla_nest_end(m, data);
		nla_nest_end(m, info);
	}
	return run(nd, m, e);
}

int netdev_setup(struct netdev *nd, const char *name, uint16_t port,
		 int *ifindex, bool *created, struct kern_err *e)
{
	int err;

	*created = false;
	*ifindex = (int)if_nametoindex(name);
	if (!*ifindex) {
		err = link_create(nd, name, port, e);
		if (err)
			return err;
		*created = true;
		*ifindex = (int)if_nametoindex(name);
		if (!*ifindex)
			return err_set(e, -ENODEV, "device gone once made");
	}
	return run(nd, link_msg(RTM_NEWLINK, 0, *ifindex, IFF_UP), e);
}

int netdev_addr(struct netdev *nd, bool add, int ifindex, uint32_t addr,
		uint8_t prefix, struct kern_err *e)
{
	struct ifaddrmsg ifa = {
		.ifa_family = AF_INET, .ifa_prefixlen = prefix,
		.ifa_scope = RT_SCOPE_UNIVERSE, .ifa_index = (uint32_t)ifindex,
	};
	struct nl_msg *m = nlmsg_alloc_simple(add ? RTM_NEWADDR : RTM_DELADDR,
					      add ? NLM_F_CREATE | NLM_F_EXCL :
						    0);
	uint32_t a = htonl(addr);
	int err;

	if (m && (nlmsg_append(m, &ifa, sizeof(ifa), NLMSG_ALIGNTO) < 0 ||
		  nla_put_u32(m, IFA_LOCAL, a) < 0 ||
		  nla_put_u32(m, IFA_ADDRESS, a) < 0)) {
		nlmsg_free(m);
		m = NULL;
	}
	err = run(nd, m, e);
	return add && err == -EEXIST ? 0 : err;
}

int netdev_route(struct netdev *nd, bool add, int ifindex, uint32_t net,
		 uint8_t prefix, uint32_t src, struct kern_err *e)
{
	struct rtmsg rt = {
		.rtm_family = AF_INET, .rtm_dst_len = prefix,
		.rtm_table = RT_TABLE_MAIN, .rtm_protocol = RTPROT_STATIC,
		.rtm_scope = RT_SCOPE_LINK, .rtm_type = RTN_UNICAST,
	};
	struct nl_msg *m = nlmsg_alloc_simple(add ? RTM_NEWROUTE : RTM_DELROUTE,
					      add ? NLM_F_CREATE | NLM_F_EXCL :
						    0);
	int err;

	if (!add)
		rt.rtm_scope = RT_SCOPE_NOWHERE;
	if (m && (nlmsg_append(m, &rt, sizeof(rt), NLMSG_ALIGNTO) < 0 ||
		  (prefix && nla_put_u32(m, RTA_DST, htonl(net)) < 0) ||
		  nla_put_u32(m, RTA_OIF, (uint32_t)ifindex) < 0 ||
		  (src && nla_put_u32(m, RTA_PREFSRC, htonl(src)) < 0))) {
		nlmsg_free(m);
		m = NULL;
	}
	err = run(nd, m, e);
	return add && err == -EEXIST ? 0 : err;
}
