/* Escapers for {{name}}: what a value must become so the output language
 * shows it as exactly its characters.
 *
 * Each appends the escaped form of s[0..len) to out (AjMEscape); nothing is
 * allocated that the caller must free.
 */
#ifndef AJ_ESCAPE_H
#define AJ_ESCAPE_H

#include <glib.h>

/* HTML text and attribute values: & " < > (what the Mustache spec asks). */
void aj_escape_html(GString *out, const char *s, gsize len);

/* CommonMark/GFM inline text, also inside a table cell: backslash before
 * every ASCII punctuation character that could start markup; newlines
 * become spaces, since a value must stay on its line. */
void aj_escape_markdown(GString *out, const char *s, gsize len);

/* The inside of a double-quoted YAML scalar: \ and " escaped, control
 * characters as \n, \t or \xNN. */
void aj_escape_yaml(GString *out, const char *s, gsize len);

#endif
