# tools/audit: counts what a secretary would mark in red on typeset pages
# (loose lines, short last lines, title shapes, breaks inside words); run
# by tests/e2e/gbt_audit.sh over the sample month and tests/samples/.
AUDIT := $(BUILD)/tools/anjian-audit
ALL_TARGETS += $(AUDIT)

$(AUDIT): tools/audit/anjian-audit.c $(LIB) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(CC) $(CFLAGS_ALL) $(PKG_CFLAGS) -MMD -MP -o $@ $< $(LIB) $(PKG_LIBS) $(LDSAN)
