/* The AST walk of the HTML writer.  It is iterative (cmark_iter); documents
 * nest at most AJ_DOCUMENT_MAX_DEPTH levels (aj_document_parse() refuses
 * more), as in the PDF. */
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "chart/chart.h"
#include "html/escape.h"
#include "html/html.h"
#include "html/svg.h"
#include "markdown/conventions.h"
#include "util/error.h"
#include "util/i18n.h"

#define CHART_WIDTH 720.0
#define SHORT_CELL 8 /* characters: a cell this short is kept on one line */

typedef struct {
	GString *out;
	xmlNodePtr context;
	const char *source;
	GHashTable *ids; /* heading ids used so far → NULL */
	int figures; /* figures numbered so far (图N) */
	int charts;  /* charts inside running text, for unique ids */
} Writer;

static gboolean type_is(cmark_node *node, const char *name)
{
	const char *t = cmark_node_get_type_string(node);
	return t != NULL && strcmp(t, name) == 0;
}

static gboolean in_tight_list(cmark_node *para)
{
	cmark_node *item = cmark_node_parent(para);
	cmark_node *list = item != NULL ? cmark_node_parent(item) : NULL;

	return list != NULL && cmark_node_get_type(list) == CMARK_NODE_LIST &&
	       cmark_node_get_list_tight(list);
}

/* The nearest heading before node among its siblings, or NULL. */
static cmark_node *heading_before(cmark_node *node)
{
	for (cmark_node *n = cmark_node_previous(node); n != NULL; n = cmark_node_previous(n))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			return n;
	return NULL;
}

static gboolean walk(Writer *w, cmark_node *root, GError **err);

static gboolean write_caption(Writer *w, cmark_node *table, GError **err)
{
	cmark_node *prev = cmark_node_previous(table);
	cmark_node *heading;
	GString *text;

	if (prev != NULL && aj_md_is_table_caption(prev)) {
		/* the paragraph was skipped where it stood; its inline markup stays */
		g_string_append(w->out, "<caption>");
		for (cmark_node *n = cmark_node_first_child(prev); n != NULL; n = cmark_node_next(n))
			if (!walk(w, n, err))
				return FALSE;
		g_string_append(w->out, "</caption>\n");
		return TRUE;
	}
	heading = heading_before(table);
	if (heading == NULL)
		return TRUE;
	text = g_string_new(NULL);
	aj_document_append_text(text, heading);
	/* right under its heading the caption only repeats it: kept for screen
	 * readers, hidden on screen by the class */
	g_string_append(w->out, heading == prev ? "<caption class=\"repeats-heading\">" : "<caption>");
	aj_html_escape(w->out, text->str, text->len);
	g_string_append(w->out, "</caption>\n");
	g_string_free(text, TRUE);
	return TRUE;
}

static void write_cell_open(Writer *w, cmark_node *cell)
{
	cmark_node *row = cmark_node_parent(cell);
	cmark_node *table = row != NULL ? cmark_node_parent(row) : NULL;
	gboolean header = row != NULL && cmark_gfm_extensions_get_table_row_is_header(row);
	uint8_t *align = table != NULL ? cmark_gfm_extensions_get_table_alignments(table) : NULL;
	uint16_t ncols = table != NULL ? cmark_gfm_extensions_get_table_columns(table) : 0;
	guint col = 0;
	const char *cls[3] = { NULL, NULL, NULL };
	int ncls = 0;
	GString *text = g_string_new(NULL);

	for (cmark_node *n = cmark_node_previous(cell); n != NULL; n = cmark_node_previous(n))
		col++;
	if (!header) {
		aj_document_append_text(text, cell);
		if (aj_md_is_number(text->str))
			cls[ncls++] = "num";
		else if (g_utf8_strlen(text->str, -1) <= SHORT_CELL)
			cls[ncls++] = "short"; /* a short name (XX区) must not wrap */
	}
	if (align != NULL && col < ncols) {
		switch (align[col]) {
		case 'l': cls[ncls++] = "al-l"; break;
		case 'c': cls[ncls++] = "al-c"; break;
		case 'r': cls[ncls++] = "al-r"; break;
		default: break;
		}
	}
	g_string_append(w->out, header ? "<th scope=\"col\"" : "<td");
	if (ncls > 0) {
		g_string_append(w->out, " class=\"");
		for (int i = 0; i < ncls; i++)
			g_string_append_printf(w->out, "%s%s", i > 0 ? " " : "", cls[i]);
		g_string_append_c(w->out, '"');
	}
	g_string_append_c(w->out, '>');
	g_string_free(text, TRUE);
}

static void write_heading_open(Writer *w, cmark_node *heading)
{
	int level = cmark_node_get_heading_level(heading) + 1;
	GString *text = g_string_new(NULL);
	GString *id = g_string_new(NULL);
	gsize base;

	if (level > 6)
		level = 6;
	aj_document_append_text(text, heading);
	aj_html_slug(id, text->str);
	base = id->len;
	for (int n = 2; g_hash_table_contains(w->ids, id->str); n++) {
		g_string_truncate(id, base);
		g_string_append_printf(id, "-%d", n);
	}
	g_hash_table_add(w->ids, g_strdup(id->str));
	g_string_append_printf(w->out, "<h%d id=\"", level);
	aj_html_escape(w->out, id->str, id->len);
	g_string_append(w->out, "\">");
	g_string_free(text, TRUE);
	g_string_free(id, TRUE);
}

/* The chart NAME as inline SVG in its scrolling box; *desc gets the
 * sentence stating its numbers.  Without a context only a warning. */
static gboolean write_chart_svg(Writer *w, const char *name, const char *prefix, char **desc,
				GError **err)
{
	double aspect = aj_chart_aspect(name);
	char *svg, *what;
	gboolean ok;

	*desc = NULL;
	if (w->context == NULL) {
		aj_warn(_("%s: chart:%s has no document data here; the page shows its caption only"),
			w->source, name);
		return TRUE;
	}
	svg = aj_chart_svg(name, w->context, CHART_WIDTH, CHART_WIDTH * (aspect > 0 ? aspect : 0.6),
			   err);
	if (svg == NULL)
		return FALSE;
	what = g_strdup_printf("%s: chart:%s", w->source, name);
	/* On a phone the chart keeps a readable size and scrolls in its own
	 * box, like a wide table. */
	g_string_append(w->out, "<span class=\"chart-scroll\" tabindex=\"0\">");
	ok = aj_html_inline_svg(w->out, svg, strlen(svg), prefix, what, err);
	g_string_append(w->out, "</span>");
	if (ok)
		*desc = aj_chart_alt_text(name, w->context);
	g_free(what);
	g_free(svg);
	return ok;
}

static void write_img(Writer *w, cmark_node *image)
{
	const char *title = cmark_node_get_title(image);
	char *alt = aj_document_node_text(image);

	g_string_append(w->out, "<img src=\"");
	aj_html_escape(w->out, cmark_node_get_url(image), -1);
	g_string_append(w->out, "\" alt=\"");
	aj_html_escape(w->out, alt, -1);
	if (title != NULL && title[0] != '\0') {
		g_string_append(w->out, "\" title=\"");
		aj_html_escape(w->out, title, -1);
	}
	g_string_append(w->out, "\"/>");
	g_free(alt);
}

/* A figure (see conventions.h): the chart or image with its caption 图N. */
static gboolean write_figure(Writer *w, cmark_node *image, GError **err)
{
	gboolean chart = aj_md_image_kind(image) == AJ_IMAGE_CHART;
	char *caption, *prefix, *desc = NULL;
	gboolean ok = TRUE;

	w->figures++;
	caption = aj_md_figure_caption(w->figures, image);
	prefix = g_strdup_printf("fig%d-", w->figures);
	g_string_append_printf(w->out, "<figure class=\"%s\" id=\"fig-%d\">", chart ? "chart" : "image",
			       w->figures);
	if (chart)
		ok = write_chart_svg(w, cmark_node_get_url(image) + strlen("chart:"), prefix, &desc, err);
	else
		write_img(w, image);
	if (ok) {
		g_string_append(w->out, "<figcaption>");
		aj_html_escape(w->out, caption, -1);
		if (desc != NULL && desc[0] != '\0') {
			g_string_append(w->out, "<span class=\"chart-data\">");
			aj_html_escape(w->out, desc, -1);
			g_string_append(w->out, "</span>");
		}
		g_string_append(w->out, "</figcaption></figure>\n");
	}
	g_free(desc);
	g_free(prefix);
	g_free(caption);
	return ok;
}

/* An image inside running text: a chart without a number, a picture, or
 * for a refused source its description. */
static gboolean write_inline_image(Writer *w, cmark_node *image, GError **err)
{
	char *prefix, *desc = NULL, *alt;
	gboolean ok;

	switch (aj_md_image_kind(image)) {
	case AJ_IMAGE_FILE:
		write_img(w, image);
		return TRUE;
	case AJ_IMAGE_REFUSED:
		alt = aj_document_node_text(image);
		aj_html_escape(w->out, alt, -1);
		g_free(alt);
		return TRUE;
	default:
		break;
	}
	w->charts++;
	prefix = g_strdup_printf("chart%d-", w->charts);
	g_string_append_printf(w->out, "<span class=\"chart\" id=\"chart-%d\">", w->charts);
	ok = write_chart_svg(w, cmark_node_get_url(image) + strlen("chart:"), prefix, &desc, err);
	g_string_append(w->out, "</span>");
	g_free(desc);
	g_free(prefix);
	return ok;
}

static void write_link(Writer *w, cmark_node *link, gboolean entering)
{
	const char *url = cmark_node_get_url(link);
	const char *title = cmark_node_get_title(link);

	if (!aj_md_url_is_safe(url))
		return; /* the link text stays, as plain text */
	if (!entering) {
		g_string_append(w->out, "</a>");
		return;
	}
	g_string_append(w->out, "<a href=\"");
	aj_html_escape(w->out, url, -1);
	if (title != NULL && title[0] != '\0') {
		g_string_append(w->out, "\" title=\"");
		aj_html_escape(w->out, title, -1);
	}
	g_string_append(w->out, "\">");
}

static void write_code_block(Writer *w, cmark_node *node)
{
	const char *info = cmark_node_get_fence_info(node);
	const char *lit = cmark_node_get_literal(node);

	g_string_append(w->out, "<pre><code");
	if (info != NULL && info[0] != '\0') {
		/* first word of the info string, letters/digits/-/_ only */
		g_string_append(w->out, " class=\"language-");
		for (const char *p = info; *p != '\0' && !g_ascii_isspace(*p); p++)
			if (g_ascii_isalnum(*p) || *p == '-' || *p == '_')
				g_string_append_c(w->out, *p);
		g_string_append_c(w->out, '"');
	}
	g_string_append_c(w->out, '>');
	aj_html_escape(w->out, lit, -1);
	g_string_append(w->out, "</code></pre>\n");
}

static void write_footnote_id(Writer *w, const char *kind, const char *label)
{
	g_string_append_printf(w->out, "%s-", kind);
	aj_html_slug(w->out, label != NULL ? label : "");
}

static gboolean write_extension(Writer *w, cmark_node *node, gboolean entering, GError **err)
{
	if (type_is(node, "table")) {
		cmark_node *first = cmark_node_first_child(node);
		if (!entering) {
			g_string_append(w->out, "</tbody>\n</table></div>\n");
			return TRUE;
		}
		/* the scrolling box is focusable for keyboard scrolling, so it is
		 * a named region for screen readers */
		GString *label = g_string_new(NULL);
		cmark_node *prev = cmark_node_previous(node);
		cmark_node *heading = heading_before(node);
		if (prev != NULL && aj_md_is_table_caption(prev))
			aj_document_append_text(label, prev);
		else if (heading != NULL)
			aj_document_append_text(label, heading);
		else
			g_string_append(label, "表格");
		g_string_append(w->out, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"");
		aj_html_escape(w->out, label->str, label->len);
		g_string_append(w->out, "\"><table>\n");
		g_string_free(label, TRUE);
		if (!write_caption(w, node, err))
			return FALSE;
		if (first == NULL || !cmark_gfm_extensions_get_table_row_is_header(first))
			g_string_append(w->out, "<tbody>\n");
	} else if (type_is(node, "table_row") || type_is(node, "table_header")) {
		gboolean header = cmark_gfm_extensions_get_table_row_is_header(node);
		if (entering)
			g_string_append(w->out, header ? "<thead>\n<tr>" : "<tr>");
		else
			g_string_append(w->out, header ? "</tr>\n</thead>\n<tbody>\n" : "</tr>\n");
	} else if (type_is(node, "table_cell")) {
		cmark_node *row = cmark_node_parent(node);
		if (entering)
			write_cell_open(w, node);
		else
			g_string_append(w->out, row != NULL &&
							cmark_gfm_extensions_get_table_row_is_header(row)
						? "</th>"
						: "</td>");
	} else if (type_is(node, "strikethrough")) {
		g_string_append(w->out, entering ? "<del>" : "</del>");
	}
	/* any other extension node: its children only */
	return TRUE;
}

static void write_list(Writer *w, cmark_node *node, gboolean entering)
{
	gboolean ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	int start = cmark_node_get_list_start(node);

	if (!entering)
		g_string_append(w->out, ordered ? "</ol>\n" : "</ul>\n");
	else if (ordered && start != 1)
		g_string_append_printf(w->out, "<ol start=\"%d\">\n", start);
	else
		g_string_append(w->out, ordered ? "<ol>\n" : "<ul>\n");
}

static void write_item(Writer *w, cmark_node *node, gboolean entering)
{
	if (!entering) {
		g_string_append(w->out, "</li>\n");
		return;
	}
	g_string_append(w->out, "<li>");
	if (type_is(node, "tasklist"))
		g_string_append(w->out, cmark_gfm_extensions_get_tasklist_item_checked(node)
						? "<input type=\"checkbox\" disabled=\"disabled\" "
						  "checked=\"checked\"/> "
						: "<input type=\"checkbox\" disabled=\"disabled\"/> ");
}

/* Writes one node event; *skip asks the walk to leave the node's children
 * out (they were written already, or must not be). */
static gboolean write_node(Writer *w, cmark_node *node, gboolean entering, gboolean *skip,
			   GError **err)
{
	const char *lit;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_DOCUMENT:
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		g_string_append(w->out, entering ? "<blockquote>\n" : "</blockquote>\n");
		break;
	case CMARK_NODE_LIST:
		write_list(w, node, entering);
		break;
	case CMARK_NODE_ITEM:
		write_item(w, node, entering);
		break;
	case CMARK_NODE_CODE_BLOCK:
		write_code_block(w, node);
		break;
	case CMARK_NODE_HTML_BLOCK:
		g_string_append(w->out, "<pre class=\"raw-html\">");
		aj_html_escape(w->out, cmark_node_get_literal(node), -1);
		g_string_append(w->out, "</pre>\n");
		break;
	case CMARK_NODE_CUSTOM_BLOCK:
	case CMARK_NODE_CUSTOM_INLINE:
		/* their on_enter/on_exit are raw output: text only */
		aj_html_escape(w->out, entering ? cmark_node_get_on_enter(node)
						: cmark_node_get_on_exit(node), -1);
		break;
	case CMARK_NODE_PARAGRAPH: {
		if (aj_md_is_table_caption(node)) {
			*skip = TRUE; /* written as the table's caption */
		} else if (aj_md_figure_image(node) != NULL) {
			if (entering && !write_figure(w, aj_md_figure_image(node), err))
				return FALSE;
			*skip = TRUE;
		} else if (!in_tight_list(node)) {
			g_string_append(w->out, entering ? "<p>" : "</p>\n");
		} else if (!entering && cmark_node_next(node) != NULL) {
			g_string_append_c(w->out, '\n');
		}
		break;
	}
	case CMARK_NODE_HEADING:
		if (entering)
			write_heading_open(w, node);
		else
			g_string_append_printf(w->out, "</h%d>\n",
					       MIN(cmark_node_get_heading_level(node) + 1, 6));
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		g_string_append(w->out, "<hr/>\n");
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		if (entering) {
			g_string_append(w->out, "<div class=\"footnote\" id=\"");
			write_footnote_id(w, "fn", cmark_node_get_literal(node));
			g_string_append(w->out, "\">\n");
		} else {
			g_string_append(w->out, "</div>\n");
		}
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_HTML_INLINE:
		aj_html_escape(w->out, cmark_node_get_literal(node), -1);
		break;
	case CMARK_NODE_SOFTBREAK:
		if (!aj_md_softbreak_joins(node))
			g_string_append_c(w->out, '\n');
		break;
	case CMARK_NODE_LINEBREAK:
		g_string_append(w->out, "<br/>\n");
		break;
	case CMARK_NODE_CODE:
		g_string_append(w->out, "<code>");
		aj_html_escape(w->out, cmark_node_get_literal(node), -1);
		g_string_append(w->out, "</code>");
		break;
	case CMARK_NODE_EMPH:
		g_string_append(w->out, entering ? "<em>" : "</em>");
		break;
	case CMARK_NODE_STRONG:
		g_string_append(w->out, entering ? "<strong>" : "</strong>");
		break;
	case CMARK_NODE_LINK:
		write_link(w, node, entering);
		break;
	case CMARK_NODE_IMAGE:
		if (entering && !write_inline_image(w, node, err))
			return FALSE;
		*skip = TRUE;
		break;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		lit = cmark_node_get_literal(node);
		g_string_append(w->out, "<sup class=\"footnote-ref\"><a href=\"#");
		write_footnote_id(w, "fn", lit);
		g_string_append(w->out, "\">");
		aj_html_escape(w->out, lit, -1);
		g_string_append(w->out, "</a></sup>");
		break;
	default:
		return write_extension(w, node, entering, err);
	}
	return TRUE;
}

static gboolean walk(Writer *w, cmark_node *root, GError **err)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	gboolean ok = TRUE;

	while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		gboolean skip = FALSE;

		ok = write_node(w, node, ev == CMARK_EVENT_ENTER, &skip, err);
		if (ok && skip && ev == CMARK_EVENT_ENTER && cmark_node_first_child(node) != NULL)
			cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
	return ok;
}

gboolean aj_html_append_fragment(GString *out, cmark_node *root, xmlNodePtr context,
				 const char *source, GError **err)
{
	Writer w = { .out = out, .context = context, .source = source != NULL ? source : "document" };
	gboolean ok;

	w.ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ok = root == NULL || walk(&w, root, err);
	g_hash_table_destroy(w.ids);
	return ok;
}

char *aj_html_fragment(const AjDocument *doc, xmlNodePtr context, GError **err)
{
	GString *out = g_string_sized_new(4096);

	if (!aj_html_append_fragment(out, doc->root, context, doc->source_name, err)) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
}
