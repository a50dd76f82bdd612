/* Filling a template: Mustache over a document context.
 *
 * Ownership: the returned text belongs to the caller (g_free()); a loaded
 * template is freed with aj_template_free().
 */
#ifndef AJ_TEMPLATE_H
#define AJ_TEMPLATE_H

#include <glib.h>
#include <libxml/tree.h>

#include "util/line_map.h"

/* A template parsed once (front matter and body) to fill many contexts,
 * from several threads at once.  Errors as aj_template_render_file(). */
typedef struct AjTemplate AjTemplate;
AjTemplate *aj_template_load(const char *path, GError **err);
char *aj_template_render(const AjTemplate *t, xmlNodePtr context, GError **err);
void aj_template_free(AjTemplate *t);

/* A filled template. */
typedef struct {
	char *text;         /* front matter and Markdown body */
	AjLineMap *origins; /* the template line behind each line of text */
} AjFilled;

/* Fills the template file at path (partials are looked up beside it) from
 * context, with YAML escaping for {{name}} in the front matter and Markdown
 * escaping in the body.  With a specimen (context/specimen.h) the template
 * is first checked (aj_m_check()): a name that neither the specimen nor
 * context can resolve, or a brace too few or too many, is an error.
 * Errors name the template file, line and column.  On success the caller
 * clears out with aj_filled_clear(). */
gboolean aj_template_fill(const char *path, xmlNodePtr context, xmlNodePtr specimen,
			  AjFilled *out, GError **err);
void aj_filled_clear(AjFilled *f);

/* The text of aj_template_fill() without a specimen; the caller frees it. */
char *aj_template_render_file(const char *path, xmlNodePtr context, GError **err);

#endif
