# SPDX-License-Identifier: GPL-2.0
# What goes wrong, and what parlosd does about it:
#  - a corrupted SMC MAC (a relay flips a bit): the ME answers SECURITY
#    MODE REJECT #24, the gateway aborts, the ME never attaches;
#  - a replayed ATTACH ACCEPT (the relay sends it twice): the copy is
#    dropped, one ATTACH COMPLETE only;
#  - an ME that offers only EIA0: ATTACH REJECT #23;
#  - datagrams of garbage: logged and ignored, other MEs attach.
. /tests/lib.sh
. /tests/attach_lib.sh

RELAY=$GW_IP:36411
check insmod load_parlos
check netns net_up
gw_run gw-neg --t3460 2s --t3450 2s
sleep 0.3

# 1. corrupted SMC MAC
$IP netns exec gw udprelay relay $RELAY $GW_IP:36410 corrupt-smc-mac \
	> "$W/relay1.out" 2>&1 &
R=$!
sleep 0.2
me_run me-badmac --gateway $RELAY --t3410 2s --max-retrans 1
wait $ME_PID
rc=$?
check badmac.me-gives-up [ $rc = 4 ]
check badmac.relay-corrupted grep -q corrupted "$W/relay1.out"
check badmac.me-rejects-24 sh -c "grep -q 'SECURITY MODE COMMAND rejected: #24' \
	'$W/me-badmac.err' && grep -q 'bad MAC' '$W/me-badmac.err'"
check badmac.gw-aborts grep -q 'SECURITY MODE REJECT #24' "$W/gw-neg.err"
check badmac.never-attached sh -c "! grep -q '^attached' '$W/me-badmac.out'"
check badmac.me-context-gone [ "$(ctx_count me)" = 0 ]
kill $R; wait $R

# 2. replayed ATTACH ACCEPT
$IP netns exec gw udprelay relay $RELAY $GW_IP:36410 dup-accept \
	> "$W/relay2.out" 2>&1 &
R=$!
sleep 0.2
me_run me-replay --gateway $RELAY
check replay.attached wait_for "$W/me-replay.out" '^attached' 30
check replay.relay-replayed wait_for "$W/relay2.out" 'replayed an ATTACH' 5
check replay.dropped wait_for "$W/me-replay.err" 'replayed NAS message' 5
check replay.one-complete [ "$(grep -c 'ATTACH ACCEPT: ATTACH COMPLETE' \
	"$W/me-replay.err")" = 1 ]
check replay.not-answered sh -c "! grep -q 'ATTACH ACCEPT retransmitted' \
	'$W/me-replay.err'"
stop $ME_PID
kill $R; wait $R

# 3. an ME offering only EIA0
me_run me-eia0 --gateway $GW_IP --eia 0
wait $ME_PID
rc=$?
check eia0.exit-rejected [ $rc = 3 ]
check eia0.reject-23 grep -q 'ATTACH REJECT #23' "$W/me-eia0.err"
check eia0.gw-logged grep -q 'ATTACH REJECT #23' "$W/gw-neg.err"

# 4. garbage, while three MEs attach (the gateway still holds the
#    context of the ME of test 2: it never heard that ME leave)
before=$(ctx_count gw)
for i in 1 2 3; do
	me_run me-g$i --gateway $GW_IP
	eval P$i=$ME_PID
done
$IP netns exec me udprelay send $GW_IP:36410 deadbeef00112233 > /dev/null
$IP netns exec me udprelay send $GW_IP:36410 706463702d6c746500 > /dev/null
$IP netns exec me udprelay send $GW_IP:36410 0741 > /dev/null
$IP netns exec me udprelay send $GW_IP:36410 27000000000000 > /dev/null
ok=1
for i in 1 2 3; do
	wait_for "$W/me-g$i.out" '^attached' 30 || ok=0
done
check garbage.others-attached [ $ok = 1 ]
check garbage.logged grep -q 'no EMM message: dropped' "$W/gw-neg.err"
check garbage.malformed-logged grep -q 'malformed' "$W/gw-neg.err"
check garbage.gw-alive kill -0 $GW_PID
check garbage.three-more-contexts [ "$(ctx_count gw)" = $((before + 3)) ]
stop $P1; stop $P2; stop $P3
stop $GW_PID
check gw-exit-0 [ $? = 0 ]
[ $FAILED = 0 ] || save gw-neg me-badmac me-replay me-eia0 me-g1
net_down
finish
