/* Independent jobs on GLib's thread pool, and their first error.
 *
 * The jobs are an array of equal-sized structs, each one the state of one
 * job; a job touches only its own struct and what is read-only for all.
 * The first error in array order is the one reported, as a sequential run
 * would report it.
 *
 * Ownership: the array stays the caller's; errors move to the caller.
 */
#ifndef AJ_POOL_H
#define AJ_POOL_H

#include <glib.h>

/* Runs fn(job i, user) for every i < n on up to `threads` threads (in the
 * calling thread when threads <= 1 or n <= 1); returns when all are done. */
void aj_pool_each(gpointer jobs, guint n, gsize size, GFunc fn, gpointer user, int threads);

/* Each job holds a GError * at `offset`: moves the first set (in job order)
 * to err and frees the others; TRUE when no job failed. */
gboolean aj_pool_first_error(gpointer jobs, guint n, gsize size, gsize offset, GError **err);

#endif
