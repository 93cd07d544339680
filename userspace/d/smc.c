// SPDX-License-Identifier: GPL-2.0
/*
 * SECURITY MODE COMMAND: build and check.
 */
#include <errno.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "algo.h"
#include "log.h"
#include "smc.h"

size_t profile_pub_len(uint8_t profile)
{
	switch (profile) {
	case NAS_PARLOS_PROFILE_A:
		return NAS_PARLOS_KEY_LEN_A;
	case NAS_PARLOS_PROFILE_B:
		return NAS_PARLOS_KEY_LEN_B;
	default:
		return 0;
	}
}

size_t profile_blob_len(uint8_t profile)
{
	size_t n = profile_pub_len(profile);

	return n ? n + NAS_PARLOS_CT_LEN + NAS_PARLOS_TAG_LEN : 0;
}

int smc_build(const struct smc_params *p, uint8_t *out, size_t cap,
	      size_t *len)
{
	const struct smc_extra none = { NULL, NULL, 0 };

	return smc_build_extra(p, &none, out, cap, len);
}

int smc_build_extra(const struct smc_params *p, const struct smc_extra *x,
		    uint8_t *out, size_t cap, size_t *len)
{
	size_t pl = profile_pub_len(p->profile);
	struct nas_emm_msg m;
	struct nas_err err;
	char why[160];
	int rc;

	if (!pl || p->blob_len != profile_blob_len(p->profile))
		return -EINVAL;
	memset(&m, 0, sizeof(m));
	m.type = NAS_SECURITY_MODE_COMMAND;
	m.smc.eea = p->eea;
	m.smc.eia = p->eia;
	m.smc.ksi = p->ksi;
	nas_ue_sec_cap_from_net_cap(&m.smc.replayed, p->ue_cap);
	m.smc.imeisv_req = p->imeisv_req;
	m.smc.has_kasme = true;
	m.smc.kasme.profile = p->profile;
	m.smc.kasme.eph = p->blob;
	m.smc.kasme.eph_len = pl;
	m.smc.kasme.ct = p->blob + pl;
	m.smc.kasme.tag = p->blob + pl + NAS_PARLOS_CT_LEN;
	m.smc.pubkey_hash.p = x->key_hash;
	m.smc.pubkey_hash.len = x->key_hash ? NAS_PARLOS_HASH_LEN : 0;
	m.smc.gw_cert.p = x->cred;
	m.smc.gw_cert.len = x->cred_len;
	rc = nas_emm_encode(&m, out, cap, len, &err);
	if (rc)
		log_err("cannot encode %s", nas_strerror(&err, why,
							 sizeof(why)));
	return rc;
}

uint8_t smc_check(const struct nas_smc *smc, const struct nas_ue_net_cap *sent,
		  uint8_t profile, const char **why)
{
	if (!nas_ue_sec_cap_matches(&smc->replayed, sent)) {
		*why = "replayed UE security capabilities differ from ours";
		return NAS_EMM_UE_SEC_CAP_MISMATCH;
	}
	*why = NULL;
	if (smc->eia == 0)
		*why = "EIA0 selected";
	else if (smc->eia > 3 || !alg_in_cap(sent->oct[1], smc->eia))
		*why = "integrity algorithm not offered";
	else if (smc->eea > 3 || !alg_in_cap(sent->oct[0], smc->eea))
		*why = "ciphering algorithm not offered";
	else if (!smc->has_kasme)
		*why = "no PARLOS encrypted KASMEtemp (0x7D)";
	else if (smc->kasme.profile != profile)
		*why = "0x7D is not for our ECIES profile";
	return *why ? NAS_EMM_SEC_MODE_REJECTED : 0;
}

int pubkey_hash(uint8_t profile, const uint8_t *key, size_t len,
		uint8_t out[NAS_PARLOS_HASH_LEN])
{
	uint8_t v[1 + NAS_PARLOS_KEY_LEN_B];

	if (len > NAS_PARLOS_KEY_LEN_B)
		return -EINVAL;
	v[0] = profile;
	memcpy(v + 1, key, len);
	return SHA256(v, len + 1, out) ? 0 : -EIO;
}

uint8_t smc_check_key_hash(const struct nas_smc *smc,
			   const uint8_t want[NAS_PARLOS_HASH_LEN],
			   const char **why)
{
	*why = NULL;
	if (!smc->pubkey_hash.p)
		*why = "no ME public key hash (0x7B)";
	else if (CRYPTO_memcmp(smc->pubkey_hash.p, want, NAS_PARLOS_HASH_LEN))
		*why = "ME public key hash (0x7B) is not that of our key: "
		       "0x7A was altered on the way";
	return *why ? NAS_EMM_SEC_MODE_REJECTED : 0;
}

const uint8_t *smc_blob(const struct nas_smc *smc, size_t *len)
{
	*len = profile_blob_len(smc->kasme.profile);
	return smc->kasme.eph;
}
