/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The -O2 build of the cores: bench.mk renames every parlos_ symbol of
 * that build to o2_parlos_ (objcopy --redefine-syms).
 */
#ifndef PARLOS_BENCH_O2_H
#define PARLOS_BENCH_O2_H

#include "snow3g.h"
#include "zuc.h"

__typeof__(parlos_eea1_bits) o2_parlos_eea1_bits;
__typeof__(parlos_eia1_bits) o2_parlos_eia1_bits;
__typeof__(parlos_eia1_bits_clmul) o2_parlos_eia1_bits_clmul;
__typeof__(parlos_eea3_bits) o2_parlos_eea3_bits;
__typeof__(parlos_eia3_bits) o2_parlos_eia3_bits;

#endif
