#include "archive/tree.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "register/register.h"
#include "build/interrupt.h"
#include "build/outdir.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/testhook.h"

struct AjArchiveTx {
	char *archive;
	char *root;
	int lock_fd;
	gboolean committed;
	AjInterruptGuard *guard;
};

/* Locks ARCHIVE.lock; -1 with an error when another change holds it. */
static int take_lock(const char *archive, GError **err)
{
	char *path = g_strconcat(archive, ".lock", NULL);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

	if (fd < 0) {
		g_set_error(err, AJ_ERROR, EX_CANTCREAT,
			    _("%s: cannot create the archive's lock file: %s; check the permissions "
			    "of the folder that holds the archive"), path, g_strerror(errno));
	} else if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		g_set_error(err, AJ_ERROR, EX_TEMPFAIL,
			    _("%s: another 'anjian issue' or 'anjian site' is changing this archive; "
			    "wait for it to finish and run again"), archive);
		close(fd);
		fd = -1;
	}
	g_free(path);
	return fd;
}

static gboolean is_archive(const char *archive, GError **err)
{
	char *reg = g_build_filename(archive, AJ_REGISTER_FILE, NULL);
	GDir *dir = g_dir_open(archive, 0, NULL);
	gboolean empty = dir != NULL && g_dir_read_name(dir) == NULL;
	gboolean ok = !g_file_test(archive, G_FILE_TEST_EXISTS) || empty ||
		      g_file_test(reg, G_FILE_TEST_IS_REGULAR);

	if (dir != NULL)
		g_dir_close(dir);
	if (!ok)
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: not empty and not an archive of issued documents (no %s); "
			    "give --archive a new or empty directory, or the archive itself"),
			    archive, AJ_REGISTER_FILE);
	g_free(reg);
	return ok;
}

/* Hard link (a copy where the file system has none): the same bytes. */
static gboolean link_file(const char *from, const char *to, GError **err)
{
	char *data = NULL;
	gsize len = 0;
	GError *io = NULL;

	if (link(from, to) == 0)
		return TRUE;
	if (g_file_get_contents(from, &data, &len, &io) &&
	    g_file_set_contents(to, data, (gssize)len, &io)) {
		g_free(data);
		return TRUE;
	}
	g_set_error(err, AJ_ERROR, EX_IOERR, _("%s: cannot carry it into the new archive: %s; "
		    "check the disk and run again"), from, io->message);
	g_error_free(io);
	g_free(data);
	return FALSE;
}

/* Mirrors dir into to with hard links; top level: without the site, which
 * every change writes anew.  A file written later (the register) is
 * replaced by rename, so the old archive's link keeps its bytes. */
static gboolean mirror(const char *dir, const char *to, gboolean top, GError **err)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	gboolean ok = TRUE;

	while (ok && d != NULL && (name = g_dir_read_name(d)) != NULL) {
		char *from = g_build_filename(dir, name, NULL);
		char *dest = g_build_filename(to, name, NULL);
		if (top && strcmp(name, "site") == 0) {
			/* written anew */
		} else if (g_file_test(from, G_FILE_TEST_IS_SYMLINK)) {
			/* an archive holds no links; one put there is not carried over */
		} else if (g_file_test(from, G_FILE_TEST_IS_DIR)) {
			ok = aj_outdir_mkdir(to, name, err) && mirror(from, dest, FALSE, err);
		} else {
			ok = link_file(from, dest, err);
		}
		g_free(from);
		g_free(dest);
	}
	if (d != NULL)
		g_dir_close(d);
	return ok;
}

AjArchiveTx *aj_archive_begin(const char *archive, GError **err)
{
	AjArchiveTx *tx = g_new0(AjArchiveTx, 1);

	tx->archive = aj_outdir_clean_path(archive);
	/* before any thread (they inherit its blocked signals) or file exists */
	tx->guard = aj_interrupt_guard_start();
	tx->lock_fd = take_lock(tx->archive, err);
	if (tx->lock_fd < 0 || !is_archive(tx->archive, err))
		goto fail;
	aj_outdir_sweep(tx->archive);
	/* the check above stands for outdir's (which wants a manifest) */
	tx->root = aj_interrupt_guard_outdir(tx->guard, tx->archive, TRUE, err);
	if (tx->root == NULL)
		goto fail;
	aj_test_point("archive-begun");
	if (g_file_test(tx->archive, G_FILE_TEST_IS_DIR) && !mirror(tx->archive, tx->root, TRUE, err))
		goto fail;
	aj_test_point("archive-linked");
	return tx;
fail:
	aj_archive_name_final(tx, err);
	aj_archive_end(tx);
	return NULL;
}

const char *aj_archive_root(const AjArchiveTx *tx)
{
	return tx->root;
}

const char *aj_archive_path(const AjArchiveTx *tx)
{
	return tx->archive;
}

gboolean aj_archive_commit(AjArchiveTx *tx, GError **err)
{
	tx->committed = aj_interrupt_guard_commit(tx->guard, tx->root, tx->archive, err);
	return tx->committed;
}

void aj_archive_name_final(const AjArchiveTx *tx, GError **err)
{
	aj_outdir_name_final(err, tx->root, tx->archive);
}

void aj_archive_end(AjArchiveTx *tx)
{
	if (tx == NULL)
		return;
	if (tx->root != NULL && !tx->committed)
		aj_outdir_remove(tx->root);
	aj_interrupt_guard_stop(tx->guard);
	if (tx->lock_fd >= 0)
		close(tx->lock_fd);
	g_free(tx->root);
	g_free(tx->archive);
	g_free(tx);
}
