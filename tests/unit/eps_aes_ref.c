// SPDX-License-Identifier: GPL-2.0
/*
 * EEA2 is AES-CTR from T1 = COUNT | BEARER | DIRECTION | 0; EIA2 is
 * AES-CMAC (SP 800-38B, bit-level padding) over the 64-bit prefix and
 * the message, truncated to 32 bits.
 */
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "eps_aes_ref.h"

static void prefix(uint8_t p[16], uint32_t count, uint8_t bearer, uint8_t dir)
{
	memset(p, 0, 16);
	p[0] = count >> 24;
	p[1] = count >> 16;
	p[2] = count >> 8;
	p[3] = count;
	p[4] = (bearer & 0x1f) << 3 | (dir & 1) << 2;
}

int ref_eea2(const uint8_t key[16], uint32_t count, uint8_t bearer,
	     uint8_t dir, const uint8_t *in, uint8_t *out, uint32_t nbits)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int len = (int)((nbits + 7) / 8), n = 0, ok;
	uint8_t iv[16];

	prefix(iv, count, bearer, dir);
	ok = c && EVP_EncryptInit_ex(c, EVP_aes_128_ctr(), NULL, key, iv) &&
	     EVP_EncryptUpdate(c, out, &n, in, len);
	EVP_CIPHER_CTX_free(c);
	if (!ok || n != len)
		return -1;
	if (nbits % 8)
		out[len - 1] &= 0xff << (8 - nbits % 8);
	return 0;
}

static int aes_ecb(const uint8_t key[16], uint8_t block[16])
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int n = 0, ok;

	ok = c && EVP_EncryptInit_ex(c, EVP_aes_128_ecb(), NULL, key, NULL) &&
	     EVP_CIPHER_CTX_set_padding(c, 0) &&
	     EVP_EncryptUpdate(c, block, &n, block, 16);
	EVP_CIPHER_CTX_free(c);
	return ok && n == 16 ? 0 : -1;
}

static void dbl(uint8_t b[16])
{
	uint8_t carry = b[0] >> 7;
	int i;

	for (i = 0; i < 15; i++)
		b[i] = (uint8_t)(b[i] << 1 | b[i + 1] >> 7);
	b[15] = (uint8_t)(b[15] << 1 ^ (carry ? 0x87 : 0));
}

int ref_eia2(const uint8_t key[16], uint32_t count, uint8_t bearer,
	     uint8_t dir, const uint8_t *msg, uint32_t nbits, uint32_t *mac)
{
	uint64_t total = 64 + (uint64_t)nbits, nblocks = (total + 127) / 128;
	size_t bytes = (size_t)nblocks * 16, i;
	uint8_t k[16] = { 0 }, t[16] = { 0 }, *m;
	uint64_t b;

	m = calloc(1, bytes);
	if (!m || aes_ecb(key, k)) {
		free(m);
		return -1;
	}
	prefix(t, count, bearer, dir);
	memcpy(m, t, 8);
	memset(t, 0, sizeof(t));
	if (nbits)
		memcpy(m + 8, msg, (nbits + 7) / 8);
	if (total % 128) {
		/* the bits after nbits are not the message's: clear, then pad */
		if (total % 8)
			m[total / 8] &= 0xff << (8 - total % 8);
		for (i = total / 8 + 1; i < bytes; i++)
			m[i] = 0;
		m[total / 8] |= 0x80 >> (total % 8);
	}
	dbl(k);
	if (total % 128)
		dbl(k);
	for (b = 0; b < nblocks; b++) {
		for (i = 0; i < 16; i++)
			t[i] ^= m[b * 16 + i] ^ (b == nblocks - 1 ? k[i] : 0);
		if (aes_ecb(key, t)) {
			free(m);
			return -1;
		}
	}
	free(m);
	*mac = (uint32_t)t[0] << 24 | t[1] << 16 | t[2] << 8 | t[3];
	return 0;
}
