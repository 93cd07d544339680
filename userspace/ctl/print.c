// SPDX-License-Identifier: GPL-2.0
/* parlosctl output: the buffer, the JSON writer and the printers. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "print.h"

/* The buffer */

void out_init(struct ctl_out *o, bool json)
{
	memset(o, 0, sizeof(*o));
	o->json = json;
}

void out_reset(struct ctl_out *o)
{
	if (o->buf)
		explicit_bzero(o->buf, o->len);
	o->len = 0;
	o->err = 0;
	o->depth = 0;
	o->more = 0;
}

void out_free(struct ctl_out *o)
{
	if (o->buf) {
		explicit_bzero(o->buf, o->cap);
		free(o->buf);
	}
	out_init(o, o->json);
}

/* Room for n more bytes; grows into a new buffer, wiping the old one. */
static bool out_room(struct ctl_out *o, size_t n)
{
	size_t cap;
	char *b;

	if (o->err)
		return false;
	if (n <= o->cap - o->len)
		return true;
	cap = o->cap ? o->cap : 4096;
	while (cap - o->len < n) {
		if (cap > SIZE_MAX / 2) {
			o->err = -ENOMEM;
			return false;
		}
		cap *= 2;
	}
	b = malloc(cap);
	if (!b) {
		o->err = -ENOMEM;
		return false;
	}
	if (o->len)
		memcpy(b, o->buf, o->len);
	if (o->buf) {
		explicit_bzero(o->buf, o->cap);
		free(o->buf);
	}
	o->buf = b;
	o->cap = cap;
	return true;
}

void out_bytes(struct ctl_out *o, const void *p, size_t n)
{
	if (!n || !out_room(o, n))
		return;
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static void out_str(struct ctl_out *o, const char *s)
{
	out_bytes(o, s, strlen(s));
}

void out_printf(struct ctl_out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		o->err = o->err ? o->err : -EINVAL;
		return;
	}
	/* vsnprintf() writes a NUL too, which is not kept */
	if (!out_room(o, (size_t)n + 1))
		return;
	va_start(ap, fmt);
	vsnprintf(o->buf + o->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	o->len += (size_t)n;
}

void out_hex(struct ctl_out *o, const void *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	const uint8_t *s = p;
	size_t i;

	if (!n || n > SIZE_MAX / 2 || !out_room(o, 2 * n))
		return;
	for (i = 0; i < n; i++) {
		o->buf[o->len++] = digits[s[i] >> 4];
		o->buf[o->len++] = digits[s[i] & 0xf];
	}
}

int out_write(struct ctl_out *o, int fd)
{
	size_t off = 0;
	int err = o->err;

	while (!err && off < o->len) {
		ssize_t n = write(fd, o->buf + off, o->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			err = n < 0 ? -errno : -EIO;
		else
			off += (size_t)n;
	}
	out_reset(o);
	return err;
}

/* Escaping */

size_t utf8_seq_len(const uint8_t *p, size_t n)
{
	uint8_t lo = 0x80, hi = 0xbf;
	size_t len, i;

	if (!n)
		return 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4;
	else
		return 0;
	/* No overlong forms, no surrogates, nothing above U+10FFFF */
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return len;
}

void out_json_escaped(struct ctl_out *o, const void *p, size_t n)
{
	const uint8_t *s = p;
	size_t i = 0;

	while (i < n) {
		uint8_t c = s[i];
		size_t l;

		if (c >= 0x80) {
			l = utf8_seq_len(s + i, n - i);
			if (l)
				out_bytes(o, s + i, l);
			else
				out_str(o, "\\ufffd");
			i += l ? l : 1;
			continue;
		}
		i++;
		if (c == '"')
			out_str(o, "\\\"");
		else if (c == '\\')
			out_str(o, "\\\\");
		else if (c == '\n')
			out_str(o, "\\n");
		else if (c == '\t')
			out_str(o, "\\t");
		else if (c == '\r')
			out_str(o, "\\r");
		else if (c < 0x20 || c == 0x7f)
			out_printf(o, "\\u%04x", c);
		else
			out_bytes(o, &c, 1);
	}
}

void out_human_escaped(struct ctl_out *o, const void *p, size_t n,
		       bool quoted)
{
	const uint8_t *s = p;
	size_t i = 0, l;

	if (quoted)
		out_str(o, "\"");
	while (i < n) {
		uint8_t c = s[i];

		l = c >= 0x80 ? utf8_seq_len(s + i, n - i) : 0;
		if (l > 1) {
			out_bytes(o, s + i, l);
			i += l;
			continue;
		}
		i++;
		if (c == '\\' || (quoted && c == '"'))
			out_printf(o, "\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			out_printf(o, "\\x%02x", c);
		else
			out_bytes(o, &c, 1);
	}
	if (quoted)
		out_str(o, "\"");
}

/* JSON */

/* The comma before a member, and its key. */
static void json_member(struct ctl_out *o, const char *key)
{
	uint32_t bit = 1u << o->depth;

	if (o->depth) {
		if (o->more & bit)
			out_str(o, ",");
		o->more |= bit;
	}
	if (key) {
		out_str(o, "\"");
		out_json_escaped(o, key, strlen(key));
		out_str(o, "\":");
	}
}

static void json_push(struct ctl_out *o, const char *key, const char *open)
{
	json_member(o, key);
	if (o->depth + 1 >= CTL_JSON_DEPTH) {
		o->err = -E2BIG;
		return;
	}
	out_str(o, open);
	o->depth++;
	o->more &= ~(1u << o->depth);
}

static void json_pop(struct ctl_out *o, const char *close)
{
	if (!o->depth) {
		o->err = o->err ? o->err : -EINVAL;
		return;
	}
	out_str(o, close);
	if (--o->depth == 0)
		out_str(o, "\n");
}

void json_open(struct ctl_out *o, const char *key)
{
	json_push(o, key, "{");
}

void json_close(struct ctl_out *o)
{
	json_pop(o, "}");
}

void json_array(struct ctl_out *o, const char *key)
{
	json_push(o, key, "[");
}

void json_array_end(struct ctl_out *o)
{
	json_pop(o, "]");
}

void json_u64(struct ctl_out *o, const char *key, uint64_t v)
{
	json_member(o, key);
	out_printf(o, "%llu", (unsigned long long)v);
}

void json_bool(struct ctl_out *o, const char *key, bool v)
{
	json_member(o, key);
	out_str(o, v ? "true" : "false");
}

void json_text(struct ctl_out *o, const char *key, const void *p, size_t n)
{
	json_member(o, key);
	out_str(o, "\"");
	out_json_escaped(o, p, n);
	out_str(o, "\"");
}

void json_str(struct ctl_out *o, const char *key, const char *s)
{
	json_text(o, key, s, strlen(s));
}

void json_hex(struct ctl_out *o, const char *key, const void *p, size_t n)
{
	json_member(o, key);
	out_str(o, "\"");
	out_hex(o, p, n);
	out_str(o, "\"");
}

/* Names */

#define CTL_NAME(tab, v) \
	((v) < sizeof(tab) / sizeof((tab)[0]) ? (tab)[v] : NULL)

const char *ctl_role_name(unsigned int v)
{
	static const char *const t[] = {
		[PARLOS_ROLE_ME] = "me", [PARLOS_ROLE_NETWORK] = "network",
	};

	return CTL_NAME(t, v);
}

const char *ctl_state_name(unsigned int v)
{
	static const char *const t[] = {
		[PARLOS_STATE_NEW] = "new",
		[PARLOS_STATE_KEYPAIR] = "keypair",
		[PARLOS_STATE_KASME] = "kasme",
		[PARLOS_STATE_AS] = "as",
	};

	return CTL_NAME(t, v);
}

const char *ctl_profile_name(unsigned int v)
{
	static const char *const t[] = {
		[PARLOS_PROFILE_A] = "a", [PARLOS_PROFILE_B] = "b",
	};

	return CTL_NAME(t, v);
}

const char *ctl_layer_name(unsigned int v)
{
	static const char *const t[] = {
		[PARLOS_LAYER_NAS] = "nas", [PARLOS_LAYER_SRB] = "srb",
		[PARLOS_LAYER_DRB] = "drb",
	};

	return CTL_NAME(t, v);
}

const char *ctl_key_name(unsigned int v)
{
	static const char *const t[] = {
		[PARLOS_KEY_KASME] = "kasme",
		[PARLOS_KEY_KNASENC] = "knasenc",
		[PARLOS_KEY_KNASINT] = "knasint",
		[PARLOS_KEY_KENB] = "kenb",
		[PARLOS_KEY_KRRCENC] = "krrcenc",
		[PARLOS_KEY_KRRCINT] = "krrcint",
		[PARLOS_KEY_KUPENC] = "kupenc",
		[PARLOS_KEY_KUPINT] = "kupint",
	};

	return CTL_NAME(t, v);
}

const char *ctl_stat_name(unsigned int v)
{
	static const char *const t[] = {
		[PARLOS_STAT_NAS_TX] = "nas_tx",
		[PARLOS_STAT_NAS_RX] = "nas_rx",
		[PARLOS_STAT_NAS_MAC_FAIL] = "nas_mac_fail",
		[PARLOS_STAT_NAS_REPLAY] = "nas_replay",
		[PARLOS_STAT_NAS_MALFORMED] = "nas_malformed",
		[PARLOS_STAT_SRB_TX] = "srb_tx",
		[PARLOS_STAT_SRB_RX] = "srb_rx",
		[PARLOS_STAT_SRB_MAC_FAIL] = "srb_mac_fail",
		[PARLOS_STAT_SRB_MALFORMED] = "srb_malformed",
		[PARLOS_STAT_DRB_TX_PACKETS] = "drb_tx_packets",
		[PARLOS_STAT_DRB_TX_BYTES] = "drb_tx_bytes",
		[PARLOS_STAT_DRB_RX_PACKETS] = "drb_rx_packets",
		[PARLOS_STAT_DRB_RX_BYTES] = "drb_rx_bytes",
		[PARLOS_STAT_DRB_TX_DROP_NOKEY] = "drb_tx_drop_nokey",
		[PARLOS_STAT_DRB_TX_DROP_ERROR] = "drb_tx_drop_error",
		[PARLOS_STAT_DRB_RX_DROP_MALFORMED] = "drb_rx_drop_malformed",
		[PARLOS_STAT_DRB_RX_DROP_SOURCE] = "drb_rx_drop_source",
		[PARLOS_STAT_DRB_RX_DROP_DUPLICATE] = "drb_rx_drop_duplicate",
		[PARLOS_STAT_DRB_RX_DROP_WINDOW] = "drb_rx_drop_window",
		[PARLOS_STAT_DRB_RX_DROP_MAC] = "drb_rx_drop_mac",
		[PARLOS_STAT_DRB_RX_DROP_ERROR] = "drb_rx_drop_error",
		[PARLOS_STAT_CONTEXTS] = "contexts",
		[PARLOS_STAT_MAX_CONTEXTS] = "max_contexts",
		[PARLOS_STAT_GENERATION] = "generation",
	};

	return CTL_NAME(t, v);
}

const char *ctl_event_name(unsigned int v)
{
	static const char *const t[] = {
		[PARLOS_CMD_EV_CTX_NEW] = "ctx-new",
		[PARLOS_CMD_EV_CTX_DEL] = "ctx-del",
		[PARLOS_CMD_EV_INTEGRITY] = "integrity",
		[PARLOS_CMD_EV_REPLAY] = "replay",
		[PARLOS_CMD_EV_COUNT_WRAP] = "count-wrap",
	};

	return CTL_NAME(t, v);
}

/* An enum value: its name, or its number (a string in JSON too). */
static void json_enum(struct ctl_out *o, const char *key, const char *name,
		      unsigned int v)
{
	char num[16];

	if (!name) {
		snprintf(num, sizeof(num), "%u", v);
		name = num;
	}
	json_str(o, key, name);
}

/* Human blocks */

/* "key:" indented, padded so that values line up after width. */
static void out_key(struct ctl_out *o, int indent, size_t width,
		    const char *key)
{
	size_t len = strlen(key);
	int pad = width > len ? (int)(width - len) : 0;

	out_printf(o, "%*s%s:%*s ", indent, "", key, pad, "");
}

static void human_enum(struct ctl_out *o, int indent, size_t width,
		       const char *key, const char *name, unsigned int v)
{
	out_key(o, indent, width, key);
	if (name)
		out_printf(o, "%s\n", name);
	else
		out_printf(o, "%u (unknown)\n", v);
}

static void human_u64(struct ctl_out *o, int indent, size_t width,
		      const char *key, uint64_t v)
{
	out_key(o, indent, width, key);
	out_printf(o, "%llu\n", (unsigned long long)v);
}

static void human_hex(struct ctl_out *o, int indent, size_t width,
		      const char *key, const void *p, size_t n)
{
	out_key(o, indent, width, key);
	out_hex(o, p, n);
	out_str(o, "\n");
}

static const char *ctl_alg_name(bool eia, unsigned int v)
{
	static const char *const eea[] = {
		"EEA0", "128-EEA1", "128-EEA2", "128-EEA3",
	};
	static const char *const eia_[] = {
		"EIA0", "128-EIA1", "128-EIA2", "128-EIA3",
	};

	return eia ? CTL_NAME(eia_, v) : CTL_NAME(eea, v);
}

static void human_alg(struct ctl_out *o, const char *key, bool eia,
		      unsigned int v)
{
	const char *name = ctl_alg_name(eia, v);

	out_key(o, 2, 12, key);
	out_printf(o, "%u (%s)\n", v, name ? name : "unknown");
}

/* Fingerprints */

static void json_fprs(struct ctl_out *o, const struct ctl_fprs *f)
{
	unsigned int k;
	char num[16];

	json_open(o, "fingerprints");
	for (k = 1; k <= PARLOS_KEY_MAX; k++) {
		const char *name = ctl_key_name(k);

		if (!(f->have & (1u << k)))
			continue;
		if (!name) {
			snprintf(num, sizeof(num), "%u", k);
			name = num;
		}
		json_hex(o, name, f->v[k], PARLOS_FPR_LEN);
	}
	json_close(o);
}

static void human_fprs(struct ctl_out *o, const struct ctl_fprs *f)
{
	unsigned int k;

	if (!f->have)
		return;
	out_str(o, "  fingerprints:\n");
	for (k = 1; k <= PARLOS_KEY_MAX; k++) {
		const char *name = ctl_key_name(k);

		if (!(f->have & (1u << k)))
			continue;
		if (name) {
			human_hex(o, 4, 7, name, f->v[k], PARLOS_FPR_LEN);
		} else {
			out_printf(o, "    key %u: ", k);
			out_hex(o, f->v[k], PARLOS_FPR_LEN);
			out_str(o, "\n");
		}
	}
}

/* Counters */

/* Namespace totals first, then the per-context counters in order. */
static unsigned int ctl_stat_at(unsigned int i)
{
	static const unsigned int first[] = {
		PARLOS_STAT_CONTEXTS, PARLOS_STAT_MAX_CONTEXTS,
		PARLOS_STAT_GENERATION,
	};

	if (i < 3)
		return first[i];
	i -= 3;
	return i + PARLOS_STAT_NAS_TX < PARLOS_STAT_CONTEXTS ?
		i + PARLOS_STAT_NAS_TX : 0;
}

static void json_stats(struct ctl_out *o, const struct ctl_stats *s)
{
	unsigned int i, t;

	json_open(o, "stats");
	for (i = 0; (t = ctl_stat_at(i)); i++)
		if (s->have & (1ull << t))
			json_u64(o, ctl_stat_name(t), s->v[t]);
	json_close(o);
}

static void human_stats(struct ctl_out *o, const struct ctl_stats *s)
{
	unsigned int i, t;
	size_t width = 0;
	char name[32];

	for (i = 0; (t = ctl_stat_at(i)); i++)
		if ((s->have & (1ull << t)) && strlen(ctl_stat_name(t)) > width)
			width = strlen(ctl_stat_name(t));
	for (i = 0; (t = ctl_stat_at(i)); i++) {
		char *u;

		if (!(s->have & (1ull << t)))
			continue;
		snprintf(name, sizeof(name), "%s", ctl_stat_name(t));
		for (u = name; (u = strchr(u, '_')); u++)
			*u = ' ';
		human_u64(o, 2, width, name, s->v[t]);
	}
}

/* Contexts */

static void json_ctx(struct ctl_out *o, const struct ctl_ctx *c)
{
	json_open(o, NULL);
	json_u64(o, "id", c->id);
	json_enum(o, "role", ctl_role_name(c->role), c->role);
	json_enum(o, "state", ctl_state_name(c->state), c->state);
	if (c->have & CTL_CTX_LABEL)
		json_text(o, "label", c->label, c->label_len);
	if (c->have & CTL_CTX_UE_ID)
		json_u64(o, "ue_id", c->ue_id);
	if (c->have & CTL_CTX_PROFILE)
		json_enum(o, "profile", ctl_profile_name(c->profile),
			  c->profile);
	if (c->have & CTL_CTX_NAS_EEA)
		json_u64(o, "nas_eea", c->nas_eea);
	if (c->have & CTL_CTX_NAS_EIA)
		json_u64(o, "nas_eia", c->nas_eia);
	if (c->have & CTL_CTX_AS_EEA)
		json_u64(o, "as_eea", c->as_eea);
	if (c->have & CTL_CTX_AS_EIA)
		json_u64(o, "as_eia", c->as_eia);
	if (c->have & CTL_CTX_UL_COUNT)
		json_u64(o, "nas_ul_count", c->ul_count);
	if (c->have & CTL_CTX_DL_COUNT)
		json_u64(o, "nas_dl_count", c->dl_count);
	if (c->have & CTL_CTX_FPR)
		json_fprs(o, &c->fpr);
	if (c->have & CTL_CTX_STATS)
		json_stats(o, &c->stats);
	json_close(o);
}

static void human_ctx(struct ctl_out *o, const struct ctl_ctx *c)
{
	out_printf(o, "context: %u\n", c->id);
	human_enum(o, 2, 12, "role", ctl_role_name(c->role), c->role);
	human_enum(o, 2, 12, "state", ctl_state_name(c->state), c->state);
	if (c->have & CTL_CTX_LABEL) {
		out_key(o, 2, 12, "label");
		out_human_escaped(o, c->label, c->label_len, false);
		out_str(o, "\n");
	}
	if (c->have & CTL_CTX_UE_ID)
		human_u64(o, 2, 12, "ue id", c->ue_id);
	if (c->have & CTL_CTX_PROFILE)
		human_enum(o, 2, 12, "profile", ctl_profile_name(c->profile),
			   c->profile);
	if (c->have & CTL_CTX_NAS_EEA)
		human_alg(o, "nas eea", false, c->nas_eea);
	if (c->have & CTL_CTX_NAS_EIA)
		human_alg(o, "nas eia", true, c->nas_eia);
	if (c->have & CTL_CTX_AS_EEA)
		human_alg(o, "as eea", false, c->as_eea);
	if (c->have & CTL_CTX_AS_EIA)
		human_alg(o, "as eia", true, c->as_eia);
	if (c->have & CTL_CTX_UL_COUNT)
		human_u64(o, 2, 12, "nas ul count", c->ul_count);
	if (c->have & CTL_CTX_DL_COUNT)
		human_u64(o, 2, 12, "nas dl count", c->dl_count);
	if (c->have & CTL_CTX_FPR)
		human_fprs(o, &c->fpr);
}

void print_ctx(struct ctl_out *o, const struct ctl_ctx *c)
{
	if (o->json)
		json_ctx(o, c);
	else
		human_ctx(o, c);
}

void print_ctx_list_begin(struct ctl_out *o)
{
	if (o->json)
		json_array(o, NULL);
}

void print_ctx_list_item(struct ctl_out *o, const struct ctl_ctx *c,
			 bool first)
{
	if (!o->json && !first)
		out_str(o, "\n");
	print_ctx(o, c);
}

void print_ctx_list_end(struct ctl_out *o)
{
	if (o->json)
		json_array_end(o);
}

void print_deleted(struct ctl_out *o, uint32_t id)
{
	if (!o->json)
		return;
	json_open(o, NULL);
	json_u64(o, "id", id);
	json_bool(o, "deleted", true);
	json_close(o);
}

/* Keys, blobs, PDUs */

void print_pubkey(struct ctl_out *o, uint32_t id, const struct ctl_pubkey *k)
{
	if (!o->json) {
		out_hex(o, k->key, k->len);
		out_str(o, "\n");
		return;
	}
	json_open(o, NULL);
	json_u64(o, "id", id);
	json_enum(o, "profile", ctl_profile_name(k->profile), k->profile);
	json_hex(o, "pubkey", k->key, k->len);
	json_close(o);
}

void print_blob(struct ctl_out *o, uint32_t id, const struct ctl_blob *b)
{
	if (!o->json) {
		out_hex(o, b->blob, b->len);
		out_str(o, "\n");
		return;
	}
	json_open(o, NULL);
	json_u64(o, "id", b->has_id ? b->id : id);
	json_hex(o, "blob", b->blob, b->len);
	if (b->has_fpr)
		json_fprs(o, &b->fpr);
	json_close(o);
}

void print_pdu(struct ctl_out *o, uint32_t id, uint8_t rb,
	       const struct ctl_pdu *p)
{
	size_t width = p->has_sec_hdr ? 15 : 5;

	if (!o->json) {
		human_hex(o, 0, width, "pdu", p->pdu, p->len);
		if (p->has_sec_hdr)
			human_u64(o, 0, width, "security header", p->sec_hdr);
		human_u64(o, 0, width, "count", p->count);
		return;
	}
	json_open(o, NULL);
	json_u64(o, "id", id);
	if (rb)
		json_u64(o, "rb", rb);
	json_hex(o, "pdu", p->pdu, p->len);
	if (p->has_sec_hdr)
		json_u64(o, "sec_hdr", p->sec_hdr);
	json_u64(o, "count", p->count);
	json_close(o);
}

void print_stats(struct ctl_out *o, bool has_id, uint32_t id,
		 const struct ctl_stats *s)
{
	if (!o->json) {
		if (has_id)
			out_printf(o, "context: %u\n", id);
		else
			out_str(o, "namespace:\n");
		human_stats(o, s);
		return;
	}
	json_open(o, NULL);
	if (has_id)
		json_u64(o, "id", id);
	json_stats(o, s);
	json_close(o);
}

void print_kenb(struct ctl_out *o, uint32_t id,
		const uint8_t key[PARLOS_KENB_LEN])
{
	if (!o->json) {
		out_hex(o, key, PARLOS_KENB_LEN);
		out_str(o, "\n");
		return;
	}
	json_open(o, NULL);
	json_u64(o, "id", id);
	json_hex(o, "kenb", key, PARLOS_KENB_LEN);
	json_close(o);
}

void print_keylog_begin(struct ctl_out *o)
{
	if (!o->json)
		return;
	json_open(o, NULL);
	json_array(o, "keylog");
}

void print_keylog_text(struct ctl_out *o, uint32_t id, const char *text)
{
	const char *line = text, *nl;

	while (*line) {
		size_t n;

		nl = strchr(line, '\n');
		n = nl ? (size_t)(nl - line) : strlen(line);
		if (o->json) {
			json_open(o, NULL);
			json_u64(o, "id", id);
			json_text(o, "line", line, n);
			json_close(o);
		} else {
			out_bytes(o, line, n);
			out_str(o, "\n");
		}
		line += n + (nl ? 1 : 0);
	}
}

void print_keylog_end(struct ctl_out *o)
{
	if (!o->json)
		return;
	json_array_end(o);
	json_close(o);
}

/* Events */

static void json_event(struct ctl_out *o, const struct ctl_event *ev)
{
	json_open(o, NULL);
	json_enum(o, "event", ctl_event_name(ev->cmd), ev->cmd);
	json_u64(o, "id", ev->id);
	if (ev->have & CTL_EV_ROLE)
		json_enum(o, "role", ctl_role_name(ev->role), ev->role);
	if (ev->have & CTL_EV_LABEL)
		json_text(o, "label", ev->label, ev->label_len);
	if (ev->have & CTL_EV_LAYER)
		json_enum(o, "layer", ctl_layer_name(ev->layer), ev->layer);
	if (ev->have & CTL_EV_RB)
		json_u64(o, "rb", ev->rb);
	if (ev->have & CTL_EV_COUNT)
		json_u64(o, "count", ev->count);
	json_close(o);
}

static void human_word(struct ctl_out *o, const char *key, const char *name,
		       unsigned int v)
{
	if (name)
		out_printf(o, " %s %s", key, name);
	else
		out_printf(o, " %s %u", key, v);
}

static void human_event(struct ctl_out *o, const struct ctl_event *ev)
{
	const char *name = ctl_event_name(ev->cmd);

	if (name)
		out_str(o, name);
	else
		out_printf(o, "event %u", ev->cmd);
	out_printf(o, " id %u", ev->id);
	if (ev->have & CTL_EV_ROLE)
		human_word(o, "role", ctl_role_name(ev->role), ev->role);
	if (ev->have & CTL_EV_LABEL) {
		out_str(o, " label ");
		out_human_escaped(o, ev->label, ev->label_len, true);
	}
	if (ev->have & CTL_EV_LAYER)
		human_word(o, "layer", ctl_layer_name(ev->layer), ev->layer);
	if (ev->have & CTL_EV_RB)
		out_printf(o, " rb %u", ev->rb);
	if (ev->have & CTL_EV_COUNT)
		out_printf(o, " count %u", ev->count);
	out_str(o, "\n");
}

void print_event(struct ctl_out *o, const struct ctl_event *ev)
{
	if (o->json)
		json_event(o, ev);
	else
		human_event(o, ev);
}
