// SPDX-License-Identifier: GPL-2.0
/*
 * drbtool: traffic and probes for the DRB VM test (tests/vm/t_drb.sh).
 *
 *   drbtool tcp-recv PORT FILE          accept one connection, save it
 *   drbtool tcp-send ADDR PORT FILE     send FILE, then close
 *   drbtool udp-send ADDR PORT N SIZE [USEC [MARKER]]
 *                                       N datagrams: 4-byte sequence
 *                                       number, then MARKER repeated
 *   drbtool udp-recv PORT N MSEC        until N datagrams or MSEC of
 *                                       silence; prints what came and
 *                                       fails if out of order
 *   drbtool hold TYPE NAME              bind an AF_ALG socket (which
 *                                       instantiates a template such as
 *                                       cryptd(...)) and wait
 *   drbtool inject SPORT DADDR DPORT HEX
 *                                       a UDP datagram from any source
 *                                       port (raw socket)
 *   drbtool pcap-udp FILE DPORT N       hex of the payload of the Nth
 *                                       (from 0) UDP datagram to DPORT
 *                                       in an Ethernet pcap
 *   drbtool link add|set NAME PORT      rtnetlink: a parlos device with
 *                                       IFLA_PARLOS_PORT, or a new port
 *                                       (prints the extack on refusal)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_alg.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "hex.h"
#include "uapi/parlos.h"

#ifndef SOL_ALG
#define SOL_ALG 279
#endif

static int die(const char *what)
{
	fprintf(stderr, "drbtool: %s: %s\n", what, strerror(errno));
	return 1;
}

static int addr_of(const char *ip, const char *port, struct sockaddr_in *sa)
{
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)atoi(port));
	if (ip && inet_pton(AF_INET, ip, &sa->sin_addr) != 1) {
		fprintf(stderr, "drbtool: bad address %s\n", ip);
		return -1;
	}
	return 0;
}

static int tcp_recv(const char *port, const char *file)
{
	struct sockaddr_in sa;
	char buf[65536];
	int one = 1, ls, s;
	FILE *f;
	ssize_t n;

	if (addr_of(NULL, port, &sa))
		return 2;
	ls = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ls < 0 || bind(ls, (void *)&sa, sizeof(sa)) || listen(ls, 1))
		return die("listen");
	printf("listening\n");
	fflush(stdout);
	s = accept(ls, NULL, NULL);
	if (s < 0)
		return die("accept");
	f = fopen(file, "w");
	if (!f)
		return die(file);
	while ((n = read(s, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, (size_t)n, f);
	if (n < 0)
		return die("read");
	return fclose(f) ? die(file) : 0;
}

static int tcp_send(const char *ip, const char *port, const char *file)
{
	struct sockaddr_in sa;
	char buf[65536];
	size_t n;
	FILE *f;
	int s;

	if (addr_of(ip, port, &sa))
		return 2;
	f = fopen(file, "r");
	if (!f)
		return die(file);
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 || connect(s, (void *)&sa, sizeof(sa)))
		return die("connect");
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		char *p = buf;

		while (n) {
			ssize_t w = write(s, p, n);

			if (w < 0)
				return die("write");
			p += w;
			n -= (size_t)w;
		}
	}
	shutdown(s, SHUT_WR);
	/* Wait for the receiver to close: all of it arrived. */
	while (read(s, buf, sizeof(buf)) > 0)
		;
	close(s);
	return 0;
}

static int udp_send(int argc, char **argv)
{
	unsigned long n = strtoul(argv[2], NULL, 0), i;
	size_t size = strtoul(argv[3], NULL, 0);
	long usec = argc > 4 ? atol(argv[4]) : 0;
	const char *marker = argc > 5 ? argv[5] : "drb";
	struct sockaddr_in sa;
	unsigned char *buf;
	size_t k;
	int s;

	if (size < 4 || size > 65000 || addr_of(argv[0], argv[1], &sa))
		return 2;
	buf = malloc(size);
	for (k = 4; k < size; k++)
		buf[k] = (unsigned char)marker[(k - 4) % strlen(marker)];
	s = socket(AF_INET, SOCK_DGRAM, 0);
	if (s < 0)
		return die("socket");
	for (i = 0; i < n; i++) {
		uint32_t seq = htonl((uint32_t)i);

		memcpy(buf, &seq, 4);
		if (sendto(s, buf, size, 0, (void *)&sa, sizeof(sa)) < 0 &&
		    errno != ENOBUFS && errno != ECONNREFUSED)
			return die("sendto");
		if (usec)
			usleep((useconds_t)usec);
	}
	free(buf);
	return 0;
}

static int udp_recv(int argc, char **argv)
{
	unsigned long n = strtoul(argv[1], NULL, 0), got = 0, bad = 0;
	int msec = atoi(argv[2]), big = 8 << 20, s;
	long last = -1;
	struct sockaddr_in sa;
	unsigned char buf[65536];

	(void)argc;
	if (addr_of(NULL, argv[0], &sa))
		return 2;
	s = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(s, SOL_SOCKET, SO_RCVBUF, &big, sizeof(big));
	if (s < 0 || bind(s, (void *)&sa, sizeof(sa)))
		return die("bind");
	printf("listening\n");
	fflush(stdout);
	while (got < n) {
		struct pollfd p = { .fd = s, .events = POLLIN };
		uint32_t seq;
		ssize_t r;

		if (poll(&p, 1, msec) <= 0)
			break;
		r = recv(s, buf, sizeof(buf), 0);
		if (r < 4)
			continue;
		memcpy(&seq, buf, 4);
		seq = ntohl(seq);
		if ((long)seq <= last)
			bad++;
		last = seq;
		got++;
	}
	printf("received %lu of %lu, out of order %lu, last %ld\n", got, n,
	       bad, last);
	return bad ? 1 : 0;
}

static int hold(const char *type, const char *name)
{
	struct sockaddr_alg sa = { .salg_family = AF_ALG };
	int s = socket(AF_ALG, SOCK_SEQPACKET, 0), op;

	snprintf((char *)sa.salg_type, sizeof(sa.salg_type), "%s", type);
	snprintf((char *)sa.salg_name, sizeof(sa.salg_name), "%s", name);
	if (s < 0 || bind(s, (void *)&sa, sizeof(sa)))
		return die(name);
	op = accept(s, NULL, 0);
	(void)op;
	printf("held %s\n", name);
	fflush(stdout);
	pause();
	return 0;
}

static int inject(char **argv)
{
	struct sockaddr_in sa;
	size_t len;
	unsigned char pkt[65536];
	uint16_t v;
	int s;

	if (addr_of(argv[1], argv[2], &sa) ||
	    hex_decode(pkt + 8, sizeof(pkt) - 8, &len, argv[3], NULL))
		return 2;
	v = htons((uint16_t)atoi(argv[0]));
	memcpy(pkt, &v, 2);
	memcpy(pkt + 2, &sa.sin_port, 2);
	v = htons((uint16_t)(len + 8));
	memcpy(pkt + 4, &v, 2);
	memset(pkt + 6, 0, 2);		/* no UDP checksum */
	s = socket(AF_INET, SOCK_RAW, IPPROTO_UDP);
	sa.sin_port = 0;
	if (s < 0 || sendto(s, pkt, len + 8, 0, (void *)&sa, sizeof(sa)) < 0)
		return die("raw send");
	return 0;
}

static int pcap_udp(char **argv)
{
	unsigned long want = strtoul(argv[2], NULL, 0), seen = 0;
	uint16_t dport = (uint16_t)atoi(argv[1]);
	unsigned char gh[24], rh[16], pkt[65536];
	FILE *f = fopen(argv[0], "r");

	if (!f || fread(gh, 1, 24, f) != 24)
		return die(argv[0]);
	while (fread(rh, 1, 16, f) == 16) {
		uint32_t caplen = rh[8] | rh[9] << 8 | rh[10] << 16 |
				  (uint32_t)rh[11] << 24;
		unsigned int ihl, i, ulen;
		unsigned char *ip = pkt + 14, *udp;

		if (caplen > sizeof(pkt) || fread(pkt, 1, caplen, f) != caplen)
			break;
		if (caplen < 14 + 20 + 8 || pkt[12] != 0x08 || pkt[13] ||
		    ip[9] != IPPROTO_UDP)
			continue;
		ihl = (ip[0] & 0x0f) * 4;
		udp = ip + ihl;
		if ((udp[2] << 8 | udp[3]) != dport || seen++ != want)
			continue;
		ulen = (unsigned int)(udp[4] << 8 | udp[5]);
		if (ulen < 8 || 14 + ihl + ulen > caplen)
			return 1;
		for (i = 8; i < ulen; i++)
			printf("%02x", udp[i]);
		printf("\n");
		return 0;
	}
	fprintf(stderr, "drbtool: no datagram %lu to port %u\n", want, dport);
	return 1;
}

struct nlreq {
	struct nlmsghdr n;
	struct ifinfomsg i;
	char buf[512];
};

static struct rtattr *nl_attr(struct nlreq *r, int type, const void *data,
			      size_t len)
{
	struct rtattr *a = (void *)((char *)r + NLMSG_ALIGN(r->n.nlmsg_len));

	a->rta_type = (unsigned short)type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(a), data, len);
	r->n.nlmsg_len = NLMSG_ALIGN(r->n.nlmsg_len) + RTA_ALIGN(a->rta_len);
	return a;
}

static void nl_end(struct nlreq *r, struct rtattr *nest)
{
	nest->rta_len = (unsigned short)((char *)r + r->n.nlmsg_len -
					 (char *)nest);
}

/* The error of an ack, and its extack message if any. */
static int nl_ack(int s)
{
	char buf[4096];
	struct nlmsghdr *h = (void *)buf;
	struct nlmsgerr *e;
	struct rtattr *a;
	ssize_t n = recv(s, buf, sizeof(buf), 0);
	int len;

	if (n < (ssize_t)NLMSG_LENGTH(sizeof(*e)) || h->nlmsg_type != NLMSG_ERROR)
		return -EPROTO;
	e = NLMSG_DATA(h);
	if (!(h->nlmsg_flags & NLM_F_ACK_TLVS))
		return e->error;
	len = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*e));
	if (!(h->nlmsg_flags & NLM_F_CAPPED))
		len -= (int)NLMSG_ALIGN(e->msg.nlmsg_len - NLMSG_HDRLEN);
	a = (void *)((char *)e + sizeof(*e) + (h->nlmsg_flags & NLM_F_CAPPED ?
		0 : NLMSG_ALIGN(e->msg.nlmsg_len - NLMSG_HDRLEN)));
	for (; RTA_OK(a, len); a = RTA_NEXT(a, len))
		if (a->rta_type == NLMSGERR_ATTR_MSG)
			fprintf(stderr, "drbtool: %s\n", (char *)RTA_DATA(a));
	return e->error;
}

static int link_cmd(const char *op, const char *name, const char *port)
{
	struct nlreq r = { 0 };
	struct rtattr *info, *data;
	uint16_t p = (uint16_t)atoi(port);
	int s, one = 1, err;

	r.n.nlmsg_len = NLMSG_LENGTH(sizeof(r.i));
	r.n.nlmsg_type = RTM_NEWLINK;
	r.n.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	r.i.ifi_family = AF_UNSPEC;
	if (!strcmp(op, "add")) {
		r.n.nlmsg_flags |= NLM_F_CREATE | NLM_F_EXCL;
		nl_attr(&r, IFLA_IFNAME, name, strlen(name) + 1);
	} else {
		r.i.ifi_index = (int)if_nametoindex(name);
		if (!r.i.ifi_index)
			return die(name);
	}
	info = nl_attr(&r, IFLA_LINKINFO, NULL, 0);
	nl_attr(&r, IFLA_INFO_KIND, PARLOS_LINK_KIND,
		strlen(PARLOS_LINK_KIND));
	data = nl_attr(&r, IFLA_INFO_DATA, NULL, 0);
	nl_attr(&r, IFLA_PARLOS_PORT, &p, sizeof(p));
	nl_end(&r, data);
	nl_end(&r, info);
	s = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	setsockopt(s, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	if (s < 0 || send(s, &r, r.n.nlmsg_len, 0) < 0)
		return die("rtnetlink");
	err = nl_ack(s);
	if (err)
		fprintf(stderr, "drbtool: link %s: %s\n", op, strerror(-err));
	return err ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	signal(SIGPIPE, SIG_IGN);
	if (!strcmp(cmd, "tcp-recv") && argc == 4)
		return tcp_recv(argv[2], argv[3]);
	if (!strcmp(cmd, "tcp-send") && argc == 5)
		return tcp_send(argv[2], argv[3], argv[4]);
	if (!strcmp(cmd, "udp-send") && argc >= 6 && argc <= 8)
		return udp_send(argc - 2, argv + 2);
	if (!strcmp(cmd, "udp-recv") && argc == 5)
		return udp_recv(argc - 2, argv + 2);
	if (!strcmp(cmd, "hold") && argc == 4)
		return hold(argv[2], argv[3]);
	if (!strcmp(cmd, "inject") && argc == 6)
		return inject(argv + 2);
	if (!strcmp(cmd, "pcap-udp") && argc == 5)
		return pcap_udp(argv + 2);
	if (!strcmp(cmd, "link") && argc == 5)
		return link_cmd(argv[2], argv[3], argv[4]);
	fprintf(stderr, "usage: see the comment at the top of drbtool.c\n");
	return 2;
}
