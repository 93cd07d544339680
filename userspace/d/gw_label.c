// SPDX-License-Identifier: GPL-2.0
/*
 * Gateway context labels: format and parse.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "gw_label.h"
#include "parlos.h"

void gw_label_format(const struct gw_label *l, char *out, size_t len)
{
	char a[INET_ADDRSTRLEN], ip[INET_ADDRSTRLEN], st[8];
	struct in_addr in = { htonl(l->ipv4) };

	inet_ntop(AF_INET, &l->addr.sin_addr, a, sizeof(a));
	inet_ntop(AF_INET, &in, ip, sizeof(ip));
	if (l->state == GWL_ACCEPT)
		snprintf(st, sizeof(st), "acc:%u", l->pti);
	else
		snprintf(st, sizeof(st), "%s",
			 l->state == GWL_ATTACHED ? "att" : "smc");
	snprintf(out, len, "gw %s:%u %s %s %s", a, ntohs(l->addr.sin_port),
		 l->imei, ip, st);
}

/* As the ME sent it: 1 to 15 digits */
static bool digits_ok(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n && n <= 15 && !s[n];
}

static int parse_state(const char *s, struct gw_label *l)
{
	uint32_t pti;

	l->pti = 0;
	if (!s || !strcmp(s, "smc")) {
		l->state = GWL_SMC;
	} else if (!strcmp(s, "att")) {
		l->state = GWL_ATTACHED;
	} else if (!strncmp(s, "acc:", 4) && !parse_uint(s + 4, 255, &pti)) {
		l->state = GWL_ACCEPT;
		l->pti = (uint8_t)pti;
	} else {
		return -EINVAL;
	}
	return 0;
}

int gw_label_parse(const char *s, struct gw_label *l)
{
	char buf[PARLOS_LABEL_MAX + 1], *f[6], *save = NULL;
	struct in_addr ip;
	int n = 0;

	if (strlen(s) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, s);
	for (char *t = strtok_r(buf, " ", &save); t && n < 6;
	     t = strtok_r(NULL, " ", &save))
		f[n++] = t;
	if (n < 4 || n > 5 || strcmp(f[0], "gw"))
		return -EINVAL;
	memset(l, 0, sizeof(*l));
	if (parse_addr_port(f[1], 0, &l->addr) || !strchr(f[1], ':') ||
	    !l->addr.sin_port || !digits_ok(f[2]) ||
	    inet_pton(AF_INET, f[3], &ip) != 1 ||
	    parse_state(n == 5 ? f[4] : NULL, l))
		return -EINVAL;
	strcpy(l->imei, f[2]);
	l->ipv4 = ntohl(ip.s_addr);
	return 0;
}
