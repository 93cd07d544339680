// SPDX-License-Identifier: GPL-2.0
/*
 * ME credential checks. Order: decode 0x7E, the chain (mode cert) or
 * the pin (mode pin), then the signature over our own transcript. Each
 * refusal is one reason, said once, in the SECURITY MODE REJECT line.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <openssl/sha.h>

#include "log.h"
#include "me_cred.h"
#include "pin.h"

void me_cred_transcript(struct transcript *t, const struct d_config *cfg,
			const struct d_cred *cred, const uint8_t *pub,
			size_t pub_len, const struct nas_smc *smc,
			uint8_t cert_hash[TR_DIGEST_LEN])
{
	memset(t, 0, sizeof(*t));
	t->plmn = cfg->plmn;
	t->profile = cfg->profile;
	t->me_pub = pub;
	t->me_pub_len = pub_len;
	if (cred && cred->ie) {
		SHA256(cred->ie, cred->ie_len, cert_hash);
		t->me_cert_hash = cert_hash;
	}
	t->eea = smc->eea;
	t->eia = smc->eia;
	t->caps = &smc->replayed;
	t->blob = smc->kasme.eph;
	t->blob_len = smc->kasme.eph_len + NAS_PARLOS_CT_LEN +
		      NAS_PARLOS_TAG_LEN;
}

/* Mode pin: the key must be the one pinned for the PLMN, if any */
static uint8_t check_pin(struct me_cred *mc, const struct d_config *cfg,
			 const struct cred_peer *gw, char *why, size_t n)
{
	char err[D_ERR_MAX + 64], plmn[8], fpr[CRED_FPR_HEX], old[CRED_FPR_HEX];
	struct pin_hit hit;
	int rc = pin_lookup(cfg->pin_file, &cfg->plmn, &hit, err, sizeof(err));

	plmn_str(&cfg->plmn, plmn);
	if (rc == -ENOENT) {
		if (gw->spki_len > sizeof(mc->pin_spki)) {
			snprintf(why, n, "gateway key too long to pin");
			return NAS_EMM_SEC_MODE_REJECTED;
		}
		mc->pin_new = true;
		memcpy(mc->pin_spki, gw->spki, gw->spki_len);
		mc->pin_spki_len = gw->spki_len;
		return 0;
	}
	if (rc) {
		snprintf(why, n, "pin file unusable, refusing: %s", err);
		return NAS_EMM_SEC_MODE_REJECTED;
	}
	if (hit.spki_len == gw->spki_len &&
	    !memcmp(hit.spki, gw->spki, gw->spki_len))
		return 0;
	cred_fpr(gw->spki, gw->spki_len, fpr);
	cred_fpr(hit.spki, hit.spki_len, old);
	snprintf(why, n, "gateway key for PLMN %s changed: offered SHA256:%s, "
		 "pinned SHA256:%s in %s:%u: refused until that line is "
		 "removed", plmn, fpr, old, cfg->pin_file, hit.line);
	return NAS_EMM_SEC_MODE_REJECTED;
}

static uint8_t refuse(char *why, size_t n, const char *what,
		      enum cred_status st, const char *detail)
{
	snprintf(why, n, "%s %s%s%s", what, cred_status_str(st),
		 detail && *detail ? ": " : "", detail ? detail : "");
	return NAS_EMM_SEC_MODE_REJECTED;
}

uint8_t me_cred_check(struct me_cred *mc, const struct d_config *cfg,
		      const struct d_cred *cred, struct transcript *t,
		      const struct nas_smc *smc, char *why, size_t n)
{
	struct nas_parlos_cred cr;
	struct cred_peer gw;
	enum cred_status st;
	uint8_t md[TR_DIGEST_LEN], cause = 0;
	char detail[256] = "", fpr[CRED_FPR_HEX];
	const char *w;

	mc->pin_new = false;
	if (cfg->mode == D_MODE_NONE) {
		if (smc->gw_cert.p)
			log_debug("gateway credential (0x7E) ignored: "
				  "mode none");
		return 0;
	}
	if (!smc->gw_cert.p) {
		snprintf(why, n, "no gateway credential (0x7E) though mode "
			 "is %s: not downgraded to none",
			 d_mode_name(cfg->mode));
		return NAS_EMM_SEC_MODE_REJECTED;
	}
	if (nas_cred_decode(smc->gw_cert.p, smc->gw_cert.len,
			    NAS_CRED_PART | NAS_SIG_PART, &cr, &w)) {
		snprintf(why, n, "malformed gateway credential (0x7E): %s", w);
		return NAS_EMM_SEC_MODE_REJECTED;
	}
	if (cfg->mode == D_MODE_CERT)
		st = cred_verify_chain(cred ? cred->trust : NULL, &cr,
				       CRED_FOR_GATEWAY, &gw, detail,
				       sizeof(detail));
	else
		st = cred_signer_key(&cr, &gw);
	if (st)
		return refuse(why, n, "gateway", st, detail);
	if (cfg->mode == D_MODE_PIN)
		cause = check_pin(mc, cfg, &gw, why, n);
	t->role = TR_GATEWAY;
	t->spki = gw.spki;
	t->spki_len = gw.spki_len;
	if (!cause && transcript_digest(t, md)) {
		snprintf(why, n, "cannot build the transcript");
		cause = NAS_EMM_SEC_MODE_REJECTED;
	}
	if (!cause) {
		st = cred_verify_sig(gw.key, cr.sig_alg, md, cr.sig.p,
				     cr.sig.len);
		if (st)
			cause = refuse(why, n, "gateway", st, NULL);
	}
	if (!cause) {
		cred_fpr(gw.spki, gw.spki_len, fpr);
		log_info("gateway credential verified: mode %s, key "
			 "SHA256:%s%s%s", d_mode_name(cfg->mode), fpr,
			 *detail ? ", " : "", detail);
	}
	t->spki = NULL;
	t->spki_len = 0;
	if (cause)
		mc->pin_new = false;
	cred_peer_free(&gw);
	return cause;
}

void me_cred_accepted(struct me_cred *mc, const struct d_config *cfg,
		      const struct d_cred *cred, struct transcript *t)
{
	char err[D_ERR_MAX + 64], plmn[8], fpr[CRED_FPR_HEX];

	if (mc->pin_new) {
		mc->pin_new = false;
		plmn_str(&cfg->plmn, plmn);
		cred_fpr(mc->pin_spki, mc->pin_spki_len, fpr);
		if (pin_add(cfg->pin_file, &cfg->plmn, mc->pin_spki,
			    mc->pin_spki_len, err, sizeof(err)))
			log_err("cannot pin the gateway key: %s", err);
		else
			log_warn("first contact with PLMN %s: gateway key "
				 "SHA256:%s pinned in %s (trust on first use: "
				 "not authenticated)", plmn, fpr,
				 cfg->pin_file);
	}
	mc->sign = cred && cred->key && cred->ie;
	if (!mc->sign)
		return;
	t->role = TR_ME;
	t->spki = cred->spki;
	t->spki_len = cred->spki_len;
	if (transcript_digest(t, mc->md)) {
		log_err("cannot build our transcript: no 0x7F");
		mc->sign = false;
	}
}

int me_cred_sig(const struct me_cred *mc, const struct d_cred *cred,
		uint8_t *out, size_t cap, size_t *len)
{
	if (!mc->sign)
		return -ENOENT;
	return cred_ie_signed(cred, false, mc->md, out, cap, len);
}
