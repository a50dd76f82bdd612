/* Section 1 of documents.md: the monthly bulletin's figures per district
 * and for the city, year-on-year changes, the 两增两降 target, and the
 * 12-month city trend of accidents and deaths for the chart.
 *
 * Ownership: aj_bulletin_compute() returns a bulletin the caller frees with
 * aj_bulletin_free().
 */
#ifndef AJ_RULES_BULLETIN_H
#define AJ_RULES_BULLETIN_H

#include "rules/percent.h"
#include "rules/period.h"

/* The four indicators of 两增两降, in this order everywhere. */
enum { AJ_YOY_INSPECTIONS, AJ_YOY_PENALTIES, AJ_YOY_ACCIDENTS, AJ_YOY_DEATHS, AJ_YOY_COUNT };
/* "inspections", "penalties", "accidents", "deaths". */
const char *aj_yoy_key(int indicator);

typedef enum { AJ_TARGET_UNKNOWN, AJ_TARGET_MET, AJ_TARGET_MISSED } AjTarget;
const char *aj_target_code(AjTarget t); /* "unknown", "met", "missed" */

typedef struct {
	gint64 inspections, inspections_ytd;
	gint64 penalties, penalties_ytd;
	AjFen fines;
	gint64 suspensions;
	gint64 accidents, accidents_ytd;
	gint64 deaths, deaths_ytd;
	gint64 major_hazards_found, major_hazards_open, major_hazards_overdue;
	gint64 reports, reports_late;
	AjCoreFigures prior, prior_ytd; /* same span one year earlier */
	AjPercent yoy[AJ_YOY_COUNT], ytd_yoy[AJ_YOY_COUNT];
	AjTarget target;
	guint failing; /* bit (1 << indicator) per indicator that misses */
} AjBulletinRow;

typedef struct {
	guint n_districts;
	AjBulletinRow *rows; /* n_districts + 1: model district order, then the city */
} AjBulletin;

typedef struct {
	AjMonth month;
	gboolean known; /* FALSE: uncovered and some district has no baseline */
	gint64 accidents, deaths;
} AjTrendMonth;

AjBulletin *aj_bulletin_compute(const AjModel *model, const AjPeriod *p, const AjCoverage *c);
void aj_bulletin_free(AjBulletin *b);
/* 两增两降 of one district from its YTD and prior YTD figures. */
AjTarget aj_target_judge(const AjBulletinRow *r, guint *failing);
/* Adds r's figures of M and YTD to t (not the prior ones, not yoy). */
void aj_bulletin_row_add(AjBulletinRow *t, const AjBulletinRow *r);
/* Sets a row's year-on-year changes and 两增两降 from its figures and its
 * prior ones: the rule of a district, for any unit (a city in a province). */
void aj_bulletin_row_judge(AjBulletinRow *r);
/* The 12 months ending at M, oldest first. */
void aj_trend_compute(const AjModel *model, const AjPeriod *p, const AjCoverage *c,
		      AjTrendMonth out[12]);
/* A report received on or before as-of that is late at as-of. */
gboolean aj_report_late(const AjReport *r, AjDay asof);

#endif
