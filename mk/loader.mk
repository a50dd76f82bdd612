# loader: the RELAX NG schema is compiled into the binary, so no path lookup
# is needed at run time.  Pattern facets are stripped from the embedded copy:
# libxml2 recompiles a pattern's regexp on every value it checks (8x slower
# than parsing), and the loader checks every one of those formats itself
# with a clearer message (load/values.c).
SCHEMA_C := $(BUILD)/gen/schema_rng.c

$(SCHEMA_C): schema/anjian-data.rng mk/loader.mk
	@mkdir -p $(@D)
	sed -e 's|<param name="pattern">[^<]*</param>||g' schema/anjian-data.rng | \
	  awk 'BEGIN { print "/* Generated from schema/anjian-data.rng by mk/loader.mk. */"; \
	               print "#include <stddef.h>"; print "const char aj_schema_rng[] =" } \
	       { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); print "\t\"" $$0 "\\n\"" } \
	       END { print "\t;"; print "const size_t aj_schema_rng_len = sizeof aj_schema_rng - 1;" }' \
	  > $@.tmp && mv $@.tmp $@

$(SCHEMA_C:.c=.o): $(SCHEMA_C)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(LIB): $(SCHEMA_C:.c=.o)

CHECK_TARGETS += check-loader-schema
.PHONY: check-loader-schema
# The full schema (with patterns) must accept the sample data.
check-loader-schema:
	@for f in $$(find data -name '*.xml' | LC_ALL=C sort); do \
	  xmllint --noout --stream --relaxng schema/anjian-data.rng $$f 2>&1 | grep -v ' validates$$' && exit 1; \
	done; echo "schema: data/ validates against schema/anjian-data.rng"
