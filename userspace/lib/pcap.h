/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Capture writer for parlosd --pcap FILE. One classic pcap file, link
 * type 252 (Wireshark "exported PDU"), holds both kinds of record:
 *
 *  - NAS PDUs: exported-PDU tag 12 (dissector name) "nas-eps", optional
 *    IPv4 address/port tags, end tag, then the NAS PDU;
 *  - SRB1/DRB PDCP PDUs in their PDCP-LTE UDP framing: dissector name
 *    "ip", end tag, then a synthesized IPv4/UDP packet around the framing.
 *
 * Read it with:
 *   tshark -r FILE -2 -o nas-eps.null_decipher:FALSE \
 *          --enable-heuristic pdcp_lte_udp
 * (NAS decodes with plain "tshark -r FILE"; the heuristic is needed for
 * the PDCP-LTE framing only.)
 */
#ifndef PARLOS_PCAP_H
#define PARLOS_PCAP_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define PCAP_LINKTYPE_EXPORTED_PDU	252
#define PCAP_SNAPLEN			262144
#define PCAP_FILE_HDR_LEN		24
#define PCAP_REC_HDR_LEN		16
/* Largest record prefix (tags, or tags + IPv4 + UDP) before the payload */
#define PCAP_PREFIX_MAX			64

struct pcap_endpoint {
	struct in_addr addr;	/* network order, as in sockaddr_in */
	uint16_t port;		/* host order */
};

struct pcap_writer {
	FILE *f;
};

/* Create (truncate) path and write the file header */
int pcap_open(struct pcap_writer *w, const char *path);
int pcap_close(struct pcap_writer *w);

/*
 * Append one record; ts == NULL means now. src/dst may be NULL for NAS
 * (no address tags); they are required for UDP. Each record is flushed.
 */
int pcap_write_nas(struct pcap_writer *w, const struct timespec *ts,
		   const struct pcap_endpoint *src,
		   const struct pcap_endpoint *dst,
		   const uint8_t *pdu, size_t len);
int pcap_write_udp(struct pcap_writer *w, const struct timespec *ts,
		   const struct pcap_endpoint *src,
		   const struct pcap_endpoint *dst,
		   const uint8_t *payload, size_t len);

/* The builders behind them: the part of a record body before the payload */
void pcap_file_header(uint8_t out[PCAP_FILE_HDR_LEN]);
size_t pcap_nas_prefix(uint8_t out[PCAP_PREFIX_MAX],
		       const struct pcap_endpoint *src,
		       const struct pcap_endpoint *dst);
int pcap_udp_prefix(uint8_t out[PCAP_PREFIX_MAX], size_t *len,
		    const struct pcap_endpoint *src,
		    const struct pcap_endpoint *dst, size_t plen);

#endif /* PARLOS_PCAP_H */
