/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ME role: one attach, driven by what the gateway sends and by
 * T3410.
 *
 *   start --> WAIT_SMC --(NAS SMC verified)--> WAIT_AS_SMC
 *     --(RRC securityModeCommand verified)--> WAIT_ACCEPT
 *     --(ATTACH ACCEPT)--> ATTACHED;  ATTACH REJECT or T3410 used up
 *     --> FAILED
 *
 * The struct holds one ME, so a process can run many: the daemon runs
 * one, the load generator (loadgen.h) thousands.
 */
#ifndef PARLOSD_ME_H
#define PARLOSD_ME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "me_cred.h"
#include "nas.h"
#include "parlos.h"
#include "timer.h"
#include "wire.h"

enum me_state {
	ME_IDLE,
	ME_WAIT_SMC,
	ME_WAIT_AS_SMC,
	ME_WAIT_ACCEPT,
	ME_ATTACHED,
	ME_FAILED,
};

struct me;
typedef void (*me_done_fn)(struct me *me);

struct me {
	struct d_env *env;
	struct sockaddr_in gw;
	char imei[NAS_MAX_DIGITS + 1];
	enum me_state state;
	bool have_ctx;
	uint32_t ctx;
	bool keypair;
	uint8_t pub[PARLOS_PUBKEY_B_LEN];
	size_t pub_len;
	uint8_t pub_hash[NAS_PARLOS_HASH_LEN];	/* 0x7B we expect */
	bool kasme;			/* KASMEtemp installed from blob */
	uint8_t blob[PARLOS_BLOB_B_LEN];
	size_t blob_len;
	uint8_t eea, eia;		/* set in the context: NAS and AS */
	bool algs_set;
	bool nas_ok;			/* an SMC verified: keys in use */
	struct nas_ue_net_cap cap;
	uint8_t req[WIRE_MAX];		/* the ATTACH REQUEST sent */
	size_t req_len;
	bool have_tag;			/* the UE-id tag last received */
	uint16_t tag;
	bool have_guti;
	uint16_t ue_id;			/* from the GUTI */
	uint32_t ipv4;			/* host order */
	uint8_t ebi, pti;
	struct timer t3410;
	unsigned int sent;		/* ATTACH REQUEST transmissions */
	unsigned int again;		/* answers to repeated commands */
	bool up_bound, up_addr;		/* --dev: bound, address put */
	struct me_cred cr;		/* 0x7E checks, pin, 0x7F */
	int exit_code;
	me_done_fn done;		/* attached or failed */
};

int me_init(struct me *me, struct d_env *env, const char *imei,
	    me_done_fn done);
/* Sends the ATTACH REQUEST; -errno if the kernel refused the first steps */
int me_start(struct me *me);
void me_input(struct me *me, const struct sockaddr_in *from,
	      const uint8_t *buf, size_t len);
/* Stops the timer; deletes the context unless keep */
void me_shutdown(struct me *me, bool keep);
const char *me_state_name(enum me_state s);

#endif
