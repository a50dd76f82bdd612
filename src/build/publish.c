#include "build/publish.h"

#include <string.h>
#include <time.h>

#include "build/cache.h"
#include "build/manifest.h"
#include "build/outdir.h"
#include "build/render.h"
#include "build/site_step.h"
#include "util/error.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/testhook.h"

/* The manifest lists a document's files as pdf, html, data, md. */
static int format_rank(const char *format)
{
	static const char *const order[] = { "pdf", "html", "data", "md" };
	for (gsize i = 0; i < G_N_ELEMENTS(order); i++)
		if (strcmp(format, order[i]) == 0)
			return (int)i;
	return (int)G_N_ELEMENTS(order);
}

static int compare_files(gconstpointer a, gconstpointer b)
{
	const AjBuiltFile *fa = *(AjBuiltFile *const *)a, *fb = *(AjBuiltFile *const *)b;
	int c = format_rank(fa->format) - format_rank(fb->format);
	return c != 0 ? c : strcmp(fa->path, fb->path);
}

static gboolean write_context(AjBuiltDoc *d, const char *root, GError **err)
{
	xmlChar *mem = NULL;
	int len = 0;
	char *rel = g_strdup_printf("data/%s.xml", d->plan->name);
	char *path = g_build_filename(root, rel, NULL);
	gboolean ok;

	xmlDocDumpFormatMemoryEnc(d->context, &mem, &len, "UTF-8", 1);
	if (mem == NULL)
		g_set_error(err, AJ_ERROR, EX_SOFTWARE, _("%s: out of memory"), path);
	ok = mem != NULL && aj_file_write(path, mem, (gsize)len, _("the document data"), err);
	if (ok) {
		d->context_sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, mem, (gsize)len);
		aj_built_doc_add_file(d, "data", rel, 0);
	}
	xmlFree(mem);
	g_free(rel);
	g_free(path);
	return ok;
}

/* OUT/office.yml: the profile the drafts were made with, for issue. */
static gboolean write_office(const AjOffice *office, const char *root, GError **err)
{
	char *path = g_build_filename(root, AJ_OFFICE_FILE, NULL);
	gsize len = 0;
	const void *bytes = g_bytes_get_data(office->bytes, &len);
	gboolean ok = aj_file_write(path, bytes, len, _("the copy of the office profile"), err);

	g_free(path);
	return ok;
}

/* Seconds since the previous mark, which it moves on. */
static double lap(gint64 *mark)
{
	gint64 now = g_get_monotonic_time();
	double s = (double)(now - *mark) / G_USEC_PER_SEC;
	*mark = now;
	return s;
}

gboolean aj_publish(GPtrArray *docs, AjPublish *pub, GError **err)
{
	gint64 mark;
	double cpu;
	char *site_title = NULL;
	gboolean ok = FALSE;
	AjRenderOptions ro = { .jobs = aj_test_jobs(pub->jobs > 0 ? pub->jobs
								  : (int)g_get_num_processors()),
			       .progress = pub->progress, .draft = TRUE };
	AjSiteOptions so = { .draft = TRUE };

	if (!aj_outdir_mkdir(pub->root, "data", err) || !aj_outdir_mkdir(pub->root, "md", err) ||
	    !aj_outdir_mkdir(pub->root, "pdf", err))
		return FALSE;
	for (guint i = 0; i < docs->len; i++)
		if (!write_context(g_ptr_array_index(docs, i), pub->root, err))
			return FALSE;
	if (!write_office(pub->office, pub->root, err))
		return FALSE;
	aj_test_point("contexts");
	mark = g_get_monotonic_time();
	ro.root = pub->root;
	ro.template_dir = pub->templates;
	ro.installed_dir = pub->installed;
	ro.fingerprint = pub->fingerprint;
	/* --force renders everything; the fresh renders still fill the cache */
	ro.cache_from = pub->force ? NULL : pub->out;
	if (!pub->data_only && !aj_render_all(docs, &ro, err))
		goto done;
	pub->rendered = ro.rendered;
	pub->reused = ro.reused;
	pub->t_render = lap(&mark);
	aj_test_point("rendered");
	/* The web site (OUT/site) is written here, from docs, into root; its
	 * writer appends each public document's "html" file to doc->files. */
	cpu = (double)clock() / CLOCKS_PER_SEC;
	site_title = aj_office_site_title(pub->office);
	so.site_url = pub->site_url != NULL ? pub->site_url : pub->office->site_url;
	so.issuer = pub->office->issuer;
	so.title = site_title;
	so.enterprises = pub->enterprises;
	if (!pub->data_only &&
	    !aj_build_site(docs, pub->root, pub->site_dir != NULL ? pub->site_dir : pub->templates,
			   &so, err))
		goto done;
	pub->t_site = lap(&mark);
	aj_test_point("site");
	pub->c_site = (double)clock() / CLOCKS_PER_SEC - cpu;
	cpu += pub->c_site;
	if (pub->extra != NULL && !pub->data_only && !pub->extra(&ro, pub->extra_user, err))
		goto done;
	pub->t_extra = lap(&mark);
	pub->c_extra = (double)clock() / CLOCKS_PER_SEC - cpu;
	for (guint i = 0; i < docs->len; i++) {
		AjBuiltDoc *d = g_ptr_array_index(docs, i);
		g_ptr_array_sort(d->files, compare_files);
	}
	if (!aj_manifest_write(pub->root, docs, pub->asof, err))
		goto done;
	if (pub->build_key != NULL)
		aj_cache_build_store(pub->root, pub->build_key);
	aj_test_point("manifest");
	if (!aj_interrupt_guard_commit(pub->guard, pub->root, pub->out, err))
		goto done;
	pub->t_manifest = lap(&mark);
	ok = TRUE;
done:
	g_free(site_title);
	return ok;
}
