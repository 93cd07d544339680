# SPDX-License-Identifier: GPL-2.0
# Helper programs the VM tests run (no sanitizers: they run in the VM).
VM_BINS += $(B)/vm-bin/nlprobe

$(B)/vm-bin/nlprobe: tests/vm/nlprobe.c uapi/parlos.h
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -I$(TOP) -o $@ $<
