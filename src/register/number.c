#include "register/number.h"

#include <string.h>

#include "util/digits.h"

#define OPEN "〔"
#define CLOSE "〕"
#define HAO "号"

char *aj_number_format(const char *prefix, int year, int n)
{
	return g_strdup_printf("%s" OPEN "%d" CLOSE "%d" HAO, prefix, year, n);
}

/* At most 9 digits: a year or an N fits an int. */
static gboolean digits(const char *s, gsize len, int *out)
{
	guint64 v = 0;

	if (!aj_digits(s, (gssize)len, 999999999, &v))
		return FALSE;
	*out = (int)v;
	return TRUE;
}

gboolean aj_number_parse(const char *number, char **prefix, int *year, int *n)
{
	const char *open = strstr(number, OPEN), *close, *hao;

	if (open == NULL || open == number)
		return FALSE;
	close = strstr(open, CLOSE);
	if (close == NULL || !digits(open + strlen(OPEN), (gsize)(close - open - strlen(OPEN)), year))
		return FALSE;
	hao = close + strlen(CLOSE);
	if (!g_str_has_suffix(hao, HAO) ||
	    !digits(hao, strlen(hao) - strlen(HAO), n) || *n <= 0)
		return FALSE;
	*prefix = g_strndup(number, (gsize)(open - number));
	return TRUE;
}

struct AjNumbering {
	const AjRegister *reg;
	GHashTable *next; /* "prefix〔year〕" → next N */
};

AjNumbering *aj_numbering_new(const AjRegister *reg)
{
	AjNumbering *nb = g_new0(AjNumbering, 1);

	nb->reg = reg;
	nb->next = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return nb;
}

int aj_numbering_next(AjNumbering *nb, const char *prefix, int year)
{
	char *key = g_strdup_printf("%s" OPEN "%d" CLOSE, prefix, year);
	gpointer v;
	int n;

	if (g_hash_table_lookup_extended(nb->next, key, NULL, &v))
		n = GPOINTER_TO_INT(v);
	else
		n = nb->reg != NULL ? aj_register_next_serial(nb->reg, prefix, year) : 1;
	g_hash_table_replace(nb->next, key, GINT_TO_POINTER(n + 1));
	return n;
}

void aj_numbering_free(AjNumbering *nb)
{
	if (nb == NULL)
		return;
	g_hash_table_destroy(nb->next);
	g_free(nb);
}
