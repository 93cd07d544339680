// SPDX-License-Identifier: GPL-2.0
/*
 * Picking the NAS and AS algorithms by the gateway's priority.
 */
#include "algo.h"
#include "nas.h"

uint8_t alg_cap_octet(const struct d_algs *a)
{
	uint8_t oct = 0;
	unsigned int i;

	for (i = 0; i < a->n; i++)
		oct |= (uint8_t)NAS_ALG_BIT(a->alg[i]);
	return oct;
}

bool alg_in_cap(uint8_t cap, uint8_t alg)
{
	return alg < 8 && (cap & NAS_ALG_BIT(alg));
}

int alg_select(const struct d_algs *prio, uint8_t cap, bool eia)
{
	unsigned int i;

	for (i = 0; i < prio->n; i++) {
		if (eia && prio->alg[i] == 0)
			continue;
		if (alg_in_cap(cap, prio->alg[i]))
			return prio->alg[i];
	}
	return -1;
}

const char *alg_name(bool eia, uint8_t alg)
{
	static const char *const eea[] = { "EEA0", "EEA1", "EEA2", "EEA3" };
	static const char *const eia_names[] = { "EIA0", "EIA1", "EIA2", "EIA3" };

	if (alg > 3)
		return eia ? "EIA?" : "EEA?";
	return eia ? eia_names[alg] : eea[alg];
}
