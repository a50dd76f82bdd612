/* Test hooks: where the test suite stops a build, whatever the speed of the
 * machine, and how many threads every build uses.  Both are read from the
 * environment once, here and nowhere else; with neither set they cost one
 * atomic increment per file written.
 *
 * ANJIAN_TEST_KILL_AT=POINT[,SIGNAL]
 *   POINT is a named point of `anjian build` (aj_test_point() callers:
 *   loaded, begun, contexts, rendered, site, manifest, swapped; at
 *   swapped only KILL), of `anjian issue` and `anjian site` (archive-begun,
 *   archive-linked, issue-prepared, issue-typeset, issue-registered,
 *   archive-site, swapped) or write:N, just after the N-th output file is
 *   written (counted over every thread).  SIGNAL is KILL (the default),
 *   INT, TERM or HUP.  At that point the build sends SIGNAL to its own
 *   process; for a signal the build handles (build/interrupt.h) the
 *   calling thread then waits to be ended by it, so nothing happens after
 *   the point, just as if a user had pressed ^C exactly there.
 * ANJIAN_TEST_JOBS=N
 *   every build and check reads its files, renders and writes its site
 *   on N threads, whatever --jobs says (the suite's one-thread run: ANJIAN_TEST_JOBS=1 make check).
 */
#ifndef AJ_TESTHOOK_H
#define AJ_TESTHOOK_H

/* The build reached the named point. */
void aj_test_point(const char *name);
/* An output file was written whole. */
void aj_test_point_write(void);
/* The threads to use: ANJIAN_TEST_JOBS when set, else jobs. */
int aj_test_jobs(int jobs);

#endif
