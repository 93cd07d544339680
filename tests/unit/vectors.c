// SPDX-License-Identifier: GPL-2.0
/*
 * Test vector file reader; see vectors.h for the format and the API.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vectors.h"

const char *vec_dir(void)
{
	const char *d = getenv("PARLOS_VECTORS_DIR");

	return d && *d ? d : "tests/vectors";
}

static int vec_fail(struct vec_file *vf, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(vf->err, sizeof(vf->err), "%s: ",
		     vf->path ? vf->path : "?");
	if (n < 0 || (size_t)n >= sizeof(vf->err))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(vf->err + n, sizeof(vf->err) - n, fmt, ap);
	va_end(ap);
	return -1;
}

static char *vec_read_all(FILE *f)
{
	size_t cap = 4096, len = 0, n;
	char *buf = malloc(cap), *nb;

	while (buf) {
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
		if (len + 1 < cap) {
			if (ferror(f))
				break;
			buf[len] = '\0';
			return buf;
		}
		cap *= 2;
		nb = realloc(buf, cap);
		if (!nb)
			break;
		buf = nb;
	}
	free(buf);
	return NULL;
}

static char *vec_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int vec_key_ok(const char *k)
{
	if (!*k)
		return 0;
	for (; *k; k++)
		if (!isalnum((unsigned char)*k) && *k != '_')
			return 0;
	return 1;
}

/* Starts a new record for the next field, in @section. */
static struct vec_record *vec_new_record(struct vec_file *vf,
					 const char *section,
					 unsigned int line)
{
	struct vec_record *recs, *r;

	recs = realloc(vf->records, (vf->nrecords + 1) * sizeof(*recs));
	if (!recs)
		return NULL;
	vf->records = recs;
	r = &recs[vf->nrecords];
	memset(r, 0, sizeof(*r));
	r->section = strdup(section);
	if (!r->section)
		return NULL;
	r->line = line;
	vf->nrecords++;
	return r;
}

static int vec_add_field(struct vec_record *r, const char *key,
			 const char *value)
{
	struct vec_field *f;

	f = realloc(r->fields, (r->nfields + 1) * sizeof(*f));
	if (!f)
		return -1;
	r->fields = f;
	f = &f[r->nfields];
	f->key = strdup(key);
	f->value = strdup(value);
	if (!f->key || !f->value) {
		free(f->key);
		free(f->value);
		return -1;
	}
	r->nfields++;
	return 0;
}

static int vec_parse(struct vec_file *vf, char *text)
{
	char section[128] = "";
	struct vec_record *cur = NULL;
	unsigned int lineno = 0;
	char *line, *next, *eq, *key, *val;

	for (line = text; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		line = vec_trim(line);
		if (*line == '#')
			continue;
		if (!*line) {
			cur = NULL;
			continue;
		}
		if (*line == '[') {
			size_t n = strlen(line);

			if (n < 3 || line[n - 1] != ']' || n - 2 >= sizeof(section))
				return vec_fail(vf, "line %u: bad section line",
						lineno);
			memcpy(section, line + 1, n - 2);
			section[n - 2] = '\0';
			cur = NULL;
			continue;
		}
		eq = strchr(line, '=');
		if (!eq)
			return vec_fail(vf, "line %u: not KEY = VALUE", lineno);
		*eq = '\0';
		key = vec_trim(line);
		val = vec_trim(eq + 1);
		if (!vec_key_ok(key))
			return vec_fail(vf, "line %u: bad key", lineno);
		if (!cur) {
			cur = vec_new_record(vf, section, lineno);
			if (!cur)
				return vec_fail(vf, "out of memory");
		}
		if (vec_get(cur, key))
			return vec_fail(vf, "line %u: %s given twice", lineno,
					key);
		if (vec_add_field(cur, key, val))
			return vec_fail(vf, "out of memory");
	}
	return 0;
}

int vec_load(struct vec_file *vf, const char *path)
{
	FILE *f;
	char *text;
	int ret;

	memset(vf, 0, sizeof(*vf));
	vf->path = strdup(path);
	f = fopen(path, "r");
	if (!f)
		return vec_fail(vf, "%s", strerror(errno));
	text = vec_read_all(f);
	fclose(f);
	if (!text)
		return vec_fail(vf, "read error");
	ret = vec_parse(vf, text);
	free(text);
	return ret;
}

int vec_load_named(struct vec_file *vf, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", vec_dir(), name);
	return vec_load(vf, path);
}

void vec_free(struct vec_file *vf)
{
	size_t i, j;

	for (i = 0; i < vf->nrecords; i++) {
		struct vec_record *r = &vf->records[i];

		for (j = 0; j < r->nfields; j++) {
			free(r->fields[j].key);
			free(r->fields[j].value);
		}
		free(r->fields);
		free((char *)r->section);
	}
	free(vf->records);
	free(vf->path);
	memset(vf, 0, sizeof(*vf));
}

const struct vec_record *vec_next(const struct vec_file *vf,
				  const char *section,
				  const struct vec_record *prev)
{
	size_t i = prev ? (size_t)(prev - vf->records) + 1 : 0;

	for (; i < vf->nrecords; i++)
		if (!strcmp(vf->records[i].section, section))
			return &vf->records[i];
	return NULL;
}

size_t vec_count(const struct vec_file *vf, const char *section)
{
	const struct vec_record *r;
	size_t n = 0;

	for (r = vec_next(vf, section, NULL); r; r = vec_next(vf, section, r))
		n++;
	return n;
}

const char *vec_get(const struct vec_record *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (!strcmp(r->fields[i].key, key))
			return r->fields[i].value;
	return NULL;
}

const char *vec_name(const struct vec_record *r)
{
	static char buf[4][32];
	static unsigned int next;
	const char *n = vec_get(r, "NAME");
	char *b;

	if (n && *n)
		return n;
	b = buf[next++ % 4];
	snprintf(b, sizeof(buf[0]), "line %u", r->line);
	return b;
}

static int vec_nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int vec_hex_into(const struct vec_record *r, const char *key, uint8_t *buf,
		 size_t cap, size_t *len)
{
	const char *v = vec_get(r, key);
	size_t n, i;
	int hi, lo;

	if (!v)
		return -1;
	n = strlen(v);
	if (n % 2 || n / 2 > cap)
		return -1;
	for (i = 0; i < n / 2; i++) {
		hi = vec_nibble(v[2 * i]);
		lo = vec_nibble(v[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		buf[i] = (uint8_t)(hi << 4 | lo);
	}
	if (len)
		*len = n / 2;
	return 0;
}

int vec_hex(const struct vec_record *r, const char *key, uint8_t **buf,
	    size_t *len)
{
	const char *v = vec_get(r, key);
	size_t cap;

	*buf = NULL;
	if (!v)
		return -1;
	cap = strlen(v) / 2;
	*buf = malloc(cap ? cap : 1);
	if (!*buf)
		return -1;
	if (vec_hex_into(r, key, *buf, cap, len)) {
		free(*buf);
		*buf = NULL;
		return -1;
	}
	return 0;
}

int vec_u32(const struct vec_record *r, const char *key, int base,
	    uint32_t *out)
{
	const char *v = vec_get(r, key);
	unsigned long long x;
	char *end;

	if (!v || !*v || !isxdigit((unsigned char)*v))
		return -1;
	errno = 0;
	x = strtoull(v, &end, base);
	if (errno || *end || x > 0xffffffffULL)
		return -1;
	*out = (uint32_t)x;
	return 0;
}
