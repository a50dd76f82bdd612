/* `anjian build`: parses the command line into AjBuildOptions. */
#include <stdio.h>
#include <unistd.h>

#include "build/build.h"
#include "cli/cli.h"
#include "util/error.h"
#include "util/i18n.h"

static int usage(const char *msg)
{
	return aj_cli_usage_error("build", msg);
}

int aj_cmd_build(int argc, char **argv)
{
	char *data = NULL, *out = NULL, *month = NULL, *asof = NULL, *templates = NULL;
	char *since = NULL;
	char *site_url = NULL, *office = NULL, *archive = NULL;
	int jobs = 0;
	gboolean quiet = FALSE, force = FALSE, timings = FALSE, dossiers = FALSE, data_only = FALSE;
	gboolean allow_empty = FALSE;
	GOptionEntry entries[] = {
		{ "data", 'd', 0, G_OPTION_ARG_FILENAME, &data, N_("data directory (required)"), N_("DIR") },
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("output directory (required)"), N_("DIR") },
		{ "month", 'm', 0, G_OPTION_ARG_STRING, &month, N_("month of the documents (required)"),
		  "YYYY-MM" },
		{ "as-of", 0, 0, G_OPTION_ARG_STRING, &asof, N_("as-of date (default: last day of the month)"),
		  "YYYY-MM-DD" },
		{ "since", 0, 0, G_OPTION_ARG_STRING, &since,
		  N_("also build every month from this one to --month (each as of its last day)"),
		  "YYYY-MM" },
		{ "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("rendering threads (default: cores)"), "N" },
		{ "templates", 0, 0, G_OPTION_ARG_FILENAME, &templates,
		  N_("template directory (default: ./templates, else the installed ones)"), N_("DIR") },
		{ "office", 0, 0, G_OPTION_ARG_FILENAME, &office,
		  N_("office profile (default: office.yml in the data directory)"), N_("FILE") },
		{ "archive", 'a', 0, G_OPTION_ARG_FILENAME, &archive,
		  N_("archive of issued documents: those are not drafted again (a warning names "
		  "every value that changed under them), drafts are numbered after them"), N_("ARCHIVE") },
		{ "allow-empty", 0, 0, G_OPTION_ARG_NONE, &allow_empty,
		  N_("build a month even when no record is dated in it (its figures are all 0)"), NULL },
		{ "site-url", 0, 0, G_OPTION_ARG_STRING, &site_url,
		  N_("absolute URL the site is published at, for feed.xml and sitemap.xml "
		  "(default: site.url of the office profile)"), N_("URL") },
		{ "dossiers", 0, 0, G_OPTION_ARG_NONE, &dossiers,
		  N_("also typeset the internal dossier of every enterprise into OUT/dossier"), NULL },
		{ "data-only", 0, 0, G_OPTION_ARG_NONE, &data_only,
		  N_("write the data files and the manifest only: no Markdown, PDF or site"), NULL },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("no warnings or summary"), NULL },
		{ "timings", 0, 0, G_OPTION_ARG_NONE, &timings,
		  N_("print the time of each phase on stderr (load, contexts, render, site, manifest)"),
		  NULL },
		{ "force", 0, 0, G_OPTION_ARG_NONE, &force,
		  N_("render every document again (no reuse of OUT/.cache) and replace --out "
		  "even when it is not an earlier anjian output"), NULL },
		{ NULL }
	};
	AjBuildOptions o = { 0 };
	GError *err = NULL;
	int status = EX_OK;

	if (!aj_cli_parse("build", N_("Build the drafts of one month (or of every month from "
				      "--since): data files, PDFs marked 草稿, a preview site and the "
				      "manifest.  'anjian issue' makes them documents of record."),
			  entries, &argc, &argv))
		return EX_USAGE;
	if (argc != 1)
		status = usage(_("unexpected argument; every input is given by an option"));
	else if (data == NULL || out == NULL || month == NULL)
		status = usage(_("--data, --out and --month are required"));
	else if (!aj_month_parse(month, &o.month))
		status = usage(_("--month must be a month YYYY-MM, e.g. 2026-03"));
	else if (asof != NULL && !aj_day_parse(asof, &o.asof))
		status = usage(_("--as-of must be a date YYYY-MM-DD, e.g. 2026-03-31"));
	else if (since != NULL && !aj_month_parse(since, &o.since))
		status = usage(_("--since must be a month YYYY-MM, e.g. 2025-07"));
	else if (jobs < 0)
		status = usage(_("--jobs must be 1 or more"));
	if (status == EX_OK) {
		o.data_dir = data;
		o.out_dir = out;
		o.jobs = jobs;
		o.templates_dir = templates;
		o.data_only = data_only;
		o.quiet = quiet;
		o.site_url = site_url;
		o.office_path = office;
		o.archive_dir = archive;
		o.allow_empty = allow_empty;
		o.force = force;
		o.has_since = since != NULL;
		o.timings = timings;
		o.dossiers = dossiers;
		o.progress = isatty(STDERR_FILENO);
		if (!aj_build_run(&o, &err)) {
			status = aj_error_report(err);
			g_error_free(err);
		}
	}
	g_free(data);
	g_free(out);
	g_free(month);
	g_free(asof);
	g_free(since);
	g_free(templates);
	g_free(site_url);
	g_free(office);
	g_free(archive);
	return status;
}
