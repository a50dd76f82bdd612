/* The site writer: the public documents → OUT/site (see site.h). */
#include <string.h>

#include "site/entry.h"
#include "site/files.h"
#include "site/pages.h"
#include "site/site.h"
#include "util/error.h"

/* Static assets copied from the layouts directory as they are. */
static const char *const assets[] = { "style.css", "search.js", "favicon.svg" };

static gboolean copy_assets(const Site *site, const char *layouts_dir, GError **err)
{
	for (gsize i = 0; i < G_N_ELEMENTS(assets); i++) {
		char *src = g_build_filename(layouts_dir, assets[i], NULL);
		gboolean ok = aj_site_copy(src, site->root, assets[i], err);
		g_free(src);
		if (!ok)
			return FALSE;
	}
	return TRUE;
}

static gboolean site_url_ok(const char *url, GError **err)
{
	if (url == NULL || ((g_str_has_prefix(url, "https://") || g_str_has_prefix(url, "http://")) &&
			    g_str_has_suffix(url, "/") && strpbrk(url, "\"<>' ") == NULL))
		return TRUE;
	g_set_error(err, AJ_ERROR, EX_USAGE,
		    "--site-url %s: give an absolute http(s) URL ending with \"/\", "
		    "e.g. https://www.example.gov.cn/anquan/", url);
	return FALSE;
}

gboolean aj_site_write(const AjSiteDoc *docs, guint n_docs, const AjSiteOptions *opts,
		       const char *out_dir, GError **err)
{
	AjSiteLayouts *layouts = NULL;
	Site *site = NULL;
	GString *buf = g_string_sized_new(65536);
	gboolean ok = FALSE;

	if (!site_url_ok(opts->site_url, err))
		goto done;
	layouts = aj_site_layouts_load(opts->layouts_dir, err);
	if (layouts == NULL)
		goto done;
	site = aj_site_new(docs, n_docs, opts, out_dir);
	site->layouts = layouts;
	for (guint i = 0; i < site->entries->len; i++)
		if (!aj_site_write_document(site, g_ptr_array_index(site->entries, i), buf, err))
			goto done;
	ok = aj_site_write_archives(site, buf, err) && aj_site_write_index(site, buf, err) &&
	     aj_site_write_search(site, buf, err) && aj_site_write_feeds(site, err) &&
	     copy_assets(site, opts->layouts_dir, err);
done:
	aj_site_free(site);
	aj_site_layouts_free(layouts);
	g_string_free(buf, TRUE);
	return ok;
}
