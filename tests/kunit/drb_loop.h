/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A DRB loop in init_net for KUnit: an ME device "a" and a gateway
 * device "b", their tunnel sockets on loopback, an ME context bound to
 * a and a network context bound to b with the same keys. IP packets
 * queued to a come out of b's NAPI, and the reverse. Devices and
 * contexts are test resources, gone when the test ends.
 */
#ifndef PARLOS_KUNIT_DRB_LOOP_H
#define PARLOS_KUNIT_DRB_LOOP_H

#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/ip.h>
#include <linux/random.h>
#include <linux/rtnetlink.h>
#include <linux/udp.h>
#include <net/ip.h>

#include "context.h"
#include "device.h"
#include "drb.h"
#include "keys.h"
#include "kunit_ctx.h"

#define LOOP_UE_ID	7
#define LOOP_UE		htonl(0x0a090002)	/* 10.9.0.2 */
#define LOOP_NET	htonl(0x0a090001)	/* 10.9.0.1 */

struct drb_loop {
	struct net_device *a, *b;
	struct parlos_ctx *me, *gw;
	u16 port_a, port_b;
};

static int loop_dev_init(struct kunit_resource *res, void *dev)
{
	res->data = dev;
	return 0;
}

static void loop_dev_free(struct kunit_resource *res)
{
	parlos_dev_destroy(res->data);
}

static inline struct net_device *loop_dev(struct kunit *test, u16 port)
{
	struct net_device *dev = parlos_dev_create(&init_net, "plt%d", port);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(dev), "device: %ld", PTR_ERR(dev));
	KUNIT_ASSERT_NOT_NULL(test, kunit_alloc_resource(test, loop_dev_init,
							 loop_dev_free,
							 GFP_KERNEL, dev));
	return dev;
}

static inline struct parlos_ctx *loop_ctx(struct kunit *test, u8 role,
					  const u8 *kasme, u8 eea, u8 eia)
{
	struct parlos_ctx_params p = {
		.role = role, .has_ue_id = true, .ue_id = LOOP_UE_ID,
		.nas_eea = eea, .nas_eia = eia, .as_eea = eea, .as_eia = eia,
	};
	struct parlos_ctx *ctx = kunit_ctx_create(test, &p);

	mutex_lock(&ctx->lock);
	KUNIT_ASSERT_EQ(test, parlos_keys_set_kasme(ctx, kasme), 0);
	KUNIT_ASSERT_EQ(test, parlos_keys_derive_as(ctx, 0, NULL), 0);
	mutex_unlock(&ctx->lock);
	return ctx;
}

static inline int loop_bind(struct drb_loop *l, struct parlos_ctx *ctx,
			    u8 sn_bits, bool integrity)
{
	bool me = ctx->role == PARLOS_ROLE_ME;
	struct parlos_drb_params p = {
		.ifindex = me ? l->a->ifindex : l->b->ifindex,
		.ue_addr = LOOP_UE,
		.peer_addr = htonl(INADDR_LOOPBACK),
		.peer_port = htons(me ? l->port_b : l->port_a),
		.sn_bits = sn_bits,
		.integrity = integrity,
	};

	return parlos_drb_bind(&init_net, ctx, &p, NULL);
}

/* Brings the loop up; ports from port (a) and port + 1 (b). */
static inline void drb_loop_up(struct kunit *test, struct drb_loop *l,
			       u8 eea, u8 eia, u8 sn_bits, bool integrity,
			       u16 port)
{
	u8 kasme[32];

	get_random_bytes(kasme, sizeof(kasme));
	rtnl_lock();
	if (!(init_net.loopback_dev->flags & IFF_UP))
		KUNIT_EXPECT_EQ(test, dev_open(init_net.loopback_dev, NULL), 0);
	rtnl_unlock();
	l->port_a = port;
	l->port_b = port + 1;
	l->me = loop_ctx(test, PARLOS_ROLE_ME, kasme, eea, eia);
	l->gw = loop_ctx(test, PARLOS_ROLE_NETWORK, kasme, eea, eia);
	l->a = loop_dev(test, l->port_a);
	l->b = loop_dev(test, l->port_b);
	KUNIT_ASSERT_EQ(test, loop_bind(l, l->me, sn_bits, integrity), 0);
	KUNIT_ASSERT_EQ(test, loop_bind(l, l->gw, sn_bits, integrity), 0);
}

static bool loop_res_is(struct kunit *test, struct kunit_resource *res,
			void *data)
{
	return res->data == data;
}

/* Deletes the loop's devices (one device per role and namespace). */
static inline void drb_loop_down(struct kunit *test, struct drb_loop *l)
{
	KUNIT_EXPECT_EQ(test, kunit_destroy_resource(test, loop_res_is, l->a), 0);
	KUNIT_EXPECT_EQ(test, kunit_destroy_resource(test, loop_res_is, l->b), 0);
}

/* An IPv4/UDP packet of len bytes (at least 28) for dev to send. */
static inline struct sk_buff *loop_packet(struct net_device *dev,
					  unsigned int len, __be32 src,
					  __be32 dst, u32 seq)
{
	unsigned int head = LL_MAX_HEADER + 128;
	struct sk_buff *skb = alloc_skb(head + len + 16, GFP_KERNEL);
	struct udphdr *uh;
	struct iphdr *iph;

	if (!skb)
		return NULL;
	skb_reserve(skb, head);
	iph = skb_put_zero(skb, len);
	iph->version = 4;
	iph->ihl = 5;
	iph->tot_len = htons(len);
	iph->id = htons(seq);
	iph->ttl = 64;
	iph->protocol = IPPROTO_UDP;
	iph->saddr = src;
	iph->daddr = dst;
	ip_send_check(iph);
	uh = (struct udphdr *)(iph + 1);
	uh->source = htons(9);
	uh->dest = htons(9);
	uh->len = htons(len - sizeof(*iph));
	memset(uh + 1, seq, len - sizeof(*iph) - sizeof(*uh));
	skb->dev = dev;
	skb->protocol = htons(ETH_P_IP);
	skb_reset_network_header(skb);
	return skb;
}

/*
 * Sends n packets ME -> gateway (up) or gateway -> ME; 0 or -ENOMEM.
 * Pauses now and then: loopback's backlog holds 1000 packets, and the
 * softirq that empties it may be left to ksoftirqd.
 */
static inline int loop_send(struct drb_loop *l, bool up, unsigned int n,
			    unsigned int len)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (i % 128 == 127)
			usleep_range(1000, 2000);
		struct sk_buff *skb = up ?
			loop_packet(l->a, len, LOOP_UE, LOOP_NET, i) :
			loop_packet(l->b, len, LOOP_NET, LOOP_UE, i);

		if (!skb)
			return -ENOMEM;
		dev_queue_xmit(skb);
	}
	return 0;
}

static inline u64 loop_stat(struct parlos_ctx *ctx, int id)
{
	u64 v;

	mutex_lock(&ctx->lock);
	v = parlos_drb_stat(ctx, id);
	mutex_unlock(&ctx->lock);
	return v;
}

/* The sum of a context's DRB drop counters. */
static inline u64 loop_drops(struct parlos_ctx *ctx)
{
	u64 sum = 0;
	int id;

	for (id = PARLOS_STAT_DRB_TX_DROP_NOKEY;
	     id <= PARLOS_STAT_DRB_RX_DROP_ERROR; id++)
		sum += loop_stat(ctx, id);
	return sum;
}

#endif
