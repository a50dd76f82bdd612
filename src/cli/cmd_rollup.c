/* `anjian rollup`: parses the command line into AjRollupOptions. */
#include <stdio.h>
#include <unistd.h>

#include "cli/cli.h"
#include "rollup/rollup.h"
#include "util/error.h"
#include "util/i18n.h"

static int usage(const char *msg)
{
	fprintf(stderr, _("anjian rollup: %s\nTry 'anjian rollup --help'.\n"), msg);
	return EX_USAGE;
}

int aj_cmd_rollup(int argc, char **argv)
{
	char **from = NULL, *office = NULL, *out = NULL, *month = NULL, *templates = NULL;
	char *site_url = NULL;
	int jobs = 0;
	gboolean quiet = FALSE, force = FALSE;
	GOptionEntry entries[] = {
		{ "from", 'f', 0, G_OPTION_ARG_FILENAME_ARRAY, &from,
		  N_("a city's build output (its OUT); repeat it, or list more directories after "
		     "the options (required)"),
		  N_("DIR") },
		{ "office", 0, 0, G_OPTION_ARG_FILENAME, &office,
		  N_("the province's office profile (required)"), N_("FILE") },
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("output directory (required)"),
		  N_("DIR") },
		{ "month", 'm', 0, G_OPTION_ARG_STRING, &month,
		  N_("month of the documents, the month the cities were built for (required)"),
		  "YYYY-MM" },
		{ "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("rendering threads (default: cores)"),
		  "N" },
		{ "templates", 0, 0, G_OPTION_ARG_FILENAME, &templates,
		  N_("template directory (default: ./templates, else the installed ones)"), N_("DIR") },
		{ "site-url", 0, 0, G_OPTION_ARG_STRING, &site_url,
		  N_("absolute URL the site is published at (default: the profile's site.url)"),
		  "URL" },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("no warnings or summary"), NULL },
		{ "force", 0, 0, G_OPTION_ARG_NONE, &force,
		  N_("render every document again and replace --out even when it is not an "
		     "earlier anjian output"),
		  NULL },
		{ NULL }
	};
	AjRollupOptions o = { 0 };
	GPtrArray *dirs = g_ptr_array_new();
	GError *err = NULL;
	int status = EX_OK;

	if (!aj_cli_parse("rollup",
			  _("Build a province's documents of one month from its cities' build "
			    "outputs: bulletin, exposed list, hazard supervision (and the "
			    "assessment with December)."),
			  entries, &argc, &argv))
		return EX_USAGE;
	for (char **d = from; d != NULL && *d != NULL; d++)
		g_ptr_array_add(dirs, *d);
	for (int i = 1; i < argc; i++)
		g_ptr_array_add(dirs, argv[i]);
	if (dirs->len == 0 || office == NULL || out == NULL || month == NULL)
		status = usage(_("--from, --office, --out and --month are required"));
	else if (!aj_month_parse(month, &o.month))
		status = usage(_("--month must be a month YYYY-MM, e.g. 2026-03"));
	else if (jobs < 0)
		status = usage(_("--jobs must be 1 or more"));
	if (status == EX_OK) {
		o.from = (const char *const *)dirs->pdata;
		o.n_from = dirs->len;
		o.office_path = office;
		o.out_dir = out;
		o.jobs = jobs;
		o.templates_dir = templates;
		o.site_url = site_url;
		o.quiet = quiet;
		o.force = force;
		o.progress = isatty(STDERR_FILENO);
		if (!aj_rollup_run(&o, &err)) {
			status = aj_error_report(err);
			g_error_free(err);
		}
	}
	g_ptr_array_free(dirs, TRUE);
	g_strfreev(from);
	g_free(office);
	g_free(out);
	g_free(month);
	g_free(templates);
	g_free(site_url);
	return status;
}
