#include "rules/bulletin.h"

const char *aj_yoy_key(int indicator)
{
	static const char *const keys[] = { "inspections", "penalties", "accidents", "deaths" };
	return keys[indicator];
}

const char *aj_target_code(AjTarget t)
{
	static const char *const codes[] = { "unknown", "met", "missed" };
	return codes[t];
}

gboolean aj_report_late(const AjReport *r, AjDay asof)
{
	gboolean replied = r->replied != AJ_DAY_NONE && r->replied <= asof;

	if (replied)
		return r->replied > r->deadline;
	return r->deadline < asof;
}

static AjBulletinRow *row_of(AjBulletin *b, const AjModel *m, guint32 ent)
{
	return &b->rows[AJ_ENTERPRISE(m, ent)->district];
}

static void count_records(AjBulletin *b, const AjModel *m, const AjPeriod *p)
{
	AjDay asof = p->asof;

	for (guint i = 0; i < m->inspections->len; i++) {
		const AjInspection *r = &g_array_index(m->inspections, AjInspection, i);
		AjBulletinRow *row = row_of(b, m, r->enterprise);
		row->inspections += aj_span_has(p->m, r->date);
		row->inspections_ytd += aj_span_has(p->ytd, r->date);
	}
	for (guint i = 0; i < m->penalties->len; i++) {
		const AjPenalty *r = &g_array_index(m->penalties, AjPenalty, i);
		AjBulletinRow *row = row_of(b, m, r->enterprise);
		row->penalties_ytd += aj_span_has(p->ytd, r->date);
		if (aj_span_has(p->m, r->date)) {
			row->penalties++;
			row->fines += r->fine;
			row->suspensions += r->suspension;
		}
	}
	for (guint i = 0; i < m->accidents->len; i++) {
		const AjAccident *r = &g_array_index(m->accidents, AjAccident, i);
		AjBulletinRow *row = row_of(b, m, r->enterprise);
		if (aj_span_has(p->m, r->date)) {
			row->accidents++;
			row->deaths += r->deaths;
		}
		if (aj_span_has(p->ytd, r->date)) {
			row->accidents_ytd++;
			row->deaths_ytd += r->deaths;
		}
	}
	for (guint i = 0; i < m->hazards->len; i++) {
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, i);
		AjBulletinRow *row = row_of(b, m, h->enterprise);
		gboolean open = h->found <= asof && (h->rectified == AJ_DAY_NONE || h->rectified > asof);
		if (!h->major)
			continue;
		row->major_hazards_found += aj_span_has(p->m, h->found);
		row->major_hazards_open += open;
		row->major_hazards_overdue += open && h->deadline < asof;
	}
	for (guint i = 0; i < m->reports->len; i++) {
		const AjReport *r = &g_array_index(m->reports, AjReport, i);
		AjBulletinRow *row = r->enterprise == AJ_NONE ? &b->rows[b->n_districts]
							       : row_of(b, m, r->enterprise);
		row->reports += aj_span_has(p->m, r->received);
		row->reports_late += aj_span_has(p->ytd, r->received) && aj_report_late(r, asof);
	}
}

void aj_bulletin_row_add(AjBulletinRow *t, const AjBulletinRow *r)
{
	t->inspections += r->inspections;
	t->inspections_ytd += r->inspections_ytd;
	t->penalties += r->penalties;
	t->penalties_ytd += r->penalties_ytd;
	t->fines += r->fines;
	t->suspensions += r->suspensions;
	t->accidents += r->accidents;
	t->accidents_ytd += r->accidents_ytd;
	t->deaths += r->deaths;
	t->deaths_ytd += r->deaths_ytd;
	t->major_hazards_found += r->major_hazards_found;
	t->major_hazards_open += r->major_hazards_open;
	t->major_hazards_overdue += r->major_hazards_overdue;
	t->reports += r->reports;
	t->reports_late += r->reports_late;
}

static AjPercent change(gint64 cur, const AjCoreFigures *prior, gint64 prev)
{
	if (!prior->comparable)
		return (AjPercent){ FALSE, 0 };
	return aj_percent_change(cur, prev);
}

static void year_on_year(AjBulletinRow *r)
{
	r->yoy[AJ_YOY_INSPECTIONS] = change(r->inspections, &r->prior, r->prior.inspections);
	r->yoy[AJ_YOY_PENALTIES] = change(r->penalties, &r->prior, r->prior.penalties);
	r->yoy[AJ_YOY_ACCIDENTS] = change(r->accidents, &r->prior, r->prior.accidents);
	r->yoy[AJ_YOY_DEATHS] = change(r->deaths, &r->prior, r->prior.deaths);
	r->ytd_yoy[AJ_YOY_INSPECTIONS] =
		change(r->inspections_ytd, &r->prior_ytd, r->prior_ytd.inspections);
	r->ytd_yoy[AJ_YOY_PENALTIES] = change(r->penalties_ytd, &r->prior_ytd, r->prior_ytd.penalties);
	r->ytd_yoy[AJ_YOY_ACCIDENTS] = change(r->accidents_ytd, &r->prior_ytd, r->prior_ytd.accidents);
	r->ytd_yoy[AJ_YOY_DEATHS] = change(r->deaths_ytd, &r->prior_ytd, r->prior_ytd.deaths);
}

AjTarget aj_target_judge(const AjBulletinRow *r, guint *failing)
{
	const AjCoreFigures *q = &r->prior_ytd;
	guint f = 0;

	*failing = 0;
	if (!q->comparable)
		return AJ_TARGET_UNKNOWN;
	if (!(r->inspections_ytd > q->inspections))
		f |= 1u << AJ_YOY_INSPECTIONS;
	if (!(r->penalties_ytd > q->penalties))
		f |= 1u << AJ_YOY_PENALTIES;
	if (!(r->accidents_ytd < q->accidents || (r->accidents_ytd == 0 && q->accidents == 0)))
		f |= 1u << AJ_YOY_ACCIDENTS;
	if (!(r->deaths_ytd < q->deaths || (r->deaths_ytd == 0 && q->deaths == 0)))
		f |= 1u << AJ_YOY_DEATHS;
	*failing = f;
	return f == 0 ? AJ_TARGET_MET : AJ_TARGET_MISSED;
}

void aj_bulletin_row_judge(AjBulletinRow *r)
{
	year_on_year(r);
	r->target = aj_target_judge(r, &r->failing);
}

AjBulletin *aj_bulletin_compute(const AjModel *m, const AjPeriod *p, const AjCoverage *c)
{
	AjBulletin *b = g_new0(AjBulletin, 1);
	guint n = m->districts->len;
	AjCoreFigures *prior = g_new0(AjCoreFigures, n + 1);
	AjCoreFigures *prior_ytd = g_new0(AjCoreFigures, n + 1);

	b->n_districts = n;
	b->rows = g_new0(AjBulletinRow, n + 1);
	count_records(b, m, p);
	for (guint d = 0; d < n; d++)
		aj_bulletin_row_add(&b->rows[n], &b->rows[d]);
	aj_core_figures(m, c, aj_span_prev_year(p->m), p->asof, TRUE, prior);
	aj_core_figures(m, c, aj_span_prev_year(p->ytd), p->asof, TRUE, prior_ytd);
	for (guint d = 0; d <= n; d++) {
		AjBulletinRow *r = &b->rows[d];
		r->prior = prior[d];
		r->prior_ytd = prior_ytd[d];
		aj_bulletin_row_judge(r);
	}
	g_free(prior);
	g_free(prior_ytd);
	return b;
}

void aj_bulletin_free(AjBulletin *b)
{
	if (b == NULL)
		return;
	g_free(b->rows);
	g_free(b);
}

void aj_trend_compute(const AjModel *m, const AjPeriod *p, const AjCoverage *c,
		      AjTrendMonth out[12])
{
	guint n = m->districts->len;
	AjCoreFigures *f = g_new0(AjCoreFigures, n + 1);

	for (int i = 0; i < 12; i++) {
		AjMonth mo = p->month - 11 + i;
		AjDaySpan span = { aj_month_first_day(mo), MIN(aj_month_last_day(mo), p->asof) };
		aj_core_figures(m, c, span, p->asof, TRUE, f);
		out[i] = (AjTrendMonth){ mo, f[n].comparable, f[n].accidents, f[n].deaths };
	}
	g_free(f);
}
