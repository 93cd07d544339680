/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LTE RRC (TS 36.331) messages on SRB1 used by PARLOS, in UPER:
 * DL-DCCH SecurityModeCommand, UL-DCCH SecurityModeComplete and
 * SecurityModeFailure. The PDCP header and MAC-I are not part of these.
 *
 * Return values: 0; -EBADMSG malformed (err says why); -ENOMSG a valid
 * DCCH message this codec does not handle (another message, a critical
 * extension); -EINVAL bad encoder input; -ENOSPC output too small.
 */
#ifndef PARLOS_RRC_H
#define PARLOS_RRC_H

#include <stddef.h>
#include <stdint.h>

enum rrc_msg_type {
	RRC_SECURITY_MODE_COMMAND = 1,	/* DL-DCCH */
	RRC_SECURITY_MODE_COMPLETE,	/* UL-DCCH */
	RRC_SECURITY_MODE_FAILURE,	/* UL-DCCH */
};

/*
 * CipheringAlgorithm-r12 { eea0, eea1, eea2, eea3-v1130, spare4.. }
 * integrityProtAlgorithm { eia0-v920, eia1, eia2, eia3-v1130, spare4.. }:
 * index n is EEAn / EIAn.
 */
#define RRC_ALG_MAX	3

struct rrc_msg {
	uint8_t type;		/* enum rrc_msg_type */
	uint8_t tid;		/* rrc-TransactionIdentifier, 0..3 */
	uint8_t eea;		/* SecurityModeCommand only */
	uint8_t eia;
};

int rrc_encode(const struct rrc_msg *m, uint8_t *out, size_t cap,
	       size_t *len, const char **err);
int rrc_decode_dl_dcch(const uint8_t *buf, size_t len, struct rrc_msg *m,
		       const char **err);
int rrc_decode_ul_dcch(const uint8_t *buf, size_t len, struct rrc_msg *m,
		       const char **err);
const char *rrc_msg_name(uint8_t type);

#endif /* PARLOS_RRC_H */
