# SPDX-License-Identifier: GPL-2.0
# Benchmark (make bench-vm): 10,000 MEs arrive at a fixed rate, 150 a
# second (open loop, no window), at one gateway with its user plane:
# latency under a steady arrival rate below the gateway's capacity (~350
# a second under TCG, t_load10k.sh); all must attach.
. /tests/load_lib.sh
load_run ${PARLOS_BENCH_MES:-10000} --window 10000 --rate ${PARLOS_BENCH_RATE:-150}
finish
