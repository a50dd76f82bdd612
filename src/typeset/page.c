/* Pages and the grid, and the drawing primitives: everything drawn is
 * recorded on the current page (ops.h), which goes to the sink when it is
 * finished. */
#include "typeset/state.h"

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

static AjPage *current(AjTs *ts)
{
	if (!ts->page_open)
		aj_ts_begin_page(ts);
	return ts->cur;
}

void aj_ts_text_line(AjTs *ts, PangoLayoutLine *line, double x, double y, AjColor color)
{
	aj_record_line(ts->rec, current(ts), line, x, y, color);
}

void aj_ts_text_layout(AjTs *ts, PangoLayout *layout, double x, double y, AjColor color)
{
	aj_record_layout(ts->rec, current(ts), layout, x, y, color);
}

AjPathOp *aj_ts_path(AjTs *ts, double line_width, AjColor color)
{
	AjPathOp *p = &aj_page_add(current(ts), AJ_OP_PATH)->path;

	p->color = color;
	p->line_width = line_width;
	return p;
}

void aj_ts_path_add(AjPathOp *p, AjSegKind kind, double x, double y, double w, double h)
{
	/* Paths are short (a rule, a table row's lines): grow by one. */
	p->segs = g_renew(AjSeg, p->segs, p->n_segs + 1);
	p->segs[p->n_segs++] = (AjSeg){ .kind = kind, .x = x, .y = y, .w = w, .h = h };
}

void aj_ts_rule(AjTs *ts, double x0, double y0, double x1, double y1, double line_width,
		AjColor color)
{
	AjPathOp *p = aj_ts_path(ts, line_width, color);

	aj_ts_path_add(p, AJ_SEG_MOVE, x0, y0, 0, 0);
	aj_ts_path_add(p, AJ_SEG_LINE, x1, y1, 0, 0);
}

void aj_ts_link(AjTs *ts, double x, double y, double w, double h, const char *uri)
{
	double cx[4] = { x, x + w, x, x + w }, cy[4] = { y, y, y + h, y + h };
	double lx = G_MAXDOUBLE, ly = G_MAXDOUBLE, hx = -G_MAXDOUBLE, hy = -G_MAXDOUBLE;
	AjLinkOp *l;

	for (int k = 0; k < 4; k++) {
		double px, py;
		aj_frame_to_page(&ts->frame, cx[k], cy[k], &px, &py);
		lx = MIN(lx, px);
		ly = MIN(ly, py);
		hx = MAX(hx, px);
		hy = MAX(hy, py);
	}
	l = &aj_page_add(current(ts), AJ_OP_LINK)->link;
	*l = (AjLinkOp){ .x = lx, .y = ly, .width = hx - lx, .height = hy - ly,
			 .uri = g_strdup(uri) };
}

void aj_ts_set_frame(AjTs *ts, const AjFrame *f)
{
	AjFrame page = { .kind = AJ_FRAME_PAGE, .width = ts->landscape ? AJ_PAGE_H : AJ_PAGE_W,
			 .height = ts->landscape ? AJ_PAGE_W : AJ_PAGE_H };

	if (f == NULL)
		f = &page;
	if (f->kind == AJ_FRAME_PAGE && ts->frame.kind == AJ_FRAME_PAGE)
		return;
	ts->frame = *f;
	aj_page_add(current(ts), AJ_OP_FRAME)->frame = *f;
}

/* 页码: "— N —" in 宋体 14 pt, 7 mm below the text block; GB/T 9704: odd
 * pages one character from the right, even pages from the left. */
/* The portrait sheet on a landscape page (see AJ_LS_TB_X). */
static const AjFrame portrait = { .kind = AJ_FRAME_TURNED, .x = AJ_PAGE_H, .y = 0,
				  .angle = G_PI / 2, .width = AJ_PAGE_W, .height = AJ_PAGE_H };

static void page_number(AjTs *ts)
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
	if (ts->landscape)
		aj_ts_set_frame(ts, &portrait);
	if (ts->page % 2 == 1)
		x = AJ_TB_X + AJ_TB_W - size - logical.width / (double)PANGO_SCALE;
	else
		x = AJ_TB_X + size;
	aj_ts_text_line(ts, pango_layout_get_line_readonly(layout, 0), x, top + 0.88 * size,
			AJ_BLACK);
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
	ts->landscape = FALSE;
	ts->unnumbered = FALSE;
	ts->turned = FALSE;
	ts->cur = aj_page_new(ts->page, AJ_PAGE_W, AJ_PAGE_H);
	ts->frame = (AjFrame){ .kind = AJ_FRAME_PAGE, .width = AJ_PAGE_W, .height = AJ_PAGE_H };
	ts->y = AJ_TB_Y;
}

void aj_ts_landscape_page(AjTs *ts)
{
	if (!ts->page_open)
		aj_ts_begin_page(ts);
	if (ts->landscape)
		return;
	ts->landscape = TRUE;
	ts->cur->width = AJ_PAGE_H;
	ts->cur->height = AJ_PAGE_W;
	ts->frame.width = AJ_PAGE_H;
	ts->frame.height = AJ_PAGE_W;
}

void aj_ts_end_page(AjTs *ts)
{
	AjPage *page = ts->cur;
	GError *err = NULL;

	if (!ts->page_open)
		return;
	aj_ts_set_frame(ts, NULL);
	if (!ts->unnumbered)
		page_number(ts);
	if (ts->opts != NULL && ts->opts->draft)
		aj_ts_draft_mark(ts);
	ts->cur = NULL;
	ts->page_open = FALSE;
	if (ts->err != NULL)
		aj_page_free(page);
	else if (!ts->sink(page, ts->sink_data, &err))
		ts->err = err;
}

double aj_ts_block_width(const AjTs *ts)
{
	return ts->turned ? AJ_TB_H : AJ_TB_W;
}

double aj_ts_block_bottom(const AjTs *ts)
{
	return ts->turned ? AJ_TB_Y + AJ_TB_W : AJ_TB_BOTTOM;
}

int aj_ts_lines_left(AjTs *ts)
{
	if (!ts->page_open)
		return AJ_LINES;
	return (int)((aj_ts_block_bottom(ts) - ts->y) / AJ_PITCH + 0.01);
}

double aj_ts_next_line(AjTs *ts)
{
	double top;

	if (!ts->page_open || ts->y + AJ_PITCH > aj_ts_block_bottom(ts) + 0.01)
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
