// SPDX-License-Identifier: GPL-2.0
/*
 * NAS and SRB protection on contexts: known answers computed outside the
 * kernel (tests/tools/kat-nas-srb.py), the DPDK control-plane PDCP
 * vectors, round trips in every algorithm pair, and every refusal with
 * its documented error and no change of state.
 */
#include <kunit/test.h>
#include <linux/random.h>

#include "alg.h"
#include "context.h"
#include "keys.h"
#include "nas.h"
#include "netns.h"
#include "srb.h"
#include "vectors.h"
#include "kunit_ctx.h"

/* KASMEtemp of tests/tools/kat-nas-srb.py */
static const u8 kat_kasme[32] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
};


/* A context in init_net with KASMEtemp and the algorithms set. */
static struct parlos_ctx *test_ctx(struct kunit *test, u8 role,
				   const u8 *kasme, u8 eea, u8 eia)
{
	struct parlos_ctx_params p = {
		.role = role,
		.nas_eea = eea, .nas_eia = eia, .as_eea = eea, .as_eia = eia,
	};
	struct parlos_ctx *ctx;

	ctx = kunit_ctx_create(test, &p);
	mutex_lock(&ctx->lock);
	KUNIT_ASSERT_EQ(test, parlos_keys_set_kasme(ctx, kasme), 0);
	KUNIT_ASSERT_EQ(test, parlos_keys_derive_as(ctx, 0, NULL), 0);
	mutex_unlock(&ctx->lock);
	return ctx;
}

static int nas_protect(struct parlos_ctx *ctx, u8 type, const u8 *msg,
		       unsigned int len, u8 *out)
{
	struct parlos_sec_result res;
	int err;

	mutex_lock(&ctx->lock);
	err = parlos_nas_protect(ctx, type, msg, len, out, &res, NULL);
	mutex_unlock(&ctx->lock);
	return err;
}

static int nas_unprotect(struct parlos_ctx *ctx, const u8 *pdu,
			 unsigned int len, u8 *out, u32 *count)
{
	struct parlos_sec_result res = {};
	int err;

	mutex_lock(&ctx->lock);
	err = parlos_nas_unprotect(ctx, pdu, len, out, &res, NULL);
	mutex_unlock(&ctx->lock);
	if (count)
		*count = res.count;
	return err;
}

static void nas_kat_test(struct kunit *test)
{
	struct parlos_ctx *net = test_ctx(test, PARLOS_ROLE_NETWORK, kat_kasme, 2, 2);
	struct parlos_ctx *me = test_ctx(test, PARLOS_ROLE_ME, kat_kasme, 2, 2);
	u8 *smc = pv_hex(test, "075d22000ee0e0c0c07d00480102", NULL);
	u8 *cpl = pv_hex(test, "075e", NULL);
	u8 *acc = pv_hex(test, "0742010203040506", NULL);
	u8 *out = kunit_kzalloc(test, 64, GFP_KERNEL);
	u8 *plain = kunit_kzalloc(test, 64, GFP_KERNEL);
	u32 count;

	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	/* SECURITY MODE COMMAND, type 3, downlink COUNT 0 */
	KUNIT_ASSERT_EQ(test, nas_protect(net, 3, smc, 14, out), 0);
	PV_EXPECT_MEMEQ(test, out,
			pv_hex(test, "372845ede500075d22000ee0e0c0c07d00480102", NULL), 20);
	KUNIT_ASSERT_EQ(test, nas_unprotect(me, out, 20, plain, &count), 0);
	PV_EXPECT_MEMEQ(test, plain, smc, 14);
	KUNIT_EXPECT_EQ(test, count, 0);
	/* SECURITY MODE COMPLETE, type 4, uplink COUNT 0 */
	KUNIT_ASSERT_EQ(test, nas_protect(me, 4, cpl, 2, out), 0);
	PV_EXPECT_MEMEQ(test, out, pv_hex(test, "47c1a96a5d0011f0", NULL), 8);
	KUNIT_ASSERT_EQ(test, nas_unprotect(net, out, 8, plain, NULL), 0);
	PV_EXPECT_MEMEQ(test, plain, cpl, 2);
	/* type 2 at COUNT 0x1ff: the overflow octet is in the MAC input */
	net->nas_tx_count = 0x1ff;
	KUNIT_ASSERT_EQ(test, nas_protect(net, 2, acc, 8, out), 0);
	PV_EXPECT_MEMEQ(test, out, pv_hex(test, "2758bc31e6ff16e442bbf7d91e78", NULL), 14);
	me->nas_rx_next = 0x1f0;
	KUNIT_ASSERT_EQ(test, nas_unprotect(me, out, 14, plain, &count), 0);
	KUNIT_EXPECT_EQ(test, count, 0x1ff);
	PV_EXPECT_MEMEQ(test, plain, acc, 8);
}

/* Both directions, every EEA with every EIA, COUNTs across an overflow. */
static void nas_roundtrip_test(struct kunit *test)
{
	u8 kasme[32], msg[48], out[64], plain[64];
	unsigned int eea, eia, i;
	u32 count;

	get_random_bytes(kasme, sizeof(kasme));
	for (eea = 1; eea <= 3; eea++) {
		for (eia = 1; eia <= 3; eia++) {
			struct parlos_ctx *net = test_ctx(test, PARLOS_ROLE_NETWORK,
							  kasme, eea, eia);
			struct parlos_ctx *me = test_ctx(test, PARLOS_ROLE_ME,
							 kasme, eea, eia);

			net->nas_tx_count = 0xf0;
			me->nas_rx_next = 0xf0;
			for (i = 0; i < 40; i++) {
				u8 type = 1 + i % 4;
				struct parlos_ctx *tx = i & 1 ? me : net;
				struct parlos_ctx *rx = i & 1 ? net : me;

				/* a message is at least PD and type: 2 bytes */
				get_random_bytes(msg, sizeof(msg));
				KUNIT_ASSERT_EQ(test, nas_protect(tx, type, msg,
								  i + 2, out), 0);
				KUNIT_ASSERT_EQ_MSG(test, nas_unprotect(rx, out, i + 8,
									plain, &count),
						    0, "EEA%u EIA%u message %u", eea, eia, i);
				PV_EXPECT_MEMEQ(test, plain, msg, i + 2);
			}
			KUNIT_EXPECT_EQ(test, net->nas_tx_count, 0xf0 + 20);
			KUNIT_EXPECT_EQ(test, me->nas_rx_next, 0xf0 + 20);
		}
	}
}

static void nas_refusals_test(struct kunit *test)
{
	u8 kasme[32], other[32], msg[16] = { 0x07, 0x42 }, out[32], plain[32];
	struct parlos_ctx *net, *me, *stranger;
	u32 count;

	get_random_bytes(kasme, sizeof(kasme));
	get_random_bytes(other, sizeof(other));
	net = test_ctx(test, PARLOS_ROLE_NETWORK, kasme, 2, 1);
	me = test_ctx(test, PARLOS_ROLE_ME, kasme, 2, 1);
	stranger = test_ctx(test, PARLOS_ROLE_ME, other, 2, 1);

	KUNIT_ASSERT_EQ(test, nas_protect(net, 2, msg, sizeof(msg), out), 0);
	/* tampered MAC, tampered body: EBADMSG, nothing accepted */
	out[2] ^= 0x01;
	KUNIT_EXPECT_EQ(test, nas_unprotect(me, out, 22, plain, NULL), -EBADMSG);
	out[2] ^= 0x01;
	out[21] ^= 0x80;
	KUNIT_EXPECT_EQ(test, nas_unprotect(me, out, 22, plain, NULL), -EBADMSG);
	out[21] ^= 0x80;
	KUNIT_EXPECT_EQ(test, me->nas_rx_next, 0);
	KUNIT_EXPECT_EQ(test, me->stats.nas_mac_fail, 2);
	/* wrong key */
	KUNIT_EXPECT_EQ(test, nas_unprotect(stranger, out, 22, plain, NULL), -EBADMSG);
	/* truncated, or not a protected message */
	KUNIT_EXPECT_EQ(test, nas_unprotect(me, out, 7, plain, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, nas_unprotect(me, msg, 16, plain, NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, nas_protect(net, 5, msg, sizeof(msg), out + 22), -EINVAL);
	/* the original is still good, once */
	KUNIT_EXPECT_EQ(test, nas_unprotect(me, out, 22, plain, &count), 0);
	KUNIT_EXPECT_EQ(test, count, 0);
	/* and its replay is refused as one */
	KUNIT_EXPECT_EQ(test, nas_unprotect(me, out, 22, plain, &count), -EALREADY);
	KUNIT_EXPECT_EQ(test, count, 0);
	KUNIT_EXPECT_EQ(test, me->stats.nas_replay, 1);
	KUNIT_EXPECT_EQ(test, me->stats.nas_rx, 1);
}

/* Replays of older messages, including across an overflow boundary. */
static void nas_replay_window_test(struct kunit *test)
{
	u8 kasme[32], msg[4] = { 0x07, 0x4e, 1, 2 }, pdus[3][16], plain[16];
	struct parlos_ctx *net, *me;
	int i;

	get_random_bytes(kasme, sizeof(kasme));
	net = test_ctx(test, PARLOS_ROLE_NETWORK, kasme, 3, 3);
	me = test_ctx(test, PARLOS_ROLE_ME, kasme, 3, 3);
	net->nas_tx_count = 0x2fe;
	me->nas_rx_next = 0x2fe;
	for (i = 0; i < 3; i++)
		KUNIT_ASSERT_EQ(test, nas_protect(net, 1, msg, 4, pdus[i]), 0);
	for (i = 0; i < 3; i++)
		KUNIT_ASSERT_EQ(test, nas_unprotect(me, pdus[i], 10, plain, NULL), 0);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, nas_unprotect(me, pdus[i], 10, plain, NULL),
				-EALREADY);
	KUNIT_EXPECT_EQ(test, me->nas_rx_next, 0x301);
}

static void nas_count_end_test(struct kunit *test)
{
	u8 kasme[32], msg[2] = { 0x07, 0x4e }, out[8];
	struct parlos_sec_result res;
	struct parlos_ctx *net;
	int signalled = 0;

	get_random_bytes(kasme, sizeof(kasme));
	net = test_ctx(test, PARLOS_ROLE_NETWORK, kasme, 1, 1);
	net->nas_tx_count = PARLOS_NAS_COUNT_MAX + 1 - PARLOS_COUNT_WRAP_MARGIN - 2;
	mutex_lock(&net->lock);
	while (!parlos_nas_protect(net, 1, msg, 2, out, &res, NULL))
		signalled += res.wrap_near;
	KUNIT_EXPECT_EQ(test, parlos_nas_protect(net, 1, msg, 2, out, &res, NULL),
			-ENOSPC);
	mutex_unlock(&net->lock);
	KUNIT_EXPECT_EQ(test, signalled, 1);
	KUNIT_EXPECT_EQ(test, net->nas_tx_count, PARLOS_NAS_COUNT_MAX + 1);
}

static int srb_protect(struct parlos_ctx *ctx, u8 rb, bool cipher,
		       const u8 *sdu, unsigned int len, u8 *out)
{
	struct parlos_sec_result res;
	int err;

	mutex_lock(&ctx->lock);
	err = parlos_srb_protect(ctx, rb, cipher, sdu, len, out, &res, NULL);
	mutex_unlock(&ctx->lock);
	return err;
}

static int srb_unprotect(struct parlos_ctx *ctx, u8 rb, bool cipher,
			 const u8 *pdu, unsigned int len, u8 *out,
			 unsigned int *out_len)
{
	struct parlos_sec_result res;
	int err;

	mutex_lock(&ctx->lock);
	err = parlos_srb_unprotect(ctx, rb, cipher, pdu, len, out, out_len,
				   &res, NULL);
	mutex_unlock(&ctx->lock);
	return err;
}

static void srb_kat_test(struct kunit *test)
{
	struct parlos_ctx *net = test_ctx(test, PARLOS_ROLE_NETWORK, kat_kasme, 2, 2);
	struct parlos_ctx *me = test_ctx(test, PARLOS_ROLE_ME, kat_kasme, 2, 2);
	u8 *rrc = pv_hex(test, "2a0102030405", NULL);
	u8 out[32], plain[32];
	unsigned int len;

	KUNIT_ASSERT_EQ(test, srb_protect(net, 1, false,
					  pv_hex(test, "3400", NULL), 2, out), 0);
	PV_EXPECT_MEMEQ(test, out, pv_hex(test, "003400b5f071f8", NULL), 7);
	KUNIT_ASSERT_EQ(test, srb_unprotect(me, 1, false, out, 7, plain, &len), 0);
	KUNIT_EXPECT_EQ(test, len, 2);
	net->srb[0].tx_count = 33;
	KUNIT_ASSERT_EQ(test, srb_protect(net, 1, true, rrc, 6, out), 0);
	PV_EXPECT_MEMEQ(test, out, pv_hex(test, "01ef22412c136096fd2671", NULL), 11);
	/* SN 1 after SN 0: the receiver must move to HFN 1 for COUNT 33 */
	me->srb[0].rx_next_sn = 2;
	KUNIT_ASSERT_EQ(test, srb_unprotect(me, 1, true, out, 11, plain, &len), 0);
	PV_EXPECT_MEMEQ(test, plain, rrc, 6);
	KUNIT_EXPECT_EQ(test, me->srb[0].rx_hfn, 1);
	me->srb[1].tx_count = 5;
	KUNIT_ASSERT_EQ(test, srb_protect(me, 2, true, rrc, 6, out), 0);
	PV_EXPECT_MEMEQ(test, out, pv_hex(test, "052f2ebaf7cdca0340fcea", NULL), 11);
}

/* The control-plane records of pdcp.txt, through the stateless layer. */
static void pdcp_cp_vector_test(struct kunit *test)
{
	const struct pv *p = test->param_value;
	struct parlos_pdcp_keys k = {
		.eea = p->cipher[3] - '0', .eia = p->integrity[3] - '0',
	};
	struct parlos_eps_iv iv = {
		.count = pv_u32(test, p->count, 16),
		.bearer = pv_u32(test, p->bearer, 10),
		.dir = pv_u32(test, p->direction, 10),
	};
	size_t in_len, out_len;
	u8 *in = pv_hex(test, p->pdu_in, &in_len);
	u8 *want = pv_hex(test, p->pdu_out, &out_len);
	u8 *out = kunit_kzalloc(test, out_len, GFP_KERNEL);
	static const u8 zero[16];

	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_ASSERT_EQ(test, out_len, in_len + PARLOS_EIA_MAC_SIZE);
	k.kenc = k.eea ? pv_hex(test, p->cipher_key, NULL) : zero;
	k.kint = k.eia ? pv_hex(test, p->integrity_key, NULL) : zero;
	KUNIT_ASSERT_EQ(test, parlos_pdcp_cp_protect(&k, &iv, in[0], in + 1,
						     in_len - 1, out), 0);
	PV_EXPECT_MEMEQ(test, out, want, out_len);
	KUNIT_ASSERT_EQ(test, parlos_pdcp_cp_unprotect(&k, &iv, out, out_len), 0);
	PV_EXPECT_MEMEQ(test, out, in, in_len);
	/* one flipped bit anywhere past the header fails integrity */
	memcpy(out, want, out_len);
	out[out_len / 2 + 1] ^= 0x10;
	KUNIT_EXPECT_EQ(test, parlos_pdcp_cp_unprotect(&k, &iv, out, out_len),
			k.eia ? -EBADMSG : 0);
}

static const void *pdcp_cp_gen(const void *prev, char *desc)
{
	const struct pv *p = prev ? (const struct pv *)prev + 1 : pv_pdcp;

	/* EIA0 is tested too: the stateless layer does what it is told. */
	for (; p < pv_pdcp + PV_PDCP_N; p++) {
		if (strcmp(p->plane, "CP"))
			continue;
		pv_desc(p, desc);
		return p;
	}
	return NULL;
}

/* HFN tracking across the 5-bit SN wrap, with refusals in between. */
static void srb_hfn_test(struct kunit *test)
{
	u8 kasme[32], sdu[20], pdu[32], plain[32];
	struct parlos_ctx *net, *me;
	unsigned int i, len;

	get_random_bytes(kasme, sizeof(kasme));
	net = test_ctx(test, PARLOS_ROLE_NETWORK, kasme, 1, 3);
	me = test_ctx(test, PARLOS_ROLE_ME, kasme, 1, 3);
	for (i = 0; i < 70; i++) {
		get_random_bytes(sdu, sizeof(sdu));
		KUNIT_ASSERT_EQ(test, srb_protect(net, 1, true, sdu, 20, pdu), 0);
		if (i % 10 == 3) {
			pdu[24] ^= 1;
			KUNIT_EXPECT_EQ(test, srb_unprotect(me, 1, true, pdu, 25,
							    plain, &len), -EBADMSG);
			pdu[24] ^= 1;
		}
		KUNIT_ASSERT_EQ_MSG(test, srb_unprotect(me, 1, true, pdu, 25, plain,
							&len), 0, "PDU %u", i);
		PV_EXPECT_MEMEQ(test, plain, sdu, 20);
		/* a duplicate reads as the next HFN and fails integrity */
		if (i % 10 == 7)
			KUNIT_EXPECT_EQ(test, srb_unprotect(me, 1, true, pdu, 25,
							    plain, &len), -EBADMSG);
	}
	KUNIT_EXPECT_EQ(test, me->srb[0].rx_hfn, 2);
	KUNIT_EXPECT_EQ(test, me->srb[0].rx_next_sn, 70 - 64);
	KUNIT_EXPECT_EQ(test, me->stats.srb_mac_fail, 14);
	/* truncated, reserved bits, SRB 3 */
	KUNIT_EXPECT_EQ(test, srb_unprotect(me, 1, true, pdu, 4, plain, &len), -EINVAL);
	pdu[0] |= 0x80;
	KUNIT_EXPECT_EQ(test, srb_unprotect(me, 1, true, pdu, 25, plain, &len), -EINVAL);
	KUNIT_EXPECT_EQ(test, srb_protect(net, 3, true, sdu, 20, pdu), -EINVAL);
}

static struct kunit_case nas_cases[] = {
	KUNIT_CASE(nas_kat_test),
	KUNIT_CASE(nas_roundtrip_test),
	KUNIT_CASE(nas_refusals_test),
	KUNIT_CASE(nas_replay_window_test),
	KUNIT_CASE(nas_count_end_test),
	KUNIT_CASE(srb_kat_test),
	KUNIT_CASE_PARAM(pdcp_cp_vector_test, pdcp_cp_gen),
	KUNIT_CASE(srb_hfn_test),
	{}
};

static struct kunit_suite nas_suite = {
	.name = "parlos_nas_srb",
	.test_cases = nas_cases,
};
kunit_test_suite(nas_suite);
