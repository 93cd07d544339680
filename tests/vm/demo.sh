# SPDX-License-Identifier: GPL-2.0
# make demo: what parlos does, step by step, in the VM.
say() { printf '\n== %s\n' "$*"; }

say "Loading parlos.ko into Debian's $(uname -r) kernel (keylog=1, for tshark)"
insmod /lib/modules/parlos.ko keylog=1 || { echo "demo: insmod failed"; exit 1; }
dmesg | grep 'parlos:' | sed 's/^\[[^]]*\] /  /'

say "The six EPS algorithms, as /proc/crypto lists them"
awk '/^name/ { name = $3 } /^driver/ { drv = $3 } /^module/ { mod = $3 }
     /^priority/ { prio = $3 } /^type/ { if (mod == "parlos")
     printf "  %-6s %-14s priority %-4s %s\n", name, drv, prio, $3 }' /proc/crypto

# The PARLOS attach (TR 33.815 solution #1) between two "hosts": network
# namespaces joined by a veth pair, a gateway in one, an ME in the other.
. /tests/attach_lib.sh
strip() { sed 's/^parlosd\[[0-9]*\]: [a-z]*: /  /'; }

say "Two hosts: namespace gw (10.0.0.1) and namespace me (10.0.0.2)"
net_up || { echo "demo: network namespaces failed"; exit 1; }
# The veth from before the attach: tshark on the host sees it all
$IP netns exec gw tcpdump -Z root -i vgw -B 65536 --immediate-mode -U -s 4096 \
	-w /host/demo-veth.pcap udp > $W/demo-cap.log 2>&1 &
CAP=$!
i=0
while [ $i -lt 50 ] && ! grep -q listening $W/demo-cap.log; do
	sleep 0.2
	i=$((i + 1))
done
echo "  gw\$ parlosd gateway --listen 10.0.0.1 --eea 2 --dev parlos0 --pcap /host/demo-gw.pcap"
gw_run demo-gw --eea 2 --dev parlos0 --pcap /host/demo-gw.pcap
sleep 0.3
echo "  me\$ parlosd me --gateway 10.0.0.1 --profile b --dev parlos0 --route 10.45.0.0/16 --pcap /host/demo-me.pcap"
me_run demo-me --gateway $GW_IP --profile b --dev parlos0 \
	--route 10.45.0.0/16 --pcap /host/demo-me.pcap
if ! wait_for "$W/demo-me.out" '^attached' 30 ||
   ! wait_for "$W/demo-gw.out" '^attached' 10; then
	echo "demo: the attach did not complete"
	cat "$W/demo-gw.err" "$W/demo-me.err"
fi

say "The ME, step by step"
strip < "$W/demo-me.err"
say "The gateway, step by step"
strip < "$W/demo-gw.err"
say "Attached: algorithms and key fingerprints, as each side prints them"
echo "  ME:"
sed 's/ fpr /\n    fpr /; s/^/    /' "$W/demo-me.out"
echo "  gateway:"
sed 's/ fpr /\n    fpr /; s/^/    /' "$W/demo-gw.out"
if [ -n "$(fprs "$W/demo-me.out")" ] &&
   [ "$(fprs "$W/demo-me.out")" = "$(fprs "$W/demo-gw.out")" ]; then
	echo "  => the same keys on both sides; no key ever left a kernel"
else
	echo "  => the fingerprints DIFFER"
fi

say "The kernel contexts (parlosctl ctx list), gateway then ME"
$IP netns exec gw parlosctl ctx list | sed 's/^/  /'
$IP netns exec me parlosctl ctx list | sed 's/^/  /'

UE=$(sed -n 's/^attached: .* ip=\([0-9.]*\) .*/\1/p' "$W/demo-me.out")
GW_CTX=$($IP netns exec gw parlosctl -j ctx list |
	sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -n 1)
say "The user plane: parlosd bound DRB1 on both sides (parlosctl drb show)"
$IP netns exec gw parlosctl drb show $GW_CTX | sed 's/^/  gw: /'
$IP netns exec me parlosctl drb show "$($IP netns exec me parlosctl -j ctx list |
	sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -n 1)" | sed 's/^/  me: /'
echo "  me\$ ip addr show dev parlos0; ip route show dev parlos0"
$IP -n me addr show dev parlos0 | sed 's/^/    /'
$IP -n me route show dev parlos0 | sed 's/^/    /'

say "A ping through the tunnel, ME ($UE) to the gateway (10.45.0.1) and back"
$IP netns exec me ping -c 3 -i 0.5 -W 2 10.45.0.1 | sed 's/^/  /'
$IP netns exec gw ping -c 2 -i 0.5 -W 2 "$UE" | sed 's/^/  /'
sleep 1
kill $CAP
wait $CAP 2> /dev/null
$IP netns exec gw parlosctl keylog $GW_CTX > /host/demo.keylog
echo "  (the veth capture and the keylog go to the host for tshark)"

say "SIGTERM to both: they unbind and delete their contexts"
stop $ME_PID
stop $GW_PID
grep -h 'user plane' "$W/demo-me.err" | strip | tail -n 2
echo "  contexts left: gw $(ctx_count gw), me $(ctx_count me)"
net_down
echo
echo "(tshark's view of the exchange follows, on the host)"
