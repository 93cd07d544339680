/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "parlos" generic netlink family (uapi/parlos.h documents it).
 */
#ifndef PARLOS_NETLINK_H
#define PARLOS_NETLINK_H

#include <linux/types.h>

struct genl_info;
struct parlos_ctx;

/* Multicasts an event about ctx; layer, rb and count where they apply. */
void parlos_nl_event(struct parlos_ctx *ctx, u8 cmd, u8 layer, u8 rb,
		     u32 count, gfp_t gfp);

/*
 * Helpers of the command handlers (netlink.c, drb.c): a required
 * attribute, refused with msg (a string literal) when missing; the
 * context PARLOS_A_CTX_ID names, referenced, or NULL with extack set.
 */
bool parlos_nl_need(struct genl_info *info, int attr, const char *msg);
struct parlos_ctx *parlos_nl_ctx(struct genl_info *info);

int parlos_genl_init(void);
void parlos_genl_exit(void);

extern bool parlos_allow_eia0;
extern bool parlos_allow_eea0;

#endif /* PARLOS_NETLINK_H */
