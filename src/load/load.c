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

void aj_loader_init(AjLoader *l)
{
	memset(l, 0, sizeof *l);
	l->model = aj_model_new();
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

	if (l->stop)
		return;
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
		char *at = aj_model_loc_string(l->model, first);
		aj_loader_error_at(l, loc, "duplicate %s id '%s' (first at %s); give each %s its own id",
				   id_what[kind], id, at, id_what[kind]);
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
		g_set_error(err, AJ_ERROR, EX_SOFTWARE,
			    "the built-in schema does not compile; rebuild anjian (make clean all)");
	return schema;
}

/* Every *.xml below dir, recursively; hidden entries are skipped.  A
 * directory reached twice (through a symbolic link) is read once, so a link
 * loop cannot recurse forever.  seen holds "dev:inode" strings. */
static gboolean collect(const char *dir, GPtrArray *out, GHashTable *seen, GError **err)
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
			ok = collect(path, out, seen, err);
			g_free(path);
		} else if (g_str_has_suffix(name, ".xml")) {
			g_ptr_array_add(out, path);
		} else {
			g_free(path);
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

/* One message: the first error, then the others, then the count. */
static void set_errors(const AjLoader *l, const char *dir, GError **err)
{
	GString *s = g_string_new(g_ptr_array_index(l->errors, 0));

	for (guint i = 1; i < l->errors->len; i++)
		g_string_append_printf(s, "\n%s", (const char *)g_ptr_array_index(l->errors, i));
	if (l->stop)
		g_string_append_printf(s, "\n%s: stopped after %u errors; fix these and run "
				       "'anjian check --data %s' again", dir, l->errors->len, dir);
	else
		g_string_append_printf(s, "\n%s: %u error%s; fix %s and run 'anjian check --data "
				       "%s' again", dir, l->errors->len, l->errors->len == 1 ? "" : "s",
				       l->errors->len == 1 ? "it" : "them", dir);
	g_set_error_literal(err, AJ_ERROR, l->unreadable ? EX_NOINPUT : EX_DATAERR, s->str);
	g_string_free(s, TRUE);
}

AjModel *aj_load_dir_jobs(const char *dir, int jobs, GError **err)
{
	GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
	GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	AjModel *model = NULL;
	GError *local = NULL;
	AjLoader l;

	aj_loader_init(&l);
	if (!g_file_test(dir, G_FILE_TEST_IS_DIR) || !collect(dir, paths, seen, &local)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT, "%s: %s; give an existing data directory "
			    "with --data", dir, local != NULL ? local->message : "no such directory");
		goto out;
	}
	if (paths->len == 0) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT, "%s: no *.xml files found (subfolders "
			    "included); put the data files there", dir);
		goto out;
	}
	g_ptr_array_sort(paths, by_bytes);
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
	g_hash_table_destroy(seen);
	aj_loader_clear(&l);
	return model;
}

AjModel *aj_load_dir(const char *dir, GError **err)
{
	return aj_load_dir_jobs(dir, 0, err);
}
