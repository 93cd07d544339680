// SPDX-License-Identifier: GPL-2.0
/*
 * Builders of the plain attach messages.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "algo.h"
#include "attach.h"
#include "log.h"

static int encode(const struct nas_emm_msg *m, uint8_t *out, size_t cap,
		  size_t *len)
{
	struct nas_err err;
	char why[160];
	int rc = nas_emm_encode(m, out, cap, len, &err);

	if (rc)
		log_err("cannot encode %s", nas_strerror(&err, why,
							 sizeof(why)));
	return rc;
}

void me_net_cap(const struct d_config *cfg, struct nas_ue_net_cap *nc)
{
	memset(nc, 0, sizeof(*nc));
	nc->len = 2;
	nc->oct[0] = alg_cap_octet(&cfg->eea);
	nc->oct[1] = alg_cap_octet(&cfg->eia);
}

int attach_request_build(const struct d_config *cfg, const char *imei,
			 uint8_t profile, const uint8_t *pub, size_t publen,
			 uint8_t *out, size_t cap, size_t *len)
{
	return attach_request_build_cert(cfg, imei, profile, pub, publen,
					 NULL, 0, out, cap, len);
}

int attach_request_build_cert(const struct d_config *cfg, const char *imei,
			      uint8_t profile, const uint8_t *pub,
			      size_t publen, const uint8_t *cert,
			      size_t cert_len, uint8_t *out, size_t cap,
			      size_t *len)
{
	struct nas_emm_msg m;
	struct nas_attach_req *a = &m.attach_req;
	struct nas_pdn_conn_req *p = &a->esm.pdn_conn_req;

	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_REQUEST;
	a->attach_type = NAS_ATTACH_TYPE_RLOS;
	a->ksi = NAS_KSI_NONE;
	a->id.type = NAS_ID_IMEI;
	snprintf(a->id.digits, sizeof(a->id.digits), "%s", imei);
	me_net_cap(cfg, &a->ue_net_cap);
	a->esm.type = NAS_PDN_CONNECTIVITY_REQ;
	a->esm.pti = D_PTI;
	p->request_type = 1;	/* initial request */
	p->pdn_type = NAS_PDN_IPV4;
	if (cfg->apn[0]) {
		p->has_apn = true;
		nas_apn_from_str(&p->apn, cfg->apn);
	}
	a->has_pubkey = true;
	a->pubkey.profile = profile;
	a->pubkey.key = pub;
	a->pubkey.key_len = publen;
	a->me_cert.p = cert;
	a->me_cert.len = cert_len;
	return encode(&m, out, cap, len);
}

int attach_accept_build(const struct accept_params *p, uint8_t *out,
			size_t cap, size_t *len)
{
	const struct d_config *c = p->cfg;
	struct nas_emm_msg m;
	struct nas_attach_acc *a = &m.attach_acc;
	struct nas_act_bearer_req *b = &a->esm.act_req;

	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_ACCEPT;
	a->result = NAS_ATTACH_RESULT_EPS;
	a->t3412 = D_T3412_OCTET;
	a->tai_list.n = 1;
	a->tai_list.tai[0].plmn = c->plmn;
	a->tai_list.tai[0].tac = c->tac;
	a->esm.type = NAS_ACT_DEFAULT_BEARER_REQ;
	a->esm.ebi = D_DEFAULT_EBI;
	a->esm.pti = p->pti;
	b->qos.len = 1;
	b->qos.oct[0] = D_DEFAULT_QCI;
	if (nas_apn_from_str(&b->apn, c->apn[0] ? c->apn : "rlos"))
		return -EINVAL;
	b->addr.type = NAS_PDN_IPV4;
	b->addr.ipv4[0] = (uint8_t)(p->ipv4 >> 24);
	b->addr.ipv4[1] = (uint8_t)(p->ipv4 >> 16);
	b->addr.ipv4[2] = (uint8_t)(p->ipv4 >> 8);
	b->addr.ipv4[3] = (uint8_t)p->ipv4;
	a->has_guti = true;
	a->guti.plmn = c->plmn;
	a->guti.mme_gid = c->mme_gid;
	a->guti.mme_code = c->mme_code;
	a->guti.m_tmsi = p->m_tmsi;
	return encode(&m, out, cap, len);
}

int attach_complete_build(uint8_t ebi, uint8_t pti, uint8_t *out, size_t cap,
			  size_t *len)
{
	struct nas_emm_msg m;

	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_COMPLETE;
	m.attach_cpl.esm.type = NAS_ACT_DEFAULT_BEARER_ACC;
	m.attach_cpl.esm.ebi = ebi;
	m.attach_cpl.esm.pti = pti;
	return encode(&m, out, cap, len);
}

int attach_reject_build(uint8_t cause, uint8_t *out, size_t cap, size_t *len)
{
	struct nas_emm_msg m;

	memset(&m, 0, sizeof(m));
	m.type = NAS_ATTACH_REJECT;
	m.attach_rej.cause = cause;
	return encode(&m, out, cap, len);
}

int smc_complete_build(const char *imeisv, uint8_t *out, size_t cap,
		       size_t *len)
{
	return smc_complete_build_sig(imeisv, NULL, 0, out, cap, len);
}

int smc_complete_build_sig(const char *imeisv, const uint8_t *sig,
			   size_t sig_len, uint8_t *out, size_t cap,
			   size_t *len)
{
	struct nas_emm_msg m;

	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_COMPLETE;
	if (imeisv) {
		m.smc_cpl.has_imeisv = true;
		snprintf(m.smc_cpl.imeisv, sizeof(m.smc_cpl.imeisv), "%s",
			 imeisv);
	}
	m.smc_cpl.me_sig.p = sig;
	m.smc_cpl.me_sig.len = sig_len;
	return encode(&m, out, cap, len);
}

int smc_reject_build(uint8_t cause, uint8_t *out, size_t cap, size_t *len)
{
	struct nas_emm_msg m;

	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_REJECT;
	m.smc_rej.cause = cause;
	return encode(&m, out, cap, len);
}

const char *emm_cause_str(uint8_t cause)
{
	switch (cause) {
	case NAS_EMM_ILLEGAL_UE:
		return "illegal UE";
	case NAS_EMM_ILLEGAL_ME:
		return "illegal ME";
	case NAS_EMM_EPS_NOT_ALLOWED:
		return "EPS services not allowed";
	case EMM_CONGESTION:
		return "congestion";
	case NAS_EMM_UE_SEC_CAP_MISMATCH:
		return "UE security capabilities mismatch";
	case NAS_EMM_SEC_MODE_REJECTED:
		return "security mode rejected, unspecified";
	case NAS_EMM_SEMANTIC_INCORRECT:
		return "semantically incorrect message";
	case NAS_EMM_INVALID_MANDATORY:
		return "invalid mandatory information";
	case NAS_EMM_MSG_TYPE_UNKNOWN:
		return "message type non-existent";
	case NAS_EMM_PROTOCOL_ERROR:
		return "protocol error, unspecified";
	default:
		return "other cause";
	}
}
