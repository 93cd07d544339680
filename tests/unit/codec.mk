# SPDX-License-Identifier: GPL-2.0
# Unit tests of the codec library (userspace/codec.mk); test_tshark needs
# tshark (Debian package "tshark") and fails without it.
CODEC_TESTS := $(addprefix $(B)/unit/,test_nas test_rrc test_pdcp_lte test_tshark)
UNIT_TESTS += $(CODEC_TESTS)

$(CODEC_TESTS): $(B)/unit/%: tests/unit/%.c $(CODEC_SRCS) $(CODEC_HDRS) \
		tests/unit/check.h tests/unit/codec.mk userspace/codec.mk
	@mkdir -p $(dir $@)
	$(CC) $(UNIT_CFLAGS) -o $@ $< $(CODEC_SRCS)
