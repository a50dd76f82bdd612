#include "util/memory.h"

#include <glib.h>
#include <malloc.h>

static gpointer set_policy(gpointer unused)
{
	(void)unused;
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 128 << 20);
	return NULL;
}

void aj_keep_freed_memory(void)
{
	static GOnce once = G_ONCE_INIT;

	g_once(&once, set_policy, NULL);
}
