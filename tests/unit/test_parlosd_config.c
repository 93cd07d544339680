// SPDX-License-Identifier: GPL-2.0
/*
 * parlosd's configuration: value parsers, every key's errors, the
 * config file reader and the command line.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"
#include "config.h"
#include "log.h"

static char err[512];

static int set(struct d_config *c, const char *k, const char *v)
{
	err[0] = '\0';
	return config_set(c, D_SRC_CLI, k, v, err, sizeof(err));
}

static void test_parsers(void)
{
	struct sockaddr_in sa;
	struct d_algs a;
	struct nas_plmn p;
	uint32_t ms, net, v;
	uint8_t pre;

	CHECK(!parse_addr_port("10.0.0.1", 36410, &sa) &&
	      ntohs(sa.sin_port) == 36410, "default port");
	CHECK(!parse_addr_port("10.0.0.1:5", 1, &sa) && ntohs(sa.sin_port) == 5,
	      "port");
	CHECK(parse_addr_port("10.0.0.1:", 1, &sa), "empty port");
	CHECK(parse_addr_port("10.0.0.1:70000", 1, &sa), "port range");
	CHECK(parse_addr_port("host:1", 1, &sa), "names refused");
	CHECK(parse_addr_port(":1", 1, &sa), "no address");
	CHECK(!parse_duration_ms("6", &ms) && ms == 6000, "seconds");
	CHECK(!parse_duration_ms("1.5s", &ms) && ms == 1500, "1.5s");
	CHECK(!parse_duration_ms("250ms", &ms) && ms == 250, "ms");
	CHECK(parse_duration_ms("0", &ms) && parse_duration_ms("6x", &ms) &&
	      parse_duration_ms("-1", &ms) && parse_duration_ms("", &ms) &&
	      parse_duration_ms("3601", &ms), "bad durations");
	CHECK(!parse_alg_list("2,3,1", "eea", &a) && a.n == 3 &&
	      a.alg[0] == 2 && a.alg[2] == 1, "list");
	CHECK(!parse_alg_list("EIA2 eia1", "eia", &a) && a.n == 2 &&
	      a.alg[1] == 1, "named list");
	CHECK(parse_alg_list("2,2", "eea", &a), "duplicate");
	CHECK(parse_alg_list("4", "eea", &a), "range");
	CHECK(parse_alg_list("", "eea", &a) && parse_alg_list(",", "eea", &a),
	      "empty");
	CHECK(parse_alg_list("eia2", "eea", &a), "wrong kind");
	CHECK(parse_alg_list("22", "eea", &a), "two digits");
	CHECK(!parse_plmn("001-01", &p) && p.mcc == 1 && p.mnc == 1 &&
	      p.mnc_digits == 2, "plmn");
	CHECK(!parse_plmn("310-410", &p) && p.mnc_digits == 3, "3-digit MNC");
	CHECK(parse_plmn("01-01", &p) && parse_plmn("001-1", &p) &&
	      parse_plmn("00101", &p) && parse_plmn("001-0a", &p), "bad plmn");
	CHECK(!parse_cidr("10.45.0.0/24", &net, &pre) && pre == 24 &&
	      net == 0x0a2d0000, "cidr");
	CHECK(parse_cidr("10.45.0.1/24", &net, &pre), "host bits");
	CHECK(parse_cidr("10.45.0.0/31", &net, &pre) &&
	      parse_cidr("10.45.0.0", &net, &pre), "bad cidr");
	CHECK(!parse_uint("65535", 65535, &v) && parse_uint("65536", 65535, &v)
	      && parse_uint("1x", 9, &v) && parse_uint("-1", 9, &v), "uint");
}

static bool luhn_ok(const char *s)
{
	unsigned int sum = 0, i;

	for (i = 0; i < 15; i++) {
		unsigned int d = (unsigned int)(s[14 - i] - '0');

		if (i & 1) {
			d *= 2;
			d = d > 9 ? d - 9 : d;
		}
		sum += d;
	}
	return sum % 10 == 0;
}

static void test_imei(void)
{
	char imei[NAS_MAX_DIGITS + 1];

	imei_default(imei, 4242);
	CHECK(imei_valid(imei) && luhn_ok(imei), "%s", imei);
	imei_default(imei, 1234567);
	CHECK(imei_valid(imei) && luhn_ok(imei), "%s", imei);
	CHECK(!imei_valid("12345") && !imei_valid("49015420323751x"),
	      "invalid");
}

/* Every key with one good and one bad value */
static void test_keys(void)
{
	static const struct {
		enum d_role role;
		const char *key, *good, *bad;
	} t[] = {
		{ D_ROLE_ME, "gateway", "10.0.0.1:36410", "10.0.0.1:x" },
		{ D_ROLE_GW, "listen", "0.0.0.0", "::1" },
		{ D_ROLE_ME, "bind", "10.0.0.2:4000", "10.0.0.2:-1" },
		{ D_ROLE_GW, "eea", "2,1", "5" },
		{ D_ROLE_GW, "eia", "3", "1,1" },
		{ D_ROLE_ME, "profile", "b", "c" },
		{ D_ROLE_GW, "profiles", "a,b", "a,x" },
		{ D_ROLE_ME, "imei", "490154203237518", "4901542032375" },
		{ D_ROLE_ME, "svn", "07", "7" },
		{ D_ROLE_GW, "plmn", "999-99", "99-99" },
		{ D_ROLE_GW, "tac", "7", "0" },
		{ D_ROLE_GW, "mme-group-id", "65535", "65536" },
		{ D_ROLE_GW, "mme-code", "255", "256" },
		{ D_ROLE_GW, "apn", "rlos.example", "a..b" },
		{ D_ROLE_GW, "pool", "10.45.0.0/24", "10.0.0.0/8" },
		{ D_ROLE_ME, "t3410", "15", "15 s" },
		{ D_ROLE_GW, "t3460", "500ms", "0ms" },
		{ D_ROLE_GW, "t3450", "6s", "soon" },
		{ D_ROLE_GW, "max-retrans", "0", "101" },
		{ D_ROLE_GW, "max-mes", "10000", "0" },
		{ D_ROLE_ME, "log-level", "debug", "loud" },
		{ D_ROLE_GW, "log", "syslog", "file" },
		{ D_ROLE_GW, "keep-contexts", "", "maybe" },
		{ D_ROLE_ME, "pcap", "/tmp/x.pcap", "" },
		{ D_ROLE_ME, "dev", "parlos0", "a/b" },
		{ D_ROLE_GW, "dev", "parlos7", "" },
		{ D_ROLE_GW, "up-port", "40000", "0" },
		{ D_ROLE_ME, "route", "10.45.0.0/16, 0.0.0.0/0", "10.45.0.1/16" },
		{ D_ROLE_ME, "route", "none", "none 10.0.0.0/8" },
		{ D_ROLE_LOADGEN, "count", "10000", "65536" },
		{ D_ROLE_LOADGEN, "rate", "0", "-1" },
		{ D_ROLE_LOADGEN, "window", "64", "0" },
		{ D_ROLE_LOADGEN, "hold", "", "sometimes" },
		{ D_ROLE_LOADGEN, "t3410", "3s", "3 s" },
		{ D_ROLE_LOADGEN, "imei", "490154203237518", "49" },
	};
	struct d_config c;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		config_defaults(&c, t[i].role);
		CHECK(!set(&c, t[i].key, t[i].good), "%s %s: %s", t[i].key,
		      t[i].good, err);
		CHECK(set(&c, t[i].key, t[i].bad) == -EINVAL &&
		      strstr(err, t[i].key), "%s %s accepted", t[i].key,
		      t[i].bad);
	}
	config_defaults(&c, D_ROLE_ME);
	CHECK(set(&c, "pool", "10.0.0.0/24") && strstr(err, "gateway") == NULL
	      && strstr(err, "not a setting of the me role"), "%s", err);
	CHECK(set(&c, "nope", "1") && strstr(err, "unknown key"), "%s", err);
	/* a loadgen binds no device: one ME device per namespace */
	config_defaults(&c, D_ROLE_LOADGEN);
	CHECK(set(&c, "dev", "parlos0") &&
	      strstr(err, "not a setting of the loadgen role"), "%s", err);
	CHECK(set(&c, "pool", "10.0.0.0/24") && strstr(err, "loadgen"), "%s",
	      err);
	config_defaults(&c, D_ROLE_ME);
	CHECK(!set(&c, "route", "10.45.0.0/16 192.0.2.0/24") &&
	      c.n_routes == 2 && c.route[1].net == 0xc0000200 &&
	      c.route[1].prefix == 24, "two routes");
	CHECK(!set(&c, "route", "none") && !c.n_routes, "none");
	CHECK(set(&c, "route", "1.0.0.0/8 2.0.0.0/8 3.0.0.0/8 4.0.0.0/8 "
		  "5.0.0.0/8 6.0.0.0/8 7.0.0.0/8 8.0.0.0/8 9.0.0.0/8"),
	      "at most 8");
}

static void test_defaults(void)
{
	struct d_config c;

	config_defaults(&c, D_ROLE_GW);
	CHECK(c.eea.n == 3 && c.eea.alg[0] == 2 && c.eea.alg[1] == 3 &&
	      c.eea.alg[2] == 1, "EEA2, EEA3, EEA1");
	CHECK(c.eia.n == 3 && c.eia.alg[0] == 2, "EIA2 first");
	CHECK(c.t3460 == 6000 && c.t3450 == 6000 && c.max_retrans == 4,
	      "gateway timers");
	CHECK(ntohs(c.local.sin_port) == 36410, "port 36410");
	config_defaults(&c, D_ROLE_ME);
	CHECK(c.t3410 == 15000, "T3410");
	CHECK(c.eea.n == 4 && c.eia.n == 3, "ME offers EEA0-3, EIA1-3");
}

static void test_check(void)
{
	struct d_config c;

	config_defaults(&c, D_ROLE_GW);
	set(&c, "eia", "2,0");
	CHECK(config_check(&c, err, sizeof(err)) && strstr(err, "EIA0"),
	      "EIA0 on the gateway: %s", err);
	config_defaults(&c, D_ROLE_ME);
	CHECK(config_check(&c, err, sizeof(err)) && strstr(err, "--gateway"),
	      "ME needs a gateway: %s", err);
	set(&c, "eia", "0");
	set(&c, "gateway", "10.0.0.1");
	CHECK(!config_check(&c, err, sizeof(err)), "an ME may offer EIA0");
}

static char path[64];

static void write_file(const char *text)
{
	FILE *f;

	strcpy(path, "/tmp/parlosd-conf-XXXXXX");
	close(mkstemp(path));
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static void test_file(void)
{
	struct d_config c;

	write_file("# gateway\n\n  eea = 3, 1  # prefer ZUC\neia=1\n"
		   "t3460 = 2s\npool = 10.9.0.0/24\nlog-level = debug\n");
	config_defaults(&c, D_ROLE_GW);
	CHECK(!config_load(&c, path, err, sizeof(err)), "%s", err);
	CHECK(c.eea.n == 2 && c.eea.alg[0] == 3 && c.eia.alg[0] == 1 &&
	      c.t3460 == 2000 && c.pool_prefix == 24 &&
	      c.log_level == LOG_LVL_DEBUG, "values");
	unlink(path);

	write_file("eea = 2\nt3450 = never\n");
	config_defaults(&c, D_ROLE_GW);
	CHECK(config_load(&c, path, err, sizeof(err)) == -EINVAL &&
	      strstr(err, ":2: t3450"), "line number: %s", err);
	unlink(path);

	write_file("eea 2\n");
	config_defaults(&c, D_ROLE_GW);
	CHECK(config_load(&c, path, err, sizeof(err)) &&
	      strstr(err, ":1: expected \"key = value\""), "%s", err);
	unlink(path);

	write_file("listen = 0.0.0.0\n");
	config_defaults(&c, D_ROLE_GW);
	CHECK(config_load(&c, path, err, sizeof(err)) &&
	      strstr(err, "only on the command line"), "%s", err);
	unlink(path);

	config_defaults(&c, D_ROLE_GW);
	CHECK(config_load(&c, "/nonexistent/parlosd.conf", err,
			  sizeof(err)) && strstr(err, "No such file"), "%s",
	      err);
}

static int cli(struct cli *cl, const char *line)
{
	static char args[32][128];
	char buf[512], *argv[32], *save = NULL, *t;
	int argc = 0;

	snprintf(buf, sizeof(buf), "parlosd %s", line);
	for (t = strtok_r(buf, " ", &save); t && argc < 31;
	     t = strtok_r(NULL, " ", &save))
	{
		snprintf(args[argc], sizeof(args[argc]), "%s", t);
		argv[argc] = args[argc];
		argc++;
	}
	argv[argc] = NULL;
	err[0] = '\0';
	return cli_parse(argc, argv, cl, err, sizeof(err));
}

static void test_cli(void)
{
	struct d_config c;
	struct cli cl;

	CHECK(!cli(&cl, "me --gateway 10.0.0.1 --profile b -v") &&
	      cl.role == D_ROLE_ME, "%s", err);
	CHECK(!cli_config(&cl, &c, err, sizeof(err)) &&
	      c.profile == NAS_PARLOS_PROFILE_B &&
	      c.log_level == LOG_LVL_DEBUG && c.have_peer, "%s", err);
	CHECK(!cli(&cl, "--eea 1 gateway --keep-contexts") &&
	      cl.role == D_ROLE_GW, "options before the role: %s", err);
	CHECK(!cli_config(&cl, &c, err, sizeof(err)) && c.keep_contexts &&
	      c.eea.n == 1, "%s", err);
	CHECK(cli(&cl, "--eea 1") && strstr(err, "missing role"), "%s", err);
	CHECK(cli(&cl, "ue") && strstr(err, "unknown role"), "%s", err);
	CHECK(cli(&cl, "me gateway") && strstr(err, "unexpected"), "%s", err);
	CHECK(cli(&cl, "me --bogus 1") && strstr(err, "unknown option"), "%s",
	      err);
	CHECK(cli(&cl, "me --gateway") && strstr(err, "needs a value"), "%s",
	      err);
	CHECK(!cli(&cl, "me --pool 10.0.0.0/24 --gateway 10.0.0.1") &&
	      cli_config(&cl, &c, err, sizeof(err)) &&
	      strstr(err, "--pool: not a setting"), "%s", err);
	CHECK(!cli(&cl, "me") && cli_config(&cl, &c, err, sizeof(err)) &&
	      strstr(err, "--gateway"), "%s", err);
	CHECK(!cli(&cl, "--help") && cl.help, "help");
	CHECK(!cli(&cl, "loadgen --gateway 10.0.0.1 --count 500 --rate 50 "
		   "--window 8 --hold") && cl.role == D_ROLE_LOADGEN, "%s", err);
	CHECK(!cli_config(&cl, &c, err, sizeof(err)) && c.count == 500 &&
	      c.rate == 50 && c.window == 8 && c.hold &&
	      c.log_level == LOG_LVL_WARN && c.eea.n == 4, "%s", err);
	CHECK(!cli(&cl, "loadgen") && cli_config(&cl, &c, err, sizeof(err)) &&
	      strstr(err, "loadgen: --gateway"), "%s", err);
	CHECK(!cli(&cl, "me --gateway 10.0.0.1 --route 10.45.0.0/16") &&
	      cli_config(&cl, &c, err, sizeof(err)) &&
	      strstr(err, "route: needs --dev"), "%s", err);
	CHECK(!cli(&cl, "me --gateway 10.0.0.1 --dev parlos0 --up-port 4000") &&
	      !cli_config(&cl, &c, err, sizeof(err)) &&
	      !strcmp(c.dev, "parlos0") && c.up_port == 4000, "%s", err);

	/* the command line wins over the file */
	write_file("t3460 = 2\neea = 3\n");
	{
		char line[128];

		snprintf(line, sizeof(line), "gateway --t3460 1 -c %s", path);
		CHECK(!cli(&cl, line), "%s", err);
	}
	CHECK(!cli_config(&cl, &c, err, sizeof(err)) && c.t3460 == 1000 &&
	      c.eea.alg[0] == 3, "file then command line: %s", err);
	unlink(path);
}

int main(void)
{
	RUN_CASE("config.parsers", test_parsers());
	RUN_CASE("config.imei", test_imei());
	RUN_CASE("config.keys", test_keys());
	RUN_CASE("config.defaults", test_defaults());
	RUN_CASE("config.check", test_check());
	RUN_CASE("config.file", test_file());
	RUN_CASE("config.cli", test_cli());
	return check_summary();
}
