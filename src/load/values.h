/* Attribute values of data-format.md, parsed strictly.
 *
 * The embedded schema carries no pattern facets (see mk/loader.mk), so these
 * are where formats are enforced.  On a bad value each records an error
 * "path:line: ELEM ATTR 'VALUE' is not …; write …" in the loader and
 * returns FALSE, leaving *out unchanged.  Nothing is allocated except the
 * interned strings, which the model owns.
 */
#ifndef AJ_LOAD_VALUES_H
#define AJ_LOAD_VALUES_H

#include "load/loader.h"

typedef struct {
	AjLoader *l;
	guint line;
	const char *elem; /* element name, for messages */
} AjValueCtx;

/* aj_day_parse() without GDate: the loader parses millions of dates. */
gboolean aj_load_parse_day(const char *s, AjDay *out);

gboolean aj_value_day(const AjValueCtx *c, const char *attr, const char *v, AjDay *out);
gboolean aj_value_month(const AjValueCtx *c, const char *attr, const char *v, AjMonth *out);
gboolean aj_value_quarter(const AjValueCtx *c, const char *attr, const char *v, AjQuarter *out);
gboolean aj_value_year(const AjValueCtx *c, const char *attr, const char *v, guint16 *out);
gboolean aj_value_count(const AjValueCtx *c, const char *attr, const char *v, guint32 *out);
/* Yuan (or 万元) with at most two decimals, into hundredths. */
gboolean aj_value_money(const AjValueCtx *c, const char *attr, const char *v, AjFen *out);
gboolean aj_value_bool(const AjValueCtx *c, const char *attr, const char *v, gboolean *out);
/* Six digits. */
gboolean aj_value_district_code(const AjValueCtx *c, const char *attr, const char *v);
/* At least one non-blank character; returns the interned value or NULL. */
const char *aj_value_label(const AjValueCtx *c, const char *attr, const char *v);
/* At least one non-blank character. */
gboolean aj_value_nonblank(const AjValueCtx *c, const char *attr, const char *v);
/* ASCII printable, no leading/trailing blank (accident type). */
gboolean aj_value_ascii(const AjValueCtx *c, const char *attr, const char *v);

#endif
