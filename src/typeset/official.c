/* The parts of an official document that come from the front matter:
 * 版头 (issuer, number, red rule), title, recipients, 附件说明, signature and
 * date, 附注, attachment titles and the 版记 — GB/T 9704-2012 placement. */
#include <math.h>
#include <string.h>

#include "markdown/conventions.h"
#include "markdown/document.h"
#include "typeset/state.h"

static PangoLayout *text_layout(AjTs *ts, const char *text, AjFontRole role, double size)
{
	PangoLayout *layout = aj_para_line_layout(ts, text, role, size);
	aj_para_check_coverage(ts, layout);
	return layout;
}

static double text_width(PangoLayout *layout)
{
	PangoRectangle logical;
	pango_layout_get_extents(layout, NULL, &logical);
	return logical.width / (double)PANGO_SCALE;
}

/* One line of text at x on the grid line starting at top. */
static void draw_at(AjTs *ts, PangoLayout *layout, double x, double top, double size)
{
	aj_ts_text_line(ts, pango_layout_get_line_readonly(layout, 0), x, aj_ts_baseline(top, size),
			AJ_BLACK);
}

static void snap_nearest(AjTs *ts, double y)
{
	double k = (y - AJ_TB_Y) / AJ_PITCH;
	ts->y = AJ_TB_Y + MAX(0, floor(k + 0.5)) * AJ_PITCH;
}

/* 发文机关标志: red 小标宋, as large as fits one line, its top edge 35 mm
 * below the text block.  Returns its bottom edge. */
static double issuer_mark(AjTs *ts, const char *issuer)
{
	double size = 36.0, top = AJ_TB_Y + 35 * AJ_MM;
	PangoLayout *layout = NULL;
	PangoRectangle ink, logical;

	for (;; size -= 0.5) {
		g_clear_object(&layout);
		layout = text_layout(ts, issuer, AJ_FONT_TITLE, size);
		if (text_width(layout) <= AJ_TB_W || size <= 12)
			break;
	}
	pango_layout_get_extents(layout, &ink, &logical);
	aj_ts_text_layout(ts, layout, AJ_TB_X + (AJ_TB_W - logical.width / (double)PANGO_SCALE) / 2,
			  top - ink.y / (double)PANGO_SCALE, AJ_RED);
	g_object_unref(layout);
	return top + ink.height / (double)PANGO_SCALE;
}

static void centred_line(AjTs *ts, const char *text, AjFontRole role, double size, double top)
{
	PangoLayout *layout = text_layout(ts, text, role, size);
	draw_at(ts, layout, AJ_TB_X + (AJ_TB_W - text_width(layout)) / 2, top, size);
	g_object_unref(layout);
}

void aj_official_header(AjTs *ts)
{
	const AjDocMeta *m = &ts->doc->meta;
	double y;

	aj_ts_begin_page(ts);
	ts->src_line = 1;
	if (m->issuer) {
		y = issuer_mark(ts, m->issuer);
		/* 发文字号 two lines below, the red rule 4 mm below it. */
		y += 2 * AJ_PITCH;
		if (m->number)
			centred_line(ts, m->number, AJ_FONT_FANG, AJ_BODY_PT, y);
		y = aj_ts_baseline(y, AJ_BODY_PT) + 0.12 * AJ_BODY_PT + 4 * AJ_MM;
		aj_ts_rule(ts, AJ_TB_X, y, AJ_TB_X + AJ_TB_W, y, 1.0, AJ_RED);
		snap_nearest(ts, y + 2 * AJ_PITCH - (AJ_PITCH - 22) / 2);
	} else if (m->number) {
		centred_line(ts, m->number, AJ_FONT_FANG, AJ_BODY_PT, aj_ts_next_line(ts));
		ts->y += AJ_PITCH;
	}
	if (m->title) {
		aj_outline_add(ts, 1, m->title, ts->y);
		aj_title_set(ts, m->title);
		ts->y += AJ_PITCH;
	}
	if (m->recipients) {
		AjParaStyle st = aj_para_body();
		char *text = g_str_has_suffix(m->recipients, "：")
				     ? g_strdup(m->recipients)
				     : g_strconcat(m->recipients, "：", NULL);
		st.indent = 0;
		aj_para_set_text(ts, text, &st);
		g_free(text);
	}
}

static GPtrArray *attachment_titles(AjTs *ts)
{
	GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
	int n;
	char *t = NULL;

	for (cmark_node *c = cmark_node_first_child(ts->doc->root); c; c = cmark_node_next(c))
		if (aj_document_attachment(ts->doc, c, &n, &t))
			g_ptr_array_add(titles, t ? t : g_strdup(""));
	/* A lone untitled attachment gets no 附件说明 line. */
	if (titles->len == 1 && *(char *)g_ptr_array_index(titles, 0) == '\0')
		g_ptr_array_set_size(titles, 0);
	if (titles->len == 0 && ts->doc->meta.attachments)
		for (guint i = 0; i < ts->doc->meta.attachments->len; i++)
			g_ptr_array_add(titles,
					g_strdup(g_ptr_array_index(ts->doc->meta.attachments, i)));
	return titles;
}

/* Width of text in the body face on the grid, as a paragraph sets it. */
static double body_width(AjTs *ts, const char *text)
{
	AjParaStyle st = aj_para_body();
	AjInline in;
	PangoLayout *layout;
	PangoRectangle logical;

	aj_inline_init(&in);
	aj_inline_append(&in, text, (int)strlen(text));
	layout = aj_para_layout(ts, &in, &st);
	pango_layout_get_extents(layout, NULL, &logical);
	g_object_unref(layout);
	aj_inline_clear(&in);
	return logical.width / (double)PANGO_SCALE;
}

/* 附件说明, two characters in: "附件：名称" for one attachment; for several
 * "附件：1．名称", then "2．名称" with its number under the 1.  Wrapped lines
 * align under the first character of the name. */
static void attachment_note(AjTs *ts)
{
	GPtrArray *titles = attachment_titles(ts);
	AjParaStyle st = aj_para_body();
	double label = body_width(ts, "附件：");

	if (titles->len == 0)
		goto done;
	if (!ts->page_open)
		aj_ts_begin_page(ts);
	ts->y += AJ_PITCH; /* one blank line after the body */
	for (guint i = 0; i < titles->len; i++) {
		const char *t = g_ptr_array_index(titles, i);
		char *number = titles->len == 1 ? g_strdup("") : g_strdup_printf("%u．", i + 1);
		char *lead = g_strconcat(i == 0 ? "附件：" : "", number, NULL);
		char *joined = g_strconcat(lead, t, NULL), *text;
		st.margin = 2 * AJ_CHAR + (i == 0 ? 0 : label);
		st.indent = -body_width(ts, lead);
		/* Names break between words (…任务|分工表, not …分工|表). */
		text = aj_title_fill(ts, joined, AJ_FONT_FANG, AJ_CHAR, AJ_TB_W - st.margin,
				     AJ_TB_W - st.margin + st.indent);
		aj_para_set_text(ts, text, &st);
		g_free(joined);
		g_free(text);
		g_free(lead);
		g_free(number);
	}
done:
	g_ptr_array_unref(titles);
}

int aj_official_closing_lines(AjTs *ts)
{
	const AjDocMeta *m = &ts->doc->meta;
	GPtrArray *titles = attachment_titles(ts);
	int n = titles->len > 0 ? 1 + (int)titles->len : 0;

	g_ptr_array_unref(titles);
	if (m->signature || m->issuer || m->date)
		n += 1 + (m->signature || m->issuer) + (m->date != NULL);
	return n + (m->publicity != NULL); /* 附注 */
}

void aj_official_closing(AjTs *ts)
{
	const AjDocMeta *m = &ts->doc->meta;
	const char *sig = m->signature ? m->signature : m->issuer;
	char *date = aj_md_date_cn(m->date);

	attachment_note(ts);
	if (sig || date) {
		PangoLayout *ls = text_layout(ts, sig ? sig : "", AJ_FONT_FANG, AJ_BODY_PT);
		PangoLayout *ld = text_layout(ts, date ? date : "", AJ_FONT_FANG, AJ_BODY_PT);
		double right = AJ_TB_X + aj_ts_block_width(ts) - 2 * AJ_CHAR;
		double sx = right - text_width(ls), dx = sx + 2 * AJ_CHAR;

		/* A date longer than the signature sits 2 characters from the right
		 * and the signature moves left to keep the 2-character step. */
		if (dx + text_width(ld) > right) {
			dx = right - text_width(ld);
			sx = dx - 2 * AJ_CHAR;
		}
		/* 署名, 成文日期 and 附注 stay together */
		if (aj_ts_lines_left(ts) < 3 + (m->publicity != NULL))
			aj_ts_begin_page(ts);
		ts->y += AJ_PITCH;
		if (sig)
			draw_at(ts, ls, sx, aj_ts_next_line(ts), AJ_BODY_PT);
		if (date)
			draw_at(ts, ld, dx, aj_ts_next_line(ts), AJ_BODY_PT);
		g_object_unref(ls);
		g_object_unref(ld);
	}
	if (m->publicity) {
		AjParaStyle st = aj_para_body();
		aj_para_set_text(ts, aj_md_publicity_note(m->publicity), &st);
	}
	g_free(date);
}

void aj_official_attachment_title(AjTs *ts, int number, const char *title)
{
	GPtrArray *all = attachment_titles(ts);
	/* A single attachment is "附件", without a number (as in 附件说明). */
	char *label = all->len <= 1 ? g_strdup("附件") : g_strdup_printf("附件%d", number);
	PangoLayout *layout;

	g_ptr_array_unref(all);
	aj_ts_begin_page(ts);
	memset(ts->heading_no, 0, sizeof ts->heading_no);
	layout = text_layout(ts, label, AJ_FONT_HEI, AJ_BODY_PT);
	aj_outline_add(ts, 1, title && *title ? title : label, ts->y);
	draw_at(ts, layout, AJ_TB_X, aj_ts_next_line(ts), AJ_BODY_PT);
	g_object_unref(layout);
	if (title && *title) {
		ts->y += AJ_PITCH; /* the title is centred on line 3 */
		aj_title_set(ts, title);
		ts->y += AJ_PITCH;
	}
	g_free(label);
}

static void rule(AjTs *ts, double y, double width_mm)
{
	aj_ts_rule(ts, AJ_TB_X, y, AJ_TB_X + AJ_TB_W, y, width_mm * AJ_MM, AJ_BLACK);
}

/* GB/T 9704 §7.4.1 and §8: the 版记 is on the last page of the document,
 * the back of its last sheet — an even page.  After an odd page it takes
 * the next page; when a full even page leaves no room, a blank page goes
 * before it, and then neither carries a page number. */
static void imprint_page(AjTs *ts, int lines)
{
	gboolean room = ts->page_open && !ts->landscape && aj_ts_lines_left(ts) >= lines;

	if (!room && ts->page % 2 == 0) {
		aj_ts_begin_page(ts);
		ts->unnumbered = TRUE;
		aj_ts_begin_page(ts);
		ts->unnumbered = TRUE;
	} else if (!room || ts->page % 2 == 1) {
		aj_ts_begin_page(ts);
	}
}

/* The glyph of the character at byte index idx of the line, with its run
 * (NULL when no glyph of its own starts there). */
static PangoGlyphInfo *glyph_at(PangoLayoutLine *line, int idx)
{
	for (GSList *r = line->runs; r; r = r->next) {
		PangoGlyphItem *run = r->data;
		for (int i = 0; i < run->glyphs->num_glyphs; i++)
			if (run->item->offset + run->glyphs->log_clusters[i] == idx)
				return &run->glyphs->glyphs[i];
	}
	return NULL;
}

/* The 印发 line: the printing office one character from the left, the date
 * one character from the right — drawn as one line of text, the office, an
 * ideographic space moved to the end of the gap and the date, with the
 * space in one cluster with the office's last character.  A PDF then says
 * "室　" over the whole gap (ActualText), so a reader takes the line as
 * one and reads the page number below it after it: as two pieces, the
 * number under the office (one character from the left on an even page)
 * came between them. */
static void issued_line(AjTs *ts, const char *printer, const char *date_text, double top,
			double size)
{
	const double one = size;
	PangoLayout *pl = text_layout(ts, printer, AJ_FONT_FANG, size);
	PangoLayout *dl = text_layout(ts, date_text, AJ_FONT_FANG, size);
	char *joined = g_strconcat(printer, "\u3000", date_text, NULL);
	PangoLayout *line = text_layout(ts, joined, AJ_FONT_FANG, size);
	PangoLayoutLine *l = pango_layout_get_line_readonly(line, 0);
	PangoGlyphInfo *space = glyph_at(l, (int)strlen(printer));
	double gap = AJ_TB_W - 2 * one - text_width(pl) - text_width(dl);
	AjPage *page;
	guint first;

	if (space == NULL || *printer == '\0' || *date_text == '\0' ||
	    space->glyph == PANGO_GLYPH_EMPTY) {
		draw_at(ts, pl, AJ_TB_X + one, top, size);
		draw_at(ts, dl, AJ_TB_X + AJ_TB_W - one - text_width(dl), top, size);
		goto out;
	}
	/* the space ends where the date begins */
	space->geometry.x_offset += (int)((gap - space->geometry.width / (double)PANGO_SCALE) *
					  PANGO_SCALE);
	space->geometry.width = (int)(gap * PANGO_SCALE);
	page = ts->page_open ? ts->cur : NULL;
	first = page ? page->ops->len : 0;
	draw_at(ts, line, AJ_TB_X + one, top, size);
	page = ts->cur;
	for (guint i = first; i < page->ops->len; i++) {
		AjGlyphsOp *g = &g_array_index(page->ops, AjOp, i).glyphs;
		int at = 0;
		if (g_array_index(page->ops, AjOp, i).kind != AJ_OP_GLYPHS || g->backward)
			continue;
		for (int k = 0; k + 1 < g->n_clusters; k++) {
			at += g->clusters[k].bytes;
			if (strncmp(g->text + at, "\u3000", 3) != 0 || g->clusters[k + 1].glyphs != 1)
				continue;
			g->clusters[k].bytes += g->clusters[k + 1].bytes;
			g->clusters[k].glyphs += 1;
			memmove(&g->clusters[k + 1], &g->clusters[k + 2],
				(gsize)(g->n_clusters - k - 2) * sizeof *g->clusters);
			g->n_clusters--;
			goto out;
		}
	}
out:
	g_object_unref(pl);
	g_object_unref(dl);
	g_object_unref(line);
	g_free(joined);
}

void aj_official_imprint(AjTs *ts)
{
	const AjDocMeta *m = &ts->doc->meta;
	const double size = 14.0, one = 14.0;
	const char *printer = m->printer ? m->printer : m->issuer;
	char *date = aj_md_date_cn(m->print_date ? m->print_date : m->date);
	PangoLayout *cc = NULL;
	char *cc_text = NULL, *date_text;
	int cc_lines = 0, lines;
	double top, y;

	if (!ts->doc->has_front_matter || (printer == NULL && date == NULL && m->cc == NULL))
		goto out;
	if (m->cc) {
		PangoRectangle lab;
		PangoLayout *label = text_layout(ts, "抄送：", AJ_FONT_FANG, size);
		pango_layout_get_extents(label, NULL, &lab);
		g_object_unref(label);
		char *joined = g_strconcat("抄送：", m->cc, g_str_has_suffix(m->cc, "。") ? "" : "。",
					   NULL);
		/* Lines break between names (市政府办公室 stays whole). */
		cc_text = aj_title_fill(ts, joined, AJ_FONT_FANG, size, AJ_TB_W - 2 * one,
					AJ_TB_W - 2 * one - lab.width / (double)PANGO_SCALE);
		g_free(joined);
		cc = text_layout(ts, cc_text, AJ_FONT_FANG, size);
		pango_layout_set_width(cc, (int)((AJ_TB_W - 2 * one) * PANGO_SCALE));
		pango_layout_set_wrap(cc, PANGO_WRAP_WORD_CHAR);
		pango_layout_set_indent(cc, -lab.width); /* wrapped lines align after the colon */
		cc_lines = pango_layout_get_line_count(cc);
	}
	lines = cc_lines + 1;
	imprint_page(ts, lines);
	top = AJ_TB_BOTTOM - lines * AJ_PITCH;
	rule(ts, top, 0.35);
	y = top;
	if (cc) {
		PangoLayoutIter *it = pango_layout_get_iter(cc);
		do {
			PangoRectangle lr;
			pango_layout_iter_get_line_extents(it, NULL, &lr);
			aj_ts_text_line(ts, pango_layout_iter_get_line_readonly(it),
					AJ_TB_X + one + lr.x / (double)PANGO_SCALE,
					aj_ts_baseline(y, size), AJ_BLACK);
			y += AJ_PITCH;
		} while (pango_layout_iter_next_line(it));
		pango_layout_iter_free(it);
		rule(ts, y, 0.25);
	}
	date_text = g_strconcat(date ? date : "", date ? "印发" : "", NULL);
	issued_line(ts, printer ? printer : "", date_text, y, size);
	rule(ts, AJ_TB_BOTTOM, 0.35);
	ts->y = AJ_TB_BOTTOM;
	g_free(date_text);
out:
	g_clear_object(&cc);
	g_free(cc_text);
	g_free(date);
}
