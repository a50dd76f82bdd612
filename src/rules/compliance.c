#include "rules/compliance.h"

#include "rules/obligations.h"

void aj_compliance_add(AjComplianceRow *t, const AjComplianceRow *r)
{
	t->enterprises += r->enterprises;
	t->commitment += r->commitment;
	t->self_inspection += r->self_inspection;
	t->responsibility_list += r->responsibility_list;
	t->director_required += r->director_required;
	t->director_present += r->director_present;
	t->standardized += r->standardized;
	t->insurance_required += r->insurance_required;
	t->insurance_valid += r->insurance_valid;
	t->staff += r->staff;
	t->trained += r->trained;
}

void aj_compliance_compute(const AjModel *m, const AjPeriod *p, AjComplianceRow *out)
{
	guint n = m->districts->len;
	AjDay day = p->asof;
	int year = 0;

	aj_day_ymd(day, &year, &(int){ 0 }, &(int){ 0 });
	for (guint i = 0; i <= n; i++)
		out[i] = (AjComplianceRow){ 0 };
	for (guint i = 0; i < m->enterprises->len; i++) {
		const AjEnterprise *e = AJ_ENTERPRISE(m, i);
		AjComplianceRow *r = &out[e->district];
		gboolean required;
		if (e->closed)
			continue;
		r->enterprises++;
		r->commitment += aj_commitment_signed(e, year, day, day);
		r->self_inspection += aj_self_inspection_reported(e, year, day, day);
		r->responsibility_list += aj_responsibility_list_published(e, day, day);
		required = aj_director_need(e) == AJ_DIRECTOR_REQUIRED;
		r->director_required += required;
		r->director_present += required && aj_director_in_office(e, day, day);
		r->standardized += aj_grade_valid(e, day, day);
		required = aj_insurance_required(e);
		r->insurance_required += required;
		r->insurance_valid += required && aj_insurance_valid(e, day, day);
	}
	for (guint i = 0; i < m->trainings->len; i++) {
		const AjTraining *t = &g_array_index(m->trainings, AjTraining, i);
		const AjEnterprise *e = AJ_ENTERPRISE(m, t->enterprise);
		if (e->closed || t->month != p->month)
			continue;
		out[e->district].staff += t->staff;
		out[e->district].trained += t->trained;
	}
	for (guint d = 0; d < n; d++)
		aj_compliance_add(&out[n], &out[d]);
}
