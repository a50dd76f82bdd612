#include "util/line_map.h"

typedef struct {
	const char *origin; /* in names */
	int line;
} Origin;

struct AjLineMap {
	GArray *lines; /* Origin per output line, index 0 = line 1 */
	GStringChunk *names;
};

AjLineMap *aj_line_map_new(void)
{
	AjLineMap *m = g_new0(AjLineMap, 1);

	m->lines = g_array_new(FALSE, FALSE, sizeof(Origin));
	m->names = g_string_chunk_new(256);
	return m;
}

void aj_line_map_free(AjLineMap *m)
{
	if (m == NULL)
		return;
	g_array_free(m->lines, TRUE);
	g_string_chunk_free(m->names);
	g_free(m);
}

void aj_line_map_set(AjLineMap *m, guint line, const char *origin, int source_line)
{
	if (line == 0 || line <= m->lines->len)
		return;
	Origin o = { g_string_chunk_insert_const(m->names, origin), source_line };
	while (m->lines->len < line)
		g_array_append_val(m->lines, o);
}

guint aj_line_map_lines(const AjLineMap *m)
{
	return m->lines->len;
}

void aj_line_map_append(AjLineMap *m, const AjLineMap *tail, guint lines)
{
	for (guint i = 0; i < tail->lines->len; i++) {
		const Origin *o = &g_array_index(tail->lines, Origin, i);
		aj_line_map_set(m, lines + i + 1, o->origin, o->line);
	}
}

char *aj_line_map_where(const AjLineMap *m, guint line, const char *fallback)
{
	if (m != NULL && line > 0 && line <= m->lines->len) {
		const Origin *o = &g_array_index(m->lines, Origin, line - 1);
		return g_strdup_printf("%s:%d", o->origin, o->line);
	}
	return g_strdup_printf("%s:%u", fallback, line);
}
