#include <string.h>

#include "load/values.h"
#include "load/words.h"
#include "util/i18n.h"
#include "util/visible.h"

/* The embedded schema has no patterns, so no schema error says the same.
 * fmt's first three directives are the element (in the user's words), the
 * attribute and the value (its invisible characters named). */
#define BAD(c, attr, v, fmt, ...)                                                          \
	do {                                                                               \
		char *shown_ = aj_visible(v);                                              \
		aj_loader_error((c)->l, (c)->line, fmt, aj_elem_words((c)->elem), attr,    \
				shown_, ##__VA_ARGS__);                                    \
		g_free(shown_);                                                            \
		return FALSE;                                                              \
	} while (0)

/* Two ASCII digits at s, or -1. */
static int two(const char *s)
{
	return g_ascii_isdigit(s[0]) && g_ascii_isdigit(s[1]) ? (s[0] - '0') * 10 + (s[1] - '0') : -1;
}

gboolean aj_load_parse_day(const char *s, AjDay *out)
{
	static const int before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	static const int length[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int hi = two(s), lo = hi < 0 ? -1 : two(s + 2), m, d;

	if (lo < 0 || s[4] != '-' || (m = two(s + 5)) < 1 || s[7] != '-' || (d = two(s + 8)) < 1 ||
	    s[10] != '\0' || m > 12)
		return FALSE;
	int y = hi * 100 + lo;
	gboolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1 || d > length[m - 1] + (leap && m == 2))
		return FALSE;
	int py = y - 1;
	*out = (AjDay)(py * 365 + py / 4 - py / 100 + py / 400 + before[m - 1] + (leap && m > 2) + d);
	return TRUE;
}

gboolean aj_value_day(const AjValueCtx *c, const char *attr, const char *v, AjDay *out)
{
	if (!aj_load_parse_day(v, out))
		BAD(c, attr, v, _("%s %s '%s' is not a date; write a real date as YYYY-MM-DD, "
				 "e.g. 2026-01-29"));
	return TRUE;
}

gboolean aj_value_month(const AjValueCtx *c, const char *attr, const char *v, AjMonth *out)
{
	if (!aj_month_parse(v, out))
		BAD(c, attr, v, _("%s %s '%s' is not a month; write it as YYYY-MM, e.g. 2026-03"));
	return TRUE;
}

gboolean aj_value_quarter(const AjValueCtx *c, const char *attr, const char *v, AjQuarter *out)
{
	if (!aj_quarter_parse(v, out))
		BAD(c, attr, v, _("%s %s '%s' is not a quarter; write it as YYYY-Qn (n = 1..4), "
				 "e.g. 2026-Q1"));
	return TRUE;
}

/* Digits only, no sign, no blanks; at most max_digits of them. */
static gboolean all_digits(const char *v, gsize max_digits)
{
	gsize n = 0;

	for (; v[n] != '\0'; n++)
		if (!g_ascii_isdigit(v[n]))
			return FALSE;
	return n > 0 && n <= max_digits;
}

gboolean aj_value_year(const AjValueCtx *c, const char *attr, const char *v, guint16 *out)
{
	if (strlen(v) != 4 || !all_digits(v, 4) || v[0] == '0')
		BAD(c, attr, v, _("%s %s '%s' is not a year; write four digits, e.g. 2026"));
	*out = (guint16)((v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0'));
	return TRUE;
}

gboolean aj_value_count(const AjValueCtx *c, const char *attr, const char *v, guint32 *out)
{
	guint64 n = 0;

	if (!all_digits(v, 10))
		BAD(c, attr, v, _("%s %s '%s' is not a count; write a whole number, e.g. 12"));
	for (const char *p = v; *p != '\0'; p++)
		n = n * 10 + (guint64)(*p - '0');
	if (n > G_MAXUINT32)
		BAD(c, attr, v, _("%s %s '%s' is too large; counts go up to %u"), G_MAXUINT32);
	*out = (guint32)n;
	return TRUE;
}

gboolean aj_value_money(const AjValueCtx *c, const char *attr, const char *v, AjFen *out)
{
	const char *dot = strchr(v, '.');
	gsize int_len = dot != NULL ? (gsize)(dot - v) : strlen(v);
	gsize frac_len = dot != NULL ? strlen(dot + 1) : 0;
	AjFen n = 0;

	if (int_len == 0 || int_len > 15 || (dot != NULL && (frac_len < 1 || frac_len > 2)))
		goto bad;
	for (gsize i = 0; i < int_len; i++) {
		if (!g_ascii_isdigit(v[i]))
			goto bad;
		n = n * 10 + (v[i] - '0');
	}
	for (gsize i = 0; i < 2; i++) {
		char d = i < frac_len ? dot[1 + i] : '0';
		if (!g_ascii_isdigit(d))
			goto bad;
		n = n * 10 + (d - '0');
	}
	*out = n;
	return TRUE;
bad:
	BAD(c, attr, v, _("%s %s '%s' is not an amount; write a non-negative number with at most "
			  "two decimals and no unit, e.g. 50000 or 1200.50"));
}

gboolean aj_value_bool(const AjValueCtx *c, const char *attr, const char *v, gboolean *out)
{
	if (strcmp(v, "true") == 0)
		*out = TRUE;
	else if (strcmp(v, "false") == 0)
		*out = FALSE;
	else
		BAD(c, attr, v, _("%s %s '%s' is not a boolean; write true or false"));
	return TRUE;
}

gboolean aj_value_district_code(const AjValueCtx *c, const char *attr, const char *v)
{
	if (strlen(v) != 6 || !all_digits(v, 6))
		BAD(c, attr, v, _("%s %s '%s' is not a district code; write the 6-digit "
				  "administrative code, e.g. 320582"));
	return TRUE;
}

gboolean aj_value_nonblank(const AjValueCtx *c, const char *attr, const char *v)
{
	for (const char *p = v; *p != '\0'; p++)
		if (!g_ascii_isspace(*p))
			return TRUE;
	aj_loader_error(c->l, c->line, _("%s %s is empty; fill it in"), aj_elem_words(c->elem), attr);
	return FALSE;
}

const char *aj_value_label(const AjValueCtx *c, const char *attr, const char *v)
{
	for (const char *p = v; *p != '\0'; p++)
		if (!g_ascii_isspace(*p))
			return aj_model_intern(c->l->model, v);
	aj_loader_error(c->l, c->line, _("%s %s is empty; fill it in"), aj_elem_words(c->elem), attr);
	return NULL;
}

gboolean aj_value_ascii(const AjValueCtx *c, const char *attr, const char *v)
{
	gsize n = strlen(v);

	for (gsize i = 0; i < n; i++)
		if (v[i] < 0x20 || v[i] > 0x7e)
			goto bad;
	if (n > 0 && v[0] != ' ' && v[n - 1] != ' ')
		return TRUE;
bad:
	BAD(c, attr, v, _("%s %s '%s' must be plain ASCII text without blanks at either end, "
			  "e.g. fall or fire"));
}
