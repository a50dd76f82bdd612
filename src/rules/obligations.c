#include "rules/obligations.h"

#define REVENUE_2000_WAN ((AjFen)2000 * 100)

AjDirectorNeed aj_director_need(const AjEnterprise *e)
{
	switch (aj_industry_info(e->industry)->director_rule) {
	case AJ_DIRECTOR_RULE_A:
		if (e->employees >= 100 || e->revenue >= REVENUE_2000_WAN)
			return AJ_DIRECTOR_REQUIRED;
		break;
	case AJ_DIRECTOR_RULE_B:
		if (e->revenue >= REVENUE_2000_WAN)
			return AJ_DIRECTOR_REQUIRED;
		break;
	case AJ_DIRECTOR_RULE_NONE:
		break;
	}
	return e->scale_above ? AJ_DIRECTOR_ENCOURAGED : AJ_DIRECTOR_NOT_REQUIRED;
}

const char *aj_director_need_code(AjDirectorNeed n)
{
	static const char *const codes[] = { "not-required", "encouraged", "required" };
	return codes[n];
}

gboolean aj_insurance_required(const AjEnterprise *e)
{
	return aj_industry_info(e->industry)->insurance_required;
}

/* A term that has begun by day (and was known by then) and not ended
 * before it; an end date after `known` has not happened yet. */
static gboolean in_span(AjSpan s, AjDay day, AjDay known)
{
	if (s.from > day || s.from > known)
		return FALSE;
	return s.to == AJ_DAY_NONE || s.to >= day || s.to > known;
}

static const AjSpan *span_on(const GArray *a, AjDay day, AjDay known)
{
	for (guint i = 0; a != NULL && i < a->len; i++)
		if (in_span(g_array_index(a, AjSpan, i), day, known))
			return &g_array_index(a, AjSpan, i);
	return NULL;
}

const AjSpan *aj_director_on(const AjEnterprise *e, AjDay day, AjDay known)
{
	return span_on(e->directors, day, known);
}

gboolean aj_director_in_office(const AjEnterprise *e, AjDay day, AjDay known)
{
	return aj_director_on(e, day, known) != NULL;
}

const AjSpan *aj_insurance_on(const AjEnterprise *e, AjDay day, AjDay known)
{
	return span_on(e->insurances, day, known);
}

gboolean aj_insurance_valid(const AjEnterprise *e, AjDay day, AjDay known)
{
	return aj_insurance_on(e, day, known) != NULL;
}

const AjGrade *aj_grade_record_on(const AjEnterprise *e, AjDay day, AjDay known)
{
	const AjGrade *best = NULL;

	for (guint i = 0; e->grades != NULL && i < e->grades->len; i++) {
		const AjGrade *g = &g_array_index(e->grades, AjGrade, i);
		gboolean revoked = g->revoked != AJ_DAY_NONE && g->revoked <= day && g->revoked <= known;
		if (!in_span((AjSpan){ g->from, g->to }, day, known) || revoked)
			continue;
		if (best == NULL || g->grade < best->grade)
			best = g;
	}
	return best;
}

int aj_grade_on(const AjEnterprise *e, AjDay day, AjDay known)
{
	const AjGrade *g = aj_grade_record_on(e, day, known);

	return g != NULL ? g->grade : 0;
}

gboolean aj_grade_valid(const AjEnterprise *e, AjDay day, AjDay known)
{
	return aj_grade_on(e, day, known) != 0;
}

/* The earliest record for year dated on or before day and known. */
static AjDay yearly(const GArray *a, int year, AjDay day, AjDay known)
{
	AjDay best = AJ_DAY_NONE;

	for (guint i = 0; a != NULL && i < a->len; i++) {
		const AjYearly *y = &g_array_index(a, AjYearly, i);
		if (y->year == year && y->date <= day && y->date <= known &&
		    (best == AJ_DAY_NONE || y->date < best))
			best = y->date;
	}
	return best;
}

AjDay aj_commitment_date(const AjEnterprise *e, int year, AjDay day, AjDay known)
{
	return yearly(e->commitments, year, day, known);
}

AjDay aj_self_inspection_date(const AjEnterprise *e, int year, AjDay day, AjDay known)
{
	return yearly(e->self_inspections, year, day, known);
}

gboolean aj_commitment_signed(const AjEnterprise *e, int year, AjDay day, AjDay known)
{
	return aj_commitment_date(e, year, day, known) != AJ_DAY_NONE;
}

gboolean aj_self_inspection_reported(const AjEnterprise *e, int year, AjDay day, AjDay known)
{
	return aj_self_inspection_date(e, year, day, known) != AJ_DAY_NONE;
}

AjDay aj_responsibility_list_date(const AjEnterprise *e, AjDay day, AjDay known)
{
	AjDay best = AJ_DAY_NONE;

	for (guint i = 0; e->responsibility_lists != NULL && i < e->responsibility_lists->len; i++) {
		AjDay d = g_array_index(e->responsibility_lists, AjDay, i);
		if (d <= day && d <= known && d > best)
			best = d;
	}
	return best;
}

gboolean aj_responsibility_list_published(const AjEnterprise *e, AjDay day, AjDay known)
{
	return aj_responsibility_list_date(e, day, known) != AJ_DAY_NONE;
}
