/* Data values quoted in messages, with the characters a reader cannot see
 * named: "91320509MAM17X0Q90 " reads '91320509MAM17X0Q90[space]', so the
 * clerk sees why it matches nothing.
 *
 * Named are blanks at either end of the value or next to another blank,
 * tabs and line breaks, no-break and full-width spaces, zero-width and
 * other format characters, a byte order mark, and control characters
 * ([U+0007]).  Everything else is copied as it is.
 *
 * Ownership: aj_visible() returns a new string the caller frees.
 */
#ifndef AJ_VISIBLE_H
#define AJ_VISIBLE_H

#include <glib.h>

char *aj_visible(const char *value);

/* TRUE when aj_visible() would name a character of value. */
gboolean aj_has_invisible(const char *value);

#endif
