// SPDX-License-Identifier: GPL-2.0
/*
 * Key hygiene: a deleted context's memory holds none of its keys when
 * it goes back to the slab, whether it was idle, keyed, or used, and
 * whether it was deleted or went with its namespace (module unload).
 */
#include <kunit/test.h>
#include <linux/random.h>

#include "context.h"
#include "kasme.h"
#include "keys.h"
#include "kunit_ctx.h"
#include "nas.h"
#include "netns.h"

/* What the free hook saw; one test at a time uses it. */
static struct {
	u8 secrets[8][32];
	unsigned int len[8];
	unsigned int n;
	unsigned int frees, found;
} seen;

static bool contains(const u8 *mem, size_t size, const u8 *key)
{
	size_t i;

	for (i = 0; i + 16 <= size; i++)
		if (!memcmp(mem + i, key, 16))
			return true;
	return false;
}

static void free_hook(const void *obj, size_t size)
{
	unsigned int i;

	seen.frees++;
	for (i = 0; i < seen.n; i++)
		seen.found += contains(obj, size, seen.secrets[i]) ||
			      (seen.len[i] == 32 &&
			       contains(obj, size, seen.secrets[i] + 16));
}

static void remember(const u8 *key, unsigned int len)
{
	seen.len[seen.n] = len;
	memcpy(seen.secrets[seen.n++], key, len);
}

/* A context in pn with every key derived and used; its keys remembered */
static struct parlos_ctx *keyed_ctx(struct kunit *test, struct parlos_net *pn)
{
	struct parlos_ctx_params p = {
		.role = PARLOS_ROLE_NETWORK,
		.nas_eea = 2, .nas_eia = 1, .as_eea = 3, .as_eia = 2,
	};
	u8 kasme[32], msg[4] = { 7, 0x42, 1, 2 }, out[16];
	struct parlos_sec_result res;
	struct parlos_ctx *ctx;

	get_random_bytes(kasme, sizeof(kasme));
	ctx = parlos_ctx_create(pn, &p, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx));
	mutex_lock(&ctx->lock);
	KUNIT_ASSERT_EQ(test, parlos_keys_set_kasme(ctx, kasme), 0);
	KUNIT_ASSERT_EQ(test, parlos_keys_derive_as(ctx, 0, NULL), 0);
	KUNIT_ASSERT_EQ(test, parlos_nas_protect(ctx, 2, msg, 4, out, &res, NULL), 0);
	remember(ctx->keys.kasme, 32);
	remember(ctx->keys.knas_enc, 16);
	remember(ctx->keys.knas_int, 16);
	remember(ctx->keys.kenb, 32);
	remember(ctx->keys.krrc_enc, 16);
	remember(ctx->keys.krrc_int, 16);
	remember(ctx->keys.kup_enc, 16);
	remember(ctx->keys.kup_int, 16);
	mutex_unlock(&ctx->lock);
	memzero_explicit(kasme, sizeof(kasme));
	return ctx;
}

static void hygiene_delete_test(struct kunit *test)
{
	struct parlos_net *pn = parlos_net(&init_net);
	struct parlos_ctx *ctx;

	memset(&seen, 0, sizeof(seen));
	ctx = keyed_ctx(test, pn);
	/* the hook is found before the memory is freed, in an RCU callback */
	parlos_ctx_free_hook = free_hook;
	KUNIT_EXPECT_EQ(test, parlos_ctx_delete(pn, ctx->id, NULL), 0);
	/* deletion wipes at once, even while a reference is held */
	KUNIT_EXPECT_TRUE(test, ctx->dead);
	KUNIT_EXPECT_FALSE(test, contains((u8 *)&ctx->keys, sizeof(ctx->keys),
					  seen.secrets[0]));
	parlos_ctx_put(ctx);
	rcu_barrier();
	parlos_ctx_free_hook = NULL;
	KUNIT_EXPECT_EQ(test, seen.frees, 1);
	KUNIT_EXPECT_EQ(test, seen.found, 0);
	memzero_explicit(&seen, sizeof(seen));
}

/*
 * Unload: the namespace's exit (what rmmod runs for each netns) frees
 * every context still in its tables, keyed or not, without a delete.
 */
static void hygiene_unload_test(struct kunit *test)
{
	struct parlos_ctx_params idle = { .role = PARLOS_ROLE_ME,
		.nas_eea = 1, .nas_eia = 1, .as_eea = 1, .as_eia = 1 };
	struct parlos_net *pn = kunit_kzalloc(test, sizeof(*pn), GFP_KERNEL);
	struct parlos_ctx *ctx;

	KUNIT_ASSERT_NOT_NULL(test, pn);
	pn->net = &init_net;
	mutex_init(&pn->lock);
	INIT_LIST_HEAD(&pn->devs);
	KUNIT_ASSERT_EQ(test, parlos_ctx_tables_init(pn), 0);
	memset(&seen, 0, sizeof(seen));
	/* only the tables hold them now, as after the last netlink call */
	parlos_ctx_put(keyed_ctx(test, pn));
	ctx = parlos_ctx_create(pn, &idle, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(ctx));
	parlos_ctx_put(ctx);
	parlos_ctx_free_hook = free_hook;
	parlos_ctx_tables_exit(pn);
	rcu_barrier();
	parlos_ctx_free_hook = NULL;
	KUNIT_EXPECT_EQ(test, seen.frees, 2);
	KUNIT_EXPECT_EQ(test, seen.found, 0);
	memzero_explicit(&seen, sizeof(seen));
}

/* The ME's ECIES private key is gone once KASMEtemp is in, and at free. */
static void hygiene_me_key_test(struct kunit *test)
{
	struct parlos_ctx_params me_p = { .role = PARLOS_ROLE_ME,
		.nas_eea = 1, .nas_eia = 1, .as_eea = 1, .as_eia = 1 };
	struct parlos_ctx_params gw_p = { .role = PARLOS_ROLE_NETWORK,
		.nas_eea = 1, .nas_eia = 1, .as_eea = 1, .as_eia = 1 };
	struct parlos_ctx *me = kunit_ctx_create(test, &me_p);
	struct parlos_ctx *gw = kunit_ctx_create(test, &gw_p);
	u8 pub[33], blob[73], priv[32];
	unsigned int len, blen;
	static const u8 zero[32];

	mutex_lock(&me->lock);
	KUNIT_ASSERT_EQ(test, parlos_kasme_keygen(me, PARLOS_PROFILE_A, pub, &len,
						  NULL), 0);
	memcpy(priv, me->keys.me_priv, sizeof(priv));
	mutex_unlock(&me->lock);
	mutex_lock(&gw->lock);
	KUNIT_ASSERT_EQ(test, parlos_kasme_wrap(gw, PARLOS_PROFILE_A, pub, len,
						blob, &blen, NULL), 0);
	mutex_unlock(&gw->lock);
	mutex_lock(&me->lock);
	KUNIT_ASSERT_EQ(test, parlos_kasme_unwrap(me, blob, blen, NULL), 0);
	KUNIT_EXPECT_TRUE(test, !memcmp(me->keys.me_priv, zero, 32));
	KUNIT_EXPECT_FALSE(test, contains((u8 *)me, sizeof(*me), priv));
	mutex_unlock(&me->lock);
	memzero_explicit(priv, sizeof(priv));
}

static struct kunit_case hygiene_cases[] = {
	KUNIT_CASE(hygiene_delete_test),
	KUNIT_CASE(hygiene_unload_test),
	KUNIT_CASE(hygiene_me_key_test),
	{}
};

static struct kunit_suite hygiene_suite = {
	.name = "parlos_hygiene",
	.test_cases = hygiene_cases,
};
kunit_test_suite(hygiene_suite);
