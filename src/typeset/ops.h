/* Page operations: what the typesetter decided, page by page, for a back
 * end to draw (src/pdf/ with Cairo).  Nothing here draws or knows a
 * drawing surface; every position is final (after justification).
 *
 * Units are PDF points (1/72 inch), y growing down from the top edge of
 * the page.  Each operation is in the space of the frame in force: the
 * page itself, or a frame set by an AJ_OP_FRAME operation (the text block
 * of a table, upright on a landscape page too; or, on a landscape page, the
 * portrait sheet turned a quarter, where its page number stands);
 * aj_frame_to_page() maps a frame's point to the page.
 *
 * Text comes as glyph runs, each exactly what Pango shaped: a font, glyph
 * ids, per-glyph positions and advances, the run's characters and the
 * clusters that map characters to glyphs (for text extraction).  A run's
 * glyphs are placed from an origin (x, y) in points plus Pango units
 * (1/1024 pt) as Pango counts them; aj_glyph_page_x() and friends turn them
 * into points.  Underlines and strike-through are AJ_OP_FILL rectangles
 * measured the same way.
 *
 * Ownership: an AjPage owns its operations and everything they point to
 * (fonts are references, scenes and images owned); aj_page_free() frees
 * it.  A page handed to an AjPageSink belongs to the sink.
 */
#ifndef AJ_TYPESET_OPS_H
#define AJ_TYPESET_OPS_H

#include <glib.h>
#include <pango/pango.h>

#include "chart/scene.h"

#define AJ_MM (72.0 / 25.4)

typedef struct {
	double r, g, b; /* 0..1 */
} AjColor;

typedef enum {
	AJ_OP_FRAME,   /* the frame of the operations that follow */
	AJ_OP_GLYPHS,  /* a run of glyphs in one font */
	AJ_OP_FILL,    /* a filled rectangle of text (underline, strike-through) */
	AJ_OP_PATH,    /* stroked straight lines and rectangles (rules, table lines) */
	AJ_OP_IMAGE,   /* a PNG picture */
	AJ_OP_CHART,   /* a chart scene (src/chart) */
	AJ_OP_LINK,    /* a link area, in page space */
	AJ_OP_OUTLINE, /* an outline (bookmark) entry pointing here, in page space */
} AjOpKind;

typedef enum {
	AJ_FRAME_PAGE,   /* the page itself */
	AJ_FRAME_SHIFT,  /* translated by (x, y) */
	AJ_FRAME_TURNED, /* translated by (x, y), then turned by angle */
} AjFrameKind;

typedef struct {
	AjFrameKind kind;
	double x, y;  /* where the frame's origin lies on the page */
	double angle; /* radians, clockwise on the page (y down); ±G_PI/2 */
	double width, height; /* extent of the frame's content area */
} AjFrame;

/* A glyph is a PangoGlyph id; a glyph no font has is
 * AJ_GLYPH_MISSING | the character (the back end draws a box). */
#define AJ_GLYPH_MISSING 0x10000000u

typedef struct {
	guint32 id;
	int x, y;    /* offset from the run's start, Pango units (x: advances before
	              * it plus its own x offset; y: its y offset) */
	int advance; /* its advance after justification, Pango units */
} AjGlyph;

typedef struct {
	int bytes, glyphs; /* the next `bytes` of text map to the next `glyphs` glyphs */
} AjCluster;

typedef struct {
	double x, y;         /* origin in the frame, points */
	int dx, dy;          /* start of the run's baseline from the origin, Pango units */
	AjColor color;
	PangoFont *font;     /* owned reference; its description holds face and size */
	char *text;          /* the run's characters (UTF-8, NUL-terminated) */
	int text_len;
	AjGlyph *glyphs;     /* drawn glyphs in visual order (empty glyphs left out) */
	int n_glyphs;
	AjCluster *clusters; /* in text order; missing glyphs are not counted */
	int n_clusters;
	gboolean backward;   /* right-to-left run (clusters in reverse) */
} AjGlyphsOp;

typedef struct {
	double x, y;         /* origin in the frame, points (as the text's) */
	int rx, ry, rw, rh;  /* the rectangle from the origin, Pango units */
	AjColor color;
} AjFillOp;

typedef enum { AJ_SEG_MOVE, AJ_SEG_LINE, AJ_SEG_RECT } AjSegKind;
typedef struct {
	AjSegKind kind;
	double x, y, w, h; /* MOVE/LINE: to (x, y); RECT: corner and size */
} AjSeg;

typedef struct {
	AjColor color;
	double line_width; /* points */
	AjSeg *segs;
	int n_segs;
} AjPathOp;

typedef struct {
	double x, y;     /* top left in the frame */
	double scale;    /* points per pixel */
	int width, height; /* pixels */
	GBytes *png;     /* the file's bytes */
	char *path;      /* for messages */
	int src_line;
} AjImageOp;

typedef struct {
	double x, y, width, height; /* the chart's box in the frame; drawn clipped to it */
	AjChartScene *scene;        /* owned; its units are points from (x, y) */
} AjChartOp;

typedef struct {
	double x, y, width, height; /* page space */
	char *uri;
} AjLinkOp;

typedef struct {
	int level;  /* 1 is the top */
	char *title;
	double x, y; /* page space */
} AjOutlineOp;

typedef struct {
	AjOpKind kind;
	union {
		AjFrame frame;
		AjGlyphsOp glyphs;
		AjFillOp fill;
		AjPathOp path;
		AjImageOp image;
		AjChartOp chart;
		AjLinkOp link;
		AjOutlineOp outline;
	};
} AjOp;

typedef struct {
	int number;           /* 1, 2, … */
	double width, height; /* the sheet, points: A4 portrait, or landscape (297 × 210 mm)
	                       * for a turned table, the portrait sheet turned a quarter
	                       * clockwise */
	GArray *ops;          /* AjOp, in drawing order; the page frame at the start */
} AjPage;

/* Receives each finished page; returns FALSE with err set to stop the
 * typesetter.  The page is the sink's (aj_page_free()). */
typedef gboolean (*AjPageSink)(AjPage *page, gpointer data, GError **err);

AjPage *aj_page_new(int number, double width, double height);
void aj_page_free(AjPage *page);
/* Appends an operation of the kind; the caller fills its fields. */
AjOp *aj_page_add(AjPage *page, AjOpKind kind);

/* Page space of a point of the frame. */
void aj_frame_to_page(const AjFrame *f, double x, double y, double *px, double *py);

/* Page-space position of glyph i of a run in frame f (its origin on the
 * baseline), in points. */
void aj_glyph_page_pos(const AjFrame *f, const AjGlyphsOp *g, int i, double *px, double *py);
/* Font size of a run, points. */
double aj_glyphs_size(const AjGlyphsOp *g);

#endif
