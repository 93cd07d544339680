/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parlosd configuration: the defaults of each role, then the config file,
 * then the command line, all through one setter (config_set), so a key
 * means the same in a file and as --KEY on the command line.
 */
#ifndef PARLOSD_CONFIG_H
#define PARLOSD_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <netinet/in.h>

#include "nas.h"

#define D_PORT_DEFAULT		36410
#define D_ROUTES_MAX		8
#define D_LOAD_MAX		65535	/* a gateway's UE ids */
#define D_ERR_MAX		256
#define D_PCAP_PATH_MAX		PATH_MAX

/* Exit codes */
#define D_EXIT_OK		0
#define D_EXIT_FAIL		1	/* runtime failure: kernel, socket */
#define D_EXIT_USAGE		2	/* bad command line or config file */
#define D_EXIT_REJECTED		3	/* ME: ATTACH REJECT */
#define D_EXIT_NO_ATTACH	4	/* ME: no answer, attempts used up */

enum d_role {
	D_ROLE_NONE,
	D_ROLE_ME = 1,
	D_ROLE_GW = 2,
	D_ROLE_LOADGEN = 3,	/* many MEs in one process (loadgen.h) */
};

/*
 * Credentials (docs/security-modes.md). ME: what it requires of the
 * gateway; gateway: what it sends in 0x7E.
 */
enum d_mode {
	D_MODE_NONE,	/* no credentials: an active attacker wins */
	D_MODE_CERT,	/* X.509 chain to an operator CA, and a signature */
	D_MODE_PIN,	/* a long-term key, pinned per PLMN on first use */
};

struct d_cred;

/* EEA or EIA identities, in order of preference (gateway) or support (ME) */
struct d_algs {
	uint8_t n;
	uint8_t alg[4];
};

struct d_config {
	enum d_role role;
	/* transport */
	struct sockaddr_in peer;	/* ME: the gateway */
	bool have_peer;
	struct sockaddr_in local;	/* gateway: listen; ME: bind */
	/* algorithms */
	struct d_algs eea, eia;
	/* ECIES: the ME's profile; the profiles a gateway accepts (bits) */
	uint8_t profile;
	uint8_t profiles;
	/* identities */
	char imei[NAS_MAX_DIGITS + 1];
	char svn[3];
	struct nas_plmn plmn;
	uint16_t tac;
	uint16_t mme_gid;
	uint8_t mme_code;
	char apn[NAS_APN_MAX + 1];	/* "" = none (ME) */
	uint32_t pool_net;		/* host order */
	uint8_t pool_prefix;
	/* timers, in milliseconds, and the retransmission limit */
	uint32_t t3410, t3460, t3450;
	uint32_t max_retrans;
	uint32_t max_mes;
	/* logging and the rest */
	int log_level;			/* enum log_level */
	bool syslog;
	bool keep_contexts;
	char pcap[D_PCAP_PATH_MAX];
	/* user plane: the parlos device, the peer's port, the ME's routes */
	char dev[16];			/* IFNAMSIZ; "" = no user plane */
	uint16_t up_port;
	uint8_t n_routes;
	struct {
		uint32_t net;		/* host order */
		uint8_t prefix;
	} route[D_ROUTES_MAX];
	/* loadgen: MEs, starts per second (0: no limit), at once */
	uint32_t count, rate, window;
	bool hold;		/* after the report, stay until a signal */
	/* credentials: files, PEM */
	enum d_mode mode;
	char ca_file[PATH_MAX];		/* trust anchors for the peer */
	char cert[PATH_MAX];		/* own chain, leaf first */
	char key[PATH_MAX];		/* own private key */
	char pin_file[PATH_MAX];	/* ME, mode pin */
	bool require_me_cert;		/* gateway */
	/* what cred_load() made of the files above; NULL: none */
	const struct d_cred *cred;
};

/* Where a value came from, for error messages */
enum d_src {
	D_SRC_CLI,
	D_SRC_FILE,
};

const char *d_role_name(enum d_role role);
const char *d_mode_name(enum d_mode mode);
void config_defaults(struct d_config *c, enum d_role role);
/*
 * Sets key to value. Returns 0, or -EINVAL with a one-line reason in err
 * ("t3460: not a duration: 6x").
 */
int config_set(struct d_config *c, enum d_src src, const char *key,
	       const char *value, char *err, size_t errlen);
/* Whether key exists and takes no value (a flag such as keep-contexts) */
bool config_key_is_flag(const char *key);
bool config_key_exists(const char *key);
/* Reads a file of "key = value" lines; err says "FILE:LINE: reason" */
int config_load(struct d_config *c, const char *path, char *err,
		size_t errlen);
/* Checks what only the whole configuration can tell */
int config_check(const struct d_config *c, char *err, size_t errlen);

/* Value parsers, also used by tests */
int parse_addr_port(const char *s, uint16_t def_port, struct sockaddr_in *sa);
int parse_duration_ms(const char *s, uint32_t *ms);
int parse_alg_list(const char *s, const char *kind, struct d_algs *a);
int parse_plmn(const char *s, struct nas_plmn *p);
int parse_cidr(const char *s, uint32_t *net, uint8_t *prefix);
int parse_uint(const char *s, uint32_t max, uint32_t *v);
bool imei_valid(const char *s);
void imei_default(char out[NAS_MAX_DIGITS + 1], unsigned int serial);
/* The IMEI n after base (its first 14 digits as a number), Luhn digit new */
void imei_next(const char *base, unsigned int n, char out[NAS_MAX_DIGITS + 1]);

/* "2,3,1" or "EEA2 EEA3 EEA1": the list as text */
void algs_format(const struct d_algs *a, const char *kind, char *out,
		 size_t len);

#endif
