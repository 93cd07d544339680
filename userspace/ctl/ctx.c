// SPDX-License-Identifier: GPL-2.0
/* parlosctl ctx add, del, show, list, set. */
#include <errno.h>

#include <netlink/msg.h>

#include "ctl.h"

#define HAS(r, k) ((r)->have & CTL_HAS(CTL_K_##k))

/* The optional fields ctx add and ctx set share. */
static int ctl_put_ctx_fields(struct nl_msg *msg, const struct ctl_req *r)
{
	if (HAS(r, LABEL) &&
	    nla_put(msg, PARLOS_A_LABEL, (int)r->label_len, r->label) < 0)
		return -EMSGSIZE;
	if (HAS(r, UE_ID) && nla_put_u16(msg, PARLOS_A_UE_ID, r->ue_id) < 0)
		return -EMSGSIZE;
	if ((HAS(r, NAS_EEA) &&
	     nla_put_u8(msg, PARLOS_A_NAS_EEA, r->nas_eea) < 0) ||
	    (HAS(r, NAS_EIA) &&
	     nla_put_u8(msg, PARLOS_A_NAS_EIA, r->nas_eia) < 0) ||
	    (HAS(r, AS_EEA) &&
	     nla_put_u8(msg, PARLOS_A_AS_EEA, r->as_eea) < 0) ||
	    (HAS(r, AS_EIA) &&
	     nla_put_u8(msg, PARLOS_A_AS_EIA, r->as_eia) < 0))
		return -EMSGSIZE;
	if ((HAS(r, UL_COUNT) &&
	     nla_put_u32(msg, PARLOS_A_NAS_UL_COUNT, r->ul_count) < 0) ||
	    (HAS(r, DL_COUNT) &&
	     nla_put_u32(msg, PARLOS_A_NAS_DL_COUNT, r->dl_count) < 0))
		return -EMSGSIZE;
	return 0;
}

int ctl_ctx_add(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg(c, PARLOS_CMD_CTX_NEW, 0);

	if (!msg)
		return c->e.err;
	if (nla_put_u8(msg, PARLOS_A_ROLE, c->req->role) < 0 ||
	    ctl_put_ctx_fields(msg, c->req))
		return ctl_put_failed(c, msg);
	return ctl_call_show_ctx(c, msg);
}

int ctl_ctx_del(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_CTX_DEL);
	struct pnl_reply r;
	int err;

	if (!msg)
		return c->e.err;
	pnl_reply_init(&r);
	err = ctl_call(c, msg, &r, false);
	pnl_reply_clear(&r);
	if (!err)
		print_deleted(&c->out, c->req->id);
	return err;
}

int ctl_ctx_show(struct ctl *c)
{
	const struct ctl_req *r = c->req;
	struct nl_msg *msg = ctl_msg(c, PARLOS_CMD_CTX_GET, 0);

	if (!msg)
		return c->e.err;
	if (HAS(r, ID) && nla_put_u32(msg, PARLOS_A_CTX_ID, r->id) < 0)
		return ctl_put_failed(c, msg);
	if (HAS(r, LABEL) &&
	    nla_put(msg, PARLOS_A_LABEL, (int)r->label_len, r->label) < 0)
		return ctl_put_failed(c, msg);
	return ctl_call_show_ctx(c, msg);
}

int ctl_dump_ctx(struct ctl *c, struct pnl_reply *r)
{
	struct nl_msg *msg = ctl_msg(c, PARLOS_CMD_CTX_GET, NLM_F_DUMP);
	int err;

	if (!msg)
		return c->e.err;
	err = pnl_dump(&c->nl, msg, r, 0, &c->e);
	nlmsg_free(msg);
	return err;
}

int ctl_ctx_list(struct ctl *c)
{
	struct pnl_reply r;
	struct ctl_ctx ctx;
	size_t i;
	int err;

	pnl_reply_init(&r);
	err = ctl_dump_ctx(c, &r);
	if (!err)
		print_ctx_list_begin(&c->out);
	for (i = 0; !err && i < r.n; i++) {
		err = ctl_parse_ctx(r.msg[i], &ctx, &c->e);
		if (!err)
			print_ctx_list_item(&c->out, &ctx, i == 0);
	}
	if (!err)
		print_ctx_list_end(&c->out);
	pnl_reply_clear(&r);
	return err;
}

int ctl_ctx_set(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_CTX_SET);

	if (!msg)
		return c->e.err;
	if (ctl_put_ctx_fields(msg, c->req))
		return ctl_put_failed(c, msg);
	return ctl_call_show_ctx(c, msg);
}
