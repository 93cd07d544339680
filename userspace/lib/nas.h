/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NAS codec (TS 24.301) for the PARLOS attach: the EMM and ESM messages
 * of an EPS RLOS attach, the PARLOS IEs (0x7A..0x7F) and the outer header
 * of security-protected NAS messages.
 *
 * Decoders never allocate and never read outside [buf, buf + len): they
 * fill caller structs, whose struct nas_bytes views point into the input,
 * so the input must outlive the struct. Every failure fills struct nas_err
 * with a static description. Encoders write at most cap octets.
 *
 * Return values: 0 on success; -EBADMSG for a malformed PDU; -ENOMSG for a
 * message type this codec does not know; -EINVAL for an encoder input that
 * would give an invalid PDU; -ENOSPC when the output buffer is too small.
 */
#ifndef PARLOS_NAS_H
#define PARLOS_NAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Protocol discriminators (TS 24.007 11.2.3.1.1) */
#define NAS_PD_ESM		0x2
#define NAS_PD_EMM		0x7

/* Security header types (TS 24.301 9.3.1) */
#define NAS_SHT_PLAIN		0
#define NAS_SHT_INTEG		1	/* integrity protected */
#define NAS_SHT_INTEG_CIPH	2	/* ... and ciphered */
#define NAS_SHT_INTEG_NEW	3	/* integrity, new EPS security context */
#define NAS_SHT_INTEG_CIPH_NEW	4	/* ... and ciphered, new context */
#define NAS_SHT_SERVICE_REQ	12	/* SERVICE REQUEST: not supported */

/* EMM message types (TS 24.301 9.8) */
#define NAS_ATTACH_REQUEST		0x41
#define NAS_ATTACH_ACCEPT		0x42
#define NAS_ATTACH_COMPLETE		0x43
#define NAS_ATTACH_REJECT		0x44
#define NAS_SECURITY_MODE_COMMAND	0x5d
#define NAS_SECURITY_MODE_COMPLETE	0x5e
#define NAS_SECURITY_MODE_REJECT	0x5f

/* ESM message types (TS 24.301 9.8) */
#define NAS_ACT_DEFAULT_BEARER_REQ	0xc1
#define NAS_ACT_DEFAULT_BEARER_ACC	0xc2
#define NAS_PDN_CONNECTIVITY_REQ	0xd0

/* EPS attach type (9.9.3.11) and EPS attach result (9.9.3.10) */
#define NAS_ATTACH_TYPE_EPS		1
#define NAS_ATTACH_TYPE_COMBINED	2
#define NAS_ATTACH_TYPE_RLOS		3
#define NAS_ATTACH_TYPE_EMERGENCY	6
#define NAS_ATTACH_RESULT_EPS		1
#define NAS_ATTACH_RESULT_COMBINED	2

/* NAS key set identifier (9.9.3.21): bit 3 is TSC, bits 2..0 the KSI */
#define NAS_KSI_NONE		7

/* EMM causes (9.9.3.9) used by the PARLOS procedures */
#define NAS_EMM_ILLEGAL_UE		3
#define NAS_EMM_ILLEGAL_ME		6
#define NAS_EMM_EPS_NOT_ALLOWED		7
#define NAS_EMM_UE_SEC_CAP_MISMATCH	23
#define NAS_EMM_SEC_MODE_REJECTED	24
#define NAS_EMM_SEMANTIC_INCORRECT	95
#define NAS_EMM_INVALID_MANDATORY	96
#define NAS_EMM_MSG_TYPE_UNKNOWN	97
#define NAS_EMM_IE_UNKNOWN		99
#define NAS_EMM_PROTOCOL_ERROR		111

/* Identity types: EPS mobile identity (TS 24.301 9.9.3.12) */
#define NAS_ID_IMSI		1
#define NAS_ID_IMEI		3
#define NAS_ID_GUTI		6
/* ... and TS 24.008 10.5.1.4 mobile identity, as in IE 0x23: not the same */
#define NAS_MI_IMEI		2
#define NAS_MI_IMEISV		3

/* PARLOS IEs (all TLV-E) */
#define NAS_IEI_PARLOS_ME_PUBKEY	0x7a	/* ATTACH REQUEST */
#define NAS_IEI_PARLOS_PUBKEY_HASH	0x7b	/* SECURITY MODE COMMAND */
#define NAS_IEI_PARLOS_ME_CERT		0x7c	/* ATTACH REQUEST */
#define NAS_IEI_PARLOS_KASME_ENC	0x7d	/* SECURITY MODE COMMAND */
#define NAS_IEI_PARLOS_GW_CERT		0x7e	/* SECURITY MODE COMMAND */
#define NAS_IEI_PARLOS_ME_SIG		0x7f	/* SECURITY MODE COMPLETE */
/* 0x7C, 0x7E, 0x7F: opaque to the EMM codec, see nas_cred_decode() */
#define NAS_IEI_IMEISV			0x23	/* SECURITY MODE COMPLETE */

#define NAS_PARLOS_PROFILE_A	1	/* ECIES profile A: X25519 */
#define NAS_PARLOS_PROFILE_B	2	/* ECIES profile B: secp256r1 */
#define NAS_PARLOS_KEY_LEN_A	32
#define NAS_PARLOS_KEY_LEN_B	33	/* compressed point */
#define NAS_PARLOS_CT_LEN	32
#define NAS_PARLOS_TAG_LEN	8
#define NAS_PARLOS_HASH_LEN	32	/* 0x7B: SHA-256 of the 0x7A value */

/*
 * Inside 0x7C, 0x7E and 0x7F (docs/protocol.md): a credential part
 * (kind, count, items of 2-octet length + DER) and a signature part
 * (algorithm, 2-octet length, signature). 0x7E holds both, 0x7C the
 * credential, 0x7F the signature.
 */
#define NAS_CRED_X509		1	/* X.509 chain, DER, leaf first */
#define NAS_CRED_PUBKEY		2	/* one SubjectPublicKeyInfo, DER */
#define NAS_CRED_MAX_ITEMS	4
#define NAS_SIG_ECDSA_P256	1	/* ecdsa-with-SHA256, DER signature */
#define NAS_SIG_ED25519		2	/* PureEdDSA, 64 octets */
#define NAS_SIG_ECDSA_MAX	72
#define NAS_SIG_ED25519_LEN	64
#define NAS_CRED_PART		1u
#define NAS_SIG_PART		2u

/* Capability octets: EEAn/EIAn/UEAn/UIAn is bit 8-n of its octet */
#define NAS_ALG_BIT(n)		(0x80u >> (n))

#define NAS_MAX_DIGITS		16	/* IMEISV */
#define NAS_UE_NET_CAP_MAX	13
#define NAS_UE_SEC_CAP_MAX	5
#define NAS_TAI_MAX		16
#define NAS_APN_MAX		100
#define NAS_EPS_QOS_MAX		13

#define NAS_PDN_IPV4		1
#define NAS_PDN_IPV6		2
#define NAS_PDN_IPV4V6		3

/* Why a decode failed. All strings are static. */
struct nas_err {
	const char *outer;	/* EMM message holding the ESM container, or NULL */
	const char *msg;	/* message name, or NULL before it is known */
	const char *ie;		/* IE name, or NULL */
	const char *why;	/* what is wrong */
	size_t off;		/* octet offset in the (inner) PDU */
	uint8_t cause;		/* EMM/ESM cause to answer with */
};

/* A view of octets; on decode it points into the input. p == NULL: absent. */
struct nas_bytes {
	const uint8_t *p;
	size_t len;
};

struct nas_plmn {
	uint16_t mcc;		/* 0..999 */
	uint16_t mnc;		/* 0..999 */
	uint8_t mnc_digits;	/* 2 or 3 */
};

struct nas_guti {
	struct nas_plmn plmn;
	uint16_t mme_gid;
	uint8_t mme_code;
	uint32_t m_tmsi;	/* low 16 bits: PARLOS user-plane UE id */
};

struct nas_tai {
	struct nas_plmn plmn;
	uint16_t tac;
};

struct nas_tai_list {
	uint8_t n;
	struct nas_tai tai[NAS_TAI_MAX];
};

/* EPS mobile identity; digits are ASCII, NUL-terminated */
struct nas_eps_id {
	uint8_t type;		/* NAS_ID_IMSI, NAS_ID_IMEI or NAS_ID_GUTI */
	char digits[NAS_MAX_DIGITS + 1];
	struct nas_guti guti;
};

/* UE network capability value (9.9.3.34): oct[0] EEA, oct[1] EIA, ... */
struct nas_ue_net_cap {
	uint8_t len;		/* 2..13 */
	uint8_t oct[NAS_UE_NET_CAP_MAX];
};

/* UE security capability value (9.9.3.36): EEA, EIA[, UEA, UIA[, GEA]] */
struct nas_ue_sec_cap {
	uint8_t len;		/* 2..5 */
	uint8_t oct[NAS_UE_SEC_CAP_MAX];
};

/* APN value, encoded as length-prefixed labels (TS 23.003 9.1) */
struct nas_apn {
	uint8_t len;		/* 1..100 */
	uint8_t v[NAS_APN_MAX];
};

/* EPS QoS value (9.9.4.3): oct[0] is the QCI */
struct nas_eps_qos {
	uint8_t len;		/* 1..13 */
	uint8_t oct[NAS_EPS_QOS_MAX];
};

struct nas_pdn_addr {
	uint8_t type;		/* NAS_PDN_IPV4, _IPV6 or _IPV4V6 */
	uint8_t ipv4[4];
	uint8_t ipv6_iid[8];
};

/* 0x7A: profile || ME public key */
struct nas_parlos_pubkey {
	uint8_t profile;
	const uint8_t *key;
	size_t key_len;		/* 32 (A) or 33 (B) */
};

/* 0x7D: profile || ephemeral key || ciphertext (32) || tag (8) */
struct nas_parlos_kasme {
	uint8_t profile;
	const uint8_t *eph;
	size_t eph_len;		/* 32 (A) or 33 (B) */
	const uint8_t *ct;	/* NAS_PARLOS_CT_LEN octets */
	const uint8_t *tag;	/* NAS_PARLOS_TAG_LEN octets */
};

/* A parsed 0x7C / 0x7E / 0x7F value; views into the value */
struct nas_parlos_cred {
	uint8_t kind;			/* NAS_CRED_*; 0: no credential part */
	uint8_t n;
	struct nas_bytes item[NAS_CRED_MAX_ITEMS];
	uint8_t sig_alg;		/* NAS_SIG_*; 0: no signature part */
	struct nas_bytes sig;
};

/* --- ESM ----------------------------------------------------------- */

struct nas_pdn_conn_req {
	uint8_t request_type;	/* 1: initial request */
	uint8_t pdn_type;	/* NAS_PDN_* */
	bool has_apn;
	struct nas_apn apn;
	struct nas_bytes pco;	/* 0x27, opaque */
};

struct nas_act_bearer_req {
	struct nas_eps_qos qos;
	struct nas_apn apn;
	struct nas_pdn_addr addr;
	struct nas_bytes apn_ambr;	/* 0x5E, opaque */
	struct nas_bytes pco;		/* 0x27, opaque */
	bool has_esm_cause;
	uint8_t esm_cause;		/* 0x58 */
};

struct nas_act_bearer_acc {
	struct nas_bytes pco;		/* 0x27, opaque */
};

struct nas_esm_msg {
	uint8_t type;		/* NAS_PDN_CONNECTIVITY_REQ, ... */
	uint8_t ebi;		/* EPS bearer identity */
	uint8_t pti;		/* procedure transaction identity */
	union {
		struct nas_pdn_conn_req pdn_conn_req;
		struct nas_act_bearer_req act_req;
		struct nas_act_bearer_acc act_acc;
	};
};

/* --- EMM ----------------------------------------------------------- */

struct nas_attach_req {
	uint8_t attach_type;		/* NAS_ATTACH_TYPE_RLOS */
	uint8_t ksi;			/* TSC << 3 | KSI; NAS_KSI_NONE */
	struct nas_eps_id id;		/* IMEI for RLOS */
	struct nas_ue_net_cap ue_net_cap;
	struct nas_esm_msg esm;		/* PDN CONNECTIVITY REQUEST */
	struct nas_bytes esm_raw;	/* decode only: the container value */
	bool has_pubkey;
	struct nas_parlos_pubkey pubkey;	/* 0x7A */
	struct nas_bytes me_cert;		/* 0x7C */
};

struct nas_attach_acc {
	uint8_t result;			/* NAS_ATTACH_RESULT_EPS */
	uint8_t t3412;			/* GPRS timer octet (TS 24.008 10.5.7.3) */
	struct nas_tai_list tai_list;
	struct nas_esm_msg esm;		/* ACTIVATE DEFAULT EPS BEARER CTX REQ */
	struct nas_bytes esm_raw;	/* decode only */
	bool has_guti;
	struct nas_guti guti;		/* 0x50 */
};

struct nas_attach_cpl {
	struct nas_esm_msg esm;		/* ACTIVATE DEFAULT EPS BEARER CTX ACC */
	struct nas_bytes esm_raw;	/* decode only */
};

struct nas_attach_rej {
	uint8_t cause;
	struct nas_bytes esm;		/* 0x78, opaque ESM message */
};

struct nas_smc {
	uint8_t eea;			/* selected algorithms, 0..7 */
	uint8_t eia;
	uint8_t ksi;			/* never NAS_KSI_NONE */
	struct nas_ue_sec_cap replayed;
	bool imeisv_req;		/* 0xC-: IMEISV requested */
	bool has_kasme;
	struct nas_parlos_kasme kasme;	/* 0x7D */
	struct nas_bytes gw_cert;	/* 0x7E, see nas_cred_decode() */
	struct nas_bytes pubkey_hash;	/* 0x7B, NAS_PARLOS_HASH_LEN */
};

struct nas_smc_cpl {
	bool has_imeisv;
	char imeisv[NAS_MAX_DIGITS + 1];	/* 0x23, 16 digits */
	struct nas_bytes me_sig;		/* 0x7F */
};

struct nas_smc_rej {
	uint8_t cause;
};

struct nas_emm_msg {
	uint8_t type;		/* NAS_ATTACH_REQUEST, ... */
	union {
		struct nas_attach_req attach_req;
		struct nas_attach_acc attach_acc;
		struct nas_attach_cpl attach_cpl;
		struct nas_attach_rej attach_rej;
		struct nas_smc smc;
		struct nas_smc_cpl smc_cpl;
		struct nas_smc_rej smc_rej;
	};
};

/* Outer header of a security-protected NAS message (9.1, 8.2.23) */
struct nas_sec_hdr {
	uint8_t sht;		/* NAS_SHT_INTEG .. NAS_SHT_INTEG_CIPH_NEW */
	uint8_t mac[4];
	uint8_t sqn;
	const uint8_t *msg;	/* the (possibly ciphered) NAS message */
	size_t msg_len;
};

/* What the first octets of a PDU say, without decoding it */
struct nas_pdu_info {
	uint8_t pd;
	uint8_t sht;		/* EMM only; 0 for ESM */
	uint8_t type;		/* message type; 0 if protected */
};

/* EMM messages. A decode of a protected PDU fails: nas_sec_parse first. */
int nas_emm_encode(const struct nas_emm_msg *m, uint8_t *out, size_t cap,
		   size_t *len, struct nas_err *err);
int nas_emm_decode(const uint8_t *buf, size_t len, struct nas_emm_msg *m,
		   struct nas_err *err);

/* ESM messages (as carried in the ESM message container) */
int nas_esm_encode(const struct nas_esm_msg *m, uint8_t *out, size_t cap,
		   size_t *len, struct nas_err *err);
int nas_esm_decode(const uint8_t *buf, size_t len, struct nas_esm_msg *m,
		   struct nas_err *err);

/*
 * Security-protected NAS message header. nas_sec_build may work in place:
 * encode the plain message at out + 6, point h->msg there, then build.
 */
int nas_sec_parse(const uint8_t *buf, size_t len, struct nas_sec_hdr *h,
		  struct nas_err *err);
int nas_sec_build(const struct nas_sec_hdr *h, uint8_t *out, size_t cap,
		  size_t *len);
int nas_peek(const uint8_t *buf, size_t len, struct nas_pdu_info *info);

/* "ATTACH REQUEST: EPS mobile identity: bad BCD digit (octet 5)" */
const char *nas_strerror(const struct nas_err *e, char *buf, size_t len);
const char *nas_msg_name(uint8_t pd, uint8_t type);

/* Helpers */
void nas_ue_sec_cap_from_net_cap(struct nas_ue_sec_cap *sc,
				 const struct nas_ue_net_cap *nc);
bool nas_ue_sec_cap_matches(const struct nas_ue_sec_cap *sc,
			    const struct nas_ue_net_cap *nc);
int nas_apn_from_str(struct nas_apn *apn, const char *dotted);
int nas_apn_to_str(const struct nas_apn *apn, char *out, size_t cap);

/*
 * The value of 0x7C (parts NAS_CRED_PART), 0x7E (both) or 0x7F
 * (NAS_SIG_PART). Decode: -EBADMSG with a static why; the views point
 * into v. Encode: -EINVAL for a bad input, -ENOSPC.
 */
int nas_cred_decode(const uint8_t *v, size_t len, unsigned int parts,
		    struct nas_parlos_cred *c, const char **why);
int nas_cred_encode(const struct nas_parlos_cred *c, unsigned int parts,
		    uint8_t *out, size_t cap, size_t *len);

#ifdef NAS_CODEC_INTERNAL
/*
 * Shared by the nas_*.c files only: a bounded reader and writer, and
 * the table-driven parser of the non-imperative part.
 */
#include <errno.h>

struct nas_rd {
	const uint8_t *p;
	size_t len;
	size_t off;
	struct nas_err *err;
};

struct nas_wr {
	uint8_t *p;
	size_t cap;
	size_t off;
	bool full;
};

enum nas_ie_fmt {
	NAS_TV1,	/* half-octet IEI, value in bits 4..1 */
	NAS_TV,		/* IEI + fixed-length value */
	NAS_TLV,
	NAS_TLVE,
};

/* An optional IE a message knows: its format and value length bounds */
struct nas_opt_ie {
	uint8_t iei;		/* for NAS_TV1: IEI << 4 */
	uint8_t fmt;
	uint16_t min;
	uint16_t max;
	const char *name;
};


int nas_fail(struct nas_rd *r, const char *ie, const char *why);
int nas_fail_at(struct nas_rd *r, size_t off, const char *ie,
		const char *why);
int nas_rd_u8(struct nas_rd *r, const char *ie, uint8_t *v);
int nas_rd_lv(struct nas_rd *r, const char *ie, size_t min, size_t max,
	      struct nas_bytes *v);
int nas_rd_lve(struct nas_rd *r, const char *ie, size_t min, size_t max,
	       struct nas_bytes *v);
int nas_rd_opts(struct nas_rd *r, const struct nas_opt_ie *tab, size_t n,
		struct nas_bytes *vals);

void nas_wr_u8(struct nas_wr *w, uint8_t v);
void nas_wr_mem(struct nas_wr *w, const void *p, size_t n);
void nas_wr_lv(struct nas_wr *w, const uint8_t *p, size_t n);
void nas_wr_tlv(struct nas_wr *w, uint8_t iei, const uint8_t *p, size_t n);
void nas_wr_tlve(struct nas_wr *w, uint8_t iei, const uint8_t *p, size_t n);
size_t nas_wr_len16_open(struct nas_wr *w);
void nas_wr_len16_close(struct nas_wr *w, size_t at);
size_t nas_wr_len8_open(struct nas_wr *w);
void nas_wr_len8_close(struct nas_wr *w, size_t at);
int nas_wr_done(struct nas_wr *w, size_t *len, struct nas_err *err);

/* IE value codecs: decoders take the value (no IEI, no length) */
int nas_dec_eps_id(struct nas_rd *r, struct nas_bytes v, struct nas_eps_id *id);
int nas_enc_eps_id(struct nas_wr *w, const struct nas_eps_id *id,
		   struct nas_err *err);
int nas_dec_guti(struct nas_rd *r, struct nas_bytes v, const char *ie,
		 struct nas_guti *g);
void nas_enc_guti_value(struct nas_wr *w, const struct nas_guti *g);
int nas_dec_imeisv(struct nas_rd *r, struct nas_bytes v, char *digits);
int nas_enc_imeisv(struct nas_wr *w, const char *digits,
		   struct nas_err *err);
int nas_dec_tai_list(struct nas_rd *r, struct nas_bytes v,
		     struct nas_tai_list *l);
int nas_enc_tai_list(struct nas_wr *w, const struct nas_tai_list *l,
		     struct nas_err *err);
int nas_check_plmn(const struct nas_plmn *p);
int nas_dec_apn(struct nas_rd *r, struct nas_bytes v, const char *ie,
		struct nas_apn *apn);
int nas_check_apn(const uint8_t *v, size_t len);
int nas_dec_pubkey(struct nas_rd *r, struct nas_bytes v,
		   struct nas_parlos_pubkey *k);
int nas_enc_pubkey(struct nas_wr *w, const struct nas_parlos_pubkey *k,
		   struct nas_err *err);
int nas_dec_kasme(struct nas_rd *r, struct nas_bytes v,
		  struct nas_parlos_kasme *k);
int nas_enc_kasme(struct nas_wr *w, const struct nas_parlos_kasme *k,
		  struct nas_err *err);
int nas_enc_fail(struct nas_err *err, const char *msg, const char *ie,
		 const char *why);
#endif /* NAS_CODEC_INTERNAL */

#endif /* PARLOS_NAS_H */
