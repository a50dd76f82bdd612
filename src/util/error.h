/* Errors that reach a user.
 *
 * Every stage reports failure through a GError in the AJ_ERROR domain whose
 * code is the sysexits.h status the program exits with, so the exit code is
 * decided where the failure is understood and carried up unchanged.  The
 * message names the file and line and says what to do; it never quotes an
 * <informant> (the loader drops that text before anything can see it).
 *
 * Ownership: a GError set by a callee belongs to the caller, who frees it
 * with g_error_free() or hands it further up with g_propagate_error().
 */
#ifndef AJ_ERROR_H
#define AJ_ERROR_H

#include <glib.h>
#include <stdarg.h>
#include <sysexits.h>

#define AJ_ERROR (aj_error_quark())
GQuark aj_error_quark(void);

/* Sets err (AJ_ERROR, code) to "WHERE: MESSAGE", MESSAGE made of fmt and ap:
 * for the fail() helpers that name a place they compute themselves. */
void aj_error_set_at(GError **err, int code, const char *where, const char *fmt, va_list ap)
	G_GNUC_PRINTF(4, 0);

/* Every line below goes to stderr in one write(2), under one lock, so lines
 * from several threads and the progress line never mix. */

/* Prints "anjian: MESSAGE" to stderr and returns the exit status of err. */
int aj_error_report(const GError *err);

/* Prints "anjian: warning: MESSAGE" to stderr unless warnings are muted. */
void aj_warn(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void aj_warn_set_quiet(gboolean quiet);
/* Warnings given so far (also muted ones), for the summary line. */
guint aj_warn_count(void);

/* The progress line: drawn (again) with "\r" on stderr, which the caller
 * has checked is a terminal; a message written meanwhile goes above it and
 * the line is drawn again below.  aj_progress_end() closes it with a
 * newline; it is a no-op when no line is shown. */
void aj_progress_show(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
void aj_progress_end(void);

#endif
