/* Cleaning up after an interrupted build: while a guard is active, SIGINT,
 * SIGTERM and SIGHUP are taken by a watcher thread that removes the
 * build's temporary directory and exits with 128 + the signal number, so
 * an interrupted build leaves neither a half-written OUT nor its temp dir.
 *
 * Ownership: aj_interrupt_guard_start() returns a guard that
 * aj_interrupt_guard_stop() ends and frees; path is copied.
 */
#ifndef AJ_BUILD_INTERRUPT_H
#define AJ_BUILD_INTERRUPT_H

#include <glib.h>

typedef struct AjInterruptGuard AjInterruptGuard;

/* Call before starting other threads: they inherit the blocked signals. */
AjInterruptGuard *aj_interrupt_guard_start(const char *path);
/* Stops the watcher and restores the signal mask; a signal that arrived
 * while stopping is delivered afterwards. NULL is ignored. */
void aj_interrupt_guard_stop(AjInterruptGuard *guard);

#endif
