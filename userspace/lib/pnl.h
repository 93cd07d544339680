/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pnl: a small generic netlink helper on top of libnl-3, shared by
 * parlosctl and parlosd.
 *
 *	struct pnl p;
 *	struct pnl_err e;
 *	struct pnl_reply r;
 *
 *	pnl_open(&p, PARLOS_GENL_NAME, &e);	-ENOENT: no such family
 *	msg = pnl_msg_new(&p, PARLOS_CMD_CTX_GET, 0);
 *	nla_put_u32(msg, PARLOS_A_CTX_ID, id);
 *	pnl_reply_init(&r);
 *	err = pnl_request(&p, msg, &r, &e);	r.msg[0 .. r.n) the replies
 *	...pnl_parse(r.msg[0], tb, PARLOS_A_MAX, policy, &e), pnl_get_*()...
 *	pnl_reply_clear(&r);
 *	nlmsg_free(msg);
 *	pnl_close(&p);
 *
 * libnl builds the requests and parses attributes; pnl runs the receive
 * loop itself so that it owns every buffer a reply passes through and
 * can wipe it (replies may carry exported keys), and so that it sees
 * the NLM_F_DUMP_INTR flag and the extended ack of an error.
 *
 * Every function returns 0 or a negative errno. Those given a struct
 * pnl_err fill it on failure: err (the negative errno) and msg, the
 * kernel's extended-ack message or a local explanation ("" if none);
 * pnl_errstr() gives the text to show. Malformed replies fail with
 * -EPROTO and say what was wrong in msg.
 *
 * Not thread-safe: one struct pnl per thread.
 */
#ifndef PARLOS_PNL_H
#define PARLOS_PNL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/genetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>

#define PNL_ERRMSG_MAX	256
#define PNL_MAX_GRPS	16
/* Default size of a request built by pnl_msg_new() */
#define PNL_MSG_SIZE	16384
/* Default number of attempts of an interrupted dump */
#define PNL_DUMP_TRIES	5

struct pnl_err {
	int err;			/* negative errno, 0 if none */
	char msg[PNL_ERRMSG_MAX];	/* extack message or local text */
	int miss_type;			/* NLMSGERR_ATTR_MISS_TYPE, or -1 */
};

struct pnl_grp {
	char name[GENL_NAMSIZ];
	uint32_t id;
};

/* What the controller says about a family (CTRL_CMD_GETFAMILY). */
struct pnl_family {
	uint16_t id;
	uint32_t version;
	uint32_t hdrsize;
	uint32_t maxattr;
	size_t ngrps;
	struct pnl_grp grps[PNL_MAX_GRPS];
};

struct pnl {
	struct nl_sock *sk;
	int fd;
	uint32_t portid;
	uint32_t seq;
	struct pnl_family fam;
	unsigned char *buf;		/* receive buffer, grows as needed */
	size_t bufsz;
};

/* Copies of the data messages of one reply, in arrival order. */
struct pnl_reply {
	struct nlmsghdr **msg;
	size_t n;
	size_t cap;
	bool intr;			/* a message had NLM_F_DUMP_INTR */
};

/* Called by pnl_recv_events() for each message; nonzero stops the loop. */
typedef int (*pnl_msg_fn)(struct nlmsghdr *nlh, void *arg);

void pnl_err_clear(struct pnl_err *e);
/* Sets e->err and, printf-style, e->msg; returns err. */
int pnl_err_set(struct pnl_err *e, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Sets e->err with no text of its own (strerror() will do); returns err. */
int pnl_err_errno(struct pnl_err *e, int err);
/* The message to show: e->msg, or strerror(-e->err). */
const char *pnl_errstr(const struct pnl_err *e);

/*
 * Opens a generic netlink socket with extended acks and resolves the
 * family (p->fam). -ENOENT if the kernel does not know the family.
 */
int pnl_open(struct pnl *p, const char *family, struct pnl_err *e);
/*
 * Adopts fd, a socket some other code opened, talking to a family
 * already resolved (fam), as port portid. The tests use it with a fake
 * kernel at the other end of a datagram socketpair. fd is closed by
 * pnl_close().
 */
int pnl_init_fd(struct pnl *p, int fd, uint32_t portid,
		const struct pnl_family *fam);
/* Closes the socket and wipes the receive buffer; safe to call twice. */
void pnl_close(struct pnl *p);
/* The id of the family's multicast group, or -ENOENT. */
int pnl_grp_id(const struct pnl_family *f, const char *group, uint32_t *id);
/* Subscribes the socket to one of the family's multicast groups. */
int pnl_join(struct pnl *p, const char *group, struct pnl_err *e);

/*
 * A request to the resolved family: PNL_MSG_SIZE bytes of room, or size.
 * flags are added to NLM_F_REQUEST | NLM_F_ACK (NLM_F_DUMP for a dump).
 * NULL when out of memory.
 */
struct nl_msg *pnl_msg_new(const struct pnl *p, uint8_t cmd, int flags);
struct nl_msg *pnl_msg_new_size(const struct pnl *p, uint8_t cmd, int flags,
				size_t size);

void pnl_reply_init(struct pnl_reply *r);
/* Wipes and frees the copies; r can be used again. */
void pnl_reply_clear(struct pnl_reply *r);

/*
 * Sends msg (its sequence number and port are set here, so a message can
 * be sent again) and collects the replies into r (appended), up to the
 * ack, or up to NLMSG_DONE for a dump. A kernel error fails with its
 * errno and its extack message in e.
 */
int pnl_request(struct pnl *p, struct nl_msg *msg, struct pnl_reply *r,
		struct pnl_err *e);
/*
 * A dump (msg must have NLM_F_DUMP), repeated from the start while the
 * kernel flags it NLM_F_DUMP_INTR, at most tries times (0: the default,
 * PNL_DUMP_TRIES); then -EAGAIN. r holds the replies of the last, whole
 * dump.
 */
int pnl_dump(struct pnl *p, struct nl_msg *msg, struct pnl_reply *r,
	     unsigned int tries, struct pnl_err *e);

/*
 * Waits for one datagram of multicast messages (the socket joined a
 * group) and calls fn for each message of the family. -EINTR if a
 * signal came first, -ENOBUFS if the kernel dropped messages (the
 * socket can go on).
 */
int pnl_recv_events(struct pnl *p, pnl_msg_fn fn, void *arg,
		    struct pnl_err *e);

/*
 * Parsing. These take no socket: they work on any message, which is how
 * the tests feed them hand-built ones.
 */

/* An NLMSG_ERROR message: its errno (0 for an ack), extack into e. */
int pnl_parse_error(struct nlmsghdr *nlh, struct pnl_err *e);
/* An NLMSG_DONE message: the error it carries (0 usually), extack in e. */
int pnl_parse_done(struct nlmsghdr *nlh, struct pnl_err *e);
/* A controller reply describing a family. */
int pnl_parse_family(struct nlmsghdr *nlh, struct pnl_family *f,
		     struct pnl_err *e);
/*
 * Checks the generic netlink header (and hdrlen bytes of family header)
 * and parses the attributes with policy, as nla_parse() does.
 */
int pnl_parse(struct nlmsghdr *nlh, int hdrlen, struct nlattr **tb,
	      int maxtype, const struct nla_policy *policy,
	      struct pnl_err *e);
int pnl_parse_nested(struct nlattr *nest, const char *name, struct nlattr **tb,
		     int maxtype, const struct nla_policy *policy,
		     struct pnl_err *e);

/*
 * Typed getters: a == NULL (the attribute is missing) or a payload of
 * the wrong length fails with -EPROTO and e->msg naming the attribute.
 */
int pnl_get_u8(const struct nlattr *a, const char *name, uint8_t *v,
	       struct pnl_err *e);
int pnl_get_u16(const struct nlattr *a, const char *name, uint16_t *v,
		struct pnl_err *e);
int pnl_get_u32(const struct nlattr *a, const char *name, uint32_t *v,
		struct pnl_err *e);
int pnl_get_u64(const struct nlattr *a, const char *name, uint64_t *v,
		struct pnl_err *e);
/* A binary of min to max bytes; *data points into the message. */
int pnl_get_bin(const struct nlattr *a, const char *name, size_t min,
		size_t max, const void **data, size_t *len,
		struct pnl_err *e);
/* Copies a binary of min to max bytes (max <= size of out) into out. */
int pnl_copy_bin(const struct nlattr *a, const char *name, size_t min,
		 size_t max, void *out, size_t *len, struct pnl_err *e);
/*
 * A NUL-terminated string of at most max characters before the NUL,
 * and no NUL inside; *s points into the message.
 */
int pnl_get_str(const struct nlattr *a, const char *name, size_t max,
		const char **s, struct pnl_err *e);

#endif
