/* Where the typesetter puts things, read from its page operations
 * (typeset/ops.h) rather than from a PDF: the grid, the margins, the red
 * rule, the 版记 rules, page numbers, table headers on every page,
 * landscape frames, and the text and clusters a glyph run carries.
 * Positions are in points; MM converts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "markdown/document.h"
#include "pdf/pdf.h"
#include "support/grid_text.h"
#include "typeset/ops.h"

#define MM AJ_MM
#define PITCH (225 * MM / 22)
#define CHAR (156 * MM / 28)

/* A line of text as a reader sees it: glyph runs of one page on one
 * baseline of one frame, left to right. */
typedef struct {
	int page;
	AjFrame frame;
	double x0, x1, y; /* first glyph's origin, last glyph's end, baseline: frame space */
	double size;
	int glyphs;
	AjColor color;
	GString *text;
} Line;

typedef struct {
	GPtrArray *pages; /* AjPage */
	GArray *lines;    /* Line */
} Doc;

static gboolean collect(AjPage *page, gpointer data, GError **err)
{
	g_ptr_array_add(data, page);
	return TRUE;
}

/* A run's first glyph origin, its last glyph's end and its baseline. */
static void run_extent(const AjGlyphsOp *g, double *x0, double *x1, double *y)
{
	*x0 = g->x + (double)(g->dx + g->glyphs[0].x) / PANGO_SCALE;
	*x1 = g->x + (double)(g->dx + g->glyphs[g->n_glyphs - 1].x +
			      g->glyphs[g->n_glyphs - 1].advance) /
			     PANGO_SCALE;
	*y = g->y + (double)g->dy / PANGO_SCALE;
}

static void add_run(GArray *lines, int page, const AjFrame *f, const AjGlyphsOp *g)
{
	double x0, x1, y, size = aj_glyphs_size(g);
	Line *l = NULL;

	if (g->n_glyphs == 0)
		return;
	run_extent(g, &x0, &x1, &y);
	for (guint i = 0; i < lines->len; i++) {
		Line *c = &g_array_index(lines, Line, i);
		if (c->page == page && c->frame.kind == f->kind && c->frame.angle == f->angle &&
		    fabs(c->y - y) < 0.01 && x0 >= c->x1 - 0.5 && x0 - c->x1 < 2 * size)
			l = c;
	}
	if (l == NULL) {
		Line n = { .page = page, .frame = *f, .x0 = x0, .x1 = x1, .y = y, .size = size,
			   .color = g->color, .text = g_string_new(NULL) };
		g_array_append_val(lines, n);
		l = &g_array_index(lines, Line, lines->len - 1);
	}
	l->x1 = x1;
	l->glyphs += g->n_glyphs;
	g_string_append_len(l->text, g->text, g->text_len);
}

static Doc typeset(const char *md)
{
	GError *err = NULL;
	AjDocument *doc = aj_document_parse(md, strlen(md), "t.md", &err);
	AjPdfOptions opts = { .creation_time = 0 };
	Doc d = { g_ptr_array_new_with_free_func((GDestroyNotify)aj_page_free),
		  g_array_new(FALSE, TRUE, sizeof(Line)) };

	assert_non_null(doc);
	assert_true(aj_pdf_pages(doc, &opts, collect, d.pages, &err));
	assert_null(err);
	aj_document_free(doc);
	for (guint p = 0; p < d.pages->len; p++) {
		AjPage *page = g_ptr_array_index(d.pages, p);
		AjFrame f = { .kind = AJ_FRAME_PAGE };
		assert_int_equal(page->number, (int)p + 1);
		for (guint i = 0; i < page->ops->len; i++) {
			AjOp *op = &g_array_index(page->ops, AjOp, i);
			if (op->kind == AJ_OP_FRAME)
				f = op->frame;
			else if (op->kind == AJ_OP_GLYPHS)
				add_run(d.lines, page->number, &f, &op->glyphs);
		}
	}
	return d;
}

static void doc_free(Doc *d)
{
	for (guint i = 0; i < d->lines->len; i++)
		g_string_free(g_array_index(d->lines, Line, i).text, TRUE);
	g_array_unref(d->lines);
	g_ptr_array_unref(d->pages);
}

/* Body lines (16 pt) of a page, top to bottom. */
static GArray *body_lines(Doc *d, int page)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(Line));

	for (guint i = 0; i < d->lines->len; i++) {
		Line *l = &g_array_index(d->lines, Line, i);
		if (l->page == page && fabs(l->size - 16) < 0.01 && l->frame.kind == AJ_FRAME_PAGE)
			g_array_append_val(out, *l);
	}
	return out;
}

static const Line *find_line(Doc *d, int page, const char *text)
{
	for (guint i = 0; i < d->lines->len; i++) {
		const Line *l = &g_array_index(d->lines, Line, i);
		if ((page == 0 || l->page == page) && strstr(l->text->str, text) != NULL)
			return l;
	}
	return NULL;
}

#define assert_near(a, b, tol)                                                               \
	do {                                                                                 \
		double a_ = (a), b_ = (b);                                                   \
		if (fabs(a_ - b_) > (tol))                                                   \
			fail_msg("%s = %.3f, expected %.3f ± %.3f", #a, a_, b_, (double)(tol)); \
	} while (0)

/* 22 lines of 28 characters fill the 156 × 225 mm text block whose top
 * left corner is 28 mm from the left and 37 mm from the top. */
static void grid_and_margins(void **state)
{
	char *md = ajt_grid_paragraphs(12);
	Doc d = typeset(md);
	GArray *lines = body_lines(&d, 1);
	double top = 37 * MM;

	assert_int_equal(d.pages->len, 2);
	assert_int_equal(lines->len, 22);
	for (guint i = 0; i < lines->len; i++) {
		const Line *l = &g_array_index(lines, Line, i);
		/* the em box centred on grid line i */
		assert_near(l->y, top + i * PITCH + (PITCH - 16) / 2 + 0.88 * 16, 0.01);
		if (i % 2 == 0) { /* first line of a paragraph: indented 2 characters */
			assert_int_equal(l->glyphs, 26);
			assert_near(l->x0, 28 * MM + 2 * CHAR, 0.05);
		} else {
			assert_int_equal(l->glyphs, 28);
			assert_near(l->x0, 28 * MM, 0.05);
		}
		/* justified: every full line ends on the right edge, 26 mm from the side */
		assert_near(l->x1, 184 * MM, 0.3);
	}
	assert_near(g_array_index(lines, Line, 21).y + 0.12 * 16 + (PITCH - 16) / 2, 262 * MM, 0.01);
	g_array_unref(lines);
	lines = body_lines(&d, 2);
	assert_int_equal(lines->len, 2);
	assert_near(g_array_index(lines, Line, 0).y, top + (PITCH - 16) / 2 + 0.88 * 16, 0.01);
	g_array_unref(lines);
	doc_free(&d);
	g_free(md);
}

/* "— N —" in 14 pt, 7 mm below the text block: odd pages one character
 * from the right edge of the block, even pages one from the left. */
static void page_numbers(void **state)
{
	char *md = ajt_grid_paragraphs(25);
	Doc d = typeset(md);

	assert_int_equal(d.pages->len, 3);
	for (int p = 1; p <= 3; p++) {
		char *label = g_strdup_printf("—\u00a0\u00a0%d\u00a0\u00a0—", p);
		const Line *l = find_line(&d, p, label);
		assert_non_null(l);
		assert_near(l->size, 14, 0.01);
		assert_near(l->y, 262 * MM + 7 * MM + 0.88 * 14, 0.01);
		if (p % 2 == 1)
			assert_near(l->x1, 184 * MM - 14, 0.3);
		else
			assert_near(l->x0, 28 * MM + 14, 0.3);
		g_free(label);
	}
	doc_free(&d);
	g_free(md);
}

/* Stroked paths of a page in its page frame, filtered by colour. */
static GPtrArray *paths(Doc *d, int page, gboolean red)
{
	GPtrArray *out = g_ptr_array_new();
	AjPage *p = g_ptr_array_index(d->pages, page - 1);
	gboolean in_page = TRUE;

	for (guint i = 0; i < p->ops->len; i++) {
		AjOp *op = &g_array_index(p->ops, AjOp, i);
		if (op->kind == AJ_OP_FRAME)
			in_page = op->frame.kind == AJ_FRAME_PAGE;
		if (op->kind == AJ_OP_PATH && in_page && (op->path.color.r > 0.5) == red)
			g_ptr_array_add(out, &op->path);
	}
	return out;
}

/* A rule: one straight horizontal segment; its y, and x from / to. */
static void rule_of(const AjPathOp *p, double *x0, double *x1, double *y)
{
	assert_int_equal(p->n_segs, 2);
	assert_int_equal(p->segs[0].kind, AJ_SEG_MOVE);
	assert_int_equal(p->segs[1].kind, AJ_SEG_LINE);
	assert_near(p->segs[0].y, p->segs[1].y, 0.001);
	*x0 = p->segs[0].x;
	*x1 = p->segs[1].x;
	*y = p->segs[0].y;
}

#define OFFICIAL                                                                             \
	"---\nissuer: 某某市安全生产委员会办公室\nnumber: 某安办〔2026〕12号\n"                \
	"title: 关于加强安全生产工作的通知\nrecipients: 各区安委会\n"                          \
	"date: 2026-04-05\npublicity: public\ncc: 市委办公室，市政府办公室\n"                  \
	"printer: 某某市安全生产委员会办公室\nprint_date: 2026-04-06\n---\n"

/* The 版头: issuer in red, its top 35 mm into the text block; the red rule
 * as wide as the text block, 4 mm below the number. */
static void red_header(void **state)
{
	Doc d = typeset(OFFICIAL "正文。\n");
	GPtrArray *red = paths(&d, 1, TRUE);
	const Line *issuer = find_line(&d, 1, "某某市安全生产委员会办公室");
	const Line *number = find_line(&d, 1, "某安办〔2026〕12号");
	double x0, x1, y;

	assert_non_null(issuer);
	assert_true(issuer->color.r > 0.8 && issuer->color.g < 0.1);
	assert_true(issuer->y > 72 * MM && issuer->y < 72 * MM + issuer->size);
	assert_near((issuer->x0 + issuer->x1) / 2, 106 * MM, 0.5); /* centred */
	assert_non_null(number);
	assert_true(number->color.r < 0.1);
	assert_int_equal(red->len, 1);
	rule_of(g_ptr_array_index(red, 0), &x0, &x1, &y);
	assert_near(x0, 28 * MM, 0.001);
	assert_near(x1 - x0, 156 * MM, 0.001);
	assert_near(((AjPathOp *)g_ptr_array_index(red, 0))->line_width, 1.0, 0.001);
	assert_near(y - (number->y + 0.12 * 16), 4 * MM, 0.01);
	g_ptr_array_unref(red);
	doc_free(&d);
}

/* The 版记 at the foot of the last page: 0.35 mm rule, 抄送 one character
 * in, 0.25 mm rule, printer and date, 0.35 mm rule on the bottom edge of
 * the text block; all 156 mm wide. */
static void imprint_rules(void **state)
{
	Doc d = typeset(OFFICIAL "正文。\n");
	GPtrArray *black = paths(&d, (int)d.pages->len, FALSE);
	const Line *cc = find_line(&d, 0, "抄送：");
	const Line *date = find_line(&d, 0, "2026年4月6日印发");
	const double widths[] = { 0.35 * MM, 0.25 * MM, 0.35 * MM };
	double ys[3];

	assert_int_equal(black->len, 3);
	for (int i = 0; i < 3; i++) {
		double x0, x1;
		const AjPathOp *p = g_ptr_array_index(black, i);
		rule_of(p, &x0, &x1, &ys[i]);
		assert_near(x0, 28 * MM, 0.001);
		assert_near(x1, 184 * MM, 0.001);
		assert_near(p->line_width, widths[i], 0.001);
	}
	assert_near(ys[2], 262 * MM, 0.001);
	assert_near(ys[1] - ys[0], PITCH, 0.01);
	assert_near(ys[2] - ys[1], PITCH, 0.01);
	assert_non_null(cc);
	assert_int_equal(cc->page, (int)d.pages->len);
	assert_near(cc->size, 14, 0.01);
	assert_near(cc->x0, 28 * MM + 14, 0.05);
	assert_true(cc->y > ys[0] && cc->y < ys[1]);
	assert_non_null(date);
	assert_near(date->x1, 184 * MM - 14, 0.3);
	assert_true(date->y > ys[1] && date->y < ys[2]);
	/* printer and date one line of text, the gap one ideographic space
	 * in a cluster with the office's last character (a PDF's reader
	 * then takes the page number under the office after the date) */
	assert_string_equal(date->text->str, "某某市安全生产委员会办公室\u30002026年4月6日印发");
	assert_near(date->x0, 28 * MM + 14, 0.05);
	g_ptr_array_unref(black);
	doc_free(&d);
}

/* Glyph runs on a page, any frame. */
static int runs_on(Doc *d, int page)
{
	int n = 0;

	for (guint i = 0; i < d->lines->len; i++)
		n += g_array_index(d->lines, Line, i).page == page;
	return n;
}

/* GB/T 9704: the 版记 is on the last page, the back of the last sheet — an
 * even page; when a blank page precedes it, neither page is numbered.
 * Bodies of 1 to 40 paragraphs end on every line of pages 1 to 4, so the
 * 版记 shares the body's even page, takes the page after an odd one, or
 * follows a blank page after a full even one. */
static void imprint_on_even_page(void **state)
{
	gboolean shared = FALSE, after_odd = FALSE, after_blank = FALSE;

	for (int n = 1; n <= 40; n++) {
		char *body = ajt_grid_paragraphs(n);
		char *md = g_strconcat(OFFICIAL, body, NULL);
		Doc d = typeset(md);
		int last = (int)d.pages->len;
		const Line *cc = find_line(&d, 0, "抄送：");
		char *label = g_strdup_printf("—\u00a0\u00a0%d\u00a0\u00a0—", last);

		assert_non_null(cc);
		assert_int_equal(cc->page, last);
		if (last % 2 != 0)
			fail_msg("%d paragraphs: the 版记 is on page %d", n, last);
		if (runs_on(&d, last - 1) == 0) {
			/* a blank page (not even a number) before the 版记: neither numbered */
			assert_null(find_line(&d, last, label));
			after_blank = TRUE;
		} else {
			assert_non_null(find_line(&d, last, label));
			if (find_line(&d, last, "安安安") != NULL)
				shared = TRUE;
			else
				after_odd = after_odd || (last - 1) % 2 == 1;
		}
		g_free(label);
		doc_free(&d);
		g_free(md);
		g_free(body);
	}
	assert_true(shared && after_odd && after_blank);
}

/* Lines of a given size, in reading order. */
static GPtrArray *lines_of_size(Doc *d, double size)
{
	GPtrArray *out = g_ptr_array_new();

	for (guint i = 0; i < d->lines->len; i++) {
		Line *l = &g_array_index(d->lines, Line, i);
		if (fabs(l->size - size) < 0.01)
			g_ptr_array_add(out, l);
	}
	return out;
}

/* No break falls inside one of these words. */
static const char *const words[] = { "主体", "责任", "问题", "清单", "整改", "第一批", "专项",
				     "整治", "办公室", "交通运输局", "示范", "企业", "名单",
				     "2026年3月", "2026年第一批", "情况", "通报", "通知", "督查组",
				     "台账", "隐患", "检查", "运输", "监控", "排查", "建立", "危险源",
				     "建设局", "安全", "生产", "承诺书", "覆盖", "电动", "自行车",
				     "明确", "分工", "时间", "节点", "动态", "不到位" };

static void assert_no_word_split(const char *a, const char *b)
{
	char *joint = g_strconcat(a, b, NULL);
	size_t at = strlen(a);

	for (gsize w = 0; w < G_N_ELEMENTS(words); w++)
		for (const char *p = strstr(joint, words[w]); p; p = strstr(p + 1, words[w]))
			if ((size_t)(p - joint) < at && (size_t)(p - joint) + strlen(words[w]) > at)
				fail_msg("\"%s\" broken: %s | %s", words[w], a, b);
	g_free(joint);
}

/* Titles break between words and take the 梯形 (no line longer than the
 * one below) or 菱形 shape, each line a character short of the block a
 * side (GB/T 9704 §7.3.1); 抄送 lines break between names. */
static void title_shapes(void **state)
{
	static const char *const titles[] = {
		"关于落实企业安全生产主体责任问题清单整改工作的通知",
		"关于公布2026年第一批安全生产专项整治示范企业名单的通知",
		"关于2026年3月全市安全生产工作情况的通报",
		"关于进一步加强全市危险化学品企业安全生产专项整治问题清单整改落实"
		"情况督查检查工作的通知",
		"市安委会综合督查组2026年第一批问题清单整改落实情况台账",
	};

	for (gsize t = 0; t < G_N_ELEMENTS(titles); t++) {
		char *md = g_strdup_printf(
			"---\nissuer: 某某市安全生产委员会办公室\ntitle: %s\ndate: 2026-04-05\n"
			"cc: 市委办公室，市人大常委会办公室，市政府办公室，市政协办公室，"
			"市交通运输局，市应急管理局，市生态环境局\n---\n正文。\n",
			titles[t]);
		Doc d = typeset(md);
		GPtrArray *tl = lines_of_size(&d, 22), *cc = lines_of_size(&d, 14);
		GString *all = g_string_new(NULL);

		assert_true(tl->len >= 2);
		for (guint i = 0; i < tl->len; i++) {
			const Line *l = g_ptr_array_index(tl, i);
			double w = l->x1 - l->x0;
			assert_true(w <= 156 * MM - 2 * 22 + 0.5);
			assert_near((l->x0 + l->x1) / 2, 106 * MM, 0.5);
			g_string_append(all, l->text->str);
			if (i > 0) {
				const Line *a = g_ptr_array_index(tl, i - 1);
				assert_no_word_split(a->text->str, l->text->str);
				/* 梯形: a line may be shorter than the one above only
				 * in a 菱形, below the widest middle line */
				if (w < a->x1 - a->x0 - 22 / 4.0 && (i == 1 || tl->len < 3))
					fail_msg("inverted: %s / %s", a->text->str, l->text->str);
			}
		}
		/* every character once, in order */
		{
			GString *plain = g_string_new(NULL);
			for (const char *p = all->str; *p; p = g_utf8_next_char(p))
				if (g_utf8_get_char(p) != 0x2028)
					g_string_append_unichar(plain, g_utf8_get_char(p));
			assert_string_equal(plain->str, titles[t]);
			g_string_free(plain, TRUE);
		}
		for (guint i = 1; i < cc->len; i++) {
			const Line *a = g_ptr_array_index(cc, i - 1), *b = g_ptr_array_index(cc, i);
			if (a->page == b->page && b->y > a->y && strstr(a->text->str, "印发") == NULL)
				assert_no_word_split(a->text->str, b->text->str);
		}
		g_string_free(all, TRUE);
		g_ptr_array_unref(tl);
		g_ptr_array_unref(cc);
		doc_free(&d);
		g_free(md);
	}
}

/* The font family of the first glyph run whose text starts with prefix. */
static char *family_of(Doc *d, const char *prefix)
{
	for (guint p = 0; p < d->pages->len; p++) {
		AjPage *page = g_ptr_array_index(d->pages, p);
		for (guint i = 0; i < page->ops->len; i++) {
			AjOp *op = &g_array_index(page->ops, AjOp, i);
			if (op->kind == AJ_OP_GLYPHS && g_str_has_prefix(op->glyphs.text, prefix)) {
				PangoFontDescription *fd = pango_font_describe(op->glyphs.font);
				char *f = g_strdup(pango_font_description_get_family(fd));
				pango_font_description_free(fd);
				return f;
			}
		}
	}
	return NULL;
}

/* A paragraph opening with （一）…。 sets its heading words in 楷体 (the
 * face of a block quote), the rest in 仿宋. */
static void run_in_headings(void **state)
{
	Doc d = typeset("（一）制定工作方案。各地、各有关部门要结合实际制定具体实施方案。\n\n"
			"> 楷体引文。\n\n一是强化督查检查。各地要高度重视。\n");
	char *head = family_of(&d, "（一）制定工作方案。");
	char *rest = family_of(&d, "各地、各有关部门");
	char *kai = family_of(&d, "楷体引文");
	char *plain = family_of(&d, "一是强化督查检查。各地");

	assert_non_null(head);
	assert_non_null(rest);
	assert_non_null(kai);
	assert_non_null(plain); /* no （一）: one run in one face */
	assert_string_equal(head, kai);
	assert_string_not_equal(rest, kai);
	assert_string_equal(plain, rest);
	g_free(head);
	g_free(rest);
	g_free(kai);
	g_free(plain);
	doc_free(&d);
}

/* Page x of the glyph where text shows in the first run on page 1 that
 * holds run (page frame). */
static double glyph_x(Doc *d, const char *run, const char *text)
{
	AjPage *page = g_ptr_array_index(d->pages, 0);
	AjFrame f = { .kind = AJ_FRAME_PAGE };

	for (guint i = 0; i < page->ops->len; i++) {
		AjOp *op = &g_array_index(page->ops, AjOp, i);
		const char *at;
		if (op->kind != AJ_OP_GLYPHS || !(at = strstr(op->glyphs.text, run)) ||
		    !(at = strstr(at, text)))
			continue;
		for (int c = 0, bytes = 0, glyphs = 0; c < op->glyphs.n_clusters; c++) {
			double x, y;
			if (bytes >= at - op->glyphs.text) {
				aj_glyph_page_pos(&f, &op->glyphs, glyphs, &x, &y);
				return x;
			}
			bytes += op->glyphs.clusters[c].bytes;
			glyphs += op->glyphs.clusters[c].glyphs;
		}
	}
	fail_msg("no glyph of %s", text);
	return 0;
}

typedef struct {
	gunichar c;
	double x, y;
} GlyphAt;

/* Every glyph of a page with its character, in drawing order (page frame). */
static GArray *glyph_positions(Doc *d, int page_no)
{
	AjPage *page = g_ptr_array_index(d->pages, page_no - 1);
	AjFrame f = { .kind = AJ_FRAME_PAGE };
	GArray *out = g_array_new(FALSE, FALSE, sizeof(GlyphAt));

	for (guint i = 0; i < page->ops->len; i++) {
		AjOp *op = &g_array_index(page->ops, AjOp, i);
		const char *p = op->glyphs.text;
		if (op->kind != AJ_OP_GLYPHS)
			continue;
		for (int c = 0, glyphs = 0; c < op->glyphs.n_clusters; c++) {
			GlyphAt g = { .c = g_utf8_get_char(p) };
			aj_glyph_page_pos(&f, &op->glyphs, glyphs, &g.x, &g.y);
			g_array_append_val(out, g);
			p += op->glyphs.clusters[c].bytes;
			glyphs += op->glyphs.clusters[c].glyphs;
		}
	}
	return out;
}

#define ATTACH_FM                                                                            \
	"---\nissuer: 某某市安全生产委员会办公室\ntitle: 关于某事的通知\ndate: 2026-04-05\n"

/* 附件说明: "附件：1．名称" with wrapped lines under the name's first
 * character and "2．" under the 1; a single attachment is "附件：名称" and
 * its page says "附件"; `# 附件` without a number is that attachment. */
static void attachment_notes(void **state)
{
	Doc d = typeset(ATTACH_FM "attachments:\n"
				  "  - 2026年全市安全生产治本攻坚专项行动重点任务分工表及各地区各部门联系人名单\n"
				  "  - 联系人名单\n---\n正文。\n");
	const Line *first = find_line(&d, 1, "附件：1．2026年");
	const Line *wrapped = find_line(&d, 1, "各部门联系人名单");
	const Line *second = find_line(&d, 1, "2．联系人名单");

	assert_non_null(first);
	assert_non_null(wrapped);
	assert_non_null(second);
	assert_null(find_line(&d, 0, ". "));
	assert_near(first->x0, 28 * MM + 2 * CHAR, 0.05);
	assert_near(second->x0, 28 * MM + 5 * CHAR, 0.3);
	assert_near(wrapped->x0, glyph_x(&d, "2．联系人名单", "联系人名单"), 0.3);
	assert_true(wrapped->x0 > second->x0 + 0.3 * CHAR);
	doc_free(&d);

	d = typeset(ATTACH_FM "---\n正文。\n\n# 附件 联系人名单\n\n名单。\n");
	assert_non_null(find_line(&d, 1, "附件：联系人名单"));
	{
		const Line *label = find_line(&d, 2, "附件");
		assert_non_null(label);
		assert_string_equal(label->text->str, "附件");
		assert_near(label->x0, 28 * MM, 0.05);
	}
	assert_null(find_line(&d, 0, "附件1"));
	assert_null(find_line(&d, 0, "、附件"));
	doc_free(&d);
}

/* 署名 and 成文日期 never stand alone on a page (GB/T 9704 §7.3.5.5): when
 * they would not fit after the body's last paragraph, its last two lines
 * go over with them.  Bodies of 1 to 30 paragraphs end on every line, with
 * and without an attachment after a thematic break. */
static void signature_with_body(void **state)
{
	/* also when a thematic break announces the attachment after the body */
	for (int n = 1; n <= 60; n++) {
		char *body = ajt_grid_paragraphs(n > 30 ? n - 30 : n);
		char *md = g_strconcat(OFFICIAL, body, n > 30 ? "***\n\n# 附件1 名单\n\n甲。\n" : "",
				       NULL);
		Doc d = typeset(md);
		const Line *date = find_line(&d, 0, "2026年4月5日");
		GArray *lines;
		int with = 0;

		assert_non_null(date);
		lines = body_lines(&d, date->page);
		for (guint i = 0; i < lines->len; i++)
			with += strstr(g_array_index(lines, Line, i).text->str, "安安") != NULL;
		if (with < 2)
			fail_msg("%d paragraphs: the signature's page %d has %d body lines", n,
				 date->page, with);
		g_array_unref(lines);
		doc_free(&d);
		g_free(md);
		g_free(body);
	}
}

/* No page holds a single line of a paragraph that runs over it: neither
 * its first line last on the page nor its last line first on the next.
 * Paragraphs of three lines after 0 to 2 one-line ones put every line of
 * a paragraph before a page break. */
static void no_single_line_at_page_break(void **state)
{
	int breaks = 0;

	for (int lead = 0; lead < 3; lead++) {
		GString *md = g_string_new(NULL);
		Doc d;
		GArray *all = g_array_new(FALSE, FALSE, sizeof(Line));

		for (int i = 0; i < lead; i++)
			g_string_append(md, "安安安。\n\n");
		for (int i = 0; i < 20; i++) {
			for (int k = 0; k < 74; k++)
				g_string_append(md, "安");
			g_string_append(md, "。\n\n");
		}
		d = typeset(md->str);
		for (guint p = 1; p <= d.pages->len; p++) {
			GArray *lines = body_lines(&d, (int)p);
			g_array_append_vals(all, lines->data, lines->len);
			g_array_unref(lines);
		}
		for (guint i = 1; i < all->len; i++) {
			const Line *a = &g_array_index(all, Line, i - 1), *b = a + 1;
			const Line *c = i + 1 < all->len ? b + 1 : NULL;
			gboolean start = a->x0 > 28 * MM + CHAR; /* indented: a first line */
			if (a->page == b->page)
				continue;
			breaks++;
			if (start)
				fail_msg("lead %d: a first line alone at the foot of page %d", lead,
					 a->page);
			if (b->x1 < 184 * MM - 0.5 && (c == NULL || c->x0 > 28 * MM + CHAR))
				fail_msg("lead %d: a last line alone at the top of page %d", lead,
					 b->page);
		}
		g_array_unref(all);
		doc_free(&d);
		g_string_free(md, TRUE);
	}
	assert_true(breaks >= 6);
}

/* An ASCII "<" never ends a line, a ">" never starts one (W3C clreq, as
 * for full-width brackets). */
static void angle_brackets_kept(void **state)
{
	GString *md = g_string_new(NULL);
	Doc d;

	for (int i = 0; i < 53; i++)
		g_string_append(md, "安");
	g_string_append(md, "<名称>安安。\n\n");
	for (int i = 0; i < 52; i++)
		g_string_append(md, "安");
	g_string_append(md, "名称>安安。\n");
	d = typeset(md->str);
	for (guint i = 0; i < d.lines->len; i++) {
		const char *t = g_array_index(d.lines, Line, i).text->str;
		if (g_str_has_suffix(t, "<") || t[0] == '>')
			fail_msg("line %s", t);
	}
	assert_non_null(find_line(&d, 1, "<名"));
	assert_non_null(find_line(&d, 1, "称>"));
	doc_free(&d);
	g_string_free(md, TRUE);
}

/* Punctuation compression (标点挤压, W3C clreq): a line that cannot take
 * its next character and the "，" after it does not spread its
 * characters (25 over 26 slots, 4 % loose); its marks give their blank —
 * the line-end "，" half an em inside the block, a "，" inside the line
 * 3/16 em (less than the fifth of an em that splits pdftotext's words) —
 * and its characters close up a little for the rest. */
static void punctuation_squeezed(void **state)
{
	Doc d = typeset("安安安安安安安安安安安安，安安安安安安安安安安安安任，安安安安安安安安安安。\n");
	GArray *lines = body_lines(&d, 1);
	const Line *first = &g_array_index(lines, Line, 0);
	GArray *at = glyph_positions(&d, 1);
	guint c = 0;

	assert_int_equal(lines->len, 2);
	assert_string_equal(first->text->str, "安安安安安安安安安安安安，安安安安安安安安安安安安任，");
	/* no wider than the grid; its last mark's box ends in the block */
	assert_true((first->x1 - first->x0) / first->glyphs <= CHAR);
	assert_true(first->x1 <= 184 * MM + 0.05);
	/* the inner "，" keeps its ink where it was and gives 3 pt */
	while (g_array_index(at, GlyphAt, c).c != 0xFF0C)
		c++;
	assert_near(g_array_index(at, GlyphAt, c).x - g_array_index(at, GlyphAt, c - 1).x,
		    CHAR - 0.4, 0.45);
	assert_near(g_array_index(at, GlyphAt, c + 1).x - g_array_index(at, GlyphAt, c).x,
		    CHAR - 3 - 0.4, 0.45);
	g_array_unref(at);
	g_array_unref(lines);
	doc_free(&d);
}

/* No paragraph ends in a line of one or two characters when squeezing
 * the lines above takes them in ("…未同比上|升。"). */
static void short_last_line_pulled_up(void **state)
{
	Doc d = typeset("太仓市：执法检查次数未同比上升、行政处罚次数未同比上升。\n\n"
			"安安安安安安安安安安安安安安安安安安安安安安安安安安安安安"
			"，安安安安安安安安安安，安安安安安安安安安安安安安安。\n");
	GArray *lines = body_lines(&d, 1);

	assert_int_equal(lines->len, 3);
	for (guint i = 0; i < lines->len; i++) {
		const Line *l = &g_array_index(lines, Line, i);
		assert_true(l->glyphs > 2);
		assert_true(l->x1 <= 184 * MM + 0.3);
	}
	g_array_unref(lines);
	doc_free(&d);
}

/* Bookmarks: the title on page 1 and each attachment on its page. */
static void title_and_attachment_bookmarks(void **state)
{
	Doc d = typeset(OFFICIAL "正文。\n\n# 附件1 名单甲\n\n甲。\n\n# 附件2 名单乙\n\n乙。\n");
	const char *want[] = { "关于加强安全生产工作的通知", "名单甲", "名单乙" };
	int found = 0;

	for (guint p = 0; p < d.pages->len; p++) {
		AjPage *page = g_ptr_array_index(d.pages, p);
		for (guint i = 0; i < page->ops->len; i++) {
			AjOp *op = &g_array_index(page->ops, AjOp, i);
			if (op->kind != AJ_OP_OUTLINE)
				continue;
			assert_true(found < 3);
			assert_string_equal(op->outline.title, want[found]);
			assert_int_equal(op->outline.level, 1);
			if (found == 0)
				assert_int_equal(page->number, 1);
			found++;
		}
	}
	assert_int_equal(found, 3);
	doc_free(&d);
}

static char *table(int rows, int cols)
{
	GString *s = g_string_new("表1　测试表\n\n|");
	for (int c = 0; c < cols; c++)
		g_string_append_printf(s, " 第%d列说明 |", c + 1);
	g_string_append(s, "\n|");
	for (int c = 0; c < cols; c++)
		g_string_append(s, "---|");
	g_string_append_c(s, '\n');
	for (int r = 0; r < rows; r++) {
		g_string_append(s, "|");
		for (int c = 0; c < cols; c++)
			g_string_append_printf(s, " 某某安全生产有限公司%d |", r + 1);
		g_string_append_c(s, '\n');
	}
	return g_string_free(s, FALSE);
}

/* The first line of a page's table frame (smallest y there). */
static const Line *top_of_frame(Doc *d, int page)
{
	const Line *best = NULL;

	for (guint i = 0; i < d->lines->len; i++) {
		const Line *l = &g_array_index(d->lines, Line, i);
		if (l->page == page && l->frame.kind != AJ_FRAME_PAGE && (!best || l->y < best->y))
			best = l;
	}
	return best;
}

/* 署名 and 成文日期 never stand alone after a table either (GB/T 9704
 * §7.3.5.5): after a landscape table they follow on its page in the
 * turned text block, the signature two characters from its right edge and
 * the 附注 under them; after an upright table that fills its page, its last
 * row goes over with them.  Tables of 1 to 30 rows, upright and landscape. */
static void signature_after_table(void **state)
{
	for (int rows = 1; rows <= 30; rows++) {
		for (int wide = 0; wide < 2; wide++) {
			char *t = table(rows, wide ? 12 : 3);
			char *md = g_strconcat(OFFICIAL, "正文。\n\n", t, NULL);
			Doc d = typeset(md);
			const Line *date = find_line(&d, 0, "2026年4月5日");
			const Line *sig = NULL, *note = find_line(&d, 0, "（此件主动公开）");
			int cells = 0;

			assert_non_null(date);
			assert_non_null(note);
			assert_int_equal(note->page, date->page);
			for (guint i = 0; i < d.lines->len; i++) {
				const Line *l = &g_array_index(d.lines, Line, i);
				if (l->page != date->page)
					continue;
				cells += l->frame.kind == AJ_FRAME_SHIFT && l->size < 13;
				if (fabs(l->size - 16) < 0.01 &&
				    strcmp(l->text->str, "某某市安全生产委员会办公室") == 0)
					sig = l;
			}
			if (cells == 0)
				fail_msg("%d rows%s: the closing alone on page %d", rows,
					 wide ? ", landscape" : "", date->page);
			assert_non_null(sig);
			assert_int_equal(sig->frame.kind, date->frame.kind);
			if (wide) {
				AjPage *page = g_ptr_array_index(d.pages, date->page - 1);
				assert_near(page->width, 297 * MM, 0.001);
				assert_int_equal(date->frame.kind, AJ_FRAME_SHIFT);
				assert_near(sig->x1, 28 * MM + 225 * MM - 2 * CHAR, 0.3);
				assert_true(note->y > date->y);
			}
			doc_free(&d);
			g_free(md);
			g_free(t);
		}
	}
}

/* A table over several pages repeats its header row at the top of each. */
static void table_header_on_every_page(void **state)
{
	char *md = table(90, 3);
	Doc d = typeset(md);

	assert_true(d.pages->len >= 3);
	assert_non_null(find_line(&d, 1, "测试表")); /* the caption, once */
	assert_null(find_line(&d, 2, "测试表"));
	for (int p = 2; p <= (int)d.pages->len; p++) {
		const Line *top = top_of_frame(&d, p);
		assert_non_null(top);
		assert_non_null(strstr(top->text->str, "第1列说明"));
		assert_int_equal(top->frame.kind, AJ_FRAME_SHIFT);
		assert_near(top->frame.x, 28 * MM, 0.001);
		assert_near(top->frame.y, 37 * MM, 0.001);
		assert_true(top->y > 0 && top->y < 20);
	}
	doc_free(&d);
	g_free(md);
}

/* Header cells are centred vertically: a one-line head beside a head of
 * three lines sits on its middle line, one of two lines half a line down. */
static void table_heads_centred(void **state)
{
	Doc d = typeset("| 序号 | 本月受理举报件数（件） | 本月办结举报件数（件） | 办结率（%） "
			"| 同比增减幅度（%） | 环比增减幅度（%） | 奖励金额（元） |\n"
			"|---|---|---|---|---|---|---|\n"
			"| 1 | 12 | 3 | 25.0 | 12.5 | -3.5 | 1,200 |\n");
	const Line *one = find_line(&d, 1, "序号");
	const Line *top = find_line(&d, 1, "本月受理");
	const Line *mid = find_line(&d, 1, "报件数"); /* the second of three lines */
	const Line *two = find_line(&d, 1, "办结率");

	assert_non_null(one);
	assert_non_null(top);
	assert_non_null(mid);
	assert_non_null(two);
	assert_true(mid->y > top->y + 1);
	assert_near(one->y, mid->y, 0.3);
	assert_near(two->y, (top->y + mid->y) / 2, 0.3);
	doc_free(&d);
}

/* No table cell ends with a line of one character when balancing its
 * lines avoids it ("…问题突|出"). */
static void table_cells_balanced(void **state)
{
	Doc d = typeset("| 序号 | 问题 | 责任单位 | 整改措施 | 整改时限 | 最新进展 | 状态 |\n"
			"|---|---|---|---|---|---|---|\n"
			"| 3 | 危险化学品重大危险源在线监控覆盖不全 | 市应急管理局 | "
			"制定专项整治方案，明确责任分工和时间节点 | 2025年9月6日 | "
			"已完成排查，发现问题已全部建立台账（2025-05-15） | 逾期未完成 |\n"
			"| 4 | 老旧小区电动自行车违规充电问题突出 | 市消防救援支队 | "
			"纳入年度考核，实行月调度、季通报 | 2025年7月8日 | "
			"已召开专题会议部署整改工作（2025-03-22） | 已完成 |\n");
	int frame_lines = 0;

	for (guint i = 0; i < d.lines->len; i++) {
		const Line *l = &g_array_index(d.lines, Line, i);
		if (l->frame.kind == AJ_FRAME_PAGE)
			continue;
		frame_lines++;
		if (l->glyphs < 2)
			fail_msg("a one-character line in a cell: %s", l->text->str);
	}
	assert_true(frame_lines > 10);
	doc_free(&d);
}

/* A wrapped cell breaks between words ("执法|检查", not "执法检|查";
 * "城乡|建设局") when that takes no more lines. */
static void table_cells_break_between_words(void **state)
{
	Doc d = typeset("| 序号 | 问题 | 责任单位 | 整改措施 | 整改时限 | 最新进展 | 状态 |\n"
			"|---|---|---|---|---|---|---|\n"
			"| 1 | 危险化学品重大危险源在线监控覆盖不全 | 市应急管理局 | "
			"制定专项整治方案，明确责任分工和时间节点 | 2025年9月6日 | "
			"已完成排查，发现问题已全部建立台账（2025-05-15） | 逾期未完成 |\n"
			"| 3 | 危险货物道路运输企业动态监控不到位 | 市交通运输局 | "
			"开展全覆盖执法检查，建立问题隐患和整改责任清单 | 2026年4月20日 | "
			"已完成排查，发现问题已全部建立台账（2026-03-15） | 正在推进 |\n"
			"| 4 | 工贸企业有限空间作业审批制度执行不严 | 市住房和城乡建设局 | "
			"督促企业落实安全生产主体责任，签订承诺书 | 2026年4月20日 | "
			"本月受理举报问题已全部办结 | 正在推进 |\n");
	int pairs = 0;

	for (guint i = 0; i + 1 < d.lines->len; i++) {
		const Line *a = &g_array_index(d.lines, Line, i), *b = a + 1;
		if (a->frame.kind == AJ_FRAME_PAGE || b->frame.kind == AJ_FRAME_PAGE ||
		    fabs(a->x0 - b->x0) > 0.01 || b->y <= a->y || b->y - a->y > 2 * a->size)
			continue;
		assert_no_word_split(a->text->str, b->text->str);
		pairs++;
	}
	assert_true(pairs >= 3);
	doc_free(&d);
}

/* Pairs of a wrapped cell's lines (same column, one line apart) split no
 * word of the list and end in no one-character line; returns the pairs.
 * A cell's line is glyph runs that touch (Line merges runs a gap apart,
 * which joins neighbouring cells). */
static int cell_lines_keep_words(Doc *d)
{
	GArray *cells = g_array_new(FALSE, TRUE, sizeof(Line));
	int pairs = 0;

	for (guint p = 0; p < d->pages->len; p++) {
		AjPage *page = g_ptr_array_index(d->pages, p);
		gboolean table = FALSE;
		for (guint i = 0; i < page->ops->len; i++) {
			AjOp *op = &g_array_index(page->ops, AjOp, i);
			const AjGlyphsOp *g = &op->glyphs;
			Line *last = cells->len ? &g_array_index(cells, Line, cells->len - 1) : NULL;
			double x0, x1, y;
			if (op->kind == AJ_OP_FRAME)
				table = op->frame.kind == AJ_FRAME_SHIFT;
			if (op->kind != AJ_OP_GLYPHS || !table || g->n_glyphs == 0)
				continue;
			run_extent(g, &x0, &x1, &y);
			if (last == NULL || fabs(last->y - y) > 0.01 || fabs(x0 - last->x1) > 0.5) {
				Line n = { .page = page->number, .x0 = x0, .y = y,
					   .size = aj_glyphs_size(g), .text = g_string_new(NULL) };
				g_array_append_val(cells, n);
				last = &g_array_index(cells, Line, cells->len - 1);
			}
			last->x1 = x1;
			last->glyphs += g->n_glyphs;
			g_string_append_len(last->text, g->text, g->text_len);
		}
	}
	for (guint i = 0; i + 1 < cells->len; i++) {
		const Line *a = &g_array_index(cells, Line, i), *b = a + 1;
		if (fabs(a->x0 - b->x0) > 0.01 || b->y <= a->y || b->y - a->y > 2 * a->size)
			continue;
		assert_no_word_split(a->text->str, b->text->str);
		if (b->glyphs < 2)
			fail_msg("a one-character line in a cell: %s | %s", a->text->str,
				 b->text->str);
		pairs++;
	}
	for (guint i = 0; i < cells->len; i++)
		g_string_free(g_array_index(cells, Line, i).text, TRUE);
	g_array_unref(cells);
	return pairs;
}

/* The committee's ledgers as the sample month sets them (landscape, 12 pt):
 * words the dictionary splits (整|改, 电|动, 监|控) stay whole, a cell
 * takes a line more when its row is that tall anyway ("明确责任分工和时间"),
 * and a conjunction may end a line. */
static void table_cells_keep_words(void **state)
{
	static const char *const ledgers[] = {
		"| 序号 | 问题 | 责任单位 | 整改措施 | 整改时限 | 最新进展 | 状态 |\n"
		"|---:|:---|:---|:---|:---|:---|:---|\n"
		"| 1 | 工贸企业有限空间作业审批制度执行不严 | 市应急管理局 | "
		"制定专项整治方案，明确责任分工和时间节点 | 2026年4月20日 | — | 正在推进 |\n"
		"| 2 | 建筑工地高处作业防护设施缺失 | 市住房和城乡建设局 | — | 长期坚持 | — | "
		"常态长效 |\n"
		"| 3 | 危险货物道路运输企业动态监控不到位 | 市交通运输局 | "
		"开展全覆盖执法检查，建立问题隐患和整改责任清单 | 2026年4月20日 | "
		"已完成排查，发现问题已全部建立台账（2026-03-15） | 正在推进 |\n",
		"| 序号 | 问题 | 责任单位 | 整改措施 | 整改时限 | 最新进展 | 状态 |\n"
		"|---:|:---|:---|:---|:---|:---|:---|\n"
		"| 3 | 危险化学品重大危险源在线监控覆盖不全 | 市应急管理局 | "
		"制定专项整治方案，明确责任分工和时间节点 | 2025年9月6日 | "
		"已完成排查，发现问题已全部建立台账（2025-05-15） | 逾期未完成 |\n"
		"| 4 | 老旧小区电动自行车违规充电问题突出 | 市消防救援支队 | "
		"纳入年度考核，实行月调度、季通报 | 2025年7月8日 | "
		"已召开专题会议部署整改工作（2025-03-22） | 已完成 |\n"
		"| 5 | 城镇燃气管道老化更新改造滞后 | 市住房和城乡建设局 | "
		"纳入年度考核，实行月调度、季通报 | 2025年7月8日 | — | 已完成 |\n",
	};

	for (gsize k = 0; k < G_N_ELEMENTS(ledgers); k++) {
		Doc d = typeset(ledgers[k]);
		int pairs = cell_lines_keep_words(&d);
		if (pairs < 8)
			fail_msg("ledger %d: %d pairs of cell lines", (int)k, pairs);
		doc_free(&d);
	}
}

/* A table too wide for the upright block is set on a landscape page
 * (297 × 210 mm): the portrait sheet turned a quarter clockwise, so the
 * table's head faces the left edge of the sheet on odd and even pages
 * alike (GB/T 9704 §8: the binding on odd pages, the outer edge on even
 * ones) and its rows read upright, row by row.  The frame is the text
 * block as it lies on the turned sheet; the page number stays where it is
 * on the portrait sheet, in a frame turned with it. */
static void landscape_frames(void **state)
{
	char *md = table(40, 12);
	Doc d = typeset(md);
	gboolean seen[2] = { FALSE, FALSE };

	assert_true(d.pages->len >= 2);
	for (guint p = 0; p < d.pages->len; p++) {
		AjPage *page = g_ptr_array_index(d.pages, p);
		gboolean table_frame = FALSE;
		for (guint i = 0; i < page->ops->len; i++) {
			AjOp *op = &g_array_index(page->ops, AjOp, i);
			if (op->kind != AJ_OP_FRAME || op->frame.kind != AJ_FRAME_SHIFT)
				continue;
			assert_near(op->frame.x, 297 * MM - 262 * MM, 0.001);
			assert_near(op->frame.y, 28 * MM, 0.001);
			assert_near(op->frame.width, 225 * MM, 0.001);
			assert_near(op->frame.height, 156 * MM, 0.001);
			table_frame = TRUE;
		}
		if (!table_frame)
			continue;
		assert_near(page->width, 297 * MM, 0.001);
		assert_near(page->height, 210 * MM, 0.001);
		{
			char *label = g_strdup_printf("—\u00a0\u00a0%d\u00a0\u00a0—", page->number);
			const Line *n = find_line(&d, page->number, label);
			double x0, y0, x1, y1;
			assert_non_null(n);
			assert_int_equal(n->frame.kind, AJ_FRAME_TURNED);
			/* on the portrait sheet: 7 mm below the block, one character in */
			assert_near(n->y, 269 * MM + 0.88 * 14, 0.01);
			if (page->number % 2 == 1)
				assert_near(n->x1, 184 * MM - 14, 0.3);
			else
				assert_near(n->x0, 28 * MM + 14, 0.3);
			/* and that sheet turned: its bottom edge is the left edge */
			aj_frame_to_page(&n->frame, n->x0, n->y, &x0, &y0);
			aj_frame_to_page(&n->frame, n->x1, n->y, &x1, &y1);
			assert_near(x0, 297 * MM - n->y, 0.01);
			assert_near(y0, n->x0, 0.01);
			assert_near(x1, x0, 0.01);
			assert_true(y1 > y0);
			g_free(label);
		}
		seen[page->number % 2] = TRUE;
	}
	assert_true(seen[0] && seen[1]);
	doc_free(&d);
	g_free(md);
}

/* A glyph run carries its characters and the clusters that map them to
 * glyphs (what text extraction and an OFD TextCode need); a link is an
 * area in page space over its text; a refused link is none. */
static void runs_carry_text_and_links(void **state)
{
	Doc d = typeset("安全 Safe 生产 [网站](https://example.org/) [坏](javascript:x)\n");
	AjPage *page = g_ptr_array_index(d.pages, 0);
	int links = 0;
	const Line *l = find_line(&d, 1, "安全");

	assert_non_null(l);
	assert_non_null(strstr(l->text->str, "安全 Safe 生产 网站 坏"));
	for (guint i = 0; i < page->ops->len; i++) {
		AjOp *op = &g_array_index(page->ops, AjOp, i);
		if (op->kind == AJ_OP_GLYPHS) {
			int bytes = 0, glyphs = 0;
			for (int c = 0; c < op->glyphs.n_clusters; c++) {
				bytes += op->glyphs.clusters[c].bytes;
				glyphs += op->glyphs.clusters[c].glyphs;
			}
			assert_int_equal(bytes, op->glyphs.text_len);
			assert_int_equal(glyphs, op->glyphs.n_glyphs);
			for (int k = 1; k < op->glyphs.n_glyphs; k++)
				assert_true(op->glyphs.glyphs[k].x >= op->glyphs.glyphs[k - 1].x);
		} else if (op->kind == AJ_OP_LINK) {
			links++;
			assert_string_equal(op->link.uri, "https://example.org/");
			assert_true(op->link.x > 28 * MM && op->link.x + op->link.width < 184 * MM);
			assert_near(op->link.height, PITCH, 0.01);
		}
	}
	assert_int_equal(links, 1);
	doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grid_and_margins),
		cmocka_unit_test(page_numbers),
		cmocka_unit_test(red_header),
		cmocka_unit_test(imprint_rules),
		cmocka_unit_test(imprint_on_even_page),
		cmocka_unit_test(title_shapes),
		cmocka_unit_test(run_in_headings),
		cmocka_unit_test(attachment_notes),
		cmocka_unit_test(signature_with_body),
		cmocka_unit_test(angle_brackets_kept),
		cmocka_unit_test(no_single_line_at_page_break),
		cmocka_unit_test(punctuation_squeezed),
		cmocka_unit_test(short_last_line_pulled_up),
		cmocka_unit_test(title_and_attachment_bookmarks),
		cmocka_unit_test(table_header_on_every_page),
		cmocka_unit_test(signature_after_table),
		cmocka_unit_test(landscape_frames),
		cmocka_unit_test(table_heads_centred),
		cmocka_unit_test(table_cells_balanced),
		cmocka_unit_test(table_cells_break_between_words),
		cmocka_unit_test(table_cells_keep_words),
		cmocka_unit_test(runs_carry_text_and_links),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
