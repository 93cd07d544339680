# SPDX-License-Identifier: GPL-2.0
# Benchmark (not in make check): the memory of 1,000,000 idle contexts in
# one gateway kernel, and their creation through netlink. Run it with
# `make bench-vm`.
. /tests/lib.sh
load_parlos
ctxload ${PARLOS_BENCH_CONTEXTS:-1000000}
check all-created sh -c "parlosctl -j stats | grep -q '\"contexts\":${PARLOS_BENCH_CONTEXTS:-1000000}'"
t0=$(date +%s)
check unload-with-a-million unload_parlos
echo "BENCH ctxload unload with all of them: $(( $(date +%s) - t0 )) s"
finish
