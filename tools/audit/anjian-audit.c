/* anjian-audit: what a secretary would mark in red on the pages anjian sets
 * from Markdown documents, counted from the page operations (no PDF):
 *
 *   anjian-audit FILE.md...
 *
 * prints for each file, then for all of them:
 *   loose        justified body lines whose character pitch exceeds the
 *                grid's (156 mm / 28) by more than 3 %
 *   short-last   last lines of a paragraph with one or two characters
 *   open-ends    body lines ending with an opening bracket or quote or an
 *                ASCII "<"
 *   titles       titles (22 pt) of several lines in neither the 梯形 (no
 *                line longer than the one below) nor the 菱形 shape
 *   word-breaks  line breaks on title and 抄送 lines inside a word: not at
 *                a word boundary of ICU's dictionary, or next to a
 *                one-character word (办公|室) unless after punctuation or
 *                before a number
 *   single       a paragraph's single line on one side of a page break:
 *                its first line last on a page (it runs on: it reaches the
 *                right edge) or its last line first on the next (the line
 *                before the break ran on); paragraphs are read from the
 *                lines, so one whose last line is exactly full counts as
 *                running on
 * Exit status 0, or 65 when a file cannot be read or typeset. */
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unicode/ubrk.h>

#include "markdown/document.h"
#include "pdf/pdf.h"
#include "typeset/ops.h"

#define MM AJ_MM
#define GRID_CHAR (156 * MM / 28)
#define LEFT (28 * MM)
#define RIGHT (184 * MM)

typedef struct {
	int page;
	double x0, x1, y, size;
	int glyphs;
	GString *text;
} Line;

typedef struct {
	int loose, short_last, open_ends, titles, word_breaks, single;
} Counts;

static gboolean opens(gunichar c)
{
	return c == '<' || g_unichar_type(c) == G_UNICODE_OPEN_PUNCTUATION ||
	       g_unichar_type(c) == G_UNICODE_INITIAL_PUNCTUATION;
}

static gboolean collect(AjPage *page, gpointer data, GError **err)
{
	GArray *lines = data;
	gboolean in_page = TRUE;

	for (guint i = 0; i < page->ops->len; i++) {
		const AjOp *op = &g_array_index(page->ops, AjOp, i);
		const AjGlyphsOp *g = &op->glyphs;
		Line *l = NULL;
		double x0, x1, y;
		if (op->kind == AJ_OP_FRAME)
			in_page = op->frame.kind == AJ_FRAME_PAGE;
		if (op->kind != AJ_OP_GLYPHS || !in_page || g->n_glyphs == 0)
			continue;
		x0 = g->x + (double)(g->dx + g->glyphs[0].x) / PANGO_SCALE;
		x1 = g->x + (double)(g->dx + g->glyphs[g->n_glyphs - 1].x +
				     g->glyphs[g->n_glyphs - 1].advance) /
				    PANGO_SCALE;
		y = g->y + (double)g->dy / PANGO_SCALE;
		if (lines->len > 0) {
			Line *last = &g_array_index(lines, Line, lines->len - 1);
			/* (a squeezed mark's run may start inside the one before) */
			if (last->page == page->number && fabs(last->y - y) < 3 &&
			    x0 >= last->x1 - 0.6 * last->size && x0 - last->x1 < 2 * last->size)
				l = last;
		}
		if (l == NULL) {
			Line n = { .page = page->number, .x0 = x0, .y = y, .size = aj_glyphs_size(g),
				   .text = g_string_new(NULL) };
			g_array_append_val(lines, n);
			l = &g_array_index(lines, Line, lines->len - 1);
		}
		l->x1 = x1;
		l->glyphs += g->n_glyphs;
		for (const char *p = g->text; p < g->text + g->text_len; p = g_utf8_next_char(p))
			if (g_utf8_get_char(p) != 0x2028) /* a chosen line break */
				g_string_append_unichar(l->text, g_utf8_get_char(p));
	}
	aj_page_free(page);
	return TRUE;
}

static int chars(const char *s)
{
	return (int)g_utf8_strlen(s, -1);
}

/* Is the boundary at char index k of text (UTF-8) inside a word? */
static gboolean inside_word(const char *text, int k)
{
	GArray *u = g_array_new(FALSE, FALSE, sizeof(UChar));
	GArray *bounds = g_array_new(FALSE, FALSE, sizeof(int));
	UErrorCode st = U_ZERO_ERROR;
	UBreakIterator *bi;
	gboolean inside = TRUE;
	int n = 0;

	for (const char *p = text; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		UChar ch = (UChar)(c > 0xFFFF ? 0xFFFD : c); /* one unit a character */
		g_array_append_val(u, ch);
		n++;
	}
	bi = ubrk_open(UBRK_WORD, "zh", (UChar *)u->data, (int32_t)u->len, &st);
	for (int32_t b = U_SUCCESS(st) ? ubrk_first(bi) : UBRK_DONE; b != UBRK_DONE;
	     b = ubrk_next(bi))
		g_array_append_val(bounds, b);
	for (guint i = 1; i + 1 < bounds->len; i++) {
		int at = g_array_index(bounds, int, i);
		int left = at - g_array_index(bounds, int, i - 1);
		int right = g_array_index(bounds, int, i + 1) - at;
		gunichar before = g_array_index(u, UChar, at - 1), after = g_array_index(u, UChar, at);
		gboolean number = after >= '0' && after <= '9' && !(before >= '0' && before <= '9');
		if (at == k)
			inside = !g_unichar_ispunct(before) && !number && (left < 2 || right < 2);
	}
	if (bi)
		ubrk_close(bi);
	g_array_unref(u);
	g_array_unref(bounds);
	return inside;
}

/* Consecutive lines of one size on one page, one pitch apart: a title or
 * an 抄送 block.  Counts breaks inside words; for titles, the shape. */
static void audit_block(const GArray *lines, guint from, guint to, gboolean title, Counts *c)
{
	GString *all = g_string_new(NULL);
	double w[64];
	int n = 0, top = 0;

	for (guint i = from; i < to && n < 64; i++, n++) {
		const Line *l = &g_array_index(lines, Line, i);
		w[n] = l->x1 - l->x0;
		g_string_append(all, l->text->str);
	}
	{
		GString *sofar = g_string_new(NULL);
		for (guint i = from; i + 1 < to; i++) {
			const Line *l = &g_array_index(lines, Line, i);
			g_string_append(sofar, l->text->str);
			if (inside_word(all->str, chars(sofar->str))) {
				const Line *next = &g_array_index(lines, Line, i + 1);
				printf("  word break: %s | %s\n", l->text->str, next->text->str);
				c->word_breaks++;
			}
		}
		g_string_free(sofar, TRUE);
	}
	if (title && n > 1) {
		double tol = 22 / 4.0;
		gboolean ok = TRUE;
		for (int i = 1; i < n; i++)
			if (w[i] > w[top] + tol)
				top = i;
		for (int i = 1; i <= top; i++)
			ok = ok && w[i] >= w[i - 1] - tol;
		for (int i = top + 1; i < n; i++)
			ok = ok && w[i] <= w[i - 1] + tol;
		if (top < n - 1)
			ok = ok && n >= 3 && top > 0 && w[0] < w[top] - tol;
		if (!ok) {
			printf("  title shape: %s\n", all->str);
			c->titles++;
		}
	}
	g_string_free(all, TRUE);
}

static gboolean body(const Line *l)
{
	return fabs(l->size - 16) < 0.01;
}

/* A body line that goes on with the paragraph of the line before it: it
 * starts at the block's left edge (a paragraph's first line is indented
 * two characters; a squeezed opening mark may start a little left of it). */
static gboolean continues(const Line *l)
{
	return l->x0 < LEFT + 0.75 * GRID_CHAR;
}

/* A paragraph's single line next to a page break the paragraph runs over
 * (the line before the break reaches the right edge, the one after goes
 * on): its first line last on a page, or its last line first on the next. */
static void single_lines(const GArray *lines, Counts *c)
{
	const Line *prev = NULL;

	for (guint i = 0; i < lines->len; i++) {
		const Line *l = &g_array_index(lines, Line, i), *next = NULL;
		if (!body(l))
			continue;
		if (prev && l->page != prev->page && fabs(prev->x1 - RIGHT) < 0.5 && continues(l)) {
			for (guint j = i + 1; j < lines->len && next == NULL; j++)
				if (body(&g_array_index(lines, Line, j)))
					next = &g_array_index(lines, Line, j);
			if (!continues(prev)) {
				printf("  single line before a page break: %s\n", prev->text->str);
				c->single++;
			} else if (next == NULL || next->page != l->page || !continues(next)) {
				printf("  single line after a page break: %s\n", l->text->str);
				c->single++;
			}
		}
		prev = l;
	}
}

static void audit(const GArray *lines, Counts *c)
{
	const double pitch = 225 * MM / 22;

	for (guint i = 0; i < lines->len; i++) {
		const Line *l = &g_array_index(lines, Line, i);
		if (fabs(l->size - 16) < 0.01 && fabs(l->x1 - RIGHT) < 0.5 && l->glyphs > 1 &&
		    (l->x1 - l->x0) / l->glyphs > GRID_CHAR * 1.03) {
			printf("  loose (%.1f pt a character): %s\n", (l->x1 - l->x0) / l->glyphs,
			       l->text->str);
			c->loose++;
		}
		if (fabs(l->size - 16) < 0.01 && l->text->len > 0 &&
		    opens(g_utf8_get_char(g_utf8_find_prev_char(l->text->str,
								 l->text->str + l->text->len)))) {
			printf("  opening mark ends a line: %s\n", l->text->str);
			c->open_ends++;
		}
		/* A ragged line of one or two characters under a full line. */
		if (fabs(l->size - 16) < 0.01 && i > 0 && l->glyphs <= 2 && l->x1 < RIGHT - 0.5) {
			const Line *p = &g_array_index(lines, Line, i - 1);
			if (fabs(p->size - 16) < 0.01 && fabs(p->x1 - RIGHT) < 0.5) {
				printf("  short last line: %s\n", l->text->str);
				c->short_last++;
			}
		}
	}
	single_lines(lines, c);
	for (guint i = 0; i < lines->len;) {
		const Line *l = &g_array_index(lines, Line, i);
		gboolean title = fabs(l->size - 22) < 0.01;
		gboolean cc = fabs(l->size - 14) < 0.01 && g_str_has_prefix(l->text->str, "抄送");
		guint j = i + 1;
		if (!title && !cc) {
			i++;
			continue;
		}
		while (j < lines->len) {
			const Line *a = &g_array_index(lines, Line, j - 1), *b = a + 1;
			if (b->page != a->page || fabs(b->size - a->size) > 0.01 ||
			    fabs(b->y - a->y - pitch) > 0.5)
				break;
			j++;
		}
		audit_block(lines, i, j, title, c);
		i = j;
	}
}

int main(int argc, char **argv)
{
	Counts total = { 0 };
	int status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: anjian-audit FILE.md...\n");
		return EX_USAGE;
	}
	for (int a = 1; a < argc; a++) {
		GError *err = NULL;
		char *text = NULL;
		gsize len;
		AjDocument *doc = NULL;
		GArray *lines = g_array_new(FALSE, TRUE, sizeof(Line));
		AjPdfOptions opts = { .creation_time = 0 };
		Counts c = { 0 };

		printf("%s\n", argv[a]);
		if (!g_file_get_contents(argv[a], &text, &len, &err) ||
		    !(doc = aj_document_parse(text, len, argv[a], &err)) ||
		    !aj_pdf_pages(doc, &opts, collect, lines, &err)) {
			fprintf(stderr, "anjian-audit: %s\n", err->message);
			g_clear_error(&err);
			status = EX_DATAERR;
		} else {
			audit(lines, &c);
		}
		printf("  loose %d, short-last %d, open-ends %d, titles %d, word-breaks %d, single %d\n",
		       c.loose, c.short_last, c.open_ends, c.titles, c.word_breaks, c.single);
		total.loose += c.loose;
		total.short_last += c.short_last;
		total.open_ends += c.open_ends;
		total.titles += c.titles;
		total.word_breaks += c.word_breaks;
		total.single += c.single;
		for (guint i = 0; i < lines->len; i++)
			g_string_free(g_array_index(lines, Line, i).text, TRUE);
		g_array_unref(lines);
		aj_document_free(doc);
		g_free(text);
	}
	printf("all: loose %d, short-last %d, open-ends %d, titles %d, word-breaks %d, single %d\n",
	       total.loose, total.short_last, total.open_ends, total.titles, total.word_breaks,
	       total.single);
	return status;
}
