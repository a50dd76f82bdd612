/* Punctuation compression (标点挤压, W3C clreq §3.1.6 and §3.8) in body
 * paragraphs on the grid.
 *
 * Full-width punctuation carries half an em of blank: 。，、；： and closing
 * brackets on their right, opening brackets on their left.  Where a line
 * cannot take its next character and the mark that must follow it, Pango
 * pushes the character down and the line spreads 27 characters over 28
 * slots.  Instead blank is taken out of as few marks as close the gap, in
 * clreq's order: the mark that will end the line, a mark next to another
 * mark, then the marks nearest the end of the line.  The same squeeze pulls
 * a last line of one or two characters up into the lines above it.
 *
 * A mark that ends a line gives its whole half em: nothing follows it
 * there.  Inside a line a mark gives 3/16 em only: a glyph box overlapping
 * the next by a fifth of an em or more splits the words of text extraction
 * (poppler's pdftotext then reads the line out of order).
 *
 * What the marks cannot give, the characters of the lines concerned give
 * evenly, up to 5 % of the grid's pitch each: a line a little tight reads
 * better than one gone loose or a paragraph ending in one character.
 *
 * Squeezing is negative letter spacing on the characters (so Pango breaks
 * the lines with it); a mark's glyph is then put back where it was on its
 * side of the em box (aj_squeeze_place). */
#include <string.h>

#include "typeset/state.h"

typedef enum { SIDE_NONE, SIDE_CLOSE, SIDE_OPEN } Side;

static Side side_of(gunichar c)
{
	switch (c) {
	case 0x3002: /* 。 */
	case 0xFF0C: /* ， */
	case 0x3001: /* 、 */
	case 0xFF1B: /* ； */
	case 0xFF1A: /* ： */
	case 0xFF09: /* ） */
	case 0xFF3D: /* ］ */
	case 0xFF5D: /* ｝ */
	case 0x3009: /* 〉 */
	case 0x300B: /* 》 */
	case 0x300D: /* 」 */
	case 0x300F: /* 』 */
	case 0x3011: /* 】 */
	case 0x3015: /* 〕 */
	case 0x3017: /* 〗 */
	case 0x2019: /* ’ */
	case 0x201D: /* ” */
		return SIDE_CLOSE;
	case 0xFF08: /* （ */
	case 0xFF3B: /* ［ */
	case 0xFF5B: /* ｛ */
	case 0x3008: /* 〈 */
	case 0x300A: /* 《 */
	case 0x300C: /* 「 */
	case 0x300E: /* 『 */
	case 0x3010: /* 【 */
	case 0x3014: /* 〔 */
	case 0x3016: /* 〖 */
	case 0x2018: /* ‘ */
	case 0x201C: /* “ */
		return SIDE_OPEN;
	default:
		return SIDE_NONE;
	}
}

/* A squeezed mark: its byte index and the blank it gives (Pango units). */
typedef struct {
	int at, amount;
} Mark;

typedef struct {
	AjTs *ts;
	const AjInline *in;
	const AjParaStyle *st;
	const char *text;
	GArray *squeezed; /* Mark, by index */
	GArray *tight;    /* Tight, by index, not overlapping */
	PangoLayout *layout;
} Squeeze;

/* Characters [from, to) set closer by t (Pango units) each. */
typedef struct {
	int from, to, t;
} Tight;

static int tight_max(void)
{
	return (int)(0.05 * AJ_CHAR * PANGO_SCALE);
}

static int tightening_at(const Squeeze *s, int at)
{
	for (guint i = 0; i < s->tight->len; i++) {
		const Tight *r = &g_array_index(s->tight, Tight, i);
		if (at >= r->from && at < r->to)
			return r->t;
	}
	return 0;
}

static int tight_end(const Squeeze *s)
{
	return s->tight->len ? g_array_index(s->tight, Tight, s->tight->len - 1).to : 0;
}

static int half_em(const Squeeze *s)
{
	return (int)(s->st->size / 2 * PANGO_SCALE);
}

static int inner_squeeze(const Squeeze *s)
{
	return (int)(s->st->size * 3 / 16 * PANGO_SCALE);
}

static void relayout(Squeeze *s)
{
	AjInline in = *s->in;
	int base = s->st->size == AJ_BODY_PT ? (int)((AJ_CHAR - s->st->size) * PANGO_SCALE) : 0;

	in.attrs = s->in->attrs ? pango_attr_list_copy(s->in->attrs) : pango_attr_list_new();
	for (guint i = 0; i < s->tight->len; i++) {
		const Tight *r = &g_array_index(s->tight, Tight, i);
		PangoAttribute *a = pango_attr_letter_spacing_new(base - r->t);
		a->start_index = (guint)r->from;
		a->end_index = (guint)r->to;
		pango_attr_list_insert(in.attrs, a);
	}
	for (guint i = 0; i < s->squeezed->len; i++) {
		const Mark *m = &g_array_index(s->squeezed, Mark, i);
		PangoAttribute *a =
			pango_attr_letter_spacing_new(base - tightening_at(s, m->at) - m->amount);
		a->start_index = (guint)m->at;
		a->end_index = (guint)(g_utf8_next_char(s->text + m->at) - s->text);
		/* after the paragraph's grid spacing, so it wins */
		pango_attr_list_insert(in.attrs, a);
	}
	if (s->layout)
		g_object_unref(s->layout);
	s->layout = aj_para_layout(s->ts, &in, s->st);
	pango_attr_list_unref(in.attrs);
}

static const Mark *find_mark(const GArray *marks, int at)
{
	for (guint i = 0; i < marks->len; i++)
		if (g_array_index(marks, Mark, i).at == at)
			return &g_array_index(marks, Mark, i);
	return NULL;
}

static gint by_index(gconstpointer a, gconstpointer b)
{
	return ((const Mark *)a)->at - ((const Mark *)b)->at;
}

/* Squeezes (add) or gives back (drop) marks[from .. from + n). */
static void add(Squeeze *s, const GArray *marks, guint from, guint n)
{
	for (guint i = from; i < from + n; i++)
		g_array_append_val(s->squeezed, g_array_index(marks, Mark, i));
	g_array_sort(s->squeezed, by_index);
}

static void drop(Squeeze *s, const GArray *marks, guint from, guint n)
{
	for (guint i = from; i < from + n; i++)
		for (guint j = 0; j < s->squeezed->len; j++)
			if (g_array_index(s->squeezed, Mark, j).at == g_array_index(marks, Mark, i).at) {
				g_array_remove_index(s->squeezed, j);
				break;
			}
}

static PangoLayoutLine *line_at(const Squeeze *s, int i)
{
	return pango_layout_get_line_readonly(s->layout, i);
}

static int line_end(PangoLayoutLine *line)
{
	return line->start_index + line->length;
}

static gboolean ends_with_break(const Squeeze *s, PangoLayoutLine *line)
{
	return line->length > 0 &&
	       g_utf8_get_char(g_utf8_find_prev_char(s->text, s->text + line_end(line))) == 0x2028;
}

/* Every mark squeezed by half an em ends a line (see the top). */
static gboolean halves_end_lines(const Squeeze *s)
{
	for (guint i = 0; i < s->squeezed->len; i++) {
		const Mark *m = &g_array_index(s->squeezed, Mark, i);
		int end = (int)(g_utf8_next_char(s->text + m->at) - s->text);
		gboolean ends = FALSE;
		if (m->amount <= inner_squeeze(s))
			continue;
		for (GSList *l = pango_layout_get_lines_readonly(s->layout); l && !ends; l = l->next)
			ends = line_end(l->data) == end;
		if (!ends)
			return FALSE;
	}
	return TRUE;
}

static int line_target(const Squeeze *s, int i);
static int line_width(PangoLayoutLine *line);

/* The width line will have once placed: Pango gives back at the end of a
 * line half the spacing of its last character, which aj_squeeze_place()
 * takes off again for a squeezed mark. */
static int placed_width(const Squeeze *s, PangoLayoutLine *line)
{
	const char *last;
	const Mark *m;

	if (line->length <= 0)
		return line_width(line);
	last = g_utf8_find_prev_char(s->text, s->text + line_end(line));
	m = find_mark(s->squeezed, (int)(last - s->text));
	return line_width(line) - (m ? m->amount / 2 : 0);
}

/* Every line holding something squeezed fits the block: Pango's half
 * point of slack is for rounding, not for squeezed lines to overshoot. */
static gboolean squeezed_lines_fit(const Squeeze *s)
{
	int i = 0;

	for (GSList *l = pango_layout_get_lines_readonly(s->layout); l; l = l->next, i++) {
		PangoLayoutLine *line = l->data;
		gboolean squeezed = FALSE;
		for (guint k = 0; k < s->squeezed->len && !squeezed; k++) {
			int at = g_array_index(s->squeezed, Mark, k).at;
			squeezed = at >= line->start_index && at < line_end(line);
		}
		for (guint k = 0; k < s->tight->len && !squeezed; k++) {
			const Tight *r = &g_array_index(s->tight, Tight, k);
			squeezed = r->from < line_end(line) && r->to > line->start_index;
		}
		if (squeezed && placed_width(s, line) > line_target(s, i) + PANGO_SCALE / 20)
			return FALSE;
	}
	return TRUE;
}

/* What Pango may fill line i with, and what justification stretches it
 * to (Pango units). */
static int line_limit(const Squeeze *s, int i)
{
	int indent = pango_layout_get_indent(s->layout);
	return pango_layout_get_width(s->layout) - (i == 0 ? MAX(indent, 0) : MAX(-indent, 0));
}

static int line_target(const Squeeze *s, int i)
{
	/* the grid's half point of slack is Pango's, not the line's */
	return line_limit(s, i) - (int)(0.5 * PANGO_SCALE);
}

static int line_width(PangoLayoutLine *line)
{
	PangoRectangle logical;
	pango_layout_line_get_extents(line, NULL, &logical);
	return logical.width;
}

static int chars_between(const Squeeze *s, int from, int to)
{
	return (int)g_utf8_strlen(s->text + from, to - from);
}

/* Justifying line i would widen its gaps by more than 3 % of the grid's
 * character pitch. */
static gboolean loose(const Squeeze *s, int i)
{
	PangoLayoutLine *line = line_at(s, i);
	int gaps = chars_between(s, line->start_index, line_end(line)) - 1;
	int extra = line_target(s, i) - placed_width(s, line);

	return gaps > 0 && extra > 0.03 * AJ_CHAR * PANGO_SCALE * gaps;
}

static int count_loose(const Squeeze *s)
{
	int n = pango_layout_get_line_count(s->layout), count = 0;
	for (int i = 0; i + 1 < n; i++)
		count += !ends_with_break(s, line_at(s, i)) && loose(s, i);
	return count;
}

/* Marks in [from, to) that still have their blank, best first: the last
 * character, which will end a line (half an em), a mark beside another
 * mark, then the others from the end (3/16 em). */
static GArray *candidates(const Squeeze *s, int from, int to)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(Mark));
	int min_width = (int)(0.75 * s->st->size * PANGO_SCALE);

	for (int rank = 0; rank < 3; rank++) {
		const char *p = s->text + to;
		while (p > s->text + from) {
			const char *prev = g_utf8_find_prev_char(s->text, p);
			const char *next = p;
			Side me, before, after;
			Mark m = { .at = (int)(prev - s->text) };
			int r;
			PangoRectangle pos;
			p = prev;
			me = side_of(g_utf8_get_char(prev));
			if (me == SIDE_NONE || find_mark(s->squeezed, m.at))
				continue;
			before = prev > s->text ? side_of(g_utf8_get_char(
							  g_utf8_find_prev_char(s->text, prev)))
						: SIDE_NONE;
			after = next < s->text + to ? side_of(g_utf8_get_char(next)) : SIDE_NONE;
			if (next == s->text + to && me == SIDE_CLOSE)
				r = 0;
			else if ((me == SIDE_CLOSE && after != SIDE_NONE) ||
				 (me == SIDE_OPEN && before != SIDE_NONE))
				r = 1;
			else
				r = 2;
			if (r != rank)
				continue;
			/* a mark the face sets narrow (a Latin quote) has nothing to give */
			pango_layout_index_to_pos(s->layout, m.at, &pos);
			if (pos.width < min_width)
				continue;
			m.amount = r == 0 ? half_em(s) : inner_squeeze(s);
			g_array_append_val(out, m);
		}
	}
	return out;
}

/* The byte index where the first unbreakable piece of line i + 1 ends. */
static int next_piece_end(const Squeeze *s, int i)
{
	PangoLayoutLine *next = line_at(s, i + 1);
	const PangoLogAttr *attrs;
	int n_attrs, k = (int)g_utf8_pointer_to_offset(s->text, s->text + next->start_index);
	const char *p = s->text + next->start_index;

	attrs = pango_layout_get_log_attrs_readonly(s->layout, &n_attrs);
	do {
		p = g_utf8_next_char(p);
		k++;
	} while (k < n_attrs - 1 && !attrs[k].is_line_break && p < s->text + line_end(next));
	return (int)(p - s->text);
}

static int width_between(const Squeeze *s, int from, int to)
{
	int w = 0;
	for (const char *p = s->text + from; p < s->text + to; p = g_utf8_next_char(p)) {
		PangoRectangle pos;
		pango_layout_index_to_pos(s->layout, (int)(p - s->text), &pos);
		w += ABS(pos.width);
	}
	return w;
}

/* An attempt put back: the layout of the state before it (a paragraph's
 * layout is all its own, so the one kept is the one a relayout would
 * make; most attempts fail, and making it again was half the work). */
static void put_back(Squeeze *s, PangoLayout *before)
{
	g_object_unref(s->layout);
	s->layout = before;
}

/* Squeezes marks[0 .. n) and sets [from, to) closer by t; keeps that when
 * ok() holds of the new layout, else puts everything back. */
static gboolean try_squeeze(Squeeze *s, const GArray *marks, guint n, int from, int to, int t,
			    gboolean (*ok)(const Squeeze *, gpointer), gpointer data)
{
	Tight r = { from, to, t };
	PangoLayout *before = g_object_ref(s->layout);

	add(s, marks, 0, n);
	if (t > 0)
		g_array_append_val(s->tight, r);
	relayout(s);
	if (ok(s, data) && halves_end_lines(s) && squeezed_lines_fit(s)) {
		g_object_unref(before);
		return TRUE;
	}
	drop(s, marks, 0, n);
	if (t > 0)
		g_array_set_size(s->tight, s->tight->len - 1);
	put_back(s, before);
	return FALSE;
}

static gboolean line_ends_at(const Squeeze *s, gpointer data)
{
	const int *want = data; /* line, byte index */
	return line_end(line_at(s, want[0])) == want[1];
}

/* Line i is loose: squeezes marks of it and of the piece after it until
 * that piece joins it, the line's characters closing up for the rest. */
static void pull_piece(Squeeze *s, int i)
{
	PangoLayoutLine *line = line_at(s, i);
	int start = line->start_index, piece = next_piece_end(s, i);
	int need = line_width(line) + width_between(s, line_end(line), piece) - line_target(s, i);
	int chars = chars_between(s, start, piece), got = 0, t = 0;
	int want[2] = { i, piece };
	GArray *marks;
	guint n = 0;

	if (need <= 0 || start < tight_end(s))
		return;
	marks = candidates(s, start, piece);
	while (n < marks->len && got < need)
		got += g_array_index(marks, Mark, n++).amount;
	if (got < need)
		t = (need - got + chars - 1) / chars;
	/* a little more when Pango's rounding wants it */
	for (int more = 0; t + more <= tight_max() && more <= PANGO_SCALE / 8; more += PANGO_SCALE / 32)
		if (try_squeeze(s, marks, n, start, piece, t ? t + more : 0, line_ends_at, want) ||
		    t == 0)
			break;
	g_array_unref(marks);
}

typedef struct {
	int lines, loose;
} Fewer;

static gboolean fewer_lines(const Squeeze *s, gpointer data)
{
	const Fewer *f = data;
	return pango_layout_get_line_count(s->layout) < f->lines && count_loose(s) <= f->loose;
}

/* A last line of one or two characters: squeezes the marks of the last
 * few lines, their characters closing up as little as needed, until it
 * joins them, leaving no more loose lines than before; then gives back
 * each mark the join does without, least wanted first. */
static void pull_last_line(Squeeze *s)
{
	int n = pango_layout_get_line_count(s->layout);
	Fewer f = { n, 0 };
	PangoLayoutLine *last;

	if (n < 2)
		return;
	last = line_at(s, n - 1);
	if (chars_between(s, last->start_index, line_end(last)) > 2 ||
	    ends_with_break(s, line_at(s, n - 2)))
		return;
	f.loose = count_loose(s);
	for (int back = 2; back <= 4 && n - back >= 0; back++) {
		int from = line_at(s, n - back)->start_index, to = (int)strlen(s->text);
		GArray *marks;
		gboolean joined = FALSE;

		if (from < tight_end(s))
			break;
		marks = candidates(s, from, to);
		for (int t = 0; t <= tight_max() && !joined; t += PANGO_SCALE / 16)
			joined = try_squeeze(s, marks, marks->len, from, to, t, fewer_lines, &f);
		for (guint k = marks->len; joined && k-- > 0;) {
			PangoLayout *before = g_object_ref(s->layout);
			drop(s, marks, k, 1);
			relayout(s);
			if (!fewer_lines(s, &f) || !halves_end_lines(s) || !squeezed_lines_fit(s)) {
				add(s, marks, k, 1); /* sorted again: the state before */
				put_back(s, before);
			} else {
				g_object_unref(before);
			}
		}
		g_array_unref(marks);
		if (joined)
			return;
	}
}

PangoLayout *aj_squeeze_layout(AjTs *ts, const AjInline *in, const AjParaStyle *st,
			       GArray **squeezed)
{
	Squeeze s = { .ts = ts, .in = in, .st = st, .text = in->text->str,
		      .squeezed = g_array_new(FALSE, FALSE, sizeof(Mark)),
		      .tight = g_array_new(FALSE, FALSE, sizeof(Tight)) };

	relayout(&s);
	if (st->justify && st->grid) {
		for (int i = 0; i + 1 < pango_layout_get_line_count(s.layout); i++)
			if (!ends_with_break(&s, line_at(&s, i)) && loose(&s, i))
				pull_piece(&s, i);
		pull_last_line(&s);
	}
	*squeezed = s.squeezed;
	g_array_unref(s.tight);
	return s.layout;
}

void aj_squeeze_place(PangoLayout *layout, const GArray *squeezed)
{
	const char *text = pango_layout_get_text(layout);

	if (squeezed->len == 0)
		return;
	for (GSList *l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
		PangoLayoutLine *line = l->data;
		for (GSList *r = line->runs; r; r = r->next) {
			PangoGlyphItem *run = r->data;
			PangoGlyphString *gs = run->glyphs;
			for (int g = 0; g < gs->num_glyphs; g++) {
				int at = run->item->offset + gs->log_clusters[g];
				const Mark *m = find_mark(squeezed, at);
				PangoGlyphGeometry *geo = &gs->glyphs[g].geometry;
				gboolean first = r == line->runs && g == 0;
				if (m == NULL || !gs->glyphs[g].attr.is_cluster_start)
					continue;
				/* Pango put half the negative spacing before the glyph
				 * (but at the start of a line): a closing mark's ink
				 * goes back to the left of its box, an opening one's
				 * moves the rest of the way left. */
				if (side_of(g_utf8_get_char(text + at)) == SIDE_CLOSE)
					geo->x_offset += m->amount / 2;
				else if (!first)
					geo->x_offset -= m->amount / 2;
				/* At the end of a line Pango takes back the half of
				 * the spacing after the glyph: the mark's share too. */
				if (r->next == NULL && g == gs->num_glyphs - 1)
					geo->width -= m->amount / 2;
			}
		}
	}
}
