# Messages (src/util/i18n.h): po/LANG.po is compiled into
# $(BUILD)/locale/LANG/LC_MESSAGES/anjian.mo, where the program finds it
# beside itself; `make install` puts it under $(PREFIX)/share/locale.
# check-po fails when a message in src/ lacks its translation, when a
# catalog has untranslated or fuzzy entries or ones no longer in src/, and
# when a message reaches the user without going through gettext.
LOCALEDIR ?= $(PREFIX)/share/locale
CFLAGS_ALL += -DANJIAN_LOCALEDIR='"$(LOCALEDIR)"'

PO_FILES := $(sort $(wildcard po/*.po))
LINGUAS  := $(PO_FILES:po/%.po=%)
MO_FILES := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/anjian.mo)
POT      := $(BUILD)/po/anjian.pot
MSG_SRC   = $(sort $(shell find src -name '*.c' -o -name '*.h'))

$(BUILD)/locale/%/LC_MESSAGES/anjian.mo: po/%.po | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  MSGFMT  $<"
	$(Q)msgfmt --check -o $@.tmp $< && mv $@.tmp $@

ALL_TARGETS += $(MO_FILES)

# The keywords of glib/gi18n.h and ngettext.
$(POT): $(MSG_SRC) mk/i18n.mk | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@echo "  XGETTEXT $@"
	$(Q)xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
	  --keyword=NC_:1c,2 --keyword=ngettext:1,2 --add-comments=TRANSLATORS: \
	  --package-name=anjian --package-version=$(VERSION) --no-location --sort-output \
	  -o $@.tmp $(MSG_SRC) && mv $@.tmp $@

.PHONY: check-po pot
pot: $(POT)
check-po: $(POT)
	@sh tests/po/check-po $(POT) $(PO_FILES)

# After adding messages: po/LANG.po gains the new ones (untranslated, for
# you to fill in) and loses those gone from src/.
.PHONY: update-po
update-po: $(POT)
	$(Q)for po in $(PO_FILES); do msgmerge --quiet --update --backup=none --no-fuzzy-matching \
	  --sort-output --no-location $$po $(POT) && msgattrib --no-obsolete -o $$po $$po; done

CHECK_TARGETS += check-po

.PHONY: install-po
install: install-po
install-po: $(MO_FILES)
	for l in $(LINGUAS); do \
	  install -D -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/anjian.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/anjian.mo || exit 1; done
