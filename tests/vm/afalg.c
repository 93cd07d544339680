// SPDX-License-Identifier: GPL-2.0
/*
 * afalg: the module's six algorithms driven from userspace through
 * AF_ALG, as any consumer would: every vector (ciphers at their bit
 * lengths, compared on LENGTH bits; MACs where the length is whole
 * bytes), random cases against independent implementations (Intel
 * ipsec-mb for SNOW 3G and ZUC, OpenSSL for AES), and misuse refused.
 *
 *   afalg VECTOR_DIR [SEED]
 *
 * Prints "PASS: name" / "FAIL: name: why"; exits non-zero on failure.
 */
#include <errno.h>
#include <intel-ipsec-mb.h>
#include <linux/if_alg.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "eps_aes_ref.h"
#include "vectors.h"

#ifndef SOL_ALG
#define SOL_ALG 279
#endif

#define MAX_RANDOM	4096

static int failed;
static IMB_MGR *mgr;

static void result(bool ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("PASS: %s\n", name);
		return;
	}
	failed = 1;
	printf("FAIL: %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void eps_iv(uint8_t iv[16], uint32_t count, uint8_t bearer, uint8_t dir)
{
	memset(iv, 0, 16);
	iv[0] = count >> 24;
	iv[1] = count >> 16;
	iv[2] = count >> 8;
	iv[3] = count;
	iv[4] = (bearer & 0x1f) << 3 | (dir & 1) << 2;
}

/* A transform socket with its key set: -errno of the failing step. */
static int alg_open(const char *type, const char *name, const uint8_t *key,
		    int keylen)
{
	struct sockaddr_alg sa = { .salg_family = AF_ALG };
	int fd, err;

	snprintf((char *)sa.salg_type, sizeof(sa.salg_type), "%s", type);
	snprintf((char *)sa.salg_name, sizeof(sa.salg_name), "%s", name);
	fd = socket(AF_ALG, SOCK_SEQPACKET, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    setsockopt(fd, SOL_ALG, ALG_SET_KEY, key, keylen)) {
		err = -errno;
		close(fd);
		return err;
	}
	return fd;
}

/* Encrypts len bytes with an IV of ivlen bytes: 0 or -errno. */
static int cipher(const char *name, const uint8_t *key, int keylen,
		  const uint8_t *iv, size_t ivlen, const uint8_t *in,
		  uint8_t *out, size_t len)
{
	char cbuf[CMSG_SPACE(4) + CMSG_SPACE(sizeof(struct af_alg_iv) + 32)];
	struct msghdr msg = { 0 };
	struct cmsghdr *c;
	struct af_alg_iv *aiv;
	struct iovec io = { (void *)in, len };
	int tfm, op, err = 0;

	tfm = alg_open("skcipher", name, key, keylen);
	if (tfm < 0)
		return tfm;
	op = accept(tfm, NULL, 0);
	if (op < 0) {
		err = -errno;
		goto out;
	}
	memset(cbuf, 0, sizeof(cbuf));
	msg.msg_control = cbuf;
	msg.msg_controllen = CMSG_SPACE(4) + CMSG_SPACE(sizeof(*aiv) + ivlen);
	c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_ALG;
	c->cmsg_type = ALG_SET_OP;
	c->cmsg_len = CMSG_LEN(4);
	*(uint32_t *)CMSG_DATA(c) = ALG_OP_ENCRYPT;
	c = CMSG_NXTHDR(&msg, c);
	c->cmsg_level = SOL_ALG;
	c->cmsg_type = ALG_SET_IV;
	c->cmsg_len = CMSG_LEN(sizeof(*aiv) + ivlen);
	aiv = (struct af_alg_iv *)CMSG_DATA(c);
	aiv->ivlen = ivlen;
	memcpy(aiv->iv, iv, ivlen);
	msg.msg_iov = &io;
	msg.msg_iovlen = 1;
	if (sendmsg(op, &msg, 0) != (ssize_t)len)
		err = -errno;
	else if (len && read(op, out, len) != (ssize_t)len)
		err = -errno;
	close(op);
out:
	close(tfm);
	return err;
}

/* MAC of prefix | msg, sent in pieces of split bytes: 0 or -errno. */
static int mac(const char *name, const uint8_t *key, int keylen,
	       const uint8_t prefix[8], const uint8_t *m, size_t len,
	       size_t split, uint32_t *out)
{
	uint8_t tag[4];
	int tfm, op, err = 0;
	size_t off;

	tfm = alg_open("hash", name, key, keylen);
	if (tfm < 0)
		return tfm;
	op = accept(tfm, NULL, 0);
	if (op < 0) {
		err = -errno;
		goto out;
	}
	if (send(op, prefix, 8, MSG_MORE) != 8) {
		err = -errno;
		goto out_op;
	}
	for (off = 0; off < len; off += split) {
		size_t n = len - off < split ? len - off : split;

		if (send(op, m + off, n, off + n < len ? MSG_MORE : 0) !=
		    (ssize_t)n) {
			err = -errno;
			goto out_op;
		}
	}
	if (!len && send(op, m, 0, 0) != 0)
		err = -errno;
	else if (read(op, tag, 4) != 4)
		err = -errno;
	else
		*out = (uint32_t)tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3];
out_op:
	close(op);
out:
	close(tfm);
	return err;
}

static void vector_ciphers(const char *alg, const char *file, const char *sec)
{
	const struct vec_record *r;
	struct vec_file vf;
	char name[128];

	if (vec_load_named(&vf, file)) {
		result(false, file, "%s", vf.err);
		return;
	}
	for (r = vec_next(&vf, sec, NULL); r; r = vec_next(&vf, sec, r)) {
		uint32_t count, bearer, dir, bits;
		uint8_t *key, *pt, *ct, iv[16], *out;
		size_t klen, plen, clen;
		uint8_t mask;
		int err;

		snprintf(name, sizeof(name), "vector.%s.%s", alg, vec_name(r));
		if (vec_u32(r, "COUNT", 16, &count) || vec_u32(r, "BEARER", 10, &bearer) ||
		    vec_u32(r, "DIRECTION", 10, &dir) || vec_u32(r, "LENGTH", 10, &bits) ||
		    vec_hex(r, "KEY", &key, &klen) || vec_hex(r, "PLAINTEXT", &pt, &plen) ||
		    vec_hex(r, "CIPHERTEXT", &ct, &clen)) {
			result(false, name, "bad record");
			continue;
		}
		out = calloc(1, plen);
		eps_iv(iv, count, bearer, dir);
		err = cipher(alg, key, klen, iv, 16, pt, out, plen);
		mask = bits % 8 ? 0xff << (8 - bits % 8) : 0xff;
		out[plen - 1] &= mask;
		ct[plen - 1] &= mask;
		result(!err && !memcmp(out, ct, plen), name, "err %d or output differs", err);
		free(key);
		free(pt);
		free(ct);
		free(out);
	}
	vec_free(&vf);
}

/* MAC vectors of whole bytes, with every split of the message. */
static void vector_macs(const char *alg, const char *file, const char *sec)
{
	const struct vec_record *r;
	struct vec_file vf;
	char name[128];

	if (vec_load_named(&vf, file)) {
		result(false, file, "%s", vf.err);
		return;
	}
	for (r = vec_next(&vf, sec, NULL); r; r = vec_next(&vf, sec, r)) {
		uint32_t count, bearer, dir, bits, got = 0, want;
		uint8_t *key, *m, *w, prefix[16];
		size_t klen, mlen, wlen, split;
		bool ok = true;

		if (vec_u32(r, "LENGTH", 10, &bits) || bits % 8)
			continue;	/* AF_ALG hashes bytes */
		snprintf(name, sizeof(name), "vector.%s.%s", alg, vec_name(r));
		if (vec_u32(r, "COUNT", 16, &count) || vec_u32(r, "BEARER", 10, &bearer) ||
		    vec_u32(r, "DIRECTION", 10, &dir) || vec_hex(r, "KEY", &key, &klen) ||
		    vec_hex(r, "MESSAGE", &m, &mlen) || vec_hex(r, "MAC", &w, &wlen)) {
			result(false, name, "bad record");
			continue;
		}
		want = (uint32_t)w[0] << 24 | w[1] << 16 | w[2] << 8 | w[3];
		eps_iv(prefix, count, bearer, dir);
		for (split = 1; split <= mlen && ok; split++)
			ok = !mac(alg, key, klen, prefix, m, mlen, split, &got) &&
			     got == want;
		result(ok, name, "MAC %08x, want %08x", got, want);
		free(key);
		free(m);
		free(w);
	}
	vec_free(&vf);
}

static uint64_t rs;

static uint32_t rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return (uint32_t)rs;
}

static void rnd_bytes(uint8_t *b, size_t n)
{
	while (n--)
		*b++ = rnd();
}

static void imb_eea(int alg, const uint8_t *key, const uint8_t *iv_eps,
		    uint32_t count, uint8_t bearer, uint8_t dir,
		    const uint8_t *in, uint8_t *out, size_t len)
{
	snow3g_key_schedule_t ks;
	uint8_t iv[16];

	(void)iv_eps;
	if (alg == 1) {
		snow3g_f8_iv_gen(count, bearer, dir, iv);
		IMB_SNOW3G_INIT_KEY_SCHED(mgr, key, &ks);
		IMB_SNOW3G_F8_1_BUFFER(mgr, &ks, iv, in, out, len);
	} else if (alg == 3) {
		zuc_eea3_iv_gen(count, bearer, dir, iv);
		IMB_ZUC_EEA3_1_BUFFER(mgr, key, iv, in, out, len);
	} else {
		ref_eea2(key, count, bearer, dir, in, out, len * 8);
	}
}

static uint32_t imb_eia(int alg, const uint8_t *key, uint32_t count,
			uint8_t bearer, uint8_t dir, const uint8_t *m,
			size_t len)
{
	snow3g_key_schedule_t ks;
	uint8_t iv[16], tag[4];
	uint32_t t = 0;

	if (alg == 1) {
		snow3g_f9_iv_gen(count, (uint32_t)bearer << 27, dir, iv);
		IMB_SNOW3G_INIT_KEY_SCHED(mgr, key, &ks);
		IMB_SNOW3G_F9_1_BUFFER(mgr, &ks, iv, m, len * 8, tag);
	} else if (alg == 3) {
		zuc_eia3_iv_gen(count, bearer, dir, iv);
		IMB_ZUC_EIA3_1_BUFFER(mgr, key, iv, m, len * 8, (uint32_t *)tag);
	} else {
		ref_eia2(key, count, bearer, dir, m, len * 8, &t);
		return t;
	}
	return (uint32_t)tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3];
}

/* Random keys, COUNTs, bearers, directions, lengths, against references. */
static void random_cases(int alg, unsigned int n)
{
	static uint8_t in[MAX_RANDOM], out[MAX_RANDOM], ref[MAX_RANDOM];
	char name[64], eea[8], eia[8];
	unsigned int i, bad_c = 0, bad_m = 0;

	snprintf(eea, sizeof(eea), "eea%d", alg);
	snprintf(eia, sizeof(eia), "eia%d", alg);
	for (i = 0; i < n; i++) {
		uint8_t key[16], iv[16];
		uint32_t count = rnd(), got = 0, want;
		uint8_t bearer = rnd() % 32, dir = rnd() & 1;
		/* ipsec-mb's ZUC takes at most 8188 bytes; 0 is refused there */
		size_t len = 1 + (i < 8 ? i : rnd() % MAX_RANDOM);

		rnd_bytes(key, 16);
		rnd_bytes(in, len);
		eps_iv(iv, count, bearer, dir);
		if (cipher(eea, key, 16, iv, 16, in, out, len))
			bad_c++;
		imb_eea(alg, key, iv, count, bearer, dir, in, ref, len);
		bad_c += !!memcmp(out, ref, len);
		want = imb_eia(alg, key, count, bearer, dir, in, len);
		if (mac(eia, key, 16, iv, in, len, 1 + rnd() % len, &got) || got != want)
			bad_m++;
	}
	snprintf(name, sizeof(name), "random.%s", eea);
	result(!bad_c, name, "%u of %u differ", bad_c, n);
	snprintf(name, sizeof(name), "random.%s", eia);
	result(!bad_m, name, "%u of %u differ", bad_m, n);
}

static void misuse(void)
{
	static const char *const ciphers[] = { "eea1", "eea2", "eea3" };
	static const char *const macs[] = { "eia1", "eia2", "eia3" };
	uint8_t key[32] = { 0 }, iv[16] = { 0 }, buf[16] = { 0 }, out[16];
	uint32_t t;
	char name[64];
	int i, fd;

	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "misuse.%s.key-length", ciphers[i]);
		fd = alg_open("skcipher", ciphers[i], key, 15);
		result(fd == -EINVAL, name, "setkey(15) gave %d", fd);
		if (fd >= 0)
			close(fd);
		snprintf(name, sizeof(name), "misuse.%s.iv-size", ciphers[i]);
		result(cipher(ciphers[i], key, 16, iv, 8, buf, out, 16) == -EINVAL,
		       name, "an 8-byte IV was taken");
		snprintf(name, sizeof(name), "misuse.%s.iv-reserved-bits", ciphers[i]);
		iv[4] = 0x02;
		result(cipher(ciphers[i], key, 16, iv, 16, buf, out, 16) == -EINVAL,
		       name, "reserved IV bits were taken");
		iv[4] = 0;
		snprintf(name, sizeof(name), "misuse.%s.key-length", macs[i]);
		fd = alg_open("hash", macs[i], key, 32);
		result(fd == -EINVAL, name, "setkey(32) gave %d", fd);
		if (fd >= 0)
			close(fd);
		snprintf(name, sizeof(name), "misuse.%s.prefix-reserved", macs[i]);
		iv[7] = 1;
		result(mac(macs[i], key, 16, iv, buf, 16, 16, &t) == -EINVAL, name,
		       "a prefix with reserved bits set was taken");
		iv[7] = 0;
	}
}

int main(int argc, char **argv)
{
	IMB_ARCH arch;

	if (argc < 2) {
		fprintf(stderr, "usage: afalg VECTOR_DIR [SEED]\n");
		return 2;
	}
	setenv("PARLOS_VECTORS_DIR", argv[1], 1);
	rs = argc > 2 ? strtoull(argv[2], NULL, 0) : 20261129;
	mgr = alloc_mb_mgr(0);
	if (!mgr || (init_mb_mgr_auto(mgr, &arch), imb_get_errno(mgr))) {
		fprintf(stderr, "afalg: ipsec-mb unavailable\n");
		return 2;
	}
	vector_ciphers("eea1", "eea1.txt", "EEA1");
	vector_ciphers("eea2", "eea2.txt", "EEA2");
	vector_ciphers("eea3", "eea3.txt", "EEA3");
	vector_macs("eia1", "eia1.txt", "EIA1");
	vector_macs("eia2", "eia2.txt", "EIA2");
	vector_macs("eia3", "eia3.txt", "EIA3");
	random_cases(1, 300);
	random_cases(2, 300);
	random_cases(3, 300);
	misuse();
	free_mb_mgr(mgr);
	return failed;
}
