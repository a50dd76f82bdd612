#include <string.h>

#include "model/credit_code.h"

static const char code_set[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* Value 0..30 of c in the code set, -1 if it is not in it (lowercase and the
 * letters I, O, S, V, Z are not). */
static int char_value(char c)
{
	const char *p = c != '\0' ? strchr(code_set, c) : NULL;

	return p == NULL ? -1 : (int)(p - code_set);
}

char aj_credit_code_check_char(const char *s)
{
	int sum = 0, weight = 1;

	for (int i = 0; i < 17; i++) {
		int v = char_value(s[i]);
		if (v < 0)
			return '\0';
		sum += v * weight;
		weight = weight * 3 % 31;
	}
	return code_set[(31 - sum % 31) % 31];
}

gboolean aj_credit_code_valid(const char *s)
{
	if (s == NULL || strlen(s) != 18)
		return FALSE;
	for (int i = 2; i < 8; i++)
		if (!g_ascii_isdigit(s[i]))
			return FALSE;
	if (char_value(s[17]) < 0)
		return FALSE;
	return aj_credit_code_check_char(s) == s[17];
}
