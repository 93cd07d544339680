// SPDX-License-Identifier: GPL-2.0
/*
 * pcap writer: link type 252 (exported PDU) records for NAS (dissector
 * "nas-eps") and for PDCP-LTE UDP framing (dissector "ip" + IPv4/UDP).
 * Tag numbers are those of Wireshark's wiretap/exported_pdu tags.
 */
#include "pcap.h"

#include <errno.h>
#include <string.h>

#define EXP_TAG_END		0
#define EXP_TAG_PROTO_NAME	12
#define EXP_TAG_IPV4_SRC	20
#define EXP_TAG_IPV4_DST	21
#define EXP_TAG_PORT_TYPE	24
#define EXP_TAG_SRC_PORT	25
#define EXP_TAG_DST_PORT	26
#define EXP_PT_UDP		3

#define IPV4_HDR_LEN		20
#define UDP_HDR_LEN		8
#define UDP_MAX_PAYLOAD		(65535 - IPV4_HDR_LEN - UDP_HDR_LEN)

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)(v >> 16));
	put16(p + 2, (uint16_t)v);
}

/* pcap headers are in the writer's byte order; the magic says which */
static void put32h(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

static void put16h(uint8_t *p, uint16_t v)
{
	memcpy(p, &v, 2);
}

void pcap_file_header(uint8_t out[PCAP_FILE_HDR_LEN])
{
	put32h(out, 0xa1b2c3d4);	/* microsecond timestamps */
	put16h(out + 4, 2);
	put16h(out + 6, 4);
	put32h(out + 8, 0);		/* thiszone */
	put32h(out + 12, 0);		/* sigfigs */
	put32h(out + 16, PCAP_SNAPLEN);
	put32h(out + 20, PCAP_LINKTYPE_EXPORTED_PDU);
}

/* Tag 12: the name, NUL-padded to a multiple of 4 octets */
static size_t tag_name(uint8_t *p, const char *name)
{
	size_t n = strlen(name), padded = (n + 3) & ~(size_t)3;

	put16(p, EXP_TAG_PROTO_NAME);
	put16(p + 2, (uint16_t)padded);
	memset(p + 4, 0, padded);
	memcpy(p + 4, name, n);
	return 4 + padded;
}

static size_t tag32(uint8_t *p, uint16_t tag, uint32_t v)
{
	put16(p, tag);
	put16(p + 2, 4);
	put32(p + 4, v);
	return 8;
}

static size_t tag_addr(uint8_t *p, uint16_t tag, struct in_addr a)
{
	put16(p, tag);
	put16(p + 2, 4);
	memcpy(p + 4, &a.s_addr, 4);
	return 8;
}

static size_t tag_end(uint8_t *p)
{
	put32(p, 0);
	return 4;
}

size_t pcap_nas_prefix(uint8_t out[PCAP_PREFIX_MAX],
		       const struct pcap_endpoint *src,
		       const struct pcap_endpoint *dst)
{
	size_t n = tag_name(out, "nas-eps");

	/* Addresses only fill tshark's columns; NAS has no transport of its own */
	if (src && dst) {
		n += tag_addr(out + n, EXP_TAG_IPV4_SRC, src->addr);
		n += tag_addr(out + n, EXP_TAG_IPV4_DST, dst->addr);
		n += tag32(out + n, EXP_TAG_PORT_TYPE, EXP_PT_UDP);
		n += tag32(out + n, EXP_TAG_SRC_PORT, src->port);
		n += tag32(out + n, EXP_TAG_DST_PORT, dst->port);
	}
	return n + tag_end(out + n);
}

static uint16_t ip_csum(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* IPv4 (DF, TTL 64) + UDP (checksum 0: allowed over IPv4) headers */
int pcap_udp_prefix(uint8_t out[PCAP_PREFIX_MAX], size_t *len,
		    const struct pcap_endpoint *src,
		    const struct pcap_endpoint *dst, size_t plen)
{
	size_t n;
	uint8_t *ip, *udp;

	if (!src || !dst)
		return -EINVAL;
	if (plen > UDP_MAX_PAYLOAD)
		return -EMSGSIZE;
	n = tag_name(out, "ip");
	n += tag_end(out + n);
	ip = out + n;
	memset(ip, 0, IPV4_HDR_LEN + UDP_HDR_LEN);
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)(IPV4_HDR_LEN + UDP_HDR_LEN + plen));
	put16(ip + 6, 0x4000);
	ip[8] = 64;
	ip[9] = IPPROTO_UDP;
	memcpy(ip + 12, &src->addr.s_addr, 4);
	memcpy(ip + 16, &dst->addr.s_addr, 4);
	put16(ip + 10, ip_csum(ip, IPV4_HDR_LEN));
	udp = ip + IPV4_HDR_LEN;
	put16(udp, src->port);
	put16(udp + 2, dst->port);
	put16(udp + 4, (uint16_t)(UDP_HDR_LEN + plen));
	*len = n + IPV4_HDR_LEN + UDP_HDR_LEN;
	return 0;
}

int pcap_open(struct pcap_writer *w, const char *path)
{
	uint8_t hdr[PCAP_FILE_HDR_LEN];

	w->f = fopen(path, "wb");
	if (!w->f)
		return -errno;
	pcap_file_header(hdr);
	if (fwrite(hdr, sizeof(hdr), 1, w->f) != 1 || fflush(w->f)) {
		fclose(w->f);
		w->f = NULL;
		return -EIO;
	}
	return 0;
}

int pcap_close(struct pcap_writer *w)
{
	int rc = 0;

	if (w->f && fclose(w->f))
		rc = -errno;
	w->f = NULL;
	return rc;
}

static int write_rec(struct pcap_writer *w, const struct timespec *ts,
		     const uint8_t *prefix, size_t plen,
		     const uint8_t *payload, size_t len)
{
	uint8_t rec[PCAP_REC_HDR_LEN];
	struct timespec now;
	size_t caplen = plen + len;

	if (!w->f)
		return -EBADF;
	if (caplen > PCAP_SNAPLEN)
		return -EMSGSIZE;
	if (!ts) {
		clock_gettime(CLOCK_REALTIME, &now);
		ts = &now;
	}
	put32h(rec, (uint32_t)ts->tv_sec);
	put32h(rec + 4, (uint32_t)(ts->tv_nsec / 1000));
	put32h(rec + 8, (uint32_t)caplen);
	put32h(rec + 12, (uint32_t)caplen);
	if (fwrite(rec, sizeof(rec), 1, w->f) != 1 ||
	    fwrite(prefix, plen, 1, w->f) != 1 ||
	    (len && fwrite(payload, len, 1, w->f) != 1) || fflush(w->f))
		return -EIO;
	return 0;
}

int pcap_write_nas(struct pcap_writer *w, const struct timespec *ts,
		   const struct pcap_endpoint *src,
		   const struct pcap_endpoint *dst,
		   const uint8_t *pdu, size_t len)
{
	uint8_t prefix[PCAP_PREFIX_MAX];
	size_t n = pcap_nas_prefix(prefix, src, dst);

	return write_rec(w, ts, prefix, n, pdu, len);
}

int pcap_write_udp(struct pcap_writer *w, const struct timespec *ts,
		   const struct pcap_endpoint *src,
		   const struct pcap_endpoint *dst,
		   const uint8_t *payload, size_t len)
{
	uint8_t prefix[PCAP_PREFIX_MAX];
	size_t n;
	int rc = pcap_udp_prefix(prefix, &n, src, dst, len);

	if (rc)
		return rc;
	return write_rec(w, ts, prefix, n, payload, len);
}
