// SPDX-License-Identifier: GPL-2.0
/*
 * parlosctl: the control tool of the parlos module.
 *
 *	parlosctl [-j|--json] COMMAND [ARGUMENTS]
 *
 * Exit status: 0 success, 1 a runtime error (the kernel's, or netlink's),
 * 2 a usage error. Errors are one line on stderr:
 * "parlosctl: <command>: <extack message or strerror>".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctl.h"

#define CTL_EXIT_RUNTIME	1
#define CTL_EXIT_USAGE		2

/* The command table: what runs each parsed command. */
static int (*const ctl_handlers[CTL_CMD_COUNT])(struct ctl *c) = {
	[CTL_CTX_ADD] = ctl_ctx_add,
	[CTL_CTX_DEL] = ctl_ctx_del,
	[CTL_CTX_SHOW] = ctl_ctx_show,
	[CTL_CTX_LIST] = ctl_ctx_list,
	[CTL_CTX_SET] = ctl_ctx_set,
	[CTL_CTX_KEYGEN] = ctl_ctx_keygen,
	[CTL_CTX_WRAP] = ctl_ctx_wrap,
	[CTL_CTX_UNWRAP] = ctl_ctx_unwrap,
	[CTL_CTX_DERIVE_AS] = ctl_ctx_derive_as,
	[CTL_NAS_PROTECT] = ctl_nas_protect,
	[CTL_NAS_UNPROTECT] = ctl_nas_unprotect,
	[CTL_SRB_PROTECT] = ctl_srb_protect,
	[CTL_SRB_UNPROTECT] = ctl_srb_unprotect,
	[CTL_MONITOR] = ctl_monitor,
	[CTL_STATS] = ctl_stats,
	[CTL_KENB_EXPORT] = ctl_kenb_export,
	[CTL_KEYLOG] = ctl_keylog,
	[CTL_DRB_BIND] = ctl_drb_bind,
	[CTL_DRB_UNBIND] = ctl_drb_unbind,
	[CTL_DRB_SHOW] = ctl_drb_show,
};

static void ctl_help(FILE *f, enum ctl_cmd first, enum ctl_cmd last)
{
	int cmd;

	if (first == last) {
		fprintf(f, "usage: parlosctl [-j] %s\n  %s\n",
			ctl_cmd_usage(first), ctl_cmd_desc(first));
		return;
	}
	fputs("usage: parlosctl [-j|--json] COMMAND [ARGUMENTS]\n"
	      "       parlosctl -h|--help | help [COMMAND] | COMMAND help\n"
	      "\ncommands:\n", f);
	for (cmd = first; cmd <= (int)last; cmd++)
		fprintf(f, "  %s\n      %s\n", ctl_cmd_usage(cmd),
			ctl_cmd_desc(cmd));
	fputs("\nID is a context id; N a number, decimal or 0x-hex; HEX "
	      "bytes as hex digits.\n"
	      "-j, --json: JSON output, one document per line.\n"
	      "See parlosctl(8).\n", f);
}

/* Global options; returns the index of the command, or -1 to exit. */
static int ctl_options(int argc, char **argv, bool *json, int *status)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-j") || !strcmp(argv[i], "--json")) {
			*json = true;
			continue;
		}
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			ctl_help(stdout, CTL_CMD_FIRST, CTL_CMD_LAST);
			*status = 0;
			return -1;
		}
		if (!strcmp(argv[i], "--"))
			return i + 1;
		fprintf(stderr, "parlosctl: unknown option \"%.32s\" "
			"(try \"parlosctl help\")\n", argv[i]);
		*status = CTL_EXIT_USAGE;
		return -1;
	}
	return i;
}

static int ctl_run(struct ctl *c)
{
	const char *name = ctl_cmd_name(c->req->cmd);
	int err;

	err = pnl_open(&c->nl, PARLOS_GENL_NAME, &c->e);
	if (err == -ENOENT) {
		fprintf(stderr, "parlosctl: the parlos module is not loaded "
			"(family \"%s\" not found)\n", PARLOS_GENL_NAME);
		return CTL_EXIT_RUNTIME;
	}
	if (err) {
		fprintf(stderr, "parlosctl: netlink: %s\n", pnl_errstr(&c->e));
		return CTL_EXIT_RUNTIME;
	}
	err = ctl_handlers[c->req->cmd](c);
	if (err) {
		fprintf(stderr, "parlosctl: %s: %s\n", name,
			pnl_errstr(&c->e));
		return CTL_EXIT_RUNTIME;
	}
	err = out_write(&c->out, STDOUT_FILENO);
	if (err) {
		fprintf(stderr, "parlosctl: %s: cannot write the output: %s\n",
			name, strerror(-err));
		return CTL_EXIT_RUNTIME;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct ctl_req *req;
	struct ctl c;
	char msg[256];
	bool json = false;
	int i, status = 0;

	i = ctl_options(argc, argv, &json, &status);
	if (i < 0)
		return status;
	/* ~8 KiB: the PDU argument */
	req = malloc(sizeof(*req));
	if (!req) {
		fprintf(stderr, "parlosctl: %s\n", strerror(ENOMEM));
		return CTL_EXIT_RUNTIME;
	}
	if (ctl_parse(argc - i, argv + i, req, msg, sizeof(msg))) {
		if (req->cmd >= CTL_CMD_FIRST && req->cmd <= CTL_CMD_LAST)
			fprintf(stderr, "parlosctl: %s (try \"parlosctl %s "
				"help\")\n", msg, ctl_cmd_name(req->cmd));
		else
			fprintf(stderr, "parlosctl: %s (try \"parlosctl "
				"help\")\n", msg);
		free(req);
		return CTL_EXIT_USAGE;
	}
	if (req->cmd == CTL_HELP) {
		ctl_help(stdout, req->help_first, req->help_last);
		free(req);
		return 0;
	}
	memset(&c, 0, sizeof(c));
	c.req = req;
	c.nl.fd = -1;
	out_init(&c.out, json);
	status = ctl_run(&c);
	out_free(&c.out);
	pnl_close(&c.nl);
	explicit_bzero(req, sizeof(*req));
	free(req);
	return status;
}
