// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer: parlosctl's command-line parser. The first octet picks the
 * size of the error buffer; the rest, cut at NUL octets, is the argv
 * after the global options (any argv the kernel can pass: every octet
 * but NUL). Each argument is its own heap block, so ASan sees a read
 * past its NUL. A parse succeeds with a sane request or fails with
 * -EINVAL and a terminated message.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "args.h"
#include "fuzz.h"

#define ARGV_MAX	64

static const size_t err_sizes[] = { 0, 1, 2, 17, 256 };

/* The request a successful parse returns */
static void check_req(const struct ctl_req *r)
{
	FUZZ_ASSERT(r->cmd == CTL_HELP ||
		    (r->cmd >= CTL_CMD_FIRST && r->cmd <= CTL_CMD_LAST),
		    "command %d", (int)r->cmd);
	FUZZ_ASSERT(ctl_cmd_name(r->cmd) && ctl_cmd_usage(r->cmd) &&
		    ctl_cmd_desc(r->cmd), "command without a name");
	if (r->cmd == CTL_HELP) {
		FUZZ_ASSERT(r->help_first >= CTL_CMD_FIRST &&
			    r->help_first <= r->help_last &&
			    r->help_last <= CTL_CMD_LAST, "help range %d..%d",
			    (int)r->help_first, (int)r->help_last);
		return;
	}
	FUZZ_ASSERT(r->have < CTL_HAS(CTL_K_NKEYS), "have %#x", r->have);
	FUZZ_ASSERT(r->label_len <= PARLOS_LABEL_MAX, "label %zu",
		    r->label_len);
	FUZZ_ASSERT(!(r->have & CTL_HAS(CTL_K_LABEL)) || r->label_len,
		    "empty label");
	FUZZ_ASSERT(r->bin_len <= PARLOS_PDU_MAX, "binary %zu", r->bin_len);
	FUZZ_ASSERT(memchr(r->dev, 0, sizeof(r->dev)), "dev not terminated");
	FUZZ_ASSERT(r->nas_eea <= CTL_ALG_MAX && r->nas_eia <= CTL_ALG_MAX &&
		    r->as_eea <= CTL_ALG_MAX && r->as_eia <= CTL_ALG_MAX,
		    "algorithm out of range");
	FUZZ_ASSERT(r->ul_count <= CTL_NAS_COUNT_END &&
		    r->dl_count <= CTL_NAS_COUNT_END &&
		    r->count <= CTL_NAS_COUNT_MAX, "COUNT out of range");
}

/* A number that parses prints back to itself, and parses again */
static void check_number(const char *s)
{
	uint64_t v, w;
	char buf[24];
	int rc = ctl_parse_u64(s, UINT64_MAX, &v);

	FUZZ_ASSERT(rc == 0 || rc == -EINVAL || rc == -ERANGE, "rc %d", rc);
	if (rc)
		return;
	snprintf(buf, sizeof(buf), "%" PRIu64, v);
	FUZZ_ASSERT(!ctl_parse_u64(buf, UINT64_MAX, &w) && w == v,
		    "\"%s\" reparsed", buf);
	if (v)
		FUZZ_ASSERT(ctl_parse_u64(s, v - 1, &w) == -ERANGE,
			    "\"%s\" above max", s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ctl_req req;	/* 8 KiB: not on the stack */
	char *argv[ARGV_MAX + 1], *err;
	size_t errsz, i, start, len;
	int argc = 0, rc;

	if (size < 1)
		return 0;
	errsz = err_sizes[data[0] % (sizeof(err_sizes) / sizeof(err_sizes[0]))];
	for (start = i = 1; i <= size && argc < ARGV_MAX; i++) {
		if (i < size && data[i])
			continue;
		len = i - start;
		argv[argc] = fuzz_alloc(len + 1);
		memcpy(argv[argc++], data + start, len);
		start = i + 1;
	}
	argv[argc] = NULL;

	err = fuzz_alloc(errsz);
	rc = ctl_parse(argc, argv, &req, err, errsz);
	FUZZ_ASSERT(rc == 0 || rc == -EINVAL, "rc %d", rc);
	FUZZ_ASSERT(!errsz || memchr(err, 0, errsz), "message not terminated");
	if (rc)
		FUZZ_ASSERT(errsz < 2 || err[0], "failed without a message");
	else
		check_req(&req);

	for (i = 0; i < (size_t)argc; i++) {
		check_number(argv[i]);
		free(argv[i]);
	}
	free(err);
	return 0;
}
