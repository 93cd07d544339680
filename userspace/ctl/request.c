// SPDX-License-Identifier: GPL-2.0
/* parlosctl: building requests and collecting their replies. */
#include <errno.h>

#include <netlink/msg.h>

#include "ctl.h"

struct nl_msg *ctl_msg(struct ctl *c, uint8_t cmd, int flags)
{
	struct nl_msg *msg = pnl_msg_new(&c->nl, cmd, flags);

	if (!msg)
		pnl_err_errno(&c->e, -ENOMEM);
	return msg;
}

struct nl_msg *ctl_msg_id(struct ctl *c, uint8_t cmd)
{
	return ctl_msg_ctx(c, cmd, c->req->id);
}

struct nl_msg *ctl_msg_ctx(struct ctl *c, uint8_t cmd, uint32_t id)
{
	struct nl_msg *msg = ctl_msg(c, cmd, 0);

	if (msg && nla_put_u32(msg, PARLOS_A_CTX_ID, id) < 0) {
		ctl_put_failed(c, msg);
		return NULL;
	}
	return msg;
}

int ctl_put_failed(struct ctl *c, struct nl_msg *msg)
{
	nlmsg_free(msg);
	return pnl_err_set(&c->e, -EMSGSIZE, "request too large");
}

int ctl_call(struct ctl *c, struct nl_msg *msg, struct pnl_reply *r,
	     bool need_reply)
{
	int err = pnl_request(&c->nl, msg, r, &c->e);

	nlmsg_free(msg);
	if (!err && need_reply && !r->n)
		err = pnl_err_set(&c->e, -EPROTO,
				  "malformed reply: no reply message");
	return err;
}

int ctl_call_show_ctx(struct ctl *c, struct nl_msg *msg)
{
	struct pnl_reply r;
	struct ctl_ctx ctx;
	int err;

	pnl_reply_init(&r);
	err = ctl_call(c, msg, &r, true);
	if (!err)
		err = ctl_parse_ctx(r.msg[0], &ctx, &c->e);
	if (!err)
		print_ctx(&c->out, &ctx);
	pnl_reply_clear(&r);
	return err;
}
