#include "build/interrupt.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include "build/outdir.h"

/* SIGUSR2 only wakes the watcher to stop it. */
#define STOP_SIGNAL SIGUSR2

struct AjInterruptGuard {
	char *path;
	pthread_t thread;
	sigset_t watched, old_mask;
	gint stopping; /* atomic */
	int pending;   /* a signal that came in while stopping */
};

static void *watch(void *data)
{
	AjInterruptGuard *g = data;
	int sig = 0;

	for (;;) {
		if (sigwait(&g->watched, &sig) != 0)
			continue;
		if (sig == STOP_SIGNAL)
			break;
		if (g_atomic_int_get(&g->stopping)) {
			g->pending = sig;
			continue;
		}
		aj_outdir_remove(g->path);
		_exit(128 + sig);
	}
	return NULL;
}

AjInterruptGuard *aj_interrupt_guard_start(const char *path)
{
	AjInterruptGuard *g = g_new0(AjInterruptGuard, 1);

	g->path = g_strdup(path);
	sigemptyset(&g->watched);
	sigaddset(&g->watched, SIGINT);
	sigaddset(&g->watched, SIGTERM);
	sigaddset(&g->watched, SIGHUP);
	sigaddset(&g->watched, STOP_SIGNAL);
	pthread_sigmask(SIG_BLOCK, &g->watched, &g->old_mask);
	if (pthread_create(&g->thread, NULL, watch, g) != 0) {
		/* Without a watcher the build still works; only cleanup on ^C is lost. */
		pthread_sigmask(SIG_SETMASK, &g->old_mask, NULL);
		g_free(g->path);
		g_free(g);
		return NULL;
	}
	return g;
}

void aj_interrupt_guard_stop(AjInterruptGuard *g)
{
	if (g == NULL)
		return;
	g_atomic_int_set(&g->stopping, 1);
	pthread_kill(g->thread, STOP_SIGNAL);
	pthread_join(g->thread, NULL);
	pthread_sigmask(SIG_SETMASK, &g->old_mask, NULL);
	if (g->pending != 0)
		raise(g->pending);
	g_free(g->path);
	g_free(g);
}
