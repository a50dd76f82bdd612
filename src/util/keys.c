#include "util/keys.h"

#include <string.h>

GHashTable *aj_keys_read(const char *path)
{
	char *text = NULL;
	GHashTable *keys;

	if (path == NULL || !g_file_get_contents(path, &text, NULL, NULL))
		return NULL;
	keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	for (char *line = text, *nl; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
		char *sp;
		*nl = '\0';
		sp = strchr(line, ' ');
		if (sp != NULL) {
			*sp = '\0';
			g_hash_table_replace(keys, g_strdup(line), g_strdup(sp + 1));
		}
	}
	g_free(text);
	return keys;
}

gboolean aj_keys_match(GHashTable *keys, const char *name, const char *key)
{
	const char *old = keys != NULL ? g_hash_table_lookup(keys, name) : NULL;

	return old != NULL && strcmp(old, key) == 0;
}

char *aj_keys_digest(const char *prefix, const void *data, gsize len)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	char *hex;

	g_checksum_update(sum, (const guchar *)prefix, -1);
	g_checksum_update(sum, data, (gssize)len);
	hex = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return hex;
}
