# SPDX-License-Identifier: GPL-2.0
# Host side of t_drb: with only the keylog, the captured tunnel deciphers
# back to the IP packets both ends sent (their plain captures).
#  - tshark, for EEA2. Debian's tshark is built without SNOW 3G and ZUC,
#    so for EEA1 and EEA3 it is only checked to dissect the framing;
#  - drbdecipher (ipsec-mb and OpenSSL, Wireshark's COUNT rules), for all.
# tshark needs, besides the keys: the heuristic, sequence analysis of
# UDP-framed PDCP (off by default: "Only-RLC-frames"), user-plane
# deciphering (off by default), and, when the capture holds no RRC
# SecurityModeCommand for the UE, the algorithm as a default.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../../.." && pwd)
dec=$top/build/host-bin/drbdecipher
eea_name=("EEA0 (NULL)" "EEA1 (SNOW3G)" "EEA2 (AES)" "EEA3 (ZUC)")

# good_sums LAYER FILE [OPTIONS]: inner packets (IP layer LAYER) whose
# IP checksum and TCP, UDP or ICMP checksum are right. (The outer UDP
# checksums of a veth capture are partial: offloaded.)
good_sums() {
	local l=$1
	shift
	tshark -r "$@" -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE \
		-o udp.check_checksum:TRUE -Y "ip.checksum.status#$l == \"Good\" &&
		(tcp.checksum.status == \"Good\" || udp.checksum.status#$l == \"Good\"
		 || icmp.checksum.status == \"Good\")" 2> /dev/null | wc -l
}

# The inner IPv4 packets of a capture, one line each, sorted: addresses,
# IP id and length, protocol, and the IP and transport checksums (which
# cover the payload).
inner() {
	tshark -r "$@" -T fields -E occurrence=l -e ip.src -e ip.dst \
		-e ip.id -e ip.len -e ip.proto -e ip.checksum -e tcp.checksum \
		-e udp.checksum -e icmp.checksum \
		-Y 'ip.src == 10.77.0.0/24 && ip.dst == 10.77.0.0/24' 2> /dev/null |
		awk -F'\t' '{ l4 = $5 == 6 ? $7 : $5 == 17 ? $8 : $9;
			print $1, $2, $3, $4, $5, $6, l4 }' | sort
}

command -v tshark > /dev/null || { fail tshark "tshark not installed"; exit 1; }
check drbdecipher-built [ -x "$dec" ]
n=0
for meta in "$SHARE"/drb-*.meta; do
	[ -f "$meta" ] || continue
	smc=0
	. "$meta"	# run, eea, mac, smc
	n=$((n + 1))
	wire=$SHARE/drb-$run.pcap
	key=$(cat "$SHARE/drb-$run.keylog")
	inner "$SHARE/drb-$run-me-plain.pcap" > /tmp/drb-$run.plain
	inner "$SHARE/drb-$run-gw-plain.pcap" >> /tmp/drb-$run.plain
	sort -o /tmp/drb-$run.plain /tmp/drb-$run.plain
	total=$(wc -l < /tmp/drb-$run.plain)
	echo "  $run: EEA$eea, $total plain packets captured"
	pdus=$(tshark -r "$wire" --enable-heuristic pdcp_lte_udp \
		-Y 'pdcp-lte.plane == 2' 2> /dev/null | wc -l)
	check $run.tshark-dissects [ "$pdus" -gt 0 ]
	tsh=(-2 --enable-heuristic pdcp_lte_udp
	     -o pdcp-lte.check_sequence_numbers:Only-PDCP-frames
	     -o pdcp-lte.decipher_userplane:TRUE
	     -o "uat:pdcp_lte_ue_keys:$key")
	# With the RRC Security Mode Command in the capture, no default
	[ "${smc:-0}" = 1 ] ||
		tsh+=(-o "pdcp-lte.default_ciphering_algorithm:${eea_name[$eea]}")
	inner "$wire" "${tsh[@]}" > /tmp/drb-$run.tshark
	got=$(wc -l < /tmp/drb-$run.tshark)
	if [ "$eea" = 2 ]; then
		# All of them, checksums right, and every packet sent is there
		check $run.tshark-deciphers-all [ "$got" = "$pdus" ]
		check $run.tshark-checksums [ "$(good_sums 2 "$wire" "${tsh[@]}")" = "$pdus" ]
		check $run.tshark-same-packets sh -c "[ $total -gt 0 ] &&
			[ -z \"\$(comm -23 /tmp/drb-$run.plain /tmp/drb-$run.tshark)\" ]"
		echo "  $run: tshark deciphered $got of $pdus PDUs; $total plain"
	else
		echo "  $run: tshark deciphered $got (no SNOW 3G/ZUC in this build)"
	fi
	"$dec" "$wire" "$key" "$eea" "$mac" /tmp/drb-$run.dec.pcap | sed 's/^/  /'
	inner /tmp/drb-$run.dec.pcap > /tmp/drb-$run.dec
	check $run.keylog-deciphers-all [ "$(wc -l < /tmp/drb-$run.dec)" = "$pdus" ]
	# every packet drbdecipher wrote has its checksums right
	check $run.keylog-checksums [ "$(good_sums 1 /tmp/drb-$run.dec.pcap)" = \
		"$(tshark -r /tmp/drb-$run.dec.pcap 2> /dev/null | wc -l)" ]
	check $run.keylog-same-packets sh -c "[ $total -gt 0 ] &&
		[ -z \"\$(comm -23 /tmp/drb-$run.plain /tmp/drb-$run.dec)\" ]"
done
check captures-found [ $n -ge 4 ]
exit $FAILED
