#include "util/error.h"
#include "util/i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

G_DEFINE_QUARK(anjian-error-quark, aj_error)

/* Lines on stderr come from several threads (render jobs warn) and share
 * the terminal with the progress line: each message is written with one
 * write(2) under this lock, so no two messages, and no message and the
 * progress line, are ever mixed within a line. */
static GMutex out_lock;
static GString *progress; /* the progress line on screen now, or NULL */
static gboolean warnings_quiet;
static gint warnings_given; /* atomic: render threads warn too */

/* Writes all of s to stderr; the caller holds out_lock. */
static void write_locked(const char *s, gsize len)
{
	gsize done = 0;

	while (done < len) {
		ssize_t n = write(STDERR_FILENO, s + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return; /* stderr is gone: nothing left to tell */
		done += (gsize)n;
	}
}

/* One message line: over the progress line if it is shown, which is then
 * drawn again below it, all in one write. */
static void emit_line(const char *prefix, const char *fmt, va_list ap)
{
	GString *s = g_string_new(NULL);

	g_mutex_lock(&out_lock);
	if (progress != NULL)
		g_string_append(s, "\r\033[K");
	g_string_append(s, prefix);
	g_string_append_vprintf(s, fmt, ap);
	g_string_append_c(s, '\n');
	if (progress != NULL)
		g_string_append(s, progress->str);
	write_locked(s->str, s->len);
	g_mutex_unlock(&out_lock);
	g_string_free(s, TRUE);
}

static void emit(const char *prefix, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void emit(const char *prefix, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit_line(prefix, fmt, ap);
	va_end(ap);
}

void aj_error_set_at(GError **err, int code, const char *where, const char *fmt, va_list ap)
{
	char *msg = g_strdup_vprintf(fmt, ap);

	g_set_error(err, AJ_ERROR, code, "%s: %s", where, msg);
	g_free(msg);
}

int aj_error_report(const GError *err)
{
	if (err == NULL)
		return EX_SOFTWARE;
	emit(_("anjian: "), "%s", err->message);
	return err->domain == AJ_ERROR && err->code > 0 ? err->code : EX_SOFTWARE;
}

void aj_warn_set_quiet(gboolean quiet)
{
	warnings_quiet = quiet;
}

guint aj_warn_count(void)
{
	return (guint)g_atomic_int_get(&warnings_given);
}

void aj_warn(const char *fmt, ...)
{
	va_list ap;

	g_atomic_int_inc(&warnings_given);
	if (warnings_quiet)
		return;
	va_start(ap, fmt);
	emit_line(_("anjian: warning: "), fmt, ap);
	va_end(ap);
}

void aj_progress_show(const char *fmt, ...)
{
	va_list ap;
	GString *s = g_string_new("\r\033[K");

	g_mutex_lock(&out_lock);
	if (progress == NULL)
		progress = g_string_new(NULL);
	va_start(ap, fmt);
	g_string_vprintf(progress, fmt, ap);
	va_end(ap);
	g_string_append(s, progress->str);
	write_locked(s->str, s->len);
	g_mutex_unlock(&out_lock);
	g_string_free(s, TRUE);
}

void aj_progress_end(void)
{
	g_mutex_lock(&out_lock);
	if (progress != NULL) {
		write_locked("\n", 1);
		g_string_free(progress, TRUE);
		progress = NULL;
	}
	g_mutex_unlock(&out_lock);
}
