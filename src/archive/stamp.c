#include "archive/stamp.h"

#include <string.h>

static const char *const stamped[] = { "number", "date", "print_date" };

/* The line without its end and trailing blanks ("\r" of CRLF included). */
static char *trimmed(const char *line)
{
	return g_strchomp(g_strdup(line));
}

static gboolean is_fence(const char *line, gboolean opening)
{
	char *t = trimmed(line);
	gboolean yes = strcmp(t, "---") == 0 || (!opening && strcmp(t, "...") == 0);

	g_free(t);
	return yes;
}

/* The stamped key a top-level line sets ("number: …"), or -1. */
static int stamped_key(const char *line)
{
	for (gsize k = 0; k < G_N_ELEMENTS(stamped); k++) {
		gsize n = strlen(stamped[k]);
		if (strncmp(line, stamped[k], n) == 0 && line[n] == ':')
			return (int)k;
	}
	return -1;
}

/* A YAML double-quoted scalar. */
static void append_quoted(GString *out, const char *key, const char *value)
{
	g_string_append_printf(out, "%s: \"", key);
	for (const char *p = value; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			g_string_append_c(out, '\\');
		g_string_append_c(out, *p);
	}
	g_string_append(out, "\"\n");
}

char *aj_stamp_markdown(const char *text, const char *number, const char *date)
{
	const char *values[] = { number, date, date };
	gboolean done[G_N_ELEMENTS(stamped)] = { FALSE };
	const char *body = text;
	char **lines;
	GString *out;
	gsize i = 1;
	gboolean closed = FALSE;

	if (g_str_has_prefix(body, "\xEF\xBB\xBF"))
		body += 3;
	lines = g_strsplit(body, "\n", -1);
	if (lines[0] == NULL || !is_fence(lines[0], TRUE)) {
		g_strfreev(lines);
		return NULL;
	}
	out = g_string_new(NULL);
	g_string_append_len(out, text, body - text);
	g_string_append_printf(out, "%s\n", lines[0]);
	for (; lines[i] != NULL && !closed; i++) {
		int k = stamped_key(lines[i]);
		if (is_fence(lines[i], FALSE)) {
			for (gsize j = 0; j < G_N_ELEMENTS(stamped); j++)
				if (!done[j])
					append_quoted(out, stamped[j], values[j]);
			closed = TRUE;
			g_string_append(out, lines[i]);
		} else if (k >= 0) {
			/* the key's own continuation lines (indented) go with it */
			while (lines[i + 1] != NULL &&
			       (lines[i + 1][0] == ' ' || lines[i + 1][0] == '\t'))
				i++;
			if (!done[k])
				append_quoted(out, stamped[k], values[k]);
			done[k] = TRUE;
			continue;
		} else {
			g_string_append(out, lines[i]);
		}
		if (lines[i + 1] != NULL)
			g_string_append_c(out, '\n');
	}
	for (; lines[i] != NULL; i++) {
		g_string_append(out, lines[i]);
		if (lines[i + 1] != NULL)
			g_string_append_c(out, '\n');
	}
	g_strfreev(lines);
	if (!closed) {
		g_string_free(out, TRUE);
		return NULL;
	}
	return g_string_free(out, FALSE);
}
