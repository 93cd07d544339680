# SPDX-License-Identifier: GPL-2.0
# The gateway daemon is killed (SIGKILL) in the middle of 200 attaches
# from parlosd loadgen while two MEs with their user plane ping through
# the gateway, then started again. The kernel contexts survive the kill;
# the new gateway takes its MEs back from them (gw_recover): attached
# ones kept, with their DRB1 bindings, ATTACH ACCEPT again to those that
# had it, unfinished security mode commands deleted and served afresh
# when the ME retransmits. The pings lose nothing; every ME ends
# attached on both sides, none twice; a context with another label is
# left alone.
. /tests/lib.sh
. /tests/attach_lib.sh
N=200
GWARGS="--dev parlos0 --t3460 2s --t3450 2s"

# Three hosts joined to "gw": me1, me2 (real MEs), lg (the loadgen)
net3_up() {
	local i
	$IP netns add gw && $IP -n gw link set lo up || return 1
	for i in 1 2 3; do
		local ns=me$i
		[ $i = 3 ] && ns=lg
		$IP netns add $ns &&
		$IP link add vgw$i type veth peer name v$ns &&
		$IP link set vgw$i netns gw && $IP link set v$ns netns $ns &&
		$IP -n gw addr add 10.0.$i.1/24 dev vgw$i &&
		$IP -n gw link set vgw$i up &&
		$IP -n $ns addr add 10.0.$i.2/24 dev v$ns &&
		$IP -n $ns link set v$ns up && $IP -n $ns link set lo up ||
			return 1
	done
}

net3_down() {
	local ns
	for ns in gw me1 me2 lg; do $IP netns del $ns 2> /dev/null; done
	true
}

gw_start() {
	$IP netns exec gw parlosd gateway $GWARGS > $W/$1.out 2> $W/$1.err &
	GW_PID=$!
}

ctxs() {
	$IP netns exec $1 parlosctl -j stats | sed -n 's/.*"contexts":\([0-9]*\).*/\1/p'
}

# attached NS: contexts whose gateway label says attached (gw_label.h)
attached() {
	$IP netns exec $1 parlosctl -j ctx list | grep -o ' att"' | wc -l
}

# wait_gw N SECONDS: N attached and the one not ours, nothing else
wait_gw() {
	local i=0
	while [ $i -lt $2 ]; do
		[ "$(ctxs gw)" = $(($1 + 1)) ] && [ "$(attached gw)" = $1 ] &&
			return 0
		sleep 1
		i=$((i + 1))
	done
	return 1
}

check insmod load_parlos
check netns net3_up
# Someone else's context in the gateway's namespace
check foreign-context sh -c "$IP netns exec gw parlosctl ctx add role network \
	label 'not parlosd' > /dev/null"
gw_start gw1
sleep 0.5
for i in 1 2; do
	$IP netns exec me$i parlosd me --gateway 10.0.$i.1 --dev parlos0 \
		--route 10.45.0.0/16 > $W/me$i.out 2> $W/me$i.err &
	eval ME${i}_PID=$!
done
check me1-attached wait_for $W/me1.out '^attached' 30
check me2-attached wait_for $W/me2.out '^attached' 30
# Pings through the tunnel for the whole test, 5 a second
for i in 1 2; do
	$IP netns exec me$i ping -c 150 -i 0.2 -W 2 10.45.0.1 > $W/ping$i.log 2>&1 &
	eval PING${i}=$!
done
sleep 1
# As fast as the gateway goes: many attaches under way at the kill
$IP netns exec lg parlosd loadgen --gateway 10.0.3.1 --count $N --window 64 \
	--t3410 3s --max-retrans 9 --hold > $W/lg.out 2> $W/lg.err &
LG=$!
# Kill it in the middle: a third of the MEs in
i=0
while [ $i -lt 300 ] && [ "$(ctxs gw)" -lt 70 ]; do
	sleep 0.02
	i=$((i + 1))
done
kill -KILL $GW_PID
wait $GW_PID 2> /dev/null
before=$(ctxs gw)
labels=$($IP netns exec gw parlosctl -j ctx list | grep -o ' \(smc\|acc:[0-9]*\|att\)"' |
	sort | uniq -c | tr -s ' \n' ' ')
echo "killed with $before contexts: $labels"
check killed-mid-load [ "$before" -gt 3 -a "$before" -lt $((N + 3)) ]
sleep 2
check contexts-survive [ "$(ctxs gw)" = "$before" ]
check ping-during-downtime $IP netns exec me1 ping -c 2 -i 0.3 -W 2 10.45.0.1
gw_start gw2
check recovered wait_for $W/gw2.err 'recovered from the kernel' 10
grep 'recovered from the kernel' $W/gw2.err | sed 's/^parlosd\[[0-9]*\]: [a-z]*: /  /'
rec=$(sed -n 's/.*recovered from the kernel: \([0-9]*\) attached (\([0-9]*\) bound).*/\1 \2/p' \
	$W/gw2.err)
check recovered-attached-bound [ "${rec% *}" -ge 2 -a "${rec% *}" = "${rec#* }" ]
check foreign-left-alone grep -q '1 others left alone' $W/gw2.err
check loadgen-report wait_for $W/lg.out '^loadgen: mes=' 300
grep '^loadgen: mes=' $W/lg.out
check all-attached grep -q "attached=$N failed=0 " $W/lg.out
# Every ME once, attached on the gateway too: N + 2 (+1 not ours)
check gw-all-attached wait_gw $((N + 2)) 60
echo "gateway: $(ctxs gw) contexts, $(attached gw) attached"
for i in 1 2; do
	eval wait \$PING$i
	tail -n 2 $W/ping$i.log
	check me$i-ping-no-loss grep -q '150 packets received, 0% packet loss' \
		$W/ping$i.log
done
check ping-after-restart $IP netns exec me2 ping -c 2 -i 0.3 -W 2 10.45.0.1
stop $LG
check loadgen-exit-0 [ $? = 0 ]
for i in 1 2; do
	eval stop \$ME${i}_PID
	check me$i-exit-0 [ $? = 0 ]
done
stop $GW_PID
check gw-exit-0 [ $? = 0 ]
grep '^stats:' $W/gw2.out
check gw-all-bound grep -q "^stats: mes=$((N + 2)) attached-now=$((N + 2)) bound=$((N + 2)) .* not-bound=0" \
	$W/gw2.out
check only-foreign-left [ "$(ctxs gw)" = 1 ]
[ $FAILED = 0 ] || { save gw1 gw2 me1; cp $W/lg.err /host/lg-restart.err; }
net3_down
finish
