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
#include "util/pool.h"
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

/* Removing is mostly waiting: where the file system trims freed blocks at
 * once (mounted with discard, no journal), the last unlink of a file waits
 * for its trim, a few milliseconds.  The kernel frees the blocks after it
 * lets go of the directory, so the files of one directory are unlinked by
 * many threads at once: a site of one page per enterprise goes in the time
 * of its unlinks divided by REMOVERS. */
#define REMOVERS 16
#define REMOVE_CHUNK 128 /* names per job; fewer files: one thread */

typedef struct {
	int fd; /* the directory */
	char **names;
	guint n;
} Unlinks;

static void unlink_chunk(gpointer data, gpointer user_data)
{
	const Unlinks *u = data;

	for (guint i = 0; i < u->n; i++)
		unlinkat(u->fd, u->names[i], 0);
}

static void unlink_all(int fd, GPtrArray *files)
{
	guint n_jobs = (files->len + REMOVE_CHUNK - 1) / REMOVE_CHUNK;
	Unlinks *jobs = g_new(Unlinks, MAX(n_jobs, 1));

	for (guint j = 0; j < n_jobs; j++)
		jobs[j] = (Unlinks){ fd, (char **)files->pdata + j * REMOVE_CHUNK,
				     MIN(REMOVE_CHUNK, files->len - j * REMOVE_CHUNK) };
	aj_pool_each(jobs, n_jobs, sizeof *jobs, unlink_chunk, NULL, REMOVERS);
	g_free(jobs);
}

/* Removes what the directory open at fd holds: its files first (the type
 * from readdir, no stat), then each subdirectory. */
static void remove_in(int fd, int depth)
{
	DIR *dir = fdopendir(fd);
	GPtrArray *files, *dirs;
	struct dirent *e;

	if (dir == NULL) {
		close(fd);
		return;
	}
	files = g_ptr_array_new_with_free_func(g_free);
	dirs = g_ptr_array_new_with_free_func(g_free);
	while ((e = readdir(dir)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		/* DT_UNKNOWN (some file systems): tried as a file, then as a directory */
		g_ptr_array_add(e->d_type == DT_DIR || e->d_type == DT_UNKNOWN ? dirs : files,
				g_strdup(e->d_name));
	}
	unlink_all(dirfd(dir), files);
	for (guint i = 0; i < dirs->len; i++) {
		const char *name = g_ptr_array_index(dirs, i);
		int sub;
		if (unlinkat(dirfd(dir), name, 0) == 0 || depth > 64)
			continue;
		sub = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (sub >= 0) {
			remove_in(sub, depth + 1);
			unlinkat(dirfd(dir), name, AT_REMOVEDIR);
		}
	}
	g_ptr_array_unref(files);
	g_ptr_array_unref(dirs);
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
