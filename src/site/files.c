#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "site/files.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/file.h"

gboolean aj_site_put(const char *root, const char *rel, const char *data, gsize len,
		     GError **err)
{
	char *path = g_build_filename(root, rel, NULL);
	char *dir = g_path_get_dirname(path);
	gboolean ok = FALSE;

	if (g_mkdir_with_parents(dir, 0755) != 0) {
		g_set_error(err, AJ_ERROR, EX_CANTCREAT,
			    _("%s: cannot create the directory: %s; check the permissions of the "
			    "output directory"), dir, g_strerror(errno));
		goto done;
	}
	if (!aj_file_write(path, data, len, NULL, err))
		goto done;
	ok = TRUE;
done:
	g_free(dir);
	g_free(path);
	return ok;
}

/* A hard link root/rel → src; FALSE (nothing done) where links do not work. */
static gboolean aj_site_link(const char *src, const char *root, const char *rel)
{
	char *path = g_build_filename(root, rel, NULL);
	char *dir = g_path_get_dirname(path);
	gboolean ok = g_mkdir_with_parents(dir, 0755) == 0 && link(src, path) == 0;

	g_free(dir);
	g_free(path);
	return ok;
}

gboolean aj_site_copy(const char *src, const char *root, const char *rel, GError **err)
{
	char *data = NULL;
	gsize len = 0;
	GError *io = NULL;
	gboolean ok;

	/* Output files are only ever replaced by rename, never rewritten, so
	 * the site's copy of a PDF may share the build's inode (the PDFs are
	 * most of the site's bytes). */
	if (aj_site_link(src, root, rel))
		return TRUE;
	if (!g_file_get_contents(src, &data, &len, &io)) {
		g_set_error(err, AJ_ERROR, EX_IOERR, _("%s: cannot read for the site: %s"), src,
			    io->message);
		g_error_free(io);
		return FALSE;
	}
	ok = aj_site_put(root, rel, data, len, err);
	g_free(data);
	return ok;
}
