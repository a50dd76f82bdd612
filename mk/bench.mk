# make bench: scripts/bench prints one table (README "Performance").  The
# pandoc and WeasyPrint it compares with are installed here only (the bench
# group of scripts/install-deps), never by make check.  The md_pdf fuzz
# target is built (clang: the fuzz group) for its runs/s row.
bench: anjian $(GEN)
	@sh scripts/install-deps bench || echo "bench: some tools are not installed (above); their rows are left out"
	@$(MAKE) --no-print-directory $(FUZZ_DIR)/fuzz-md_pdf
	@BENCH_PROVINCE=$(BENCH_PROVINCE) sh scripts/bench $(abspath $(BIN)) $(abspath $(GEN)) "$(BENCH_SIZES)" $(abspath $(FUZZ_DIR)/fuzz-md_pdf)

BENCH_SIZES ?= 1000 10000 100000
# enterprises per city of the province row (13 cities); empty: no province
BENCH_PROVINCE ?= 20000
