# SPDX-License-Identifier: GPL-2.0
# Protocol codec library of parlosd: NAS, RRC (UPER), PDCP-LTE framing, pcap.
CODEC_SRCS := \
	userspace/lib/nas_ie.c \
	userspace/lib/nas_id.c \
	userspace/lib/nas_parlos.c \
	userspace/lib/nas_cred.c \
	userspace/lib/nas_esm.c \
	userspace/lib/nas_emm.c \
	userspace/lib/nas_sec.c \
	userspace/lib/uper.c \
	userspace/lib/rrc.c \
	userspace/lib/pdcp_lte.c \
	userspace/lib/pcap.c
CODEC_HDRS := $(wildcard userspace/lib/nas.h userspace/lib/rrc.h \
	userspace/lib/uper.h userspace/lib/pdcp_lte.h userspace/lib/pcap.h)
