# tools/gen: the synthetic data generator used by `make bench` and the
# confidentiality test.
GEN := $(BUILD)/tools/anjian-gen
ALL_TARGETS += $(GEN)

$(GEN): tools/gen/anjian-gen.c $(LIB) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  CCLD    $@"
	$(Q)$(CC) $(CFLAGS_ALL) $(PKG_CFLAGS) -MMD -MP -o $@ $< $(LIB) $(PKG_LIBS) $(LDSAN)
