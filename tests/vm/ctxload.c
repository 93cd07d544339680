// SPDX-License-Identifier: GPL-2.0
/*
 * ctxload: creates N idle contexts through netlink, requests pipelined,
 * and reports the memory they take: MemAvailable before and after, and
 * the parlos_ctx slab from /proc/slabinfo. For the 1,000,000-context
 * figure of the performance issue (memory is measured in the VM).
 *
 *   ctxload N
 */
#include <errno.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "nlraw.h"
#include "uapi/parlos.h"

/* replies are skbs of a few KiB truesize: keep the queue in the buffer */
#define WINDOW 64

static long meminfo_kb(const char *key)
{
	char line[256];
	long v = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, key, strlen(key)))
			sscanf(line + strlen(key), ": %ld", &v);
	if (f)
		fclose(f);
	return v;
}

/* Bytes held by the parlos_ctx slab cache: active objects x object size. */
static long long slab_bytes(long *objs, long *objsize)
{
	char line[512], name[64];
	long active, num, size;
	FILE *f = fopen("/proc/slabinfo", "r");

	*objs = *objsize = 0;
	while (f && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63s %ld %ld %ld", name, &active, &num, &size) == 4 &&
		    !strcmp(name, "parlos_ctx")) {
			*objs = num;
			*objsize = size;
		}
	}
	if (f)
		fclose(f);
	return (long long)*objs * *objsize;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 1000000;
	long avail0, avail1, objs, objsize;
	unsigned long sent = 0, acked = 0, bad = 0;
	uint32_t first_seq;
	struct nlraw nl;
	struct nlraw_msg m;
	double t0, t1;
	char ext[256];
	int err;

	if (nlraw_open(&nl, PARLOS_GENL_NAME)) {
		fprintf(stderr, "ctxload: family \"parlos\" not found\n");
		return 2;
	}
	{
		int rcv = 8 << 20;

		setsockopt(nl.fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcv, sizeof(rcv));
	}
	avail0 = meminfo_kb("MemAvailable");
	first_seq = nl.seq + 1;
	t0 = now();
	while (acked < n) {
		while (sent < n && sent - acked < WINDOW) {
			nlraw_msg_init(&nl, &m, nl.family, PARLOS_CMD_CTX_NEW, 0);
			nlraw_put_u8(&m, PARLOS_A_ROLE, PARLOS_ROLE_NETWORK);
			if (nlraw_send(&nl, &m)) {
				perror("ctxload: send");
				return 1;
			}
			sent++;
		}
		/* the reply carries the context tree, then the ack */
		err = nlraw_wait(&nl, first_seq + acked, ext, sizeof(ext));
		if (err) {
			if (!bad++)
				fprintf(stderr, "ctxload: context %lu refused: %s (%d)\n",
					acked, ext, err);
			if (err < 0 && err != -ENOSPC && err != -ENOMEM)
				return 1;
		}
		acked++;
	}
	t1 = now();
	avail1 = meminfo_kb("MemAvailable");
	slab_bytes(&objs, &objsize);
	printf("BENCH ctxload %lu contexts in %.1f s (%.0f/s through netlink, TCG), %lu refused\n",
	       n, t1 - t0, n / (t1 - t0), bad);
	printf("BENCH ctxload MemAvailable fell %ld KiB: %.0f bytes/context\n",
	       avail0 - avail1, (avail0 - avail1) * 1024.0 / (n ? n : 1));
	printf("BENCH ctxload slab parlos_ctx: %ld objects of %ld bytes\n",
	       objs, objsize);
	return bad ? 1 : 0;
}
