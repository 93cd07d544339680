/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The NAS SECURITY MODE COMMAND of PARLOS: built by the gateway around
 * the kernel's ECIES blob, checked by the ME before its kernel unwraps
 * KASMEtemp and verifies the MAC. 0x7B binds the ME public key to the
 * MAC; the credential IEs are in me_cred.c and gw_cred.c.
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

/* What the gateway adds for the ME's checks: 0x7B and 0x7E */
struct smc_extra {
	const uint8_t *key_hash;		/* 0x7B; NULL: none */
	const uint8_t *cred;			/* 0x7E value; NULL: none */
	size_t cred_len;
};

/* ECIES public key and blob lengths of a profile; 0 if unknown */
size_t profile_pub_len(uint8_t profile);
size_t profile_blob_len(uint8_t profile);

int smc_build(const struct smc_params *p, uint8_t *out, size_t cap,
	      size_t *len);
int smc_build_extra(const struct smc_params *p, const struct smc_extra *x,
		    uint8_t *out, size_t cap, size_t *len);

/*
 * The ME's checks of a decoded SMC against its ATTACH REQUEST: returns 0,
 * or the EMM cause of the SECURITY MODE REJECT (#23 for replayed
 * capabilities that differ, #24 otherwise) with why set.
 */
uint8_t smc_check(const struct nas_smc *smc, const struct nas_ue_net_cap *sent,
		  uint8_t profile, const char **why);

/* SHA-256 of a 0x7A value (profile | key): what 0x7B carries */
int pubkey_hash(uint8_t profile, const uint8_t *key, size_t len,
		uint8_t out[NAS_PARLOS_HASH_LEN]);
/*
 * The ME: 0x7B must be the hash of the 0x7A it sent, else an attacker
 * swapped the key on the way. 0 or #24 with why.
 */
uint8_t smc_check_key_hash(const struct nas_smc *smc,
			   const uint8_t want[NAS_PARLOS_HASH_LEN],
			   const char **why);

/* The ECIES blob (eph || ct || tag) inside a decoded 0x7D */
const uint8_t *smc_blob(const struct nas_smc *smc, size_t *len);

#endif
