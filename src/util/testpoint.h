/* Crash tests without timing: with ANJIAN_TEST_KILL_AT=N in the
 * environment, the process sends itself SIGKILL at the N-th test point it
 * passes (counted from 1 in the order the program reaches them), so a test
 * can stop a run at each step in turn, whatever the speed of the machine.
 * ANJIAN_TEST_POINTS=1 prints every point reached on stderr, to count them.
 * Without either variable a test point does nothing.
 */
#ifndef AJ_TESTPOINT_H
#define AJ_TESTPOINT_H

/* what names the step, for ANJIAN_TEST_POINTS. Thread-safe. */
void aj_test_point(const char *what);

#endif
