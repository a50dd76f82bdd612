#include "util/nearest.h"

#include <string.h>

#include "util/i18n.h"

typedef struct {
	char *name;
	guint distance;
} Kept;

struct AjNearest {
	char *word;
	guint keep;
	GArray *kept; /* Kept, nearest first */
};

guint aj_edit_distance(const char *a, const char *b)
{
	glong n = 0, m = 0;
	gunichar *x = g_utf8_to_ucs4_fast(a, -1, &n), *y = g_utf8_to_ucs4_fast(b, -1, &m);
	/* three rows: the one before the previous is needed for swaps */
	guint *rows = g_new(guint, 3 * (gsize)(m + 1));
	guint *pp = rows, *prev = rows + m + 1, *cur = rows + 2 * (m + 1);

	for (glong j = 0; j <= m; j++)
		prev[j] = (guint)j;
	for (glong i = 1; i <= n; i++) {
		cur[0] = (guint)i;
		for (glong j = 1; j <= m; j++) {
			guint cost = x[i - 1] == y[j - 1] ? 0 : 1;
			guint d = MIN(MIN(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
				d = MIN(d, pp[j - 2] + 1);
			cur[j] = d;
		}
		guint *t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	guint d = prev[m];
	g_free(rows);
	g_free(x);
	g_free(y);
	return d;
}

AjNearest *aj_nearest_new(const char *word, guint keep)
{
	AjNearest *n = g_new0(AjNearest, 1);

	n->word = g_strdup(word);
	n->keep = MAX(keep, 1);
	n->kept = g_array_new(FALSE, FALSE, sizeof(Kept));
	return n;
}

void aj_nearest_add(AjNearest *n, const char *candidate)
{
	guint d, at;

	if (candidate == NULL || strcmp(candidate, n->word) == 0)
		return;
	for (guint i = 0; i < n->kept->len; i++)
		if (strcmp(g_array_index(n->kept, Kept, i).name, candidate) == 0)
			return;
	d = aj_edit_distance(n->word, candidate);
	for (at = 0; at < n->kept->len && g_array_index(n->kept, Kept, at).distance <= d; at++)
		;
	if (at >= n->keep)
		return;
	Kept k = { g_strdup(candidate), d };
	g_array_insert_val(n->kept, at, k);
	if (n->kept->len > n->keep) {
		g_free(g_array_index(n->kept, Kept, n->kept->len - 1).name);
		g_array_set_size(n->kept, n->keep);
	}
}

void aj_nearest_free(AjNearest *n)
{
	if (n == NULL)
		return;
	for (guint i = 0; i < n->kept->len; i++)
		g_free(g_array_index(n->kept, Kept, i).name);
	g_array_free(n->kept, TRUE);
	g_free(n->word);
	g_free(n);
}

guint aj_nearest_count(const AjNearest *n)
{
	return n->kept->len;
}

const char *aj_nearest_get(const AjNearest *n, guint i, guint *distance)
{
	if (i >= n->kept->len)
		return NULL;
	if (distance != NULL)
		*distance = g_array_index(n->kept, Kept, i).distance;
	return g_array_index(n->kept, Kept, i).name;
}

gboolean aj_nearest_is_close(const AjNearest *n)
{
	guint d;

	if (aj_nearest_get(n, 0, &d) == NULL)
		return FALSE;
	return d <= 2 || d * 3 <= (guint)g_utf8_strlen(n->word, -1);
}

char *aj_nearest_text(const AjNearest *n)
{
	GString *s;

	if (n->kept->len == 0)
		return NULL;
	s = g_string_new(NULL);
	for (guint i = 0; i < n->kept->len; i++) {
		if (i > 0)
			/* TRANSLATORS: between the names of a list, and before its last one */
			g_string_append(s, i + 1 < n->kept->len ? _(", ") : _(" or "));
		/* TRANSLATORS: a name quoted in a message */
		g_string_append_printf(s, _("'%s'"), g_array_index(n->kept, Kept, i).name);
	}
	return g_string_free(s, FALSE);
}
