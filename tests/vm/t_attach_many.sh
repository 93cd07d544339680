# SPDX-License-Identifier: GPL-2.0
# 50 MEs attach to one gateway at once: all end attached, none is lost,
# each with its own UE id, IPv4 address and matching fingerprints.
. /tests/lib.sh
. /tests/attach_lib.sh

N=50
check insmod load_parlos
check netns net_up
gw_run gw-many --t3460 5s --t3450 5s
sleep 0.3
i=1
pids=
while [ $i -le $N ]; do
	# IMEIs differ: parlosd makes them from the process id
	me_run me-many-$i --gateway $GW_IP --t3410 20s
	pids="$pids $ME_PID"
	i=$((i + 1))
done
check gw-attached-all wait_count "$W/gw-many.out" '^attached' $N 240
got=0
i=1
while [ $i -le $N ]; do
	wait_for "$W/me-many-$i.out" '^attached' 5 && got=$((got + 1))
	i=$((i + 1))
done
check me-attached-all [ $got = $N ]
check gw-attached-exactly-n [ "$(grep -c '^attached' "$W/gw-many.out")" = $N ]
check unique-ue-ids [ "$(sed -n 's/^attached: .* ue-id=\([0-9]*\) .*/\1/p' \
	"$W/gw-many.out" | sort -u | wc -l)" = $N ]
check unique-addresses [ "$(sed -n 's/^attached: .* ip=\([0-9.]*\) .*/\1/p' \
	"$W/gw-many.out" | sort -u | wc -l)" = $N ]
bad=0
i=1
while [ $i -le $N ]; do
	imei=$(sed -n 's/^attached: imei=\([0-9]*\) .*/\1/p' "$W/me-many-$i.out")
	mf=$(fprs "$W/me-many-$i.out")
	gf=$(grep "^attached: .* imei=$imei " "$W/gw-many.out" |
		sed -n 's/.* fpr //p')
	[ -n "$mf" -a "$mf" = "$gf" ] || bad=$((bad + 1))
	i=$((i + 1))
done
check same-fingerprints-all [ $bad = 0 ]
check gw-contexts [ "$(ctx_count gw)" = $N ]
check me-contexts [ "$(ctx_count me)" = $N ]
check no-aborts sh -c "! grep -q 'attach aborted' '$W/gw-many.err'"
for p in $pids; do stop $p; done
stop $GW_PID
check gw-exit-0 [ $? = 0 ]
check contexts-deleted [ "$(ctx_count gw)" = 0 -a "$(ctx_count me)" = 0 ]
[ $FAILED = 0 ] || save gw-many me-many-1
net_down
finish
