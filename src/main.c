/* anjian: safety-supervision data in, official documents out. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/cli.h"
#include "util/i18n.h"

static const char usage[] = N_(
	"Usage: anjian COMMAND [OPTIONS]\n"
	"\n"
	"Turns safety-supervision data (XML) into the documents of a Safety\n"
	"Production Committee: bulletins, publicity lists, rectification tables.\n"
	"\n"
	"Commands:\n"
	"  check   --data DIR [--office FILE]    validate a data directory and its office.yml\n"
	"  build   --data DIR --out OUT --month YYYY-MM [--archive ARCHIVE] [--as-of YYYY-MM-DD]\n"
	"                                        draft every document of a month\n"
	"  issue   --draft OUT --archive ARCHIVE [--date YYYY-MM-DD] [--correct] [NAME…]\n"
	"                                        issue drafts under their 文号 into the archive\n"
	"  site    --archive ARCHIVE             write the archive's public site again\n"
	"  rollup  --from OUT… --office FILE --out OUT --month YYYY-MM\n"
	"                                        draft a province's documents from its cities' OUTs\n"
	"  render  FILE.md --out FILE.pdf|FILE.html\n"
	"                                        typeset one Markdown file\n"
	"  dossier --data DIR --enterprise CODE --out FILE.pdf\n"
	"                                        the internal dossier of one enterprise\n"
	"\n"
	"Options:\n"
	"  --help      show this help (also after a command)\n"
	"  --version   show the version\n"
	"\n"
	"Exit status follows sysexits.h: 0 success, 64 usage, 65 data error,\n"
	"66 missing input, 73/74 output errors, 75 archive busy.\n");

int main(int argc, char **argv)
{
	aj_i18n_init();

	if (argc < 2) {
		fputs(_(usage), stderr);
		return EX_USAGE;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		fputs(_(usage), stdout);
		return EX_OK;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("anjian %s\n", ANJIAN_VERSION);
		return EX_OK;
	}
	if (strcmp(cmd, "check") == 0)
		return aj_cmd_check(argc - 1, argv + 1);
	if (strcmp(cmd, "build") == 0)
		return aj_cmd_build(argc - 1, argv + 1);
	if (strcmp(cmd, "issue") == 0)
		return aj_cmd_issue(argc - 1, argv + 1);
	if (strcmp(cmd, "site") == 0)
		return aj_cmd_site(argc - 1, argv + 1);
	if (strcmp(cmd, "rollup") == 0)
		return aj_cmd_rollup(argc - 1, argv + 1);
	if (strcmp(cmd, "render") == 0)
		return aj_cmd_render(argc - 1, argv + 1);
	if (strcmp(cmd, "dossier") == 0)
		return aj_cmd_dossier(argc - 1, argv + 1);
	fprintf(stderr, _("anjian: unknown command '%s'\nTry 'anjian --help'.\n"), cmd);
	return EX_USAGE;
}
