#include "rollup/rollup.h"

#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>

#include "build/cache.h"
#include "build/outdir.h"
#include "build/publish.h"
#include "build/render.h"
#include "context/context.h"
#include "register/register.h"
#include "rollup/shard.h"
#include "util/error.h"
#include "util/i18n.h"

static int by_code(gconstpointer a, gconstpointer b)
{
	return strcmp(((const AjShard *)a)->code, ((const AjShard *)b)->code);
}

/* Cities in code order, each once, all as of the same day. */
static gboolean check_cities(AjShard *s, guint n, GError **err)
{
	qsort(s, n, sizeof *s, (int (*)(const void *, const void *))by_code);
	for (guint i = 0; i < n; i++) {
		for (guint j = 0; j < i; j++) {
			if (strcmp(s[i].code, s[j].code) != 0 && strcmp(s[i].name, s[j].name) != 0)
				continue;
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%s: the city %s (%s) is given twice, also as %s; give each "
				      "city's output once"),
				    s[i].dir, s[i].name, s[i].code, s[j].dir);
			return FALSE;
		}
		if (s[i].asof != s[0].asof) {
			char a[11], b[11];
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%s: built as of %s, but %s as of %s: the province adds up "
				      "cities of one day only; build every city with the same "
				      "--month and --as-of"),
				    s[i].dir, aj_day_format(s[i].asof, a), s[0].dir,
				    aj_day_format(s[0].asof, b));
			return FALSE;
		}
	}
	return TRUE;
}

/* The province's drafts, numbered as their first issue would number them. */
static void contexts(GPtrArray *docs, GPtrArray *plan, const AjShard *shards, guint n,
		     const AjPeriod *p, const AjOffice *office)
{
	AjCityShard *cities = g_new0(AjCityShard, n);
	AjRegister *reg = aj_register_new();
	AjAssessmentRule rule;

	aj_office_assessment_rule(office, &rule);
	for (guint i = 0; i < n; i++)
		cities[i] = shards[i].city;
	for (guint i = 0; i < plan->len; i++) {
		const AjDocPlan *dp = g_ptr_array_index(plan, i);
		xmlDocPtr ctx = aj_context_province(cities, n, p, dp, office, &rule);
		g_ptr_array_add(docs, aj_built_doc_new(dp, p->asof, aj_context_title(NULL, dp, office),
						       ctx));
	}
	aj_build_number_drafts(docs, office, reg);
	aj_register_free(reg);
	g_free(cities);
}

gboolean aj_rollup_run(const AjRollupOptions *o, GError **err)
{
	AjInterruptGuard *guard = aj_interrupt_guard_start();
	AjShard *shards = g_new0(AjShard, o->n_from);
	GPtrArray *docs = g_ptr_array_new_with_free_func(aj_built_doc_free);
	GPtrArray *plan = NULL;
	char *out = aj_outdir_clean_path(o->out_dir), *root = NULL, *templates = NULL;
	char *installed = NULL, *site_dir = NULL, *fingerprint = NULL;
	AjOffice *office = NULL;
	gboolean ok = FALSE;
	guint opened = 0;
	AjPeriod period;
	AjPublish pub;

	xmlInitParser();
	aj_warn_set_quiet(o->quiet);
	office = aj_office_load(o->office_path, err);
	if (office == NULL)
		goto done;
	for (; opened < o->n_from; opened++)
		if (!aj_shard_open(&shards[opened], o->from[opened], o->month,
				   aj_month_number(o->month) == 12, err))
			goto done;
	if (!check_cities(shards, o->n_from, err))
		goto done;
	aj_period_init(&period, o->month, shards[0].asof);
	plan = aj_documents_plan_rollup(&period);
	aj_office_apply_publicity(office, plan);
	aj_outdir_sweep(out);
	templates = aj_render_template_dir(o->templates_dir, &installed, err);
	if (templates == NULL || (site_dir = aj_render_site_dir(templates, installed, err)) == NULL)
		goto done;
	fingerprint = aj_cache_fingerprint(TRUE);
	root = aj_interrupt_guard_outdir(guard, out, o->force, err);
	if (root == NULL)
		goto done;
	contexts(docs, plan, shards, o->n_from, &period, office);
	pub = (AjPublish){ .out = out, .root = root, .guard = guard, .templates = templates,
			   .installed = installed, .site_dir = site_dir, .fingerprint = fingerprint, .office = office, .site_url = o->site_url,
			   .asof = period.asof, .jobs = o->jobs, .progress = o->progress && !o->quiet,
			   .force = o->force };
	if (!aj_publish(docs, &pub, err))
		goto done;
	g_clear_pointer(&root, g_free);
	if (!o->quiet)
		printf(ngettext("anjian rollup: %u city rolled up into %u drafts in %s (%u "
				"typeset, %u unchanged; see %s/manifest.xml)\n",
				"anjian rollup: %u cities rolled up into %u drafts in %s (%u "
				"typeset, %u unchanged; see %s/manifest.xml)\n",
				o->n_from),
		       o->n_from, docs->len, out, pub.rendered, pub.reused, out);
	ok = TRUE;
done:
	if (root != NULL) {
		aj_outdir_name_final(err, root, out);
		aj_outdir_remove(root);
	}
	aj_office_free(office);
	aj_interrupt_guard_stop(guard);
	for (guint i = 0; i < o->n_from; i++)
		aj_shard_clear(&shards[i]);
	g_free(shards);
	g_ptr_array_unref(docs);
	if (plan != NULL)
		g_ptr_array_unref(plan);
	g_free(root);
	g_free(templates);
	g_free(installed);
	g_free(site_dir);
	g_free(fingerprint);
	g_free(out);
	return ok;
}
