/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parlosctl command lines: the grammar of each command and the parsing
 * of numbers, keywords and hex. Pure functions over their arguments (no
 * global state, no I/O), safe on any input: the fuzz targets call them.
 */
#ifndef PARLOSCTL_ARGS_H
#define PARLOSCTL_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parlos.h"

enum ctl_cmd {
	CTL_NONE,
	CTL_HELP,
	CTL_CTX_ADD,
	CTL_CTX_DEL,
	CTL_CTX_SHOW,
	CTL_CTX_LIST,
	CTL_CTX_SET,
	CTL_CTX_KEYGEN,
	CTL_CTX_WRAP,
	CTL_CTX_UNWRAP,
	CTL_CTX_DERIVE_AS,
	CTL_NAS_PROTECT,
	CTL_NAS_UNPROTECT,
	CTL_SRB_PROTECT,
	CTL_SRB_UNPROTECT,
	CTL_MONITOR,
	CTL_STATS,
	CTL_KENB_EXPORT,
	CTL_KEYLOG,
	CTL_DRB_BIND,
	CTL_DRB_UNBIND,
	CTL_DRB_SHOW,
	CTL_CMD_COUNT
};

#define CTL_CMD_FIRST	CTL_CTX_ADD
#define CTL_CMD_LAST	CTL_DRB_SHOW

/* The arguments a command line can give; bits of ctl_req.have. */
enum ctl_key {
	CTL_K_ID,		/* positional: the context id */
	CTL_K_ROLE,
	CTL_K_LABEL,
	CTL_K_UE_ID,
	CTL_K_NAS_EEA,
	CTL_K_NAS_EIA,
	CTL_K_AS_EEA,
	CTL_K_AS_EIA,
	CTL_K_UL_COUNT,
	CTL_K_DL_COUNT,
	CTL_K_PROFILE,
	CTL_K_PUBKEY,
	CTL_K_BLOB,
	CTL_K_COUNT,
	CTL_K_SEC_HDR,
	CTL_K_PDU,
	CTL_K_RB,
	CTL_K_CIPHER,
	CTL_K_DEV,
	CTL_K_UE_ADDR,
	CTL_K_PEER,
	CTL_K_SN_LEN,
	CTL_K_INTEGRITY,
	CTL_K_NKEYS
};

#define CTL_HAS(k)	(1u << (k))

/* Highest NAS COUNT: 0x00 | overflow (16 bits) | SQN (8 bits) */
#define CTL_NAS_COUNT_MAX	0xffffffu
/* ctx set ul-count/dl-count: one more marks the COUNT exhausted */
#define CTL_NAS_COUNT_END	(CTL_NAS_COUNT_MAX + 1)
/* Highest algorithm identity the contract knows */
#define CTL_ALG_MAX		3

/* A parsed command line. */
struct ctl_req {
	enum ctl_cmd cmd;
	uint32_t have;			/* CTL_HAS() of what was given */
	uint32_t id;
	uint8_t role;			/* enum parlos_role */
	uint8_t profile;		/* enum parlos_profile */
	uint8_t nas_eea, nas_eia, as_eea, as_eia;
	uint8_t sec_hdr;
	uint8_t rb;
	uint8_t cipher;
	uint16_t ue_id;
	uint32_t ul_count, dl_count;
	uint32_t count;			/* derive-as */
	size_t label_len;
	char label[PARLOS_LABEL_MAX];	/* not NUL-terminated */
	/* drb bind */
	char dev[16];			/* interface name, NUL-terminated */
	uint32_t ue_addr, peer_addr;	/* IPv4, network order */
	uint16_t peer_port;
	uint8_t sn_len, integrity;
	size_t bin_len;			/* the pubkey, blob or pdu */
	uint8_t bin[PARLOS_PDU_MAX];
	/* help: the commands to describe, first to last */
	enum ctl_cmd help_first, help_last;
};

/*
 * Parses the command line after the global options (argv[0] is the
 * object, "ctx"). Returns 0, or -EINVAL with a one-line message in err
 * (errsz bytes) naming the command. Help ("help", "ctx help", "ctx add
 * help", "help ctx add") gives cmd CTL_HELP and the range to describe.
 */
int ctl_parse(int argc, char *const argv[], struct ctl_req *req, char *err,
	      size_t errsz);

/* The command's words ("ctx add"), and its usage after "parlosctl ". */
const char *ctl_cmd_name(enum ctl_cmd cmd);
const char *ctl_cmd_usage(enum ctl_cmd cmd);
/* One line saying what the command does. */
const char *ctl_cmd_desc(enum ctl_cmd cmd);

/*
 * A number: decimal, or hex after "0x"/"0X"; no sign, no spaces, no
 * empty digits. Returns 0, -EINVAL (not a number) or -ERANGE (above max).
 */
int ctl_parse_u64(const char *s, uint64_t max, uint64_t *v);

/* The index of s in the NULL-terminated list words, or -1. */
int ctl_keyword(const char *s, const char *const words[]);

#endif
