#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "util/error.h"
#include "util/i18n.h"
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

/* The user's error for io met while writing path. */
static void write_error(GError **err, const char *path, const char *what, const GError *io)
{
	int status = aj_file_error_status(io);

	g_set_error(err, AJ_ERROR, status, _("%s: cannot write %s: %s; %s"), path,
		    what != NULL ? what : _("the file"), io->message,
		    io->code == G_FILE_ERROR_NOSPC ? _("free some disk space and run again")
		    : status == EX_CANTCREAT ? _("check that its folder exists and is writable")
					     : _("check the disk and run again"));
}

gboolean aj_file_write(const char *path, const void *data, gsize len, const char *what,
		       GError **err)
{
	GError *io = NULL;

	if (g_file_set_contents(path, data, (gssize)len, &io)) {
		aj_test_point_write();
		return TRUE;
	}
	write_error(err, path, what, io);
	g_error_free(io);
	return FALSE;
}

gboolean aj_file_write_new(const char *path, const void *data, gsize len, const char *what,
			   GError **err)
{
	const char *p = data;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	int saved;
	GError *io;

	/* a name already there may be a link to a file of record: replace the
	 * name, never write through it */
	if (fd < 0 && errno == EEXIST && unlink(path) == 0)
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		goto fail;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			saved = n < 0 ? errno : ENOSPC;
			close(fd);
			errno = saved;
			goto fail;
		}
		p += n;
		len -= (gsize)n;
	}
	if (close(fd) == 0) {
		aj_test_point_write();
		return TRUE;
	}
fail:
	saved = errno;
	io = g_error_new_literal(G_FILE_ERROR, g_file_error_from_errno(saved), g_strerror(saved));
	write_error(err, path, what, io);
	g_error_free(io);
	return FALSE;
}
