#include <stdio.h>

#include "cli/cli.h"
#include "load/load.h"
#include "util/error.h"
#include "util/i18n.h"

int aj_cmd_check(int argc, char **argv)
{
	char *data = NULL;
	int jobs = 0;
	GOptionEntry entries[] = {
		{ "data", 0, 0, G_OPTION_ARG_FILENAME, &data, "data directory (required)", "DIR" },
		{ "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, _("reading threads (default: cores)"), "N" },
		{ NULL }
	};
	int status = EX_OK;

	if (!aj_cli_parse("check", "Validate every *.xml file of a data directory.", entries,
			  &argc, &argv))
		return EX_USAGE;
	if (data == NULL || argc > 1 || jobs < 0) {
		fprintf(stderr, "anjian check: %s\nTry 'anjian check --help'.\n",
			data == NULL ? "--data DIR is required"
			: jobs < 0   ? _("--jobs must be 1 or more")
				     : "unexpected argument");
		g_free(data);
		return EX_USAGE;
	}
	GError *err = NULL;
	AjModel *model = aj_load_dir_jobs(data, jobs, &err);
	if (model == NULL) {
		status = aj_error_report(err);
		g_error_free(err);
	} else {
		printf("%s: %u files, %u enterprises, %u inspections, %u hazards, %u penalties, "
		       "%u accidents: valid\n",
		       data, model->files->len, model->enterprises->len, model->inspections->len,
		       model->hazards->len, model->penalties->len, model->accidents->len);
		aj_model_free(model);
	}
	g_free(data);
	return status;
}
