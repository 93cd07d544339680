/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What both roles share: the environment an engine runs in (config,
 * kernel, timers, the way out, the capture), and the datagram level of
 * docs/protocol.md: a NAS PDU, or an SRB1 PDCP PDU in PDCP-LTE framing.
 * Every datagram sent or received is recorded in the capture, and so is
 * the plain copy of every ciphered NAS message.
 */
#ifndef PARLOSD_WIRE_H
#define PARLOSD_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <netinet/in.h>

#include "config.h"
#include "kernel.h"
#include "pcap.h"
#include "pdcp_lte.h"
#include "timer.h"

/* Largest datagram parlosd sends or takes */
#define WIRE_MAX	4096

struct uplane;

typedef int (*wire_send_fn)(void *arg, const struct sockaddr_in *to,
			    const uint8_t *buf, size_t len);

struct d_env {
	const struct d_config *cfg;
	struct kern *kern;
	struct timers *timers;
	struct pcap_writer *pcap;	/* NULL: no capture */
	wire_send_fn send;
	void *send_arg;
	struct sockaddr_in self;	/* our address, for the capture */
	FILE *out;			/* "attached" lines; NULL: none */
	struct uplane *up;		/* --dev; NULL: no user plane */
};

/* "192.0.2.1:36410" */
#define ADDR_STR_MAX	24
const char *addr_str(const struct sockaddr_in *sa, char buf[ADDR_STR_MAX]);

/* Sends a NAS PDU; plain (may be NULL) is the message before protection */
int wire_send_nas(struct d_env *env, const struct sockaddr_in *to,
		  const uint8_t *pdu, size_t len, const uint8_t *plain,
		  size_t plain_len);
/* Records a received datagram; a NAS message's plain copy separately */
void wire_record_rx(struct d_env *env, const struct sockaddr_in *from,
		    const uint8_t *buf, size_t len, bool framed);
void wire_record_plain_rx(struct d_env *env, const struct sockaddr_in *from,
			  const uint8_t *plain, size_t len);
/* Frames an SRB1 PDCP PDU (direction, UE id) and sends it */
int wire_send_srb1(struct d_env *env, const struct sockaddr_in *to,
		   uint8_t dir, uint16_t ueid, const uint8_t *pdu, size_t len);
/* Parses an SRB1 datagram: signalling plane, DCCH channel 1, direction */
int wire_parse_srb1(const uint8_t *buf, size_t len, uint8_t dir,
		    struct pdcp_lte_info *info, const char **why);

/* The part of the "attached" line after "fpr ": key=hex pairs */
void fpr_format(const struct kern_ctx_info *info, char *out, size_t len);
/* The line both roles print and log once attached */
void report_attached(struct d_env *env, const char *who,
		     const struct kern_ctx_info *info, const char *extra);

#endif
