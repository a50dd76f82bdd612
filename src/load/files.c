/* aj_load_files(): the files of a load read on --jobs threads, one AjPart
 * each, and merged in path order as soon as each is read, so the merge
 * overlaps the reading and at most a few parts wait in memory. */
#include <string.h>
#include <libxml/parser.h>

#include "load/loader.h"
#include "util/memory.h"
#include "util/testhook.h"

/* Compiled schemas outlive a load, one per thread that read: compiling
 * costs a millisecond, more than reading a small file, and the loader's
 * fuzz target and tests load thousands. */
static GAsyncQueue *spare_schemas(void)
{
	static gsize once;
	static GAsyncQueue *q;

	if (g_once_init_enter(&once)) {
		q = g_async_queue_new();
		g_once_init_leave(&once, 1);
	}
	return q;
}

typedef struct {
	AjPart *parts;
	GAsyncQueue *schemas; /* one compiled schema per reading thread; NULL: none */
	GMutex lock;
	GCond done_cond;
	gboolean *done; /* by part */
} Load;

static void read_part(gpointer data, gpointer user)
{
	Load *ld = user;
	guint i = GPOINTER_TO_UINT(data) - 1;
	xmlRelaxNGPtr schema = ld->schemas != NULL ? g_async_queue_pop(ld->schemas) : NULL;

	aj_read_file(&ld->parts[i].l, schema);
	if (schema != NULL)
		g_async_queue_push(ld->schemas, schema);
	g_mutex_lock(&ld->lock);
	ld->done[i] = TRUE;
	g_cond_broadcast(&ld->done_cond);
	g_mutex_unlock(&ld->lock);
}

static void wait_for(Load *ld, guint i)
{
	g_mutex_lock(&ld->lock);
	while (!ld->done[i])
		g_cond_wait(&ld->done_cond, &ld->lock);
	g_mutex_unlock(&ld->lock);
}

/* Merged or not needed: all of it goes at once. */
static void part_free(AjPart *p)
{
	aj_loader_clear(&p->l);
}

gboolean aj_load_files(AjLoader *l, GPtrArray *paths, int jobs, GError **err)
{
	guint n = paths->len;
	guint threads = (guint)aj_test_jobs(jobs > 0 ? jobs : (int)g_get_num_processors());
	Load ld = { .parts = g_new0(AjPart, n), .schemas = l->schema ? g_async_queue_new() : NULL,
		    .done = g_new0(gboolean, n) };
	GThreadPool *pool = NULL;
	gboolean ok = TRUE;

	threads = MAX(1, MIN(threads, n));
	xmlInitParser(); /* once, before any thread parses */
	aj_keep_freed_memory(); /* each file's parse frees what the next one needs */
	for (guint t = 0; ld.schemas != NULL && t < threads && ok; t++) {
		xmlRelaxNGPtr schema = g_async_queue_try_pop(spare_schemas());
		if (schema == NULL)
			schema = aj_schema_compile(err);
		if (schema != NULL)
			g_async_queue_push(ld.schemas, schema);
		ok = schema != NULL;
	}
	for (guint i = 0; i < n; i++) {
		AjPart *p = &ld.parts[i];
		g_ptr_array_add(l->model->files, g_strdup(g_ptr_array_index(paths, i)));
		aj_loader_init(&p->l);
		p->l.events = g_array_new(FALSE, FALSE, sizeof(AjEvent));
		p->l.ref_strings = g_string_chunk_new(64 * 1024);
		p->l.file = i;
		p->l.path = g_ptr_array_index(l->model->files, i);
	}
	g_mutex_init(&ld.lock);
	g_cond_init(&ld.done_cond);
	if (ok && threads > 1)
		pool = g_thread_pool_new(read_part, &ld, (gint)threads, TRUE, NULL);
	for (guint i = 0; ok && i < n; i++)
		if (pool != NULL)
			g_thread_pool_push(pool, GUINT_TO_POINTER(i + 1), NULL);
	for (guint i = 0; ok && i < n; i++) {
		if (pool != NULL)
			wait_for(&ld, i);
		else
			read_part(GUINT_TO_POINTER(i + 1), &ld);
		aj_merge_part(l, &ld.parts[i]);
		part_free(&ld.parts[i]);
	}
	if (pool != NULL)
		g_thread_pool_free(pool, FALSE, TRUE);
	aj_merge_finish(l);
	if (ok && !l->stop)
		aj_resolve(l);
	aj_loader_note_follows(l);
	for (guint i = 0; i < n; i++)
		part_free(&ld.parts[i]); /* those not merged */
	xmlRelaxNGPtr schema;
	while (ld.schemas != NULL && (schema = g_async_queue_try_pop(ld.schemas)) != NULL)
		g_async_queue_push(spare_schemas(), schema);
	if (ld.schemas != NULL)
		g_async_queue_unref(ld.schemas);
	g_mutex_clear(&ld.lock);
	g_cond_clear(&ld.done_cond);
	g_free(ld.done);
	g_free(ld.parts);
	return ok;
}
