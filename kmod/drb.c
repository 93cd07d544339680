// SPDX-License-Identifier: GPL-2.0
/*
 * DRB1: binding a context to a parlos device, and the user-plane PDCP
 * data path (TS 36.323 with TS 33.401 ciphering).
 *
 * Transmit (ndo_start_xmit): the binding of the destination address
 * (gateway) or the device's one binding (ME). Under the binding's
 * transmit queue lock the packet takes the next COUNT and its place in
 * the queue; then it gets its PDCP header, MAC-I if asked for, and the
 * PDCP-LTE framing, and goes to the cipher.
 *
 * Receive (encap_rcv): the framing, the binding of its UE id (gateway)
 * or the one binding (ME), the source address and port. Under the
 * receive queue lock the SN gets its COUNT, is checked against the
 * replay window and the packet takes its place in the queue; then it
 * goes to the cipher.
 *
 * A cipher may finish at once or later, in a crypto engine's completion
 * (softirq, or a worker such as cryptd's). Either way the packet is
 * marked and its queue drained: finished packets at the head leave in
 * queue order, and only one CPU at a time drains a queue, so an engine
 * that completes out of order never reorders a bearer. A received COUNT
 * enters the replay window only when its packet leaves the queue, after
 * the MAC-I check, so copies in flight together are caught as well.
 *
 * Deciphered packets leave the receive queue for the binding's NAPI
 * context, which hands them to GRO and the stack on one CPU at a time:
 * in order, as they left the queue.
 *
 * Each packet in flight holds a reference on its binding. Unbinding
 * (command, context deletion, device deletion) marks the binding dead,
 * which drops what is still in flight, and drops the binding's own
 * reference; the last reference frees the transforms from a workqueue
 * after a grace period, and module unload waits for that.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <linux/ip.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/udp.h>
#include <linux/wait_bit.h>
#include <net/ip.h>
#include <net/ip_tunnels.h>
#include <net/netlink.h>
#include <net/route.h>
#include <net/udp_tunnel.h>

#include "alg.h"
#include "compat.h"
#include "context.h"
#include "device.h"
#include "drb.h"
#include "netlink.h"
#include "netns.h"

/* Packets in flight per binding and direction; more are dropped. */
#define DRB_QUEUE_MAX		1024
/* BEARER = RB identity - 1, as Wireshark computes it (channel id - 1) */
#define DRB_BEARER		(PARLOS_DRB_RB_ID - 1)

#define STAT(id)		((id) - PARLOS_STAT_DRB_TX_PACKETS)

enum drb_state {
	DRB_PENDING,		/* in the cipher */
	DRB_DONE,
	DRB_FAIL_CRYPTO,	/* the cipher or the MAC failed to run */
	DRB_FAIL_MAC,
	DRB_FAIL_DUPLICATE,	/* a copy left the queue first */
	DRB_FAIL_STALE,		/* the window moved past it meanwhile */
	DRB_FAIL_DEAD,		/* unbound meanwhile */
};

/* skb->cb while a packet is ours. */
struct drb_cb {
	struct parlos_drb_bind *b;
	void *crypt;		/* request, scatterlist and IV */
	u32 count;
	u16 len;		/* SDU length */
	u8 state;
	u8 tos;			/* outer TOS (transmit) */
};

#define DRB_CB(skb)	((struct drb_cb *)(skb)->cb)
static_assert(sizeof(struct drb_cb) <= sizeof_field(struct sk_buff, cb));

static const char * const eea_names[] = { NULL, "eea1", "eea2", "eea3" };
static const char * const eia_names[] = { NULL, "eia1", "eia2", "eia3" };

static struct workqueue_struct *drb_wq;
static atomic_t drb_live = ATOMIC_INIT(0);	/* bindings not freed yet */

/* Counters; the data path always runs with bottom halves off. */
static void drb_stat(struct parlos_drb *drb, int id, u64 v)
{
	struct parlos_drb_pcpu_stats *s = this_cpu_ptr(drb->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_add(&s->c[STAT(id)], v);
	u64_stats_update_end(&s->syncp);
}

static void drb_release(struct kref *ref)
{
	struct parlos_drb *drb = container_of(ref, struct parlos_drb, ref);

	free_percpu(drb->stats);
	kfree_sensitive(drb);
}

static struct parlos_drb *drb_alloc(void)
{
	struct parlos_drb *drb = kzalloc(sizeof(*drb), GFP_KERNEL_ACCOUNT);
	int cpu;

	if (!drb)
		return NULL;
	drb->stats = alloc_percpu_gfp(struct parlos_drb_pcpu_stats,
				      GFP_KERNEL_ACCOUNT);
	if (!drb->stats) {
		kfree(drb);
		return NULL;
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(drb->stats, cpu)->syncp);
	kref_init(&drb->ref);
	return drb;
}

/* Request memory: skcipher request and its context, scatterlist, IV. */
static unsigned int drb_req_size(const struct parlos_drb_bind *b)
{
	unsigned int n = sizeof(struct skcipher_request);

	if (b->eea)
		n += crypto_skcipher_reqsize(b->eea);
	return ALIGN(n, __alignof__(struct scatterlist));
}

static struct skcipher_request *drb_req(const struct parlos_drb_bind *b,
					void *mem, struct scatterlist **sg,
					u8 **iv)
{
	*sg = mem + drb_req_size(b);
	*iv = (u8 *)(*sg + 1);
	return mem;
}

static void drb_bind_free(struct parlos_drb_bind *b)
{
	if (b->eea) {
		parlos_tfm_repin(b->eea_unpinned);
		crypto_free_skcipher(b->eea);
	}
	if (b->eia) {
		parlos_tfm_repin(b->eia_unpinned);
		crypto_free_shash(b->eia);
	}
	skb_queue_purge(&b->napi_q);
	dst_cache_destroy(&b->dst_cache);
	if (b->drb)
		kref_put(&b->drb->ref, drb_release);
	parlos_ctx_put(b->ctx);
	kfree_sensitive(b);
	if (atomic_dec_and_test(&drb_live))
		wake_up_var(&drb_live);
}

static void drb_bind_free_work(struct work_struct *work)
{
	drb_bind_free(container_of(to_rcu_work(work), struct parlos_drb_bind,
				   free_work));
}

/* The last reference may go in softirq: free from a worker. */
static void drb_bind_put_many(struct parlos_drb_bind *b, unsigned int n)
{
	if (refcount_sub_and_test(n, &b->ref))
		queue_rcu_work(drb_wq, &b->free_work);
}

static void drb_bind_put(struct parlos_drb_bind *b)
{
	drb_bind_put_many(b, 1);
}

/* Integrity failures are reported, at most ten a second per binding. */
static void drb_mac_event(struct parlos_drb_bind *b, u32 count)
{
	unsigned long next = READ_ONCE(b->ev_next);

	if (time_before(jiffies, next))
		return;
	WRITE_ONCE(b->ev_next, jiffies + HZ / 10);
	parlos_nl_event(b->ctx, PARLOS_CMD_EV_INTEGRITY, PARLOS_LAYER_DRB,
			PARLOS_DRB_RB_ID, count, GFP_ATOMIC);
}

static struct rtable *drb_route(struct parlos_drb_bind *b,
				struct parlos_dev *pd, __be32 *saddr)
{
	struct flowi4 fl4;
	struct rtable *rt;

	rt = dst_cache_get_ip4(&b->dst_cache, saddr);
	if (rt)
		return rt;
	memset(&fl4, 0, sizeof(fl4));
	fl4.daddr = b->peer_addr;
	fl4.flowi4_proto = IPPROTO_UDP;
	fl4.fl4_sport = htons(pd->port);
	fl4.fl4_dport = b->peer_port;
	rt = ip_route_output_key(dev_net(pd->dev), &fl4);
	if (IS_ERR(rt))
		return rt;
	if (rt->dst.dev == pd->dev) {
		/* The tunnel would carry itself. */
		ip_rt_put(rt);
		return ERR_PTR(-ELOOP);
	}
	dst_cache_set_ip4(&b->dst_cache, &rt->dst, fl4.saddr);
	*saddr = fl4.saddr;
	return rt;
}

/* A ciphered PDU, framed, leaves through the device's socket. */
static void drb_tx_finish(struct parlos_drb_bind *b, struct sk_buff *skb)
{
	struct drb_cb *cb = DRB_CB(skb);
	int stat = PARLOS_STAT_DRB_TX_DROP_ERROR;
	unsigned int len = cb->len;
	struct parlos_dev *pd;
	struct socket *sock;
	struct rtable *rt;
	__be32 saddr;
	u8 tos = cb->tos;

	kfree_sensitive(cb->crypt);
	if (cb->state == DRB_FAIL_DEAD)
		stat = PARLOS_STAT_DRB_TX_DROP_NOKEY;
	if (cb->state != DRB_DONE)
		goto drop;
	rcu_read_lock();
	pd = rcu_dereference(b->pd);
	sock = pd ? rcu_dereference(pd->sock) : NULL;
	if (!sock) {
		rcu_read_unlock();
		stat = pd ? stat : PARLOS_STAT_DRB_TX_DROP_NOKEY;
		goto drop;
	}
	rt = drb_route(b, pd, &saddr);
	if (IS_ERR(rt)) {
		DEV_STATS_INC(pd->dev, tx_carrier_errors);
		rcu_read_unlock();
		goto drop;
	}
	skb->ip_summed = CHECKSUM_NONE;
	udp_tunnel_xmit_skb(rt, sock->sk, skb, saddr, b->peer_addr, tos,
			    ip4_dst_hoplimit(&rt->dst), 0, htons(pd->port),
			    b->peer_port, false, false);
	dev_sw_netstats_tx_add(pd->dev, 1, len);
	rcu_read_unlock();
	drb_stat(b->drb, PARLOS_STAT_DRB_TX_PACKETS, 1);
	drb_stat(b->drb, PARLOS_STAT_DRB_TX_BYTES, len);
	return;
drop:
	drb_stat(b->drb, stat, 1);
	kfree_skb(skb);
}

/* Receive, under the queue lock: the COUNT enters the replay window. */
static void drb_rx_accept(struct parlos_drb_bind *b, struct sk_buff *skb)
{
	struct drb_cb *cb = DRB_CB(skb);

	if (cb->state != DRB_DONE)
		return;
	if (b->dead) {
		cb->state = DRB_FAIL_DEAD;
		return;
	}
	switch (parlos_pdcp_window_check(&b->win, cb->count)) {
	case PARLOS_PDCP_FRESH:
		parlos_pdcp_window_accept(&b->win, cb->count);
		break;
	case PARLOS_PDCP_DUPLICATE:
		cb->state = DRB_FAIL_DUPLICATE;
		break;
	case PARLOS_PDCP_STALE:
		cb->state = DRB_FAIL_STALE;
		break;
	}
}

/* The deciphered SDU must be an IPv4 packet, from the UE on a gateway. */
static int drb_rx_check_ip(struct parlos_drb_bind *b, struct sk_buff *skb)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	unsigned int tot;

	if (skb->len < sizeof(*iph) || iph->version != 4 || iph->ihl < 5)
		return PARLOS_STAT_DRB_RX_DROP_MALFORMED;
	tot = ntohs(iph->tot_len);
	if (tot > skb->len || tot < iph->ihl * 4)
		return PARLOS_STAT_DRB_RX_DROP_MALFORMED;
	if (b->tx_cfg.dir && iph->saddr != b->ue_addr)
		return PARLOS_STAT_DRB_RX_DROP_SOURCE;
	__skb_trim(skb, tot);
	return 0;
}

static void drb_rx_finish(struct parlos_drb_bind *b, struct sk_buff *skb)
{
	struct drb_cb *cb = DRB_CB(skb);
	struct parlos_dev *pd;
	unsigned int len;
	int stat;

	kfree_sensitive(cb->crypt);
	switch (cb->state) {
	case DRB_DONE:
		stat = 0;
		break;
	case DRB_FAIL_MAC:
		drb_mac_event(b, cb->count);
		stat = PARLOS_STAT_DRB_RX_DROP_MAC;
		break;
	case DRB_FAIL_DUPLICATE:
		stat = PARLOS_STAT_DRB_RX_DROP_DUPLICATE;
		break;
	case DRB_FAIL_STALE:
		stat = PARLOS_STAT_DRB_RX_DROP_WINDOW;
		break;
	default:
		stat = PARLOS_STAT_DRB_RX_DROP_ERROR;
		break;
	}
	if (stat)
		goto drop;
	__skb_pull(skb, b->hdr_len);
	__skb_trim(skb, cb->len);
	stat = drb_rx_check_ip(b, skb);
	if (stat)
		goto drop;
	len = skb->len;
	rcu_read_lock();
	pd = rcu_dereference(b->pd);
	if (!pd) {
		rcu_read_unlock();
		stat = PARLOS_STAT_DRB_RX_DROP_ERROR;
		goto drop;
	}
	skb_scrub_packet(skb, false);
	skb->dev = pd->dev;
	skb->protocol = htons(ETH_P_IP);
	skb->ip_summed = CHECKSUM_NONE;
	skb_reset_network_header(skb);
	skb_reset_mac_header(skb);
	skb_clear_hash(skb);
	if (!(pd->dev->flags & IFF_UP) ||
	    skb_queue_len(&b->napi_q) >= DRB_QUEUE_MAX) {
		rcu_read_unlock();
		stat = PARLOS_STAT_DRB_RX_DROP_ERROR;
		goto drop;
	}
	drb_stat(b->drb, PARLOS_STAT_DRB_RX_PACKETS, 1);
	drb_stat(b->drb, PARLOS_STAT_DRB_RX_BYTES, len);
	dev_sw_netstats_rx_add(pd->dev, len);
	skb_queue_tail(&b->napi_q, skb);
	napi_schedule(&b->napi);
	rcu_read_unlock();
	return;
drop:
	drb_stat(b->drb, stat, 1);
	kfree_skb(skb);
}

static int drb_poll(struct napi_struct *napi, int budget)
{
	struct parlos_drb_bind *b = container_of(napi, struct parlos_drb_bind,
						 napi);
	struct sk_buff *skb;
	int done = 0;

	while (done < budget && (skb = skb_dequeue(&b->napi_q))) {
		napi_gro_receive(napi, skb);
		done++;
	}
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}

/*
 * Marks done as finished and sends or delivers what is finished at the
 * head of the queue. One drainer at a time: another CPU finding the
 * queue being drained leaves its packet to it, and the drainer looks at
 * the head again before it stops.
 */
static void drb_drain(struct parlos_drb_bind *b, struct parlos_drb_queue *q,
		      bool tx, struct sk_buff *done, u8 state)
{
	struct sk_buff_head list;
	struct sk_buff *skb;
	unsigned int n = 0;

	__skb_queue_head_init(&list);
	local_bh_disable();
	spin_lock(&q->q.lock);
	DRB_CB(done)->state = state;
	if (q->draining)
		goto out;
	q->draining = true;
	for (;;) {
		while ((skb = skb_peek(&q->q)) &&
		       DRB_CB(skb)->state != DRB_PENDING) {
			__skb_unlink(skb, &q->q);
			if (tx && b->dead)
				DRB_CB(skb)->state = DRB_FAIL_DEAD;
			else if (!tx)
				drb_rx_accept(b, skb);
			__skb_queue_tail(&list, skb);
		}
		if (skb_queue_empty(&list))
			break;
		spin_unlock(&q->q.lock);
		while ((skb = __skb_dequeue(&list))) {
			if (tx)
				drb_tx_finish(b, skb);
			else
				drb_rx_finish(b, skb);
			n++;
		}
		spin_lock(&q->q.lock);
	}
	q->draining = false;
out:
	spin_unlock(&q->q.lock);
	local_bh_enable();
	/* Each packet held a reference; this may be the last. */
	if (n)
		drb_bind_put_many(b, n);
}

static void drb_tx_crypted(struct sk_buff *skb, int err)
{
	struct parlos_drb_bind *b = DRB_CB(skb)->b;

	drb_drain(b, &b->tx, true, skb, err ? DRB_FAIL_CRYPTO : DRB_DONE);
}

static void drb_rx_crypted(struct sk_buff *skb, int err)
{
	struct drb_cb *cb = DRB_CB(skb);
	struct parlos_drb_bind *b = cb->b;
	u8 state = DRB_FAIL_CRYPTO;
	int len;

	if (!err) {
		len = parlos_pdcp_up_rx_finish(&b->rx_cfg, cb->count,
					       skb->data, skb->len);
		if (len == -EBADMSG) {
			state = DRB_FAIL_MAC;
		} else if (len >= 0) {
			cb->len = len;
			state = DRB_DONE;
		}
	}
	drb_drain(b, &b->rx, false, skb, state);
}

static PARLOS_CRYPTO_CB(drb_tx_done)
{
	struct sk_buff *skb = PARLOS_CRYPTO_CB_DATA();

	/* A backlogged request started: the result comes later. */
	if (err == -EINPROGRESS)
		return;
	drb_tx_crypted(skb, err);
}

static PARLOS_CRYPTO_CB(drb_rx_done)
{
	struct sk_buff *skb = PARLOS_CRYPTO_CB_DATA();

	if (err == -EINPROGRESS)
		return;
	drb_rx_crypted(skb, err);
}

/*
 * Ciphers len bytes at data in place (both directions are the same
 * keystream XOR). Once the request is submitted the skb belongs to the
 * completion: nothing here touches it again.
 */
static void drb_cipher(struct parlos_drb_bind *b, struct sk_buff *skb,
		       u8 *data, unsigned int len, bool tx)
{
	struct skcipher_request *req;
	struct scatterlist *sg;
	u8 *iv;
	int err = 0;

	if (b->eea) {
		req = drb_req(b, DRB_CB(skb)->crypt, &sg, &iv);
		sg_init_one(sg, data, len);
		skcipher_request_set_tfm(req, b->eea);
		skcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_BACKLOG,
					      tx ? drb_tx_done : drb_rx_done,
					      skb);
		skcipher_request_set_crypt(req, sg, sg, len, iv);
		err = tx ? crypto_skcipher_encrypt(req) :
			   crypto_skcipher_decrypt(req);
		if (err == -EINPROGRESS || err == -EBUSY)
			return;
	}
	if (tx)
		drb_tx_crypted(skb, err);
	else
		drb_rx_crypted(skb, err);
}

/* Transmit; holds a reference on b, which the packet takes over. */
static void drb_tx(struct parlos_drb_bind *b, struct sk_buff *skb, u8 tos)
{
	unsigned int mac = b->eia ? PARLOS_PDCP_UP_MAC_LEN : 0;
	unsigned int head = LL_MAX_HEADER + sizeof(struct iphdr) +
			    sizeof(struct udphdr) + b->framing_len + b->hdr_len;
	int stat = PARLOS_STAT_DRB_TX_DROP_ERROR;
	struct drb_cb *cb = DRB_CB(skb);
	unsigned int sdu_len;
	struct scatterlist *sg;
	bool wrap = false;
	void *mem = NULL;
	u32 count;
	u8 *iv;
	int len;

	if (skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb))
		goto drop;
	if (skb_linearize(skb))
		goto drop;
	/* Ciphered in place: a clone (a TCP retransmit queue's) is copied. */
	if (skb_cloned(skb) || skb_headroom(skb) < head ||
	    skb_tailroom(skb) < mac) {
		if (pskb_expand_head(skb,
				     max_t(int, head - skb_headroom(skb), 0),
				     max_t(int, mac - skb_tailroom(skb), 0),
				     GFP_ATOMIC))
			goto drop;
	}
	sdu_len = skb->len;
	mem = kmalloc(b->crypt_size, GFP_ATOMIC);
	if (!mem)
		goto drop;
	skb_push(skb, b->hdr_len);
	if (mac)
		skb_put(skb, mac);

	spin_lock_bh(&b->tx.q.lock);
	if (b->dead || b->tx_count >= PARLOS_PDCP_COUNT_END) {
		/* Unbound meanwhile, or the COUNT is exhausted: re-key. */
		spin_unlock_bh(&b->tx.q.lock);
		stat = PARLOS_STAT_DRB_TX_DROP_NOKEY;
		goto drop;
	}
	if (skb_queue_len(&b->tx.q) >= DRB_QUEUE_MAX) {
		spin_unlock_bh(&b->tx.q.lock);
		goto drop;
	}
	count = b->tx_count++;
	if (!b->wrap_signalled && b->tx_count >=
	    PARLOS_PDCP_COUNT_END - PARLOS_COUNT_WRAP_MARGIN) {
		b->wrap_signalled = true;
		wrap = true;
	}
	cb->b = b;
	cb->crypt = mem;
	cb->count = count;
	cb->len = sdu_len;
	cb->tos = tos;
	cb->state = DRB_PENDING;
	__skb_queue_tail(&b->tx.q, skb);
	spin_unlock_bh(&b->tx.q.lock);

	/* Pending at the head: the queue leaves it to us until it is done. */
	if (wrap)
		parlos_nl_event(b->ctx, PARLOS_CMD_EV_COUNT_WRAP,
				PARLOS_LAYER_DRB, PARLOS_DRB_RB_ID, count,
				GFP_ATOMIC);
	drb_req(b, mem, &sg, &iv);
	len = parlos_pdcp_up_tx_prepare(&b->tx_cfg, count, skb->data, sdu_len,
					iv);
	if (len < 0) {
		drb_tx_crypted(skb, len);
		return;
	}
	memcpy(skb_push(skb, b->framing_len), b->framing, b->framing_len);
	drb_cipher(b, skb, skb->data + b->framing_len + b->hdr_len,
		   len - b->hdr_len, true);
	return;

drop:
	kfree(mem);
	drb_stat(b->drb, stat, 1);
	DEV_STATS_INC(skb->dev, tx_dropped);
	kfree_skb(skb);
	drb_bind_put(b);
}

netdev_tx_t parlos_drb_xmit(struct parlos_dev *pd, struct sk_buff *skb)
{
	struct parlos_drb_bind *b;
	const struct iphdr *iph;
	u8 tos;

	/* Changed in place below: a shared skb (pktgen's) is copied. */
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb) {
		DEV_STATS_INC(pd->dev, tx_dropped);
		return NETDEV_TX_OK;
	}
	if (skb->protocol != htons(ETH_P_IP) ||
	    !pskb_network_may_pull(skb, sizeof(*iph)))
		goto drop;
	iph = ip_hdr(skb);
	tos = ip_tunnel_ecn_encap(0, iph, skb);
	rcu_read_lock();
	if (READ_ONCE(pd->role) == PARLOS_ROLE_NETWORK)
		b = parlos_dev_lookup_addr(pd, iph->daddr);
	else
		b = rcu_dereference(pd->me);
	if (b && !refcount_inc_not_zero(&b->ref))
		b = NULL;
	rcu_read_unlock();
	if (!b)
		goto drop;
	drb_tx(b, skb, tos);
	return NETDEV_TX_OK;

drop:
	DEV_STATS_INC(pd->dev, tx_dropped);
	kfree_skb(skb);
	return NETDEV_TX_OK;
}

/* Receive; off is where the PDU starts. Holds a reference on b. */
static void drb_rx(struct parlos_drb_bind *b, struct sk_buff *skb,
		   const struct parlos_framing *f, unsigned int off)
{
	unsigned int mac = b->eia ? PARLOS_PDCP_UP_MAC_LEN : 0;
	int stat = PARLOS_STAT_DRB_RX_DROP_MALFORMED;
	struct drb_cb *cb = DRB_CB(skb);
	struct scatterlist *sg;
	void *mem = NULL;
	u32 sn, count;
	u8 *iv;

	if (f->no_header_pdu || f->plane != PARLOS_FRAMING_PLANE_UP ||
	    f->rohc || f->sn_len != b->sn_bits ||
	    ((f->has & PARLOS_FRAMING_HAS_DIR) && f->dir != b->rx_cfg.dir) ||
	    ((f->has & PARLOS_FRAMING_HAS_UE_ID) && f->ue_id != b->ue_id) ||
	    ((f->has & PARLOS_FRAMING_HAS_CHAN_ID) &&
	     f->chan_id != PARLOS_DRB_RB_ID))
		goto drop;
	if (ip_hdr(skb)->saddr != b->peer_addr ||
	    udp_hdr(skb)->source != b->peer_port) {
		stat = PARLOS_STAT_DRB_RX_DROP_SOURCE;
		goto drop;
	}
	if (skb->len <= off + b->hdr_len + mac ||
	    !pskb_may_pull(skb, off + b->hdr_len) ||
	    parlos_pdcp_up_hdr_parse(skb->data + off, skb->len - off,
				     b->sn_bits, &sn))
		goto drop;
	__skb_pull(skb, off);
	stat = PARLOS_STAT_DRB_RX_DROP_ERROR;
	/* Deciphered in place: a clone (a capture's) is copied. */
	if (skb_linearize_cow(skb))
		goto drop;
	mem = kmalloc(b->crypt_size, GFP_ATOMIC);
	if (!mem)
		goto drop;

	spin_lock_bh(&b->rx.q.lock);
	if (b->dead) {
		stat = PARLOS_STAT_DRB_RX_DROP_ERROR;
	} else if (parlos_pdcp_count_estimate(b->win.next, sn, b->sn_bits,
					      &count)) {
		stat = PARLOS_STAT_DRB_RX_DROP_WINDOW;
	} else {
		switch (parlos_pdcp_window_check(&b->win, count)) {
		case PARLOS_PDCP_FRESH:
			stat = skb_queue_len(&b->rx.q) >= DRB_QUEUE_MAX ?
			       PARLOS_STAT_DRB_RX_DROP_ERROR : 0;
			break;
		case PARLOS_PDCP_DUPLICATE:
			stat = PARLOS_STAT_DRB_RX_DROP_DUPLICATE;
			break;
		case PARLOS_PDCP_STALE:
			stat = PARLOS_STAT_DRB_RX_DROP_WINDOW;
			break;
		}
	}
	if (!stat) {
		cb->b = b;
		cb->crypt = mem;
		cb->count = count;
		cb->state = DRB_PENDING;
		__skb_queue_tail(&b->rx.q, skb);
	}
	spin_unlock_bh(&b->rx.q.lock);
	if (stat)
		goto drop;

	drb_req(b, mem, &sg, &iv);
	parlos_pdcp_up_iv(&b->rx_cfg, count, iv);
	drb_cipher(b, skb, skb->data + b->hdr_len, skb->len - b->hdr_len,
		   false);
	return;

drop:
	kfree(mem);
	drb_stat(b->drb, stat, 1);
	kfree_skb(skb);
	drb_bind_put(b);
}

void parlos_drb_rcv(struct parlos_dev *pd, struct sk_buff *skb)
{
	unsigned int off = sizeof(struct udphdr);
	struct parlos_drb_bind *b;
	struct parlos_framing f;
	int flen;

	if (!pskb_may_pull(skb, min_t(unsigned int, skb->len,
				      off + PARLOS_FRAMING_MAX +
				      PARLOS_PDCP_UP_HDR_MAX)))
		goto unknown;
	flen = parlos_framing_parse(skb->data + off, skb_headlen(skb) - off,
				    &f);
	if (flen < 0)
		goto unknown;
	rcu_read_lock();
	if (READ_ONCE(pd->role) == PARLOS_ROLE_NETWORK)
		b = f.has & PARLOS_FRAMING_HAS_UE_ID ?
		    parlos_dev_lookup_ue_id(pd, f.ue_id) : NULL;
	else
		b = rcu_dereference(pd->me);
	if (b && !refcount_inc_not_zero(&b->ref))
		b = NULL;
	rcu_read_unlock();
	if (!b) {
		/* No context to count it against. */
		DEV_STATS_INC(pd->dev, rx_dropped);
		kfree_skb(skb);
		return;
	}
	drb_rx(b, skb, &f, off + flen);
	return;

unknown:
	DEV_STATS_INC(pd->dev, rx_errors);
	DEV_STATS_INC(pd->dev, rx_frame_errors);
	kfree_skb(skb);
}

/* The grace period before the binding is freed covers the NAPI's. */
static void drb_napi_del(struct parlos_drb_bind *b)
{
	if (!b->napi_added)
		return;
	napi_disable(&b->napi);
	__netif_napi_del(&b->napi);
	b->napi_added = false;
}

/*
 * Under RTNL: the binding leaves its device and its context's DRB. What
 * is in flight is dropped as it finishes; the COUNTs are kept for the
 * next binding.
 */
static void drb_retire(struct parlos_drb_bind *b)
{
	struct parlos_dev *pd = rtnl_dereference(b->pd);
	struct parlos_drb *drb = b->drb;

	parlos_dev_detach(pd, b);
	RCU_INIT_POINTER(b->pd, NULL);
	RCU_INIT_POINTER(drb->bind, NULL);
	spin_lock_bh(&b->tx.q.lock);
	b->dead = true;
	drb->tx_count = b->tx_count;
	spin_unlock_bh(&b->tx.q.lock);
	spin_lock_bh(&b->rx.q.lock);
	b->dead = true;
	drb->win = b->win;
	spin_unlock_bh(&b->rx.q.lock);
	memcpy(drb->kup_fpr, b->kup_fpr, sizeof(drb->kup_fpr));
	drb->saved = true;
	drb_napi_del(b);
	drb_bind_put(b);
}

void parlos_drb_dev_gone(struct parlos_dev *pd)
{
	struct parlos_drb_bind *b, *tmp;

	ASSERT_RTNL();
	list_for_each_entry_safe(b, tmp, &pd->binds, dev_node)
		drb_retire(b);
}

static struct parlos_drb *ctx_drb(const struct parlos_ctx *ctx)
{
	return rcu_dereference_protected(ctx->drb,
					 lockdep_is_held(&ctx->lock));
}

void parlos_drb_unbind(struct parlos_ctx *ctx)
{
	struct parlos_drb_bind *b;
	struct parlos_drb *drb;

	/* Binding sets ctx->drb under ctx->lock: no need for RTNL if none. */
	mutex_lock(&ctx->lock);
	drb = ctx_drb(ctx);
	mutex_unlock(&ctx->lock);
	if (!drb)
		return;
	rtnl_lock();
	mutex_lock(&ctx->lock);
	drb = ctx_drb(ctx);
	if (drb) {
		b = rtnl_dereference(drb->bind);
		if (b)
			drb_retire(b);
		RCU_INIT_POINTER(ctx->drb, NULL);
	}
	mutex_unlock(&ctx->lock);
	rtnl_unlock();
	if (drb)
		kref_put(&drb->ref, drb_release);
}

static void drb_stats_sum(const struct parlos_drb *drb, u64 *sum)
{
	u64 v[PARLOS_DRB_NR_STATS];
	unsigned int start;
	int cpu, i;

	memset(sum, 0, PARLOS_DRB_NR_STATS * sizeof(*sum));
	if (!drb)
		return;
	for_each_possible_cpu(cpu) {
		const struct parlos_drb_pcpu_stats *s =
			per_cpu_ptr(drb->stats, cpu);

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (i = 0; i < PARLOS_DRB_NR_STATS; i++)
				v[i] = u64_stats_read(&s->c[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < PARLOS_DRB_NR_STATS; i++)
			sum[i] += v[i];
	}
}

u64 parlos_drb_stat(const struct parlos_ctx *ctx, int id)
{
	u64 sum[PARLOS_DRB_NR_STATS];

	if (id < PARLOS_STAT_DRB_TX_PACKETS ||
	    id > PARLOS_STAT_DRB_RX_DROP_ERROR)
		return 0;
	drb_stats_sum(ctx_drb(ctx), sum);
	return sum[STAT(id)];
}

int parlos_drb_put_stats(struct sk_buff *skb, const struct parlos_ctx *ctx)
{
	u64 sum[PARLOS_DRB_NR_STATS];
	int i;

	drb_stats_sum(ctx_drb(ctx), sum);
	for (i = 0; i < PARLOS_DRB_NR_STATS; i++)
		if (nla_put_u64_64bit(skb, PARLOS_STAT_DRB_TX_PACKETS + i,
				      sum[i], PARLOS_STAT_PAD))
			return -EMSGSIZE;
	return 0;
}

int parlos_drb_put_binding(struct sk_buff *skb, const struct parlos_ctx *ctx)
{
	const struct parlos_drb *drb = ctx_drb(ctx);
	const struct parlos_drb_bind *b;
	const struct parlos_dev *pd;
	struct nlattr *nest;
	int err = -EMSGSIZE;

	if (!drb)
		return 0;
	rcu_read_lock();
	b = rcu_dereference(drb->bind);
	pd = b ? rcu_dereference(b->pd) : NULL;
	if (!pd) {
		rcu_read_unlock();
		return 0;
	}
	nest = nla_nest_start(skb, PARLOS_A_DRB);
	if (!nest ||
	    nla_put_u32(skb, PARLOS_A_IFINDEX, pd->dev->ifindex) ||
	    nla_put_in_addr(skb, PARLOS_A_UE_ADDR, b->ue_addr) ||
	    nla_put_in_addr(skb, PARLOS_A_PEER_ADDR, b->peer_addr) ||
	    nla_put_u16(skb, PARLOS_A_PEER_PORT, ntohs(b->peer_port)) ||
	    nla_put_u16(skb, PARLOS_A_UE_ID, b->ue_id) ||
	    nla_put_u8(skb, PARLOS_A_RB_ID, PARLOS_DRB_RB_ID) ||
	    nla_put_u8(skb, PARLOS_A_SN_LEN, b->sn_bits) ||
	    nla_put_u8(skb, PARLOS_A_INTEGRITY, !!b->eia) ||
	    nla_put_u64_64bit(skb, PARLOS_A_TX_COUNT, READ_ONCE(b->tx_count),
			      PARLOS_A_PAD) ||
	    nla_put_u64_64bit(skb, PARLOS_A_RX_COUNT, READ_ONCE(b->win.next),
			      PARLOS_A_PAD))
		goto out;
	nla_nest_end(skb, nest);
	err = 0;
out:
	rcu_read_unlock();
	return err;
}

/* Transforms are made before taking locks: they may load modules. */
static struct parlos_drb_bind *drb_bind_alloc(const struct parlos_drb_params *p,
					      struct netlink_ext_ack *extack)
{
	struct parlos_drb_bind *b;
	int err = -ENOMEM;

	b = kzalloc(sizeof(*b), GFP_KERNEL_ACCOUNT);
	if (!b)
		return ERR_PTR(-ENOMEM);
	atomic_inc(&drb_live);
	refcount_set(&b->ref, 1);
	INIT_LIST_HEAD(&b->dev_node);
	INIT_RCU_WORK(&b->free_work, drb_bind_free_work);
	skb_queue_head_init(&b->tx.q);
	skb_queue_head_init(&b->rx.q);
	skb_queue_head_init(&b->napi_q);
	if (dst_cache_init(&b->dst_cache, GFP_KERNEL_ACCOUNT))
		goto err;
	if (p->eea) {
		b->eea = crypto_alloc_skcipher(eea_names[p->eea], 0, 0);
		if (IS_ERR(b->eea)) {
			err = PTR_ERR(b->eea);
			b->eea = NULL;
			NL_SET_ERR_MSG(extack, "no transform for the AS ciphering algorithm");
			goto err;
		}
		b->eea_unpinned = parlos_tfm_unpin(crypto_skcipher_tfm(b->eea));
	}
	if (p->integrity) {
		b->eia = crypto_alloc_shash(eia_names[p->eia], 0, 0);
		if (IS_ERR(b->eia)) {
			err = PTR_ERR(b->eia);
			b->eia = NULL;
			NL_SET_ERR_MSG(extack, "no transform for the AS integrity algorithm");
			goto err;
		}
		b->eia_unpinned = parlos_tfm_unpin(crypto_shash_tfm(b->eia));
	}
	b->crypt_size = drb_req_size(b) + sizeof(struct scatterlist) +
			PARLOS_EPS_IV_SIZE;
	return b;

err:
	drb_bind_free(b);
	return ERR_PTR(err);
}

/* Still in the namespace's table: not being deleted. */
static bool ctx_linked(struct parlos_ctx *ctx)
{
	struct parlos_ctx *found = parlos_ctx_get(ctx->pn, ctx->id);

	parlos_ctx_put(found);
	return found == ctx;
}

static int drb_bind_keys(struct parlos_ctx *ctx, struct parlos_drb_bind *b,
			 const struct parlos_drb_params *p,
			 struct netlink_ext_ack *extack)
{
	int err;

	if (ctx->as_eea != p->eea || (p->integrity && ctx->as_eia != p->eia)) {
		NL_SET_ERR_MSG(extack, "the AS algorithms changed meanwhile: try again");
		return -EAGAIN;
	}
	if (!parlos_key_valid(ctx, PARLOS_KEY_KUPENC)) {
		NL_SET_ERR_MSG(extack, "no KUPenc: derive the AS keys first");
		return -ENOKEY;
	}
	if (p->integrity && !parlos_key_valid(ctx, PARLOS_KEY_KUPINT)) {
		NL_SET_ERR_MSG(extack, "no KUPint: derive the AS keys first");
		return -ENOKEY;
	}
	if (b->eea) {
		err = crypto_skcipher_setkey(b->eea, ctx->keys.kup_enc,
					     PARLOS_EPS_KEY_SIZE);
		if (err) {
			NL_SET_ERR_MSG(extack, "setting KUPenc failed");
			return err;
		}
	}
	if (b->eia) {
		err = crypto_shash_setkey(b->eia, ctx->keys.kup_int,
					  PARLOS_EPS_KEY_SIZE);
		if (err) {
			NL_SET_ERR_MSG(extack, "setting KUPint failed");
			return err;
		}
	}
	memcpy(b->kup_fpr, ctx->keys.fpr[PARLOS_KEY_KUPENC], PARLOS_FPR_LEN);
	return 0;
}

/* Under RTNL and ctx->lock. */
static int drb_bind_locked(struct parlos_ctx *ctx, struct parlos_dev *pd,
			   struct parlos_drb_bind *b,
			   const struct parlos_drb_params *p,
			   struct netlink_ext_ack *extack)
{
	struct parlos_drb *drb = ctx_drb(ctx), *fresh = NULL;
	struct parlos_framing f = {};
	int err;

	if (ctx->dead || !ctx_linked(ctx)) {
		NL_SET_ERR_MSG(extack, "context was deleted");
		return -ENOENT;
	}
	if (drb && rtnl_dereference(drb->bind)) {
		NL_SET_ERR_MSG(extack, "the context's DRB is bound already: unbind it first");
		return -EBUSY;
	}
	if (p->has_ue_id && ctx->has_ue_id && p->ue_id != ctx->ue_id) {
		NL_SET_ERR_MSG(extack, "UE id differs from the context's");
		return -EINVAL;
	}
	if (!p->has_ue_id && !ctx->has_ue_id) {
		NL_SET_ERR_MSG(extack, "no UE id: give one, or set the context's");
		return -EINVAL;
	}
	err = drb_bind_keys(ctx, b, p, extack);
	if (err)
		return err;

	b->ue_addr = p->ue_addr;
	b->ue_id = p->has_ue_id ? p->ue_id : ctx->ue_id;
	b->peer_addr = p->peer_addr;
	b->peer_port = p->peer_port;
	b->sn_bits = p->sn_bits;
	b->hdr_len = parlos_pdcp_up_hdr_len(p->sn_bits);
	b->tx_cfg = (struct parlos_pdcp_up_cfg){
		.sn_bits = p->sn_bits, .bearer = DRB_BEARER,
		.dir = parlos_ctx_tx_dir(ctx), .eia = b->eia,
	};
	b->rx_cfg = b->tx_cfg;
	b->rx_cfg.dir = parlos_ctx_rx_dir(ctx);
	f.plane = PARLOS_FRAMING_PLANE_UP;
	f.sn_len = p->sn_bits;
	f.has = PARLOS_FRAMING_HAS_DIR | PARLOS_FRAMING_HAS_UE_ID |
		PARLOS_FRAMING_HAS_CHAN_ID;
	f.dir = b->tx_cfg.dir;
	f.ue_id = b->ue_id;
	f.chan_id = PARLOS_DRB_RB_ID;
	err = parlos_framing_build(&f, b->framing, sizeof(b->framing));
	if (err < 0)
		return err;
	b->framing_len = err;

	if (!drb) {
		fresh = drb_alloc();
		if (!fresh)
			return -ENOMEM;
		drb = fresh;
	}
	/* The same key resumes the COUNTs: a keystream is never reused. */
	if (drb->saved && !memcmp(drb->kup_fpr, b->kup_fpr, PARLOS_FPR_LEN)) {
		b->tx_count = drb->tx_count;
		b->win = drb->win;
	}
	kref_get(&ctx->ref);
	b->ctx = ctx;
	kref_get(&drb->ref);
	b->drb = drb;
	RCU_INIT_POINTER(b->pd, pd);
	netif_napi_add(pd->dev, &b->napi, drb_poll);
	napi_enable(&b->napi);
	b->napi_added = true;
	/* Published from here: every field above is set. */
	err = parlos_dev_attach(pd, b, extack);
	if (err) {
		drb_napi_del(b);
		if (fresh)
			kref_put(&fresh->ref, drb_release);
		return err;
	}
	rcu_assign_pointer(drb->bind, b);
	if (fresh)
		rcu_assign_pointer(ctx->drb, fresh);
	/* The keylog names the UE id the framing carries. */
	ctx->has_ue_id = true;
	ctx->ue_id = b->ue_id;
	/* The algorithms are in use: they may no longer change. */
	ctx->algs_used = true;
	return 0;
}

const struct nla_policy parlos_drb_bind_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
	[PARLOS_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[PARLOS_A_UE_ADDR] = { .type = NLA_BE32 },
	[PARLOS_A_PEER_ADDR] = { .type = NLA_BE32 },
	[PARLOS_A_PEER_PORT] = NLA_POLICY_MIN(NLA_U16, 1),
	[PARLOS_A_UE_ID] = { .type = NLA_U16 },
	[PARLOS_A_SN_LEN] = NLA_POLICY_RANGE(NLA_U8, 12, 18),
	[PARLOS_A_INTEGRITY] = NLA_POLICY_MAX(NLA_U8, 1),
};

const struct nla_policy parlos_drb_unbind_policy[PARLOS_A_MAX + 1] = {
	[PARLOS_A_CTX_ID] = { .type = NLA_U32 },
};

static bool unicast_addr(__be32 a)
{
	return !ipv4_is_zeronet(a) && !ipv4_is_multicast(a) &&
	       !ipv4_is_lbcast(a);
}

static int drb_params_get(struct genl_info *info, struct parlos_drb_params *p)
{
	struct nlattr **a = info->attrs;

	if (!parlos_nl_need(info, PARLOS_A_IFINDEX, "missing device ifindex") ||
	    !parlos_nl_need(info, PARLOS_A_UE_ADDR, "missing UE address") ||
	    !parlos_nl_need(info, PARLOS_A_PEER_ADDR, "missing peer address") ||
	    !parlos_nl_need(info, PARLOS_A_PEER_PORT, "missing peer port"))
		return -EINVAL;
	p->ifindex = nla_get_u32(a[PARLOS_A_IFINDEX]);
	p->ue_addr = nla_get_in_addr(a[PARLOS_A_UE_ADDR]);
	p->peer_addr = nla_get_in_addr(a[PARLOS_A_PEER_ADDR]);
	p->peer_port = htons(nla_get_u16(a[PARLOS_A_PEER_PORT]));
	if (!unicast_addr(p->ue_addr)) {
		NL_SET_ERR_MSG_ATTR(info->extack, a[PARLOS_A_UE_ADDR],
				    "UE address must be a unicast address");
		return -EINVAL;
	}
	if (!unicast_addr(p->peer_addr)) {
		NL_SET_ERR_MSG_ATTR(info->extack, a[PARLOS_A_PEER_ADDR],
				    "peer address must be a unicast address");
		return -EINVAL;
	}
	p->sn_bits = a[PARLOS_A_SN_LEN] ? nla_get_u8(a[PARLOS_A_SN_LEN]) :
		     PARLOS_DRB_SN_BITS_DEFAULT;
	if (p->sn_bits != 12 && p->sn_bits != 18) {
		NL_SET_ERR_MSG_ATTR(info->extack, a[PARLOS_A_SN_LEN],
				    "SN length must be 12 or 18");
		return -EINVAL;
	}
	p->integrity = a[PARLOS_A_INTEGRITY] &&
		       nla_get_u8(a[PARLOS_A_INTEGRITY]);
	p->has_ue_id = !!a[PARLOS_A_UE_ID];
	if (p->has_ue_id)
		p->ue_id = nla_get_u16(a[PARLOS_A_UE_ID]);
	return 0;
}

/* The context's AS algorithms, which the transforms are made for. */
static int drb_params_algs(struct parlos_ctx *ctx, struct parlos_drb_params *p,
			   struct netlink_ext_ack *extack)
{
	int err = 0;

	mutex_lock(&ctx->lock);
	p->eea = ctx->as_eea;
	p->eia = ctx->as_eia;
	if (ctx->dead) {
		NL_SET_ERR_MSG(extack, "context was deleted");
		err = -ENOENT;
	} else if (p->eea == PARLOS_ALG_UNSET ||
		   (p->integrity && p->eia == PARLOS_ALG_UNSET)) {
		NL_SET_ERR_MSG(extack, "AS algorithms not selected");
		err = -ENOKEY;
	} else if (p->eea >= ARRAY_SIZE(eea_names) ||
		   p->eia >= ARRAY_SIZE(eia_names)) {
		NL_SET_ERR_MSG(extack, "unknown AS algorithm");
		err = -EINVAL;
	} else if (p->integrity && !p->eia) {
		NL_SET_ERR_MSG(extack, "DRB integrity needs EIA1, EIA2 or EIA3");
		err = -EINVAL;
	}
	mutex_unlock(&ctx->lock);
	return err;
}

int parlos_drb_bind(struct net *net, struct parlos_ctx *ctx,
		    const struct parlos_drb_params *params,
		    struct netlink_ext_ack *extack)
{
	struct parlos_drb_params p = *params;
	struct parlos_drb_bind *b;
	struct parlos_dev *pd;
	int err;

	err = drb_params_algs(ctx, &p, extack);
	if (err)
		return err;
	b = drb_bind_alloc(&p, extack);
	if (IS_ERR(b))
		return PTR_ERR(b);
	rtnl_lock();
	pd = parlos_dev_find(net, p.ifindex);
	if (!pd) {
		NL_SET_ERR_MSG(extack, "no parlos device with this ifindex");
		err = -ENODEV;
	} else {
		mutex_lock(&ctx->lock);
		err = drb_bind_locked(ctx, pd, b, &p, extack);
		mutex_unlock(&ctx->lock);
	}
	rtnl_unlock();
	if (err)
		drb_bind_put(b);
	return err;
}

int parlos_drb_cmd_bind(struct sk_buff *skb, struct genl_info *info)
{
	struct parlos_drb_params p = {};
	struct parlos_ctx *ctx;
	int err;

	err = drb_params_get(info, &p);
	if (err)
		return err;
	ctx = parlos_nl_ctx(info);
	if (!ctx)
		return -ENOENT;
	err = parlos_drb_bind(genl_info_net(info), ctx, &p, info->extack);
	parlos_ctx_put(ctx);
	return err;
}

int parlos_drb_unbind_ctx(struct parlos_ctx *ctx,
			  struct netlink_ext_ack *extack)
{
	struct parlos_drb_bind *b = NULL;
	struct parlos_drb *drb;
	int err = 0;

	rtnl_lock();
	mutex_lock(&ctx->lock);
	drb = ctx_drb(ctx);
	if (drb)
		b = rtnl_dereference(drb->bind);
	if (ctx->dead) {
		NL_SET_ERR_MSG(extack, "context was deleted");
		err = -ENOENT;
	} else if (!b) {
		NL_SET_ERR_MSG(extack, "the context's DRB is not bound");
		err = -ENOENT;
	} else {
		drb_retire(b);
	}
	mutex_unlock(&ctx->lock);
	rtnl_unlock();
	return err;
}

int parlos_drb_cmd_unbind(struct sk_buff *skb, struct genl_info *info)
{
	struct parlos_ctx *ctx;
	int err;

	ctx = parlos_nl_ctx(info);
	if (!ctx)
		return -ENOENT;
	err = parlos_drb_unbind_ctx(ctx, info->extack);
	parlos_ctx_put(ctx);
	return err;
}

int parlos_drb_init(void)
{
	drb_wq = alloc_workqueue("parlos_drb", 0, 0);
	return drb_wq ? 0 : -ENOMEM;
}

/* After the devices and contexts: waits for packets still in flight. */
void parlos_drb_exit(void)
{
	wait_var_event(&drb_live, !atomic_read(&drb_live));
	destroy_workqueue(drb_wq);
}
