# SPDX-License-Identifier: GPL-2.0
# Netlink robustness: malformed attributes, missing ones, unknown
# commands, huge PDUs, then thousands of random messages. Each gets a
# clean error, nothing oopses, and existing contexts stay intact.
. /tests/lib.sh
load_parlos
C="parlosctl -j"

# Three contexts for the random messages to hit (ids 1-3), then two
# keepers that must come through untouched.
for i in 1 2 3; do $C ctx add role network nas-eea 2 nas-eia 2 >/dev/null; done
net=$($C ctx add role network label keeper-net nas-eea 3 nas-eia 3 as-eea 3 as-eia 3 | json_get id)
me=$($C ctx add role me label keeper-me nas-eea 3 nas-eia 3 as-eea 3 as-eia 3 | json_get id)
pub=$($C ctx keygen $me profile a | json_get pubkey)
blob=$($C ctx wrap $net profile a pubkey $pub | json_get blob)
$C ctx unwrap $me blob $blob >/dev/null
$C ctx derive-as $net count 0 >/dev/null
$C ctx derive-as $me count 0 >/dev/null
before_net=$($C ctx show $net | json_fprs)
before_me=$($C ctx show $me | json_fprs)

nlprobe robust | sed "s/^\(PASS\|FAIL\): /\1: vm.$T./"
nlprobe fuzz 3000 ${PARLOS_FUZZ_SEED:-20261129} | sed "s/^\(PASS\|FAIL\): /\1: vm.$T./"

check keeper-net-intact test "$($C ctx show $net | json_fprs)" = "$before_net"
check keeper-me-intact test "$($C ctx show $me | json_fprs)" = "$before_me"
check keeper-label sh -c "$C ctx show label keeper-me | grep -q '\"id\":$me'"
pdu=$($C nas protect $net sec-hdr 1 pdu 0742 | json_get pdu)
check keeper-still-works test "$($C nas unprotect $me pdu $pdu | json_get pdu)" = 0742
check rmmod unload_parlos
finish
