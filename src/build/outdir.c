#include "build/outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/error.h"
#include "util/testhook.h"
#include "util/i18n.h"

/* OUT must be ours to replace: absent, empty, or an earlier build's. */
static gboolean replaceable(const char *out, gboolean force, GError **err)
{
	char *manifest;
	GDir *dir;
	gboolean empty, ok = TRUE;

	if (!g_file_test(out, G_FILE_TEST_EXISTS))
		return TRUE;
	if (!g_file_test(out, G_FILE_TEST_IS_DIR)) {
		g_set_error(err, AJ_ERROR, EX_CANTCREAT,
			    _("%s: exists and is not a directory; choose another --out"), out);
		return FALSE;
	}
	dir = g_dir_open(out, 0, NULL);
	empty = dir != NULL && g_dir_read_name(dir) == NULL;
	if (dir != NULL)
		g_dir_close(dir);
	manifest = g_build_filename(out, "manifest.xml", NULL);
	if (!empty && !force && !g_file_test(manifest, G_FILE_TEST_IS_REGULAR)) {
		g_set_error(err, AJ_ERROR, EX_CANTCREAT,
			    _("%s: not empty and not an earlier anjian output (no manifest.xml); "
			    "choose another --out or pass --force to replace it"),
			    out);
		ok = FALSE;
	}
	g_free(manifest);
	return ok;
}

/* A build killed with SIGKILL cannot clean up: its OUT.tmp-PID-XXXXXX (or
 * OUT.tmp-PID-old-XXXXXX) stays behind.  The next build removes those whose
 * process is gone; a directory of a running build is left alone. */
void aj_outdir_sweep(const char *out)
{
	char *parent = g_path_get_dirname(out), *base = g_path_get_basename(out);
	char *prefix = g_strdup_printf("%s.tmp-", base);
	GDir *dir = g_dir_open(parent, 0, NULL);
	const char *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		const char *p = name + strlen(prefix);
		char *end = NULL;
		guint64 pid;

		if (!g_str_has_prefix(name, prefix))
			continue;
		pid = g_ascii_strtoull(p, &end, 10);
		if (end == p || *end != '-' || pid == 0 || pid > INT_MAX)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		char *path = g_build_filename(parent, name, NULL);
		aj_outdir_remove(path);
		g_free(path);
	}
	if (dir != NULL)
		g_dir_close(dir);
	g_free(prefix);
	g_free(base);
	g_free(parent);
}

char *aj_outdir_begin(const char *out, gboolean force, GError **err)
{
	char *parent = g_path_get_dirname(out), *tmpl = NULL;

	if (!replaceable(out, force, err))
		goto done;
	if (!g_file_test(parent, G_FILE_TEST_IS_DIR)) {
		g_set_error(err, AJ_ERROR, EX_CANTCREAT,
			    _("%s: parent directory %s does not exist; create it first"), out, parent);
		goto done;
	}
	tmpl = g_strdup_printf("%s.tmp-%d-XXXXXX", out, (int)getpid());
	if (g_mkdtemp(tmpl) == NULL) {
		g_set_error(err, AJ_ERROR, EX_CANTCREAT, _("%s: cannot create a temporary directory "
			    "beside it: %s; check the permissions of its parent"),
			    tmpl, g_strerror(errno));
		g_clear_pointer(&tmpl, g_free);
		goto done;
	}
	/* g_mkdtemp makes it 0700; the output is meant to be read by others. */
	g_chmod(tmpl, 0755);
done:
	g_free(parent);
	return tmpl;
}

gboolean aj_outdir_mkdir(const char *dir, const char *sub, GError **err)
{
	char *path = g_build_filename(dir, sub, NULL);
	gboolean ok = g_mkdir_with_parents(path, 0755) == 0;

	if (!ok)
		g_set_error(err, AJ_ERROR, EX_CANTCREAT, _("%s: cannot create directory: %s"), path,
			    g_strerror(errno));
	g_free(path);
	return ok;
}

/* Removes what the directory open at fd holds, one unlinkat a file (the
 * type from readdir, no stat): a large site of one file per enterprise is
 * removed in the time of its unlinks. */
static void remove_in(int fd, int depth)
{
	DIR *dir = fdopendir(fd);
	struct dirent *e;

	if (dir == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(dir)) != NULL) {
		int sub;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((e->d_type != DT_DIR && unlinkat(dirfd(dir), e->d_name, 0) == 0) || depth > 64)
			continue;
		sub = openat(dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (sub >= 0) {
			remove_in(sub, depth + 1);
			unlinkat(dirfd(dir), e->d_name, AT_REMOVEDIR);
		}
	}
	closedir(dir);
}

void aj_outdir_remove(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0) {
		g_remove(path); /* a file or a symbolic link: itself only */
		return;
	}
	remove_in(fd, 0);
	g_rmdir(path);
}

gboolean aj_outdir_commit(const char *tmp, const char *out, GError **err)
{
	char *old = NULL;
	gboolean ok = FALSE;

	if (!g_file_test(out, G_FILE_TEST_EXISTS)) {
		ok = g_rename(tmp, out) == 0;
		if (!ok)
			g_set_error(err, AJ_ERROR, EX_IOERR, _("%s: cannot move the new output into "
				    "place: %s"), out, g_strerror(errno));
		goto done;
	}
	/* Swap in one step: readers see either the old or the new tree. */
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, out, RENAME_EXCHANGE) == 0) {
		aj_test_point("swapped");
		aj_outdir_remove(tmp);
		ok = TRUE;
		goto done;
	}
	/* No RENAME_EXCHANGE (some file systems): move the old tree aside first. */
	old = g_strdup_printf("%s.tmp-%d-old-XXXXXX", out, (int)getpid());
	if (g_mkdtemp(old) == NULL || g_rename(out, old) != 0) {
		g_set_error(err, AJ_ERROR, EX_IOERR, _("%s: cannot move the earlier output aside: %s"),
			    out, g_strerror(errno));
		g_rmdir(old);
		goto done;
	}
	if (g_rename(tmp, out) != 0) {
		g_set_error(err, AJ_ERROR, EX_IOERR, _("%s: cannot move the new output into place: %s"),
			    out, g_strerror(errno));
		g_rename(old, out);
		goto done;
	}
	aj_test_point("swapped");
	aj_outdir_remove(old);
	ok = TRUE;
done:
	g_free(old);
	return ok;
}

void aj_outdir_name_final(GError **err, const char *tmp, const char *out)
{
	GString *msg;

	if (err == NULL || *err == NULL || tmp == NULL || strstr((*err)->message, tmp) == NULL)
		return;
	msg = g_string_new((*err)->message);
	g_string_replace(msg, tmp, out, 0);
	g_free((*err)->message);
	(*err)->message = g_string_free(msg, FALSE);
}

char *aj_outdir_clean_path(const char *path)
{
	char *s = g_strdup(path);
	gsize n = strlen(s);

	while (n > 1 && s[n - 1] == '/')
		s[--n] = '\0';
	return s;
}
