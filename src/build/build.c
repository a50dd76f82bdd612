#include "build/build.h"

#include <stdio.h>
#include <string.h>

#include "build/interrupt.h"
#include "build/manifest.h"
#include "build/outdir.h"
#include "build/render.h"
#include "context/context.h"
#include "load/load.h"
#include "site/built.h"
#include "util/error.h"
#include "util/file.h"

static void file_free(gpointer p)
{
	AjBuiltFile *f = p;
	g_free(f->format);
	g_free(f->path);
	g_free(f);
}

void aj_built_doc_add_file(AjBuiltDoc *doc, const char *format, const char *path, int pages)
{
	AjBuiltFile *f = g_new0(AjBuiltFile, 1);

	f->format = g_strdup(format);
	f->path = g_strdup(path);
	f->pages = pages;
	g_ptr_array_add(doc->files, f);
}

static void built_doc_free(gpointer p)
{
	AjBuiltDoc *d = p;
	g_free(d->title);
	if (d->context != NULL)
		xmlFreeDoc(d->context);
	if (d->document != NULL)
		aj_document_free(d->document);
	g_ptr_array_unref(d->files);
	g_free(d);
}

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
		g_set_error(err, AJ_ERROR, EX_SOFTWARE, "%s: out of memory", path);
	ok = mem != NULL && aj_file_write(path, mem, (gsize)len, "the document data", err);
	if (ok)
		aj_built_doc_add_file(d, "data", rel, 0);
	xmlFree(mem);
	g_free(rel);
	g_free(path);
	return ok;
}

/* Contexts and data files of every planned document, in plan order. */
static gboolean build_contexts(const AjModel *m, const AjPeriod *p, const AjCoverage *c,
			       GPtrArray *plan, GPtrArray *docs, const char *root, GError **err)
{
	for (guint i = 0; i < plan->len; i++) {
		AjBuiltDoc *d = g_new0(AjBuiltDoc, 1);
		d->plan = g_ptr_array_index(plan, i);
		d->files = g_ptr_array_new_with_free_func(file_free);
		d->title = aj_context_title(m, d->plan);
		d->context = aj_context_build(m, p, c, d->plan);
		g_ptr_array_add(docs, d);
		if (!write_context(d, root, err))
			return FALSE;
	}
	return TRUE;
}

/* Messages name files as they will be after the swap, not in the temporary
 * directory the user never sees. */
static void name_final_paths(GError **err, const char *root, const char *out)
{
	GString *msg;

	if (err == NULL || *err == NULL || root == NULL || strstr((*err)->message, root) == NULL)
		return;
	msg = g_string_new((*err)->message);
	g_string_replace(msg, root, out, 0);
	g_free((*err)->message);
	(*err)->message = g_string_free(msg, FALSE);
}

static char *strip_slashes(const char *path)
{
	char *s = g_strdup(path);
	gsize n = strlen(s);

	while (n > 1 && s[n - 1] == '/')
		s[--n] = '\0';
	return s;
}

gboolean aj_build_run(const AjBuildOptions *o, GError **err)
{
	AjModel *model = NULL;
	AjCoverage *coverage = NULL;
	GPtrArray *plan = NULL;
	GPtrArray *docs = g_ptr_array_new_with_free_func(built_doc_free);
	char *out = strip_slashes(o->out_dir), *root = NULL, *templates = NULL;
	AjPeriod period;
	AjInterruptGuard *guard = NULL;
	gboolean ok = FALSE;
	int jobs = o->jobs > 0 ? o->jobs : (int)g_get_num_processors();

	xmlInitParser();
	aj_warn_set_quiet(o->quiet);
	if (!aj_period_init(&period, o->month, o->asof)) {
		g_set_error(err, AJ_ERROR, EX_USAGE, "--as-of is before the month given with --month; "
			    "give a date in or after that month");
		goto done;
	}
	model = aj_load_dir(o->data_dir, err);
	if (model == NULL)
		goto done;
	coverage = aj_coverage_new(model, period.asof);
	aj_coverage_warn_baselines(model, coverage);
	plan = aj_documents_plan(model, &period);
	root = aj_outdir_begin(out, o->force, err);
	if (root == NULL)
		goto done;
	guard = aj_interrupt_guard_start(root);
	if (!aj_outdir_mkdir(root, "data", err) || !aj_outdir_mkdir(root, "md", err) ||
	    !aj_outdir_mkdir(root, "pdf", err))
		goto done;
	if (!build_contexts(model, &period, coverage, plan, docs, root, err))
		goto done;
	templates = aj_render_template_dir(o->templates_dir);
	if (!aj_render_all(docs, root, templates, jobs, err))
		goto done;
	/* The web site (OUT/site) is written here, from docs, into root; its
	 * writer appends each public document's "html" file to doc->files. */
	if (!aj_site_write_built(docs, root, templates, o->site_url, err))
		goto done;
	for (guint i = 0; i < docs->len; i++) {
		AjBuiltDoc *d = g_ptr_array_index(docs, i);
		g_ptr_array_sort(d->files, compare_files);
	}
	if (!aj_manifest_write(root, docs, period.asof, err))
		goto done;
	if (!aj_outdir_commit(root, out, err))
		goto done;
	g_clear_pointer(&root, g_free);
	if (!o->quiet)
		printf("anjian build: %u documents written to %s (see %s/manifest.xml)\n", docs->len,
		       out, out);
	ok = TRUE;
done:
	if (root != NULL) {
		name_final_paths(err, root, out);
		aj_outdir_remove(root);
	}
	aj_interrupt_guard_stop(guard);
	g_free(root);
	g_free(templates);
	g_free(out);
	g_ptr_array_unref(docs);
	if (plan != NULL)
		g_ptr_array_unref(plan);
	aj_coverage_free(coverage);
	aj_model_free(model);
	return ok;
}
