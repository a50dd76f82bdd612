/* cmark inline nodes → one string with Pango attributes, so a paragraph is
 * shaped by a single PangoLayout. */
#include <string.h>

#include "markdown/conventions.h"
#include "markdown/document.h"
#include "typeset/state.h"

void aj_inline_init(AjInline *in)
{
	in->text = g_string_new(NULL);
	in->attrs = pango_attr_list_new();
	in->links = g_array_new(FALSE, FALSE, sizeof(AjLink));
}

void aj_inline_clear(AjInline *in)
{
	for (guint i = 0; in->links && i < in->links->len; i++)
		g_free(g_array_index(in->links, AjLink, i).uri);
	if (in->links)
		g_array_unref(in->links);
	if (in->attrs)
		pango_attr_list_unref(in->attrs);
	if (in->text)
		g_string_free(in->text, TRUE);
	memset(in, 0, sizeof *in);
}

void aj_inline_append(AjInline *in, const char *text, int len)
{
	g_string_append_len(in->text, text, len);
}

static void add_attr(AjInline *in, PangoAttribute *a, gsize start)
{
	a->start_index = (guint)start;
	a->end_index = (guint)in->text->len;
	/* Before attributes of the same start: inner spans, added first, win. */
	pango_attr_list_insert_before(in->attrs, a);
}

static void add_family(AjInline *in, AjFontRole role, gsize start)
{
	PangoFontDescription *d = aj_font_desc(role, AJ_BODY_PT);
	pango_font_description_unset_fields(d, PANGO_FONT_MASK_SIZE);
	add_attr(in, pango_attr_font_desc_new(d), start);
	pango_font_description_free(d);
}

/* Nodes cmark_iter enters without leaving: they hold no other node. */
static gboolean is_leaf(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
		return TRUE;
	default:
		return FALSE;
	}
}

/* Iterative (cmark_iter): emphasis nests as deep as the document allows
 * without using the stack.  A span's attribute goes in when the span
 * ends, so inner spans, ended first, win over outer ones. */
void aj_inline_append_nodes(AjInline *in, cmark_node *parent)
{
	cmark_iter *it = cmark_iter_new(parent);
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(gsize)); /* of the open spans */
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *type = cmark_node_get_type_string(n);
		gsize start = in->text->len;

		if (n == parent)
			continue;
		if (ev == CMARK_EVENT_EXIT) { /* a span ends: its attributes from its start */
			start = g_array_index(starts, gsize, starts->len - 1);
			g_array_set_size(starts, starts->len - 1);
		} else if (!is_leaf(n)) { /* a span starts; set when it ends */
			g_array_append_val(starts, start);
			continue;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			g_string_append(in->text, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_CODE:
			g_string_append(in->text, cmark_node_get_literal(n));
			add_family(in, AJ_FONT_MONO, start);
			break;
		case CMARK_NODE_SOFTBREAK:
			if (!aj_md_softbreak_joins(n))
				g_string_append_c(in->text, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			g_string_append(in->text, "\xE2\x80\xA8"); /* U+2028: no new indent */
			break;
		case CMARK_NODE_EMPH:
			add_family(in, AJ_FONT_KAI, start);
			break;
		case CMARK_NODE_STRONG:
			add_family(in, AJ_FONT_HEI, start);
			break;
		case CMARK_NODE_LINK: {
			AjLink link;
			if (!aj_md_url_is_safe(cmark_node_get_url(n)))
				break; /* a refused link is its text */
			add_attr(in, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start);
			link.start = (int)start;
			link.end = (int)in->text->len;
			link.uri = g_strdup(cmark_node_get_url(n));
			if (link.end > link.start && link.uri && *link.uri)
				g_array_append_val(in->links, link);
			else
				g_free(link.uri);
			break;
		}
		case CMARK_NODE_IMAGE: /* an image inside running text: its description */
		case CMARK_NODE_HTML_INLINE: /* raw HTML has no meaning on paper */
			break;
		default:
			if (type && strcmp(type, "strikethrough") == 0)
				add_attr(in, pango_attr_strikethrough_new(TRUE), start);
		}
	}
	g_array_unref(starts);
	cmark_iter_free(it);
}
