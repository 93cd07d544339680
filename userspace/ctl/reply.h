/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parlosctl: the kernel's replies and events, parsed against a policy
 * into plain structs. A reply that lacks a required attribute or has one
 * of the wrong length fails with -EPROTO and a message in the pnl_err;
 * attributes and nested types this version does not know are skipped.
 */
#ifndef PARLOSCTL_REPLY_H
#define PARLOSCTL_REPLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parlos.h"
#include "pnl.h"

struct ctl_fprs {
	uint32_t have;			/* bit per enum parlos_key */
	uint8_t v[PARLOS_KEY_MAX + 1][PARLOS_FPR_LEN];
};

struct ctl_stats {
	uint64_t have;			/* bit per enum parlos_stat */
	uint64_t v[PARLOS_STAT_MAX + 1];
};

/* ctl_ctx.have: the optional parts of the context tree present */
enum {
	CTL_CTX_LABEL = 1 << 0,
	CTL_CTX_UE_ID = 1 << 1,
	CTL_CTX_PROFILE = 1 << 2,
	CTL_CTX_NAS_EEA = 1 << 3,
	CTL_CTX_NAS_EIA = 1 << 4,
	CTL_CTX_AS_EEA = 1 << 5,
	CTL_CTX_AS_EIA = 1 << 6,
	CTL_CTX_UL_COUNT = 1 << 7,
	CTL_CTX_DL_COUNT = 1 << 8,
	CTL_CTX_FPR = 1 << 9,
	CTL_CTX_STATS = 1 << 10,
};

/* The context tree; id, role and state are required. */
struct ctl_ctx {
	uint32_t have;
	uint32_t id;
	uint8_t role, state, profile;
	uint8_t nas_eea, nas_eia, as_eea, as_eia;
	uint16_t ue_id;
	uint32_t ul_count, dl_count;
	size_t label_len;
	uint8_t label[PARLOS_LABEL_MAX];
	struct ctl_fprs fpr;
	struct ctl_stats stats;
};

/* PARLOS_CMD_KEYGEN */
struct ctl_pubkey {
	uint8_t profile;
	size_t len;			/* matches the profile */
	uint8_t key[PARLOS_PUBKEY_B_LEN];
};

/* PARLOS_CMD_WRAP */
struct ctl_blob {
	bool has_id;
	uint32_t id;
	size_t len;
	uint8_t blob[PARLOS_BLOB_B_LEN];
	bool has_fpr;
	struct ctl_fprs fpr;
};

/* PARLOS_CMD_{NAS,SRB}_{UN,}PROTECT */
struct ctl_pdu {
	size_t len;
	uint8_t pdu[PARLOS_PDU_MAX];
	uint32_t count;
	bool has_sec_hdr;
	uint8_t sec_hdr;
};

/* ctl_event.have */
enum {
	CTL_EV_ROLE = 1 << 0,
	CTL_EV_LABEL = 1 << 1,
	CTL_EV_LAYER = 1 << 2,
	CTL_EV_RB = 1 << 3,
	CTL_EV_COUNT = 1 << 4,
};

/* A multicast event; cmd is any PARLOS_CMD_EV_* or unknown. */
struct ctl_event {
	uint8_t cmd;
	uint32_t have;
	uint32_t id;
	uint8_t role, layer, rb;
	uint32_t count;
	size_t label_len;
	uint8_t label[PARLOS_LABEL_MAX];
};

int ctl_parse_ctx(struct nlmsghdr *nlh, struct ctl_ctx *c, struct pnl_err *e);
/* want_profile: the profile asked for; the reply must agree. */
int ctl_parse_pubkey(struct nlmsghdr *nlh, uint8_t want_profile,
		     struct ctl_pubkey *k, struct pnl_err *e);
int ctl_parse_blob(struct nlmsghdr *nlh, struct ctl_blob *b,
		   struct pnl_err *e);
/* want_sec_hdr: NAS unprotect replies carry the security header type. */
int ctl_parse_pdu(struct nlmsghdr *nlh, bool want_sec_hdr, struct ctl_pdu *p,
		  struct pnl_err *e);
/* PARLOS_CMD_STATS_GET: the PARLOS_A_STATS nest */
int ctl_parse_stats(struct nlmsghdr *nlh, struct ctl_stats *s,
		    struct pnl_err *e);
/* PARLOS_CMD_KENB_EXPORT: the caller wipes key */
int ctl_parse_kenb(struct nlmsghdr *nlh, uint8_t key[PARLOS_KENB_LEN],
		   struct pnl_err *e);
/* PARLOS_CMD_KEYLOG_GET: *text points into the message */
int ctl_parse_keylog(struct nlmsghdr *nlh, const char **text,
		     struct pnl_err *e);
int ctl_parse_event(struct nlmsghdr *nlh, struct ctl_event *ev,
		    struct pnl_err *e);

/* Longest keylog text accepted */
#define CTL_KEYLOG_MAX	65536

#endif
