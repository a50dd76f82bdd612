#include "markdown/document.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <stdlib.h>
#include <string.h>

#include "markdown/front_matter.h"
#include "util/error.h"
#include "util/i18n.h"

/* cmark-gfm registers its extensions in a process-wide list without a lock;
 * documents are parsed from several threads, so register exactly once. */
static gpointer register_extensions(gpointer unused)
{
	cmark_gfm_core_extensions_ensure_registered();
	return NULL;
}

static void ensure_extensions(void)
{
	static GOnce once = G_ONCE_INIT;
	g_once(&once, register_extensions, NULL);
}

/* Length of a line ending at text[i] ("\n" or "\r\n"), or 0. */
static gsize eol_len(const char *text, gsize len, gsize i)
{
	if (i < len && text[i] == '\n')
		return 1;
	if (i + 1 < len && text[i] == '\r' && text[i + 1] == '\n')
		return 2;
	return 0;
}

/* TRUE when the line starting at text[i] is exactly `mark` ("---" or "...")
 * maybe followed by blanks; *next gets the offset of the following line. */
static gboolean is_fence_line(const char *text, gsize len, gsize i, const char *mark, gsize *next)
{
	gsize m = strlen(mark);
	if (i + m > len || memcmp(text + i, mark, m) != 0)
		return FALSE;
	i += m;
	while (i < len && (text[i] == ' ' || text[i] == '\t'))
		i++;
	if (i == len) {
		*next = len;
		return TRUE;
	}
	gsize e = eol_len(text, len, i);
	if (e == 0)
		return FALSE;
	*next = i + e;
	return TRUE;
}

/* Splits off the front matter.  Sets *fm and *fm_len (or NULL), the body offset
 * and the body's first line. */
static gboolean split_front_matter(const char *text, gsize len, const char *source_name,
				   const char **fm, gsize *fm_len, gsize *body, int *body_line,
				   GError **err)
{
	gsize start = 0, open_end, i, next;
	int line = 2;

	*fm = NULL;
	*fm_len = 0;
	*body_line = 1;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	*body = start;
	if (!is_fence_line(text, len, start, "---", &open_end))
		return TRUE;
	i = open_end;
	while (i < len) {
		if (is_fence_line(text, len, i, "---", &next) ||
		    is_fence_line(text, len, i, "...", &next)) {
			*fm = text + open_end;
			*fm_len = i - open_end;
			*body = next;
			*body_line = line + 1;
			return TRUE;
		}
		const char *nl = memchr(text + i, '\n', len - i);
		i = nl ? (gsize)(nl - text) + 1 : len;
		line++;
	}
	g_set_error(err, AJ_ERROR, EX_DATAERR,
		    _("%s:1: the front matter started by '---' is not closed; end it with a line "
		      "'---' before the Markdown text"),
		    source_name);
	return FALSE;
}

static gboolean check_utf8(const char *text, gsize len, const char *source_name, GError **err)
{
	const char *end = NULL;
	int line = 1;

	if (g_utf8_validate(text, (gssize)len, &end) && memchr(text, '\0', len) == NULL)
		return TRUE;
	if (end == NULL || end > text + len)
		end = text + len;
	for (const char *p = text; p < end; p++)
		line += *p == '\n';
	g_set_error(err, AJ_ERROR, EX_DATAERR,
		    _("%s:%d: the text is not valid UTF-8; save the file as UTF-8"), source_name,
		    line);
	return FALSE;
}

static cmark_node *parse_markdown(const char *body, gsize len)
{
	cmark_parser *parser;
	cmark_node *root;
	/* No "autolink": it links bare URLs and e-mail addresses after parsing,
	 * where no escaping of data can stop it; documents link only where a
	 * template writes a link. */
	static const char *const exts[] = { "table", "strikethrough" };

	ensure_extensions();
	parser = cmark_parser_new(CMARK_OPT_SOURCEPOS);
	for (gsize i = 0; i < G_N_ELEMENTS(exts); i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(exts[i]);
		if (ext != NULL)
			cmark_parser_attach_syntax_extension(parser, ext);
	}
	cmark_parser_feed(parser, body, len);
	root = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	return root;
}

int aj_document_line(const AjDocument *doc, cmark_node *node)
{
	int line = node ? cmark_node_get_start_line(node) : 0;
	return doc->body_line + (line > 0 ? line - 1 : 0);
}

/* Iterative: a fuzzer's 5000-deep emphasis must not use 5000 stack frames. */
void aj_document_append_text(GString *s, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit;

		if (ev != CMARK_EVENT_ENTER || n == root)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE: /* raw HTML is shown as text, never obeyed */
			lit = cmark_node_get_literal(n);
			if (lit != NULL)
				g_string_append(s, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			g_string_append_c(s, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

char *aj_document_node_text(cmark_node *node)
{
	GString *s = g_string_new(NULL);
	aj_document_append_text(s, node);
	return g_string_free(s, FALSE);
}

cmark_node *aj_document_title_heading(const AjDocument *doc)
{
	cmark_node *c = doc->has_front_matter ? NULL : cmark_node_first_child(doc->root);

	while (c && cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK)
		c = cmark_node_next(c);
	if (c && cmark_node_get_type(c) == CMARK_NODE_HEADING && cmark_node_get_heading_level(c) == 1)
		return c;
	return NULL;
}

char *aj_document_display_title(const AjDocument *doc)
{
	cmark_node *h = aj_document_title_heading(doc);

	if (doc->meta.title)
		return g_strdup(doc->meta.title);
	if (h)
		return g_strstrip(aj_document_node_text(h));
	return g_path_get_basename(doc->source_name);
}

/* "附件12 标题" → 12 and the offset of "标题"; "附件" or "附件 标题" (a
 * single attachment, unnumbered) → 1; 0 when text is not one. */
static int attachment_prefix(const char *text, const char **rest)
{
	static const char label[] = "附件";
	const char *p;
	int n = 0;

	if (strncmp(text, label, sizeof label - 1) != 0)
		return 0;
	p = text + sizeof label - 1;
	if (*p == '0')
		return 0;
	while (g_ascii_isdigit(*p) && n < 1000)
		n = n * 10 + (*p++ - '0');
	if (n == 0)
		n = 1;
	if (*p != '\0' && *p != ' ' && *p != '\t' && strncmp(p, "\xE3\x80\x80", 3) != 0 &&
	    strncmp(p, "\xEF\xBC\x9A", 3) != 0 && *p != ':')
		return 0; /* "附件1号文" is a heading, not an attachment */
	while (*p == ' ' || *p == '\t' || *p == ':')
		p++;
	while (strncmp(p, "\xE3\x80\x80", 3) == 0 || strncmp(p, "\xEF\xBC\x9A", 3) == 0)
		p += 3;
	*rest = p;
	return n;
}

gboolean aj_document_attachment(const AjDocument *doc, cmark_node *node, int *number,
				char **title)
{
	const char *rest = NULL;
	char *text;
	int n;

	if (cmark_node_get_type(node) != CMARK_NODE_HEADING ||
	    cmark_node_get_heading_level(node) != 1)
		return FALSE;
	text = aj_document_node_text(node);
	n = attachment_prefix(g_strstrip(text), &rest);
	if (n > 0) {
		*number = n;
		if (*rest != '\0')
			*title = g_strdup(rest);
		else if (doc->meta.attachments && (guint)n <= doc->meta.attachments->len)
			*title = g_strdup(g_ptr_array_index(doc->meta.attachments, n - 1));
		else
			*title = NULL;
	}
	g_free(text);
	return n > 0;
}

static gboolean check_attachments(const AjDocument *doc, const AjLineMap *origins, GError **err)
{
	int expect = 1, n;
	char *title = NULL, *where;
	guint listed = doc->meta.attachments ? doc->meta.attachments->len : 0;

	for (cmark_node *c = cmark_node_first_child(doc->root); c; c = cmark_node_next(c)) {
		if (!aj_document_attachment(doc, c, &n, &title))
			continue;
		g_clear_pointer(&title, g_free);
		if (n == expect && (listed == 0 || (guint)n <= listed)) {
			expect++;
			continue;
		}
		where = aj_line_map_where(origins, (guint)aj_document_line(doc, c), doc->source_name);
		if (listed > 0 && (guint)n > listed)
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%s: attachment heading 附件%d should be 附件%d; the front "
				      "matter lists fewer attachments"), where, n, expect);
		else
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%s: attachment heading 附件%d should be 附件%d; number "
				      "attachments 1, 2, … in order"), where, n, expect);
		g_free(where);
		return FALSE;
	}
	if (listed > 0 && expect > 1 && (guint)(expect - 1) != listed) {
		where = aj_line_map_where(origins, (guint)doc->body_line, doc->source_name);
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: the front matter lists %u attachments but the text has %d "
			      "'# 附件N' headings; make them agree"), where, listed, expect - 1);
		g_free(where);
		return FALSE;
	}
	return TRUE;
}

/* The line of node, or of its nearest ancestor that has one (cmark gives
 * inline nodes none). */
static int node_line(const AjDocument *doc, cmark_node *node)
{
	while (node != NULL && cmark_node_get_start_line(node) <= 0)
		node = cmark_node_parent(node);
	return aj_document_line(doc, node);
}

/* Refuses nesting deeper than AJ_DOCUMENT_MAX_DEPTH, naming the line of
 * the first node too deep.  Iterative, and at most that many steps up
 * from each node, as the document may be hostile. */
static gboolean check_depth(const AjDocument *doc, const AjLineMap *origins, GError **err)
{
	cmark_iter *it = cmark_iter_new(doc->root);
	cmark_event_type ev;
	cmark_node *deep = NULL;
	char *where;

	while (deep == NULL && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int depth = 0;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		for (cmark_node *p = cmark_node_parent(n); p != NULL && depth <= AJ_DOCUMENT_MAX_DEPTH;
		     p = cmark_node_parent(p))
			depth++;
		if (depth > AJ_DOCUMENT_MAX_DEPTH)
			deep = n;
	}
	cmark_iter_free(it);
	if (deep == NULL)
		return TRUE;
	where = aj_line_map_where(origins, (guint)node_line(doc, deep), doc->source_name);
	g_set_error(err, AJ_ERROR, EX_DATAERR,
		    _("%s: the Markdown nests more than %d levels deep here (block quotes, "
		      "lists or emphasis inside each other); flatten it"),
		    where, AJ_DOCUMENT_MAX_DEPTH);
	g_free(where);
	return FALSE;
}

AjDocument *aj_document_parse_filled(const char *text, gsize len, const char *source_name,
				     const AjLineMap *origins, GError **err)
{
	AjDocument *doc = g_new0(AjDocument, 1);
	const char *fm = NULL;
	gsize fm_len = 0, body = 0;

	doc->source_name = g_strdup(source_name);
	if (!check_utf8(text, len, source_name, err))
		goto fail;
	if (!split_front_matter(text, len, source_name, &fm, &fm_len, &body, &doc->body_line, err))
		goto fail;
	if (fm != NULL) {
		doc->has_front_matter = TRUE;
		if (!aj_front_matter_parse(fm, fm_len, source_name, 2, origins, &doc->meta, err))
			goto fail;
	}
	doc->root = parse_markdown(text + body, len - body);
	if (!check_depth(doc, origins, err) || !check_attachments(doc, origins, err))
		goto fail;
	return doc;
fail:
	aj_document_free(doc);
	return NULL;
}

AjDocument *aj_document_parse(const char *text, gsize len, const char *source_name,
			      GError **err)
{
	return aj_document_parse_filled(text, len, source_name, NULL, err);
}

void aj_document_free(AjDocument *doc)
{
	if (doc == NULL)
		return;
	aj_front_matter_clear(&doc->meta);
	if (doc->root)
		cmark_node_free(doc->root);
	g_free(doc->source_name);
	g_free(doc);
}
