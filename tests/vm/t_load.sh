# SPDX-License-Identifier: GPL-2.0
# The module loads, its self-test passes, the six algorithms are listed
# in /proc/crypto, and it unloads cleanly.
. /tests/lib.sh

check insmod load_parlos
check selftest-logged sh -c 'dmesg | grep -q "parlos: self-test passed"'
for a in eea1 eea2 eea3 eia1 eia2 eia3; do
	check "proc-crypto-$a" grep -q "^name *: $a\$" /proc/crypto
done
check generic-drivers sh -c 'grep -q "^driver *: eea1-generic" /proc/crypto &&
	grep -q "^driver *: eia3-generic" /proc/crypto'
check rmmod unload_parlos
check reload load_parlos
finish
