# SPDX-License-Identifier: GPL-2.0
# Host side of t_traffic: the veth captures of the user plane parlosd
# bound. Without keys nothing inside is readable. With the keylog the
# whole capture of pings and marker deciphers: tshark for EEA2 (Debian's
# build has no SNOW 3G or ZUC), drbdecipher for every algorithm.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../../.." && pwd)
dec=$top/build/host-bin/drbdecipher
MARKER=$(printf PARLOS-PLAINTEXT-MARKER | od -An -tx1 | tr -d ' \n')

command -v tshark > /dev/null || { fail tshark "tshark not installed"; exit 1; }
# Inner packets between two pool addresses: random ciphertext that
# passes for IPv4 does not have both
inner='ip.src == 10.45.0.0/16 && ip.dst == 10.45.0.0/16'
n=0
for meta in "$SHARE"/traffic-*.meta; do
	[ -f "$meta" ] || continue
	. "$meta"	# eea, ue
	n=$((n + 1))
	run=eea$eea
	key=$(cat "$SHARE/traffic-$run.keylog")
	for c in sig bulk; do
		wire=$SHARE/traffic-$run-$c.pcap
		pdus=$(tshark -r "$wire" --enable-heuristic pdcp_lte_udp \
			-Y 'pdcp-lte.plane == 2' 2> /dev/null | wc -l)
		plain=$(tshark -r "$wire" --enable-heuristic pdcp_lte_udp \
			-Y "$inner" 2> /dev/null | wc -l)
		echo "  $run-$c: $pdus user-plane PDUs, $plain readable" \
			"without keys"
		check $run-$c.pdcp-lte [ "$pdus" -gt 10 ]
		check $run-$c.nothing-readable [ "$plain" = 0 ]
	done
	wire=$SHARE/traffic-$run-sig.pcap
	pdus=$(tshark -r "$wire" --enable-heuristic pdcp_lte_udp \
		-Y 'pdcp-lte.plane == 2' 2> /dev/null | wc -l)
	if [ "$eea" = 2 ]; then
		tsh() {
			tshark -r "$wire" -2 --enable-heuristic pdcp_lte_udp \
				-o pdcp-lte.check_sequence_numbers:Only-PDCP-frames \
				-o pdcp-lte.decipher_userplane:TRUE \
				-o 'pdcp-lte.default_ciphering_algorithm:EEA2 (AES)' \
				-o "uat:pdcp_lte_ue_keys:$key" "$@" 2> /dev/null
		}
		icmp=$(tsh -Y icmp | wc -l)
		got=$(tsh -Y "$inner" | wc -l)
		echo "  $run: tshark deciphers $got of $pdus PDUs, $icmp ICMP"
		check $run.tshark-pings [ "$icmp" = 12 ]
		check $run.tshark-deciphers-all [ "$got" = "$pdus" ]
		check $run.tshark-marker sh -c "[ \"$(tsh -Y 'udp.dstport == 5001' \
			-T fields -e data.data | grep -c "$MARKER")\" = 3 ]"
	fi
	check $run.drbdecipher-built [ -x "$dec" ]
	"$dec" "$wire" "$key" "$eea" 0 /tmp/traffic-$run.dec.pcap |
		sed 's/^/  /'
	got=$(tshark -r /tmp/traffic-$run.dec.pcap -Y "$inner" 2> /dev/null |
		wc -l)
	check $run.keylog-deciphers-all [ "$got" = "$pdus" ]
	rm -f /tmp/traffic-$run.dec.pcap
done
check captures-found [ $n = 3 ]
exit $FAILED
