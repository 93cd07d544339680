# SPDX-License-Identifier: GPL-2.0
# parlosctl, the control tool (userspace/ctl/), and its netlink helper
# (userspace/lib/pnl.c, shared with parlosd) and hex codec.
CTL_SRCS := $(addprefix userspace/ctl/,main.c args.c request.c ctx.c \
	crypto_ops.c nas_srb.c monitor.c stats.c export.c print.c reply.c \
	drb.c)
CTL_LIB_SRCS := userspace/lib/pnl.c userspace/lib/hex.c
CTL_OBJS := $(patsubst userspace/ctl/%.c,$(B)/ctl/%.o,$(CTL_SRCS)) \
	$(patsubst userspace/lib/%.c,$(B)/ctl/lib/%.o,$(CTL_LIB_SRCS))
CTL_CFLAGS = $(UCFLAGS) $(NL_CFLAGS) -MMD -MP

USERSPACE_BINS += userspace/parlosctl

userspace/parlosctl: $(CTL_OBJS)
	$(CC) $(UCFLAGS) -o $@ $(CTL_OBJS) $(NL_LIBS)

$(filter $(B)/ctl/lib/%,$(CTL_OBJS)): $(B)/ctl/lib/%.o: userspace/lib/%.c \
		userspace/parlosctl.mk
	@mkdir -p $(dir $@)
	$(CC) $(CTL_CFLAGS) -c -o $@ $<

$(filter-out $(B)/ctl/lib/%,$(CTL_OBJS)): $(B)/ctl/%.o: userspace/ctl/%.c \
		userspace/parlosctl.mk
	@mkdir -p $(dir $@)
	$(CC) $(CTL_CFLAGS) -c -o $@ $<

-include $(CTL_OBJS:.o=.d)
