/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reader for the test vector files (tests/vectors/README.md): "[SECTION]"
 * lines, records of "KEY = VALUE" lines separated by blank lines, "#"
 * comments. Unknown keys are kept and simply never asked for.
 *
 *	struct vec_file vf;
 *	const struct vec_record *r;
 *
 *	if (vec_load_named(&vf, "eea1.txt"))
 *		... vf.err says why ...
 *	for (r = vec_next(&vf, "EEA1", NULL); r;
 *	     r = vec_next(&vf, "EEA1", r)) {
 *		uint32_t len;
 *		uint8_t *key;
 *		size_t klen;
 *
 *		if (vec_u32(r, "LENGTH", 10, &len) ||
 *		    vec_hex(r, "KEY", &key, &klen))
 *			... missing or malformed field ...
 *		free(key);
 *	}
 *	vec_free(&vf);
 */
#ifndef PARLOS_TEST_VECTORS_H
#define PARLOS_TEST_VECTORS_H

#include <stddef.h>
#include <stdint.h>

struct vec_field {
	char *key;
	char *value;		/* "" for "KEY = " */
};

struct vec_record {
	const char *section;	/* without brackets; "" before any */
	unsigned int line;	/* line of its first field */
	size_t nfields;
	struct vec_field *fields;
};

struct vec_file {
	char *path;
	size_t nrecords;
	struct vec_record *records;
	char err[256];		/* set when vec_load() fails */
};

/* Directory of the vector files: $PARLOS_VECTORS_DIR or tests/vectors. */
const char *vec_dir(void);

/*
 * Parses a whole file. Returns 0, or -1 with vf->err set (unreadable
 * file, a line that is neither comment, section nor KEY = VALUE, or a
 * key twice in one record). vec_free() is safe after either.
 */
int vec_load(struct vec_file *vf, const char *path);
/* vec_load() of vec_dir()/name. */
int vec_load_named(struct vec_file *vf, const char *name);
void vec_free(struct vec_file *vf);

/*
 * Records of @section in file order; prev NULL gives the first:
 *	for (r = vec_next(vf, "EEA1", NULL); r; r = vec_next(vf, "EEA1", r))
 */
const struct vec_record *vec_next(const struct vec_file *vf,
				  const char *section,
				  const struct vec_record *prev);
size_t vec_count(const struct vec_file *vf, const char *section);

/* The value of @key, or NULL when the record has no such line. */
const char *vec_get(const struct vec_record *r, const char *key);
/* NAME, or "line N" for records without one. */
const char *vec_name(const struct vec_record *r);

/*
 * Hex field decoded into a malloc()ed buffer (never NULL on success,
 * even for an empty value; free() it). -1 if absent or not hex.
 */
int vec_hex(const struct vec_record *r, const char *key, uint8_t **buf,
	    size_t *len);
/* Hex field into @buf of @cap bytes; -1 if absent, not hex or too long. */
int vec_hex_into(const struct vec_record *r, const char *key, uint8_t *buf,
		 size_t cap, size_t *len);
/* Number in @base (10 or 16, no prefix); -1 if absent, bad or > 2^32-1. */
int vec_u32(const struct vec_record *r, const char *key, int base,
	    uint32_t *out);

#endif
