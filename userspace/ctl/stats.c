// SPDX-License-Identifier: GPL-2.0
/* parlosctl stats [ID]: the namespace's totals, or one context's. */
#include <errno.h>

#include <netlink/msg.h>

#include "ctl.h"

static int ctl_stats_ctx(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_CTX_GET);
	struct pnl_reply r;
	struct ctl_ctx ctx;
	int err;

	if (!msg)
		return c->e.err;
	pnl_reply_init(&r);
	err = ctl_call(c, msg, &r, true);
	if (!err)
		err = ctl_parse_ctx(r.msg[0], &ctx, &c->e);
	if (!err && !(ctx.have & CTL_CTX_STATS))
		err = pnl_err_set(&c->e, -EPROTO,
				  "malformed reply: statistics missing");
	if (!err)
		print_stats(&c->out, true, ctx.id, &ctx.stats);
	pnl_reply_clear(&r);
	return err;
}

static int ctl_stats_ns(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg(c, PARLOS_CMD_STATS_GET, 0);
	struct ctl_stats stats;
	struct pnl_reply r;
	int err;

	if (!msg)
		return c->e.err;
	pnl_reply_init(&r);
	err = ctl_call(c, msg, &r, true);
	if (!err)
		err = ctl_parse_stats(r.msg[0], &stats, &c->e);
	if (!err)
		print_stats(&c->out, false, 0, &stats);
	pnl_reply_clear(&r);
	return err;
}

int ctl_stats(struct ctl *c)
{
	if (c->req->have & CTL_HAS(CTL_K_ID))
		return ctl_stats_ctx(c);
	return ctl_stats_ns(c);
}
