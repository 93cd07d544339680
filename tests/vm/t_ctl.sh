# SPDX-License-Identifier: GPL-2.0
# parlosctl against the real module: every command, extack messages, events
# in both output formats, exports off and on, dumps of many contexts and
# dumps racing with changes.
. /tests/lib.sh
C=parlosctl
id_of() { sed -n 's/^{"id":\([0-9]*\).*/\1/p'; }
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
numfield() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }
show() { echo "--- $*"; "$@"; echo "[rc=$?]"; }

unload_parlos	# an earlier test may have left it loaded
$C ctx list > /tmp/o 2> /tmp/e; rc=$?
check no-module-rc [ $rc = 1 ]
check no-module-msg grep -qx 'parlosctl: the parlos module is not loaded (family "parlos" not found)' /tmp/e
check insmod load_parlos
check empty-list sh -c "$C -j ctx list | grep -qx '\[\]'"

me=$($C -j ctx add role me label ue1 ue-id 1 nas-eea 2 nas-eia 2 as-eea 2 as-eia 2 | id_of)
gw=$($C -j ctx add role network label gw1 ue-id 1 nas-eea 2 nas-eia 2 as-eea 2 as-eia 2 | id_of)
echo "me=$me gw=$gw"
check ids [ -n "$me" -a -n "$gw" ]
show $C ctx show $me
show $C -j ctx show label gw1
$C ctx add role me label ue1 2> /tmp/e; rc=$?
cat /tmp/e
check dup-label [ $rc = 1 -a "$(wc -l < /tmp/e)" = 1 ]
check dup-label-extack grep -q '^parlosctl: ctx add: ' /tmp/e
check dup-label-not-strerror sh -c "! grep -q 'File exists' /tmp/e"
$C ctx add role me nas-eia 0 2> /tmp/e; cat /tmp/e
check eia0-refused grep -q 'EIA0' /tmp/e
check list-two sh -c "$C -j ctx list | grep -o '\"id\"' | wc -l | grep -qx 2"

# Key agreement, profile a
pub=$($C ctx keygen $me profile a)
echo "pub=$pub"
check pub-len [ ${#pub} = 64 ]
out=$($C -j ctx wrap $gw profile a pubkey $pub); echo "$out"
blob=$(echo "$out" | field blob)
check blob-len [ ${#blob} = 144 ]
show $C ctx wrap $gw profile a pubkey $pub
check unwrap $C ctx unwrap $me blob $blob
k1=$($C -j ctx show $me | field kasme); k2=$($C -j ctx show $gw | field kasme)
echo "kasme fpr me=$k1 gw=$k2"
check kasme-same [ -n "$k1" -a "$k1" = "$k2" ]
bad=$(echo $blob | sed 's/.$/0/'); [ "$bad" = "$blob" ] && bad=$(echo $blob | sed 's/.$/1/')
$C ctx unwrap $me blob $bad 2> /tmp/e; rc=$?; cat /tmp/e
check unwrap-bad-tag [ $rc = 1 ]
check derive-me $C ctx derive-as $me count 0
check derive-gw $C ctx derive-as $gw count 0
e1=$($C -j ctx show $me | field kenb); e2=$($C -j ctx show $gw | field kenb)
check kenb-same [ -n "$e1" -a "$e1" = "$e2" ]
show $C ctx show $me

# NAS, with the monitor running
$C -j monitor > /tmp/mon 2> /tmp/mon.err &
mon=$!
$C monitor > /tmp/monh 2>&1 &
monh=$!
sleep 1
msg=0741720bf602f8398000010000000102e0e0
out=$($C -j nas protect $me sec-hdr 2 pdu $msg); echo "$out"
pdu=$(echo "$out" | field pdu)
check nas-count0 [ "$(echo "$out" | numfield count)" = 0 ]
out=$($C -j nas unprotect $gw pdu $pdu); echo "$out"
check nas-roundtrip [ "$(echo "$out" | field pdu)" = $msg ]
check nas-sec-hdr [ "$(echo "$out" | numfield sec_hdr)" = 2 ]
$C nas unprotect $gw pdu $pdu 2> /tmp/e; rc=$?; cat /tmp/e
check nas-replay [ $rc = 1 ]
tamp=$(echo $pdu | sed 's/^\(..\)\(..\)/\1ff/')
$C nas unprotect $gw pdu $tamp 2> /tmp/e; rc=$?; cat /tmp/e
check nas-mac [ $rc = 1 ]
show $C nas protect $me sec-hdr 1 pdu $msg

# SRB
out=$($C -j srb protect $gw rb 1 cipher off pdu 00112233); echo "$out"
p=$(echo "$out" | field pdu)
out=$($C -j srb unprotect $me rb 1 cipher off pdu $p); echo "$out"
check srb1-plain [ "$(echo "$out" | field pdu)" = 00112233 ]
out=$($C -j srb protect $me rb 2 pdu aabbcc); echo "$out"
p=$(echo "$out" | field pdu)
check srb2 sh -c "$C srb unprotect $gw rb 2 pdu $p | grep -q 'pdu:   aabbcc'"
show $C srb unprotect $gw rb 2 pdu $p
sleep 1
kill -INT $mon; wait $mon; rc=$?
check monitor-exit0 [ $rc = 0 ]
kill -TERM $monh; wait $monh
echo "--- monitor -j:"; cat /tmp/mon /tmp/mon.err
echo "--- monitor:"; cat /tmp/monh
check monitor-integrity grep -q '"event":"integrity","id":'$gw /tmp/mon
check monitor-replay grep -q '"event":"replay"' /tmp/mon
check monitor-human grep -q "^integrity id $gw role network label \"gw1\" layer nas count" /tmp/monh

# stats, set, exports disabled
show $C stats
show $C -j stats
show $C stats $gw
check stats-mac sh -c "$C -j stats $gw | grep -q '\"nas_mac_fail\":1'"
$C ctx set $me nas-eea 1 2> /tmp/e; rc=$?; cat /tmp/e
check set-busy [ $rc = 1 ]
check set-label sh -c "$C -j ctx set $me label ue1b | grep -q '\"label\":\"ue1b\"'"
$C ctx set $me ul-count 0 2> /tmp/e; cat /tmp/e
$C kenb export $me 2> /tmp/e; rc=$?; cat /tmp/e
check kenb-disabled grep -qx 'parlosctl: kenb export: KeNB export is disabled: load with export_kenb=1' /tmp/e
$C keylog 2> /tmp/e; rc=$?; cat /tmp/e
check keylog-disabled [ $rc = 1 ]
check del $C ctx del $gw
$C ctx show $gw 2> /tmp/e; rc=$?; cat /tmp/e
check deleted-show grep -qx 'parlosctl: ctx show: no such context' /tmp/e
$C ctx del $me
lsmod; show $C ctx list
check rmmod unload_parlos

# Exports enabled, profile b
# Exports enabled, profile b, and large dumps
check insmod-exports load_parlos export_kenb=1 keylog=1
me=$($C -j ctx add role me label ue2 ue-id 7 nas-eea 2 nas-eia 2 as-eea 2 as-eia 2 | id_of)
gw=$($C -j ctx add role network label gw2 ue-id 7 nas-eea 2 nas-eia 2 as-eea 2 as-eia 2 | id_of)
pub=$($C ctx keygen $me profile b)
blob=$($C ctx wrap $gw profile b pubkey $pub)
check unwrap-b $C ctx unwrap $me blob $blob
$C kenb export $me 2> /tmp/e; cat /tmp/e
check kenb-before-derive grep -q 'no KeNB yet' /tmp/e
$C ctx derive-as $me count 0 > /dev/null; $C ctx derive-as $gw count 0 > /dev/null
a=$($C kenb export $me); b=$($C kenb export $gw)
echo "kenb me=$a gw=$b"
check kenb-export [ ${#a} = 64 -a "$a" = "$b" ]
show $C -j kenb export $me
show $C keylog $me
show $C keylog
show $C -j keylog
check keylog-lines sh -c "$C keylog | wc -l | grep -qx 2"
$C -j ctx add role me label lonely > /dev/null
check keylog-skips-nokeys sh -c "$C keylog | wc -l | grep -qx 2"
$C keylog 3 2> /tmp/e; cat /tmp/e
check keylog-id-nokey grep -q 'no AS keys or no UE id yet' /tmp/e
# a dump of many contexts (several datagrams)
i=0; while [ $i -lt 300 ]; do $C ctx add role network > /dev/null || break; i=$((i+1)); done
check list-many sh -c "$C -j ctx list | grep -o '\"id\"' | wc -l | grep -qx 303"
check list-many-human sh -c "$C ctx list | grep -c '^context: ' | grep -qx 303"
# concurrent changes during dumps: the tool retries, never shows garbage
( j=0; while [ $j -lt 200 ]; do $C ctx add role me > /dev/null; j=$((j+1)); done ) &
bg=$!
ok=1; k=0
while [ $k -lt 30 ]; do
	$C -j ctx list > /tmp/l 2> /tmp/le || { cat /tmp/le; grep -q 'interrupted' /tmp/le || ok=0; }
	k=$((k+1))
done
wait $bg
check list-concurrent [ $ok = 1 ]
# Contexts do not pin the module: unload with 500 of them in place.
check rmmod-with-contexts unload_parlos
finish
