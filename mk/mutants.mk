# `make mutants`: mutation testing (scripts/mutants, tests/mutants/list).
# Not part of `make check`: each mutant is built and tested on its own.
#   make mutants [MUTANTS="id ..."]    all mutants, or the ones named
.PHONY: mutants
mutants: | $(DEPS_STAMP) $(TEST_DEPS_STAMP)
	@sh scripts/mutants $(MUTANTS)
