/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Algorithm choice and capability octets (TS 24.301 9.9.3.34/36): EEAn
 * and EIAn are bit 8-n of their octet.
 */
#ifndef PARLOSD_ALG_H
#define PARLOSD_ALG_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"

/* The capability octet announcing the algorithms of a */
uint8_t alg_cap_octet(const struct d_algs *a);
bool alg_in_cap(uint8_t cap, uint8_t alg);
/*
 * The first algorithm of prio that cap offers, or -1. EIA0 is never
 * chosen (eia = true), whatever prio says.
 */
int alg_select(const struct d_algs *prio, uint8_t cap, bool eia);
/* "EEA2" style name */
const char *alg_name(bool eia, uint8_t alg);

#endif
