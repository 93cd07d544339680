/* SPDX-License-Identifier: GPL-2.0 */
#ifndef PARLOS_SELFTEST_H
#define PARLOS_SELFTEST_H

int parlos_selftest(void);

#endif /* PARLOS_SELFTEST_H */
