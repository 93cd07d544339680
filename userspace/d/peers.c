// SPDX-License-Identifier: GPL-2.0
/*
 * Hash table of MEs keyed by (address, port).
 */
#include <errno.h>
#include <stdlib.h>

#include "peers.h"

#define PEERS_MIN	64

static size_t bucket(const struct peer_table *t, struct peer_key k)
{
	uint64_t h = ((uint64_t)k.addr << 16 | k.port) * 0x9e3779b97f4a7c15ull;

	return (size_t)(h >> 32) & (t->nb - 1);
}

int peers_init(struct peer_table *t)
{
	t->b = calloc(PEERS_MIN, sizeof(*t->b));
	t->nb = PEERS_MIN;
	t->n = 0;
	return t->b ? 0 : -ENOMEM;
}

void peers_destroy(struct peer_table *t)
{
	free(t->b);
	t->b = NULL;
	t->nb = t->n = 0;
}

static int key_eq(struct peer_key a, struct peer_key b)
{
	return a.addr == b.addr && a.port == b.port;
}

struct peer_node *peers_find(const struct peer_table *t, struct peer_key k)
{
	struct peer_node *n;

	for (n = t->b[bucket(t, k)]; n; n = n->next)
		if (key_eq(n->key, k))
			return n;
	return NULL;
}

static int grow(struct peer_table *t)
{
	struct peer_table nt = { calloc(t->nb * 2, sizeof(*t->b)), t->nb * 2,
				 t->n };
	size_t i;

	if (!nt.b)
		return -ENOMEM;
	for (i = 0; i < t->nb; i++) {
		struct peer_node *n = t->b[i], *next;

		for (; n; n = next) {
			size_t j = bucket(&nt, n->key);

			next = n->next;
			n->next = nt.b[j];
			nt.b[j] = n;
		}
	}
	free(t->b);
	*t = nt;
	return 0;
}

int peers_add(struct peer_table *t, struct peer_node *n)
{
	size_t i;

	/* A failed growth only makes chains longer */
	if (t->n >= t->nb)
		grow(t);
	i = bucket(t, n->key);
	n->next = t->b[i];
	t->b[i] = n;
	t->n++;
	return 0;
}

void peers_del(struct peer_table *t, struct peer_node *n)
{
	struct peer_node **pp = &t->b[bucket(t, n->key)];

	for (; *pp; pp = &(*pp)->next) {
		if (*pp == n) {
			*pp = n->next;
			n->next = NULL;
			t->n--;
			return;
		}
	}
}

void peers_each(struct peer_table *t, void (*fn)(struct peer_node *n,
						 void *arg), void *arg)
{
	size_t i;

	for (i = 0; i < t->nb; i++) {
		struct peer_node *n = t->b[i], *next;

		for (; n; n = next) {
			next = n->next;
			fn(n, arg);
		}
	}
}
