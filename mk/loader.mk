# loader: the RELAX NG schema is compiled into the binary, so no path lookup
# is needed at run time.  In that copy every value type (the defines listed
# below) becomes <text/>: libxml2 recompiles a pattern's regexp for every
# value it checks and allocates for every enumeration compare (together 4x
# the parse time), and the loader checks every value itself with a message
# that names it (src/load/values.c, records.c).  And every <interleave>
# becomes zeroOrMore/choice: libxml2 cannot stream an interleave, so it
# builds and walks a tree of each such record; which children and how many
# is checked by src/load/shape.c.  The schema still checks the structure;
# the full one stays the contract (make check-loader-schema).
SCHEMA_C := $(BUILD)/gen/schema_rng.c
SCHEMA_VALUE_DEFINES := date month quarter year money count boolean scale enterprise-status \
	grade mode level listed problem-status accident-type credit-code district-code label industry

$(SCHEMA_C): schema/anjian-data.rng mk/loader.mk
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(Q)awk -v names=" $(SCHEMA_VALUE_DEFINES) " ' \
	    skip { if ($$0 ~ /<\/define>/) skip = 0; next } \
	    /<define name="/ { n = $$0; sub(/.*<define name="/, "", n); sub(/".*/, "", n); \
	      if (index(names, " " n " ") && $$0 !~ /<\/define>/) { \
	        print "  <define name=\"" n "\"><text/></define>"; skip = 1; next } } \
	    { print }' schema/anjian-data.rng | \
	  awk ' \
	    /<interleave>/ { sub(/<interleave>/, "<zeroOrMore><choice>"); inl = 1; lvl = 0; print; next } \
	    /<\/interleave>/ { sub(/<\/interleave>/, "</choice></zeroOrMore>"); inl = 0; print; next } \
	    inl && lvl == 0 && /^[ \t]*<\/?(zeroOrMore|optional)>[ \t]*$$/ { next } \
	    inl && lvl == 0 { sub(/^[ \t]*<optional>/, "        "); sub(/<\/optional>[ \t]*$$/, "") } \
	    inl { o = gsub(/<element /, "&"); c = gsub(/<\/element>/, "&"); lvl += o - c } \
	    { print }' | \
	  awk 'BEGIN { print "/* Generated from schema/anjian-data.rng by mk/loader.mk. */"; \
	               print "#include <stddef.h>"; print "const char aj_schema_rng[] =" } \
	       { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); print "\t\"" $$0 "\\n\"" } \
	       END { print "\t;"; print "const size_t aj_schema_rng_len = sizeof aj_schema_rng - 1;" }' \
	  > $@.tmp && mv $@.tmp $@

$(SCHEMA_C:.c=.o): $(SCHEMA_C)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

$(LIB): $(SCHEMA_C:.c=.o)

CHECK_TARGETS += check-loader-schema
.PHONY: check-loader-schema
# The full schema (with patterns) accepts the sample data and
# tests/data/loader/{base,rule-*}.xml (rule-* break only the loader's own
# rules) and rejects every tests/data/loader/bad-*.xml.
check-loader-schema: | $(TEST_DEPS_STAMP)
	@for f in $$(find data -name '*.xml' | LC_ALL=C sort) tests/data/loader/base.xml \
	          tests/data/loader/rule-*.xml; do \
	  xmllint --noout --stream --relaxng schema/anjian-data.rng $$f 2>&1 | grep -v ' validates$$' && exit 1; \
	done; \
	for f in tests/data/loader/bad-*.xml; do \
	  if xmllint --noout --relaxng schema/anjian-data.rng $$f >/dev/null 2>&1; then \
	    echo "schema/anjian-data.rng accepts $$f"; exit 1; fi; \
	done; echo "schema: accepts data/ and the rule-* inputs, rejects every bad-* input"
