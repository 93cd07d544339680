// SPDX-License-Identifier: GPL-2.0
/*
 * Gateway: the network side of the PARLOS attach for many MEs at once.
 * Every handler either moves one ME's state forward or drops what it
 * got with a log line; a drop changes nothing.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "algo.h"
#include "as_smc.h"
#include "attach.h"
#include "gateway.h"
#include "log.h"
#include "smc.h"
#include "uplane.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#define MSG_MAX		(WIRE_MAX - 8)

static void gw_timeout(struct timer *t);

const char *gw_state_name(enum gw_state s)
{
	static const char *const names[] = { "SMC_SENT", "AS_SMC_SENT",
					     "ACCEPT_SENT", "ATTACHED" };

	return s <= GW_ATTACHED ? names[s] : "?";
}

static const char *ue_str(const struct gw_ue *ue, char buf[ADDR_STR_MAX])
{
	return addr_str(&ue->addr, buf);
}

static const char *ip_str(uint32_t ip, char buf[INET_ADDRSTRLEN])
{
	struct in_addr a = { htonl(ip) };

	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

int gw_init(struct gw *g, struct d_env *env)
{
	const struct d_config *c = env->cfg;
	int err;

	memset(g, 0, sizeof(*g));
	g->env = env;
	err = peers_init(&g->peers);
	if (!err)
		err = pool_init(&g->pool, c->pool_net, c->pool_prefix);
	if (!err)
		err = ueid_init(&g->ueids);
	return err;
}

struct gw_ue *gw_find(struct gw *g, const struct sockaddr_in *addr)
{
	struct peer_node *n = peers_find(&g->peers, peer_key_of(addr));

	return n ? (struct gw_ue *)n : NULL;
}

/* Forgets ue; its context goes too unless keep */
static void ue_free(struct gw_ue *ue, bool keep)
{
	struct gw *g = ue->gw;
	struct kern_err e;

	timer_cancel(g->env->timers, &ue->timer);
	if (!keep && ue->ctx && kern_ctx_del(g->env->kern, ue->ctx, &e))
		log_warn("deleting context %u: %s", ue->ctx,
			 kern_strerror(&e));
	ueid_release(&g->ueids, ue->ue_id);
	if (ue->ipv4)
		pool_release(&g->pool, ue->ipv4);
	peers_del(&g->peers, &ue->node);
	gw_me_cred_free(&ue->mcred);
	explicit_bzero(ue, sizeof(*ue));
	free(ue);
}

static void ue_abort(struct gw_ue *ue, const char *why)
{
	char a[ADDR_STR_MAX];

	log_warn("%s: attach aborted in %s: %s", ue_str(ue, a),
		 gw_state_name(ue->state), why);
	ue->gw->stats.aborted++;
	ue_free(ue, false);
}

/* The context label (gw_label.h): "gw ADDR:PORT IMEI IPV4 STATE" */
static void ue_label(const struct gw_ue *ue, enum gw_label_state st,
		     char *out, size_t len)
{
	struct gw_label l = {
		.addr = ue->addr, .ipv4 = ue->ipv4, .state = st,
		.pti = ue->pti,
	};

	memcpy(l.imei, ue->imei, sizeof(l.imei));
	gw_label_format(&l, out, len);
}

/* A restart relies on it: a failure is logged, the attach goes on */
static void ue_relabel(struct gw_ue *ue, enum gw_label_state st)
{
	char label[PARLOS_LABEL_MAX + 1], a[ADDR_STR_MAX];
	struct kern_ctx_params p;
	struct kern_err e;

	ue_label(ue, st, label, sizeof(label));
	kern_params_init(&p);
	p.label = label;
	if (kern_ctx_set(ue->gw->env->kern, ue->ctx, &p, &e))
		log_warn("%s: cannot label context %u \"%s\": %s",
			 ue_str(ue, a), ue->ctx, label, kern_strerror(&e));
}

static void send_plain(struct gw *g, const struct sockaddr_in *to,
		       const uint8_t *msg, size_t len)
{
	wire_send_nas(g->env, to, msg, len, NULL, 0);
}

static void send_reject(struct gw *g, const struct sockaddr_in *to,
			uint8_t cause, const char *why)
{
	uint8_t msg[16];
	char a[ADDR_STR_MAX];
	size_t len;

	log_warn("%s: ATTACH REJECT #%u (%s): %s", addr_str(to, a), cause,
		 emm_cause_str(cause), why);
	g->stats.rejected++;
	if (!attach_reject_build(cause, msg, sizeof(msg), &len))
		send_plain(g, to, msg, len);
}

/* Protects plain with the ME's context and sends it */
static int send_protected(struct gw_ue *ue, uint8_t sht, const uint8_t *plain,
			  size_t len)
{
	struct d_env *env = ue->gw->env;
	uint8_t pdu[MSG_MAX + 8];
	struct kern_pdu out = { pdu, sizeof(pdu), 0, 0, 0 };
	struct kern_err e;
	char a[ADDR_STR_MAX];
	int err;

	err = kern_nas_protect(env->kern, ue->ctx, sht, plain, len, &out, &e);
	if (err) {
		log_err("%s: NAS protection failed: %s", ue_str(ue, a),
			kern_strerror(&e));
		return err;
	}
	log_debug("%s: %s sent, downlink COUNT %u", ue_str(ue, a),
		  nas_msg_name(NAS_PD_EMM, plain[1]), out.count);
	/* The plain copy is for the capture only: ciphered types only */
	return wire_send_nas(env, &ue->addr, pdu, out.len,
			     sht == NAS_SHT_INTEG_CIPH ||
			     sht == NAS_SHT_INTEG_CIPH_NEW ? plain : NULL, len);
}

/* The transcript of ue's procedure (docs/protocol.md); signer unset */
static void ue_transcript(const struct gw_ue *ue, struct transcript *t,
			  struct nas_ue_sec_cap *caps)
{
	nas_ue_sec_cap_from_net_cap(caps, &ue->cap);
	memset(t, 0, sizeof(*t));
	t->plmn = ue->gw->env->cfg->plmn;
	t->profile = ue->profile;
	t->me_pub = ue->me_pub;
	t->me_pub_len = ue->me_pub_len;
	t->me_cert_hash = ue->mcred.has_cert ? ue->mcred.cert_hash : NULL;
	t->eea = ue->eea;
	t->eia = ue->eia;
	t->caps = caps;
	t->blob = ue->blob;
	t->blob_len = ue->blob_len;
}

static int send_smc(struct gw_ue *ue)
{
	struct d_env *env = ue->gw->env;
	struct smc_params p = {
		.eea = ue->eea, .eia = ue->eia, .ksi = D_KSI,
		.ue_cap = &ue->cap, .profile = ue->profile,
		.blob = ue->blob, .blob_len = ue->blob_len,
		.imeisv_req = true,
	};
	struct smc_extra x = { .key_hash = ue->key_hash };
	uint8_t msg[MSG_MAX], cred[CRED_IE_MAX];
	struct nas_ue_sec_cap caps;
	struct transcript t;
	size_t len;
	int err;

	/* Signed anew for each transmission: nothing kept per ME */
	ue_transcript(ue, &t, &caps);
	err = gw_cred_smc_ie(env->cfg, env->cfg->cred, &t, cred, sizeof(cred),
			     &x.cred_len);
	if (!err)
		x.cred = cred;
	else if (err != -ENOENT)
		return err;
	err = smc_build_extra(&p, &x, msg, sizeof(msg), &len);
	return err ?: send_protected(ue, NAS_SHT_INTEG_NEW, msg, len);
}

static int send_as_smc(struct gw_ue *ue)
{
	struct d_env *env = ue->gw->env;
	uint8_t msg[16], pdu[64];
	struct kern_pdu out = { pdu, sizeof(pdu), 0, 0, 0 };
	struct kern_err e;
	char a[ADDR_STR_MAX];
	size_t len;
	int err;

	err = as_smc_command(ue->eea, ue->eia, D_RRC_TID, msg, sizeof(msg),
			     &len);
	if (err)
		return err;
	/* Integrity only: ciphering starts after the SMC (36.331 5.3.4.3) */
	err = kern_srb_protect(env->kern, ue->ctx, 1, false, msg, len, &out,
			       &e);
	if (err) {
		log_err("%s: SRB1 protection failed: %s", ue_str(ue, a),
			kern_strerror(&e));
		return err;
	}
	log_debug("%s: RRC securityModeCommand sent, SRB1 COUNT %u",
		  ue_str(ue, a), out.count);
	return wire_send_srb1(env, &ue->addr, PDCP_LTE_DIR_DL, ue->ue_id,
			      pdu, out.len);
}

static int send_accept(struct gw_ue *ue)
{
	struct accept_params p = {
		.cfg = ue->gw->env->cfg,
		/* The low 16 bits of the M-TMSI are the UE id */
		.m_tmsi = ue->ue_id,
		.ipv4 = ue->ipv4,
		.pti = ue->pti,
	};
	uint8_t msg[MSG_MAX];
	size_t len;
	int err = attach_accept_build(&p, msg, sizeof(msg), &len);

	if (!err)
		err = send_protected(ue, NAS_SHT_INTEG_CIPH, msg, len);
	explicit_bzero(msg, sizeof(msg));
	return err;
}

/* The current message of ue's state, sent again or for the first time */
static int send_current(struct gw_ue *ue)
{
	switch (ue->state) {
	case GW_SMC_SENT:
		return send_smc(ue);
	case GW_AS_SMC_SENT:
		return send_as_smc(ue);
	case GW_ACCEPT_SENT:
		return send_accept(ue);
	default:
		return 0;
	}
}

static uint32_t state_timer(const struct gw_ue *ue)
{
	const struct d_config *c = ue->gw->env->cfg;

	return ue->state == GW_ACCEPT_SENT ? c->t3450 : c->t3460;
}

/* Enters state s: sends its message and starts its timer */
static void enter(struct gw_ue *ue, enum gw_state s)
{
	/* Before it is sent: a restart then sends it again */
	if (s == GW_ACCEPT_SENT)
		ue_relabel(ue, GWL_ACCEPT);
	ue->state = s;
	ue->sent = 1;
	if (send_current(ue)) {
		ue_abort(ue, "cannot send");
		return;
	}
	timer_arm(ue->gw->env->timers, &ue->timer, state_timer(ue));
}

static void gw_timeout(struct timer *t)
{
	struct gw_ue *ue = (struct gw_ue *)((char *)t -
					    offsetof(struct gw_ue, timer));
	const struct d_config *c = ue->gw->env->cfg;
	const char *name = ue->state == GW_ACCEPT_SENT ? "T3450" : "T3460";
	char a[ADDR_STR_MAX], why[96];

	if (ue->sent > c->max_retrans) {
		snprintf(why, sizeof(why), "%s expired %u times", name,
			 ue->sent);
		ue_abort(ue, why);
		return;
	}
	ue->sent++;
	ue->gw->stats.retransmitted++;
	log_info("%s: %s expired: retransmission %u in %s", ue_str(ue, a),
		 name, ue->sent - 1, gw_state_name(ue->state));
	if (send_current(ue)) {
		ue_abort(ue, "cannot retransmit");
		return;
	}
	timer_arm(ue->gw->env->timers, &ue->timer, state_timer(ue));
}

/* --- ATTACH REQUEST ----------------------------------------------------- */

/* The checks of 5.5.1.2.3 that PARLOS makes: 0 or the ATTACH REJECT cause */
static uint8_t check_request(struct gw *g, const struct nas_attach_req *r,
			     uint8_t *eea, uint8_t *eia, const char **why)
{
	const struct d_config *c = g->env->cfg;
	int v;

	*why = NULL;
	if (r->attach_type != NAS_ATTACH_TYPE_RLOS) {
		*why = "not an EPS RLOS attach";
		return NAS_EMM_EPS_NOT_ALLOWED;
	}
	if (r->id.type != NAS_ID_IMEI)
		*why = "identity is not an IMEI";
	else if (!r->has_pubkey)
		*why = "no PARLOS ME public key (0x7A)";
	else if (!(c->profiles & (1u << r->pubkey.profile)))
		*why = "ECIES profile of 0x7A not accepted here";
	if (*why)
		return NAS_EMM_INVALID_MANDATORY;
	v = alg_select(&c->eia, r->ue_net_cap.oct[1], true);
	if (v < 0) {
		*why = "no acceptable integrity algorithm offered";
		return NAS_EMM_UE_SEC_CAP_MISMATCH;
	}
	*eia = (uint8_t)v;
	v = alg_select(&c->eea, r->ue_net_cap.oct[0], false);
	if (v < 0) {
		*why = "no acceptable ciphering algorithm offered";
		return NAS_EMM_UE_SEC_CAP_MISMATCH;
	}
	*eea = (uint8_t)v;
	return 0;
}

static int ctx_create(struct gw *g, struct gw_ue *ue, struct kern_err *e)
{
	char label[PARLOS_LABEL_MAX + 1];
	struct kern_ctx_params p;
	struct kern_ctx_info old;
	int err;

	ue_label(ue, GWL_SMC, label, sizeof(label));
	kern_params_init(&p);
	p.role = PARLOS_ROLE_NETWORK;
	p.label = label;
	p.has_ue_id = true;
	p.ue_id = ue->ue_id;
	p.nas_eea = p.as_eea = ue->eea;
	p.nas_eia = p.as_eia = ue->eia;
	err = kern_ctx_new(g->env->kern, &p, &ue->ctx, e);
	if (err != -EEXIST)
		return err;
	/* Left over from an earlier run for the same ME: replace it */
	if (kern_ctx_find(g->env->kern, label, &old, e) ||
	    kern_ctx_del(g->env->kern, old.id, e))
		return err;
	log_info("replaced stale context %u \"%s\"", old.id, label);
	return kern_ctx_new(g->env->kern, &p, &ue->ctx, e);
}

static uint8_t kern_cause(int err)
{
	return err == -ENOSPC ? EMM_CONGESTION : NAS_EMM_PROTOCOL_ERROR;
}

/* Kernel side of a new ME: context, KASMEtemp wrapped to its key */
static uint8_t ue_keys(struct gw *g, struct gw_ue *ue,
		       const struct nas_parlos_pubkey *pk, const char **why,
		       struct kern_err *e)
{
	int err = ctx_create(g, ue, e);

	if (err) {
		*why = "cannot create a context";
		return kern_cause(err);
	}
	err = kern_wrap(g->env->kern, ue->ctx, pk->profile, pk->key,
			pk->key_len, ue->blob, sizeof(ue->blob), &ue->blob_len,
			e);
	if (err == -EINVAL) {
		*why = "the kernel refused the ME public key";
		return NAS_EMM_INVALID_MANDATORY;
	}
	if (err) {
		*why = "cannot wrap KASMEtemp";
		return kern_cause(err);
	}
	return 0;
}

static struct gw_ue *ue_new(struct gw *g, const struct sockaddr_in *from,
			    const struct nas_attach_req *r, uint8_t eea,
			    uint8_t eia, const char **why)
{
	struct gw_ue *ue = calloc(1, sizeof(*ue));

	*why = "out of memory";
	if (!ue)
		return NULL;
	ue->gw = g;
	ue->addr = *from;
	ue->node.key = peer_key_of(from);
	timer_init(&ue->timer, gw_timeout);
	*why = "no UE id left";
	if (ueid_alloc(&g->ueids, &ue->ue_id))
		goto fail;
	*why = "IPv4 pool exhausted";
	if (pool_alloc(&g->pool, &ue->ipv4))
		goto fail;
	memcpy(ue->imei, r->id.digits, sizeof(ue->imei));
	ue->eea = eea;
	ue->eia = eia;
	ue->profile = r->pubkey.profile;
	memcpy(ue->me_pub, r->pubkey.key, r->pubkey.key_len);
	ue->me_pub_len = r->pubkey.key_len;
	ue->pti = r->esm.pti;
	ue->cap = r->ue_net_cap;
	peers_add(&g->peers, &ue->node);
	return ue;
fail:
	ueid_release(&g->ueids, ue->ue_id);
	free(ue);
	return NULL;
}

struct gw_ue *gw_ue_adopt(struct gw *g, const struct gw_label *l,
			  const struct kern_ctx_info *info, enum gw_state s)
{
	struct gw_ue *ue = calloc(1, sizeof(*ue));

	if (!ue)
		return NULL;
	ue->gw = g;
	ue->addr = l->addr;
	ue->node.key = peer_key_of(&l->addr);
	timer_init(&ue->timer, gw_timeout);
	ue->state = s;
	ue->ctx = info->id;
	ue->ue_id = info->ue_id;
	ue->ipv4 = l->ipv4;
	memcpy(ue->imei, l->imei, sizeof(ue->imei));
	ue->eea = info->nas_eea;
	ue->eia = info->nas_eia;
	ue->profile = info->profile;
	ue->pti = l->pti;
	ue->bound = info->bound;
	peers_add(&g->peers, &ue->node);
	return ue;
}

void gw_ue_resume(struct gw_ue *ue)
{
	enter(ue, GW_ACCEPT_SENT);
}

static bool is_pubkey_error(const struct nas_err *err)
{
	return err->ie && !strcmp(err->ie, "PARLOS ME public key");
}

static void on_attach_request(struct gw *g, struct gw_ue *old,
			      const struct sockaddr_in *from,
			      const uint8_t *buf, size_t len)
{
	const struct d_config *c = g->env->cfg;
	struct nas_emm_msg m;
	struct nas_err err;
	struct kern_err ke = { 0, "" };
	struct gw_me_cred mcred;
	struct gw_ue *ue;
	char a[ADDR_STR_MAX], why_buf[600];
	uint8_t md[SHA256_DIGEST_LENGTH];
	const char *why;
	uint8_t eea = 0, eia = 0, cause;

	SHA256(buf, len, md);
	if (old && !CRYPTO_memcmp(old->req_md, md, sizeof(md))) {
		log_debug("%s: repeated ATTACH REQUEST ignored (%s)",
			  addr_str(from, a), gw_state_name(old->state));
		return;
	}
	if (nas_emm_decode(buf, len, &m, &err)) {
		nas_strerror(&err, why_buf, sizeof(why_buf));
		if (is_pubkey_error(&err)) {
			if (old)
				ue_abort(old, "new ATTACH REQUEST");
			send_reject(g, from, NAS_EMM_INVALID_MANDATORY, why_buf);
			return;
		}
		log_warn("%s: malformed: %s: dropped", addr_str(from, a),
			 why_buf);
		g->stats.dropped++;
		return;
	}
	if (old)
		ue_abort(old, "new ATTACH REQUEST");
	log_info("%s: ATTACH REQUEST imei=%s profile=%c eea=%02x eia=%02x",
		 addr_str(from, a), m.attach_req.id.digits,
		 m.attach_req.pubkey.profile == NAS_PARLOS_PROFILE_B ? 'B' : 'A',
		 m.attach_req.ue_net_cap.oct[0], m.attach_req.ue_net_cap.oct[1]);
	cause = check_request(g, &m.attach_req, &eea, &eia, &why);
	if (cause) {
		send_reject(g, from, cause, why);
		return;
	}
	if (g->peers.n >= c->max_mes) {
		send_reject(g, from, EMM_CONGESTION, "max-mes reached");
		return;
	}
	cause = gw_cred_check_request(&mcred, c, c->cred, &m.attach_req,
				      why_buf, sizeof(why_buf));
	if (cause) {
		gw_me_cred_free(&mcred);
		send_reject(g, from, cause, why_buf);
		return;
	}
	ue = ue_new(g, from, &m.attach_req, eea, eia, &why);
	if (!ue) {
		gw_me_cred_free(&mcred);
		send_reject(g, from, EMM_CONGESTION, why);
		return;
	}
	ue->mcred = mcred;	/* ue owns the ME's key now */
	if (pubkey_hash(ue->profile, ue->me_pub, ue->me_pub_len,
			ue->key_hash)) {
		ue_free(ue, false);
		send_reject(g, from, NAS_EMM_PROTOCOL_ERROR, "no SHA-256");
		return;
	}
	cause = ue_keys(g, ue, &m.attach_req.pubkey, &why, &ke);
	if (cause) {
		snprintf(why_buf, sizeof(why_buf), "%s: %s", why,
			 kern_strerror(&ke));
		ue_free(ue, false);
		send_reject(g, from, cause, why_buf);
		return;
	}
	memcpy(ue->req_md, md, sizeof(md));
	log_info("%s: ue-id %u, NAS and AS %s/%s: SECURITY MODE COMMAND",
		 ue_str(ue, a), ue->ue_id, alg_name(false, eea),
		 alg_name(true, eia));
	enter(ue, GW_SMC_SENT);
}

/* --- protected NAS ------------------------------------------------------ */

/*
 * An ME whose certificate verified must sign our transcript in 0x7F; if
 * not, it is refused with a protected ATTACH REJECT #6 (it has the keys).
 */
static bool me_sig_ok(struct gw_ue *ue, const struct nas_smc_cpl *m)
{
	struct nas_ue_sec_cap caps;
	struct transcript t;
	uint8_t msg[16];
	char a[ADDR_STR_MAX], why[300];
	size_t len;

	ue_transcript(ue, &t, &caps);
	if (!gw_cred_check_complete(&ue->mcred, &t, m, why, sizeof(why)))
		return true;
	log_warn("%s: ATTACH REJECT #%u (%s): %s", ue_str(ue, a),
		 NAS_EMM_ILLEGAL_ME, emm_cause_str(NAS_EMM_ILLEGAL_ME), why);
	ue->gw->stats.rejected++;
	if (!attach_reject_build(NAS_EMM_ILLEGAL_ME, msg, sizeof(msg), &len))
		send_protected(ue, NAS_SHT_INTEG_CIPH, msg, len);
	ue_abort(ue, "ME signature refused");
	return false;
}

static void on_smc_complete(struct gw_ue *ue, const struct nas_smc_cpl *m)
{
	struct kern_err e;
	char a[ADDR_STR_MAX];

	if (ue->state != GW_SMC_SENT) {
		log_debug("%s: SECURITY MODE COMPLETE in %s: ignored",
			  ue_str(ue, a), gw_state_name(ue->state));
		return;
	}
	timer_cancel(ue->gw->env->timers, &ue->timer);
	if (!me_sig_ok(ue, m))
		return;
	log_info("%s: SECURITY MODE COMPLETE%s%s", ue_str(ue, a),
		 m->has_imeisv ? " imeisv=" : "", m->has_imeisv ? m->imeisv : "");
	/* KeNB from uplink NAS COUNT 0, as at every PARLOS attach */
	if (kern_as_derive(ue->gw->env->kern, ue->ctx, 0, &e)) {
		log_err("%s: AS key derivation failed: %s", ue_str(ue, a),
			kern_strerror(&e));
		ue_abort(ue, "no AS keys");
		return;
	}
	enter(ue, GW_AS_SMC_SENT);
}

void gw_ue_bind(struct gw_ue *ue)
{
	struct d_env *env = ue->gw->env;

	if (!env->up || ue->bound)
		return;
	ue->bound = !uplane_bind(env, ue->ctx, ue->ipv4, ue->addr.sin_addr,
				 ue->ue_id);
	if (!ue->bound)
		ue->gw->stats.unbound++;
}

/*
 * The ME is attached: DRB1 bound to the --dev device (the ME's address,
 * its endpoint as peer, its UE id), then the label says so.
 */
static void ue_attached(struct gw_ue *ue)
{
	struct kern_ctx_info info;
	struct kern_err e;
	char a[ADDR_STR_MAX], who[64], extra[64], ip[INET_ADDRSTRLEN];

	timer_cancel(ue->gw->env->timers, &ue->timer);
	ue->state = GW_ATTACHED;
	ue->gw->stats.attached++;
	gw_ue_bind(ue);
	ue_relabel(ue, GWL_ATTACHED);
	if (kern_ctx_get(ue->gw->env->kern, ue->ctx, &info, &e)) {
		log_err("%s: cannot read context %u: %s", ue_str(ue, a),
			ue->ctx, kern_strerror(&e));
		return;
	}
	snprintf(who, sizeof(who), "me=%s imei=%s", ue_str(ue, a), ue->imei);
	snprintf(extra, sizeof(extra), "ue-id=%u ip=%s", ue->ue_id,
		 ip_str(ue->ipv4, ip));
	report_attached(ue->gw->env, who, &info, extra);
}

static void on_plain_msg(struct gw_ue *ue, const uint8_t *p, size_t len)
{
	struct nas_emm_msg m;
	struct nas_err err;
	char a[ADDR_STR_MAX], why[200];

	if (nas_emm_decode(p, len, &m, &err)) {
		log_warn("%s: malformed protected message: %s: dropped",
			 ue_str(ue, a), nas_strerror(&err, why, sizeof(why)));
		return;
	}
	switch (m.type) {
	case NAS_SECURITY_MODE_COMPLETE:
		on_smc_complete(ue, &m.smc_cpl);
		return;
	case NAS_ATTACH_COMPLETE:
		if (ue->state == GW_ACCEPT_SENT) {
			log_info("%s: ATTACH COMPLETE", ue_str(ue, a));
			ue_attached(ue);
			return;
		}
		break;
	default:
		break;
	}
	log_info("%s: %s in %s: dropped", ue_str(ue, a),
		 nas_msg_name(NAS_PD_EMM, m.type), gw_state_name(ue->state));
}

static void on_protected(struct gw_ue *ue, const uint8_t *buf, size_t len)
{
	struct d_env *env = ue->gw->env;
	uint8_t plain[MSG_MAX];
	struct kern_pdu out = { plain, sizeof(plain), 0, 0, 0 };
	struct kern_err e;
	char a[ADDR_STR_MAX];
	int err;

	err = kern_nas_unprotect(env->kern, ue->ctx, buf, len, &out, &e);
	if (err) {
		ue->gw->stats.dropped++;
		if (err == -EALREADY)
			log_info("%s: replayed NAS message (COUNT %u): dropped",
				 ue_str(ue, a), out.count);
		else
			log_warn("%s: NAS message dropped: %s", ue_str(ue, a),
				 kern_strerror(&e));
		return;
	}
	if (out.sht == NAS_SHT_INTEG_CIPH || out.sht == NAS_SHT_INTEG_CIPH_NEW)
		wire_record_plain_rx(env, &ue->addr, plain, out.len);
	log_debug("%s: NAS uplink COUNT %u accepted", ue_str(ue, a),
		  out.count);
	on_plain_msg(ue, plain, out.len);
	explicit_bzero(plain, sizeof(plain));
}

static void on_smc_reject(struct gw_ue *ue, const uint8_t *buf, size_t len)
{
	struct nas_emm_msg m;
	struct nas_err err;
	char a[ADDR_STR_MAX], why[120];

	if (ue->state != GW_SMC_SENT) {
		log_info("%s: SECURITY MODE REJECT in %s: dropped",
			 ue_str(ue, a), gw_state_name(ue->state));
		return;
	}
	if (nas_emm_decode(buf, len, &m, &err)) {
		log_warn("%s: malformed: %s: dropped", ue_str(ue, a),
			 nas_strerror(&err, why, sizeof(why)));
		return;
	}
	snprintf(why, sizeof(why), "SECURITY MODE REJECT #%u (%s)",
		 m.smc_rej.cause, emm_cause_str(m.smc_rej.cause));
	ue_abort(ue, why);
}

/* --- SRB1 --------------------------------------------------------------- */

static void on_rrc(struct gw_ue *ue, const uint8_t *p, size_t len)
{
	struct rrc_msg m;
	const char *why = NULL;
	char a[ADDR_STR_MAX];

	if (rrc_decode_ul_dcch(p, len, &m, &why)) {
		log_warn("%s: malformed RRC message: %s: dropped",
			 ue_str(ue, a), why ? why : "?");
		return;
	}
	if (m.type == RRC_SECURITY_MODE_FAILURE) {
		ue_abort(ue, "RRC securityModeFailure");
		return;
	}
	if (m.type != RRC_SECURITY_MODE_COMPLETE || m.tid != D_RRC_TID) {
		log_info("%s: unexpected RRC %s: dropped", ue_str(ue, a),
			 rrc_msg_name(m.type));
		return;
	}
	timer_cancel(ue->gw->env->timers, &ue->timer);
	log_info("%s: RRC securityModeComplete: ATTACH ACCEPT", ue_str(ue, a));
	enter(ue, GW_ACCEPT_SENT);
}

static void on_srb1(struct gw_ue *ue, const uint8_t *buf, size_t len)
{
	struct d_env *env = ue->gw->env;
	struct pdcp_lte_info info;
	uint8_t rrc[256];
	struct kern_pdu out = { rrc, sizeof(rrc), 0, 0, 0 };
	struct kern_err e;
	const char *why = NULL;
	char a[ADDR_STR_MAX];
	int err;

	if (wire_parse_srb1(buf, len, PDCP_LTE_DIR_UL, &info, &why)) {
		log_warn("%s: malformed PDCP-LTE datagram: %s: dropped",
			 ue_str(ue, a), why ? why : "?");
		return;
	}
	if (ue->state != GW_AS_SMC_SENT) {
		log_info("%s: SRB1 PDU in %s: dropped", ue_str(ue, a),
			 gw_state_name(ue->state));
		return;
	}
	/* The UE-id tag is informative: MEs are told apart by address */
	err = kern_srb_unprotect(env->kern, ue->ctx, 1, false, info.pdu,
				 info.pdu_len, &out, &e);
	if (err) {
		log_warn("%s: SRB1 PDU dropped: %s", ue_str(ue, a),
			 kern_strerror(&e));
		return;
	}
	on_rrc(ue, rrc, out.len);
}

/* --- dispatch ----------------------------------------------------------- */

void gw_input(struct gw *g, const struct sockaddr_in *from,
	      const uint8_t *buf, size_t len)
{
	bool framed = pdcp_lte_is_framed(buf, len);
	struct gw_ue *ue = gw_find(g, from);
	struct nas_pdu_info pi;
	char a[ADDR_STR_MAX];

	wire_record_rx(g->env, from, buf, len, framed);
	if (framed) {
		if (ue)
			on_srb1(ue, buf, len);
		else
			log_info("%s: SRB1 PDU from an unknown ME: dropped",
				 addr_str(from, a));
		return;
	}
	if (nas_peek(buf, len, &pi) || pi.pd != NAS_PD_EMM) {
		log_warn("%s: %zu octets that are no EMM message: dropped",
			 addr_str(from, a), len);
		g->stats.dropped++;
		return;
	}
	if (pi.sht == NAS_SHT_PLAIN && pi.type == NAS_ATTACH_REQUEST) {
		on_attach_request(g, ue, from, buf, len);
	} else if (!ue) {
		log_info("%s: NAS message from an unknown ME: dropped",
			 addr_str(from, a));
	} else if (pi.sht == NAS_SHT_PLAIN &&
		   pi.type == NAS_SECURITY_MODE_REJECT) {
		on_smc_reject(ue, buf, len);
	} else if (pi.sht != NAS_SHT_PLAIN) {
		on_protected(ue, buf, len);
	} else {
		log_info("%s: plain %s: dropped", addr_str(from, a),
			 nas_msg_name(NAS_PD_EMM, pi.type) ?: "message");
	}
}

static void free_one(struct peer_node *n, void *arg)
{
	ue_free((struct gw_ue *)n, *(bool *)arg);
}

static void count_one(struct peer_node *n, void *arg)
{
	const struct gw_ue *ue = (const struct gw_ue *)n;
	size_t *c = arg;

	c[0] += ue->state == GW_ATTACHED;
	c[1] += ue->bound;
}

void gw_shutdown(struct gw *g, bool keep)
{
	const struct gw_stats *s = &g->stats;
	size_t now[2] = { 0, 0 };

	peers_each(&g->peers, count_one, now);
	log_info("%zu MEs (%zu attached, %zu bound); since start: %llu "
		 "attached, %llu rejected, %llu aborted, %llu retransmissions, "
		 "%llu datagrams dropped, %llu not bound", g->peers.n, now[0],
		 now[1], (unsigned long long)s->attached,
		 (unsigned long long)s->rejected,
		 (unsigned long long)s->aborted,
		 (unsigned long long)s->retransmitted,
		 (unsigned long long)s->dropped,
		 (unsigned long long)s->unbound);
	/* The same for scripts, on stdout */
	if (g->env->out) {
		fprintf(g->env->out, "stats: mes=%zu attached-now=%zu "
			"bound=%zu attached=%llu rejected=%llu aborted=%llu "
			"retransmissions=%llu dropped=%llu not-bound=%llu\n",
			g->peers.n, now[0], now[1],
			(unsigned long long)s->attached,
			(unsigned long long)s->rejected,
			(unsigned long long)s->aborted,
			(unsigned long long)s->retransmitted,
			(unsigned long long)s->dropped,
			(unsigned long long)s->unbound);
		fflush(g->env->out);
	}
	peers_each(&g->peers, free_one, &keep);
	peers_destroy(&g->peers);
	pool_destroy(&g->pool);
	ueid_destroy(&g->ueids);
}
