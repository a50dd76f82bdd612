/* Block nodes of the body: headings with GB/T 9704 numbering, paragraphs,
 * lists, quotes, code, rules; tables and figures go to their own files. */
#include <string.h>

#include "markdown/conventions.h"
#include "markdown/document.h"
#include "typeset/state.h"

char *aj_cn_number(int n)
{
	static const char *const d[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	if (n <= 0 || n > 99)
		return g_strdup_printf("%d", n);
	if (n < 10)
		return g_strdup(d[n]);
	return g_strdup_printf("%s十%s", n >= 20 ? d[n / 10] : "", d[n % 10]);
}

void aj_outline_add(AjTs *ts, int level, const char *text, double y)
{
	AjOutlineOp *o;
	double px = AJ_TB_X, py = y;

	if (!ts->page_open)
		aj_ts_begin_page(ts);
	if (ts->frame.kind != AJ_FRAME_PAGE)
		aj_frame_to_page(&ts->frame, 0, y, &px, &py);
	o = &aj_page_add(ts->cur, AJ_OP_OUTLINE)->outline;
	*o = (AjOutlineOp){ .level = CLAMP(level, 1, 4), .title = g_strdup(text), .x = px,
			    .y = py };
}

static gboolean starts_with_cn_numeral(const char *p, const char *close)
{
	const char *q = p;
	while (*q) {
		gunichar c = g_utf8_get_char(q);
		if (!g_utf8_strchr("一二三四五六七八九十百零", -1, c))
			break;
		q = g_utf8_next_char(q);
	}
	return q > p && g_str_has_prefix(q, close);
}

static gboolean starts_with_digits(const char *p, const char *const *closes)
{
	const char *q = p;
	while (g_ascii_isdigit(*q))
		q++;
	if (q == p)
		return FALSE;
	for (int i = 0; closes[i]; i++)
		if (g_str_has_prefix(q, closes[i]))
			return TRUE;
	return FALSE;
}

/* TRUE when the heading text already carries its number ("一、", "（一）",
 * "1.", "（1）"), so the typesetter does not add another. */
static gboolean has_number(int level, const char *t)
{
	static const char *const dot[] = { ".", "．", "、", NULL };
	static const char *const paren[] = { "）", ")", NULL };
	switch (level) {
	case 1:
		return starts_with_cn_numeral(t, "、");
	case 2:
		return (g_str_has_prefix(t, "（") && starts_with_cn_numeral(t + 3, "）")) ||
		       (g_str_has_prefix(t, "(") && starts_with_cn_numeral(t + 1, ")"));
	case 3:
		return starts_with_digits(t, dot);
	default:
		return (g_str_has_prefix(t, "（") && starts_with_digits(t + 3, paren)) ||
		       (g_str_has_prefix(t, "(") && starts_with_digits(t + 1, paren));
	}
}

static char *heading_label(AjTs *ts, int level)
{
	int n;
	char *cn, *label;

	ts->heading_no[level - 1]++;
	for (int j = level; j < 4; j++)
		ts->heading_no[j] = 0;
	n = ts->heading_no[level - 1];
	switch (level) {
	case 1:
		cn = aj_cn_number(n);
		label = g_strconcat(cn, "、", NULL);
		g_free(cn);
		return label;
	case 2:
		cn = aj_cn_number(n);
		label = g_strconcat("（", cn, "）", NULL);
		g_free(cn);
		return label;
	case 3:
		return g_strdup_printf("%d.", n);
	default:
		return g_strdup_printf("（%d）", n);
	}
}

/* The table right after a heading (maybe after its caption), or NULL. */
static cmark_node *next_table(cmark_node *h)
{
	cmark_node *n = cmark_node_next(h);
	const char *type = n ? cmark_node_get_type_string(n) : NULL;

	if (type && strcmp(type, "table") == 0)
		return n;
	return n && aj_md_is_table_caption(n) ? cmark_node_next(n) : NULL;
}

static void set_heading(AjTs *ts, cmark_node *h, const AjBlockCtx *ctx)
{
	static const AjFontRole faces[] = { AJ_FONT_HEI, AJ_FONT_KAI, AJ_FONT_FANG, AJ_FONT_FANG };
	int level = cmark_node_get_heading_level(h) - ts->heading_shift;
	char *plain = aj_document_node_text(h);
	AjParaStyle st = aj_para_body();
	AjInline in;
	char *label = NULL, *outline;
	cmark_node *table;

	level = CLAMP(level, 1, 4);
	aj_inline_init(&in);
	g_strstrip(plain);
	if (!has_number(level, plain)) {
		label = heading_label(ts, level);
		aj_inline_append(&in, label, (int)strlen(label));
	} else {
		ts->heading_no[level - 1]++;
		for (int j = level; j < 4; j++)
			ts->heading_no[j] = 0;
	}
	aj_inline_append_nodes(&in, h);
	st.role = faces[level - 1];
	st.margin = ctx->margin;
	outline = g_strconcat(label ? label : "", plain, NULL);
	table = next_table(h);
	if (table && ctx->margin == 0 && aj_table_is_landscape(ts, table)) {
		/* The heading opens the landscape page of its table. */
		g_free(ts->held_heading);
		g_free(ts->held_outline);
		ts->held_heading = g_strdup(in.text->str);
		ts->held_outline = outline;
		ts->held_role = st.role;
		ts->held_level = level;
		goto done;
	}
	/* Keep a heading with the first line of what follows it, or with the
	 * caption and head of a table. */
	if (aj_ts_lines_left(ts) < (table ? 5 : 2))
		aj_ts_begin_page(ts);
	if (!ts->page_open)
		aj_ts_begin_page(ts);
	aj_outline_add(ts, level, outline, ts->y);
	aj_para_set(ts, &in, &st);
	g_free(outline);
done:
	g_free(label);
	g_free(plain);
	aj_inline_clear(&in);
}

/* A paragraph opening with （一）…。 carries a run-in heading, set in 楷体
 * up to its first 。 as the committee's notices do ("（一）制定工作方案。
 * 各地、各有关部门…"); a heading longer than a line is ordinary text. */
static void run_in_heading(AjInline *in, double size)
{
	const char *t = in->text->str, *stop;
	PangoFontDescription *d;
	PangoAttribute *a;

	if (!g_str_has_prefix(t, "（") || !starts_with_cn_numeral(t + 3, "）"))
		return;
	stop = strstr(t, "。");
	if (stop == NULL || g_utf8_strlen(t, stop - t) >= AJ_CHARS)
		return;
	d = aj_font_desc(AJ_FONT_KAI, size);
	a = pango_attr_font_desc_new(d);
	a->start_index = 0;
	a->end_index = (guint)(stop - t) + strlen("。");
	pango_attr_list_change(in->attrs, a);
	pango_font_description_free(d);
}

static void set_paragraph(AjTs *ts, cmark_node *p, const AjBlockCtx *ctx, const char *label)
{
	AjParaStyle st = aj_para_body();
	AjInline in;
	cmark_node *img = label ? NULL : aj_md_figure_image(p);

	if (img) {
		aj_figure_set(ts, img);
		return;
	}
	aj_inline_init(&in);
	if (label)
		aj_inline_append(&in, label, (int)strlen(label));
	aj_inline_append_nodes(&in, p);
	if (label == NULL && ctx->role == AJ_FONT_FANG)
		run_in_heading(&in, st.size);
	st.role = ctx->role;
	st.margin = ctx->margin;
	if (in.text->len > 0)
		aj_para_set(ts, &in, &st);
	aj_inline_clear(&in);
}

static void set_code(AjTs *ts, cmark_node *code, const AjBlockCtx *ctx)
{
	AjParaStyle st = { .role = AJ_FONT_MONO, .size = 12, .margin = ctx->margin + 2 * AJ_CHAR,
			   .align = PANGO_ALIGN_LEFT, .grid = TRUE };
	const char *lit = cmark_node_get_literal(code);
	char **lines = g_strsplit(lit ? lit : "", "\n", -1);
	int n = (int)g_strv_length(lines);

	if (n > 0 && lines[n - 1][0] == '\0')
		n--; /* the final newline */
	for (int i = 0; i < n; i++)
		aj_para_set_text(ts, lines[i][0] ? lines[i] : " ", &st);
	g_strfreev(lines);
}

static void set_rule(AjTs *ts, const AjBlockCtx *ctx)
{
	double top = aj_ts_next_line(ts), y = top + AJ_PITCH / 2;

	aj_ts_rule(ts, AJ_TB_X + AJ_TB_W / 4, y, AJ_TB_X + AJ_TB_W * 3 / 4, y, 0.5, AJ_BLACK);
}

static void set_list(AjTs *ts, cmark_node *list, const AjBlockCtx *ctx)
{
	AjBlockCtx inner = *ctx;
	int n = cmark_node_get_list_start(list);
	gboolean ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;

	if (n <= 0)
		n = 1;
	inner.list_depth++;
	for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
		char *label = ordered ? g_strdup_printf("%d. ", n++) : g_strdup("• ");
		cmark_node *c = cmark_node_first_child(item);
		AjBlockCtx nested = inner;

		/* The label sits where a paragraph would start; what follows in
		 * the item (nested lists, more paragraphs) moves in 2 characters. */
		nested.margin = ctx->margin;
		if (c && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) {
			ts->src_line = aj_document_line(ts->doc, c);
			set_paragraph(ts, c, &nested, label);
			c = cmark_node_next(c);
		} else {
			AjParaStyle st = aj_para_body();
			st.margin = nested.margin;
			aj_para_set_text(ts, label, &st);
		}
		nested.margin = ctx->margin + 2 * AJ_CHAR;
		aj_blocks_set(ts, c, NULL, &nested);
		g_free(label);
	}
}

void aj_blocks_set(AjTs *ts, cmark_node *first, cmark_node *stop, const AjBlockCtx *ctx)
{
	for (cmark_node *n = first; n && n != stop && !ts->err; n = cmark_node_next(n)) {
		const char *type = cmark_node_get_type_string(n);

		ts->src_line = aj_document_line(ts->doc, n);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HEADING:
			set_heading(ts, n, ctx);
			break;
		case CMARK_NODE_PARAGRAPH:
			ts->keep_tail = n == ts->tail_node ? ts->tail_lines : 0;
			if (!aj_md_is_table_caption(n)) /* a table sets its own caption */
				set_paragraph(ts, n, ctx, NULL);
			ts->keep_tail = 0;
			break;
		case CMARK_NODE_LIST:
			set_list(ts, n, ctx);
			break;
		case CMARK_NODE_BLOCK_QUOTE: {
			AjBlockCtx q = *ctx;
			q.margin += 2 * AJ_CHAR;
			q.role = AJ_FONT_KAI;
			aj_blocks_set(ts, cmark_node_first_child(n), NULL, &q);
			break;
		}
		case CMARK_NODE_CODE_BLOCK:
			set_code(ts, n, ctx);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			/* A break that only announces an attachment draws nothing. */
			if (cmark_node_next(n) == stop && stop != NULL)
				break;
			set_rule(ts, ctx);
			break;
		case CMARK_NODE_HTML_BLOCK:
			break;
		default:
			if (type && strcmp(type, "table") == 0)
				aj_table_set(ts, n);
			else
				aj_blocks_set(ts, cmark_node_first_child(n), NULL, ctx);
		}
	}
}
