/* Cleaning up after an interrupted build: while a guard is active, SIGINT,
 * SIGTERM and SIGHUP are taken by a watcher thread that removes the
 * build's temporary directory and exits with 128 + the signal number, so
 * an interrupted build leaves neither a half-written OUT nor its temp dir.
 * The guard is started before anything is created, and the temporary
 * directory is made under it (aj_interrupt_guard_outdir): no signal can
 * come between its creation and the guard knowing it.  Before it removes
 * the directory the watcher parks every other thread (nothing writes into
 * it meanwhile), and once it has a signal no build is swapped in
 * (aj_interrupt_guard_commit).
 *
 * Ownership: aj_interrupt_guard_start() returns a guard that
 * aj_interrupt_guard_stop() ends and frees; the directory's path returned
 * by aj_interrupt_guard_outdir() is the caller's (the guard keeps a copy).
 */
#ifndef AJ_BUILD_INTERRUPT_H
#define AJ_BUILD_INTERRUPT_H

#include <glib.h>

typedef struct AjInterruptGuard AjInterruptGuard;

/* Call before starting other threads: they inherit the blocked signals. */
AjInterruptGuard *aj_interrupt_guard_start(void);
/* aj_outdir_begin() under the guard: a signal that comes meanwhile waits
 * until the directory exists, then removes it.  Call once; guard may be
 * NULL (no watcher could be started). */
char *aj_interrupt_guard_outdir(AjInterruptGuard *guard, const char *out, gboolean force,
				GError **err);
/* aj_outdir_commit() under the guard: after a signal it does not return
 * (the watcher ends the process and OUT stays as it was). */
gboolean aj_interrupt_guard_commit(AjInterruptGuard *guard, const char *root, const char *out,
				   GError **err);
/* Stops the watcher and restores the signal mask; a signal that arrived
 * while stopping is delivered afterwards. NULL is ignored. */
void aj_interrupt_guard_stop(AjInterruptGuard *guard);

#endif
