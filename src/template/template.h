/* Filling a template: Mustache over a document context.
 *
 * Ownership: the returned text belongs to the caller (g_free()); a loaded
 * template is freed with aj_template_free().
 */
#ifndef AJ_TEMPLATE_H
#define AJ_TEMPLATE_H

#include <glib.h>
#include <libxml/tree.h>

/* A template parsed once (front matter and body) to fill many contexts,
 * from several threads at once.  Errors as aj_template_render_file(). */
typedef struct AjTemplate AjTemplate;
AjTemplate *aj_template_load(const char *path, GError **err);
char *aj_template_render(const AjTemplate *t, xmlNodePtr context, GError **err);
void aj_template_free(AjTemplate *t);

/* Renders the template file at path (partials are looked up beside it)
 * against context, with Markdown escaping for {{name}}.  Errors name the
 * template file, line and column. */
char *aj_template_render_file(const char *path, xmlNodePtr context, GError **err);

#endif
