# SPDX-License-Identifier: GPL-2.0
# Benchmark (make bench-vm): 10,000 MEs start their attach at once (no
# window, no rate limit) against one gateway with its user plane. The
# retransmission timers (T3410, T3460, T3450) absorb the burst: many
# retransmissions, all attached, none failed.
. /tests/load_lib.sh
load_run ${PARLOS_BENCH_MES:-10000} --window 10000
finish
