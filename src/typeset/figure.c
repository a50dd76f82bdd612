/* Figures: a PNG next to the document or a chart:NAME laid out by
 * src/chart as a scene of vectors and text, with the caption "图N　…"
 * from the image description. */
#include <string.h>

#include "chart/chart.h"
#include "markdown/conventions.h"
#include "markdown/document.h"
#include "util/error.h"
#include "util/i18n.h"
#include "typeset/state.h"

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
	AjChartScene *scene;
	AjChartOp *op;

	if (!aj_chart_exists(name)) {
		aj_ts_fail(ts, EX_DATAERR, "%s:%d: there is no chart '%s'; check the image source",
			   ts->doc->source_name, ts->src_line, name);
		return;
	}
	h = w * aj_chart_aspect(name);
	if (h <= 0 || h > AJ_TB_H - 2 * AJ_PITCH)
		h = MIN(w * 0.6, AJ_TB_H - 2 * AJ_PITCH);
	scene = aj_chart_scene(name, ts->opts ? ts->opts->context : NULL, w, h, &err);
	if (scene == NULL) {
		aj_ts_fail(ts, err ? err->code : EX_SOFTWARE, "%s:%d: chart '%s': %s",
			   ts->doc->source_name, ts->src_line, name,
			   err ? err->message : "drawing failed");
		g_clear_error(&err);
		return;
	}
	top = place(ts, h);
	op = &aj_page_add(ts->cur, AJ_OP_CHART)->chart;
	*op = (AjChartOp){ .x = AJ_TB_X, .y = top, .width = w, .height = h, .scene = scene };
	ts->y = top + h;
	aj_ts_snap(ts);
	caption(ts, image);
}

/* The pixel size of a PNG from its IHDR chunk, or FALSE when data is not
 * a PNG; the pixels are decoded by the back end. */
static gboolean png_size(GBytes *png, int *w, int *h)
{
	gsize len;
	const guint8 *d = g_bytes_get_data(png, &len);

	if (len < 24 || memcmp(d, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(d + 12, "IHDR", 4) != 0)
		return FALSE;
	*w = (int)((guint32)d[16] << 24 | (guint32)d[17] << 16 | (guint32)d[18] << 8 | d[19]);
	*h = (int)((guint32)d[20] << 24 | (guint32)d[21] << 16 | (guint32)d[22] << 8 | d[23]);
	return *w > 0 && *h > 0;
}

static void set_png(AjTs *ts, const char *url, cmark_node *image)
{
	char *dir = g_path_get_dirname(ts->doc->source_name);
	char *path = g_path_is_absolute(url) ? g_strdup(url) : g_build_filename(dir, url, NULL);
	GError *err = NULL;
	GBytes *png = NULL;
	char *data = NULL;
	gsize len = 0;
	int pw = 0, ph = 0;
	double w, h, scale, top;
	AjImageOp *op;

	if (!g_file_get_contents(path, &data, &len, &err)) {
		aj_ts_fail(ts, EX_NOINPUT,
			   _("%s:%d: cannot read the image %s (%s); images must be PNG files "
			     "relative to the document"),
			   ts->doc->source_name, ts->src_line, path, err->message);
		goto done;
	}
	png = g_bytes_new_take(data, len);
	if (!png_size(png, &pw, &ph)) {
		aj_ts_fail(ts, EX_DATAERR,
			   _("%s:%d: the image %s is not a PNG file; save it as PNG"),
			   ts->doc->source_name, ts->src_line, path);
		goto done;
	}
	/* Pixels at 96 dpi, shrunk to the text block. */
	w = pw * 0.75;
	h = ph * 0.75;
	scale = MIN(1.0, MIN(AJ_TB_W / w, (AJ_TB_H - 2 * AJ_PITCH) / h));
	w *= scale;
	h *= scale;
	top = place(ts, h);
	op = &aj_page_add(ts->cur, AJ_OP_IMAGE)->image;
	*op = (AjImageOp){ .x = AJ_TB_X + (AJ_TB_W - w) / 2, .y = top, .scale = scale * 0.75,
			   .width = pw, .height = ph, .png = g_bytes_ref(png),
			   .path = g_strdup(path), .src_line = ts->src_line };
	ts->y = top + h;
	aj_ts_snap(ts);
	caption(ts, image);
done:
	g_clear_error(&err);
	if (png != NULL)
		g_bytes_unref(png);
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
