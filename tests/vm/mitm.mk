# SPDX-License-Identifier: GPL-2.0
# The man in the middle of the credential VM tests (tests/vm/t_mitm.sh,
# t_cred.sh): its own ECIES, KDF and NAS algorithms (OpenSSL and the
# module's SNOW 3G / ZUC cores), parlosd's transcript and signatures.
MITM_SRCS := tests/vm/mitm.c tests/vm/mitm_crypto.c kmod/snow3g.c kmod/zuc.c \
	userspace/d/transcript.c userspace/d/cred.c userspace/d/config.c \
	userspace/d/log.c $(CODEC_SRCS)
VM_BINS += $(B)/vm-bin/mitm

$(B)/vm-bin/mitm: $(MITM_SRCS) tests/vm/mitm_crypto.h tests/vm/mitm.mk \
		userspace/d/cred.h userspace/d/transcript.h $(CODEC_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(UCFLAGS) -Iuserspace/d -o $@ $(MITM_SRCS) $(D_CRYPTO_LIBS)
