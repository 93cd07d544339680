/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The AS Security Mode Command on SRB1 (TS 36.331 5.3.4): RRC messages
 * in UPER; PDCP protection is the kernel's.
 */
#ifndef PARLOSD_AS_SMC_H
#define PARLOSD_AS_SMC_H

#include <stddef.h>
#include <stdint.h>

#include "rrc.h"

/* The rrc-TransactionIdentifier of the SecurityModeCommand */
#define D_RRC_TID	0

int as_smc_command(uint8_t eea, uint8_t eia, uint8_t tid, uint8_t *out,
		   size_t cap, size_t *len);
int as_smc_complete(uint8_t tid, uint8_t *out, size_t cap, size_t *len);
int as_smc_failure(uint8_t tid, uint8_t *out, size_t cap, size_t *len);

/* ME: a SecurityModeCommand for the AS algorithms of its context? */
int as_smc_check_command(const struct rrc_msg *m, uint8_t eea, uint8_t eia,
			 const char **why);

#endif
