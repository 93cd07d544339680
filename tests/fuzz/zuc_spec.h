/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ZUC as ETSI/SAGE EEA3&EIA3 Doc 2 writes it (zuc_spec.c), the arbiter
 * when our cores and ipsec-mb disagree. Each returns, in *hit or as its
 * result, whether an LFSR cell took the value 2^31 - 1: ipsec-mb 1.3
 * gets the keystream wrong after such a cell (tests/fuzz/regress/).
 */
#ifndef ZUC_SPEC_H
#define ZUC_SPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

bool zuc_spec_keystream(const uint8_t key[16], const uint8_t iv[16],
			uint32_t *ks, size_t words);
/* iv: the EEA3 or EIA3 IV (Doc 1 2.4 / 3.3); -1 if out of memory */
int zuc_spec_eea3(const uint8_t key[16], const uint8_t iv[16],
		  const uint8_t *in, uint8_t *out, uint32_t nbits, bool *hit);
int zuc_spec_eia3(const uint8_t key[16], const uint8_t iv[16],
		  const uint8_t *msg, uint32_t nbits, uint32_t *mac, bool *hit);

#endif
