/* aj_load_dir(): finds the input files, reads them in byte order of their
 * paths, resolves what crosses files, and hands out the model only when
 * nothing was wrong. */
#include <errno.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>
#include <libxml/parser.h>

#include "load/load.h"
#include "load/loader.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/visible.h"
#include "load/words.h"

void aj_loader_init(AjLoader *l)
{
	memset(l, 0, sizeof *l);
	l->model = aj_model_new();
	l->schema = TRUE; /* data-format.md: every input is validated against the schema */
	l->errors = g_ptr_array_new_with_free_func(g_free);
	for (int i = 0; i < AJ_REF_CURSORS; i++) {
		l->cursors[i].last = AJ_NONE;
		l->cursors[i].next = g_array_new(FALSE, FALSE, sizeof(guint32));
	}
	AjRefTable *tables[] = { &l->enterprise_refs, &l->district_refs, &l->department_refs };
	for (gsize i = 0; i < G_N_ELEMENTS(tables); i++) {
		tables[i]->slot_of = g_hash_table_new(g_str_hash, g_str_equal);
		tables[i]->keys = g_ptr_array_new();
	}
	for (int k = 0; k < AJ_ID_KINDS; k++)
		l->ids[k] = g_hash_table_new(g_str_hash, g_str_equal);
}

void aj_loader_clear(AjLoader *l)
{
	if (l->errors == NULL)
		return; /* cleared already */
	AjRefTable *tables[] = { &l->enterprise_refs, &l->district_refs, &l->department_refs };
	for (gsize i = 0; i < G_N_ELEMENTS(tables); i++) {
		g_hash_table_destroy(tables[i]->slot_of);
		g_ptr_array_free(tables[i]->keys, TRUE);
	}
	for (int k = 0; k < AJ_ID_KINDS; k++)
		g_hash_table_destroy(l->ids[k]);
	for (int k = 0; k < AJ_REFS; k++)
		if (l->lost[k] != NULL)
			g_hash_table_destroy(l->lost[k]);
	if (l->follows != NULL)
		g_hash_table_destroy(l->follows);
	if (l->repeats != NULL)
		g_hash_table_destroy(l->repeats);
	g_ptr_array_free(l->errors, TRUE);
	if (l->events != NULL)
		g_array_free(l->events, TRUE);
	if (l->ref_strings != NULL)
		g_string_chunk_free(l->ref_strings);
	for (int i = 0; i < AJ_REF_CURSORS; i++)
		g_array_free(l->cursors[i].next, TRUE);
	aj_model_free(l->model);
	memset(l, 0, sizeof *l);
}

/* A message counts towards the stop; a part keeps it as an event. */
static void add_message(AjLoader *l, char *text, AjEventType type)
{
	g_ptr_array_add(l->errors, text);
	l->last_error = l->errors->len;
	if (l->events != NULL) {
		AjEvent ev = { .index = l->errors->len - 1, .type = (guint8)type };
		g_array_append_val(l->events, ev);
		if (type != AJ_EVENT_SCHEMA)
			l->counted++;
	} else {
		l->counted = l->errors->len;
	}
	if (l->counted >= AJ_LOAD_MAX_ERRORS)
		l->stop = TRUE;
}

static void add_error(AjLoader *l, guint32 file, guint line, const char *fmt, va_list ap)
{
	const char *path = file < l->model->files->len ? g_ptr_array_index(l->model->files, file)
			   : l->path != NULL ? l->path : "?";
	char *msg;

	if (l->stop) {
		l->last_error = 0;
		return;
	}
	msg = g_strdup_vprintf(fmt, ap);
	if (line > 0)
		add_message(l, g_strdup_printf("%s:%u: %s", path, line, msg), AJ_EVENT_ERROR);
	else
		add_message(l, g_strdup_printf("%s: %s", path, msg), AJ_EVENT_ERROR);
	g_free(msg);
}

void aj_loader_event(AjLoader *l, AjEventType type, guint32 index)
{
	AjEvent ev = { .index = index, .type = (guint8)type };

	g_array_append_val(l->events, ev);
}

void aj_loader_mark(AjLoader *l, AjEventType type)
{
	AjEvent *last;

	if (l->events == NULL || l->events->len == 0)
		return;
	last = &g_array_index(l->events, AjEvent, l->events->len - 1);
	if (last->type != AJ_EVENT_ERROR || last->index + 1 != l->errors->len)
		return; /* the message was not kept (the part stopped) */
	if (type == AJ_EVENT_SCHEMA && last->type != AJ_EVENT_SCHEMA) {
		l->counted--; /* shown only when nothing else was */
		l->stop = l->counted >= AJ_LOAD_MAX_ERRORS;
	}
	last->type = (guint8)type;
}

void aj_loader_error(AjLoader *l, guint line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_error(l, l->file, line, fmt, ap);
	va_end(ap);
}

void aj_loader_error_at(AjLoader *l, AjLoc loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_error(l, loc.file, loc.line, fmt, ap);
	va_end(ap);
}

/* A part's event tied to the error just recorded (dropped with it). */
static void after_error(AjLoader *l, AjEventType type, const char *key, guint8 kind)
{
	AjEvent ev = { .id = key, .type = (guint8)type, .kind = kind };

	if (l->last_error == 0 || l->last_error != l->errors->len)
		return;
	ev.index = l->last_error - 1;
	g_array_append_val(l->events, ev);
}

void aj_loader_lost(AjLoader *l, AjRefKind kind, const char *key)
{
	if (l->events != NULL) {
		after_error(l, AJ_EVENT_LOST, g_string_chunk_insert(l->model->strings, key), (guint8)kind);
		return;
	}
	if (l->last_error == 0)
		return;
	if (l->lost[kind] == NULL)
		l->lost[kind] = g_hash_table_new(g_str_hash, g_str_equal);
	g_hash_table_insert(l->lost[kind], (gpointer)aj_model_intern(l->model, key),
			    GUINT_TO_POINTER(l->last_error));
}

void aj_loader_cut(AjLoader *l)
{
	if (l->events != NULL)
		after_error(l, AJ_EVENT_CUT, NULL, 0);
	else if (l->cut == 0)
		l->cut = l->last_error;
}

AjFollow *aj_loader_follow(AjLoader *l, guint index, AjFollowKind kind)
{
	AjFollow *f;

	if (l->follows == NULL)
		l->follows = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	f = g_hash_table_lookup(l->follows, GUINT_TO_POINTER(index + 1));
	if (f == NULL) {
		f = g_new0(AjFollow, 1);
		g_hash_table_insert(l->follows, GUINT_TO_POINTER(index + 1), f);
	}
	f->count[kind]++;
	return f;
}

void aj_loader_repeat(AjLoader *l, AjLoc loc, AjLoc first, const char *fmt, ...)
{
	guint64 pair = (guint64)loc.file << 32 | first.file;
	gpointer key = (gpointer)(guintptr)pair;
	guint index = 0;
	va_list ap;

	G_STATIC_ASSERT(sizeof(gpointer) >= sizeof(guint64));
	if (l->repeats == NULL)
		l->repeats = g_hash_table_new(g_direct_hash, g_direct_equal);
	/* within one file each is a mistake of its own; across files the
	 * first stands for all */
	if (loc.file != first.file)
		index = GPOINTER_TO_UINT(g_hash_table_lookup(l->repeats, key));
	if (index > 0) {
		aj_loader_follow(l, index - 1, AJ_FOLLOW_REPEATS)->of = first.file;
		return;
	}
	va_start(ap, fmt);
	add_error(l, loc.file, loc.line, fmt, ap);
	va_end(ap);
	if (l->last_error > 0 && loc.file != first.file)
		g_hash_table_insert(l->repeats, key, GUINT_TO_POINTER(l->last_error));
}

static void note_follows(gpointer key, gpointer value, gpointer data)
{
	AjLoader *l = data;
	guint i = GPOINTER_TO_UINT(key) - 1;
	const AjFollow *f = value;
	GString *s = g_string_new(g_ptr_array_index(l->errors, i));
	const char *of = f->of < l->model->files->len ? g_ptr_array_index(l->model->files, f->of) : "?";
	guint n;

	if ((n = f->count[AJ_FOLLOW_REFS]) > 0)
		g_string_append_printf(s, ngettext(" (and %u record that refers to it)",
						   " (and %u records that refer to it)", n), n);
	if ((n = f->count[AJ_FOLLOW_SAME]) > 0)
		g_string_append_printf(s, ngettext(" (and %u more record that refers to it)",
						   " (and %u more records that refer to it)", n), n);
	if ((n = f->count[AJ_FOLLOW_REPEATS]) > 0)
		g_string_append_printf(s, ngettext(" (and %u more record of this file repeats one of "
						   "%s: if the file is a copy, remove it)",
						   " (and %u more records of this file repeat ones of "
						   "%s: if the file is a copy, remove it)", n), n, of);
	if ((n = f->count[AJ_FOLLOW_UNREAD]) > 0)
		g_string_append_printf(s, ngettext(" (%u reference to records that were not read is "
						   "checked once this is fixed)",
						   " (%u references to records that were not read are "
						   "checked once this is fixed)", n), n);
	g_free(g_ptr_array_index(l->errors, i));
	g_ptr_array_index(l->errors, i) = g_string_free(s, FALSE);
}

void aj_loader_note_follows(AjLoader *l)
{
	if (l->follows != NULL)
		g_hash_table_foreach(l->follows, note_follows, l);
}

static gboolean slot_is(const AjRefTable *t, guint32 slot, const char *key)
{
	return slot < t->keys->len && strcmp(g_ptr_array_index(t->keys, slot), key) == 0;
}

static guint32 lookup_slot(AjLoader *l, AjRefTable *t, const char *key)
{
	gpointer v = g_hash_table_lookup(t->slot_of, key);

	if (v != NULL)
		return GPOINTER_TO_UINT(v) - 1;
	key = l->ref_strings != NULL ? g_string_chunk_insert(l->ref_strings, key)
				     : aj_model_intern(l->model, key);
	g_ptr_array_add(t->keys, (gpointer)key);
	g_hash_table_insert(t->slot_of, (gpointer)key, GUINT_TO_POINTER(t->keys->len));
	return t->keys->len - 1;
}

guint32 aj_ref_slot(AjLoader *l, AjRefTable *t, AjRefCursor *c, const char *key)
{
	guint32 slot = AJ_NONE, guess = AJ_NONE;

	if (c == NULL)
		return lookup_slot(l, t, key);
	if (c->last != AJ_NONE) {
		if (c->last < c->next->len)
			guess = g_array_index(c->next, guint32, c->last);
		if (guess == AJ_NONE)
			guess = c->last + 1;
		if (slot_is(t, guess, key))
			slot = guess;
		else if (slot_is(t, c->last, key))
			slot = c->last;
	}
	if (slot == AJ_NONE && l->events != NULL) {
		/* A part does not look the key up: the merge maps every slot to
		 * the load's (the same key may get several slots here). */
		g_ptr_array_add(t->keys, g_string_chunk_insert(l->ref_strings, key));
		slot = t->keys->len - 1;
	} else if (slot == AJ_NONE) {
		slot = lookup_slot(l, t, key);
	}
	if (c->last != AJ_NONE && slot != c->last) {
		guint32 none = AJ_NONE;
		while (c->next->len <= c->last)
			g_array_append_val(c->next, none);
		g_array_index(c->next, guint32, c->last) = slot;
	}
	c->last = slot;
	return slot;
}

G_STATIC_ASSERT(sizeof(gpointer) >= sizeof(guint64));

static const char *const id_what[AJ_ID_KINDS] = {
	[AJ_ID_INSPECTION] = "inspection", [AJ_ID_HAZARD] = "hazard",
	[AJ_ID_PENALTY] = "penalty",       [AJ_ID_ACCIDENT] = "accident",
	[AJ_ID_REPORT] = "report",         [AJ_ID_PROBLEM_LIST] = "problem-list",
	[AJ_ID_PROBLEM] = "problem",
};

void aj_loader_check_id(AjLoader *l, AjIdKind kind, const char *id, AjLoc loc)
{
	gpointer val;

	if (g_hash_table_lookup_extended(l->ids[kind], id, NULL, &val)) {
		guint64 packed = (guint64)(guintptr)val;
		AjLoc first = { (guint32)(packed >> 32), (guint32)packed };
		char *at = aj_model_loc_string(l->model, first), *shown = aj_visible(id);
		const char *what = aj_elem_words(id_what[kind]);
		aj_loader_repeat(l, loc, first, _("duplicate %s id '%s' (first at %s); give each %s "
						  "its own id"), what, shown, at, what);
		g_free(shown);
		g_free(at);
		return;
	}
	g_hash_table_insert(l->ids[kind], (gpointer)id,
			    (gpointer)(guintptr)((guint64)loc.file << 32 | loc.line));
}

/* Ids are mostly unique, so they skip the dedup table of aj_model_intern();
 * whether one is unique is known only when the files before are merged. */
const char *aj_loader_id(AjLoader *l, AjIdKind kind, const char *id, AjLoc loc)
{
	const char *key = g_string_chunk_insert(l->model->strings, id);

	if (l->events != NULL) {
		AjEvent ev = { .id = key, .loc = loc, .type = AJ_EVENT_ID, .kind = (guint8)kind };
		g_array_append_val(l->events, ev);
	} else {
		aj_loader_check_id(l, kind, key, loc);
	}
	return key;
}

xmlRelaxNGPtr aj_schema_compile(GError **err)
{
	xmlRelaxNGParserCtxtPtr ctxt = xmlRelaxNGNewMemParserCtxt(aj_schema_rng, (int)aj_schema_rng_len);
	xmlRelaxNGPtr schema = ctxt != NULL ? xmlRelaxNGParse(ctxt) : NULL;

	if (ctxt != NULL)
		xmlRelaxNGFreeParserCtxt(ctxt);
	if (schema == NULL)
		g_set_error_literal(err, AJ_ERROR, EX_SOFTWARE,
				    _("the built-in schema does not compile; rebuild anjian (make "
				      "clean all)"));
	return schema;
}

/* Every *.xml below dir, recursively, into out, and every other file into
 * others; hidden entries are skipped.  A directory reached twice (through
 * a symbolic link) is read once, so a link loop cannot recurse forever.
 * seen holds "dev:inode" strings. */
static gboolean collect(const char *dir, GPtrArray *out, GPtrArray *others, GHashTable *seen,
			GError **err)
{
	GDir *d = NULL;
	const char *name;
	gboolean ok = TRUE;
	GStatBuf st;

	if (g_stat(dir, &st) == 0) {
		char *key = g_strdup_printf("%ju:%ju", (uintmax_t)st.st_dev, (uintmax_t)st.st_ino);
		if (!g_hash_table_add(seen, key))
			goto out; /* already read */
	}
	d = g_dir_open(dir, 0, err);
	if (d == NULL) {
		ok = FALSE;
		goto out;
	}
	while (ok && (name = g_dir_read_name(d)) != NULL) {
		if (name[0] == '.')
			continue;
		char *path = g_build_filename(dir, name, NULL);
		if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
			ok = collect(path, out, others, seen, err);
			g_free(path);
		} else if (g_str_has_suffix(name, ".xml")) {
			g_ptr_array_add(out, path);
		} else {
			g_ptr_array_add(others, path);
		}
	}
out:
	if (d != NULL)
		g_dir_close(d);
	return ok;
}

static gint by_bytes(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files of the data directory that are not read: said once, naming them
 * (a spreadsheet or CSV put there would otherwise be ignored silently). */
static void warn_others(const char *dir, GPtrArray *others)
{
	GString *names;
	const guint shown = 5;
	gsize n = strlen(dir);

	while (n > 1 && dir[n - 1] == G_DIR_SEPARATOR)
		n--;
	for (guint i = 0; i < others->len; i++) {
		char *path = g_ptr_array_index(others, i);
		/* the office profile (office.md) is read by its own reader */
		if (strncmp(path, dir, n) == 0 && path[n] == G_DIR_SEPARATOR &&
		    strcmp(path + n + 1, AJ_OFFICE_FILE) == 0)
			g_ptr_array_remove_index(others, i--);
	}
	if (others->len == 0)
		return;
	names = g_string_new(NULL);
	g_ptr_array_sort(others, by_bytes);
	for (guint i = 0; i < others->len && i < shown; i++) {
		const char *path = g_ptr_array_index(others, i);
		if (strncmp(path, dir, n) == 0 && path[n] == G_DIR_SEPARATOR)
			path += n + 1; /* named below the directory the message names */
		/* TRANSLATORS: between the names of a list */
		g_string_append_printf(names, "%s%s", i > 0 ? _(", ") : "", path);
	}
	if (others->len > shown)
		g_string_append_printf(names, ngettext(" and %u more", " and %u more",
						       others->len - shown), others->len - shown);
	aj_warn(ngettext("%s: %u file is not *.xml and is ignored: %s; anjian reads only the *.xml "
			 "files of data-format.md: export the data as XML, or move the file out of "
			 "the data directory",
			 "%s: %u files are not *.xml and are ignored: %s; anjian reads only the *.xml "
			 "files of data-format.md: export the data as XML, or move the files out of "
			 "the data directory", others->len),
		dir, others->len, names->str);
	g_string_free(names, TRUE);
}

/* The SHA-256 of a file, or NULL when it cannot be read (the reader says
 * so later); the caller frees it. */
static char *file_digest(const char *path)
{
	GMappedFile *f = g_mapped_file_new(path, FALSE, NULL);
	char *sum;

	if (f == NULL)
		return NULL;
	sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
					  (const guchar *)g_mapped_file_get_contents(f),
					  g_mapped_file_get_length(f));
	g_mapped_file_unref(f);
	return sum;
}

/* A file with the same bytes as one before it (an export saved twice, a
 * copy) is one error naming the file it repeats, and is not read: read,
 * each of its records would be a duplicate.  Only files of equal size are
 * compared. */
static void drop_copies(AjLoader *l, GPtrArray *paths)
{
	GHashTable *sizes = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	GHashTable *digests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	guint n = paths->len;
	gint64 *size = g_new(gint64, n + 1);
	char **first_path = g_new(char *, n + 1); /* by index: the path before any removal */
	GStatBuf st;

	for (guint i = 0; i < n; i++) {
		first_path[i] = g_strdup(g_ptr_array_index(paths, i));
		size[i] = g_stat(first_path[i], &st) == 0 ? st.st_size : -1;
		if (size[i] > 0 && !g_hash_table_contains(sizes, &size[i]))
			g_hash_table_insert(sizes, g_memdup2(&size[i], sizeof size[i]),
					    GUINT_TO_POINTER(i + 1));
	}
	for (guint i = 0, at = 0; i < n; i++) {
		guint first = size[i] > 0 ? GPOINTER_TO_UINT(g_hash_table_lookup(sizes, &size[i])) : 0;
		const char *path = g_ptr_array_index(paths, at);
		char *sum = NULL, *was;
		if (first > 0 && first - 1 != i) {
			/* the first of this size is hashed when a second one appears */
			char *first_sum = file_digest(first_path[first - 1]);
			if (first_sum != NULL && !g_hash_table_contains(digests, first_sum))
				g_hash_table_insert(digests, first_sum, g_strdup(first_path[first - 1]));
			else
				g_free(first_sum);
			sum = file_digest(path);
		}
		if (sum != NULL && (was = g_hash_table_lookup(digests, sum)) != NULL &&
		    strcmp(was, path) != 0) {
			add_message(l, g_strdup_printf(_("%s: this file repeats %s (the same content); "
							 "remove one of the two"), path, was),
				    AJ_EVENT_ERROR);
			g_free(sum);
			g_ptr_array_remove_index(paths, at);
			continue;
		}
		if (sum != NULL)
			g_hash_table_insert(digests, sum, g_strdup(path));
		at++;
	}
	for (guint i = 0; i < n; i++)
		g_free(first_path[i]);
	g_free(first_path);
	g_free(size);
	g_hash_table_destroy(digests);
	g_hash_table_destroy(sizes);
}

/* One message: the first error, then the others, then the count. */
static void set_errors(const AjLoader *l, const char *dir, GError **err)
{
	GString *s = g_string_new(g_ptr_array_index(l->errors, 0));
	guint n = l->errors->len;

	for (guint i = 1; i < n; i++)
		g_string_append_printf(s, "\n%s", (const char *)g_ptr_array_index(l->errors, i));
	g_string_append_c(s, '\n');
	if (l->stop)
		g_string_append_printf(s, _("%s: stopped after %u errors; fix these and run "
					    "'anjian check --data %s' again"), dir, n, dir);
	else
		g_string_append_printf(s, ngettext("%s: %u error; fix it and run 'anjian check "
						   "--data %s' again",
						   "%s: %u errors; fix them and run 'anjian check "
						   "--data %s' again", n), dir, n, dir);
	g_set_error_literal(err, AJ_ERROR, l->unreadable ? EX_NOINPUT : EX_DATAERR, s->str);
	g_string_free(s, TRUE);
}

AjModel *aj_load_dir_jobs(const char *dir, int jobs, GError **err)
{
	GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
	GPtrArray *others = g_ptr_array_new_with_free_func(g_free);
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	AjModel *model = NULL;
	GError *local = NULL;
	AjLoader l;

	aj_loader_init(&l);
	if (!g_file_test(dir, G_FILE_TEST_IS_DIR) || !collect(dir, paths, others, seen, &local)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT, _("%s: %s; give an existing data directory "
							 "with --data"),
			    dir, local != NULL ? local->message : _("no such directory"));
		goto out;
	}
	warn_others(dir, others);
	if (paths->len == 0) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT, _("%s: no *.xml files found (subfolders "
							 "included); put the data files there"), dir);
		goto out;
	}
	g_ptr_array_sort(paths, by_bytes);
	drop_copies(&l, paths);
	if (!aj_load_files(&l, paths, jobs, err))
		goto out;
	if (l.errors->len > 0) {
		set_errors(&l, dir, err);
		goto out;
	}
	model = l.model;
	l.model = NULL;
out:
	g_clear_error(&local);
	g_ptr_array_free(paths, TRUE);
	g_ptr_array_free(others, TRUE);
	g_hash_table_destroy(seen);
	aj_loader_clear(&l);
	return model;
}

AjModel *aj_load_dir(const char *dir, GError **err)
{
	return aj_load_dir_jobs(dir, 0, err);
}
