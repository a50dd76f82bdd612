#include "build/build.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "build/cache.h"
#include "build/enterprises.h"
#include "build/interrupt.h"
#include "build/manifest.h"
#include "build/outdir.h"
#include "build/render.h"
#include "build/site_step.h"
#include "context/context.h"
#include "load/load.h"
#include "util/error.h"
#include "util/file.h"
#include "util/testhook.h"
#include "util/i18n.h"

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

const char *aj_built_doc_publicity(const AjBuiltDoc *d)
{
	if (!d->plan->public_)
		return "internal";
	if (d->document != NULL && d->document->meta.publicity != NULL &&
	    strcmp(d->document->meta.publicity, "public") != 0)
		return "internal";
	return "public";
}

static void built_doc_free(gpointer p)
{
	AjBuiltDoc *d = p;
	g_free(d->title);
	g_free(d->context_sha256);
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
	if (ok) {
		d->context_sha256 = g_compute_checksum_for_data(G_CHECKSUM_SHA256, mem, (gsize)len);
		aj_built_doc_add_file(d, "data", rel, 0);
	}
	xmlFree(mem);
	g_free(rel);
	g_free(path);
	return ok;
}

/* The documents of one month: plan, coverage and contexts as of its as-of.
 * A name already in seen (a later month's document of the same period, or
 * a problem list planned again every month) is skipped: the latest month's
 * version wins.  plans keeps the plan arrays the docs point into. */
static gboolean build_month(const AjModel *m, const AjPeriod *p, gboolean warn, GHashTable *seen,
			    GPtrArray *plans, GPtrArray *docs, const char *root, GError **err)
{
	AjCoverage *c = aj_coverage_new(m, p->asof);
	GPtrArray *plan = aj_documents_plan(m, p);
	gboolean ok = TRUE;

	if (warn)
		aj_coverage_warn_baselines(m, c);
	g_ptr_array_add(plans, plan);
	for (guint i = 0; ok && i < plan->len; i++) {
		const AjDocPlan *dp = g_ptr_array_index(plan, i);
		if (g_hash_table_contains(seen, dp->name))
			continue;
		g_hash_table_add(seen, dp->name);
		AjBuiltDoc *d = g_new0(AjBuiltDoc, 1);
		d->plan = dp;
		d->files = g_ptr_array_new_with_free_func(file_free);
		d->title = aj_context_title(m, d->plan);
		d->context = aj_context_build(m, p, c, d->plan);
		g_ptr_array_add(docs, d);
		ok = write_context(d, root, err);
	}
	aj_coverage_free(c);
	return ok;
}

/* Every month from since (or month alone) to month, newest first so the
 * latest version of a repeated document wins, then put back in calendar
 * order for the manifest and the site. */
static gboolean build_contexts(const AjModel *m, const AjBuildOptions *o, const AjPeriod *last,
			       GPtrArray *plans, GPtrArray *docs, const char *root, GError **err)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	GPtrArray *groups = g_ptr_array_new();
	AjMonth first = o->has_since ? o->since : o->month;
	gboolean ok = TRUE;

	for (AjMonth mo = o->month; ok && mo >= first; mo--) {
		GPtrArray *group = g_ptr_array_new();
		AjPeriod p;
		if (mo == o->month)
			p = *last;
		else
			aj_period_init(&p, mo, AJ_DAY_NONE);
		g_ptr_array_add(groups, group);
		ok = build_month(m, &p, mo == o->month, seen, plans, group, root, err);
	}
	for (guint g = groups->len; g-- > 0;) {
		GPtrArray *group = g_ptr_array_index(groups, g);
		for (guint i = 0; i < group->len; i++)
			g_ptr_array_add(docs, g_ptr_array_index(group, i));
		g_ptr_array_free(group, TRUE);
	}
	g_ptr_array_free(groups, TRUE);
	g_hash_table_destroy(seen);
	return ok;
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

/* Seconds since the previous mark, which it moves on. */
static double lap(gint64 *mark)
{
	gint64 now = g_get_monotonic_time();
	double s = (double)(now - *mark) / G_USEC_PER_SEC;
	*mark = now;
	return s;
}

/* The enterprises' pages (and dossiers): unchanged ones are linked from out. */
static AjBuildEnts *build_ents(const AjModel *m, const AjBuildOptions *o, const AjPeriod *p,
			       const char *root, const char *out)
{
	AjBuildEnts *b = aj_build_ents_new(m, p->asof, o->publicity_years > 0
							   ? o->publicity_years
							   : AJ_PUBLICITY_YEARS_DEFAULT);
	AjSiteEnterprises *site = aj_build_ents_site(b);

	site->reuse_from = o->force ? NULL : out;
	site->data_path = g_build_filename(root, "data", "enterprises.xml", NULL);
	return b;
}

static gboolean write_dossiers(AjBuildEnts *ents, const AjBuildOptions *o, const AjRenderOptions *ro,
			       const char *templates, const char *out, GError **err)
{
	char *path = g_build_filename(templates, AJ_DOSSIER_TEMPLATE, NULL);
	AjDossierOptions d = { .root = ro->root, .template_path = path,
			       .fingerprint = ro->fingerprint, .reuse_from = o->force ? NULL : out,
			       .jobs = ro->jobs, .progress = ro->progress };
	gboolean ok = aj_build_dossiers(aj_build_ents_source(ents), &d, err);

	if (ok && !o->quiet)
		printf(_("anjian build: %u dossiers in %s/dossier (%u typeset, %u unchanged)\n"),
		       d.written + d.reused, out, d.written, d.reused);
	g_free(path);
	return ok;
}

static void report_ents(AjBuildEnts *ents, const AjBuildOptions *o)
{
	const AjSiteEnterprises *s = aj_build_ents_site(ents);

	if (s->written + s->reused > 0)
		printf(_("anjian build: %u enterprise pages (%u written, %u unchanged)\n"),
		       s->written + s->reused, s->written, s->reused);
}

gboolean aj_build_run(const AjBuildOptions *o, GError **err)
{
	gint64 mark = g_get_monotonic_time();
	double t_load = 0, t_contexts = 0, t_render = 0, t_site = 0, t_manifest = 0, t_dossiers = 0;
	/* CPU seconds of all threads: on a shared machine wall time says little */
	double cpu = 0, c_site = 0, c_dossiers = 0;
	AjModel *model = NULL;
	AjBuildEnts *ents = NULL;
	GPtrArray *plans = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	GPtrArray *docs = g_ptr_array_new_with_free_func(built_doc_free);
	char *out = strip_slashes(o->out_dir), *root = NULL, *templates = NULL;
	char *fingerprint = NULL, *build_key = NULL;
	AjPeriod period;
	AjInterruptGuard *guard = NULL;
	gboolean ok = FALSE;
	AjRenderOptions ro = { .jobs = aj_test_jobs(o->jobs > 0 ? o->jobs : (int)g_get_num_processors()),
			       .progress = o->progress && !o->quiet };

	/* before any thread exists (they inherit the blocked signals) and
	 * before anything is created */
	guard = aj_interrupt_guard_start();
	xmlInitParser();
	aj_warn_set_quiet(o->quiet);
	if (!aj_period_init(&period, o->month, o->asof)) {
		g_set_error(err, AJ_ERROR, EX_USAGE, "--as-of is before the month given with --month; "
			    "give a date in or after that month");
		goto done;
	}
	if (o->has_since && o->since > o->month) {
		g_set_error(err, AJ_ERROR, EX_USAGE, "--since is after --month; give the first month "
			    "to build, on or before --month");
		goto done;
	}
	aj_outdir_sweep(out);
	templates = aj_render_template_dir(o->templates_dir, err);
	if (templates == NULL)
		goto done;
	fingerprint = aj_cache_fingerprint(TRUE);
	build_key = aj_cache_build_key(o, templates, fingerprint);
	if (!o->force && aj_cache_build_current(out, build_key)) {
		if (!o->quiet)
			printf("anjian build: nothing changed since %s was built (data, templates, "
			       "fonts, options); it is left as it is (--force rebuilds it)\n", out);
		ok = TRUE;
		goto done;
	}
	model = aj_load_dir_jobs(o->data_dir, o->jobs, err);
	if (model == NULL)
		goto done;
	t_load = lap(&mark);
	aj_test_point("loaded");
	root = aj_interrupt_guard_outdir(guard, out, o->force, err);
	if (root == NULL)
		goto done;
	aj_test_point("begun");
	if (!aj_outdir_mkdir(root, "data", err) || !aj_outdir_mkdir(root, "md", err) ||
	    !aj_outdir_mkdir(root, "pdf", err))
		goto done;
	if (!build_contexts(model, o, &period, plans, docs, root, err))
		goto done;
	t_contexts = lap(&mark);
	aj_test_point("contexts");
	ro.root = root;
	ro.template_dir = templates;
	ro.fingerprint = fingerprint;
	/* --force renders everything; the fresh renders still fill the cache */
	ro.cache_from = o->force ? NULL : out;
	if (!aj_render_all(docs, &ro, err))
		goto done;
	t_render = lap(&mark);
	aj_test_point("rendered");
	/* The web site (OUT/site) is written here, from docs, into root; its
	 * writer appends each public document's "html" file to doc->files. */
	cpu = (double)clock() / CLOCKS_PER_SEC;
	ents = build_ents(model, o, &period, root, out);
	if (!aj_build_site(docs, root, templates, o->site_url, aj_build_ents_site(ents), err))
		goto done;
	t_site = lap(&mark);
	aj_test_point("site");
	c_site = (double)clock() / CLOCKS_PER_SEC - cpu;
	cpu += c_site;
	if (o->dossiers && !write_dossiers(ents, o, &ro, templates, out, err))
		goto done;
	t_dossiers = lap(&mark);
	c_dossiers = (double)clock() / CLOCKS_PER_SEC - cpu;
	for (guint i = 0; i < docs->len; i++) {
		AjBuiltDoc *d = g_ptr_array_index(docs, i);
		g_ptr_array_sort(d->files, compare_files);
	}
	if (!aj_manifest_write(root, docs, period.asof, err))
		goto done;
	aj_cache_build_store(root, build_key);
	aj_test_point("manifest");
	if (!aj_interrupt_guard_commit(guard, root, out, err))
		goto done;
	t_manifest = lap(&mark);
	g_clear_pointer(&root, g_free);
	if (o->timings)
		fprintf(stderr, "anjian build: timings: load %.3f s, contexts %.3f s, render %.3f s, "
			"site %.3f s (cpu %.3f s), dossiers %.3f s (cpu %.3f s), manifest %.3f s\n",
			t_load, t_contexts, t_render, t_site, c_site, t_dossiers, c_dossiers, t_manifest);
	if (!o->quiet)
		printf("anjian build: %u documents written to %s (%u typeset, %u unchanged; see "
		       "%s/manifest.xml)\n",
		       docs->len, out, ro.rendered, ro.reused, out);
	if (!o->quiet)
		report_ents(ents, o);
	ok = TRUE;
done:
	if (root != NULL) {
		name_final_paths(err, root, out);
		aj_outdir_remove(root);
	}
	aj_interrupt_guard_stop(guard);
	g_free(root);
	g_free(templates);
	g_free(fingerprint);
	g_free(build_key);
	g_free(out);
	g_ptr_array_unref(docs);
	g_ptr_array_unref(plans);
	if (ents != NULL)
		g_free((char *)aj_build_ents_site(ents)->data_path);
	aj_build_ents_free(ents);
	aj_model_free(model);
	return ok;
}
