#include "build/cache.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf/pdf.h"
#include "util/epoch.h"

static int compare_str_ptr(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Feeds lines to sum in sorted order (directory and fontconfig listing
 * orders vary; a key must not) and returns the hex digest; the caller
 * frees it.  Frees neither lines nor sum. */
static char *digest_sorted(GChecksum *sum, GPtrArray *lines)
{
	g_ptr_array_sort(lines, compare_str_ptr);
	for (guint i = 0; i < lines->len; i++)
		g_checksum_update(sum, g_ptr_array_index(lines, i), -1);
	return g_strdup(g_checksum_get_string(sum));
}

/* The program file too: a rebuilt binary of the same version (a
 * developer's) may typeset differently. */
static void add_program(GPtrArray *lines)
{
	struct stat st;

	if (stat("/proc/self/exe", &st) == 0)
		g_ptr_array_add(lines, g_strdup_printf("program %lld %lld.%09ld\n",
						       (long long)st.st_size,
						       (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec));
}

static char *fingerprint(gboolean fonts, gboolean dated)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
	char *epoch = dated ? g_strdup_printf("epoch %" G_GINT64_FORMAT "\n", aj_source_date_epoch())
			    : g_strdup("epoch unused\n");
	char *hex;

	g_checksum_update(sum, (const guchar *)"anjian " ANJIAN_VERSION "\n", -1);
	add_program(lines);
	g_checksum_update(sum, (const guchar *)epoch, -1);
	if (fonts)
		aj_pdf_fingerprint(lines);
	hex = digest_sorted(sum, lines);
	g_ptr_array_unref(lines);
	g_checksum_free(sum);
	g_free(epoch);
	return hex;
}

char *aj_cache_fingerprint(gboolean fonts)
{
	return fingerprint(fonts, TRUE);
}

char *aj_cache_fingerprint_undated(void)
{
	return fingerprint(TRUE, FALSE);
}

/* The file a partial name resolves to, as template.c looks it up:
 * partials/NAME.md beside the template first, then NAME.md. */
static char *partial_path(const char *dir, const char *name)
{
	char *file = g_strconcat(name, ".md", NULL);
	char *path = g_build_filename(dir, "partials", file, NULL);

	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		g_free(path);
		path = g_build_filename(dir, file, NULL);
	}
	g_free(file);
	return path;
}

/* Every file of the template directory a template could read: used when a
 * template changes its delimiters, so its partial tags cannot be found by
 * looking for "{{>". */
static void add_all_md(GPtrArray *files, const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL)
		if (g_str_has_suffix(name, ".md"))
			g_ptr_array_add(files, g_build_filename(dir, name, NULL));
	if (d != NULL)
		g_dir_close(d);
}

static gboolean listed(GPtrArray *files, const char *path)
{
	for (guint i = 0; i < files->len; i++)
		if (strcmp(g_ptr_array_index(files, i), path) == 0)
			return TRUE;
	return FALSE;
}

/* Adds path and, transitively, the partials its text names. */
static void collect_template(GPtrArray *files, const char *dir, const char *path, int depth)
{
	char *text = NULL;
	const char *p;

	if (listed(files, path))
		return;
	g_ptr_array_add(files, g_strdup(path));
	if (depth > 64 || !g_file_get_contents(path, &text, NULL, NULL))
		return;
	if (strstr(text, "{{=") != NULL) {
		char *partials = g_build_filename(dir, "partials", NULL);
		add_all_md(files, dir);
		add_all_md(files, partials);
		g_free(partials);
	}
	for (p = strstr(text, "{{>"); p != NULL; p = strstr(p, "{{>")) {
		const char *s = p + 3, *e;
		while (*s == ' ' || *s == '\t')
			s++;
		for (e = s; g_ascii_isalnum(*e) || *e == '-' || *e == '_'; e++)
			;
		if (e > s) {
			char *name = g_strndup(s, (gsize)(e - s));
			char *sub = partial_path(dir, name);
			collect_template(files, dir, sub, depth + 1);
			g_free(sub);
			g_free(name);
		}
		p = e;
	}
	g_free(text);
}

char *aj_cache_key(const char *fingerprint, const char *template_path,
		   const char *context_sha256)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	char *dir = g_path_get_dirname(template_path);
	char *hex;

	g_checksum_update(sum, (const guchar *)fingerprint, -1);
	g_checksum_update(sum, (const guchar *)"\ncontext ", -1);
	g_checksum_update(sum, (const guchar *)context_sha256, -1);
	collect_template(files, dir, template_path, 0);
	for (guint i = 0; i < files->len; i++) {
		const char *f = g_ptr_array_index(files, i);
		char *text = NULL;
		gsize len = 0;
		/* the name within the template directory matters (a partial found in
		 * another place is another input), not where that directory is */
		const char *rel = g_str_has_prefix(f, dir) ? f + strlen(dir) : f;
		g_checksum_update(sum, (const guchar *)"\nfile ", -1);
		g_checksum_update(sum, (const guchar *)rel, -1);
		g_checksum_update(sum, (const guchar *)"\n", 1);
		if (g_file_get_contents(f, &text, &len, NULL))
			g_checksum_update(sum, (const guchar *)text, (gssize)len);
		else
			g_checksum_update(sum, (const guchar *)"(missing)", -1);
		g_free(text);
	}
	hex = g_strdup(g_checksum_get_string(sum));
	g_free(dir);
	g_ptr_array_unref(files);
	g_checksum_free(sum);
	return hex;
}

/* Hard link where possible (same file system, as OUT and its temporary
 * sibling are), else a copy. */
static gboolean link_or_copy(const char *from, const char *to)
{
	char *data = NULL;
	gsize len = 0;
	gboolean ok;

	g_remove(to);
	if (link(from, to) == 0)
		return TRUE;
	ok = g_file_get_contents(from, &data, &len, NULL) &&
	     g_file_set_contents(to, data, (gssize)len, NULL);
	g_free(data);
	return ok;
}

static char *entry(const char *dir, const char *key, const char *ext)
{
	char *file = g_strconcat(key, ext, NULL);
	char *path = g_build_filename(dir, AJ_CACHE_DIR, file, NULL);
	g_free(file);
	return path;
}

gboolean aj_cache_fetch(const char *old_out, const char *key, const char *root,
			const char *name, int *pages)
{
	char *opdf = entry(old_out, key, ".pdf"), *omd = entry(old_out, key, ".md");
	char *opages = entry(old_out, key, ".pages");
	char *npdf = entry(root, key, ".pdf"), *nmd = entry(root, key, ".md");
	char *npages = entry(root, key, ".pages");
	char *pdf = g_strdup_printf("%s/pdf/%s.pdf", root, name);
	char *md = g_strdup_printf("%s/md/%s.md", root, name);
	char *text = NULL, *end = NULL;
	gint64 n = 0;
	gboolean ok = FALSE;

	if (!g_file_get_contents(opages, &text, NULL, NULL))
		goto done;
	n = g_ascii_strtoll(text, &end, 10);
	if (end == text || n <= 0 || n > G_MAXINT)
		goto done;
	ok = link_or_copy(opdf, pdf) && link_or_copy(omd, md) && link_or_copy(opdf, npdf) &&
	     link_or_copy(omd, nmd) && link_or_copy(opages, npages);
	if (ok)
		*pages = (int)n;
done:
	g_free(text);
	g_free(opdf);
	g_free(omd);
	g_free(opages);
	g_free(npdf);
	g_free(nmd);
	g_free(npages);
	g_free(pdf);
	g_free(md);
	return ok;
}

void aj_cache_store(const char *root, const char *key, const char *name, int pages)
{
	char *pdf = g_strdup_printf("%s/pdf/%s.pdf", root, name);
	char *md = g_strdup_printf("%s/md/%s.md", root, name);
	char *cpdf = entry(root, key, ".pdf"), *cmd = entry(root, key, ".md");
	char *cpages = entry(root, key, ".pages");
	char *count = g_strdup_printf("%d\n", pages);

	/* the page count last: fetch trusts an entry only when it is there */
	if (link_or_copy(pdf, cpdf) && link_or_copy(md, cmd))
		g_file_set_contents(cpages, count, -1, NULL);
	g_free(pdf);
	g_free(md);
	g_free(cpdf);
	g_free(cmd);
	g_free(cpages);
	g_free(count);
}

/* "relative-path size ino mtime ctime" of every *.xml below dir, in the
 * loader's way: hidden entries skipped, a directory reached twice read once. */
static void data_identity(GPtrArray *lines, const char *dir, const char *rel, GHashTable *seen)
{
	GStatBuf st;
	GDir *d;
	const char *name;

	if (g_stat(dir, &st) != 0 ||
	    !g_hash_table_add(seen, g_strdup_printf("%ju:%ju", (uintmax_t)st.st_dev,
						    (uintmax_t)st.st_ino)))
		return;
	d = g_dir_open(dir, 0, NULL);
	while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
		char *path, *sub;
		struct stat fs;
		if (name[0] == '.')
			continue;
		path = g_build_filename(dir, name, NULL);
		sub = g_strconcat(rel, "/", name, NULL);
		if (g_file_test(path, G_FILE_TEST_IS_DIR))
			data_identity(lines, path, sub, seen);
		else if (g_str_has_suffix(name, ".xml") && stat(path, &fs) == 0)
			g_ptr_array_add(lines, g_strdup_printf(
				"data %s %lld %ju %lld.%09ld %lld.%09ld\n", sub, (long long)fs.st_size,
				(uintmax_t)fs.st_ino, (long long)fs.st_mtim.tv_sec, fs.st_mtim.tv_nsec,
				(long long)fs.st_ctim.tv_sec, fs.st_ctim.tv_nsec));
		g_free(sub);
		g_free(path);
	}
	if (d != NULL)
		g_dir_close(d);
}

/* "template relative-path sha256" of every file below dir. */
static void template_contents(GPtrArray *lines, const char *dir, const char *rel, int depth)
{
	GDir *d = depth < 16 ? g_dir_open(dir, 0, NULL) : NULL;
	const char *name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
		char *path = g_build_filename(dir, name, NULL);
		char *sub = g_strconcat(rel, "/", name, NULL);
		char *text = NULL;
		gsize len = 0;
		if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
			template_contents(lines, path, sub, depth + 1);
		} else if (g_file_get_contents(path, &text, &len, NULL)) {
			char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
								(const guchar *)text, len);
			g_ptr_array_add(lines, g_strdup_printf("template %s %s\n", sub, sum));
			g_free(sum);
		}
		g_free(text);
		g_free(sub);
		g_free(path);
	}
	if (d != NULL)
		g_dir_close(d);
}

char *aj_cache_build_key(const AjBuildOptions *o, const char *templates_dir,
			 const char *installed_dir, const char *fingerprint,
			 const char *extra)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	char *opts = g_strdup_printf("build %s\ndata %s\nmonth %d asof %u since %d %d\nsite %s\n"
				     "dossiers %d years %d data-only %d\n",
				     fingerprint, o->data_dir, (int)o->month, (unsigned)o->asof, o->has_since,
				     (int)o->since, o->site_url != NULL ? o->site_url : "(none)",
				     o->dossiers, o->publicity_years, o->data_only);
	char *hex;

	g_checksum_update(sum, (const guchar *)opts, -1);
	if (extra != NULL)
		g_checksum_update(sum, (const guchar *)extra, -1);
	data_identity(lines, o->data_dir, "", seen);
	if (templates_dir != NULL)
		template_contents(lines, templates_dir, "", 0);
	if (installed_dir != NULL) /* the templates templates_dir lacks */
		template_contents(lines, installed_dir, "installed:", 0);
	hex = digest_sorted(sum, lines);
	g_hash_table_destroy(seen);
	g_ptr_array_unref(lines);
	g_checksum_free(sum);
	g_free(opts);
	return hex;
}

gboolean aj_cache_build_current(const char *out, const char *key)
{
	char *path = g_build_filename(out, AJ_CACHE_DIR, "build.key", NULL);
	char *manifest = g_build_filename(out, "manifest.xml", NULL);
	char *text = NULL;
	gboolean ok = g_file_get_contents(path, &text, NULL, NULL) && strcmp(g_strstrip(text), key) == 0 &&
		      g_file_test(manifest, G_FILE_TEST_IS_REGULAR);

	g_free(text);
	g_free(path);
	g_free(manifest);
	return ok;
}

void aj_cache_build_store(const char *root, const char *key)
{
	char *dir = g_build_filename(root, AJ_CACHE_DIR, NULL);
	char *path = g_build_filename(dir, "build.key", NULL);
	char *line = g_strconcat(key, "\n", NULL);

	g_mkdir_with_parents(dir, 0755);
	g_file_set_contents(path, line, -1, NULL);
	g_free(line);
	g_free(path);
	g_free(dir);
}
