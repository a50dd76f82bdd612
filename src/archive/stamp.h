/* The Markdown of a document as issued: the draft as the office left it,
 * with the 文号 and the 成文日期 (number, date, print_date) of its front
 * matter set by issue.  Only those lines change; a key the draft lacks is
 * added before the closing "---".
 *
 * Ownership: the returned text is the caller's (g_free()).
 */
#ifndef AJ_ARCHIVE_STAMP_H
#define AJ_ARCHIVE_STAMP_H

#include <glib.h>

/* NULL (nothing to stamp) when text has no front matter. */
char *aj_stamp_markdown(const char *text, const char *number, const char *date);

#endif
