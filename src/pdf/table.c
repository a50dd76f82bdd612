/* GFM tables: column widths from content, wrapped cells, the header row
 * repeated on every page, rows kept whole. */
#include <cmark-gfm-core-extensions.h>
#include <string.h>

#include "markdown/document.h"
#include "pdf/typeset.h"

#define PAD_X 4.0
#define PAD_Y 3.0

typedef struct {
	PangoLayout *layout;
	AjInline in;
	double nat, min; /* natural and narrowest sensible width, pt */
	gboolean numeric;
} Cell;

typedef struct {
	Cell *cells; /* ncols */
	gboolean header;
	double height;
} Row;

/* Numbers, money, percentages, dates and codes: set right-aligned and never
 * broken inside. */
static gboolean looks_numeric(const char *s)
{
	gboolean digit = FALSE;
	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_ascii_isdigit(c))
			digit = TRUE;
		else if (!strchr(".,%-+ ", (int)c) && c != 0x2014 && c != 0x2212)
			return FALSE;
	}
	return digit;
}

static gboolean unbreakable(const char *s)
{
	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c >= 0x2E80 || c == ' ')
			return FALSE;
	}
	return TRUE;
}

static void measure(AjTs *ts, Cell *c, cmark_node *node)
{
	PangoFontDescription *d = aj_font_desc(AJ_FONT_FANG, AJ_TABLE_PT);
	PangoRectangle logical;

	aj_inline_init(&c->in);
	if (node)
		aj_inline_append_nodes(&c->in, node, AJ_FONT_FANG);
	c->layout = pango_layout_new(ts->pctx);
	pango_layout_set_font_description(c->layout, d);
	pango_layout_set_text(c->layout, c->in.text->str, (int)c->in.text->len);
	pango_layout_set_attributes(c->layout, c->in.attrs);
	pango_layout_set_wrap(c->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_get_extents(c->layout, NULL, &logical);
	c->nat = logical.width / (double)PANGO_SCALE;
	c->numeric = looks_numeric(c->in.text->str);
	c->min = unbreakable(c->in.text->str) ? c->nat : MIN(c->nat, 4 * AJ_TABLE_PT);
	aj_para_check_coverage(ts, c->layout);
	pango_font_description_free(d);
}

static void column_widths(GArray *rows, int ncols, double *w)
{
	double *nat = g_new0(double, ncols), *min = g_new0(double, ncols);
	double sn = 0, sm = 0, W = AJ_TB_W;

	for (guint r = 0; r < rows->len; r++) {
		Row *row = &g_array_index(rows, Row, r);
		for (int j = 0; j < ncols; j++) {
			nat[j] = MAX(nat[j], row->cells[j].nat + 2 * PAD_X);
			min[j] = MAX(min[j], row->cells[j].min + 2 * PAD_X);
		}
	}
	for (int j = 0; j < ncols; j++) {
		sn += nat[j];
		sm += min[j];
	}
	for (int j = 0; j < ncols; j++) {
		if (sn <= W)
			w[j] = nat[j] + (W - sn) * nat[j] / sn;
		else if (sm <= W)
			w[j] = min[j] + (nat[j] - min[j]) * (W - sm) / MAX(sn - sm, 1e-6);
		else
			w[j] = min[j] * W / sm;
	}
	g_free(nat);
	g_free(min);
}

static void draw_row(AjTs *ts, const Row *row, int ncols, const double *w, double y)
{
	double x = AJ_TB_X;
	cairo_t *cr = ts->cr;

	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int j = 0; j < ncols; j++) {
		const Cell *c = &row->cells[j];
		PangoRectangle logical;
		pango_layout_get_extents(c->layout, NULL, &logical);
		cairo_move_to(cr, x + PAD_X, y + PAD_Y);
		pango_cairo_show_layout(cr, c->layout);
		x += w[j];
	}
	cairo_set_line_width(cr, 0.5);
	cairo_rectangle(cr, AJ_TB_X, y, AJ_TB_W, row->height);
	x = AJ_TB_X;
	for (int j = 0; j + 1 < ncols; j++) {
		x += w[j];
		cairo_move_to(cr, x, y);
		cairo_line_to(cr, x, y + row->height);
	}
	cairo_stroke(cr);
}

void aj_table_set(AjTs *ts, cmark_node *table)
{
	int ncols = cmark_gfm_extensions_get_table_columns(table);
	uint8_t *aligns = cmark_gfm_extensions_get_table_alignments(table);
	GArray *rows = g_array_new(FALSE, TRUE, sizeof(Row));
	double *w;
	const Row *header = NULL;
	double y;

	if (ncols <= 0)
		goto out;
	for (cmark_node *r = cmark_node_first_child(table); r; r = cmark_node_next(r)) {
		Row row = { .cells = g_new0(Cell, ncols),
			    .header = cmark_gfm_extensions_get_table_row_is_header(r) };
		cmark_node *c = cmark_node_first_child(r);
		for (int j = 0; j < ncols; j++) {
			measure(ts, &row.cells[j], c);
			if (c)
				c = cmark_node_next(c);
		}
		g_array_append_val(rows, row);
	}
	w = g_new0(double, ncols);
	column_widths(rows, ncols, w);
	for (guint r = 0; r < rows->len; r++) {
		Row *row = &g_array_index(rows, Row, r);
		row->height = 0;
		for (int j = 0; j < ncols; j++) {
			Cell *c = &row->cells[j];
			PangoRectangle logical;
			PangoAlignment al = PANGO_ALIGN_LEFT;
			char a = aligns ? (char)aligns[j] : 0;
			if (row->header || a == 'c')
				al = PANGO_ALIGN_CENTER;
			else if (a == 'r' || (a != 'l' && c->numeric))
				al = PANGO_ALIGN_RIGHT;
			pango_layout_set_width(c->layout, (int)((w[j] - 2 * PAD_X) * PANGO_SCALE));
			pango_layout_set_alignment(c->layout, al);
			pango_layout_get_extents(c->layout, NULL, &logical);
			row->height = MAX(row->height, logical.height / (double)PANGO_SCALE);
		}
		row->height += 2 * PAD_Y;
		if (row->header && header == NULL)
			header = row;
	}
	if (!ts->page_open)
		aj_ts_begin_page(ts);
	y = ts->y;
	for (guint r = 0; r < rows->len; r++) {
		const Row *row = &g_array_index(rows, Row, r);
		double need = row->height + (header && row != header ? 0 : 0);
		/* Rows stay whole; a row taller than a page is the only one cut. */
		if (y + need > AJ_TB_BOTTOM + 0.01 && y > AJ_TB_Y + 0.01) {
			aj_ts_begin_page(ts);
			y = ts->y;
			if (header && row != header) {
				draw_row(ts, header, ncols, w, y);
				y += header->height;
			}
		}
		draw_row(ts, row, ncols, w, y);
		y += row->height;
	}
	ts->y = y;
	aj_ts_snap(ts);
	g_free(w);
out:
	for (guint r = 0; r < rows->len; r++) {
		Row *row = &g_array_index(rows, Row, r);
		for (int j = 0; j < ncols; j++) {
			g_clear_object(&row->cells[j].layout);
			aj_inline_clear(&row->cells[j].in);
		}
		g_free(row->cells);
	}
	g_array_unref(rows);
}
