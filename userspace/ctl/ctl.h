/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parlosctl: what the command handlers share. A handler runs one parsed
 * command line against the kernel, leaves its output in c->out, and
 * returns 0 or a negative errno with c->e saying why.
 */
#ifndef PARLOSCTL_CTL_H
#define PARLOSCTL_CTL_H

#include "args.h"
#include "pnl.h"
#include "print.h"
#include "reply.h"

struct ctl {
	struct pnl nl;
	struct pnl_err e;
	struct ctl_out out;
	const struct ctl_req *req;
};

/* Requests (request.c) */
struct nl_msg *ctl_msg(struct ctl *c, uint8_t cmd, int flags);
/* A request carrying the context id of the command line. */
struct nl_msg *ctl_msg_id(struct ctl *c, uint8_t cmd);
/* A request carrying context id. */
struct nl_msg *ctl_msg_ctx(struct ctl *c, uint8_t cmd, uint32_t id);
/* An attribute did not fit: frees msg, sets c->e. */
int ctl_put_failed(struct ctl *c, struct nl_msg *msg);
/*
 * Sends msg (freed here) and collects the reply into r; need_reply:
 * a reply without a message is malformed.
 */
int ctl_call(struct ctl *c, struct nl_msg *msg, struct pnl_reply *r,
	     bool need_reply);
/* Sends msg (freed here) expecting a context tree, and prints it. */
int ctl_call_show_ctx(struct ctl *c, struct nl_msg *msg);
/* Dumps all contexts into r (ctx.c). */
int ctl_dump_ctx(struct ctl *c, struct pnl_reply *r);

/* Handlers */
int ctl_ctx_add(struct ctl *c);
int ctl_ctx_del(struct ctl *c);
int ctl_ctx_show(struct ctl *c);
int ctl_ctx_list(struct ctl *c);
int ctl_ctx_set(struct ctl *c);
int ctl_ctx_keygen(struct ctl *c);
int ctl_ctx_wrap(struct ctl *c);
int ctl_ctx_unwrap(struct ctl *c);
int ctl_ctx_derive_as(struct ctl *c);
int ctl_nas_protect(struct ctl *c);
int ctl_nas_unprotect(struct ctl *c);
int ctl_srb_protect(struct ctl *c);
int ctl_srb_unprotect(struct ctl *c);
int ctl_monitor(struct ctl *c);
int ctl_stats(struct ctl *c);
int ctl_kenb_export(struct ctl *c);
int ctl_keylog(struct ctl *c);
int ctl_drb_bind(struct ctl *c);
int ctl_drb_unbind(struct ctl *c);
int ctl_drb_show(struct ctl *c);

#endif
