# SPDX-License-Identifier: GPL-2.0
# Unit tests of parlosd (userspace/d/): the state machines run against
# a fake kernel (tests/unit/parlosd_fake.c), everything else as is.
D_TESTS := $(addprefix $(B)/unit/,test_parlosd_attach test_parlosd_config \
	test_parlosd_units test_parlosd_cred test_parlosd_recover \
	test_parlosd_loadgen)
UNIT_TESTS += $(D_TESTS)
D_TEST_DEPS := $(D_CORE_SRCS) $(CODEC_SRCS) $(CODEC_HDRS) \
	$(wildcard userspace/d/*.h) tests/unit/parlosd_fake.c \
	tests/unit/parlosd_fake.h tests/unit/parlosd_net.c \
	tests/unit/parlosd_net.h tests/unit/logcap.h tests/unit/check.h \
	tests/unit/parlosd.mk

$(D_TESTS): $(B)/unit/%: tests/unit/%.c $(D_TEST_DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(UNIT_CFLAGS) -Iuserspace/d -o $@ $< $(D_CORE_SRCS) \
		$(CODEC_SRCS) tests/unit/parlosd_fake.c tests/unit/parlosd_net.c \
		$(D_CRYPTO_LIBS)
