/* SPDX-License-Identifier: GPL-2.0 */
/*
 * parlosd's command line: "parlosd [OPTION]... me|gateway [OPTION]...".
 * Every --KEY VALUE is the config key KEY; the command line wins over
 * the config file.
 */
#ifndef PARLOSD_CLI_H
#define PARLOSD_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config.h"

#define CLI_MAX_OPTS	64

struct cli_opt {
	const char *key;
	const char *val;
};

struct cli {
	enum d_role role;
	const char *config;
	bool help, version;
	size_t n;
	struct cli_opt opt[CLI_MAX_OPTS];
};

/* Returns 0 or -EINVAL with a one-line reason in err */
int cli_parse(int argc, char **argv, struct cli *cl, char *err,
	      size_t errlen);
/* Defaults of the role, then the config file, then the options */
int cli_config(const struct cli *cl, struct d_config *cfg, char *err,
	       size_t errlen);
void cli_usage(FILE *f);

#endif
