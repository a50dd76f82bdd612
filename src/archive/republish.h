/* `anjian site --archive ARCHIVE`: ARCHIVE/site written again from the
 * register, e.g. after the site layouts or the profile's site.url changed,
 * in one change of the archive (archive/tree.h).  The profile is office
 * when given, else ARCHIVE/office.yml (issue keeps the latest there).
 *
 * Ownership: arguments are the caller's.
 */
#ifndef AJ_ARCHIVE_REPUBLISH_H
#define AJ_ARCHIVE_REPUBLISH_H

#include <glib.h>

gboolean aj_archive_republish(const char *archive, const char *office,
			      const char *templates_dir, gboolean quiet, GError **err);

/* The site layouts: templates_dir/site, else the installed ones, found as
 * build finds them (templates_dir NULL: ./templates, else installed); NULL
 * with EX_NOINPUT when there is none: an archive's site needs its layouts.
 * The caller frees it. */
char *aj_archive_layouts(const char *templates_dir, GError **err);

#endif
