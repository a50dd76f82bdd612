#include "cli/cli.h"

#include <stdio.h>
#include <sysexits.h>

#include "util/i18n.h"

gboolean aj_cli_parse(const char *command, const char *summary, GOptionEntry *entries,
		      int *argc, char ***argv)
{
	char *param = g_strdup_printf("- anjian %s", command);
	GOptionContext *ctx = g_option_context_new(param);
	GError *err = NULL;
	gboolean ok;

	/* summary and entries are N_() strings: GOption translates them */
	g_option_context_set_translation_domain(ctx, AJ_GETTEXT_PACKAGE);
	g_option_context_set_summary(ctx, summary);
	g_option_context_add_main_entries(ctx, entries, AJ_GETTEXT_PACKAGE);
	ok = g_option_context_parse(ctx, argc, argv, &err);
	if (!ok) {
		aj_cli_usage_error(command, err->message);
		g_error_free(err);
	}
	g_option_context_free(ctx);
	g_free(param);
	return ok;
}

int aj_cli_usage_error(const char *command, const char *msg)
{
	fprintf(stderr, _("anjian %s: %s\nTry 'anjian %s --help'.\n"), command, msg, command);
	return EX_USAGE;
}
