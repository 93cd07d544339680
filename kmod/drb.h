/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The user plane: DRB1 of a context bound to a parlos device.
 */
#ifndef PARLOS_DRB_H
#define PARLOS_DRB_H

struct parlos_ctx;
struct sk_buff;

static inline void parlos_drb_unbind(struct parlos_ctx *ctx)
{
}

static inline int parlos_drb_put_stats(struct sk_buff *skb,
				       const struct parlos_ctx *ctx)
{
	return 0;
}

static inline int parlos_drb_put_binding(struct sk_buff *skb,
					 const struct parlos_ctx *ctx)
{
	return 0;
}

#define PARLOS_DRB_OPS

#endif /* PARLOS_DRB_H */
