// SPDX-License-Identifier: GPL-2.0
/*
 * KASMEtemp transport. The ME's private key lives only in its context
 * and is wiped once KASMEtemp is in; KASMEtemp never leaves the kernel.
 */
#include <linux/random.h>
#include <net/netlink.h>

#include "context.h"
#include "ecies.h"
#include "kasme.h"
#include "keys.h"

int parlos_kasme_keygen(struct parlos_ctx *ctx, u8 profile, u8 *pub,
			unsigned int *publen, struct netlink_ext_ack *extack)
{
	int err;

	if (ctx->role != PARLOS_ROLE_ME) {
		NL_SET_ERR_MSG(extack, "key pairs are made by the ME role only");
		return -EPERM;
	}
	if (parlos_key_valid(ctx, PARLOS_KEY_KASME)) {
		NL_SET_ERR_MSG(extack, "KASMEtemp already installed");
		return -EBUSY;
	}
	err = parlos_ecies_keygen(profile, ctx->keys.me_priv, pub, extack);
	if (err)
		return err;
	ctx->profile = profile;
	ctx->state = PARLOS_STATE_KEYPAIR;
	*publen = parlos_ecies_pub_len(profile);
	return 0;
}

int parlos_kasme_wrap(struct parlos_ctx *ctx, u8 profile, const u8 *me_pub,
		      unsigned int publen, u8 *blob, unsigned int *bloblen,
		      struct netlink_ext_ack *extack)
{
	u8 kasme[PARLOS_KASME_LEN];
	int err;

	if (ctx->role != PARLOS_ROLE_NETWORK) {
		NL_SET_ERR_MSG(extack, "KASMEtemp is wrapped by the network role only");
		return -EPERM;
	}
	if (parlos_key_valid(ctx, PARLOS_KEY_KASME)) {
		NL_SET_ERR_MSG(extack, "KASMEtemp already installed");
		return -EBUSY;
	}
	if (publen != parlos_ecies_pub_len(profile)) {
		NL_SET_ERR_MSG(extack, "public key length does not match the profile");
		return -EINVAL;
	}
	get_random_bytes(kasme, sizeof(kasme));
	err = parlos_ecies_wrap(profile, me_pub, publen, kasme, sizeof(kasme),
				NULL, blob, extack);
	if (!err)
		err = parlos_keys_set_kasme(ctx, kasme);
	memzero_explicit(kasme, sizeof(kasme));
	if (err)
		return err;
	ctx->profile = profile;
	*bloblen = parlos_ecies_blob_len(profile, PARLOS_KASME_LEN);
	return 0;
}

int parlos_kasme_unwrap(struct parlos_ctx *ctx, const u8 *blob,
			unsigned int len, struct netlink_ext_ack *extack)
{
	u8 kasme[PARLOS_KASME_LEN];
	int err;

	if (ctx->role != PARLOS_ROLE_ME) {
		NL_SET_ERR_MSG(extack, "KASMEtemp is unwrapped by the ME role only");
		return -EPERM;
	}
	if (parlos_key_valid(ctx, PARLOS_KEY_KASME)) {
		NL_SET_ERR_MSG(extack, "KASMEtemp already installed");
		return -EBUSY;
	}
	if (ctx->state != PARLOS_STATE_KEYPAIR) {
		NL_SET_ERR_MSG(extack, "no ME key pair: run keygen first");
		return -ENOKEY;
	}
	if (len != parlos_ecies_blob_len(ctx->profile, PARLOS_KASME_LEN)) {
		NL_SET_ERR_MSG(extack, "encrypted KASMEtemp length does not match the profile");
		return -EINVAL;
	}
	err = parlos_ecies_unwrap(ctx->profile, ctx->keys.me_priv, blob, len,
				  kasme, sizeof(kasme), extack);
	if (!err)
		err = parlos_keys_set_kasme(ctx, kasme);
	memzero_explicit(kasme, sizeof(kasme));
	/* Done with: forward secrecy for this attach. */
	if (!err)
		memzero_explicit(ctx->keys.me_priv, sizeof(ctx->keys.me_priv));
	return err;
}
