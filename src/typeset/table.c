/* GFM tables: column widths from content, wrapped cells, the header row
 * repeated on every page, rows kept whole. */
#include <cmark-gfm-core-extensions.h>
#include <math.h>
#include <string.h>

#include "markdown/conventions.h"
#include "markdown/document.h"
#include "typeset/state.h"

#define PAD_X 4.0
#define PAD_Y 3.0

typedef struct {
	PangoLayout *layout;
	AjInline in;
	double nat, min; /* natural and narrowest sensible width, pt */
	double dx;       /* offset of a one-line cell within its column */
	double dy;       /* offset of a header cell's text, centring it in its row */
	double height;   /* of its text, pt */
	gboolean numeric;
	gboolean wrapped; /* set in lines of its column's width */
} Cell;

typedef struct {
	Cell *cells; /* ncols */
	gboolean header;
	double height;
} Row;

static gboolean unbreakable(const char *s)
{
	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (aj_cjk_is_wide(c) || c == ' ')
			return FALSE;
	}
	return TRUE;
}

/* "罚款（万元）" in a narrow header breaks before the bracket, not inside
 * it: WORD JOINERs (U+2060) tie what is inside full-width brackets.  Only
 * for plain text, so attribute ranges stay valid. */
static void keep_brackets(AjInline *in)
{
	GString *s;
	int depth = 0;
	GSList *attrs;
	gboolean styled;

	if (strstr(in->text->str, "（") == NULL)
		return;
	attrs = pango_attr_list_get_attributes(in->attrs);
	styled = attrs != NULL;
	g_slist_free_full(attrs, (GDestroyNotify)pango_attribute_destroy);
	if (styled || in->links->len > 0)
		return;
	s = g_string_new(NULL);
	for (const char *p = in->text->str; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (depth > 0 && c != 0xFF09 && s->len > 0)
			g_string_append(s, "\xE2\x81\xA0");
		else if (c == 0xFF09 && depth > 0)
			g_string_append(s, "\xE2\x81\xA0");
		g_string_append_unichar(s, c);
		depth += c == 0xFF08 ? 1 : c == 0xFF09 && depth > 0 ? -1 : 0;
	}
	g_string_free(in->text, TRUE);
	in->text = s;
}

static void measure(AjTs *ts, Cell *c, cmark_node *node, gboolean header, double size)
{
	PangoFontDescription *d = aj_font_desc(AJ_FONT_FANG, size);
	PangoRectangle logical;

	aj_inline_init(&c->in);
	if (node)
		aj_inline_append_nodes(&c->in, node);
	if (header)
		keep_brackets(&c->in);
	c->layout = pango_layout_new(ts->pctx);
	pango_layout_set_font_description(c->layout, d);
	pango_layout_set_text(c->layout, c->in.text->str, (int)c->in.text->len);
	pango_layout_set_attributes(c->layout, c->in.attrs);
	pango_layout_set_wrap(c->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_get_extents(c->layout, NULL, &logical);
	c->nat = logical.width / (double)PANGO_SCALE;
	c->numeric = aj_md_is_number(c->in.text->str);
	/* Numbers, codes and short phrases ("下降32.1%") stay on one line;
	 * longer text may wrap down to four characters a line. */
	c->min = unbreakable(c->in.text->str) || c->nat <= 8 * size ? c->nat
								      : MIN(c->nat, 4 * size);
	aj_para_check_coverage(ts, c->layout);
	pango_font_description_free(d);
}

/* Characters on the last line of a wrapped layout. */
static int last_line_chars(PangoLayout *layout)
{
	int n = pango_layout_get_line_count(layout);
	PangoLayoutLine *line = pango_layout_get_line_readonly(layout, n - 1);
	const char *text = pango_layout_get_text(layout);
	int chars = 0;

	for (const char *p = text + line->start_index; p < text + line->start_index + line->length;
	     p = g_utf8_next_char(p))
		chars += g_utf8_get_char(p) != 0x2060; /* WORD JOINERs of keep_brackets() */
	return chars;
}

/* A cell whose last line would hold a single character ("有限公|司") is
 * set in the narrowest width that keeps its line count: lines of even
 * length. */
static void balance_cell(Cell *c, double avail)
{
	int lines = pango_layout_get_line_count(c->layout);
	double lo = avail / 2, hi = avail;

	if (lines < 2 || last_line_chars(c->layout) > 1)
		return;
	for (int i = 0; i < 10; i++) {
		double mid = (lo + hi) / 2;
		pango_layout_set_width(c->layout, (int)(mid * PANGO_SCALE));
		if (pango_layout_get_line_count(c->layout) > lines)
			lo = mid;
		else
			hi = mid;
	}
	pango_layout_set_width(c->layout, (int)(hi * PANGO_SCALE) + 1);
}

/* Width (Pango units) of what begins line k up to its first place Pango
 * may break it: what line k - 1 would have had to take. */
static int first_unit(PangoLayout *layout, int k)
{
	PangoLayoutLine *line = pango_layout_get_line_readonly(layout, k);
	const char *text = pango_layout_get_text(layout);
	int n_attrs, x = 0, end = line->start_index + line->length;
	const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
	int ci = (int)g_utf8_strlen(text, line->start_index);
	const char *p = g_utf8_next_char(text + line->start_index);

	for (ci++; p < text + end && !(ci < n_attrs && attrs[ci].is_line_break); ci++)
		p = g_utf8_next_char(p);
	pango_layout_line_index_to_x(line, (int)(p - text) < end ? (int)(p - text) : end, FALSE,
				     &x);
	if ((int)(p - text) >= end) {
		PangoRectangle logical;
		pango_layout_line_get_extents(line, NULL, &logical);
		x = logical.width;
	}
	return x;
}

/* A line but the last fills less than two thirds of the width, though the
 * next line's first word would have fitted on it. */
static gboolean ragged(PangoLayout *layout, double avail)
{
	int n = pango_layout_get_line_count(layout);

	for (int i = 0; i + 1 < n; i++) {
		PangoRectangle logical;
		pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, i), NULL,
					      &logical);
		if (logical.width < avail * 2 / 3 * PANGO_SCALE &&
		    logical.width + first_unit(layout, i + 1) <= avail * PANGO_SCALE)
			return TRUE;
	}
	return FALSE;
}

/* Takes the cell's text with chosen breaks (NULL: none) when that takes
 * no more lines, leaves no last line of one character and every other
 * line two thirds full. */
static gboolean try_breaks(Cell *c, char *text, int lines, double avail)
{
	if (text == NULL)
		return FALSE;
	pango_layout_set_text(c->layout, text, -1);
	g_free(text);
	if (pango_layout_get_line_count(c->layout) <= lines && last_line_chars(c->layout) >= 2 &&
	    !ragged(c->layout, avail))
		return TRUE;
	pango_layout_set_text(c->layout, c->in.text->str, (int)c->in.text->len);
	return FALSE;
}

/* A wrapped cell breaks between words, as titles do (ICU's dictionary:
 * "运输企业|动态监控", not "运输企业动|态监控"), or else at either end of a
 * run of one-character segments ("隐患和整改|责任清单", "电动|自行车"), when
 * that costs nothing (try_breaks(); a line more is free up to the row's
 * tallest cell, row_lines).  Plain text only, so attribute ranges
 * stay valid. */
static void break_between_words(AjTs *ts, Cell *c, double avail, int row_lines)
{
	const PangoFontDescription *d = pango_layout_get_font_description(c->layout);
	int lines = MAX(pango_layout_get_line_count(c->layout), row_lines);
	GSList *attrs = pango_attr_list_get_attributes(c->in.attrs);
	double size;

	g_slist_free_full(attrs, (GDestroyNotify)pango_attribute_destroy);
	if (lines < 2 || attrs != NULL || c->in.links->len > 0 || d == NULL)
		return;
	size = pango_font_description_get_size(d) / (double)PANGO_SCALE;
	for (int runs = 0; runs < 2; runs++)
		if (try_breaks(c,
			       aj_title_fill_words(ts, c->in.text->str, AJ_FONT_FANG, size, avail, runs),
			       lines, avail))
			break;
}

static void distribute(double *w, const double *want, int n, double room)
{
	double deficit = 0;
	for (int j = 0; j < n; j++)
		deficit += MAX(want[j] - w[j], 0);
	for (int j = 0; j < n && deficit > 0; j++)
		w[j] += MAX(want[j] - w[j], 0) * MIN(room / deficit, 1.0);
}

/* Body cells decide the widths; a header may wrap to two lines rather than
 * widen a column of short numbers.  Extra room goes first to headers that
 * would wrap, then to every column in proportion.  FALSE when even the
 * narrowest sensible columns do not fit W, or text is squeezed narrow. */
static gboolean column_widths(GArray *rows, int ncols, double size, double W, double *w)
{
	double *body = g_new0(double, ncols), *head = g_new0(double, ncols);
	double *min = g_new0(double, ncols);
	double sum = 0, sb = 0, sm = 0;
	double k = size / AJ_TABLE_PT; /* cells are measured once, at 12 pt */
	gboolean squeezed = FALSE;

	for (guint r = 0; r < rows->len; r++) {
		Row *row = &g_array_index(rows, Row, r);
		for (int j = 0; j < ncols; j++) {
			double nat = row->cells[j].nat * k + 2 * PAD_X;
			if (row->header) {
				head[j] = MAX(head[j], nat);
				min[j] = MAX(min[j], MIN(nat, 4 * size + 2 * PAD_X));
			} else {
				body[j] = MAX(body[j], nat);
				min[j] = MAX(min[j], row->cells[j].min * k + 2 * PAD_X);
			}
		}
	}
	for (int j = 0; j < ncols; j++) {
		body[j] = MAX(body[j], min[j]);
		sb += body[j];
		sm += min[j];
	}
	if (sb <= W) {
		for (int j = 0; j < ncols; j++)
			w[j] = body[j];
		distribute(w, head, ncols, W - sb);
		for (int j = 0; j < ncols; j++)
			sum += w[j];
		for (int j = 0; j < ncols; j++)
			w[j] += (W - sum) * w[j] / sum;
	} else if (sm <= W) {
		for (int j = 0; j < ncols; j++)
			w[j] = min[j];
		distribute(w, body, ncols, W - sm);
	} else {
		for (int j = 0; j < ncols; j++)
			w[j] = min[j] * W / sm;
	}
	/* Text squeezed below six characters a line reads badly: try a
	 * smaller face or a landscape page first. */
	for (int j = 0; j < ncols; j++)
		if (w[j] + 0.01 < body[j] && w[j] - 2 * PAD_X < 6 * size)
			squeezed = TRUE;
	g_free(body);
	g_free(head);
	g_free(min);
	return sm <= W && !squeezed;
}

static void free_rows(GArray *rows, int ncols)
{
	for (guint r = 0; r < rows->len; r++) {
		Row *row = &g_array_index(rows, Row, r);
		for (int j = 0; j < ncols; j++) {
			g_clear_object(&row->cells[j].layout);
			aj_inline_clear(&row->cells[j].in);
		}
		g_free(row->cells);
	}
	g_array_set_size(rows, 0);
}

static void build_rows(AjTs *ts, cmark_node *table, int ncols, double size, GArray *rows)
{
	for (cmark_node *r = cmark_node_first_child(table); r; r = cmark_node_next(r)) {
		Row row = { .cells = g_new0(Cell, ncols),
			    .header = cmark_gfm_extensions_get_table_row_is_header(r) };
		cmark_node *c = cmark_node_first_child(r);
		for (int j = 0; j < ncols; j++) {
			measure(ts, &row.cells[j], c, row.header, size);
			if (c)
				c = cmark_node_next(c);
		}
		g_array_append_val(rows, row);
	}
}

/* Where rows go: the text block, or on a landscape page (297 × 210 mm)
 * the text block as it lies when the portrait sheet is turned a quarter
 * clockwise (aj_ts_landscape_page()): the table's head toward the left
 * edge of the portrait sheet on odd and even pages alike — the binding on
 * odd pages, the outer edge on even ones (GB/T 9704 §8). */
typedef struct {
	gboolean landscape;
	double width, height;
} Frame;

static void frame_enter(AjTs *ts, const Frame *f)
{
	AjFrame fr = { .kind = AJ_FRAME_SHIFT, .x = AJ_TB_X, .y = AJ_TB_Y, .width = f->width,
		       .height = f->height };

	if (!ts->page_open)
		aj_ts_begin_page(ts);
	if (f->landscape) {
		aj_ts_landscape_page(ts);
		fr.x = AJ_LS_TB_X;
		fr.y = AJ_LS_TB_Y;
	}
	aj_ts_set_frame(ts, &fr);
}

/* Draws the part [off, off + h) of a row's content as a box of height
 * h + 2 PAD_Y at y; a whole row is the part [0, height - 2 PAD_Y). */
static void draw_slice(AjTs *ts, const Row *row, int ncols, const double *w, double width,
		       double y, double off, double h)
{
	double x = 0;
	AjPathOp *lines;

	for (int j = 0; j < ncols; j++) {
		/* Only the lines inside the part, so split text is not doubled. */
		PangoLayoutIter *it = pango_layout_get_iter(row->cells[j].layout);
		do {
			PangoRectangle lr;
			double top, bottom;
			pango_layout_iter_get_line_extents(it, NULL, &lr);
			top = lr.y / (double)PANGO_SCALE;
			bottom = (lr.y + lr.height) / (double)PANGO_SCALE;
			if (top < off - 0.01 || bottom > off + h + 0.01)
				continue;
			aj_ts_text_line(ts, pango_layout_iter_get_line_readonly(it),
					x + PAD_X + row->cells[j].dx + lr.x / (double)PANGO_SCALE,
					y + PAD_Y - off + row->cells[j].dy +
						pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE,
					AJ_BLACK);
			aj_para_draw_links(ts, pango_layout_iter_get_line_readonly(it),
					   &row->cells[j].in,
					   x + PAD_X + row->cells[j].dx + lr.x / (double)PANGO_SCALE,
					   y + PAD_Y - off + row->cells[j].dy + top, bottom - top);
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		x += w[j];
	}
	lines = aj_ts_path(ts, 0.5, AJ_BLACK);
	aj_ts_path_add(lines, AJ_SEG_RECT, 0, y, width, h + 2 * PAD_Y);
	x = 0;
	for (int j = 0; j + 1 < ncols; j++) {
		x += w[j];
		aj_ts_path_add(lines, AJ_SEG_MOVE, x, y, 0, 0);
		aj_ts_path_add(lines, AJ_SEG_LINE, x, y + h + 2 * PAD_Y, 0, 0);
	}
}

static void draw_row(AjTs *ts, const Row *row, int ncols, const double *w, double width,
		     double y)
{
	draw_slice(ts, row, ncols, w, width, y, 0, row->height - 2 * PAD_Y);
}

/* The deepest content offset <= limit where no cell has a line cut in two. */
static double cut_between_lines(const Row *row, int ncols, double off, double limit)
{
	double cut = limit;

	for (int j = 0; j < ncols; j++) {
		PangoLayoutIter *it = pango_layout_get_iter(row->cells[j].layout);
		double best = off;
		gboolean past = FALSE;
		do {
			PangoRectangle lr;
			double bottom;
			pango_layout_iter_get_line_extents(it, NULL, &lr);
			bottom = (lr.y + lr.height) / (double)PANGO_SCALE;
			if (bottom <= limit)
				best = bottom;
			else
				past = TRUE;
		} while (!past && pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		cut = MIN(cut, past ? best : limit);
	}
	return cut > off + 0.01 ? cut : limit; /* no line fits: cut anyway */
}

/* Chooses face size and orientation: 12 pt upright, 10.5 pt upright, then
 * the same on a landscape page — the first where no number or short phrase
 * has to break; the last resort squeezes the columns.  Cells are shaped
 * once at 12 pt; widths scale with the size, and only a smaller face chosen
 * at the end is applied to the layouts. */
static Frame fit(AjTs *ts, cmark_node *table, int ncols, GArray *rows, double *w)
{
	static const struct { gboolean landscape; double size; } tries[] = {
		{ FALSE, AJ_TABLE_PT }, { FALSE, AJ_TABLE_MIN_PT },
		{ TRUE, AJ_TABLE_PT }, { TRUE, AJ_TABLE_MIN_PT },
	};
	Frame f = { 0 };
	double size = AJ_TABLE_PT;
	PangoFontDescription *d;

	build_rows(ts, table, ncols, AJ_TABLE_PT, rows);
	for (gsize i = 0; i < G_N_ELEMENTS(tries); i++) {
		f.landscape = tries[i].landscape;
		f.width = f.landscape ? AJ_TB_H : AJ_TB_W;
		f.height = f.landscape ? AJ_TB_W : AJ_TB_H;
		size = tries[i].size;
		if (column_widths(rows, ncols, size, f.width, w))
			break;
	}
	if (size != AJ_TABLE_PT) {
		d = aj_font_desc(AJ_FONT_FANG, size);
		for (guint r = 0; r < rows->len; r++)
			for (int j = 0; j < ncols; j++)
				pango_layout_set_font_description(
					g_array_index(rows, Row, r).cells[j].layout, d);
		pango_font_description_free(d);
	}
	return f;
}

static gboolean too_tall(const Row *row, const Frame *f, const Row *header)
{
	return row->height > f->height - (header && header != row ? header->height : 0) + 0.01;
}

/* Room a row needs at the foot of a page: all of it, or for a row taller
 * than a page, its first few lines. */
static double row_need(const Row *row, const Frame *f, const Row *header)
{
	return too_tall(row, f, header) ? 2 * PAD_Y + 4 * AJ_TABLE_PT * 1.4 : row->height;
}

/* The caption's layout, centred on the frame's width; a caption of several
 * lines keeps the grid pitch. */
static PangoLayout *caption_layout(AjTs *ts, const char *caption, const Frame *f)
{
	PangoLayout *layout = pango_layout_new(ts->pctx);
	PangoFontDescription *d = aj_font_desc(AJ_FONT_FANG, AJ_BODY_PT);
	PangoRectangle line;

	pango_layout_set_font_description(layout, d);
	pango_layout_set_width(layout, (int)(f->width * PANGO_SCALE));
	pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_text(layout, caption, -1);
	if (pango_layout_get_line_count(layout) > 1) {
		pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, 0), NULL, &line);
		pango_layout_set_spacing(layout, (int)(AJ_PITCH * PANGO_SCALE) - line.height);
	}
	aj_para_check_coverage(ts, layout);
	pango_font_description_free(d);
	return layout;
}

static void draw_caption(AjTs *ts, PangoLayout *layout, double y)
{
	aj_ts_text_layout(ts, layout, 0, aj_ts_baseline(y, AJ_BODY_PT) - 0.88 * AJ_BODY_PT, AJ_BLACK);
}

gboolean aj_table_is_landscape(AjTs *ts, cmark_node *table)
{
	int ncols = cmark_gfm_extensions_get_table_columns(table);
	GArray *rows = g_array_new(FALSE, TRUE, sizeof(Row));
	double *w = g_new0(double, MAX(ncols, 1));
	Frame f = { 0 };

	if (ncols > 0)
		f = fit(ts, table, ncols, rows, w);
	free_rows(rows, ncols);
	g_array_unref(rows);
	g_free(w);
	return f.landscape;
}

/* The first grid line at or below y (from the top of the frame). */
static double grid_up(double y)
{
	return ceil(y / AJ_PITCH - 0.01) * AJ_PITCH;
}

/* A heading held back by blocks.c, set at y in the frame. */
static void draw_held_heading(AjTs *ts, double y)
{
	PangoLayout *layout = pango_layout_new(ts->pctx);
	PangoFontDescription *d = aj_font_desc(ts->held_role, AJ_BODY_PT);

	pango_layout_set_font_description(layout, d);
	pango_layout_set_text(layout, ts->held_heading, -1);
	aj_para_check_coverage(ts, layout);
	aj_ts_text_line(ts, pango_layout_get_line_readonly(layout, 0), 2 * AJ_CHAR,
			aj_ts_baseline(y, AJ_BODY_PT), AJ_BLACK);
	pango_font_description_free(d);
	g_object_unref(layout);
	g_clear_pointer(&ts->held_heading, g_free);
	g_clear_pointer(&ts->held_outline, g_free);
}

void aj_table_set(AjTs *ts, cmark_node *table)
{
	cmark_node *cap = aj_md_table_caption(table);
	char *caption = cap ? g_strstrip(aj_document_node_text(cap)) : NULL;
	PangoLayout *cap_layout = NULL;
	int cap_lines = 0;
	int ncols = cmark_gfm_extensions_get_table_columns(table);
	uint8_t *aligns = cmark_gfm_extensions_get_table_alignments(table);
	GArray *rows = g_array_new(FALSE, TRUE, sizeof(Row));
	double *w = NULL;
	const Row *header = NULL;
	Frame f;
	double y;
	/* room the closing needs after the body's last table */
	double closing = table == ts->tail_node ? ts->tail_lines * AJ_PITCH : 0;

	if (ncols <= 0)
		goto out;
	w = g_new0(double, ncols);
	f = fit(ts, table, ncols, rows, w);
	for (guint r = 0; r < rows->len; r++) {
		Row *row = &g_array_index(rows, Row, r);
		int row_lines = 1;
		row->height = 0;
		/* Pango's lines first: the row's tallest cell sets what a cell
		 * may take for breaks between words. */
		for (int j = 0; j < ncols; j++) {
			Cell *c = &row->cells[j];
			PangoRectangle logical;
			PangoAlignment al = PANGO_ALIGN_LEFT;
			char a = aligns ? (char)aligns[j] : 0;
			double avail = w[j] - 2 * PAD_X, nat;
			if (row->header || a == 'c')
				al = PANGO_ALIGN_CENTER;
			else if (a == 'r' || (a != 'l' && c->numeric))
				al = PANGO_ALIGN_RIGHT;
			pango_layout_get_extents(c->layout, NULL, &logical);
			nat = logical.width / (double)PANGO_SCALE;
			c->wrapped = nat > avail + 0.01;
			if (!c->wrapped) {
				/* One line: aligned by offset, no second layout pass. */
				c->dx = al == PANGO_ALIGN_RIGHT	   ? avail - nat
					: al == PANGO_ALIGN_CENTER ? (avail - nat) / 2
								   : 0;
				continue;
			}
			pango_layout_set_width(c->layout, (int)(avail * PANGO_SCALE));
			pango_layout_set_alignment(c->layout, al);
			row_lines = MAX(row_lines, pango_layout_get_line_count(c->layout));
		}
		for (int j = 0; j < ncols; j++) {
			Cell *c = &row->cells[j];
			PangoRectangle logical;
			double avail = w[j] - 2 * PAD_X;
			if (c->wrapped) {
				break_between_words(ts, c, avail, row_lines);
				balance_cell(c, avail);
			}
			pango_layout_get_extents(c->layout, NULL, &logical);
			c->height = logical.height / (double)PANGO_SCALE;
			row->height = MAX(row->height, c->height);
		}
		/* Header cells centred vertically: a one-line head beside a
		 * wrapped one sits on its middle. */
		for (int j = 0; row->header && j < ncols; j++)
			row->cells[j].dy = (row->height - row->cells[j].height) / 2;
		row->height += 2 * PAD_Y;
		if (row->header && header == NULL)
			header = row;
	}
	if (!ts->page_open || (f.landscape && ts->y > AJ_TB_Y + 0.01))
		aj_ts_begin_page(ts);
	y = f.landscape ? 0 : ts->y - AJ_TB_Y;
	if (caption) {
		/* The caption keeps with the header and the first row. */
		double head = 0;
		cap_layout = caption_layout(ts, caption, &f);
		cap_lines = pango_layout_get_line_count(cap_layout);
		for (guint r = 0; r < MIN(rows->len, 2u); r++)
			head += g_array_index(rows, Row, r).height;
		if (y > 0.01 && y + cap_lines * AJ_PITCH + head > f.height) {
			aj_ts_begin_page(ts);
			y = 0;
		}
	}
	frame_enter(ts, &f);
	if (ts->held_heading) {
		aj_outline_add(ts, ts->held_level, ts->held_outline, y);
		draw_held_heading(ts, y);
		y += AJ_PITCH;
	}
	if (caption) {
		draw_caption(ts, cap_layout, y);
		y += cap_lines * AJ_PITCH;
	}
	for (guint r = 0; r < rows->len; r++) {
		const Row *row = &g_array_index(rows, Row, r);
		double need = row_need(row, &f, header);
		/* The body's last row goes over with the closing when that would
		 * not fit after it (GB/T 9704 §7.3.5.5) — if they fit a page. */
		if (r + 1 == rows->len && closing > 0 && !too_tall(row, &f, header) &&
		    (header ? header->height : 0) + row->height + closing <= f.height)
			need = grid_up(y + row->height) - y + closing;
		/* A header row never ends a page: it goes with the first row. */
		if (row->header && r + 1 < rows->len)
			need += row_need(&g_array_index(rows, Row, r + 1), &f, header);
		/* Rows stay whole; a row taller than a page is the only one cut. */
		if (y + need > f.height + 0.01 && y > 0.01) {
			aj_ts_begin_page(ts);
			frame_enter(ts, &f);
			y = 0;
			if (header && row != header) {
				draw_row(ts, header, ncols, w, f.width, y);
				y += header->height;
			}
		}
		if (!too_tall(row, &f, header)) {
			draw_row(ts, row, ncols, w, f.width, y);
			y += row->height;
			continue;
		}
		/* Taller than a page: split between lines, header on each page. */
		for (double off = 0, total = row->height - 2 * PAD_Y; off < total - 0.01;) {
			double cut = cut_between_lines(row, ncols, off,
						       off + f.height - y - 2 * PAD_Y);
			cut = MIN(cut, total);
			draw_slice(ts, row, ncols, w, f.width, y, off, cut - off);
			y += cut - off + 2 * PAD_Y;
			off = cut;
			if (off < total - 0.01) {
				aj_ts_begin_page(ts);
				frame_enter(ts, &f);
				y = 0;
				if (header) {
					draw_row(ts, header, ncols, w, f.width, y);
					y += header->height;
				}
			}
		}
	}
	if (f.landscape && closing > 0 && grid_up(y) + closing <= f.height + 0.01) {
		/* The closing follows on this page, in the turned block. */
		AjFrame turned = { .kind = AJ_FRAME_SHIFT, .x = AJ_LS_TB_X - AJ_TB_X,
				   .y = AJ_LS_TB_Y - AJ_TB_Y, .width = AJ_PAGE_H,
				   .height = AJ_PAGE_W };
		aj_ts_set_frame(ts, &turned);
		ts->turned = TRUE;
		ts->y = AJ_TB_Y + grid_up(y);
		goto out;
	}
	aj_ts_set_frame(ts, NULL);
	/* After a landscape table the text goes on upright on a new page. */
	ts->y = f.landscape ? AJ_TB_BOTTOM : AJ_TB_Y + y;
	aj_ts_snap(ts);
out:
	g_clear_object(&cap_layout);
	g_free(caption);
	free_rows(rows, ncols);
	g_array_unref(rows);
	g_free(w);
}
