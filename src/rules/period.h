/* Periods of documents.md "Periods and counting": the month M and its YTD
 * span, clipped to the as-of date; the same days one year earlier; which
 * months the records cover; and the four year-on-year figures of a span,
 * taken from records for covered months and from <baseline> otherwise.
 *
 * Pure functions of the model: nothing here writes files or keeps state.
 * Ownership: aj_coverage_new() returns a table the caller frees with
 * aj_coverage_free(); aj_core_figures() fills caller-provided memory.
 */
#ifndef AJ_RULES_PERIOD_H
#define AJ_RULES_PERIOD_H

#include "model/model.h"

/* Inclusive day range; empty when from > to. */
typedef struct {
	AjDay from, to;
} AjDaySpan;

typedef struct {
	AjMonth month;
	AjDay asof;     /* last day of M unless --as-of */
	AjDaySpan m;    /* first day of M .. min(last day of M, as-of) */
	AjDaySpan ytd;  /* 1 January .. min(last day of M, as-of) */
} AjPeriod;

/* asof = AJ_DAY_NONE means the last day of M.  Returns FALSE when asof is
 * before the first day of M (no day of M would count). */
gboolean aj_period_init(AjPeriod *p, AjMonth month, AjDay asof);

gboolean aj_span_has(AjDaySpan s, AjDay d);
/* The same days one year earlier (29 February maps to 28 February); a span
 * ending on the last day of a month ends on the last day of that month a
 * year earlier (a whole February 2025 compares with all of February 2024). */
AjDaySpan aj_span_prev_year(AjDaySpan s);
/* TRUE when M is the last month of a quarter. */
gboolean aj_period_ends_quarter(const AjPeriod *p);

/* Months that hold an inspection, penalty or accident dated on or before
 * as-of, anywhere in the city. */
typedef struct AjCoverage AjCoverage;
AjCoverage *aj_coverage_new(const AjModel *model, AjDay asof);
gboolean aj_coverage_has(const AjCoverage *c, AjMonth m);
void aj_coverage_free(AjCoverage *c);
/* Warns (aj_warn) once per <baseline> whose month is covered: it is ignored. */
void aj_coverage_warn_baselines(const AjModel *model, const AjCoverage *c);

/* The figures that year-on-year compares (and fines, for completeness). */
typedef struct {
	gint64 inspections, penalties, accidents, deaths;
	AjFen fines;
	gboolean comparable; /* FALSE: an uncovered month without baseline */
} AjCoreFigures;

/* Figures of span per district (out[i] for model district i) and for the
 * city (out[n_districts]); out has n_districts + 1 entries.  Records dated
 * after asof never count.  With baselines = TRUE an uncovered month of the
 * span is taken whole from the district's <baseline> (not comparable when it
 * has none); with FALSE only records count (the current period). */
void aj_core_figures(const AjModel *model, const AjCoverage *c, AjDaySpan span, AjDay asof,
		     gboolean baselines, AjCoreFigures *out);
/* Adds f to t; t stays comparable only when both are (start from
 * comparable zeros: a sum of parts, such as cities in a province). */
void aj_core_figures_add(AjCoreFigures *t, const AjCoreFigures *f);

#endif
