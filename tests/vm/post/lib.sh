# SPDX-License-Identifier: GPL-2.0
# Sourced by host-side post-checks (tests/vm/post/<test>.sh SHARE).
SHARE=$1
FAILED=0
pass() { echo "PASS: vm.$T.$1"; }
fail() { echo "FAIL: vm.$T.$1${2:+: $2}"; FAILED=1; }
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "$*"; fi
}
