/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ME's side of the credentials: the checks of 0x7E that the mode
 * asks for, before anything is unwrapped; the pin of a first contact,
 * written once the SMC verified; 0x7F when the ME has a certificate.
 */
#ifndef PARLOSD_ME_CRED_H
#define PARLOSD_ME_CRED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "cred.h"
#include "nas.h"
#include "transcript.h"

struct me_cred {
	bool pin_new;			/* first contact: pin once accepted */
	uint8_t pin_spki[TR_SPKI_MAX];
	size_t pin_spki_len;
	bool sign;			/* we sent 0x7C: 0x7F in the COMPLETE */
	uint8_t md[TR_DIGEST_LEN];	/* our transcript, for 0x7F */
};

/*
 * The transcript as the ME sees an SMC: its 0x7A key and 0x7C (cred,
 * may be NULL), the SMC's algorithms, capabilities and 0x7D. The signer
 * is left unset. cert_hash is storage for the hash of 0x7C.
 */
void me_cred_transcript(struct transcript *t, const struct d_config *cfg,
			const struct d_cred *cred, const uint8_t *pub,
			size_t pub_len, const struct nas_smc *smc,
			uint8_t cert_hash[TR_DIGEST_LEN]);

/* 0 or #24, with why ("gateway certificate expired: ...") */
uint8_t me_cred_check(struct me_cred *mc, const struct d_config *cfg,
		      const struct d_cred *cred, struct transcript *t,
		      const struct nas_smc *smc, char *why, size_t n);

/* The SMC verified: pin a first contact, get 0x7F ready */
void me_cred_accepted(struct me_cred *mc, const struct d_config *cfg,
		      const struct d_cred *cred, struct transcript *t);

/* The 0x7F value (fresh signature); -ENOENT when we sign nothing */
int me_cred_sig(const struct me_cred *mc, const struct d_cred *cred,
		uint8_t *out, size_t cap, size_t *len);

#endif
