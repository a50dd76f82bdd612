#include "chart/text.h"

#include <pango/pangocairo.h>

#include "chart/scene.h"

struct AjChartText {
	PangoContext *ctx;
};

void aj_chart_text_setup_context(PangoContext *ctx)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	/* Unhinted metrics keep widths independent of the target surface. */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(ctx, 72.0);
	pango_context_set_language(ctx, pango_language_from_string("zh-cn"));
	pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR);
}

AjChartText *aj_chart_text_new(void)
{
	AjChartText *t = g_new0(AjChartText, 1);

	t->ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	aj_chart_text_setup_context(t->ctx);
	return t;
}

void aj_chart_text_free(AjChartText *t)
{
	if (t == NULL)
		return;
	g_object_unref(t->ctx);
	g_free(t);
}

PangoLayout *aj_chart_text_layout(PangoContext *ctx, const char *text, double size,
				  gboolean bold, double *width, double *baseline)
{
	PangoLayout *layout = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	PangoRectangle logical;

	pango_font_description_set_family_static(fd, AJ_CHART_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(layout, text, -1);
	pango_layout_get_extents(layout, NULL, &logical);
	if (width != NULL)
		*width = (double)logical.width / PANGO_SCALE;
	if (baseline != NULL)
		*baseline = (double)pango_layout_get_baseline(layout) / PANGO_SCALE;
	return layout;
}

double aj_chart_text_width(AjChartText *t, const char *text, double size, gboolean bold)
{
	double w = 0;
	PangoLayout *layout = aj_chart_text_layout(t->ctx, text, size, bold, &w, NULL);

	g_object_unref(layout);
	return w;
}
