// SPDX-License-Identifier: GPL-2.0
/*
 * drbdecipher: the host-side reader of a DRB capture, as Wireshark would
 * read it had it SNOW 3G and ZUC (Debian's tshark deciphers EEA2 only).
 *
 *   drbdecipher WIRE.pcap KEYLOG EEA MAC OUT.pcap
 *
 * WIRE is an Ethernet capture of the tunnel; KEYLOG the module's keylog
 * line ("UEID","KRRCenc","KUPenc","KRRCint"); EEA 1, 2 or 3; MAC 1 if the
 * PDUs carry a MAC-I. Each user-plane PDU of the UE (the userspace codec
 * reads the framing) gets its COUNT by following the SN from 0 in each
 * direction, as Wireshark does, so the capture must hold every PDU in
 * order: a gap fails. BEARER is the channel id - 1. The deciphered SDUs
 * go to OUT as raw IPv4 packets. Exit status 0 if all deciphered.
 */
#include <intel-ipsec-mb.h>
#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdcp_lte.h"

#define LINKTYPE_IPV4	228

static IMB_MGR *mgr;

static int hexkey(const char *s, uint8_t *key)
{
	unsigned int i, v;

	for (i = 0; i < 16; i++) {
		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			return -1;
		key[i] = (uint8_t)v;
	}
	return 0;
}

/* "UEID","KRRCenc","KUPenc","KRRCint" */
static int keylog(const char *line, unsigned int *ueid, uint8_t *kup)
{
	char rrc[33], up[33];

	if (sscanf(line, "\"%u\",\"%32[0-9a-f]\",\"%32[0-9a-f]\"", ueid, rrc,
		   up) != 3)
		return -1;
	return hexkey(up, kup);
}

static int decipher(int eea, const uint8_t *key, uint32_t count,
		    uint8_t bearer, uint8_t dir, uint8_t *buf, size_t len)
{
	uint8_t iv[16] = { 0 };

	if (eea == 1) {
		snow3g_key_schedule_t ks;

		snow3g_f8_iv_gen(count, bearer, dir, iv);
		IMB_SNOW3G_INIT_KEY_SCHED(mgr, key, &ks);
		IMB_SNOW3G_F8_1_BUFFER(mgr, &ks, iv, buf, buf, len);
	} else if (eea == 3) {
		zuc_eea3_iv_gen(count, bearer, dir, iv);
		IMB_ZUC_EEA3_1_BUFFER(mgr, key, iv, buf, buf, len);
	} else {
		EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
		int n;

		iv[0] = (uint8_t)(count >> 24);
		iv[1] = (uint8_t)(count >> 16);
		iv[2] = (uint8_t)(count >> 8);
		iv[3] = (uint8_t)count;
		iv[4] = (uint8_t)(bearer << 3 | dir << 2);
		if (!c || !EVP_EncryptInit_ex(c, EVP_aes_128_ctr(), NULL, key,
					      iv) ||
		    !EVP_EncryptUpdate(c, buf, &n, buf, (int)len))
			return -1;
		EVP_CIPHER_CTX_free(c);
	}
	return imb_get_errno(mgr) ? -1 : 0;
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);	/* pcap headers are host order */
}

int main(int argc, char **argv)
{
	uint8_t gh[24], rh[16], pkt[65536], kup[16];
	uint32_t count[2] = { 0 };
	int eea, mac, seen[2] = { 0 };
	unsigned int ueid, n = 0;
	FILE *in, *out;

	if (argc != 6) {
		fprintf(stderr, "usage: drbdecipher WIRE KEYLOG EEA MAC OUT\n");
		return 2;
	}
	eea = atoi(argv[3]);
	mac = atoi(argv[4]);
	if (keylog(argv[2], &ueid, kup) || eea < 1 || eea > 3) {
		fprintf(stderr, "drbdecipher: bad keylog or EEA\n");
		return 2;
	}
	mgr = alloc_mb_mgr(0);
	if (!mgr)
		return 1;
	init_mb_mgr_auto(mgr, NULL);
	in = fopen(argv[1], "r");
	out = fopen(argv[5], "w");
	if (!in || !out || fread(gh, 1, 24, in) != 24) {
		perror("drbdecipher");
		return 1;
	}
	put32(gh + 20, LINKTYPE_IPV4);
	fwrite(gh, 1, 24, out);
	while (fread(rh, 1, 16, in) == 16) {
		uint32_t caplen = rh[8] | rh[9] << 8 | rh[10] << 16 |
				  (uint32_t)rh[11] << 24, sn, hfn_bits;
		struct pdcp_lte_info i;
		const char *why;
		uint8_t *ip = pkt + 14, *udp, sdu[65536];
		size_t hl, len;
		unsigned int ihl, ulen;
		int d;

		if (caplen > sizeof(pkt) || fread(pkt, 1, caplen, in) != caplen)
			break;
		if (caplen < 14 + 20 + 8 || ip[9] != 17)
			continue;
		ihl = (ip[0] & 0x0f) * 4u;
		udp = ip + ihl;
		ulen = (unsigned int)(udp[4] << 8 | udp[5]);
		if (14 + ihl + ulen > caplen || ulen < 8 ||
		    pdcp_lte_decode(udp + 8, ulen - 8, &i, &why))
			continue;
		if (i.plane != PDCP_LTE_PLANE_USER || i.ueid != ueid)
			continue;
		d = i.direction & 1;
		hl = i.sn_len == 18 ? 3 : 2;
		if ((i.sn_len != 12 && i.sn_len != 18) ||
		    i.pdu_len <= hl + (mac ? 4 : 0) || !(i.pdu[0] & 0x80)) {
			fprintf(stderr, "drbdecipher: PDU %u malformed\n", n);
			return 1;
		}
		sn = i.sn_len == 18 ?
		     (uint32_t)(i.pdu[0] & 3) << 16 | i.pdu[1] << 8 | i.pdu[2] :
		     (uint32_t)(i.pdu[0] & 0x0f) << 8 | i.pdu[1];
		hfn_bits = i.sn_len;
		/* Wireshark's rule: in order from the first, HFN + 1 at SN 0 */
		if (seen[d] && sn != ((count[d] + 1) & ((1u << hfn_bits) - 1))) {
			fprintf(stderr, "drbdecipher: direction %d: SN %u after "
				"COUNT %u: the capture has a gap\n", d, sn,
				count[d]);
			return 1;
		}
		count[d] = seen[d] ? count[d] + 1 : sn;
		seen[d] = 1;
		len = i.pdu_len - hl;
		memcpy(sdu, i.pdu + hl, len);
		if (decipher(eea, kup, count[d], (uint8_t)(i.chan_id - 1),
			     (uint8_t)d, sdu, len))
			return 1;
		if (mac)
			len -= 4;
		put32(rh + 8, (uint32_t)len);
		put32(rh + 12, (uint32_t)len);
		fwrite(rh, 1, 16, out);
		fwrite(sdu, 1, len, out);
		n++;
	}
	fclose(in);
	if (fclose(out))
		return 1;
	printf("%u PDUs deciphered; COUNTs reached %u (UL) and %u (DL)\n", n,
	       count[0], count[1]);
	return n ? 0 : 1;
}
