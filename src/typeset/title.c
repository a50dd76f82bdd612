/* Where a title or a 版记 line breaks: between words, never inside one
 * (GB/T 9704 §7.3.1: 词意完整), and for a title in the 梯形 or 菱形 shape
 * (排列对称, 长短适宜).
 *
 * ICU's word break iterator, whose dictionary knows Chinese words, gives
 * the word boundaries; its dictionary splits some words a reader keeps
 * whole (办公|室, 整|改, 第|一批), so a boundary next to a one-character
 * segment is no break unless punctuation comes before it, and a date
 * (2026年3月) stays whole.  Pango's own line-break rules (no line starts
 * with a closing mark or ends with an opening one) apply too.  A chosen
 * break is a LINE SEPARATOR (U+2028) in the text. */
#include <string.h>
#include <unicode/ubrk.h>

#include "markdown/conventions.h"
#include "typeset/state.h"

#define LSEP "\xE2\x80\xA8"

typedef struct {
	int byte;   /* where the next line would start */
	double x;   /* its distance from the start of the text, pt */
	gboolean after_punct;
} Break;

static gboolean is_digit(gunichar c)
{
	return c >= '0' && c <= '9';
}

static gboolean is_digit_or_unit(gunichar c)
{
	return is_digit(c) || c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0x53F7;
}

static double index_x(PangoLayout *layout, int byte)
{
	PangoRectangle pos;

	pango_layout_index_to_pos(layout, byte, &pos);
	return pos.x / (double)PANGO_SCALE;
}

/* How strictly breaks keep words whole: between words of two characters
 * or more, or after punctuation; also before a number (督查组|2026年);
 * also at either end of a run of one-character segments, taken as words
 * the dictionary does not know (问题隐患|和整改|责任, 电动|自行车 — but not
 * 自行|车), and next to a conjunction, preposition or adverb standing alone
 * (分工和|时间, 发现问题|已全部); at any
 * word boundary; wherever Pango may break a line. */
typedef enum { WORDS, BEFORE_NUMBERS, RUNS, ANY_WORD, ANYWHERE } Tier;

/* A word of one character that stands alone in a sentence — a
 * conjunction, preposition or adverb (住房|和|城乡, 问题|已|全部). */
static gboolean conjunction(const char *p)
{
	return g_utf8_strchr("和与及或并已将在对于为把被从向由的", -1, g_utf8_get_char(p)) != NULL;
}

/* Is text[from, to) one ideograph (a segment ICU found no word for)? */
static gboolean lone_ideograph(const char *text, int from, int to)
{
	gunichar c = g_utf8_get_char(text + from);

	return from < to && g_utf8_next_char(text + from) == text + to && aj_cjk_is_wide(c) &&
	       !g_unichar_ispunct(c);
}

/* The breaks of text (one line in layout), ascending; the end of the text
 * is the last. */
static GArray *word_breaks(PangoLayout *layout, const char *text, Tier tier)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(Break));
	GArray *u16 = g_array_new(FALSE, FALSE, sizeof(UChar));
	GArray *u16_byte = g_array_new(FALSE, FALSE, sizeof(int)); /* UTF-16 unit → byte */
	int len = (int)strlen(text), n_attrs, prev_b = 0, char_at = 0, b;
	const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
	UErrorCode status = U_ZERO_ERROR;
	UBreakIterator *bi;
	int *byte_char = g_new0(int, len + 1); /* byte → character index */
	GArray *seg = g_array_new(FALSE, FALSE, sizeof(int)); /* ICU's boundaries, bytes */

	for (const char *p = text; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		UChar units[2];
		int n = 1, at = (int)(p - text);
		if (c > 0xFFFF) {
			units[0] = (UChar)(0xD800 + ((c - 0x10000) >> 10));
			units[1] = (UChar)(0xDC00 + ((c - 0x10000) & 0x3FF));
			n = 2;
		} else {
			units[0] = (UChar)c;
		}
		g_array_append_vals(u16, units, n);
		for (int k = 0; k < n; k++)
			g_array_append_val(u16_byte, at);
		byte_char[at] = char_at++;
	}
	g_array_append_val(u16_byte, len);
	byte_char[len] = char_at;
	bi = ubrk_open(UBRK_WORD, "zh", (const UChar *)u16->data, (int32_t)u16->len, &status);
	for (int32_t u = U_SUCCESS(status) ? ubrk_first(bi) : UBRK_DONE; u != UBRK_DONE;
	     u = ubrk_next(bi))
		g_array_append_val(seg, g_array_index(u16_byte, int, u));
	for (guint i = 0; i + 1 < seg->len; i++) {
		int nb = g_array_index(seg, int, i + 1);
		b = g_array_index(seg, int, i);
		if (b > 0 && b < len) {
			const char *pc = g_utf8_find_prev_char(text, text + b);
			gunichar before = g_utf8_get_char(pc), after = g_utf8_get_char(text + b);
			gboolean punct = g_unichar_ispunct(before);
			int left = byte_char[b] - byte_char[prev_b], right = byte_char[nb] - byte_char[b];
			/* Pango keeps a Chinese character with the digits after it;
			 * a title may break before a date. */
			gboolean pango_ok = (byte_char[b] < n_attrs && attrs[byte_char[b]].is_line_break) ||
					    (aj_cjk_is_wide(before) && !g_unichar_ispunct(before) &&
					     is_digit(after));
			/* a lone ideograph next to the break ends a run of them or
			 * is a conjunction */
			gboolean lone_l = lone_ideograph(text, prev_b, b) &&
					  !conjunction(text + prev_b);
			gboolean lone_r = lone_ideograph(text, b, nb) && !conjunction(text + b);
			gboolean run_end =
				!(lone_l && lone_r) &&
				(!lone_l || (i >= 2 && lone_ideograph(text, g_array_index(seg, int, i - 2),
								      prev_b))) &&
				(!lone_r || (i + 2 < seg->len &&
					     lone_ideograph(text, nb, g_array_index(seg, int, i + 2))));
			gboolean ok = pango_ok &&
				      !(is_digit_or_unit(before) && is_digit_or_unit(after)) &&
				      (punct || tier >= ANY_WORD || (left >= 2 && right >= 2) ||
				       (tier >= BEFORE_NUMBERS && is_digit(after)) ||
				       (tier == RUNS && run_end));
			if (ok) {
				Break br = { .byte = b, .x = index_x(layout, b), .after_punct = punct };
				g_array_append_val(out, br);
			}
		}
		prev_b = b;
	}
	if (bi)
		ubrk_close(bi);
	{
		PangoRectangle logical;
		pango_layout_get_extents(layout, NULL, &logical);
		Break end = { .byte = len, .x = logical.width / (double)PANGO_SCALE };
		g_array_append_val(out, end);
	}
	g_free(byte_char);
	g_array_unref(seg);
	g_array_unref(u16);
	g_array_unref(u16_byte);
	return out;
}

static char *with_breaks(const char *text, const GArray *brk, const int *pick, int n)
{
	GString *s = g_string_new(NULL);
	int from = 0;

	for (int i = 0; i < n; i++) {
		int at = g_array_index(brk, Break, pick[i]).byte;
		g_string_append_len(s, text + from, at - from);
		g_string_append(s, LSEP);
		from = at;
	}
	g_string_append(s, text + from);
	return g_string_free(s, FALSE);
}

/* 梯形: no line longer than the one below it; 菱形: lines grow to the
 * widest, then shrink, the first and last shorter than it.  Widths within
 * a quarter character count as equal. */
static gboolean good_shape(const double *w, int n, double size)
{
	double tol = size / 4;
	int top = 0;

	for (int i = 1; i < n; i++)
		if (w[i] > w[top] + tol)
			top = i;
	for (int i = 1; i <= top; i++)
		if (w[i] < w[i - 1] - tol)
			return FALSE;
	if (top == n - 1)
		return TRUE;
	for (int i = top + 1; i < n; i++)
		if (w[i] > w[i - 1] + tol)
			return FALSE;
	return n >= 3 && top > 0 && w[0] < w[top] - tol && w[n - 1] < w[top] - tol;
}

typedef struct {
	const GArray *brk;
	double measure, size;
	int lines;
	int pick[8], best[8];
	double best_score;
	gboolean shaped;
} Search;

/* Every way to cut the text into s->lines lines no wider than the measure;
 * keeps the best shaped one (the most even), or the most even of all. */
static void search(Search *s, int depth, int from, double x0)
{
	if (depth == s->lines - 1) {
		const Break *end = &g_array_index(s->brk, Break, s->brk->len - 1);
		double w[8], wmax = 0, score = 0, prev = 0;
		gboolean shaped;
		if (end->x - x0 > s->measure)
			return;
		for (int i = 0; i < depth; i++) {
			double x = g_array_index(s->brk, Break, s->pick[i]).x;
			w[i] = x - prev;
			prev = x;
		}
		w[depth] = end->x - x0;
		for (int i = 0; i < s->lines; i++)
			wmax = MAX(wmax, w[i]);
		for (int i = 0; i < s->lines; i++)
			score += (wmax - w[i]) * (wmax - w[i]);
		/* breaks after punctuation read best */
		for (int i = 0; i < depth; i++)
			score -= g_array_index(s->brk, Break, s->pick[i]).after_punct ? s->size * s->size / 4
										       : 0;
		shaped = good_shape(w, s->lines, s->size);
		if ((shaped && !s->shaped) || (shaped == s->shaped && score < s->best_score)) {
			s->shaped = shaped;
			s->best_score = score;
			memcpy(s->best, s->pick, sizeof s->pick);
		}
		return;
	}
	for (int k = from; k + 1 < (int)s->brk->len; k++) {
		double x = g_array_index(s->brk, Break, k).x;
		if (x - x0 > s->measure)
			break;
		s->pick[depth] = k;
		search(s, depth + 1, k + 1, x);
	}
}

char *aj_title_break(AjTs *ts, const char *text, AjFontRole role, double size, double measure)
{
	PangoLayout *layout = aj_para_line_layout(ts, text, role, size);
	char *out = NULL, *fallback = NULL;

	/* The strictest breaks that give the shape in the fewest lines or one
	 * more; without a shape, the fewest lines of the strictest breaks. */
	for (Tier tier = WORDS; tier <= ANYWHERE && out == NULL; tier++) {
		GArray *brk = word_breaks(layout, text, tier);
		double total = g_array_index(brk, Break, brk->len - 1).x;
		int least = MAX(1, (int)(total / measure + 0.999));
		if (total <= measure)
			out = g_strdup(text);
		for (int n = MAX(least, 2); n <= least + 1 && n <= 5 && out == NULL; n++) {
			Search s = { .brk = brk, .measure = measure, .size = size, .lines = n,
				     .best_score = G_MAXDOUBLE };
			if ((int)brk->len < n)
				break;
			search(&s, 0, 0, 0);
			if (s.best_score == G_MAXDOUBLE)
				continue;
			if (s.shaped)
				out = with_breaks(text, brk, s.best, n - 1);
			else if (fallback == NULL)
				fallback = with_breaks(text, brk, s.best, n - 1);
		}
		g_array_unref(brk);
	}
	g_object_unref(layout);
	if (out) {
		g_free(fallback);
		return out;
	}
	return fallback ? fallback : g_strdup(text);
}

/* Lines filled in turn with the breaks of the first tier in tiers (ending
 * with -1) that fits them all; the last tier's breaks anyway, or NULL when
 * that is not ANYWHERE. */
static char *fill(AjTs *ts, const char *text, AjFontRole role, double size, double first,
		  double rest, const int *tiers)
{
	PangoLayout *layout = aj_para_line_layout(ts, text, role, size);
	GString *s = g_string_new(NULL);
	int from = 0;
	double x0 = 0, measure = first;
	gboolean fits = TRUE;
	const int *tier;

	for (tier = tiers; *tier >= 0; tier++) {
		GArray *brk = word_breaks(layout, text, (Tier)*tier);
		fits = TRUE;
		g_string_truncate(s, 0);
		from = 0;
		x0 = 0;
		measure = first;
		/* Greedy, preferring the last break after punctuation that still
		 * fills two thirds of the line. */
		while (g_array_index(brk, Break, brk->len - 1).x - x0 > measure + 0.01) {
			int last = -1, punct = -1;
			for (guint k = 0; k + 1 < brk->len; k++) {
				const Break *b = &g_array_index(brk, Break, k);
				if (b->byte <= from || b->x - x0 > measure + 0.01)
					continue;
				last = (int)k;
				if (b->after_punct && b->x - x0 >= measure * 2 / 3)
					punct = (int)k;
			}
			if (last < 0) {
				fits = FALSE;
				break;
			}
			if (punct >= 0)
				last = punct;
			g_string_append_len(s, text + from, g_array_index(brk, Break, last).byte - from);
			g_string_append(s, LSEP);
			from = g_array_index(brk, Break, last).byte;
			x0 = g_array_index(brk, Break, last).x;
			measure = rest;
		}
		g_array_unref(brk);
		if (fits || *tier == ANYWHERE)
			break;
	}
	g_string_append(s, text + from);
	g_object_unref(layout);
	if (!fits && *tier != ANYWHERE) {
		g_string_free(s, TRUE);
		return NULL;
	}
	return g_string_free(s, FALSE);
}

char *aj_title_fill(AjTs *ts, const char *text, AjFontRole role, double size, double first,
		    double rest)
{
	static const int tiers[] = { WORDS, ANYWHERE, -1 };

	return fill(ts, text, role, size, first, rest, tiers);
}

char *aj_title_fill_words(AjTs *ts, const char *text, AjFontRole role, double size,
			  double measure, gboolean runs)
{
	static const int words[] = { WORDS, -1 }, with_runs[] = { RUNS, -1 };

	return fill(ts, text, role, size, measure, measure, runs ? with_runs : words);
}

void aj_title_set(AjTs *ts, const char *title)
{
	AjParaStyle st = { .role = AJ_FONT_TITLE, .size = AJ_TITLE_PT, .align = PANGO_ALIGN_CENTER,
			   .grid = TRUE, .width = AJ_TB_W };
	char *text = aj_title_break(ts, title, st.role, st.size, AJ_TB_W - 2 * st.size);

	aj_para_set_text(ts, text, &st);
	g_free(text);
}
