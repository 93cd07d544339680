# SPDX-License-Identifier: GPL-2.0
# A man in the middle between the ME and the gateway (tests/vm/mitm.c,
# in its own namespace): it swaps the ME's public key (0x7A) for its
# own, reads KASMEtemp from the gateway's 0x7D, wraps it again to the
# ME, fixes 0x7B and the SMC's MAC.
#  - Without credentials the attack works, with every algorithm: both
#    ends attach and the relay holds KASMEtemp (its fingerprint is the
#    one both ends print) and reads the ciphered NAS messages. This is
#    the open point of TR 33.815 solution #1. It can also bid the
#    algorithms down unnoticed.
#  - In mode cert it is refused: the gateway's signature covers 0x7A;
#    and removing 0x7E is refused too.
#  - In mode pin it is refused after a first contact; on the first
#    contact itself a man in the middle gets his own key pinned.
#  - An ME with a certificate makes the gateway refuse it (0x7F).
. /tests/lib.sh
. /tests/attach_lib.sh
. /tests/cred_lib.sh

check insmod load_parlos
check ecies-kdf-vectors mitm selftest /vectors
check netns mitm_net_up
pki_init
pki_ca ca p256 &&
	pki_cert gw p256 ca 30 "$GW_EXT" &&
	pki_cert me p256 ca 30 "$ME_EXT" &&
	pki_key evil ed25519
check pki-made [ -s "$PKI/gw.pem" -a -s "$PKI/me.pem" -a -s "$PKI/evil.key" ]
check direct-path-routed $IP netns exec me ping -c 1 -W 2 $GW_IP

ME_OPTS="--t3410 3s --max-retrans 0"

# end NAME...: stop what runs, keep logs of a failure
end() {
	[ -n "$ME_PID" ] && kill "$ME_PID" 2>/dev/null && wait "$ME_PID"
	[ -n "$MITM_PID" ] && kill "$MITM_PID" 2>/dev/null && wait "$MITM_PID"
	[ -n "$GW_PID" ] && stop "$GW_PID"
	[ $FAILED = 0 ] || save "$@"
	ME_PID= MITM_PID= GW_PID=
}

# 1. No credentials: the attack succeeds (each algorithm pair, A and B)
for run in a-2-2 b-1-1 a-3-3 b-2-3; do
	p=${run%%-*}
	r=${run#*-}
	eea=${r%-*}
	eia=${r#*-}
	n=none-$run
	gw_start gw-$n --eea $eea --eia $eia
	mitm_run mitm-$n swap-key
	me_run me-$n --gateway $MITM_IP --profile $p
	ok=1
	wait_for "$W/me-$n.out" '^attached' 20 &&
		wait_for "$W/gw-$n.out" '^attached' 5 || ok=0
	check $n.attack-succeeds [ $ok = 1 ]
	mf=$(kasme_fpr "$W/me-$n.out")
	gf=$(kasme_fpr "$W/gw-$n.out")
	xf=$(mitm_fpr "$W/mitm-$n.out")
	check $n.mitm-holds-kasmetemp [ -n "$xf" -a "$xf" = "$mf" -a \
		"$xf" = "$gf" ]
	check $n.algorithms grep -q "nas=EEA$eea/EIA$eia" "$W/me-$n.out"
	ip=$(sed -n 's/^attached: .* ip=\([0-9.]*\) .*/\1/p' "$W/me-$n.out")
	check $n.mitm-reads-accept grep -q \
		"mitm: read ATTACH ACCEPT: ME address $ip\$" "$W/mitm-$n.out"
	check $n.mitm-reads-complete grep -q \
		"mitm: read SECURITY MODE COMPLETE: imeisv" "$W/mitm-$n.out"
	end gw-$n me-$n mitm-$n
done

# ... and bids the algorithms down unnoticed (EEA1/EIA1 though the ME
# offers EEA2/EIA2 and both prefer them)
n=none-downgrade
gw_start gw-$n
mitm_run mitm-$n swap-key downgrade
me_run me-$n --gateway $MITM_IP
check $n.attack-succeeds wait_for "$W/me-$n.out" '^attached' 20
check $n.downgraded grep -q 'nas=EEA1/EIA1' "$W/me-$n.out"
end gw-$n me-$n mitm-$n

# 2. Mode cert: the same attack is refused before anything is unwrapped
n=cert
gw_start gw-$n --mode cert --cert "$PKI/gw.pem" --key "$PKI/gw.key"
mitm_run mitm-$n swap-key
me_run me-$n --gateway $MITM_IP --mode cert --ca-file "$PKI/ca.pem" $ME_OPTS
check $n.refused wait_for "$W/me-$n.err" \
	'rejected: #24 .*gateway signature does not verify: signed over a different transcript' 20
check $n.nothing-installed me_has_no_kasme
check $n.gw-aborts wait_for "$W/gw-$n.err" 'SECURITY MODE REJECT #24' 5
wait $ME_PID
check $n.me-gives-up [ $? = 4 ]
ME_PID=
check $n.never-attached sh -c "! grep -q '^attached' '$W/me-$n.out' '$W/gw-$n.out'"
end gw-$n me-$n mitm-$n

# ... also when the relay removes the credential (bidding down to none)
n=cert-stripped
gw_start gw-$n --mode cert --cert "$PKI/gw.pem" --key "$PKI/gw.key"
mitm_run mitm-$n swap-key strip-cred
me_run me-$n --gateway $MITM_IP --mode cert --ca-file "$PKI/ca.pem" $ME_OPTS
check $n.refused wait_for "$W/me-$n.err" \
	'no gateway credential (0x7E) though mode is cert' 20
check $n.nothing-installed me_has_no_kasme
end gw-$n me-$n mitm-$n

# ... and when it bids the algorithms down
n=cert-downgrade
gw_start gw-$n --mode cert --cert "$PKI/gw.pem" --key "$PKI/gw.key"
mitm_run mitm-$n swap-key downgrade
me_run me-$n --gateway $MITM_IP --mode cert --ca-file "$PKI/ca.pem" $ME_OPTS
check $n.refused wait_for "$W/me-$n.err" 'gateway signature does not verify' 20
end gw-$n me-$n mitm-$n

# 3. Mode pin. A first contact through the relay, which signs with its
#    own key: trust on first use cannot tell, the attacker's key is
#    pinned (the warning says so) ...
PINS=$W/pins
rm -f "$PINS"
n=pin-first-mitm
gw_start gw-$n --mode pin --key "$PKI/gw.key"
mitm_run mitm-$n swap-key sign-as="$PKI/evil.key" plmn=001-01
me_run me-$n --gateway $MITM_IP --mode pin --pin-file "$PINS"
check $n.attack-succeeds wait_for "$W/me-$n.out" '^attached' 20
check $n.warned grep -q \
	"first contact with PLMN 001-01: gateway key SHA256:$(pki_fpr evil)" \
	"$W/me-$n.err"
check $n.mitm-holds-kasmetemp [ "$(mitm_fpr "$W/mitm-$n.out")" = \
	"$(kasme_fpr "$W/me-$n.out")" ]
end gw-$n me-$n mitm-$n
# ... and then the real gateway is the one refused, until the pin goes
n=pin-real-after-mitm
gw_start gw-$n --mode pin --key "$PKI/gw.key"
me_run me-$n --gateway $GW_IP --mode pin --pin-file "$PINS" $ME_OPTS
check $n.refused wait_for "$W/me-$n.err" \
	"gateway key for PLMN 001-01 changed: offered SHA256:$(pki_fpr gw)" 20
end gw-$n me-$n

# A genuine first contact, straight to the gateway: pinned, with a warning
rm -f "$PINS"
n=pin-first
gw_start gw-$n --mode pin --key "$PKI/gw.key"
me_run me-$n --gateway $GW_IP --mode pin --pin-file "$PINS"
check $n.attached wait_for "$W/me-$n.out" '^attached' 20
check $n.warned grep -q \
	"first contact with PLMN 001-01: gateway key SHA256:$(pki_fpr gw) pinned" \
	"$W/me-$n.err"
check $n.pin-file grep -q '^001-01 ecdsa-p256 ' "$PINS"
end gw-$n me-$n
# ... after which the relay is refused, whether it passes the gateway's
# credential on (its signature then covers the relay's 0x7A) ...
n=pin-mitm
gw_start gw-$n --mode pin --key "$PKI/gw.key"
mitm_run mitm-$n swap-key
me_run me-$n --gateway $MITM_IP --mode pin --pin-file "$PINS" $ME_OPTS
check $n.refused wait_for "$W/me-$n.err" 'gateway signature does not verify' 20
check $n.nothing-installed me_has_no_kasme
end gw-$n me-$n mitm-$n
# ... or signs with its own key
n=pin-mitm-own-key
gw_start gw-$n --mode pin --key "$PKI/gw.key"
mitm_run mitm-$n swap-key sign-as="$PKI/evil.key" plmn=001-01
me_run me-$n --gateway $MITM_IP --mode pin --pin-file "$PINS" $ME_OPTS
check $n.refused wait_for "$W/me-$n.err" \
	"gateway key for PLMN 001-01 changed: offered SHA256:$(pki_fpr evil), pinned SHA256:$(pki_fpr gw)" 20
check $n.nothing-installed me_has_no_kasme
end gw-$n me-$n mitm-$n
# ... while the real gateway is still welcome, without a warning
n=pin-again
gw_start gw-$n --mode pin --key "$PKI/gw.key"
me_run me-$n --gateway $GW_IP --mode pin --pin-file "$PINS"
check $n.attached wait_for "$W/me-$n.out" '^attached' 20
check $n.no-warning sh -c "! grep -q 'first contact' '$W/me-$n.err'"
end gw-$n me-$n

# 4. An ME with a certificate: the gateway sees the attack in 0x7F
n=me-cert
gw_start gw-$n --require-me-cert --ca-file "$PKI/ca.pem"
mitm_run mitm-$n swap-key
me_run me-$n --gateway $MITM_IP --cert "$PKI/me.pem" --key "$PKI/me.key" \
	$ME_OPTS
check $n.gw-refuses wait_for "$W/gw-$n.err" \
	'ATTACH REJECT #6 (illegal ME): ME signature does not verify: signed over a different transcript' 20
wait $ME_PID
check $n.me-rejected [ $? = 3 ]
ME_PID=
check $n.never-attached sh -c "! grep -q '^attached' '$W/gw-$n.out'"
end gw-$n me-$n mitm-$n

mitm_net_down
finish
