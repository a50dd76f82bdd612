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
		{ "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "data directory (required)", "DIR" },
		{ "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, _("reading threads (default: cores)"), "N" },
		{ "office", 0, 0, G_OPTION_ARG_FILENAME, &office_opt,
		  N_("office profile (default: office.yml in the data directory)"), "FILE" },
		{ NULL }
	};
	AjOffice *office = NULL;
	int status = EX_OK;

	if (!aj_cli_parse("check", _("Validate every *.xml file of a data directory and its office profile."), entries,
			  &argc, &argv))
		return EX_USAGE;
	if (data == NULL || argc > 1 || jobs < 0) {
		fprintf(stderr, "anjian check: %s\nTry 'anjian check --help'.\n",
			data == NULL ? "--data DIR is required"
			: jobs < 0   ? _("--jobs must be 1 or more")
				     : "unexpected argument");
		g_free(data);
		g_free(office_opt);
		return EX_USAGE;
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
		printf("%s: %u files, %u enterprises, %u inspections, %u hazards, %u penalties, "
		       "%u accidents: valid\n",
		       data, model->files->len, model->enterprises->len, model->inspections->len,
		       model->hazards->len, model->penalties->len, model->accidents->len);
		printf(_("%s: office profile of %s: valid\n"), office_path, office->issuer);
	}
	aj_model_free(model);
	aj_office_free(office);
	g_free(office_path);
	g_free(office_opt);
	g_free(data);
	return status;
}
