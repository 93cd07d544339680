# SPDX-License-Identifier: GPL-2.0
# Unit tests of parlosctl (userspace/parlosctl.mk): everything but main.c,
# linked with the test; the bin.* cases run the built userspace/parlosctl.
CTL_TEST := $(B)/unit/test_ctl
CTL_TEST_SRCS := tests/unit/test_ctl.c \
	$(filter-out userspace/ctl/main.c,$(CTL_SRCS)) $(CTL_LIB_SRCS)
UNIT_TESTS += $(CTL_TEST)

$(CTL_TEST): $(CTL_TEST_SRCS) $(wildcard userspace/ctl/*.h) \
		userspace/lib/pnl.h userspace/lib/hex.h uapi/parlos.h \
		tests/unit/check.h tests/unit/ctl.mk userspace/parlosctl
	@mkdir -p $(dir $@)
	$(CC) $(UNIT_CFLAGS) $(NL_CFLAGS) -I$(TOP)/userspace/ctl \
		-DCTL_BIN='"$(TOP)/userspace/parlosctl"' \
		-o $@ $(CTL_TEST_SRCS) $(NL_LIBS)
