# SPDX-License-Identifier: GPL-2.0
# rmmod with everything live: a gateway and an ME with their user plane,
# 300 loadgen MEs, their contexts and DRB1 bindings, UDP floods both
# ways through the tunnel and the daemons still running (first idle,
# then in the middle of attaching). The module unloads, takes its
# devices and contexts with it, the daemons survive the family going
# away, and the kernel log stays clean (the harness fails on a warning
# or oops). Leak check: after two such cycles the kernel's unreclaimable
# slab and MemAvailable are where they were after the first.
. /tests/lib.sh
. /tests/attach_lib.sh
N=300

# kb FIELD: a /proc/meminfo figure, after the caches are dropped
kb() {
	sync
	echo 3 > /proc/sys/vm/drop_caches
	echo 1 > /proc/sys/vm/compact_memory
	sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" /proc/meminfo
}

# settle: namespaces and RCU callbacks are freed by workers, slowly
# under TCG; wait until MemAvailable holds still (256 kB, 1 s apart)
settle() {
	local i=0 a b
	a=$(kb MemAvailable)
	while [ $i -lt 30 ]; do
		sleep 1
		b=$(kb MemAvailable)
		[ $((b - a)) -lt 256 ] && [ $((a - b)) -lt 256 ] && return 0
		a=$b
		i=$((i + 1))
	done
}

# slab_objs FILE: objects in use and objects per slab, per slab cache;
# FILE.vm: the kernel's page counters
slab_objs() {
	awk 'NR > 2 { print $1, $2, $5 }' /proc/slabinfo > $1
	grep '^nr_' /proc/vmstat > $1.vm
}

# meminfo: the kernel's memory on one line, to tell a leak from noise
meminfo() {
	grep -E '^(MemFree|MemAvailable|Shmem|SUnreclaim|VmallocUsed|Percpu|KernelStack):' \
		/proc/meminfo | tr -s ' ' | tr '\n' ' '
	echo
}

ctxs() {
	$IP netns exec $1 parlosctl -j stats | sed -n 's/.*"contexts":\([0-9]*\).*/\1/p'
}

# cycle NAME MID: load, attach, flood, rmmod; MID=1: rmmod while the
# loadgen still attaches
cycle() {
	local c=$1 mid=$2 ue i rc p
	check $c.insmod load_parlos
	check $c.netns net_up
	gw_run gw-$c --dev parlos0 --log-level warn
	sleep 0.5
	me_run me-$c --gateway $GW_IP --dev parlos0 --route 10.45.0.0/16
	check $c.me-attached wait_for $W/me-$c.out '^attached' 30
	ue=$(sed -n 's/^attached: .* ip=\([0-9.]*\) .*/\1/p' $W/me-$c.out)
	$IP netns exec me parlosd loadgen --gateway $GW_IP --count $N --hold \
		--keep-contexts --rate $([ $mid = 1 ] && echo 20 || echo 0) \
		> $W/lg-$c.out 2> $W/lg-$c.err &
	LG=$!
	if [ $mid = 0 ]; then
		check $c.loadgen-attached wait_for $W/lg-$c.out \
			"^loadgen: mes=$N attached=$N failed=0" 120
	else
		i=0
		while [ $i -lt 100 ] && [ "$(ctxs gw)" -lt 60 ]; do
			sleep 0.1
			i=$((i + 1))
		done
	fi
	$IP netns exec me drbtool udp-send 10.45.0.1 5006 100000000 1200 \
		> /dev/null 2>&1 &
	F1=$!
	$IP netns exec gw drbtool udp-send $ue 5007 100000000 1200 \
		> /dev/null 2>&1 &
	F2=$!
	sleep 2
	local gc=$(ctxs gw) mc=$(ctxs me)
	echo "$c: gw $gc contexts, me $mc, flooding"
	check $c.flowing sh -c "[ \"\$($IP -n gw -s link show dev parlos0 |
		awk '/RX:/ { getline; print \$2; exit }')\" -gt 100 ]"
	check $c.contexts-live [ "$gc" -gt 50 -a "$mc" -gt 50 ]
	check $c.rmmod rmmod parlos
	check $c.module-gone sh -c "! lsmod | grep -q '^parlos '"
	check $c.devices-gone sh -c "! $IP -n gw link show dev parlos0 2> /dev/null &&
		! $IP -n me link show dev parlos0 2> /dev/null"
	check $c.slab-gone sh -c "! grep -q '^parlos' /proc/slabinfo"
	kill $F1 $F2 2> /dev/null
	wait $F1 $F2 2> /dev/null
	# The daemons outlive the family: SIGTERM, no crash
	for p in loadgen:$LG me:$ME_PID gateway:$GW_PID; do
		kill -TERM ${p#*:} 2> /dev/null
		wait ${p#*:}
		rc=$?
		check $c.${p%:*}-survives [ $rc -le 4 ]
	done
	check $c.still-unloaded sh -c "! lsmod | grep -q '^parlos '"
	net_down
	sleep 3	# namespaces go in a worker
}

# A first load and unload of the bare module, then the baseline
check warm load_parlos
check warm-rmmod unload_parlos
settle
meminfo
s0=$(kb SUnreclaim)
a0=$(kb MemAvailable)
cycle idle 0
settle
meminfo
slab_objs $W/slab1
s1=$(kb SUnreclaim)
a1=$(kb MemAvailable)
cycle mid-attach 1
settle
meminfo
slab_objs $W/slab2
s2=$(kb SUnreclaim)
a2=$(kb MemAvailable)
echo "BENCH unload: SUnreclaim $s0 -> $s1 -> $s2 kB, MemAvailable $a0 -> $a1 -> $a2 kB"
# What one cycle allocates is several MB (600 contexts, 300 bindings)
check no-slab-growth [ $((s2 - s1)) -lt 1024 ]
# A leak shows as live objects, not as slab pages kept partly used. A
# context leaked would make parlos_ctx's destroy at rmmod warn; what this
# looks for is the data path's: a buffer or skb leaked per packet of the
# floods is thousands of objects in a kmalloc or skbuff cache. Noise is
# a few slabs: SLUB counts the free objects of per-CPU slabs as in use,
# and the two cycles differ (idle, mid-attach).
growth() {
	awk 'NR == FNR { b[$1] = $2; next } $2 > b[$1] { print $2 - b[$1], $3, $1 }' \
		$W/slab1 $W/slab2 | sort -n
}
growth | grep ' kmalloc-[0-9]' | tail -n 3 |
	sed 's/^/  kmalloc growth (objects, per slab, cache): /'
check slab-compared [ "$(grep -c '^kmalloc-[0-9]' $W/slab2)" -gt 5 ]
check no-kmalloc-growth [ "$(growth | awk '$3 ~ /^(kmalloc-[0-9]|skbuff_)/ &&
	$1 >= 1000 && $1 > 4 * $2' | wc -l)" = 0 ]
# Pages: none of the kernel's page-use counters grows by 1 MB. The free
# pages themselves drift by 2-8 MB from cycle to cycle, held in the
# per-CPU page lists, which count as neither free nor used (and move the
# dirty thresholds); a flood of leaked skbs (tens of MB a second here)
# would still show.
USE='^nr_(slab_(un)?reclaimable|anon_pages|file_pages|shmem|kernel_stack|page_table_pages|kernel_misc_reclaimable|unevictable|mlock|bounce|zspages)$'
awk -v use="$USE" 'NR == FNR { b[$1] = $2; next } $1 ~ use {
	d = $2 - b[$1]; if (d > 256) print $1, d }' \
	$W/slab1.vm $W/slab2.vm > $W/vm.moved
sed 's/^/  moved (pages): /' $W/vm.moved
check vmstat-compared [ "$(awk -v use="$USE" '$1 ~ use' $W/slab2.vm |
	wc -l)" -ge 8 ]
check no-page-counter-moves [ ! -s $W/vm.moved ]
check no-memory-loss [ $((a1 - a2)) -lt 16384 ]
finish
