/* The OFD package: its parts zipped with libzip, deflated, in the order
 * given, every entry dated the same (a DOS date and time in UTC, so the
 * bytes depend on neither the clock nor the time zone).
 *
 * Ownership: the parts stay the caller's; *out is the caller's
 * (g_bytes_unref()).
 */
#ifndef AJ_OFD_ZIP_H
#define AJ_OFD_ZIP_H

#include <glib.h>

#include "ofd/state.h"

/* mtime: seconds since the epoch for every entry. */
gboolean aj_ofd_zip(GPtrArray *parts, gint64 mtime, GBytes **out, GError **err);

#endif
