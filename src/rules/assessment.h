/* The annual assessment (考核, README "Assessment"): for a year, the raw
 * value of every indicator per district and for the whole area, and the
 * rule that turns the indicators an office chose, with its weights, into
 * points, a total and a rank.
 *
 * Raw values are kept as a part and a whole (a rate) or a count, never as
 * a rounded percentage, so that a province can add cities' values up and
 * score them with its own weights (the shard contract).
 *
 * Everything is in integers: points in hundredths of a point, rounded half
 * away from zero once per indicator; the total is the sum of the rounded
 * points, so the printed figures add up.
 *
 * Ownership: nothing here allocates except aj_assessment_compute(), whose
 * rows the caller frees with g_free().
 */
#ifndef AJ_RULES_ASSESSMENT_H
#define AJ_RULES_ASSESSMENT_H

#include "rules/bulletin.h"

typedef enum {
	AJ_INDICATOR_TARGET_MONTHS,       /* months whose YTD met 两增两降 */
	AJ_INDICATOR_COMMITMENT,          /* commitment signed for the year */
	AJ_INDICATOR_SELF_INSPECTION,     /* self-inspection reported for the year */
	AJ_INDICATOR_RESPONSIBILITY_LIST, /* responsibility list published */
	AJ_INDICATOR_DIRECTOR,            /* safety director present among required */
	AJ_INDICATOR_STANDARDIZED,        /* valid standardization grade */
	AJ_INDICATOR_INSURANCE,           /* valid liability insurance among required */
	AJ_INDICATOR_TRAINING,            /* trained over staff, the year's records */
	AJ_INDICATOR_HAZARDS_OVERDUE,     /* major hazards overdue at as-of */
	AJ_INDICATOR_PROBLEMS_OVERDUE,    /* rectification problems overdue at as-of */
	AJ_INDICATOR_REPORTS_LATE,        /* reports of the year late at as-of */
	AJ_INDICATOR_EXPOSURES,           /* rows of the year's exposed lists */
	AJ_INDICATOR_COUNT
} AjIndicator;

/* How an indicator scores: a rate earns its share of the weight; a count
 * loses `deduct` per item, down to zero. */
typedef enum { AJ_SCORE_RATE, AJ_SCORE_DEDUCT } AjScoreKind;

/* "target-months", "commitment", … (the profile's keys). */
const char *aj_indicator_key(AjIndicator i);
gboolean aj_indicator_parse(const char *key, AjIndicator *out);
AjScoreKind aj_indicator_kind(AjIndicator i);

/* Rate: part of whole.  Count: part items (whole is 0). */
typedef struct {
	gint64 part, whole;
} AjIndicatorValue;

/* One chosen indicator of the rule. */
typedef struct {
	AjIndicator indicator;
	gint64 weight; /* hundredths of a point */
	gint64 deduct; /* hundredths of a point per item (counts only) */
} AjWeighted;

/* The office's rule: the indicators it chose, in its order. */
typedef struct {
	guint n;
	AjWeighted items[AJ_INDICATOR_COUNT];
} AjAssessmentRule;

/* The rule used when the profile chooses none (README "Assessment"). */
void aj_assessment_rule_default(AjAssessmentRule *rule);
/* The sum of the weights, hundredths: the most points a unit can get. */
gint64 aj_assessment_rule_max(const AjAssessmentRule *rule);

/* One month's 两增两降 of a unit: YTD figures against the prior YTD. */
typedef struct {
	AjMonth month;
	gint64 ytd[AJ_YOY_COUNT]; /* inspections, penalties, accidents, deaths */
	AjCoreFigures prior_ytd;
	AjTarget target;
} AjTargetMonth;

typedef struct {
	AjIndicatorValue value[AJ_INDICATOR_COUNT];
	guint n_months;           /* January to the month of as-of */
	AjTargetMonth months[12];
	gint64 points[AJ_INDICATOR_COUNT]; /* hundredths; 0 for indicators not chosen */
	gint64 total;             /* sum of points */
	guint rank;               /* 1 = best; equal totals share a rank */
} AjAssessmentRow;

/* Points of one value under one weighted indicator (hundredths). */
gint64 aj_indicator_points(const AjWeighted *w, AjIndicatorValue v);
/* Judges each month (aj_target_judge) and sets target-months from them. */
void aj_assessment_judge_months(AjAssessmentRow *row);
/* Adds b's values and monthly figures to a (a sum of units: a province of
 * cities); call aj_assessment_judge_months() on a afterwards. */
void aj_assessment_add(AjAssessmentRow *a, const AjAssessmentRow *b);
/* Points, totals and ranks of n rows under rule. */
void aj_assessment_score(const AjAssessmentRule *rule, AjAssessmentRow *rows, guint n);

/* Raw values of every indicator for the year of p->month, from January to
 * p->month, as of p->asof: n_districts + 1 rows, model district order, then
 * the whole area (which includes reports without an enterprise and every
 * problem).  Rows are not scored.  The caller frees the array. */
AjAssessmentRow *aj_assessment_compute(const AjModel *model, const AjPeriod *p);

#endif
