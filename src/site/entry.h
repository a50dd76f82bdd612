/* One public document as the site shows it, and the whole set.
 *
 * Ownership: a Site owns its entries and their strings (site_free());
 * entries point at the caller's AjSiteDoc, which must outlive the Site.
 */
#ifndef AJ_SITE_ENTRY_H
#define AJ_SITE_ENTRY_H

#include "site/layout.h"
#include "site/site.h"

typedef struct {
	const AjSiteDoc *src;
	char *path;       /* KIND/PERIOD.html, relative to the site root */
	char *pdf;        /* KIND/PERIOD.pdf, NULL when the build made none */
	char *ofd;        /* KIND/PERIOD.ofd, NULL but for an issued document */
	char *date;       /* YYYY-MM-DD: the document's date (成文日期) */
	char *year;       /* YYYY of date */
	char *period_cn;  /* 2026年3月, or the period */
	char *number;     /* 文号, or NULL */
	const char *kind_label;
	int kind_order;
} SiteEntry;

typedef struct {
	GPtrArray *entries; /* SiteEntry *, newest first (date, kind, period) */
	GPtrArray *kinds;   /* const char *, the kinds present, in the fixed order */
	GPtrArray *years;   /* char *, the years present, newest first */
	const AjSiteLayouts *layouts;
	char *root;         /* OUT/site */
	const char *site_url;
	const char *issuer; /* for the header band */
	char *out_dir;      /* the output root OUT/site is in */
	gboolean has_enterprises;          /* enterprise pages are written */
	struct SiteDirectory *directory;   /* once they are (site/enterprises.h) */
	GHashTable *paths;  /* "KIND\nPERIOD" → the page of a document in force */
	const char *title;  /* the site's title */
	gboolean draft;     /* a preview of drafts */
} Site;

/* The entry of a document, or NULL when it is not on the site. */
const SiteEntry *aj_site_entry_of(const Site *site, const AjSiteDoc *doc);

/* The label of a kind (月度通报 …) and its place in menus. */
const char *aj_site_kind_label(const char *kind);
int aj_site_kind_order(const char *kind);

/* An attribute of the context's <meta> element, or NULL (g_free()). */
char *aj_site_meta(xmlNodePtr context, const char *name);

/* The entries of docs that are public, sorted. */
Site *aj_site_new(const AjSiteDoc *docs, guint n, const AjSiteOptions *opts, const char *out_dir);
void aj_site_free(Site *site);

#endif
