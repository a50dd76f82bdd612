/* aj_typeset(): walks the document's parts in GB/T 9704 order — 版头 or
 * plain title, body, signature block, attachments, 版记 — on pages handed
 * to the back end's sink. */
#include "typeset/typeset.h"

#include "typeset/state.h"

/* Without front matter a leading level-1 heading is the title. */
static cmark_node *plain_title(AjTs *ts)
{
	cmark_node *h = aj_document_title_heading(ts->doc);
	int n;
	char *t = NULL;
	AjInline in;

	if (h == NULL || aj_document_attachment(ts->doc, h, &n, &t)) {
		g_free(t);
		return cmark_node_first_child(ts->doc->root);
	}
	aj_inline_init(&in);
	aj_inline_append_nodes(&in, h);
	ts->src_line = aj_document_line(ts->doc, h);
	aj_ts_begin_page(ts);
	aj_outline_add(ts, 1, in.text->str, ts->y);
	aj_title_set(ts, in.text->str);
	ts->y += AJ_PITCH;
	ts->heading_shift = 1;
	aj_inline_clear(&in);
	return cmark_node_next(h);
}

static void typeset(AjTs *ts)
{
	AjBlockCtx ctx = { .margin = 0, .role = AJ_FONT_FANG };
	cmark_node *start, *c;
	int n;
	char *title = NULL;

	if (ts->doc->has_front_matter) {
		aj_official_header(ts);
		start = cmark_node_first_child(ts->doc->root);
	} else {
		start = plain_title(ts);
	}
	for (c = start; c; c = cmark_node_next(c))
		if (aj_document_attachment(ts->doc, c, &n, &title))
			break;
	g_clear_pointer(&title, g_free);
	if (ts->doc->has_front_matter) {
		cmark_node *last = NULL;
		/* neither draws anything there (blocks.c) */
		for (cmark_node *b = start; b && b != c; b = cmark_node_next(b))
			if (cmark_node_get_type(b) != CMARK_NODE_HTML_BLOCK &&
			    !(cmark_node_get_type(b) == CMARK_NODE_THEMATIC_BREAK &&
			      cmark_node_next(b) == c && c != NULL))
				last = b;
		/* a paragraph keeps its last lines, a table its last row, with
		 * the closing */
		if (last && (cmark_node_get_type(last) == CMARK_NODE_PARAGRAPH ||
			     g_strcmp0(cmark_node_get_type_string(last), "table") == 0)) {
			ts->tail_node = last;
			ts->tail_lines = aj_official_closing_lines(ts);
		}
	}
	aj_blocks_set(ts, start, c, &ctx);
	if (!ts->page_open)
		aj_ts_begin_page(ts); /* page 1 exists even for an empty body */
	if (ts->doc->has_front_matter)
		aj_official_closing(ts);
	while (c && !ts->err) {
		cmark_node *next;
		aj_document_attachment(ts->doc, c, &n, &title);
		ts->src_line = aj_document_line(ts->doc, c);
		aj_official_attachment_title(ts, n, title);
		g_clear_pointer(&title, g_free);
		for (next = cmark_node_next(c); next; next = cmark_node_next(next))
			if (aj_document_attachment(ts->doc, next, &n, &title))
				break;
		g_clear_pointer(&title, g_free);
		aj_blocks_set(ts, cmark_node_next(c), next, &ctx);
		c = next;
	}
	aj_official_imprint(ts);
	aj_ts_end_page(ts);
}

gboolean aj_typeset(const AjDocument *doc, const AjTypesetOptions *opts, PangoContext *pctx,
		    AjPageSink sink, gpointer data, int *pages, GError **err)
{
	AjTs ts = { .doc = doc, .opts = opts, .pctx = pctx, .sink = sink, .sink_data = data };

	ts.rec = aj_recorder_new();
	typeset(&ts);
	if (ts.page_open) /* stopped by an error */
		aj_page_free(ts.cur);
	aj_recorder_free(ts.rec);
	g_free(ts.held_heading);
	g_free(ts.held_outline);
	if (ts.err != NULL) {
		g_propagate_error(err, ts.err);
		return FALSE;
	}
	if (pages)
		*pages = ts.page;
	return TRUE;
}
