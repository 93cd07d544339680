/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Contexts owned by a test: deleted and released when the test ends,
 * whether it passed or not.
 */
#ifndef PARLOS_KUNIT_CTX_H
#define PARLOS_KUNIT_CTX_H

#include <kunit/resource.h>
#include <kunit/test.h>

#include "context.h"
#include "netns.h"

static int kunit_ctx_init(struct kunit_resource *res, void *context)
{
	struct parlos_ctx *ctx;

	ctx = parlos_ctx_create(parlos_net(&init_net), context, NULL);
	if (IS_ERR(ctx))
		return PTR_ERR(ctx);
	res->data = ctx;
	return 0;
}

static void kunit_ctx_free(struct kunit_resource *res)
{
	struct parlos_ctx *ctx = res->data;

	parlos_ctx_delete(ctx->pn, ctx->id, NULL);
	parlos_ctx_put(ctx);
}

static inline struct parlos_ctx *
kunit_ctx_create(struct kunit *test, const struct parlos_ctx_params *p)
{
	struct parlos_ctx *ctx;

	ctx = kunit_alloc_resource(test, kunit_ctx_init, kunit_ctx_free,
				   GFP_KERNEL, (void *)p);
	KUNIT_ASSERT_NOT_NULL_MSG(test, ctx, "creating a context failed");
	return ctx;
}

#endif
