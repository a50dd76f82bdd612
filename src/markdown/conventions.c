#include "markdown/conventions.h"

#include <string.h>

#include "markdown/document.h"
#include "model/dates.h"

gboolean aj_cjk_is_wide(gunichar c)
{
	return g_unichar_iswide(c);
}

static gboolean is_block(cmark_node *n)
{
	return (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
}

/* The first (or last) character of the text under node as a reader sees
 * it, or 0 when it shows none.  Iterative: emphasis may nest deep. */
static gunichar edge_char(cmark_node *node, gboolean last)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	gunichar found = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit;
		cmark_node_type t = cmark_node_get_type(n);

		if (ev != CMARK_EVENT_ENTER ||
		    (t != CMARK_NODE_TEXT && t != CMARK_NODE_CODE && t != CMARK_NODE_HTML_INLINE))
			continue;
		lit = cmark_node_get_literal(n);
		if (lit == NULL || *lit == '\0')
			continue;
		if (!last) {
			found = g_utf8_get_char(lit);
			break;
		}
		found = g_utf8_get_char(g_utf8_find_prev_char(lit, lit + strlen(lit)));
	}
	cmark_iter_free(it);
	return found;
}

/* The character next to node on one side, looking through the siblings
 * and up through inline parents (emphasis, links) to the enclosing block. */
static gunichar neighbour_char(cmark_node *node, gboolean before)
{
	for (cmark_node *n = node; n != NULL && !is_block(n); n = cmark_node_parent(n)) {
		for (cmark_node *s = before ? cmark_node_previous(n) : cmark_node_next(n); s != NULL;
		     s = before ? cmark_node_previous(s) : cmark_node_next(s)) {
			gunichar c = edge_char(s, before);
			if (c != 0)
				return c;
		}
	}
	return 0;
}

gboolean aj_md_softbreak_joins(cmark_node *brk)
{
	gunichar a = neighbour_char(brk, TRUE), b = neighbour_char(brk, FALSE);
	return aj_cjk_is_wide(a) || aj_cjk_is_wide(b);
}

gboolean aj_md_url_is_safe(const char *url)
{
	static const char *const safe[] = { "http", "https", "mailto" };
	GString *scheme;
	const char *p = url;
	gboolean ok = TRUE;

	if (url == NULL)
		return FALSE;
	while (*p != '\0' && (unsigned char)*p <= 0x20)
		p++;
	scheme = g_string_new(NULL);
	for (; *p != '\0'; p++) {
		char c = *p;

		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c == ':') {
			/* a scheme must start with a letter; "1:x" is a relative path
			 * in the URL spec, but no reader should have to know that */
			ok = FALSE;
			for (gsize i = 0; i < G_N_ELEMENTS(safe); i++)
				if (g_ascii_strcasecmp(scheme->str, safe[i]) == 0)
					ok = TRUE;
			break;
		}
		if (c == '/' || c == '?' || c == '#')
			break; /* no scheme: relative */
		g_string_append_c(scheme, c);
	}
	g_string_free(scheme, TRUE);
	return ok;
}

AjImageKind aj_md_image_kind(cmark_node *image)
{
	const char *url = cmark_node_get_url(image);

	if (url != NULL && g_str_has_prefix(url, "chart:"))
		return AJ_IMAGE_CHART;
	if (url != NULL && url[0] != '\0' && aj_md_url_is_safe(url))
		return AJ_IMAGE_FILE;
	return AJ_IMAGE_REFUSED;
}

static gboolean is_blank_text(cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	return lit == NULL || strspn(lit, " \t") == strlen(lit);
}

cmark_node *aj_md_figure_image(cmark_node *para)
{
	cmark_node *img = NULL;

	if (cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
		return NULL;
	for (cmark_node *c = cmark_node_first_child(para); c != NULL; c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);
		if (t == CMARK_NODE_IMAGE && img == NULL)
			img = c;
		else if (t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK &&
			 !(t == CMARK_NODE_TEXT && is_blank_text(c)))
			return NULL;
	}
	return img != NULL && aj_md_image_kind(img) != AJ_IMAGE_REFUSED ? img : NULL;
}

char *aj_md_figure_caption(int n, cmark_node *image)
{
	char *alt = g_strstrip(aj_document_node_text(image));
	char *caption = alt[0] != '\0' ? g_strdup_printf("图%d　%s", n, alt)
				       : g_strdup_printf("图%d", n);

	g_free(alt);
	return caption;
}

static gboolean is_table(cmark_node *n)
{
	const char *t = n != NULL ? cmark_node_get_type_string(n) : NULL;
	return t != NULL && strcmp(t, "table") == 0;
}

/* "表1", "表 12", "表一", "表2-1" followed by a blank or the end. */
static gboolean starts_with_table_number(const char *t)
{
	const char *p, *q;

	if (!g_str_has_prefix(t, "表"))
		return FALSE;
	p = t + strlen("表");
	if (*p == ' ')
		p++;
	q = p;
	if (g_ascii_isdigit(*q)) {
		while (g_ascii_isdigit(*q))
			q++;
		if ((*q == '-' || *q == '.') && g_ascii_isdigit(q[1]))
			for (q++; g_ascii_isdigit(*q); q++)
				;
	} else {
		while (*q != '\0' && g_utf8_strchr("一二三四五六七八九十百零〇", -1, g_utf8_get_char(q)))
			q = g_utf8_next_char(q);
	}
	return q > p && (*q == '\0' || *q == ' ' || g_str_has_prefix(q, "　"));
}

static gboolean has_break(cmark_node *para)
{
	cmark_iter *it = cmark_iter_new(para);
	cmark_event_type ev;
	gboolean found = FALSE;

	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node_type t = cmark_node_get_type(cmark_iter_get_node(it));
		found = t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK;
	}
	cmark_iter_free(it);
	return found;
}

gboolean aj_md_is_table_caption(cmark_node *para)
{
	cmark_node *child;
	char *text;
	gboolean ok;

	if (cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH || !is_table(cmark_node_next(para)) ||
	    has_break(para))
		return FALSE;
	child = cmark_node_first_child(para);
	text = g_strstrip(aj_document_node_text(para));
	ok = text[0] != '\0' && g_utf8_strlen(text, -1) <= AJ_MD_CAPTION_MAX &&
	     (starts_with_table_number(text) ||
	      (child != NULL && cmark_node_next(child) == NULL &&
	       cmark_node_get_type(child) == CMARK_NODE_STRONG));
	g_free(text);
	return ok;
}

cmark_node *aj_md_table_caption(cmark_node *table)
{
	cmark_node *prev = cmark_node_previous(table);
	return prev != NULL && aj_md_is_table_caption(prev) ? prev : NULL;
}

gboolean aj_md_is_number(const char *s)
{
	const char *p = s;
	gboolean digits = FALSE;

	while (g_ascii_isspace(*p))
		p++;
	if (g_str_has_prefix(p, "—"))
		p += strlen(g_str_has_prefix(p, "——") ? "——" : "—");
	else if (*p == '-' && (p[1] == '\0' || g_ascii_isspace(p[1])))
		p++;
	else {
		if (*p == '+' || *p == '-')
			p++;
		else if (g_str_has_prefix(p, "−"))
			p += strlen("−");
		for (; g_ascii_isdigit(*p) || (*p == ',' && digits && g_ascii_isdigit(p[1])); p++)
			digits = TRUE;
		if (!digits)
			return FALSE;
		if (*p == '.' && g_ascii_isdigit(p[1]))
			for (p++; g_ascii_isdigit(*p); p++)
				;
		if (*p == '%')
			p++;
	}
	while (g_ascii_isspace(*p))
		p++;
	return *p == '\0';
}

const char *aj_md_publicity_note(const char *publicity)
{
	if (publicity == NULL)
		return NULL;
	return strcmp(publicity, "public") == 0 ? "（此件主动公开）" : "（此件不予公开）";
}

char *aj_md_date_cn(const char *iso)
{
	AjDay d;

	if (iso == NULL || !aj_day_parse(iso, &d))
		return NULL;
	return aj_day_format_cn(d);
}
