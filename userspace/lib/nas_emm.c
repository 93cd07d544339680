// SPDX-License-Identifier: GPL-2.0
/*
 * EMM messages of the PARLOS attach (TS 24.301 8.2): ATTACH REQUEST /
 * ACCEPT / COMPLETE / REJECT and SECURITY MODE COMMAND / COMPLETE /
 * REJECT, with the PARLOS IEs.
 */
#define NAS_CODEC_INTERNAL
#include "nas.h"

#include <string.h>

static const char ie_esm[] = "ESM message container";

/*
 * Known optional IEs. Besides the ones decoded, the tables list every
 * fixed-length TV IE of the message: those have no length octet, so
 * they could not be skipped as unknown.
 */
enum { ARQ_PTMSI_SIG, ARQ_TAI, ARQ_DRX, ARQ_LAI, ARQ_INFO_REQ,
       ARQ_PUBKEY, ARQ_CERT, ARQ_N };
static const struct nas_opt_ie arq_opts[ARQ_N] = {
	[ARQ_PTMSI_SIG] = { 0x19, NAS_TV, 3, 3, "old P-TMSI signature" },
	[ARQ_TAI] = { 0x52, NAS_TV, 5, 5, "last visited registered TAI" },
	[ARQ_DRX] = { 0x5c, NAS_TV, 2, 2, "DRX parameter" },
	[ARQ_LAI] = { 0x13, NAS_TV, 5, 5, "old location area identification" },
	[ARQ_INFO_REQ] = { 0x17, NAS_TV, 1, 1,
			   "additional information requested" },
	[ARQ_PUBKEY] = { NAS_IEI_PARLOS_ME_PUBKEY, NAS_TLVE, 1, 0xffff,
			 "PARLOS ME public key" },
	[ARQ_CERT] = { NAS_IEI_PARLOS_ME_CERT, NAS_TLVE, 0, 0xffff,
		       "PARLOS ME certificate" },
};

enum { AAC_GUTI, AAC_LAI, AAC_CAUSE, AAC_T3402, AAC_T3423, AAC_N };
static const struct nas_opt_ie aac_opts[AAC_N] = {
	[AAC_GUTI] = { 0x50, NAS_TLV, 11, 11, "GUTI" },
	[AAC_LAI] = { 0x13, NAS_TV, 5, 5, "location area identification" },
	[AAC_CAUSE] = { 0x53, NAS_TV, 1, 1, "EMM cause" },
	[AAC_T3402] = { 0x17, NAS_TV, 1, 1, "T3402 value" },
	[AAC_T3423] = { 0x59, NAS_TV, 1, 1, "T3423 value" },
};

enum { ARJ_ESM, ARJ_N };
static const struct nas_opt_ie arj_opts[ARJ_N] = {
	[ARJ_ESM] = { 0x78, NAS_TLVE, 1, 0xffff, ie_esm },
};

enum { SMC_IMEISV_REQ, SMC_NONCE_UE, SMC_NONCE_MME, SMC_KASME,
       SMC_GW_CERT, SMC_KEY_HASH, SMC_N };
static const struct nas_opt_ie smc_opts[SMC_N] = {
	[SMC_IMEISV_REQ] = { 0xc0, NAS_TV1, 1, 1, "IMEISV request" },
	[SMC_NONCE_UE] = { 0x55, NAS_TV, 4, 4, "replayed nonceUE" },
	[SMC_NONCE_MME] = { 0x56, NAS_TV, 4, 4, "NonceMME" },
	[SMC_KASME] = { NAS_IEI_PARLOS_KASME_ENC, NAS_TLVE, 1, 0xffff,
			"PARLOS encrypted KASMEtemp" },
	[SMC_GW_CERT] = { NAS_IEI_PARLOS_GW_CERT, NAS_TLVE, 0, 0xffff,
			  "PARLOS gateway certificate" },
	[SMC_KEY_HASH] = { NAS_IEI_PARLOS_PUBKEY_HASH, NAS_TLVE,
			   NAS_PARLOS_HASH_LEN, NAS_PARLOS_HASH_LEN,
			   "PARLOS ME public key hash" },
};

enum { SCP_IMEISV, SCP_SIG, SCP_N };
static const struct nas_opt_ie scp_opts[SCP_N] = {
	[SCP_IMEISV] = { NAS_IEI_IMEISV, NAS_TLV, 1, 0xff, "IMEISV" },
	[SCP_SIG] = { NAS_IEI_PARLOS_ME_SIG, NAS_TLVE, 0, 0xffff,
		      "PARLOS ME signature" },
};

/* ESM message container (LV-E) holding an ESM message of type want */
static int dec_esm(struct nas_rd *r, uint8_t want, struct nas_esm_msg *esm,
		   struct nas_bytes *raw)
{
	const char *outer = r->err->msg;
	size_t at = r->off;
	int rc;

	if (nas_rd_lve(r, ie_esm, 3, 0xffff, raw))
		return -EBADMSG;
	rc = nas_esm_decode(raw->p, raw->len, esm, r->err);
	if (rc) {
		r->err->outer = outer;
		r->err->off += (size_t)(raw->p - r->p);
		return -EBADMSG;
	}
	r->err->msg = outer;
	if (esm->type != want)
		return nas_fail_at(r, at, ie_esm, "unexpected ESM message");
	return 0;
}

static int dec_attach_req(struct nas_rd *r, struct nas_attach_req *m)
{
	struct nas_bytes id, cap, o[ARQ_N];
	uint8_t v;

	if (nas_rd_u8(r, "EPS attach type", &v))
		return -EBADMSG;
	m->attach_type = v & 0x07;
	m->ksi = v >> 4;
	if (nas_rd_lv(r, "EPS mobile identity", 4, 11, &id) ||
	    nas_dec_eps_id(r, id, &m->id) ||
	    nas_rd_lv(r, "UE network capability", 2, NAS_UE_NET_CAP_MAX,
		      &cap))
		return -EBADMSG;
	m->ue_net_cap.len = (uint8_t)cap.len;
	memcpy(m->ue_net_cap.oct, cap.p, cap.len);
	if (dec_esm(r, NAS_PDN_CONNECTIVITY_REQ, &m->esm, &m->esm_raw) ||
	    nas_rd_opts(r, arq_opts, ARQ_N, o))
		return -EBADMSG;
	m->has_pubkey = o[ARQ_PUBKEY].p;
	if (m->has_pubkey && nas_dec_pubkey(r, o[ARQ_PUBKEY], &m->pubkey))
		return -EBADMSG;
	m->me_cert = o[ARQ_CERT];
	return 0;
}

static int dec_attach_acc(struct nas_rd *r, struct nas_attach_acc *m)
{
	struct nas_bytes tai, o[AAC_N];
	uint8_t v;

	if (nas_rd_u8(r, "EPS attach result", &v))
		return -EBADMSG;
	m->result = v & 0x07;
	if (m->result != NAS_ATTACH_RESULT_EPS &&
	    m->result != NAS_ATTACH_RESULT_COMBINED)
		return nas_fail_at(r, r->off - 1, "EPS attach result",
				   "bad value");
	if (nas_rd_u8(r, "T3412 value", &m->t3412) ||
	    nas_rd_lv(r, "TAI list", 6, 96, &tai) ||
	    nas_dec_tai_list(r, tai, &m->tai_list) ||
	    dec_esm(r, NAS_ACT_DEFAULT_BEARER_REQ, &m->esm, &m->esm_raw) ||
	    nas_rd_opts(r, aac_opts, AAC_N, o))
		return -EBADMSG;
	m->has_guti = o[AAC_GUTI].p;
	if (m->has_guti && nas_dec_guti(r, o[AAC_GUTI], "GUTI", &m->guti))
		return -EBADMSG;
	return 0;
}

static int dec_attach_cpl(struct nas_rd *r, struct nas_attach_cpl *m)
{
	if (dec_esm(r, NAS_ACT_DEFAULT_BEARER_ACC, &m->esm, &m->esm_raw))
		return -EBADMSG;
	/* No optional IEs are defined: this still skips unknown ones */
	return nas_rd_opts(r, NULL, 0, NULL);
}

static int dec_attach_rej(struct nas_rd *r, struct nas_attach_rej *m)
{
	struct nas_bytes o[ARJ_N];

	if (nas_rd_u8(r, "EMM cause", &m->cause) ||
	    nas_rd_opts(r, arj_opts, ARJ_N, o))
		return -EBADMSG;
	m->esm = o[ARJ_ESM];
	return 0;
}

static int dec_smc(struct nas_rd *r, struct nas_smc *m)
{
	struct nas_bytes cap, o[SMC_N];
	uint8_t v;

	if (nas_rd_u8(r, "selected NAS security algorithms", &v))
		return -EBADMSG;
	m->eea = (v >> 4) & 0x07;
	m->eia = v & 0x07;
	if (nas_rd_u8(r, "NAS key set identifier", &v))
		return -EBADMSG;
	m->ksi = v & 0x0f;
	if ((m->ksi & 0x07) == NAS_KSI_NONE)
		return nas_fail_at(r, r->off - 1, "NAS key set identifier",
				   "KSI 7 (no key) not allowed");
	if (nas_rd_lv(r, "replayed UE security capabilities", 2,
		      NAS_UE_SEC_CAP_MAX, &cap))
		return -EBADMSG;
	/* UEA and UIA come as a pair (9.9.3.36) */
	if (cap.len == 3)
		return nas_fail_at(r, (size_t)(cap.p - r->p) - 1,
				   "replayed UE security capabilities",
				   "bad length");
	m->replayed.len = (uint8_t)cap.len;
	memcpy(m->replayed.oct, cap.p, cap.len);
	if (nas_rd_opts(r, smc_opts, SMC_N, o))
		return -EBADMSG;
	m->imeisv_req = o[SMC_IMEISV_REQ].p &&
			(o[SMC_IMEISV_REQ].p[0] & 0x07) == 1;
	m->has_kasme = o[SMC_KASME].p;
	if (m->has_kasme && nas_dec_kasme(r, o[SMC_KASME], &m->kasme))
		return -EBADMSG;
	m->gw_cert = o[SMC_GW_CERT];
	m->pubkey_hash = o[SMC_KEY_HASH];
	return 0;
}

static int dec_smc_cpl(struct nas_rd *r, struct nas_smc_cpl *m)
{
	struct nas_bytes o[SCP_N];

	if (nas_rd_opts(r, scp_opts, SCP_N, o))
		return -EBADMSG;
	m->has_imeisv = o[SCP_IMEISV].p;
	if (m->has_imeisv && nas_dec_imeisv(r, o[SCP_IMEISV], m->imeisv))
		return -EBADMSG;
	m->me_sig = o[SCP_SIG];
	return 0;
}

static int dec_body(struct nas_rd *r, struct nas_emm_msg *m)
{
	switch (m->type) {
	case NAS_ATTACH_REQUEST:
		return dec_attach_req(r, &m->attach_req);
	case NAS_ATTACH_ACCEPT:
		return dec_attach_acc(r, &m->attach_acc);
	case NAS_ATTACH_COMPLETE:
		return dec_attach_cpl(r, &m->attach_cpl);
	case NAS_ATTACH_REJECT:
		return dec_attach_rej(r, &m->attach_rej);
	case NAS_SECURITY_MODE_COMMAND:
		return dec_smc(r, &m->smc);
	case NAS_SECURITY_MODE_COMPLETE:
		return dec_smc_cpl(r, &m->smc_cpl);
	default:
		return nas_rd_u8(r, "EMM cause", &m->smc_rej.cause) ||
		       nas_rd_opts(r, NULL, 0, NULL) ? -EBADMSG : 0;
	}
}

int nas_emm_decode(const uint8_t *buf, size_t len, struct nas_emm_msg *m,
		   struct nas_err *err)
{
	struct nas_err dummy;
	struct nas_rd r = { buf, len, 0, err ? err : &dummy };

	memset(r.err, 0, sizeof(*r.err));
	memset(m, 0, sizeof(*m));
	if (len < 2)
		return nas_fail_at(&r, 0, NULL, "truncated");
	if ((buf[0] & 0x0f) != NAS_PD_EMM)
		return nas_fail_at(&r, 0, NULL,
				   "wrong protocol discriminator");
	if (buf[0] >> 4 != NAS_SHT_PLAIN)
		return nas_fail_at(&r, 0, NULL,
				   "security protected (parse the header first)");
	m->type = buf[1];
	r.err->msg = nas_msg_name(NAS_PD_EMM, m->type);
	if (!r.err->msg) {
		nas_fail_at(&r, 1, NULL, "unknown message type");
		r.err->cause = NAS_EMM_MSG_TYPE_UNKNOWN;
		return -ENOMSG;
	}
	r.off = 2;
	return dec_body(&r, m);
}

/* --- encoding --------------------------------------------------------- */

static int enc_esm(struct nas_wr *w, const struct nas_esm_msg *esm,
		   uint8_t want, struct nas_err *err)
{
	size_t at, n = 0;
	int rc;

	if (esm->type != want)
		return nas_enc_fail(err, NULL, ie_esm,
				    "unexpected ESM message");
	at = nas_wr_len16_open(w);
	if (w->full)
		return 0;
	rc = nas_esm_encode(esm, w->p + w->off, w->cap - w->off, &n, err);
	if (rc == -ENOSPC)
		w->full = true;
	else if (rc)
		return rc;
	w->off += n;
	nas_wr_len16_close(w, at);
	return 0;
}

static int enc_opaque(struct nas_wr *w, uint8_t iei, struct nas_bytes b,
		      const char *ie, struct nas_err *err)
{
	if (!b.p)
		return 0;
	if (b.len > 0xffff)
		return nas_enc_fail(err, NULL, ie, "bad length");
	nas_wr_tlve(w, iei, b.p, b.len);
	return 0;
}

static int enc_attach_req(struct nas_wr *w, const struct nas_attach_req *m,
			  struct nas_err *err)
{
	const struct nas_ue_net_cap *c = &m->ue_net_cap;

	if (!m->attach_type || m->attach_type > 7 || m->ksi > 15)
		return nas_enc_fail(err, NULL, "EPS attach type", "bad value");
	if (c->len < 2 || c->len > NAS_UE_NET_CAP_MAX)
		return nas_enc_fail(err, NULL, "UE network capability",
				    "bad length");
	nas_wr_u8(w, (uint8_t)(m->ksi << 4 | m->attach_type));
	if (nas_enc_eps_id(w, &m->id, err))
		return -EINVAL;
	nas_wr_lv(w, c->oct, c->len);
	if (enc_esm(w, &m->esm, NAS_PDN_CONNECTIVITY_REQ, err))
		return -EINVAL;
	if (m->has_pubkey && nas_enc_pubkey(w, &m->pubkey, err))
		return -EINVAL;
	return enc_opaque(w, NAS_IEI_PARLOS_ME_CERT, m->me_cert,
			  arq_opts[ARQ_CERT].name, err);
}

static int enc_attach_acc(struct nas_wr *w, const struct nas_attach_acc *m,
			  struct nas_err *err)
{
	if (m->result != NAS_ATTACH_RESULT_EPS &&
	    m->result != NAS_ATTACH_RESULT_COMBINED)
		return nas_enc_fail(err, NULL, "EPS attach result",
				    "bad value");
	if (m->has_guti && nas_check_plmn(&m->guti.plmn))
		return nas_enc_fail(err, NULL, "GUTI", "bad PLMN");
	nas_wr_u8(w, m->result);
	nas_wr_u8(w, m->t3412);
	if (nas_enc_tai_list(w, &m->tai_list, err) ||
	    enc_esm(w, &m->esm, NAS_ACT_DEFAULT_BEARER_REQ, err))
		return -EINVAL;
	if (m->has_guti) {
		nas_wr_u8(w, aac_opts[AAC_GUTI].iei);
		nas_wr_u8(w, 11);
		nas_enc_guti_value(w, &m->guti);
	}
	return 0;
}

static int enc_smc(struct nas_wr *w, const struct nas_smc *m,
		   struct nas_err *err)
{
	const struct nas_ue_sec_cap *c = &m->replayed;

	if (m->eea > 7 || m->eia > 7)
		return nas_enc_fail(err, NULL,
				    "selected NAS security algorithms",
				    "bad value");
	if (m->ksi > 15 || (m->ksi & 0x07) == NAS_KSI_NONE)
		return nas_enc_fail(err, NULL, "NAS key set identifier",
				    "KSI 7 (no key) not allowed");
	if (c->len < 2 || c->len == 3 || c->len > NAS_UE_SEC_CAP_MAX)
		return nas_enc_fail(err, NULL,
				    "replayed UE security capabilities",
				    "bad length");
	nas_wr_u8(w, (uint8_t)(m->eea << 4 | m->eia));
	nas_wr_u8(w, m->ksi);
	nas_wr_lv(w, c->oct, c->len);
	if (m->imeisv_req)
		nas_wr_u8(w, smc_opts[SMC_IMEISV_REQ].iei | 1);
	if (m->pubkey_hash.p) {
		if (m->pubkey_hash.len != NAS_PARLOS_HASH_LEN)
			return nas_enc_fail(err, NULL,
					    smc_opts[SMC_KEY_HASH].name,
					    "bad length");
		nas_wr_tlve(w, NAS_IEI_PARLOS_PUBKEY_HASH, m->pubkey_hash.p,
			    m->pubkey_hash.len);
	}
	if (m->has_kasme && nas_enc_kasme(w, &m->kasme, err))
		return -EINVAL;
	return enc_opaque(w, NAS_IEI_PARLOS_GW_CERT, m->gw_cert,
			  smc_opts[SMC_GW_CERT].name, err);
}

static int enc_smc_cpl(struct nas_wr *w, const struct nas_smc_cpl *m,
		       struct nas_err *err)
{
	if (m->has_imeisv && nas_enc_imeisv(w, m->imeisv, err))
		return -EINVAL;
	return enc_opaque(w, NAS_IEI_PARLOS_ME_SIG, m->me_sig,
			  scp_opts[SCP_SIG].name, err);
}

static int enc_body(struct nas_wr *w, const struct nas_emm_msg *m,
		    struct nas_err *err)
{
	switch (m->type) {
	case NAS_ATTACH_REQUEST:
		return enc_attach_req(w, &m->attach_req, err);
	case NAS_ATTACH_ACCEPT:
		return enc_attach_acc(w, &m->attach_acc, err);
	case NAS_ATTACH_COMPLETE:
		return enc_esm(w, &m->attach_cpl.esm,
			       NAS_ACT_DEFAULT_BEARER_ACC, err);
	case NAS_ATTACH_REJECT:
		nas_wr_u8(w, m->attach_rej.cause);
		return enc_opaque(w, arj_opts[ARJ_ESM].iei, m->attach_rej.esm,
				  ie_esm, err);
	case NAS_SECURITY_MODE_COMMAND:
		return enc_smc(w, &m->smc, err);
	case NAS_SECURITY_MODE_COMPLETE:
		return enc_smc_cpl(w, &m->smc_cpl, err);
	default:
		nas_wr_u8(w, m->smc_rej.cause);
		return 0;
	}
}

int nas_emm_encode(const struct nas_emm_msg *m, uint8_t *out, size_t cap,
		   size_t *len, struct nas_err *err)
{
	struct nas_wr w = { out, cap, 0, false };
	const char *name = nas_msg_name(NAS_PD_EMM, m->type);
	struct nas_err dummy;

	if (!err)
		err = &dummy;
	memset(err, 0, sizeof(*err));
	if (!name)
		return nas_enc_fail(err, NULL, NULL, "unknown message type");
	nas_wr_u8(&w, NAS_PD_EMM);
	nas_wr_u8(&w, m->type);
	if (enc_body(&w, m, err)) {
		/* A failing ESM message keeps its own name, under ours */
		if (err->msg)
			err->outer = name;
		else
			err->msg = name;
		return -EINVAL;
	}
	return nas_wr_done(&w, len, err);
}
