/* cmark inline nodes → one string with Pango attributes, so a paragraph is
 * shaped by a single PangoLayout. */
#include <string.h>

#include "markdown/document.h"
#include "pdf/typeset.h"

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

static gboolean is_cjk(gunichar c)
{
	return c >= 0x2E80 && !(c >= 0xFF01 && c <= 0xFF5E && g_unichar_isalnum(c));
}

static gunichar last_char(const GString *s)
{
	if (s->len == 0)
		return 0;
	return g_utf8_get_char(g_utf8_find_prev_char(s->str, s->str + s->len));
}

static gunichar first_char_after(cmark_node *node)
{
	for (cmark_node *n = cmark_node_next(node); n; n = cmark_node_next(n)) {
		const char *lit = cmark_node_get_literal(n);
		if (cmark_node_get_type(n) == CMARK_NODE_TEXT && lit && *lit)
			return g_utf8_get_char(lit);
		if (cmark_node_get_type(n) != CMARK_NODE_TEXT) {
			cmark_node *c = cmark_node_first_child(n);
			const char *l2 = c ? cmark_node_get_literal(c) : NULL;
			return l2 && *l2 ? g_utf8_get_char(l2) : 0;
		}
	}
	return 0;
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
		case CMARK_NODE_SOFTBREAK: {
			/* Chinese lines join without a space; Latin words need one. */
			gunichar a = last_char(in->text), b = first_char_after(n);
			if (!(is_cjk(a) || is_cjk(b)))
				g_string_append_c(in->text, ' ');
			break;
		}
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
