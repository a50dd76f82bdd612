#include <string.h>

#include "html/escape.h"

#define REPLACEMENT "\xEF\xBF\xBD"

/* Escapes a run already known to be valid UTF-8. */
static void escape_valid(GString *out, const char *p, const char *end)
{
	const char *run = p;

	for (; p < end; p++) {
		const char *rep = NULL;
		unsigned char c = (unsigned char)*p;
		gsize skip = 1;

		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\t': case '\n': case '\r': break;
		case 0xEF: /* U+FFFE and U+FFFF are not XML characters */
			if (end - p >= 3 && (unsigned char)p[1] == 0xBF &&
			    ((unsigned char)p[2] == 0xBE || (unsigned char)p[2] == 0xBF)) {
				rep = REPLACEMENT;
				skip = 3;
			}
			break;
		default:
			if (c < 0x20 || c == 0x7F)
				rep = REPLACEMENT;
			break;
		}
		if (rep == NULL)
			continue;
		g_string_append_len(out, run, p - run);
		g_string_append(out, rep);
		p += skip - 1;
		run = p + 1;
	}
	g_string_append_len(out, run, end - run);
}

void aj_html_escape(GString *out, const char *text, gssize len)
{
	const char *p = text, *end;

	if (text == NULL)
		return;
	end = text + (len < 0 ? (gssize)strlen(text) : len);
	while (p < end) {
		const char *valid_end = NULL;

		g_utf8_validate(p, end - p, &valid_end);
		escape_valid(out, p, valid_end);
		if (valid_end >= end)
			break;
		/* one invalid byte (or a NUL) becomes one replacement character */
		g_string_append(out, REPLACEMENT);
		p = valid_end + 1;
	}
}

void aj_html_slug(GString *out, const char *text)
{
	gsize start = out->len;
	guint chars = 0;
	gboolean dash = FALSE;

	for (const char *p = text; p != NULL && *p != '\0' && chars < 48;) {
		gunichar c = g_utf8_get_char_validated(p, -1);

		if (c == (gunichar)-1 || c == (gunichar)-2) {
			p++;
			dash = TRUE;
			continue;
		}
		if (g_unichar_isalnum(c) || g_unichar_iswide(c)) {
			if (g_unichar_ispunct(c) || g_unichar_isspace(c)) {
				dash = TRUE; /* full-width punctuation such as 、（） */
			} else {
				if (dash && out->len > start)
					g_string_append_c(out, '-');
				dash = FALSE;
				g_string_append_unichar(out, c < 0x80 ? g_unichar_tolower(c) : c);
				chars++;
			}
		} else {
			dash = TRUE;
		}
		p = g_utf8_next_char(p);
	}
	if (out->len == start)
		g_string_append(out, "section");
}
