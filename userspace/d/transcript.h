/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The transcript of a PARLOS security mode procedure, which the gateway
 * signs in 0x7E and an ME with credentials in 0x7F (docs/protocol.md,
 * "Transcript"). Each side builds it from what it sent and what it
 * received, so anything changed on the way makes the signature fail.
 */
#ifndef PARLOSD_TRANSCRIPT_H
#define PARLOSD_TRANSCRIPT_H

#include <stddef.h>
#include <stdint.h>

#include "nas.h"

/* Context string: no NUL, 24 octets */
#define TR_CONTEXT	"PARLOS-SMC-TRANSCRIPT-V1"
#define TR_DIGEST_LEN	32
/* Largest encoding: the fields are bounded (SPKI at most TR_SPKI_MAX) */
#define TR_SPKI_MAX	256
#define TR_MAX		512

enum tr_role {
	TR_GATEWAY = 1,		/* SECURITY MODE COMMAND, 0x7E */
	TR_ME = 2,		/* SECURITY MODE COMPLETE, 0x7F */
};

struct transcript {
	uint8_t role;				/* enum tr_role */
	struct nas_plmn plmn;			/* the gateway's PLMN */
	uint8_t profile;			/* of 0x7A and 0x7D */
	const uint8_t *me_pub;			/* 0x7A key, without profile */
	size_t me_pub_len;
	const uint8_t *me_cert_hash;		/* SHA-256 of 0x7C, or NULL */
	uint8_t eea, eia;			/* selected */
	const struct nas_ue_sec_cap *caps;	/* replayed */
	const uint8_t *blob;			/* 0x7D: eph | ct | tag */
	size_t blob_len;
	const uint8_t *spki;			/* the signer's key, DER */
	size_t spki_len;
};

/* 0, -EINVAL (a field missing or too long) or -ENOSPC */
int transcript_encode(const struct transcript *t, uint8_t *out, size_t cap,
		      size_t *len);
/* SHA-256 of the encoding: what is signed */
int transcript_digest(const struct transcript *t,
		      uint8_t md[TR_DIGEST_LEN]);
/* TS 24.008 10.5.1.13: MCC2 MCC1 | MNC3 MCC3 | MNC2 MNC1 */
void plmn_octets(const struct nas_plmn *p, uint8_t out[3]);
/* "001-01" */
void plmn_str(const struct nas_plmn *p, char out[8]);

#endif
