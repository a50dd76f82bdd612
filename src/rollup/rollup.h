/* `anjian rollup`: a province's documents of month M from its cities'
 * build outputs (rollup/shard.h), through the same templates, PDF and
 * site as a city's, into an OUT laid out like a city's.
 *
 * Ownership: the options are the caller's.
 */
#ifndef AJ_ROLLUP_H
#define AJ_ROLLUP_H

#include <glib.h>

#include "model/dates.h"

typedef struct {
	const char *const *from;   /* the cities' OUT directories */
	guint n_from;
	const char *office_path;   /* the province's office profile */
	const char *out_dir;
	AjMonth month;
	int jobs;                  /* rendering threads; <= 0: cores */
	const char *templates_dir; /* NULL: as anjian build finds them */
	const char *site_url;
	gboolean quiet, force, progress;
} AjRollupOptions;

/* Refuses (EX_DATAERR) a city not built for M, a city given twice, cities
 * of different as-of dates and a city whose files do not match their
 * sha256; EX_NOINPUT for a directory that is no finished build. */
gboolean aj_rollup_run(const AjRollupOptions *o, GError **err);

#endif
