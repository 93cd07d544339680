// SPDX-License-Identifier: GPL-2.0
/*
 * Logging to stderr ("parlosd[pid]: level: text") or syslog.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <unistd.h>

#include "log.h"

static const char *const names[] = { "error", "warn", "info", "debug" };
static const int prio[] = { LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG };

static struct {
	enum log_level max;
	bool syslog;
	const char *ident;
	log_hook_fn hook;
	void *hook_arg;
} lg = { LOG_LVL_INFO, false, "parlosd", NULL, NULL };

int log_level_parse(const char *s)
{
	int i;

	for (i = 0; i <= LOG_LVL_DEBUG; i++)
		if (!strcasecmp(s, names[i]))
			return i;
	if (!strcasecmp(s, "warning") || !strcasecmp(s, "err"))
		return s[0] == 'w' || s[0] == 'W' ? LOG_LVL_WARN : LOG_LVL_ERR;
	return -1;
}

const char *log_level_name(enum log_level lvl)
{
	return lvl <= LOG_LVL_DEBUG ? names[lvl] : "?";
}

void log_setup(enum log_level max, bool use_syslog, const char *ident)
{
	lg.max = max;
	lg.ident = ident;
	if (lg.syslog && !use_syslog)
		closelog();
	lg.syslog = use_syslog;
	if (use_syslog)
		openlog(ident, LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

void log_set_hook(log_hook_fn fn, void *arg)
{
	lg.hook = fn;
	lg.hook_arg = arg;
}

bool log_enabled(enum log_level lvl)
{
	return lvl <= lg.max;
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	if (!log_enabled(lvl))
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (lg.hook) {
		lg.hook(lvl, line, lg.hook_arg);
		return;
	}
	if (lg.syslog) {
		syslog(prio[lvl], "%s", line);
		return;
	}
	fprintf(stderr, "%s[%d]: %s: %s\n", lg.ident, (int)getpid(),
		names[lvl], line);
}

void log_close(void)
{
	if (lg.syslog)
		closelog();
	lg.syslog = false;
}
