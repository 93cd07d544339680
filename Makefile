# SPDX-License-Identifier: GPL-2.0
#
# parlos: build the module and the userspace programs, run the tests.
#   make            module + userspace
#   make deps       install the Debian packages the project needs
#   make check      unit tests, KUnit (UML, KASAN, kmemleak), VM tests and a
#                   short fuzz run; last line "N passed, N failed"
#   make demo       boot a VM and run the demo
#   make bench      userspace benchmarks
#   make fuzz       the libFuzzer harnesses, FUZZ_SECONDS (300) each

TOP := $(CURDIR)
KVER_DEB := $(shell ls /lib/modules 2>/dev/null | grep -E -- '-amd64$$' | sort -V | tail -n 1)
ifneq ($(wildcard /lib/modules/$(shell uname -r)/build),)
KDIR ?= /lib/modules/$(shell uname -r)/build
else
KDIR ?= /lib/modules/$(KVER_DEB)/build
endif

CC ?= cc
UCFLAGS := -std=gnu11 -Wall -Wextra -Werror -O2 -g -D_GNU_SOURCE \
	-I$(TOP)/uapi -I$(TOP)/userspace/lib -I$(TOP)/kmod
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
NL_CFLAGS := $(shell pkg-config --cflags libnl-genl-3.0 2>/dev/null)
NL_LIBS := $(shell pkg-config --libs libnl-genl-3.0 2>/dev/null)
UNIT_CFLAGS := $(UCFLAGS) -O1 $(SAN) -I$(TOP)/tests/unit
B := $(TOP)/build

.PHONY: all module userspace deps check unit kunit vm demo bench fuzz clean

all: module userspace

module:
	$(MAKE) -C $(KDIR) M=$(TOP) W=$(or $(W),1) modules

UNIT_TESTS :=
USERSPACE_BINS :=
VM_BINS :=
-include $(wildcard userspace/*.mk)
-include $(wildcard tests/unit/*.mk)
-include $(wildcard tests/vm/*.mk)
-include $(wildcard bench/*.mk)
-include $(wildcard tests/kunit/*.mk)
-include $(wildcard tests/fuzz/*.mk)

userspace: $(USERSPACE_BINS)

unit: $(UNIT_TESTS)
	@tests/run-unit $(UNIT_TESTS)

deps:
	@tests/deps.sh

check:
	@tests/deps.sh --if-missing
	@$(MAKE) --no-print-directory all $(VM_BINS) $(UNIT_TESTS)
	@tests/run-all $(UNIT_TESTS)

kunit:
	@tests/kunit/run

vm: all $(VM_BINS)
	@tests/vm/run

demo:
	@tests/deps.sh --if-missing
	@$(MAKE) --no-print-directory all $(VM_BINS)
	@tests/vm/run --demo

clean:
	-$(MAKE) -C $(KDIR) M=$(TOP) clean
	rm -rf $(B) $(USERSPACE_BINS)
