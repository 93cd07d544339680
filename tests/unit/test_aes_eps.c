// SPDX-License-Identifier: GPL-2.0
/*
 * Every EEA2 and EIA2 vector of tests/vectors through the userspace
 * references (eps_aes_ref.c), at their exact bit lengths.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "eps_aes_ref.h"
#include "vectors.h"

static void eea2_case(const struct vec_record *r)
{
	uint32_t count, bearer, dir, bits;
	uint8_t *key, *pt, *ct, *out;
	size_t klen, plen, clen;

	CHECK(!vec_u32(r, "COUNT", 16, &count) && !vec_u32(r, "BEARER", 10, &bearer) &&
	      !vec_u32(r, "DIRECTION", 10, &dir) && !vec_u32(r, "LENGTH", 10, &bits) &&
	      !vec_hex(r, "KEY", &key, &klen) && !vec_hex(r, "PLAINTEXT", &pt, &plen) &&
	      !vec_hex(r, "CIPHERTEXT", &ct, &clen), "fields of %s", vec_name(r));
	if (check_case_failed)
		return;
	out = calloc(1, plen + 1);
	CHECK(!ref_eea2(key, count, bearer, dir, pt, out, bits), "ref_eea2");
	if (bits % 8)
		ct[plen - 1] &= 0xff << (8 - bits % 8);
	CHECK(!memcmp(out, ct, plen), "ciphertext differs");
	free(key);
	free(pt);
	free(ct);
	free(out);
}

static void eia2_case(const struct vec_record *r)
{
	uint32_t count, bearer, dir, bits, mac = 0, want;
	uint8_t *key, *msg, *wmac;
	size_t klen, mlen, wlen;

	CHECK(!vec_u32(r, "COUNT", 16, &count) && !vec_u32(r, "BEARER", 10, &bearer) &&
	      !vec_u32(r, "DIRECTION", 10, &dir) && !vec_u32(r, "LENGTH", 10, &bits) &&
	      !vec_hex(r, "KEY", &key, &klen) && !vec_hex(r, "MESSAGE", &msg, &mlen) &&
	      !vec_hex(r, "MAC", &wmac, &wlen) && wlen == 4, "fields of %s", vec_name(r));
	if (check_case_failed)
		return;
	want = (uint32_t)wmac[0] << 24 | wmac[1] << 16 | wmac[2] << 8 | wmac[3];
	CHECK(!ref_eia2(key, count, bearer, dir, msg, bits, &mac), "ref_eia2");
	CHECK(mac == want, "MAC %08x, want %08x", mac, want);
	/* bits after LENGTH must not matter */
	if (bits % 8) {
		msg[mlen - 1] ^= 0xff >> (bits % 8);
		CHECK(!ref_eia2(key, count, bearer, dir, msg, bits, &mac) && mac == want,
		      "MAC depends on bits after LENGTH");
	}
	free(key);
	free(msg);
	free(wmac);
}

int main(void)
{
	const struct vec_record *r;
	struct vec_file a, b;
	char name[160];

	if (vec_load_named(&a, "eea2.txt") || vec_load_named(&b, "eia2.txt")) {
		printf("FAIL: vectors: %s%s\n", a.err, b.err);
		return 1;
	}
	for (r = vec_next(&a, "EEA2", NULL); r; r = vec_next(&a, "EEA2", r)) {
		snprintf(name, sizeof(name), "eea2 %s", vec_name(r));
		RUN_CASE(name, eea2_case(r));
	}
	for (r = vec_next(&b, "EIA2", NULL); r; r = vec_next(&b, "EIA2", r)) {
		snprintf(name, sizeof(name), "eia2 %s", vec_name(r));
		RUN_CASE(name, eia2_case(r));
	}
	vec_free(&a);
	vec_free(&b);
	return check_summary();
}
