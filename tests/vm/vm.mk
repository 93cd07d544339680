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
