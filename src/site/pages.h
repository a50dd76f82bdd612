/* The HTML pages of the site, each a page context (XML) filled into its
 * layout.  Every page context is <page root="../" title="…" issuer="…">
 * with <nav href label current/> items; the rest is per page (see the
 * layouts in templates/site/).
 *
 * Ownership: functions only write files; buf is the caller's scratch buffer.
 */
#ifndef AJ_SITE_PAGES_H
#define AJ_SITE_PAGES_H

#include "site/entry.h"

/* A new page context (its own xmlDoc); `root` leads from the page back to
 * the site root ("" or "../"); `current` is the nav href of the page. */
xmlNodePtr aj_site_page_new(const Site *site, const char *root, const char *title,
			    const char *current);
/* The same whose menu leaves out the kinds of documents (the home page
 * leads to them): for the enterprise pages, which must not change when a
 * quarter's documents come and go with the month built (an enterprise
 * with nothing new keeps its page's bytes). */
xmlNodePtr aj_site_page_new_steady(const Site *site, const char *root, const char *title,
				   const char *current);
/* Fills layout from page into buf, writes it to rel and frees page's doc. */
gboolean aj_site_page_write(const Site *site, xmlNodePtr page, const char *layout,
			    const char *rel, GString *buf, GError **err);

gboolean aj_site_write_document(const Site *site, const SiteEntry *e, GString *buf, GError **err);
gboolean aj_site_write_archives(const Site *site, GString *buf, GError **err);
gboolean aj_site_write_index(const Site *site, GString *buf, GError **err);
/* search.html and search-index.json */
gboolean aj_site_write_search(const Site *site, GString *buf, GError **err);
/* feed.xml and sitemap.xml */
gboolean aj_site_write_feeds(const Site *site, GError **err);

/* Appends s as a JSON string literal ("…"), safe inside HTML too. */
void aj_site_json_string(GString *out, const char *s);

#endif
