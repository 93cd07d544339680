# SPDX-License-Identifier: GPL-2.0
# Sourced (after attach_lib.sh) by the credential VM tests, t_cred and
# t_mitm: a third namespace "mitm" on the path between the ME and the
# gateway, the man in the middle in it, and an operator PKI made with
# the openssl command.
#
#   me (10.0.1.2) -- vmm | mitm 10.0.1.3, 10.0.0.3 | vmg -- gw (10.0.0.1)
#
# The mitm namespace routes: an ME sent to $GW_IP reaches the gateway
# through it untouched; an ME sent to $MITM_IP talks to the relay.
ME_IP=10.0.1.2
MITM_IP=10.0.1.3
MITM_GW_SIDE=10.0.0.3
PKI=$W/pki
# Our extendedKeyUsage purposes (userspace/d/cred.h)
OID_ARC=2.25.320691673370882736564371859101132721430
OID_GW=$OID_ARC.1
OID_ME=$OID_ARC.2

mitm_net_up() {
	$IP netns add gw && $IP netns add me && $IP netns add mitm &&
	$IP link add vgw type veth peer name vmg &&
	$IP link add vme type veth peer name vmm &&
	$IP link set vgw netns gw && $IP link set vmg netns mitm &&
	$IP link set vme netns me && $IP link set vmm netns mitm &&
	$IP -n gw addr add $GW_IP/24 dev vgw && $IP -n gw link set vgw up &&
	$IP -n mitm addr add $MITM_GW_SIDE/24 dev vmg &&
	$IP -n mitm addr add $MITM_IP/24 dev vmm &&
	$IP -n mitm link set vmg up && $IP -n mitm link set vmm up &&
	$IP -n me addr add $ME_IP/24 dev vme && $IP -n me link set vme up &&
	$IP -n gw link set lo up && $IP -n me link set lo up &&
	$IP -n mitm link set lo up &&
	$IP -n gw route add 10.0.1.0/24 via $MITM_GW_SIDE &&
	$IP -n me route add 10.0.0.0/24 via $MITM_IP &&
	$IP netns exec mitm sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
}

mitm_net_down() {
	net_down
	$IP netns del mitm 2>/dev/null
	true
}

# gw_start NAME ARGS...: gw_run, then wait until it listens
gw_start() {
	gw_run "$@"
	wait_for "$W/$1.err" 'gateway listening' 5
}

# mitm_run NAME ACTION...: the relay on $MITM_IP:36410; MITM_PID
mitm_run() {
	local name=$1
	shift
	$IP netns exec mitm mitm relay $MITM_IP:36410 $GW_IP:36410 "$@" \
		> "$W/$name.out" 2>&1 &
	MITM_PID=$!
	sleep 0.2
}

# The KASMEtemp fingerprint of an "attached" line, or of the relay's
kasme_fpr() {
	sed -n 's/^attached: .* fpr kasme=\([0-9a-f]*\).*/\1/p' "$1" | head -n 1
}
mitm_fpr() {
	sed -n 's/^mitm: KASMEtemp fpr \([0-9a-f]*\)$/\1/p' "$1" | tail -n 1
}

# The ME's context holds a key pair and nothing more
me_has_no_kasme() {
	$IP netns exec me parlosctl ctx list 2>/dev/null |
		grep -Eq 'state:? +keypair'
}

# --- the PKI ----------------------------------------------------------------

# openssl req wants a distinguished_name section, and nothing else here
pki_init() {
	mkdir -p "$PKI"
	printf '[req]\ndistinguished_name = dn\n[dn]\n' > "$PKI/openssl.cnf"
	export OPENSSL_CONF=$PKI/openssl.cnf
	SERIAL=1
}

# pki_key NAME p256|ed25519
pki_key() {
	if [ "$2" = ed25519 ]; then
		openssl genpkey -algorithm ED25519 -out "$PKI/$1.key"
	else
		openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
			-out "$PKI/$1.key"
	fi
}

# pki_ca NAME ALG: a self-signed CA
pki_ca() {
	pki_key "$1" "$2" &&
	openssl req -new -x509 -key "$PKI/$1.key" -subj "/CN=$1" -days 365 \
		-addext basicConstraints=critical,CA:TRUE \
		-addext keyUsage=critical,keyCertSign,cRLSign \
		-out "$PKI/$1.pem" 2>/dev/null
}

# pki_cert NAME ALG ISSUER DAYS EXTENSIONS...: NAME.key and NAME.pem,
# issued by ISSUER (a CA of pki_ca or an intermediate); DAYS may be -1
# (expired: valid until yesterday). EXTENSIONS are openssl.cnf lines.
pki_cert() {
	local name=$1 alg=$2 issuer=$3 days=$4 ext
	shift 4
	ext=$PKI/$name.ext
	printf '%s\n' "$@" > "$ext"
	SERIAL=$((SERIAL + 1))
	pki_key "$name" "$alg" &&
	openssl req -new -key "$PKI/$name.key" -subj "/CN=$name" \
		-out "$PKI/$name.csr" 2>/dev/null &&
	openssl x509 -req -in "$PKI/$name.csr" -CA "$PKI/$issuer.pem" \
		-CAkey "$PKI/$issuer.key" -set_serial $SERIAL -days "$days" \
		-extfile "$ext" -out "$PKI/$name.pem" 2>/dev/null
}

# The usual gateway and ME extensions
GW_EXT="basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=$OID_GW"
ME_EXT="basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=$OID_ME"

# SHA-256 of a key's SubjectPublicKeyInfo, as parlosd prints it
pki_fpr() {
	openssl pkey -in "$PKI/$1.key" -pubout -outform DER 2>/dev/null |
		openssl dgst -sha256 -r | cut -d' ' -f1
}
