# SPDX-License-Identifier: GPL-2.0
# The UDP relay and injector of the attach VM tests (tests/vm/t_attach*).
VM_BINS += $(B)/vm-bin/udprelay

$(B)/vm-bin/udprelay: tests/vm/udprelay.c tests/vm/attach.mk
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -o $@ $<
