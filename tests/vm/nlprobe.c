// SPDX-License-Identifier: GPL-2.0
/*
 * nlprobe: throws malformed and random generic netlink messages at the
 * parlos family, over a raw socket so every byte is ours to choose.
 *
 *   nlprobe robust          a table of malformed requests; each must be
 *                           refused with an error (and an extack message
 *                           where the family produces one)
 *   nlprobe fuzz N SEED     N well-formed messages with random values and
 *                           N of random bytes; every reply must be a
 *                           proper ack or error
 *
 * Prints "PASS: name" / "FAIL: name: why" lines; exits non-zero on any
 * failure. That existing contexts survive is checked by the calling
 * script, with parlosctl.
 */
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "nlraw.h"
#include "uapi/parlos.h"

static struct nlraw nl;
static int failed;

static void result(bool ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("PASS: %s\n", name);
		return;
	}
	failed = 1;
	printf("FAIL: %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

#define msg nlraw_msg

static void msg_init(struct msg *m, uint16_t type, uint8_t cmd, uint16_t flags)
{
	nlraw_msg_init(&nl, m, type, cmd, flags);
	((struct genlmsghdr *)(m->buf + NLMSG_HDRLEN))->version =
		PARLOS_GENL_VERSION;
}

#define put(m, t, d, l)	nlraw_put(m, t, d, l)
#define put_raw(m, t, h, d, l) nlraw_put_raw(m, t, h, d, l)
#define put_u8(m, t, v)	nlraw_put_u8(m, t, v)
#define put_u32(m, t, v) nlraw_put_u32(m, t, v)

/* Sends and waits for the matching ack/error: 0, -errno, or 1 if odd. */
static int transact(struct msg *m, char *extack, size_t extack_len)
{
	int err = nlraw_send(&nl, m);

	if (err)
		return err;
	return nlraw_wait(&nl, ((struct nlmsghdr *)m->buf)->nlmsg_seq,
			  extack, extack_len);
}

struct probe {
	const char *name;
	void (*build)(struct msg *m);
	bool want_extack;	/* rejected by parlos itself, not the core */
};

static void p_unknown_cmd(struct msg *m)
{
	msg_init(m, nl.family, 200, 0);
}

static void p_event_cmd(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_EV_CTX_NEW, 0);
}

static void p_missing_role(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_NEW, 0);
}

static void p_bad_role(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_NEW, 0);
	put_u8(m, PARLOS_A_ROLE, 7);
}

static void p_short_u32(struct msg *m)
{
	static const unsigned char three[3] = { 1, 2, 3 };

	msg_init(m, nl.family, PARLOS_CMD_CTX_GET, 0);
	put(m, PARLOS_A_CTX_ID, three, 3);
}

static void p_long_u8(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_NEW, 0);
	put_u32(m, PARLOS_A_ROLE, 1);
}

static void p_unknown_attr(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_NEW, 0);
	put_u8(m, PARLOS_A_ROLE, 1);
	put_u32(m, PARLOS_A_MAX + 5, 0);
}

static void p_attr_not_taken(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_DEL, 0);
	put_u32(m, PARLOS_A_CTX_ID, 1);
	put_u8(m, PARLOS_A_ROLE, 1);
}

static void p_attr_overruns(struct msg *m)
{
	uint32_t v = 1;

	msg_init(m, nl.family, PARLOS_CMD_CTX_GET, 0);
	put_raw(m, PARLOS_A_CTX_ID, 200, &v, 4);
}

static void p_label_too_long(struct msg *m)
{
	static const char label[PARLOS_LABEL_MAX + 1];

	msg_init(m, nl.family, PARLOS_CMD_CTX_NEW, 0);
	put_u8(m, PARLOS_A_ROLE, 1);
	put(m, PARLOS_A_LABEL, label, sizeof(label));
}

static void p_huge_pdu(struct msg *m)
{
	static const unsigned char pdu[PARLOS_PDU_MAX + 1];

	msg_init(m, nl.family, PARLOS_CMD_NAS_PROTECT, 0);
	put_u32(m, PARLOS_A_CTX_ID, 1);
	put_u8(m, PARLOS_A_SEC_HDR, 1);
	put(m, PARLOS_A_PDU, pdu, sizeof(pdu));
}

static void p_empty_pdu(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_NAS_UNPROTECT, 0);
	put_u32(m, PARLOS_A_CTX_ID, 1);
	put(m, PARLOS_A_PDU, NULL, 0);
}

static void p_no_such_ctx(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_DEL, 0);
	put_u32(m, PARLOS_A_CTX_ID, 0xfffffff0);
}

static void p_eia0(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_NEW, 0);
	put_u8(m, PARLOS_A_ROLE, 2);
	put_u8(m, PARLOS_A_NAS_EIA, 0);
}

static void p_alg_range(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_NEW, 0);
	put_u8(m, PARLOS_A_ROLE, 2);
	put_u8(m, PARLOS_A_AS_EEA, 4);
}

static void p_bad_blob_len(struct msg *m)
{
	static const unsigned char blob[50];

	msg_init(m, nl.family, PARLOS_CMD_UNWRAP, 0);
	put_u32(m, PARLOS_A_CTX_ID, 1);
	put(m, PARLOS_A_BLOB, blob, sizeof(blob));
}

static void p_bad_profile(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_KEYGEN, 0);
	put_u32(m, PARLOS_A_CTX_ID, 1);
	put_u8(m, PARLOS_A_PROFILE, 3);
}

static void p_srb3(struct msg *m)
{
	static const unsigned char pdu[8];

	msg_init(m, nl.family, PARLOS_CMD_SRB_PROTECT, 0);
	put_u32(m, PARLOS_A_CTX_ID, 1);
	put_u8(m, PARLOS_A_RB_ID, 3);
	put(m, PARLOS_A_PDU, pdu, sizeof(pdu));
}

static void p_count_range(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_SET, 0);
	put_u32(m, PARLOS_A_CTX_ID, 1);
	put_u32(m, PARLOS_A_NAS_UL_COUNT, 0x2000000);
}

static void p_nested_garbage(struct msg *m)
{
	static const unsigned char junk[12] = { 0xff, 0xff, 0xff, 0xff, 1 };

	msg_init(m, nl.family, PARLOS_CMD_CTX_SET, 0);
	put_u32(m, PARLOS_A_CTX_ID, 1);
	put(m, PARLOS_A_FPR | NLA_F_NESTED, junk, sizeof(junk));
}

static void p_truncated_genl(struct msg *m)
{
	msg_init(m, nl.family, PARLOS_CMD_CTX_NEW, 0);
	m->len = NLMSG_HDRLEN + 2;
}

static const struct probe probes[] = {
	{ "unknown-command", p_unknown_cmd, false },
	{ "event-command", p_event_cmd, false },
	{ "missing-attribute", p_missing_role, true },
	{ "role-out-of-range", p_bad_role, true },
	{ "u32-too-short", p_short_u32, true },
	{ "u8-too-long", p_long_u8, true },
	{ "unknown-attribute", p_unknown_attr, true },
	{ "attribute-not-taken", p_attr_not_taken, true },
	{ "attribute-overruns", p_attr_overruns, true },
	{ "label-too-long", p_label_too_long, true },
	{ "huge-pdu", p_huge_pdu, true },
	{ "empty-pdu", p_empty_pdu, true },
	{ "no-such-context", p_no_such_ctx, true },
	{ "eia0-refused", p_eia0, true },
	{ "algorithm-out-of-range", p_alg_range, true },
	{ "blob-length", p_bad_blob_len, true },
	{ "profile-out-of-range", p_bad_profile, true },
	{ "srb3", p_srb3, true },
	{ "count-out-of-range", p_count_range, true },
	{ "nested-garbage", p_nested_garbage, true },
	{ "truncated-genl-header", p_truncated_genl, false },
};

static int robust(void)
{
	char extack[256], name[64];
	struct msg m;
	size_t i;

	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		int err;

		probes[i].build(&m);
		err = transact(&m, extack, sizeof(extack));
		snprintf(name, sizeof(name), "robust.%s", probes[i].name);
		if (err >= 0)
			result(false, name, "accepted (%d)", err);
		else if (probes[i].want_extack && !extack[0])
			result(false, name, "refused (%s) without extack message",
			       strerror(-err));
		else
			result(true, name, "");
		if (extack[0])
			fprintf(stderr, "  %s: %s: %s\n", name, strerror(-err),
				extack);
	}
	return failed;
}

static uint64_t rng_state;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)rng_state;
}

/* Random attributes of plausible shapes on a random parlos command. */
static void build_structured(struct msg *m)
{
	unsigned char data[256];
	int n = rnd() % 6, i;

	msg_init(m, nl.family, rnd() % (PARLOS_CMD_MAX + 2), 0);
	for (i = 0; i < n; i++) {
		size_t len = (size_t[]){ 0, 1, 2, 4, 8, 32, 33, 72, 73, 200 }
			[rnd() % 10];
		size_t j;

		for (j = 0; j < len; j++)
			data[j] = rnd();
		/* Low ids for real contexts, so that some reach a handler. */
		if (len == 4 && rnd() % 2)
			data[0] = rnd() % 4, data[1] = data[2] = data[3] = 0;
		put(m, rnd() % (PARLOS_A_MAX + 3), data, len);
	}
}

static void build_random(struct msg *m)
{
	size_t i, len = rnd() % 512;

	msg_init(m, nl.family, rnd() % 256, rnd() & NLM_F_DUMP);
	for (i = 0; i < len && m->len < NLRAW_BUF; i++)
		m->buf[m->len++] = rnd();
	/* The netlink header stays sane, so the kernel parses the rest. */
}

static int fuzz(unsigned long n, uint64_t seed)
{
	unsigned long i, odd = 0, ok = 0;
	struct msg m;

	rng_state = seed ? seed : 1;
	for (i = 0; i < 2 * n; i++) {
		int err;

		if (i < n)
			build_structured(&m);
		else
			build_random(&m);
		err = transact(&m, NULL, 0);
		if (err == 1 || err == -ENOBUFS)
			odd++;
		else if (!err)
			ok++;
	}
	printf("# fuzz: %lu messages, %lu accepted, %lu odd replies (seed %llu)\n",
	       2 * n, ok, odd, (unsigned long long)seed);
	result(odd == 0, "fuzz.replies", "%lu odd replies", odd);
	return failed;
}

int main(int argc, char **argv)
{
	if (nlraw_open(&nl, PARLOS_GENL_NAME)) {
		fprintf(stderr, "nlprobe: family \"parlos\" not found\n");
		return 2;
	}
	if (argc >= 2 && !strcmp(argv[1], "robust"))
		return robust();
	if (argc >= 4 && !strcmp(argv[1], "fuzz"))
		return fuzz(strtoul(argv[2], NULL, 0),
			    strtoull(argv[3], NULL, 0));
	fprintf(stderr, "usage: nlprobe robust | nlprobe fuzz N SEED\n");
	return 2;
}
