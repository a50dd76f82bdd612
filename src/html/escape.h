/* Text and URL helpers of the HTML writer, shared with the site pages.
 *
 * Everything written here is well-formed XML as well as HTML: the escapers
 * replace characters XML forbids (C0 controls other than tab/newline/CR,
 * U+FFFE/U+FFFF, invalid UTF-8) with U+FFFD, so one stray byte in the data
 * cannot break a page.
 *
 * Ownership: functions append to a caller's GString; nothing is allocated
 * for the caller except where a return value says so.
 */
#ifndef AJ_HTML_ESCAPE_H
#define AJ_HTML_ESCAPE_H

#include <glib.h>

/* Appends len bytes of text (len < 0: NUL-terminated) escaped for element
 * content and attribute values (& < > " ' all escaped). */
void aj_html_escape(GString *out, const char *text, gssize len);

/* Appends an id made of text: letters, digits and CJK kept, runs of other
 * characters folded into "-", at most 48 characters; "section" when nothing
 * is left. */
void aj_html_slug(GString *out, const char *text);

#endif
