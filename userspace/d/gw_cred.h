/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gateway's side of the credentials: an ME's certificate (0x7C) at
 * ATTACH REQUEST, our signed credential in the SMC (0x7E), the ME's
 * signature (0x7F) in SECURITY MODE COMPLETE.
 */
#ifndef PARLOSD_GW_CRED_H
#define PARLOSD_GW_CRED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "cred.h"
#include "nas.h"
#include "transcript.h"

/* What an ME's ATTACH REQUEST said about its credential */
struct gw_me_cred {
	bool has_cert;			/* 0x7C was there */
	uint8_t cert_hash[TR_DIGEST_LEN];	/* SHA-256 of its value */
	struct cred_peer me;		/* key: the certificate verified */
};

/* 0, or the ATTACH REJECT cause (#6 illegal ME) with why */
uint8_t gw_cred_check_request(struct gw_me_cred *mc,
			      const struct d_config *cfg,
			      const struct d_cred *cred,
			      const struct nas_attach_req *r, char *why,
			      size_t n);
/* The 0x7E value of an SMC over t (signer set here); -ENOENT: none */
int gw_cred_smc_ie(const struct d_config *cfg, const struct d_cred *cred,
		   struct transcript *t, uint8_t *out, size_t cap,
		   size_t *len);
/* 0, or -EPERM with why: 0x7F missing or not over t */
int gw_cred_check_complete(const struct gw_me_cred *mc, struct transcript *t,
			   const struct nas_smc_cpl *m, char *why, size_t n);
void gw_me_cred_free(struct gw_me_cred *mc);

#endif
