/* The OFD writer (GB/T 33190-2016, archival profile OFD-A of GB/T 42133):
 * the second back end of the typesetter.  It lays a document out exactly as
 * the PDF writer does (aj_pdf_pages(): same fonts, same page operations)
 * and writes each page as OFD objects: glyph runs as TextObjects with
 * explicit DeltaX, rules and table lines as PathObjects, charts as paths
 * and text, pictures as images; the fonts are embedded as subsets
 * (HarfBuzz), and the package is a zip with fixed timestamps, so the same
 * document and options give the same bytes.  OFD-A: DocType "OFD-A", no
 * external resource, no action (so no links), the metadata in CustomDatas.
 *
 * Ownership: nothing returned needs freeing; the document, the options and
 * the strings they point to stay the caller's.
 */
#ifndef AJ_OFD_H
#define AJ_OFD_H

#include <libxml/tree.h>

#include "markdown/document.h"

typedef struct {
	gint64 creation_time; /* seconds since the epoch (SOURCE_DATE_EPOCH); -1: from the document date */
	xmlNodePtr context;   /* document context for chart:NAME images; may be NULL */
	/* Name, value, name, value, …, NULL: the CustomData of DocInfo, in
	 * place of the document's own (题名, 文件编号, 责任者, 日期); may be
	 * NULL.  The archive passes the DA/T 46 items (pdf/dat46.h) here. */
	const char *const *custom;
} AjOfdOptions;

/* Writes the OFD package to path (through a temporary file, renamed at
 * the end) and stores the page count in *pages (may be NULL).  Errors name
 * the source line or the output file. */
/* 格式信息 of an OFD file in the archive's metadata (DA/T 46). */
#define AJ_OFD_FORMAT "OFD-A"

gboolean aj_ofd_write(const AjDocument *doc, const AjOfdOptions *opts, const char *path,
		      int *pages, GError **err);

#endif
