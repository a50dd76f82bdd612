/* The nearest names to a misspelt one, for "did you mean" hints.
 *
 * Distance is the optimal string alignment distance (insert, delete,
 * substitute, swap two neighbours) over characters, not bytes, so Chinese
 * names compare as well as ids.  Candidates are offered one by one; the
 * collector keeps the `keep` nearest (ties: the first offered).
 *
 * Ownership: aj_nearest_new() returns a collector freed with
 * aj_nearest_free(); it copies the candidates it keeps.  aj_nearest_text()
 * returns a string the caller frees.
 */
#ifndef AJ_NEAREST_H
#define AJ_NEAREST_H

#include <glib.h>

typedef struct AjNearest AjNearest;

AjNearest *aj_nearest_new(const char *word, guint keep);
void aj_nearest_add(AjNearest *n, const char *candidate);
void aj_nearest_free(AjNearest *n);

guint aj_nearest_count(const AjNearest *n);
/* The i-th nearest (0: the nearest) and its distance. */
const char *aj_nearest_get(const AjNearest *n, guint i, guint *distance);
/* TRUE when the nearest is close enough to be a slip of the keyboard:
 * at most 2 edits, or at most a third of the word. */
gboolean aj_nearest_is_close(const AjNearest *n);

/* The kept names as one phrase in the user's language: "'a', 'b' or 'c'"
 * (“a”、“b”或“c”); NULL when none was offered. */
char *aj_nearest_text(const AjNearest *n);

/* The distance of two UTF-8 strings (exposed for tests). */
guint aj_edit_distance(const char *a, const char *b);

#endif
