// SPDX-License-Identifier: GPL-2.0
/*
 * PARLOS IE values (TLV-E): 0x7A ME public key and 0x7D encrypted
 * KASMEtemp. The certificate IEs (0x7C, 0x7E, 0x7F) stay opaque.
 */
#define NAS_CODEC_INTERNAL
#include "nas.h"

static const char ie_pubkey[] = "PARLOS ME public key";
static const char ie_kasme[] = "PARLOS encrypted KASMEtemp";

/* Public key length of a profile, 0 if unknown */
static size_t key_len(uint8_t profile)
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

/* A compressed secp256r1 point starts with 02 or 03 (SEC 1 2.3.3) */
static bool key_ok(uint8_t profile, const uint8_t *key)
{
	return profile != NAS_PARLOS_PROFILE_B || key[0] == 2 || key[0] == 3;
}

static int dec_key(struct nas_rd *r, struct nas_bytes v, const char *ie,
		   size_t trailer, uint8_t *profile)
{
	size_t off = (size_t)(v.p - r->p), kl;

	if (v.len < 1)
		return nas_fail_at(r, off, ie, "bad length");
	*profile = v.p[0];
	kl = key_len(*profile);
	if (!kl)
		return nas_fail_at(r, off, ie, "unknown ECIES profile");
	if (v.len != 1 + kl + trailer)
		return nas_fail_at(r, off, ie, "length does not match profile");
	if (!key_ok(*profile, v.p + 1))
		return nas_fail_at(r, off, ie, "bad compressed point prefix");
	return 0;
}

int nas_dec_pubkey(struct nas_rd *r, struct nas_bytes v,
		   struct nas_parlos_pubkey *k)
{
	if (dec_key(r, v, ie_pubkey, 0, &k->profile))
		return -EBADMSG;
	k->key = v.p + 1;
	k->key_len = v.len - 1;
	return 0;
}

int nas_dec_kasme(struct nas_rd *r, struct nas_bytes v,
		  struct nas_parlos_kasme *k)
{
	if (dec_key(r, v, ie_kasme, NAS_PARLOS_CT_LEN + NAS_PARLOS_TAG_LEN,
		    &k->profile))
		return -EBADMSG;
	k->eph = v.p + 1;
	k->eph_len = key_len(k->profile);
	k->ct = k->eph + k->eph_len;
	k->tag = k->ct + NAS_PARLOS_CT_LEN;
	return 0;
}

static int check_key(uint8_t profile, const uint8_t *key, size_t len,
		     const char *ie, struct nas_err *err)
{
	if (!key_len(profile))
		return nas_enc_fail(err, NULL, ie, "unknown ECIES profile");
	if (!key || len != key_len(profile))
		return nas_enc_fail(err, NULL, ie,
				    "length does not match profile");
	if (!key_ok(profile, key))
		return nas_enc_fail(err, NULL, ie,
				    "bad compressed point prefix");
	return 0;
}

int nas_enc_pubkey(struct nas_wr *w, const struct nas_parlos_pubkey *k,
		   struct nas_err *err)
{
	size_t at;

	if (check_key(k->profile, k->key, k->key_len, ie_pubkey, err))
		return -EINVAL;
	nas_wr_u8(w, NAS_IEI_PARLOS_ME_PUBKEY);
	at = nas_wr_len16_open(w);
	nas_wr_u8(w, k->profile);
	nas_wr_mem(w, k->key, k->key_len);
	nas_wr_len16_close(w, at);
	return 0;
}

int nas_enc_kasme(struct nas_wr *w, const struct nas_parlos_kasme *k,
		  struct nas_err *err)
{
	size_t at;

	if (check_key(k->profile, k->eph, k->eph_len, ie_kasme, err))
		return -EINVAL;
	if (!k->ct || !k->tag)
		return nas_enc_fail(err, NULL, ie_kasme,
				    "missing ciphertext or tag");
	nas_wr_u8(w, NAS_IEI_PARLOS_KASME_ENC);
	at = nas_wr_len16_open(w);
	nas_wr_u8(w, k->profile);
	nas_wr_mem(w, k->eph, k->eph_len);
	nas_wr_mem(w, k->ct, NAS_PARLOS_CT_LEN);
	nas_wr_mem(w, k->tag, NAS_PARLOS_TAG_LEN);
	nas_wr_len16_close(w, at);
	return 0;
}
