# SPDX-License-Identifier: GPL-2.0
# Credentials, with certificates made here by the openssl command: the
# good cases attach (ECDSA P-256 and Ed25519, through an intermediate,
# an ME certificate), and each bad one is refused with its own log
# line, before the ME's kernel unwraps anything: an expired
# certificate, the wrong CA, the wrong key usage, a signature over a
# different transcript, a downgraded capability list, a swapped 0x7A;
# at the gateway: an ME without a certificate where one is required,
# and a bad ME certificate. The gateway's captures of the good runs go
# to /host for tests/vm/post/t_cred.sh (tshark).
. /tests/lib.sh
. /tests/attach_lib.sh
. /tests/cred_lib.sh

check insmod load_parlos
check netns mitm_net_up
pki_init
ok=1
pki_ca ca p256 || ok=0
pki_ca other-ca ed25519 || ok=0
pki_cert inter ed25519 ca 30 "basicConstraints=critical,CA:TRUE" \
	"keyUsage=critical,keyCertSign" || ok=0
pki_cert gw p256 ca 30 "$GW_EXT" || ok=0
pki_cert gw-ed ed25519 inter 30 "$GW_EXT" || ok=0
cat "$PKI/gw-ed.pem" "$PKI/inter.pem" > "$PKI/gw-ed-chain.pem"
pki_cert gw-expired p256 ca -1 "$GW_EXT" || ok=0
pki_cert gw-other p256 other-ca 30 "$GW_EXT" || ok=0
pki_cert gw-no-ds p256 ca 30 "basicConstraints=critical,CA:FALSE" \
	"keyUsage=critical,keyEncipherment" || ok=0
pki_cert gw-tls p256 ca 30 "keyUsage=critical,digitalSignature" \
	"extendedKeyUsage=serverAuth" || ok=0
pki_cert me p256 ca 30 "$ME_EXT" || ok=0
pki_cert me-expired ed25519 ca -1 "$ME_EXT" || ok=0
pki_cert me-other p256 other-ca 30 "$ME_EXT" || ok=0
check openssl-made-the-pki [ $ok = 1 ]
check openssl-sees-expired sh -c "! openssl verify -CAfile '$PKI/ca.pem' \
	'$PKI/gw-expired.pem' > /dev/null 2>&1"

ME_OPTS="--t3410 3s --max-retrans 0"
CA="--mode cert --ca-file $PKI/ca.pem"

end() {
	[ -n "$ME_PID" ] && kill "$ME_PID" 2>/dev/null && wait "$ME_PID"
	[ -n "$MITM_PID" ] && kill "$MITM_PID" 2>/dev/null && wait "$MITM_PID"
	[ -n "$GW_PID" ] && stop "$GW_PID"
	[ $FAILED = 0 ] || save "$@"
	ME_PID= MITM_PID= GW_PID=
}

# good NAME GW_OPTIONS -- ME_OPTIONS: both attach
good() {
	local n=$1 g= m=
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do g="$g $1"; shift; done
	shift
	m="$*"
	gw_start gw-$n $g --pcap /host/cred-$n-gw.pcap
	me_run me-$n --gateway $GW_IP $m
	check $n.attached wait_for "$W/me-$n.out" '^attached' 20
	check $n.gw-attached wait_for "$W/gw-$n.out" '^attached' 5
}

# refused NAME PATTERN GW_OPTIONS -- ME_OPTIONS: the ME rejects the SMC
# with the line PATTERN, and installs nothing
refused() {
	local n=$1 pat=$2 g= m=
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do g="$g $1"; shift; done
	shift
	m="$*"
	gw_start gw-$n $g
	me_run me-$n --gateway $GW_IP $m $ME_OPTS
	check $n.refused wait_for "$W/me-$n.err" \
		"SECURITY MODE COMMAND rejected: #2[34] .*$pat" 20
	check $n.nothing-installed me_has_no_kasme
	check $n.gw-aborts wait_for "$W/gw-$n.err" 'SECURITY MODE REJECT #2' 5
	wait $ME_PID
	check $n.me-exit-4 [ $? = 4 ]
	ME_PID=
	end gw-$n me-$n
}

# 1. What attaches
good cert-p256 --mode cert --cert "$PKI/gw.pem" --key "$PKI/gw.key" -- $CA
check cert-p256.verified grep -q \
	"gateway credential verified: mode cert, key SHA256:$(pki_fpr gw), /CN=gw" \
	"$W/me-cert-p256.err"
end gw-cert-p256 me-cert-p256
good cert-ed25519 --mode cert --cert "$PKI/gw-ed-chain.pem" \
	--key "$PKI/gw-ed.key" -- $CA --profile b
check cert-ed25519.verified grep -q "key SHA256:$(pki_fpr gw-ed), /CN=gw-ed" \
	"$W/me-cert-ed25519.err"
end gw-cert-ed25519 me-cert-ed25519
good me-cert --mode cert --cert "$PKI/gw.pem" --key "$PKI/gw.key" \
	--require-me-cert --ca-file "$PKI/ca.pem" -- $CA \
	--cert "$PKI/me.pem" --key "$PKI/me.key"
check me-cert.gw-verified sh -c "grep -q 'ME certificate verified: /CN=me' \
	'$W/gw-me-cert.err' && grep -q 'ME signature (0x7F) verified' \
	'$W/gw-me-cert.err'"
end gw-me-cert me-cert
# the default mode still works next to all this
good none -- 
end gw-none me-none

# 2. What the ME refuses, each with its own line
GW="--mode cert --key $PKI/gw.key"
refused expired 'gateway certificate expired: certificate has expired' \
	--mode cert --cert "$PKI/gw-expired.pem" --key "$PKI/gw-expired.key" \
	-- $CA
refused wrong-ca 'gateway certificate not issued by a trusted CA (wrong CA)' \
	--mode cert --cert "$PKI/gw-other.pem" --key "$PKI/gw-other.key" -- $CA
refused missing-intermediate 'gateway certificate not issued by a trusted CA' \
	--mode cert --cert "$PKI/gw-ed.pem" --key "$PKI/gw-ed.key" -- $CA
refused key-usage \
	'gateway certificate has the wrong key usage: keyUsage lacks digitalSignature' \
	--mode cert --cert "$PKI/gw-no-ds.pem" --key "$PKI/gw-no-ds.key" -- $CA
refused extended-key-usage \
	'gateway certificate has the wrong key usage: extendedKeyUsage lacks id-kp-parlosGateway' \
	--mode cert --cert "$PKI/gw-tls.pem" --key "$PKI/gw-tls.key" -- $CA
refused me-cert-as-gateway 'gateway certificate has the wrong key usage' \
	--mode cert --cert "$PKI/me.pem" --key "$PKI/me.key" -- $CA
# a signature over a different transcript: signed for another PLMN
refused other-transcript \
	'gateway signature does not verify: signed over a different transcript' \
	$GW --cert "$PKI/gw.pem" --plmn 001-02 -- $CA --plmn 001-01
refused no-credential 'no gateway credential (0x7E) though mode is cert' \
	-- $CA

# a downgraded capability list, on the way (the relay takes EEA2/EEA3
# and EIA2/EIA3 out of the ATTACH REQUEST)
n=downgrade
gw_start gw-$n $GW --cert "$PKI/gw.pem"
mitm_run mitm-$n downgrade
me_run me-$n --gateway $MITM_IP $CA $ME_OPTS
check $n.relay-downgraded wait_for "$W/mitm-$n.out" 'mitm: downgraded' 10
check $n.refused wait_for "$W/me-$n.err" \
	'rejected: #23 .*downgraded on the way (sent EEA f0 EIA 70, replayed EEA c0 EIA 40)' 20
check $n.nothing-installed me_has_no_kasme
end gw-$n me-$n mitm-$n

# a swapped ME key that the relay cannot hide (0x7B), in mode none too
n=swapped-key
gw_start gw-$n
mitm_run mitm-$n swap-key-only
me_run me-$n --gateway $MITM_IP $ME_OPTS
check $n.refused wait_for "$W/me-$n.err" \
	'ME public key hash (0x7B) is not that of our key: 0x7A was altered on the way' 20
check $n.nothing-installed me_has_no_kasme
end gw-$n me-$n mitm-$n

# 3. What the gateway refuses: ATTACH REJECT #6
# gw_refuses NAME PATTERN ME_OPTIONS...
gw_refuses() {
	local n=$1 pat=$2
	shift 2
	gw_start gw-$n --require-me-cert --ca-file "$PKI/ca.pem"
	me_run me-$n --gateway $GW_IP "$@" $ME_OPTS
	wait $ME_PID
	check $n.me-rejected [ $? = 3 ]
	ME_PID=
	check $n.gw-line grep -q "ATTACH REJECT #6 (illegal ME): $pat" \
		"$W/gw-$n.err"
	check $n.me-line grep -q 'ATTACH REJECT #6 (illegal ME)' "$W/me-$n.err"
	end gw-$n me-$n
}
gw_refuses me-none 'no ME certificate (0x7C), and require-me-cert is set'
gw_refuses me-expired 'ME certificate expired' \
	--cert "$PKI/me-expired.pem" --key "$PKI/me-expired.key"
gw_refuses me-wrong-ca 'ME certificate not issued by a trusted CA' \
	--cert "$PKI/me-other.pem" --key "$PKI/me-other.key"
gw_refuses me-gw-cert 'ME certificate has the wrong key usage' \
	--cert "$PKI/gw.pem" --key "$PKI/gw.key"

# 4. Configuration mistakes stop parlosd at once (exit 2)
$IP netns exec me parlosd me --gateway $GW_IP --mode cert > /dev/null 2>&1
check config.cert-needs-ca [ $? = 2 ]
$IP netns exec me parlosd me --gateway $GW_IP --cert "$PKI/me.pem" \
	--key "$PKI/gw.key" > /dev/null 2> "$W/cfg.err"
check config.key-of-another-cert [ $? = 2 ]
check config.says-why grep -q 'not that of the key' "$W/cfg.err"

mitm_net_down
finish
