/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parlosctl output, human or JSON, built in a memory buffer and written
 * with write(2): stdio would leave copies of exported keys in its
 * buffers, this buffer is wiped whenever it is reset, grown or freed.
 *
 * Human output: "key: value" lines, values aligned per block, two
 * spaces of indent under a "context: ID" heading, as wg show does.
 * JSON output: one compact document per line; see parlosctl(8).
 */
#ifndef PARLOSCTL_PRINT_H
#define PARLOSCTL_PRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reply.h"

#define CTL_JSON_DEPTH	16

struct ctl_out {
	char *buf;
	size_t len, cap;
	int err;			/* -ENOMEM or -E2BIG, sticky */
	bool json;
	unsigned int depth;		/* open JSON objects and arrays */
	uint32_t more;			/* bit d: depth d has a member */
};

void out_init(struct ctl_out *o, bool json);
/* Wipes what was written; the buffer stays. */
void out_reset(struct ctl_out *o);
/* Wipes and frees. */
void out_free(struct ctl_out *o);
/* Writes everything to fd, then resets. 0 or -errno. */
int out_write(struct ctl_out *o, int fd);

void out_bytes(struct ctl_out *o, const void *p, size_t n);
void out_printf(struct ctl_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void out_hex(struct ctl_out *o, const void *p, size_t n);
/*
 * Text that came from the kernel or the user. JSON: a string body
 * (quotes not included), valid UTF-8 kept, bytes that are not valid
 * UTF-8 become U+FFFD. Human: printable ASCII and valid UTF-8 kept,
 * the rest (and backslash, and '"' when quoted) as \xNN.
 */
void out_json_escaped(struct ctl_out *o, const void *p, size_t n);
void out_human_escaped(struct ctl_out *o, const void *p, size_t n,
		       bool quoted);

/* The length of the valid UTF-8 sequence at p (1 to 4), or 0. */
size_t utf8_seq_len(const uint8_t *p, size_t n);

/*
 * JSON writer. key is NULL for array members and the top level; a
 * document ends with a newline when its outermost value is closed.
 */
void json_open(struct ctl_out *o, const char *key);
void json_close(struct ctl_out *o);
void json_array(struct ctl_out *o, const char *key);
void json_array_end(struct ctl_out *o);
void json_u64(struct ctl_out *o, const char *key, uint64_t v);
void json_bool(struct ctl_out *o, const char *key, bool v);
void json_str(struct ctl_out *o, const char *key, const char *s);
void json_text(struct ctl_out *o, const char *key, const void *p, size_t n);
void json_hex(struct ctl_out *o, const char *key, const void *p, size_t n);

/* Names of the contract's enums; NULL when unknown. */
const char *ctl_role_name(unsigned int v);
const char *ctl_state_name(unsigned int v);
const char *ctl_profile_name(unsigned int v);
const char *ctl_layer_name(unsigned int v);
const char *ctl_key_name(unsigned int v);
const char *ctl_stat_name(unsigned int v);
const char *ctl_event_name(unsigned int v);

/* What the commands print. */
void print_ctx(struct ctl_out *o, const struct ctl_ctx *c);
/* ctx list: contexts one after the other, a JSON array. */
void print_ctx_list_begin(struct ctl_out *o);
void print_ctx_list_item(struct ctl_out *o, const struct ctl_ctx *c,
			 bool first);
void print_ctx_list_end(struct ctl_out *o);
void print_deleted(struct ctl_out *o, uint32_t id);
void print_pubkey(struct ctl_out *o, uint32_t id, const struct ctl_pubkey *k);
void print_blob(struct ctl_out *o, uint32_t id, const struct ctl_blob *b);
/* rb 0: a NAS PDU */
void print_pdu(struct ctl_out *o, uint32_t id, uint8_t rb,
	       const struct ctl_pdu *p);
/* has_id false: the namespace's totals */
void print_stats(struct ctl_out *o, bool has_id, uint32_t id,
		 const struct ctl_stats *s);
void print_kenb(struct ctl_out *o, uint32_t id,
		const uint8_t key[PARLOS_KENB_LEN]);
/* keylog: one begin, the text of each context, one end */
void print_keylog_begin(struct ctl_out *o);
void print_keylog_text(struct ctl_out *o, uint32_t id, const char *text);
void print_keylog_end(struct ctl_out *o);
/* One line per event. */
void print_event(struct ctl_out *o, const struct ctl_event *ev);

#endif
