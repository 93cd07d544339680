# SPDX-License-Identifier: GPL-2.0
# make demo: what parlos does, step by step, in the VM.
say() { printf '\n== %s\n' "$*"; }

say "Loading parlos.ko into Debian's $(uname -r) kernel"
insmod /lib/modules/parlos.ko || { echo "demo: insmod failed"; exit 1; }
dmesg | grep 'parlos:' | sed 's/^\[[^]]*\] /  /'

say "The six EPS algorithms, as /proc/crypto lists them"
awk '/^name/ { name = $3 } /^driver/ { drv = $3 } /^module/ { mod = $3 }
     /^priority/ { prio = $3 } /^type/ { if (mod == "parlos")
     printf "  %-6s %-14s priority %-4s %s\n", name, drv, prio, $3 }' /proc/crypto
