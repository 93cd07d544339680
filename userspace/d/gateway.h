/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gateway role (MME and eNB together): one state machine and one
 * kernel context per ME, found by the ME's source address and port.
 *
 *   ATTACH REQUEST --> SMC_SENT --(SMC COMPLETE)--> AS_SMC_SENT
 *     --(RRC securityModeComplete)--> ACCEPT_SENT --(ATTACH COMPLETE)-->
 *     ATTACHED
 *
 * T3460 guards the NAS and the AS security mode commands, T3450 the
 * ATTACH ACCEPT; each retransmission is protected anew (fresh COUNT).
 * Each context's label (gw_label.h) follows the state, so a restarted
 * gateway takes its MEs back from the kernel (gw_recover()).
 */
#ifndef PARLOSD_GATEWAY_H
#define PARLOSD_GATEWAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "gw_cred.h"
#include "gw_label.h"
#include "nas.h"
#include "parlos.h"
#include "peers.h"
#include "pool.h"
#include "timer.h"
#include "wire.h"

enum gw_state {
	GW_SMC_SENT,
	GW_AS_SMC_SENT,
	GW_ACCEPT_SENT,
	GW_ATTACHED,
};

struct gw;

struct gw_ue {
	struct peer_node node;
	struct sockaddr_in addr;
	struct gw *gw;
	enum gw_state state;
	uint32_t ctx;
	uint16_t ue_id;
	uint32_t ipv4;			/* host order */
	char imei[NAS_MAX_DIGITS + 1];
	uint8_t eea, eia, profile, pti;
	struct nas_ue_net_cap cap;
	uint8_t blob[PARLOS_BLOB_B_LEN];
	size_t blob_len;
	uint8_t me_pub[PARLOS_PUBKEY_B_LEN];	/* 0x7A key */
	size_t me_pub_len;
	uint8_t key_hash[NAS_PARLOS_HASH_LEN];	/* 0x7B */
	struct gw_me_cred mcred;		/* 0x7C, for 0x7F */
	uint8_t req_md[32];		/* SHA-256 of the ATTACH REQUEST */
	struct timer timer;		/* T3460 or T3450 */
	unsigned int sent;		/* transmissions of the current message */
	bool bound;			/* --dev: DRB1 bound */
};

struct gw_stats {
	uint64_t attached, rejected, aborted, dropped;
	uint64_t retransmitted;		/* T3460 and T3450 expiries */
	uint64_t unbound;		/* attached, DRB1 binding refused */
};

/* What gw_recover() found in the kernel */
struct gw_recovered {
	unsigned int attached, bound, completing, deleted, conflicts;
	unsigned int foreign;
};

struct gw {
	struct d_env *env;
	struct peer_table peers;
	struct ip_pool pool;
	struct ueid_alloc ueids;
	struct gw_stats stats;
};

int gw_init(struct gw *g, struct d_env *env);
/* One datagram from an ME */
void gw_input(struct gw *g, const struct sockaddr_in *from,
	      const uint8_t *buf, size_t len);
/* Forgets every ME; deletes their contexts unless keep */
void gw_shutdown(struct gw *g, bool keep);
/*
 * At start: takes back the MEs of an earlier run from the kernel's
 * contexts (gw_recover.c). Attached ones are kept as they are (bound
 * now if --dev and not bound yet), ATTACH ACCEPT goes again to those
 * that had it, contexts of unfinished security mode commands are
 * deleted (the ME's T3410 brings a new ATTACH REQUEST, served afresh).
 * Contexts with other labels are left alone.
 */
int gw_recover(struct gw *g, struct gw_recovered *r);

/* For gw_recover.c: an ME in state s from its context; NULL if no memory */
struct gw_ue *gw_ue_adopt(struct gw *g, const struct gw_label *l,
			  const struct kern_ctx_info *info, enum gw_state s);
/* ACCEPT_SENT: ATTACH ACCEPT again (fresh COUNT) under T3450 */
void gw_ue_resume(struct gw_ue *ue);
/* ATTACHED: binds DRB1 if --dev and not bound */
void gw_ue_bind(struct gw_ue *ue);
struct gw_ue *gw_find(struct gw *g, const struct sockaddr_in *addr);
const char *gw_state_name(enum gw_state s);

#endif
