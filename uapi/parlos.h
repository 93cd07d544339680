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
 * PARLOS_CMD_DRB_BIND
 * -------------------
 * Binds DRB1 of a context (RB identity PARLOS_DRB_RB_ID = 3, so BEARER 2)
 * to a parlos network device (below). The first binding fixes the
 * device's role: an ME device carries its one ME context, a gateway
 * device the network contexts of many MEs; a namespace has at most one
 * device of each role. Needs KUPenc, and KUPint for integrity: the
 * binding keys its own transforms once, here, with the key the context
 * holds now (derive AS keys again, then bind again, to change it), and
 * fixes the context's algorithms. Request:
 *    PARLOS_A_CTX_ID, PARLOS_A_IFINDEX (NLA_U32): required
 *    PARLOS_A_UE_ADDR: NLA_BE32, the UE's IPv4 address; required. A
 *                   gateway sends the packets to this address to this UE,
 *                   and takes from it only packets from this address.
 *    PARLOS_A_PEER_ADDR: NLA_BE32, PARLOS_A_PEER_PORT: NLA_U16 (host
 *                   order): the tunnel's other end; required. PDUs from
 *                   any other source are dropped.
 *    PARLOS_A_UE_ID: NLA_U16, the UE id the framing carries: optional
 *                   if the context has one, and then equal to it; else it
 *                   becomes the context's (the keylog names it)
 *    PARLOS_A_SN_LEN: NLA_U8, 12 (default) or 18
 *    PARLOS_A_INTEGRITY: NLA_U8, 1 for a MAC-I with KUPint (TS 36.323
 *                   5.7, as for SRBs), 0 (default) for none
 * Reply: an ack; the context tree then holds PARLOS_A_DRB. Binding again
 * with the same KUPenc resumes both COUNTs where the last binding left
 * them, so no keystream is used twice and no replay is accepted; new
 * AS keys start them at 0. Errors: ENODEV not a parlos device; ENOKEY
 * no AS algorithms or keys; EBUSY bound already, an ME device with its
 * context already, or a device of this role in the namespace already;
 * EEXIST UE id or address in use on the device; EINVAL a device of the
 * other role, a UE id missing or different, an address not unicast.
 *
 * PARLOS_CMD_DRB_UNBIND
 * ---------------------
 * Request: PARLOS_A_CTX_ID. Packets still in the cipher are dropped as
 * they come out; the binding's transforms go with the last of them. The
 * COUNTs stay with the context. ENOENT if not bound. Deleting the context
 * or the device unbinds as well.
 *
 * In the context tree, while bound:
 *    PARLOS_A_DRB: NLA_NESTED
 *        PARLOS_A_IFINDEX, PARLOS_A_UE_ADDR, PARLOS_A_PEER_ADDR,
 *        PARLOS_A_PEER_PORT, PARLOS_A_UE_ID, PARLOS_A_RB_ID,
 *        PARLOS_A_SN_LEN, PARLOS_A_INTEGRITY: as bound
 *        PARLOS_A_TX_COUNT: NLA_U64, the next COUNT to send
 *        PARLOS_A_RX_COUNT: NLA_U64, the highest COUNT received + 1
 * and PARLOS_A_STATS always has the PARLOS_STAT_DRB_* counters, kept
 * per CPU and kept across bindings:
 *    DRB_TX/RX_PACKETS, _BYTES: IP packets (SDUs) and their bytes
 *    DRB_TX_DROP_NOKEY: unbound while in flight, or the COUNT exhausted
 *    DRB_TX_DROP_ERROR: no memory, cipher failure, 1024 packets already
 *        in flight, no route to the peer, device down
 *    DRB_RX_DROP_MALFORMED: framing that is not this bearer's (plane, SN
 *        length, direction, UE id, channel id 3), a control PDU, a PDU
 *        too short, or a deciphered SDU that is no IPv4 packet
 *    DRB_RX_DROP_SOURCE: from another address or port than the peer; on
 *        a gateway, also an inner source other than the UE's address
 *    DRB_RX_DROP_DUPLICATE: a COUNT already accepted
 *    DRB_RX_DROP_WINDOW: a COUNT below the replay window (the 1024
 *        COUNTs under the highest accepted), or none within half the SN
 *        space of the next expected one
 *    DRB_RX_DROP_MAC: wrong MAC-I (also an integrity event, at most
 *        ten a second per binding)
 *    DRB_RX_DROP_ERROR: no memory, cipher failure, 1024 in flight,
 *        unbound while in flight, device down
 * What no context can be charged with counts on the device (ip -s link):
 * rx_errors and rx_frame_errors (no PDCP-LTE framing), rx_dropped (no
 * binding for the UE id), tx_dropped (not IPv4, or no binding).
 *
 * The parlos network device (rtnetlink link kind PARLOS_LINK_KIND)
 * ----------------------------------------------------------------
 *    ip link add parlos0 type parlos
 * An IPv4 point-to-point device (no ARP, MTU 1443) with a kernel UDP
 * tunnel socket, open while the device is up, on port IFLA_PARLOS_PORT
 * (default PARLOS_DRB_PORT, 36411; set it in IFLA_INFO_DATA at creation,
 * or later while the device is down). IFLA_PARLOS_ROLE reports the role
 * the first binding gave it. A device cannot change namespace; deleting
 * the namespace, or unloading the module, deletes it.
 *
 * Transmit: the binding of the destination (gateway) or the device's one
 * binding (ME); the next COUNT; a PDCP data PDU (TS 36.323: D/C = 1, SN
 * of 12 or 18 bits), MAC-I if bound so, ciphered from after the header
 * with the context's AS EEA and KUPenc (COUNT, BEARER 2, DIRECTION 0 for
 * the ME, 1 for the network); sent to the peer in Wireshark's PDCP-LTE
 * UDP framing: "pdcp-lte", no_header_pdu 0, plane 2, rohc 0, then tags
 * SN length, direction, UE id, channel id 3, payload. Receive: the same
 * checked; the COUNT of an SN is the one nearest the next expected
 * (within half the SN space), so reordering and losses short of that
 * keep the HFN. The replay window is 1024 COUNTs. Packets leave each
 * direction of a binding in order whatever the cipher does (an
 * asynchronous engine may finish them out of order).
 *
 * The keylog (PARLOS_CMD_KEYLOG_GET) lets Wireshark 4.0 decipher a
 * capture of the tunnel that holds every PDU from the first:
 *    tshark -r CAP -2 --enable-heuristic pdcp_lte_udp
 *      -o pdcp-lte.check_sequence_numbers:Only-PDCP-frames
 *      -o pdcp-lte.decipher_userplane:TRUE
 *      -o 'pdcp-lte.default_ciphering_algorithm:EEA2 (AES)'
 *      -o 'uat:pdcp_lte_ue_keys:"UEID","KRRCenc","KUPenc","KRRCint"'
 * (the default algorithm only where the capture holds no RRC Security
 * Mode Command and Complete for the UE id; Debian's build deciphers
 * EEA2 only, having no SNOW 3G or ZUC).
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
