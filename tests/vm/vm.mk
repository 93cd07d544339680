# SPDX-License-Identifier: GPL-2.0
# Helper programs the VM tests run (no sanitizers: they run in the VM).
VM_BINS += $(B)/vm-bin/nlprobe

$(B)/vm-bin/nlprobe: tests/vm/nlprobe.c uapi/parlos.h
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -I$(TOP) -o $@ $<

VM_BINS += $(B)/vm-bin/afalg
$(B)/vm-bin/afalg: tests/vm/afalg.c tests/unit/vectors.c tests/unit/vectors.h \
		tests/unit/eps_aes_ref.c tests/unit/eps_aes_ref.h
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -Itests/unit -o $@ tests/vm/afalg.c tests/unit/vectors.c \
		tests/unit/eps_aes_ref.c -lcrypto \
		$(firstword $(wildcard /usr/lib/x86_64-linux-gnu/libIPSec_MB.a) -lIPSec_MB)
