/* Where each line of a generated text came from: for a filled template,
 * the template file and line that wrote the first bytes of each output
 * line, so errors found in the output (front matter, attachments) name the
 * line a user can edit.
 *
 * Ownership: aj_line_map_new() returns a map freed with aj_line_map_free();
 * it copies the origin names.  aj_line_map_where() returns a string the
 * caller frees.
 */
#ifndef AJ_LINE_MAP_H
#define AJ_LINE_MAP_H

#include <glib.h>

typedef struct AjLineMap AjLineMap;

AjLineMap *aj_line_map_new(void);
void aj_line_map_free(AjLineMap *m);

/* Output line `line` (1-based) came from origin:source_line; lines not yet
 * set before it take the same origin.  A line keeps its first origin. */
void aj_line_map_set(AjLineMap *m, guint line, const char *origin, int source_line);
/* Lines already set. */
guint aj_line_map_lines(const AjLineMap *m);
/* Shifts every later origin: the map of text that is appended after
 * `lines` lines of other text. */
void aj_line_map_append(AjLineMap *m, const AjLineMap *tail, guint lines);

/* "origin:source_line" of output line `line`; with m NULL or the line not
 * mapped, "fallback:line". */
char *aj_line_map_where(const AjLineMap *m, guint line, const char *fallback);

#endif
