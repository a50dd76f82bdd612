/* Chart text through Pango, set up the same way for measuring (layout) and
 * for drawing (Cairo back end), so widths computed by the layout are the
 * widths drawn.  Font "Noto Sans CJK SC" by explicit name, language zh-cn,
 * 72 units per inch (font sizes are in user units), no hinted metrics: no
 * dependence on the locale or on the target surface.
 *
 * Ownership: aj_chart_text_new() returns a measurer freed with
 * aj_chart_text_free(); aj_chart_text_layout() returns a PangoLayout the
 * caller unrefs.  A measurer belongs to one thread.
 */
#ifndef AJ_CHART_TEXT_H
#define AJ_CHART_TEXT_H

#include <glib.h>
#include <pango/pango.h>

typedef struct AjChartText AjChartText;

/* A measurer on this thread's default Pango-Cairo font map. */
AjChartText *aj_chart_text_new(void);
void aj_chart_text_free(AjChartText *t);

/* Width of text set in one line. */
double aj_chart_text_width(AjChartText *t, const char *text, double size, gboolean bold);

/* Configures a Pango context for chart text (resolution, options, language). */
void aj_chart_text_setup_context(PangoContext *ctx);
/* A one-line layout of text in ctx; width and baseline (from the top) in
 * user units go to *width and *baseline when not NULL. */
PangoLayout *aj_chart_text_layout(PangoContext *ctx, const char *text, double size,
				  gboolean bold, double *width, double *baseline);

#endif
