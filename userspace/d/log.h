/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parlosd logging: one line per event, to stderr or syslog, with a level.
 * Tests can divert lines to a hook to look at them.
 */
#ifndef PARLOSD_LOG_H
#define PARLOSD_LOG_H

#include <stdbool.h>

enum log_level {
	LOG_LVL_ERR,
	LOG_LVL_WARN,
	LOG_LVL_INFO,
	LOG_LVL_DEBUG,
};

typedef void (*log_hook_fn)(enum log_level lvl, const char *line, void *arg);

/* Level names: "error", "warn", "info", "debug"; -1 if unknown. */
int log_level_parse(const char *s);
const char *log_level_name(enum log_level lvl);

void log_setup(enum log_level max, bool use_syslog, const char *ident);
void log_set_hook(log_hook_fn fn, void *arg);
bool log_enabled(enum log_level lvl);
void log_msg(enum log_level lvl, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void log_close(void);

#define log_err(...)	log_msg(LOG_LVL_ERR, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_LVL_WARN, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_LVL_INFO, __VA_ARGS__)
#define log_debug(...)	log_msg(LOG_LVL_DEBUG, __VA_ARGS__)

#endif
