# Context specimens (schema/context/KIND.xml, see src/context/specimen.h)
# compiled into the binary: the template check needs them wherever the
# program runs.
SPECIMENS   := $(sort $(wildcard schema/context/*.xml))
SPECIMENS_C := $(BUILD)/gen/context_specimens.c

$(SPECIMENS_C): $(SPECIMENS) mk/context.mk
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(Q)awk 'BEGIN { print "/* Generated from the specimens of schema/context by mk/context.mk. */"; \
	               print "#include <stddef.h>"; \
	               print "const struct { const char *kind, *text; } aj_context_specimens[] = {" } \
	       FNR == 1 { if (NR > 1) print "\t},"; k = FILENAME; sub(/.*\//, "", k); sub(/\.xml$$/, "", k); \
	                  print "\t{ \"" k "\"," } \
	       { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); print "\t  \"" $$0 "\\n\"" } \
	       END { print "\t},"; print "};"; \
	             print "const size_t aj_context_specimens_len = sizeof aj_context_specimens / sizeof aj_context_specimens[0];" }' \
	  $(SPECIMENS) > $@.tmp && mv $@.tmp $@

$(SPECIMENS_C:.c=.o): $(SPECIMENS_C)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

$(LIB): $(SPECIMENS_C:.c=.o)

# For template authors: the names each kind of document has.
.PHONY: install-specimens
install: install-specimens
install-specimens:
	install -d $(DESTDIR)$(PREFIX)/share/anjian/schema/context
	install -m 644 $(SPECIMENS) $(DESTDIR)$(PREFIX)/share/anjian/schema/context/
