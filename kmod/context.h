/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Security contexts: one per ME, held by the ME itself or by a gateway
 * for each ME it serves. Contexts live in a per-namespace rhashtable,
 * found under RCU and kept alive by a kref.
 */
#ifndef PARLOS_CONTEXT_H
#define PARLOS_CONTEXT_H

#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/rhashtable-types.h>
#include <linux/types.h>

#include "uapi/parlos.h"

#define PARLOS_ALG_UNSET	0xff
#define PARLOS_NAS_COUNT_MAX	0xffffff	/* overflow (16) | SQN (8) */
#define PARLOS_SRB_COUNT_MAX	U32_MAX		/* HFN (27) | SN (5) */
#define PARLOS_NR_SRB		2

struct netlink_ext_ack;
struct parlos_drb;
struct parlos_net;

/* The EPS key hierarchy of one context; valid bits say what is set. */
struct parlos_keys {
	u32 valid;			/* BIT(enum parlos_key) */
	u8 kasme[32];
	u8 knas_enc[16];
	u8 knas_int[16];
	u8 kenb[32];
	u8 krrc_enc[16];
	u8 krrc_int[16];
	u8 kup_enc[16];
	u8 kup_int[16];
	u8 me_priv[32];			/* ME: the ECIES private key */
	u8 fpr[PARLOS_KEY_MAX + 1][PARLOS_FPR_LEN];
};

/* PDCP state of one SRB: COUNT = HFN | SN in each direction. */
struct parlos_srb {
	u32 tx_count;
	u32 rx_hfn;
	u8 rx_next_sn;
};

/* Control-plane counters, updated under ctx->lock. */
struct parlos_ctx_stats {
	u64 nas_tx, nas_rx, nas_mac_fail, nas_replay, nas_malformed;
	u64 srb_tx, srb_rx, srb_mac_fail, srb_malformed;
};

struct parlos_ctx {
	struct rhash_head node;		/* parlos_net.ctxs, by id */
	struct rhash_head label_node;	/* parlos_net.labels, if labelled */
	struct kref ref;
	struct rcu_head rcu;
	struct parlos_net *pn;
	u32 id;
	u8 role;
	u8 state;
	u8 profile;
	u8 nas_eea, nas_eia, as_eea, as_eia;
	bool nas_algs_used;		/* a NAS message used the NAS algs */
	bool algs_used;			/* an SRB or DRB used the AS algs */
	bool has_ue_id;
	bool dead;			/* deleted: every operation fails */
	u16 ue_id;
	u8 label_len;
	u8 label[PARLOS_LABEL_MAX];

	/* Serializes control operations on keys and COUNTs. */
	struct mutex lock;
	u32 nas_tx_count;		/* next COUNT to send */
	u32 nas_rx_next;		/* lowest COUNT still acceptable */
	bool nas_wrap_signalled;
	struct parlos_srb srb[PARLOS_NR_SRB];
	struct parlos_ctx_stats stats;
	struct parlos_keys keys;
	struct parlos_drb __rcu *drb;	/* user plane, once bound */
};

/* Direction bit of what this context sends (TS 33.401: 0 = uplink). */
static inline u8 parlos_ctx_tx_dir(const struct parlos_ctx *ctx)
{
	return ctx->role == PARLOS_ROLE_ME ? 0 : 1;
}

static inline u8 parlos_ctx_rx_dir(const struct parlos_ctx *ctx)
{
	return parlos_ctx_tx_dir(ctx) ^ 1;
}

static inline bool parlos_key_valid(const struct parlos_ctx *ctx,
				    enum parlos_key k)
{
	return ctx->keys.valid & BIT(k);
}

struct parlos_ctx_params {
	u8 role;
	const u8 *label;
	u8 label_len;
	bool has_ue_id;
	u16 ue_id;
	u8 nas_eea, nas_eia, as_eea, as_eia;
};

struct parlos_ctx *parlos_ctx_create(struct parlos_net *pn,
				     const struct parlos_ctx_params *p,
				     struct netlink_ext_ack *extack);
int parlos_ctx_delete(struct parlos_net *pn, u32 id,
		      struct netlink_ext_ack *extack);
struct parlos_ctx *parlos_ctx_get(struct parlos_net *pn, u32 id);
struct parlos_ctx *parlos_ctx_get_by_label(struct parlos_net *pn,
					   const u8 *label, u8 len);
void parlos_ctx_put(struct parlos_ctx *ctx);
int parlos_ctx_set_label(struct parlos_ctx *ctx, const u8 *label, u8 len,
			 struct netlink_ext_ack *extack);
int parlos_ctx_tables_init(struct parlos_net *pn);
void parlos_ctx_tables_exit(struct parlos_net *pn);

unsigned int parlos_ctx_obj_size(void);
int parlos_ctx_cache_init(void);
void parlos_ctx_cache_exit(void);

extern unsigned int parlos_max_contexts;
#if IS_ENABLED(CONFIG_PARLOS_KUNIT_TEST)
extern void (*parlos_ctx_free_hook)(const void *obj, size_t size);
#endif

#endif /* PARLOS_CONTEXT_H */
