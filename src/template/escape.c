/* Escapers for Mustache variables; see escape.h. */
#include <string.h>

#include "template/escape.h"

void aj_escape_html(GString *out, const char *s, gsize len)
{
	gsize i;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': g_string_append(out, "&amp;"); break;
		case '"': g_string_append(out, "&quot;"); break;
		case '<': g_string_append(out, "&lt;"); break;
		case '>': g_string_append(out, "&gt;"); break;
		default: g_string_append_c(out, s[i]); break;
		}
	}
}

static gboolean all_digits(const char *s, gsize n)
{
	gsize i;

	for (i = 0; i < n; i++)
		if (!g_ascii_isdigit(s[i]))
			return FALSE;
	return n > 0;
}

static gboolean after_www(const char *s, gsize i)
{
	return i >= 3 && g_ascii_strncasecmp(s + i - 3, "www", 3) == 0;
}

/* Characters that start inline markup anywhere (emphasis, code, links,
 * images, autolinks, raw HTML, entities, strikethrough, table pipes,
 * headings, and the GFM autolink extension's ':' of "http://" and '@' of
 * e-mail addresses) are always escaped, as is the '.' of "www.".  The
 * characters that only matter at the start of a line (list markers, setext
 * underlines, ordered-list numbers) are escaped only where a value could
 * begin a line, so figures such as 12.5, -3.0 and 2026-03 stay readable in
 * the Markdown source.  Blanks at either end become character references,
 * since Markdown would strip them or read four of them as code. */
void aj_escape_markdown(GString *out, const char *s, gsize len)
{
	gsize i, lead = 0, tail = len;

	while (lead < len && (s[lead] == ' ' || s[lead] == '\t'))
		lead++;
	while (tail > lead && (s[tail - 1] == ' ' || s[tail - 1] == '\t'))
		tail--;
	for (i = 0; i < len; i++) {
		char c = s[i];
		gboolean esc = FALSE;

		if (i < lead || i >= tail) {
			g_string_append(out, c == ' ' ? "&#32;" : "&#9;");
			continue;
		}
		if (c == '\r' || c == '\n') {
			if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
			g_string_append_c(out, ' ');
			continue;
		}
		if (c != '\0' && strchr("\\`*_{}[]()#!|<>~&:@", c)) {
			esc = TRUE;
		} else if (c == '-' || c == '+' || c == '=') {
			/* list marker / thematic break / setext underline */
			esc = i == lead && !(i + 1 < len && g_ascii_isdigit(s[i + 1]));
		} else if (c == '.') {
			/* "1." then a blank or the end: an ordered list; "www." a link */
			esc = (all_digits(s + lead, i - lead) &&
			       (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t')) ||
			      after_www(s, i);
		}
		if (esc)
			g_string_append_c(out, '\\');
		g_string_append_c(out, c);
	}
}

void aj_escape_yaml(GString *out, const char *s, gsize len)
{
	gsize i;

	for (i = 0; i < len; i++) {
		guchar c = (guchar)s[i];

		switch (c) {
		case '\\': g_string_append(out, "\\\\"); break;
		case '"': g_string_append(out, "\\\""); break;
		case '\n': g_string_append(out, "\\n"); break;
		case '\r': g_string_append(out, "\\r"); break;
		case '\t': g_string_append(out, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				g_string_append_printf(out, "\\x%02x", c);
			else
				g_string_append_c(out, (char)c);
			break;
		}
	}
}
