# An independent OFD reader over anjian's OFD files: ofd.js (npm, pure
# JavaScript: its own unzip, XML reading and SVG drawing) in Debian's
# chromium, driven by playwright-core (tests/ofd/reader/).  Screenshots of
# each file's second page go to build/ofd-reader/.  npm ci runs only when
# tests/ofd/reader/node_modules is missing.
OFD_READER_DIR := tests/ofd/reader

.PHONY: check-ofd-reader
CHECK_TARGETS += check-ofd-reader

$(OFD_READER_DIR)/node_modules: | $(TEST_DEPS_STAMP)
	cd $(OFD_READER_DIR) && npm ci --no-audit --no-fund

check-ofd-reader: anjian | $(TEST_DEPS_STAMP) $(OFD_READER_DIR)/node_modules
	@sh $(OFD_READER_DIR)/run.sh $(BIN)
