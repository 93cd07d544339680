// SPDX-License-Identifier: GPL-2.0
/*
 * Test helper for the VM attach tests: a UDP relay between one ME and a
 * gateway that can tamper with the downlink, and a one-shot sender of
 * arbitrary datagrams.
 *
 *   udprelay relay LISTEN_ADDR:PORT GATEWAY_ADDR:PORT [corrupt-smc-mac]
 *            [dup-accept]
 *   udprelay send ADDR:PORT HEX
 *
 * corrupt-smc-mac flips a bit of the MAC of every NAS message with
 * security header type 3 (the SECURITY MODE COMMAND); dup-accept sends
 * every downlink NAS message of type 2 (the ATTACH ACCEPT) twice, byte
 * for byte. Each action prints one line on stdout.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
		perror("udprelay: socket");
		exit(1);
	}
	return fd;
}

static int send_hex(const char *to, const char *hex)
{
	struct sockaddr_in sa;
	unsigned char buf[2048];
	size_t n = 0;
	int fd;

	if (addr(to, &sa))
		return 2;
	while (hex[0] && hex[1] && n < sizeof(buf)) {
		unsigned int v;

		if (sscanf(hex, "%2x", &v) != 1)
			return 2;
		buf[n++] = (unsigned char)v;
		hex += 2;
	}
	fd = sock(NULL);
	if (sendto(fd, buf, n, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		perror("udprelay: sendto");
		return 1;
	}
	printf("udprelay: sent %zu octets to %s\n", n, to);
	return 0;
}

static int relay(const char *listen_at, const char *gw, bool corrupt,
		 bool dup)
{
	struct sockaddr_in la, ga, me = { 0 }, from;
	unsigned char buf[4096];
	struct pollfd p[2];
	socklen_t fl;
	bool have_me = false;
	ssize_t n;

	if (addr(listen_at, &la) || addr(gw, &ga))
		return 2;
	p[0].fd = sock(&la);	/* the ME's side */
	p[1].fd = sock(NULL);	/* the gateway's side */
	p[0].events = p[1].events = POLLIN;
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("udprelay: %s -> %s\n", listen_at, gw);
	for (;;) {
		if (poll(p, 2, -1) < 0 && errno != EINTR)
			return 1;
		fl = sizeof(from);
		if (p[0].revents & POLLIN) {
			n = recvfrom(p[0].fd, buf, sizeof(buf), 0,
				     (struct sockaddr *)&from, &fl);
			if (n > 0) {
				me = from;
				have_me = true;
				sendto(p[1].fd, buf, (size_t)n, 0,
				       (struct sockaddr *)&ga, sizeof(ga));
			}
		}
		if (!(p[1].revents & POLLIN))
			continue;
		n = recv(p[1].fd, buf, sizeof(buf), 0);
		if (n <= 0 || !have_me)
			continue;
		if (corrupt && n > 6 && buf[0] == 0x37) {
			buf[1] ^= 0x01;
			printf("udprelay: corrupted the MAC of a SECURITY MODE "
			       "COMMAND\n");
		}
		sendto(p[0].fd, buf, (size_t)n, 0, (struct sockaddr *)&me,
		       sizeof(me));
		if (dup && n > 6 && buf[0] == 0x27) {
			usleep(100000);
			sendto(p[0].fd, buf, (size_t)n, 0,
			       (struct sockaddr *)&me, sizeof(me));
			printf("udprelay: replayed an ATTACH ACCEPT\n");
		}
	}
}

int main(int argc, char **argv)
{
	bool corrupt = false, dup = false;
	int i;

	if (argc == 4 && !strcmp(argv[1], "send"))
		return send_hex(argv[2], argv[3]);
	if (argc < 4 || strcmp(argv[1], "relay")) {
		fprintf(stderr, "usage: udprelay relay LISTEN GATEWAY "
			"[corrupt-smc-mac] [dup-accept]\n"
			"       udprelay send ADDR:PORT HEX\n");
		return 2;
	}
	for (i = 4; i < argc; i++) {
		if (!strcmp(argv[i], "corrupt-smc-mac"))
			corrupt = true;
		else if (!strcmp(argv[i], "dup-accept"))
			dup = true;
		else
			return 2;
	}
	return relay(argv[2], argv[3], corrupt, dup);
}
