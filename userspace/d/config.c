// SPDX-License-Identifier: GPL-2.0
/*
 * Configuration keys, their parsers and the config file reader.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "log.h"
#include "parlos.h"

#define R_ME	(1u << D_ROLE_ME)
#define R_GW	(1u << D_ROLE_GW)
#define R_LG	(1u << D_ROLE_LOADGEN)
#define R_ALL	(R_ME | R_GW)
#define R_MES	(R_ME | R_LG)

typedef int (*set_fn)(struct d_config *c, const char *v, const char **why);

struct key {
	const char *name;
	unsigned int roles;
	bool file;		/* may be set in a config file */
	bool flag;		/* takes no value on the command line */
	set_fn set;
};

const char *d_role_name(enum d_role role)
{
	switch (role) {
	case D_ROLE_ME:
		return "me";
	case D_ROLE_GW:
		return "gateway";
	case D_ROLE_LOADGEN:
		return "loadgen";
	default:
		return "none";
	}
}

const char *d_mode_name(enum d_mode mode)
{
	switch (mode) {
	case D_MODE_CERT:
		return "cert";
	case D_MODE_PIN:
		return "pin";
	default:
		return "none";
	}
}

/* --- value parsers ---------------------------------------------------- */

int parse_uint(const char *s, uint32_t max, uint32_t *v)
{
	unsigned long long n;
	char *end;

	if (!*s || !isdigit((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno || *end || n > max)
		return -EINVAL;
	*v = (uint32_t)n;
	return 0;
}

int parse_addr_port(const char *s, uint16_t def_port, struct sockaddr_in *sa)
{
	char host[INET_ADDRSTRLEN];
	const char *colon = strchr(s, ':');
	size_t n = colon ? (size_t)(colon - s) : strlen(s);
	uint32_t port = def_port;

	if (!n || n >= sizeof(host))
		return -EINVAL;
	memcpy(host, s, n);
	host[n] = '\0';
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return -EINVAL;
	if (colon && parse_uint(colon + 1, 65535, &port))
		return -EINVAL;
	sa->sin_port = htons((uint16_t)port);
	return 0;
}

/* "6", "6s", "1.5s", "500ms": 1 ms to 1 hour */
int parse_duration_ms(const char *s, uint32_t *ms)
{
	double v, scale = 1000;
	char *end;

	if (!*s || !(isdigit((unsigned char)*s) || *s == '.'))
		return -EINVAL;
	v = strtod(s, &end);
	if (!strcmp(end, "ms"))
		scale = 1;
	else if (*end && strcmp(end, "s"))
		return -EINVAL;
	v *= scale;
	if (v < 1 || v > 3600 * 1000.0)
		return -EINVAL;
	*ms = (uint32_t)(v + 0.5);
	return 0;
}

/* "2,3,1", "eea2, eea3" or "EIA2 EIA1": distinct identities 0..3 */
int parse_alg_list(const char *s, const char *kind, struct d_algs *a)
{
	size_t klen = strlen(kind);
	struct d_algs out = { 0 };

	while (*s) {
		unsigned int v, i;

		while (*s == ' ' || *s == ',' || *s == '\t')
			s++;
		if (!*s)
			break;
		if (!strncasecmp(s, kind, klen))
			s += klen;
		if (*s < '0' || *s > '3')
			return -EINVAL;
		v = (unsigned int)(*s++ - '0');
		if (*s && *s != ',' && *s != ' ' && *s != '\t')
			return -EINVAL;
		for (i = 0; i < out.n; i++)
			if (out.alg[i] == v)
				return -EINVAL;
		out.alg[out.n++] = (uint8_t)v;
	}
	if (!out.n)
		return -EINVAL;
	*a = out;
	return 0;
}

/* "001-01" or "001-001": MCC-MNC, the MNC's digit count kept */
int parse_plmn(const char *s, struct nas_plmn *p)
{
	uint32_t mcc, mnc;
	const char *dash = strchr(s, '-');
	char buf[4];
	size_t n;

	if (!dash || dash - s != 3)
		return -EINVAL;
	memcpy(buf, s, 3);
	buf[3] = '\0';
	n = strlen(dash + 1);
	if ((n != 2 && n != 3) || parse_uint(buf, 999, &mcc) ||
	    parse_uint(dash + 1, 999, &mnc))
		return -EINVAL;
	for (const char *q = dash + 1; *q; q++)
		if (!isdigit((unsigned char)*q))
			return -EINVAL;
	p->mcc = (uint16_t)mcc;
	p->mnc = (uint16_t)mnc;
	p->mnc_digits = (uint8_t)n;
	return 0;
}

/* "10.45.0.0/24": prefix 8..30, no host bits set */
int parse_cidr(const char *s, uint32_t *net, uint8_t *prefix)
{
	char host[INET_ADDRSTRLEN];
	const char *slash = strchr(s, '/');
	struct in_addr a;
	uint32_t p, mask;

	if (!slash || (size_t)(slash - s) >= sizeof(host))
		return -EINVAL;
	memcpy(host, s, (size_t)(slash - s));
	host[slash - s] = '\0';
	if (inet_pton(AF_INET, host, &a) != 1 || parse_uint(slash + 1, 30, &p) ||
	    p < 8)
		return -EINVAL;
	mask = 0xffffffffu << (32 - p);
	if (ntohl(a.s_addr) & ~mask)
		return -EINVAL;
	*net = ntohl(a.s_addr);
	*prefix = (uint8_t)p;
	return 0;
}

bool imei_valid(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return i == 15;
}

static void imei_luhn(char out[NAS_MAX_DIGITS + 1])
{
	unsigned int sum = 0, i;

	for (i = 0; i < 14; i++) {
		unsigned int d = (unsigned int)(out[i] - '0');

		if (i & 1) {
			d *= 2;
			d = d > 9 ? d - 9 : d;
		}
		sum += d;
	}
	out[14] = (char)('0' + (10 - sum % 10) % 10);
	out[15] = '\0';
}

/* A Luhn-valid IMEI with a fixed test TAC and a 6-digit serial */
void imei_default(char out[NAS_MAX_DIGITS + 1], unsigned int serial)
{
	snprintf(out, NAS_MAX_DIGITS + 1, "35000000%06u", serial % 1000000);
	imei_luhn(out);
}

void imei_next(const char *base, unsigned int n, char out[NAS_MAX_DIGITS + 1])
{
	unsigned long long v = 0;
	int i;

	for (i = 0; i < 14 && base[i]; i++)
		v = v * 10 + (unsigned long long)(base[i] - '0');
	v = (v + n) % 100000000000000ull;
	snprintf(out, NAS_MAX_DIGITS + 1, "%014llu", v);
	imei_luhn(out);
}

void algs_format(const struct d_algs *a, const char *kind, char *out,
		 size_t len)
{
	size_t off = 0, i;

	out[0] = '\0';
	for (i = 0; i < a->n && off < len; i++)
		off += (size_t)snprintf(out + off, len - off, "%s%s%u",
					i ? "," : "", kind, a->alg[i]);
}

/* --- setters ---------------------------------------------------------- */

static int set_peer(struct d_config *c, const char *v, const char **why)
{
	*why = "expected IPv4ADDR[:PORT]";
	if (parse_addr_port(v, D_PORT_DEFAULT, &c->peer) ||
	    !c->peer.sin_port || !c->peer.sin_addr.s_addr)
		return -EINVAL;
	c->have_peer = true;
	return 0;
}

static int set_local(struct d_config *c, const char *v, const char **why)
{
	uint16_t def = c->role == D_ROLE_GW ? D_PORT_DEFAULT : 0;

	*why = "expected IPv4ADDR[:PORT]";
	return parse_addr_port(v, def, &c->local);
}

static int set_eea(struct d_config *c, const char *v, const char **why)
{
	*why = "expected a list of distinct EEA identities 0..3, e.g. 2,3,1";
	return parse_alg_list(v, "eea", &c->eea);
}

static int set_eia(struct d_config *c, const char *v, const char **why)
{
	*why = "expected a list of distinct EIA identities 0..3, e.g. 2,3,1";
	return parse_alg_list(v, "eia", &c->eia);
}

static int parse_profile(const char *v, uint8_t *p)
{
	if (!strcasecmp(v, "a") || !strcasecmp(v, "x25519") || !strcmp(v, "1"))
		*p = NAS_PARLOS_PROFILE_A;
	else if (!strcasecmp(v, "b") || !strcasecmp(v, "p256") ||
		 !strcasecmp(v, "secp256r1") || !strcmp(v, "2"))
		*p = NAS_PARLOS_PROFILE_B;
	else
		return -EINVAL;
	return 0;
}

static int set_profile(struct d_config *c, const char *v, const char **why)
{
	*why = "expected a or b (ECIES profile A, X25519; B, secp256r1)";
	return parse_profile(v, &c->profile);
}

static int set_profiles(struct d_config *c, const char *v, const char **why)
{
	char buf[64], *tok, *save = NULL;
	uint8_t mask = 0, p;

	*why = "expected a list of ECIES profiles, e.g. a,b";
	if (strlen(v) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, v);
	for (tok = strtok_r(buf, ", \t", &save); tok;
	     tok = strtok_r(NULL, ", \t", &save)) {
		if (parse_profile(tok, &p))
			return -EINVAL;
		mask |= (uint8_t)(1u << p);
	}
	if (!mask)
		return -EINVAL;
	c->profiles = mask;
	return 0;
}

static int set_imei(struct d_config *c, const char *v, const char **why)
{
	*why = "expected 15 digits";
	if (!imei_valid(v))
		return -EINVAL;
	strcpy(c->imei, v);
	return 0;
}

static int set_svn(struct d_config *c, const char *v, const char **why)
{
	*why = "expected 2 digits";
	if (strlen(v) != 2 || !isdigit((unsigned char)v[0]) ||
	    !isdigit((unsigned char)v[1]))
		return -EINVAL;
	strcpy(c->svn, v);
	return 0;
}

static int set_plmn(struct d_config *c, const char *v, const char **why)
{
	*why = "expected MCC-MNC, e.g. 001-01";
	return parse_plmn(v, &c->plmn);
}

static int set_u16(const char *v, uint32_t min, uint32_t max, uint32_t *out)
{
	if (parse_uint(v, max, out) || *out < min)
		return -EINVAL;
	return 0;
}

static int set_tac(struct d_config *c, const char *v, const char **why)
{
	uint32_t n;

	*why = "expected 1..65533";	/* 0 and 0xfffe are reserved */
	if (set_u16(v, 1, 0xfffd, &n))
		return -EINVAL;
	c->tac = (uint16_t)n;
	return 0;
}

static int set_mme_gid(struct d_config *c, const char *v, const char **why)
{
	uint32_t n;

	*why = "expected 0..65535";
	if (set_u16(v, 0, 0xffff, &n))
		return -EINVAL;
	c->mme_gid = (uint16_t)n;
	return 0;
}

static int set_mme_code(struct d_config *c, const char *v, const char **why)
{
	uint32_t n;

	*why = "expected 0..255";
	if (set_u16(v, 0, 0xff, &n))
		return -EINVAL;
	c->mme_code = (uint8_t)n;
	return 0;
}

static int set_apn(struct d_config *c, const char *v, const char **why)
{
	struct nas_apn apn;

	*why = "expected a DNS-style name, e.g. rlos";
	if (*v && nas_apn_from_str(&apn, v))
		return -EINVAL;
	if (strlen(v) > NAS_APN_MAX)
		return -EINVAL;
	strcpy(c->apn, v);
	return 0;
}

static int set_pool(struct d_config *c, const char *v, const char **why)
{
	*why = "expected an IPv4 network ADDR/PREFIX, prefix 16..30";
	if (parse_cidr(v, &c->pool_net, &c->pool_prefix) ||
	    c->pool_prefix < 16)
		return -EINVAL;
	return 0;
}

static int set_timer(uint32_t *t, const char *v, const char **why)
{
	*why = "expected a duration from 1ms to 3600s, e.g. 6, 6s or 500ms";
	return parse_duration_ms(v, t);
}

static int set_t3410(struct d_config *c, const char *v, const char **why)
{
	return set_timer(&c->t3410, v, why);
}

static int set_t3460(struct d_config *c, const char *v, const char **why)
{
	return set_timer(&c->t3460, v, why);
}

static int set_t3450(struct d_config *c, const char *v, const char **why)
{
	return set_timer(&c->t3450, v, why);
}

static int set_max_retrans(struct d_config *c, const char *v,
			   const char **why)
{
	*why = "expected 0..100";
	return parse_uint(v, 100, &c->max_retrans);
}

static int set_max_mes(struct d_config *c, const char *v, const char **why)
{
	*why = "expected 1..65535";
	if (parse_uint(v, 65535, &c->max_mes) || !c->max_mes)
		return -EINVAL;
	return 0;
}

static int set_log_level(struct d_config *c, const char *v, const char **why)
{
	int l = log_level_parse(v);

	*why = "expected error, warn, info or debug";
	if (l < 0)
		return -EINVAL;
	c->log_level = l;
	return 0;
}

static int set_log(struct d_config *c, const char *v, const char **why)
{
	*why = "expected stderr or syslog";
	if (!strcmp(v, "stderr"))
		c->syslog = false;
	else if (!strcmp(v, "syslog"))
		c->syslog = true;
	else
		return -EINVAL;
	return 0;
}

static int set_keep(struct d_config *c, const char *v, const char **why)
{
	*why = "expected yes or no";
	if (!*v || !strcmp(v, "yes") || !strcmp(v, "1"))
		c->keep_contexts = true;
	else if (!strcmp(v, "no") || !strcmp(v, "0"))
		c->keep_contexts = false;
	else
		return -EINVAL;
	return 0;
}

static int set_pcap(struct d_config *c, const char *v, const char **why)
{
	*why = "expected a file name";
	if (!*v || strlen(v) >= sizeof(c->pcap))
		return -EINVAL;
	strcpy(c->pcap, v);
	return 0;
}

static int set_mode(struct d_config *c, const char *v, const char **why)
{
	*why = "expected none, cert or pin";
	if (!strcmp(v, "none"))
		c->mode = D_MODE_NONE;
	else if (!strcmp(v, "cert"))
		c->mode = D_MODE_CERT;
	else if (!strcmp(v, "pin"))
		c->mode = D_MODE_PIN;
	else
		return -EINVAL;
	return 0;
}

static int set_path(char *dst, const char *v, const char **why)
{
	*why = "expected a file name";
	if (!*v || strlen(v) >= PATH_MAX)
		return -EINVAL;
	strcpy(dst, v);
	return 0;
}

static int set_ca_file(struct d_config *c, const char *v, const char **why)
{
	return set_path(c->ca_file, v, why);
}

static int set_cert(struct d_config *c, const char *v, const char **why)
{
	return set_path(c->cert, v, why);
}

static int set_key(struct d_config *c, const char *v, const char **why)
{
	return set_path(c->key, v, why);
}

static int set_pin_file(struct d_config *c, const char *v, const char **why)
{
	return set_path(c->pin_file, v, why);
}

static int set_require_me_cert(struct d_config *c, const char *v,
			       const char **why)
{
	*why = "expected yes or no";
	if (!*v || !strcmp(v, "yes") || !strcmp(v, "1"))
		c->require_me_cert = true;
	else if (!strcmp(v, "no") || !strcmp(v, "0"))
		c->require_me_cert = false;
	else
		return -EINVAL;
	return 0;
}

static int set_dev(struct d_config *c, const char *v, const char **why)
{
	*why = "expected a network interface name";
	if (!*v || strlen(v) >= sizeof(c->dev) || strchr(v, '/') ||
	    strchr(v, ' ') || !strcmp(v, ".") || !strcmp(v, ".."))
		return -EINVAL;
	strcpy(c->dev, v);
	return 0;
}

static int set_up_port(struct d_config *c, const char *v, const char **why)
{
	uint32_t n;

	*why = "expected 1..65535";
	if (set_u16(v, 1, 0xffff, &n))
		return -EINVAL;
	c->up_port = (uint16_t)n;
	return 0;
}

/* "10.45.0.0/16, 192.0.2.0/24" or "0.0.0.0/0"; "none" for no route */
static int set_route(struct d_config *c, const char *v, const char **why)
{
	char buf[256], *tok, *save = NULL;
	struct d_config t;

	*why = "expected a list of IPv4 networks ADDR/PREFIX (at most 8)";
	if (strlen(v) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, v);
	t.n_routes = 0;
	for (tok = strtok_r(buf, ", \t", &save); tok;
	     tok = strtok_r(NULL, ", \t", &save)) {
		char host[INET_ADDRSTRLEN];
		const char *slash = strchr(tok, '/');
		struct in_addr a;
		uint32_t p;

		if (!strcmp(tok, "none")) {
			if (t.n_routes || strtok_r(NULL, ", \t", &save))
				return -EINVAL;
			break;
		}
		if (!slash || slash - tok >= (long)sizeof(host) ||
		    t.n_routes == D_ROUTES_MAX)
			return -EINVAL;
		memcpy(host, tok, (size_t)(slash - tok));
		host[slash - tok] = '\0';
		if (inet_pton(AF_INET, host, &a) != 1 ||
		    parse_uint(slash + 1, 32, &p) ||
		    (p < 32 && ntohl(a.s_addr) & (0xffffffffu >> p)))
			return -EINVAL;
		t.route[t.n_routes].net = ntohl(a.s_addr);
		t.route[t.n_routes].prefix = (uint8_t)p;
		t.n_routes++;
	}
	memcpy(c->route, t.route, sizeof(c->route));
	c->n_routes = t.n_routes;
	return 0;
}

static int set_count(struct d_config *c, const char *v, const char **why)
{
	*why = "expected 1..65535";
	if (parse_uint(v, D_LOAD_MAX, &c->count) || !c->count)
		return -EINVAL;
	return 0;
}

static int set_rate(struct d_config *c, const char *v, const char **why)
{
	*why = "expected 0 (no limit) to 100000 attaches started a second";
	return parse_uint(v, 100000, &c->rate);
}

static int set_window(struct d_config *c, const char *v, const char **why)
{
	*why = "expected 1..65535 attaches under way at once";
	if (parse_uint(v, D_LOAD_MAX, &c->window) || !c->window)
		return -EINVAL;
	return 0;
}

static int set_hold(struct d_config *c, const char *v, const char **why)
{
	*why = "expected yes or no";
	if (!*v || !strcmp(v, "yes") || !strcmp(v, "1"))
		c->hold = true;
	else if (!strcmp(v, "no") || !strcmp(v, "0"))
		c->hold = false;
	else
		return -EINVAL;
	return 0;
}

static const struct key keys[] = {
	{ "gateway", R_MES, false, false, set_peer },
	{ "listen", R_GW, false, false, set_local },
	{ "bind", R_MES, false, false, set_local },
	{ "eea", R_ALL | R_LG, true, false, set_eea },
	{ "eia", R_ALL | R_LG, true, false, set_eia },
	{ "profile", R_MES, true, false, set_profile },
	{ "profiles", R_GW, true, false, set_profiles },
	{ "imei", R_MES, true, false, set_imei },
	{ "svn", R_MES, true, false, set_svn },
	{ "plmn", R_ALL | R_LG, true, false, set_plmn },
	{ "tac", R_GW, true, false, set_tac },
	{ "mme-group-id", R_GW, true, false, set_mme_gid },
	{ "mme-code", R_GW, true, false, set_mme_code },
	{ "apn", R_ALL | R_LG, true, false, set_apn },
	{ "pool", R_GW, true, false, set_pool },
	{ "t3410", R_MES, true, false, set_t3410 },
	{ "t3460", R_GW, true, false, set_t3460 },
	{ "t3450", R_GW, true, false, set_t3450 },
	{ "max-retrans", R_ALL | R_LG, true, false, set_max_retrans },
	{ "max-mes", R_GW, true, false, set_max_mes },
	{ "log-level", R_ALL | R_LG, true, false, set_log_level },
	{ "log", R_ALL | R_LG, true, false, set_log },
	{ "keep-contexts", R_ALL | R_LG, false, true, set_keep },
	{ "pcap", R_ALL | R_LG, false, false, set_pcap },
	{ "mode", R_ALL | R_LG, true, false, set_mode },
	{ "ca-file", R_ALL | R_LG, true, false, set_ca_file },
	{ "cert", R_ALL | R_LG, true, false, set_cert },
	{ "key", R_ALL | R_LG, true, false, set_key },
	{ "pin-file", R_MES, true, false, set_pin_file },
	{ "require-me-cert", R_GW, true, true, set_require_me_cert },
	{ "dev", R_ALL, true, false, set_dev },
	{ "up-port", R_ALL, true, false, set_up_port },
	{ "route", R_ME, true, false, set_route },
	{ "count", R_LG, false, false, set_count },
	{ "rate", R_LG, false, false, set_rate },
	{ "window", R_LG, false, false, set_window },
	{ "hold", R_LG, false, true, set_hold },
};

static const struct key *key_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(keys[i].name, name))
			return &keys[i];
	return NULL;
}

bool config_key_exists(const char *key)
{
	return key_find(key) != NULL;
}

bool config_key_is_flag(const char *key)
{
	const struct key *k = key_find(key);

	return k && k->flag;
}

void config_defaults(struct d_config *c, enum d_role role)
{
	static const struct d_algs prio = { 3, { 2, 3, 1 } };
	static const struct d_algs me_eea = { 4, { 0, 1, 2, 3 } };
	static const struct d_algs me_eia = { 3, { 1, 2, 3 } };

	memset(c, 0, sizeof(*c));
	c->role = role;
	c->local.sin_family = AF_INET;
	if (role == D_ROLE_GW)
		c->local.sin_port = htons(D_PORT_DEFAULT);
	c->eea = role == D_ROLE_GW ? prio : me_eea;
	c->eia = role == D_ROLE_GW ? prio : me_eia;
	c->profile = NAS_PARLOS_PROFILE_A;
	c->profiles = 1u << NAS_PARLOS_PROFILE_A | 1u << NAS_PARLOS_PROFILE_B;
	c->imei[0] = '\0';	/* ME: made from the pid unless set */
	strcpy(c->svn, "01");
	c->plmn = (struct nas_plmn){ 1, 1, 2 };
	c->tac = 1;
	c->mme_gid = 1;
	c->mme_code = 1;
	if (role == D_ROLE_GW)
		strcpy(c->apn, "rlos");
	parse_cidr("10.45.0.0/16", &c->pool_net, &c->pool_prefix);
	c->t3410 = 15000;
	c->t3460 = 6000;
	c->t3450 = 6000;
	c->max_retrans = 4;
	c->max_mes = 65535;
	/* 10,000 MEs log too much at info: the loadgen sums up instead */
	c->log_level = role == D_ROLE_LOADGEN ? LOG_LVL_WARN : LOG_LVL_INFO;
	c->up_port = PARLOS_DRB_PORT;
	c->count = 1;
	c->window = 64;
}

int config_set(struct d_config *c, enum d_src src, const char *key,
	       const char *value, char *err, size_t errlen)
{
	const struct key *k = key_find(key);
	const char *why = "bad value";

	if (!k) {
		snprintf(err, errlen, "unknown key \"%s\"", key);
		return -EINVAL;
	}
	if (src == D_SRC_FILE && !k->file) {
		snprintf(err, errlen,
			 "%s: only on the command line (--%s)", key, key);
		return -EINVAL;
	}
	if (!(k->roles & (1u << c->role))) {
		snprintf(err, errlen, "%s: not a setting of the %s role", key,
			 d_role_name(c->role));
		return -EINVAL;
	}
	if (k->set(c, value, &why)) {
		snprintf(err, errlen, "%s: %s: \"%s\"", key, why, value);
		return -EINVAL;
	}
	return 0;
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* One line: blank, "# comment", or "key = value" (value may be empty) */
static int config_line(struct d_config *c, char *line, char *why,
		       size_t whylen)
{
	char *eq, *key, *val, *hash = strchr(line, '#');

	if (hash)
		*hash = '\0';
	key = trim(line);
	if (!*key)
		return 0;
	eq = strchr(key, '=');
	if (!eq) {
		snprintf(why, whylen, "expected \"key = value\"");
		return -EINVAL;
	}
	*eq = '\0';
	val = trim(eq + 1);
	key = trim(key);
	return config_set(c, D_SRC_FILE, key, val, why, whylen);
}

int config_load(struct d_config *c, const char *path, char *err,
		size_t errlen)
{
	char line[512], why[D_ERR_MAX];
	unsigned int no = 0;
	FILE *f = fopen(path, "r");
	int rc = 0;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -errno;
	}
	while (fgets(line, sizeof(line), f)) {
		no++;
		if (!strchr(line, '\n') && !feof(f)) {
			snprintf(err, errlen, "%s:%u: line too long", path, no);
			rc = -EINVAL;
			break;
		}
		if (config_line(c, line, why, sizeof(why))) {
			snprintf(err, errlen, "%s:%u: %s", path, no, why);
			rc = -EINVAL;
			break;
		}
	}
	if (!rc && ferror(f)) {
		snprintf(err, errlen, "%s: read error", path);
		rc = -EIO;
	}
	fclose(f);
	return rc;
}

static bool algs_has(const struct d_algs *a, uint8_t v)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (a->alg[i] == v)
			return true;
	return false;
}

static int check_cred(const struct d_config *c, char *err, size_t errlen)
{
	bool me = c->role != D_ROLE_GW;
	const char *why = NULL;

	if (!!c->cert[0] != !!c->key[0] && (me || c->mode != D_MODE_PIN))
		why = c->cert[0] ? "cert: needs --key" : "key: needs --cert";
	else if (!me && c->mode != D_MODE_NONE && !c->key[0])
		why = "mode: the gateway needs --key (and --cert in mode cert)";
	else if (!me && c->mode == D_MODE_CERT && !c->cert[0])
		why = "mode cert: the gateway needs --cert";
	else if (me && c->mode == D_MODE_CERT && !c->ca_file[0])
		why = "mode cert: the ME needs --ca-file (the operator CA)";
	else if (me && c->mode == D_MODE_PIN && !c->pin_file[0])
		why = "mode pin: the ME needs --pin-file";
	else if (!me && c->require_me_cert && !c->ca_file[0])
		why = "require-me-cert: needs --ca-file (the CA of ME "
		      "certificates)";
	if (!why)
		return 0;
	snprintf(err, errlen, "%s", why);
	return -EINVAL;
}

int config_check(const struct d_config *c, char *err, size_t errlen)
{
	if (c->role != D_ROLE_GW && !c->have_peer) {
		snprintf(err, errlen, "%s: --gateway ADDR[:PORT] is required",
			 d_role_name(c->role));
		return -EINVAL;
	}
	if (c->role == D_ROLE_ME && c->n_routes && !c->dev[0]) {
		snprintf(err, errlen, "route: needs --dev (the parlos device)");
		return -EINVAL;
	}
	if (c->role == D_ROLE_GW && algs_has(&c->eia, 0)) {
		snprintf(err, errlen,
			 "eia: EIA0 is never selected: remove it from the list");
		return -EINVAL;
	}
	if (c->role == D_ROLE_GW && c->pool_prefix < 16) {
		snprintf(err, errlen, "pool: prefix must be 16..30");
		return -EINVAL;
	}
	return check_cred(c, err, errlen);
}
