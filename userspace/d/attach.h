/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The plain NAS messages of the attach (TS 24.301 8.2), built with the
 * codec: what goes in each is written down in docs/protocol.md.
 */
#ifndef PARLOSD_ATTACH_H
#define PARLOSD_ATTACH_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "nas.h"

/* EMM causes parlosd uses besides those of nas.h */
#define EMM_CONGESTION		22

/* The default bearer: EBI 5, QCI 9 */
#define D_DEFAULT_EBI		5
#define D_DEFAULT_QCI		9
/* T3412: GPRS timer octet, unit decihours (010), value 9: 54 minutes */
#define D_T3412_OCTET		0x49
/* PTI of the ME's PDN CONNECTIVITY REQUEST */
#define D_PTI			1

struct accept_params {
	const struct d_config *cfg;
	uint32_t m_tmsi;
	uint32_t ipv4;			/* host order */
	uint8_t pti;
};

/* The ME's UE network capability: EEA and EIA octets from its config */
void me_net_cap(const struct d_config *cfg, struct nas_ue_net_cap *nc);

int attach_request_build(const struct d_config *cfg, const char *imei,
			 uint8_t profile, const uint8_t *pub, size_t publen,
			 uint8_t *out, size_t cap, size_t *len);
/* ... with the ME's 0x7C value (cert may be NULL) */
int attach_request_build_cert(const struct d_config *cfg, const char *imei,
			      uint8_t profile, const uint8_t *pub,
			      size_t publen, const uint8_t *cert,
			      size_t cert_len, uint8_t *out, size_t cap,
			      size_t *len);
int attach_accept_build(const struct accept_params *p, uint8_t *out,
			size_t cap, size_t *len);
int attach_complete_build(uint8_t ebi, uint8_t pti, uint8_t *out, size_t cap,
			  size_t *len);
int attach_reject_build(uint8_t cause, uint8_t *out, size_t cap, size_t *len);
/* imeisv: 16 digits, or NULL */
int smc_complete_build(const char *imeisv, uint8_t *out, size_t cap,
		       size_t *len);
/* ... with the ME's 0x7F value (sig may be NULL) */
int smc_complete_build_sig(const char *imeisv, const uint8_t *sig,
			   size_t sig_len, uint8_t *out, size_t cap,
			   size_t *len);
int smc_reject_build(uint8_t cause, uint8_t *out, size_t cap, size_t *len);

/* The name of an EMM cause, e.g. "UE security capabilities mismatch" */
const char *emm_cause_str(uint8_t cause);

#endif
