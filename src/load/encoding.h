/* The text encoding of a data file.
 *
 * data-format.md asks for UTF-8; exports from Chinese Windows systems come
 * in GBK/GB18030, often without saying so.  A file that declares GBK,
 * GB18030 or GB2312 is read (libxml2 converts it); one in that encoding
 * that does not say so, or says UTF-8, is named for what it is instead of
 * "bytes that are not UTF-8".
 *
 * Both functions look at the file of l (l->path) and record at most one
 * error in l; nothing is kept.
 */
#ifndef AJ_LOAD_ENCODING_H
#define AJ_LOAD_ENCODING_H

#include "load/loader.h"

/* The parser met bytes that are not UTF-8 at line: when the file is
 * GBK/GB18030 text, records the error saying so and returns TRUE. */
gboolean aj_encoding_explain(AjLoader *l, guint line);

/* The encoding the file declares (NULL: none) is one anjian reads and
 * agrees with its bytes; else records the error and returns FALSE. */
gboolean aj_encoding_declared_ok(AjLoader *l, const char *declared);

/* TRUE when the bytes are GB18030 (of which GBK and GB2312 are parts),
 * with at least one Chinese character, and not UTF-8 (exposed for tests). */
gboolean aj_encoding_is_gb(const char *bytes, gsize len);

#endif
