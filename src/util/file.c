#include "util/file.h"

#include "util/error.h"
#include "util/testhook.h"

int aj_file_error_status(const GError *io)
{
	if (io == NULL || io->domain != G_FILE_ERROR)
		return EX_IOERR;
	switch (io->code) {
	case G_FILE_ERROR_ACCES:
	case G_FILE_ERROR_PERM:
	case G_FILE_ERROR_NOENT:
	case G_FILE_ERROR_NOTDIR:
	case G_FILE_ERROR_ISDIR:
	case G_FILE_ERROR_ROFS:
	case G_FILE_ERROR_EXIST:
	case G_FILE_ERROR_NAMETOOLONG:
		return EX_CANTCREAT;
	default: /* NOSPC, IO, FBIG, ... */
		return EX_IOERR;
	}
}

gboolean aj_file_write(const char *path, const void *data, gsize len, const char *what,
		       GError **err)
{
	GError *io = NULL;
	int status;

	if (g_file_set_contents(path, data, (gssize)len, &io)) {
		aj_test_point_write();
		return TRUE;
	}
	status = aj_file_error_status(io);
	g_set_error(err, AJ_ERROR, status, "%s: cannot write %s: %s; %s", path,
		    what != NULL ? what : "the file", io->message,
		    io->code == G_FILE_ERROR_NOSPC ? "free some disk space and run again"
		    : status == EX_CANTCREAT       ? "check that its folder exists and is writable"
						   : "check the disk and run again");
	g_error_free(io);
	return FALSE;
}
