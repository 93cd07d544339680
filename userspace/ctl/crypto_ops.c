// SPDX-License-Identifier: GPL-2.0
/* parlosctl ctx keygen, wrap, unwrap, derive-as: the key agreement. */
#include <errno.h>

#include <netlink/msg.h>

#include "ctl.h"

int ctl_ctx_keygen(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_KEYGEN);
	struct ctl_pubkey key;
	struct pnl_reply r;
	int err;

	if (!msg)
		return c->e.err;
	if (nla_put_u8(msg, PARLOS_A_PROFILE, c->req->profile) < 0)
		return ctl_put_failed(c, msg);
	pnl_reply_init(&r);
	err = ctl_call(c, msg, &r, true);
	if (!err)
		err = ctl_parse_pubkey(r.msg[0], c->req->profile, &key, &c->e);
	if (!err)
		print_pubkey(&c->out, c->req->id, &key);
	pnl_reply_clear(&r);
	return err;
}

int ctl_ctx_wrap(struct ctl *c)
{
	const struct ctl_req *req = c->req;
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_WRAP);
	struct ctl_blob blob;
	struct pnl_reply r;
	int err;

	if (!msg)
		return c->e.err;
	if (nla_put_u8(msg, PARLOS_A_PROFILE, req->profile) < 0 ||
	    nla_put(msg, PARLOS_A_PUBKEY, (int)req->bin_len, req->bin) < 0)
		return ctl_put_failed(c, msg);
	pnl_reply_init(&r);
	err = ctl_call(c, msg, &r, true);
	if (!err)
		err = ctl_parse_blob(r.msg[0], &blob, &c->e);
	if (!err)
		print_blob(&c->out, req->id, &blob);
	pnl_reply_clear(&r);
	return err;
}

int ctl_ctx_unwrap(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_UNWRAP);

	if (!msg)
		return c->e.err;
	if (nla_put(msg, PARLOS_A_BLOB, (int)c->req->bin_len,
		    c->req->bin) < 0)
		return ctl_put_failed(c, msg);
	return ctl_call_show_ctx(c, msg);
}

int ctl_ctx_derive_as(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_AS_DERIVE);

	if (!msg)
		return c->e.err;
	if (nla_put_u32(msg, PARLOS_A_KENB_COUNT, c->req->count) < 0)
		return ctl_put_failed(c, msg);
	return ctl_call_show_ctx(c, msg);
}
