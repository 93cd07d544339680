/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EEA and EIA for the control plane (NAS and SRB): a few transforms per
 * CPU shared by all contexts and keyed per message, so an idle context
 * holds no transform at all.
 */
#ifndef PARLOS_CP_CRYPTO_H
#define PARLOS_CP_CRYPTO_H

#include <linux/types.h>

struct parlos_eps_iv;

/* In place; buf must be in the linear map (kmalloc or skb data). */
int parlos_cp_eea(u8 alg, const u8 *key, const struct parlos_eps_iv *iv,
		  u8 *buf, unsigned int len);
int parlos_cp_eia(u8 alg, const u8 *key, const struct parlos_eps_iv *iv,
		  const u8 *msg, unsigned int len, u8 *mac);

int parlos_cp_crypto_init(void);
void parlos_cp_crypto_exit(void);

#endif /* PARLOS_CP_CRYPTO_H */
