/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The user plane: DRB1 of a context bound to a parlos device.
 *
 * A context's DRB state (struct parlos_drb, ctx->drb) lives as long as
 * the context: counters, and the COUNTs a binding left behind so that
 * binding again with the same KUPenc resumes them. A binding (struct
 * parlos_drb_bind) ties it to a device with its transforms, peer and
 * queues; packets in flight hold references on it, so unbinding, context
 * deletion or device deletion never wait for a crypto engine: the last
 * packet to finish frees it.
 */
#ifndef PARLOS_DRB_H
#define PARLOS_DRB_H

#include <linux/kref.h>
#include <linux/refcount.h>
#include <linux/rhashtable-types.h>
#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <net/dst_cache.h>
#include <net/genetlink.h>

#include "framing.h"
#include "pdcp_up.h"
#include "uapi/parlos.h"

struct crypto_skcipher;
struct parlos_ctx;
struct parlos_dev;

/* PARLOS_STAT_DRB_TX_PACKETS .. PARLOS_STAT_DRB_RX_DROP_ERROR */
#define PARLOS_DRB_NR_STATS \
	(PARLOS_STAT_DRB_RX_DROP_ERROR - PARLOS_STAT_DRB_TX_PACKETS + 1)

struct parlos_drb_pcpu_stats {
	u64_stats_t c[PARLOS_DRB_NR_STATS];
	struct u64_stats_sync syncp;
};

/* One context's user plane, ctx->drb; changed under RTNL. */
struct parlos_drb {
	struct kref ref;		/* ctx->drb and each binding */
	struct parlos_drb_pcpu_stats __percpu *stats;
	struct parlos_drb_bind __rcu *bind;	/* the binding, if bound */
	/* Left by the last binding, for the next one with the same key */
	bool saved;
	u8 kup_fpr[PARLOS_FPR_LEN];
	u64 tx_count;
	struct parlos_pdcp_rx_window win;
};

/* Packets of one direction in the order they must leave in. */
struct parlos_drb_queue {
	struct sk_buff_head q;		/* its lock guards this struct */
	bool draining;			/* someone is sending or delivering */
};

struct parlos_drb_bind {
	struct rhash_head addr_node;	/* pd->by_addr (network role) */
	struct rhash_head ue_id_node;	/* pd->by_ue_id (network role) */
	struct list_head dev_node;	/* pd->binds, under RTNL */
	__be32 ue_addr;
	u16 ue_id;
	refcount_t ref;			/* being bound, each packet in flight */
	struct parlos_ctx *ctx;		/* referenced */
	struct parlos_drb *drb;		/* referenced */
	struct parlos_dev __rcu *pd;	/* NULL once unbound */
	struct crypto_skcipher *eea;	/* NULL for EEA0 */
	struct crypto_shash *eia;	/* NULL without integrity */
	bool eea_unpinned, eia_unpinned;	/* see parlos_tfm_unpin() */
	unsigned int crypt_size;	/* per-packet request memory */
	struct parlos_pdcp_up_cfg tx_cfg, rx_cfg;
	struct dst_cache dst_cache;
	__be32 peer_addr;
	__be16 peer_port;
	u8 sn_bits;
	u8 hdr_len;
	u8 framing_len;
	u8 framing[PARLOS_FRAMING_UP_LEN];
	u8 kup_fpr[PARLOS_FPR_LEN];
	bool dead;			/* set under both queue locks */
	bool wrap_signalled;
	unsigned long ev_next;		/* event rate limit, jiffies */
	struct parlos_drb_queue tx;
	u64 tx_count;			/* next COUNT to send, tx.q.lock */
	struct parlos_drb_queue rx;
	struct parlos_pdcp_rx_window win;	/* rx.q.lock */
	/* Deciphered packets go up in order through one NAPI context. */
	struct napi_struct napi;
	struct sk_buff_head napi_q;
	bool napi_added;
	struct rcu_work free_work;
};

#define PARLOS_DRB_SN_BITS_DEFAULT	12

/* What a binding asks for. */
struct parlos_drb_params {
	int ifindex;
	__be32 ue_addr, peer_addr;
	__be16 peer_port;
	bool has_ue_id;
	u16 ue_id;
	u8 sn_bits;			/* 12 or 18 */
	bool integrity;
	u8 eea, eia;		/* the context's, when the transforms were made */
};

/* Binds DRB1 of ctx to the parlos device p->ifindex of net. */
int parlos_drb_bind(struct net *net, struct parlos_ctx *ctx,
		    const struct parlos_drb_params *p,
		    struct netlink_ext_ack *extack);
int parlos_drb_unbind_ctx(struct parlos_ctx *ctx,
			  struct netlink_ext_ack *extack);

/* Data path, called by the device (under RCU, BH disabled). */
netdev_tx_t parlos_drb_xmit(struct parlos_dev *pd, struct sk_buff *skb);
/* skb->data at the UDP header; consumes skb. */
void parlos_drb_rcv(struct parlos_dev *pd, struct sk_buff *skb);
/* Under RTNL: the device goes away; ends its bindings. */
void parlos_drb_dev_gone(struct parlos_dev *pd);

/* Context deletion: ends the binding and frees the DRB state. */
void parlos_drb_unbind(struct parlos_ctx *ctx);
/* A counter (PARLOS_STAT_DRB_*) of ctx's DRB; under ctx->lock. */
u64 parlos_drb_stat(const struct parlos_ctx *ctx, int id);
/* Under ctx->lock, for the context tree. */
int parlos_drb_put_stats(struct sk_buff *skb, const struct parlos_ctx *ctx);
int parlos_drb_put_binding(struct sk_buff *skb, const struct parlos_ctx *ctx);

int parlos_drb_init(void);
void parlos_drb_exit(void);

/* Handlers and policies of netlink.c's DRB_BIND and DRB_UNBIND. */
int parlos_drb_cmd_bind(struct sk_buff *skb, struct genl_info *info);
int parlos_drb_cmd_unbind(struct sk_buff *skb, struct genl_info *info);
extern const struct nla_policy parlos_drb_bind_policy[PARLOS_A_MAX + 1];
extern const struct nla_policy parlos_drb_unbind_policy[PARLOS_A_MAX + 1];

#endif /* PARLOS_DRB_H */
