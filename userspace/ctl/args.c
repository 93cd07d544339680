// SPDX-License-Identifier: GPL-2.0
/*
 * parlosctl command lines: the grammar table and the parsers of numbers,
 * keywords, hex and labels. No global mutable state, no I/O.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "hex.h"

enum ctl_id_arg { CTL_ID_NONE, CTL_ID_REQUIRED, CTL_ID_OPTIONAL };

struct ctl_cmd_spec {
	const char *obj;
	const char *verb;		/* NULL: a one-word command */
	enum ctl_id_arg id;
	uint32_t keys;			/* CTL_HAS() of the arguments taken */
	uint32_t required;
	const char *usage;
	const char *desc;
};

#define K(x) CTL_HAS(CTL_K_##x)
#define CTL_ALGS (K(NAS_EEA) | K(NAS_EIA) | K(AS_EEA) | K(AS_EIA))

/* Commands of one object follow each other, as help lists them. */
static const struct ctl_cmd_spec ctl_cmds[CTL_CMD_COUNT] = {
	[CTL_CTX_ADD] = { "ctx", "add", CTL_ID_NONE,
		K(ROLE) | K(LABEL) | K(UE_ID) | CTL_ALGS, K(ROLE),
		"ctx add role me|network [label L] [ue-id N] [nas-eea N] "
		"[nas-eia N] [as-eea N] [as-eia N]",
		"create a security context and show it" },
	[CTL_CTX_DEL] = { "ctx", "del", CTL_ID_REQUIRED, 0, 0,
		"ctx del ID", "delete a context, wiping its keys" },
	[CTL_CTX_SHOW] = { "ctx", "show", CTL_ID_OPTIONAL, K(LABEL), 0,
		"ctx show ID|label L", "show one context" },
	[CTL_CTX_LIST] = { "ctx", "list", CTL_ID_NONE, 0, 0,
		"ctx list", "show every context of the network namespace" },
	[CTL_CTX_SET] = { "ctx", "set", CTL_ID_REQUIRED,
		CTL_ALGS | K(UL_COUNT) | K(DL_COUNT) | K(LABEL) | K(UE_ID), 0,
		"ctx set ID [nas-eea N] [nas-eia N] [as-eea N] [as-eia N] "
		"[ul-count N] [dl-count N] [label L] [ue-id N]",
		"change a context and show it" },
	[CTL_CTX_KEYGEN] = { "ctx", "keygen", CTL_ID_REQUIRED,
		K(PROFILE), K(PROFILE),
		"ctx keygen ID profile a|b",
		"make the ME's ECIES key pair; print the public key" },
	[CTL_CTX_WRAP] = { "ctx", "wrap", CTL_ID_REQUIRED,
		K(PROFILE) | K(PUBKEY), K(PROFILE) | K(PUBKEY),
		"ctx wrap ID profile a|b pubkey HEX",
		"draw KASMEtemp and encrypt it to the ME's key; print the blob" },
	[CTL_CTX_UNWRAP] = { "ctx", "unwrap", CTL_ID_REQUIRED,
		K(BLOB), K(BLOB),
		"ctx unwrap ID blob HEX",
		"decrypt and install KASMEtemp; show the context" },
	[CTL_CTX_DERIVE_AS] = { "ctx", "derive-as", CTL_ID_REQUIRED,
		K(COUNT), K(COUNT),
		"ctx derive-as ID count N",
		"derive KeNB and the AS keys at uplink NAS COUNT N" },
	[CTL_NAS_PROTECT] = { "nas", "protect", CTL_ID_REQUIRED,
		K(SEC_HDR) | K(PDU), K(SEC_HDR) | K(PDU),
		"nas protect ID sec-hdr N pdu HEX",
		"protect a plain NAS message; print the PDU and its COUNT" },
	[CTL_NAS_UNPROTECT] = { "nas", "unprotect", CTL_ID_REQUIRED,
		K(PDU), K(PDU),
		"nas unprotect ID pdu HEX",
		"check and decipher a protected NAS message" },
	[CTL_SRB_PROTECT] = { "srb", "protect", CTL_ID_REQUIRED,
		K(RB) | K(CIPHER) | K(PDU), K(RB) | K(PDU),
		"srb protect ID rb 1|2 [cipher on|off] pdu HEX",
		"make the PDCP PDU of an RRC message on SRB1 or SRB2" },
	[CTL_SRB_UNPROTECT] = { "srb", "unprotect", CTL_ID_REQUIRED,
		K(RB) | K(CIPHER) | K(PDU), K(RB) | K(PDU),
		"srb unprotect ID rb 1|2 [cipher on|off] pdu HEX",
		"check and decipher an SRB PDCP PDU" },
	[CTL_MONITOR] = { "monitor", NULL, CTL_ID_NONE, 0, 0,
		"monitor", "print the module's events until interrupted" },
	[CTL_STATS] = { "stats", NULL, CTL_ID_OPTIONAL, 0, 0,
		"stats [ID]",
		"show the namespace's counters, or one context's" },
	[CTL_KENB_EXPORT] = { "kenb", "export", CTL_ID_REQUIRED, 0, 0,
		"kenb export ID",
		"print the context's KeNB (module option export_kenb=1)" },
	[CTL_KEYLOG] = { "keylog", NULL, CTL_ID_OPTIONAL, 0, 0,
		"keylog [ID]",
		"print Wireshark pdcp_lte_ue_keys lines (module option "
		"keylog=1)" },
	[CTL_DRB_BIND] = { "drb", "bind", CTL_ID_REQUIRED,
		K(DEV) | K(UE_ADDR) | K(PEER) | K(UE_ID) | K(SN_LEN) |
		K(INTEGRITY), K(DEV) | K(UE_ADDR) | K(PEER),
		"drb bind ID dev IFNAME ue-addr A.B.C.D peer A.B.C.D:PORT "
		"[ue-id N] [sn-len 12|18] [integrity on|off]",
		"bind the context's DRB1 to a parlos device" },
	[CTL_DRB_UNBIND] = { "drb", "unbind", CTL_ID_REQUIRED, 0, 0,
		"drb unbind ID", "unbind the context's DRB1" },
	[CTL_DRB_SHOW] = { "drb", "show", CTL_ID_REQUIRED, 0, 0,
		"drb show ID", "show the context's DRB1 binding" },
};

static const char *const ctl_key_names[CTL_K_NKEYS] = {
	[CTL_K_ID] = "ID",
	[CTL_K_ROLE] = "role",
	[CTL_K_LABEL] = "label",
	[CTL_K_UE_ID] = "ue-id",
	[CTL_K_NAS_EEA] = "nas-eea",
	[CTL_K_NAS_EIA] = "nas-eia",
	[CTL_K_AS_EEA] = "as-eea",
	[CTL_K_AS_EIA] = "as-eia",
	[CTL_K_UL_COUNT] = "ul-count",
	[CTL_K_DL_COUNT] = "dl-count",
	[CTL_K_PROFILE] = "profile",
	[CTL_K_PUBKEY] = "pubkey",
	[CTL_K_BLOB] = "blob",
	[CTL_K_COUNT] = "count",
	[CTL_K_SEC_HDR] = "sec-hdr",
	[CTL_K_PDU] = "pdu",
	[CTL_K_RB] = "rb",
	[CTL_K_CIPHER] = "cipher",
	[CTL_K_DEV] = "dev",
	[CTL_K_UE_ADDR] = "ue-addr",
	[CTL_K_PEER] = "peer",
	[CTL_K_SN_LEN] = "sn-len",
	[CTL_K_INTEGRITY] = "integrity",
};

static const char *const ctl_roles[] = { "me", "network", NULL };
static const char *const ctl_profiles[] = { "a", "b", NULL };
static const char *const ctl_onoff[] = { "off", "on", NULL };

/* Where a parse error goes: "<command>: <what>". */
struct ctl_perr {
	char *buf;
	size_t size;
	const char *cmd;
};

static int __attribute__((format(printf, 2, 3)))
ctl_fail(const struct ctl_perr *pe, const char *fmt, ...)
{
	va_list ap;
	int n = 0;

	if (!pe->size)
		return -EINVAL;
	if (pe->cmd)
		n = snprintf(pe->buf, pe->size, "%s: ", pe->cmd);
	if (n < 0 || (size_t)n >= pe->size)
		return -EINVAL;
	va_start(ap, fmt);
	vsnprintf(pe->buf + n, pe->size - (size_t)n, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

const char *ctl_cmd_name(enum ctl_cmd cmd)
{
	static const char *const names[CTL_CMD_COUNT] = {
		[CTL_CTX_ADD] = "ctx add", [CTL_CTX_DEL] = "ctx del",
		[CTL_CTX_SHOW] = "ctx show", [CTL_CTX_LIST] = "ctx list",
		[CTL_CTX_SET] = "ctx set", [CTL_CTX_KEYGEN] = "ctx keygen",
		[CTL_CTX_WRAP] = "ctx wrap", [CTL_CTX_UNWRAP] = "ctx unwrap",
		[CTL_CTX_DERIVE_AS] = "ctx derive-as",
		[CTL_NAS_PROTECT] = "nas protect",
		[CTL_NAS_UNPROTECT] = "nas unprotect",
		[CTL_SRB_PROTECT] = "srb protect",
		[CTL_SRB_UNPROTECT] = "srb unprotect",
		[CTL_MONITOR] = "monitor", [CTL_STATS] = "stats",
		[CTL_KENB_EXPORT] = "kenb export", [CTL_KEYLOG] = "keylog",
		[CTL_DRB_BIND] = "drb bind", [CTL_DRB_UNBIND] = "drb unbind",
		[CTL_DRB_SHOW] = "drb show",
		[CTL_HELP] = "help",
	};

	if ((unsigned int)cmd >= CTL_CMD_COUNT || !names[cmd])
		return "parlosctl";
	return names[cmd];
}

const char *ctl_cmd_usage(enum ctl_cmd cmd)
{
	if (cmd < CTL_CMD_FIRST || cmd > CTL_CMD_LAST)
		return "";
	return ctl_cmds[cmd].usage;
}

const char *ctl_cmd_desc(enum ctl_cmd cmd)
{
	if (cmd < CTL_CMD_FIRST || cmd > CTL_CMD_LAST)
		return "";
	return ctl_cmds[cmd].desc;
}

/* Numbers and keywords */

static int ctl_digit(char c, unsigned int base)
{
	int d;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	else
		return -1;
	return (unsigned int)d < base ? d : -1;
}

int ctl_parse_u64(const char *s, uint64_t max, uint64_t *v)
{
	unsigned int base = 10;
	bool over = false;
	uint64_t x = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		int d = ctl_digit(*s, base);

		if (d < 0)
			return -EINVAL;
		if (x > (UINT64_MAX - (uint64_t)d) / base)
			over = true;	/* keep going: a bad digit wins */
		else
			x = x * base + (uint64_t)d;
	}
	if (over || x > max)
		return -ERANGE;
	*v = x;
	return 0;
}

int ctl_keyword(const char *s, const char *const words[])
{
	int i;

	for (i = 0; words[i]; i++)
		if (!strcmp(s, words[i]))
			return i;
	return -1;
}

/* Quote at most 32 characters of what the user gave, in messages. */
#define CTL_QUOTE_MAX 32

/* A number between min and max for the argument called name. */
static int ctl_num(const struct ctl_perr *pe, const char *name,
		   const char *s, uint64_t min, uint64_t max, uint64_t *v)
{
	int err = ctl_parse_u64(s, max, v);

	if (err == -EINVAL)
		return ctl_fail(pe, "%s: \"%.*s\" is not a number", name,
				CTL_QUOTE_MAX, s);
	if (err || *v < min)
		return ctl_fail(pe, "%s: \"%.*s\" is out of range (%llu to "
				"%llu)", name, CTL_QUOTE_MAX, s,
				(unsigned long long)min,
				(unsigned long long)max);
	return 0;
}

static int ctl_word(const struct ctl_perr *pe, const char *name,
		    const char *s, const char *const words[], const char *list)
{
	int i = ctl_keyword(s, words);

	if (i < 0)
		return ctl_fail(pe, "%s: \"%.*s\" is not one of %s", name,
				CTL_QUOTE_MAX, s, list);
	return i;
}

/* Hex of min to max bytes into req->bin. */
static int ctl_hex(const struct ctl_perr *pe, const char *name, const char *s,
		   size_t min, size_t max, struct ctl_req *req)
{
	size_t bad = 0;
	int err;

	err = hex_decode(req->bin, max, &req->bin_len, s, &bad);
	if (err == -EINVAL && !s[bad])
		return ctl_fail(pe, "%s: odd number of hex digits", name);
	if (err == -EINVAL)
		return ctl_fail(pe, "%s: not hex (character %zu)", name,
				bad + 1);
	if (err || req->bin_len > max)
		return ctl_fail(pe, "%s: longer than %zu bytes", name, max);
	if (req->bin_len < min) {
		if (!req->bin_len)
			return ctl_fail(pe, "%s: empty", name);
		if (min == max)
			return ctl_fail(pe, "%s: %zu bytes, not %zu", name,
					req->bin_len, min);
		return ctl_fail(pe, "%s: %zu bytes, not %zu to %zu", name,
				req->bin_len, min, max);
	}
	return 0;
}

static int ctl_label(const struct ctl_perr *pe, const char *s,
		     struct ctl_req *req)
{
	size_t n = strnlen(s, PARLOS_LABEL_MAX + 1);

	if (!n)
		return ctl_fail(pe, "label: empty");
	if (n > PARLOS_LABEL_MAX)
		return ctl_fail(pe, "label: longer than %d bytes",
				PARLOS_LABEL_MAX);
	memcpy(req->label, s, n);
	req->label_len = n;
	return 0;
}

/* "A.B.C.D" into a (network order). */
static int ctl_ipv4(const struct ctl_perr *pe, const char *name,
		    const char *s, uint32_t *a)
{
	struct in_addr in;

	if (inet_pton(AF_INET, s, &in) != 1)
		return ctl_fail(pe, "%s: \"%.*s\" is not an IPv4 address",
				name, CTL_QUOTE_MAX, s);
	*a = in.s_addr;
	return 0;
}

/* The arguments of drb bind. */
static int ctl_drb_key(const struct ctl_perr *pe, struct ctl_req *req,
		       enum ctl_key k, const char *s)
{
	const char *name = ctl_key_names[k], *colon;
	char addr[INET_ADDRSTRLEN];
	uint64_t v;
	int err;

	switch (k) {
	case CTL_K_DEV:
		if (!*s || strlen(s) >= sizeof(req->dev))
			return ctl_fail(pe, "dev: not an interface name");
		strcpy(req->dev, s);
		return 0;
	case CTL_K_UE_ADDR:
		return ctl_ipv4(pe, name, s, &req->ue_addr);
	case CTL_K_PEER:
		colon = strrchr(s, ':');
		if (!colon || (size_t)(colon - s) >= sizeof(addr))
			return ctl_fail(pe, "peer: \"%.*s\" is not "
					"A.B.C.D:PORT", CTL_QUOTE_MAX, s);
		memcpy(addr, s, (size_t)(colon - s));
		addr[colon - s] = '\0';
		err = ctl_ipv4(pe, name, addr, &req->peer_addr);
		if (!err)
			err = ctl_num(pe, name, colon + 1, 1, UINT16_MAX, &v);
		if (!err)
			req->peer_port = (uint16_t)v;
		return err;
	default:
		err = ctl_num(pe, name, s, 12, 18, &v);
		if (!err && v != 12 && v != 18)
			return ctl_fail(pe, "sn-len: 12 or 18");
		if (!err)
			req->sn_len = (uint8_t)v;
		return err;
	}
}

/* Where the one-byte algorithm arguments go. */
static uint8_t *ctl_alg_field(struct ctl_req *req, enum ctl_key k)
{
	switch (k) {
	case CTL_K_NAS_EEA:
		return &req->nas_eea;
	case CTL_K_NAS_EIA:
		return &req->nas_eia;
	case CTL_K_AS_EEA:
		return &req->as_eea;
	default:
		return &req->as_eia;
	}
}

static int ctl_set_count(const struct ctl_perr *pe, const char *name,
			 const char *s, uint32_t max, uint32_t *field)
{
	uint64_t v;
	int err = ctl_num(pe, name, s, 0, max, &v);

	if (!err)
		*field = (uint32_t)v;
	return err;
}

static int ctl_set_key(const struct ctl_perr *pe, struct ctl_req *req,
		       enum ctl_key k, const char *s)
{
	const char *name = ctl_key_names[k];
	uint64_t v;
	int i, err = 0;

	switch (k) {
	case CTL_K_ROLE:
		i = ctl_word(pe, name, s, ctl_roles, "me, network");
		if (i >= 0)
			req->role = i ? PARLOS_ROLE_NETWORK : PARLOS_ROLE_ME;
		return i < 0 ? i : 0;
	case CTL_K_PROFILE:
		i = ctl_word(pe, name, s, ctl_profiles, "a, b");
		if (i >= 0)
			req->profile = i ? PARLOS_PROFILE_B : PARLOS_PROFILE_A;
		return i < 0 ? i : 0;
	case CTL_K_CIPHER:
	case CTL_K_INTEGRITY:
		i = ctl_word(pe, name, s, ctl_onoff, "on, off");
		if (i >= 0 && k == CTL_K_CIPHER)
			req->cipher = (uint8_t)i;
		else if (i >= 0)
			req->integrity = (uint8_t)i;
		return i < 0 ? i : 0;
	case CTL_K_DEV:
	case CTL_K_UE_ADDR:
	case CTL_K_PEER:
	case CTL_K_SN_LEN:
		return ctl_drb_key(pe, req, k, s);
	case CTL_K_LABEL:
		return ctl_label(pe, s, req);
	case CTL_K_UE_ID:
		err = ctl_num(pe, name, s, 0, UINT16_MAX, &v);
		if (!err)
			req->ue_id = (uint16_t)v;
		return err;
	case CTL_K_NAS_EEA:
	case CTL_K_NAS_EIA:
	case CTL_K_AS_EEA:
	case CTL_K_AS_EIA:
		err = ctl_num(pe, name, s, 0, CTL_ALG_MAX, &v);
		if (!err)
			*ctl_alg_field(req, k) = (uint8_t)v;
		return err;
	case CTL_K_UL_COUNT:
		return ctl_set_count(pe, name, s, CTL_NAS_COUNT_END,
				     &req->ul_count);
	case CTL_K_DL_COUNT:
		return ctl_set_count(pe, name, s, CTL_NAS_COUNT_END,
				     &req->dl_count);
	case CTL_K_COUNT:
		return ctl_set_count(pe, name, s, CTL_NAS_COUNT_MAX,
				     &req->count);
	case CTL_K_SEC_HDR:
		err = ctl_num(pe, name, s, 1, 4, &v);
		if (!err)
			req->sec_hdr = (uint8_t)v;
		return err;
	case CTL_K_RB:
		err = ctl_num(pe, name, s, 1, 2, &v);
		if (!err)
			req->rb = (uint8_t)v;
		return err;
	case CTL_K_PUBKEY:
		return ctl_hex(pe, name, s, PARLOS_PUBKEY_A_LEN,
			       PARLOS_PUBKEY_B_LEN, req);
	case CTL_K_BLOB:
		return ctl_hex(pe, name, s, PARLOS_BLOB_A_LEN,
			       PARLOS_BLOB_B_LEN, req);
	case CTL_K_PDU:
		return ctl_hex(pe, name, s, 1, PARLOS_PDU_MAX, req);
	default:
		return ctl_fail(pe, "internal error: argument %d", (int)k);
	}
}

/* The argument named s, or -1. */
static int ctl_key_lookup(const char *s)
{
	int k;

	for (k = CTL_K_ID + 1; k < CTL_K_NKEYS; k++)
		if (!strcmp(s, ctl_key_names[k]))
			return k;
	return -1;
}

/* Commands: the object's range, and lookups */

static bool ctl_obj_range(const char *obj, enum ctl_cmd *first,
			  enum ctl_cmd *last)
{
	int c;
	bool found = false;

	for (c = CTL_CMD_FIRST; c <= CTL_CMD_LAST; c++) {
		if (strcmp(ctl_cmds[c].obj, obj))
			continue;
		if (!found)
			*first = (enum ctl_cmd)c;
		*last = (enum ctl_cmd)c;
		found = true;
	}
	return found;
}

static enum ctl_cmd ctl_verb(enum ctl_cmd first, enum ctl_cmd last,
			     const char *verb)
{
	int c;

	for (c = first; c <= (int)last; c++)
		if (ctl_cmds[c].verb && !strcmp(ctl_cmds[c].verb, verb))
			return (enum ctl_cmd)c;
	return CTL_NONE;
}

/* The verbs of an object, "add, del, ...", for messages. */
static void ctl_verbs(enum ctl_cmd first, enum ctl_cmd last, char *buf,
		      size_t size)
{
	size_t n = 0;
	int c;

	buf[0] = '\0';
	for (c = first; c <= (int)last && n < size; c++) {
		int w = snprintf(buf + n, size - n, "%s%s", c == (int)first ?
				 "" : ", ", ctl_cmds[c].verb);

		if (w < 0)
			break;
		n += (size_t)w;
	}
}

/*
 * Finds the command of argv[0] (and argv[1]); *used gets the number of
 * words. For "help" in place of the verb, a help range.
 */
static int ctl_find(int argc, char *const argv[], struct ctl_req *req,
		    int *used, const struct ctl_perr *pe)
{
	enum ctl_cmd first, last, c;
	char verbs[128];

	if (!ctl_obj_range(argv[0], &first, &last))
		return ctl_fail(pe, "unknown command \"%.*s\"", CTL_QUOTE_MAX,
				argv[0]);
	*used = 1;
	if (!ctl_cmds[first].verb) {
		req->cmd = first;
		return 0;
	}
	ctl_verbs(first, last, verbs, sizeof(verbs));
	if (argc < 2)
		return ctl_fail(pe, "%s: missing subcommand (%s)", argv[0],
				verbs);
	*used = 2;
	if (!strcmp(argv[1], "help")) {
		req->cmd = CTL_HELP;
		req->help_first = first;
		req->help_last = last;
		return 0;
	}
	c = ctl_verb(first, last, argv[1]);
	if (c == CTL_NONE)
		return ctl_fail(pe, "%s: unknown subcommand \"%.*s\" (%s)",
				argv[0], CTL_QUOTE_MAX, argv[1], verbs);
	req->cmd = c;
	return 0;
}

/* "help", "help ctx", "help ctx add", "help monitor". */
static int ctl_parse_help(int argc, char *const argv[], struct ctl_req *req,
			  const struct ctl_perr *pe)
{
	enum ctl_cmd first = CTL_CMD_FIRST, last = CTL_CMD_LAST;
	int used = 0;

	if (argc > 0) {
		if (!ctl_obj_range(argv[0], &first, &last))
			return ctl_fail(pe, "help: unknown command \"%.*s\"",
					CTL_QUOTE_MAX, argv[0]);
		used = 1;
		if (argc > 1 && ctl_cmds[first].verb) {
			first = last = ctl_verb(first, last, argv[1]);
			if (first == CTL_NONE)
				return ctl_fail(pe, "help: unknown subcommand "
						"\"%.*s\"", CTL_QUOTE_MAX,
						argv[1]);
			used = 2;
		}
	}
	if (argc > used)
		return ctl_fail(pe, "help: unexpected \"%.*s\"",
				CTL_QUOTE_MAX, argv[used]);
	req->cmd = CTL_HELP;
	req->help_first = first;
	req->help_last = last;
	return 0;
}

static int ctl_parse_id(const struct ctl_perr *pe, const char *s,
			struct ctl_req *req)
{
	uint64_t v;
	int err = ctl_parse_u64(s, UINT32_MAX, &v);

	if (err == -EINVAL)
		return ctl_fail(pe, "\"%.*s\" is not a context ID",
				CTL_QUOTE_MAX, s);
	if (err)
		return ctl_fail(pe, "context ID \"%.*s\" is out of range (0 to "
				"%u)", CTL_QUOTE_MAX, s, UINT32_MAX);
	req->id = (uint32_t)v;
	req->have |= CTL_HAS(CTL_K_ID);
	return 0;
}

/* The checks that span arguments. */
static int ctl_check(const struct ctl_cmd_spec *spec, struct ctl_req *req,
		     const struct ctl_perr *pe)
{
	uint32_t missing = spec->required & ~req->have;
	size_t want;
	int k;

	if (spec->id == CTL_ID_REQUIRED && !(req->have & K(ID)))
		return ctl_fail(pe, "missing context ID");
	for (k = 0; k < CTL_K_NKEYS; k++)
		if (missing & CTL_HAS(k))
			return ctl_fail(pe, "missing \"%s\"", ctl_key_names[k]);
	switch (req->cmd) {
	case CTL_CTX_SHOW:
		if (!(req->have & (K(ID) | K(LABEL))))
			return ctl_fail(pe, "missing context ID or label");
		if ((req->have & K(ID)) && (req->have & K(LABEL)))
			return ctl_fail(pe, "give an ID or a label, not both");
		break;
	case CTL_CTX_SET:
		if (!(req->have & ~K(ID)))
			return ctl_fail(pe, "nothing to set");
		break;
	case CTL_CTX_WRAP:
		want = req->profile == PARLOS_PROFILE_A ?
			PARLOS_PUBKEY_A_LEN : PARLOS_PUBKEY_B_LEN;
		if (req->bin_len != want)
			return ctl_fail(pe, "pubkey: %zu bytes, but profile %c "
					"keys have %zu", req->bin_len,
					req->profile == PARLOS_PROFILE_A ?
					'a' : 'b', want);
		break;
	default:
		break;
	}
	return 0;
}

static bool ctl_takes_key(const struct ctl_cmd_spec *spec, const char *s)
{
	int k = ctl_key_lookup(s);

	return k >= 0 && (spec->keys & CTL_HAS(k));
}

/* The ID (if the command takes one), then "key value" pairs. */
static int ctl_parse_args(int argc, char *const argv[], struct ctl_req *req,
			  const struct ctl_perr *pe)
{
	const struct ctl_cmd_spec *spec = &ctl_cmds[req->cmd];
	int i = 0, k, err;

	if (i < argc && (spec->id == CTL_ID_REQUIRED ||
			 (spec->id == CTL_ID_OPTIONAL &&
			  !ctl_takes_key(spec, argv[i])))) {
		err = ctl_parse_id(pe, argv[i++], req);
		if (err)
			return err;
	}
	for (; i < argc; i += 2) {
		k = ctl_key_lookup(argv[i]);
		if (k < 0 || !(spec->keys & CTL_HAS(k)))
			return ctl_fail(pe, "unexpected argument \"%.*s\"",
					CTL_QUOTE_MAX, argv[i]);
		if (req->have & CTL_HAS(k))
			return ctl_fail(pe, "\"%s\" given twice",
					ctl_key_names[k]);
		if (i + 1 >= argc)
			return ctl_fail(pe, "\"%s\" needs a value",
					ctl_key_names[k]);
		err = ctl_set_key(pe, req, (enum ctl_key)k, argv[i + 1]);
		if (err)
			return err;
		req->have |= CTL_HAS(k);
	}
	return ctl_check(spec, req, pe);
}

int ctl_parse(int argc, char *const argv[], struct ctl_req *req, char *err,
	      size_t errsz)
{
	struct ctl_perr pe = { err, errsz, NULL };
	int used = 0, ret;

	memset(req, 0, sizeof(*req));
	if (errsz)
		err[0] = '\0';
	if (argc < 1 || !argv || !argv[0])
		return ctl_fail(&pe, "no command");
	for (ret = 0; ret < argc; ret++)
		if (!argv[ret])
			return ctl_fail(&pe, "bad argument vector");
	if (!strcmp(argv[0], "help"))
		return ctl_parse_help(argc - 1, argv + 1, req, &pe);
	ret = ctl_find(argc, argv, req, &used, &pe);
	if (ret || req->cmd == CTL_HELP) {
		if (!ret && argc > used)
			return ctl_fail(&pe, "help: unexpected \"%.*s\"",
					CTL_QUOTE_MAX, argv[used]);
		return ret;
	}
	pe.cmd = ctl_cmd_name(req->cmd);
	/* "parlosctl ctx add help" */
	if (argc > used && !strcmp(argv[used], "help")) {
		req->help_first = req->help_last = req->cmd;
		req->cmd = CTL_HELP;
		return 0;
	}
	return ctl_parse_args(argc - used, argv + used, req, &pe);
}
