#include "util/error.h"
#include "util/i18n.h"

#include <stdarg.h>
#include <stdio.h>

G_DEFINE_QUARK(anjian-error-quark, aj_error)

static gboolean warnings_quiet;

int aj_error_report(const GError *err)
{
	if (err == NULL)
		return EX_SOFTWARE;
	fprintf(stderr, "anjian: %s\n", err->message);
	return err->domain == AJ_ERROR && err->code > 0 ? err->code : EX_SOFTWARE;
}

void aj_warn_set_quiet(gboolean quiet)
{
	warnings_quiet = quiet;
}

void aj_warn(const char *fmt, ...)
{
	va_list ap;

	if (warnings_quiet)
		return;
	va_start(ap, fmt);
	fputs(_("anjian: warning: "), stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
