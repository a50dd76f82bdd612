#include "util/testhook.h"
#include "util/i18n.h"

#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
	char *point;   /* NULL: no kill point */
	guint writes;  /* write:N; 0 when point names a phase */
	int signal;
	int jobs;      /* 0: not forced */
} Hooks;

static gint writes_done; /* atomic */

/* Every name aj_test_point() is called with, in the order a build passes
 * them (build/build.c, build/outdir.c), then those of an issue or of the
 * archive's site (archive/tree.c, issue.c, republish.c), which end at
 * swapped too. */
static const char *const points[] = {
	"loaded", "begun", "contexts", "rendered", "site", "manifest", "swapped",
	"archive-begun", "archive-linked", "issue-prepared", "issue-typeset", "issue-registered",
	"archive-site",
};

static gboolean point_known(const char *name)
{
	for (gsize i = 0; i < G_N_ELEMENTS(points); i++)
		if (strcmp(name, points[i]) == 0)
			return TRUE;
	return FALSE;
}

static int signal_named(const char *name)
{
	static const struct { const char *name; int sig; } signals[] = {
		{ "KILL", SIGKILL }, { "INT", SIGINT }, { "TERM", SIGTERM }, { "HUP", SIGHUP },
	};

	for (gsize i = 0; i < G_N_ELEMENTS(signals); i++)
		if (strcmp(name, signals[i].name) == 0)
			return signals[i].sig;
	return 0;
}

/* A mistyped hook would make a test pass without testing anything: say so
 * and stop instead. */
static G_NORETURN void bad_hook(const char *var, const char *value)
{
	fprintf(stderr, _("anjian: %s=%s: not understood; see src/util/testhook.h\n"), var, value);
	_exit(70);
}

static const Hooks *hooks(void)
{
	static Hooks h;
	static gsize done;

	if (g_once_init_enter(&done)) {
		const char *kill_at = g_getenv("ANJIAN_TEST_KILL_AT");
		const char *jobs = g_getenv("ANJIAN_TEST_JOBS");

		if (kill_at != NULL && *kill_at != '\0') {
			char **parts = g_strsplit(kill_at, ",", 2);
			h.point = g_strdup(parts[0]);
			h.signal = parts[1] != NULL ? signal_named(parts[1]) : SIGKILL;
			if (g_str_has_prefix(h.point, "write:"))
				h.writes = (guint)g_ascii_strtoull(h.point + 6, NULL, 10);
			/* at swapped the build holds the interrupt guard's lock, which
			 * the watcher of a handled signal waits for: KILL only */
			if (h.signal == 0 || (h.writes == 0 && !point_known(h.point)) ||
			    (strcmp(h.point, "swapped") == 0 && h.signal != SIGKILL))
				bad_hook("ANJIAN_TEST_KILL_AT", kill_at);
			g_strfreev(parts);
		}
		if (jobs != NULL && *jobs != '\0') {
			h.jobs = atoi(jobs);
			if (h.jobs < 1)
				bad_hook("ANJIAN_TEST_JOBS", jobs);
		}
		g_once_init_leave(&done, 1);
	}
	return &h;
}

static G_NORETURN void stop_here(int sig)
{
	struct sigaction was;

	/* A background job of a non-interactive shell inherits INT ignored;
	 * the hook stands for a user's signal, which must not be swallowed. */
	if (sigaction(sig, NULL, &was) == 0 && was.sa_handler == SIG_IGN)
		signal(sig, SIG_DFL);
	kill(getpid(), sig);
	/* A handled signal is taken by the interrupt watcher thread, which
	 * ends the process; this thread goes no further meanwhile. */
	for (;;)
		pause();
}

void aj_test_point(const char *name)
{
	const Hooks *h = hooks();

	if (h->point != NULL && h->writes == 0 && strcmp(h->point, name) == 0)
		stop_here(h->signal);
}

void aj_test_point_write(void)
{
	const Hooks *h = hooks();
	guint n = (guint)g_atomic_int_add(&writes_done, 1) + 1;

	if (h->writes != 0 && n == h->writes)
		stop_here(h->signal);
}

int aj_test_jobs(int jobs)
{
	const Hooks *h = hooks();

	return h->jobs > 0 ? h->jobs : jobs;
}
