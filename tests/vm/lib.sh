# SPDX-License-Identifier: GPL-2.0
# Sourced by the VM test scripts. Each check prints one counted line.
T=$(basename "$0" .sh)
FAILED=0

pass() { echo "PASS: vm.$T.$1"; }
fail() { echo "FAIL: vm.$T.$1${2:+: $2}"; FAILED=1; }

# check NAME CMD...: the command's success is the verdict.
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "$*"; fi
}

# expect_fail NAME CMD...: the command must fail (bad input refused).
expect_fail() {
	local name=$1
	shift
	if "$@"; then fail "$name" "unexpectedly succeeded: $*"; else pass "$name"; fi
}

load_parlos() {
	lsmod | grep -q '^parlos ' || insmod /lib/modules/parlos.ko "$@"
}

unload_parlos() {
	! lsmod | grep -q '^parlos ' || rmmod parlos
}

finish() { exit $FAILED; }
