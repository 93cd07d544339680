# SPDX-License-Identifier: GPL-2.0
# The user plane from parlosd: gateway and ME both run with --dev, for
# EEA1, EEA2 and EEA3. After the attach, DRB1 is bound on both sides by
# the daemons, the ME's address and route are on its device; ping both
# ways, a few MB each way over TCP with checksums, and a capture of the
# veth that holds only ciphered PDCP-LTE user-plane PDUs. SIGTERM to the
# ME unbinds it and takes its address away. Captures and keylogs go to
# /host for tests/vm/post/t_traffic.sh (tshark deciphers EEA2).
. /tests/lib.sh
. /tests/attach_lib.sh
C=parlosctl
GW_UP=10.45.0.1
W2=/tmp/traffic
mkdir -p $W2

me() { $IP netns exec me "$@"; }
gw() { $IP netns exec gw "$@"; }

# ctx_of NS: the id of the one context in NS
ctx_of() {
	$IP netns exec $1 $C -j ctx list | sed -n 's/.*"id":\([0-9]*\).*/\1/p' |
		head -n 1
}

# cap_start NAME, cap_stop NAME: a capture of the veth, in the gateway
# (not through gw(): $! must be tcpdump)
cap_start() {
	$IP netns exec gw tcpdump -Z root -i vgw -B 65536 --immediate-mode -U -s 4096 \
		-w $W2/$1.pcap udp > $W2/cap.log 2>&1 &
	CAP=$!
	local i=0
	while [ $i -lt 50 ] && ! grep -q listening $W2/cap.log; do
		sleep 0.2
		i=$((i + 1))
	done
	sleep 0.5
}

cap_stop() {
	# tcpdump lags in a slow VM: until its file stops growing
	local i=0 a
	while [ $i -lt 30 ]; do
		a=$(wc -c < $W2/$1.pcap)
		sleep 1
		[ "$a" = "$(wc -c < $W2/$1.pcap)" ] && break
		i=$((i + 1))
	done
	kill $CAP
	wait $CAP
}

# keylog=1 for the host's tshark: a module left loaded without it goes
check fresh-module unload_parlos
check insmod load_parlos keylog=1
check keylog-enabled grep -q Y /sys/module/parlos/parameters/keylog
for eea in 1 2 3; do
	n=eea$eea
	check $n.netns net_up
	gw_run gw-$n --eea $eea --eia 2 --dev parlos0 --t3460 2s
	sleep 0.3
	me_run me-$n --gateway $GW_IP --dev parlos0 --route 10.45.0.0/16 \
		--t3410 5s
	ok=1
	wait_for "$W/me-$n.out" '^attached' 30 &&
		wait_for "$W/gw-$n.out" '^attached' 10 || ok=0
	check $n.attached [ $ok = 1 ]
	ue=$(sed -n 's/^attached: .* ip=\([0-9.]*\) .*/\1/p' "$W/me-$n.out")
	mc=$(ctx_of me)
	gc=$(ctx_of gw)
	check $n.me-bound sh -c "$IP netns exec me $C -j drb show $mc |
		grep -q '\"ue_addr\":\"$ue\"'"
	check $n.gw-bound sh -c "$IP netns exec gw $C -j drb show $gc |
		grep -q '\"peer_addr\":\"$ME_IP\"'"
	check $n.bind-logged grep -q "DRB1 of context $mc bound to parlos0" \
		"$W/me-$n.err"
	check $n.me-address sh -c "$IP -n me addr show dev parlos0 |
		grep -q 'inet $ue/32'"
	check $n.me-route sh -c "$IP -n me route show 10.45.0.0/16 |
		grep -q parlos0"
	check $n.gw-address sh -c "$IP -n gw addr show dev parlos0 |
		grep -q 'inet $GW_UP/16'"
	# The veth from now on: user-plane PDUs only. "sig" (pings and a
	# marker) is whole, for deciphering; "bulk" may lose some to a
	# slow tcpdump.
	cap_start $n-sig
	check $n.ping-me-gw me ping -c 3 -i 0.3 -W 2 $GW_UP
	check $n.ping-gw-me gw ping -c 3 -i 0.3 -W 2 $ue
	gw drbtool udp-recv 5001 3 3000 > $W2/marker.log &
	rx=$!
	sleep 0.3
	me drbtool udp-send $GW_UP 5001 3 300 0 PARLOS-PLAINTEXT-MARKER
	wait $rx
	check $n.marker-arrived grep -q "received 3 of 3" $W2/marker.log
	cap_stop $n-sig
	cap_start $n-bulk
	check $n.bulk-me-gw bulk me gw $GW_UP 4 $n-up
	check $n.bulk-gw-me bulk gw me $ue 2 $n-down
	cap_stop $n-bulk
	for c in sig bulk; do
		f=$W2/$n-$c.pcap
		total=$(tcpdump -Z root -r $f -nn 2> /dev/null | wc -l)
		framed=$(tcpdump -Z root -r $f -nn 'udp port 36411 and
			udp[8:4] = 0x70646370 and udp[17] = 2' 2> /dev/null |
			wc -l)
		echo "$n-$c: $total datagrams on the veth, $framed PDCP-LTE" \
			"user plane"
		check $n.$c-only-pdcp [ "$total" -gt 10 -a "$total" = "$framed" ]
		check $n.$c-no-marker sh -c "! tcpdump -Z root -r $f -A \
			2> /dev/null | grep -q PLAINTEXT-MARKER"
		check $n.$c-no-inner sh -c "! tcpdump -Z root -r $f -nn \
			2> /dev/null | grep -q '10\.45\.'"
		cp $f /host/traffic-$n-$c.pcap
		rm -f $f
	done
	gw $C keylog $gc > /host/traffic-$n.keylog
	echo "eea=$eea ue=$ue" > /host/traffic-$n.meta
	# The ME goes: unbound, its address and route gone
	stop $ME_PID
	check $n.me-exit-0 [ $? = 0 ]
	check $n.me-unbound-logged grep -q "DRB1 of context $mc unbound" \
		"$W/me-$n.err"
	check $n.me-address-gone sh -c "! $IP -n me addr show dev parlos0 |
		grep -q 'inet $ue/'"
	check $n.me-context-gone [ "$(ctx_count me)" = 0 ]
	stop $GW_PID
	check $n.gw-exit-0 [ $? = 0 ]
	check $n.gw-context-gone [ "$(ctx_count gw)" = 0 ]
	[ $FAILED = 0 ] || save gw-$n me-$n
	net_down
done
finish
