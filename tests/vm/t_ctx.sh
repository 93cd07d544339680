# SPDX-License-Identifier: GPL-2.0
# Two contexts in one kernel play ME and network, entirely through
# parlosctl: keygen, wrap, unwrap; equal fingerprints; NAS and SRB
# messages protected by one and unprotected by the other, both ways;
# tampered and replayed ones refused. Every EEA/EIA pair, both profiles.
. /tests/lib.sh
load_parlos
C="parlosctl -j"

# flip_hex HEX POS: the hex string with the nibble at POS changed
flip_hex() {
	echo "$1" | awk -v p="$2" '{ c = substr($0, p, 1);
		n = index("0123456789abcdef", c) - 1; n = (n + 1) % 16;
		print substr($0, 1, p - 1) substr("0123456789abcdef", n + 1, 1) substr($0, p + 1) }'
}

pair() {	# pair EEA EIA PROFILE: one full exchange; prints failures
	local eea=$1 eia=$2 prof=$3 tag=$1$2$3 net me pub blob fn fm pdu out plain
	net=$($C ctx add role network ue-id 7 nas-eea $eea nas-eia $eia as-eea $eea as-eia $eia | json_get id)
	me=$($C ctx add role me nas-eea $eea nas-eia $eia as-eea $eea as-eia $eia | json_get id)
	pub=$($C ctx keygen $me profile $prof | json_get pubkey)
	blob=$($C ctx wrap $net profile $prof pubkey $pub | json_get blob)
	check "$tag.unwrap" sh -c "$C ctx unwrap $me blob $blob >/dev/null"
	$C ctx derive-as $net count 0 >/dev/null
	$C ctx derive-as $me count 0 >/dev/null
	fn=$($C ctx show $net | json_fprs)
	fm=$($C ctx show $me | json_fprs)
	check "$tag.fingerprints-equal" test -n "$fn" -a "$fn" = "$fm"
	check "$tag.fingerprints-all" sh -c "echo '$fn' | grep -q kupint"

	# NAS downlink (SMC, type 3) and uplink (type 4)
	pdu=$($C nas protect $net sec-hdr 3 pdu 075d22000ee0e0c0c07d | json_get pdu)
	plain=$($C nas unprotect $me pdu $pdu | json_get pdu)
	check "$tag.nas-dl" test "$plain" = 075d22000ee0e0c0c07d
	pdu=$($C nas protect $me sec-hdr 4 pdu 075e | json_get pdu)
	plain=$($C nas unprotect $net pdu $pdu | json_get pdu)
	check "$tag.nas-ul" test "$plain" = 075e
	check "$tag.nas-replay" sh -c "! $C nas unprotect $net pdu $pdu 2>/tmp/err; grep -qi replay /tmp/err"
	pdu=$($C nas protect $net sec-hdr 2 pdu 0742010203 | json_get pdu)
	expect_fail "$tag.nas-tampered-mac" $C nas unprotect $me pdu "$(flip_hex $pdu 4)"
	expect_fail "$tag.nas-tampered-body" $C nas unprotect $me pdu "$(flip_hex $pdu 14)"
	plain=$($C nas unprotect $me pdu $pdu | json_get pdu)
	check "$tag.nas-after-refusals" test "$plain" = 0742010203

	# SRB1: the AS SMC integrity only, then ciphered, both ways
	pdu=$($C srb protect $net rb 1 cipher off pdu 3400 | json_get pdu)
	plain=$($C srb unprotect $me rb 1 cipher off pdu $pdu | json_get pdu)
	check "$tag.srb-smc" test "$plain" = 3400
	pdu=$($C srb protect $me rb 1 pdu 2a0102030405 | json_get pdu)
	plain=$($C srb unprotect $net rb 1 pdu $pdu | json_get pdu)
	check "$tag.srb-ul" test "$plain" = 2a0102030405
	expect_fail "$tag.srb-replay" $C srb unprotect $net rb 1 pdu $pdu
	pdu=$($C srb protect $net rb 1 pdu 2b0a0b0c | json_get pdu)
	expect_fail "$tag.srb-tampered" $C srb unprotect $me rb 1 pdu "$(flip_hex $pdu 6)"
	plain=$($C srb unprotect $me rb 1 pdu $pdu | json_get pdu)
	check "$tag.srb-dl" test "$plain" = 2b0a0b0c
	$C ctx del $net >/dev/null
	$C ctx del $me >/dev/null
}

for prof in a b; do
	for eea in 1 2 3; do
		for eia in 1 2 3; do
			pair $eea $eia $prof
		done
	done
done

# Refusals, each with the kernel's reason on stderr.
net=$($C ctx add role network nas-eea 2 nas-eia 2 | json_get id)
me=$($C ctx add role me nas-eea 2 nas-eia 2 | json_get id)
pub=$($C ctx keygen $me profile b | json_get pubkey)
blob=$($C ctx wrap $net profile b pubkey $pub | json_get blob)
check bad-tag sh -c "! $C ctx unwrap $me blob $(flip_hex $blob 140) 2>/tmp/err; grep -q 'tag mismatch' /tmp/err"
# x = p, the field prime itself: no point has it
p256=ffffffff00000001000000000000000000000000ffffffffffffffffffffffff
check off-curve sh -c "! $C ctx unwrap $me blob 02$p256$(echo $blob | cut -c67-) 2>/tmp/err; grep -q 'not a point on P-256' /tmp/err"
check state-kept sh -c "$C ctx unwrap $me blob $blob >/dev/null"
check eia0-refused sh -c "! $C ctx add role network nas-eia 0 2>/tmp/err; grep -q EIA0 /tmp/err"
check wrong-role sh -c "! $C ctx keygen $net profile a 2>/tmp/err; grep -q 'ME role' /tmp/err"
check list sh -c "$C ctx list | grep -q '\"id\":$me'"
check stats sh -c "$C stats | grep -q '\"contexts\":2'"
check del sh -c "$C ctx del $me >/dev/null && ! $C ctx show $me 2>/dev/null"
check kenb-export-off sh -c "! $C kenb export $net 2>/tmp/err; grep -q export_kenb /tmp/err"
$C ctx del $net >/dev/null
check rmmod unload_parlos
finish
