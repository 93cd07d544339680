# SPDX-License-Identifier: GPL-2.0
# Sourced by the load VM tests (t_load10k.sh, b_load10k_rate.sh): a gateway
# with its user plane takes N MEs from parlosd loadgen, all attaching;
# the figures are printed as BENCH lines.
. /tests/lib.sh
. /tests/attach_lib.sh

mem_avail() {
	sync
	echo 3 > /proc/sys/vm/drop_caches
	sed -n 's/^MemAvailable:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/meminfo
}
# slab NAME: active objects and object size of a slab cache
slab() { awk -v n="$1" '$1 == n { print $2, $4 }' /proc/slabinfo; }
# kv KEY FILE: the value of KEY=VALUE in a loadgen: or stats: line
kv() { sed -n "s/^[a-z]*: .* $1=\([^ ]*\).*/\1/p" "$2" | tail -n 1; }

# load_run N [LOADGEN OPTIONS...]
load_run() {
	local n=$1 t0 t1 rc hwm avail0 avail1 s ctxs
	shift
	check insmod load_parlos
	check netns net_up
	avail0=$(mem_avail)
	gw_run gw-load --dev parlos0 --log-level warn
	sleep 0.5
	t0=$(date +%s)
	$IP netns exec me parlosd loadgen --gateway $GW_IP --count $n "$@" \
		> $W/lg.out 2> $W/lg.err
	rc=$?
	t1=$(date +%s)
	cat $W/lg.out
	head -n 20 $W/lg.err
	check loadgen-exit-0 [ $rc = 0 ]
	check all-attached [ "$(kv attached $W/lg.out)" = $n ]
	check no-failures [ "$(kv failed $W/lg.out)" = 0 ]
	ctxs=$($IP netns exec gw parlosctl -j stats |
		sed -n 's/.*"contexts":\([0-9]*\).*/\1/p')
	check gw-contexts [ "$ctxs" = $n ]
	check gw-attached-lines [ "$(grep -c '^attached' $W/gw-load.out)" = $n ]
	hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' \
		/proc/$GW_PID/status)
	avail1=$(mem_avail)
	s=$(slab parlos_ctx)
	stop $GW_PID
	check gw-exit-0 [ $? = 0 ]
	grep '^stats:' $W/gw-load.out
	check gw-all-bound [ "$(kv bound $W/gw-load.out)" = $n ]
	echo "BENCH load $n MEs: $(kv per-second $W/lg.out) attaches/s," \
		"$(kv seconds $W/lg.out) s to the last attach (wall $((t1 - t0)) s)"
	echo "BENCH load retransmissions: ME $(kv retransmissions $W/lg.out)" \
		"(T3410), gateway $(kv retransmissions $W/gw-load.out)" \
		"(T3460/T3450); answers again" \
		"$(kv answers-again $W/lg.out); failures $(kv failed $W/lg.out)"
	echo "BENCH load attach ms: avg $(kv avg $W/lg.out) p50 $(kv p50 $W/lg.out)" \
		"p99 $(kv p99 $W/lg.out) max $(kv max $W/lg.out)," \
		"$(kv under-way-max $W/lg.out) under way at most"
	echo "BENCH load gateway parlosd VmHWM $hwm kB"
	echo "BENCH load kernel: slab parlos_ctx ${s% *} objects of ${s#* } bytes" \
		"(the $n of the gateway: the loadgen's are gone), MemAvailable fell" \
		"$((avail0 - avail1)) kB with all of them"
	check contexts-deleted [ "$(ctx_count gw)" = 0 ]
	[ $FAILED = 0 ] || { save gw-load; cp $W/lg.err /host/lg.err; }
	net_down
}
