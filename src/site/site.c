/* The site writer: the public documents → OUT/site (see site.h). */
#include <string.h>

#include "site/enterprises.h"
#include "site/entry.h"
#include "site/files.h"
#include "site/pages.h"
#include "site/site.h"
#include "util/error.h"
#include "util/pool.h"
#include "util/testhook.h"
#include "util/url.h"

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
	if (url == NULL || aj_site_url_ok(url))
		return TRUE;
	g_set_error(err, AJ_ERROR, EX_USAGE,
		    "--site-url %s: give an absolute http(s) URL ending with \"/\", "
		    "e.g. https://www.example.gov.cn/anquan/", url);
	return FALSE;
}

/* A document page written on a worker thread: pages share only read-only
 * state (layouts, entries), each has its own scratch buffer and file. */
typedef struct {
	const Site *site;
	const SiteEntry *entry;
	GError *error;
} PageJob;

static void write_page_job(gpointer data, gpointer user_data)
{
	PageJob *job = data;
	GString *buf = g_string_sized_new(65536);

	aj_site_write_document(job->site, job->entry, buf, &job->error);
	g_string_free(buf, TRUE);
}

/* Document pages are most of the site's time (Markdown to HTML, charts as
 * SVG); they are independent, so they go in parallel.  The first failing
 * page in entry order is the error, as a sequential run would report. */
static gboolean write_documents(const Site *site, GError **err)
{
	guint n = site->entries->len;
	PageJob *jobs = g_new0(PageJob, MAX(n, 1));
	gboolean ok;

	for (guint i = 0; i < n; i++)
		jobs[i] = (PageJob){ .site = site, .entry = g_ptr_array_index(site->entries, i) };
	aj_pool_each(jobs, n, sizeof *jobs, write_page_job, NULL,
		     aj_test_jobs((int)g_get_num_processors()));
	ok = aj_pool_first_error(jobs, n, sizeof *jobs, G_STRUCT_OFFSET(PageJob, error), err);
	g_free(jobs);
	return ok;
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
	/* enterprise pages first: the other pages link them */
	if (opts->enterprises != NULL &&
	    !aj_site_write_enterprises(site, opts->enterprises, opts->layouts_dir, err))
		goto done;
	if (!write_documents(site, err))
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
