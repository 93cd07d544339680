// SPDX-License-Identifier: GPL-2.0
/*
 * Gateway credential steps. An ME certificate is checked when we have a
 * CA for it (ca-file); one that fails is refused even when not
 * required, since it is either a misconfiguration or an attack.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <openssl/sha.h>

#include "gw_cred.h"
#include "log.h"

uint8_t gw_cred_check_request(struct gw_me_cred *mc,
			      const struct d_config *cfg,
			      const struct d_cred *cred,
			      const struct nas_attach_req *r, char *why,
			      size_t n)
{
	struct nas_parlos_cred cr;
	enum cred_status st;
	char detail[256];
	const char *w;

	memset(mc, 0, sizeof(*mc));
	if (!r->me_cert.p) {
		if (!cfg->require_me_cert)
			return 0;
		snprintf(why, n, "no ME certificate (0x7C), and "
			 "require-me-cert is set");
		return NAS_EMM_ILLEGAL_ME;
	}
	mc->has_cert = true;
	SHA256(r->me_cert.p, r->me_cert.len, mc->cert_hash);
	if (!cred || !cred->trust) {
		log_debug("ME certificate (0x7C) not checked: no ca-file");
		return 0;
	}
	if (nas_cred_decode(r->me_cert.p, r->me_cert.len, NAS_CRED_PART, &cr,
			    &w)) {
		snprintf(why, n, "malformed ME certificate (0x7C): %s", w);
		return NAS_EMM_ILLEGAL_ME;
	}
	st = cred_verify_chain(cred->trust, &cr, CRED_FOR_ME, &mc->me, detail,
			       sizeof(detail));
	if (st) {
		snprintf(why, n, "ME %s: %s", cred_status_str(st), detail);
		return NAS_EMM_ILLEGAL_ME;
	}
	log_info("ME certificate verified: %s", detail);
	return 0;
}

int gw_cred_smc_ie(const struct d_config *cfg, const struct d_cred *cred,
		   struct transcript *t, uint8_t *out, size_t cap, size_t *len)
{
	uint8_t md[TR_DIGEST_LEN];
	int err;

	if (cfg->mode == D_MODE_NONE || !cred || !cred->key || !cred->ie)
		return -ENOENT;
	t->role = TR_GATEWAY;
	t->spki = cred->spki;
	t->spki_len = cred->spki_len;
	err = transcript_digest(t, md);
	return err ?: cred_ie_signed(cred, true, md, out, cap, len);
}

int gw_cred_check_complete(const struct gw_me_cred *mc, struct transcript *t,
			   const struct nas_smc_cpl *m, char *why, size_t n)
{
	struct nas_parlos_cred cr;
	uint8_t md[TR_DIGEST_LEN];
	enum cred_status st;
	const char *w;

	if (!mc->me.key)
		return 0;	/* no verified certificate: nothing to bind */
	if (!m->me_sig.p) {
		snprintf(why, n, "no ME signature (0x7F) though the ME sent "
			 "a certificate");
		return -EPERM;
	}
	if (nas_cred_decode(m->me_sig.p, m->me_sig.len, NAS_SIG_PART, &cr,
			    &w)) {
		snprintf(why, n, "malformed ME signature (0x7F): %s", w);
		return -EPERM;
	}
	t->role = TR_ME;
	t->spki = mc->me.spki;
	t->spki_len = mc->me.spki_len;
	if (transcript_digest(t, md)) {
		snprintf(why, n, "cannot build the transcript");
		return -EPERM;
	}
	st = cred_verify_sig(mc->me.key, cr.sig_alg, md, cr.sig.p,
			     cr.sig.len);
	if (st) {
		snprintf(why, n, "ME %s", cred_status_str(st));
		return -EPERM;
	}
	log_info("ME signature (0x7F) verified");
	return 0;
}

void gw_me_cred_free(struct gw_me_cred *mc)
{
	cred_peer_free(&mc->me);
	memset(mc, 0, sizeof(*mc));
}
