/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Raw generic netlink for the VM test tools, so that every byte sent is
 * the tool's to choose and requests can be pipelined.
 */
#ifndef PARLOS_NLRAW_H
#define PARLOS_NLRAW_H

#include <stddef.h>
#include <stdint.h>

#define NLRAW_BUF 16384

struct nlraw_msg {
	unsigned char buf[NLRAW_BUF] __attribute__((aligned(4)));
	size_t len;
};

struct nlraw {
	int fd;
	uint16_t family;
	uint32_t seq;
};

/* Opens the socket (extended acks on) and resolves the family: 0 or -1. */
int nlraw_open(struct nlraw *nl, const char *family);
void nlraw_msg_init(struct nlraw *nl, struct nlraw_msg *m, uint16_t type,
		    uint8_t cmd, uint16_t flags);
/* Appends an attribute whose header may lie about its length. */
void nlraw_put_raw(struct nlraw_msg *m, uint16_t type, uint16_t hdr_len,
		   const void *data, size_t len);
void nlraw_put(struct nlraw_msg *m, uint16_t type, const void *data,
	       size_t len);
void nlraw_put_u8(struct nlraw_msg *m, uint16_t type, uint8_t v);
void nlraw_put_u32(struct nlraw_msg *m, uint16_t type, uint32_t v);
/* Sends without waiting: 0 or -errno. */
int nlraw_send(struct nlraw *nl, struct nlraw_msg *m);
/*
 * Waits for the ack or error of sequence number seq: 0, -errno, or 1
 * for a malformed reply. extack (may be NULL) gets the kernel's message.
 */
int nlraw_wait(struct nlraw *nl, uint32_t seq, char *extack, size_t len);

#endif
