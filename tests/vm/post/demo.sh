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
