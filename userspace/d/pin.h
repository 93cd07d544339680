/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Trust on first use: the gateway keys an ME has seen, one per PLMN, in
 * a text file as SSH's known_hosts keeps host keys:
 *
 *   # comment
 *   001-01 ed25519 MCowBQYDK2VwAyEA...      (base64 SubjectPublicKeyInfo)
 *
 * A key type is "ecdsa-p256" or "ed25519". The ME adds a line at first
 * contact; a different key for a PLMN is refused until the user removes
 * that line.
 */
#ifndef PARLOSD_PIN_H
#define PARLOSD_PIN_H

#include <stddef.h>
#include <stdint.h>

#include "nas.h"
#include "transcript.h"

struct pin_hit {
	unsigned int line;
	uint8_t spki[TR_SPKI_MAX];
	size_t spki_len;
};

/*
 * 0 and hit filled when plmn has a pin; -ENOENT when it has none (a
 * missing file has none); -EINVAL for a malformed file, -EIO, with
 * "FILE:LINE: why" in err. A file that is not understood is never
 * taken as "no pin".
 */
int pin_lookup(const char *path, const struct nas_plmn *plmn,
	       struct pin_hit *hit, char *err, size_t errlen);
/* Adds plmn's pin (temporary file, then rename); -EEXIST if it has one */
int pin_add(const char *path, const struct nas_plmn *plmn,
	    const uint8_t *spki, size_t len, char *err, size_t errlen);

#endif
