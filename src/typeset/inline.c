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

void aj_inline_append_nodes(AjInline *in, cmark_node *parent, AjFontRole base)
{
	for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
		gsize start = in->text->len;
		const char *type = cmark_node_get_type_string(n);

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
			aj_inline_append_nodes(in, n, AJ_FONT_KAI);
			add_family(in, AJ_FONT_KAI, start);
			break;
		case CMARK_NODE_STRONG:
			aj_inline_append_nodes(in, n, AJ_FONT_HEI);
			add_family(in, AJ_FONT_HEI, start);
			break;
		case CMARK_NODE_LINK: {
			AjLink link;
			aj_inline_append_nodes(in, n, base);
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
			aj_inline_append_nodes(in, n, base);
			break;
		case CMARK_NODE_HTML_INLINE:
			break; /* raw HTML has no meaning on paper */
		default:
			if (type && strcmp(type, "strikethrough") == 0) {
				aj_inline_append_nodes(in, n, base);
				add_attr(in, pango_attr_strikethrough_new(TRUE), start);
			} else {
				aj_inline_append_nodes(in, n, base);
			}
		}
	}
}
