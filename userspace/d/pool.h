/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocators of the gateway: a bitmap of n numbers that hands out the
 * lowest free one at or after a moving hint, used for UE ids (1..65535)
 * and the IPv4 pool (network + 2 .. broadcast - 1; network + 1 is left
 * for the gateway's own address on the user-plane device).
 */
#ifndef PARLOSD_POOL_H
#define PARLOSD_POOL_H

#include <stdbool.h>
#include <stdint.h>

struct ida {
	uint64_t *bits;
	uint32_t n;		/* numbers 0 .. n-1 */
	uint32_t used;
	uint32_t hint;
};

int ida_init(struct ida *a, uint32_t n);
void ida_free_all(struct ida *a);
/* -ENOSPC when all are taken */
int ida_alloc(struct ida *a, uint32_t *v);
/* Takes a given number (restart recovery); -EBUSY if taken */
int ida_take(struct ida *a, uint32_t v);
void ida_release(struct ida *a, uint32_t v);
bool ida_used(const struct ida *a, uint32_t v);

struct ip_pool {
	uint32_t first;		/* host order */
	struct ida ida;
};

int pool_init(struct ip_pool *p, uint32_t net, uint8_t prefix);
void pool_destroy(struct ip_pool *p);
int pool_alloc(struct ip_pool *p, uint32_t *addr);
void pool_release(struct ip_pool *p, uint32_t addr);
uint32_t pool_size(const struct ip_pool *p);

/* UE ids 1..65535: 0 stays unused */
struct ueid_alloc {
	struct ida ida;
};

int ueid_init(struct ueid_alloc *u);
void ueid_destroy(struct ueid_alloc *u);
int ueid_alloc(struct ueid_alloc *u, uint16_t *id);
void ueid_release(struct ueid_alloc *u, uint16_t id);

#endif
