// SPDX-License-Identifier: GPL-2.0
/*
 * The DRB data path end to end, on a loop of two parlos devices over
 * loopback (drb_loop.h): every algorithm past an HFN wrap, 18-bit SNs
 * with integrity, unbinding and binding again (the COUNTs resume), and
 * context and device deletion while a thread sends.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/kthread.h>

#include "drb_loop.h"

/* Waits until ctx's counter id reaches want (the loop is asynchronous). */
static u64 wait_stat(struct parlos_ctx *ctx, int id, u64 want)
{
	unsigned int i;
	u64 v = 0;

	for (i = 0; i < 200; i++) {
		v = loop_stat(ctx, id);
		if (v >= want)
			break;
		usleep_range(10000, 20000);
	}
	return v;
}

static const void *alg_gen(const void *prev, char *desc)
{
	static const u8 algs[] = { 1, 2, 3 };
	const u8 *p = prev ? (const u8 *)prev + 1 : algs;

	if (p >= algs + ARRAY_SIZE(algs))
		return NULL;
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "EEA%u", *p);
	return p;
}

/* 5000 PDUs up (past SN 4095) and 300 down, all delivered. */
static void loop_test(struct kunit *test)
{
	u8 eea = *(const u8 *)test->param_value;
	struct drb_loop l;

	drb_loop_up(test, &l, eea, 2, 12, false, 36500 + 2 * eea);
	KUNIT_ASSERT_EQ(test, loop_send(&l, true, 5000, 100), 0);
	KUNIT_EXPECT_EQ(test, wait_stat(l.gw, PARLOS_STAT_DRB_RX_PACKETS, 5000),
			5000);
	KUNIT_EXPECT_EQ(test, loop_stat(l.me, PARLOS_STAT_DRB_TX_PACKETS), 5000);
	KUNIT_EXPECT_EQ(test, loop_stat(l.gw, PARLOS_STAT_DRB_RX_BYTES),
			5000 * 100);
	KUNIT_ASSERT_EQ(test, loop_send(&l, false, 300, 1400), 0);
	KUNIT_EXPECT_EQ(test, wait_stat(l.me, PARLOS_STAT_DRB_RX_PACKETS, 300),
			300);
	KUNIT_EXPECT_EQ(test, loop_drops(l.me), 0);
	KUNIT_EXPECT_EQ(test, loop_drops(l.gw), 0);
}

/* 18-bit SNs and MAC-I in both directions. */
static void sn18_integrity_test(struct kunit *test)
{
	struct drb_loop l;

	drb_loop_up(test, &l, 2, 2, 18, true, 36520);
	KUNIT_ASSERT_EQ(test, loop_send(&l, true, 1000, 64), 0);
	KUNIT_ASSERT_EQ(test, loop_send(&l, false, 1000, 1500), 0);
	KUNIT_EXPECT_EQ(test, wait_stat(l.gw, PARLOS_STAT_DRB_RX_PACKETS, 1000),
			1000);
	KUNIT_EXPECT_EQ(test, wait_stat(l.me, PARLOS_STAT_DRB_RX_PACKETS, 1000),
			1000);
	KUNIT_EXPECT_EQ(test, loop_drops(l.me), 0);
	KUNIT_EXPECT_EQ(test, loop_drops(l.gw), 0);
}

/*
 * Unbound, the ME sends nothing; bound again with the same key its
 * COUNTs resume, so the gateway sees no duplicate and no stale PDU.
 */
static void rebind_test(struct kunit *test)
{
	struct drb_loop l;
	u64 dropped;

	drb_loop_up(test, &l, 3, 3, 12, false, 36530);
	KUNIT_ASSERT_EQ(test, loop_send(&l, true, 100, 200), 0);
	KUNIT_EXPECT_EQ(test, wait_stat(l.gw, PARLOS_STAT_DRB_RX_PACKETS, 100),
			100);
	KUNIT_ASSERT_EQ(test, parlos_drb_unbind_ctx(l.me, NULL), 0);
	KUNIT_EXPECT_EQ(test, parlos_drb_unbind_ctx(l.me, NULL), -ENOENT);
	dropped = atomic_long_read(&l.a->stats.__tx_dropped);
	KUNIT_ASSERT_EQ(test, loop_send(&l, true, 10, 200), 0);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&l.a->stats.__tx_dropped),
			dropped + 10);
	KUNIT_ASSERT_EQ(test, loop_bind(&l, l.me, 12, false), 0);
	KUNIT_EXPECT_EQ(test, loop_bind(&l, l.me, 12, false), -EBUSY);
	KUNIT_ASSERT_EQ(test, loop_send(&l, true, 100, 200), 0);
	KUNIT_EXPECT_EQ(test, wait_stat(l.gw, PARLOS_STAT_DRB_RX_PACKETS, 200),
			200);
	KUNIT_EXPECT_EQ(test, loop_stat(l.me, PARLOS_STAT_DRB_TX_PACKETS), 200);
	KUNIT_EXPECT_EQ(test, loop_drops(l.gw), 0);
}

struct sender {
	int ifindex;
	bool up;
	unsigned long sent;
};

/* Sends through the device while it exists, until stopped. */
static int sender_fn(void *arg)
{
	struct sender *s = arg;

	while (!kthread_should_stop()) {
		struct net_device *dev = dev_get_by_index(&init_net, s->ifindex);
		struct sk_buff *skb;

		if (dev) {
			skb = s->up ? loop_packet(dev, 300, LOOP_UE, LOOP_NET, 0) :
				      loop_packet(dev, 300, LOOP_NET, LOOP_UE, 0);
			if (skb) {
				dev_queue_xmit(skb);
				s->sent++;
			}
			dev_put(dev);
		}
		cond_resched();
	}
	return 0;
}

/* Context deletion, then device deletion, while both ends send. */
static void teardown_test(struct kunit *test)
{
	struct sender up = { .up = true }, down = { .up = false };
	struct task_struct *t1, *t2;
	struct drb_loop l;
	u64 got;

	drb_loop_up(test, &l, 1, 1, 12, false, 36540);
	up.ifindex = l.a->ifindex;
	down.ifindex = l.b->ifindex;
	t1 = kthread_run(sender_fn, &up, "drb-up");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t1));
	t2 = kthread_run(sender_fn, &down, "drb-down");
	if (IS_ERR(t2)) {
		kthread_stop(t1);
		KUNIT_FAIL(test, "no sender thread");
		return;
	}
	msleep(100);
	got = loop_stat(l.gw, PARLOS_STAT_DRB_RX_PACKETS);
	KUNIT_EXPECT_EQ(test, parlos_ctx_delete(l.gw->pn, l.gw->id, NULL), 0);
	msleep(50);
	KUNIT_EXPECT_EQ(test, kunit_destroy_resource(test, loop_res_is, l.a), 0);
	msleep(50);
	kthread_stop(t1);
	kthread_stop(t2);
	kunit_info(test, "sent %lu up, %lu down; gateway got %llu before its deletion, ME got %llu\n",
		   up.sent, down.sent, got,
		   loop_stat(l.me, PARLOS_STAT_DRB_RX_PACKETS));
	KUNIT_EXPECT_GT(test, up.sent, 0);
	KUNIT_EXPECT_GT(test, got, 0);
	/* Both bindings are gone: the ME's with its device. */
	KUNIT_EXPECT_EQ(test, parlos_drb_unbind_ctx(l.me, NULL), -ENOENT);
}

static struct kunit_case drb_cases[] = {
	KUNIT_CASE_PARAM(loop_test, alg_gen),
	KUNIT_CASE(sn18_integrity_test),
	KUNIT_CASE(rebind_test),
	KUNIT_CASE(teardown_test),
	{}
};

static struct kunit_suite drb_suite = {
	.name = "parlos_drb",
	.test_cases = drb_cases,
};

kunit_test_suite(drb_suite);
