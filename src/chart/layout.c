#include "chart/layout.h"

#include <math.h>
#include <string.h>

/* Grey-scale safe: series 0 is dark and solid, series 1 light and hatched
 * (bars) or dashed with hollow square markers (lines). */
#define INK 0x262626
#define MUTED 0x595959
#define GRID 0xd9d9d9
#define WHITE 0xffffff
#define DARK 0x1f4e79
#define LIGHT 0xf8cbad
#define ACCENT 0xc55a11


typedef struct {
	AjChartScene *s;
	AjChartText *text;
	double fs;    /* label font size */
	double small; /* value and tick labels */
	double pad;
	double left, right, top, bottom; /* plot area */
	double slot;                     /* width of one category */
	gint64 step, vtop;
} Frame;

void aj_chart_axis(gint64 max, gint64 *step, gint64 *top)
{
	static const gint64 mult[] = { 1, 2, 5 };
	gint64 pow10 = 1;

	/* Small counts keep five steps of 1, so a single case is not drawn
	 * as a full-height bar. */
	if (max <= 5) {
		*step = 1;
		*top = 5;
		return;
	}
	for (;;) {
		for (gsize i = 0; i < G_N_ELEMENTS(mult); i++) {
			gint64 st = mult[i] * pow10;
			if (st * 6 >= max) {
				*step = st;
				*top = (max + st - 1) / st * st;
				return;
			}
		}
		pow10 *= 10;
	}
}

static double y_of(const Frame *f, gint64 v)
{
	return f->bottom - (double)v / (double)f->vtop * (f->bottom - f->top);
}

static char *count_str(gint64 v)
{
	return g_strdup_printf("%" G_GINT64_FORMAT, v);
}

/* Diagonal hatching inside a rectangle, phase-aligned across rectangles. */
static void hatch(Frame *f, double x, double y, double w, double h, double gap)
{
	double c0 = ceil((x + y) / gap) * gap;

	for (double c = c0; c < x + w + y + h; c += gap) {
		double lo = MAX(x, c - (y + h)), hi = MIN(x + w, c - y);
		if (hi - lo > 0.01)
			aj_chart_scene_segment(f->s, lo, c - lo, hi, c - hi, ACCENT, f->fs * 0.07);
	}
}

static void bar(Frame *f, int series, double x, double y, double w, double h)
{
	if (series == 0) {
		aj_chart_scene_rect(f->s, x, y, w, h, DARK, AJ_CHART_NO_COLOR, 0);
		return;
	}
	aj_chart_scene_rect(f->s, x, y, w, h, LIGHT, AJ_CHART_NO_COLOR, 0);
	hatch(f, x, y, w, h, f->fs * 0.45);
	aj_chart_scene_rect(f->s, x, y, w, h, AJ_CHART_NO_COLOR, ACCENT, f->fs * 0.08);
}

static void marker(Frame *f, int series, double x, double y)
{
	if (series == 0)
		aj_chart_scene_marker(f->s, AJ_MARK_CIRCLE, x, y, f->fs * 0.5, DARK,
				      AJ_CHART_NO_COLOR, 0);
	else
		aj_chart_scene_marker(f->s, AJ_MARK_SQUARE, x, y, f->fs * 0.8, WHITE, ACCENT,
				      f->fs * 0.14);
}

static AjChartItem *series_line(Frame *f, int series)
{
	return aj_chart_scene_line(f->s, series == 0 ? DARK : ACCENT, f->fs * 0.16,
				   series == 0 ? 0 : f->fs * 0.55);
}

/* Width of one legend entry: swatch, gap, label. */
static double legend_entry_width(const Frame *f, const AjChartDef *def, int i)
{
	double sw = def->kind == AJ_CHART_LINES ? f->fs * 2.6 : f->fs * 1.4;

	return sw + f->fs * 0.4 + aj_chart_text_width(f->text, def->series[i], f->fs, FALSE);
}

static void legend(Frame *f, const AjChartDef *def, double x_end, double mid)
{
	double gap = f->fs * 1.2;
	double x = x_end - legend_entry_width(f, def, 0) - gap - legend_entry_width(f, def, 1);

	for (int i = 0; i < 2; i++) {
		double sw;
		if (def->kind == AJ_CHART_LINES) {
			AjChartItem *ln = series_line(f, i);
			sw = f->fs * 2.6;
			aj_chart_scene_point(ln, x, mid);
			aj_chart_scene_point(ln, x + sw, mid);
			marker(f, i, x + sw / 2, mid);
		} else {
			sw = f->fs * 1.4;
			bar(f, i, x, mid - f->fs * 0.45, sw, f->fs * 0.9);
		}
		aj_chart_scene_text(f->s, def->series[i], x + sw + f->fs * 0.4, mid + f->fs * 0.35,
				    f->fs, FALSE, INK, AJ_ANCHOR_START, 0);
		x += legend_entry_width(f, def, i) + gap;
	}
}

/* Greedy split of a label into lines no wider than avail (CJK text breaks
 * between any two characters); returns a NULL-terminated vector. */
static char **wrap(Frame *f, const char *label, double size, double avail)
{
	GPtrArray *lines = g_ptr_array_new();
	GString *cur = g_string_new(NULL);

	for (const char *p = label; *p != '\0'; p = g_utf8_next_char(p)) {
		const char *next = g_utf8_next_char(p);
		gsize before = cur->len;
		g_string_append_len(cur, p, next - p);
		if (before > 0 && aj_chart_text_width(f->text, cur->str, size, FALSE) > avail) {
			g_ptr_array_add(lines, g_strndup(cur->str, before));
			g_string_erase(cur, 0, (gssize)before);
		}
	}
	if (cur->len > 0 || lines->len == 0)
		g_ptr_array_add(lines, g_strdup(cur->str));
	g_string_free(cur, TRUE);
	g_ptr_array_add(lines, NULL);
	return (char **)g_ptr_array_free(lines, FALSE);
}

typedef enum { LABELS_FLAT, LABELS_WRAPPED, LABELS_ROTATED } LabelMode;

/* Category labels under the axis; returns the height they take. */
static double category_labels(Frame *f, const AjChartData *d, double size, gboolean draw)
{
	double avail = f->slot * 0.94, maxw = 0, line_h = size * 1.25, height;
	guint max_lines = 1;
	gboolean sub = FALSE;
	LabelMode mode = LABELS_FLAT;
	GPtrArray *wrapped = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);

	for (guint i = 0; i < d->n; i++) {
		const char *label = g_ptr_array_index(d->labels, i);
		maxw = MAX(maxw, aj_chart_text_width(f->text, label, size, FALSE));
		sub = sub || *(const char *)g_ptr_array_index(d->sublabels, i) != '\0';
	}
	if (maxw > avail) {
		mode = LABELS_WRAPPED;
		for (guint i = 0; i < d->n; i++) {
			char **lines = wrap(f, g_ptr_array_index(d->labels, i), size, avail);
			max_lines = MAX(max_lines, g_strv_length(lines));
			g_ptr_array_add(wrapped, lines);
		}
		if (max_lines > 3)
			mode = LABELS_ROTATED;
	}
	if (mode == LABELS_ROTATED)
		height = maxw * G_SQRT2 / 2 + size * 1.2;
	else
		height = (max_lines + (sub ? 1 : 0)) * line_h;

	for (guint i = 0; draw && i < d->n; i++) {
		double cx = f->left + f->slot * (i + 0.5), base = f->bottom + f->fs * 0.4 + size;
		const char *label = g_ptr_array_index(d->labels, i);
		const char *sublabel = g_ptr_array_index(d->sublabels, i);
		guint lines = 1;

		if (mode == LABELS_ROTATED) {
			aj_chart_scene_text(f->s, label, cx + size * 0.35, f->bottom + f->fs * 0.6,
					    size, FALSE, INK, AJ_ANCHOR_END, -45);
			continue;
		}
		if (mode == LABELS_WRAPPED) {
			char **v = g_ptr_array_index(wrapped, i);
			lines = g_strv_length(v);
			for (guint k = 0; k < lines; k++)
				aj_chart_scene_text(f->s, v[k], cx, base + k * line_h, size, FALSE,
						    INK, AJ_ANCHOR_MIDDLE, 0);
		} else {
			aj_chart_scene_text(f->s, label, cx, base, size, FALSE, INK,
					    AJ_ANCHOR_MIDDLE, 0);
		}
		if (*sublabel != '\0')
			aj_chart_scene_text(f->s, sublabel, cx, base + lines * line_h, size * 0.9,
					    FALSE, MUTED, AJ_ANCHOR_MIDDLE, 0);
	}
	g_ptr_array_unref(wrapped);
	return height;
}

static double max_count_width(Frame *f, const AjChartData *d, double size)
{
	double w = 0;

	for (int s = 0; s < 2; s++)
		for (guint i = 0; i < d->n; i++) {
			char *v = count_str(d->values[s][i]);
			w = MAX(w, aj_chart_text_width(f->text, v, size, FALSE));
			g_free(v);
		}
	return w;
}

static void bars(Frame *f, const AjChartData *d, gboolean vertical_values)
{
	double group = f->slot * 0.72, bw = group / 2, vs = f->small * 0.92;

	for (guint i = 0; i < d->n; i++) {
		double x0 = f->left + f->slot * (i + 0.5) - group / 2;
		for (int s = 0; s < 2; s++) {
			double y = y_of(f, d->values[s][i]), x = x0 + s * bw;
			char *v = count_str(d->values[s][i]);
			if (d->values[s][i] > 0)
				bar(f, s, x, y, bw, f->bottom - y);
			if (vertical_values)
				aj_chart_scene_text(f->s, v, x + bw / 2 + vs * 0.35, y - f->fs * 0.25,
						    vs, FALSE, INK, AJ_ANCHOR_START, -90);
			else
				aj_chart_scene_text(f->s, v, x + bw / 2, y - f->fs * 0.25, vs, FALSE,
						    INK, AJ_ANCHOR_MIDDLE, 0);
			g_free(v);
		}
	}
}

static void lines(Frame *f, const AjChartData *d)
{
	double vs = f->small * 0.92;

	/* A month without figures breaks the line. */
	for (int s = 0; s < 2; s++) {
		AjChartItem *ln = NULL;
		for (guint i = 0; i < d->n; i++) {
			if (d->values[s][i] == AJ_CHART_UNKNOWN) {
				ln = NULL;
				continue;
			}
			if (ln == NULL)
				ln = series_line(f, s);
			aj_chart_scene_point(ln, f->left + f->slot * (i + 0.5), y_of(f, d->values[s][i]));
		}
	}
	/* Hollow squares first: where both series meet, the dot shows inside. */
	for (int s = 1; s >= 0; s--)
		for (guint i = 0; i < d->n; i++)
			if (d->values[s][i] != AJ_CHART_UNKNOWN)
				marker(f, s, f->left + f->slot * (i + 0.5), y_of(f, d->values[s][i]));
	/* The higher point of a month is labelled above, the other below it,
	 * or, with no room above the axis, stacked over the higher label. */
	for (guint i = 0; i < d->n; i++) {
		int hi = d->values[0][i] >= d->values[1][i] ? 0 : 1, lo = 1 - hi;
		double x = f->left + f->slot * (i + 0.5);
		double yh, yl, bh, bl;
		char *vh, *vl;

		if (d->values[hi][i] == AJ_CHART_UNKNOWN) {
			aj_chart_scene_text(f->s, "无数据", x, f->bottom - f->fs * 0.4, vs, FALSE,
					    MUTED, AJ_ANCHOR_MIDDLE, 0);
			continue;
		}
		yh = y_of(f, d->values[hi][i]);
		bh = yh - f->fs * 0.7;
		vh = count_str(d->values[hi][i]);
		aj_chart_scene_text(f->s, vh, x, bh, vs, FALSE, hi == 0 ? DARK : ACCENT,
				    AJ_ANCHOR_MIDDLE, 0);
		g_free(vh);
		if (d->values[lo][i] == AJ_CHART_UNKNOWN)
			continue;
		yl = y_of(f, d->values[lo][i]);
		bl = yl + f->fs * 0.6 + vs;
		if (bl > f->bottom - f->fs * 0.15)
			bl = yl - yh < f->fs * 1.8 ? bh - vs * 1.15 : yl - f->fs * 0.7;
		vl = count_str(d->values[lo][i]);
		aj_chart_scene_text(f->s, vl, x, bl, vs, FALSE, lo == 0 ? DARK : ACCENT,
				    AJ_ANCHOR_MIDDLE, 0);
		g_free(vl);
	}
}

/* "数据来源：…；统计期间：…": the source from the office profile when it names one. */
static char *source_line(const AjChartDef *def, const AjChartData *d)
{
	const char *period = d->period_cn != NULL ? d->period_cn : "";
	GString *s = g_string_new(NULL);

	if (d->source != NULL)
		g_string_append_printf(s, "数据来源：%s；", d->source);
	if (def->stock)
		g_string_append_printf(s, "统计时点：%s", d->as_of_cn != NULL ? d->as_of_cn : period);
	else
		g_string_append_printf(s, "统计期间：%s%s", d->span_cn != NULL ? d->span_cn : period,
				       d->has_unknown ? "；“无数据”表示该月无可用数据" : "");
	return g_string_free(s, FALSE);
}

AjChartScene *aj_chart_layout(const AjChartDef *def, const AjChartData *d, double width,
			      double height, AjChartText *text)
{
	Frame f = { .text = text };
	double base = MIN(width, height / 0.6), src_size, src_w, unit_w, legend_w, row_h, y;
	double label_h, headroom, label_size, tick_w = 0;
	gboolean vertical_values = FALSE;
	gint64 vmax = 0;
	char *src = source_line(def, d);

	f.s = aj_chart_scene_new(width, height);
	f.fs = CLAMP(base * 0.021, 6.5, 14.0);
	f.small = f.fs * 0.9;
	f.pad = f.fs * 0.6;
	aj_chart_scene_rect(f.s, 0, 0, width, height, WHITE, AJ_CHART_NO_COLOR, 0);

	/* Top: the unit at the left, the legend at the right (two rows if narrow). */
	row_h = f.fs * 1.6;
	unit_w = aj_chart_text_width(text, def->unit, f.small, FALSE);
	legend_w = legend_entry_width(&f, def, 0) + f.fs * 1.2 + legend_entry_width(&f, def, 1);
	y = f.pad;
	aj_chart_scene_text(f.s, def->unit, f.pad, y + row_h / 2 + f.small * 0.35, f.small, FALSE,
			    MUTED, AJ_ANCHOR_START, 0);
	if (unit_w + f.fs * 2 + legend_w > width - 2 * f.pad)
		y += row_h;
	legend(&f, def, width - f.pad, y + row_h / 2);
	y += row_h;

	/* Value axis. */
	for (int s = 0; s < 2; s++)
		for (guint i = 0; i < d->n; i++)
			vmax = MAX(vmax, d->values[s][i]);
	aj_chart_axis(vmax, &f.step, &f.vtop);
	for (gint64 t = 0; t <= f.vtop; t += f.step) {
		char *v = count_str(t);
		tick_w = MAX(tick_w, aj_chart_text_width(text, v, f.small, FALSE));
		g_free(v);
	}
	f.left = f.pad + tick_w + f.fs * 0.5;
	f.right = width - f.pad;
	f.slot = (f.right - f.left) / MAX(d->n, 1);

	/* Room above the highest value for its label. */
	headroom = def->kind == AJ_CHART_LINES ? f.fs * 1.7 : f.fs * 1.3;
	if (def->kind == AJ_CHART_BARS) {
		double vw = max_count_width(&f, d, f.small * 0.92);
		vertical_values = vw > f.slot * 0.36;
		if (vertical_values)
			headroom = vw + f.fs * 0.5;
	}
	f.top = y + headroom;

	/* Bottom: the source line, then the category labels. */
	src_size = f.small;
	src_w = aj_chart_text_width(text, src, src_size, FALSE);
	if (src_w > width - 2 * f.pad)
		src_size = MAX(4.0, src_size * (width - 2 * f.pad) / src_w);
	label_size = f.fs;
	f.bottom = height; /* category_labels() only measures here */
	label_h = category_labels(&f, d, label_size, FALSE);
	f.bottom = height - f.pad - src_size * 1.6 - label_h - f.fs * 0.6;
	if (f.bottom - f.top < height * 0.2)
		f.bottom = f.top + height * 0.2;

	for (gint64 t = 0; t <= f.vtop; t += f.step) {
		double ty = y_of(&f, t);
		char *v = count_str(t);
		if (t > 0)
			aj_chart_scene_segment(f.s, f.left, ty, f.right, ty, GRID, f.fs * 0.06);
		aj_chart_scene_text(f.s, v, f.left - f.fs * 0.4, ty + f.small * 0.35, f.small, FALSE,
				    MUTED, AJ_ANCHOR_END, 0);
		g_free(v);
	}
	if (def->kind == AJ_CHART_BARS)
		bars(&f, d, vertical_values);
	else
		lines(&f, d);
	aj_chart_scene_segment(f.s, f.left, f.bottom, f.right, f.bottom, MUTED, f.fs * 0.09);
	aj_chart_scene_segment(f.s, f.left, f.top - f.fs * 0.3, f.left, f.bottom, MUTED, f.fs * 0.09);
	for (guint i = 0; i <= d->n; i++) {
		double tx = f.left + f.slot * i;
		aj_chart_scene_segment(f.s, tx, f.bottom, tx, f.bottom + f.fs * 0.3, MUTED,
				       f.fs * 0.09);
	}
	category_labels(&f, d, label_size, TRUE);
	aj_chart_scene_text(f.s, src, f.pad, height - f.pad - src_size * 0.3, src_size, FALSE,
			    MUTED, AJ_ANCHOR_START, 0);
	g_free(src);
	return f.s;
}
