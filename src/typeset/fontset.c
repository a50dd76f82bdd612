#include "typeset/fontset.h"

#include <string.h>
#include <sys/stat.h>

/* The first line of the cache file; a new meaning needs a new line. */
#define CACHE_HEAD "anjian fontset 1"

/* What fontconfig reads from the environment. */
static const char *const env_names[] = {
	"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME",
	"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", NULL
};

char *aj_fontset_cache_path(void)
{
	return g_build_filename(g_get_user_cache_dir(), "anjian", "fontset", NULL);
}

/* "stat SIZE MTIME PATH"; a missing path has size -1, so creating it
 * (a user's first font directory) changes the line. */
static char *stat_line(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return g_strdup_printf("stat -1 0 %s", path);
	return g_strdup_printf("stat %lld %lld.%09ld %s", (long long)st.st_size,
			       (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec, path);
}

static void add_env_lines(GString *out)
{
	for (int i = 0; env_names[i]; i++) {
		const char *v = g_getenv(env_names[i]);
		g_string_append_printf(out, "env %s%s%s\n", env_names[i], v ? "=" : "", v ? v : "");
	}
}

static char *key_digest(const char *key)
{
	return g_compute_checksum_for_string(G_CHECKSUM_SHA256, key, -1);
}

typedef struct {
	GPtrArray *cachedirs; /* fontconfig's cache directories, in its order */
	GPtrArray *dirs;      /* directories holding the faces */
	GPtrArray *faces;     /* the face files */
} Files;

static void files_init(Files *f)
{
	f->cachedirs = g_ptr_array_new_with_free_func(g_free);
	f->dirs = g_ptr_array_new_with_free_func(g_free);
	f->faces = g_ptr_array_new_with_free_func(g_free);
}

static void files_clear(Files *f)
{
	g_ptr_array_unref(f->cachedirs);
	g_ptr_array_unref(f->dirs);
	g_ptr_array_unref(f->faces);
}

static void append_element(GString *xml, const char *name, const char *text)
{
	char *esc = g_markup_escape_text(text, -1);
	g_string_append_printf(xml, "<%s>%s</%s>\n", name, esc, name);
	g_free(esc);
}

/* The faces' directories read through fontconfig's caches, every file but
 * the faces rejected (which also keeps it from descending into
 * subdirectories). */
static FcConfig *small_config(const Files *f)
{
	GString *xml = g_string_new("<?xml version=\"1.0\"?>\n<fontconfig>\n");
	FcConfig *config = FcConfigCreate();

	for (guint i = 0; i < f->cachedirs->len; i++)
		append_element(xml, "cachedir", g_ptr_array_index(f->cachedirs, i));
	for (guint i = 0; i < f->dirs->len; i++)
		append_element(xml, "dir", g_ptr_array_index(f->dirs, i));
	g_string_append(xml, "<selectfont>\n<acceptfont>\n");
	for (guint i = 0; i < f->faces->len; i++)
		append_element(xml, "glob", g_ptr_array_index(f->faces, i));
	g_string_append(xml, "</acceptfont>\n<rejectfont><glob>*</glob></rejectfont>\n"
			     "</selectfont>\n</fontconfig>\n");
	if (!FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)xml->str, FcFalse) ||
	    !FcConfigBuildFonts(config)) {
		FcConfigDestroy(config);
		config = NULL;
	}
	g_string_free(xml, TRUE);
	return config;
}

/* Reads the cache; FALSE when it is missing, of another key, or any
 * stamp line no longer holds. */
static gboolean read_cache(const char *path, const char *digest, Files *f)
{
	char *text = NULL;
	char **lines;
	GString *env, *want_env;
	gboolean ok;

	if (!g_file_get_contents(path, &text, NULL, NULL))
		return FALSE;
	env = g_string_new(NULL);
	want_env = g_string_new(NULL);
	lines = g_strsplit(text, "\n", -1);
	ok = lines[0] != NULL && strcmp(lines[0], CACHE_HEAD) == 0;
	for (int i = 1; ok && lines[i] != NULL; i++) {
		const char *l = lines[i];
		if (*l == '\0') {
			continue;
		} else if (g_str_has_prefix(l, "key ")) {
			ok = strcmp(l + 4, digest) == 0;
		} else if (g_str_has_prefix(l, "env ")) {
			g_string_append_printf(env, "%s\n", l);
		} else if (g_str_has_prefix(l, "stat ")) {
			const char *p = strchr(l + 5, ' ');
			p = p ? strchr(p + 1, ' ') : NULL;
			if (p != NULL) {
				char *now = stat_line(p + 1);
				ok = strcmp(now, l) == 0;
				g_free(now);
			} else {
				ok = FALSE;
			}
		} else if (g_str_has_prefix(l, "cachedir ")) {
			g_ptr_array_add(f->cachedirs, g_strdup(l + 9));
		} else if (g_str_has_prefix(l, "dir ")) {
			g_ptr_array_add(f->dirs, g_strdup(l + 4));
		} else if (g_str_has_prefix(l, "face ")) {
			g_ptr_array_add(f->faces, g_strdup(l + 5));
		} else {
			ok = FALSE;
		}
	}
	add_env_lines(want_env);
	ok = ok && f->faces->len > 0 && strcmp(env->str, want_env->str) == 0;
	g_strfreev(lines);
	g_free(text);
	g_string_free(env, TRUE);
	g_string_free(want_env, TRUE);
	return ok;
}

static void add_str_list(GHashTable *set, FcStrList *list)
{
	FcChar8 *s;

	while (list != NULL && (s = FcStrListNext(list)) != NULL)
		g_hash_table_add(set, g_strdup((const char *)s));
	if (list != NULL)
		FcStrListDone(list);
}

void aj_fontset_add_family_files(GHashTable *faces, FcConfig *config, const char *family)
{
	FcPattern *pat = FcPatternCreate();
	FcObjectSet *os = FcObjectSetBuild(FC_FILE, (char *)NULL);
	FcFontSet *set;

	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	set = FcFontList(config, pat, os);
	for (int i = 0; set != NULL && i < set->nfont; i++) {
		FcChar8 *file = NULL;
		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
			g_hash_table_add(faces, g_strdup((const char *)file));
	}
	if (set != NULL)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
}

static int compare_str_ptr(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The set's strings, sorted, moved into to. */
static void sorted_into(GPtrArray *to, GHashTable *set)
{
	GList *keys = g_hash_table_get_keys(set);

	for (GList *k = keys; k != NULL; k = k->next)
		g_ptr_array_add(to, g_strdup(k->data));
	g_list_free(keys);
	g_ptr_array_sort(to, compare_str_ptr);
}

/* Everything whose change could change what the system configuration
 * says about the wanted families. */
static void add_stamp_paths(GHashTable *paths, FcConfig *system, const char *const *extra_dirs,
			    GPtrArray *faces)
{
	const char *config_dir = g_get_user_config_dir(), *home = g_get_home_dir();
	GHashTable *files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTableIter it;
	gpointer file;

	add_str_list(files, FcConfigGetConfigFiles(system));
	g_hash_table_iter_init(&it, files);
	while (g_hash_table_iter_next(&it, &file, NULL)) {
		g_hash_table_add(paths, g_strdup(file));
		g_hash_table_add(paths, g_path_get_dirname(file));
	}
	g_hash_table_unref(files);
	add_str_list(paths, FcConfigGetFontDirs(system));
	add_str_list(paths, FcConfigGetConfigDirs(system));
	/* the user's files that fonts.conf includes only once they exist */
	g_hash_table_add(paths, g_build_filename(config_dir, "fontconfig", "fonts.conf", NULL));
	g_hash_table_add(paths, g_build_filename(config_dir, "fontconfig", "conf.d", NULL));
	g_hash_table_add(paths, g_build_filename(home, ".fonts.conf", NULL));
	g_hash_table_add(paths, g_build_filename(home, ".fonts.conf.d", NULL));
	for (int i = 0; extra_dirs && extra_dirs[i]; i++)
		g_hash_table_add(paths, g_strdup(extra_dirs[i]));
	for (guint i = 0; i < faces->len; i++)
		g_hash_table_add(paths, g_strdup(g_ptr_array_index(faces, i)));
}

static gboolean has_newline(GPtrArray *a)
{
	for (guint i = 0; i < a->len; i++)
		if (strchr(g_ptr_array_index(a, i), '\n') != NULL)
			return TRUE;
	return FALSE;
}

/* Written whole or not at all; a cache that cannot be written only costs
 * the next start-up the system configuration again. */
static void write_cache(const char *path, const char *digest, GPtrArray *stamp, const Files *f)
{
	GString *out = g_string_new(CACHE_HEAD "\n");
	char *dir = g_path_get_dirname(path);

	if (has_newline(stamp) || has_newline(f->cachedirs))
		goto done;
	g_string_append_printf(out, "key %s\n", digest);
	add_env_lines(out);
	for (guint i = 0; i < stamp->len; i++) {
		char *l = stat_line(g_ptr_array_index(stamp, i));
		g_string_append_printf(out, "%s\n", l);
		g_free(l);
	}
	for (guint i = 0; i < f->cachedirs->len; i++)
		g_string_append_printf(out, "cachedir %s\n", (char *)g_ptr_array_index(f->cachedirs, i));
	for (guint i = 0; i < f->dirs->len; i++)
		g_string_append_printf(out, "dir %s\n", (char *)g_ptr_array_index(f->dirs, i));
	for (guint i = 0; i < f->faces->len; i++)
		g_string_append_printf(out, "face %s\n", (char *)g_ptr_array_index(f->faces, i));
	if (g_mkdir_with_parents(dir, 0700) == 0)
		(void)g_file_set_contents(path, out->str, (gssize)out->len, NULL);
done:
	g_free(dir);
	g_string_free(out, TRUE);
}

/* The wanted families' files as the full system configuration knows them;
 * FALSE when none is installed. */
static gboolean discover(FcConfig *system, const char *const *extra_dirs, char **families,
			 Files *f, GPtrArray *stamp)
{
	GHashTable *faces = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *dirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	GHashTable *paths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	FcStrList *cache_dirs = FcConfigGetCacheDirs(system);
	FcChar8 *s;

	for (int i = 0; families[i]; i++)
		aj_fontset_add_family_files(faces, system, families[i]);
	sorted_into(f->faces, faces);
	for (guint i = 0; i < f->faces->len; i++)
		g_hash_table_add(dirs, g_path_get_dirname(g_ptr_array_index(f->faces, i)));
	sorted_into(f->dirs, dirs);
	while (cache_dirs != NULL && (s = FcStrListNext(cache_dirs)) != NULL)
		g_ptr_array_add(f->cachedirs, g_strdup((const char *)s));
	if (cache_dirs != NULL)
		FcStrListDone(cache_dirs);
	add_stamp_paths(paths, system, extra_dirs, f->faces);
	sorted_into(stamp, paths);
	g_hash_table_unref(faces);
	g_hash_table_unref(dirs);
	g_hash_table_unref(paths);
	return f->faces->len > 0;
}

FcConfig *aj_fontset_config(const char *key, const char *const *extra_dirs,
			    AjFontsetWanted wanted, gpointer data)
{
	char *path = aj_fontset_cache_path();
	char *digest = key_digest(key);
	FcConfig *config = NULL;
	Files f;

	files_init(&f);
	if (read_cache(path, digest, &f))
		config = small_config(&f);
	if (config == NULL) {
		FcConfig *system = FcInitLoadConfigAndFonts();
		GPtrArray *stamp = g_ptr_array_new_with_free_func(g_free);
		char **families;

		files_clear(&f);
		files_init(&f);
		for (int i = 0; extra_dirs && extra_dirs[i]; i++)
			if (g_file_test(extra_dirs[i], G_FILE_TEST_IS_DIR))
				FcConfigAppFontAddDir(system, (const FcChar8 *)extra_dirs[i]);
		families = wanted(system, data);
		if (discover(system, extra_dirs, families, &f, stamp) &&
		    (config = small_config(&f)) != NULL) {
			write_cache(path, digest, stamp, &f);
			FcConfigDestroy(system);
		} else {
			config = system; /* none of the faces: whatever is installed */
		}
		g_strfreev(families);
		g_ptr_array_unref(stamp);
	}
	files_clear(&f);
	g_free(digest);
	g_free(path);
	return config;
}
