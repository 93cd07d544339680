# SPDX-License-Identifier: GPL-2.0
# The full PARLOS attach between a gateway and an ME in two network
# namespaces, for each EEA (1, 2, 3) with each EIA (1, 2, 3), in both
# ECIES profiles: both sides attached with the same algorithms and the
# same key fingerprints, contexts gone after SIGTERM. The pcaps go to
# /host for tests/vm/post/t_attach.sh (tshark).
. /tests/lib.sh
. /tests/attach_lib.sh

check insmod load_parlos
check netns net_up

for p in a b; do
	P=$(echo $p | tr ab AB)
	for eea in 1 2 3; do
		for eia in 1 2 3; do
			n=$p-eea$eea-eia$eia
			gw_run gw-$n --eea $eea --eia $eia --t3460 2s \
				--pcap /host/attach-$n-gw.pcap
			sleep 0.2
			me_run me-$n --gateway $GW_IP --profile $p --t3410 5s \
				--pcap /host/attach-$n-me.pcap
			ok=1
			wait_for "$W/me-$n.out" '^attached' 30 &&
				wait_for "$W/gw-$n.out" '^attached' 10 || ok=0
			check "$n.attached" [ $ok = 1 ]
			mf=$(fprs "$W/me-$n.out")
			gf=$(fprs "$W/gw-$n.out")
			check "$n.same-fingerprints" [ -n "$mf" -a "$mf" = "$gf" ]
			check "$n.eight-keys" [ "$(echo "$mf" | wc -w)" = 8 ]
			want="nas=EEA$eea/EIA$eia as=EEA$eea/EIA$eia profile=$P"
			check "$n.algorithms" sh -c "grep -q '$want' '$W/me-$n.out' &&
				grep -q '$want' '$W/gw-$n.out'"
			check "$n.contexts-live" [ "$(ctx_count gw)" = 1 -a \
				"$(ctx_count me)" = 1 ]
			stop $ME_PID
			check "$n.me-exit-0" [ $? = 0 ]
			stop $GW_PID
			check "$n.gw-exit-0" [ $? = 0 ]
			check "$n.contexts-deleted" [ "$(ctx_count gw)" = 0 -a \
				"$(ctx_count me)" = 0 ]
			[ $FAILED = 0 ] || save gw-$n me-$n
		done
	done
done
net_down
finish
