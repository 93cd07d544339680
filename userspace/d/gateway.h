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
 */
#ifndef PARLOSD_GATEWAY_H
#define PARLOSD_GATEWAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "gw_cred.h"
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
};

struct gw_stats {
	uint64_t attached, rejected, aborted, dropped;
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
struct gw_ue *gw_find(struct gw *g, const struct sockaddr_in *addr);
const char *gw_state_name(enum gw_state s);

#endif
