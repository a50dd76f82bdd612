/* A chart as a flat list of drawing items in user units (points).
 *
 * The layout (layout.c) computes every position once; the two back ends
 * (render_cairo.c, render_svg.c) only translate items, so the PDF figure and
 * the SVG figure agree to the point.  Text items are single lines: any
 * wrapping was decided by the layout.
 *
 * Ownership: aj_chart_scene_new() returns a scene freed with
 * aj_chart_scene_free(), which frees every item, its points and its text.
 */
#ifndef AJ_CHART_SCENE_H
#define AJ_CHART_SCENE_H

#include <glib.h>

#define AJ_CHART_FONT "Noto Sans CJK SC"
#define AJ_CHART_NO_COLOR G_MAXUINT32 /* a fill or stroke that is not drawn */

typedef enum { AJ_ITEM_RECT, AJ_ITEM_LINE, AJ_ITEM_MARKER, AJ_ITEM_TEXT } AjChartItemKind;
typedef enum { AJ_MARK_CIRCLE, AJ_MARK_SQUARE } AjChartMarkShape;
typedef enum { AJ_ANCHOR_START, AJ_ANCHOR_MIDDLE, AJ_ANCHOR_END } AjChartAnchor;

typedef struct {
	AjChartItemKind kind;
	guint32 fill;   /* 0xRRGGBB or AJ_CHART_NO_COLOR */
	guint32 stroke; /* 0xRRGGBB or AJ_CHART_NO_COLOR */
	double stroke_width;
	double dash; /* dash length of a dashed stroke (gap = dash * 0.6); 0: solid */
	/* RECT: x, y, w, h.  MARKER: centre x, y and size w.  TEXT: x, y of the
	 * baseline at the anchor. */
	double x, y, w, h;
	GArray *points; /* LINE: doubles x0, y0, x1, y1, ... (a polyline) */
	AjChartMarkShape shape;
	char *text;      /* TEXT: one line, UTF-8 */
	double size;     /* TEXT: font size */
	gboolean bold;   /* TEXT */
	double angle;    /* TEXT: degrees, clockwise, about (x, y) */
	AjChartAnchor anchor;
} AjChartItem;

typedef struct {
	double width, height;
	GArray *items; /* AjChartItem, in painting order */
} AjChartScene;

AjChartScene *aj_chart_scene_new(double width, double height);
void aj_chart_scene_free(AjChartScene *scene);

void aj_chart_scene_rect(AjChartScene *s, double x, double y, double w, double h, guint32 fill,
			 guint32 stroke, double stroke_width);
/* Starts a polyline; add points with aj_chart_scene_point(). */
AjChartItem *aj_chart_scene_line(AjChartScene *s, guint32 stroke, double stroke_width,
				 double dash);
void aj_chart_scene_point(AjChartItem *line, double x, double y);
void aj_chart_scene_segment(AjChartScene *s, double x0, double y0, double x1, double y1,
			    guint32 stroke, double stroke_width);
void aj_chart_scene_marker(AjChartScene *s, AjChartMarkShape shape, double cx, double cy,
			   double size, guint32 fill, guint32 stroke, double stroke_width);
void aj_chart_scene_text(AjChartScene *s, const char *text, double x, double y, double size,
			 gboolean bold, guint32 color, AjChartAnchor anchor, double angle);

#endif
