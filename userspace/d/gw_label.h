/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The label a gateway puts on each ME's kernel context: what a restarted
 * gateway needs to take the ME back (gw_recover.c). The UE id and the
 * algorithms are in the context itself.
 *
 *   gw ADDR:PORT IMEI IPV4 STATE     at most 64 octets
 *
 * STATE is "smc" while the security mode commands run (the ME's attach
 * is served afresh after a restart), "acc:PTI" once ATTACH ACCEPT went
 * out (PTI: of the ME's PDN request, for sending it again), "att" once
 * attached. A label without STATE (an older parlosd) counts as "smc".
 */
#ifndef PARLOSD_GW_LABEL_H
#define PARLOSD_GW_LABEL_H

#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "nas.h"

enum gw_label_state {
	GWL_SMC,
	GWL_ACCEPT,
	GWL_ATTACHED,
};

struct gw_label {
	struct sockaddr_in addr;	/* the ME's */
	char imei[NAS_MAX_DIGITS + 1];
	uint32_t ipv4;			/* host order */
	enum gw_label_state state;
	uint8_t pti;			/* GWL_ACCEPT */
};

/* out has room for PARLOS_LABEL_MAX + 1 */
void gw_label_format(const struct gw_label *l, char *out, size_t len);
/* 0, or -EINVAL for a label that is not a gateway's of this form */
int gw_label_parse(const char *s, struct gw_label *l);

#endif
