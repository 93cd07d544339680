# SPDX-License-Identifier: GPL-2.0
# Traffic and probes of the DRB VM test (tests/vm/t_drb.sh).
VM_BINS += $(B)/vm-bin/drbtool

$(B)/vm-bin/drbtool: tests/vm/drbtool.c userspace/lib/hex.c userspace/lib/hex.h \
		tests/vm/drb.mk
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -I$(TOP) -o $@ $< userspace/lib/hex.c

# Host side (tests/vm/post/t_drb.sh): deciphers a DRB capture with the
# keylog, for the algorithms Debian's tshark cannot decipher.
VM_BINS += $(B)/host-bin/drbdecipher

$(B)/host-bin/drbdecipher: tests/vm/drbdecipher.c userspace/lib/pdcp_lte.c \
		userspace/lib/pdcp_lte.h tests/vm/drb.mk
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -o $@ tests/vm/drbdecipher.c userspace/lib/pdcp_lte.c \
		-lcrypto $(firstword $(wildcard /usr/lib/x86_64-linux-gnu/libIPSec_MB.a) \
		-lIPSec_MB)
