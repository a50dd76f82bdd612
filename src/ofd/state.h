/* What the parts of the OFD writer share while one document is written:
 * the ID counter (every ID of the package comes from it, so MaxUnitID is
 * its last value), the font and image resources met so far, the finished
 * parts of the package and the pages' IDs.  The pages are written as the
 * typesetter finishes them (page.c); the resources, the document and the
 * package at the end (ofd.c).
 *
 * Ownership: an AjOfd belongs to aj_ofd_write(), which frees it with
 * aj_ofd_state_free(); parts, fonts and images are its own.
 */
#ifndef AJ_OFD_STATE_H
#define AJ_OFD_STATE_H

#include <libxml/xmlwriter.h>

#include "ofd/fonts.h"
#include "typeset/ops.h"
#include "typeset/record.h"

#define AJ_OFD_NS "http://www.ofdspec.org/2016"
/* Millimetres per point: OFD measures in mm, the page operations in points. */
#define AJ_OFD_MM (25.4 / 72.0)

typedef struct {
	char *name;  /* path inside the zip */
	GBytes *data;
} AjOfdPart;

typedef struct {
	char *title;
	guint page_id;
	double left, top; /* mm */
} AjOfdBookmark;

/* An affine map as cairo's: x' = xx x + xy y + x0, y' = yx x + yy y + y0. */
typedef struct {
	double xx, yx, xy, yy, x0, y0;
} AjOfdMatrix;

typedef struct {
	guint next_id;         /* the last ID given; IDs start at 1 */
	AjOfdFonts *fonts;
	GHashTable *images;    /* GBytes (PNG) -> GUINT_TO_POINTER(ID) */
	GPtrArray *image_list; /* GBytes, in the order of their IDs (image_ids) */
	GArray *image_ids;     /* guint */
	GPtrArray *parts;      /* AjOfdPart *, in zip order */
	GArray *page_ids;      /* guint, in page order */
	GArray *glyph_parts;   /* guint: parts whose glyph ids wait for the subsets */
	GPtrArray *bookmarks;  /* AjOfdBookmark * */
	PangoContext *chart_ctx; /* chart text, set up as the Cairo back end's */
	AjRecorder *recorder;    /* chart text layouts as glyph runs */
	double page_w, page_h;   /* the first page, points */
} AjOfd;

AjOfd *aj_ofd_state_new(void);
void aj_ofd_state_free(AjOfd *o);

/* Adds a part of the package (takes data). */
void aj_ofd_add_part(AjOfd *o, const char *name, GBytes *data);

/* The ID of the image resource of png (the same bytes: the same ID). */
guint aj_ofd_image_id(AjOfd *o, GBytes *png);

/* Writes page as Doc_0/Pages/Page_N/Content.xml (N from 0). */
void aj_ofd_page(AjOfd *o, const AjPage *page);
/* Once the fonts' subsets are made: the glyphs of the pages' CGTransforms
 * by their ids in the subsets.  FALSE when a subset lost one. */
gboolean aj_ofd_subset_glyphs(AjOfd *o, GError **err);

/* An XML part written with libxml2's xmlwriter into memory. */
typedef struct {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
} AjOfdXml;

/* Starts the document with its root element ofd:ROOT. */
void aj_ofd_xml_begin(AjOfdXml *x, const char *root);
void aj_ofd_xml_start(AjOfdXml *x, const char *name); /* ofd:NAME */
void aj_ofd_xml_end(AjOfdXml *x);
void aj_ofd_xml_attr(AjOfdXml *x, const char *name, const char *value);
void aj_ofd_xml_attr_id(AjOfdXml *x, const char *name, guint id);
/* ofd:NAME holding text. */
void aj_ofd_xml_text(AjOfdXml *x, const char *name, const char *text);
/* Ends the document and adds it to the package as name. */
void aj_ofd_xml_finish(AjOfdXml *x, AjOfd *o, const char *name);

/* A length for OFD: points in mm, at most three decimals, no trailing zero. */
void aj_ofd_num(GString *s, double v);
/* "0 0 W H" in mm of a box of w × h points (the caller frees it). */
char *aj_ofd_box(double w, double h);

#endif
