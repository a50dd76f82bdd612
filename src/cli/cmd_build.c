/* STUB: replaced by the build (issue 3). */
#include <stdio.h>

#include <sysexits.h>

#include "cli/cli.h"

int aj_cmd_build(int argc, char **argv)
{
	fprintf(stderr, "anjian build: not implemented yet\n");
	return EX_SOFTWARE;
}
