// SPDX-License-Identifier: GPL-2.0
/* parlosctl: parsing the kernel's replies and events; see reply.h. */
#include <errno.h>
#include <string.h>

#include <netlink/genl/genl.h>

#include "reply.h"

_Static_assert(PARLOS_KEY_MAX < 32, "ctl_fprs.have is 32 bits");
_Static_assert(PARLOS_STAT_MAX < 64, "ctl_stats.have is 64 bits");

/*
 * One policy for every reply: an attribute has the same type in all
 * commands. Lengths are checked again, exactly, by the pnl_get_*().
 */
static const struct nla_policy ctl_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_ROLE] = { .type = NLA_U8 },
	[PARLOS_A_STATE] = { .type = NLA_U8 },
	[PARLOS_A_LABEL] = { .type = NLA_UNSPEC,
			     .maxlen = PARLOS_LABEL_MAX },
	[PARLOS_A_PROFILE] = { .type = NLA_U8 },
	[PARLOS_A_PUBKEY] = { .type = NLA_UNSPEC,
			      .maxlen = PARLOS_PUBKEY_B_LEN },
	[PARLOS_A_BLOB] = { .type = NLA_UNSPEC, .maxlen = PARLOS_BLOB_B_LEN },
	[PARLOS_A_NAS_EEA] = { .type = NLA_U8 },
	[PARLOS_A_NAS_EIA] = { .type = NLA_U8 },
	[PARLOS_A_AS_EEA] = { .type = NLA_U8 },
	[PARLOS_A_AS_EIA] = { .type = NLA_U8 },
	[PARLOS_A_NAS_UL_COUNT] = { .type = NLA_U32 },
	[PARLOS_A_NAS_DL_COUNT] = { .type = NLA_U32 },
	[PARLOS_A_KENB_COUNT] = { .type = NLA_U32 },
	[PARLOS_A_SEC_HDR] = { .type = NLA_U8 },
	[PARLOS_A_PDU] = { .type = NLA_UNSPEC, .maxlen = PARLOS_PDU_MAX },
	[PARLOS_A_COUNT] = { .type = NLA_U32 },
	[PARLOS_A_RB_ID] = { .type = NLA_U8 },
	[PARLOS_A_CIPHER] = { .type = NLA_U8 },
	[PARLOS_A_FPR] = { .type = NLA_NESTED },
	[PARLOS_A_STATS] = { .type = NLA_NESTED },
	[PARLOS_A_KEY] = { .type = NLA_UNSPEC, .maxlen = PARLOS_KENB_LEN },
	[PARLOS_A_KEYLOG] = { .type = NLA_UNSPEC },
	[PARLOS_A_LAYER] = { .type = NLA_U8 },
	[PARLOS_A_UE_ID] = { .type = NLA_U16 },
};

typedef struct nlattr *ctl_tb_t[PARLOS_A_MAX + 1];

static int ctl_parse_top(struct nlmsghdr *nlh, ctl_tb_t tb, struct pnl_err *e)
{
	return pnl_parse(nlh, 0, tb, PARLOS_A_MAX, ctl_policy, e);
}

/* One fingerprint per key type; unknown key types are skipped. */
static int ctl_parse_fprs(struct nlattr *nest, struct ctl_fprs *f,
			  struct pnl_err *e)
{
	struct nlattr *a;
	int rem;

	memset(f, 0, sizeof(*f));
	nla_for_each_nested(a, nest, rem) {
		int type = nla_type(a);
		size_t len;

		if (type < 1 || type > PARLOS_KEY_MAX)
			continue;
		if (pnl_copy_bin(a, "fingerprint", PARLOS_FPR_LEN,
				 PARLOS_FPR_LEN, f->v[type], &len, e))
			return e->err;
		f->have |= 1u << type;
	}
	if (rem > 0)
		return pnl_err_set(e, -EPROTO,
				   "malformed reply: truncated fingerprints");
	return 0;
}

/* One u64 per counter; padding and unknown counters are skipped. */
static int ctl_parse_stats_nest(struct nlattr *nest, struct ctl_stats *s,
				struct pnl_err *e)
{
	struct nlattr *a;
	int rem;

	memset(s, 0, sizeof(*s));
	nla_for_each_nested(a, nest, rem) {
		int type = nla_type(a);

		if (type <= PARLOS_STAT_PAD || type > PARLOS_STAT_MAX)
			continue;
		if (pnl_get_u64(a, "counter", &s->v[type], e))
			return e->err;
		s->have |= 1ull << type;
	}
	if (rem > 0)
		return pnl_err_set(e, -EPROTO,
				   "malformed reply: truncated statistics");
	return 0;
}

static int ctl_get_label(struct nlattr *a, uint8_t *label, size_t *len,
			 struct pnl_err *e)
{
	return pnl_copy_bin(a, "label", 0, PARLOS_LABEL_MAX, label, len, e);
}

/* An optional u8 into *v, flagging bit in *have. */
static int ctl_opt_u8(struct nlattr *a, const char *name, uint8_t *v,
		      uint32_t *have, uint32_t bit, struct pnl_err *e)
{
	if (!a)
		return 0;
	if (pnl_get_u8(a, name, v, e))
		return e->err;
	*have |= bit;
	return 0;
}

static int ctl_opt_u32(struct nlattr *a, const char *name, uint32_t *v,
		       uint32_t *have, uint32_t bit, struct pnl_err *e)
{
	if (!a)
		return 0;
	if (pnl_get_u32(a, name, v, e))
		return e->err;
	*have |= bit;
	return 0;
}

static int ctl_ctx_algs(ctl_tb_t tb, struct ctl_ctx *c, struct pnl_err *e)
{
	if (ctl_opt_u8(tb[PARLOS_A_PROFILE], "profile", &c->profile, &c->have,
		       CTL_CTX_PROFILE, e) ||
	    ctl_opt_u8(tb[PARLOS_A_NAS_EEA], "NAS EEA", &c->nas_eea, &c->have,
		       CTL_CTX_NAS_EEA, e) ||
	    ctl_opt_u8(tb[PARLOS_A_NAS_EIA], "NAS EIA", &c->nas_eia, &c->have,
		       CTL_CTX_NAS_EIA, e) ||
	    ctl_opt_u8(tb[PARLOS_A_AS_EEA], "AS EEA", &c->as_eea, &c->have,
		       CTL_CTX_AS_EEA, e) ||
	    ctl_opt_u8(tb[PARLOS_A_AS_EIA], "AS EIA", &c->as_eia, &c->have,
		       CTL_CTX_AS_EIA, e))
		return e->err;
	return 0;
}

static int ctl_ctx_rest(ctl_tb_t tb, struct ctl_ctx *c, struct pnl_err *e)
{
	if (tb[PARLOS_A_LABEL]) {
		if (ctl_get_label(tb[PARLOS_A_LABEL], c->label, &c->label_len,
				  e))
			return e->err;
		c->have |= CTL_CTX_LABEL;
	}
	if (tb[PARLOS_A_UE_ID]) {
		if (pnl_get_u16(tb[PARLOS_A_UE_ID], "UE id", &c->ue_id, e))
			return e->err;
		c->have |= CTL_CTX_UE_ID;
	}
	if (ctl_opt_u32(tb[PARLOS_A_NAS_UL_COUNT], "NAS UL COUNT",
			&c->ul_count, &c->have, CTL_CTX_UL_COUNT, e) ||
	    ctl_opt_u32(tb[PARLOS_A_NAS_DL_COUNT], "NAS DL COUNT",
			&c->dl_count, &c->have, CTL_CTX_DL_COUNT, e))
		return e->err;
	if (tb[PARLOS_A_FPR]) {
		if (ctl_parse_fprs(tb[PARLOS_A_FPR], &c->fpr, e))
			return e->err;
		c->have |= CTL_CTX_FPR;
	}
	if (tb[PARLOS_A_STATS]) {
		if (ctl_parse_stats_nest(tb[PARLOS_A_STATS], &c->stats, e))
			return e->err;
		c->have |= CTL_CTX_STATS;
	}
	return 0;
}

int ctl_parse_ctx(struct nlmsghdr *nlh, struct ctl_ctx *c, struct pnl_err *e)
{
	ctl_tb_t tb;

	memset(c, 0, sizeof(*c));
	pnl_err_clear(e);
	if (ctl_parse_top(nlh, tb, e) ||
	    pnl_get_u32(tb[PARLOS_A_CTX_ID], "context id", &c->id, e) ||
	    pnl_get_u8(tb[PARLOS_A_ROLE], "role", &c->role, e) ||
	    pnl_get_u8(tb[PARLOS_A_STATE], "state", &c->state, e) ||
	    ctl_ctx_algs(tb, c, e) || ctl_ctx_rest(tb, c, e))
		return e->err;
	return 0;
}

int ctl_parse_pubkey(struct nlmsghdr *nlh, uint8_t want_profile,
		     struct ctl_pubkey *k, struct pnl_err *e)
{
	size_t want;
	ctl_tb_t tb;

	memset(k, 0, sizeof(*k));
	pnl_err_clear(e);
	if (ctl_parse_top(nlh, tb, e) ||
	    pnl_get_u8(tb[PARLOS_A_PROFILE], "profile", &k->profile, e))
		return e->err;
	if (k->profile != want_profile)
		return pnl_err_set(e, -EPROTO,
				   "malformed reply: profile %u, not %u",
				   k->profile, want_profile);
	want = k->profile == PARLOS_PROFILE_A ? PARLOS_PUBKEY_A_LEN :
		PARLOS_PUBKEY_B_LEN;
	if (pnl_copy_bin(tb[PARLOS_A_PUBKEY], "public key", want, want,
			 k->key, &k->len, e))
		return e->err;
	return 0;
}

int ctl_parse_blob(struct nlmsghdr *nlh, struct ctl_blob *b,
		   struct pnl_err *e)
{
	ctl_tb_t tb;

	memset(b, 0, sizeof(*b));
	pnl_err_clear(e);
	if (ctl_parse_top(nlh, tb, e) ||
	    pnl_copy_bin(tb[PARLOS_A_BLOB], "blob", PARLOS_BLOB_A_LEN,
			 PARLOS_BLOB_B_LEN, b->blob, &b->len, e))
		return e->err;
	if (tb[PARLOS_A_CTX_ID]) {
		if (pnl_get_u32(tb[PARLOS_A_CTX_ID], "context id", &b->id, e))
			return e->err;
		b->has_id = true;
	}
	if (tb[PARLOS_A_FPR]) {
		if (ctl_parse_fprs(tb[PARLOS_A_FPR], &b->fpr, e))
			return e->err;
		b->has_fpr = true;
	}
	return 0;
}

int ctl_parse_pdu(struct nlmsghdr *nlh, bool want_sec_hdr, struct ctl_pdu *p,
		  struct pnl_err *e)
{
	ctl_tb_t tb;

	p->len = 0;
	p->count = 0;
	p->has_sec_hdr = false;
	pnl_err_clear(e);
	if (ctl_parse_top(nlh, tb, e) ||
	    pnl_copy_bin(tb[PARLOS_A_PDU], "PDU", 0, PARLOS_PDU_MAX, p->pdu,
			 &p->len, e) ||
	    pnl_get_u32(tb[PARLOS_A_COUNT], "COUNT", &p->count, e))
		return e->err;
	if (want_sec_hdr || tb[PARLOS_A_SEC_HDR]) {
		if (pnl_get_u8(tb[PARLOS_A_SEC_HDR], "security header type",
			       &p->sec_hdr, e))
			return e->err;
		p->has_sec_hdr = true;
	}
	return 0;
}

int ctl_parse_stats(struct nlmsghdr *nlh, struct ctl_stats *s,
		    struct pnl_err *e)
{
	ctl_tb_t tb;

	pnl_err_clear(e);
	if (ctl_parse_top(nlh, tb, e))
		return e->err;
	if (!tb[PARLOS_A_STATS])
		return pnl_err_set(e, -EPROTO,
				   "malformed reply: statistics missing");
	return ctl_parse_stats_nest(tb[PARLOS_A_STATS], s, e);
}

int ctl_parse_kenb(struct nlmsghdr *nlh, uint8_t key[PARLOS_KENB_LEN],
		   struct pnl_err *e)
{
	size_t len;
	ctl_tb_t tb;

	pnl_err_clear(e);
	if (ctl_parse_top(nlh, tb, e) ||
	    pnl_copy_bin(tb[PARLOS_A_KEY], "KeNB", PARLOS_KENB_LEN,
			 PARLOS_KENB_LEN, key, &len, e))
		return e->err;
	return 0;
}

int ctl_parse_keylog(struct nlmsghdr *nlh, const char **text,
		     struct pnl_err *e)
{
	ctl_tb_t tb;

	pnl_err_clear(e);
	if (ctl_parse_top(nlh, tb, e) ||
	    pnl_get_str(tb[PARLOS_A_KEYLOG], "key log", CTL_KEYLOG_MAX, text,
			e))
		return e->err;
	return 0;
}

int ctl_parse_event(struct nlmsghdr *nlh, struct ctl_event *ev,
		    struct pnl_err *e)
{
	struct genlmsghdr *g;
	ctl_tb_t tb;

	memset(ev, 0, sizeof(*ev));
	pnl_err_clear(e);
	if (ctl_parse_top(nlh, tb, e) ||
	    pnl_get_u32(tb[PARLOS_A_CTX_ID], "context id", &ev->id, e))
		return e->err;
	g = nlmsg_data(nlh);
	ev->cmd = g->cmd;
	if (ctl_opt_u8(tb[PARLOS_A_ROLE], "role", &ev->role, &ev->have,
		       CTL_EV_ROLE, e) ||
	    ctl_opt_u8(tb[PARLOS_A_LAYER], "layer", &ev->layer, &ev->have,
		       CTL_EV_LAYER, e) ||
	    ctl_opt_u8(tb[PARLOS_A_RB_ID], "RB id", &ev->rb, &ev->have,
		       CTL_EV_RB, e) ||
	    ctl_opt_u32(tb[PARLOS_A_COUNT], "COUNT", &ev->count, &ev->have,
			CTL_EV_COUNT, e))
		return e->err;
	if (tb[PARLOS_A_LABEL]) {
		if (ctl_get_label(tb[PARLOS_A_LABEL], ev->label,
				  &ev->label_len, e))
			return e->err;
		ev->have |= CTL_EV_LABEL;
	}
	return 0;
}
