/* `anjian issue`: parses the command line into AjIssueOptions. */
#include <stdio.h>

#include "archive/issue.h"
#include "cli/cli.h"
#include "util/error.h"
#include "util/i18n.h"

static int usage(const char *msg)
{
	fprintf(stderr, _("anjian issue: %s\nTry 'anjian issue --help'.\n"), msg);
	return EX_USAGE;
}

int aj_cmd_issue(int argc, char **argv)
{
	char *draft = NULL, *archive = NULL, *date = NULL, *templates = NULL;
	gboolean correct = FALSE, quiet = FALSE;
	GOptionEntry entries[] = {
		{ "draft", 'd', 0, G_OPTION_ARG_FILENAME, &draft,
		  N_("the drafts: the --out of 'anjian build' (required)"), "OUT" },
		{ "archive", 'a', 0, G_OPTION_ARG_FILENAME, &archive,
		  N_("the archive of issued documents (required; made on first use)"), N_("ARCHIVE") },
		{ "date", 0, 0, G_OPTION_ARG_STRING, &date,
		  N_("成文日期 of the documents (default: each draft's as-of date)"), "YYYY-MM-DD" },
		{ "correct", 0, 0, G_OPTION_ARG_NONE, &correct,
		  N_("issue corrections (更正) of documents already issued: each gets its own "
		  "number and supersedes the earlier one"), NULL },
		{ "templates", 0, 0, G_OPTION_ARG_FILENAME, &templates,
		  N_("template directory with the site layouts (default: as build finds it)"), N_("DIR") },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("no warnings or summary"), NULL },
		{ NULL }
	};
	AjIssueOptions o = { 0 };
	GError *err = NULL;
	int status = EX_OK;

	if (!aj_cli_parse("issue",
			  _("Issue drafts as documents of record: each gets its 文号 from the archive's "
			  "register and its date, is typeset without the draft mark and kept in "
			  "ARCHIVE for good; ARCHIVE/site is written again.  NAME (e.g. "
			  "bulletin-2026-03) issues only those drafts; without NAME, all of them."),
			  entries, &argc, &argv))
		return EX_USAGE;
	if (draft == NULL || archive == NULL)
		status = usage(_("--draft and --archive are required"));
	else if (date != NULL && !aj_day_parse(date, &o.date))
		status = usage(_("--date must be a date YYYY-MM-DD, e.g. 2026-04-03"));
	if (status == EX_OK) {
		o.draft_dir = draft;
		o.archive_dir = archive;
		o.correct = correct;
		o.names = argc > 1 ? argv + 1 : NULL;
		o.templates_dir = templates;
		o.quiet = quiet;
		if (!aj_issue_run(&o, &err)) {
			status = aj_error_report(err);
			g_error_free(err);
		}
	}
	g_free(draft);
	g_free(archive);
	g_free(date);
	g_free(templates);
	return status;
}
