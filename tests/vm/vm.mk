# SPDX-License-Identifier: GPL-2.0
# Helper programs the VM tests run (no sanitizers: they run in the VM).
VM_BINS += $(B)/vm-bin/nlprobe

$(B)/vm-bin/nlprobe: tests/vm/nlprobe.c tests/vm/nlraw.c tests/vm/nlraw.h uapi/parlos.h
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -I$(TOP) -o $@ tests/vm/nlprobe.c tests/vm/nlraw.c

VM_BINS += $(B)/vm-bin/afalg
$(B)/vm-bin/afalg: tests/vm/afalg.c tests/unit/vectors.c tests/unit/vectors.h \
		tests/unit/eps_aes_ref.c tests/unit/eps_aes_ref.h
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -Itests/unit -o $@ tests/vm/afalg.c tests/unit/vectors.c \
		tests/unit/eps_aes_ref.c -lcrypto \
		$(firstword $(wildcard /usr/lib/x86_64-linux-gnu/libIPSec_MB.a) -lIPSec_MB)

VM_BINS += $(B)/vm-bin/ctxload
$(B)/vm-bin/ctxload: tests/vm/ctxload.c tests/vm/nlraw.c tests/vm/nlraw.h uapi/parlos.h
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -I$(TOP) -o $@ tests/vm/ctxload.c tests/vm/nlraw.c

# make bench-vm: the VM benchmarks (tests/vm/b_*.sh), figures as BENCH lines.
.PHONY: bench-vm
bench-vm: all $(VM_BINS)
	@PARLOS_VM_TIMEOUT=1800 PARLOS_TEST_TIMEOUT=1500 tests/vm/run \
		$(patsubst tests/vm/%.sh,%,$(wildcard tests/vm/b_*.sh)) | grep -E '^(PASS|FAIL)'
	@grep -a '^BENCH' build/vm/console.log

# The cores as userspace, built with the kernel's code-generation flags.
VM_BINS += $(B)/vm-bin/corebench
$(B)/vm-bin/corebench: tests/vm/corebench.c kmod/snow3g.c kmod/zuc.c \
		kmod/snow3g.h kmod/zuc.h kmod/core_types.h
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -Wall -Wextra -Werror -O2 -Ikmod -o $@ tests/vm/corebench.c \
		$(filter-out -O2 -fno-pic,$(BENCH_KFLAGS)) -fno-pic -no-pie \
		kmod/snow3g.c kmod/zuc.c
