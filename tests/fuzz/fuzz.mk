# SPDX-License-Identifier: GPL-2.0
# libFuzzer harnesses (tests/fuzz/), built with clang and ASan/UBSan:
#   make fuzz          run each harness FUZZ_SECONDS (300), FUZZ_JOBS at once
#   make fuzz-build    build the harnesses
#   make fuzz-corpus   rewrite the seed corpora (tests/fuzz/corpus/) from
#                      the codec's encoders and the tests' messages
# make check runs each harness FUZZ_CHECK_SECONDS and replays
# tests/fuzz/regress/ (tests/fuzz/run, from tests/run-all). The corpora
# grow in build/fuzz/corpus/; crashes are saved in build/fuzz/artifacts/.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 300
FUZZ_CHECK_SECONDS ?= 20
FUZZ_JOBS ?= $(shell nproc)
FUZZ_NAMES := nas pdcp_lte rrc ctl_args diff_cores
FUZZ_BINS := $(addprefix $(B)/fuzz/fuzz_,$(FUZZ_NAMES))
FUZZ_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -O1 -g -D_GNU_SOURCE \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -I$(TOP)/uapi -I$(TOP)/userspace/lib \
	-I$(TOP)/kmod -I$(TOP)/tests/fuzz
FUZZ_DEPS := tests/fuzz/fuzz.h tests/fuzz/fuzz.mk
FUZZ_CORE_SRCS := kmod/snow3g.c kmod/zuc.c
FUZZ_IPSECMB := $(firstword \
	$(wildcard /usr/lib/x86_64-linux-gnu/libIPSec_MB.a) -lIPSec_MB)
export FUZZ_SECONDS FUZZ_CHECK_SECONDS FUZZ_JOBS

.PHONY: fuzz-build fuzz-corpus

fuzz: $(FUZZ_BINS)
	@tests/fuzz/run --seconds $(FUZZ_SECONDS) --jobs $(FUZZ_JOBS)

fuzz-build: $(FUZZ_BINS)

$(B)/fuzz/fuzz_nas $(B)/fuzz/fuzz_pdcp_lte $(B)/fuzz/fuzz_rrc: \
		$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(CODEC_SRCS) \
		$(CODEC_HDRS) $(FUZZ_DEPS) userspace/codec.mk
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(CODEC_SRCS)

$(B)/fuzz/fuzz_ctl_args: tests/fuzz/fuzz_ctl_args.c userspace/ctl/args.c \
		userspace/ctl/args.h userspace/lib/hex.c userspace/lib/hex.h \
		uapi/parlos.h $(FUZZ_DEPS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -I$(TOP)/userspace/ctl -o $@ $< \
		userspace/ctl/args.c userspace/lib/hex.c

$(B)/fuzz/fuzz_diff_cores: tests/fuzz/fuzz_diff_cores.c $(FUZZ_CORE_SRCS) \
		kmod/core_types.h kmod/snow3g.h kmod/zuc.h tests/fuzz/zuc_spec.c \
		tests/fuzz/zuc_spec.h $(FUZZ_DEPS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_CORE_SRCS) tests/fuzz/zuc_spec.c \
		$(FUZZ_IPSECMB)

# The seed generator is an ordinary program (no fuzzer runtime).
$(B)/fuzz/mkcorpus: tests/fuzz/mkcorpus.c $(CODEC_SRCS) $(CODEC_HDRS) \
		tests/fuzz/fuzz.mk
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -o $@ $< $(CODEC_SRCS)

# Every seed is generated: the folder is rewritten whole.
fuzz-corpus: $(B)/fuzz/mkcorpus
	rm -rf tests/fuzz/corpus
	$(B)/fuzz/mkcorpus tests/fuzz/corpus
