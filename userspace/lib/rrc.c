// SPDX-License-Identifier: GPL-2.0
/*
 * RRC security mode messages in UPER (TS 36.331 6.2.2):
 *
 * DL-DCCH-Message: CHOICE { c1 CHOICE (16) {.., securityModeCommand (6),
 *   ..}, messageClassExtension }
 * SecurityModeCommand: rrc-TransactionIdentifier (2 bits),
 *   criticalExtensions CHOICE { c1 CHOICE (4) { securityModeCommand-r8,
 *   spare3..1 }, criticalExtensionsFuture }
 * SecurityModeCommand-r8-IEs: { securityConfigSMC, nonCriticalExtension
 *   OPTIONAL }; SecurityConfigSMC: { securityAlgorithmConfig, ... }
 * SecurityAlgorithmConfig: { cipheringAlgorithm, integrityProtAlgorithm },
 *   both ENUMERATED with 8 root values and an extension marker.
 *
 * UL-DCCH-Message: c1 (16) {.., securityModeComplete (5),
 *   securityModeFailure (6), ..}; both: transaction id, then
 *   criticalExtensions CHOICE { -r8, criticalExtensionsFuture } and the
 *   r8 IEs { nonCriticalExtension OPTIONAL }.
 *
 * Every vXXX nonCriticalExtension here is { lateNonCriticalExtension
 * OCTET STRING OPTIONAL, nonCriticalExtension SEQUENCE {} OPTIONAL }.
 */
#include "rrc.h"
#include "uper.h"

#include <errno.h>

#define DL_C1_SMC	6
#define UL_C1_SMCPL	5
#define UL_C1_SMFAIL	6

const char *rrc_msg_name(uint8_t type)
{
	switch (type) {
	case RRC_SECURITY_MODE_COMMAND:
		return "SecurityModeCommand";
	case RRC_SECURITY_MODE_COMPLETE:
		return "SecurityModeComplete";
	case RRC_SECURITY_MODE_FAILURE:
		return "SecurityModeFailure";
	default:
		return NULL;
	}
}

static int set_err(const char **err, const char *why, int rc)
{
	if (err)
		*err = why;
	return rc;
}

int rrc_encode(const struct rrc_msg *m, uint8_t *out, size_t cap,
	       size_t *len, const char **err)
{
	struct uper_wr w;
	bool dl = m->type == RRC_SECURITY_MODE_COMMAND;

	if (!rrc_msg_name(m->type))
		return set_err(err, "unknown message type", -EINVAL);
	if (m->tid > 3)
		return set_err(err, "bad rrc-TransactionIdentifier", -EINVAL);
	if (dl && (m->eea > RRC_ALG_MAX || m->eia > RRC_ALG_MAX))
		return set_err(err, "bad algorithm", -EINVAL);
	uper_wr_init(&w, out, cap);
	uper_put(&w, 0, 1);			/* c1 */
	uper_put(&w, dl ? DL_C1_SMC : m->type == RRC_SECURITY_MODE_COMPLETE ?
		 UL_C1_SMCPL : UL_C1_SMFAIL, 4);
	uper_put(&w, m->tid, 2);
	uper_put(&w, 0, 1);			/* criticalExtensions: r8 */
	if (dl) {
		uper_put(&w, 0, 2);		/* c1: securityModeCommand-r8 */
		uper_put(&w, 0, 1);		/* no nonCriticalExtension */
		uper_put(&w, 0, 1);		/* SecurityConfigSMC: no ext */
		uper_put(&w, 0, 1);		/* in root */
		uper_put(&w, m->eea, 3);
		uper_put(&w, 0, 1);
		uper_put(&w, m->eia, 3);
	} else {
		uper_put(&w, 0, 1);		/* no nonCriticalExtension */
	}
	if (uper_wr_finish(&w, len))
		return set_err(err, "output buffer too small", -ENOSPC);
	return 0;
}

/* vXXX-IEs: { lateNonCriticalExtension OCTET STRING OPT, {} OPT } */
static void skip_v8a0(struct uper_rd *r)
{
	bool late = uper_get(r, 1);
	size_t len;

	uper_get(r, 1);				/* empty SEQUENCE: no bits */
	if (!late)
		return;
	len = uper_get_length(r);
	if (len > (r->len * 8 - r->bit) / 8)
		uper_fail(r, "truncated");
	else
		r->bit += len * 8;
}

/* An ENUMERATED with 8 root values (4 used) and an extension marker */
static uint8_t get_alg(struct uper_rd *r, const char *ext, const char *spare)
{
	uint8_t v;

	if (uper_get(r, 1)) {
		uper_fail(r, ext);
		return 0;
	}
	v = (uint8_t)uper_get(r, 3);
	if (v > RRC_ALG_MAX)
		uper_fail(r, spare);
	return v;
}

static void dec_smc(struct uper_rd *r, struct rrc_msg *m)
{
	bool nce, ext;

	if (uper_get(r, 2)) {
		uper_fail(r, "spare critical extension");
		return;
	}
	nce = uper_get(r, 1);
	ext = uper_get(r, 1);			/* SecurityConfigSMC */
	m->eea = get_alg(r, "unknown cipheringAlgorithm extension",
			 "spare cipheringAlgorithm");
	m->eia = get_alg(r, "unknown integrityProtAlgorithm extension",
			 "spare integrityProtAlgorithm");
	if (ext)
		uper_skip_extensions(r);
	if (nce)
		skip_v8a0(r);
}

static int finish(struct uper_rd *r, const char **err)
{
	if (r->err)
		return set_err(err, r->err, -EBADMSG);
	if (!uper_rd_at_end(r))
		return set_err(err, "trailing data", -EBADMSG);
	return set_err(err, NULL, 0);
}

/* The c1 message index, or -errno */
static int dec_choice(struct uper_rd *r, const char **err)
{
	uint32_t c1;

	if (!r->len)
		return set_err(err, "truncated", -EBADMSG);
	if (uper_get(r, 1))
		return set_err(err, "messageClassExtension not supported",
			       -ENOMSG);
	c1 = uper_get(r, 4);
	if (r->err)
		return set_err(err, r->err, -EBADMSG);
	return (int)c1;
}

/* rrc-TransactionIdentifier, then criticalExtensions: r8 or future */
static int dec_tid(struct uper_rd *r, struct rrc_msg *m, const char **err)
{
	m->tid = (uint8_t)uper_get(r, 2);
	if (uper_get(r, 1))
		return set_err(err, "criticalExtensionsFuture not supported",
			       -ENOMSG);
	if (r->err)
		return set_err(err, r->err, -EBADMSG);
	return 0;
}

int rrc_decode_dl_dcch(const uint8_t *buf, size_t len, struct rrc_msg *m,
		       const char **err)
{
	struct uper_rd r;
	int c1, rc;

	*m = (struct rrc_msg){ 0 };
	uper_rd_init(&r, buf, len);
	c1 = dec_choice(&r, err);
	if (c1 < 0)
		return c1;
	if (c1 != DL_C1_SMC)
		return set_err(err, "not a SecurityModeCommand", -ENOMSG);
	m->type = RRC_SECURITY_MODE_COMMAND;
	rc = dec_tid(&r, m, err);
	if (rc)
		return rc;
	dec_smc(&r, m);
	return finish(&r, err);
}

int rrc_decode_ul_dcch(const uint8_t *buf, size_t len, struct rrc_msg *m,
		       const char **err)
{
	struct uper_rd r;
	int c1, rc;

	*m = (struct rrc_msg){ 0 };
	uper_rd_init(&r, buf, len);
	c1 = dec_choice(&r, err);
	if (c1 < 0)
		return c1;
	if (c1 != UL_C1_SMCPL && c1 != UL_C1_SMFAIL)
		return set_err(err, "not a SecurityModeComplete/Failure",
			       -ENOMSG);
	m->type = c1 == UL_C1_SMCPL ? RRC_SECURITY_MODE_COMPLETE
				    : RRC_SECURITY_MODE_FAILURE;
	rc = dec_tid(&r, m, err);
	if (rc)
		return rc;
	if (uper_get(&r, 1))
		skip_v8a0(&r);
	return finish(&r, err);
}
