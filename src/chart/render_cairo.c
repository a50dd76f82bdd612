#include "chart/render_cairo.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "chart/text.h"

static void set_color(cairo_t *cr, guint32 rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
			     (rgb & 0xff) / 255.0);
}

/* Fills and strokes the current path as the item asks. */
static void paint(cairo_t *cr, const AjChartItem *it)
{
	if (it->fill != AJ_CHART_NO_COLOR) {
		set_color(cr, it->fill);
		if (it->stroke != AJ_CHART_NO_COLOR)
			cairo_fill_preserve(cr);
		else
			cairo_fill(cr);
	}
	if (it->stroke != AJ_CHART_NO_COLOR) {
		double dash[2] = { it->dash, it->dash * 0.6 };
		set_color(cr, it->stroke);
		cairo_set_line_width(cr, it->stroke_width);
		cairo_set_dash(cr, dash, it->dash > 0 ? 2 : 0, 0);
		cairo_stroke(cr);
	}
	cairo_new_path(cr);
}

static void text(cairo_t *cr, PangoContext *ctx, const AjChartItem *it)
{
	double w = 0, baseline = 0;
	PangoLayout *layout = aj_chart_text_layout(ctx, it->text, it->size, it->bold, &w, &baseline);
	double shift = it->anchor == AJ_ANCHOR_START ? 0 : it->anchor == AJ_ANCHOR_MIDDLE ? w / 2 : w;

	cairo_save(cr);
	cairo_translate(cr, it->x, it->y);
	cairo_rotate(cr, it->angle * G_PI / 180.0);
	cairo_move_to(cr, -shift, -baseline);
	set_color(cr, it->fill);
	pango_cairo_show_layout(cr, layout);
	cairo_restore(cr);
	g_object_unref(layout);
}

void aj_chart_render_cairo(const AjChartScene *scene, cairo_t *cr)
{
	PangoContext *ctx = pango_cairo_create_context(cr);

	aj_chart_text_setup_context(ctx);
	cairo_save(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	for (guint i = 0; i < scene->items->len; i++) {
		const AjChartItem *it = &g_array_index(scene->items, AjChartItem, i);
		const double *p = it->points != NULL ? (const double *)(void *)it->points->data : NULL;

		switch (it->kind) {
		case AJ_ITEM_RECT:
			cairo_rectangle(cr, it->x, it->y, it->w, it->h);
			paint(cr, it);
			break;
		case AJ_ITEM_LINE:
			for (guint k = 0; k + 1 < it->points->len; k += 2)
				(k == 0 ? cairo_move_to : cairo_line_to)(cr, p[k], p[k + 1]);
			paint(cr, it);
			break;
		case AJ_ITEM_MARKER:
			if (it->shape == AJ_MARK_CIRCLE)
				cairo_arc(cr, it->x, it->y, it->w / 2, 0, 2 * G_PI);
			else
				cairo_rectangle(cr, it->x - it->w / 2, it->y - it->w / 2, it->w,
						it->w);
			paint(cr, it);
			break;
		case AJ_ITEM_TEXT:
			text(cr, ctx, it);
			break;
		}
	}
	cairo_restore(cr);
	g_object_unref(ctx);
}
