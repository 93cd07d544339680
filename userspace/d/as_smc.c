// SPDX-License-Identifier: GPL-2.0
/*
 * RRC SecurityModeCommand / Complete / Failure.
 */
#include <errno.h>

#include "as_smc.h"
#include "log.h"

static int encode(const struct rrc_msg *m, uint8_t *out, size_t cap,
		  size_t *len)
{
	const char *why = NULL;
	int rc = rrc_encode(m, out, cap, len, &why);

	if (rc)
		log_err("cannot encode RRC %s: %s", rrc_msg_name(m->type),
			why ? why : "?");
	return rc;
}

int as_smc_command(uint8_t eea, uint8_t eia, uint8_t tid, uint8_t *out,
		   size_t cap, size_t *len)
{
	struct rrc_msg m = { RRC_SECURITY_MODE_COMMAND, tid, eea, eia };

	return encode(&m, out, cap, len);
}

int as_smc_complete(uint8_t tid, uint8_t *out, size_t cap, size_t *len)
{
	struct rrc_msg m = { RRC_SECURITY_MODE_COMPLETE, tid, 0, 0 };

	return encode(&m, out, cap, len);
}

int as_smc_failure(uint8_t tid, uint8_t *out, size_t cap, size_t *len)
{
	struct rrc_msg m = { RRC_SECURITY_MODE_FAILURE, tid, 0, 0 };

	return encode(&m, out, cap, len);
}

int as_smc_check_command(const struct rrc_msg *m, uint8_t eea, uint8_t eia,
			 const char **why)
{
	if (m->type != RRC_SECURITY_MODE_COMMAND) {
		*why = "not a SecurityModeCommand";
		return -EBADMSG;
	}
	if (m->eia == 0) {
		*why = "eia0 selected";
		return -EPERM;
	}
	if (m->eea != eea || m->eia != eia) {
		*why = "AS algorithms differ from the NAS security mode command";
		return -EPERM;
	}
	return 0;
}
