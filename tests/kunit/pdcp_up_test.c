// SPDX-License-Identifier: GPL-2.0
/*
 * User-plane PDCP without a device: headers, the COUNT of a received SN
 * across HFN changes (12- and 18-bit SNs), reordering, duplicates and
 * stale PDUs in the replay window, PDUs through the transmit and receive
 * steps with real ciphers (the DPDK user-plane vectors among them), the
 * MAC-I of DRB integrity, and the PDCP-LTE framing.
 */
#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/random.h>
#include <linux/scatterlist.h>

#include "alg.h"
#include "framing.h"
#include "pdcp_up.h"
#include "vectors.h"

/* Ciphers in place through the API; iv is used up (CTR moves it). */
static void up_crypt(struct kunit *test, struct crypto_skcipher *tfm,
		     const u8 *iv, u8 *buf, unsigned int len)
{
	struct skcipher_request *req;
	u8 ivc[PARLOS_EPS_IV_SIZE];
	struct scatterlist sg;
	DECLARE_CRYPTO_WAIT(wait);

	memcpy(ivc, iv, sizeof(ivc));
	req = skcipher_request_alloc(tfm, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, req);
	sg_init_one(&sg, buf, len);
	skcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_SLEEP |
				      CRYPTO_TFM_REQ_MAY_BACKLOG,
				      crypto_req_done, &wait);
	skcipher_request_set_crypt(req, &sg, &sg, len, ivc);
	KUNIT_ASSERT_EQ(test, crypto_wait_req(crypto_skcipher_encrypt(req),
					      &wait), 0);
	skcipher_request_free(req);
}

/* Transforms are test resources: freed when the test ends, however. */
static int tfm_res_init(struct kunit_resource *res, void *tfm)
{
	res->data = tfm;
	return 0;
}

static void skcipher_res_free(struct kunit_resource *res)
{
	crypto_free_skcipher(res->data);
}

static void shash_res_free(struct kunit_resource *res)
{
	crypto_free_shash(res->data);
}

static struct crypto_skcipher *eea(struct kunit *test, const char *name,
				   const u8 *key)
{
	struct crypto_skcipher *tfm = crypto_alloc_skcipher(name, 0, 0);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(tfm), "no %s", name);
	KUNIT_ASSERT_NOT_NULL(test, kunit_alloc_resource(test, tfm_res_init,
							 skcipher_res_free,
							 GFP_KERNEL, tfm));
	KUNIT_ASSERT_EQ(test, crypto_skcipher_setkey(tfm, key, 16), 0);
	return tfm;
}

static struct crypto_shash *eia(struct kunit *test, const char *name,
				const u8 *key)
{
	struct crypto_shash *tfm = crypto_alloc_shash(name, 0, 0);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(tfm), "no %s", name);
	KUNIT_ASSERT_NOT_NULL(test, kunit_alloc_resource(test, tfm_res_init,
							 shash_res_free,
							 GFP_KERNEL, tfm));
	KUNIT_ASSERT_EQ(test, crypto_shash_setkey(tfm, key, 16), 0);
	return tfm;
}

/* A transmit side and a receive side of one bearer. */
struct up_pair {
	struct parlos_pdcp_up_cfg cfg;
	struct crypto_skcipher *tfm;
	struct parlos_pdcp_rx_window win;
	u64 tx_count;
};

/* Builds the PDU of count with a pattern SDU into pdu; returns its length. */
static int up_send(struct kunit *test, struct up_pair *p, u32 count,
		   u8 *pdu, unsigned int sdu_len)
{
	unsigned int hl = parlos_pdcp_up_hdr_len(p->cfg.sn_bits), i;
	u8 iv[PARLOS_EPS_IV_SIZE];
	int len;

	for (i = 0; i < sdu_len; i++)
		pdu[hl + i] = count + i;
	len = parlos_pdcp_up_tx_prepare(&p->cfg, count, pdu, sdu_len, iv);
	KUNIT_ASSERT_GT(test, len, (int)hl);
	up_crypt(test, p->tfm, iv, pdu + hl, len - hl);
	return len;
}

/*
 * Receives a PDU as the DRB does: SN, COUNT estimate, window check,
 * decipher, MAC-I, accept. Returns the verdict, or -1 for a PDU whose
 * SDU did not come out as sent (a wrong COUNT), -2 if no COUNT.
 */
static int up_recv(struct kunit *test, struct up_pair *p, u8 *pdu,
		   unsigned int len, u32 *count_out)
{
	unsigned int hl = parlos_pdcp_up_hdr_len(p->cfg.sn_bits), i;
	u8 iv[PARLOS_EPS_IV_SIZE];
	enum parlos_pdcp_verdict v;
	u32 sn, count;
	int sdu;

	KUNIT_ASSERT_EQ(test, parlos_pdcp_up_hdr_parse(pdu, len,
						       p->cfg.sn_bits, &sn), 0);
	if (parlos_pdcp_count_estimate(p->win.next, sn, p->cfg.sn_bits,
				       &count))
		return -2;
	*count_out = count;
	v = parlos_pdcp_window_check(&p->win, count);
	if (v != PARLOS_PDCP_FRESH)
		return v;
	parlos_pdcp_up_iv(&p->cfg, count, iv);
	up_crypt(test, p->tfm, iv, pdu + hl, len - hl);
	sdu = parlos_pdcp_up_rx_finish(&p->cfg, count, pdu, len);
	if (sdu < 0)
		return -1;
	for (i = 0; i < sdu; i++)
		if (pdu[hl + i] != (u8)(count + i))
			return -1;
	parlos_pdcp_window_accept(&p->win, count);
	return PARLOS_PDCP_FRESH;
}

static void up_pair_init(struct kunit *test, struct up_pair *p, u8 sn_bits,
			 const char *alg)
{
	u8 key[16];

	get_random_bytes(key, sizeof(key));
	memset(p, 0, sizeof(*p));
	p->cfg.sn_bits = sn_bits;
	p->cfg.bearer = 2;
	p->cfg.dir = 1;
	p->tfm = eea(test, alg, key);
}

static void hdr_test(struct kunit *test)
{
	u8 h[3];
	u32 sn;

	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_hdr_len(7), 1);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_hdr_len(12), 2);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_hdr_len(18), 3);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_hdr_len(5), 0);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_hdr_len(15), 0);

	/* 12 bits: D/C, 3 reserved bits, SN; the HFN does not show */
	parlos_pdcp_up_hdr_build(h, 12, 0x1234abc);
	KUNIT_EXPECT_EQ(test, h[0], 0x8a);
	KUNIT_EXPECT_EQ(test, h[1], 0xbc);
	KUNIT_ASSERT_EQ(test, parlos_pdcp_up_hdr_parse(h, 2, 12, &sn), 0);
	KUNIT_EXPECT_EQ(test, sn, 0xabc);
	/* reserved bits are ignored on receipt */
	h[0] |= 0x70;
	KUNIT_ASSERT_EQ(test, parlos_pdcp_up_hdr_parse(h, 2, 12, &sn), 0);
	KUNIT_EXPECT_EQ(test, sn, 0xabc);
	/* a control PDU, a short one, an SN length we do not do */
	h[0] = 0x0a;
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_hdr_parse(h, 2, 12, &sn), -EBADMSG);
	h[0] = 0x8a;
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_hdr_parse(h, 1, 12, &sn), -EBADMSG);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_hdr_parse(h, 2, 5, &sn), -EINVAL);

	/* 18 bits: D/C, polling, 4 reserved bits, SN */
	parlos_pdcp_up_hdr_build(h, 18, 0xfff2abcd);
	KUNIT_EXPECT_EQ(test, h[0], 0x82);
	KUNIT_EXPECT_EQ(test, h[1], 0xab);
	KUNIT_EXPECT_EQ(test, h[2], 0xcd);
	h[0] |= 0x40;	/* polling */
	KUNIT_ASSERT_EQ(test, parlos_pdcp_up_hdr_parse(h, 3, 18, &sn), 0);
	KUNIT_EXPECT_EQ(test, sn, 0x2abcd);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_hdr_parse(h, 2, 18, &sn), -EBADMSG);

	/* 7 bits */
	parlos_pdcp_up_hdr_build(h, 7, 0x1ff);
	KUNIT_EXPECT_EQ(test, h[0], 0xff);
	KUNIT_ASSERT_EQ(test, parlos_pdcp_up_hdr_parse(h, 1, 7, &sn), 0);
	KUNIT_EXPECT_EQ(test, sn, 0x7f);
}

static void estimate_test(struct kunit *test)
{
	u32 c;

	/* within half the SN space of the next expected COUNT */
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(8200, 8, 12, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 8200);
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(8200, 2055, 12, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 8192 + 2055);
	/* 2056 = 8 + 2048: the previous HFN */
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(8200, 2056, 12, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 4096 + 2056);
	/* the lower edge: SN(next) - 2048 is still this HFN, one less is not */
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(2100, 52, 12, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 52);
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(2100, 51, 12, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 4096 + 51);
	/* just past the wrap, seen from just before it */
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(4090, 3, 12, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 4099);
	/* late PDU from before the wrap, seen from just after it */
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(4100, 4090, 12, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 4090);
	/* nothing before COUNT 0, nothing past 2^32 - 1 */
	KUNIT_EXPECT_EQ(test, parlos_pdcp_count_estimate(0, 2048, 12, &c), -ERANGE);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_count_estimate(0, 2047, 12, &c), 0);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_count_estimate(0xfffffff0, 5, 12, &c),
			-ERANGE);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_count_estimate(0xfffffff0, 0xfff, 12, &c),
			0);
	KUNIT_EXPECT_EQ(test, c, 0xffffffff);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_count_estimate(0, 4096, 12, &c), -EINVAL);
	/* 18 bits */
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(0x40000 + 10, 0x3fff0,
							 18, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 0x3fff0);
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(0x3fff0, 0x10, 18, &c), 0);
	KUNIT_EXPECT_EQ(test, c, 0x40010);
}

/* 12-bit SNs through two HFN wraps, in order, through EEA2. */
static void sn12_wrap_test(struct kunit *test)
{
	u8 *pdu = kunit_kzalloc(test, 128, GFP_KERNEL);
	struct up_pair p;
	u32 count, got;
	int len;

	KUNIT_ASSERT_NOT_NULL(test, pdu);
	up_pair_init(test, &p, 12, "eea2");
	/* a receiver that has seen everything up to 4000 */
	for (count = 0; count < 4000; count++)
		parlos_pdcp_window_accept(&p.win, count);
	for (count = 4000; count < 2 * 4096 + 200; count++) {
		len = up_send(test, &p, count, pdu, 40);
		KUNIT_ASSERT_EQ_MSG(test, up_recv(test, &p, pdu, len, &got),
				    PARLOS_PDCP_FRESH, "COUNT %u", count);
		KUNIT_ASSERT_EQ(test, got, count);
	}
	KUNIT_EXPECT_EQ(test, p.win.next, 2 * 4096 + 200);
}

/*
 * Out of order within the window, across the HFN wrap: all accepted,
 * each with its COUNT; the last of the old HFN comes last of all.
 */
static void reorder_test(struct kunit *test)
{
	static const u16 order[] = { 3, 0, 1, 7, 2, 6, 5, 10, 8, 9, 4 };
	u8 *pdus = kunit_kzalloc(test, ARRAY_SIZE(order) * 64, GFP_KERNEL);
	int lens[ARRAY_SIZE(order)];
	u32 base = 4096 - 5, got;
	struct up_pair p;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, pdus);
	up_pair_init(test, &p, 12, "eea2");
	for (i = 0; i < base; i++)
		parlos_pdcp_window_accept(&p.win, i);
	for (i = 0; i < ARRAY_SIZE(order); i++)
		lens[i] = up_send(test, &p, base + i, pdus + 64 * i, 30);
	for (i = 0; i < ARRAY_SIZE(order); i++) {
		unsigned int k = order[i];

		KUNIT_ASSERT_EQ_MSG(test, up_recv(test, &p, pdus + 64 * k,
						  lens[k], &got),
				    PARLOS_PDCP_FRESH, "PDU %u", k);
		KUNIT_EXPECT_EQ(test, got, base + k);
	}
	KUNIT_EXPECT_EQ(test, p.win.next, base + ARRAY_SIZE(order));
}

static void duplicate_test(struct kunit *test)
{
	u8 *pdu = kunit_kzalloc(test, 64, GFP_KERNEL);
	u8 *copy = kunit_kzalloc(test, 64, GFP_KERNEL);
	struct up_pair p;
	u32 got;
	int len;

	KUNIT_ASSERT_NOT_NULL(test, pdu);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	up_pair_init(test, &p, 12, "eea2");
	len = up_send(test, &p, 0, pdu, 20);
	memcpy(copy, pdu, len);
	KUNIT_ASSERT_EQ(test, up_recv(test, &p, pdu, len, &got),
			PARLOS_PDCP_FRESH);
	KUNIT_EXPECT_EQ(test, up_recv(test, &p, copy, len, &got),
			PARLOS_PDCP_DUPLICATE);
	/* still a duplicate after newer ones, until it leaves the window */
	len = up_send(test, &p, 700, pdu, 20);
	KUNIT_ASSERT_EQ(test, up_recv(test, &p, pdu, len, &got),
			PARLOS_PDCP_FRESH);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&p.win, 0),
			PARLOS_PDCP_DUPLICATE);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&p.win, 700),
			PARLOS_PDCP_DUPLICATE);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&p.win, 5),
			PARLOS_PDCP_FRESH);
	/* a slot reused by a newer COUNT no longer says "seen" for it */
	parlos_pdcp_window_accept(&p.win, 700 + PARLOS_PDCP_REPLAY_WINDOW + 5);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&p.win,
						       700 + PARLOS_PDCP_REPLAY_WINDOW + 4),
			PARLOS_PDCP_FRESH);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&p.win,
						       700 + PARLOS_PDCP_REPLAY_WINDOW + 5),
			PARLOS_PDCP_DUPLICATE);
}

static void stale_test(struct kunit *test)
{
	u8 *pdu = kunit_kzalloc(test, 64, GFP_KERNEL);
	u8 *old = kunit_kzalloc(test, 64, GFP_KERNEL);
	struct up_pair p;
	u32 got;
	int len, old_len;

	KUNIT_ASSERT_NOT_NULL(test, pdu);
	KUNIT_ASSERT_NOT_NULL(test, old);
	up_pair_init(test, &p, 12, "eea2");
	old_len = up_send(test, &p, 7000, old, 20);
	parlos_pdcp_window_accept(&p.win, 8199);
	/* 1200 behind, across an HFN: its COUNT is right, but it is stale */
	KUNIT_EXPECT_EQ(test, up_recv(test, &p, old, old_len, &got),
			PARLOS_PDCP_STALE);
	KUNIT_EXPECT_EQ(test, got, 7000);
	/* the window's edge */
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&p.win,
						       8200 - PARLOS_PDCP_REPLAY_WINDOW),
			PARLOS_PDCP_FRESH);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&p.win,
						       8199 - PARLOS_PDCP_REPLAY_WINDOW),
			PARLOS_PDCP_STALE);
	/* a jump of more than the window forgets everything below */
	len = up_send(test, &p, 8199 + 1500, pdu, 20);
	KUNIT_ASSERT_EQ(test, up_recv(test, &p, pdu, len, &got),
			PARLOS_PDCP_FRESH);
	KUNIT_EXPECT_EQ(test, got, 8199 + 1500);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&p.win, 8199),
			PARLOS_PDCP_STALE);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&p.win, 8199 + 1499),
			PARLOS_PDCP_FRESH);
}

/* 18-bit SNs across their wrap, with reordering, through EEA2. */
static void sn18_test(struct kunit *test)
{
	u8 *pdus = kunit_kzalloc(test, 4 * 64, GFP_KERNEL);
	u32 base = 0x3fffe, got;
	struct up_pair p;
	int lens[4], i;

	KUNIT_ASSERT_NOT_NULL(test, pdus);
	up_pair_init(test, &p, 18, "eea2");
	p.win.next = base;
	for (i = 0; i < 4; i++)
		lens[i] = up_send(test, &p, base + i, pdus + 64 * i, 33);
	KUNIT_EXPECT_EQ(test, pdus[64 * 3], 0x80);	/* SN 1 */
	KUNIT_EXPECT_EQ(test, pdus[64 * 3 + 2], 0x01);
	for (i = 3; i >= 0; i--) {
		KUNIT_ASSERT_EQ_MSG(test, up_recv(test, &p, pdus + 64 * i,
						  lens[i], &got),
				    PARLOS_PDCP_FRESH, "PDU %d", i);
		KUNIT_EXPECT_EQ(test, got, base + i);
	}
	KUNIT_EXPECT_EQ(test, p.win.next, base + 4);
}

/* DRB integrity: MAC-I over header and SDU, ciphered with the SDU. */
static void integrity_test(struct kunit *test)
{
	u8 *pdu = kunit_kzalloc(test, 128, GFP_KERNEL);
	u8 key[16];
	struct up_pair p;
	u32 got;
	int len;

	KUNIT_ASSERT_NOT_NULL(test, pdu);
	up_pair_init(test, &p, 12, "eea2");
	get_random_bytes(key, sizeof(key));
	p.cfg.eia = eia(test, "eia2", key);
	p.win.next = 4000;
	len = up_send(test, &p, 4095, pdu, 50);
	KUNIT_EXPECT_EQ(test, len, 2 + 50 + 4);
	KUNIT_ASSERT_EQ(test, up_recv(test, &p, pdu, len, &got),
			PARLOS_PDCP_FRESH);
	/* one flipped bit of ciphertext: the MAC-I fails */
	len = up_send(test, &p, 4096, pdu, 50);
	pdu[10] ^= 0x04;
	KUNIT_EXPECT_EQ(test, up_recv(test, &p, pdu, len, &got), -1);
	KUNIT_EXPECT_EQ(test, p.win.next, 4096);
	/* the MAC-I alone is no SDU */
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_rx_finish(&p.cfg, 0, pdu, 6),
			-EBADMSG);
}

/* The user-plane records of pdcp.txt, sent and received. */
static void pdcp_up_vector_test(struct kunit *test)
{
	const struct pv *p = test->param_value;
	struct parlos_pdcp_up_cfg cfg = {
		.sn_bits = pv_u32(test, p->sn_size, 10),
		.bearer = pv_u32(test, p->bearer, 10),
		.dir = pv_u32(test, p->direction, 10),
	};
	u32 count = pv_u32(test, p->count, 16), hfn = pv_u32(test, p->hfn, 16);
	unsigned int hl = parlos_pdcp_up_hdr_len(cfg.sn_bits);
	size_t in_len, out_len;
	u8 *in = pv_hex(test, p->pdu_in, &in_len);
	u8 *want = pv_hex(test, p->pdu_out, &out_len);
	u8 *buf = kunit_kzalloc(test, in_len, GFP_KERNEL);
	char alg[5] = "eea0";
	struct crypto_skcipher *tfm;
	struct parlos_pdcp_rx_window win = {};
	u8 iv[PARLOS_EPS_IV_SIZE];
	u32 sn, got;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, in_len, out_len);
	KUNIT_ASSERT_EQ(test, count, hfn << cfg.sn_bits | (count & GENMASK(cfg.sn_bits - 1, 0)));
	alg[3] = p->cipher[3];
	tfm = eea(test, alg, pv_hex(test, p->cipher_key, NULL));

	/* transmit: our header equals the vector's, then the ciphertext */
	memcpy(buf + hl, in + hl, in_len - hl);
	KUNIT_ASSERT_EQ(test, parlos_pdcp_up_tx_prepare(&cfg, count, buf,
							in_len - hl, iv),
			(int)in_len);
	PV_EXPECT_MEMEQ(test, buf, in, hl);
	up_crypt(test, tfm, iv, buf + hl, in_len - hl);
	PV_EXPECT_MEMEQ(test, buf, want, out_len);

	/* receive it as the next PDU expected */
	memcpy(buf, want, out_len);
	win.next = count;
	KUNIT_ASSERT_EQ(test, parlos_pdcp_up_hdr_parse(buf, out_len,
						       cfg.sn_bits, &sn), 0);
	KUNIT_ASSERT_EQ(test, parlos_pdcp_count_estimate(win.next, sn,
							 cfg.sn_bits, &got), 0);
	KUNIT_EXPECT_EQ(test, got, count);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_window_check(&win, got),
			PARLOS_PDCP_FRESH);
	parlos_pdcp_up_iv(&cfg, got, iv);
	up_crypt(test, tfm, iv, buf + hl, out_len - hl);
	KUNIT_EXPECT_EQ(test, parlos_pdcp_up_rx_finish(&cfg, got, buf, out_len),
			(int)(in_len - hl));
	PV_EXPECT_MEMEQ(test, buf, in, in_len);
}

static const void *pdcp_up_gen(const void *prev, char *desc)
{
	const struct pv *p = prev ? (const struct pv *)prev + 1 : pv_pdcp;

	for (; p < pv_pdcp + PV_PDCP_N; p++) {
		if (strcmp(p->plane, "UP"))
			continue;
		pv_desc(p, desc);
		return p;
	}
	return NULL;
}

/* The DRB framing byte for byte, and what the parser refuses. */
static void framing_test(struct kunit *test)
{
	static const u8 want[] = {
		'p', 'd', 'c', 'p', '-', 'l', 't', 'e', 0, 2, 0,
		0x02, 12, 0x03, 1, 0x0e, 0x12, 0x34, 0x0d, 0x00, 0x03, 0x01,
	};
	struct parlos_framing f = {
		.plane = PARLOS_FRAMING_PLANE_UP, .sn_len = 12, .dir = 1,
		.ue_id = 0x1234, .chan_id = 3,
		.has = PARLOS_FRAMING_HAS_DIR | PARLOS_FRAMING_HAS_UE_ID |
		       PARLOS_FRAMING_HAS_CHAN_ID,
	}, g;
	u8 buf[PARLOS_FRAMING_MAX + 4];

	KUNIT_ASSERT_EQ(test, parlos_framing_build(&f, buf, sizeof(buf)),
			(int)sizeof(want));
	KUNIT_EXPECT_EQ(test, sizeof(want), PARLOS_FRAMING_UP_LEN);
	PV_EXPECT_MEMEQ(test, buf, want, sizeof(want));
	KUNIT_EXPECT_EQ(test, parlos_framing_build(&f, buf, sizeof(want) - 1),
			-ENOSPC);
	buf[sizeof(want)] = 0x80;	/* a PDU byte */
	KUNIT_ASSERT_EQ(test, parlos_framing_parse(buf, sizeof(want) + 1, &g),
			(int)sizeof(want));
	KUNIT_EXPECT_EQ(test, g.plane, PARLOS_FRAMING_PLANE_UP);
	KUNIT_EXPECT_EQ(test, g.sn_len, 12);
	KUNIT_EXPECT_EQ(test, g.has, f.has);
	KUNIT_EXPECT_EQ(test, g.dir, 1);
	KUNIT_EXPECT_EQ(test, g.ue_id, 0x1234);
	KUNIT_EXPECT_EQ(test, g.chan_id, 3);
	/* ROHC and channel type tags are read and skipped or kept */
	memcpy(buf, want, 11);
	memcpy(buf + 11, "\x06\x00\x04\x04\x01\x01", 6);
	KUNIT_EXPECT_EQ(test, parlos_framing_parse(buf, 17, &g), 17);
	KUNIT_EXPECT_EQ(test, g.chan_type, 1);
	/* no signature, unknown tag, repeated tag, truncated, no payload */
	memcpy(buf, want, sizeof(want));
	buf[0] = 'P';
	KUNIT_EXPECT_EQ(test, parlos_framing_parse(buf, sizeof(want), &g), -EBADMSG);
	buf[0] = 'p';
	buf[11] = 0x0f;
	KUNIT_EXPECT_EQ(test, parlos_framing_parse(buf, sizeof(want), &g), -EBADMSG);
	buf[11] = 0x03;
	KUNIT_EXPECT_EQ(test, parlos_framing_parse(buf, sizeof(want), &g), -EBADMSG);
	memcpy(buf, want, sizeof(want));
	KUNIT_EXPECT_EQ(test, parlos_framing_parse(buf, 17, &g), -EBADMSG);
	KUNIT_EXPECT_EQ(test, parlos_framing_parse(buf, sizeof(want) - 1, &g),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, parlos_framing_parse(buf, 10, &g), -EBADMSG);
}

static struct kunit_case pdcp_up_cases[] = {
	KUNIT_CASE(hdr_test),
	KUNIT_CASE(estimate_test),
	KUNIT_CASE(sn12_wrap_test),
	KUNIT_CASE(reorder_test),
	KUNIT_CASE(duplicate_test),
	KUNIT_CASE(stale_test),
	KUNIT_CASE(sn18_test),
	KUNIT_CASE(integrity_test),
	KUNIT_CASE_PARAM(pdcp_up_vector_test, pdcp_up_gen),
	KUNIT_CASE(framing_test),
	{}
};

static struct kunit_suite pdcp_up_suite = {
	.name = "parlos_pdcp_up",
	.test_cases = pdcp_up_cases,
};

kunit_test_suite(pdcp_up_suite);
