/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place for differences between kernel versions. parlos targets
 * 6.1; anything a newer kernel renamed or removed is mapped here.
 */
#ifndef PARLOS_COMPAT_H
#define PARLOS_COMPAT_H

#include <linux/version.h>

/* 6.12 moved the unaligned helpers out of asm/. */
#if __has_include(<linux/unaligned.h>)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * 6.3 changed crypto completion callbacks to take the request's data
 * pointer instead of the request.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define PARLOS_CRYPTO_CB(name) void name(void *parlos_cb_arg, int err)
#define PARLOS_CRYPTO_CB_DATA() (parlos_cb_arg)
#else
#define PARLOS_CRYPTO_CB(name) \
	void name(struct crypto_async_request *parlos_cb_arg, int err)
#define PARLOS_CRYPTO_CB_DATA() (parlos_cb_arg->data)
#endif

#endif /* PARLOS_COMPAT_H */
