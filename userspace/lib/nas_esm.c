// SPDX-License-Identifier: GPL-2.0
/*
 * ESM messages of the PARLOS attach (TS 24.301 8.3): PDN CONNECTIVITY
 * REQUEST and ACTIVATE DEFAULT EPS BEARER CONTEXT REQUEST / ACCEPT.
 */
#define NAS_CODEC_INTERNAL
#include "nas.h"

#include <string.h>

enum { PCR_APN, PCR_PCO, PCR_N };
static const struct nas_opt_ie pcr_opts[PCR_N] = {
	[PCR_APN] = { 0x28, NAS_TLV, 1, NAS_APN_MAX, "APN" },
	[PCR_PCO] = { 0x27, NAS_TLV, 1, 251, "PCO" },
};

enum { ABR_LLC_SAPI, ABR_AMBR, ABR_CAUSE, ABR_PCO, ABR_N };
static const struct nas_opt_ie abr_opts[ABR_N] = {
	[ABR_LLC_SAPI] = { 0x32, NAS_TV, 1, 1, "negotiated LLC SAPI" },
	[ABR_AMBR] = { 0x5e, NAS_TLV, 2, 6, "APN-AMBR" },
	[ABR_CAUSE] = { 0x58, NAS_TV, 1, 1, "ESM cause" },
	[ABR_PCO] = { 0x27, NAS_TLV, 1, 251, "PCO" },
};

enum { ABA_PCO, ABA_N };
static const struct nas_opt_ie aba_opts[ABA_N] = {
	[ABA_PCO] = { 0x27, NAS_TLV, 1, 251, "PCO" },
};

static bool pdn_type_ok(uint8_t t)
{
	return t == 1 || t == 2 || t == 3 || t == 5 || t == 6;
}

static int dec_pdn_conn_req(struct nas_rd *r, struct nas_pdn_conn_req *m)
{
	struct nas_bytes o[PCR_N];
	uint8_t v;

	if (nas_rd_u8(r, "request type", &v))
		return -EBADMSG;
	m->request_type = v & 0x07;
	m->pdn_type = (v >> 4) & 0x07;
	if (!m->request_type)
		return nas_fail_at(r, r->off - 1, "request type", "bad value");
	if (!pdn_type_ok(m->pdn_type))
		return nas_fail_at(r, r->off - 1, "PDN type", "bad value");
	if (nas_rd_opts(r, pcr_opts, PCR_N, o))
		return -EBADMSG;
	m->has_apn = o[PCR_APN].p;
	if (m->has_apn && nas_dec_apn(r, o[PCR_APN], "APN", &m->apn))
		return -EBADMSG;
	m->pco = o[PCR_PCO];
	return 0;
}

static int dec_pdn_addr(struct nas_rd *r, struct nas_bytes v,
			struct nas_pdn_addr *a)
{
	static const uint8_t want[4] = { 0, 5, 9, 13 };

	a->type = v.p[0] & 0x07;
	if (a->type < NAS_PDN_IPV4 || a->type > NAS_PDN_IPV4V6 ||
	    v.len != want[a->type])
		return nas_fail_at(r, (size_t)(v.p - r->p), "PDN address",
				   "bad value");
	if (a->type == NAS_PDN_IPV4)
		memcpy(a->ipv4, v.p + 1, 4);
	if (a->type != NAS_PDN_IPV4)
		memcpy(a->ipv6_iid, v.p + 1, 8);
	if (a->type == NAS_PDN_IPV4V6)
		memcpy(a->ipv4, v.p + 9, 4);
	return 0;
}

static int dec_act_req(struct nas_rd *r, struct nas_act_bearer_req *m)
{
	struct nas_bytes qos, apn, addr, o[ABR_N];

	if (nas_rd_lv(r, "EPS QoS", 1, NAS_EPS_QOS_MAX, &qos) ||
	    nas_rd_lv(r, "APN", 1, NAS_APN_MAX, &apn) ||
	    nas_rd_lv(r, "PDN address", 5, 13, &addr))
		return -EBADMSG;
	m->qos.len = (uint8_t)qos.len;
	memcpy(m->qos.oct, qos.p, qos.len);
	if (nas_dec_apn(r, apn, "APN", &m->apn) ||
	    dec_pdn_addr(r, addr, &m->addr) ||
	    nas_rd_opts(r, abr_opts, ABR_N, o))
		return -EBADMSG;
	m->apn_ambr = o[ABR_AMBR];
	m->pco = o[ABR_PCO];
	m->has_esm_cause = o[ABR_CAUSE].p;
	if (m->has_esm_cause)
		m->esm_cause = o[ABR_CAUSE].p[0];
	return 0;
}

static int dec_act_acc(struct nas_rd *r, struct nas_act_bearer_acc *m)
{
	struct nas_bytes o[ABA_N];

	if (nas_rd_opts(r, aba_opts, ABA_N, o))
		return -EBADMSG;
	m->pco = o[ABA_PCO];
	return 0;
}

/* A default bearer has an assigned EBI (5..15); a PDN request none (0) */
static bool ebi_ok(uint8_t type, uint8_t ebi)
{
	if (type == NAS_PDN_CONNECTIVITY_REQ)
		return ebi == 0;
	return ebi >= 5;
}

int nas_esm_decode(const uint8_t *buf, size_t len, struct nas_esm_msg *m,
		   struct nas_err *err)
{
	struct nas_err dummy;
	struct nas_rd r = { buf, len, 0, err ? err : &dummy };

	memset(r.err, 0, sizeof(*r.err));
	memset(m, 0, sizeof(*m));
	if (len < 3)
		return nas_fail_at(&r, 0, NULL, "truncated");
	if ((buf[0] & 0x0f) != NAS_PD_ESM)
		return nas_fail_at(&r, 0, NULL,
				   "wrong protocol discriminator");
	m->ebi = buf[0] >> 4;
	m->pti = buf[1];
	m->type = buf[2];
	r.err->msg = nas_msg_name(NAS_PD_ESM, m->type);
	if (!r.err->msg) {
		nas_fail_at(&r, 2, NULL, "unknown message type");
		r.err->cause = NAS_EMM_MSG_TYPE_UNKNOWN;
		return -ENOMSG;
	}
	if (!ebi_ok(m->type, m->ebi))
		return nas_fail_at(&r, 0, "EPS bearer identity", "bad value");
	r.off = 3;
	switch (m->type) {
	case NAS_PDN_CONNECTIVITY_REQ:
		return dec_pdn_conn_req(&r, &m->pdn_conn_req);
	case NAS_ACT_DEFAULT_BEARER_REQ:
		return dec_act_req(&r, &m->act_req);
	default:
		return dec_act_acc(&r, &m->act_acc);
	}
}

static void enc_opt_tlv(struct nas_wr *w, uint8_t iei, struct nas_bytes b)
{
	if (b.p)
		nas_wr_tlv(w, iei, b.p, b.len);
}

static int enc_pdn_conn_req(struct nas_wr *w, const struct nas_pdn_conn_req *m,
			    struct nas_err *err)
{
	const char *msg = "PDN CONNECTIVITY REQUEST";

	if (!m->request_type || m->request_type > 7)
		return nas_enc_fail(err, msg, "request type", "bad value");
	if (!pdn_type_ok(m->pdn_type))
		return nas_enc_fail(err, msg, "PDN type", "bad value");
	if (m->has_apn && nas_check_apn(m->apn.v, m->apn.len))
		return nas_enc_fail(err, msg, "APN", "bad APN");
	if (m->pco.p && (m->pco.len < 1 || m->pco.len > 251))
		return nas_enc_fail(err, msg, "PCO", "bad length");
	nas_wr_u8(w, (uint8_t)(m->pdn_type << 4 | m->request_type));
	if (m->has_apn)
		nas_wr_tlv(w, pcr_opts[PCR_APN].iei, m->apn.v, m->apn.len);
	enc_opt_tlv(w, pcr_opts[PCR_PCO].iei, m->pco);
	return 0;
}

static int enc_act_req(struct nas_wr *w, const struct nas_act_bearer_req *m,
		       struct nas_err *err)
{
	const char *msg = "ACTIVATE DEFAULT EPS BEARER CONTEXT REQUEST";
	size_t at;

	if (m->qos.len < 1 || m->qos.len > NAS_EPS_QOS_MAX)
		return nas_enc_fail(err, msg, "EPS QoS", "bad length");
	if (nas_check_apn(m->apn.v, m->apn.len))
		return nas_enc_fail(err, msg, "APN", "bad APN");
	if (m->addr.type < NAS_PDN_IPV4 || m->addr.type > NAS_PDN_IPV4V6)
		return nas_enc_fail(err, msg, "PDN address", "bad value");
	if ((m->apn_ambr.p && (m->apn_ambr.len < 2 || m->apn_ambr.len > 6)) ||
	    (m->pco.p && (m->pco.len < 1 || m->pco.len > 251)))
		return nas_enc_fail(err, msg, NULL, "bad optional IE length");
	nas_wr_lv(w, m->qos.oct, m->qos.len);
	nas_wr_lv(w, m->apn.v, m->apn.len);
	at = nas_wr_len8_open(w);
	nas_wr_u8(w, m->addr.type);
	if (m->addr.type != NAS_PDN_IPV4)
		nas_wr_mem(w, m->addr.ipv6_iid, 8);
	if (m->addr.type != NAS_PDN_IPV6)
		nas_wr_mem(w, m->addr.ipv4, 4);
	nas_wr_len8_close(w, at);
	enc_opt_tlv(w, abr_opts[ABR_AMBR].iei, m->apn_ambr);
	if (m->has_esm_cause) {
		nas_wr_u8(w, abr_opts[ABR_CAUSE].iei);
		nas_wr_u8(w, m->esm_cause);
	}
	enc_opt_tlv(w, abr_opts[ABR_PCO].iei, m->pco);
	return 0;
}

static int enc_act_acc(struct nas_wr *w, const struct nas_act_bearer_acc *m,
		       struct nas_err *err)
{
	if (m->pco.p && (m->pco.len < 1 || m->pco.len > 251))
		return nas_enc_fail(err,
				    "ACTIVATE DEFAULT EPS BEARER CONTEXT ACCEPT",
				    "PCO", "bad length");
	enc_opt_tlv(w, aba_opts[ABA_PCO].iei, m->pco);
	return 0;
}

static int enc_body(struct nas_wr *w, const struct nas_esm_msg *m,
		    struct nas_err *err)
{
	switch (m->type) {
	case NAS_PDN_CONNECTIVITY_REQ:
		return enc_pdn_conn_req(w, &m->pdn_conn_req, err);
	case NAS_ACT_DEFAULT_BEARER_REQ:
		return enc_act_req(w, &m->act_req, err);
	default:
		return enc_act_acc(w, &m->act_acc, err);
	}
}

int nas_esm_encode(const struct nas_esm_msg *m, uint8_t *out, size_t cap,
		   size_t *len, struct nas_err *err)
{
	struct nas_wr w = { out, cap, 0, false };
	const char *name = nas_msg_name(NAS_PD_ESM, m->type);
	struct nas_err dummy;

	if (!err)
		err = &dummy;
	memset(err, 0, sizeof(*err));
	if (!name)
		return nas_enc_fail(err, NULL, NULL, "unknown message type");
	if (m->ebi > 15 || !ebi_ok(m->type, m->ebi))
		return nas_enc_fail(err, name, "EPS bearer identity",
				    "bad value");
	nas_wr_u8(&w, (uint8_t)(m->ebi << 4 | NAS_PD_ESM));
	nas_wr_u8(&w, m->pti);
	nas_wr_u8(&w, m->type);
	if (enc_body(&w, m, err))
		return -EINVAL;
	return nas_wr_done(&w, len, err);
}
