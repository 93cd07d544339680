/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 128-EEA2 and 128-EIA2 written out on OpenSSL's AES, as TS 33.401 B.1.3
 * and B.2.3 define them, for any bit length. The references the kernel's
 * eea2/eia2 (AF_ALG, in the VM) are compared with.
 */
#ifndef PARLOS_EPS_AES_REF_H
#define PARLOS_EPS_AES_REF_H

#include <stdint.h>

/* ceil(nbits / 8) bytes; bits after nbits in the last byte are zeroed. */
int ref_eea2(const uint8_t key[16], uint32_t count, uint8_t bearer,
	     uint8_t dir, const uint8_t *in, uint8_t *out, uint32_t nbits);
/* The 32-bit MAC of nbits of msg (bits after nbits ignored). */
int ref_eia2(const uint8_t key[16], uint32_t count, uint8_t bearer,
	     uint8_t dir, const uint8_t *msg, uint32_t nbits, uint32_t *mac);

#endif
