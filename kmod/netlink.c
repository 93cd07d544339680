// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink: strict per-command policies, CAP_NET_ADMIN, an
 * extack message on every refusal, dumps with a generation counter and
 * events on a multicast group.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "context.h"
#include "drb.h"
#include "kasme.h"
#include "keys.h"
#include "nas.h"
#include "netlink.h"
#include "netns.h"
#include "srb.h"
#include "uapi/parlos.h"

bool parlos_allow_eia0;
module_param_named(allow_eia0, parlos_allow_eia0, bool, 0444);
MODULE_PARM_DESC(allow_eia0, "Allow null integrity (EIA0); PARLOS exists to avoid it");

bool parlos_allow_eea0;
module_param_named(allow_eea0, parlos_allow_eea0, bool, 0444);
MODULE_PARM_DESC(allow_eea0, "Allow null ciphering (EEA0)");

static bool export_kenb;
module_param(export_kenb, bool, 0444);
MODULE_PARM_DESC(export_kenb, "Allow KeNB export, for an eNB on another host");

static bool keylog;
module_param(keylog, bool, 0444);
MODULE_PARM_DESC(keylog, "Allow the keylog export for Wireshark");

static struct genl_family parlos_family;

enum { PARLOS_MCGRP_EVENTS };

static const struct genl_multicast_group parlos_mcgrps[] = {
	[PARLOS_MCGRP_EVENTS] = {
		.name = PARLOS_GENL_MCGRP_EVENTS,
		.flags = GENL_MCAST_CAP_NET_ADMIN,
	},
};

/* A COUNT one past the last is "exhausted"; larger ones do not exist. */
static struct netlink_range_validation nas_count_range = {
	.max = PARLOS_NAS_COUNT_MAX + 1,
};

static struct netlink_range_validation kenb_count_range = {
	.max = PARLOS_NAS_COUNT_MAX,
};

static const struct nla_policy ctx_id_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
};

static const struct nla_policy ctx_new_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_ROLE] = NLA_POLICY_RANGE(NLA_U8, PARLOS_ROLE_ME,
					   PARLOS_ROLE_NETWORK),
	[PARLOS_A_LABEL] = NLA_POLICY_RANGE(NLA_BINARY, 1, PARLOS_LABEL_MAX),
	[PARLOS_A_UE_ID] = { .type = NLA_U16 },
	[PARLOS_A_NAS_EEA] = NLA_POLICY_MAX(NLA_U8, 3),
	[PARLOS_A_NAS_EIA] = NLA_POLICY_MAX(NLA_U8, 3),
	[PARLOS_A_AS_EEA] = NLA_POLICY_MAX(NLA_U8, 3),
	[PARLOS_A_AS_EIA] = NLA_POLICY_MAX(NLA_U8, 3),
};

static const struct nla_policy ctx_get_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_LABEL] = NLA_POLICY_RANGE(NLA_BINARY, 1, PARLOS_LABEL_MAX),
};

static const struct nla_policy ctx_set_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_LABEL] = NLA_POLICY_RANGE(NLA_BINARY, 1, PARLOS_LABEL_MAX),
	[PARLOS_A_UE_ID] = { .type = NLA_U16 },
	[PARLOS_A_NAS_EEA] = NLA_POLICY_MAX(NLA_U8, 3),
	[PARLOS_A_NAS_EIA] = NLA_POLICY_MAX(NLA_U8, 3),
	[PARLOS_A_AS_EEA] = NLA_POLICY_MAX(NLA_U8, 3),
	[PARLOS_A_AS_EIA] = NLA_POLICY_MAX(NLA_U8, 3),
	[PARLOS_A_NAS_UL_COUNT] = NLA_POLICY_FULL_RANGE(NLA_U32, &nas_count_range),
	[PARLOS_A_NAS_DL_COUNT] = NLA_POLICY_FULL_RANGE(NLA_U32, &nas_count_range),
};

static const struct nla_policy keygen_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_PROFILE] = NLA_POLICY_RANGE(NLA_U8, PARLOS_PROFILE_A,
					      PARLOS_PROFILE_B),
};

static const struct nla_policy wrap_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_PROFILE] = NLA_POLICY_RANGE(NLA_U8, PARLOS_PROFILE_A,
					      PARLOS_PROFILE_B),
	[PARLOS_A_PUBKEY] = NLA_POLICY_RANGE(NLA_BINARY, PARLOS_PUBKEY_A_LEN,
					     PARLOS_PUBKEY_B_LEN),
};

static const struct nla_policy unwrap_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_BLOB] = NLA_POLICY_RANGE(NLA_BINARY, PARLOS_BLOB_A_LEN,
					   PARLOS_BLOB_B_LEN),
};

static const struct nla_policy as_derive_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_KENB_COUNT] = NLA_POLICY_FULL_RANGE(NLA_U32, &kenb_count_range),
};

static const struct nla_policy nas_protect_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_PDU] = NLA_POLICY_RANGE(NLA_BINARY, 1, PARLOS_PDU_MAX),
	[PARLOS_A_SEC_HDR] = NLA_POLICY_RANGE(NLA_U8, 1, 4),
};

static const struct nla_policy nas_unprotect_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_PDU] = NLA_POLICY_RANGE(NLA_BINARY, 1, PARLOS_PDU_MAX),
};

static const struct nla_policy srb_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_PDU] = NLA_POLICY_RANGE(NLA_BINARY, 1, PARLOS_PDU_MAX),
	[PARLOS_A_RB_ID] = NLA_POLICY_RANGE(NLA_U8, 1, PARLOS_NR_SRB),
	[PARLOS_A_CIPHER] = NLA_POLICY_MAX(NLA_U8, 1),
};

/*
 * Refuses a missing attribute, naming it. msg must be a string literal,
 * as NL_SET_ERR_MSG() requires: the pointer outlives the request.
 */
bool parlos_nl_need(struct genl_info *info, int attr, const char *msg)
{
	if (info->attrs[attr])
		return true;
	NL_SET_ERR_ATTR_MISS(info->extack, NULL, attr);
	if (info->extack)
		info->extack->_msg = msg;
	return false;
}

static struct parlos_net *info_pn(struct genl_info *info)
{
	return parlos_net(genl_info_net(info));
}

/* The context named by PARLOS_A_CTX_ID, referenced, or NULL with extack. */
struct parlos_ctx *parlos_nl_ctx(struct genl_info *info)
{
	struct parlos_ctx *ctx;

	if (!parlos_nl_need(info, PARLOS_A_CTX_ID, "missing context id"))
		return NULL;
	ctx = parlos_ctx_get(info_pn(info),
			     nla_get_u32(info->attrs[PARLOS_A_CTX_ID]));
	if (!ctx) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[PARLOS_A_CTX_ID],
				    "no such context");
		return NULL;
	}
	return ctx;
}

/* Locks a live context; -ENOENT once it was deleted meanwhile. */
static int ctx_lock(struct parlos_ctx *ctx, struct genl_info *info)
{
	mutex_lock(&ctx->lock);
	if (!ctx->dead)
		return 0;
	mutex_unlock(&ctx->lock);
	GENL_SET_ERR_MSG(info, "context was deleted");
	return -ENOENT;
}

static int put_alg(struct sk_buff *skb, int attr, u8 alg)
{
	return alg == PARLOS_ALG_UNSET ? 0 : nla_put_u8(skb, attr, alg);
}

static int put_fprs(struct sk_buff *skb, const struct parlos_ctx *ctx)
{
	struct nlattr *nest;
	int k;

	nest = nla_nest_start(skb, PARLOS_A_FPR);
	if (!nest)
		return -EMSGSIZE;
	for (k = PARLOS_KEY_KASME; k <= PARLOS_KEY_MAX; k++)
		if (parlos_key_valid(ctx, k) &&
		    nla_put(skb, k, PARLOS_FPR_LEN, ctx->keys.fpr[k]))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

static int put_stat(struct sk_buff *skb, int type, u64 v)
{
	return nla_put_u64_64bit(skb, type, v, PARLOS_STAT_PAD);
}

static int put_ctx_stats(struct sk_buff *skb, const struct parlos_ctx *ctx)
{
	const struct parlos_ctx_stats *s = &ctx->stats;
	struct nlattr *nest;

	nest = nla_nest_start(skb, PARLOS_A_STATS);
	if (!nest ||
	    put_stat(skb, PARLOS_STAT_NAS_TX, s->nas_tx) ||
	    put_stat(skb, PARLOS_STAT_NAS_RX, s->nas_rx) ||
	    put_stat(skb, PARLOS_STAT_NAS_MAC_FAIL, s->nas_mac_fail) ||
	    put_stat(skb, PARLOS_STAT_NAS_REPLAY, s->nas_replay) ||
	    put_stat(skb, PARLOS_STAT_NAS_MALFORMED, s->nas_malformed) ||
	    put_stat(skb, PARLOS_STAT_SRB_TX, s->srb_tx) ||
	    put_stat(skb, PARLOS_STAT_SRB_RX, s->srb_rx) ||
	    put_stat(skb, PARLOS_STAT_SRB_MAC_FAIL, s->srb_mac_fail) ||
	    put_stat(skb, PARLOS_STAT_SRB_MALFORMED, s->srb_malformed) ||
	    parlos_drb_put_stats(skb, ctx))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/* The context tree of uapi/parlos.h; the caller holds ctx->lock. */
static int put_ctx(struct sk_buff *skb, const struct parlos_ctx *ctx)
{
	u32 ul = ctx->role == PARLOS_ROLE_ME ? ctx->nas_tx_count : ctx->nas_rx_next;
	u32 dl = ctx->role == PARLOS_ROLE_ME ? ctx->nas_rx_next : ctx->nas_tx_count;

	if (nla_put_u32(skb, PARLOS_A_CTX_ID, ctx->id) ||
	    nla_put_u8(skb, PARLOS_A_ROLE, ctx->role) ||
	    nla_put_u8(skb, PARLOS_A_STATE, ctx->state) ||
	    (ctx->label_len &&
	     nla_put(skb, PARLOS_A_LABEL, ctx->label_len, ctx->label)) ||
	    (ctx->has_ue_id && nla_put_u16(skb, PARLOS_A_UE_ID, ctx->ue_id)) ||
	    (ctx->profile && nla_put_u8(skb, PARLOS_A_PROFILE, ctx->profile)) ||
	    put_alg(skb, PARLOS_A_NAS_EEA, ctx->nas_eea) ||
	    put_alg(skb, PARLOS_A_NAS_EIA, ctx->nas_eia) ||
	    put_alg(skb, PARLOS_A_AS_EEA, ctx->as_eea) ||
	    put_alg(skb, PARLOS_A_AS_EIA, ctx->as_eia) ||
	    nla_put_u32(skb, PARLOS_A_NAS_UL_COUNT, ul) ||
	    nla_put_u32(skb, PARLOS_A_NAS_DL_COUNT, dl) ||
	    put_fprs(skb, ctx) || put_ctx_stats(skb, ctx) ||
	    parlos_drb_put_binding(skb, ctx))
		return -EMSGSIZE;
	return 0;
}

static struct sk_buff *reply_new(struct genl_info *info, size_t extra,
				 void **hdr)
{
	struct sk_buff *skb = genlmsg_new(NLMSG_GOODSIZE + extra, GFP_KERNEL);

	if (!skb)
		return NULL;
	*hdr = genlmsg_put_reply(skb, info, &parlos_family, 0,
				 info->genlhdr->cmd);
	if (!*hdr) {
		nlmsg_free(skb);
		return NULL;
	}
	return skb;
}

/* Replies with the context tree. */
static int reply_ctx(struct genl_info *info, struct parlos_ctx *ctx)
{
	struct sk_buff *skb;
	void *hdr;
	int err;

	skb = reply_new(info, 0, &hdr);
	if (!skb)
		return -ENOMEM;
	err = put_ctx(skb, ctx);
	if (err) {
		nlmsg_free(skb);
		return err;
	}
	genlmsg_end(skb, hdr);
	return genlmsg_reply(skb, info);
}

void parlos_nl_event(struct parlos_ctx *ctx, u8 cmd, u8 layer, u8 rb,
		     u32 count, gfp_t gfp)
{
	struct sk_buff *skb;
	void *hdr;

	skb = genlmsg_new(NLMSG_GOODSIZE, gfp);
	if (!skb)
		return;
	hdr = genlmsg_put(skb, 0, 0, &parlos_family, 0, cmd);
	if (!hdr ||
	    nla_put_u32(skb, PARLOS_A_CTX_ID, ctx->id) ||
	    nla_put_u8(skb, PARLOS_A_ROLE, ctx->role) ||
	    (ctx->label_len &&
	     nla_put(skb, PARLOS_A_LABEL, ctx->label_len, ctx->label)) ||
	    (layer && nla_put_u8(skb, PARLOS_A_LAYER, layer)) ||
	    (rb && nla_put_u8(skb, PARLOS_A_RB_ID, rb)) ||
	    (layer && nla_put_u32(skb, PARLOS_A_COUNT, count))) {
		nlmsg_free(skb);
		return;
	}
	genlmsg_end(skb, hdr);
	genlmsg_multicast_netns(&parlos_family, ctx->pn->net, skb, 0,
				PARLOS_MCGRP_EVENTS, gfp);
}

/* Reads an algorithm attribute, applying the EEA0/EIA0 policy. */
static int get_alg(struct genl_info *info, int attr, u8 *alg)
{
	struct nlattr *a = info->attrs[attr];
	bool eia = attr == PARLOS_A_NAS_EIA || attr == PARLOS_A_AS_EIA;

	if (!a)
		return 0;
	if (!nla_get_u8(a) && eia && !parlos_allow_eia0) {
		NL_SET_ERR_MSG_ATTR(info->extack, a,
				    "EIA0 (null integrity) refused: module parameter allow_eia0 is off");
		return -EPERM;
	}
	if (!nla_get_u8(a) && !eia && !parlos_allow_eea0) {
		NL_SET_ERR_MSG_ATTR(info->extack, a,
				    "EEA0 (null ciphering) refused: module parameter allow_eea0 is off");
		return -EPERM;
	}
	*alg = nla_get_u8(a);
	return 0;
}

static int get_algs(struct genl_info *info, u8 *nas_eea, u8 *nas_eia,
		    u8 *as_eea, u8 *as_eia)
{
	return get_alg(info, PARLOS_A_NAS_EEA, nas_eea) ?:
	       get_alg(info, PARLOS_A_NAS_EIA, nas_eia) ?:
	       get_alg(info, PARLOS_A_AS_EEA, as_eea) ?:
	       get_alg(info, PARLOS_A_AS_EIA, as_eia);
}

static int cmd_ctx_new(struct sk_buff *skb, struct genl_info *info)
{
	struct parlos_ctx_params p = {
		.nas_eea = PARLOS_ALG_UNSET, .nas_eia = PARLOS_ALG_UNSET,
		.as_eea = PARLOS_ALG_UNSET, .as_eia = PARLOS_ALG_UNSET,
	};
	struct parlos_ctx *ctx;
	int err;

	if (!parlos_nl_need(info, PARLOS_A_ROLE, "missing role"))
		return -EINVAL;
	p.role = nla_get_u8(info->attrs[PARLOS_A_ROLE]);
	if (info->attrs[PARLOS_A_LABEL]) {
		p.label = nla_data(info->attrs[PARLOS_A_LABEL]);
		p.label_len = nla_len(info->attrs[PARLOS_A_LABEL]);
	}
	if (info->attrs[PARLOS_A_UE_ID]) {
		p.has_ue_id = true;
		p.ue_id = nla_get_u16(info->attrs[PARLOS_A_UE_ID]);
	}
	err = get_algs(info, &p.nas_eea, &p.nas_eia, &p.as_eea, &p.as_eia);
	if (err)
		return err;
	ctx = parlos_ctx_create(info_pn(info), &p, info->extack);
	if (IS_ERR(ctx))
		return PTR_ERR(ctx);
	mutex_lock(&ctx->lock);
	err = reply_ctx(info, ctx);
	mutex_unlock(&ctx->lock);
	parlos_nl_event(ctx, PARLOS_CMD_EV_CTX_NEW, 0, 0, 0, GFP_KERNEL);
	parlos_ctx_put(ctx);
	return err;
}

static int cmd_ctx_del(struct sk_buff *skb, struct genl_info *info)
{
	struct parlos_ctx *ctx = parlos_nl_ctx(info);
	int err;

	if (!ctx)
		return -ENOENT;
	err = parlos_ctx_delete(info_pn(info), ctx->id, info->extack);
	if (!err)
		parlos_nl_event(ctx, PARLOS_CMD_EV_CTX_DEL, 0, 0, 0, GFP_KERNEL);
	parlos_ctx_put(ctx);
	return err;
}

static int cmd_ctx_get(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *label = info->attrs[PARLOS_A_LABEL];
	struct parlos_ctx *ctx;
	int err;

	if (label && !info->attrs[PARLOS_A_CTX_ID]) {
		ctx = parlos_ctx_get_by_label(info_pn(info), nla_data(label),
					      nla_len(label));
		if (!ctx) {
			NL_SET_ERR_MSG_ATTR(info->extack, label,
					    "no context with this label");
			return -ENOENT;
		}
	} else {
		ctx = parlos_nl_ctx(info);
		if (!ctx)
			return -ENOENT;
	}
	err = ctx_lock(ctx, info);
	if (!err) {
		err = reply_ctx(info, ctx);
		mutex_unlock(&ctx->lock);
	}
	parlos_ctx_put(ctx);
	return err;
}

/* Moves a COUNT forward; going back would reuse a COUNT. */
static int set_count(struct genl_info *info, int attr, u32 *count)
{
	struct nlattr *a = info->attrs[attr];

	if (!a)
		return 0;
	if (nla_get_u32(a) < *count) {
		NL_SET_ERR_MSG_ATTR(info->extack, a,
				    "a COUNT may only move forward");
		return -EINVAL;
	}
	*count = nla_get_u32(a);
	return 0;
}

static int ctx_set_locked(struct parlos_ctx *ctx, struct genl_info *info)
{
	u8 nas_eea = ctx->nas_eea, nas_eia = ctx->nas_eia;
	u8 as_eea = ctx->as_eea, as_eia = ctx->as_eia;
	bool me = ctx->role == PARLOS_ROLE_ME;
	u32 ul = me ? ctx->nas_tx_count : ctx->nas_rx_next;
	u32 dl = me ? ctx->nas_rx_next : ctx->nas_tx_count;
	bool nas_changed, as_changed;
	int err;

	err = get_algs(info, &nas_eea, &nas_eia, &as_eea, &as_eia) ?:
	      set_count(info, PARLOS_A_NAS_UL_COUNT, &ul) ?:
	      set_count(info, PARLOS_A_NAS_DL_COUNT, &dl);
	if (err)
		return err;
	nas_changed = nas_eea != ctx->nas_eea || nas_eia != ctx->nas_eia;
	as_changed = as_eea != ctx->as_eea || as_eia != ctx->as_eia;
	if ((nas_changed && ctx->nas_algs_used) ||
	    (as_changed && ctx->algs_used)) {
		GENL_SET_ERR_MSG(info, "algorithms are fixed once a message used them");
		return -EBUSY;
	}
	if (info->attrs[PARLOS_A_LABEL]) {
		err = parlos_ctx_set_label(ctx,
					   nla_data(info->attrs[PARLOS_A_LABEL]),
					   nla_len(info->attrs[PARLOS_A_LABEL]),
					   info->extack);
		if (err)
			return err;
	}
	if (info->attrs[PARLOS_A_UE_ID]) {
		ctx->has_ue_id = true;
		ctx->ue_id = nla_get_u16(info->attrs[PARLOS_A_UE_ID]);
	}
	ctx->nas_tx_count = me ? ul : dl;
	ctx->nas_rx_next = me ? dl : ul;
	ctx->nas_eea = nas_eea;
	ctx->nas_eia = nas_eia;
	ctx->as_eea = as_eea;
	ctx->as_eia = as_eia;
	if (nas_changed)
		err = parlos_keys_derive_nas(ctx);
	if (!err && as_changed)
		err = parlos_keys_derive_as_algs(ctx);
	if (err)
		GENL_SET_ERR_MSG(info, "key derivation failed");
	return err;
}

static int cmd_ctx_set(struct sk_buff *skb, struct genl_info *info)
{
	struct parlos_ctx *ctx = parlos_nl_ctx(info);
	int err;

	if (!ctx)
		return -ENOENT;
	err = ctx_lock(ctx, info);
	if (!err) {
		err = ctx_set_locked(ctx, info) ?: reply_ctx(info, ctx);
		mutex_unlock(&ctx->lock);
	}
	parlos_ctx_put(ctx);
	return err;
}

struct dump_state {
	struct rhashtable_iter iter;
	struct parlos_ctx *pending;	/* did not fit the last message */
	bool resized;			/* the walk may have skipped some */
};

static int cmd_ctx_dump_start(struct netlink_callback *cb)
{
	struct parlos_net *pn = parlos_net(sock_net(cb->skb->sk));
	struct dump_state *st;

	st = kzalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	rhashtable_walk_enter(&pn->ctxs, &st->iter);
	cb->args[0] = (long)st;
	return 0;
}

static int dump_one(struct sk_buff *skb, struct netlink_callback *cb,
		    struct parlos_ctx *ctx)
{
	void *hdr;
	int err;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &parlos_family, NLM_F_MULTI, PARLOS_CMD_CTX_GET);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	mutex_lock(&ctx->lock);
	err = ctx->dead ? 0 : put_ctx(skb, ctx);
	mutex_unlock(&ctx->lock);
	if (err || ctx->dead) {
		genlmsg_cancel(skb, hdr);
		return err;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static int cmd_ctx_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct parlos_net *pn = parlos_net(sock_net(cb->skb->sk));
	struct dump_state *st = (struct dump_state *)cb->args[0];
	struct parlos_ctx *ctx;

	/* Any change since the dump began flags it NLM_F_DUMP_INTR. */
	cb->seq = (READ_ONCE(pn->generation) | 1) ^ (st->resized << 1);
	if (st->pending) {
		if (dump_one(skb, cb, st->pending))
			return skb->len;
		parlos_ctx_put(st->pending);
		st->pending = NULL;
	}
	for (;;) {
		rhashtable_walk_start(&st->iter);
		do {
			ctx = rhashtable_walk_next(&st->iter);
			if (PTR_ERR(ctx) == -EAGAIN)
				st->resized = true;
		} while (PTR_ERR(ctx) == -EAGAIN ||
			 (ctx && !kref_get_unless_zero(&ctx->ref)));
		rhashtable_walk_stop(&st->iter);
		if (!ctx)
			break;
		if (dump_one(skb, cb, ctx)) {
			st->pending = ctx;
			break;
		}
		parlos_ctx_put(ctx);
	}
	return skb->len;
}

static int cmd_ctx_dump_done(struct netlink_callback *cb)
{
	struct dump_state *st = (struct dump_state *)cb->args[0];

	if (st) {
		rhashtable_walk_exit(&st->iter);
		parlos_ctx_put(st->pending);
		kfree(st);
	}
	return 0;
}

/*
 * Replies with what fill() puts in the message, run under the lock of
 * the context PARLOS_A_CTX_ID names.
 */
static int reply_locked(struct genl_info *info,
			int (*fill)(struct sk_buff *msg, struct parlos_ctx *ctx,
				    struct genl_info *info))
{
	struct parlos_ctx *ctx = parlos_nl_ctx(info);
	struct sk_buff *msg;
	void *hdr;
	int err;

	if (!ctx)
		return -ENOENT;
	err = -ENOMEM;
	msg = reply_new(info, 0, &hdr);
	if (!msg)
		goto out_put;
	err = ctx_lock(ctx, info);
	if (err)
		goto out_free;
	err = fill(msg, ctx, info);
	mutex_unlock(&ctx->lock);
	if (err)
		goto out_free;
	genlmsg_end(msg, hdr);
	err = genlmsg_reply(msg, info);
	goto out_put;
out_free:
	nlmsg_free(msg);
out_put:
	parlos_ctx_put(ctx);
	return err;
}

static int fill_keygen(struct sk_buff *msg, struct parlos_ctx *ctx,
		       struct genl_info *info)
{
	u8 profile = nla_get_u8(info->attrs[PARLOS_A_PROFILE]);
	u8 pub[PARLOS_PUBKEY_B_LEN];
	unsigned int len;
	int err;

	err = parlos_kasme_keygen(ctx, profile, pub, &len, info->extack);
	if (err)
		return err;
	if (nla_put_u32(msg, PARLOS_A_CTX_ID, ctx->id) ||
	    nla_put_u8(msg, PARLOS_A_PROFILE, profile) ||
	    nla_put(msg, PARLOS_A_PUBKEY, len, pub))
		return -EMSGSIZE;
	return 0;
}

static int cmd_keygen(struct sk_buff *skb, struct genl_info *info)
{
	if (!parlos_nl_need(info, PARLOS_A_PROFILE, "missing ECIES profile"))
		return -EINVAL;
	return reply_locked(info, fill_keygen);
}

static int fill_wrap(struct sk_buff *msg, struct parlos_ctx *ctx,
		     struct genl_info *info)
{
	u8 blob[PARLOS_BLOB_B_LEN];
	unsigned int len;
	int err;

	err = parlos_kasme_wrap(ctx, nla_get_u8(info->attrs[PARLOS_A_PROFILE]),
				nla_data(info->attrs[PARLOS_A_PUBKEY]),
				nla_len(info->attrs[PARLOS_A_PUBKEY]),
				blob, &len, info->extack);
	if (err)
		return err;
	if (nla_put(msg, PARLOS_A_BLOB, len, blob) ||
	    nla_put_u32(msg, PARLOS_A_CTX_ID, ctx->id) || put_fprs(msg, ctx))
		return -EMSGSIZE;
	return 0;
}

static int cmd_wrap(struct sk_buff *skb, struct genl_info *info)
{
	if (!parlos_nl_need(info, PARLOS_A_PROFILE, "missing ECIES profile") ||
	    !parlos_nl_need(info, PARLOS_A_PUBKEY, "missing the ME public key"))
		return -EINVAL;
	return reply_locked(info, fill_wrap);
}

static int cmd_unwrap(struct sk_buff *skb, struct genl_info *info)
{
	struct parlos_ctx *ctx;
	int err;

	if (!parlos_nl_need(info, PARLOS_A_BLOB, "missing the encrypted KASMEtemp"))
		return -EINVAL;
	ctx = parlos_nl_ctx(info);
	if (!ctx)
		return -ENOENT;
	err = ctx_lock(ctx, info);
	if (!err) {
		err = parlos_kasme_unwrap(ctx,
					  nla_data(info->attrs[PARLOS_A_BLOB]),
					  nla_len(info->attrs[PARLOS_A_BLOB]),
					  info->extack) ?:
		      reply_ctx(info, ctx);
		mutex_unlock(&ctx->lock);
	}
	parlos_ctx_put(ctx);
	return err;
}

static int cmd_as_derive(struct sk_buff *skb, struct genl_info *info)
{
	struct parlos_ctx *ctx;
	int err;

	if (!parlos_nl_need(info, PARLOS_A_KENB_COUNT, "missing the uplink NAS COUNT for KeNB"))
		return -EINVAL;
	ctx = parlos_nl_ctx(info);
	if (!ctx)
		return -ENOENT;
	err = ctx_lock(ctx, info);
	if (!err) {
		err = parlos_keys_derive_as(ctx,
					    nla_get_u32(info->attrs[PARLOS_A_KENB_COUNT]),
					    info->extack) ?:
		      reply_ctx(info, ctx);
		mutex_unlock(&ctx->lock);
	}
	parlos_ctx_put(ctx);
	return err;
}

enum sec_op { NAS_PROTECT, NAS_UNPROTECT, SRB_PROTECT, SRB_UNPROTECT };

/* Runs one NAS or SRB operation; the result goes straight into the reply. */
static int sec_op_locked(struct parlos_ctx *ctx, struct genl_info *info,
			 enum sec_op op, struct sk_buff *msg,
			 struct parlos_sec_result *res)
{
	struct nlattr *pdu = info->attrs[PARLOS_A_PDU];
	unsigned int len = nla_len(pdu), out_len;
	bool cipher = !info->attrs[PARLOS_A_CIPHER] ||
		      nla_get_u8(info->attrs[PARLOS_A_CIPHER]);
	u8 rb = info->attrs[PARLOS_A_RB_ID] ?
		nla_get_u8(info->attrs[PARLOS_A_RB_ID]) : 0;
	struct nlattr *out;
	u8 *tmp;
	int err;

	switch (op) {
	case NAS_PROTECT:
		out = nla_reserve(msg, PARLOS_A_PDU, len + PARLOS_NAS_SEC_HDR_LEN);
		if (!out)
			return -EMSGSIZE;
		return parlos_nas_protect(ctx,
					  nla_get_u8(info->attrs[PARLOS_A_SEC_HDR]),
					  nla_data(pdu), len, nla_data(out), res,
					  info->extack);
	case NAS_UNPROTECT:
		if (len <= PARLOS_NAS_SEC_HDR_LEN)
			return parlos_nas_unprotect(ctx, nla_data(pdu), len, NULL,
						    res, info->extack);
		out = nla_reserve(msg, PARLOS_A_PDU, len - PARLOS_NAS_SEC_HDR_LEN);
		if (!out)
			return -EMSGSIZE;
		err = parlos_nas_unprotect(ctx, nla_data(pdu), len,
					   nla_data(out), res, info->extack);
		return err ?: nla_put_u8(msg, PARLOS_A_SEC_HDR, res->sec_hdr);
	case SRB_PROTECT:
		out = nla_reserve(msg, PARLOS_A_PDU, len + PARLOS_SRB_OVERHEAD);
		if (!out)
			return -EMSGSIZE;
		return parlos_srb_protect(ctx, rb, cipher, nla_data(pdu), len,
					  nla_data(out), res, info->extack);
	case SRB_UNPROTECT:
		tmp = kmalloc(len, GFP_KERNEL);
		if (!tmp)
			return -ENOMEM;
		err = parlos_srb_unprotect(ctx, rb, cipher, nla_data(pdu), len,
					   tmp, &out_len, res, info->extack);
		if (!err && nla_put(msg, PARLOS_A_PDU, out_len, tmp))
			err = -EMSGSIZE;
		kfree_sensitive(tmp);
		return err;
	}
	return -EINVAL;
}

static void sec_op_events(struct parlos_ctx *ctx, enum sec_op op, u8 rb,
			  int err, const struct parlos_sec_result *res)
{
	u8 layer = op == NAS_PROTECT || op == NAS_UNPROTECT ?
		   PARLOS_LAYER_NAS : PARLOS_LAYER_SRB;

	if (err == -EBADMSG)
		parlos_nl_event(ctx, PARLOS_CMD_EV_INTEGRITY, layer, rb,
				res->count, GFP_KERNEL);
	else if (err == -EALREADY)
		parlos_nl_event(ctx, PARLOS_CMD_EV_REPLAY, layer, rb,
				res->count, GFP_KERNEL);
	else if (!err && res->wrap_near)
		parlos_nl_event(ctx, PARLOS_CMD_EV_COUNT_WRAP, layer, rb,
				res->count, GFP_KERNEL);
}

static int cmd_sec_op(struct genl_info *info, enum sec_op op)
{
	struct parlos_sec_result res = {};
	struct parlos_ctx *ctx;
	struct sk_buff *msg;
	void *hdr;
	u8 rb = 0;
	int err;

	if (!parlos_nl_need(info, PARLOS_A_PDU, "missing PDU"))
		return -EINVAL;
	if (op == NAS_PROTECT &&
	    !parlos_nl_need(info, PARLOS_A_SEC_HDR, "missing security header type"))
		return -EINVAL;
	if ((op == SRB_PROTECT || op == SRB_UNPROTECT)) {
		if (!parlos_nl_need(info, PARLOS_A_RB_ID, "missing radio bearer id"))
			return -EINVAL;
		rb = nla_get_u8(info->attrs[PARLOS_A_RB_ID]);
	}
	ctx = parlos_nl_ctx(info);
	if (!ctx)
		return -ENOENT;
	err = -ENOMEM;
	msg = reply_new(info, nla_len(info->attrs[PARLOS_A_PDU]), &hdr);
	if (!msg)
		goto out_put;
	err = ctx_lock(ctx, info);
	if (err)
		goto out_free;
	err = sec_op_locked(ctx, info, op, msg, &res);
	mutex_unlock(&ctx->lock);
	sec_op_events(ctx, op, rb, err, &res);
	if (err || nla_put_u32(msg, PARLOS_A_COUNT, res.count)) {
		err = err ?: -EMSGSIZE;
		goto out_free;
	}
	genlmsg_end(msg, hdr);
	err = genlmsg_reply(msg, info);
	goto out_put;
out_free:
	nlmsg_free(msg);
out_put:
	parlos_ctx_put(ctx);
	return err;
}

static int cmd_nas_protect(struct sk_buff *skb, struct genl_info *info)
{
	return cmd_sec_op(info, NAS_PROTECT);
}

static int cmd_nas_unprotect(struct sk_buff *skb, struct genl_info *info)
{
	return cmd_sec_op(info, NAS_UNPROTECT);
}

static int cmd_srb_protect(struct sk_buff *skb, struct genl_info *info)
{
	return cmd_sec_op(info, SRB_PROTECT);
}

static int cmd_srb_unprotect(struct sk_buff *skb, struct genl_info *info)
{
	return cmd_sec_op(info, SRB_UNPROTECT);
}

static int cmd_stats_get(struct sk_buff *skb, struct genl_info *info)
{
	struct parlos_net *pn = info_pn(info);
	struct parlos_ctx_stats sum = {};
	struct rhashtable_iter iter;
	struct parlos_ctx *ctx;
	struct nlattr *nest;
	struct sk_buff *msg;
	void *hdr;

	rhashtable_walk_enter(&pn->ctxs, &iter);
	rhashtable_walk_start(&iter);
	while ((ctx = rhashtable_walk_next(&iter))) {
		const struct parlos_ctx_stats *s;

		if (IS_ERR(ctx))
			continue;
		s = &ctx->stats;
		sum.nas_tx += READ_ONCE(s->nas_tx);
		sum.nas_rx += READ_ONCE(s->nas_rx);
		sum.nas_mac_fail += READ_ONCE(s->nas_mac_fail);
		sum.nas_replay += READ_ONCE(s->nas_replay);
		sum.nas_malformed += READ_ONCE(s->nas_malformed);
		sum.srb_tx += READ_ONCE(s->srb_tx);
		sum.srb_rx += READ_ONCE(s->srb_rx);
		sum.srb_mac_fail += READ_ONCE(s->srb_mac_fail);
		sum.srb_malformed += READ_ONCE(s->srb_malformed);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);

	msg = reply_new(info, 0, &hdr);
	if (!msg)
		return -ENOMEM;
	nest = nla_nest_start(msg, PARLOS_A_STATS);
	if (!nest ||
	    put_stat(msg, PARLOS_STAT_CONTEXTS, READ_ONCE(pn->count)) ||
	    put_stat(msg, PARLOS_STAT_MAX_CONTEXTS, parlos_max_contexts) ||
	    put_stat(msg, PARLOS_STAT_GENERATION, READ_ONCE(pn->generation)) ||
	    put_stat(msg, PARLOS_STAT_NAS_TX, sum.nas_tx) ||
	    put_stat(msg, PARLOS_STAT_NAS_RX, sum.nas_rx) ||
	    put_stat(msg, PARLOS_STAT_NAS_MAC_FAIL, sum.nas_mac_fail) ||
	    put_stat(msg, PARLOS_STAT_NAS_REPLAY, sum.nas_replay) ||
	    put_stat(msg, PARLOS_STAT_NAS_MALFORMED, sum.nas_malformed) ||
	    put_stat(msg, PARLOS_STAT_SRB_TX, sum.srb_tx) ||
	    put_stat(msg, PARLOS_STAT_SRB_RX, sum.srb_rx) ||
	    put_stat(msg, PARLOS_STAT_SRB_MAC_FAIL, sum.srb_mac_fail) ||
	    put_stat(msg, PARLOS_STAT_SRB_MALFORMED, sum.srb_malformed)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int fill_kenb(struct sk_buff *msg, struct parlos_ctx *ctx,
		     struct genl_info *info)
{
	if (!parlos_key_valid(ctx, PARLOS_KEY_KENB)) {
		GENL_SET_ERR_MSG(info, "no KeNB yet: derive the AS keys first");
		return -ENOKEY;
	}
	if (nla_put(msg, PARLOS_A_KEY, PARLOS_KENB_LEN, ctx->keys.kenb) ||
	    nla_put_u32(msg, PARLOS_A_CTX_ID, ctx->id))
		return -EMSGSIZE;
	return 0;
}

static int cmd_kenb_export(struct sk_buff *skb, struct genl_info *info)
{
	if (!export_kenb) {
		GENL_SET_ERR_MSG(info, "KeNB export is disabled: load with export_kenb=1");
		return -EPERM;
	}
	return reply_locked(info, fill_kenb);
}

static int fill_keylog(struct sk_buff *msg, struct parlos_ctx *ctx,
		       struct genl_info *info)
{
	/* "UEID","KRRCenc","KUPenc","KRRCint" with 32 hex digits per key */
	char line[128];
	int err = 0;

	if (!parlos_key_valid(ctx, PARLOS_KEY_KRRCINT) || !ctx->has_ue_id) {
		GENL_SET_ERR_MSG(info, "no AS keys or no UE id yet");
		return -ENOKEY;
	}
	snprintf(line, sizeof(line), "\"%u\",\"%16phN\",\"%16phN\",\"%16phN\"",
		 ctx->ue_id, ctx->keys.krrc_enc, ctx->keys.kup_enc,
		 ctx->keys.krrc_int);
	if (nla_put_string(msg, PARLOS_A_KEYLOG, line) ||
	    nla_put_u32(msg, PARLOS_A_CTX_ID, ctx->id))
		err = -EMSGSIZE;
	memzero_explicit(line, sizeof(line));
	return err;
}

static int cmd_keylog_get(struct sk_buff *skb, struct genl_info *info)
{
	if (!keylog) {
		GENL_SET_ERR_MSG(info, "keylog is disabled: load with keylog=1");
		return -EPERM;
	}
	return reply_locked(info, fill_keylog);
}

#define OP(c, fn, pol) {						\
	.cmd = c, .doit = fn, .policy = pol, .maxattr = PARLOS_A_MAX,	\
	.flags = GENL_ADMIN_PERM,					\
}

static const struct genl_ops parlos_ops[] = {
	OP(PARLOS_CMD_CTX_NEW, cmd_ctx_new, ctx_new_policy),
	OP(PARLOS_CMD_CTX_DEL, cmd_ctx_del, ctx_id_policy),
	{
		.cmd = PARLOS_CMD_CTX_GET,
		.doit = cmd_ctx_get,
		.start = cmd_ctx_dump_start,
		.dumpit = cmd_ctx_dump,
		.done = cmd_ctx_dump_done,
		.policy = ctx_get_policy,
		.maxattr = PARLOS_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	OP(PARLOS_CMD_CTX_SET, cmd_ctx_set, ctx_set_policy),
	OP(PARLOS_CMD_KEYGEN, cmd_keygen, keygen_policy),
	OP(PARLOS_CMD_WRAP, cmd_wrap, wrap_policy),
	OP(PARLOS_CMD_UNWRAP, cmd_unwrap, unwrap_policy),
	OP(PARLOS_CMD_AS_DERIVE, cmd_as_derive, as_derive_policy),
	OP(PARLOS_CMD_NAS_PROTECT, cmd_nas_protect, nas_protect_policy),
	OP(PARLOS_CMD_NAS_UNPROTECT, cmd_nas_unprotect, nas_unprotect_policy),
	OP(PARLOS_CMD_SRB_PROTECT, cmd_srb_protect, srb_policy),
	OP(PARLOS_CMD_SRB_UNPROTECT, cmd_srb_unprotect, srb_policy),
	OP(PARLOS_CMD_STATS_GET, cmd_stats_get, ctx_id_policy),
	OP(PARLOS_CMD_KENB_EXPORT, cmd_kenb_export, ctx_id_policy),
	OP(PARLOS_CMD_KEYLOG_GET, cmd_keylog_get, ctx_id_policy),
	OP(PARLOS_CMD_DRB_BIND, parlos_drb_cmd_bind, parlos_drb_bind_policy),
	OP(PARLOS_CMD_DRB_UNBIND, parlos_drb_cmd_unbind,
	   parlos_drb_unbind_policy),
};

static struct genl_family parlos_family __ro_after_init = {
	.name = PARLOS_GENL_NAME,
	.version = PARLOS_GENL_VERSION,
	.maxattr = PARLOS_A_MAX,
	.netnsok = true,
	.parallel_ops = true,
	.resv_start_op = 0,	/* strict validation for every command */
	.module = THIS_MODULE,
	.ops = parlos_ops,
	.n_ops = ARRAY_SIZE(parlos_ops),
	.mcgrps = parlos_mcgrps,
	.n_mcgrps = ARRAY_SIZE(parlos_mcgrps),
};

int __init parlos_genl_init(void)
{
	return genl_register_family(&parlos_family);
}

MODULE_ALIAS_GENL_FAMILY(PARLOS_GENL_NAME);

void parlos_genl_exit(void)
{
	genl_unregister_family(&parlos_family);
}
