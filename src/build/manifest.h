/* OUT/manifest.xml (documents.md "Output directory"): every document in
 * build order with its files, each with its SHA-256 read back from disk.
 */
#ifndef AJ_BUILD_MANIFEST_H
#define AJ_BUILD_MANIFEST_H

#include "build/build.h"

/* "YYYY-MM-DDTHH:MM:SSZ" from SOURCE_DATE_EPOCH, else asof at 00:00:00Z.
 * The caller frees it. */
char *aj_manifest_generated(AjDay asof);
/* Writes root/manifest.xml for docs (AjBuiltDoc *). EX_IOERR on failure. */
gboolean aj_manifest_write(const char *root, const GPtrArray *docs, AjDay asof, GError **err);
/* Hex SHA-256 of a file; NULL with EX_IOERR. The caller frees it. */
char *aj_file_sha256(const char *path, GError **err);

#endif
