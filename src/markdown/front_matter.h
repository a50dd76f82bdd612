/* The YAML front matter of a Markdown document (between two "---" lines).
 *
 * Ownership: aj_front_matter_parse() fills meta with newly allocated strings
 * that the caller frees with aj_front_matter_clear(); on failure meta is left
 * cleared.
 */
#ifndef AJ_FRONT_MATTER_H
#define AJ_FRONT_MATTER_H

#include "markdown/document.h"
#include "util/line_map.h"

/* Parses yaml (len bytes) whose first line is line first_line of the file
 * source_name, for messages; with origins (a filled template), messages
 * name the template line behind each line instead. */
gboolean aj_front_matter_parse(const char *yaml, gsize len, const char *source_name,
			       int first_line, const AjLineMap *origins, AjDocMeta *meta,
			       GError **err);
void aj_front_matter_clear(AjDocMeta *meta);

#endif
