#include "support/grid_text.h"

#include <glib.h>

char *ajt_grid_paragraphs(int paras)
{
	GString *s = g_string_new(NULL);

	for (int i = 0; i < paras; i++) {
		for (int k = 0; k < 54; k++)
			g_string_append(s, "安");
		g_string_append(s, "\n\n");
	}
	return g_string_free(s, FALSE);
}
