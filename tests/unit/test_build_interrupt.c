/* An interrupt at the worst moment of `anjian build`: right after OUT's
 * temporary directory is created.  The interrupt guard must already be in
 * place then, so the build exits 130 and the directory is removed.
 *
 * The moment is made certain by standing in for g_mkdtemp(): this file's
 * definition is the one libanjian's outdir.o links against.  When armed it
 * creates the directory, sends SIGINT to the process and lingers, so a
 * guard that learns the path only afterwards would be too late. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <glib/gstdio.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "build/build.h"
#include "build/interrupt.h"
#include "build/outdir.h"

static gboolean interrupt_on_mkdtemp;

gchar *g_mkdtemp(gchar *tmpl)
{
	gchar *dir = mkdtemp(tmpl);

	if (dir != NULL && interrupt_on_mkdtemp) {
		kill(getpid(), SIGINT);
		g_usleep(200 * 1000);
	}
	return dir;
}

/* no_swap_after_interrupt orders the guard's lock: the watcher, which
 * takes the signal, locks it only once the build thread holds it in its
 * commit step.  Otherwise the watcher may win the lock first and end the
 * process, which hides a commit step that ignores the interrupt.  The guard
 * is the first mutex the build thread locks once armed; calls go on to
 * GLib's own g_mutex_lock. */
static gint order_guard_lock;      /* atomic: armed */
static pthread_t build_thread;
static GMutex *guard_mutex;        /* atomic pointer */
static gint build_thread_locks;    /* atomic: of guard_mutex */

void g_mutex_lock(GMutex *mutex)
{
	static void (*real)(GMutex *);

	if (real == NULL)
		real = (void (*)(GMutex *))dlsym(RTLD_NEXT, "g_mutex_lock");
	if (!g_atomic_int_get(&order_guard_lock)) {
		real(mutex);
	} else if (pthread_equal(pthread_self(), build_thread)) {
		g_atomic_pointer_compare_and_exchange(&guard_mutex, NULL, mutex);
		real(mutex);
		if (mutex == g_atomic_pointer_get(&guard_mutex))
			g_atomic_int_inc(&build_thread_locks);
	} else {
		/* the watcher: after aj_interrupt_guard_outdir's lock (1) and
		 * the commit step's (2) */
		while (mutex == g_atomic_pointer_get(&guard_mutex) &&
		       g_atomic_int_get(&build_thread_locks) < 2)
			g_usleep(1000);
		real(mutex);
	}
}

static void put_file(const char *dir, const char *name, const char *text)
{
	char *path = g_build_filename(dir, name, NULL);
	assert_true(g_file_set_contents(path, text, -1, NULL));
	g_free(path);
}

/* Names in top that start with prefix. */
static int count_prefixed(const char *top, const char *prefix)
{
	GDir *dir = g_dir_open(top, 0, NULL);
	const char *name;
	int n = 0;

	assert_non_null(dir);
	while ((name = g_dir_read_name(dir)) != NULL)
		n += g_str_has_prefix(name, prefix);
	g_dir_close(dir);
	return n;
}

static void interrupt_as_temporary_is_created(void **state)
{
	char *top = g_dir_make_tmp("ajintr-XXXXXX", NULL);
	char *data = g_build_filename(top, "data", NULL);
	char *out = g_build_filename(top, "out", NULL);
	int status = 0;
	pid_t child;

	assert_non_null(top);
	assert_int_equal(g_mkdir(data, 0755), 0);
	put_file(data, "a.xml", "<?xml version=\"1.0\"?>\n<dataset version=\"1\"/>\n");
	put_file(data, "office.yml",
		 "issuer: 测试市安全生产委员会办公室\narea: 测试市\nrecipients: 各区安委会\n"
		 "numbers: {bulletin: 测通, exposed: 测曝, exemplars: 测示, exemplar-review: 测审,\n"
		 "  rectification: 测改, hazard-supervision: 测督}\n");
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		AjBuildOptions o = { .data_dir = data, .out_dir = out, .data_only = TRUE,
				     .quiet = TRUE, .jobs = 1, .allow_empty = TRUE };
		GError *err = NULL;

		o.month = aj_month_from_ym(2026, 3);
		o.asof = AJ_DAY_NONE;
		interrupt_on_mkdtemp = TRUE;
		aj_build_run(&o, &err);
		_exit(0); /* the interrupt was lost */
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	/* exit 130 (128 + SIGINT) from the guard, not death by the signal */
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 128 + SIGINT);
	assert_int_equal(count_prefixed(top, "out.tmp-"), 0);
	assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
	aj_outdir_remove(top);
	g_free(out);
	g_free(data);
	g_free(top);
}

/* A signal that came while the build ran stops it before the swap: the
 * build reaching its commit step afterwards does not replace OUT (the
 * guard's watcher ends the process with 130 and removes the temporary),
 * even when the build thread takes the guard's lock before the watcher. */
static void no_swap_after_interrupt(void **state)
{
	char *top = g_dir_make_tmp("ajintr-XXXXXX", NULL);
	char *out = g_build_filename(top, "out", NULL);
	int status = 0;
	pid_t child;

	assert_non_null(top);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		AjInterruptGuard *g = aj_interrupt_guard_start();
		GError *err = NULL;
		char *root;

		interrupt_on_mkdtemp = TRUE; /* the signal comes as OUT.tmp-* is made */
		build_thread = pthread_self();
		g_atomic_int_set(&order_guard_lock, 1);
		root = aj_interrupt_guard_outdir(g, out, FALSE, &err);
		if (root != NULL)
			aj_interrupt_guard_commit(g, root, out, &err);
		_exit(0); /* swapped in despite the interrupt */
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 128 + SIGINT);
	assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
	assert_int_equal(count_prefixed(top, "out.tmp-"), 0);
	aj_outdir_remove(top);
	g_free(out);
	g_free(top);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(interrupt_as_temporary_is_created),
		cmocka_unit_test(no_swap_after_interrupt),
	};
	return cmocka_run_group_tests_name("build interrupt", tests, NULL, NULL);
}
