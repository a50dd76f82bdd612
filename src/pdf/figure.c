/* Figures: a PNG next to the document or a chart:NAME drawn as vectors by
 * src/chart, with the caption "图N …" from the image description. */
#include <string.h>

#include "chart/chart.h"
#include "markdown/conventions.h"
#include "markdown/document.h"
#include "util/error.h"
#include "pdf/typeset.h"

static void caption(AjTs *ts, cmark_node *image)
{
	AjParaStyle st = aj_para_body();
	char *text = aj_md_figure_caption(++ts->figure_no, image);

	st.indent = 0;
	st.justify = FALSE;
	st.align = PANGO_ALIGN_CENTER;
	aj_para_set_text(ts, text, &st);
	g_free(text);
}

/* Reserves w × h (plus a caption line) on the current or a new page and
 * returns the top of the figure. */
static double place(AjTs *ts, double h)
{
	if (!ts->page_open || ts->y + h + AJ_PITCH > AJ_TB_BOTTOM + 0.01)
		aj_ts_begin_page(ts);
	return ts->y;
}

static void set_chart(AjTs *ts, const char *name, cmark_node *image)
{
	double w = AJ_TB_W, h, top;
	GError *err = NULL;

	if (!aj_chart_exists(name)) {
		aj_ts_fail(ts, EX_DATAERR, "%s:%d: there is no chart '%s'; check the image source",
			   ts->doc->source_name, ts->src_line, name);
		return;
	}
	h = w * aj_chart_aspect(name);
	if (h <= 0 || h > AJ_TB_H - 2 * AJ_PITCH)
		h = MIN(w * 0.6, AJ_TB_H - 2 * AJ_PITCH);
	top = place(ts, h);
	cairo_save(ts->cr);
	cairo_translate(ts->cr, AJ_TB_X, top);
	cairo_rectangle(ts->cr, 0, 0, w, h);
	cairo_clip(ts->cr);
	if (!aj_chart_draw(name, ts->opts ? ts->opts->context : NULL, ts->cr, w, h, &err)) {
		aj_ts_fail(ts, err ? err->code : EX_SOFTWARE, "%s:%d: chart '%s': %s",
			   ts->doc->source_name, ts->src_line, name,
			   err ? err->message : "drawing failed");
		g_clear_error(&err);
	}
	cairo_restore(ts->cr);
	ts->y = top + h;
	aj_ts_snap(ts);
	caption(ts, image);
}

static void set_png(AjTs *ts, const char *url, cmark_node *image)
{
	char *dir = g_path_get_dirname(ts->doc->source_name);
	char *path = g_path_is_absolute(url) ? g_strdup(url) : g_build_filename(dir, url, NULL);
	cairo_surface_t *img = cairo_image_surface_create_from_png(path);
	double w, h, scale, top;

	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
		aj_ts_fail(ts, EX_NOINPUT,
			   "%s:%d: cannot read the image %s (%s); images must be PNG files "
			   "relative to the document",
			   ts->doc->source_name, ts->src_line, path,
			   cairo_status_to_string(cairo_surface_status(img)));
		goto done;
	}
	/* Pixels at 96 dpi, shrunk to the text block. */
	w = cairo_image_surface_get_width(img) * 0.75;
	h = cairo_image_surface_get_height(img) * 0.75;
	scale = MIN(1.0, MIN(AJ_TB_W / w, (AJ_TB_H - 2 * AJ_PITCH) / h));
	w *= scale;
	h *= scale;
	top = place(ts, h);
	cairo_save(ts->cr);
	cairo_translate(ts->cr, AJ_TB_X + (AJ_TB_W - w) / 2, top);
	cairo_scale(ts->cr, scale * 0.75, scale * 0.75);
	cairo_set_source_surface(ts->cr, img, 0, 0);
	cairo_paint(ts->cr);
	cairo_restore(ts->cr);
	ts->y = top + h;
	aj_ts_snap(ts);
	caption(ts, image);
done:
	cairo_surface_destroy(img);
	g_free(path);
	g_free(dir);
}

void aj_figure_set(AjTs *ts, cmark_node *image)
{
	const char *url = cmark_node_get_url(image);

	if (aj_md_image_kind(image) == AJ_IMAGE_CHART)
		set_chart(ts, url + strlen("chart:"), image);
	else
		set_png(ts, url, image);
}
