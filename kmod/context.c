// SPDX-License-Identifier: GPL-2.0
/*
 * Context lifetime: creation, lookup, deletion and wiping.
 *
 * The namespace's tables hold one reference; lookups take another with
 * kref_get_unless_zero under RCU. The memory, keys included, is wiped
 * and freed an RCU grace period after the last reference goes.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/jhash.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <net/netlink.h>

#include "context.h"
#include "drb.h"
#include "netns.h"

unsigned int parlos_max_contexts = 1 << 20;
module_param_named(max_contexts, parlos_max_contexts, uint, 0644);
MODULE_PARM_DESC(max_contexts, "Most contexts in all namespaces together");

static atomic_t nr_contexts = ATOMIC_INIT(0);
static struct kmem_cache *ctx_cache;

struct label_key {
	const u8 *label;
	u8 len;
};

static u32 label_hash(const void *data, u32 len, u32 seed)
{
	const struct label_key *k = data;

	return jhash(k->label, k->len, seed);
}

static u32 label_obj_hash(const void *data, u32 len, u32 seed)
{
	const struct parlos_ctx *ctx = data;

	return jhash(ctx->label, ctx->label_len, seed);
}

static int label_cmp(struct rhashtable_compare_arg *arg, const void *obj)
{
	const struct label_key *k = arg->key;
	const struct parlos_ctx *ctx = obj;

	return k->len != ctx->label_len || memcmp(k->label, ctx->label, k->len);
}

static const struct rhashtable_params ctx_ht_params = {
	.head_offset = offsetof(struct parlos_ctx, node),
	.key_offset = offsetof(struct parlos_ctx, id),
	.key_len = sizeof(u32),
	.automatic_shrinking = true,
};

static const struct rhashtable_params label_ht_params = {
	.head_offset = offsetof(struct parlos_ctx, label_node),
	.hashfn = label_hash,
	.obj_hashfn = label_obj_hash,
	.obj_cmpfn = label_cmp,
	.automatic_shrinking = true,
};

#if IS_ENABLED(CONFIG_PARLOS_KUNIT_TEST)
/* Lets KUnit see a context's memory as it goes back to the slab. */
void (*parlos_ctx_free_hook)(const void *obj, size_t size);
#endif

static void ctx_free_rcu(struct rcu_head *rcu)
{
	struct parlos_ctx *ctx = container_of(rcu, struct parlos_ctx, rcu);

	mutex_destroy(&ctx->lock);
	/* Keys, COUNTs and the ME's private key go with the rest. */
	memzero_explicit(ctx, sizeof(*ctx));
#if IS_ENABLED(CONFIG_PARLOS_KUNIT_TEST)
	if (parlos_ctx_free_hook)
		parlos_ctx_free_hook(ctx, sizeof(*ctx));
#endif
	kmem_cache_free(ctx_cache, ctx);
	atomic_dec(&nr_contexts);
}

static void ctx_release(struct kref *ref)
{
	struct parlos_ctx *ctx = container_of(ref, struct parlos_ctx, ref);

	call_rcu(&ctx->rcu, ctx_free_rcu);
}

void parlos_ctx_put(struct parlos_ctx *ctx)
{
	if (ctx)
		kref_put(&ctx->ref, ctx_release);
}

struct parlos_ctx *parlos_ctx_get(struct parlos_net *pn, u32 id)
{
	struct parlos_ctx *ctx;

	rcu_read_lock();
	ctx = rhashtable_lookup(&pn->ctxs, &id, ctx_ht_params);
	if (ctx && !kref_get_unless_zero(&ctx->ref))
		ctx = NULL;
	rcu_read_unlock();
	return ctx;
}

struct parlos_ctx *parlos_ctx_get_by_label(struct parlos_net *pn,
					   const u8 *label, u8 len)
{
	struct label_key key = { label, len };
	struct parlos_ctx *ctx;

	rcu_read_lock();
	ctx = rhashtable_lookup(&pn->labels, &key, label_ht_params);
	if (ctx && !kref_get_unless_zero(&ctx->ref))
		ctx = NULL;
	rcu_read_unlock();
	return ctx;
}

static u32 ctx_next_id(struct parlos_net *pn)
{
	u32 id;

	do {
		id = ++pn->next_id;
	} while (!id || rhashtable_lookup_fast(&pn->ctxs, &id,
					       ctx_ht_params));
	return id;
}

struct parlos_ctx *parlos_ctx_create(struct parlos_net *pn,
				     const struct parlos_ctx_params *p,
				     struct netlink_ext_ack *extack)
{
	struct parlos_ctx *ctx;
	int err, i;

	if (atomic_inc_return(&nr_contexts) > parlos_max_contexts) {
		atomic_dec(&nr_contexts);
		NL_SET_ERR_MSG(extack,
			       "context limit reached: see module parameter max_contexts");
		return ERR_PTR(-ENOSPC);
	}
	ctx = kmem_cache_zalloc(ctx_cache, GFP_KERNEL_ACCOUNT);
	if (!ctx) {
		atomic_dec(&nr_contexts);
		return ERR_PTR(-ENOMEM);
	}
	kref_init(&ctx->ref);
	mutex_init(&ctx->lock);
	ctx->pn = pn;
	ctx->role = p->role;
	ctx->state = PARLOS_STATE_NEW;
	ctx->nas_eea = p->nas_eea;
	ctx->nas_eia = p->nas_eia;
	ctx->as_eea = p->as_eea;
	ctx->as_eia = p->as_eia;
	ctx->has_ue_id = p->has_ue_id;
	ctx->ue_id = p->ue_id;
	ctx->label_len = p->label_len;
	memcpy(ctx->label, p->label, p->label_len);
	for (i = 0; i < PARLOS_NR_SRB; i++)
		ctx->srb[i].rx_next_sn = 0;

	mutex_lock(&pn->lock);
	ctx->id = ctx_next_id(pn);
	if (ctx->label_len) {
		struct label_key key = { ctx->label, ctx->label_len };

		err = rhashtable_lookup_insert_key(&pn->labels, &key,
						   &ctx->label_node,
						   label_ht_params);
		if (err) {
			NL_SET_ERR_MSG(extack, "label already in use");
			goto err_unlock;
		}
	}
	err = rhashtable_insert_fast(&pn->ctxs, &ctx->node, ctx_ht_params);
	if (err) {
		if (ctx->label_len)
			rhashtable_remove_fast(&pn->labels, &ctx->label_node,
					       label_ht_params);
		goto err_unlock;
	}
	pn->count++;
	pn->generation++;
	/* The caller's reference, besides the table's. */
	kref_get(&ctx->ref);
	mutex_unlock(&pn->lock);
	return ctx;

err_unlock:
	mutex_unlock(&pn->lock);
	ctx_free_rcu(&ctx->rcu);
	return ERR_PTR(err);
}

/* Takes the context out of the tables; the caller holds pn->lock. */
static void ctx_unlink(struct parlos_net *pn, struct parlos_ctx *ctx)
{
	rhashtable_remove_fast(&pn->ctxs, &ctx->node, ctx_ht_params);
	if (ctx->label_len)
		rhashtable_remove_fast(&pn->labels, &ctx->label_node,
				       label_ht_params);
	pn->count--;
	pn->generation++;
}

/* Marks it dead, so holders of a reference stop using its keys. */
static void ctx_kill(struct parlos_ctx *ctx)
{
	parlos_drb_unbind(ctx);
	mutex_lock(&ctx->lock);
	ctx->dead = true;
	memzero_explicit(&ctx->keys, sizeof(ctx->keys));
	mutex_unlock(&ctx->lock);
}

int parlos_ctx_delete(struct parlos_net *pn, u32 id,
		      struct netlink_ext_ack *extack)
{
	struct parlos_ctx *ctx;

	mutex_lock(&pn->lock);
	ctx = rhashtable_lookup_fast(&pn->ctxs, &id, ctx_ht_params);
	if (!ctx) {
		mutex_unlock(&pn->lock);
		NL_SET_ERR_MSG(extack, "no such context");
		return -ENOENT;
	}
	ctx_unlink(pn, ctx);
	mutex_unlock(&pn->lock);
	ctx_kill(ctx);
	parlos_ctx_put(ctx);
	return 0;
}

int parlos_ctx_set_label(struct parlos_ctx *ctx, const u8 *label, u8 len,
			 struct netlink_ext_ack *extack)
{
	struct label_key key = { label, len };
	struct parlos_net *pn = ctx->pn;
	struct parlos_ctx *other;
	int err = 0;

	mutex_lock(&pn->lock);
	other = len ? rhashtable_lookup_fast(&pn->labels, &key,
					     label_ht_params) : NULL;
	if (ctx->dead) {
		err = -ENOENT;
	} else if (other && other != ctx) {
		NL_SET_ERR_MSG(extack, "label already in use");
		err = -EEXIST;
	} else if (!other) {
		if (ctx->label_len)
			rhashtable_remove_fast(&pn->labels, &ctx->label_node,
					       label_ht_params);
		ctx->label_len = len;
		memcpy(ctx->label, label, len);
		if (len)
			err = rhashtable_lookup_insert_key(&pn->labels, &key,
							   &ctx->label_node,
							   label_ht_params);
		if (err)
			ctx->label_len = 0;
		pn->generation++;
	}
	mutex_unlock(&pn->lock);
	return err;
}

static void ctx_destroy_one(void *ptr, void *arg)
{
	struct parlos_ctx *ctx = ptr;

	ctx_kill(ctx);
	parlos_ctx_put(ctx);
}

int parlos_ctx_tables_init(struct parlos_net *pn)
{
	int err;

	err = rhashtable_init(&pn->ctxs, &ctx_ht_params);
	if (err)
		return err;
	err = rhashtable_init(&pn->labels, &label_ht_params);
	if (err)
		rhashtable_destroy(&pn->ctxs);
	return err;
}

/* Namespace exit or module unload: nobody else can reach the tables. */
void parlos_ctx_tables_exit(struct parlos_net *pn)
{
	rhashtable_destroy(&pn->labels);
	rhashtable_free_and_destroy(&pn->ctxs, ctx_destroy_one, NULL);
	pn->count = 0;
}

/* What one context costs in its slab, for the benchmarks. */
unsigned int parlos_ctx_obj_size(void)
{
	return kmem_cache_size(ctx_cache);
}

int parlos_ctx_cache_init(void)
{
	ctx_cache = KMEM_CACHE(parlos_ctx, SLAB_ACCOUNT);
	return ctx_cache ? 0 : -ENOMEM;
}

void parlos_ctx_cache_exit(void)
{
	/* Contexts are freed after a grace period: wait for them. */
	rcu_barrier();
	kmem_cache_destroy(ctx_cache);
}
