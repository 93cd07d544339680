# SPDX-License-Identifier: GPL-2.0
# Host side of t_cred: tshark reads the gateway's captures of the
# credential attaches: all seven messages, nothing malformed. 0x7B, 0x7C,
# 0x7E and 0x7F are unknown to tshark and show, like 0x7A/0x7D, as an
# expert note "Extraneous Data": expected.
. "$(dirname "$0")/lib.sh"

command -v tshark > /dev/null || { fail tshark "tshark not installed"; exit 1; }
n=0
for f in "$SHARE"/cred-*-gw.pcap; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name=$(basename "$f" .pcap)
	tsh() {
		tshark -r "$f" -2 -o nas-eps.null_decipher:FALSE \
			--enable-heuristic pdcp_lte_udp "$@" 2>/dev/null
	}
	info=$(tsh -T fields -e _ws.col.Info)
	missing=
	for m in "Attach request" "Security mode command" \
		"Security mode complete" "SecurityModeCommand" \
		"SecurityModeComplete" "Attach accept" "Attach complete"; do
		echo "$info" | grep -q "$m" || missing="$missing, $m"
	done
	check "$name.messages" [ -z "$missing" ]
	[ -z "$missing" ] || echo "  missing${missing#,}"
	bad=$(tsh -V | grep -E "Malformed|Expert Info \((Warning|Error)" |
		sort -u)
	check "$name.no-malformed" [ -z "$bad" ]
	[ -z "$bad" ] || echo "$bad" | head -n 5 | sed 's/^/  /'
done
check pcaps-found [ $n = 4 ]
exit $FAILED
