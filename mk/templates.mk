# Templates stage: the Mustache spec runner (tests/mustache/).
MUSTACHE_SPEC_DIR ?= ../shared/third_party/mustache-spec
MUSTACHE_RUNNER := $(BUILD)/tests/mustache-spec
MUSTACHE_RUNNER_SRC := tests/mustache/spec_runner.c tests/mustache/json_ctx.c

$(MUSTACHE_RUNNER): $(MUSTACHE_RUNNER_SRC) $(LIB) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) $(PKG_CFLAGS) $(TEST_CFLAGS) -Itests -o $@ $(MUSTACHE_RUNNER_SRC) $(LIB) $(PKG_LIBS) $(TEST_LIBS) $(LDSAN)

.PHONY: check-mustache
check-mustache: $(MUSTACHE_RUNNER)
	@if [ -d $(MUSTACHE_SPEC_DIR) ]; then $(MUSTACHE_RUNNER) $(MUSTACHE_SPEC_DIR); \
	else echo "mustache-spec: skipped, $(MUSTACHE_SPEC_DIR) not found (set MUSTACHE_SPEC_DIR)"; fi

CHECK_TARGETS += check-mustache

# `make fuzz-template [FUZZ_SECONDS=60]`: libFuzzer over the engine (clang),
# seeded with the project's templates.
FUZZ_SECONDS ?= 60
FUZZ_TEMPLATE := build/fuzz/fuzz-template
FUZZ_TEMPLATE_SRC := tests/mustache/fuzz_template.c $(wildcard src/template/*.c) src/util/error.c

$(FUZZ_TEMPLATE): $(FUZZ_TEMPLATE_SRC) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
	  $(PKG_CFLAGS) -o $@ $(FUZZ_TEMPLATE_SRC) $(PKG_LIBS)

.PHONY: fuzz-template
fuzz-template: $(FUZZ_TEMPLATE)
	@mkdir -p build/fuzz/corpus-template
	@cp templates/*.md build/fuzz/corpus-template/
	$(FUZZ_TEMPLATE) -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=1024 \
	  -timeout=10 build/fuzz/corpus-template

fuzz: fuzz-template
