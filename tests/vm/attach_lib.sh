# SPDX-License-Identifier: GPL-2.0
# Sourced by the attach VM tests and the demo: two network namespaces,
# "gw" (10.0.0.1) and "me" (10.0.0.2), joined by a veth pair, and
# helpers to run parlosd in them.
GW_IP=10.0.0.1
ME_IP=10.0.0.2
W=/tmp/attach
mkdir -p "$W"

# iproute2's ip, not busybox's applet (which knows no netns). Not a
# shell function: "$IP netns exec ... &" must leave $! the daemon's pid.
IP=/usr/bin/ip

net_up() {
	$IP netns add gw && $IP netns add me &&
	$IP link add vgw type veth peer name vme &&
	$IP link set vgw netns gw && $IP link set vme netns me &&
	$IP -n gw addr add $GW_IP/24 dev vgw && $IP -n gw link set vgw up &&
	$IP -n gw link set lo up &&
	$IP -n me addr add $ME_IP/24 dev vme && $IP -n me link set vme up &&
	$IP -n me link set lo up
}

net_down() {
	$IP netns del gw 2>/dev/null
	$IP netns del me 2>/dev/null
	true
}

# gw_run NAME ARGS...: a gateway in "gw"; output in $W/NAME.out/.err
gw_run() {
	local name=$1
	shift
	$IP netns exec gw parlosd gateway --listen $GW_IP "$@" \
		> "$W/$name.out" 2> "$W/$name.err" &
	GW_PID=$!
}

# me_run NAME ARGS...: an ME in "me"; ME_PID
me_run() {
	local name=$1
	shift
	$IP netns exec me parlosd me "$@" > "$W/$name.out" 2> "$W/$name.err" &
	ME_PID=$!
}

# wait_for FILE PATTERN SECONDS: until grep finds PATTERN in FILE
wait_for() {
	local i=0 n=$(($3 * 5))
	while [ $i -lt $n ]; do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}

# wait_count FILE PATTERN N SECONDS: until PATTERN is on N lines
wait_count() {
	local i=0 n=$(($4 * 5))
	while [ $i -lt $n ]; do
		[ "$(grep -c "$2" "$1" 2>/dev/null)" -ge "$3" ] && return 0
		sleep 0.2
		i=$((i + 1))
	done
	return 1
}

# stop PID: SIGTERM, then its exit status
stop() {
	kill -TERM "$1" 2>/dev/null
	wait "$1"
}

# The fingerprints of an "attached" line
fprs() {
	sed -n 's/^attached: .* fpr //p' "$1" | head -n 1
}

# Contexts in a namespace, as parlosctl counts them
ctx_count() {
	$IP netns exec "$1" parlosctl ctx list 2>/dev/null | grep -c '^context:'
}

# save NAME...: logs to the host share, for a look after a failure
save() {
	local n
	for n in "$@"; do
		cat "$W/$n.out" "$W/$n.err" > "/host/$n.log" 2>/dev/null
	done
}
