// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel layer over generic netlink: one synchronous request per
 * operation on one socket (the module answers at once; parlosd never
 * waits on the network inside a call).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel.h"
#include "pnl.h"

#include <netlink/msg.h>

struct kern {
	struct pnl p;
};

static const struct nla_policy ctx_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_ROLE] = { .type = NLA_U8 },
	[PARLOS_A_STATE] = { .type = NLA_U8 },
	[PARLOS_A_LABEL] = { .type = NLA_UNSPEC },
	[PARLOS_A_PROFILE] = { .type = NLA_U8 },
	[PARLOS_A_PUBKEY] = { .type = NLA_UNSPEC },
	[PARLOS_A_BLOB] = { .type = NLA_UNSPEC },
	[PARLOS_A_NAS_EEA] = { .type = NLA_U8 },
	[PARLOS_A_NAS_EIA] = { .type = NLA_U8 },
	[PARLOS_A_AS_EEA] = { .type = NLA_U8 },
	[PARLOS_A_AS_EIA] = { .type = NLA_U8 },
	[PARLOS_A_NAS_UL_COUNT] = { .type = NLA_U32 },
	[PARLOS_A_NAS_DL_COUNT] = { .type = NLA_U32 },
	[PARLOS_A_SEC_HDR] = { .type = NLA_U8 },
	[PARLOS_A_PDU] = { .type = NLA_UNSPEC },
	[PARLOS_A_COUNT] = { .type = NLA_U32 },
	[PARLOS_A_FPR] = { .type = NLA_NESTED },
	[PARLOS_A_STATS] = { .type = NLA_NESTED },
	[PARLOS_A_UE_ID] = { .type = NLA_U16 },
	[PARLOS_A_DRB] = { .type = NLA_NESTED },
};

static const struct nla_policy drb_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_IFINDEX] = { .type = NLA_U32 },
	[PARLOS_A_UE_ADDR] = { .type = NLA_U32 },
	[PARLOS_A_PEER_ADDR] = { .type = NLA_U32 },
	[PARLOS_A_PEER_PORT] = { .type = NLA_U16 },
	[PARLOS_A_UE_ID] = { .type = NLA_U16 },
};

static void err_from_pnl(struct kern_err *e, const struct pnl_err *pe)
{
	e->err = pe->err;
	snprintf(e->msg, sizeof(e->msg), "%s", pe->msg);
}

static int err_set(struct kern_err *e, int err, const char *msg)
{
	e->err = err;
	snprintf(e->msg, sizeof(e->msg), "%s", msg);
	return err;
}

const char *kern_strerror(const struct kern_err *e)
{
	if (e->msg[0])
		return e->msg;
	return strerror(e->err < 0 ? -e->err : e->err);
}

int kern_open(struct kern **k, struct kern_err *e)
{
	struct pnl_err pe;
	int err;

	*k = calloc(1, sizeof(**k));
	if (!*k)
		return err_set(e, -ENOMEM, "out of memory");
	err = pnl_open(&(*k)->p, PARLOS_GENL_NAME, &pe);
	if (err) {
		err_from_pnl(e, &pe);
		if (err == -ENOENT)
			snprintf(e->msg, sizeof(e->msg),
				 "generic netlink family \"%s\" not found: "
				 "is the parlos module loaded?",
				 PARLOS_GENL_NAME);
		free(*k);
		*k = NULL;
	}
	return err;
}

void kern_close(struct kern *k)
{
	if (!k)
		return;
	pnl_close(&k->p);
	free(k);
}

/* A request of cmd; the caller adds attributes, then calls run() */
static struct nl_msg *req(struct kern *k, uint8_t cmd, uint32_t id,
			  size_t extra)
{
	struct nl_msg *m = pnl_msg_new_size(&k->p, cmd, 0, 1024 + extra);

	if (m && id && nla_put_u32(m, PARLOS_A_CTX_ID, id) < 0) {
		nlmsg_free(m);
		return NULL;
	}
	return m;
}

/*
 * Sends m (freed here), parses the first reply into tb. The reply stays
 * in r for the caller, who clears it.
 */
static int run(struct kern *k, struct nl_msg *m, struct pnl_reply *r,
	       struct nlattr **tb, struct kern_err *e)
{
	struct pnl_err pe;
	int err;

	pnl_reply_init(r);
	if (!m)
		return err_set(e, -ENOMEM, "out of memory (netlink message)");
	err = pnl_request(&k->p, m, r, &pe);
	nlmsg_free(m);
	if (!err && tb) {
		if (!r->n)
			err = pnl_err_set(&pe, -EPROTO,
					  "malformed reply: no message");
		else
			err = pnl_parse(r->msg[0], 0, tb, PARLOS_A_MAX,
					ctx_policy, &pe);
	}
	if (err) {
		err_from_pnl(e, &pe);
		pnl_reply_clear(r);
	}
	return err;
}

static int run_noreply(struct kern *k, struct nl_msg *m, struct kern_err *e)
{
	struct pnl_reply r;
	int err = run(k, m, &r, NULL, e);

	pnl_reply_clear(&r);
	return err;
}

static int put_params(struct nl_msg *m, const struct kern_ctx_params *p)
{
	static const int alg_attr[4] = { PARLOS_A_NAS_EEA, PARLOS_A_NAS_EIA,
					 PARLOS_A_AS_EEA, PARLOS_A_AS_EIA };
	const uint8_t algs[4] = { p->nas_eea, p->nas_eia, p->as_eea,
				  p->as_eia };
	int i;

	if (p->label && nla_put(m, PARLOS_A_LABEL, (int)strlen(p->label),
				p->label) < 0)
		return -EMSGSIZE;
	if (p->has_ue_id && nla_put_u16(m, PARLOS_A_UE_ID, p->ue_id) < 0)
		return -EMSGSIZE;
	for (i = 0; i < 4; i++)
		if (algs[i] != KERN_ALG_UNSET &&
		    nla_put_u8(m, alg_attr[i], algs[i]) < 0)
			return -EMSGSIZE;
	return 0;
}

static uint8_t get_alg(struct nlattr *a)
{
	return a && nla_len(a) == 1 ? nla_get_u8(a) : KERN_ALG_UNSET;
}

static int parse_fprs(struct nlattr *nest, struct kern_ctx_info *info)
{
	struct nlattr *a;
	int rem;

	if (!nest)
		return 0;
	nla_for_each_nested(a, nest, rem) {
		int t = nla_type(a);

		if (t < 1 || t > PARLOS_KEY_MAX ||
		    nla_len(a) != PARLOS_FPR_LEN)
			continue;
		memcpy(info->fpr[t], nla_data(a), PARLOS_FPR_LEN);
		info->fpr_valid |= 1u << t;
	}
	return 0;
}

/* The PARLOS_A_DRB nest: the binding, if the context has one */
static int parse_drb(struct nlattr *nest, struct kern_ctx_info *info,
		     struct kern_err *e)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct kern_drb *d = &info->drb;
	struct pnl_err pe;
	int err;

	if (!nest)
		return 0;
	err = pnl_parse_nested(nest, "drb", tb, PARLOS_A_MAX, drb_policy, &pe);
	if (!err)
		err = pnl_get_u32(tb[PARLOS_A_IFINDEX], "ifindex", &d->ifindex,
				  &pe);
	if (!err)
		err = pnl_get_u32(tb[PARLOS_A_UE_ADDR], "ue addr", &d->ue_addr,
				  &pe);
	if (!err)
		err = pnl_get_u32(tb[PARLOS_A_PEER_ADDR], "peer addr",
				  &d->peer_addr, &pe);
	if (!err)
		err = pnl_get_u16(tb[PARLOS_A_PEER_PORT], "peer port",
				  &d->peer_port, &pe);
	if (!err)
		err = pnl_get_u16(tb[PARLOS_A_UE_ID], "ue id", &d->ue_id, &pe);
	if (err) {
		err_from_pnl(e, &pe);
		return err;
	}
	info->bound = true;
	return 0;
}

static int parse_tree(struct nlattr **tb, struct kern_ctx_info *info,
		      struct kern_err *e)
{
	struct pnl_err pe;
	size_t n;

	memset(info, 0, sizeof(*info));
	if (pnl_get_u32(tb[PARLOS_A_CTX_ID], "context id", &info->id, &pe)) {
		err_from_pnl(e, &pe);
		return pe.err;
	}
	info->role = tb[PARLOS_A_ROLE] ? nla_get_u8(tb[PARLOS_A_ROLE]) : 0;
	info->state = tb[PARLOS_A_STATE] ? nla_get_u8(tb[PARLOS_A_STATE]) : 0;
	info->profile = tb[PARLOS_A_PROFILE] ?
			nla_get_u8(tb[PARLOS_A_PROFILE]) : 0;
	info->nas_eea = get_alg(tb[PARLOS_A_NAS_EEA]);
	info->nas_eia = get_alg(tb[PARLOS_A_NAS_EIA]);
	info->as_eea = get_alg(tb[PARLOS_A_AS_EEA]);
	info->as_eia = get_alg(tb[PARLOS_A_AS_EIA]);
	if (tb[PARLOS_A_NAS_UL_COUNT])
		info->ul_count = nla_get_u32(tb[PARLOS_A_NAS_UL_COUNT]);
	if (tb[PARLOS_A_NAS_DL_COUNT])
		info->dl_count = nla_get_u32(tb[PARLOS_A_NAS_DL_COUNT]);
	if (tb[PARLOS_A_UE_ID]) {
		info->has_ue_id = true;
		info->ue_id = nla_get_u16(tb[PARLOS_A_UE_ID]);
	}
	if (tb[PARLOS_A_LABEL]) {
		n = (size_t)nla_len(tb[PARLOS_A_LABEL]);
		if (n > PARLOS_LABEL_MAX)
			n = PARLOS_LABEL_MAX;
		memcpy(info->label, nla_data(tb[PARLOS_A_LABEL]), n);
		info->label[n] = '\0';
	}
	parse_fprs(tb[PARLOS_A_FPR], info);
	return parse_drb(tb[PARLOS_A_DRB], info, e);
}

int kern_ctx_new(struct kern *k, const struct kern_ctx_params *p,
		 uint32_t *id, struct kern_err *e)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nl_msg *m = req(k, PARLOS_CMD_CTX_NEW, 0, 0);
	struct pnl_reply r;
	struct pnl_err pe;
	int err;

	if (m && (nla_put_u8(m, PARLOS_A_ROLE, p->role) < 0 ||
		  put_params(m, p))) {
		nlmsg_free(m);
		m = NULL;
	}
	err = run(k, m, &r, tb, e);
	if (err)
		return err;
	err = pnl_get_u32(tb[PARLOS_A_CTX_ID], "context id", id, &pe);
	if (err)
		err_from_pnl(e, &pe);
	pnl_reply_clear(&r);
	return err;
}

int kern_ctx_del(struct kern *k, uint32_t id, struct kern_err *e)
{
	return run_noreply(k, req(k, PARLOS_CMD_CTX_DEL, id, 0), e);
}

int kern_ctx_set(struct kern *k, uint32_t id, const struct kern_ctx_params *p,
		 struct kern_err *e)
{
	struct nl_msg *m = req(k, PARLOS_CMD_CTX_SET, id, 0);

	if (m && put_params(m, p)) {
		nlmsg_free(m);
		m = NULL;
	}
	return run_noreply(k, m, e);
}

static int get_tree(struct kern *k, struct nl_msg *m,
		    struct kern_ctx_info *info, struct kern_err *e)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct pnl_reply r;
	int err = run(k, m, &r, tb, e);

	if (err)
		return err;
	err = parse_tree(tb, info, e);
	pnl_reply_clear(&r);
	return err;
}

int kern_ctx_get(struct kern *k, uint32_t id, struct kern_ctx_info *info,
		 struct kern_err *e)
{
	return get_tree(k, req(k, PARLOS_CMD_CTX_GET, id, 0), info, e);
}

int kern_ctx_find(struct kern *k, const char *label,
		  struct kern_ctx_info *info, struct kern_err *e)
{
	struct nl_msg *m = req(k, PARLOS_CMD_CTX_GET, 0, 0);

	if (m && nla_put(m, PARLOS_A_LABEL, (int)strlen(label), label) < 0) {
		nlmsg_free(m);
		m = NULL;
	}
	return get_tree(k, m, info, e);
}

int kern_ctx_dump(struct kern *k, kern_ctx_fn fn, void *arg,
		  struct kern_err *e)
{
	struct nl_msg *m = pnl_msg_new_size(&k->p, PARLOS_CMD_CTX_GET,
					    NLM_F_DUMP, 256);
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct kern_ctx_info info;
	struct pnl_reply r;
	struct pnl_err pe;
	size_t i;
	int err;

	if (!m)
		return err_set(e, -ENOMEM, "out of memory (netlink message)");
	pnl_reply_init(&r);
	err = pnl_dump(&k->p, m, &r, 0, &pe);
	nlmsg_free(m);
	if (err)
		err_from_pnl(e, &pe);
	for (i = 0; !err && i < r.n; i++) {
		err = pnl_parse(r.msg[i], 0, tb, PARLOS_A_MAX, ctx_policy, &pe);
		if (err) {
			err_from_pnl(e, &pe);
			break;
		}
		err = parse_tree(tb, &info, e);
		if (!err)
			err = fn(&info, arg);
	}
	pnl_reply_clear(&r);
	return err;
}

int kern_drb_bind(struct kern *k, uint32_t id, const struct kern_drb *b,
		  struct kern_err *e)
{
	struct nl_msg *m = req(k, PARLOS_CMD_DRB_BIND, id, 0);

	if (m && (nla_put_u32(m, PARLOS_A_IFINDEX, b->ifindex) < 0 ||
		  nla_put_u32(m, PARLOS_A_UE_ADDR, b->ue_addr) < 0 ||
		  nla_put_u32(m, PARLOS_A_PEER_ADDR, b->peer_addr) < 0 ||
		  nla_put_u16(m, PARLOS_A_PEER_PORT, b->peer_port) < 0 ||
		  nla_put_u16(m, PARLOS_A_UE_ID, b->ue_id) < 0)) {
		nlmsg_free(m);
		m = NULL;
	}
	return run_noreply(k, m, e);
}

int kern_drb_unbind(struct kern *k, uint32_t id, struct kern_err *e)
{
	return run_noreply(k, req(k, PARLOS_CMD_DRB_UNBIND, id, 0), e);
}

/* Copies binary attribute a (min..cap bytes) to out */
static int get_bin(struct nlattr *a, const char *name, size_t min,
		   uint8_t *out, size_t cap, size_t *len, struct kern_err *e)
{
	struct pnl_err pe;
	int err = pnl_copy_bin(a, name, min, cap, out, len, &pe);

	if (err)
		err_from_pnl(e, &pe);
	return err;
}

int kern_keygen(struct kern *k, uint32_t id, uint8_t profile, uint8_t *pub,
		size_t cap, size_t *len, struct kern_err *e)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nl_msg *m = req(k, PARLOS_CMD_KEYGEN, id, 0);
	struct pnl_reply r;
	int err;

	if (m && nla_put_u8(m, PARLOS_A_PROFILE, profile) < 0) {
		nlmsg_free(m);
		m = NULL;
	}
	err = run(k, m, &r, tb, e);
	if (err)
		return err;
	err = get_bin(tb[PARLOS_A_PUBKEY], "public key", PARLOS_PUBKEY_A_LEN,
		      pub, cap, len, e);
	pnl_reply_clear(&r);
	return err;
}

int kern_wrap(struct kern *k, uint32_t id, uint8_t profile,
	      const uint8_t *pub, size_t publen, uint8_t *blob, size_t cap,
	      size_t *len, struct kern_err *e)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nl_msg *m = req(k, PARLOS_CMD_WRAP, id, publen);
	struct pnl_reply r;
	int err;

	if (m && (nla_put_u8(m, PARLOS_A_PROFILE, profile) < 0 ||
		  nla_put(m, PARLOS_A_PUBKEY, (int)publen, pub) < 0)) {
		nlmsg_free(m);
		m = NULL;
	}
	err = run(k, m, &r, tb, e);
	if (err)
		return err;
	err = get_bin(tb[PARLOS_A_BLOB], "encrypted KASMEtemp",
		      PARLOS_BLOB_A_LEN, blob, cap, len, e);
	pnl_reply_clear(&r);
	return err;
}

int kern_unwrap(struct kern *k, uint32_t id, const uint8_t *blob, size_t len,
		struct kern_err *e)
{
	struct nl_msg *m = req(k, PARLOS_CMD_UNWRAP, id, len);

	if (m && nla_put(m, PARLOS_A_BLOB, (int)len, blob) < 0) {
		nlmsg_free(m);
		m = NULL;
	}
	return run_noreply(k, m, e);
}

int kern_as_derive(struct kern *k, uint32_t id, uint32_t ul_count,
		   struct kern_err *e)
{
	struct nl_msg *m = req(k, PARLOS_CMD_AS_DERIVE, id, 0);

	if (m && nla_put_u32(m, PARLOS_A_KENB_COUNT, ul_count) < 0) {
		nlmsg_free(m);
		m = NULL;
	}
	return run_noreply(k, m, e);
}

/* NAS and SRB operations: PDU in, PDU and COUNT out */
static int sec_op(struct kern *k, struct nl_msg *m, const uint8_t *in,
		  size_t len, struct kern_pdu *out, struct kern_err *e)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct pnl_reply r;
	struct pnl_err pe;
	int err;

	if (m && nla_put(m, PARLOS_A_PDU, (int)len, in) < 0) {
		nlmsg_free(m);
		m = NULL;
	}
	err = run(k, m, &r, tb, e);
	if (err)
		return err;
	err = get_bin(tb[PARLOS_A_PDU], "PDU", 1, out->p, out->cap,
		      &out->len, e);
	if (!err) {
		err = pnl_get_u32(tb[PARLOS_A_COUNT], "COUNT", &out->count,
				  &pe);
		if (err)
			err_from_pnl(e, &pe);
	}
	out->sht = tb[PARLOS_A_SEC_HDR] ? nla_get_u8(tb[PARLOS_A_SEC_HDR]) : 0;
	pnl_reply_clear(&r);
	return err;
}

int kern_nas_protect(struct kern *k, uint32_t id, uint8_t sht,
		     const uint8_t *msg, size_t len, struct kern_pdu *out,
		     struct kern_err *e)
{
	struct nl_msg *m = req(k, PARLOS_CMD_NAS_PROTECT, id, len);

	if (m && nla_put_u8(m, PARLOS_A_SEC_HDR, sht) < 0) {
		nlmsg_free(m);
		m = NULL;
	}
	return sec_op(k, m, msg, len, out, e);
}

int kern_nas_unprotect(struct kern *k, uint32_t id, const uint8_t *pdu,
		       size_t len, struct kern_pdu *out, struct kern_err *e)
{
	return sec_op(k, req(k, PARLOS_CMD_NAS_UNPROTECT, id, len), pdu, len,
		      out, e);
}

static struct nl_msg *srb_req(struct kern *k, uint8_t cmd, uint32_t id,
			      uint8_t rb, bool cipher, size_t len)
{
	struct nl_msg *m = req(k, cmd, id, len);

	if (m && (nla_put_u8(m, PARLOS_A_RB_ID, rb) < 0 ||
		  nla_put_u8(m, PARLOS_A_CIPHER, cipher) < 0)) {
		nlmsg_free(m);
		return NULL;
	}
	return m;
}

int kern_srb_protect(struct kern *k, uint32_t id, uint8_t rb, bool cipher,
		     const uint8_t *msg, size_t len, struct kern_pdu *out,
		     struct kern_err *e)
{
	return sec_op(k, srb_req(k, PARLOS_CMD_SRB_PROTECT, id, rb, cipher,
				 len), msg, len, out, e);
}

int kern_srb_unprotect(struct kern *k, uint32_t id, uint8_t rb, bool cipher,
		       const uint8_t *pdu, size_t len, struct kern_pdu *out,
		       struct kern_err *e)
{
	return sec_op(k, srb_req(k, PARLOS_CMD_SRB_UNPROTECT, id, rb, cipher,
				 len), pdu, len, out, e);
}
