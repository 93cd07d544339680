/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gateway's MEs by source address and port: a chained hash table
 * that doubles when it holds more entries than buckets. Nodes are
 * embedded in their owner.
 */
#ifndef PARLOSD_PEERS_H
#define PARLOSD_PEERS_H

#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

struct peer_key {
	uint32_t addr;		/* network order, as in sockaddr_in */
	uint16_t port;		/* network order */
};

struct peer_node {
	struct peer_node *next;
	struct peer_key key;
};

struct peer_table {
	struct peer_node **b;
	size_t nb;		/* a power of two */
	size_t n;
};

static inline struct peer_key peer_key_of(const struct sockaddr_in *sa)
{
	struct peer_key k = { sa->sin_addr.s_addr, sa->sin_port };

	return k;
}

int peers_init(struct peer_table *t);
void peers_destroy(struct peer_table *t);
struct peer_node *peers_find(const struct peer_table *t, struct peer_key k);
/* Adds n (n->key set; not already present); -ENOMEM leaves t as it was */
int peers_add(struct peer_table *t, struct peer_node *n);
void peers_del(struct peer_table *t, struct peer_node *n);

/* Calls fn on every node; fn may delete the node it is given */
void peers_each(struct peer_table *t, void (*fn)(struct peer_node *n,
						 void *arg), void *arg);

#endif
