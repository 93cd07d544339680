/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Timing of the SNOW 3G and ZUC cores inside the kernel, as tcrypt does
 * for the kernel's own algorithms: at load with bench=1, and from the
 * KUnit benchmark suites. Figures go to the kernel log.
 */
#ifndef PARLOS_BENCH_H
#define PARLOS_BENCH_H

void parlos_bench_cores(void);
void parlos_bench_at_load(void);

#endif /* PARLOS_BENCH_H */
