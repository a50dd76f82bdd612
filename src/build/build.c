#include "build/build.h"

#include <stdio.h>
#include <string.h>

#include "register/compare.h"
#include "register/number.h"
#include "register/register.h"
#include "build/cache.h"
#include "build/enterprises.h"
#include "build/interrupt.h"
#include "build/manifest.h"
#include "build/outdir.h"
#include "build/publish.h"
#include "build/render.h"
#include "context/context.h"
#include "load/load.h"
#include "office/office.h"
#include "rules/activity.h"
#include "typeset/fonts.h"
#include "util/error.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/testhook.h"

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

AjBuiltDoc *aj_built_doc_new(const AjDocPlan *plan, AjDay asof, char *title, xmlDocPtr context)
{
	AjBuiltDoc *d = g_new0(AjBuiltDoc, 1);

	d->plan = plan;
	d->asof = asof;
	d->title = title;
	d->context = context;
	d->files = g_ptr_array_new_with_free_func(file_free);
	return d;
}

void aj_built_doc_free(gpointer p)
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

/* What a build works from besides its options. */
typedef struct {
	const AjModel *model;
	const AjOffice *office;
	const AjRegister *reg; /* the archive's; empty without one */
} Inputs;

/* The documents of one month: plan, coverage and contexts as of its as-of.
 * A name already in seen (a later month's document of the same period, or
 * a problem list planned again every month) is skipped: the latest month's
 * version wins.  A document the archive holds is not a draft: it goes to
 * group too, with its register entry, to be compared.  plans keeps the
 * plan arrays the docs point into. */
static void build_month(const Inputs *in, const AjPeriod *p, gboolean warn, GHashTable *seen,
			GPtrArray *plans, GPtrArray *group)
{
	AjCoverage *c = aj_coverage_new(in->model, p->asof);
	GPtrArray *plan = aj_documents_plan(in->model, p);

	aj_office_apply_publicity(in->office, plan);
	if (warn)
		aj_coverage_warn_baselines(in->model, c);
	g_ptr_array_add(plans, plan);
	for (guint i = 0; i < plan->len; i++) {
		const AjDocPlan *dp = g_ptr_array_index(plan, i);
		if (g_hash_table_contains(seen, dp->name))
			continue;
		g_hash_table_add(seen, dp->name);
		AjBuiltDoc *d = aj_built_doc_new(dp, p->asof,
						  aj_context_title(in->model, dp, in->office),
						  aj_context_build(in->model, p, c, dp, in->office));
		d->record = aj_register_current(in->reg, aj_doc_kind_code(dp->kind), dp->period);
		g_ptr_array_add(group, d);
	}
	aj_coverage_free(c);
}

/* Every month from since (or month alone) to month, newest first so the
 * latest version of a repeated document wins, then put back in calendar
 * order for the manifest and the site: drafts into docs, documents the
 * archive already holds into issued. */
static void build_contexts(const Inputs *in, const AjBuildOptions *o, const AjPeriod *last,
			   GPtrArray *plans, GPtrArray *docs, GPtrArray *issued)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	GPtrArray *groups = g_ptr_array_new();
	AjMonth first = o->has_since ? o->since : o->month;

	for (AjMonth mo = o->month; mo >= first; mo--) {
		GPtrArray *group = g_ptr_array_new();
		AjPeriod p;
		if (mo == o->month)
			p = *last;
		else
			aj_period_init(&p, mo, AJ_DAY_NONE);
		g_ptr_array_add(groups, group);
		build_month(in, &p, mo == o->month, seen, plans, group);
	}
	for (guint g = groups->len; g-- > 0;) {
		GPtrArray *group = g_ptr_array_index(groups, g);
		for (guint i = 0; i < group->len; i++) {
			AjBuiltDoc *d = g_ptr_array_index(group, i);
			g_ptr_array_add(d->record != NULL ? issued : docs, d);
		}
		g_ptr_array_free(group, TRUE);
	}
	g_ptr_array_free(groups, TRUE);
	g_hash_table_destroy(seen);
}

static int year_of(AjDay d)
{
	int y, m, day;

	aj_day_ymd(d, &y, &m, &day);
	return y;
}

/* Each draft shows the 文号 issue would give it, issued in this order on its
 * as-of date; an issued document keeps its own, so that its data file
 * compares with the archived one. */
void aj_build_number_drafts(GPtrArray *docs, const AjOffice *office, const AjRegister *reg)
{
	AjNumbering *nb = aj_numbering_new(reg);

	for (guint i = 0; i < docs->len; i++) {
		AjBuiltDoc *d = g_ptr_array_index(docs, i);
		const char *prefix = aj_office_prefix(office, d->plan->kind);
		int year = year_of(d->asof), n = aj_numbering_next(nb, prefix, year);
		char *number = aj_number_format(prefix, year, n);
		aj_context_set_number(d->context, number, n);
		g_free(number);
	}
	aj_numbering_free(nb);
}

static void number_docs(const Inputs *in, GPtrArray *docs, GPtrArray *issued)
{
	aj_build_number_drafts(docs, in->office, in->reg);
	for (guint i = 0; i < issued->len; i++) {
		AjBuiltDoc *d = g_ptr_array_index(issued, i);
		char *prefix = NULL;
		int year = 0, n = 0;
		aj_number_parse(d->record->number, &prefix, &year, &n);
		aj_context_set_number(d->context, d->record->number, n);
		g_free(prefix);
	}
}

/* A month without any record gives a document of zeros: refused unless
 * --allow-empty, naming the newest record so the missing export is found. */
static gboolean check_months(const AjModel *m, const AjBuildOptions *o, const AjPeriod *last,
			     GError **err)
{
	AjNewest newest = aj_activity_newest(m);
	AjMonth first = o->has_since ? o->since : o->month;
	char mb[8], db[11];
	char *where;

	for (AjMonth mo = first; mo <= o->month; mo++) {
		AjPeriod p;
		if (mo == o->month)
			p = *last;
		else
			aj_period_init(&p, mo, AJ_DAY_NONE);
		if (aj_activity_in(m, p.m))
			continue;
		aj_month_format(mo, mb);
		if (newest.day == AJ_DAY_NONE) {
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%s: no inspection, penalty, accident, hazard or report is dated "
				      "in the data at all, so every figure of %s would be 0; copy the "
				      "exports into it, or pass --allow-empty to build anyway"),
				    o->data_dir, mb);
			return FALSE;
		}
		where = aj_model_loc_string(m, newest.loc);
		aj_day_format(newest.day, db);
		if (mo > aj_month_of_day(newest.day))
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%s is after the newest record in the data, dated %s (%s): its "
				      "documents would show only zeros; copy that month's exports into "
				      "%s and run again, or pass --allow-empty to build it anyway"),
				    mb, db, where, o->data_dir);
		else
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("no inspection, penalty, accident, hazard or report is dated in "
				      "%s (the newest record in the data is dated %s, %s): its "
				      "documents would show only zeros; copy that month's exports into "
				      "%s and run again, or pass --allow-empty to build it anyway"),
				    mb, db, where, o->data_dir);
		g_free(where);
		return FALSE;
	}
	return TRUE;
}

/* Seconds since the previous mark, which it moves on. */
static double lap(gint64 *mark)
{
	gint64 now = g_get_monotonic_time();
	double s = (double)(now - *mark) / G_USEC_PER_SEC;
	*mark = now;
	return s;
}

/* The enterprises' pages (and dossiers): unchanged ones are linked from
 * out.  Their penalties are those of the years before as-of the option
 * gives, else the profile's penalty-publicity-years, else the default. */
static AjBuildEnts *build_ents(const AjModel *m, const AjBuildOptions *o, const AjOffice *office,
			       const AjPeriod *p, const char *root, const char *out)
{
	int years = o->publicity_years > 0		  ? o->publicity_years
		    : office->penalty_publicity_years > 0 ? office->penalty_publicity_years
							  : AJ_PUBLICITY_YEARS_DEFAULT;
	AjBuildEnts *b = aj_build_ents_new(m, p->asof, years);
	AjSiteEnterprises *site = aj_build_ents_site(b);

	site->reuse_from = o->force ? NULL : out;
	site->data_path = g_build_filename(root, "data", "enterprises.xml", NULL);
	return b;
}

/* The dossiers: an extra step of aj_publish (after the site, before the
 * manifest), with its typesetting options. */
typedef struct {
	AjBuildEnts *ents;
	const AjBuildOptions *o;
	const char *templates, *installed, *out;
} Dossiers;

static gboolean write_dossiers(const AjRenderOptions *ro, gpointer user, GError **err)
{
	const Dossiers *ds = user;
	gboolean fell_back;
	char *path = aj_render_template_path(ds->templates, ds->installed, AJ_DOSSIER_TEMPLATE,
					     &fell_back);
	AjDossierOptions d = { .root = ro->root, .template_path = path,
			       .reuse_from = ds->o->force ? NULL : ds->out,
			       .jobs = ro->jobs, .progress = ro->progress };
	gboolean ok;

	if (fell_back)
		aj_warn(_("%s has no %s; the dossiers use the installed template %s"), ds->templates,
			AJ_DOSSIER_TEMPLATE, path);
	ok = aj_build_dossiers(aj_build_ents_source(ds->ents), &d, err);
	if (ok && !ds->o->quiet)
		printf(_("anjian build: %u dossiers in %s/dossier (%u typeset, %u unchanged)\n"),
		       d.written + d.reused, ds->out, d.written, d.reused);
	g_free(path);
	return ok;
}

/* The options and inputs that decide the output, beyond what the build key
 * reads itself: the profile's bytes and the archive's register. */
static char *key_extra(const AjBuildOptions *o, const AjOffice *office)
{
	gsize len = 0;
	const guchar *bytes = g_bytes_get_data(office->bytes, &len);
	char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, bytes, len);
	char *s = g_strdup_printf("office %s\nallow-empty %d\n", sum, o->allow_empty);

	g_free(sum);
	return s;
}

static void report_ents(AjBuildEnts *ents, const AjBuildOptions *o)
{
	const AjSiteEnterprises *s = aj_build_ents_site(ents);

	if (s->written + s->reused > 0)
		printf(_("anjian build: %u enterprise pages (%u written, %u unchanged)\n"),
		       s->written + s->reused, s->written, s->reused);
}

/* Documents already issued: their data compared with the archive's. */
static guint compare_issued(const AjBuildOptions *o, GPtrArray *issued)
{
	guint changed = 0;

	for (guint i = 0; i < issued->len; i++) {
		AjBuiltDoc *d = g_ptr_array_index(issued, i);
		changed += aj_archive_warn_changes(o->archive_dir, d->record, d->context);
	}
	return changed;
}

/* The last line of a build that worked, in the user's language; issued:
 * the documents already issued, changed of them with changed data. */
static void print_summary(const AjBuildOptions *o, guint docs, const char *out,
			  const AjPublish *pub, guint issued, guint changed)
{
	guint warnings = aj_warn_count();
	char *w = warnings > 0 ? g_strdup_printf(ngettext("; %u warning above", "; %u warnings above",
							 warnings), warnings)
			       : g_strdup("");

	if (o->data_only)
		printf(ngettext("anjian build: %u draft's data written to %s%s (see "
				"%s/manifest.xml)",
				"anjian build: %u drafts' data written to %s%s (see "
				"%s/manifest.xml)", docs),
		       docs, out, w, out);
	else
		printf(ngettext("anjian build: %u draft written to %s (%u typeset, %u unchanged%s; "
				"see %s/manifest.xml)",
				"anjian build: %u drafts written to %s (%u typeset, %u unchanged%s; "
				"see %s/manifest.xml)", docs),
		       docs, out, pub->rendered, pub->reused, w, out);
	if (issued > 0 && changed > 0)
		printf(_("; %u already issued in %s, not drafted again (%u with changed "
			 "data: see the warnings)"),
		       issued, o->archive_dir, changed);
	else if (issued > 0)
		printf(_("; %u already issued in %s, not drafted again (their data is "
			 "unchanged)"),
		       issued, o->archive_dir);
	printf("\n");
	g_free(w);
}

gboolean aj_build_run(const AjBuildOptions *o, GError **err)
{
	gint64 mark = g_get_monotonic_time();
	double t_load = 0, t_contexts = 0, t_render = 0, t_site = 0, t_manifest = 0, t_dossiers = 0;
	/* CPU seconds of all threads: on a shared machine wall time says little */
	double c_site = 0, c_dossiers = 0;
	AjModel *model = NULL;
	AjBuildEnts *ents = NULL;
	AjOffice *office = NULL;
	AjRegister *reg = NULL;
	GPtrArray *plans = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	GPtrArray *docs = g_ptr_array_new_with_free_func(aj_built_doc_free);
	GPtrArray *issued = g_ptr_array_new_with_free_func(aj_built_doc_free);
	char *out = aj_outdir_clean_path(o->out_dir), *root = NULL, *templates = NULL;
	char *installed = NULL, *site_dir = NULL;
	char *fingerprint = NULL, *build_key = NULL, *office_path = NULL, *extra = NULL;
	AjPeriod period;
	AjInterruptGuard *guard = NULL;
	gboolean ok = FALSE;
	guint changed = 0;
	AjPublish pub;
	Dossiers dossiers;
	Inputs in;

	/* before any thread exists (they inherit the blocked signals) and
	 * before anything is created */
	guard = aj_interrupt_guard_start();
	xmlInitParser();
	aj_warn_set_quiet(o->quiet);
	if (!aj_period_init(&period, o->month, o->asof)) {
		g_set_error(err, AJ_ERROR, EX_USAGE, _("--as-of is before the month given with "
			    "--month; give a date in or after that month"));
		goto done;
	}
	if (o->has_since && o->since > o->month) {
		g_set_error(err, AJ_ERROR, EX_USAGE, _("--since is after --month; give the first "
			    "month to build, on or before --month"));
		goto done;
	}
	office_path = aj_office_path(o->data_dir, o->office_path);
	office = aj_office_load(office_path, err);
	if (office == NULL)
		goto done;
	reg = o->archive_dir != NULL ? aj_register_load(o->archive_dir, err) : aj_register_new();
	if (reg == NULL)
		goto done;
	aj_outdir_sweep(out);
	if (!o->data_only) {
		templates = aj_render_template_dir(o->templates_dir, &installed, err);
		if (templates == NULL || (site_dir = aj_render_site_dir(templates, installed, err)) == NULL)
			goto done;
	}
	fingerprint = aj_cache_fingerprint(!o->data_only);
	extra = key_extra(o, office);
	build_key = aj_cache_build_key(o, templates, installed, fingerprint, extra);
	/* with issued documents to compare, every run compares (and warns) again */
	if (!o->force && reg->entries->len == 0 && aj_cache_build_current(out, build_key)) {
		if (!o->quiet)
			printf(_("anjian build: nothing changed since %s was built (data, templates, "
				 "fonts, options); it is left as it is (--force rebuilds it)\n"), out);
		ok = TRUE;
		goto done;
	}
	model = aj_load_dir_jobs(o->data_dir, o->jobs, err);
	if (model == NULL)
		goto done;
	t_load = lap(&mark);
	aj_test_point("loaded");
	if (!o->allow_empty && !check_months(model, o, &period, err))
		goto done;
	root = aj_interrupt_guard_outdir(guard, out, o->force, err);
	if (root == NULL)
		goto done;
	aj_test_point("begun");
	in = (Inputs){ .model = model, .office = office, .reg = reg };
	build_contexts(&in, o, &period, plans, docs, issued);
	number_docs(&in, docs, issued);
	changed = compare_issued(o, issued);
	t_contexts = lap(&mark);
	ents = build_ents(model, o, office, &period, root, out);
	dossiers = (Dossiers){ .ents = ents, .o = o, .templates = templates,
			       .installed = installed, .out = out };
	pub = (AjPublish){ .out = out, .root = root, .guard = guard, .templates = templates,
			   .installed = installed, .site_dir = site_dir,
			   .fingerprint = fingerprint, .build_key = build_key, .office = office,
			   .site_url = o->site_url, .asof = period.asof, .jobs = o->jobs,
			   .progress = o->progress && !o->quiet, .force = o->force,
			   .data_only = o->data_only, .enterprises = aj_build_ents_site(ents),
			   .extra = o->dossiers ? write_dossiers : NULL, .extra_user = &dossiers };
	if (!aj_publish(docs, &pub, err))
		goto done;
	t_render = pub.t_render;
	t_site = pub.t_site;
	c_site = pub.c_site;
	t_dossiers = pub.t_extra;
	c_dossiers = pub.c_extra;
	t_manifest = pub.t_manifest;
	g_clear_pointer(&root, g_free);
	if (o->timings)
		fprintf(stderr, _("anjian build: timings: load %.3f s, contexts %.3f s, render "
				  "%.3f s, site %.3f s (cpu %.3f s), dossiers %.3f s (cpu %.3f s), "
				  "manifest %.3f s\n"),
			t_load, t_contexts, t_render, t_site, c_site, t_dossiers, c_dossiers, t_manifest);
	if (!o->quiet)
		print_summary(o, docs->len, out, &pub, issued->len, changed);
	if (!o->quiet && !o->data_only)
		report_ents(ents, o);
	if (!o->quiet && aj_fonts_fallbacks() != NULL)
		printf(_("anjian build: roles without their official face, free faces standing in: "
			 "%s (README, \"PDF layout\", says how an office installs its licensed "
			 "fonts)\n"),
		       aj_fonts_fallbacks());
	ok = TRUE;
done:
	if (root != NULL) {
		aj_outdir_name_final(err, root, out);
		aj_outdir_remove(root);
	}
	aj_interrupt_guard_stop(guard);
	g_free(root);
	g_free(templates);
	g_free(installed);
	g_free(site_dir);
	g_free(fingerprint);
	g_free(build_key);
	g_free(extra);
	g_free(office_path);
	g_free(out);
	g_ptr_array_unref(docs);
	g_ptr_array_unref(issued);
	g_ptr_array_unref(plans);
	if (ents != NULL)
		g_free((char *)aj_build_ents_site(ents)->data_path);
	aj_build_ents_free(ents);
	aj_model_free(model);
	aj_office_free(office);
	aj_register_free(reg);
	return ok;
}
