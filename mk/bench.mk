# make bench: scripts/bench prints one table (README "Performance").  The
# pandoc and WeasyPrint it compares with are installed here only (the bench
# group of scripts/install-deps), never by make check.
bench: anjian $(GEN)
	@sh scripts/install-deps bench || echo "bench: some tools are not installed (above); their rows are left out"
	@sh scripts/bench $(abspath $(BIN)) $(abspath $(GEN)) "$(BENCH_SIZES)"

BENCH_SIZES ?= 1000 10000 100000
