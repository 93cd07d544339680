# SPDX-License-Identifier: GPL-2.0
# parlosd, the attach and security mode daemon (userspace/d/), linked
# with the codec (userspace/codec.mk), the netlink helper pnl and
# OpenSSL's libcrypto (credentials, docs/security-modes.md).
D_SRCS := $(addprefix userspace/d/,main.c cli.c config.c log.c loop.c \
	timer.c kernel.c wire.c algo.c pool.c peers.c attach.c smc.c \
	as_smc.c me.c gateway.c transcript.c cred.c pin.c me_cred.c \
	gw_cred.c gw_label.c gw_recover.c uplane.c netdev.c loadgen.c)
# Everything but main.c and the netlink layers: the unit tests link these
D_CORE_SRCS := $(filter-out userspace/d/main.c userspace/d/kernel.c \
	userspace/d/netdev.c userspace/d/loop.c,$(D_SRCS))
D_LIB_SRCS := $(CODEC_SRCS) userspace/lib/pnl.c
D_OBJS := $(patsubst userspace/%.c,$(B)/d/%.o,$(D_SRCS) $(D_LIB_SRCS))
D_CRYPTO_LIBS := $(or $(shell pkg-config --libs libcrypto 2>/dev/null),-lcrypto)
D_CFLAGS = $(UCFLAGS) $(NL_CFLAGS) -Iuserspace/d -MMD -MP

USERSPACE_BINS += userspace/parlosd

userspace/parlosd: $(D_OBJS)
	$(CC) $(UCFLAGS) -o $@ $(D_OBJS) $(NL_LIBS) $(D_CRYPTO_LIBS)

$(D_OBJS): $(B)/d/%.o: userspace/%.c userspace/parlosd.mk
	@mkdir -p $(dir $@)
	$(CC) $(D_CFLAGS) -c -o $@ $<

-include $(D_OBJS:.o=.d)
