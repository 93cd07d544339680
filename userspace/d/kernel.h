/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What parlosd asks of the parlos kernel module. kernel.c implements it
 * over generic netlink (userspace/lib/pnl); the unit tests link a fake
 * with the same functions. Keys never pass here: only public keys, the
 * ECIES blob, PDUs and key fingerprints.
 *
 * Every call returns 0 or a negative errno (those of uapi/parlos.h:
 * EBADMSG bad MAC or ECIES tag, EALREADY replayed COUNT, ...), with the
 * kernel's extended-ack text, or a local one, in e->msg.
 */
#ifndef PARLOSD_KERNEL_H
#define PARLOSD_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parlos.h"

#define KERN_ALG_UNSET	0xff
#define KERN_ERR_MAX	256

struct kern;

struct kern_err {
	int err;
	char msg[KERN_ERR_MAX];
};

/* CTX_NEW and CTX_SET: what to set; KERN_ALG_UNSET/NULL/false: leave */
struct kern_ctx_params {
	uint8_t role;			/* CTX_NEW only */
	const char *label;
	bool has_ue_id;
	uint16_t ue_id;
	uint8_t nas_eea, nas_eia, as_eea, as_eia;
};

/*
 * DRB1 of a context bound to a parlos device (PARLOS_CMD_DRB_BIND):
 * addresses in network order, the peer's port in host order.
 */
struct kern_drb {
	uint32_t ifindex;
	uint32_t ue_addr;
	uint32_t peer_addr;
	uint16_t peer_port;
	uint16_t ue_id;
};

/* The context tree, as far as parlosd needs it */
struct kern_ctx_info {
	uint32_t id;
	uint8_t role, state, profile;
	uint8_t nas_eea, nas_eia, as_eea, as_eia;	/* KERN_ALG_UNSET */
	uint32_t ul_count, dl_count;
	bool has_ue_id;
	uint16_t ue_id;
	char label[PARLOS_LABEL_MAX + 1];
	uint32_t fpr_valid;			/* 1 << enum parlos_key */
	uint8_t fpr[PARLOS_KEY_MAX + 1][PARLOS_FPR_LEN];
	bool bound;				/* drb is the binding */
	struct kern_drb drb;
};

/* Called for each context of a dump; nonzero stops it and is returned */
typedef int (*kern_ctx_fn)(const struct kern_ctx_info *info, void *arg);

/* A PDU out of the kernel: p has cap bytes; count and sht as replied */
struct kern_pdu {
	uint8_t *p;
	size_t cap;
	size_t len;
	uint32_t count;
	uint8_t sht;
};

static inline void kern_params_init(struct kern_ctx_params *p)
{
	*p = (struct kern_ctx_params){
		.nas_eea = KERN_ALG_UNSET, .nas_eia = KERN_ALG_UNSET,
		.as_eea = KERN_ALG_UNSET, .as_eia = KERN_ALG_UNSET,
	};
}

int kern_open(struct kern **k, struct kern_err *e);
void kern_close(struct kern *k);

int kern_ctx_new(struct kern *k, const struct kern_ctx_params *p,
		 uint32_t *id, struct kern_err *e);
int kern_ctx_del(struct kern *k, uint32_t id, struct kern_err *e);
int kern_ctx_set(struct kern *k, uint32_t id, const struct kern_ctx_params *p,
		 struct kern_err *e);
int kern_ctx_get(struct kern *k, uint32_t id, struct kern_ctx_info *info,
		 struct kern_err *e);
/* -ENOENT if no context has this label */
int kern_ctx_find(struct kern *k, const char *label,
		  struct kern_ctx_info *info, struct kern_err *e);

/*
 * Every context of the namespace (CTX_GET dump, repeated if the table
 * changed meanwhile), one call of fn each.
 */
int kern_ctx_dump(struct kern *k, kern_ctx_fn fn, void *arg,
		  struct kern_err *e);

int kern_keygen(struct kern *k, uint32_t id, uint8_t profile, uint8_t *pub,
		size_t cap, size_t *len, struct kern_err *e);
int kern_wrap(struct kern *k, uint32_t id, uint8_t profile,
	      const uint8_t *pub, size_t publen, uint8_t *blob, size_t cap,
	      size_t *len, struct kern_err *e);
int kern_unwrap(struct kern *k, uint32_t id, const uint8_t *blob, size_t len,
		struct kern_err *e);
int kern_as_derive(struct kern *k, uint32_t id, uint32_t ul_count,
		   struct kern_err *e);

int kern_nas_protect(struct kern *k, uint32_t id, uint8_t sht,
		     const uint8_t *msg, size_t len, struct kern_pdu *out,
		     struct kern_err *e);
int kern_nas_unprotect(struct kern *k, uint32_t id, const uint8_t *pdu,
		       size_t len, struct kern_pdu *out, struct kern_err *e);
int kern_srb_protect(struct kern *k, uint32_t id, uint8_t rb, bool cipher,
		     const uint8_t *msg, size_t len, struct kern_pdu *out,
		     struct kern_err *e);
int kern_srb_unprotect(struct kern *k, uint32_t id, uint8_t rb, bool cipher,
		       const uint8_t *pdu, size_t len, struct kern_pdu *out,
		       struct kern_err *e);

/* DRB1 of context id to a parlos device; EBUSY if bound already */
int kern_drb_bind(struct kern *k, uint32_t id, const struct kern_drb *b,
		  struct kern_err *e);
/* ENOENT if not bound */
int kern_drb_unbind(struct kern *k, uint32_t id, struct kern_err *e);

/* "no such context" style text of e, or strerror */
const char *kern_strerror(const struct kern_err *e);

#endif
