#include "util/pool.h"

void aj_pool_each(gpointer jobs, guint n, gsize size, GFunc fn, gpointer user, int threads)
{
	char *at = jobs;
	GThreadPool *pool;

	threads = MIN(threads, (int)n);
	if (threads <= 1) {
		for (guint i = 0; i < n; i++)
			fn(at + i * size, user);
		return;
	}
	pool = g_thread_pool_new(fn, user, threads, TRUE, NULL);
	for (guint i = 0; i < n; i++)
		g_thread_pool_push(pool, at + i * size, NULL);
	g_thread_pool_free(pool, FALSE, TRUE);
}

gboolean aj_pool_first_error(gpointer jobs, guint n, gsize size, gsize offset, GError **err)
{
	char *at = jobs;
	gboolean ok = TRUE;

	for (guint i = 0; i < n; i++) {
		GError **e = (GError **)(at + i * size + offset);
		if (*e == NULL)
			continue;
		if (ok)
			g_propagate_error(err, *e);
		else
			g_error_free(*e);
		*e = NULL;
		ok = FALSE;
	}
	return ok;
}
