/* Paragraphs on the body grid: one PangoLayout a paragraph, its lines
 * placed one a grid line, CJK justified by widening the gaps between
 * clusters (Pango's own justification only widens spaces). */
#include <string.h>

#include "markdown/conventions.h"
#include "util/error.h"
#include "util/i18n.h"
#include "typeset/state.h"

AjParaStyle aj_para_body(void)
{
	return (AjParaStyle){ .role = AJ_FONT_FANG, .size = AJ_BODY_PT, .indent = 2 * AJ_CHAR,
			      .align = PANGO_ALIGN_LEFT, .justify = TRUE, .grid = TRUE };
}

static double avail_width(const AjParaStyle *st)
{
	return st->width > 0 ? st->width : AJ_TB_W - st->margin;
}

/* ASCII "<" and ">" bracket like "〈" and "〉": "<" never ends a line, ">"
 * never starts one (Pango's line-break rules allow both). */
static void keep_angles(const char *text, PangoAttrList *attrs)
{
	for (const char *p = text; *p; p++) {
		const char *from = p, *to = p + 1;
		PangoAttribute *a;
		if (*p == '<' && p[1])
			to = g_utf8_next_char(p + 1);
		else if (*p == '>' && p > text)
			from = g_utf8_find_prev_char(text, p);
		else
			continue;
		a = pango_attr_allow_breaks_new(FALSE);
		a->start_index = (guint)(from - text);
		a->end_index = (guint)(to - text);
		pango_attr_list_insert(attrs, a);
	}
}

PangoLayout *aj_para_layout(AjTs *ts, const AjInline *in, const AjParaStyle *st)
{
	PangoLayout *layout = pango_layout_new(ts->pctx);
	PangoFontDescription *d = aj_font_desc(st->role, st->size);
	PangoAttrList *attrs = pango_attr_list_copy(in->attrs);
	/* Half a point of slack so exactly 28 characters fit a grid line. */
	double width = avail_width(st) + (st->grid ? 0.5 : 0);

	if (attrs == NULL)
		attrs = pango_attr_list_new();
	if (st->grid && st->size == AJ_BODY_PT) {
		/* 28 characters in 156 mm: a 16 pt face needs about -0.21 pt. */
		PangoAttribute *ls =
			pango_attr_letter_spacing_new((int)((AJ_CHAR - st->size) * PANGO_SCALE));
		pango_attr_list_insert_before(attrs, ls);
	}
	keep_angles(in->text->str, attrs);
	pango_layout_set_font_description(layout, d);
	pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_indent(layout, (int)(st->indent * PANGO_SCALE));
	pango_layout_set_alignment(layout, st->align);
	pango_layout_set_text(layout, in->text->str, (int)in->text->len);
	pango_layout_set_attributes(layout, attrs);
	pango_attr_list_unref(attrs);
	pango_font_description_free(d);
	return layout;
}

PangoLayout *aj_para_line_layout(AjTs *ts, const char *text, AjFontRole role, double size)
{
	PangoLayout *layout = pango_layout_new(ts->pctx);
	PangoFontDescription *d = aj_font_desc(role, size);

	pango_layout_set_font_description(layout, d);
	pango_layout_set_text(layout, text, -1);
	pango_font_description_free(d);
	return layout;
}

static gboolean is_blank(gunichar c)
{
	return g_unichar_isspace(c) || c == 0x2028;
}

typedef struct {
	PangoGlyphInfo *glyph;
	gunichar ch;
	gboolean cluster_start;
} GlyphRef;

/* Collects the glyphs of a line in visual order with their characters. */
static GArray *line_glyphs(PangoLayoutLine *line, const char *text)
{
	GArray *g = g_array_new(FALSE, FALSE, sizeof(GlyphRef));

	for (GSList *r = line->runs; r; r = r->next) {
		PangoGlyphItem *run = r->data;
		PangoGlyphString *gs = run->glyphs;
		for (int i = 0; i < gs->num_glyphs; i++) {
			GlyphRef ref = {
				.glyph = &gs->glyphs[i],
				.ch = g_utf8_get_char(text + run->item->offset +
						      gs->log_clusters[i]),
				.cluster_start = gs->glyphs[i].attr.is_cluster_start,
			};
			g_array_append_val(g, ref);
		}
	}
	return g;
}

/* Widens the gaps between clusters by `extra` (Pango units) in total; gaps
 * next to CJK characters or spaces take it, Latin words stay whole unless
 * nothing else can. */
static void justify_line(PangoLayoutLine *line, const char *text, int target)
{
	GArray *g = line_glyphs(line, text);
	int width = 0, end = (int)g->len, weight = 0, extra, done = 0, seen = 0;
	gboolean latin_too = FALSE;

	for (guint i = 0; i < g->len; i++)
		width += g_array_index(g, GlyphRef, i).glyph->geometry.width;
	while (end > 0 && is_blank(g_array_index(g, GlyphRef, end - 1).ch)) {
		width -= g_array_index(g, GlyphRef, end - 1).glyph->geometry.width;
		end--;
	}
	extra = target - width;
	/* A line cut short by a long Latin word or URL stays ragged rather than
	 * opening wide gaps; pushed-in punctuation needs at most a character or
	 * two. */
	if (extra <= 0 || end < 2 || extra > 3 * AJ_CHAR * PANGO_SCALE)
		goto done;
again:
	for (int k = 0; k + 1 < end; k++) {
		GlyphRef *a = &g_array_index(g, GlyphRef, k), *b = a + 1;
		if (b->cluster_start && (latin_too || aj_cjk_is_wide(a->ch) || aj_cjk_is_wide(b->ch) ||
					 is_blank(a->ch) || is_blank(b->ch)))
			weight++;
	}
	if (weight == 0 && !latin_too) {
		latin_too = TRUE;
		goto again;
	}
	for (int k = 0; weight > 0 && k + 1 < end; k++) {
		GlyphRef *a = &g_array_index(g, GlyphRef, k), *b = a + 1;
		if (b->cluster_start && (latin_too || aj_cjk_is_wide(a->ch) || aj_cjk_is_wide(b->ch) ||
					 is_blank(a->ch) || is_blank(b->ch))) {
			int share;
			seen++;
			/* Cumulative rounding so the line ends exactly on the edge. */
			share = (int)((gint64)extra * seen / weight) - done;
			a->glyph->geometry.width += share;
			done += share;
		}
	}
done:
	g_array_unref(g);
}

static gboolean ends_with_break(PangoLayoutLine *line, const char *text)
{
	int end = line->start_index + line->length;
	if (line->length <= 0)
		return FALSE;
	return g_utf8_get_char(g_utf8_find_prev_char(text, text + end)) == 0x2028;
}

void aj_para_check_coverage(AjTs *ts, PangoLayout *layout)
{
	GSList *lines = pango_layout_get_lines_readonly(layout);

	for (GSList *l = lines; l; l = l->next) {
		PangoLayoutLine *line = l->data;
		for (GSList *r = line->runs; r; r = r->next) {
			PangoGlyphString *gs = ((PangoGlyphItem *)r->data)->glyphs;
			for (int i = 0; i < gs->num_glyphs; i++) {
				PangoGlyph gl = gs->glyphs[i].glyph;
				gunichar c;
				if (gl == PANGO_GLYPH_EMPTY || !(gl & PANGO_GLYPH_UNKNOWN_FLAG))
					continue;
				c = gl & ~PANGO_GLYPH_UNKNOWN_FLAG;
				if (c < 0x20 || g_unichar_type(c) == G_UNICODE_FORMAT ||
				    g_unichar_type(c) == G_UNICODE_LINE_SEPARATOR ||
				    g_unichar_type(c) == G_UNICODE_PARAGRAPH_SEPARATOR)
					continue;
				aj_warn(_("%s:%d: no installed font has the character U+%04X; it "
					  "prints as a box — install a font that covers it "
					  "(e.g. fonts-hanazono or BabelStone Han)"),
					ts->doc->source_name, ts->src_line, c);
			}
		}
	}
}

static double index_x(PangoLayoutLine *line, const char *text, int idx)
{
	int x = 0;
	if (idx >= line->start_index + line->length && idx > line->start_index) {
		int prev = (int)(g_utf8_find_prev_char(text, text + idx) - text);
		pango_layout_line_index_to_x(line, prev, TRUE, &x);
	} else {
		pango_layout_line_index_to_x(line, idx, FALSE, &x);
	}
	return x / (double)PANGO_SCALE;
}

void aj_para_draw_links(AjTs *ts, PangoLayoutLine *line, const AjInline *in, double x,
			double top, double height)
{
	int ls = line->start_index, le = line->start_index + line->length;

	for (guint i = 0; in->links && i < in->links->len; i++) {
		const AjLink *lk = &g_array_index(in->links, AjLink, i);
		int s = MAX(lk->start, ls), e = MIN(lk->end, le);
		double x1, x2;
		if (s >= e)
			continue;
		x1 = index_x(line, in->text->str, s);
		x2 = index_x(line, in->text->str, e);
		aj_ts_link(ts, x + MIN(x1, x2), top, MAX(x1, x2) - MIN(x1, x2), height, lk->uri);
	}
}

/* Where a paragraph of n lines breaks: the index of each line that starts
 * a new page, in breaks (caller's, n entries at most), and how many.  A
 * page never holds a single line of a paragraph that runs over it — its
 * first line last on a page or its last first on the next — when the
 * line before can go over with it; and with keep > 0 (the body's last
 * paragraph) the lines on the last page leave keep lines free for what
 * follows, at least two of them going over when it would not fit. */
static int page_breaks(AjTs *ts, int n, int keep, int *breaks)
{
	gboolean fresh = !ts->page_open || ts->y <= AJ_TB_Y + 0.01;
	int left = aj_ts_lines_left(ts), pos = 0, count = 0;

	while (n - pos + keep > left) {
		int rest = n - pos, take = MIN(left, rest);
		if (keep > 0 && rest - take < 2)
			take = rest - 2;
		else if (rest - take == 1)
			take = rest - 2; /* not its last line alone */
		if (take == 1 && pos == 0)
			take = 0; /* not its first line alone */
		if (take <= 0 && fresh)
			take = MIN(left, rest); /* a page cannot do better */
		if (take >= rest)
			break;
		take = MAX(take, 0);
		breaks[count++] = pos + take;
		pos += take;
		left = AJ_LINES;
		fresh = TRUE;
	}
	return count;
}

void aj_para_set(AjTs *ts, const AjInline *in, const AjParaStyle *st)
{
	PangoLayout *layout;
	PangoLayoutIter *it;
	GArray *squeezed;
	int n, i = 0, *breaks, n_breaks, next = 0;

	if (ts->err)
		return;
	layout = aj_squeeze_layout(ts, in, st, &squeezed);
	aj_squeeze_place(layout, squeezed);
	aj_para_check_coverage(ts, layout);
	n = pango_layout_get_line_count(layout);
	breaks = g_new(int, n + 1);
	n_breaks = page_breaks(ts, n, ts->keep_tail, breaks);
	it = pango_layout_get_iter(layout);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle logical;
		double top, x;

		pango_layout_iter_get_line_extents(it, NULL, &logical);
		if (st->justify && i < n - 1 && !ends_with_break(line, in->text->str)) {
			double target = avail_width(st) - (i == 0 ? MAX(st->indent, 0) : 0) -
					(i > 0 ? MAX(-st->indent, 0) : 0);
			justify_line(line, in->text->str, (int)(target * PANGO_SCALE));
		}
		if (next < n_breaks && breaks[next] == i) {
			next++;
			if (ts->page_open && ts->y > AJ_TB_Y + 0.01)
				aj_ts_begin_page(ts);
		}
		top = aj_ts_next_line(ts);
		x = AJ_TB_X + st->margin + logical.x / (double)PANGO_SCALE;
		aj_ts_text_line(ts, line, x, aj_ts_baseline(top, st->size),
				st->red ? AJ_RED : AJ_BLACK);
		aj_para_draw_links(ts, line, in, x, top, AJ_PITCH);
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(layout);
	g_array_unref(squeezed);
	g_free(breaks);
}

void aj_para_set_text(AjTs *ts, const char *text, const AjParaStyle *st)
{
	AjInline in;

	aj_inline_init(&in);
	aj_inline_append(&in, text, (int)strlen(text));
	aj_para_set(ts, &in, st);
	aj_inline_clear(&in);
}
