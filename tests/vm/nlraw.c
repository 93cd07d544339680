// SPDX-License-Identifier: GPL-2.0
/*
 * Raw generic netlink plumbing of the VM test tools (nlprobe, ctxload).
 */
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "nlraw.h"

void nlraw_msg_init(struct nlraw *nl, struct nlraw_msg *m, uint16_t type,
		    uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)m->buf;
	struct genlmsghdr *g = (struct genlmsghdr *)(nlh + 1);

	memset(m->buf, 0, NLMSG_HDRLEN + GENL_HDRLEN);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++nl->seq;
	g->cmd = cmd;
	g->version = 1;
	m->len = NLMSG_HDRLEN + GENL_HDRLEN;
}

void nlraw_put_raw(struct nlraw_msg *m, uint16_t type, uint16_t hdr_len,
		   const void *data, size_t len)
{
	struct nlattr *a = (struct nlattr *)(m->buf + m->len);

	if (m->len + NLA_HDRLEN + NLA_ALIGN(len) > NLRAW_BUF)
		return;
	a->nla_type = type;
	a->nla_len = hdr_len;
	if (len)
		memcpy(a + 1, data, len);
	memset((unsigned char *)(a + 1) + len, 0, NLA_ALIGN(len) - len);
	m->len += NLA_HDRLEN + NLA_ALIGN(len);
}

void nlraw_put(struct nlraw_msg *m, uint16_t type, const void *data,
	       size_t len)
{
	nlraw_put_raw(m, type, NLA_HDRLEN + len, data, len);
}

void nlraw_put_u8(struct nlraw_msg *m, uint16_t type, uint8_t v)
{
	nlraw_put(m, type, &v, 1);
}

void nlraw_put_u32(struct nlraw_msg *m, uint16_t type, uint32_t v)
{
	nlraw_put(m, type, &v, 4);
}

int nlraw_send(struct nlraw *nl, struct nlraw_msg *m)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct nlmsghdr *nlh = (struct nlmsghdr *)m->buf;

	nlh->nlmsg_len = m->len;
	if (sendto(nl->fd, m->buf, m->len, 0, (struct sockaddr *)&sa,
		   sizeof(sa)) < 0)
		return -errno;
	return 0;
}

static void extack_of(struct nlmsghdr *r, struct nlmsgerr *e, char *extack,
		      size_t len)
{
	size_t off = NLMSG_HDRLEN + sizeof(*e);
	struct nlattr *a;

	if (!(r->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	/* the request is echoed unless NLM_F_CAPPED */
	if (!(r->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - NLMSG_HDRLEN;
	while (off + NLA_HDRLEN <= r->nlmsg_len) {
		a = (struct nlattr *)((unsigned char *)r + off);
		if (a->nla_len < NLA_HDRLEN)
			break;
		if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG)
			snprintf(extack, len, "%.*s",
				 (int)(a->nla_len - NLA_HDRLEN), (char *)(a + 1));
		off += NLA_ALIGN(a->nla_len);
	}
}

int nlraw_wait(struct nlraw *nl, uint32_t seq, char *extack, size_t len)
{
	static unsigned char rbuf[65536] __attribute__((aligned(4)));

	if (extack)
		extack[0] = 0;
	for (;;) {
		ssize_t n = recv(nl->fd, rbuf, sizeof(rbuf), 0);
		struct nlmsghdr *r;

		if (n < 0)
			return -errno;
		for (r = (struct nlmsghdr *)rbuf; NLMSG_OK(r, (size_t)n);
		     r = NLMSG_NEXT(r, n)) {
			struct nlmsgerr *e;

			if (r->nlmsg_seq != seq)
				continue;
			if (r->nlmsg_type == NLMSG_DONE)
				return 0;
			if (r->nlmsg_type != NLMSG_ERROR)
				continue;
			if (r->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
				return 1;
			e = NLMSG_DATA(r);
			if (e->error && extack)
				extack_of(r, e, extack, len);
			return e->error;
		}
	}
}

int nlraw_open(struct nlraw *nl, const char *family)
{
	static unsigned char rbuf[8192] __attribute__((aligned(4)));
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct nlraw_msg m;
	struct nlmsghdr *nlh;
	int one = 1;
	ssize_t n;

	nl->seq = 0;
	nl->family = 0;
	nl->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (nl->fd < 0 || bind(nl->fd, (struct sockaddr *)&sa, sizeof(sa)))
		return -1;
	setsockopt(nl->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	nlraw_msg_init(nl, &m, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0);
	nlraw_put(&m, CTRL_ATTR_FAMILY_NAME, family, strlen(family) + 1);
	if (nlraw_send(nl, &m))
		return -1;
	n = recv(nl->fd, rbuf, sizeof(rbuf), 0);
	for (nlh = (struct nlmsghdr *)rbuf; n > 0 && NLMSG_OK(nlh, (size_t)n);
	     nlh = NLMSG_NEXT(nlh, n)) {
		size_t off = NLMSG_HDRLEN + GENL_HDRLEN;
		struct nlattr *a;

		if (nlh->nlmsg_type != GENL_ID_CTRL)
			continue;
		while (off + NLA_HDRLEN <= nlh->nlmsg_len) {
			a = (struct nlattr *)((unsigned char *)nlh + off);
			if (a->nla_len < NLA_HDRLEN)
				break;
			if (a->nla_type == CTRL_ATTR_FAMILY_ID)
				memcpy(&nl->family, a + 1, 2);
			off += NLA_ALIGN(a->nla_len);
		}
	}
	return nl->family ? 0 : -1;
}
