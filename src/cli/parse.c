#include "cli/cli.h"

#include <stdio.h>

gboolean aj_cli_parse(const char *command, const char *summary, GOptionEntry *entries,
		      int *argc, char ***argv)
{
	char *param = g_strdup_printf("- anjian %s", command);
	GOptionContext *ctx = g_option_context_new(param);
	GError *err = NULL;
	gboolean ok;

	g_option_context_set_summary(ctx, summary);
	g_option_context_add_main_entries(ctx, entries, NULL);
	ok = g_option_context_parse(ctx, argc, argv, &err);
	if (!ok) {
		fprintf(stderr, "anjian %s: %s\nTry 'anjian %s --help'.\n", command, err->message,
			command);
		g_error_free(err);
	}
	g_option_context_free(ctx);
	g_free(param);
	return ok;
}
