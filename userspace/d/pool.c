// SPDX-License-Identifier: GPL-2.0
/*
 * Bitmap allocators for UE ids and IPv4 addresses. The hint moves on
 * after each allocation so a released number is not handed out again
 * at once: a late packet for an old ME does not reach a new one.
 */
#include <errno.h>
#include <stdlib.h>

#include "pool.h"

int ida_init(struct ida *a, uint32_t n)
{
	a->bits = calloc((n + 63) / 64, sizeof(uint64_t));
	a->n = n;
	a->used = 0;
	a->hint = 0;
	return a->bits ? 0 : -ENOMEM;
}

void ida_free_all(struct ida *a)
{
	free(a->bits);
	a->bits = NULL;
	a->n = a->used = 0;
}

bool ida_used(const struct ida *a, uint32_t v)
{
	return v < a->n && (a->bits[v / 64] >> (v % 64) & 1);
}

int ida_take(struct ida *a, uint32_t v)
{
	if (v >= a->n)
		return -EINVAL;
	if (ida_used(a, v))
		return -EBUSY;
	a->bits[v / 64] |= 1ull << (v % 64);
	a->used++;
	return 0;
}

/* The first free number at or after from, wrapping; n if none */
static uint32_t find_free(const struct ida *a, uint32_t from)
{
	uint32_t words = (a->n + 63) / 64, i, w = from / 64;

	for (i = 0; i <= words; i++, w = (w + 1) % words) {
		uint64_t free_bits = ~a->bits[w];
		uint32_t b;

		if (i == 0)	/* ignore the bits below from in its word */
			free_bits &= ~0ull << (from % 64);
		if (!free_bits)
			continue;
		b = w * 64 + (uint32_t)__builtin_ctzll(free_bits);
		if (b < a->n)
			return b;
	}
	return a->n;
}

int ida_alloc(struct ida *a, uint32_t *v)
{
	uint32_t b;

	if (a->used >= a->n)
		return -ENOSPC;
	b = find_free(a, a->hint < a->n ? a->hint : 0);
	if (b >= a->n)
		b = find_free(a, 0);
	if (b >= a->n)
		return -ENOSPC;
	ida_take(a, b);
	a->hint = b + 1 < a->n ? b + 1 : 0;
	*v = b;
	return 0;
}

void ida_release(struct ida *a, uint32_t v)
{
	if (!ida_used(a, v))
		return;
	a->bits[v / 64] &= ~(1ull << (v % 64));
	a->used--;
}

int pool_init(struct ip_pool *p, uint32_t net, uint8_t prefix)
{
	uint32_t hosts = (uint32_t)(1ull << (32 - prefix));

	if (prefix < 8 || prefix > 30)
		return -EINVAL;
	/* network, gateway (+1) and broadcast are not handed out */
	p->first = net + 2;
	return ida_init(&p->ida, hosts - 3);
}

void pool_destroy(struct ip_pool *p)
{
	ida_free_all(&p->ida);
}

int pool_alloc(struct ip_pool *p, uint32_t *addr)
{
	uint32_t v;
	int err = ida_alloc(&p->ida, &v);

	if (!err)
		*addr = p->first + v;
	return err;
}

void pool_release(struct ip_pool *p, uint32_t addr)
{
	if (addr >= p->first)
		ida_release(&p->ida, addr - p->first);
}

uint32_t pool_size(const struct ip_pool *p)
{
	return p->ida.n;
}

int ueid_init(struct ueid_alloc *u)
{
	int err = ida_init(&u->ida, 65536);

	if (!err)
		ida_take(&u->ida, 0);
	return err;
}

void ueid_destroy(struct ueid_alloc *u)
{
	ida_free_all(&u->ida);
}

int ueid_alloc(struct ueid_alloc *u, uint16_t *id)
{
	uint32_t v;
	int err = ida_alloc(&u->ida, &v);

	if (!err)
		*id = (uint16_t)v;
	return err;
}

void ueid_release(struct ueid_alloc *u, uint16_t id)
{
	if (id)
		ida_release(&u->ida, id);
}
