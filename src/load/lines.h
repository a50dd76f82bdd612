/* Exact line numbers past line 65535.
 *
 * libxml2 2.9 stores an element's line in 16 bits (65535 = "or later"), and
 * the reader's parser line runs ahead of the node it hands out.  This scans
 * the raw file a second time, in step with the reader: the n-th start tag of
 * the file is the n-th element the reader reports, so counting start tags
 * (skipping comments, CDATA sections and processing instructions, where a
 * '<' may stand) and newlines gives each element's line.  The scan only
 * moves forward and reads the file once, in 64 KiB pieces.
 *
 * Ownership: aj_line_scan_new() returns a scanner the caller frees with
 * aj_line_scan_free(); it holds the file open until then.
 */
#ifndef AJ_LOAD_LINES_H
#define AJ_LOAD_LINES_H

#include <glib.h>

typedef struct AjLineScan AjLineScan;

AjLineScan *aj_line_scan_new(const char *path); /* NULL if the file cannot be opened */
/* The line of the start tag of element number `ordinal` (1 = the root);
 * ordinals must not decrease between calls.  0 when the file ends first. */
guint aj_line_scan_element(AjLineScan *s, guint64 ordinal);
/* The line of the <!DOCTYPE of the file's prolog, 0 when there is none
 * (the root element or the end of the file comes first).  Only on a
 * scanner that has not looked for elements yet. */
guint aj_line_scan_doctype(AjLineScan *s);
void aj_line_scan_free(AjLineScan *s);

#endif
