# The web site's browser test: `make run` builds data/ into output/ (so
# output/ stays an anjian output) and issues it into the sample archive,
# then Debian's chromium, driven by playwright-core from tests/browser,
# checks the drafts' preview output/site and the public site of the sample
# archive, saving screenshots in output/screenshots; a page of
# `anjian render --out X.html` is checked too.  npm ci runs only when
# tests/browser/node_modules is missing.
BROWSER_DIR := tests/browser

.PHONY: check-browser
CHECK_TARGETS += check-browser

$(BROWSER_DIR)/node_modules: | $(TEST_DEPS_STAMP)
	cd $(BROWSER_DIR) && npm ci --no-audit --no-fund

check-browser: anjian | $(TEST_DEPS_STAMP) $(BROWSER_DIR)/node_modules
	@$(MAKE) --no-print-directory run >/dev/null
	@mkdir -p $(BUILD)/browser
	./$(BIN) render output/md/bulletin-$(RUN_MONTH).md --out $(BUILD)/browser/standalone.html 2>/dev/null
	node $(BROWSER_DIR)/site.test.js output/site output/screenshots $(BUILD)/browser/standalone.html
	node $(BROWSER_DIR)/site.test.js $(SAMPLE_ARCHIVE)/site output/screenshots/archive
