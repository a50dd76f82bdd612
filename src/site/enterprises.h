/* The enterprise part of the site (see AjSiteEnterprises in site.h):
 *   enterprise/CODE.html   one page per enterprise, layout enterprise.html;
 *                          rewritten only when its page context changed
 *                          (the key of every page is kept in
 *                          OUT/.cache/enterprise-pages.keys; an unchanged
 *                          page is hard-linked from the earlier output)
 *   enterprises/…          the listings (directory.c), layout enterprises.html
 *   search/…               the search shards (shards.c)
 *
 * Pages are written by a thread pool in blocks; each worker has its own
 * buffers, the layouts are parsed once, and a page is one open, write and
 * close in the build's temporary tree (which the build swaps in whole, so
 * no reader sees a page half-written).
 *
 * Ownership: the Site owns its SiteDirectory (aj_site_directory_free()).
 */
#ifndef AJ_SITE_ENTERPRISES_H
#define AJ_SITE_ENTERPRISES_H

#include "site/entry.h"

#define AJ_SITE_LISTING_ROWS 200 /* entries per listing page */
#define AJ_SITE_PAGE_KEYS "enterprise-pages.keys"
#define AJ_SITE_LIST_KEYS "enterprise-lists.keys"

/* What a listing or the search shows of an enterprise. */
typedef struct {
	char *id, *name;
	guint district, industry; /* indexes into SiteDirectory.districts / industries */
	gboolean closed;
} SiteCompany;

/* A district or an industry and its enterprises. */
typedef struct {
	char *code, *label;
	guint count;
} SiteGroup;

typedef struct SiteDirectory {
	SiteCompany *companies; /* n, in the source's order */
	guint n;
	GPtrArray *districts;   /* SiteGroup *, by code */
	GPtrArray *industries;  /* SiteGroup *, by code */
	GHashTable *by_id;      /* credit code → SiteCompany * */
	char *as_of_cn;
} SiteDirectory;

void aj_site_directory_free(SiteDirectory *dir);

/* The enterprise pages, then the listings and the search shards; sets
 * site->has_enterprises and site->directory.  Without the layout
 * enterprise.html in layouts_dir: a warning, and no enterprise pages. */
gboolean aj_site_write_enterprises(Site *site, AjSiteEnterprises *src, const char *layouts_dir,
				   GError **err);

/* enterprises/index.html and the paginated listings; a listing page whose
 * context is as in reuse_from (an earlier output root, may be NULL) is
 * linked from there. */
gboolean aj_site_write_directory(const Site *site, const char *reuse_from, GString *buf,
				 GError **err);

/* search/enterprises.json (separators of the shards) and search/e-N.json,
 * linked from reuse_from (an earlier output root, may be NULL) when
 * unchanged. */
gboolean aj_site_write_shards(const Site *site, const char *reuse_from, GError **err);

/* The page of a kind and period on this site ("exposed/2026-03.html"), or
 * NULL when the site does not have it. */
const char *aj_site_path_of(const Site *site, const char *kind, const char *period);

#endif
