/* Small pieces of a document's metadata as a reader sees them, shared by the
 * standalone page and the site.
 *
 * Ownership: functions append to the caller's GString.
 */
#ifndef AJ_HTML_DOCMETA_H
#define AJ_HTML_DOCMETA_H

#include <glib.h>

/* "2026-04-05" → "2026年4月5日" (Arabic numerals, no zero padding, as on
 * the PDF); anything else is appended unchanged. */
void aj_html_date_cn(GString *out, const char *iso);

/* "（此件主动公开）" for "public", "（此件不予公开）" otherwise; nothing for NULL. */
const char *aj_html_publicity_note(const char *publicity);

#endif
