#include <stdio.h>

#include "cli/cli.h"
#include "load/load.h"
#include "office/office.h"
#include "util/error.h"
#include "util/i18n.h"

int aj_cmd_check(int argc, char **argv)
{
	char *data = NULL, *office_opt = NULL, *office_path = NULL;
	int jobs = 0;
	GOptionEntry entries[] = {
		{ "data", 0, 0, G_OPTION_ARG_FILENAME, &data, N_("data directory (required)"),
		  N_("DIR") },
		{ "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("reading threads (default: cores)"), "N" },
		{ "office", 0, 0, G_OPTION_ARG_FILENAME, &office_opt,
		  N_("office profile (default: office.yml in the data directory)"), N_("FILE") },
		{ NULL }
	};
	AjOffice *office = NULL;
	int status = EX_OK;

	if (!aj_cli_parse("check", N_("Validate every *.xml file of a data directory and its "
				      "office profile."), entries,
			  &argc, &argv))
		return EX_USAGE;
	if (data == NULL || argc > 1 || jobs < 0) {
		const char *msg = data == NULL ? _("--data DIR is required")
				  : jobs < 0   ? _("--jobs must be 1 or more")
					       : _("unexpected argument");
		g_free(data);
		g_free(office_opt);
		return aj_cli_usage_error("check", msg);
	}
	/* both are checked, so one run lists the problems of both */
	GError *err = NULL, *office_err = NULL;
	office_path = aj_office_path(data, office_opt);
	office = aj_office_load(office_path, &office_err);
	AjModel *model = aj_load_dir_jobs(data, jobs, &err);
	if (office == NULL) {
		status = aj_error_report(office_err);
		g_error_free(office_err);
	}
	if (model == NULL) {
		status = aj_error_report(err);
		g_error_free(err);
	}
	if (model != NULL && office != NULL) {
		guint warnings = aj_warn_count();
		char *files = g_strdup_printf(ngettext("%u file", "%u files", model->files->len),
					      model->files->len);
		char *counts = g_strdup_printf(_("%s, %u enterprises, %u inspections, %u "
						 "hazards, %u penalties, %u accidents"),
					       files, model->enterprises->len,
					       model->inspections->len, model->hazards->len,
					       model->penalties->len, model->accidents->len);
		g_free(files);
		printf(_("%s: office profile of %s: valid\n"), office_path, office->issuer);
		if (warnings > 0)
			printf(ngettext("anjian check: %s is valid (%s); %u warning above\n",
					"anjian check: %s is valid (%s); %u warnings above\n", warnings),
			       data, counts, warnings);
		else
			printf(_("anjian check: %s is valid (%s)\n"), data, counts);
		g_free(counts);
	}
	aj_model_free(model);
	aj_office_free(office);
	g_free(office_path);
	g_free(office_opt);
	g_free(data);
	return status;
}
