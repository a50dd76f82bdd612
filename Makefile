# anjian — build, test and install.  `make run`, `make check`, `make bench`.
# Every library comes through pkg-config; scripts/install-deps installs what
# a fresh Debian 12 lacks, one group at a time: the build group before the
# first compile, the test, fuzz, valgrind and bench groups only for the
# targets that use them (a plain `make` needs no test tool).

PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0

PKGS := libxml-2.0 glib-2.0 gobject-2.0 pangocairo pangoft2 cairo-pdf cairo-svg \
        fontconfig yaml-0.1 libcmark-gfm icu-uc harfbuzz-subset libzip libqpdf
TEST_PKGS := cmocka json-glib-1.0

CC      ?= cc
# Quiet by default; `make V=1` shows every command.
ifeq ($(V),1)
Q :=
else
Q := @
endif
CSTD    := -std=c17 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
ifdef CI
WARN    += -Werror
endif
OPT     ?= -O2 -g
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) -Isrc -DANJIAN_VERSION='"$(VERSION)"' \
             -DANJIAN_DATADIR='"$(PREFIX)/share/anjian"' $(CFLAGS)

# SANITIZE=1 builds into its own tree so both builds can coexist.
ifdef SANITIZE
BUILD   := build/san
CFLAGS_ALL += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDSAN   := -fsanitize=address,undefined
else
BUILD   := build/rel
LDSAN   :=
endif

# build/.deps-GROUP: that group of scripts/install-deps is installed.
DEPS_STAMP      := build/.deps-build
TEST_DEPS_STAMP := build/.deps-test

# Evaluated lazily: pkg-config only runs once scripts/install-deps has run.
# qpdf and libzip are not linked but opened by their SONAME when a PDF/A or
# an OFD needs them (src/util/lazylib.h): linked, loading them and their
# dependencies was a fifth of every one-page render.  LAZY_CFLAGS is worked
# out once per make run.
LAZY_PKGS := libqpdf libzip
soname = $(or $(shell objdump -p "$$(pkg-config --variable=libdir $(1))/$(1).so" 2>/dev/null | \
                 awk '$$1 == "SONAME" { print $$2 }'),$(error no SONAME for $(1): install its -dev package))
LAZY_CFLAGS = $(eval LAZY_CFLAGS := -DAJ_QPDF_SONAME='"$(call soname,libqpdf)"' \
                                    -DAJ_ZIP_SONAME='"$(call soname,libzip)"')$(LAZY_CFLAGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS)) $(LAZY_CFLAGS)
PKG_LIBS   = $(shell pkg-config --libs $(filter-out $(LAZY_PKGS),$(PKGS))) -lcmark-gfm-extensions -lm
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS))
TEST_LIBS   = $(shell pkg-config --libs $(TEST_PKGS))

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -name main.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libanjian.a
BIN      := $(BUILD)/anjian

UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_SUPPORT_SRC := $(sort $(wildcard tests/support/*.c))
TEST_SUPPORT_OBJ := $(TEST_SUPPORT_SRC:%.c=$(BUILD)/%.o)

# Modules add targets to these from mk/*.mk (tools, spec runners, ...):
# checks that make check runs, programs they need beyond the unit tests
# (plain build only), and the install-deps groups they use.
CHECK_TARGETS :=
CHECK_PROGRAMS :=
CHECK_DEPS_STAMPS :=
ALL_TARGETS   :=

.DEFAULT_GOAL := all
.PHONY: all deps run check check-unit check-e2e install clean bench fuzz
-include mk/*.mk

all: anjian

build/.deps-%: scripts/install-deps
	@sh scripts/install-deps $*
	@mkdir -p $(@D) && touch $@
deps: $(DEPS_STAMP)

anjian: $(BIN) $(ALL_TARGETS)
ifndef SANITIZE
	@ln -sf $(BIN) anjian
endif

$(BUILD)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	$(Q)ar rcs $@ $^

$(BIN): $(BUILD)/src/main.o $(LIB)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDSAN) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS)

$(BUILD)/tests/support/%.o: tests/support/%.c | $(DEPS_STAMP) $(TEST_DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) $(PKG_CFLAGS) $(TEST_CFLAGS) -Itests -MMD -MP -c $< -o $@

$(BUILD)/tests/%: tests/unit/%.c $(LIB) $(TEST_SUPPORT_OBJ) | $(DEPS_STAMP) $(TEST_DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(CC) $(CFLAGS_ALL) $(PKG_CFLAGS) $(TEST_CFLAGS) -Itests -MMD -MP -o $@ $< $(TEST_SUPPORT_OBJ) $(LIB) $(PKG_LIBS) $(TEST_LIBS) $(LDSAN)

# `make run`: draft the sample data of data/ into output/, then issue the
# month into the sample archive (once: a month is issued only once), so a
# newcomer sees drafts and a finished public site.
RUN_MONTH ?= $(shell sh scripts/latest-month data 2>/dev/null || echo 2026-03)
SAMPLE_ARCHIVE ?= sample-archive
run: anjian
	./$(BIN) build --data data --out output --month $(RUN_MONTH)
	@if grep -qs 'kind="bulletin" period="$(RUN_MONTH)"' $(SAMPLE_ARCHIVE)/register.xml; then \
	  echo "$(RUN_MONTH) is already issued in $(SAMPLE_ARCHIVE)/ (anjian issue refuses a second issue)"; \
	else ./$(BIN) issue --draft output --archive $(SAMPLE_ARCHIVE); fi
	@echo "drafts in output/ (output/pdf/, preview site output/site/index.html);" \
	  "issued documents in $(SAMPLE_ARCHIVE)/ (public site: open $(SAMPLE_ARCHIVE)/site/index.html)"

check-unit: $(UNIT_BIN)
	@sh tests/run-units $(UNIT_BIN)

check-e2e: anjian $(TEST_DEPS_STAMP)
	@ANJIAN=$(abspath $(BIN)) sh tests/run-e2e

# The README's test command: everything, plain build and sanitizer build.
# The programs are built first on every core (make check is mostly run
# without -j), then the checks run one after the other.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PARALLEL = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(JOBS))
.PHONY: check-programs
check-programs: $(BIN) $(ALL_TARGETS) $(UNIT_BIN) $(CHECK_PROGRAMS)
check: $(DEPS_STAMP) $(TEST_DEPS_STAMP) $(CHECK_DEPS_STAMPS)
	$(MAKE) --no-print-directory $(PARALLEL) anjian check-programs
	$(MAKE) --no-print-directory check-unit $(CHECK_TARGETS)
	$(MAKE) --no-print-directory check-e2e
	$(MAKE) --no-print-directory $(PARALLEL) SANITIZE=1 anjian check-programs
	$(MAKE) --no-print-directory SANITIZE=1 check-unit check-e2e-san

check-e2e-san: anjian $(TEST_DEPS_STAMP)
	@ANJIAN=$(abspath $(BIN)) ANJIAN_SAN=1 sh tests/run-e2e

install: anjian
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/anjian/templates \
	           $(DESTDIR)$(PREFIX)/share/anjian/schema $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/anjian
	cp -R templates/. $(DESTDIR)$(PREFIX)/share/anjian/templates/
	install -m 644 schema/*.rng $(DESTDIR)$(PREFIX)/share/anjian/schema/
	install -m 644 man/anjian.1 $(DESTDIR)$(PREFIX)/share/man/man1/anjian.1
	install -d $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1
	install -m 644 man/zh_CN/anjian.1 $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1/anjian.1

clean:
	rm -rf build anjian

-include $(shell find build -name '*.d' 2>/dev/null)
