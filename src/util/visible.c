#include "util/visible.h"

#include "util/i18n.h"

/* The name of an invisible character c at position (first, last, next to
 * a blank), or NULL when it shows as itself.  The names are words of the
 * user's language in brackets. */
static const char *invisible_name(gunichar c, gboolean at_edge, gboolean beside_blank)
{
	switch (c) {
	case ' ':
		return at_edge || beside_blank ? _("[space]") : NULL;
	case '\t':
		return _("[tab]");
	case '\n':
	case '\r':
	case 0x2028:
	case 0x2029:
		return _("[line break]");
	case 0x00A0:
	case 0x202F:
		return _("[no-break space]");
	case 0x3000:
		return _("[full-width space]");
	case 0x200B:
	case 0x200C:
	case 0x200D:
	case 0x2060:
		return _("[zero-width space]");
	case 0xFEFF:
		return _("[byte order mark]");
	default:
		return NULL;
	}
}

static gboolean is_other_invisible(gunichar c)
{
	GUnicodeType t = g_unichar_type(c);

	return t == G_UNICODE_CONTROL || t == G_UNICODE_FORMAT ||
	       (g_unichar_isspace(c) && c != ' ') || t == G_UNICODE_PRIVATE_USE;
}

/* Calls out for each character of v: its name or NULL; returns whether
 * any was named. */
static gboolean walk(const char *v, GString *out)
{
	gboolean named = FALSE;

	if (!g_utf8_validate(v, -1, NULL)) {
		if (out != NULL)
			g_string_append(out, v); /* the loader has checked the text */
		return FALSE;
	}
	for (const char *p = v; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		const char *next = g_utf8_next_char(p);
		gboolean edge = p == v || *next == '\0';
		gboolean beside = (p > v && p[-1] == ' ') || *next == ' ';
		const char *name = invisible_name(c, edge, beside);
		char hex[16];

		if (name == NULL && is_other_invisible(c)) {
			g_snprintf(hex, sizeof hex, "[U+%04X]", c);
			name = hex;
		}
		if (name != NULL)
			named = TRUE;
		if (out == NULL)
			continue;
		if (name != NULL)
			g_string_append(out, name);
		else
			g_string_append_len(out, p, next - p);
	}
	return named;
}

char *aj_visible(const char *value)
{
	GString *s = g_string_new(NULL);

	walk(value != NULL ? value : "", s);
	return g_string_free(s, FALSE);
}

gboolean aj_has_invisible(const char *value)
{
	return value != NULL && walk(value, NULL);
}
