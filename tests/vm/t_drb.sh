# SPDX-License-Identifier: GPL-2.0
# The user plane: two namespaces, "gw" and "me", joined by a veth pair;
# in each a parlos device and a context, keys agreed through parlosctl,
# DRB1 bound. For EEA1, EEA2 and EEA3: ping both ways, bulk TCP both ways
# (past an HFN wrap) with checksums, and a capture of the veth that holds
# every PDU, all PDCP-LTE framed and ciphered. Captures, the plain packets
# both ends sent and the keylog go to /host for tests/vm/post/t_drb.sh
# (tshark on the host). Then an 18-bit SN run with integrity, a device on
# another port, refusals, each drop counter, the async path (cryptd) with
# an ordering check, and teardown under traffic, ending with rmmod.
. /tests/lib.sh
IP=/usr/bin/ip
C=parlosctl
GW=192.168.77.1
ME=192.168.77.2
GW_IN=10.77.0.1
UE=10.77.0.2
UE_ID=7
PORT=36411
W=/tmp/drb
CAPTURE=1
SEQ=
mkdir -p $W

# Not for background commands: "$IP netns exec ... &" leaves $! the
# command's pid, a function would leave a subshell's.
gw() { $IP netns exec gw "$@"; }
me() { $IP netns exec me "$@"; }
id_of() { sed -n 's/^{"id":\([0-9]*\).*/\1/p'; }
# stat NS ID NAME: one counter of a context
stat() {
	$IP netns exec $1 $C -j stats $2 | sed -n "s/.*\"$3\":\([0-9]*\).*/\1/p"
}
# drops NS ID: the sum of a context's DRB drop counters
drops() {
	$IP netns exec $1 $C -j stats $2 | tr ',' '\n' |
		sed -n 's/.*"drb_[rt]x_drop_[a-z]*":\([0-9]*\).*/\1/p' |
		awk '{ s += $1 } END { print s + 0 }'
}
# refused NAME PATTERN CMD...: CMD fails with PATTERN on stderr
refused() {
	local name=$1 pat=$2
	shift 2
	if "$@" > $W/out 2> $W/err; then
		fail $name "unexpectedly succeeded: $*"
	elif grep -q "$pat" $W/err; then
		pass $name
	else
		fail $name "$(cat $W/err)"
	fi
}

net_up() {
	$IP netns add gw && $IP netns add me &&
	$IP link add vgw type veth peer name vme &&
	$IP link set vgw netns gw && $IP link set vme netns me &&
	$IP -n gw addr add $GW/24 dev vgw && $IP -n gw link set vgw up &&
	$IP -n me addr add $ME/24 dev vme && $IP -n me link set vme up &&
	$IP -n gw link set lo up && $IP -n me link set lo up &&
	# Steer each flow to one CPU, as a NIC's RSS would: a veth
	# receives on the sending CPU, which reorders a flow sent from two.
	gw sh -c 'echo 3 > /sys/class/net/vgw/queues/rx-0/rps_cpus' &&
	me sh -c 'echo 3 > /sys/class/net/vme/queues/rx-0/rps_cpus'
}

net_down() {
	$IP netns del gw 2> /dev/null
	$IP netns del me 2> /dev/null
	true
}

# devs_up [GW_PORT]: the two devices, the gateway's on GW_PORT
devs_up() {
	if [ -n "$1" ]; then
		gw drbtool link add parlos0 $1
	else
		$IP -n gw link add parlos0 type parlos
	fi &&
	$IP -n me link add parlos0 type parlos &&
	$IP -n gw addr add $GW_IN/24 dev parlos0 &&
	$IP -n me addr add $UE/24 dev parlos0 &&
	$IP -n gw link set parlos0 up && $IP -n me link set parlos0 up
}

# ctx_pair EEA EIA [UE_ID [GW_NS]]: contexts with agreed keys, ME_CTX
# (in "me") and GW_CTX (in GW_NS, "gw" by default)
ctx_pair() {
	local algs="nas-eea $1 nas-eia $2 as-eea $1 as-eia $2" pub blob
	local ns=${4:-gw}
	ME_CTX=$(me $C -j ctx add role me ue-id ${3:-$UE_ID} $algs | id_of)
	GW_CTX=$($IP netns exec $ns $C -j ctx add role network \
		ue-id ${3:-$UE_ID} $algs | id_of)
	pub=$(me $C ctx keygen $ME_CTX profile a) &&
	blob=$($IP netns exec $ns $C -j ctx wrap $GW_CTX profile a pubkey $pub |
		json_get blob) &&
	me $C ctx unwrap $ME_CTX blob $blob > /dev/null &&
	me $C ctx derive-as $ME_CTX count 0 > /dev/null &&
	$IP netns exec $ns $C ctx derive-as $GW_CTX count 0 > /dev/null
}

# bind GW_PORT [ARGS...]: DRB1 of both contexts
bind() {
	local gport=$1
	shift
	me $C drb bind $ME_CTX dev parlos0 ue-addr $UE peer $GW:$gport "$@" &&
	gw $C drb bind $GW_CTX dev parlos0 ue-addr $UE peer $ME:$PORT "$@"
}

# seq_check NAME N: N datagrams ME -> GW as fast as they go, in order
seq_check() {
	$IP netns exec gw drbtool udp-recv 5002 $2 3000 > $W/seq.log &
	local rx=$!
	sleep 0.5
	me drbtool udp-send $GW_IN 5002 $2 1000 100
	wait $rx
	local rc=$?
	cat $W/seq.log
	check $1 [ $rc = 0 ] && grep -q "out of order 0" $W/seq.log
}

# In immediate mode tcpdump's ring has one frame of the snap length per
# packet: -s 0 (256 kB) leaves 256 frames in 64 MB, and a slow VM drops.
capture_start() {
	$IP netns exec gw tcpdump -Z root -i vgw -B 65536 --immediate-mode -U -s 4096 \
		-w $W/wire-$1.pcap udp > $W/cap1.log 2>&1 &
	CAP1=$!
	$IP netns exec gw tcpdump -Z root -i parlos0 -Q out -B 32768 --immediate-mode -U \
		-s 4096 -w $W/gw-out-$1.pcap > $W/cap2.log 2>&1 &
	CAP2=$!
	$IP netns exec me tcpdump -Z root -i parlos0 -Q out -B 32768 --immediate-mode -U \
		-s 4096 -w $W/me-out-$1.pcap > $W/cap3.log 2>&1 &
	CAP3=$!
	# Every PDU from the first, or Wireshark cannot follow the HFN
	local i=0
	while [ $i -lt 50 ] &&
	      [ "$(cat $W/cap[123].log | grep -c listening)" != 3 ]; do
		sleep 0.2
		i=$((i + 1))
	done
	sleep 0.5
}

capture_stop() {
	# tcpdump lags in a slow VM, more so on a loaded host: wait until
	# the wire capture holds every PDU the gateway counted (up to 90 s),
	# then until the files stop growing.
	local i=0 a b want
	want=$(( $(stat gw $GW_CTX drb_rx_packets) + $(stat gw $GW_CTX drb_tx_packets) ))
	while [ $i -lt 90 ] &&
	      [ "$(tcpdump -Z root -r $W/wire-$1.pcap -nn 2> /dev/null | wc -l)" -lt "$want" ]; do
		sleep 1
		i=$((i + 1))
	done
	i=0
	while [ $i -lt 30 ]; do
		a=$(cat $W/wire-$1.pcap $W/gw-out-$1.pcap $W/me-out-$1.pcap | wc -c)
		sleep 1
		b=$(cat $W/wire-$1.pcap $W/gw-out-$1.pcap $W/me-out-$1.pcap | wc -c)
		[ "$a" = "$b" ] && break
		i=$((i + 1))
	done
	kill $CAP1 $CAP2 $CAP3
	wait $CAP1 $CAP2 $CAP3
	# what tcpdump says it lost, and what the link says it passed
	echo "  $1 wire: want $want," \
		$(grep -E 'captured|dropped' $W/cap1.log | tr '\n' ' ')
	$IP -n gw -s link show dev vgw | sed -n '/RX:/,$p' | tr -s ' ' | tr '\n' ' '
	echo
	cp $W/wire-$1.pcap /host/drb-$1.pcap
	cp $W/gw-out-$1.pcap /host/drb-$1-gw-plain.pcap
	cp $W/me-out-$1.pcap /host/drb-$1-me-plain.pcap
	rm -f $W/gw-out-$1.pcap
}

# run NAME EEA EIA SN_LEN INTEGRITY [GW_PORT]: traffic through a pair
run() {
	local n=$1 eea=$2 eia=$3 sn=$4 integ=$5 gport=${6:-$PORT}
	local f=$W/wire-$1.pcap mac=0
	[ $integ = on ] && mac=1
	check $n.net net_up
	check $n.devs devs_up $6
	check $n.contexts ctx_pair $eea $eia
	check $n.bind bind $gport sn-len $sn integrity $integ
	me $C drb show $ME_CTX
	[ $CAPTURE = 1 ] && capture_start $n
	check $n.ping-me-gw me ping -c 3 -i 0.3 -W 2 $GW_IN
	check $n.ping-gw-me gw ping -c 3 -i 0.3 -W 2 $UE
	$IP netns exec gw drbtool udp-recv 5001 3 3000 > $W/marker.log &
	local rx=$!
	sleep 0.3
	me drbtool udp-send $GW_IN 5001 3 300 0 PARLOS-PLAINTEXT-MARKER
	wait $rx
	check $n.marker-arrived grep -q "received 3 of 3" $W/marker.log
	check $n.bulk-me-gw bulk me gw $GW_IN 6 $n-up
	check $n.bulk-gw-me bulk gw me $UE 2 $n-down
	[ -n "$SEQ" ] && seq_check $n.in-order $SEQ
	[ $CAPTURE = 1 ] && capture_stop $n
	gw $C keylog $GW_CTX > /host/drb-$n.keylog
	me $C keylog $ME_CTX > $W/keylog.me
	check $n.keylog-same cmp -s /host/drb-$n.keylog $W/keylog.me
	[ $CAPTURE = 1 ] && echo "run=$n eea=$eea mac=$mac" > /host/drb-$n.meta
	local up=$(stat gw $GW_CTX drb_rx_packets)
	local down=$(stat gw $GW_CTX drb_tx_packets)
	echo "$n: gw received $up PDUs, sent $down"
	check $n.hfn-wrapped [ "${up:-0}" -gt $((1 << sn)) -o $sn = 18 ]
	check $n.no-drops-gw [ "$(drops gw $GW_CTX)" = 0 ]
	check $n.no-drops-me [ "$(drops me $ME_CTX)" = 0 ]
	check $n.counts-agree [ "$up" = "$(stat me $ME_CTX drb_tx_packets)" -a \
		"$down" = "$(stat me $ME_CTX drb_rx_packets)" ]
	if [ $CAPTURE = 0 ]; then
		gw $C stats $GW_CTX
		return
	fi
	# The wire: every PDU, framed; no marker, no inner address
	local total=$(tcpdump -Z root -r $f -nn 2> /dev/null | wc -l)
	local framed=$(tcpdump -Z root -r $f -nn 'udp[8:4] = 0x70646370' \
		2> /dev/null | wc -l)
	echo "$n: $total datagrams on the wire, $framed framed"
	check $n.wire-complete [ "$total" = $((up + down)) ]
	check $n.wire-all-framed [ "$total" -gt 0 -a "$total" = "$framed" ]
	check $n.wire-no-marker sh -c "! tcpdump -Z root -r $f -A 2> /dev/null |
		grep -q PLAINTEXT-MARKER"
	check $n.wire-no-inner sh -c "! tcpdump -Z root -r $f -nn 2> /dev/null |
		grep -q '10\.77\.0\.'"
	check $n.plain-has-marker sh -c "tcpdump -Z root -r $W/me-out-$n.pcap \
		-A 2> /dev/null | grep -q PLAINTEXT-MARKER"
	me $C drb show $ME_CTX
	gw $C stats $GW_CTX
	rm -f $f $W/me-out-$n.pcap
}

# inject NS SPORT DADDR HEX: a datagram to the tunnel port
inject() {
	$IP netns exec $1 drbtool inject $2 $3 $PORT $4
	sleep 0.3
}

# counter_up NAME NS ID STAT CMD...: CMD adds one to a drop counter
counter_up() {
	local name=$1 ns=$2 id=$3 st=$4 before after
	shift 4
	before=$(stat $ns $id $st)
	"$@"
	after=$(stat $ns $id $st)
	check $name [ "$after" = $((before + 1)) ]
}

# The framing of UE 7's uplink: SN length, direction, UE id, channel 3
FRAME_UL=706463702d6c746500020002$(printf %02x 12)0300 # "pdcp-lte", fixed, sn, dir
FRAME_UL=${FRAME_UL}0e00070d000301

# The refusals and every drop counter, on a bound EEA2 pair
refusals() {
	check neg.net net_up
	check neg.devs devs_up
	local me_ctx gw_ctx me2 gw2 old hex e0
	# spare keyed contexts: an ME (8), a network context in "me" (9),
	# gateway contexts with a UE id in use (7) and a new one (20)
	check neg.spare1 ctx_pair 2 2 8 me
	me2=$ME_CTX
	gw2=$GW_CTX
	check neg.spare2 ctx_pair 2 2 20
	gw3=$GW_CTX
	check neg.spare3 ctx_pair 2 2
	gw4=$GW_CTX
	check neg.contexts ctx_pair 2 2
	local bare=$(me $C -j ctx add role me ue-id 8 as-eea 2 as-eia 2 | id_of)
	refused neg.no-keys "no KUPenc" me $C drb bind $bare dev parlos0 \
		ue-addr $UE peer $GW:$PORT
	refused neg.not-parlos "no parlos device" me $C drb bind $ME_CTX \
		dev vme ue-addr $UE peer $GW:$PORT
	refused neg.no-such-ctx "no such context" me $C drb bind 999999 \
		dev parlos0 ue-addr $UE peer $GW:$PORT
	refused neg.unicast "unicast" me $C drb bind $ME_CTX dev parlos0 \
		ue-addr 224.0.0.1 peer $GW:$PORT
	refused neg.not-bound "not bound" me $C drb unbind $ME_CTX
	check neg.bind bind $PORT
	refused neg.bound-twice "bound already" me $C drb bind $ME_CTX \
		dev parlos0 ue-addr $UE peer $GW:$PORT
	# an ME device carries one context, of the ME role
	refused neg.role "other role" me $C drb bind $gw2 dev parlos0 \
		ue-addr 10.77.0.9 peer $GW:$PORT
	refused neg.one-context "carries one context" me $C drb bind $me2 \
		dev parlos0 ue-addr 10.77.0.8 peer $GW:$PORT
	# one device per role and namespace
	me $IP link add parlos1 type parlos
	refused neg.one-me-device "of this role already" me $C drb bind $me2 \
		dev parlos1 ue-addr 10.77.0.8 peer $GW:$PORT
	me $IP link del parlos1
	# a gateway refuses a second ME with the same UE id or address
	refused neg.ue-id-taken "UE id already bound" gw $C drb bind $gw4 \
		dev parlos0 ue-addr 10.77.0.3 peer $ME:$PORT
	refused neg.ue-addr-taken "UE address already bound" gw $C drb bind \
		$gw3 dev parlos0 ue-addr $UE peer $ME:$PORT
	refused neg.ue-id-differs "UE id differs" gw $C drb bind $gw3 \
		dev parlos0 ue-addr 10.77.0.20 peer $ME:$PORT ue-id 21
	check neg.second-ue gw $C drb bind $gw3 dev parlos0 ue-addr 10.77.0.20 \
		peer 192.168.77.20:$PORT
	# the port changes only while the device is down
	refused neg.port-busy "only while the device is down" \
		gw drbtool link set parlos0 4000
	check neg.ping me ping -c 2 -i 0.3 -W 2 $GW_IN

	# Drops, each by its counter. A real PDU to replay:
	$IP netns exec me tcpdump -Z root -i vme -Q out -c 1 -w $W/one.pcap udp port $PORT \
		> /dev/null 2>&1 &
	local cap=$!
	sleep 1
	me ping -c 1 -W 2 $GW_IN > /dev/null
	wait $cap
	old=$(drbtool pcap-udp $W/one.pcap $PORT 0)
	check neg.captured [ -n "$old" ]
	counter_up neg.drop-duplicate gw $GW_CTX drb_rx_drop_duplicate \
		inject me $PORT $GW $old
	counter_up neg.drop-source gw $GW_CTX drb_rx_drop_source \
		inject me 9999 $GW $old
	# 1100 PDUs later the old one is out of the window
	me drbtool udp-send $GW_IN 5005 1100 40 200
	sleep 1
	counter_up neg.drop-window gw $GW_CTX drb_rx_drop_window \
		inject me $PORT $GW $old
	# an 18-bit SN framing for a 12-bit bearer
	hex=$(echo $old | sed 's/^\(.\{24\}\)0c/\112/')
	counter_up neg.drop-malformed gw $GW_CTX drb_rx_drop_malformed \
		inject me $PORT $GW $hex
	# no UE id: a gateway cannot tell whose it is (device counters)
	e0=$(gw cat /sys/class/net/parlos0/statistics/rx_dropped)
	inject me $PORT $GW 706463702d6c7465000200020c030001800011223344
	check neg.unattributed [ "$(gw cat /sys/class/net/parlos0/statistics/rx_dropped)" = $((e0 + 1)) ]
	e0=$(gw cat /sys/class/net/parlos0/statistics/rx_errors)
	inject me $PORT $GW 706463702d6c746500020002
	check neg.not-framed [ "$(gw cat /sys/class/net/parlos0/statistics/rx_errors)" = $((e0 + 1)) ]
	check neg.still-flows me ping -c 2 -i 0.3 -W 2 $GW_IN
	check neg.unbind me $C drb unbind $ME_CTX
	expect_fail neg.unbound-no-traffic me ping -c 1 -W 1 $GW_IN
	check neg.rebind-resumes me $C drb bind $ME_CTX dev parlos0 \
		ue-addr $UE peer $GW:$PORT
	check neg.after-rebind me ping -c 2 -i 0.3 -W 2 $GW_IN
	check neg.no-duplicates-after-rebind [ "$(stat gw $GW_CTX drb_rx_drop_duplicate)" = 1 ]
	net_down
}

# The MAC-I: a fresh SN with a bad MAC-I, on an integrity bearer
mac_check() {
	check mac.net net_up
	check mac.devs devs_up
	check mac.contexts ctx_pair 2 2
	check mac.bind bind $PORT integrity on
	check mac.ping me ping -c 2 -i 0.3 -W 2 $GW_IN
	$IP netns exec gw $C -j monitor > $W/mon.log 2>&1 &
	local mon=$!
	sleep 0.5
	# SN 0x100, well ahead of what was sent, garbage and a MAC-I
	counter_up mac.drop-mac gw $GW_CTX drb_rx_drop_mac \
		inject me $PORT $GW ${FRAME_UL}8100$(printf '%064d' 0)
	sleep 0.5
	kill $mon
	check mac.event grep -q '"layer":"drb"' $W/mon.log
	check mac.still-flows me ping -c 2 -i 0.3 -W 2 $GW_IN
	net_down
}

# With the daemons: a capture from before the attach holds the RRC
# Security Mode Command and Complete of the UE id, so Wireshark learns
# the algorithms from them (no default needed); then the DRB of the
# contexts parlosd made carries traffic; parlosd's exit deletes them
# (and so unbinds) while the binding is live.
attach_run() {
	local n=attach i
	check $n.net net_up
	check $n.devs devs_up
	capture_start $n
	$IP netns exec gw parlosd gateway --listen $GW --eea 2 --eia 2 \
		> $W/gw-d.out 2> $W/gw-d.err &
	local gwd=$!
	sleep 0.5
	$IP netns exec me parlosd me --gateway $GW --profile a \
		> $W/me-d.out 2> $W/me-d.err &
	local med=$!
	i=0
	while [ $i -lt 150 ] && ! grep -q '^attached' $W/me-d.out; do
		sleep 0.2
		i=$((i + 1))
	done
	check $n.attached grep -q '^attached' $W/me-d.out
	ME_CTX=$(me $C -j ctx list | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -n 1)
	GW_CTX=$(gw $C -j ctx list | sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -n 1)
	local ueid=$(me $C -j ctx show $ME_CTX | json_get ue_id)
	echo "$n: contexts me=$ME_CTX gw=$GW_CTX ue id $ueid"
	check $n.bind-me me $C drb bind $ME_CTX dev parlos0 ue-addr $UE \
		peer $GW:$PORT
	check $n.bind-gw gw $C drb bind $GW_CTX dev parlos0 ue-addr $UE \
		peer $ME:$PORT
	check $n.ping me ping -c 3 -i 0.3 -W 2 $GW_IN
	check $n.bulk bulk me gw $GW_IN 2 $n-up
	capture_stop $n
	gw $C keylog $GW_CTX > /host/drb-$n.keylog
	echo "run=$n eea=2 mac=0 smc=1" > /host/drb-$n.meta
	check $n.no-drops [ "$(drops gw $GW_CTX)" = 0 -a "$(drops me $ME_CTX)" = 0 ]
	stop_d() { kill -TERM $1; wait $1; }
	stop_d $med
	stop_d $gwd
	check $n.unbound-by-exit sh -c "! me $C drb show $ME_CTX 2> /dev/null"
	rm -f $W/wire-$n.pcap $W/me-out-$n.pcap
	net_down
}

# cryptd_refcnt: the refcnt /proc/crypto shows for cryptd(eea1-generic)
cryptd_refcnt() {
	awk '/^driver/ { d = $3 } /^refcnt/ && d == "cryptd(eea1-generic)" {
		print $3 }' /proc/crypto | head -n 1
}

check insmod load_parlos keylog=1
check link-kind sh -c "$IP link add ptest type parlos && $IP link del ptest"

run eea1 1 1 12 off
net_down
run eea2 2 2 12 off
net_down
run eea3 3 3 12 off
net_down
run sn18 2 2 18 on 40000
net_down
refusals
mac_check
attach_run

# Async: cryptd(eea1-generic) outranks eea1-generic, so a DRB bound now
# gets a transform whose every request completes later, in a worker.
drbtool hold skcipher 'cryptd(eea1-generic)' > $W/hold.log 2>&1 &
HOLD=$!
sleep 1
check async.cryptd-held grep -q held $W/hold.log
grep -B3 -A8 'cryptd(eea1-generic)' /proc/crypto | head -n 12
base=$(cryptd_refcnt)
CAPTURE=0
SEQ=3000
run async 1 1 12 off
check async.uses-cryptd [ "$(cryptd_refcnt)" -gt "${base:-0}" ]
net_down
sleep 1
check async.transforms-freed [ "$(cryptd_refcnt)" = "$base" ]

# Teardown under traffic, through cryptd: context deletion, device
# deletion, then namespace deletion, each while both directions flood.
check teardown.net net_up
check teardown.devs devs_up
check teardown.contexts ctx_pair 1 2
check teardown.bind bind $PORT
$IP netns exec me drbtool udp-send $GW_IN 5006 100000000 1200 > /dev/null 2>&1 &
F1=$!
$IP netns exec gw drbtool udp-send $UE 5007 100000000 1200 > /dev/null 2>&1 &
F2=$!
sleep 2
check teardown.flowing [ "$(stat gw $GW_CTX drb_rx_packets)" -gt 0 ]
check teardown.ctx-del gw $C ctx del $GW_CTX
sleep 1
check teardown.dev-del me $IP link del parlos0
sleep 1
check teardown.unbind-me-gone sh -c "! me $C drb unbind $ME_CTX 2> /dev/null"
net_down
kill $F1 $F2 2> /dev/null
wait $F1 $F2 2> /dev/null
# And a namespace deleted with everything bound and flowing
check teardown2.net net_up
check teardown2.devs devs_up
check teardown2.contexts ctx_pair 1 2
check teardown2.bind bind $PORT
$IP netns exec me drbtool udp-send $GW_IN 5006 100000000 1200 > /dev/null 2>&1 &
F1=$!
$IP netns exec gw drbtool udp-send $UE 5007 100000000 1200 > /dev/null 2>&1 &
F2=$!
sleep 2
check teardown2.netns-del net_down
kill $F1 $F2 2> /dev/null
wait $F1 $F2 2> /dev/null
kill $HOLD
wait $HOLD 2> /dev/null
# The last transforms go after a grace period: give them a moment
i=0
while lsmod | grep -q '^parlos ' && [ $i -lt 20 ]; do
	rmmod parlos 2> /dev/null || sleep 0.5
	i=$((i + 1))
done
check rmmod sh -c "! lsmod | grep -q '^parlos '"
lsmod | grep parlos && { cat /sys/module/parlos/refcnt; rmmod parlos;
	grep -A4 'eea1' /proc/crypto; ls /run/netns; }
finish
