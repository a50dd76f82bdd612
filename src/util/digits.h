/* Strict decimal numbers: digits only, no sign, blank or base prefix.
 * A pure function (no errno, no locale): on the site's page threads
 * g_ascii_string_to_unsigned() was seen to refuse valid numbers about once
 * in a hundred runs, so threaded readers use this instead. */
#ifndef AJ_DIGITS_H
#define AJ_DIGITS_H

#include <glib.h>

/* The value of the first len bytes of s (len < 0: all of s); FALSE when
 * empty, not all digits, or above max. */
gboolean aj_digits(const char *s, gssize len, guint64 max, guint64 *out);

#endif
