/* `anjian site --archive ARCHIVE`: the archive's site written again. */
#include <stdio.h>

#include "archive/republish.h"
#include "cli/cli.h"
#include "util/error.h"
#include "util/i18n.h"

int aj_cmd_site(int argc, char **argv)
{
	char *archive = NULL, *office = NULL, *templates = NULL;
	gboolean quiet = FALSE;
	GOptionEntry entries[] = {
		{ "archive", 'a', 0, G_OPTION_ARG_FILENAME, &archive,
		  N_("the archive of issued documents (required)"), N_("ARCHIVE") },
		{ "office", 0, 0, G_OPTION_ARG_FILENAME, &office,
		  N_("office profile (default: ARCHIVE/office.yml, the one of the latest issue)"),
		  N_("FILE") },
		{ "templates", 0, 0, G_OPTION_ARG_FILENAME, &templates,
		  N_("template directory with the site layouts (default: as build finds it)"), N_("DIR") },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("no summary"), NULL },
		{ NULL }
	};
	GError *err = NULL;
	int status = EX_OK;

	if (!aj_cli_parse("site", _("Write ARCHIVE/site again from every issued public document "
				  "of every year (e.g. after changing the site layouts or site.url)."),
			  entries, &argc, &argv))
		return EX_USAGE;
	if (archive == NULL || argc > 1) {
		fprintf(stderr, _("anjian site: %s\nTry 'anjian site --help'.\n"),
			archive == NULL ? _("--archive ARCHIVE is required") : _("unexpected argument"));
		status = EX_USAGE;
	} else if (!aj_archive_republish(archive, office, templates, quiet, &err)) {
		status = aj_error_report(err);
		g_error_free(err);
	}
	g_free(archive);
	g_free(office);
	g_free(templates);
	return status;
}
