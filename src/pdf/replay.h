/* The Cairo back end's drawing: page operations (typeset/ops.h) replayed
 * on a cairo_t of a PDF surface, one page at a time, with the outline.
 *
 * Ownership: a Replay belongs to aj_pdf_write(); it keeps cr and surface
 * as given and frees nothing of the pages.
 */
#ifndef AJ_PDF_REPLAY_H
#define AJ_PDF_REPLAY_H

#include <cairo-pdf.h>

#include "typeset/ops.h"

typedef struct {
	cairo_surface_t *surface;
	cairo_t *cr;
	double width, height;  /* the surface's page size now */
	int outline_parent[5]; /* outline ids of the last entry at each level */
	gboolean cut_fonts;    /* draw with cut faces where they serve (pdf/cutfaces.h) */
} AjReplay;

/* Draws page and shows it (cairo_show_page).  FALSE with err when a
 * picture cannot be decoded. */
gboolean aj_replay_page(AjReplay *r, const AjPage *page, const char *source, GError **err);

#endif
