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

# json_get KEY: the value of "KEY" in the one-line JSON on stdin (string
# quotes removed). Enough for parlosctl's flat documents.
json_get() {
	sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" | head -n 1
}

# The fingerprints object of a context document, as one string.
json_fprs() {
	sed -n 's/.*"fingerprints":{\([^}]*\)}.*/\1/p'
}

# bulk FROM_NS TO_NS TO_ADDR MB NAME: a TCP transfer with drbtool through
# the tunnel, checksums compared; files in $BULK_DIR (default /tmp/bulk)
bulk() {
	local port=$((5100 + $4)) d=${BULK_DIR:-/tmp/bulk} rx ok=1
	mkdir -p $d
	dd if=/dev/urandom of=$d/$5 bs=1M count=$4 2> /dev/null
	$IP netns exec $2 drbtool tcp-recv $port $d/$5.rx > $d/$5.log 2>&1 &
	rx=$!
	sleep 0.5
	$IP netns exec $1 drbtool tcp-send $3 $port $d/$5
	wait $rx
	[ "$(sha256sum < $d/$5)" = "$(sha256sum < $d/$5.rx)" ] && ok=0
	rm -f $d/$5 $d/$5.rx
	return $ok
}
