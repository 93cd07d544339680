# SPDX-License-Identifier: GPL-2.0
# make bench: the SNOW 3G / ZUC cores against ipsec-mb (libipsec-mb-dev)
# and OpenSSL 3 (libssl-dev). The cores are built twice: as the kernel
# builds C (BENCH_KFLAGS, "kflags") and with plain -O2, whose parlos_
# symbols are renamed o2_parlos_ so both link into one binary.
BENCH_DIR := $(B)/bench
BENCH_CORES := snow3g zuc
BENCH_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -O2 -g -D_GNU_SOURCE \
	-I$(TOP)/kmod
BENCH_KFLAGS := -O2 -mno-sse -mno-mmx -mno-sse2 -mno-3dnow -mno-avx \
	-fno-strict-aliasing -mno-red-zone -fno-pic
BENCH_HDRS := kmod/core_types.h kmod/snow3g.h kmod/zuc.h bench/bench_o2.h \
	bench/bench.mk
BENCH_OBJS := $(foreach c,$(BENCH_CORES),$(BENCH_DIR)/$(c)_k.o \
	$(BENCH_DIR)/$(c)_o2.o)
BENCH_IPSECMB := $(firstword \
	$(wildcard /usr/lib/x86_64-linux-gnu/libIPSec_MB.a) -lIPSec_MB)

$(BENCH_DIR)/%_k.o: kmod/%.c $(BENCH_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) $(BENCH_KFLAGS) -c -o $@ $<

$(BENCH_DIR)/%_o2.o: kmod/%.c $(BENCH_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) -c -o $@.tmp $<
	nm -g --defined-only $@.tmp | \
		awk '$$3 ~ /^parlos_/ { print $$3, "o2_" $$3 }' > $@.syms
	objcopy --redefine-syms=$@.syms $@.tmp $@
	rm -f $@.tmp $@.syms

$(BENCH_DIR)/bench_algos: bench/bench_algos.c $(BENCH_OBJS) $(BENCH_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) -no-pie -o $@ bench/bench_algos.c $(BENCH_OBJS) \
		$(BENCH_IPSECMB) -lcrypto

bench: $(BENCH_DIR)/bench_algos
	$(BENCH_DIR)/bench_algos

# make bench-compare: the cores inside the kernel (UML) beside userspace.
.PHONY: bench-compare
bench-compare: $(BENCH_DIR)/bench_algos
	@bench/kernel-vs-user $(or $(ROUNDS),3)
