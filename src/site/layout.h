/* The page layouts of the site: Mustache templates in templates/site/
 * (*.html, partials beside them as _NAME.html), filled from a page context
 * that is an XML element, with HTML escaping for {{name}}.
 *
 * Layouts are parsed once per build and reused for every page.
 *
 * Ownership: aj_site_layouts_load() returns a set freed with
 * aj_site_layouts_free(); render appends to the caller's GString.
 */
#ifndef AJ_SITE_LAYOUT_H
#define AJ_SITE_LAYOUT_H

#include <glib.h>
#include <libxml/tree.h>

typedef struct AjSiteLayouts AjSiteLayouts;

/* Loads every layout of dir (the templates/site directory).  Errors name
 * the file, line and column (EX_DATAERR) or the missing directory
 * (EX_NOINPUT). */
AjSiteLayouts *aj_site_layouts_load(const char *dir, GError **err);
void aj_site_layouts_free(AjSiteLayouts *layouts);

/* Appends layout `name` (e.g. "document.html") filled from ctx to out. */
gboolean aj_site_layouts_render(const AjSiteLayouts *layouts, const char *name, xmlNodePtr ctx,
				GString *out, GError **err);

/* TRUE when the layout `name` was loaded. */
gboolean aj_site_layouts_has(const AjSiteLayouts *layouts, const char *name);

/* Hex SHA-256 of every layout and partial (names and texts): a page whose
 * context and layouts are unchanged renders to the same bytes. */
const char *aj_site_layouts_digest(const AjSiteLayouts *layouts);

#endif
