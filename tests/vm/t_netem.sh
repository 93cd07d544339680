# SPDX-License-Identifier: GPL-2.0
# A lossy link: netem on both ends of the veth loses, duplicates, delays
# and reorders datagrams; 200 MEs from parlosd loadgen still all attach,
# on both sides, through the retransmission timers (T3410, T3460,
# T3450) and the replay rules (a duplicate is dropped, never answered).
. /tests/lib.sh
. /tests/attach_lib.sh
N=200
NETEM="delay 10ms 5ms loss 10% duplicate 5% reorder 25% 50%"

# attached NS: contexts whose gateway label says attached (gw_label.h)
attached() {
	$IP netns exec $1 parlosctl -j ctx list | grep -o ' att"' | wc -l
}

# wait_attached NS N SECONDS
wait_attached() {
	local i=0
	while [ $i -lt $3 ] && [ "$(attached $1)" != $2 ]; do
		sleep 1
		i=$((i + 1))
	done
	[ "$(attached $1)" = $2 ]
}

check insmod load_parlos
check netns net_up
check netem sh -c "$IP netns exec gw tc qdisc add dev vgw root netem $NETEM &&
	$IP netns exec me tc qdisc add dev vme root netem $NETEM"
$IP netns exec gw tc qdisc show dev vgw
# 10 sends of each message: with 10% loss both ways an ATTACH ACCEPT
# round trip fails 19% of the time, 0.19^10 per ME is negligible
gw_run gw-netem --dev parlos0 --t3460 1s --t3450 1s --max-retrans 9 \
	--log-level warn
sleep 0.5
# --hold: the MEs keep answering retransmitted ATTACH ACCEPTs
$IP netns exec me parlosd loadgen --gateway $GW_IP --count $N --window 50 \
	--t3410 6s --max-retrans 9 --hold > $W/lg.out 2> $W/lg.err &
LG=$!
check loadgen-report wait_for $W/lg.out '^loadgen: mes=' 600
cat $W/lg.out
check all-attached grep -q "attached=$N failed=0 " $W/lg.out
# The gateway's side: every label says attached once the last
# ATTACH COMPLETE got through
check gw-attached-all wait_attached gw $N 60
check gw-contexts [ "$(ctx_count gw)" = $N ]
check me-retransmitted sh -c "[ \"\$(sed -n 's/.* retransmissions=\([0-9]*\) .*/\1/p' \
	$W/lg.out)\" -gt 0 ]"
$IP netns exec gw tc -s qdisc show dev vgw | sed -n 's/^ *Sent/  gw sent/p'
$IP netns exec me tc -s qdisc show dev vme | sed -n 's/^ *Sent/  me sent/p'
stop $LG
check loadgen-exit-0 [ $? = 0 ]
stop $GW_PID
check gw-exit-0 [ $? = 0 ]
grep '^stats:' $W/gw-netem.out
check gw-retransmitted sh -c "grep -q '^stats: .* retransmissions=[1-9]' \
	$W/gw-netem.out"
check gw-attached-n grep -q "^stats: mes=$N attached-now=$N bound=$N " \
	$W/gw-netem.out
echo "BENCH netem ($NETEM): $(sed -n 's/^loadgen: mes=/mes=/p' $W/lg.out)"
echo "BENCH netem gateway: $(sed -n 's/^stats: //p' $W/gw-netem.out)"
[ $FAILED = 0 ] || { save gw-netem; cp $W/lg.err /host/lg-netem.err; }
net_down
finish
