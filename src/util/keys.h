/* Key files of incremental outputs: one "NAME KEY" line per output file
 * (an enterprise page, a dossier), where KEY is the hex digest of what
 * the file was made from.  The next build links a file whose key is
 * unchanged instead of making it again.
 *
 * Ownership: aj_keys_read() returns a table (name → key, both owned by it)
 * freed with g_hash_table_destroy(); NULL when the file cannot be read.
 */
#ifndef AJ_KEYS_H
#define AJ_KEYS_H

#include <glib.h>

GHashTable *aj_keys_read(const char *path);

/* TRUE when keys holds key for name. */
gboolean aj_keys_match(GHashTable *keys, const char *name, const char *key);

/* Hex SHA-256 of prefix (a string) followed by len bytes of data. */
char *aj_keys_digest(const char *prefix, const void *data, gsize len);

#endif
