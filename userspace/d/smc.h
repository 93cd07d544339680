/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The NAS SECURITY MODE COMMAND of PARLOS: built by the gateway around
 * the kernel's ECIES blob, checked by the ME before its kernel unwraps
 * KASMEtemp and verifies the MAC. Certificate checks (IEs 0x7E, 0x7F)
 * will extend smc_build() and smc_check().
 */
#ifndef PARLOSD_SMC_H
#define PARLOSD_SMC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nas.h"
#include "parlos.h"

/* The NAS KSI the gateway gives the new context: never 7 */
#define D_KSI	0

struct smc_params {
	uint8_t eea, eia, ksi;
	const struct nas_ue_net_cap *ue_cap;	/* as the ME sent it */
	uint8_t profile;
	const uint8_t *blob;			/* eph || ct || tag */
	size_t blob_len;
	bool imeisv_req;
};

/* ECIES public key and blob lengths of a profile; 0 if unknown */
size_t profile_pub_len(uint8_t profile);
size_t profile_blob_len(uint8_t profile);

int smc_build(const struct smc_params *p, uint8_t *out, size_t cap,
	      size_t *len);

/*
 * The ME's checks of a decoded SMC against its ATTACH REQUEST: returns 0,
 * or the EMM cause of the SECURITY MODE REJECT (#23 for replayed
 * capabilities that differ, #24 otherwise) with why set.
 */
uint8_t smc_check(const struct nas_smc *smc, const struct nas_ue_net_cap *sent,
		  uint8_t profile, const char **why);

/* The ECIES blob (eph || ct || tag) inside a decoded 0x7D */
const uint8_t *smc_blob(const struct nas_smc *smc, size_t *len);

#endif
