# SPDX-License-Identifier: GPL-2.0
# Load: 10,000 MEs from parlosd loadgen (64 attaches under way at once)
# attach to one gateway with its user plane: all attached and bound,
# none failed; attaches/s, retransmissions and peak memory as BENCH
# lines. b_load10k_rate.sh (make bench-vm) has them arrive at a fixed rate.
. /tests/load_lib.sh
load_run 10000
finish
