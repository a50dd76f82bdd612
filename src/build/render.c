#include "build/render.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "build/cache.h"
#include "context/specimen.h"
#include "pdf/pdf.h"
#include "template/template.h"
#include "util/epoch.h"
#include "util/error.h"
#include "util/file.h"
#include "util/i18n.h"

/* Documents done out of total, shown on one rewritten stderr line. */
typedef struct {
	GMutex lock;
	guint done, total;
	gint64 start;
	gboolean show;
	gint first_failed; /* atomic: the lowest index of a failed job, or G_MAXINT */
} Progress;

typedef struct {
	AjBuiltDoc *doc;
	const AjRenderOptions *opts;
	Progress *progress;
	gint index; /* in docs order */
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

/* The installed templates: ANJIAN_DATADIR/templates, then beside the
 * program (an install moved elsewhere, or build/rel/anjian of a source
 * tree).  NULL when none exists. */
static char *installed_dir(void)
{
	char *exe_dir = program_dir(), *candidates[3] = { NULL }, *found = NULL;

	candidates[0] = g_strdup(ANJIAN_DATADIR "/templates");
	if (exe_dir != NULL) {
		candidates[1] = g_build_filename(exe_dir, "..", "share", "anjian", "templates", NULL);
		candidates[2] = g_build_filename(exe_dir, "..", "..", "templates", NULL);
	}
	for (int i = 0; i < 3 && found == NULL; i++)
		if (candidates[i] != NULL && g_file_test(candidates[i], G_FILE_TEST_IS_DIR))
			found = g_canonicalize_filename(candidates[i], NULL);
	for (int i = 0; i < 3; i++)
		g_free(candidates[i]);
	g_free(exe_dir);
	return found;
}

static gboolean same_dir(const char *a, const char *b)
{
	GStatBuf sa, sb;

	return g_stat(a, &sa) == 0 && g_stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

char *aj_render_template_dir(const char *dir, char **installed, GError **err)
{
	char *found = NULL, *inst = installed_dir();

	*installed = NULL;
	if (dir != NULL && !g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: no such template directory; give --templates an existing "
			      "directory"), dir);
		g_free(inst);
		return NULL;
	}
	if (dir != NULL)
		found = g_strdup(dir);
	else if (g_file_test("templates", G_FILE_TEST_IS_DIR))
		found = g_strdup("templates");
	if (found == NULL && inst == NULL)
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("no templates found in ./templates, %s/templates or beside the "
			      "program; run from the source tree, install with 'make install', or "
			      "give --templates DIR"), ANJIAN_DATADIR);
	if (found == NULL)
		return inst;
	if (inst != NULL && !same_dir(found, inst))
		*installed = inst;
	else
		g_free(inst);
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
	aj_progress_show(_("anjian build: %u/%u documents, %.1f s, %.1f documents/s"), p->done,
			 p->total, secs, secs > 0 ? p->done / secs : 0.0);
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

static void note_failure(Progress *p, gint index)
{
	gint was;

	do {
		was = g_atomic_int_get(&p->first_failed);
		if (was <= index)
			return;
	} while (!g_atomic_int_compare_and_exchange(&p->first_failed, was, index));
}

static void render_one(gpointer data, gpointer user_data)
{
	RenderJob *job = data;
	const AjRenderOptions *o = job->opts;
	const char *name = job->doc->plan->name;
	char *key = NULL;
	char *md_path = g_strdup_printf("%s/md/%s.md", o->root, name);
	char *pdf_path = g_strdup_printf("%s/pdf/%s.pdf", o->root, name);
	AjPdfOptions opts = { .creation_time = aj_source_date_epoch(),
			      .context = xmlDocGetRootElement(job->doc->context),
			      .draft = o->draft };
	xmlDocPtr specimen = aj_context_specimen(aj_doc_kind_code(job->doc->plan->kind));
	AjFilled filled = { 0 };

	/* a document before this one failed: the build fails with that error
	 * whatever this one gives (the first failing one always runs) */
	if (g_atomic_int_get(&job->progress->first_failed) < job->index)
		goto done;
	if (o->fingerprint != NULL && job->doc->context_sha256 != NULL)
		key = aj_cache_key(o->fingerprint, job->template_path, job->doc->context_sha256);
	if (key != NULL && from_cache(job, key, md_path))
		goto done;
	if (!aj_template_fill(job->template_path, opts.context,
			      specimen != NULL ? xmlDocGetRootElement(specimen) : NULL, &filled,
			      &job->error))
		goto done;
	if (!aj_file_write(md_path, filled.text, strlen(filled.text), _("the Markdown"),
			   &job->error))
		goto done;
	job->document = aj_document_parse_filled(filled.text, strlen(filled.text), md_path,
						 filled.origins, &job->error);
	if (job->document == NULL)
		goto done;
	if (!aj_pdf_write(job->document, &opts, pdf_path, &job->pages, &job->error))
		goto done;
	if (key != NULL)
		aj_cache_store(o->root, key, name, job->pages);
done:
	if (job->error != NULL)
		note_failure(job->progress, job->index);
	progress_step(job->progress);
	if (specimen != NULL)
		xmlFreeDoc(specimen);
	aj_filled_clear(&filled);
	g_free(key);
	g_free(md_path);
	g_free(pdf_path);
}

char *aj_render_site_dir(const char *templates, const char *installed, GError **err)
{
	char *mine = g_build_filename(templates, "site", NULL), *inst = NULL;
	char *found = NULL;

	if (g_file_test(mine, G_FILE_TEST_IS_DIR)) {
		found = g_strdup(templates);
	} else if (installed != NULL &&
		   g_file_test((inst = g_build_filename(installed, "site", NULL)), G_FILE_TEST_IS_DIR)) {
		aj_warn(_("%s has no site/ layouts; the web site uses the installed ones in %s"),
			templates, inst);
		found = g_strdup(installed);
	} else {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: no site layouts; copy the site/ folder of the installed "
			      "templates there (or give --templates a template directory "
			      "with a site/ folder)"), mine);
	}
	g_free(mine);
	g_free(inst);
	return found;
}

char *aj_render_template_path(const char *dir, const char *installed, const char *file,
			      gboolean *fell_back)
{
	char *path = g_build_filename(dir, file, NULL), *inst;

	*fell_back = FALSE;
	if (g_file_test(path, G_FILE_TEST_IS_REGULAR) || installed == NULL)
		return path;
	inst = g_build_filename(installed, file, NULL);
	if (!g_file_test(inst, G_FILE_TEST_IS_REGULAR)) {
		g_free(inst);
		return path;
	}
	g_free(path);
	*fell_back = TRUE;
	return inst;
}

/* The template of a kind: in the template directory, else the installed
 * one (its file name is added to `fell_back`, once); NULL with an error
 * when neither has it. */
static char *template_of(const AjRenderOptions *o, AjDocKind kind, GPtrArray *fell_back,
			 GError **err)
{
	char *file = g_strdup_printf("%s.md", aj_doc_kind_code(kind));
	gboolean installed;
	char *path = aj_render_template_path(o->template_dir, o->installed_dir, file, &installed);

	if (installed && !g_ptr_array_find_with_equal_func(fell_back, file, g_str_equal, NULL))
		g_ptr_array_add(fell_back, g_strdup(file));
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		if (o->installed_dir != NULL)
			g_set_error(err, AJ_ERROR, EX_NOINPUT,
				    _("no template for the %s documents: neither %s nor %s/%s "
				      "exists; write %s or reinstall anjian"), aj_doc_kind_code(kind),
				    path, o->installed_dir, file, path);
		else
			g_set_error(err, AJ_ERROR, EX_NOINPUT,
				    _("no template for the %s documents: %s does not exist; "
				      "write it, or build with --data-only for the data files "
				      "alone"), aj_doc_kind_code(kind), path);
		g_clear_pointer(&path, g_free);
	}
	g_free(file);
	return path;
}

/* One line for every template taken from the installed ones. */
static void say_fell_back(const AjRenderOptions *o, GPtrArray *fell_back)
{
	GString *list;

	if (fell_back->len == 0)
		return;
	list = g_string_new(NULL);
	for (guint i = 0; i < fell_back->len; i++)
		g_string_append_printf(list, "%s%s", i > 0 ? _(", ") : "",
				       (const char *)g_ptr_array_index(fell_back, i));
	aj_warn(ngettext("%s has no %s; the installed template in %s is used",
			 "%s has no %s; the installed templates in %s are used", fell_back->len),
		o->template_dir, list->str, o->installed_dir);
	g_string_free(list, TRUE);
}

static void job_free(gpointer p)
{
	RenderJob *job = p;

	g_free(job->template_path);
	g_free(job);
}

gboolean aj_render_all(GPtrArray *docs, AjRenderOptions *o, GError **err)
{
	GPtrArray *work = g_ptr_array_new_with_free_func(job_free);
	GThreadPool *pool = NULL;
	Progress progress = { .start = g_get_monotonic_time(), .show = o->progress,
			      .first_failed = G_MAXINT };
	GPtrArray *fell_back = g_ptr_array_new_with_free_func(g_free);
	gboolean ok = TRUE;

	g_mutex_init(&progress.lock);
	o->rendered = o->reused = 0;
	if (o->fingerprint != NULL) {
		char *dir = g_build_filename(o->root, AJ_CACHE_DIR, NULL);
		g_mkdir_with_parents(dir, 0755);
		g_free(dir);
	}
	for (guint i = 0; i < docs->len && ok; i++) {
		AjBuiltDoc *d = g_ptr_array_index(docs, i);
		char *path = template_of(o, d->plan->kind, fell_back, err);
		if (path == NULL) {
			ok = FALSE;
			continue;
		}
		RenderJob *job = g_new0(RenderJob, 1);
		job->doc = d;
		job->opts = o;
		job->progress = &progress;
		job->index = (gint)work->len;
		job->template_path = path;
		g_ptr_array_add(work, job);
	}
	if (ok)
		say_fell_back(o, fell_back);
	else /* a template is missing: render nothing */
		g_ptr_array_set_size(work, 0);
	g_ptr_array_free(fell_back, TRUE);
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
	}
	g_ptr_array_free(work, TRUE);
	g_mutex_clear(&progress.lock);
	return ok;
}
