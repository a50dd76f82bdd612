# `make mutants`: mutation testing (scripts/mutants, tests/mutants/list).
# Not part of `make check`: each mutant is built and tested on its own.
#   make mutants [MUTANTS="id ..."]    all mutants, or the ones named
.PHONY: mutants
mutants: | $(DEPS_STAMP) $(TEST_DEPS_STAMP)
	@sh scripts/mutants $(MUTANTS)

# `make check-mutants-list` (part of `make check`): every mutant's find:
# text still occurs exactly once in its file, so moving code cannot quietly
# retire a mutant (no build, a few seconds).
.PHONY: check-mutants-list
CHECK_TARGETS += check-mutants-list
check-mutants-list:
	@sh scripts/mutants --check
