// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of parlosctl: argument parsing, hex, JSON and human output,
 * reply parsing with hand-built netlink messages (malformed ones
 * included), the command handlers against a fake kernel at the other
 * end of a socketpair, and the binary's exit codes and error lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "check.h"
#include "ctl.h"
#include "hex.h"

#define TFAM		0x21	/* the fake family id */
#define TPORT		4242	/* our fake port id */
#define TSEQ		1000	/* the sequence number before the first request */

/* Helpers */

/* Splits a line on spaces (test lines have no quoting) and parses it. */
static int parse_line(const char *line, struct ctl_req *req, char *err,
		      size_t errsz)
{
	static char buf[40000];
	char *argv[64], *p;
	int argc = 0;

	snprintf(buf, sizeof(buf), "%s", line);
	for (p = strtok(buf, " "); p && argc < 64; p = strtok(NULL, " "))
		argv[argc++] = p;
	return ctl_parse(argc, argv, req, err, errsz);
}

static struct ctl_req *new_req(void)
{
	struct ctl_req *r = calloc(1, sizeof(*r));

	if (!r)
		abort();
	return r;
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* The output written so far, as a string. */
static const char *out_text(struct ctl_out *o)
{
	static char buf[65536];
	size_t n = o->len < sizeof(buf) - 1 ? o->len : sizeof(buf) - 1;

	if (n)
		memcpy(buf, o->buf, n);
	buf[n] = '\0';
	return buf;
}

static struct nl_msg *tmsg(uint8_t cmd)
{
	struct nl_msg *m = nlmsg_alloc_size(32768);

	if (!m || !genlmsg_put(m, 0, 0, TFAM, 0, 0, cmd, 1))
		abort();
	return m;
}

/* A context tree with the required attributes. */
static struct nl_msg *tctx(uint32_t id, uint8_t role, uint8_t state)
{
	struct nl_msg *m = tmsg(PARLOS_CMD_CTX_GET);

	nla_put_u32(m, PARLOS_A_CTX_ID, id);
	nla_put_u8(m, PARLOS_A_ROLE, role);
	nla_put_u8(m, PARLOS_A_STATE, state);
	return m;
}

static void put_fpr(struct nl_msg *m, int type, uint8_t fill, int len)
{
	uint8_t v[16];

	memset(v, fill, sizeof(v));
	nla_put(m, type, len, v);
}

/* A full context tree: every optional attribute. */
static struct nl_msg *tctx_full(void)
{
	struct nl_msg *m = tctx(3, PARLOS_ROLE_ME, PARLOS_STATE_AS);
	struct nlattr *n;

	nla_put(m, PARLOS_A_LABEL, 5, "alice");
	nla_put_u16(m, PARLOS_A_UE_ID, 7);
	nla_put_u8(m, PARLOS_A_PROFILE, PARLOS_PROFILE_A);
	nla_put_u8(m, PARLOS_A_NAS_EEA, 2);
	nla_put_u8(m, PARLOS_A_NAS_EIA, 2);
	nla_put_u8(m, PARLOS_A_AS_EEA, 1);
	nla_put_u8(m, PARLOS_A_AS_EIA, 3);
	nla_put_u32(m, PARLOS_A_NAS_UL_COUNT, 0x0102);
	nla_put_u32(m, PARLOS_A_NAS_DL_COUNT, 5);
	n = nla_nest_start(m, PARLOS_A_FPR);
	put_fpr(m, PARLOS_KEY_KASME, 0x11, PARLOS_FPR_LEN);
	put_fpr(m, PARLOS_KEY_KENB, 0xab, PARLOS_FPR_LEN);
	nla_nest_end(m, n);
	n = nla_nest_start(m, PARLOS_A_STATS);
	nla_put_u64(m, PARLOS_STAT_NAS_TX, 4);
	nla_put_u64(m, PARLOS_STAT_NAS_MAC_FAIL, 1);
	nla_nest_end(m, n);
	return m;
}

static struct nlmsghdr *H(struct nl_msg *m)
{
	return nlmsg_hdr(m);
}

/* An NLMSG_ERROR; extack "" for none; capped: the request left out. */
static struct nl_msg *terr(uint32_t seq, int error, const char *extack,
			   bool capped)
{
	struct nl_msg *m = nlmsg_alloc_size(4096);
	size_t orig = capped ? 0 : 8;
	struct nlmsghdr *h;
	struct nlmsgerr *e;

	h = nlmsg_put(m, TPORT, seq, NLMSG_ERROR, sizeof(*e) + orig, 0);
	e = nlmsg_data(h);
	e->error = error;
	e->msg.nlmsg_len = (uint32_t)(NLMSG_HDRLEN + orig);
	e->msg.nlmsg_type = TFAM;
	e->msg.nlmsg_seq = seq;
	if (capped)
		h->nlmsg_flags |= NLM_F_CAPPED;
	if (extack[0]) {
		h->nlmsg_flags |= NLM_F_ACK_TLVS;
		nla_put_string(m, NLMSGERR_ATTR_MSG, extack);
	}
	return m;
}

/* The fake kernel */

struct fake {
	int k;				/* the kernel's end */
	struct ctl c;
	struct ctl_req *req;
	unsigned char rbuf[65536];	/* the last request read */
};

static bool fake_init(struct fake *f, bool json, const char *line)
{
	struct pnl_family fam = { .id = TFAM, .version = 1, .ngrps = 1,
				  .grps = { { "events", 5 } } };
	char err[256];
	int sv[2];

	memset(&f->c, 0, sizeof(f->c));
	f->req = new_req();
	if (parse_line(line, f->req, err, sizeof(err))) {
		fprintf(stderr, "  fake_init: %s\n", err);
		return false;
	}
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		return false;
	f->k = sv[1];
	if (pnl_init_fd(&f->c.nl, sv[0], TPORT, &fam))
		return false;
	f->c.nl.seq = TSEQ;
	f->c.req = f->req;
	out_init(&f->c.out, json);
	return true;
}

static void fake_fini(struct fake *f)
{
	out_free(&f->c.out);
	pnl_close(&f->c.nl);
	close(f->k);
	free(f->req);
}

/* Queues m (freed) as the kernel's message for request seq. */
static void fake_queue(struct fake *f, struct nl_msg *m, uint32_t seq,
		       uint16_t flags)
{
	struct nlmsghdr *h = H(m);

	h->nlmsg_seq = seq;
	h->nlmsg_pid = TPORT;
	h->nlmsg_flags |= flags;
	if (send(f->k, h, h->nlmsg_len, 0) < 0)
		perror("fake_queue");
	nlmsg_free(m);
}

static void fake_ack(struct fake *f, uint32_t seq, int error,
		     const char *extack)
{
	fake_queue(f, terr(seq, error, extack, true), seq, 0);
}

static void fake_done(struct fake *f, uint32_t seq, uint16_t flags)
{
	struct nl_msg *m = nlmsg_alloc_size(64);
	struct nlmsghdr *h = nlmsg_put(m, TPORT, seq, NLMSG_DONE, 4,
				       NLM_F_MULTI);
	int zero = 0;

	memcpy(nlmsg_data(h), &zero, sizeof(zero));
	fake_queue(f, m, seq, flags);
}

/* Reads the next request the tool sent; NULL if none. */
static struct nlmsghdr *fake_request(struct fake *f, struct nlattr **tb)
{
	struct nlmsghdr *h = (struct nlmsghdr *)f->rbuf;
	ssize_t n = recv(f->k, f->rbuf, sizeof(f->rbuf), MSG_DONTWAIT);

	if (n < (ssize_t)NLMSG_HDRLEN || !nlmsg_ok(h, (int)n))
		return NULL;
	if (genlmsg_parse(h, 0, tb, PARLOS_A_MAX, NULL) < 0)
		return NULL;
	return h;
}

static uint8_t req_cmd(struct nlmsghdr *h)
{
	return ((struct genlmsghdr *)nlmsg_data(h))->cmd;
}

/* Hex */

static void test_hex_encode(void)
{
	static const uint8_t in[] = { 0x00, 0x7f, 0xab, 0xff };
	char out[16];

	CHECK(hex_encode(out, sizeof(out), in, 4) == 0, "encode");
	CHECK(!strcmp(out, "007fabff"), "got %s", out);
	CHECK(hex_encode(out, 9, in, 4) == 0, "exact room");
	CHECK(hex_encode(out, 8, in, 4) == -ENOSPC, "no room for NUL");
	CHECK(out[0] == '\0', "emptied on error");
	CHECK(hex_encode(out, 1, in, 0) == 0 && out[0] == '\0', "empty");
	CHECK(hex_encode(out, 0, in, 0) == -ENOSPC, "no room at all");
	CHECK(hex_encode(out, sizeof(out), in, SIZE_MAX / 2 + 1) == -ENOSPC,
	      "wrapping length");
}

static void test_hex_decode(void)
{
	uint8_t out[4];
	size_t len, bad;

	CHECK(hex_decode(out, 4, &len, "00aBfF7f", &bad) == 0, "decode");
	CHECK(len == 4 && out[0] == 0 && out[1] == 0xab && out[2] == 0xff &&
	      out[3] == 0x7f, "value");
	CHECK(hex_decode(out, 4, &len, "", &bad) == 0 && len == 0, "empty");
	CHECK(hex_decode(out, 4, &len, "abc", &bad) == -EINVAL && bad == 3,
	      "odd");
	CHECK(hex_decode(out, 4, &len, "0g", &bad) == -EINVAL && bad == 1,
	      "bad digit");
	CHECK(hex_decode(out, 4, &len, "0x00", &bad) == -EINVAL && bad == 1,
	      "no 0x prefix");
	CHECK(hex_decode(out, 4, &len, "00 11", &bad) == -EINVAL && bad == 2,
	      "no spaces");
	CHECK(hex_decode(out, 4, &len, "00:11", NULL) == -EINVAL,
	      "no separators, NULL bad");
	CHECK(hex_decode(out, 4, &len, "0011223344", &bad) == -ENOSPC &&
	      len == 0, "too long");
	CHECK(hex_decode_n(out, 4, &len, "0011zz", 4, &bad) == 0 && len == 2,
	      "bounded length");
	CHECK(hex_decode_n(out, 4, &len, "0\0" "1", 3, &bad) == -EINVAL &&
	      bad == 1, "NUL inside");
}

static void test_hex_roundtrip(void)
{
	uint8_t in[256], back[256];
	char txt[HEX_ENCODED_SIZE(256)];
	size_t len, i;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)i;
	CHECK(hex_encode(txt, sizeof(txt), in, sizeof(in)) == 0, "encode");
	CHECK(hex_decode(back, sizeof(back), &len, txt, NULL) == 0 &&
	      len == sizeof(in) && !memcmp(in, back, len), "roundtrip");
}

/* Numbers and keywords */

static void test_numbers(void)
{
	uint64_t v = 99;

	CHECK(ctl_parse_u64("0", 10, &v) == 0 && v == 0, "zero");
	CHECK(ctl_parse_u64("42", 100, &v) == 0 && v == 42, "decimal");
	CHECK(ctl_parse_u64("007", 100, &v) == 0 && v == 7,
	      "leading zeros are decimal");
	CHECK(ctl_parse_u64("0x2a", 100, &v) == 0 && v == 42, "hex");
	CHECK(ctl_parse_u64("0X2A", 100, &v) == 0 && v == 42, "HEX");
	CHECK(ctl_parse_u64("0x0", 100, &v) == 0 && v == 0, "hex zero");
	CHECK(ctl_parse_u64("18446744073709551615", UINT64_MAX, &v) == 0 &&
	      v == UINT64_MAX, "u64 max");
	CHECK(ctl_parse_u64("0xffffffffffffffff", UINT64_MAX, &v) == 0 &&
	      v == UINT64_MAX, "u64 max hex");
	CHECK(ctl_parse_u64("18446744073709551616", UINT64_MAX, &v) ==
	      -ERANGE, "u64 overflow");
	CHECK(ctl_parse_u64("0x10000000000000000", UINT64_MAX, &v) ==
	      -ERANGE, "hex overflow");
	CHECK(ctl_parse_u64("99999999999999999999x", UINT64_MAX, &v) ==
	      -EINVAL, "bad digit after overflow");
	CHECK(ctl_parse_u64("256", 255, &v) == -ERANGE, "above max");
	CHECK(ctl_parse_u64("255", 255, &v) == 0 && v == 255, "at max");
	v = 99;
	CHECK(ctl_parse_u64("", 10, &v) == -EINVAL, "empty");
	CHECK(ctl_parse_u64("0x", 10, &v) == -EINVAL, "bare 0x");
	CHECK(ctl_parse_u64("-1", 10, &v) == -EINVAL, "negative");
	CHECK(ctl_parse_u64("+1", 10, &v) == -EINVAL, "plus");
	CHECK(ctl_parse_u64(" 1", 10, &v) == -EINVAL, "leading space");
	CHECK(ctl_parse_u64("1 ", 10, &v) == -EINVAL, "trailing space");
	CHECK(ctl_parse_u64("1a", 100, &v) == -EINVAL, "hex digit in decimal");
	CHECK(ctl_parse_u64("0x1g", 100, &v) == -EINVAL, "bad hex digit");
	CHECK(ctl_parse_u64("1e3", 10000, &v) == -EINVAL, "no exponents");
	CHECK(ctl_parse_u64("0b1", 10, &v) == -EINVAL, "no binary");
	CHECK(v == 99, "untouched on error");
}

static void test_keywords(void)
{
	static const char *const w[] = { "me", "network", NULL };

	CHECK(ctl_keyword("me", w) == 0, "first");
	CHECK(ctl_keyword("network", w) == 1, "second");
	CHECK(ctl_keyword("net", w) == -1, "no abbreviations");
	CHECK(ctl_keyword("ME", w) == -1, "case matters");
	CHECK(ctl_keyword("", w) == -1, "empty");
}

/* Command lines */

static void test_parse_ctx_add(void)
{
	struct ctl_req *r = new_req();
	char err[256];

	CHECK(parse_line("ctx add role me", r, err, sizeof(err)) == 0, "%s",
	      err);
	CHECK(r->cmd == CTL_CTX_ADD && r->role == PARLOS_ROLE_ME &&
	      r->have == CTL_HAS(CTL_K_ROLE), "minimal");
	CHECK(parse_line("ctx add label gw-1 role network ue-id 0xffff "
			 "nas-eea 0 nas-eia 3 as-eea 0x2 as-eia 1", r, err,
			 sizeof(err)) == 0, "%s", err);
	CHECK(r->role == PARLOS_ROLE_NETWORK && r->ue_id == 0xffff &&
	      r->nas_eea == 0 && r->nas_eia == 3 && r->as_eea == 2 &&
	      r->as_eia == 1, "fields");
	CHECK(r->label_len == 4 && !memcmp(r->label, "gw-1", 4), "label");
	free(r);
}

static void test_parse_ctx_others(void)
{
	struct ctl_req *r = new_req();
	char err[256];

	CHECK(parse_line("ctx del 0x10", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_CTX_DEL && r->id == 16, "del");
	CHECK(parse_line("ctx del 4294967295", r, err, sizeof(err)) == 0 &&
	      r->id == UINT32_MAX, "del max id");
	CHECK(parse_line("ctx show 3", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_CTX_SHOW && r->id == 3 &&
	      r->have == CTL_HAS(CTL_K_ID), "show id");
	CHECK(parse_line("ctx show label bob", r, err, sizeof(err)) == 0 &&
	      r->have == CTL_HAS(CTL_K_LABEL) && r->label_len == 3,
	      "show label");
	CHECK(parse_line("ctx list", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_CTX_LIST, "list");
	CHECK(parse_line("ctx set 1 ul-count 0xffffff dl-count 0 label x",
			 r, err, sizeof(err)) == 0, "%s", err);
	CHECK(r->cmd == CTL_CTX_SET && r->ul_count == 0xffffff &&
	      r->dl_count == 0 && (r->have & CTL_HAS(CTL_K_DL_COUNT)), "set");
	CHECK(parse_line("ctx set 1 dl-count 0x1000000", r, err,
			 sizeof(err)) == 0 && r->dl_count == 0x1000000,
	      "exhausted COUNT: %s", err);
	CHECK(parse_line("ctx keygen 2 profile b", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_CTX_KEYGEN && r->profile == PARLOS_PROFILE_B,
	      "keygen");
	CHECK(parse_line("ctx derive-as 2 count 0", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_CTX_DERIVE_AS && r->count == 0 &&
	      (r->have & CTL_HAS(CTL_K_COUNT)), "derive-as");
	CHECK(parse_line("monitor", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_MONITOR, "monitor");
	CHECK(parse_line("stats", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_STATS && !r->have, "stats");
	CHECK(parse_line("stats 9", r, err, sizeof(err)) == 0 && r->id == 9 &&
	      r->have == CTL_HAS(CTL_K_ID), "stats id");
	CHECK(parse_line("kenb export 1", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_KENB_EXPORT, "kenb");
	CHECK(parse_line("keylog", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_KEYLOG && !r->have, "keylog");
	CHECK(parse_line("keylog 4", r, err, sizeof(err)) == 0 && r->id == 4,
	      "keylog id");
	free(r);
}

static void test_parse_crypto(void)
{
	struct ctl_req *r = new_req();
	char line[512], err[256];
	int n;

	n = snprintf(line, sizeof(line), "ctx wrap 1 profile a pubkey ");
	memset(line + n, 'a', 64);
	line[n + 64] = '\0';
	CHECK(parse_line(line, r, err, sizeof(err)) == 0, "%s", err);
	CHECK(r->cmd == CTL_CTX_WRAP && r->bin_len == 32 && r->bin[0] == 0xaa,
	      "wrap a");
	n = snprintf(line, sizeof(line), "ctx wrap 1 profile b pubkey 02");
	memset(line + n, '0', 64);
	line[n + 64] = '\0';
	CHECK(parse_line(line, r, err, sizeof(err)) == 0 && r->bin_len == 33,
	      "wrap b: %s", err);
	n = snprintf(line, sizeof(line), "ctx unwrap 1 blob ");
	memset(line + n, 'F', 2 * PARLOS_BLOB_B_LEN);
	line[n + 2 * PARLOS_BLOB_B_LEN] = '\0';
	CHECK(parse_line(line, r, err, sizeof(err)) == 0 &&
	      r->bin_len == PARLOS_BLOB_B_LEN && r->bin[72] == 0xff,
	      "unwrap: %s", err);
	free(r);
}

static void test_parse_nas_srb(void)
{
	struct ctl_req *r = new_req();
	char *line = malloc(2 * PARLOS_PDU_MAX + 64);
	char err[256];
	int n;

	CHECK(parse_line("nas protect 1 sec-hdr 2 pdu 0741", r, err,
			 sizeof(err)) == 0, "%s", err);
	CHECK(r->cmd == CTL_NAS_PROTECT && r->sec_hdr == 2 &&
	      r->bin_len == 2 && r->bin[0] == 0x07 && r->bin[1] == 0x41,
	      "nas protect");
	CHECK(parse_line("nas unprotect 1 pdu 27", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_NAS_UNPROTECT && r->bin_len == 1, "unprotect");
	CHECK(parse_line("srb protect 1 rb 2 pdu 00", r, err,
			 sizeof(err)) == 0 && r->rb == 2 &&
	      !(r->have & CTL_HAS(CTL_K_CIPHER)), "srb, default cipher");
	CHECK(parse_line("srb unprotect 1 cipher off rb 1 pdu 00", r, err,
			 sizeof(err)) == 0 && r->cmd == CTL_SRB_UNPROTECT &&
	      r->cipher == 0 && (r->have & CTL_HAS(CTL_K_CIPHER)),
	      "srb cipher off");
	CHECK(parse_line("srb protect 1 rb 1 cipher on pdu 00", r, err,
			 sizeof(err)) == 0 && r->cipher == 1, "cipher on");
	/* The largest PDU, and one byte more */
	n = sprintf(line, "nas unprotect 1 pdu ");
	memset(line + n, '5', 2 * PARLOS_PDU_MAX);
	line[n + 2 * PARLOS_PDU_MAX] = '\0';
	CHECK(parse_line(line, r, err, sizeof(err)) == 0 &&
	      r->bin_len == PARLOS_PDU_MAX, "largest pdu: %s", err);
	strcpy(line + n + 2 * PARLOS_PDU_MAX, "55");
	CHECK(parse_line(line, r, err, sizeof(err)) == -EINVAL &&
	      strstr(err, "longer than 8200 bytes"), "pdu too long: %s", err);
	free(line);
	free(r);
}

static void test_parse_label(void)
{
	struct ctl_req *r = new_req();
	char line[256], err[256];
	int n;

	n = sprintf(line, "ctx add role me label ");
	memset(line + n, 'x', PARLOS_LABEL_MAX);
	line[n + PARLOS_LABEL_MAX] = '\0';
	CHECK(parse_line(line, r, err, sizeof(err)) == 0 &&
	      r->label_len == PARLOS_LABEL_MAX, "64 bytes: %s", err);
	strcat(line, "x");
	CHECK(parse_line(line, r, err, sizeof(err)) == -EINVAL &&
	      strstr(err, "label: longer than 64 bytes"), "65: %s", err);
	{
		char *argv[] = { "ctx", "add", "role", "me", "label", "" };

		CHECK(ctl_parse(6, argv, r, err, sizeof(err)) == -EINVAL &&
		      strstr(err, "label: empty"), "empty: %s", err);
	}
	{
		char *argv[] = { "ctx", "show", "label", "caf\xc3\xa9 x" };

		CHECK(ctl_parse(4, argv, r, err, sizeof(err)) == 0 &&
		      r->label_len == 7, "UTF-8 and spaces: %s", err);
	}
	free(r);
}

/* Usage errors: the line and what the message must say. */
static const struct {
	const char *line;
	const char *msg;
} usage_errors[] = {
	{ "", "no command" },
	{ "bogus", "unknown command \"bogus\"" },
	{ "ctx", "ctx: missing subcommand (add, del, show, list, set, keygen, wrap, unwrap, derive-as)" },
	{ "ctx frob", "ctx: unknown subcommand \"frob\"" },
	{ "nas", "nas: missing subcommand (protect, unprotect)" },
	{ "kenb import 1", "kenb: unknown subcommand \"import\" (export)" },
	/* ctx add */
	{ "ctx add", "ctx add: missing \"role\"" },
	{ "ctx add label x", "ctx add: missing \"role\"" },
	{ "ctx add role", "ctx add: \"role\" needs a value" },
	{ "ctx add role you", "ctx add: role: \"you\" is not one of me, network" },
	{ "ctx add role ME", "not one of me, network" },
	{ "ctx add role me role me", "ctx add: \"role\" given twice" },
	{ "ctx add 1 role me", "ctx add: unexpected argument \"1\"" },
	{ "ctx add role me count 1", "unexpected argument \"count\"" },
	{ "ctx add role me nas-eea 4", "nas-eea: \"4\" is out of range (0 to 3)" },
	{ "ctx add role me nas-eia -1", "nas-eia: \"-1\" is not a number" },
	{ "ctx add role me as-eea 0x4", "as-eea: \"0x4\" is out of range" },
	{ "ctx add role me as-eia x", "as-eia: \"x\" is not a number" },
	{ "ctx add role me ue-id 65536", "ue-id: \"65536\" is out of range (0 to 65535)" },
	{ "ctx add role me ue-id", "\"ue-id\" needs a value" },
	/* ctx del */
	{ "ctx del", "ctx del: missing context ID" },
	{ "ctx del x", "ctx del: \"x\" is not a context ID" },
	{ "ctx del -1", "\"-1\" is not a context ID" },
	{ "ctx del 4294967296", "context ID \"4294967296\" is out of range" },
	{ "ctx del 1 2", "ctx del: unexpected argument \"2\"" },
	{ "ctx del 1 label x", "unexpected argument \"label\"" },
	/* ctx show, list */
	{ "ctx show", "ctx show: missing context ID or label" },
	{ "ctx show 1 label a", "give an ID or a label, not both" },
	{ "ctx show label", "\"label\" needs a value" },
	{ "ctx show foo", "\"foo\" is not a context ID" },
	{ "ctx list 1", "ctx list: unexpected argument \"1\"" },
	/* ctx set */
	{ "ctx set", "ctx set: missing context ID" },
	{ "ctx set 1", "ctx set: nothing to set" },
	{ "ctx set 1 role me", "unexpected argument \"role\"" },
	{ "ctx set 1 ul-count 0x1000001", "ul-count: \"0x1000001\" is out of range (0 to 16777216)" },
	{ "ctx set 1 dl-count 16777217", "dl-count: \"16777217\" is out of range" },
	{ "ctx set 1 label a label b", "\"label\" given twice" },
	/* keygen, wrap, unwrap, derive-as */
	{ "ctx keygen 1", "ctx keygen: missing \"profile\"" },
	{ "ctx keygen profile a", "\"profile\" is not a context ID" },
	{ "ctx keygen 1 profile c", "profile: \"c\" is not one of a, b" },
	{ "ctx keygen 1 profile A", "is not one of a, b" },
	{ "ctx wrap 1 profile a", "ctx wrap: missing \"pubkey\"" },
	{ "ctx wrap 1 pubkey 0000000000000000000000000000000000000000000000000000000000000000",
	  "ctx wrap: missing \"profile\"" },
	{ "ctx wrap 1 profile a pubkey 00", "pubkey: 1 bytes, not 32 to 33" },
	{ "ctx wrap 1 profile a pubkey xx", "pubkey: not hex (character 1)" },
	{ "ctx unwrap 1", "ctx unwrap: missing \"blob\"" },
	{ "ctx unwrap 1 blob 00", "blob: 1 bytes, not 72 to 73" },
	{ "ctx unwrap 1 blob 0", "blob: odd number of hex digits" },
	{ "ctx derive-as 1", "ctx derive-as: missing \"count\"" },
	{ "ctx derive-as 1 count 0x1000000", "count: \"0x1000000\" is out of range" },
	{ "ctx derive-as 1 count", "\"count\" needs a value" },
	/* nas */
	{ "nas protect 1 pdu 00", "nas protect: missing \"sec-hdr\"" },
	{ "nas protect 1 sec-hdr 1", "nas protect: missing \"pdu\"" },
	{ "nas protect 1 sec-hdr 0 pdu 00", "sec-hdr: \"0\" is out of range (1 to 4)" },
	{ "nas protect 1 sec-hdr 5 pdu 00", "sec-hdr: \"5\" is out of range (1 to 4)" },
	{ "nas protect 1 sec-hdr 1 pdu 0g", "pdu: not hex (character 2)" },
	{ "nas protect 1 sec-hdr 1 pdu 0x00", "pdu: not hex (character 2)" },
	{ "nas protect 1 sec-hdr 1 pdu 000", "pdu: odd number of hex digits" },
	{ "nas protect sec-hdr 1 pdu 00", "\"sec-hdr\" is not a context ID" },
	{ "nas unprotect 1", "nas unprotect: missing \"pdu\"" },
	{ "nas unprotect 1 pdu 00 sec-hdr 1", "unexpected argument \"sec-hdr\"" },
	/* srb */
	{ "srb protect 1 pdu 00", "srb protect: missing \"rb\"" },
	{ "srb protect 1 rb 1", "srb protect: missing \"pdu\"" },
	{ "srb protect 1 rb 0 pdu 00", "rb: \"0\" is out of range (1 to 2)" },
	{ "srb protect 1 rb 3 pdu 00", "rb: \"3\" is out of range (1 to 2)" },
	{ "srb protect 1 rb 1 cipher yes pdu 00", "cipher: \"yes\" is not one of on, off" },
	{ "srb unprotect 1 rb 1 pdu", "srb unprotect: \"pdu\" needs a value" },
	{ "srb unprotect 1 rb 1 pdu 00 count 1", "unexpected argument \"count\"" },
	/* the rest */
	{ "monitor 1", "monitor: unexpected argument \"1\"" },
	{ "stats x", "stats: \"x\" is not a context ID" },
	{ "stats 1 2", "stats: unexpected argument \"2\"" },
	{ "kenb export", "kenb export: missing context ID" },
	{ "kenb export 1 2", "unexpected argument \"2\"" },
	{ "keylog x", "keylog: \"x\" is not a context ID" },
	{ "keylog 1 label a", "unexpected argument \"label\"" },
	/* help */
	{ "help bogus", "help: unknown command \"bogus\"" },
	{ "help ctx frob", "help: unknown subcommand \"frob\"" },
	{ "help ctx add x", "help: unexpected \"x\"" },
	{ "help monitor x", "help: unexpected \"x\"" },
	{ "ctx help x", "help: unexpected \"x\"" },
};

static void test_usage_errors(void)
{
	struct ctl_req *r = new_req();
	char err[256];
	size_t i;

	for (i = 0; i < sizeof(usage_errors) / sizeof(usage_errors[0]); i++) {
		int ret = parse_line(usage_errors[i].line, r, err, sizeof(err));

		CHECK(ret == -EINVAL, "\"%s\" accepted", usage_errors[i].line);
		CHECK(strstr(err, usage_errors[i].msg), "\"%s\": got \"%s\"",
		      usage_errors[i].line, err);
		CHECK(!strchr(err, '\n'), "\"%s\": not one line",
		      usage_errors[i].line);
	}
	free(r);
}

static void test_usage_error_truncation(void)
{
	struct ctl_req *r = new_req();
	char err[16], line[300];

	CHECK(parse_line("ctx add role me nas-eea 4", r, err, sizeof(err)) ==
	      -EINVAL && strlen(err) == sizeof(err) - 1, "small buffer");
	CHECK(ctl_parse(0, NULL, r, err, 0) == -EINVAL, "no buffer");
	memset(line, 'z', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	memcpy(line, "ctx del ", 8);
	CHECK(parse_line(line, r, err, sizeof(err)) == -EINVAL, "long arg");
	{
		char big[256];

		CHECK(parse_line(line, r, big, sizeof(big)) == -EINVAL &&
		      strlen(big) < 80, "long argument quoted short: %s", big);
	}
	free(r);
}

static void test_help(void)
{
	struct ctl_req *r = new_req();
	char err[256];

	CHECK(parse_line("help", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_HELP && r->help_first == CTL_CMD_FIRST &&
	      r->help_last == CTL_CMD_LAST, "help");
	CHECK(parse_line("help ctx", r, err, sizeof(err)) == 0 &&
	      r->help_first == CTL_CTX_ADD && r->help_last == CTL_CTX_DERIVE_AS,
	      "help ctx");
	CHECK(parse_line("ctx help", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_HELP && r->help_first == CTL_CTX_ADD &&
	      r->help_last == CTL_CTX_DERIVE_AS, "ctx help");
	CHECK(parse_line("ctx add help", r, err, sizeof(err)) == 0 &&
	      r->cmd == CTL_HELP && r->help_first == CTL_CTX_ADD &&
	      r->help_last == CTL_CTX_ADD, "ctx add help");
	CHECK(parse_line("help nas unprotect", r, err, sizeof(err)) == 0 &&
	      r->help_first == CTL_NAS_UNPROTECT &&
	      r->help_last == CTL_NAS_UNPROTECT, "help nas unprotect");
	CHECK(parse_line("srb help", r, err, sizeof(err)) == 0 &&
	      r->help_first == CTL_SRB_PROTECT &&
	      r->help_last == CTL_SRB_UNPROTECT, "srb help");
	CHECK(parse_line("monitor help", r, err, sizeof(err)) == 0 &&
	      r->help_first == CTL_MONITOR && r->help_last == CTL_MONITOR,
	      "monitor help");
	CHECK(parse_line("help keylog", r, err, sizeof(err)) == 0 &&
	      r->help_first == CTL_KEYLOG, "help keylog");
	CHECK(parse_line("kenb help", r, err, sizeof(err)) == 0 &&
	      r->help_first == CTL_KENB_EXPORT, "kenb help");
	free(r);
}

static void test_cmd_table(void)
{
	int c;

	for (c = CTL_CMD_FIRST; c <= CTL_CMD_LAST; c++) {
		const char *name = ctl_cmd_name(c);

		CHECK(strncmp(ctl_cmd_usage(c), name, strlen(name)) == 0,
		      "usage of %s starts with its name", name);
		CHECK(ctl_cmd_desc(c)[0], "%s has a description", name);
	}
	CHECK(!strcmp(ctl_cmd_name(CTL_CMD_COUNT), "parlosctl"), "out of range");
	CHECK(!strcmp(ctl_cmd_usage(CTL_NONE), ""), "no usage");
}

/* Escaping and JSON */

static void test_utf8(void)
{
	CHECK(utf8_seq_len((const uint8_t *)"a", 1) == 1, "ascii");
	CHECK(utf8_seq_len((const uint8_t *)"\xc3\xa9", 2) == 2, "2 bytes");
	CHECK(utf8_seq_len((const uint8_t *)"\xe2\x82\xac", 3) == 3, "3 bytes");
	CHECK(utf8_seq_len((const uint8_t *)"\xf0\x9f\x98\x80", 4) == 4,
	      "4 bytes");
	CHECK(utf8_seq_len((const uint8_t *)"\xc0\x80", 2) == 0, "overlong 2");
	CHECK(utf8_seq_len((const uint8_t *)"\xe0\x80\x80", 3) == 0,
	      "overlong 3");
	CHECK(utf8_seq_len((const uint8_t *)"\xed\xa0\x80", 3) == 0,
	      "surrogate");
	CHECK(utf8_seq_len((const uint8_t *)"\xf4\x90\x80\x80", 4) == 0,
	      "above U+10FFFF");
	CHECK(utf8_seq_len((const uint8_t *)"\xe2\x82", 2) == 0, "truncated");
	CHECK(utf8_seq_len((const uint8_t *)"\x80", 1) == 0, "continuation");
	CHECK(utf8_seq_len((const uint8_t *)"\xff", 1) == 0, "0xff");
	CHECK(utf8_seq_len((const uint8_t *)"\xc3\x28", 2) == 0,
	      "bad continuation");
	CHECK(utf8_seq_len((const uint8_t *)"", 0) == 0, "empty");
}

static void test_json_escape(void)
{
	static const char in[] = "a\"b\\c\n\t\r\x01\x1f\x7f/\xc3\xa9\xff"
				 "\xe2\x82|\0z";
	struct ctl_out o;

	out_init(&o, true);
	out_json_escaped(&o, in, sizeof(in) - 1);
	CHECK(!strcmp(out_text(&o), "a\\\"b\\\\c\\n\\t\\r\\u0001\\u001f"
		      "\\u007f/\xc3\xa9\\ufffd\\ufffd\\ufffd|\\u0000z"),
	      "got %s", out_text(&o));
	out_free(&o);
}

static void test_human_escape(void)
{
	static const char in[] = "a \"b\\\n\x01\xc3\xa9\xff";
	struct ctl_out o;

	out_init(&o, false);
	out_human_escaped(&o, in, sizeof(in) - 1, false);
	CHECK(!strcmp(out_text(&o), "a \"b\\\\\\x0a\\x01\xc3\xa9\\xff"),
	      "plain: %s", out_text(&o));
	out_reset(&o);
	out_human_escaped(&o, in, sizeof(in) - 1, true);
	CHECK(!strcmp(out_text(&o), "\"a \\\"b\\\\\\x0a\\x01\xc3\xa9\\xff\""),
	      "quoted: %s", out_text(&o));
	out_free(&o);
}

static void test_json_writer(void)
{
	struct ctl_out o;
	int i;

	out_init(&o, true);
	json_open(&o, NULL);
	json_u64(&o, "a", UINT64_MAX);
	json_array(&o, "l");
	json_u64(&o, NULL, 1);
	json_open(&o, NULL);
	json_close(&o);
	json_str(&o, NULL, "x");
	json_array_end(&o);
	json_bool(&o, "t", true);
	json_bool(&o, "f", false);
	json_hex(&o, "h", "\x01\xfe", 2);
	json_text(&o, "k\"ey", "v", 1);
	json_open(&o, "e");
	json_close(&o);
	json_close(&o);
	CHECK(!strcmp(out_text(&o), "{\"a\":18446744073709551615,\"l\":[1,{},"
		      "\"x\"],\"t\":true,\"f\":false,\"h\":\"01fe\","
		      "\"k\\\"ey\":\"v\",\"e\":{}}\n"), "got %s", out_text(&o));
	CHECK(!o.err, "no error");
	out_reset(&o);
	for (i = 0; i < CTL_JSON_DEPTH + 2; i++)
		json_array(&o, NULL);
	CHECK(o.err == -E2BIG, "depth limit");
	out_reset(&o);
	json_close(&o);
	CHECK(o.err, "close without open");
	out_free(&o);
}

static void test_out_buffer(void)
{
	struct ctl_out o;
	char big[10000];
	char *old;
	int fds[2];
	char rd[16];

	out_init(&o, false);
	memset(big, 'q', sizeof(big));
	out_bytes(&o, "secret", 6);
	old = o.buf;
	out_bytes(&o, big, sizeof(big));
	CHECK(o.len == sizeof(big) + 6 && o.buf != old, "grew");
	CHECK(!memcmp(o.buf, "secret", 6), "kept its content");
	out_reset(&o);
	CHECK(o.len == 0 && o.buf[0] == 0 && o.buf[5] == 0, "reset wipes");
	out_printf(&o, "%d-%s", 42, "x");
	CHECK(!strcmp(out_text(&o), "42-x"), "printf");
	CHECK(pipe(fds) == 0, "pipe");
	CHECK(out_write(&o, fds[1]) == 0 && o.len == 0, "write");
	CHECK(read(fds[0], rd, sizeof(rd)) == 4 && !memcmp(rd, "42-x", 4),
	      "written");
	close(fds[0]);
	close(fds[1]);
	out_printf(&o, "x");
	CHECK(out_write(&o, -1) == -EBADF, "write error");
	out_free(&o);
	CHECK(!o.buf && !o.len, "freed");
}

/* Printing */

static void parse_full(struct ctl_ctx *c)
{
	struct nl_msg *m = tctx_full();
	struct pnl_err e;

	if (ctl_parse_ctx(H(m), c, &e))
		fprintf(stderr, "  parse_full: %s\n", pnl_errstr(&e));
	nlmsg_free(m);
}

static void test_print_ctx_json(void)
{
	struct ctl_ctx c;
	struct ctl_out o;

	parse_full(&c);
	out_init(&o, true);
	print_ctx(&o, &c);
	CHECK(!strcmp(out_text(&o),
		      "{\"id\":3,\"role\":\"me\",\"state\":\"as\",\"label\":"
		      "\"alice\",\"ue_id\":7,\"profile\":\"a\",\"nas_eea\":2,"
		      "\"nas_eia\":2,\"as_eea\":1,\"as_eia\":3,"
		      "\"nas_ul_count\":258,\"nas_dl_count\":5,"
		      "\"fingerprints\":{\"kasme\":\"1111111111111111\","
		      "\"kenb\":\"abababababababab\"},\"stats\":{\"nas_tx\":4,"
		      "\"nas_mac_fail\":1}}\n"), "got %s", out_text(&o));
	out_reset(&o);
	memset(&c, 0, sizeof(c));
	c.id = 9;
	c.role = 7;
	c.state = 0;
	print_ctx(&o, &c);
	CHECK(!strcmp(out_text(&o), "{\"id\":9,\"role\":\"7\",\"state\":\"0\"}\n"),
	      "minimal, unknown enums: %s", out_text(&o));
	out_free(&o);
}

static void test_print_ctx_human(void)
{
	struct ctl_ctx c;
	struct ctl_out o;

	parse_full(&c);
	out_init(&o, false);
	print_ctx(&o, &c);
	CHECK(!strcmp(out_text(&o),
		      "context: 3\n"
		      "  role:         me\n"
		      "  state:        as\n"
		      "  label:        alice\n"
		      "  ue id:        7\n"
		      "  profile:      a\n"
		      "  nas eea:      2 (128-EEA2)\n"
		      "  nas eia:      2 (128-EIA2)\n"
		      "  as eea:       1 (128-EEA1)\n"
		      "  as eia:       3 (128-EIA3)\n"
		      "  nas ul count: 258\n"
		      "  nas dl count: 5\n"
		      "  fingerprints:\n"
		      "    kasme:   1111111111111111\n"
		      "    kenb:    abababababababab\n"), "got\n%s",
	      out_text(&o));
	out_reset(&o);
	memset(&c, 0, sizeof(c));
	c.id = 1;
	c.role = 9;
	c.state = PARLOS_STATE_NEW;
	c.have = CTL_CTX_LABEL | CTL_CTX_NAS_EEA;
	c.nas_eea = 9;
	memcpy(c.label, "a\nb", 3);
	c.label_len = 3;
	print_ctx(&o, &c);
	CHECK(!strcmp(out_text(&o),
		      "context: 1\n"
		      "  role:         9 (unknown)\n"
		      "  state:        new\n"
		      "  label:        a\\x0ab\n"
		      "  nas eea:      9 (unknown)\n"), "got\n%s",
	      out_text(&o));
	out_free(&o);
}

static void test_print_list(void)
{
	struct ctl_ctx c;
	struct ctl_out o;

	memset(&c, 0, sizeof(c));
	c.id = 1;
	c.role = PARLOS_ROLE_NETWORK;
	c.state = PARLOS_STATE_KASME;
	out_init(&o, true);
	print_ctx_list_begin(&o);
	print_ctx_list_end(&o);
	CHECK(!strcmp(out_text(&o), "[]\n"), "empty: %s", out_text(&o));
	out_reset(&o);
	print_ctx_list_begin(&o);
	print_ctx_list_item(&o, &c, true);
	c.id = 2;
	print_ctx_list_item(&o, &c, false);
	print_ctx_list_end(&o);
	CHECK(!strcmp(out_text(&o), "[{\"id\":1,\"role\":\"network\",\"state\":"
		      "\"kasme\"},{\"id\":2,\"role\":\"network\",\"state\":"
		      "\"kasme\"}]\n"), "two: %s", out_text(&o));
	out_free(&o);
	out_init(&o, false);
	print_ctx_list_begin(&o);
	print_ctx_list_end(&o);
	CHECK(o.len == 0, "human empty");
	print_ctx_list_item(&o, &c, true);
	print_ctx_list_item(&o, &c, false);
	CHECK(strstr(out_text(&o), "kasme\n\ncontext: 2\n"),
	      "blank line between: %s", out_text(&o));
	out_free(&o);
}

static void test_print_pdu(void)
{
	struct ctl_pdu *p = calloc(1, sizeof(*p));
	struct ctl_out o;

	p->len = 3;
	memcpy(p->pdu, "\x27\x00\xff", 3);
	p->count = 5;
	out_init(&o, true);
	print_pdu(&o, 1, 0, p);
	CHECK(!strcmp(out_text(&o), "{\"id\":1,\"pdu\":\"2700ff\",\"count\":5}\n"),
	      "nas: %s", out_text(&o));
	out_reset(&o);
	print_pdu(&o, 1, 2, p);
	CHECK(!strcmp(out_text(&o),
		      "{\"id\":1,\"rb\":2,\"pdu\":\"2700ff\",\"count\":5}\n"),
	      "srb: %s", out_text(&o));
	out_reset(&o);
	p->has_sec_hdr = true;
	p->sec_hdr = 2;
	print_pdu(&o, 1, 0, p);
	CHECK(!strcmp(out_text(&o), "{\"id\":1,\"pdu\":\"2700ff\",\"sec_hdr\":2,"
		      "\"count\":5}\n"), "unprotect: %s", out_text(&o));
	out_free(&o);
	out_init(&o, false);
	print_pdu(&o, 1, 0, p);
	CHECK(!strcmp(out_text(&o), "pdu:             2700ff\n"
		      "security header: 2\n"
		      "count:           5\n"), "human: %s", out_text(&o));
	out_reset(&o);
	p->has_sec_hdr = false;
	print_pdu(&o, 1, 1, p);
	CHECK(!strcmp(out_text(&o), "pdu:   2700ff\ncount: 5\n"),
	      "human srb: %s", out_text(&o));
	out_free(&o);
	free(p);
}

static void test_print_stats(void)
{
	struct ctl_stats s;
	struct ctl_out o;

	memset(&s, 0, sizeof(s));
	s.have = 1ull << PARLOS_STAT_CONTEXTS | 1ull << PARLOS_STAT_NAS_TX |
		 1ull << PARLOS_STAT_DRB_RX_DROP_DUPLICATE;
	s.v[PARLOS_STAT_CONTEXTS] = 2;
	s.v[PARLOS_STAT_NAS_TX] = 10;
	s.v[PARLOS_STAT_DRB_RX_DROP_DUPLICATE] = 1;
	out_init(&o, true);
	print_stats(&o, false, 0, &s);
	CHECK(!strcmp(out_text(&o), "{\"stats\":{\"contexts\":2,\"nas_tx\":10,"
		      "\"drb_rx_drop_duplicate\":1}}\n"), "ns: %s",
	      out_text(&o));
	out_reset(&o);
	print_stats(&o, true, 4, &s);
	CHECK(starts(out_text(&o), "{\"id\":4,\"stats\":{"), "ctx: %s",
	      out_text(&o));
	out_free(&o);
	out_init(&o, false);
	print_stats(&o, false, 0, &s);
	CHECK(!strcmp(out_text(&o), "namespace:\n"
		      "  contexts:              2\n"
		      "  nas tx:                10\n"
		      "  drb rx drop duplicate: 1\n"), "human: %s",
	      out_text(&o));
	out_reset(&o);
	print_stats(&o, true, 4, &s);
	CHECK(starts(out_text(&o), "context: 4\n  contexts:"),
	      "human ctx: %s", out_text(&o));
	out_free(&o);
}

static void test_print_keys(void)
{
	struct ctl_pubkey k = { .profile = PARLOS_PROFILE_A, .len = 2,
				.key = { 0xde, 0xad } };
	struct ctl_blob b;
	uint8_t kenb[PARLOS_KENB_LEN];
	struct ctl_out o;

	memset(&b, 0, sizeof(b));
	b.len = 1;
	b.blob[0] = 0x5a;
	memset(kenb, 0x42, sizeof(kenb));
	out_init(&o, false);
	print_pubkey(&o, 1, &k);
	print_blob(&o, 1, &b);
	print_deleted(&o, 1);
	CHECK(!strcmp(out_text(&o), "dead\n5a\n"), "human: %s", out_text(&o));
	out_reset(&o);
	print_kenb(&o, 1, kenb);
	CHECK(o.len == 65 && starts(o.buf, "4242"), "human kenb");
	out_free(&o);
	out_init(&o, true);
	print_pubkey(&o, 1, &k);
	CHECK(!strcmp(out_text(&o), "{\"id\":1,\"profile\":\"a\",\"pubkey\":"
		      "\"dead\"}\n"), "json pubkey: %s", out_text(&o));
	out_reset(&o);
	b.has_id = true;
	b.id = 8;
	b.has_fpr = true;
	print_blob(&o, 1, &b);
	CHECK(!strcmp(out_text(&o), "{\"id\":8,\"blob\":\"5a\",\"fingerprints\":"
		      "{}}\n"), "json blob: %s", out_text(&o));
	out_reset(&o);
	print_deleted(&o, 3);
	CHECK(!strcmp(out_text(&o), "{\"id\":3,\"deleted\":true}\n"),
	      "json deleted: %s", out_text(&o));
	out_reset(&o);
	print_kenb(&o, 2, kenb);
	CHECK(starts(out_text(&o), "{\"id\":2,\"kenb\":\"424242"),
	      "json kenb: %s", out_text(&o));
	out_free(&o);
}

static void test_print_keylog(void)
{
	struct ctl_out o;

	out_init(&o, false);
	print_keylog_begin(&o);
	print_keylog_text(&o, 1, "\"7\",\"aa\",\"bb\",\"cc\"\n");
	print_keylog_text(&o, 2, "l1\nl2");
	print_keylog_text(&o, 3, "");
	print_keylog_end(&o);
	CHECK(!strcmp(out_text(&o), "\"7\",\"aa\",\"bb\",\"cc\"\nl1\nl2\n"),
	      "human: %s", out_text(&o));
	out_free(&o);
	out_init(&o, true);
	print_keylog_begin(&o);
	print_keylog_end(&o);
	CHECK(!strcmp(out_text(&o), "{\"keylog\":[]}\n"), "json empty: %s",
	      out_text(&o));
	out_reset(&o);
	print_keylog_begin(&o);
	print_keylog_text(&o, 1, "\"7\",\"aa\"\n");
	print_keylog_text(&o, 2, "x\ny");
	print_keylog_end(&o);
	CHECK(!strcmp(out_text(&o), "{\"keylog\":[{\"id\":1,\"line\":"
		      "\"\\\"7\\\",\\\"aa\\\"\"},{\"id\":2,\"line\":\"x\"},"
		      "{\"id\":2,\"line\":\"y\"}]}\n"), "json: %s",
	      out_text(&o));
	out_free(&o);
}

static void test_print_events(void)
{
	struct ctl_event ev;
	struct ctl_out o;

	memset(&ev, 0, sizeof(ev));
	ev.cmd = PARLOS_CMD_EV_CTX_NEW;
	ev.id = 3;
	ev.have = CTL_EV_ROLE | CTL_EV_LABEL;
	ev.role = PARLOS_ROLE_ME;
	memcpy(ev.label, "my \"ue\"", 7);
	ev.label_len = 7;
	out_init(&o, false);
	print_event(&o, &ev);
	CHECK(!strcmp(out_text(&o), "ctx-new id 3 role me label "
		      "\"my \\\"ue\\\"\"\n"), "human ctx-new: %s", out_text(&o));
	out_reset(&o);
	memset(&ev, 0, sizeof(ev));
	ev.cmd = PARLOS_CMD_EV_INTEGRITY;
	ev.id = 4;
	ev.have = CTL_EV_LAYER | CTL_EV_RB | CTL_EV_COUNT;
	ev.layer = PARLOS_LAYER_SRB;
	ev.rb = 1;
	ev.count = 33;
	print_event(&o, &ev);
	CHECK(!strcmp(out_text(&o), "integrity id 4 layer srb rb 1 count 33\n"),
	      "human integrity: %s", out_text(&o));
	out_reset(&o);
	ev.cmd = 99;
	ev.layer = 9;
	ev.have = CTL_EV_LAYER;
	print_event(&o, &ev);
	CHECK(!strcmp(out_text(&o), "event 99 id 4 layer 9\n"),
	      "human unknown: %s", out_text(&o));
	out_free(&o);
	out_init(&o, true);
	ev.cmd = PARLOS_CMD_EV_REPLAY;
	ev.have = CTL_EV_LAYER | CTL_EV_COUNT;
	ev.layer = PARLOS_LAYER_NAS;
	print_event(&o, &ev);
	CHECK(!strcmp(out_text(&o), "{\"event\":\"replay\",\"id\":4,\"layer\":"
		      "\"nas\",\"count\":33}\n"), "json replay: %s",
	      out_text(&o));
	out_reset(&o);
	ev.cmd = PARLOS_CMD_EV_CTX_DEL;
	ev.have = CTL_EV_ROLE | CTL_EV_LABEL;
	ev.role = PARLOS_ROLE_NETWORK;
	memcpy(ev.label, "\xff", 1);
	ev.label_len = 1;
	print_event(&o, &ev);
	CHECK(!strcmp(out_text(&o), "{\"event\":\"ctx-del\",\"id\":4,\"role\":"
		      "\"network\",\"label\":\"\\ufffd\"}\n"), "json del: %s",
	      out_text(&o));
	out_reset(&o);
	ev.cmd = 77;
	ev.have = 0;
	print_event(&o, &ev);
	CHECK(!strcmp(out_text(&o), "{\"event\":\"77\",\"id\":4}\n"),
	      "json unknown: %s", out_text(&o));
	out_free(&o);
}

static void test_names(void)
{
	unsigned int i;

	for (i = PARLOS_STAT_NAS_TX; i <= PARLOS_STAT_MAX; i++)
		CHECK(ctl_stat_name(i), "stat %u has a name", i);
	for (i = 1; i <= PARLOS_KEY_MAX; i++)
		CHECK(ctl_key_name(i), "key %u has a name", i);
	for (i = PARLOS_CMD_EV_CTX_NEW; i <= PARLOS_CMD_EV_COUNT_WRAP; i++)
		CHECK(ctl_event_name(i), "event %u has a name", i);
	CHECK(!ctl_stat_name(PARLOS_STAT_PAD), "pad has none");
	CHECK(!ctl_role_name(0) && !ctl_role_name(1000), "role out of range");
	CHECK(!ctl_state_name(99) && !ctl_profile_name(3) &&
	      !ctl_layer_name(4) && !ctl_key_name(PARLOS_KEY_MAX + 1) &&
	      !ctl_event_name(PARLOS_CMD_CTX_NEW), "unknown values");
}

/* Reply parsing */

static void test_reply_ctx(void)
{
	struct ctl_ctx c;
	struct pnl_err e;
	struct nl_msg *m;

	parse_full(&c);
	CHECK(c.id == 3 && c.role == PARLOS_ROLE_ME &&
	      c.state == PARLOS_STATE_AS && c.ue_id == 7 &&
	      c.label_len == 5 && c.ul_count == 0x102 && c.dl_count == 5,
	      "fields");
	CHECK(c.fpr.have == (1u << PARLOS_KEY_KASME | 1u << PARLOS_KEY_KENB),
	      "fingerprints %x", c.fpr.have);
	CHECK(c.stats.v[PARLOS_STAT_NAS_TX] == 4, "stats");
	m = tctx(1, PARLOS_ROLE_NETWORK, PARLOS_STATE_NEW);
	CHECK(ctl_parse_ctx(H(m), &c, &e) == 0 && c.have == 0, "minimal");
	nlmsg_free(m);
}

/* A context tree with one attribute replaced or added. */
static int parse_ctx_with(int type, const void *data, int len, bool skip_id,
			  struct pnl_err *e)
{
	struct nl_msg *m = tmsg(PARLOS_CMD_CTX_GET);
	struct ctl_ctx c;
	int err;

	if (!skip_id && type != PARLOS_A_CTX_ID)
		nla_put_u32(m, PARLOS_A_CTX_ID, 1);
	if (type != PARLOS_A_ROLE)
		nla_put_u8(m, PARLOS_A_ROLE, 1);
	if (type != PARLOS_A_STATE)
		nla_put_u8(m, PARLOS_A_STATE, 1);
	if (data)
		nla_put(m, type, len, data);
	err = ctl_parse_ctx(H(m), &c, e);
	nlmsg_free(m);
	return err;
}

static void test_reply_ctx_malformed(void)
{
	static const uint8_t z[80];
	struct pnl_err e;

	CHECK(parse_ctx_with(0, NULL, 0, true, &e) == -EPROTO &&
	      strstr(e.msg, "context id missing"), "no id: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_ROLE, NULL, 0, false, &e) == -EPROTO &&
	      strstr(e.msg, "role missing"), "no role: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_STATE, NULL, 0, false, &e) == -EPROTO &&
	      strstr(e.msg, "state missing"), "no state: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_CTX_ID, z, 2, false, &e) == -EPROTO,
	      "short id: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_ROLE, z, 4, false, &e) == -EPROTO &&
	      strstr(e.msg, "role has 4 bytes, not 1"), "long role: %s",
	      e.msg);
	CHECK(parse_ctx_with(PARLOS_A_UE_ID, z, 4, false, &e) == -EPROTO,
	      "u16 as u32: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_NAS_UL_COUNT, z, 8, false, &e) ==
	      -EPROTO, "u32 as u64: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_NAS_EEA, z, 0, false, &e) == -EPROTO,
	      "empty u8: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_LABEL, z, PARLOS_LABEL_MAX + 1, false,
			     &e) == -EPROTO, "label too long: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_LABEL, z, PARLOS_LABEL_MAX, false, &e) ==
	      0, "longest label: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_LABEL, z, 0, false, &e) == 0,
	      "empty label: %s", e.msg);
	/* Not nests */
	CHECK(parse_ctx_with(PARLOS_A_FPR, z, 2, false, &e) == -EPROTO,
	      "fpr not a nest: %s", e.msg);
	CHECK(parse_ctx_with(PARLOS_A_STATS, z, 3, false, &e) == -EPROTO,
	      "stats not a nest: %s", e.msg);
	/* Types this version does not know are skipped. */
	CHECK(parse_ctx_with(PARLOS_A_MAX + 5, z, 3, false, &e) == 0,
	      "unknown attribute: %s", e.msg);
}

/* A context tree with a nest holding one attribute of type, len. */
static int parse_nest_with(int nest, int type, int len, struct ctl_ctx *c,
			   struct pnl_err *e)
{
	struct nl_msg *m = tctx(1, 1, 1);
	struct nlattr *n;
	int err;

	n = nla_nest_start(m, nest);
	put_fpr(m, type, 0x33, len);
	nla_nest_end_keep_empty(m, n);
	err = ctl_parse_ctx(H(m), c, e);
	nlmsg_free(m);
	return err;
}

static void test_reply_nests(void)
{
	struct ctl_ctx c;
	struct pnl_err e;

	CHECK(parse_nest_with(PARLOS_A_FPR, PARLOS_KEY_KUPINT, 8, &c, &e) == 0 &&
	      c.fpr.have == 1u << PARLOS_KEY_KUPINT && c.fpr.v[8][7] == 0x33,
	      "fingerprint: %s", e.msg);
	CHECK(parse_nest_with(PARLOS_A_FPR, PARLOS_KEY_KASME, 7, &c, &e) ==
	      -EPROTO && strstr(e.msg, "fingerprint has 7 bytes, not 8"),
	      "short fingerprint: %s", e.msg);
	CHECK(parse_nest_with(PARLOS_A_FPR, PARLOS_KEY_KASME, 9, &c, &e) ==
	      -EPROTO, "long fingerprint: %s", e.msg);
	CHECK(parse_nest_with(PARLOS_A_FPR, PARLOS_KEY_MAX + 1, 3, &c, &e) ==
	      0 && c.fpr.have == 0 && (c.have & CTL_CTX_FPR),
	      "unknown key type skipped: %s", e.msg);
	CHECK(parse_nest_with(PARLOS_A_FPR, 0, 8, &c, &e) == 0 &&
	      c.fpr.have == 0, "key type 0 skipped");
	CHECK(parse_nest_with(PARLOS_A_STATS, PARLOS_STAT_SRB_TX, 8, &c, &e) ==
	      0 && c.stats.have == 1ull << PARLOS_STAT_SRB_TX,
	      "counter: %s", e.msg);
	CHECK(parse_nest_with(PARLOS_A_STATS, PARLOS_STAT_SRB_TX, 4, &c, &e) ==
	      -EPROTO && strstr(e.msg, "counter has 4 bytes, not 8"),
	      "u32 counter: %s", e.msg);
	CHECK(parse_nest_with(PARLOS_A_STATS, PARLOS_STAT_PAD, 0, &c, &e) ==
	      0 && c.stats.have == 0, "pad skipped");
	CHECK(parse_nest_with(PARLOS_A_STATS, PARLOS_STAT_MAX + 1, 2, &c, &e) ==
	      0 && c.stats.have == 0, "unknown counter skipped");
}

static void test_reply_truncated(void)
{
	struct nl_msg *m = tctx(1, 1, 1);
	struct ctl_ctx c;
	struct pnl_err e;
	struct nlmsghdr *h = H(m);
	uint32_t len = h->nlmsg_len;

	h->nlmsg_len = NLMSG_HDRLEN + 2;	/* half a genl header */
	CHECK(ctl_parse_ctx(h, &c, &e) == -EPROTO &&
	      strstr(e.msg, "truncated header"), "half header: %s", e.msg);
	h->nlmsg_len = 4;
	CHECK(ctl_parse_ctx(h, &c, &e) == -EPROTO, "shorter than nlmsghdr");
	/* Cut inside the last attribute: state is lost, so it is missing */
	h->nlmsg_len = len - 6;
	CHECK(ctl_parse_ctx(h, &c, &e) == -EPROTO, "cut attribute: %s", e.msg);
	/* An attribute whose length runs past the message */
	h->nlmsg_len = len;
	{
		struct nlattr *a = (struct nlattr *)((char *)nlmsg_data(h) +
						     GENL_HDRLEN);

		a->nla_len = 0xfff0;
		CHECK(ctl_parse_ctx(h, &c, &e) == -EPROTO,
		      "overlong attribute: %s", e.msg);
		a->nla_len = 2;	/* shorter than its header */
		CHECK(ctl_parse_ctx(h, &c, &e) == -EPROTO,
		      "attribute shorter than a header: %s", e.msg);
	}
	nlmsg_free(m);
}

static void test_reply_pubkey_blob(void)
{
	struct ctl_pubkey k;
	struct ctl_blob b;
	struct pnl_err e;
	struct nl_msg *m;
	uint8_t z[80] = { 1 };
	struct nlattr *n;

	m = tmsg(PARLOS_CMD_KEYGEN);
	nla_put_u8(m, PARLOS_A_PROFILE, PARLOS_PROFILE_B);
	nla_put(m, PARLOS_A_PUBKEY, 33, z);
	CHECK(ctl_parse_pubkey(H(m), PARLOS_PROFILE_B, &k, &e) == 0 &&
	      k.len == 33 && k.key[0] == 1, "profile b: %s", e.msg);
	CHECK(ctl_parse_pubkey(H(m), PARLOS_PROFILE_A, &k, &e) == -EPROTO &&
	      strstr(e.msg, "profile 2, not 1"), "profile mismatch: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_KEYGEN);
	nla_put_u8(m, PARLOS_A_PROFILE, PARLOS_PROFILE_A);
	nla_put(m, PARLOS_A_PUBKEY, 33, z);
	CHECK(ctl_parse_pubkey(H(m), PARLOS_PROFILE_A, &k, &e) == -EPROTO &&
	      strstr(e.msg, "public key has 33 bytes, not 32"),
	      "length for profile: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_KEYGEN);
	nla_put_u8(m, PARLOS_A_PROFILE, PARLOS_PROFILE_A);
	CHECK(ctl_parse_pubkey(H(m), PARLOS_PROFILE_A, &k, &e) == -EPROTO &&
	      strstr(e.msg, "public key missing"), "no key: %s", e.msg);
	nlmsg_free(m);

	m = tmsg(PARLOS_CMD_WRAP);
	nla_put(m, PARLOS_A_BLOB, 72, z);
	CHECK(ctl_parse_blob(H(m), &b, &e) == 0 && b.len == 72 && !b.has_id &&
	      !b.has_fpr, "bare blob: %s", e.msg);
	nla_put_u32(m, PARLOS_A_CTX_ID, 6);
	n = nla_nest_start(m, PARLOS_A_FPR);
	put_fpr(m, PARLOS_KEY_KASME, 1, 8);
	nla_nest_end(m, n);
	CHECK(ctl_parse_blob(H(m), &b, &e) == 0 && b.has_id && b.id == 6 &&
	      b.has_fpr && b.fpr.have == 1u << PARLOS_KEY_KASME,
	      "blob, id, fingerprints: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_WRAP);
	nla_put(m, PARLOS_A_BLOB, 71, z);
	CHECK(ctl_parse_blob(H(m), &b, &e) == -EPROTO &&
	      strstr(e.msg, "blob has 71 bytes, not 72 to 73"), "short: %s",
	      e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_WRAP);
	nla_put(m, PARLOS_A_BLOB, 74, z);
	CHECK(ctl_parse_blob(H(m), &b, &e) == -EPROTO, "long: %s", e.msg);
	nlmsg_free(m);
}

static void test_reply_pdu(void)
{
	struct ctl_pdu *p = malloc(sizeof(*p));
	uint8_t *big = calloc(1, PARLOS_PDU_MAX + 1);
	struct pnl_err e;
	struct nl_msg *m;

	m = tmsg(PARLOS_CMD_NAS_PROTECT);
	nla_put(m, PARLOS_A_PDU, 3, "\x27\x01\x02");
	nla_put_u32(m, PARLOS_A_COUNT, 9);
	CHECK(ctl_parse_pdu(H(m), false, p, &e) == 0 && p->len == 3 &&
	      p->count == 9 && !p->has_sec_hdr, "protect: %s", e.msg);
	CHECK(ctl_parse_pdu(H(m), true, p, &e) == -EPROTO &&
	      strstr(e.msg, "security header type missing"), "no sec hdr: %s",
	      e.msg);
	nla_put_u8(m, PARLOS_A_SEC_HDR, 2);
	CHECK(ctl_parse_pdu(H(m), true, p, &e) == 0 && p->has_sec_hdr &&
	      p->sec_hdr == 2, "unprotect: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_NAS_PROTECT);
	nla_put(m, PARLOS_A_PDU, 3, "abc");
	CHECK(ctl_parse_pdu(H(m), false, p, &e) == -EPROTO &&
	      strstr(e.msg, "COUNT missing"), "no count: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_NAS_PROTECT);
	nla_put_u32(m, PARLOS_A_COUNT, 9);
	CHECK(ctl_parse_pdu(H(m), false, p, &e) == -EPROTO &&
	      strstr(e.msg, "PDU missing"), "no pdu: %s", e.msg);
	nla_put(m, PARLOS_A_PDU, PARLOS_PDU_MAX + 1, big);
	CHECK(ctl_parse_pdu(H(m), false, p, &e) == -EPROTO,
	      "pdu too long: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_SRB_PROTECT);
	nla_put(m, PARLOS_A_PDU, PARLOS_PDU_MAX, big);
	nla_put_u32(m, PARLOS_A_COUNT, 0);
	CHECK(ctl_parse_pdu(H(m), false, p, &e) == 0 &&
	      p->len == PARLOS_PDU_MAX, "largest pdu: %s", e.msg);
	nlmsg_free(m);
	free(big);
	free(p);
}

static void test_reply_stats_kenb_keylog(void)
{
	uint8_t key[PARLOS_KENB_LEN], z[40] = { 9 };
	struct ctl_stats s;
	struct pnl_err e;
	struct nl_msg *m;
	struct nlattr *n;
	const char *text;

	m = tmsg(PARLOS_CMD_STATS_GET);
	CHECK(ctl_parse_stats(H(m), &s, &e) == -EPROTO &&
	      strstr(e.msg, "statistics missing"), "no stats: %s", e.msg);
	n = nla_nest_start(m, PARLOS_A_STATS);
	nla_put_u64(m, PARLOS_STAT_GENERATION, 77);
	nla_put_u64(m, PARLOS_STAT_MAX_CONTEXTS, 1024);
	nla_nest_end(m, n);
	CHECK(ctl_parse_stats(H(m), &s, &e) == 0 &&
	      s.v[PARLOS_STAT_GENERATION] == 77 &&
	      s.v[PARLOS_STAT_MAX_CONTEXTS] == 1024, "stats: %s", e.msg);
	nlmsg_free(m);

	m = tmsg(PARLOS_CMD_KENB_EXPORT);
	nla_put(m, PARLOS_A_KEY, 31, z);
	CHECK(ctl_parse_kenb(H(m), key, &e) == -EPROTO, "short key: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_KENB_EXPORT);
	CHECK(ctl_parse_kenb(H(m), key, &e) == -EPROTO &&
	      strstr(e.msg, "KeNB missing"), "no key: %s", e.msg);
	nla_put(m, PARLOS_A_KEY, 32, z);
	CHECK(ctl_parse_kenb(H(m), key, &e) == 0 && key[0] == 9, "key");
	nlmsg_free(m);

	m = tmsg(PARLOS_CMD_KEYLOG_GET);
	nla_put_string(m, PARLOS_A_KEYLOG, "\"1\",\"a\",\"b\",\"c\"\n");
	CHECK(ctl_parse_keylog(H(m), &text, &e) == 0 &&
	      !strcmp(text, "\"1\",\"a\",\"b\",\"c\"\n"), "keylog: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_KEYLOG_GET);
	nla_put(m, PARLOS_A_KEYLOG, 3, "abc");
	CHECK(ctl_parse_keylog(H(m), &text, &e) == -EPROTO &&
	      strstr(e.msg, "not a string"), "no NUL: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_KEYLOG_GET);
	nla_put(m, PARLOS_A_KEYLOG, 4, "a\0b");
	CHECK(ctl_parse_keylog(H(m), &text, &e) == -EPROTO, "NUL inside");
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_KEYLOG_GET);
	nla_put(m, PARLOS_A_KEYLOG, 0, NULL);
	CHECK(ctl_parse_keylog(H(m), &text, &e) == -EPROTO, "empty attribute");
	nlmsg_free(m);
}

static void test_reply_event(void)
{
	struct ctl_event ev;
	struct pnl_err e;
	struct nl_msg *m;

	m = tmsg(PARLOS_CMD_EV_INTEGRITY);
	nla_put_u32(m, PARLOS_A_CTX_ID, 5);
	nla_put_u8(m, PARLOS_A_LAYER, PARLOS_LAYER_DRB);
	nla_put_u8(m, PARLOS_A_RB_ID, 3);
	nla_put_u32(m, PARLOS_A_COUNT, 1000);
	CHECK(ctl_parse_event(H(m), &ev, &e) == 0 &&
	      ev.cmd == PARLOS_CMD_EV_INTEGRITY && ev.id == 5 &&
	      ev.layer == PARLOS_LAYER_DRB && ev.rb == 3 && ev.count == 1000 &&
	      ev.have == (CTL_EV_LAYER | CTL_EV_RB | CTL_EV_COUNT),
	      "integrity: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_EV_CTX_NEW);
	nla_put_u32(m, PARLOS_A_CTX_ID, 5);
	nla_put_u8(m, PARLOS_A_ROLE, 1);
	nla_put(m, PARLOS_A_LABEL, 2, "ab");
	CHECK(ctl_parse_event(H(m), &ev, &e) == 0 &&
	      ev.have == (CTL_EV_ROLE | CTL_EV_LABEL) && ev.label_len == 2,
	      "ctx-new: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_EV_REPLAY);
	nla_put_u8(m, PARLOS_A_LAYER, 1);
	CHECK(ctl_parse_event(H(m), &ev, &e) == -EPROTO &&
	      strstr(e.msg, "context id missing"), "no id: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(PARLOS_CMD_EV_REPLAY);
	nla_put_u32(m, PARLOS_A_CTX_ID, 5);
	nla_put_u16(m, PARLOS_A_RB_ID, 1);
	CHECK(ctl_parse_event(H(m), &ev, &e) == -EPROTO, "u16 rb: %s", e.msg);
	nlmsg_free(m);
}

/* Errors and extended acks */

static void test_extack(void)
{
	struct pnl_err e;
	struct nl_msg *m;

	m = terr(1, -EEXIST, "label in use", true);
	CHECK(pnl_parse_error(H(m), &e) == -EEXIST && e.err == -EEXIST &&
	      !strcmp(pnl_errstr(&e), "label in use"), "capped: %s", e.msg);
	nlmsg_free(m);
	m = terr(1, -EPERM, "KeNB export disabled", false);
	CHECK(pnl_parse_error(H(m), &e) == -EPERM &&
	      !strcmp(e.msg, "KeNB export disabled"), "with the request: %s",
	      e.msg);
	nlmsg_free(m);
	m = terr(1, -ENOENT, "", true);
	CHECK(pnl_parse_error(H(m), &e) == -ENOENT && !e.msg[0] &&
	      !strcmp(pnl_errstr(&e), strerror(ENOENT)), "no extack");
	nlmsg_free(m);
	m = terr(1, 0, "", true);
	CHECK(pnl_parse_error(H(m), &e) == 0 && e.err == 0, "ack");
	nlmsg_free(m);
	m = terr(1, 5, "", true);
	CHECK(pnl_parse_error(H(m), &e) == -EPROTO, "positive error");
	nlmsg_free(m);
	m = terr(1, -EINVAL, "two\nlines\x1b[31m\n", true);
	CHECK(pnl_parse_error(H(m), &e) == -EINVAL &&
	      !strcmp(e.msg, "two lines?[31m"), "one printable line: %s",
	      e.msg);
	nlmsg_free(m);
	m = terr(1, -EINVAL, "", true);
	H(m)->nlmsg_len = NLMSG_HDRLEN + 2;
	CHECK(pnl_parse_error(H(m), &e) == -EPROTO, "truncated");
	nlmsg_free(m);
}

static void test_extack_odd(void)
{
	struct pnl_err e;
	struct nl_msg *m;

	/* MISS_TYPE alone */
	m = terr(1, -EINVAL, "", true);
	H(m)->nlmsg_flags |= NLM_F_ACK_TLVS;
	nla_put_u32(m, NLMSGERR_ATTR_MISS_TYPE, PARLOS_A_PDU);
	CHECK(pnl_parse_error(H(m), &e) == -EINVAL && e.miss_type == PARLOS_A_PDU &&
	      strstr(e.msg, "missing attribute 17"), "miss type: %s", e.msg);
	nlmsg_free(m);
	/* A message not terminated: the bytes there are taken */
	m = terr(1, -EINVAL, "", true);
	H(m)->nlmsg_flags |= NLM_F_ACK_TLVS;
	nla_put(m, NLMSGERR_ATTR_MSG, 3, "abc");
	CHECK(pnl_parse_error(H(m), &e) == -EINVAL && !strcmp(e.msg, "abc"),
	      "unterminated: %s", e.msg);
	nlmsg_free(m);
	/* The echoed request claims to be longer than the message */
	m = terr(1, -EINVAL, "hidden", false);
	((struct nlmsgerr *)nlmsg_data(H(m)))->msg.nlmsg_len = 60000;
	CHECK(pnl_parse_error(H(m), &e) == -EINVAL && !e.msg[0],
	      "bogus request length ignored");
	nlmsg_free(m);
	/* A very long message is cut */
	{
		char longmsg[1000];

		memset(longmsg, 'm', sizeof(longmsg) - 1);
		longmsg[sizeof(longmsg) - 1] = '\0';
		m = terr(1, -EINVAL, longmsg, true);
		CHECK(pnl_parse_error(H(m), &e) == -EINVAL &&
		      strlen(e.msg) == PNL_ERRMSG_MAX - 1, "cut");
		nlmsg_free(m);
	}
}

static void test_done(void)
{
	struct nl_msg *m = nlmsg_alloc_size(256);
	struct nlmsghdr *h;
	struct pnl_err e;
	int err = -EMSGSIZE;

	h = nlmsg_put(m, 1, 1, NLMSG_DONE, sizeof(err), NLM_F_MULTI);
	memcpy(nlmsg_data(h), &err, sizeof(err));
	CHECK(pnl_parse_done(h, &e) == -EMSGSIZE && !e.msg[0], "errno");
	h->nlmsg_flags |= NLM_F_ACK_TLVS;
	nla_put_string(m, NLMSGERR_ATTR_MSG, "dump failed");
	h = H(m);
	CHECK(pnl_parse_done(h, &e) == -EMSGSIZE &&
	      !strcmp(e.msg, "dump failed"), "extack: %s", e.msg);
	err = 0;
	memcpy(nlmsg_data(h), &err, sizeof(err));
	CHECK(pnl_parse_done(h, &e) == 0, "done");
	h->nlmsg_len = NLMSG_HDRLEN;
	CHECK(pnl_parse_done(h, &e) == 0, "no payload");
	nlmsg_free(m);
}

static void test_family(void)
{
	struct nl_msg *m = nlmsg_alloc_size(4096);
	struct nlattr *grps, *g;
	struct pnl_family f;
	struct pnl_err e;
	uint32_t id;

	genlmsg_put(m, 0, 0, GENL_ID_CTRL, 0, 0, CTRL_CMD_NEWFAMILY, 2);
	nla_put_string(m, CTRL_ATTR_FAMILY_NAME, "parlos");
	CHECK(pnl_parse_family(H(m), &f, &e) == -EPROTO &&
	      strstr(e.msg, "family id missing"), "no id: %s", e.msg);
	nla_put_u16(m, CTRL_ATTR_FAMILY_ID, 0x22);
	nla_put_u32(m, CTRL_ATTR_VERSION, 1);
	nla_put_u32(m, CTRL_ATTR_MAXATTR, PARLOS_A_MAX);
	grps = nla_nest_start(m, CTRL_ATTR_MCAST_GROUPS);
	g = nla_nest_start(m, 1);
	nla_put_string(m, CTRL_ATTR_MCAST_GRP_NAME, "events");
	nla_put_u32(m, CTRL_ATTR_MCAST_GRP_ID, 9);
	nla_nest_end(m, g);
	nla_nest_end(m, grps);
	CHECK(pnl_parse_family(H(m), &f, &e) == 0 && f.id == 0x22 &&
	      f.version == 1 && f.maxattr == PARLOS_A_MAX && f.ngrps == 1,
	      "family: %s", e.msg);
	CHECK(pnl_grp_id(&f, "events", &id) == 0 && id == 9, "group");
	CHECK(pnl_grp_id(&f, "other", &id) == -ENOENT, "no such group");
	nlmsg_free(m);

	m = nlmsg_alloc_size(4096);
	genlmsg_put(m, 0, 0, GENL_ID_CTRL, 0, 0, CTRL_CMD_NEWFAMILY, 2);
	nla_put_u16(m, CTRL_ATTR_FAMILY_ID, 0x22);
	grps = nla_nest_start(m, CTRL_ATTR_MCAST_GROUPS);
	g = nla_nest_start(m, 1);
	nla_put(m, CTRL_ATTR_MCAST_GRP_NAME, 6, "events");	/* no NUL */
	nla_put_u32(m, CTRL_ATTR_MCAST_GRP_ID, 9);
	nla_nest_end(m, g);
	nla_nest_end(m, grps);
	CHECK(pnl_parse_family(H(m), &f, &e) == -EPROTO &&
	      strstr(e.msg, "group name is not a string"), "bad group: %s",
	      e.msg);
	nlmsg_free(m);
}

static void test_getters(void)
{
	struct nl_msg *m = tmsg(1);
	struct nlattr *tb[8];
	struct pnl_err e;
	const void *data;
	const char *s;
	uint64_t u64;
	uint32_t u32;
	uint16_t u16;
	uint8_t u8, out[4];
	size_t len;

	nla_put_u8(m, 1, 0xaa);
	nla_put_u16(m, 2, 0xbbcc);
	nla_put_u32(m, 3, 0xdeadbeef);
	nla_put_u64(m, 4, 0x0102030405060708ull);
	nla_put_string(m, 5, "hello");
	nla_put(m, 6, 3, "xyz");
	CHECK(pnl_parse(H(m), 0, tb, 7, NULL, &e) == 0, "parse");
	CHECK(pnl_get_u8(tb[1], "a", &u8, &e) == 0 && u8 == 0xaa, "u8");
	CHECK(pnl_get_u16(tb[2], "b", &u16, &e) == 0 && u16 == 0xbbcc, "u16");
	CHECK(pnl_get_u32(tb[3], "c", &u32, &e) == 0 && u32 == 0xdeadbeef,
	      "u32");
	CHECK(pnl_get_u64(tb[4], "d", &u64, &e) == 0 &&
	      u64 == 0x0102030405060708ull, "u64");
	CHECK(pnl_get_u32(tb[1], "a", &u32, &e) == -EPROTO &&
	      !strcmp(e.msg, "malformed reply: a has 1 bytes, not 4"),
	      "wrong size: %s", e.msg);
	CHECK(pnl_get_u8(tb[7], "g", &u8, &e) == -EPROTO &&
	      !strcmp(e.msg, "malformed reply: g missing"), "missing");
	CHECK(pnl_get_str(tb[5], "s", 5, &s, &e) == 0 && !strcmp(s, "hello"),
	      "string");
	CHECK(pnl_get_str(tb[5], "s", 4, &s, &e) == -EPROTO, "string too long");
	CHECK(pnl_get_str(tb[6], "s", 10, &s, &e) == -EPROTO, "not a string");
	CHECK(pnl_get_bin(tb[6], "x", 3, 3, &data, &len, &e) == 0 && len == 3 &&
	      !memcmp(data, "xyz", 3), "binary");
	CHECK(pnl_get_bin(tb[6], "x", 4, 8, &data, &len, &e) == -EPROTO &&
	      strstr(e.msg, "not 4 to 8"), "binary range: %s", e.msg);
	CHECK(pnl_copy_bin(tb[6], "x", 0, 4, out, &len, &e) == 0 &&
	      !memcmp(out, "xyz", 3), "copy");
	nlmsg_free(m);
}

static void test_parse_policy(void)
{
	static const struct nla_policy pol[4] = {
		[1] = { .type = NLA_U32 },
		[2] = { .type = NLA_UNSPEC, .maxlen = 2 },
	};
	struct nl_msg *m = tmsg(1);
	struct nlattr *tb[4];
	struct pnl_err e;

	nla_put_u32(m, 1, 1);
	nla_put(m, 2, 3, "abc");
	CHECK(pnl_parse(H(m), 0, tb, 3, pol, &e) == -EPROTO &&
	      strstr(e.msg, "top-level attribute 2 is invalid"),
	      "names the attribute: %s", e.msg);
	nlmsg_free(m);
	m = tmsg(1);
	nla_put_u8(m, 1, 1);
	CHECK(pnl_parse(H(m), 0, tb, 3, pol, &e) == -EPROTO &&
	      strstr(e.msg, "attribute 1 is invalid"), "short u32: %s", e.msg);
	CHECK(pnl_parse_nested(NULL, "thing", tb, 3, pol, &e) == -EPROTO &&
	      strstr(e.msg, "thing missing"), "no nest");
	nlmsg_free(m);
}

/* The handlers against the fake kernel */

static void test_fake_ctx_add(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	struct fake f;

	if (!fake_init(&f, true, "ctx add role network label gw ue-id 9 "
		       "nas-eea 2 as-eia 0")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_queue(&f, tctx_full(), TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_ctx_add(&f.c) == 0, "add: %s", pnl_errstr(&f.c.e));
	CHECK(starts(out_text(&f.c.out), "{\"id\":3,\"role\":\"me\""),
	      "printed: %s", out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_CTX_NEW && h->nlmsg_type == TFAM,
	      "command");
	if (h) {
		CHECK(h->nlmsg_flags == (NLM_F_REQUEST | NLM_F_ACK), "flags %x",
		      h->nlmsg_flags);
		CHECK(h->nlmsg_seq == TSEQ + 1 && h->nlmsg_pid == TPORT, "seq");
		CHECK(tb[PARLOS_A_ROLE] && nla_get_u8(tb[PARLOS_A_ROLE]) ==
		      PARLOS_ROLE_NETWORK, "role");
		CHECK(tb[PARLOS_A_LABEL] && nla_len(tb[PARLOS_A_LABEL]) == 2 &&
		      !memcmp(nla_data(tb[PARLOS_A_LABEL]), "gw", 2),
		      "label without NUL");
		CHECK(tb[PARLOS_A_UE_ID] && nla_len(tb[PARLOS_A_UE_ID]) == 2 &&
		      nla_get_u16(tb[PARLOS_A_UE_ID]) == 9, "ue id");
		CHECK(tb[PARLOS_A_NAS_EEA] && nla_get_u8(tb[PARLOS_A_NAS_EEA]) ==
		      2 && tb[PARLOS_A_AS_EIA] &&
		      nla_get_u8(tb[PARLOS_A_AS_EIA]) == 0, "algorithms");
		CHECK(!tb[PARLOS_A_NAS_EIA] && !tb[PARLOS_A_AS_EEA] &&
		      !tb[PARLOS_A_CTX_ID], "nothing else");
	}
	fake_fini(&f);
}

static void test_fake_errors(void)
{
	struct fake f;

	if (!fake_init(&f, false, "ctx add role me label taken")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_ack(&f, TSEQ + 1, -EEXIST, "label already in use");
	CHECK(ctl_ctx_add(&f.c) == -EEXIST &&
	      !strcmp(pnl_errstr(&f.c.e), "label already in use"),
	      "extack: %s", pnl_errstr(&f.c.e));
	CHECK(f.c.out.len == 0, "nothing printed");
	fake_ack(&f, TSEQ + 2, -ENOSPC, "");
	CHECK(ctl_ctx_add(&f.c) == -ENOSPC &&
	      !strcmp(pnl_errstr(&f.c.e), strerror(ENOSPC)), "strerror");
	/* A stale reply to an old request is skipped */
	fake_ack(&f, TSEQ - 5, -EPERM, "stale");
	fake_queue(&f, tctx(1, 1, 1), TSEQ + 3, 0);
	fake_ack(&f, TSEQ + 3, 0, "");
	CHECK(ctl_ctx_add(&f.c) == 0, "stale skipped: %s", pnl_errstr(&f.c.e));
	/* Only an ack where a context was due */
	fake_ack(&f, TSEQ + 4, 0, "");
	CHECK(ctl_ctx_add(&f.c) == -EPROTO &&
	      strstr(f.c.e.msg, "no reply message"), "no reply: %s",
	      f.c.e.msg);
	/* A reply that is not a context tree */
	{
		struct nl_msg *m = tmsg(PARLOS_CMD_CTX_GET);

		nla_put_u32(m, PARLOS_A_CTX_ID, 1);
		nla_put_u8(m, PARLOS_A_ROLE, 1);
		fake_queue(&f, m, TSEQ + 5, 0);
		fake_ack(&f, TSEQ + 5, 0, "");
	}
	CHECK(ctl_ctx_add(&f.c) == -EPROTO &&
	      !strcmp(f.c.e.msg, "malformed reply: state missing"),
	      "malformed: %s", f.c.e.msg);
	fake_fini(&f);
}

static void test_fake_del_show(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	struct fake f;

	if (!fake_init(&f, true, "ctx del 12")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_ctx_del(&f.c) == 0, "del: %s", pnl_errstr(&f.c.e));
	CHECK(!strcmp(out_text(&f.c.out), "{\"id\":12,\"deleted\":true}\n"),
	      "printed: %s", out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_CTX_DEL && tb[PARLOS_A_CTX_ID] &&
	      nla_get_u32(tb[PARLOS_A_CTX_ID]) == 12, "request");
	fake_fini(&f);

	if (!fake_init(&f, false, "ctx show label alice")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_queue(&f, tctx_full(), TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_ctx_show(&f.c) == 0, "show: %s", pnl_errstr(&f.c.e));
	CHECK(starts(out_text(&f.c.out), "context: 3\n  role:"),
	      "printed: %s", out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_CTX_GET && !tb[PARLOS_A_CTX_ID] &&
	      tb[PARLOS_A_LABEL] && nla_len(tb[PARLOS_A_LABEL]) == 5 &&
	      !(h->nlmsg_flags & NLM_F_DUMP), "request by label");
	fake_fini(&f);
}

static void test_fake_set(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	struct fake f;

	if (!fake_init(&f, true, "ctx set 3 ul-count 0x10 dl-count 2 "
		       "nas-eia 1")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_queue(&f, tctx(3, 1, 1), TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_ctx_set(&f.c) == 0, "set: %s", pnl_errstr(&f.c.e));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_CTX_SET &&
	      nla_get_u32(tb[PARLOS_A_CTX_ID]) == 3 &&
	      nla_get_u32(tb[PARLOS_A_NAS_UL_COUNT]) == 16 &&
	      nla_get_u32(tb[PARLOS_A_NAS_DL_COUNT]) == 2 &&
	      nla_get_u8(tb[PARLOS_A_NAS_EIA]) == 1 && !tb[PARLOS_A_LABEL],
	      "request");
	fake_fini(&f);
}

/* Queues one dump: n contexts in one datagram, then NLMSG_DONE. */
static void fake_dump(struct fake *f, uint32_t seq, int n, bool intr)
{
	unsigned char buf[8192];
	size_t len = 0;
	int i;

	for (i = 0; i < n; i++) {
		struct nl_msg *m = tctx((uint32_t)(seq * 10 + i), 1, 1);
		struct nlmsghdr *h = H(m);

		h->nlmsg_seq = seq;
		h->nlmsg_pid = TPORT;
		h->nlmsg_flags |= NLM_F_MULTI | (intr ? NLM_F_DUMP_INTR : 0);
		memcpy(buf + len, h, h->nlmsg_len);
		len += NLMSG_ALIGN(h->nlmsg_len);
		nlmsg_free(m);
	}
	if (len && send(f->k, buf, len, 0) < 0)
		perror("fake_dump");
	fake_done(f, seq, intr ? NLM_F_DUMP_INTR : 0);
}

static void test_fake_list(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	struct fake f;

	if (!fake_init(&f, true, "ctx list")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_dump(&f, TSEQ + 1, 0, false);
	CHECK(ctl_ctx_list(&f.c) == 0 && !strcmp(out_text(&f.c.out), "[]\n"),
	      "empty: %s", out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_CTX_GET &&
	      (h->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP &&
	      !(h->nlmsg_flags & NLM_F_ACK), "dump request, no ack");
	out_reset(&f.c.out);
	/* Interrupted once: the second dump is the one shown */
	fake_dump(&f, TSEQ + 2, 2, true);
	fake_dump(&f, TSEQ + 3, 2, false);
	CHECK(ctl_ctx_list(&f.c) == 0, "retried: %s", pnl_errstr(&f.c.e));
	CHECK(!strcmp(out_text(&f.c.out), "[{\"id\":10030,\"role\":\"me\","
		      "\"state\":\"new\"},{\"id\":10031,\"role\":\"me\","
		      "\"state\":\"new\"}]\n"), "second dump: %s",
	      out_text(&f.c.out));
	CHECK(fake_request(&f, tb) && fake_request(&f, tb) &&
	      !fake_request(&f, tb), "two requests");
	out_reset(&f.c.out);
	/* Interrupted every time */
	for (int i = 0; i < PNL_DUMP_TRIES; i++)
		fake_dump(&f, TSEQ + 4 + i, 1, true);
	CHECK(ctl_ctx_list(&f.c) == -EAGAIN &&
	      strstr(f.c.e.msg, "interrupted by concurrent changes 5 times"),
	      "gave up: %s", f.c.e.msg);
	fake_fini(&f);
}

static void test_fake_list_errors(void)
{
	struct fake f;

	if (!fake_init(&f, false, "ctx list")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_ack(&f, TSEQ + 1, -EPERM, "need CAP_NET_ADMIN");
	CHECK(ctl_ctx_list(&f.c) == -EPERM &&
	      !strcmp(f.c.e.msg, "need CAP_NET_ADMIN"), "dump refused: %s",
	      f.c.e.msg);
	/* One broken context fails the list */
	{
		struct nl_msg *m = tmsg(PARLOS_CMD_CTX_GET);

		nla_put_u32(m, PARLOS_A_CTX_ID, 1);
		fake_queue(&f, m, TSEQ + 2, NLM_F_MULTI);
		fake_done(&f, TSEQ + 2, 0);
	}
	CHECK(ctl_ctx_list(&f.c) == -EPROTO && strstr(f.c.e.msg, "role missing"),
	      "malformed member: %s", f.c.e.msg);
	/* A truncated datagram */
	{
		struct nl_msg *m = tctx(1, 1, 1);
		struct nlmsghdr *hd = H(m);

		hd->nlmsg_seq = TSEQ + 3;
		hd->nlmsg_pid = TPORT;
		hd->nlmsg_flags |= NLM_F_MULTI;
		hd->nlmsg_len += 100;	/* claims more than is sent */
		if (send(f.k, hd, hd->nlmsg_len - 100, 0) < 0)
			perror("send");
		nlmsg_free(m);
	}
	CHECK(ctl_ctx_list(&f.c) == -EPROTO &&
	      strstr(f.c.e.msg, "truncated message"), "truncated: %s",
	      f.c.e.msg);
	fake_fini(&f);
}

static void test_fake_keygen_wrap(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	struct nl_msg *m;
	uint8_t key[33];
	char line[256];
	struct fake f;
	int n;

	memset(key, 0x5c, sizeof(key));
	if (!fake_init(&f, false, "ctx keygen 4 profile b")) {
		CHECK(0, "fake_init");
		return;
	}
	m = tmsg(PARLOS_CMD_KEYGEN);
	nla_put_u8(m, PARLOS_A_PROFILE, PARLOS_PROFILE_B);
	nla_put(m, PARLOS_A_PUBKEY, 33, key);
	fake_queue(&f, m, TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_ctx_keygen(&f.c) == 0, "keygen: %s", pnl_errstr(&f.c.e));
	CHECK(f.c.out.len == 67 && starts(f.c.out.buf, "5c5c") &&
	      f.c.out.buf[66] == '\n', "printed: %s", out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_KEYGEN &&
	      nla_get_u32(tb[PARLOS_A_CTX_ID]) == 4 &&
	      nla_get_u8(tb[PARLOS_A_PROFILE]) == PARLOS_PROFILE_B, "request");
	fake_fini(&f);

	n = sprintf(line, "ctx wrap 4 profile a pubkey ");
	memset(line + n, 'e', 64);
	line[n + 64] = '\0';
	if (!fake_init(&f, true, line)) {
		CHECK(0, "fake_init");
		return;
	}
	m = tmsg(PARLOS_CMD_WRAP);
	nla_put(m, PARLOS_A_BLOB, 72, memset(line, 0x77, 72));
	nla_put_u32(m, PARLOS_A_CTX_ID, 4);
	fake_queue(&f, m, TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_ctx_wrap(&f.c) == 0, "wrap: %s", pnl_errstr(&f.c.e));
	CHECK(starts(out_text(&f.c.out), "{\"id\":4,\"blob\":\"7777"),
	      "printed: %s", out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_WRAP &&
	      nla_get_u8(tb[PARLOS_A_PROFILE]) == PARLOS_PROFILE_A &&
	      tb[PARLOS_A_PUBKEY] && nla_len(tb[PARLOS_A_PUBKEY]) == 32 &&
	      ((uint8_t *)nla_data(tb[PARLOS_A_PUBKEY]))[31] == 0xee,
	      "request");
	fake_fini(&f);
}

static void test_fake_unwrap_derive(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	char line[256];
	struct fake f;
	int n;

	n = sprintf(line, "ctx unwrap 2 blob ");
	memset(line + n, '1', 2 * 73);
	line[n + 2 * 73] = '\0';
	if (!fake_init(&f, false, line)) {
		CHECK(0, "fake_init");
		return;
	}
	fake_ack(&f, TSEQ + 1, -EBADMSG, "ECIES tag mismatch");
	CHECK(ctl_ctx_unwrap(&f.c) == -EBADMSG &&
	      !strcmp(f.c.e.msg, "ECIES tag mismatch"), "refused: %s",
	      f.c.e.msg);
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_UNWRAP && tb[PARLOS_A_BLOB] &&
	      nla_len(tb[PARLOS_A_BLOB]) == 73, "request");
	fake_fini(&f);

	if (!fake_init(&f, false, "ctx derive-as 2 count 0x0101")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_queue(&f, tctx(2, 1, PARLOS_STATE_AS), TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_ctx_derive_as(&f.c) == 0 &&
	      strstr(out_text(&f.c.out), "state:        as\n"), "derived: %s",
	      out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_AS_DERIVE &&
	      tb[PARLOS_A_KENB_COUNT] &&
	      nla_get_u32(tb[PARLOS_A_KENB_COUNT]) == 0x101, "request");
	fake_fini(&f);
}

static void test_fake_nas_srb(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	struct nl_msg *m;
	struct fake f;

	if (!fake_init(&f, true, "nas unprotect 1 pdu 27aabbccdd0007")) {
		CHECK(0, "fake_init");
		return;
	}
	m = tmsg(PARLOS_CMD_NAS_UNPROTECT);
	nla_put(m, PARLOS_A_PDU, 2, "\x07\x41");
	nla_put_u8(m, PARLOS_A_SEC_HDR, 2);
	nla_put_u32(m, PARLOS_A_COUNT, 7);
	fake_queue(&f, m, TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_nas_unprotect(&f.c) == 0 &&
	      !strcmp(out_text(&f.c.out), "{\"id\":1,\"pdu\":\"0741\","
		      "\"sec_hdr\":2,\"count\":7}\n"), "printed: %s",
	      out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_NAS_UNPROTECT && tb[PARLOS_A_PDU] &&
	      nla_len(tb[PARLOS_A_PDU]) == 7 && !tb[PARLOS_A_SEC_HDR],
	      "request");
	out_reset(&f.c.out);
	fake_ack(&f, TSEQ + 2, -EALREADY, "replayed COUNT");
	CHECK(ctl_nas_unprotect(&f.c) == -EALREADY &&
	      !strcmp(f.c.e.msg, "replayed COUNT"), "replay");
	fake_fini(&f);

	if (!fake_init(&f, false, "nas protect 1 sec-hdr 4 pdu 0741")) {
		CHECK(0, "fake_init");
		return;
	}
	m = tmsg(PARLOS_CMD_NAS_PROTECT);
	nla_put(m, PARLOS_A_PDU, 3, "\x47\x00\x01");
	nla_put_u32(m, PARLOS_A_COUNT, 0);
	fake_queue(&f, m, TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_nas_protect(&f.c) == 0 &&
	      !strcmp(out_text(&f.c.out), "pdu:   470001\ncount: 0\n"),
	      "printed: %s", out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_NAS_PROTECT &&
	      nla_get_u8(tb[PARLOS_A_SEC_HDR]) == 4, "request");
	fake_fini(&f);
}

static void test_fake_srb(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	struct nl_msg *m;
	struct fake f;
	int i;

	for (i = 0; i < 2; i++) {
		if (!fake_init(&f, true, i ? "srb unprotect 1 rb 2 cipher off "
			       "pdu 0100" : "srb protect 1 rb 1 pdu 00")) {
			CHECK(0, "fake_init");
			return;
		}
		m = tmsg(PARLOS_CMD_SRB_PROTECT);
		nla_put(m, PARLOS_A_PDU, 1, "\x99");
		nla_put_u32(m, PARLOS_A_COUNT, 3);
		fake_queue(&f, m, TSEQ + 1, 0);
		fake_ack(&f, TSEQ + 1, 0, "");
		CHECK((i ? ctl_srb_unprotect(&f.c) : ctl_srb_protect(&f.c)) == 0,
		      "srb %d: %s", i, pnl_errstr(&f.c.e));
		h = fake_request(&f, tb);
		CHECK(h && req_cmd(h) == (i ? PARLOS_CMD_SRB_UNPROTECT :
					  PARLOS_CMD_SRB_PROTECT), "command");
		if (h && i) {
			CHECK(tb[PARLOS_A_CIPHER] &&
			      nla_get_u8(tb[PARLOS_A_CIPHER]) == 0 &&
			      nla_get_u8(tb[PARLOS_A_RB_ID]) == 2,
			      "cipher off sent");
			CHECK(!strcmp(out_text(&f.c.out), "{\"id\":1,\"rb\":2,"
				      "\"pdu\":\"99\",\"count\":3}\n"),
			      "printed: %s", out_text(&f.c.out));
		} else if (h) {
			CHECK(!tb[PARLOS_A_CIPHER] &&
			      nla_get_u8(tb[PARLOS_A_RB_ID]) == 1,
			      "default cipher: attribute left out");
		}
		fake_fini(&f);
	}
}

static void test_fake_stats(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	struct nl_msg *m;
	struct nlattr *n;
	struct fake f;

	if (!fake_init(&f, true, "stats")) {
		CHECK(0, "fake_init");
		return;
	}
	m = tmsg(PARLOS_CMD_STATS_GET);
	n = nla_nest_start(m, PARLOS_A_STATS);
	nla_put_u64(m, PARLOS_STAT_CONTEXTS, 2);
	nla_nest_end(m, n);
	fake_queue(&f, m, TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_stats(&f.c) == 0 &&
	      !strcmp(out_text(&f.c.out), "{\"stats\":{\"contexts\":2}}\n"),
	      "namespace: %s", out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_STATS_GET && !tb[PARLOS_A_CTX_ID],
	      "request");
	fake_fini(&f);

	if (!fake_init(&f, false, "stats 3")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_queue(&f, tctx_full(), TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_stats(&f.c) == 0 &&
	      !strcmp(out_text(&f.c.out), "context: 3\n  nas tx:       4\n"
		      "  nas mac fail: 1\n"), "context: %s",
	      out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_CTX_GET &&
	      nla_get_u32(tb[PARLOS_A_CTX_ID]) == 3, "request");
	fake_queue(&f, tctx(3, 1, 1), TSEQ + 2, 0);
	fake_ack(&f, TSEQ + 2, 0, "");
	CHECK(ctl_stats(&f.c) == -EPROTO &&
	      strstr(f.c.e.msg, "statistics missing"), "no stats: %s",
	      f.c.e.msg);
	fake_fini(&f);
}

/* Whether the len bytes at p appear in the n bytes at buf. */
static bool contains(const void *buf, size_t n, const void *p, size_t len)
{
	return n >= len && memmem(buf, n, p, len) != NULL;
}

static void test_fake_kenb(void)
{
	uint8_t key[PARLOS_KENB_LEN];
	char hexkey[HEX_ENCODED_SIZE(PARLOS_KENB_LEN)];
	struct nl_msg *m;
	struct fake f;

	memset(key, 0xc3, sizeof(key));
	key[0] = 0x5a;
	hex_encode(hexkey, sizeof(hexkey), key, sizeof(key));
	if (!fake_init(&f, false, "kenb export 7")) {
		CHECK(0, "fake_init");
		return;
	}
	m = tmsg(PARLOS_CMD_KENB_EXPORT);
	nla_put(m, PARLOS_A_KEY, sizeof(key), key);
	fake_queue(&f, m, TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_kenb_export(&f.c) == 0, "export: %s", pnl_errstr(&f.c.e));
	CHECK(f.c.out.len == 65 && !memcmp(f.c.out.buf, hexkey, 64),
	      "printed: %s", out_text(&f.c.out));
	CHECK(!contains(f.c.nl.buf, f.c.nl.bufsz, key, sizeof(key)),
	      "receive buffer wiped");
	out_reset(&f.c.out);
	CHECK(!contains(f.c.out.buf, f.c.out.cap, hexkey, 64),
	      "output wiped on reset");
	fake_ack(&f, TSEQ + 2, -EPERM, "KeNB export is disabled "
		 "(export_kenb=0)");
	CHECK(ctl_kenb_export(&f.c) == -EPERM &&
	      !strcmp(f.c.e.msg, "KeNB export is disabled (export_kenb=0)"),
	      "disabled: %s", f.c.e.msg);
	fake_fini(&f);
}

static struct nl_msg *tkeylog(const char *text)
{
	struct nl_msg *m = tmsg(PARLOS_CMD_KEYLOG_GET);

	nla_put_string(m, PARLOS_A_KEYLOG, text);
	return m;
}

static void test_fake_keylog(void)
{
	struct nlattr *tb[PARLOS_A_MAX + 1];
	struct nlmsghdr *h;
	struct fake f;

	if (!fake_init(&f, false, "keylog 5")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_queue(&f, tkeylog("\"5\",\"aa\",\"bb\",\"cc\"\n"), TSEQ + 1, 0);
	fake_ack(&f, TSEQ + 1, 0, "");
	CHECK(ctl_keylog(&f.c) == 0 &&
	      !strcmp(out_text(&f.c.out), "\"5\",\"aa\",\"bb\",\"cc\"\n"),
	      "one: %s", out_text(&f.c.out));
	h = fake_request(&f, tb);
	CHECK(h && req_cmd(h) == PARLOS_CMD_KEYLOG_GET &&
	      nla_get_u32(tb[PARLOS_A_CTX_ID]) == 5, "request");
	out_reset(&f.c.out);
	/* With an ID, ENOKEY is an error */
	fake_ack(&f, TSEQ + 2, -ENOKEY, "");
	CHECK(ctl_keylog(&f.c) == -ENOKEY, "no keys");
	fake_fini(&f);

	/* Without: a dump, then one request per context */
	if (!fake_init(&f, true, "keylog")) {
		CHECK(0, "fake_init");
		return;
	}
	fake_dump(&f, TSEQ + 1, 3, false);
	fake_queue(&f, tkeylog("L0\n"), TSEQ + 2, 0);
	fake_ack(&f, TSEQ + 2, 0, "");
	fake_ack(&f, TSEQ + 3, -ENOKEY, "no AS keys yet");
	fake_ack(&f, TSEQ + 4, -ENOENT, "");
	CHECK(ctl_keylog(&f.c) == 0, "all: %s", pnl_errstr(&f.c.e));
	CHECK(!strcmp(out_text(&f.c.out), "{\"keylog\":[{\"id\":10010,"
		      "\"line\":\"L0\"}]}\n"), "printed: %s",
	      out_text(&f.c.out));
	out_reset(&f.c.out);
	fake_dump(&f, TSEQ + 5, 1, false);
	fake_ack(&f, TSEQ + 6, -EPERM, "keylog is disabled");
	CHECK(ctl_keylog(&f.c) == -EPERM &&
	      !strcmp(f.c.e.msg, "keylog is disabled"), "disabled: %s",
	      f.c.e.msg);
	fake_fini(&f);
}

/* The binary */

#ifdef CTL_BIN
/* Runs parlosctl with args; its status, stdout and stderr. */
static int run_bin(char *const args[], char *out, size_t outsz, char *err,
		   size_t errsz)
{
	int po[2], pe[2], status = -1;
	ssize_t n;
	pid_t pid;

	if (pipe(po) || pipe(pe))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]);
		close(pe[0]);
		execv(CTL_BIN, args);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	n = read(po[0], out, outsz - 1);
	out[n > 0 ? n : 0] = '\0';
	n = read(pe[0], err, errsz - 1);
	err[n > 0 ? n : 0] = '\0';
	close(po[0]);
	close(pe[0]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void test_bin_usage(void)
{
	static char out[16384], err[4096];
	char *none[] = { "parlosctl", NULL };
	char *help[] = { "parlosctl", "--help", NULL };
	char *help2[] = { "parlosctl", "ctx", "add", "help", NULL };
	char *bad[] = { "parlosctl", "ctx", "add", NULL };
	char *badopt[] = { "parlosctl", "-q", "ctx", "list", NULL };
	char *late[] = { "parlosctl", "ctx", "list", "-j", NULL };

	CHECK(run_bin(none, out, sizeof(out), err, sizeof(err)) == 2 &&
	      lines(err) == 1 && starts(err, "parlosctl: "),
	      "no command: %s", err);
	CHECK(run_bin(help, out, sizeof(out), err, sizeof(err)) == 0 &&
	      strstr(out, "usage: parlosctl") && !err[0], "--help");
	CHECK(run_bin(help2, out, sizeof(out), err, sizeof(err)) == 0 &&
	      strstr(out, "ctx add role me|network"), "ctx add help");
	CHECK(run_bin(bad, out, sizeof(out), err, sizeof(err)) == 2 &&
	      !strcmp(err, "parlosctl: ctx add: missing \"role\" (try "
		      "\"parlosctl ctx add help\")\n") && !out[0],
	      "usage error: %s", err);
	CHECK(run_bin(badopt, out, sizeof(out), err, sizeof(err)) == 2 &&
	      lines(err) == 1, "bad option: %s", err);
	CHECK(run_bin(late, out, sizeof(out), err, sizeof(err)) == 2 &&
	      strstr(err, "unexpected argument \"-j\""), "-j after the command");
}

static void test_bin_no_module(void)
{
	static char out[4096], err[4096];
	char *args[] = { "parlosctl", "-j", "ctx", "list", NULL };
	int st = run_bin(args, out, sizeof(out), err, sizeof(err));

	if (st == 0) {
		printf("# the parlos module is loaded: no-module case skipped\n");
		return;
	}
	CHECK(st == 1 && !strcmp(err, "parlosctl: the parlos module is not "
				 "loaded (family \"parlos\" not found)\n"),
	      "status %d: %s", st, err);
	CHECK(!out[0], "nothing on stdout");
}
#endif

int main(void)
{
	RUN_CASE("hex.encode", test_hex_encode());
	RUN_CASE("hex.decode", test_hex_decode());
	RUN_CASE("hex.roundtrip", test_hex_roundtrip());
	RUN_CASE("args.numbers", test_numbers());
	RUN_CASE("args.keywords", test_keywords());
	RUN_CASE("args.ctx_add", test_parse_ctx_add());
	RUN_CASE("args.ctx_others", test_parse_ctx_others());
	RUN_CASE("args.crypto", test_parse_crypto());
	RUN_CASE("args.nas_srb", test_parse_nas_srb());
	RUN_CASE("args.label", test_parse_label());
	RUN_CASE("args.usage_errors", test_usage_errors());
	RUN_CASE("args.usage_error_truncation", test_usage_error_truncation());
	RUN_CASE("args.help", test_help());
	RUN_CASE("args.cmd_table", test_cmd_table());
	RUN_CASE("print.utf8", test_utf8());
	RUN_CASE("print.json_escape", test_json_escape());
	RUN_CASE("print.human_escape", test_human_escape());
	RUN_CASE("print.json_writer", test_json_writer());
	RUN_CASE("print.out_buffer", test_out_buffer());
	RUN_CASE("print.ctx_json", test_print_ctx_json());
	RUN_CASE("print.ctx_human", test_print_ctx_human());
	RUN_CASE("print.list", test_print_list());
	RUN_CASE("print.pdu", test_print_pdu());
	RUN_CASE("print.stats", test_print_stats());
	RUN_CASE("print.keys", test_print_keys());
	RUN_CASE("print.keylog", test_print_keylog());
	RUN_CASE("print.events", test_print_events());
	RUN_CASE("print.names", test_names());
	RUN_CASE("reply.ctx", test_reply_ctx());
	RUN_CASE("reply.ctx_malformed", test_reply_ctx_malformed());
	RUN_CASE("reply.nests", test_reply_nests());
	RUN_CASE("reply.truncated", test_reply_truncated());
	RUN_CASE("reply.pubkey_blob", test_reply_pubkey_blob());
	RUN_CASE("reply.pdu", test_reply_pdu());
	RUN_CASE("reply.stats_kenb_keylog", test_reply_stats_kenb_keylog());
	RUN_CASE("reply.event", test_reply_event());
	RUN_CASE("pnl.extack", test_extack());
	RUN_CASE("pnl.extack_odd", test_extack_odd());
	RUN_CASE("pnl.done", test_done());
	RUN_CASE("pnl.family", test_family());
	RUN_CASE("pnl.getters", test_getters());
	RUN_CASE("pnl.parse_policy", test_parse_policy());
	RUN_CASE("cmd.ctx_add", test_fake_ctx_add());
	RUN_CASE("cmd.errors", test_fake_errors());
	RUN_CASE("cmd.ctx_del_show", test_fake_del_show());
	RUN_CASE("cmd.ctx_set", test_fake_set());
	RUN_CASE("cmd.ctx_list", test_fake_list());
	RUN_CASE("cmd.ctx_list_errors", test_fake_list_errors());
	RUN_CASE("cmd.keygen_wrap", test_fake_keygen_wrap());
	RUN_CASE("cmd.unwrap_derive", test_fake_unwrap_derive());
	RUN_CASE("cmd.nas", test_fake_nas_srb());
	RUN_CASE("cmd.srb", test_fake_srb());
	RUN_CASE("cmd.stats", test_fake_stats());
	RUN_CASE("cmd.kenb_export", test_fake_kenb());
	RUN_CASE("cmd.keylog", test_fake_keylog());
#ifdef CTL_BIN
	RUN_CASE("bin.usage", test_bin_usage());
	RUN_CASE("bin.no_module", test_bin_no_module());
#endif
	return check_summary();
}
