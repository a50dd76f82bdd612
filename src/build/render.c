#include "build/render.h"

#include <stdio.h>
#include <string.h>

#include "build/cache.h"
#include "pdf/pdf.h"
#include "template/template.h"
#include "util/epoch.h"
#include "util/error.h"
#include "util/file.h"

/* Documents done out of total, shown on one rewritten stderr line. */
typedef struct {
	GMutex lock;
	guint done, total;
	gint64 start;
	gboolean show;
} Progress;

typedef struct {
	AjBuiltDoc *doc;
	const AjRenderOptions *opts;
	Progress *progress;
	char *template_path;
	GError *error;
	/* Results, moved into doc by the main thread once all jobs are done. */
	AjDocument *document;
	int pages;
	gboolean cached;
} RenderJob;

/* The directory of the running program, for a build tree or a relocated
 * install; NULL when /proc does not tell. */
static char *program_dir(void)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL), *dir;

	if (exe == NULL)
		return NULL;
	dir = g_path_get_dirname(exe);
	g_free(exe);
	return dir;
}

char *aj_render_template_dir(const char *dir, GError **err)
{
	char *exe_dir, *candidates[4] = { NULL }, *found = NULL;

	if (dir != NULL) {
		if (g_file_test(dir, G_FILE_TEST_IS_DIR))
			return g_strdup(dir);
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    "%s: no such template directory; give --templates an existing "
			    "directory", dir);
		return NULL;
	}
	exe_dir = program_dir();
	candidates[0] = g_strdup("templates");
	candidates[1] = g_strdup(ANJIAN_DATADIR "/templates");
	if (exe_dir != NULL) {
		candidates[2] = g_build_filename(exe_dir, "..", "share", "anjian", "templates", NULL);
		/* build/rel/anjian or build/san/anjian of a source tree */
		candidates[3] = g_build_filename(exe_dir, "..", "..", "templates", NULL);
	}
	for (int i = 0; i < 4 && found == NULL; i++)
		if (candidates[i] != NULL && g_file_test(candidates[i], G_FILE_TEST_IS_DIR))
			found = g_strdup(candidates[i]);
	if (found == NULL)
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    "no templates found in ./templates, %s/templates or beside the "
			    "program; run from the source tree, install with 'make install', or "
			    "give --templates DIR", ANJIAN_DATADIR);
	for (int i = 0; i < 4; i++)
		g_free(candidates[i]);
	g_free(exe_dir);
	return found;
}

static void progress_step(Progress *p)
{
	double secs;

	if (!p->show)
		return;
	g_mutex_lock(&p->lock);
	p->done++;
	secs = (double)(g_get_monotonic_time() - p->start) / G_USEC_PER_SEC;
	aj_progress_show("anjian build: %u/%u documents, %.1f s, %.1f documents/s", p->done, p->total,
			 secs, secs > 0 ? p->done / secs : 0.0);
	g_mutex_unlock(&p->lock);
}

/* A cached render: the files are linked in, the Markdown parsed again for
 * the site (cheap next to typesetting). */
static gboolean from_cache(RenderJob *job, const char *key, const char *md_path)
{
	char *text = NULL;
	gsize len = 0;

	if (job->opts->cache_from == NULL ||
	    !aj_cache_fetch(job->opts->cache_from, key, job->opts->root, job->doc->plan->name,
			    &job->pages))
		return FALSE;
	if (!g_file_get_contents(md_path, &text, &len, NULL))
		return FALSE;
	job->document = aj_document_parse(text, len, md_path, NULL);
	g_free(text);
	job->cached = job->document != NULL;
	return job->cached;
}

static void render_one(gpointer data, gpointer user_data)
{
	RenderJob *job = data;
	const AjRenderOptions *o = job->opts;
	const char *name = job->doc->plan->name;
	char *text = NULL, *key = NULL;
	char *md_path = g_strdup_printf("%s/md/%s.md", o->root, name);
	char *pdf_path = g_strdup_printf("%s/pdf/%s.pdf", o->root, name);
	AjPdfOptions opts = { .creation_time = aj_source_date_epoch(),
			      .context = xmlDocGetRootElement(job->doc->context),
			      .draft = o->draft };

	if (o->fingerprint != NULL && job->doc->context_sha256 != NULL)
		key = aj_cache_key(o->fingerprint, job->template_path, job->doc->context_sha256);
	if (key != NULL && from_cache(job, key, md_path))
		goto done;
	text = aj_template_render_file(job->template_path, opts.context, &job->error);
	if (text == NULL)
		goto done;
	if (!aj_file_write(md_path, text, strlen(text), "the Markdown", &job->error))
		goto done;
	job->document = aj_document_parse(text, strlen(text), md_path, &job->error);
	if (job->document == NULL)
		goto done;
	if (!aj_pdf_write(job->document, &opts, pdf_path, &job->pages, &job->error))
		goto done;
	if (key != NULL)
		aj_cache_store(o->root, key, name, job->pages);
done:
	progress_step(job->progress);
	g_free(key);
	g_free(text);
	g_free(md_path);
	g_free(pdf_path);
}

gboolean aj_render_all(GPtrArray *docs, AjRenderOptions *o, GError **err)
{
	GPtrArray *work = g_ptr_array_new();
	GThreadPool *pool = NULL;
	Progress progress = { .start = g_get_monotonic_time(), .show = o->progress };
	gboolean ok = TRUE;

	g_mutex_init(&progress.lock);
	o->rendered = o->reused = 0;
	if (o->fingerprint != NULL) {
		char *dir = g_build_filename(o->root, AJ_CACHE_DIR, NULL);
		g_mkdir_with_parents(dir, 0755);
		g_free(dir);
	}
	for (guint i = 0; i < docs->len; i++) {
		AjBuiltDoc *d = g_ptr_array_index(docs, i);
		char *file = g_strdup_printf("%s.md", aj_doc_kind_code(d->plan->kind));
		char *path = g_build_filename(o->template_dir, file, NULL);
		g_free(file);
		if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
			aj_warn("%s: no such template: %s gets its data file only", path,
				d->plan->name);
			g_free(path);
			continue;
		}
		RenderJob *job = g_new0(RenderJob, 1);
		job->doc = d;
		job->opts = o;
		job->progress = &progress;
		job->template_path = path;
		g_ptr_array_add(work, job);
	}
	progress.total = work->len;
	if (o->jobs <= 1 || work->len <= 1) {
		for (guint i = 0; i < work->len; i++)
			render_one(g_ptr_array_index(work, i), NULL);
	} else {
		pool = g_thread_pool_new(render_one, NULL, MIN(o->jobs, (int)work->len), TRUE, NULL);
		for (guint i = 0; i < work->len; i++)
			g_thread_pool_push(pool, g_ptr_array_index(work, i), NULL);
		g_thread_pool_free(pool, FALSE, TRUE);
	}
	aj_progress_end();
	for (guint i = 0; i < work->len; i++) {
		RenderJob *job = g_ptr_array_index(work, i);
		char *rel;
		if (job->error != NULL) {
			if (ok)
				g_propagate_error(err, job->error);
			else
				g_error_free(job->error);
			ok = FALSE;
			aj_document_free(job->document);
		} else {
			o->rendered += job->cached ? 0 : 1;
			o->reused += job->cached ? 1 : 0;
			job->doc->document = job->document;
			rel = g_strdup_printf("pdf/%s.pdf", job->doc->plan->name);
			aj_built_doc_add_file(job->doc, "pdf", rel, job->pages);
			g_free(rel);
			rel = g_strdup_printf("md/%s.md", job->doc->plan->name);
			aj_built_doc_add_file(job->doc, "md", rel, 0);
			g_free(rel);
		}
		g_free(job->template_path);
		g_free(job);
	}
	g_ptr_array_free(work, TRUE);
	g_mutex_clear(&progress.lock);
	return ok;
}
