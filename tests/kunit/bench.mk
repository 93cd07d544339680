# SPDX-License-Identifier: GPL-2.0
# make bench-kernel: the benchmark suites (CONFIG_PARLOS_BENCH) in their
# own UML build, natively; prints the "BENCH" lines of the kernel log.
KBENCH_DIR = $(or $(PARLOS_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/parlos)/uml-build-bench

.PHONY: bench-kernel
bench-kernel:
	@rm -f $(KBENCH_DIR)/test.log
	@PARLOS_KUNIT_VARIANT=bench PARLOS_KUNIT_FILTER='parlos_bench*' \
		PARLOS_KUNIT_SANITIZE=0 \
		PARLOS_KUNIT_CONFIG_ADD="CONFIG_PARLOS_BENCH=y" \
		tests/kunit/run > /dev/null || true
	@grep -qs 'BENCH\|bench core' $(KBENCH_DIR)/test.log || \
		{ tail -n 30 $(KBENCH_DIR)/parlos-kunit.log; echo "bench-kernel: no figures"; false; }
	@grep -h 'BENCH\|bench core' $(KBENCH_DIR)/test.log | \
		sed 's/^.*BENCH /BENCH /; s/^.*parlos: bench core /BENCH core /'
