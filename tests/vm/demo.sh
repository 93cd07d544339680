# SPDX-License-Identifier: GPL-2.0
# make demo: what parlos does, step by step, in the VM.
say() { printf '\n== %s\n' "$*"; }

say "Loading parlos.ko into Debian's $(uname -r) kernel"
insmod /lib/modules/parlos.ko || { echo "demo: insmod failed"; exit 1; }
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
echo "  gw\$ parlosd gateway --listen 10.0.0.1 --pcap /host/demo-gw.pcap"
gw_run demo-gw --pcap /host/demo-gw.pcap
sleep 0.3
echo "  me\$ parlosd me --gateway 10.0.0.1 --profile b --pcap /host/demo-me.pcap"
me_run demo-me --gateway $GW_IP --profile b --pcap /host/demo-me.pcap
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

say "SIGTERM to both: they delete their contexts"
stop $ME_PID
stop $GW_PID
echo "  contexts left: gw $(ctx_count gw), me $(ctx_count me)"
net_down
echo
echo "(tshark's view of the exchange follows, on the host)"
