# SPDX-License-Identifier: GPL-2.0
# Benchmark (make bench-vm): the cores timed inside Debian's kernel (the
# module's bench=1, as tcrypt does) beside their userspace twin, both
# under the VM's emulation, alternating; the ratio is what counts.
. /tests/lib.sh
unload_parlos
for r in 1 2 3; do
	corebench > /tmp/user.$r
	insmod /lib/modules/parlos.ko bench=1
	dmesg | grep 'bench core' | tail -n 4 | sed 's/.*bench core/kernel core/' > /tmp/kern.$r
	rmmod parlos
	dmesg -c > /dev/null
done
cat /tmp/user.* /tmp/kern.*
for alg in EEA1 EIA1 EEA3 EIA3; do
	k=$(cat /tmp/kern.* | grep " $alg " | cut -d: -f2 | awk '{ for (i = 1; i <= 4; i++) print i, $i }' |
		sort -k1,1n -k2,2n | awk '{ v[$1] = v[$1] " " $2 } END { for (i = 1; i <= 4; i++) { split(v[i], a, " "); printf "%s ", a[2] } }')
	u=$(cat /tmp/user.* | grep " $alg " | cut -d: -f2 | awk '{ for (i = 1; i <= 4; i++) print i, $i }' |
		sort -k1,1n -k2,2n | awk '{ v[$1] = v[$1] " " $2 } END { for (i = 1; i <= 4; i++) { split(v[i], a, " "); printf "%s ", a[2] } }')
	echo "BENCH cores-in-vm $alg kernel MB/s: $k user MB/s: $u ratio:" \
		$(echo "$k $u" | awk '{ for (i = 1; i <= 4; i++) printf "%.2f ", $i / $(i + 4) }')
done
pass figures
finish
