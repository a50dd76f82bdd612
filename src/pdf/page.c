#include "pdf/typeset.h"

#include <math.h>
#include <stdarg.h>

#include "util/error.h"

void aj_ts_fail(AjTs *ts, int code, const char *fmt, ...)
{
	va_list ap;

	if (ts->err != NULL)
		return;
	va_start(ap, fmt);
	ts->err = g_error_new_valist(AJ_ERROR, code, fmt, ap);
	va_end(ap);
}

/* The em box of a CJK face sits about 0.88 em above the baseline; centring
 * the box on the grid line keeps every role on the same rhythm. */
double aj_ts_baseline(double line_top, double size)
{
	return line_top + (AJ_PITCH - size) / 2 + 0.88 * size;
}

static void draw_page_number(AjTs *ts)
{
	const double size = 14.0;
	char *label = g_strdup_printf("—\u00a0\u00a0%d\u00a0\u00a0—", ts->page);
	PangoLayout *layout = pango_layout_new(ts->pctx);
	PangoFontDescription *d = aj_font_desc(AJ_FONT_SONG, size);
	PangoRectangle logical;
	double x, top = AJ_TB_BOTTOM + 7 * AJ_MM;

	pango_layout_set_font_description(layout, d);
	pango_layout_set_text(layout, label, -1);
	pango_layout_get_extents(layout, NULL, &logical);
	/* GB/T 9704: odd pages one character from the right, even from the left. */
	if (ts->page % 2 == 1)
		x = AJ_TB_X + AJ_TB_W - size - logical.width / (double)PANGO_SCALE;
	else
		x = AJ_TB_X + size;
	cairo_set_source_rgb(ts->cr, 0, 0, 0);
	cairo_move_to(ts->cr, x, top + 0.88 * size);
	pango_cairo_show_layout_line(ts->cr, pango_layout_get_line_readonly(layout, 0));
	pango_font_description_free(d);
	g_object_unref(layout);
	g_free(label);
}

void aj_ts_begin_page(AjTs *ts)
{
	if (ts->page_open)
		aj_ts_end_page(ts);
	ts->page++;
	ts->page_open = TRUE;
	ts->y = AJ_TB_Y;
	cairo_set_source_rgb(ts->cr, 0, 0, 0);
}

void aj_ts_end_page(AjTs *ts)
{
	if (!ts->page_open)
		return;
	draw_page_number(ts);
	cairo_show_page(ts->cr);
	ts->page_open = FALSE;
}

int aj_ts_lines_left(AjTs *ts)
{
	if (!ts->page_open)
		return AJ_LINES;
	return (int)((AJ_TB_BOTTOM - ts->y) / AJ_PITCH + 0.01);
}

double aj_ts_next_line(AjTs *ts)
{
	double top;

	if (!ts->page_open || ts->y + AJ_PITCH > AJ_TB_BOTTOM + 0.01)
		aj_ts_begin_page(ts);
	top = ts->y;
	ts->y += AJ_PITCH;
	return top;
}

void aj_ts_snap(AjTs *ts)
{
	double k;

	if (!ts->page_open)
		return;
	k = (ts->y - AJ_TB_Y) / AJ_PITCH;
	ts->y = AJ_TB_Y + ceil(k - 0.01) * AJ_PITCH;
}
