// SPDX-License-Identifier: GPL-2.0
/*
 * parlosctl kenb export, keylog: the two key exports an administrator
 * can enable. Every buffer that held a key is wiped: the reply copies
 * (pnl_reply_clear), the receive buffer (pnl), the output (ctl_out) and
 * the local copy here.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <netlink/msg.h>

#include "ctl.h"

int ctl_kenb_export(struct ctl *c)
{
	struct nl_msg *msg = ctl_msg_id(c, PARLOS_CMD_KENB_EXPORT);
	uint8_t key[PARLOS_KENB_LEN];
	struct pnl_reply r;
	int err;

	if (!msg)
		return c->e.err;
	pnl_reply_init(&r);
	err = ctl_call(c, msg, &r, true);
	if (!err)
		err = ctl_parse_kenb(r.msg[0], key, &c->e);
	if (!err)
		print_kenb(&c->out, c->req->id, key);
	explicit_bzero(key, sizeof(key));
	pnl_reply_clear(&r);
	return err;
}

/*
 * The lines of one context. skip_missing: a context deleted meanwhile
 * (ENOENT) or without AS keys yet (ENOKEY) is left out.
 */
static int ctl_keylog_one(struct ctl *c, uint32_t id, bool skip_missing)
{
	struct nl_msg *msg = ctl_msg_ctx(c, PARLOS_CMD_KEYLOG_GET, id);
	struct pnl_reply r;
	const char *text;
	int err;

	if (!msg)
		return c->e.err;
	pnl_reply_init(&r);
	err = ctl_call(c, msg, &r, true);
	if (err && skip_missing && (err == -ENOENT || err == -ENOKEY)) {
		pnl_err_clear(&c->e);
		err = 0;
	} else if (!err) {
		err = ctl_parse_keylog(r.msg[0], &text, &c->e);
		if (!err)
			print_keylog_text(&c->out, id, text);
	}
	pnl_reply_clear(&r);
	return err;
}

/* Without an ID: every context that has AS keys. */
static int ctl_keylog_all(struct ctl *c)
{
	struct pnl_reply r;
	struct ctl_ctx ctx;
	uint32_t *ids;
	size_t i, n = 0;
	int err;

	pnl_reply_init(&r);
	err = ctl_dump_ctx(c, &r);
	ids = calloc(r.n ? r.n : 1, sizeof(*ids));
	if (!err && !ids)
		err = pnl_err_errno(&c->e, -ENOMEM);
	for (i = 0; !err && i < r.n; i++) {
		err = ctl_parse_ctx(r.msg[i], &ctx, &c->e);
		if (!err)
			ids[n++] = ctx.id;
	}
	pnl_reply_clear(&r);
	for (i = 0; !err && i < n; i++)
		err = ctl_keylog_one(c, ids[i], true);
	free(ids);
	return err;
}

int ctl_keylog(struct ctl *c)
{
	int err;

	print_keylog_begin(&c->out);
	if (c->req->have & CTL_HAS(CTL_K_ID))
		err = ctl_keylog_one(c, c->req->id, false);
	else
		err = ctl_keylog_all(c);
	if (!err)
		print_keylog_end(&c->out);
	return err;
}
