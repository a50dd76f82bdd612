/* The subcommands of anjian.  Each takes the arguments after its name
 * (argv[0] is the subcommand) and returns a sysexits.h status. */
#ifndef AJ_CLI_H
#define AJ_CLI_H

int aj_cmd_check(int argc, char **argv);
int aj_cmd_build(int argc, char **argv);
int aj_cmd_render(int argc, char **argv);
int aj_cmd_dossier(int argc, char **argv);
int aj_cmd_issue(int argc, char **argv);
int aj_cmd_site(int argc, char **argv);
int aj_cmd_rollup(int argc, char **argv);

/* Parses argv with the entries; on a usage error prints it with the
 * subcommand's help hint and returns FALSE (exit EX_USAGE). */
#include <glib.h>
/* Prints "anjian COMMAND: MSG" and the help hint; returns EX_USAGE. */
int aj_cli_usage_error(const char *command, const char *msg);
gboolean aj_cli_parse(const char *command, const char *summary, GOptionEntry *entries,
		      int *argc, char ***argv);

#endif
