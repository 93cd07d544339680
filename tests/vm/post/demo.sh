# SPDX-License-Identifier: GPL-2.0
# make demo, host side: tshark's summary of the attach the demo ran,
# from the gateway's capture.
SHARE=$1
f=$SHARE/demo-gw.pcap
printf '\n== tshark -r demo-gw.pcap -2 -o nas-eps.null_decipher:FALSE --enable-heuristic pdcp_lte_udp\n'
if ! command -v tshark > /dev/null; then
	echo "  tshark is not installed (make deps)"
	exit 0
fi
[ -f "$f" ] || { echo "  no capture: the demo did not run the attach"; exit 0; }
tshark -r "$f" -2 -o nas-eps.null_decipher:FALSE \
	--enable-heuristic pdcp_lte_udp 2>/dev/null | sed 's/^/  /'
echo "  (each ciphered NAS message appears twice: as sent, \"Ciphered"
echo "   message\", and as parlosd built or read it)"

# The user plane on the veth: ciphered as it went, then deciphered with
# the keylog (EEA2: Debian's tshark has no SNOW 3G or ZUC)
f=$SHARE/demo-veth.pcap
[ -f "$f" ] && [ -f "$SHARE/demo.keylog" ] || exit 0
key=$(cat "$SHARE/demo.keylog")
printf '\n== The veth, as it went: PDCP-LTE user-plane PDUs, ciphered\n'
echo "   tshark -r demo-veth.pcap --enable-heuristic pdcp_lte_udp -Y 'pdcp-lte.plane == 2'"
tshark -r "$f" --enable-heuristic pdcp_lte_udp \
	-o pdcp-lte.show_user_plane_as_ip:FALSE -Y 'pdcp-lte.plane == 2' \
	-T fields -e frame.number -e ip.src -e ip.dst -e pdcp-lte.direction \
	-e pdcp-lte.ueid -e pdcp-lte.seq-num -e pdcp-lte.user-data \
	2> /dev/null | awk -F'\t' '{ printf "  %3s %s -> %s dir %s ue %s SN %-3s %.40s...\n",
		$1, $2, $3, $4, $5, $6, $7 }'
printf '\n== The same, deciphered by tshark with the keylog (parlosctl keylog)\n'
echo "   tshark -r demo-veth.pcap -2 --enable-heuristic pdcp_lte_udp"
echo "     -o pdcp-lte.check_sequence_numbers:Only-PDCP-frames"
echo "     -o pdcp-lte.decipher_userplane:TRUE"
echo "     -o 'pdcp-lte.default_ciphering_algorithm:EEA2 (AES)'"
echo "     -o 'uat:pdcp_lte_ue_keys:$key'"
tshark -r "$f" -2 --enable-heuristic pdcp_lte_udp \
	-o pdcp-lte.check_sequence_numbers:Only-PDCP-frames \
	-o pdcp-lte.decipher_userplane:TRUE \
	-o 'pdcp-lte.default_ciphering_algorithm:EEA2 (AES)' \
	-o "uat:pdcp_lte_ue_keys:$key" -Y 'pdcp-lte.plane == 2' \
	2> /dev/null | sed 's/^/  /'
echo "  (ICMP echo request and reply, inside the same PDUs: only the keylog,"
echo "   which the module gives out with keylog=1, opens them)"
