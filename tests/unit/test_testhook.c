/* The test hooks the suite steers builds with (util/testhook.h): a build
 * stops exactly at the point named, not before or after, and a mistyped
 * hook stops the program instead of letting a test pass untested.  The
 * hooks read the environment once per process, so each case runs in a
 * child of its own. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/testhook.h"

typedef void (*Steps)(void);

/* How a child with KILL_AT and JOBS set ended after running steps:
 * its exit status, or 1000 + the signal that ended it. */
static int run_child(const char *kill_at, const char *jobs, Steps steps)
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		/* only the hooks of this case: the suite itself may run under
		 * ANJIAN_TEST_JOBS=1 */
		if (kill_at != NULL)
			setenv("ANJIAN_TEST_KILL_AT", kill_at, 1);
		else
			unsetenv("ANJIAN_TEST_KILL_AT");
		if (jobs != NULL)
			setenv("ANJIAN_TEST_JOBS", jobs, 1);
		else
			unsetenv("ANJIAN_TEST_JOBS");
		/* stderr quiet: the refusal messages are expected */
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(99);
		steps();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) ? 1000 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* A build's points in order, with three files written after "rendered";
 * exit 10 + the number of the step reached last (never reached when a
 * hook stops the child). */
static void build_steps(void)
{
	aj_test_point("loaded");
	aj_test_point("begun");
	aj_test_point("contexts");
	aj_test_point_write();
	aj_test_point("rendered");
	aj_test_point_write();
	aj_test_point_write();
	aj_test_point("site");
	_exit(10);
}

static void stops_at_the_point_named(void **state)
{
	assert_int_equal(run_child(NULL, NULL, build_steps), 10);
	assert_int_equal(run_child("contexts", NULL, build_steps), 1000 + SIGKILL);
	assert_int_equal(run_child("rendered,TERM", NULL, build_steps), 1000 + SIGTERM);
	assert_int_equal(run_child("site,HUP", NULL, build_steps), 1000 + SIGHUP);
	/* a point the build does not pass this time stops nothing */
	assert_int_equal(run_child("manifest", NULL, build_steps), 10);
}

/* write:N counts files, not points: write:3 is after "rendered". */
static void reached_rendered(void)
{
	aj_test_point_write();
	aj_test_point_write();
	_exit(20);
}

static void write_n_counts_files(void **state)
{
	assert_int_equal(run_child("write:3", NULL, reached_rendered), 20);
	assert_int_equal(run_child("write:2", NULL, reached_rendered), 1000 + SIGKILL);
	assert_int_equal(run_child("write:3,INT", NULL, build_steps), 1000 + SIGINT);
	assert_int_equal(run_child("write:4", NULL, build_steps), 10);
}

static void jobs_default(void)
{
	_exit(aj_test_jobs(7));
}

static void jobs_forced(void **state)
{
	assert_int_equal(run_child(NULL, NULL, jobs_default), 7);
	assert_int_equal(run_child(NULL, "", jobs_default), 7);
	assert_int_equal(run_child(NULL, "1", jobs_default), 1);
	assert_int_equal(run_child(NULL, "3", jobs_default), 3);
}

/* EX_SOFTWARE (70): the suite's mistake, not the user's. */
static void mistyped_hooks_stop(void **state)
{
	assert_int_equal(run_child(NULL, "0", jobs_default), 70);
	assert_int_equal(run_child(NULL, "many", jobs_default), 70);
	assert_int_equal(run_child("renderd", NULL, build_steps), 70);
	assert_int_equal(run_child("rendered,STOP", NULL, build_steps), 70);
	/* the build holds the interrupt guard's lock there: KILL only */
	assert_int_equal(run_child("swapped,INT", NULL, build_steps), 70);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stops_at_the_point_named),
		cmocka_unit_test(write_n_counts_files),
		cmocka_unit_test(jobs_forced),
		cmocka_unit_test(mistyped_hooks_stop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
