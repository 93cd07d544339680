// SPDX-License-Identifier: GPL-2.0
/*
 * pnl: generic netlink requests, replies, events and extended acks on
 * top of libnl-3; see pnl.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/netlink.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "pnl.h"

/* Room for a dump's datagram; pnl_recv() grows it for bigger ones. */
#define PNL_BUF_SIZE	32768
#define PNL_EVENT_RCVBUF	(1 << 20)

void pnl_err_clear(struct pnl_err *e)
{
	e->err = 0;
	e->msg[0] = '\0';
	e->miss_type = -1;
}

int pnl_err_set(struct pnl_err *e, int err, const char *fmt, ...)
{
	va_list ap;

	e->err = err;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return err;
}

int pnl_err_errno(struct pnl_err *e, int err)
{
	e->err = err;
	e->msg[0] = '\0';
	return err;
}

const char *pnl_errstr(const struct pnl_err *e)
{
	if (e->msg[0])
		return e->msg;
	return strerror(e->err < 0 ? -e->err : e->err);
}

/* Extended-ack TLVs */

static const struct nla_policy pnl_ack_policy[NLMSGERR_ATTR_MAX + 1] = {
	[NLMSGERR_ATTR_MSG] = { .type = NLA_UNSPEC },
	[NLMSGERR_ATTR_OFFS] = { .type = NLA_U32 },
	[NLMSGERR_ATTR_MISS_TYPE] = { .type = NLA_U32 },
};

/*
 * Copies the kernel's message into e->msg as one line of printable
 * characters: it ends up on a terminal.
 */
static void pnl_copy_ackmsg(struct pnl_err *e, const struct nlattr *a)
{
	const char *s = nla_data(a);
	size_t len = (size_t)nla_len(a), i, j = 0;

	for (i = 0; i < len && s[i] && j < sizeof(e->msg) - 1; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n' || c == '\t' || c == '\r')
			c = ' ';
		e->msg[j++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	while (j && e->msg[j - 1] == ' ')
		j--;
	e->msg[j] = '\0';
}

/* Parses the TLVs at data (len bytes) into e; ignores broken ones. */
static void pnl_parse_ack_tlvs(void *data, int len, struct pnl_err *e)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	uint32_t v;

	if (len <= 0 || nla_parse(tb, NLMSGERR_ATTR_MAX, data, len,
				  pnl_ack_policy) < 0)
		return;
	if (tb[NLMSGERR_ATTR_MISS_TYPE] &&
	    nla_len(tb[NLMSGERR_ATTR_MISS_TYPE]) == sizeof(v)) {
		memcpy(&v, nla_data(tb[NLMSGERR_ATTR_MISS_TYPE]), sizeof(v));
		e->miss_type = v > 0xffff ? -1 : (int)v;
	}
	if (tb[NLMSGERR_ATTR_MSG])
		pnl_copy_ackmsg(e, tb[NLMSGERR_ATTR_MSG]);
	if (!e->msg[0] && e->miss_type >= 0)
		snprintf(e->msg, sizeof(e->msg), "missing attribute %d",
			 e->miss_type);
}

int pnl_parse_error(struct nlmsghdr *nlh, struct pnl_err *e)
{
	struct nlmsgerr me;
	size_t len, off;
	int err;

	pnl_err_clear(e);
	if (nlh->nlmsg_len < NLMSG_HDRLEN + sizeof(me))
		return pnl_err_set(e, -EPROTO, "truncated netlink error");
	len = nlh->nlmsg_len - NLMSG_HDRLEN;
	memcpy(&me, nlmsg_data(nlh), sizeof(me));
	if (me.error > 0 || me.error < -4095)
		return pnl_err_set(e, -EPROTO, "bad netlink error %d",
				   me.error);
	err = me.error;
	if (!err)
		return 0;
	e->err = err;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return err;
	/* The request comes back whole unless capped, then the TLVs. */
	off = sizeof(me);
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (me.msg.nlmsg_len < NLMSG_HDRLEN)
			return err;
		off += NLMSG_ALIGN((size_t)me.msg.nlmsg_len) - NLMSG_HDRLEN;
	}
	if (off < len)
		pnl_parse_ack_tlvs((char *)nlmsg_data(nlh) + off,
				   (int)(len - off), e);
	return err;
}

int pnl_parse_done(struct nlmsghdr *nlh, struct pnl_err *e)
{
	size_t len = nlh->nlmsg_len - NLMSG_HDRLEN, off;
	int err;

	pnl_err_clear(e);
	if (nlh->nlmsg_len < NLMSG_HDRLEN || len < sizeof(err))
		return 0;	/* old kernels send no payload */
	memcpy(&err, nlmsg_data(nlh), sizeof(err));
	if (err > 0 || err < -4095)
		return pnl_err_set(e, -EPROTO, "bad dump status %d", err);
	if (!err)
		return 0;
	e->err = err;
	off = NLMSG_ALIGN(sizeof(err));
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) && off < len)
		pnl_parse_ack_tlvs((char *)nlmsg_data(nlh) + off,
				   (int)(len - off), e);
	return err;
}

/* Attribute parsing */

/* The first attribute that fails the policy, for the error message. */
static int pnl_bad_attr(struct nlattr *head, int len, int maxtype,
			const struct nla_policy *policy)
{
	struct nlattr *a;
	int rem;

	nla_for_each_attr(a, head, len, rem) {
		int l = NLA_ALIGN(a->nla_len);

		if (l > rem)
			l = a->nla_len;	/* the last one may lack padding */
		if (nla_type(a) <= maxtype &&
		    nla_validate(a, l, maxtype, policy) < 0)
			return nla_type(a);
	}
	return -1;
}

static int pnl_parse_attrs(struct nlattr *head, int len, const char *what,
			   struct nlattr **tb, int maxtype,
			   const struct nla_policy *policy, struct pnl_err *e)
{
	int bad;

	if (nla_parse(tb, maxtype, head, len, policy) >= 0)
		return 0;
	bad = pnl_bad_attr(head, len, maxtype, policy);
	if (bad >= 0)
		return pnl_err_set(e, -EPROTO,
				   "malformed reply: %s attribute %d is invalid",
				   what, bad);
	return pnl_err_set(e, -EPROTO, "malformed reply: bad %s attributes",
			   what);
}

int pnl_parse(struct nlmsghdr *nlh, int hdrlen, struct nlattr **tb,
	      int maxtype, const struct nla_policy *policy,
	      struct pnl_err *e)
{
	struct genlmsghdr *g;

	if (nlh->nlmsg_len < NLMSG_HDRLEN ||
	    !genlmsg_valid_hdr(nlh, hdrlen))
		return pnl_err_set(e, -EPROTO,
				   "malformed reply: truncated header");
	g = nlmsg_data(nlh);
	return pnl_parse_attrs(genlmsg_attrdata(g, hdrlen),
			       genlmsg_attrlen(g, hdrlen), "top-level", tb,
			       maxtype, policy, e);
}

int pnl_parse_nested(struct nlattr *nest, const char *name, struct nlattr **tb,
		     int maxtype, const struct nla_policy *policy,
		     struct pnl_err *e)
{
	if (!nest)
		return pnl_err_set(e, -EPROTO, "malformed reply: %s missing",
				   name);
	return pnl_parse_attrs(nla_data(nest), nla_len(nest), name, tb,
			       maxtype, policy, e);
}

static int pnl_get_fixed(const struct nlattr *a, const char *name, void *v,
			 size_t size, struct pnl_err *e)
{
	if (!a)
		return pnl_err_set(e, -EPROTO, "malformed reply: %s missing",
				   name);
	if ((size_t)nla_len(a) != size)
		return pnl_err_set(e, -EPROTO,
				   "malformed reply: %s has %d bytes, not %zu",
				   name, nla_len(a), size);
	memcpy(v, nla_data(a), size);
	return 0;
}

int pnl_get_u8(const struct nlattr *a, const char *name, uint8_t *v,
	       struct pnl_err *e)
{
	return pnl_get_fixed(a, name, v, sizeof(*v), e);
}

int pnl_get_u16(const struct nlattr *a, const char *name, uint16_t *v,
		struct pnl_err *e)
{
	return pnl_get_fixed(a, name, v, sizeof(*v), e);
}

int pnl_get_u32(const struct nlattr *a, const char *name, uint32_t *v,
		struct pnl_err *e)
{
	return pnl_get_fixed(a, name, v, sizeof(*v), e);
}

int pnl_get_u64(const struct nlattr *a, const char *name, uint64_t *v,
		struct pnl_err *e)
{
	return pnl_get_fixed(a, name, v, sizeof(*v), e);
}

int pnl_get_bin(const struct nlattr *a, const char *name, size_t min,
		size_t max, const void **data, size_t *len,
		struct pnl_err *e)
{
	size_t n;

	if (!a)
		return pnl_err_set(e, -EPROTO, "malformed reply: %s missing",
				   name);
	n = (size_t)nla_len(a);
	if (n < min || n > max) {
		if (min == max)
			return pnl_err_set(e, -EPROTO,
				"malformed reply: %s has %zu bytes, not %zu",
				name, n, min);
		return pnl_err_set(e, -EPROTO,
			"malformed reply: %s has %zu bytes, not %zu to %zu",
			name, n, min, max);
	}
	*data = nla_data(a);
	*len = n;
	return 0;
}

int pnl_copy_bin(const struct nlattr *a, const char *name, size_t min,
		 size_t max, void *out, size_t *len, struct pnl_err *e)
{
	const void *data;
	int err;

	err = pnl_get_bin(a, name, min, max, &data, len, e);
	if (!err && *len)
		memcpy(out, data, *len);
	return err;
}

int pnl_get_str(const struct nlattr *a, const char *name, size_t max,
		const char **s, struct pnl_err *e)
{
	const char *p;
	size_t n;

	if (!a)
		return pnl_err_set(e, -EPROTO, "malformed reply: %s missing",
				   name);
	n = (size_t)nla_len(a);
	p = nla_data(a);
	if (!n || p[n - 1] != '\0' || strlen(p) != n - 1)
		return pnl_err_set(e, -EPROTO,
				   "malformed reply: %s is not a string",
				   name);
	if (n - 1 > max)
		return pnl_err_set(e, -EPROTO,
				   "malformed reply: %s is longer than %zu",
				   name, max);
	*s = p;
	return 0;
}

/* The controller's description of a family */

static const struct nla_policy pnl_ctrl_policy[CTRL_ATTR_MAX + 1] = {
	[CTRL_ATTR_FAMILY_ID] = { .type = NLA_U16 },
	[CTRL_ATTR_FAMILY_NAME] = { .type = NLA_UNSPEC },
	[CTRL_ATTR_VERSION] = { .type = NLA_U32 },
	[CTRL_ATTR_HDRSIZE] = { .type = NLA_U32 },
	[CTRL_ATTR_MAXATTR] = { .type = NLA_U32 },
	[CTRL_ATTR_MCAST_GROUPS] = { .type = NLA_NESTED },
};

static const struct nla_policy pnl_grp_policy[CTRL_ATTR_MCAST_GRP_MAX + 1] = {
	[CTRL_ATTR_MCAST_GRP_NAME] = { .type = NLA_UNSPEC },
	[CTRL_ATTR_MCAST_GRP_ID] = { .type = NLA_U32 },
};

static int pnl_parse_grps(struct nlattr *nest, struct pnl_family *f,
			  struct pnl_err *e)
{
	struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1], *g;
	const char *name;
	int rem, err;

	nla_for_each_nested(g, nest, rem) {
		struct pnl_grp *grp = &f->grps[f->ngrps];

		/* More groups than room: the first ones are kept. */
		if (f->ngrps == PNL_MAX_GRPS)
			break;
		err = pnl_parse_nested(g, "multicast group", tb,
				       CTRL_ATTR_MCAST_GRP_MAX, pnl_grp_policy,
				       e);
		if (!err)
			err = pnl_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME],
					  "group name", GENL_NAMSIZ - 1, &name,
					  e);
		if (!err)
			err = pnl_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID],
					  "group id", &grp->id, e);
		if (err)
			return err;
		memcpy(grp->name, name, strlen(name) + 1);
		f->ngrps++;
	}
	return 0;
}

int pnl_parse_family(struct nlmsghdr *nlh, struct pnl_family *f,
		     struct pnl_err *e)
{
	struct nlattr *tb[CTRL_ATTR_MAX + 1];
	int err;

	memset(f, 0, sizeof(*f));
	err = pnl_parse(nlh, 0, tb, CTRL_ATTR_MAX, pnl_ctrl_policy, e);
	if (!err)
		err = pnl_get_u16(tb[CTRL_ATTR_FAMILY_ID], "family id", &f->id,
				  e);
	if (!err && tb[CTRL_ATTR_VERSION])
		err = pnl_get_u32(tb[CTRL_ATTR_VERSION], "family version",
				  &f->version, e);
	if (!err && tb[CTRL_ATTR_HDRSIZE])
		err = pnl_get_u32(tb[CTRL_ATTR_HDRSIZE], "header size",
				  &f->hdrsize, e);
	if (!err && tb[CTRL_ATTR_MAXATTR])
		err = pnl_get_u32(tb[CTRL_ATTR_MAXATTR], "maximum attribute",
				  &f->maxattr, e);
	if (!err && tb[CTRL_ATTR_MCAST_GROUPS])
		err = pnl_parse_grps(tb[CTRL_ATTR_MCAST_GROUPS], f, e);
	if (!err && !f->id)
		err = pnl_err_set(e, -EPROTO, "malformed reply: family id 0");
	return err;
}

int pnl_grp_id(const struct pnl_family *f, const char *group, uint32_t *id)
{
	size_t i;

	for (i = 0; i < f->ngrps; i++) {
		if (!strcmp(f->grps[i].name, group)) {
			*id = f->grps[i].id;
			return 0;
		}
	}
	return -ENOENT;
}

/* Replies */

void pnl_reply_init(struct pnl_reply *r)
{
	memset(r, 0, sizeof(*r));
}

void pnl_reply_clear(struct pnl_reply *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		explicit_bzero(r->msg[i], r->msg[i]->nlmsg_len);
		free(r->msg[i]);
	}
	free(r->msg);
	pnl_reply_init(r);
}

static int pnl_reply_add(struct pnl_reply *r, const struct nlmsghdr *nlh)
{
	struct nlmsghdr *copy;

	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 8;
		struct nlmsghdr **m = realloc(r->msg, cap * sizeof(*m));

		if (!m)
			return -ENOMEM;
		r->msg = m;
		r->cap = cap;
	}
	copy = malloc(nlh->nlmsg_len);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, nlh, nlh->nlmsg_len);
	r->msg[r->n++] = copy;
	return 0;
}

/* The socket */

int pnl_open(struct pnl *p, const char *family, struct pnl_err *e)
{
	struct pnl_reply r;
	struct nl_msg *msg;
	int one = 1, err;

	memset(p, 0, sizeof(*p));
	p->fd = -1;
	pnl_err_clear(e);
	p->sk = nl_socket_alloc();
	p->buf = malloc(PNL_BUF_SIZE);
	if (!p->sk || !p->buf) {
		pnl_close(p);
		return pnl_err_errno(e, -ENOMEM);
	}
	p->bufsz = PNL_BUF_SIZE;
	errno = 0;
	if (nl_connect(p->sk, NETLINK_GENERIC) < 0) {
		err = errno ? -errno : -EIO;
		pnl_close(p);
		return pnl_err_set(e, err, "cannot open a netlink socket: %s",
				   strerror(-err));
	}
	p->fd = nl_socket_get_fd(p->sk);
	p->portid = nl_socket_get_local_port(p->sk);
	p->seq = (uint32_t)time(NULL);
	/* Old kernels lack these; errors then come without a message. */
	setsockopt(p->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(p->fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));

	msg = nlmsg_alloc_size(1024);
	if (!msg || !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, GENL_ID_CTRL,
				 0, 0, CTRL_CMD_GETFAMILY, 1) ||
	    nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, family) < 0) {
		nlmsg_free(msg);
		pnl_close(p);
		return pnl_err_errno(e, -ENOMEM);
	}
	pnl_reply_init(&r);
	err = pnl_request(p, msg, &r, e);
	nlmsg_free(msg);
	if (!err && !r.n)
		err = pnl_err_set(e, -EPROTO, "malformed reply: no family");
	if (!err)
		err = pnl_parse_family(r.msg[0], &p->fam, e);
	pnl_reply_clear(&r);
	if (err)
		pnl_close(p);
	return err;
}

int pnl_init_fd(struct pnl *p, int fd, uint32_t portid,
		const struct pnl_family *fam)
{
	memset(p, 0, sizeof(*p));
	p->fd = -1;
	p->buf = malloc(PNL_BUF_SIZE);
	if (!p->buf)
		return -ENOMEM;
	p->bufsz = PNL_BUF_SIZE;
	p->fd = fd;
	p->portid = portid;
	p->fam = *fam;
	return 0;
}

void pnl_close(struct pnl *p)
{
	if (p->sk)
		nl_socket_free(p->sk);	/* closes p->fd */
	else if (p->fd >= 0)
		close(p->fd);
	p->sk = NULL;
	p->fd = -1;
	if (p->buf) {
		explicit_bzero(p->buf, p->bufsz);
		free(p->buf);
	}
	p->buf = NULL;
	p->bufsz = 0;
}

int pnl_join(struct pnl *p, const char *group, struct pnl_err *e)
{
	int size = PNL_EVENT_RCVBUF;
	uint32_t id;

	pnl_err_clear(e);
	if (pnl_grp_id(&p->fam, group, &id))
		return pnl_err_set(e, -ENOENT,
				   "the family has no multicast group \"%s\"",
				   group);
	/* Bursts of events should not overrun the default buffer. */
	setsockopt(p->fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (setsockopt(p->fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &id,
		       sizeof(id)) < 0)
		return pnl_err_errno(e, -errno);
	return 0;
}

struct nl_msg *pnl_msg_new_size(const struct pnl *p, uint8_t cmd, int flags,
				size_t size)
{
	struct nl_msg *msg = nlmsg_alloc_size(size);

	if (!msg)
		return NULL;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, p->fam.id, 0, flags,
			 cmd, (uint8_t)p->fam.version)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

struct nl_msg *pnl_msg_new(const struct pnl *p, uint8_t cmd, int flags)
{
	return pnl_msg_new_size(p, cmd, flags, PNL_MSG_SIZE);
}

/*
 * Receives one datagram from the kernel into p->buf, growing it when
 * the datagram is bigger (peeked first). Returns its length or -errno.
 */
static ssize_t pnl_recv(struct pnl *p)
{
	struct sockaddr_nl sa;
	struct iovec iov;
	struct msghdr mh;
	ssize_t n;

	for (;;) {
		n = recv(p->fd, p->buf, p->bufsz, MSG_PEEK | MSG_TRUNC);
		if (n < 0)
			return -errno;
		if ((size_t)n > p->bufsz) {
			size_t sz = ((size_t)n + 4095) & ~(size_t)4095;
			unsigned char *b = malloc(sz);

			if (!b)
				return -ENOMEM;
			explicit_bzero(p->buf, p->bufsz);
			free(p->buf);
			p->buf = b;
			p->bufsz = sz;
			continue;
		}
		memset(&mh, 0, sizeof(mh));
		memset(&sa, 0, sizeof(sa));
		iov.iov_base = p->buf;
		iov.iov_len = p->bufsz;
		mh.msg_name = &sa;
		mh.msg_namelen = sizeof(sa);
		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		n = recvmsg(p->fd, &mh, 0);
		if (n < 0)
			return -errno;
		if (mh.msg_flags & MSG_TRUNC) {
			explicit_bzero(p->buf, p->bufsz);
			return -EMSGSIZE;
		}
		if (sa.nl_pid == 0)
			return n;
		/* Not from the kernel: not ours to read. */
		explicit_bzero(p->buf, (size_t)n);
	}
}

/* What one message of a reply means for the request. */
static int pnl_take(struct nlmsghdr *h, uint16_t type, bool dump,
		    struct pnl_reply *r, struct pnl_err *e, bool *done)
{
	if (h->nlmsg_flags & NLM_F_DUMP_INTR)
		r->intr = true;
	switch (h->nlmsg_type) {
	case NLMSG_NOOP:
		return 0;
	case NLMSG_ERROR:
		*done = true;
		return pnl_parse_error(h, e);
	case NLMSG_DONE:
		*done = true;
		return dump ? pnl_parse_done(h, e) : 0;
	case NLMSG_OVERRUN:
		*done = true;
		return pnl_err_errno(e, -EOVERFLOW);
	}
	if (h->nlmsg_type != type)
		return 0;
	if (pnl_reply_add(r, h) < 0) {
		*done = true;
		return pnl_err_errno(e, -ENOMEM);
	}
	return 0;
}

/* Collects the replies to request seq until its ack, error or done. */
static int pnl_collect(struct pnl *p, uint32_t seq, uint16_t type, bool dump,
		       struct pnl_reply *r, struct pnl_err *e)
{
	bool done = false;
	int err = 0;

	while (!done) {
		struct nlmsghdr *h;
		ssize_t n = pnl_recv(p);
		int rem;

		if (n == -EINTR)
			continue;
		if (n < 0)
			return pnl_err_errno(e, (int)n);
		rem = (int)n;
		for (h = (struct nlmsghdr *)p->buf; !done && nlmsg_ok(h, rem);
		     h = nlmsg_next(h, &rem)) {
			if (h->nlmsg_seq != seq || h->nlmsg_pid != p->portid)
				continue;	/* stale, from an earlier request */
			err = pnl_take(h, type, dump, r, e, &done);
		}
		if (!done && rem)
			err = pnl_err_set(e, -EPROTO,
					  "malformed reply: truncated message");
		explicit_bzero(p->buf, (size_t)n);
		if (err && !done)
			return err;
	}
	return err;
}

int pnl_request(struct pnl *p, struct nl_msg *msg, struct pnl_reply *r,
		struct pnl_err *e)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	bool dump = (nlh->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	ssize_t n;

	pnl_err_clear(e);
	if (p->fd < 0)
		return pnl_err_errno(e, -EBADF);
	/* A dump ends with NLMSG_DONE: no ack needed. */
	nlh->nlmsg_flags |= NLM_F_REQUEST | (dump ? 0 : NLM_F_ACK);
	if (++p->seq == 0)
		p->seq = 1;	/* 0 is for events */
	nlh->nlmsg_seq = p->seq;
	nlh->nlmsg_pid = p->portid;
	do {
		n = send(p->fd, nlh, nlh->nlmsg_len, 0);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return pnl_err_errno(e, -errno);
	if ((size_t)n != nlh->nlmsg_len)
		return pnl_err_errno(e, -EIO);
	return pnl_collect(p, nlh->nlmsg_seq, nlh->nlmsg_type, dump, r, e);
}

int pnl_dump(struct pnl *p, struct nl_msg *msg, struct pnl_reply *r,
	     unsigned int tries, struct pnl_err *e)
{
	unsigned int i;
	int err;

	if ((nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP) != NLM_F_DUMP)
		return pnl_err_errno(e, -EINVAL);
	if (!tries)
		tries = PNL_DUMP_TRIES;
	for (i = 0; i < tries; i++) {
		pnl_reply_clear(r);
		err = pnl_request(p, msg, r, e);
		if (err || !r->intr)
			return err;
	}
	pnl_reply_clear(r);
	return pnl_err_set(e, -EAGAIN,
			   "dump interrupted by concurrent changes %u times",
			   tries);
}

int pnl_recv_events(struct pnl *p, pnl_msg_fn fn, void *arg,
		    struct pnl_err *e)
{
	struct nlmsghdr *h;
	ssize_t n;
	int rem, ret = 0;

	pnl_err_clear(e);
	n = pnl_recv(p);
	if (n < 0)
		return pnl_err_errno(e, (int)n);
	rem = (int)n;
	for (h = (struct nlmsghdr *)p->buf; nlmsg_ok(h, rem);
	     h = nlmsg_next(h, &rem)) {
		if (h->nlmsg_type != p->fam.id)
			continue;
		ret = fn(h, arg);
		if (ret)
			break;
	}
	explicit_bzero(p->buf, (size_t)n);
	return ret;
}
