// SPDX-License-Identifier: GPL-2.0
/*
 * ME: the UE side of the PARLOS attach. Anything that does not verify
 * is dropped with a log line and changes nothing, except a NAS SECURITY
 * MODE COMMAND that fails in WAIT_SMC: that one is answered with a
 * SECURITY MODE REJECT (TS 24.301 5.4.3.5).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "algo.h"
#include "as_smc.h"
#include "attach.h"
#include "config.h"
#include "log.h"
#include "me.h"
#include "smc.h"
#include "uplane.h"

#define MSG_MAX		(WIRE_MAX - 8)

static void me_t3410(struct timer *t);

const char *me_state_name(enum me_state s)
{
	static const char *const names[] = { "IDLE", "WAIT_SMC",
					     "WAIT_AS_SMC", "WAIT_ACCEPT",
					     "ATTACHED", "FAILED" };

	return s <= ME_FAILED ? names[s] : "?";
}

int me_init(struct me *me, struct d_env *env, const char *imei,
	    me_done_fn done)
{
	char id[NAS_MAX_DIGITS + 1];

	snprintf(id, sizeof(id), "%s", imei);	/* imei may be me->imei */
	memset(me, 0, sizeof(*me));
	me->env = env;
	me->gw = env->cfg->peer;
	memcpy(me->imei, id, sizeof(id));
	me->done = done;
	timer_init(&me->t3410, me_t3410);
	return 0;
}

static void fail(struct me *me, int code, const char *why)
{
	log_err("attach failed: imei=%s: %s", me->imei, why);
	timer_cancel(me->env->timers, &me->t3410);
	me->state = ME_FAILED;
	me->exit_code = code;
	if (me->done)
		me->done(me);
}

static void ctx_drop(struct me *me)
{
	struct kern_err e;

	if (me->have_ctx && kern_ctx_del(me->env->kern, me->ctx, &e))
		log_warn("deleting context %u: %s", me->ctx,
			 kern_strerror(&e));
	me->have_ctx = me->keypair = me->kasme = false;
	me->algs_set = me->nas_ok = false;
}

/* A fresh context and key pair: "me IMEI" until attached */
static int ctx_make(struct me *me)
{
	const struct d_config *c = me->env->cfg;
	const struct d_cred *cred = me->env->cfg->cred;
	char label[PARLOS_LABEL_MAX + 1];
	struct kern_ctx_params p;
	struct kern_ctx_info old;
	struct kern_err e;
	int err;

	ctx_drop(me);
	snprintf(label, sizeof(label), "me %s", me->imei);
	kern_params_init(&p);
	p.role = PARLOS_ROLE_ME;
	p.label = label;
	err = kern_ctx_new(me->env->kern, &p, &me->ctx, &e);
	if (err == -EEXIST && !kern_ctx_find(me->env->kern, label, &old, &e) &&
	    !kern_ctx_del(me->env->kern, old.id, &e)) {
		log_info("replaced stale context %u \"%s\"", old.id, label);
		err = kern_ctx_new(me->env->kern, &p, &me->ctx, &e);
	}
	if (err) {
		log_err("cannot create a context: %s", kern_strerror(&e));
		return err;
	}
	me->have_ctx = true;
	err = kern_keygen(me->env->kern, me->ctx, c->profile, me->pub,
			  sizeof(me->pub), &me->pub_len, &e);
	if (err) {
		log_err("cannot make the ECIES key pair: %s",
			kern_strerror(&e));
		return err;
	}
	me->keypair = true;
	if (pubkey_hash(c->profile, me->pub, me->pub_len, me->pub_hash))
		return -EIO;
	return attach_request_build_cert(c, me->imei, c->profile, me->pub,
					 me->pub_len, cred ? cred->ie : NULL,
					 cred ? cred->ie_len : 0, me->req,
					 sizeof(me->req), &me->req_len);
}

static void send_request(struct me *me)
{
	log_info("ATTACH REQUEST to %s (attempt %u)",
		 addr_str(&me->gw, (char[ADDR_STR_MAX]){ 0 }), me->sent);
	wire_send_nas(me->env, &me->gw, me->req, me->req_len, NULL, 0);
	timer_arm(me->env->timers, &me->t3410, me->env->cfg->t3410);
}

int me_start(struct me *me)
{
	int err = ctx_make(me);

	if (err)
		return err;
	me_net_cap(me->env->cfg, &me->cap);
	me->state = ME_WAIT_SMC;
	me->sent = 1;
	send_request(me);
	return 0;
}

/* T3410: the attach starts over, with a new key pair once one was used */
static void me_t3410(struct timer *t)
{
	struct me *me = (struct me *)((char *)t - offsetof(struct me, t3410));
	char why[80];

	if (me->sent > me->env->cfg->max_retrans) {
		snprintf(why, sizeof(why), "T3410 expired %u times", me->sent);
		fail(me, D_EXIT_NO_ATTACH, why);
		return;
	}
	log_info("T3410 expired in %s", me_state_name(me->state));
	if (me->kasme && ctx_make(me)) {
		fail(me, D_EXIT_FAIL, "no new context");
		return;
	}
	me->state = ME_WAIT_SMC;
	me->have_tag = false;
	me->sent++;
	send_request(me);
}

/* Protects plain (security header sht) and sends it */
static int send_protected(struct me *me, uint8_t sht, const uint8_t *plain,
			  size_t len)
{
	uint8_t pdu[MSG_MAX + 8];
	struct kern_pdu out = { pdu, sizeof(pdu), 0, 0, 0 };
	struct kern_err e;
	int err;

	err = kern_nas_protect(me->env->kern, me->ctx, sht, plain, len, &out,
			       &e);
	if (err) {
		log_err("NAS protection failed: %s", kern_strerror(&e));
		return err;
	}
	log_debug("%s sent, uplink COUNT %u",
		  nas_msg_name(NAS_PD_EMM, plain[1]), out.count);
	return wire_send_nas(me->env, &me->gw, pdu, out.len,
			     sht == NAS_SHT_INTEG_CIPH ||
			     sht == NAS_SHT_INTEG_CIPH_NEW ? plain : NULL, len);
}

static void send_smc_reject(struct me *me, uint8_t cause, const char *why)
{
	uint8_t msg[8];
	size_t len;

	log_warn("SECURITY MODE COMMAND rejected: #%u (%s): %s", cause,
		 emm_cause_str(cause), why);
	if (!smc_reject_build(cause, msg, sizeof(msg), &len))
		wire_send_nas(me->env, &me->gw, msg, len, NULL, 0);
}

static void send_smc_complete(struct me *me, bool imeisv_req)
{
	char imeisv[NAS_MAX_DIGITS + 1];
	uint8_t msg[256], sig[CRED_SIG_MAX + 8];
	size_t len, sig_len = 0;

	/* IMEISV: TAC and serial number of the IMEI, then the SVN */
	snprintf(imeisv, sizeof(imeisv), "%.14s%s", me->imei,
		 me->env->cfg->svn);
	if (me->cr.sign && me_cred_sig(&me->cr, me->env->cfg->cred, sig,
				       sizeof(sig), &sig_len)) {
		log_err("cannot sign SECURITY MODE COMPLETE: not sent");
		return;
	}
	if (!smc_complete_build_sig(imeisv_req ? imeisv : NULL,
				    sig_len ? sig : NULL, sig_len, msg,
				    sizeof(msg), &len))
		send_protected(me, NAS_SHT_INTEG_CIPH_NEW, msg, len);
}

/* --- NAS SECURITY MODE COMMAND ------------------------------------------ */

/*
 * The kernel side of an SMC: the algorithms (AS = NAS on SRB1), then
 * KASMEtemp. Returns 0 or why the SMC cannot be used.
 */
static const char *smc_install(struct me *me, const struct nas_smc *smc,
			       struct kern_err *e)
{
	struct kern_ctx_params p;
	size_t blob_len;
	const uint8_t *blob = smc_blob(smc, &blob_len);

	if (me->kasme && (blob_len != me->blob_len ||
			  memcmp(blob, me->blob, blob_len)))
		return "another KASMEtemp is already installed";
	if (!me->algs_set || me->eea != smc->eea || me->eia != smc->eia) {
		kern_params_init(&p);
		p.nas_eea = p.as_eea = smc->eea;
		p.nas_eia = p.as_eia = smc->eia;
		if (kern_ctx_set(me->env->kern, me->ctx, &p, e))
			return "the kernel refused the algorithms";
		me->eea = smc->eea;
		me->eia = smc->eia;
		me->algs_set = true;
	}
	if (me->kasme)
		return NULL;
	if (kern_unwrap(me->env->kern, me->ctx, blob, blob_len, e))
		return e->err == -EBADMSG ? "bad ECIES tag" :
					    "cannot unwrap KASMEtemp";
	memcpy(me->blob, blob, blob_len);
	me->blob_len = blob_len;
	me->kasme = true;
	return NULL;
}

/* The kernel checks the MAC with the fresh KNASint */
static int smc_verify(struct me *me, const uint8_t *buf, size_t len,
		      struct kern_err *e)
{
	uint8_t plain[MSG_MAX];
	struct kern_pdu out = { plain, sizeof(plain), 0, 0, 0 };
	int err;

	err = kern_nas_unprotect(me->env->kern, me->ctx, buf, len, &out, e);
	explicit_bzero(plain, sizeof(plain));
	return err;
}

static bool is_kasme_error(const struct nas_err *err)
{
	return err->ie && !strcmp(err->ie, "PARLOS encrypted KASMEtemp");
}

/* An SMC once ours was accepted: the gateway did not get our COMPLETE */
static void smc_again(struct me *me, const struct nas_smc *smc,
		      const uint8_t *buf, size_t len)
{
	struct kern_err e;
	size_t blob_len;
	const uint8_t *blob = smc_blob(smc, &blob_len);
	int err;

	if (me->state == ME_ATTACHED || smc->eea != me->eea ||
	    smc->eia != me->eia || blob_len != me->blob_len ||
	    memcmp(blob, me->blob, blob_len)) {
		log_info("SECURITY MODE COMMAND in %s: dropped",
			 me_state_name(me->state));
		return;
	}
	err = smc_verify(me, buf, len, &e);
	if (err) {
		log_info("SECURITY MODE COMMAND dropped: %s",
			 kern_strerror(&e));
		return;
	}
	log_info("SECURITY MODE COMMAND retransmitted: COMPLETE again");
	me->again++;
	send_smc_complete(me, smc->imeisv_req);
}

/* The transcript of an SMC as we see it; signer unset */
static void me_transcript(struct me *me, const struct nas_smc *smc,
			  struct transcript *t, uint8_t cert_hash[32])
{
	me_cred_transcript(t, me->env->cfg, me->env->cfg->cred, me->pub,
			   me->pub_len, smc, cert_hash);
}

static void smc_accepted(struct me *me, const struct nas_smc *smc)
{
	struct transcript t;
	uint8_t h[TR_DIGEST_LEN];
	struct kern_err e;

	me_transcript(me, smc, &t, h);
	me_cred_accepted(&me->cr, me->env->cfg, me->env->cfg->cred, &t);
	me->nas_ok = true;
	log_info("SECURITY MODE COMMAND verified: NAS and AS %s/%s",
		 alg_name(false, me->eea), alg_name(true, me->eia));
	send_smc_complete(me, smc->imeisv_req);
	/* KeNB from uplink NAS COUNT 0, as the gateway does */
	if (kern_as_derive(me->env->kern, me->ctx, 0, &e)) {
		fail(me, D_EXIT_FAIL, "AS key derivation failed");
		log_err("AS_DERIVE: %s", kern_strerror(&e));
		return;
	}
	me->state = ME_WAIT_AS_SMC;
}

static void on_smc(struct me *me, const uint8_t *buf, size_t len)
{
	struct nas_sec_hdr h;
	struct nas_emm_msg m;
	struct nas_err err;
	struct kern_err e = { 0, "" };
	struct transcript t;
	uint8_t ch[TR_DIGEST_LEN];
	const char *why;
	char text[600];
	uint8_t cause;
	int rc;

	if (nas_sec_parse(buf, len, &h, &err) ||
	    nas_emm_decode(h.msg, h.msg_len, &m, &err)) {
		nas_strerror(&err, text, sizeof(text));
		if (me->state == ME_WAIT_SMC && is_kasme_error(&err))
			send_smc_reject(me, NAS_EMM_SEC_MODE_REJECTED, text);
		else
			log_warn("malformed: %s: dropped", text);
		return;
	}
	if (m.type != NAS_SECURITY_MODE_COMMAND) {
		log_info("%s with a new-context header: dropped",
			 nas_msg_name(NAS_PD_EMM, m.type));
		return;
	}
	if (me->state != ME_WAIT_SMC) {
		smc_again(me, &m.smc, buf, len);
		return;
	}
	cause = smc_check(&m.smc, &me->cap, me->env->cfg->profile, &why);
	if (cause == NAS_EMM_UE_SEC_CAP_MISMATCH) {
		snprintf(text, sizeof(text), "%s: downgraded on the way (sent "
			 "EEA %02x EIA %02x, replayed EEA %02x EIA %02x)", why,
			 me->cap.oct[0], me->cap.oct[1], m.smc.replayed.oct[0],
			 m.smc.replayed.oct[1]);
		why = text;
	}
	if (!cause)
		cause = smc_check_key_hash(&m.smc, me->pub_hash, &why);
	if (!cause) {
		/* Credentials before anything is unwrapped or set */
		me_transcript(me, &m.smc, &t, ch);
		cause = me_cred_check(&me->cr, me->env->cfg,
				      me->env->cfg->cred, &t, &m.smc, text,
				      sizeof(text));
		why = text;
	}
	if (cause) {
		send_smc_reject(me, cause, why);
		return;
	}
	why = smc_install(me, &m.smc, &e);
	if (!why) {
		rc = smc_verify(me, buf, len, &e);
		if (rc == -EALREADY) {
			log_info("replayed SECURITY MODE COMMAND: dropped");
			return;
		}
		if (rc)
			why = rc == -EBADMSG ? "bad MAC" : "cannot verify";
	}
	if (why) {
		snprintf(text, sizeof(text), "%s%s%s", why, e.err ? ": " : "",
			 e.err ? kern_strerror(&e) : "");
		send_smc_reject(me, NAS_EMM_SEC_MODE_REJECTED, text);
		return;
	}
	smc_accepted(me, &m.smc);
}

/* --- SRB1: the AS security mode command --------------------------------- */

static void send_rrc(struct me *me, const uint8_t *msg, size_t len)
{
	uint8_t pdu[64];
	struct kern_pdu out = { pdu, sizeof(pdu), 0, 0, 0 };
	struct kern_err e;

	/* Integrity only, as the command was (36.331 5.3.4.3) */
	if (kern_srb_protect(me->env->kern, me->ctx, 1, false, msg, len, &out,
			     &e)) {
		log_err("SRB1 protection failed: %s", kern_strerror(&e));
		return;
	}
	/* The GUTI's UE id once known; until then the tag last received */
	wire_send_srb1(me->env, &me->gw, PDCP_LTE_DIR_UL,
		       me->have_guti ? me->ue_id : me->tag, pdu, out.len);
}

static void on_rrc(struct me *me, const uint8_t *p, size_t len)
{
	struct rrc_msg m;
	const char *why = NULL;
	uint8_t msg[16];
	size_t n;

	if (rrc_decode_dl_dcch(p, len, &m, &why)) {
		log_warn("malformed RRC message: %s: dropped", why ?: "?");
		return;
	}
	if (as_smc_check_command(&m, me->eea, me->eia, &why)) {
		log_warn("RRC %s refused: %s", rrc_msg_name(m.type), why);
		if (m.type == RRC_SECURITY_MODE_COMMAND &&
		    !as_smc_failure(m.tid, msg, sizeof(msg), &n))
			send_rrc(me, msg, n);
		return;
	}
	log_info("RRC securityModeCommand verified: securityModeComplete");
	if (!as_smc_complete(m.tid, msg, sizeof(msg), &n))
		send_rrc(me, msg, n);
	if (me->state == ME_WAIT_AS_SMC)
		me->state = ME_WAIT_ACCEPT;
	else
		me->again++;
}

static void on_srb1(struct me *me, const uint8_t *buf, size_t len)
{
	struct pdcp_lte_info info;
	uint8_t rrc[256];
	struct kern_pdu out = { rrc, sizeof(rrc), 0, 0, 0 };
	struct kern_err e;
	const char *why = NULL;

	if (wire_parse_srb1(buf, len, PDCP_LTE_DIR_DL, &info, &why)) {
		log_warn("malformed PDCP-LTE datagram: %s: dropped", why);
		return;
	}
	if (me->state < ME_WAIT_AS_SMC || me->state == ME_FAILED) {
		log_info("SRB1 PDU in %s: dropped", me_state_name(me->state));
		return;
	}
	if (kern_srb_unprotect(me->env->kern, me->ctx, 1, false, info.pdu,
			       info.pdu_len, &out, &e)) {
		log_warn("SRB1 PDU dropped: %s", kern_strerror(&e));
		return;
	}
	if (info.has & PDCP_LTE_HAS_UEID) {
		me->tag = info.ueid;
		me->have_tag = true;
	}
	on_rrc(me, rrc, out.len);
}

/* --- protected NAS: ATTACH ACCEPT --------------------------------------- */

static void label_attached(struct me *me)
{
	char label[PARLOS_LABEL_MAX + 1], ip[INET_ADDRSTRLEN];
	struct in_addr a = { htonl(me->ipv4) };
	struct kern_ctx_params p;
	struct kern_err e;

	inet_ntop(AF_INET, &a, ip, sizeof(ip));
	/* "me IMEI IPV4": with the UE id, what a restart needs */
	snprintf(label, sizeof(label), "me %s %s", me->imei, ip);
	kern_params_init(&p);
	p.label = label;
	p.has_ue_id = true;
	p.ue_id = me->ue_id;
	if (kern_ctx_set(me->env->kern, me->ctx, &p, &e))
		log_warn("cannot record the UE id in the context: %s",
			 kern_strerror(&e));
}

static void report(struct me *me)
{
	struct kern_ctx_info info;
	struct kern_err e;
	char who[40], extra[80], ip[INET_ADDRSTRLEN], a[ADDR_STR_MAX];
	struct in_addr in = { htonl(me->ipv4) };

	if (kern_ctx_get(me->env->kern, me->ctx, &info, &e)) {
		log_err("cannot read context %u: %s", me->ctx,
			kern_strerror(&e));
		return;
	}
	inet_ntop(AF_INET, &in, ip, sizeof(ip));
	snprintf(who, sizeof(who), "imei=%s", me->imei);
	snprintf(extra, sizeof(extra), "gw=%s ue-id=%u ip=%s",
		 addr_str(&me->gw, a), me->ue_id, ip);
	report_attached(me->env, who, &info, extra);
}

/* DRB1 bound, then the address and routes: packets go out only then */
static void uplane_up(struct me *me)
{
	me->up_bound = !uplane_bind(me->env, me->ctx, me->ipv4, me->gw.sin_addr,
				    me->ue_id);
	if (me->up_bound)
		me->up_addr = !uplane_me_addr(me->env, me->ipv4, true);
}

static void send_attach_complete(struct me *me)
{
	uint8_t msg[32];
	size_t len;

	if (!attach_complete_build(me->ebi, me->pti, msg, sizeof(msg), &len))
		send_protected(me, NAS_SHT_INTEG_CIPH, msg, len);
}

static void on_accept(struct me *me, const struct nas_attach_acc *a)
{
	const struct nas_act_bearer_req *b = &a->esm.act_req;

	if (me->state == ME_ATTACHED) {
		log_info("ATTACH ACCEPT retransmitted: ATTACH COMPLETE again");
		me->again++;
		send_attach_complete(me);
		return;
	}
	if (me->state != ME_WAIT_ACCEPT) {
		log_warn("ATTACH ACCEPT before the AS security mode command: "
			 "dropped");
		return;
	}
	if (!a->has_guti || !(b->addr.type & NAS_PDN_IPV4)) {
		log_warn("ATTACH ACCEPT without GUTI or IPv4 address: dropped");
		return;
	}
	timer_cancel(me->env->timers, &me->t3410);
	me->have_guti = true;
	me->ue_id = (uint16_t)(a->guti.m_tmsi & 0xffff);
	me->ipv4 = (uint32_t)b->addr.ipv4[0] << 24 | b->addr.ipv4[1] << 16 |
		   b->addr.ipv4[2] << 8 | b->addr.ipv4[3];
	me->ebi = a->esm.ebi;
	me->pti = a->esm.pti;
	log_info("ATTACH ACCEPT: ATTACH COMPLETE");
	send_attach_complete(me);
	label_attached(me);
	me->state = ME_ATTACHED;
	if (me->env->up)
		uplane_up(me);
	report(me);
	if (me->done)
		me->done(me);
}

static void on_plain_msg(struct me *me, const uint8_t *p, size_t len)
{
	struct nas_emm_msg m;
	struct nas_err err;
	char text[200];

	if (nas_emm_decode(p, len, &m, &err)) {
		log_warn("malformed protected message: %s: dropped",
			 nas_strerror(&err, text, sizeof(text)));
		return;
	}
	if (m.type == NAS_ATTACH_ACCEPT) {
		on_accept(me, &m.attach_acc);
	} else if (m.type == NAS_ATTACH_REJECT && me->state != ME_ATTACHED) {
		snprintf(text, sizeof(text), "ATTACH REJECT #%u (%s)",
			 m.attach_rej.cause, emm_cause_str(m.attach_rej.cause));
		fail(me, D_EXIT_REJECTED, text);
	} else {
		log_info("%s in %s: dropped", nas_msg_name(NAS_PD_EMM, m.type),
			 me_state_name(me->state));
	}
}

static void on_protected(struct me *me, const uint8_t *buf, size_t len)
{
	uint8_t plain[MSG_MAX];
	struct kern_pdu out = { plain, sizeof(plain), 0, 0, 0 };
	struct kern_err e;
	int err;

	if (!me->nas_ok || me->state == ME_FAILED) {
		log_info("protected NAS message in %s: dropped",
			 me_state_name(me->state));
		return;
	}
	err = kern_nas_unprotect(me->env->kern, me->ctx, buf, len, &out, &e);
	if (err == -EALREADY) {
		log_info("replayed NAS message (COUNT %u): dropped", out.count);
		return;
	} else if (err) {
		log_warn("NAS message dropped: %s", kern_strerror(&e));
		return;
	}
	if (out.sht == NAS_SHT_INTEG_CIPH || out.sht == NAS_SHT_INTEG_CIPH_NEW)
		wire_record_plain_rx(me->env, &me->gw, plain, out.len);
	log_debug("NAS downlink COUNT %u accepted", out.count);
	on_plain_msg(me, plain, out.len);
	explicit_bzero(plain, sizeof(plain));
}

static void on_plain_reject(struct me *me, const uint8_t *buf, size_t len)
{
	struct nas_emm_msg m;
	struct nas_err err;
	char text[200];

	if (me->state != ME_WAIT_SMC) {
		log_warn("unprotected ATTACH REJECT in %s: dropped",
			 me_state_name(me->state));
		return;
	}
	if (nas_emm_decode(buf, len, &m, &err)) {
		log_warn("malformed: %s: dropped",
			 nas_strerror(&err, text, sizeof(text)));
		return;
	}
	snprintf(text, sizeof(text), "ATTACH REJECT #%u (%s)",
		 m.attach_rej.cause, emm_cause_str(m.attach_rej.cause));
	fail(me, D_EXIT_REJECTED, text);
}

void me_input(struct me *me, const struct sockaddr_in *from,
	      const uint8_t *buf, size_t len)
{
	bool framed = pdcp_lte_is_framed(buf, len);
	struct nas_pdu_info pi;
	char a[ADDR_STR_MAX];

	if (from->sin_addr.s_addr != me->gw.sin_addr.s_addr ||
	    from->sin_port != me->gw.sin_port) {
		log_info("datagram from %s, not our gateway: dropped",
			 addr_str(from, a));
		return;
	}
	wire_record_rx(me->env, from, buf, len, framed);
	if (me->state == ME_FAILED || me->state == ME_IDLE)
		return;
	if (framed) {
		on_srb1(me, buf, len);
		return;
	}
	if (nas_peek(buf, len, &pi) || pi.pd != NAS_PD_EMM) {
		log_warn("%zu octets that are no EMM message: dropped", len);
		return;
	}
	if (pi.sht == NAS_SHT_INTEG_NEW)
		on_smc(me, buf, len);
	else if (pi.sht == NAS_SHT_INTEG || pi.sht == NAS_SHT_INTEG_CIPH)
		on_protected(me, buf, len);
	else if (pi.sht == NAS_SHT_PLAIN && pi.type == NAS_ATTACH_REJECT)
		on_plain_reject(me, buf, len);
	else
		log_info("unexpected NAS message (header type %u): dropped",
			 pi.sht);
}

void me_shutdown(struct me *me, bool keep)
{
	timer_cancel(me->env->timers, &me->t3410);
	if (keep) {
		me->have_ctx = false;
	} else {
		if (me->up_addr)
			uplane_me_addr(me->env, me->ipv4, false);
		if (me->up_bound)
			uplane_unbind(me->env, me->ctx);
	}
	me->up_addr = me->up_bound = false;
	ctx_drop(me);
}
