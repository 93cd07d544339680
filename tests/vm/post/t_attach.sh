# SPDX-License-Identifier: GPL-2.0
# Host side of t_attach: tshark reads every pcap the attach runs left:
# all seven messages are there and nothing is malformed. The PARLOS
# IEs 0x7A/0x7D show as an expert note "Extraneous Data": expected.
. "$(dirname "$0")/lib.sh"

tsh() {
	tshark -r "$1" -2 -o nas-eps.null_decipher:FALSE \
		--enable-heuristic pdcp_lte_udp "${@:2}" 2>/dev/null
}

command -v tshark > /dev/null || { fail tshark "tshark not installed"; exit 1; }
n=0
for f in "$SHARE"/attach-*.pcap; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name=$(basename "$f" .pcap)
	info=$(tsh "$f" -T fields -e _ws.col.Info)
	missing=
	for m in "Attach request" "Security mode command" \
		"Security mode complete" "SecurityModeCommand" \
		"SecurityModeComplete" "Attach accept" "Attach complete"; do
		echo "$info" | grep -q "$m" || missing="$missing, $m"
	done
	check "$name.messages" [ -z "$missing" ]
	[ -z "$missing" ] || echo "  missing${missing#,}"
	verbose=$(tsh "$f" -V)
	check "$name.rlos-attach" grep -q "EPS attach type: EPS RLOS attach (3)" \
		<<< "$verbose"
	bad=$(grep -E "Malformed|Expert Info \((Warning|Error)" <<< "$verbose" |
		sort -u)
	check "$name.no-malformed" [ -z "$bad" ]
	[ -z "$bad" ] || echo "$bad" | head -n 5 | sed 's/^/  /'
done
check pcaps-found [ $n = 36 ]
exit $FAILED
