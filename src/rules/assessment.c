#include "rules/assessment.h"

#include <string.h>

#include "rules/compliance.h"
#include "rules/exposed.h"
#include "rules/rectification.h"

static const char *const keys[AJ_INDICATOR_COUNT] = {
	"target-months", "commitment",	    "self-inspection",	"responsibility-list",
	"director",	 "standardized",    "insurance",	"training",
	"hazards-overdue", "problems-overdue", "reports-late", "exposures",
};

const char *aj_indicator_key(AjIndicator i)
{
	return keys[i];
}

gboolean aj_indicator_parse(const char *key, AjIndicator *out)
{
	for (int i = 0; i < AJ_INDICATOR_COUNT; i++)
		if (strcmp(key, keys[i]) == 0) {
			*out = (AjIndicator)i;
			return TRUE;
		}
	return FALSE;
}

AjScoreKind aj_indicator_kind(AjIndicator i)
{
	return i >= AJ_INDICATOR_HAZARDS_OVERDUE ? AJ_SCORE_DEDUCT : AJ_SCORE_RATE;
}

void aj_assessment_rule_default(AjAssessmentRule *rule)
{
	/* 100 points: the target 20, each rate 8, the counts 24 between them. */
	static const AjWeighted items[] = {
		{ AJ_INDICATOR_TARGET_MONTHS, 2000, 0 },   { AJ_INDICATOR_COMMITMENT, 800, 0 },
		{ AJ_INDICATOR_SELF_INSPECTION, 800, 0 },  { AJ_INDICATOR_RESPONSIBILITY_LIST, 800, 0 },
		{ AJ_INDICATOR_DIRECTOR, 800, 0 },	   { AJ_INDICATOR_STANDARDIZED, 800, 0 },
		{ AJ_INDICATOR_INSURANCE, 800, 0 },	   { AJ_INDICATOR_TRAINING, 800, 0 },
		{ AJ_INDICATOR_HAZARDS_OVERDUE, 800, 100 }, { AJ_INDICATOR_PROBLEMS_OVERDUE, 400, 100 },
		{ AJ_INDICATOR_REPORTS_LATE, 400, 50 },	   { AJ_INDICATOR_EXPOSURES, 800, 50 },
	};

	rule->n = G_N_ELEMENTS(items);
	memcpy(rule->items, items, sizeof items);
}

gint64 aj_assessment_rule_max(const AjAssessmentRule *rule)
{
	gint64 sum = 0;

	for (guint i = 0; i < rule->n; i++)
		sum += rule->items[i].weight;
	return sum;
}

gint64 aj_indicator_points(const AjWeighted *w, AjIndicatorValue v)
{
	if (aj_indicator_kind(w->indicator) == AJ_SCORE_DEDUCT)
		return MAX(0, w->weight - w->deduct * v.part);
	/* Nothing required (no enterprise needs a director, say) is not a
	 * failure to meet it. */
	if (v.whole == 0)
		return w->weight;
	return aj_div_round(w->weight * v.part, v.whole);
}

void aj_assessment_judge_months(AjAssessmentRow *row)
{
	gint64 met = 0;

	for (guint k = 0; k < row->n_months; k++) {
		AjTargetMonth *t = &row->months[k];
		AjBulletinRow r = { .inspections_ytd = t->ytd[AJ_YOY_INSPECTIONS],
				    .penalties_ytd = t->ytd[AJ_YOY_PENALTIES],
				    .accidents_ytd = t->ytd[AJ_YOY_ACCIDENTS],
				    .deaths_ytd = t->ytd[AJ_YOY_DEATHS],
				    .prior_ytd = t->prior_ytd };
		guint failing;
		t->target = aj_target_judge(&r, &failing);
		met += t->target == AJ_TARGET_MET;
	}
	row->value[AJ_INDICATOR_TARGET_MONTHS] = (AjIndicatorValue){ met, row->n_months };
}

void aj_assessment_add(AjAssessmentRow *a, const AjAssessmentRow *b)
{
	for (int i = 0; i < AJ_INDICATOR_COUNT; i++) {
		a->value[i].part += b->value[i].part;
		a->value[i].whole += b->value[i].whole;
	}
	if (a->n_months == 0) {
		a->n_months = b->n_months;
		for (guint k = 0; k < b->n_months; k++)
			a->months[k] = (AjTargetMonth){ .month = b->months[k].month,
							.prior_ytd = { .comparable = TRUE } };
	}
	for (guint k = 0; k < MIN(a->n_months, b->n_months); k++) {
		AjTargetMonth *t = &a->months[k];
		const AjTargetMonth *u = &b->months[k];
		for (int i = 0; i < AJ_YOY_COUNT; i++)
			t->ytd[i] += u->ytd[i];
		aj_core_figures_add(&t->prior_ytd, &u->prior_ytd);
	}
}

void aj_assessment_score(const AjAssessmentRule *rule, AjAssessmentRow *rows, guint n)
{
	for (guint r = 0; r < n; r++) {
		rows[r].total = 0;
		memset(rows[r].points, 0, sizeof rows[r].points);
		for (guint i = 0; i < rule->n; i++) {
			const AjWeighted *w = &rule->items[i];
			rows[r].points[w->indicator] = aj_indicator_points(w, rows[r].value[w->indicator]);
			rows[r].total += rows[r].points[w->indicator];
		}
	}
	/* Competition ranking: 1, 2, 2, 4. */
	for (guint r = 0; r < n; r++) {
		rows[r].rank = 1;
		for (guint s = 0; s < n; s++)
			rows[r].rank += rows[s].total > rows[r].total;
	}
}

/* The figures of one month's bulletin that the assessment keeps. */
static void take_month(AjAssessmentRow *row, guint k, AjMonth mo, const AjBulletinRow *b)
{
	row->months[k] = (AjTargetMonth){ .month = mo,
					  .ytd = { b->inspections_ytd, b->penalties_ytd,
						   b->accidents_ytd, b->deaths_ytd },
					  .prior_ytd = b->prior_ytd };
}

static void count_exposures(const AjModel *m, const AjPeriod *pm, AjAssessmentRow *rows, guint n)
{
	GArray *list = aj_exposed_list(m, pm);

	for (guint i = 0; i < list->len; i++) {
		guint32 ent = g_array_index(list, AjExposedRow, i).enterprise;
		rows[AJ_ENTERPRISE(m, ent)->district].value[AJ_INDICATOR_EXPOSURES].part++;
		rows[n].value[AJ_INDICATOR_EXPOSURES].part++;
	}
	aj_exposed_list_free(list);
}

/* Each month from January: its bulletin as of its last day (as-of in the
 * last month) for 两增两降 and its exposed list; the last month's bulletin
 * gives the counts judged at as-of. */
static void monthly(const AjModel *m, const AjPeriod *p, AjAssessmentRow *rows, guint n)
{
	AjMonth jan = p->month - (aj_month_number(p->month) - 1);

	for (AjMonth mo = jan; mo <= p->month; mo++) {
		guint k = (guint)(mo - jan);
		AjPeriod pm;
		AjCoverage *c;
		AjBulletin *b;

		aj_period_init(&pm, mo, mo == p->month ? p->asof : aj_month_last_day(mo));
		c = aj_coverage_new(m, pm.asof);
		b = aj_bulletin_compute(m, &pm, c);
		for (guint d = 0; d <= n; d++) {
			rows[d].n_months = k + 1;
			take_month(&rows[d], k, mo, &b->rows[d]);
			if (mo == p->month) {
				rows[d].value[AJ_INDICATOR_HAZARDS_OVERDUE].part =
					b->rows[d].major_hazards_overdue;
				rows[d].value[AJ_INDICATOR_REPORTS_LATE].part = b->rows[d].reports_late;
			}
		}
		count_exposures(m, &pm, rows, n);
		aj_bulletin_free(b);
		aj_coverage_free(c);
	}
}

static void rates(const AjModel *m, const AjPeriod *p, AjAssessmentRow *rows, guint n)
{
	AjComplianceRow *comp = g_new0(AjComplianceRow, n + 1);
	AjMonth jan = p->month - (aj_month_number(p->month) - 1);

	aj_compliance_compute(m, p, comp);
	for (guint d = 0; d <= n; d++) {
		const AjComplianceRow *c = &comp[d];
		AjIndicatorValue *v = rows[d].value;
		v[AJ_INDICATOR_COMMITMENT] = (AjIndicatorValue){ c->commitment, c->enterprises };
		v[AJ_INDICATOR_SELF_INSPECTION] =
			(AjIndicatorValue){ c->self_inspection, c->enterprises };
		v[AJ_INDICATOR_RESPONSIBILITY_LIST] =
			(AjIndicatorValue){ c->responsibility_list, c->enterprises };
		v[AJ_INDICATOR_DIRECTOR] =
			(AjIndicatorValue){ c->director_present, c->director_required };
		v[AJ_INDICATOR_STANDARDIZED] = (AjIndicatorValue){ c->standardized, c->enterprises };
		v[AJ_INDICATOR_INSURANCE] =
			(AjIndicatorValue){ c->insurance_valid, c->insurance_required };
	}
	/* Training over the year, not one month: every record of January to M
	 * of an active enterprise. */
	for (guint i = 0; i < m->trainings->len; i++) {
		const AjTraining *t = &g_array_index(m->trainings, AjTraining, i);
		const AjEnterprise *e = AJ_ENTERPRISE(m, t->enterprise);
		if (e->closed || t->month < jan || t->month > p->month)
			continue;
		rows[e->district].value[AJ_INDICATOR_TRAINING].part += t->trained;
		rows[e->district].value[AJ_INDICATOR_TRAINING].whole += t->staff;
		rows[n].value[AJ_INDICATOR_TRAINING].part += t->trained;
		rows[n].value[AJ_INDICATOR_TRAINING].whole += t->staff;
	}
	g_free(comp);
}

/* A problem belongs to every district its responsible unit names (its
 * text contains the district's name); the whole area has them all. */
static void problems(const AjModel *m, AjDay asof, AjAssessmentRow *rows, guint n)
{
	GArray *due = aj_problem_lists_due(m, asof);

	for (guint l = 0; l < due->len; l++) {
		const AjProblemList *list =
			&g_array_index(m->problem_lists, AjProblemList, g_array_index(due, guint32, l));
		AjRectSummary sum;
		GArray *prob = aj_rectification_rows(list, asof, &sum);
		for (guint i = 0; i < prob->len; i++) {
			const AjRectRow *r = &g_array_index(prob, AjRectRow, i);
			if (!r->overdue)
				continue;
			rows[n].value[AJ_INDICATOR_PROBLEMS_OVERDUE].part++;
			for (guint d = 0; d < n; d++)
				if (strstr(r->problem->responsible, AJ_DISTRICT(m, d)->name) != NULL)
					rows[d].value[AJ_INDICATOR_PROBLEMS_OVERDUE].part++;
		}
		g_array_free(prob, TRUE);
	}
	g_array_free(due, TRUE);
}

AjAssessmentRow *aj_assessment_compute(const AjModel *m, const AjPeriod *p)
{
	guint n = m->districts->len;
	AjAssessmentRow *rows = g_new0(AjAssessmentRow, n + 1);

	monthly(m, p, rows, n);
	rates(m, p, rows, n);
	problems(m, p->asof, rows, n);
	for (guint d = 0; d <= n; d++)
		aj_assessment_judge_months(&rows[d]);
	return rows;
}
