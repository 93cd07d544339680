// SPDX-License-Identifier: GPL-2.0
/*
 * Command line parsing with getopt_long; the values are checked by the
 * config setters so a file and the command line agree.
 */
#include <errno.h>
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "log.h"

#define OPT_KEY	0x100

static const char *const cli_keys[] = {
	"gateway", "listen", "bind", "eea", "eia", "profile", "profiles",
	"imei", "svn", "plmn", "tac", "mme-group-id", "mme-code", "apn",
	"pool", "t3410", "t3460", "t3450", "max-retrans", "max-mes",
	"log-level", "log", "keep-contexts", "pcap", "mode", "ca-file", "cert",
	"key", "pin-file", "require-me-cert", "dev", "up-port", "route",
	"count", "rate", "window", "hold",
};
#define N_KEYS	(sizeof(cli_keys) / sizeof(cli_keys[0]))

void cli_usage(FILE *f)
{
	fputs(
"usage: parlosd [OPTION]... me --gateway ADDR[:PORT] [OPTION]...\n"
"       parlosd [OPTION]... gateway [--listen ADDR[:PORT]] [OPTION]...\n"
"       parlosd [OPTION]... loadgen --gateway ADDR[:PORT] --count N\n"
"               [OPTION]...\n"
"\n"
"PARLOS (3GPP TR 33.815 solution #1) attach and security mode daemon;\n"
"keys stay in the parlos kernel module.\n"
"\n"
"common:\n"
"  -c, --config FILE       read KEY = VALUE lines first\n"
"  --eea LIST, --eia LIST  gateway: priority (default 2,3,1); ME: the\n"
"                          algorithms offered (default eea 0,1,2,3, eia 1,2,3)\n"
"  --apn NAME              gateway: APN of the default bearer (rlos);\n"
"                          ME: APN to request (none)\n"
"  --max-retrans N         retransmissions before giving up (4)\n"
"  --pcap FILE             record every NAS message and SRB1 PDU\n"
"  --log-level LEVEL       error, warn, info (default) or debug\n"
"  -v                      same as --log-level debug\n"
"  --log stderr|syslog     where log lines go (stderr)\n"
"  --keep-contexts         on SIGTERM, leave the kernel contexts (and\n"
"                          the user-plane bindings)\n"
"user plane (me, gateway):\n"
"  --dev IFNAME            bind DRB1 of each attached ME to this parlos\n"
"                          device (made if missing); see parlosd(8)\n"
"  --up-port N             the peer's user-plane UDP port (36411)\n"
"  --route LIST            me: networks routed through the device\n"
"                          (none; e.g. 10.45.0.0/16)\n"
"  -h, --help, -V, --version\n"
"credentials (docs/security-modes.md):\n"
"  --mode none|cert|pin    ME: what it requires of the gateway; gateway:\n"
"                          what it sends (none: no protection from an\n"
"                          active attacker)\n"
"  --ca-file FILE          PEM trust anchors: ME, for the gateway chain;\n"
"                          gateway, for ME certificates\n"
"  --cert FILE, --key FILE own chain (leaf first) and key, PEM: ECDSA\n"
"                          P-256 or Ed25519\n"
"me:\n"
"  --gateway ADDR[:PORT]   the gateway (port 36410)\n"
"  --bind ADDR[:PORT]      local address and port\n"
"  --profile a|b           ECIES profile A (X25519, default) or B (P-256)\n"
"  --imei DIGITS, --svn NN identity (IMEI made from the pid by default)\n"
"  --t3410 DURATION        attach timer (15s)\n"
"  --plmn MCC-MNC          the gateway's PLMN, signed and pinned (001-01)\n"
"  --pin-file FILE         mode pin: the gateway keys pinned per PLMN\n"
"gateway:\n"
"  --listen ADDR[:PORT]    (0.0.0.0:36410)\n"
"  --profiles LIST         ECIES profiles accepted (a,b)\n"
"  --plmn MCC-MNC, --tac N, --mme-group-id N, --mme-code N\n"
"                          TAI and GUTI (001-01, 1, 1, 1)\n"
"  --pool ADDR/PREFIX      IPv4 pool of the MEs (10.45.0.0/16)\n"
"  --t3460 DURATION, --t3450 DURATION  (6s each)\n"
"  --max-mes N             MEs served at once (65535)\n"
"  --require-me-cert       ATTACH REJECT #6 for an ME without a valid\n"
"                          certificate (needs --ca-file)\n"
"loadgen (the me options, for N MEs in one process):\n"
"  --count N               MEs, each with its own UDP port and context\n"
"  --rate R                attaches started a second (0: no limit)\n"
"  --window W              attaches under way at once (64)\n"
"  --imei DIGITS           the first IMEI; the others follow it\n"
"  --hold                  after the report, keep answering until a\n"
"                          signal (default: exit, 0 if all attached)\n"
"\n"
"Exit status: 0 stopped by a signal; 1 runtime error; 2 bad command line\n"
"or config; 3 ME: ATTACH REJECT; 4 ME: no attach after all attempts\n"
"(loadgen: some ME did not attach).\n"
"See parlosd(8) and docs/protocol.md.\n", f);
}

static int add_opt(struct cli *cl, const char *key, const char *val,
		   char *err, size_t errlen)
{
	if (cl->n == CLI_MAX_OPTS) {
		snprintf(err, errlen, "too many options");
		return -EINVAL;
	}
	cl->opt[cl->n].key = key;
	cl->opt[cl->n].val = val;
	cl->n++;
	return 0;
}

static int parse_role(struct cli *cl, const char *s, char *err,
		      size_t errlen)
{
	if (cl->role != D_ROLE_NONE) {
		snprintf(err, errlen, "unexpected argument \"%s\"", s);
		return -EINVAL;
	}
	if (!strcmp(s, "me"))
		cl->role = D_ROLE_ME;
	else if (!strcmp(s, "gateway") || !strcmp(s, "gw"))
		cl->role = D_ROLE_GW;
	else if (!strcmp(s, "loadgen"))
		cl->role = D_ROLE_LOADGEN;
	else {
		snprintf(err, errlen,
			 "unknown role \"%s\": expected me, gateway or "
			 "loadgen", s);
		return -EINVAL;
	}
	return 0;
}

int cli_parse(int argc, char **argv, struct cli *cl, char *err,
	      size_t errlen)
{
	struct option lo[N_KEYS + 5];
	size_t i;
	int c;

	memset(cl, 0, sizeof(*cl));
	for (i = 0; i < N_KEYS; i++) {
		lo[i].name = cli_keys[i];
		lo[i].has_arg = config_key_is_flag(cli_keys[i]) ?
				no_argument : required_argument;
		lo[i].flag = NULL;
		lo[i].val = (int)(OPT_KEY + i);
	}
	lo[i++] = (struct option){ "config", required_argument, NULL, 'c' };
	lo[i++] = (struct option){ "help", no_argument, NULL, 'h' };
	lo[i++] = (struct option){ "version", no_argument, NULL, 'V' };
	lo[i++] = (struct option){ "verbose", no_argument, NULL, 'v' };
	lo[i] = (struct option){ NULL, 0, NULL, 0 };
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "-:c:hVv", lo, NULL)) != -1) {
		switch (c) {
		case 1:
			if (parse_role(cl, optarg, err, errlen))
				return -EINVAL;
			break;
		case 'c':
			cl->config = optarg;
			break;
		case 'h':
			cl->help = true;
			break;
		case 'V':
			cl->version = true;
			break;
		case 'v':
			if (add_opt(cl, "log-level", "debug", err, errlen))
				return -EINVAL;
			break;
		case ':':
			snprintf(err, errlen, "option %s needs a value",
				 argv[optind - 1]);
			return -EINVAL;
		case '?':
			snprintf(err, errlen, "unknown option %s",
				 argv[optind - 1]);
			return -EINVAL;
		default:
			if (add_opt(cl, cli_keys[c - OPT_KEY],
				    optarg ? optarg : "", err, errlen))
				return -EINVAL;
		}
	}
	if (!cl->help && !cl->version && cl->role == D_ROLE_NONE) {
		snprintf(err, errlen, "missing role: me, gateway or loadgen");
		return -EINVAL;
	}
	return 0;
}

int cli_config(const struct cli *cl, struct d_config *cfg, char *err,
	       size_t errlen)
{
	char why[D_ERR_MAX];
	size_t i;

	config_defaults(cfg, cl->role);
	if (cl->config && config_load(cfg, cl->config, err, errlen))
		return -EINVAL;
	for (i = 0; i < cl->n; i++) {
		if (config_set(cfg, D_SRC_CLI, cl->opt[i].key, cl->opt[i].val,
			       why, sizeof(why))) {
			snprintf(err, errlen, "--%s", why);
			return -EINVAL;
		}
	}
	return config_check(cfg, err, errlen);
}
