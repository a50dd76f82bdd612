/* Filling a template: Mustache over a document context.
 *
 * Ownership: the returned text belongs to the caller (g_free()).
 */
#ifndef AJ_TEMPLATE_H
#define AJ_TEMPLATE_H

#include <glib.h>
#include <libxml/tree.h>

/* Renders the template file at path (partials are looked up beside it)
 * against context, with Markdown escaping for {{name}}.  Errors name the
 * template file, line and column. */
char *aj_template_render_file(const char *path, xmlNodePtr context, GError **err);

#endif
