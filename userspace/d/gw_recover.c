// SPDX-License-Identifier: GPL-2.0
/*
 * A restarted gateway takes its MEs back from the kernel: one CTX_GET
 * dump, each network context with a gateway label (gw_label.h) looked
 * at once. What a label cannot vouch for is deleted, never guessed at:
 * the ME retransmits and is served afresh.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "gateway.h"
#include "log.h"

struct rec {
	struct gw *g;
	struct gw_recovered *r;
};

static void ctx_delete(struct gw *g, uint32_t id, const char *label,
		       const char *why)
{
	struct kern_err e;

	log_info("recovery: context %u \"%s\": %s: deleted", id, label, why);
	if (kern_ctx_del(g->env->kern, id, &e) && e.err != -ENOENT)
		log_warn("recovery: deleting context %u: %s", id,
			 kern_strerror(&e));
}

/* Takes the UE id and the address back; a clash means a broken state */
static const char *reserve(struct gw *g, const struct gw_label *l,
			   const struct kern_ctx_info *info, bool *in_pool)
{
	uint32_t first = g->pool.first;

	*in_pool = false;
	if (!info->has_ue_id || !info->ue_id)
		return "no UE id";
	if (gw_find(g, &l->addr))
		return "a second context for the same ME";
	if (ida_take(&g->ueids.ida, info->ue_id))
		return "UE id taken by another ME";
	if (l->ipv4 >= first && l->ipv4 - first < pool_size(&g->pool)) {
		if (ida_take(&g->pool.ida, l->ipv4 - first)) {
			ueid_release(&g->ueids, info->ue_id);
			return "address taken by another ME";
		}
		*in_pool = true;
	}
	return NULL;
}

static int recover_one(const struct kern_ctx_info *info, void *arg)
{
	struct rec *rc = arg;
	struct gw *g = rc->g;
	struct gw_label l;
	struct gw_ue *ue;
	const char *why;
	bool in_pool;

	if (info->role != PARLOS_ROLE_NETWORK ||
	    gw_label_parse(info->label, &l)) {
		rc->r->foreign++;
		return 0;
	}
	if (l.state == GWL_SMC) {
		ctx_delete(g, info->id, info->label,
			   "security mode commands unfinished");
		rc->r->deleted++;
		return 0;
	}
	why = reserve(g, &l, info, &in_pool);
	if (why) {
		ctx_delete(g, info->id, info->label, why);
		rc->r->conflicts++;
		return 0;
	}
	if (!in_pool)
		log_warn("recovery: context %u \"%s\": address outside the "
			 "pool: kept, not reserved", info->id, info->label);
	ue = gw_ue_adopt(g, &l, info, l.state == GWL_ATTACHED ?
			 GW_ATTACHED : GW_ACCEPT_SENT);
	if (!ue)
		return -ENOMEM;
	if (l.state == GWL_ACCEPT) {
		rc->r->completing++;
		gw_ue_resume(ue);	/* may abort it: it logs why */
		return 0;
	}
	rc->r->attached++;
	gw_ue_bind(ue);
	rc->r->bound += ue->bound;
	return 0;
}

int gw_recover(struct gw *g, struct gw_recovered *r)
{
	struct rec rc = { g, r };
	struct kern_err e;
	int err;

	memset(r, 0, sizeof(*r));
	err = kern_ctx_dump(g->env->kern, recover_one, &rc, &e);
	if (err) {
		log_err("recovery: cannot list the kernel's contexts: %s",
			kern_strerror(&e));
		return err;
	}
	if (!r->attached && !r->completing && !r->deleted && !r->conflicts)
		return 0;
	log_info("recovered from the kernel: %u attached (%u bound), "
			 "%u completing (ATTACH ACCEPT again), %u half-done "
			 "deleted, %u conflicting deleted, %u others left "
			 "alone", r->attached, r->bound, r->completing,
			 r->deleted, r->conflicts, r->foreign);
	return 0;
}
