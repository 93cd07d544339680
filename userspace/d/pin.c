// SPDX-License-Identifier: GPL-2.0
/*
 * The pin file of mode pin: parsing is strict (a line that is not
 * understood is an error, not a missing pin), updates are atomic.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "config.h"
#include "cred.h"
#include "pin.h"

#define LINE_MAX_PIN	1024
#define SLURP_MAX	(1 << 20)

static const char *type_name(uint8_t alg)
{
	return alg == NAS_SIG_ED25519 ? "ed25519" :
	       alg == NAS_SIG_ECDSA_P256 ? "ecdsa-p256" : NULL;
}

static bool same_plmn(const struct nas_plmn *a, const struct nas_plmn *b)
{
	return a->mcc == b->mcc && a->mnc == b->mnc &&
	       a->mnc_digits == b->mnc_digits;
}

/* Base64 of a DER key: decoded, parsed, and of the type named */
static const char *parse_key(const char *type, const char *b64,
			     struct pin_hit *h)
{
	size_t n = strlen(b64), pad = 0;
	uint8_t buf[TR_SPKI_MAX + 3];
	const char *name;
	EVP_PKEY *k;
	int dl;

	if (!n || n % 4 || n / 4 * 3 > sizeof(buf))
		return "bad base64 key";
	dl = EVP_DecodeBlock(buf, (const unsigned char *)b64, (int)n);
	if (dl < 0)
		return "bad base64 key";
	pad = (b64[n - 1] == '=') + (b64[n - 2] == '=');
	h->spki_len = (size_t)dl - pad;
	if (h->spki_len > sizeof(h->spki))
		return "key too long";
	memcpy(h->spki, buf, h->spki_len);
	k = cred_key_from_spki(h->spki, h->spki_len);
	if (!k)
		return "not a DER SubjectPublicKeyInfo";
	name = type_name(cred_key_alg(k));
	EVP_PKEY_free(k);
	return name && !strcmp(type, name) ? NULL :
	       "key type does not match the key";
}

/* One line: blank, comment, or PLMN TYPE KEY. 1: a pin, 0: none */
static int parse_line(char *line, struct nas_plmn *plmn, struct pin_hit *h,
		      const char **why)
{
	char *f[4], *save = NULL, *hash = strchr(line, '#');
	int n = 0;

	if (hash)
		*hash = '\0';
	for (char *t = strtok_r(line, " \t\r\n", &save); t;
	     t = strtok_r(NULL, " \t\r\n", &save)) {
		if (n == 3) {
			*why = "expected PLMN TYPE KEY";
			return -EINVAL;
		}
		f[n++] = t;
	}
	if (!n)
		return 0;
	*why = "expected PLMN TYPE KEY";
	if (n != 3)
		return -EINVAL;
	*why = "bad PLMN";
	if (parse_plmn(f[0], plmn))
		return -EINVAL;
	*why = parse_key(f[1], f[2], h);
	return *why ? -EINVAL : 1;
}

int pin_lookup(const char *path, const struct nas_plmn *plmn,
	       struct pin_hit *hit, char *err, size_t errlen)
{
	char line[LINE_MAX_PIN];
	struct pin_hit h;
	struct nas_plmn p;
	unsigned int no = 0;
	const char *why = NULL;
	FILE *f = fopen(path, "r");
	int rc = -ENOENT, r;

	if (!f) {
		if (errno == ENOENT)
			return -ENOENT;
		snprintf(err, errlen, "%.200s: %s", path, strerror(errno));
		return -EIO;
	}
	while (fgets(line, sizeof(line), f)) {
		no++;
		if (!strchr(line, '\n') && !feof(f)) {
			why = "line too long";
			break;
		}
		r = parse_line(line, &p, &h, &why);
		if (r < 0)
			break;
		why = NULL;
		if (!r || !same_plmn(&p, plmn))
			continue;
		if (!rc) {
			why = "a second pin for this PLMN";
			break;
		}
		h.line = no;
		*hit = h;
		rc = 0;
	}
	if (!why && ferror(f))
		why = "read error";
	fclose(f);
	if (why) {
		snprintf(err, errlen, "%s:%u: %s", path, no, why);
		return -EINVAL;
	}
	return rc;
}

/*
 * The old file's text, NUL-terminated; "" when there is none; NULL when
 * it cannot be read whole (a file cut short is never written back).
 */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *s = calloc(1, SLURP_MAX);
	size_t n = 0;
	bool ok = true;

	if (s && f) {
		n = fread(s, 1, SLURP_MAX - 1, f);
		ok = !ferror(f) && feof(f);
	}
	if (f)
		fclose(f);
	if (!ok) {
		free(s);
		return NULL;
	}
	if (s)
		s[n] = '\0';
	return s;
}

int pin_add(const char *path, const struct nas_plmn *plmn,
	    const uint8_t *spki, size_t len, char *err, size_t errlen)
{
	char tmp[PATH_MAX + 16], ptxt[8], b64[TR_SPKI_MAX * 2];
	struct pin_hit h;
	EVP_PKEY *k = cred_key_from_spki(spki, len);
	const char *type = k ? type_name(cred_key_alg(k)) : NULL;
	char *old = NULL;
	FILE *f = NULL;
	int rc, fd;

	EVP_PKEY_free(k);
	if (!type || len > TR_SPKI_MAX) {
		snprintf(err, errlen, "not a key that can be pinned");
		return -EINVAL;
	}
	rc = pin_lookup(path, plmn, &h, err, errlen);
	if (rc != -ENOENT) {
		if (!rc)
			snprintf(err, errlen, "%s:%u: PLMN already pinned",
				 path, h.line);
		return rc ? rc : -EEXIST;
	}
	EVP_EncodeBlock((unsigned char *)b64, spki, (int)len);
	plmn_str(plmn, ptxt);
	old = slurp(path);
	snprintf(tmp, sizeof(tmp), "%s.%ld", path, (long)getpid());
	fd = old ? open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644) : -1;
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		snprintf(err, errlen, "%.200s: %s", old ? tmp : path,
			 old ? strerror(errno) : "cannot read it whole");
		if (fd >= 0)
			close(fd);
		free(old);
		return -EIO;
	}
	if (!old[0])
		fputs("# parlosd: gateway keys pinned on first contact, one "
		      "per PLMN.\n# Remove a line to accept a new key for "
		      "its PLMN.\n", f);
	fputs(old, f);
	if (old[0] && old[strlen(old) - 1] != '\n')
		fputc('\n', f);
	fprintf(f, "%s %s %s\n", ptxt, type, b64);
	rc = fflush(f) || fsync(fd) ? -EIO : 0;
	if (fclose(f))
		rc = -EIO;
	if (!rc && rename(tmp, path))
		rc = -errno;
	if (rc) {
		snprintf(err, errlen, "%.200s: %s", path, strerror(-rc));
		unlink(tmp);
	}
	free(old);
	return rc;
}
