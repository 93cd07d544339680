/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * parlos: PARLOS (3GPP TR 33.815 solution #1) security offload.
 *
 * Documentation
 * =============
 *
 * Generic netlink family PARLOS_GENL_NAME, version PARLOS_GENL_VERSION.
 * Every command needs CAP_NET_ADMIN in the network namespace's user
 * namespace, and works on that namespace's contexts. Attributes are
 * validated strictly, per command: an unknown attribute, a wrong length
 * or an attribute a command does not take is refused, and every refusal
 * carries an extended-ack message saying why.
 *
 * A security context stands for one ME. The ME holds one for itself; a
 * gateway holds one per attached ME. Its keys never leave the kernel:
 * replies carry a short fingerprint of each key (the first 8 bytes of its
 * SHA-256), never the key. The only exceptions are two exports an
 * administrator enables at module load: export_kenb=1 (KeNB, for an eNB
 * on another host) and keylog=1 (lines for Wireshark's PDCP-LTE
 * dissector).
 *
 * Algorithms are given by their 4-bit EPS identity: 0 = EEA0/EIA0,
 * 1 = 128-EEA1/EIA1 (SNOW 3G), 2 = 128-EEA2/EIA2 (AES), 3 = 128-EEA3/EIA3
 * (ZUC). EIA0 is refused unless the module was loaded with allow_eia0=1,
 * and EEA0 unless allow_eea0=1.
 *
 * Errors: EINVAL malformed input; ENOENT no such context; EEXIST label in
 * use; ENOSPC context limit (max_contexts) reached or a COUNT exhausted;
 * EPERM wrong role, or an export that is not enabled; ENOKEY a key the
 * operation needs is not there yet; EBADMSG integrity check (MAC or ECIES
 * tag) failed; EALREADY replayed COUNT; EBUSY algorithms fixed.
 *
 * Replies that describe a context carry the "context tree":
 *
 *    PARLOS_A_CTX_ID: NLA_U32
 *    PARLOS_A_ROLE: NLA_U8, enum parlos_role
 *    PARLOS_A_STATE: NLA_U8, enum parlos_state
 *    PARLOS_A_LABEL: NLA_BINARY, at most PARLOS_LABEL_MAX (if set)
 *    PARLOS_A_UE_ID: NLA_U16, the UE id of PDCP-LTE framing (if set)
 *    PARLOS_A_PROFILE: NLA_U8, enum parlos_profile (once a key pair or
 *                      KASMEtemp exists)
 *    PARLOS_A_NAS_EEA, PARLOS_A_NAS_EIA: NLA_U8 (if selected)
 *    PARLOS_A_AS_EEA, PARLOS_A_AS_EIA: NLA_U8 (if selected)
 *    PARLOS_A_NAS_UL_COUNT, PARLOS_A_NAS_DL_COUNT: NLA_U32, the next NAS
 *                      COUNT to send or the next expected, 0x00 |
 *                      overflow (16 bits) | SQN (8 bits)
 *    PARLOS_A_FPR: NLA_NESTED, one NLA_BINARY of PARLOS_FPR_LEN per key
 *                      present, typed enum parlos_key
 *    PARLOS_A_STATS: NLA_NESTED, one NLA_U64 per counter, typed enum
 *                      parlos_stat
 *
 * PARLOS_CMD_CTX_NEW
 * ------------------
 * Creates a context. Request:
 *    PARLOS_A_ROLE: NLA_U8, required
 *    PARLOS_A_LABEL: NLA_BINARY, optional, unique in the namespace; a
 *                    daemon's own name for the ME, so it can find its
 *                    contexts again after a restart
 *    PARLOS_A_UE_ID: NLA_U16, optional
 *    PARLOS_A_NAS_EEA, PARLOS_A_NAS_EIA, PARLOS_A_AS_EEA,
 *    PARLOS_A_AS_EIA: NLA_U8, optional
 * Reply: the context tree. Emits PARLOS_CMD_EV_CTX_NEW.
 *
 * PARLOS_CMD_CTX_DEL
 * ------------------
 * Request: PARLOS_A_CTX_ID. Wipes every key of the context. Emits
 * PARLOS_CMD_EV_CTX_DEL.
 *
 * PARLOS_CMD_CTX_GET
 * ------------------
 * Without NLM_F_DUMP: request PARLOS_A_CTX_ID or PARLOS_A_LABEL; reply
 * the context tree. With NLM_F_DUMP: one message per context, each a
 * context tree. A dump interrupted by a change of the table is flagged
 * NLM_F_DUMP_INTR (the table has a generation counter): repeat it.
 *
 * PARLOS_CMD_CTX_SET
 * ------------------
 * Request: PARLOS_A_CTX_ID, and any of:
 *    PARLOS_A_NAS_EEA, PARLOS_A_NAS_EIA, PARLOS_A_AS_EEA,
 *    PARLOS_A_AS_EIA: NLA_U8. Keys that depend on them are derived again.
 *                     Refused with EBUSY once a message was protected
 *                     or accepted with them.
 *    PARLOS_A_NAS_UL_COUNT, PARLOS_A_NAS_DL_COUNT: NLA_U32, may only move
 *                     forward: a COUNT is never used twice.
 *    PARLOS_A_LABEL: NLA_BINARY
 *    PARLOS_A_UE_ID: NLA_U16
 * Reply: the context tree.
 *
 * PARLOS_CMD_KEYGEN (ME role)
 * -----------------
 * Request: PARLOS_A_CTX_ID, PARLOS_A_PROFILE. The kernel generates the
 * ME's ECIES key pair and keeps the private key. Reply:
 *    PARLOS_A_PROFILE: NLA_U8
 *    PARLOS_A_PUBKEY: NLA_BINARY, 32 bytes (profile A, X25519) or 33
 *                     (profile B, compressed secp256r1 point)
 *
 * PARLOS_CMD_WRAP (network role)
 * ---------------
 * Request: PARLOS_A_CTX_ID, PARLOS_A_PROFILE, PARLOS_A_PUBKEY (the ME's).
 * The kernel draws a 256-bit KASMEtemp, keeps it, and encrypts it to the
 * ME's key with ECIES as TS 33.501 Annex C.3 defines it. Reply:
 *    PARLOS_A_BLOB: NLA_BINARY, ephemeral public key | ciphertext (32) |
 *                   tag (8): 72 bytes (profile A) or 73 (profile B)
 *    PARLOS_A_CTX_ID and the fingerprints (PARLOS_A_FPR)
 *
 * PARLOS_CMD_UNWRAP (ME role)
 * -----------------
 * Request: PARLOS_A_CTX_ID, PARLOS_A_BLOB. Checks the ephemeral key (on
 * the curve; X25519 shared secret not zero) and the tag, then installs
 * KASMEtemp. Nothing is installed on failure. Reply: the context tree.
 *
 * Once KASMEtemp and the NAS algorithms are both set, KNASenc and KNASint
 * are derived (TS 33.401 A.7).
 *
 * PARLOS_CMD_AS_DERIVE
 * --------------------
 * Request: PARLOS_A_CTX_ID, PARLOS_A_KENB_COUNT (NLA_U32, the uplink NAS
 * COUNT, 0 at attach). Derives KeNB (A.3) and, with the AS algorithms,
 * KRRCenc, KRRCint and KUPenc (A.7). Reply: the context tree.
 *
 * PARLOS_CMD_NAS_PROTECT
 * ----------------------
 * Request: PARLOS_A_CTX_ID, PARLOS_A_SEC_HDR (NLA_U8, 1 to 4),
 * PARLOS_A_PDU (the plain NAS message). Reply:
 *    PARLOS_A_PDU: security header | MAC (4) | SQN | message, the message
 *                  ciphered for types 2 and 4
 *    PARLOS_A_COUNT: NLA_U32, the NAS COUNT used
 * The network side protects with its downlink COUNT, the ME with its
 * uplink COUNT; each COUNT is used once.
 *
 * PARLOS_CMD_NAS_UNPROTECT
 * ------------------------
 * Request: PARLOS_A_CTX_ID, PARLOS_A_PDU (a security-protected message).
 * Reply: PARLOS_A_PDU (the plain message), PARLOS_A_SEC_HDR,
 * PARLOS_A_COUNT. Fails with EBADMSG on a wrong MAC and EALREADY on a
 * COUNT already accepted; either emits an event and changes no state.
 *
 * PARLOS_CMD_SRB_PROTECT, PARLOS_CMD_SRB_UNPROTECT
 * ------------------------------------------------
 * PDCP for SRB1 and SRB2 (TS 36.323, 5-bit SN). Request: PARLOS_A_CTX_ID,
 * PARLOS_A_RB_ID (NLA_U8, 1 or 2), PARLOS_A_PDU, and PARLOS_A_CIPHER
 * (NLA_U8, 0 for integrity only, as for the AS Security Mode Command and
 * Complete; default 1). Protect takes the RRC message and returns the
 * PDCP PDU (header | data | MAC-I, data and MAC-I ciphered with KRRCenc);
 * unprotect does the reverse. Reply: PARLOS_A_PDU, PARLOS_A_COUNT.
 *
 * PARLOS_CMD_STATS_GET
 * --------------------
 * Request: nothing. Reply: PARLOS_A_STATS with the namespace's totals
 * (PARLOS_STAT_CONTEXTS, PARLOS_STAT_MAX_CONTEXTS, PARLOS_STAT_GENERATION
 * and the sums of the per-context counters over live contexts).
 *
 * PARLOS_CMD_KENB_EXPORT
 * ----------------------
 * Request: PARLOS_A_CTX_ID. Reply: PARLOS_A_KEY (32 bytes). EPERM unless
 * the module was loaded with export_kenb=1.
 *
 * PARLOS_CMD_KEYLOG_GET
 * ---------------------
 * Request: PARLOS_A_CTX_ID. Reply: PARLOS_A_KEYLOG (NLA_NUL_STRING), one
 * line per context in the format of Wireshark's pdcp_lte_ue_keys table:
 *    "UEID","KRRCenc","KUPenc","KRRCint"
 * (hex keys; UEID the context's UE id). EPERM unless keylog=1.
 *
 * Events (multicast group PARLOS_GENL_MCGRP_EVENTS)
 * -------------------------------------------------
 *    PARLOS_CMD_EV_CTX_NEW, PARLOS_CMD_EV_CTX_DEL: PARLOS_A_CTX_ID,
 *        PARLOS_A_ROLE, PARLOS_A_LABEL (if set)
 *    PARLOS_CMD_EV_INTEGRITY, PARLOS_CMD_EV_REPLAY: PARLOS_A_CTX_ID,
 *        PARLOS_A_LAYER (enum parlos_layer), PARLOS_A_RB_ID (SRB and DRB),
 *        PARLOS_A_COUNT (the COUNT tried)
 *    PARLOS_CMD_EV_COUNT_WRAP: PARLOS_A_CTX_ID, PARLOS_A_LAYER,
 *        PARLOS_A_COUNT: a COUNT is near its end; re-key.
 */
#ifndef _UAPI_LINUX_PARLOS_H
#define _UAPI_LINUX_PARLOS_H

#define PARLOS_GENL_NAME		"parlos"
#define PARLOS_GENL_VERSION		1
#define PARLOS_GENL_MCGRP_EVENTS	"events"

#define PARLOS_LABEL_MAX	64
#define PARLOS_FPR_LEN		8
#define PARLOS_PUBKEY_A_LEN	32
#define PARLOS_PUBKEY_B_LEN	33
#define PARLOS_BLOB_A_LEN	(PARLOS_PUBKEY_A_LEN + 32 + 8)
#define PARLOS_BLOB_B_LEN	(PARLOS_PUBKEY_B_LEN + 32 + 8)
#define PARLOS_KENB_LEN		32
/* NAS: 6 bytes of header, a message of up to 8 KiB */
#define PARLOS_PDU_MAX		8200
/* COUNT events start this far before the end */
#define PARLOS_COUNT_WRAP_MARGIN	256

enum parlos_role {
	PARLOS_ROLE_ME = 1,		/* the ME's own context */
	PARLOS_ROLE_NETWORK = 2,	/* a gateway's (MME + eNB) context */
};

enum parlos_state {
	PARLOS_STATE_NEW = 1,		/* no key yet */
	PARLOS_STATE_KEYPAIR,		/* ME: key pair made, no KASMEtemp */
	PARLOS_STATE_KASME,		/* KASMEtemp installed */
	PARLOS_STATE_AS,		/* KeNB and the AS keys derived */
};

enum parlos_profile {
	PARLOS_PROFILE_A = 1,		/* X25519 */
	PARLOS_PROFILE_B = 2,		/* secp256r1, compressed points */
};

enum parlos_layer {
	PARLOS_LAYER_NAS = 1,
	PARLOS_LAYER_SRB = 2,
	PARLOS_LAYER_DRB = 3,
};

enum parlos_key {
	PARLOS_KEY_UNSPEC,
	PARLOS_KEY_KASME,
	PARLOS_KEY_KNASENC,
	PARLOS_KEY_KNASINT,
	PARLOS_KEY_KENB,
	PARLOS_KEY_KRRCENC,
	PARLOS_KEY_KRRCINT,
	PARLOS_KEY_KUPENC,
	PARLOS_KEY_KUPINT,
	__PARLOS_KEY_MAX
};

#define PARLOS_KEY_MAX (__PARLOS_KEY_MAX - 1)

enum parlos_stat {
	PARLOS_STAT_UNSPEC,
	PARLOS_STAT_PAD,
	PARLOS_STAT_NAS_TX,
	PARLOS_STAT_NAS_RX,
	PARLOS_STAT_NAS_MAC_FAIL,
	PARLOS_STAT_NAS_REPLAY,
	PARLOS_STAT_NAS_MALFORMED,
	PARLOS_STAT_SRB_TX,
	PARLOS_STAT_SRB_RX,
	PARLOS_STAT_SRB_MAC_FAIL,
	PARLOS_STAT_SRB_MALFORMED,
	PARLOS_STAT_DRB_TX_PACKETS,
	PARLOS_STAT_DRB_TX_BYTES,
	PARLOS_STAT_DRB_RX_PACKETS,
	PARLOS_STAT_DRB_RX_BYTES,
	PARLOS_STAT_DRB_TX_DROP_NOKEY,
	PARLOS_STAT_DRB_TX_DROP_ERROR,
	PARLOS_STAT_DRB_RX_DROP_MALFORMED,
	PARLOS_STAT_DRB_RX_DROP_SOURCE,
	PARLOS_STAT_DRB_RX_DROP_DUPLICATE,
	PARLOS_STAT_DRB_RX_DROP_WINDOW,
	PARLOS_STAT_DRB_RX_DROP_MAC,
	PARLOS_STAT_DRB_RX_DROP_ERROR,
	/* namespace totals, PARLOS_CMD_STATS_GET only */
	PARLOS_STAT_CONTEXTS,
	PARLOS_STAT_MAX_CONTEXTS,
	PARLOS_STAT_GENERATION,
	__PARLOS_STAT_MAX
};

#define PARLOS_STAT_MAX (__PARLOS_STAT_MAX - 1)

enum parlos_cmd {
	PARLOS_CMD_UNSPEC,
	PARLOS_CMD_CTX_NEW,
	PARLOS_CMD_CTX_DEL,
	PARLOS_CMD_CTX_GET,
	PARLOS_CMD_CTX_SET,
	PARLOS_CMD_KEYGEN,
	PARLOS_CMD_WRAP,
	PARLOS_CMD_UNWRAP,
	PARLOS_CMD_AS_DERIVE,
	PARLOS_CMD_NAS_PROTECT,
	PARLOS_CMD_NAS_UNPROTECT,
	PARLOS_CMD_SRB_PROTECT,
	PARLOS_CMD_SRB_UNPROTECT,
	PARLOS_CMD_STATS_GET,
	PARLOS_CMD_KENB_EXPORT,
	PARLOS_CMD_KEYLOG_GET,
	PARLOS_CMD_EV_CTX_NEW,
	PARLOS_CMD_EV_CTX_DEL,
	PARLOS_CMD_EV_INTEGRITY,
	PARLOS_CMD_EV_REPLAY,
	PARLOS_CMD_EV_COUNT_WRAP,
	PARLOS_CMD_DRB_BIND,
	PARLOS_CMD_DRB_UNBIND,
	__PARLOS_CMD_MAX
};

#define PARLOS_CMD_MAX (__PARLOS_CMD_MAX - 1)

enum parlos_attr {
	PARLOS_A_UNSPEC,
	PARLOS_A_PAD,
	PARLOS_A_CTX_ID,	/* u32 */
	PARLOS_A_ROLE,		/* u8, enum parlos_role */
	PARLOS_A_STATE,		/* u8, enum parlos_state */
	PARLOS_A_LABEL,		/* binary, <= PARLOS_LABEL_MAX */
	PARLOS_A_PROFILE,	/* u8, enum parlos_profile */
	PARLOS_A_PUBKEY,	/* binary, 32 or 33 */
	PARLOS_A_BLOB,		/* binary, 72 or 73 */
	PARLOS_A_NAS_EEA,	/* u8, 0..3 */
	PARLOS_A_NAS_EIA,	/* u8, 0..3 */
	PARLOS_A_AS_EEA,	/* u8, 0..3 */
	PARLOS_A_AS_EIA,	/* u8, 0..3 */
	PARLOS_A_NAS_UL_COUNT,	/* u32 */
	PARLOS_A_NAS_DL_COUNT,	/* u32 */
	PARLOS_A_KENB_COUNT,	/* u32 */
	PARLOS_A_SEC_HDR,	/* u8, 1..4 */
	PARLOS_A_PDU,		/* binary, <= PARLOS_PDU_MAX */
	PARLOS_A_COUNT,		/* u32 */
	PARLOS_A_RB_ID,		/* u8 */
	PARLOS_A_CIPHER,	/* u8, 0 or 1 */
	PARLOS_A_FPR,		/* nested, enum parlos_key */
	PARLOS_A_STATS,		/* nested, enum parlos_stat */
	PARLOS_A_KEY,		/* binary, exported KeNB */
	PARLOS_A_KEYLOG,	/* string */
	PARLOS_A_LAYER,		/* u8, enum parlos_layer */
	PARLOS_A_UE_ID,		/* u16 */
	PARLOS_A_IFINDEX,	/* u32 */
	PARLOS_A_UE_ADDR,	/* be32, IPv4 address */
	PARLOS_A_PEER_ADDR,	/* be32, IPv4 address */
	PARLOS_A_PEER_PORT,	/* u16, host order */
	PARLOS_A_SN_LEN,	/* u8, 12 or 18 */
	PARLOS_A_INTEGRITY,	/* u8, 0 or 1 */
	PARLOS_A_DRB,		/* nested, the DRB binding */
	PARLOS_A_TX_COUNT,	/* u64 */
	PARLOS_A_RX_COUNT,	/* u64 */
	__PARLOS_A_MAX
};

#define PARLOS_A_MAX (__PARLOS_A_MAX - 1)

/* The DRB user plane: link kind, default port, DRB1's RB identity */
#define PARLOS_LINK_KIND	"parlos"
#define PARLOS_DRB_PORT		36411
#define PARLOS_DRB_RB_ID	3

/* rtnetlink: IFLA_INFO_DATA of a link of kind PARLOS_LINK_KIND */
enum {
	IFLA_PARLOS_UNSPEC,
	IFLA_PARLOS_PORT,	/* u16, host order: local UDP port */
	IFLA_PARLOS_ROLE,	/* u8, read only: enum parlos_role, 0 if none */
	__IFLA_PARLOS_MAX
};

#define IFLA_PARLOS_MAX (__IFLA_PARLOS_MAX - 1)

#endif /* _UAPI_LINUX_PARLOS_H */
