/* The build time: SOURCE_DATE_EPOCH when set, so builds are reproducible. */
#ifndef AJ_EPOCH_H
#define AJ_EPOCH_H

#include <glib.h>

/* Seconds since the epoch from SOURCE_DATE_EPOCH, or -1 when it is unset or
 * not a non-negative integer (callers then fall back to a date of the data,
 * never to the clock, so output stays deterministic). */
gint64 aj_source_date_epoch(void);

#endif
