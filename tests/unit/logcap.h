/* SPDX-License-Identifier: GPL-2.0 */
/* The engine tests keep parlosd's log lines in a buffer to grep them. */
#ifndef LOGCAP_H
#define LOGCAP_H

#include <string.h>

/* Appends line and a newline to log (cap bytes, *len in use) if they fit */
static inline void log_append(char *log, size_t cap, size_t *len,
			      const char *line)
{
	size_t n = strlen(line);

	if (*len + n + 2 < cap) {
		memcpy(log + *len, line, n);
		*len += n;
		log[(*len)++] = '\n';
		log[*len] = '\0';
	}
}

#endif
