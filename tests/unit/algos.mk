# SPDX-License-Identifier: GPL-2.0
# SNOW 3G / ZUC cores (kmod/snow3g.c, kmod/zuc.c) in userspace: vector and
# edge-case tests, and a randomized differential test against Debian's
# libipsec-mb (package libipsec-mb-dev). Run from the repository root;
# PARLOS_VECTORS_DIR points them at another vector folder, and
# PARLOS_DIFF_SEED / PARLOS_DIFF_ITERS change diff_ipsecmb's run.
ALGO_CORE_SRCS := kmod/snow3g.c kmod/zuc.c
ALGO_CORE_HDRS := kmod/core_types.h kmod/snow3g.h kmod/zuc.h
IPSECMB_LIB := $(firstword $(wildcard /usr/lib/x86_64-linux-gnu/libIPSec_MB.a) \
	-lIPSec_MB)

UNIT_TESTS += $(B)/unit/test_algos $(B)/unit/diff_ipsecmb

$(B)/unit/test_algos: tests/unit/test_algos.c tests/unit/vectors.c \
		tests/unit/vectors.h tests/unit/check.h tests/unit/algos.mk \
		$(ALGO_CORE_SRCS) $(ALGO_CORE_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(UNIT_CFLAGS) -o $@ tests/unit/test_algos.c \
		tests/unit/vectors.c $(ALGO_CORE_SRCS)

$(B)/unit/diff_ipsecmb: tests/unit/diff_ipsecmb.c tests/unit/check.h \
		tests/unit/algos.mk $(ALGO_CORE_SRCS) $(ALGO_CORE_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(UNIT_CFLAGS) -o $@ tests/unit/diff_ipsecmb.c \
		$(ALGO_CORE_SRCS) $(IPSECMB_LIB)

# 128-EEA2/EIA2 references on OpenSSL, at the vectors' bit lengths.
UNIT_TESTS += $(B)/unit/test_aes_eps
$(B)/unit/test_aes_eps: tests/unit/test_aes_eps.c tests/unit/eps_aes_ref.c \
		tests/unit/eps_aes_ref.h tests/unit/vectors.c tests/unit/vectors.h \
		tests/unit/check.h
	@mkdir -p $(dir $@)
	$(CC) $(UNIT_CFLAGS) -o $@ tests/unit/test_aes_eps.c \
		tests/unit/eps_aes_ref.c tests/unit/vectors.c -lcrypto
