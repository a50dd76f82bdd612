#include "rules/exemplars.h"

#include "rules/exposed.h"
#include "rules/obligations.h"

AjDaySpan aj_exemplar_window(AjQuarter q)
{
	AjMonth last = aj_quarter_last_month(q);
	return (AjDaySpan){ aj_month_first_day(last - 11), aj_month_last_day(last) };
}

/* A record counts when it is dated in the window and known by as-of. */
static gboolean in_window(AjDaySpan w, AjDay d, AjDay asof)
{
	return aj_span_has(w, d) && d <= asof;
}

static guint record_vetoes(const AjModel *m, guint32 ent, AjDaySpan w, AjDay asof)
{
	AjDay end = w.to;
	guint v = 0;

	for (guint i = 0; i < m->accidents->len && !(v & AJ_VETO(1)); i++) {
		const AjAccident *r = &g_array_index(m->accidents, AjAccident, i);
		if (r->enterprise == ent && in_window(w, r->date, asof))
			v |= AJ_VETO(1);
	}
	for (guint i = 0; i < m->penalties->len && !(v & AJ_VETO(2)); i++) {
		const AjPenalty *r = &g_array_index(m->penalties, AjPenalty, i);
		if (r->enterprise == ent && in_window(w, r->date, asof))
			v |= AJ_VETO(2);
	}
	for (guint i = 0; i < m->hazards->len && !(v & AJ_VETO(3)); i++) {
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, i);
		gboolean open_at_end;
		if (h->enterprise != ent || !h->major || h->found > asof)
			continue;
		open_at_end = h->found <= end &&
			      (h->rectified == AJ_DAY_NONE || h->rectified > end || h->rectified > asof);
		if (in_window(w, h->found, asof) || open_at_end)
			v |= AJ_VETO(3);
	}
	for (guint i = 0; i < m->blacklists->len && !(v & AJ_VETO(4)); i++) {
		const AjBlacklist *b = &g_array_index(m->blacklists, AjBlacklist, i);
		if (b->enterprise == ent && b->from <= w.to && b->from <= asof &&
		    (b->to == AJ_DAY_NONE || b->to >= w.from))
			v |= AJ_VETO(4);
	}
	return v;
}

/* V7: each month of q has a training record with trained >= staff. */
static gboolean trained_every_month(const AjModel *m, guint32 ent, AjQuarter q, AjDay asof)
{
	AjMonth first = aj_quarter_first_month(q);
	gboolean ok[3] = { FALSE, FALSE, FALSE };

	for (guint i = 0; i < m->trainings->len; i++) {
		const AjTraining *t = &g_array_index(m->trainings, AjTraining, i);
		AjMonth k = t->month - first;
		if (t->enterprise != ent || k < 0 || k > 2 || aj_month_first_day(t->month) > asof)
			continue;
		ok[k] = t->trained >= t->staff;
	}
	return ok[0] && ok[1] && ok[2];
}

guint aj_exemplar_vetoes(const AjModel *m, guint32 ent, AjQuarter q, AjDay asof)
{
	const AjEnterprise *e = AJ_ENTERPRISE(m, ent);
	AjDaySpan w = aj_exemplar_window(q);
	AjDay end = w.to;
	guint v = record_vetoes(m, ent, w, asof);

	if (!aj_grade_valid(e, end, asof))
		v |= AJ_VETO(5);
	if (aj_director_need(e) == AJ_DIRECTOR_REQUIRED && !aj_director_in_office(e, end, asof))
		v |= AJ_VETO(6);
	if (!trained_every_month(m, ent, q, asof))
		v |= AJ_VETO(7);
	if (aj_insurance_required(e) && !aj_insurance_valid(e, end, asof))
		v |= AJ_VETO(8);
	if (!aj_commitment_signed(e, aj_quarter_year(q), end, asof))
		v |= AJ_VETO(9);
	if (e->closed)
		v |= AJ_VETO(10);
	return v;
}

static int compare_review(gconstpointer a, gconstpointer b, gpointer model)
{
	const AjReviewRow *ra = a, *rb = b;
	int c = aj_enterprise_order(model, ra->enterprise, rb->enterprise);

	if (c != 0)
		return c;
	return ra->nomination < rb->nomination ? -1 : ra->nomination > rb->nomination;
}

GArray *aj_exemplar_review(const AjModel *m, AjQuarter q, AjDay asof)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(AjReviewRow));

	for (guint32 i = 0; i < m->nominations->len; i++) {
		const AjNomination *n = &g_array_index(m->nominations, AjNomination, i);
		AjReviewRow r = { i, n->enterprise, 0 };
		if (n->quarter != q)
			continue;
		r.vetoes = aj_exemplar_vetoes(m, n->enterprise, q, asof);
		g_array_append_val(out, r);
	}
	g_array_sort_with_data(out, compare_review, (gpointer)m);
	return out;
}

GArray *aj_exemplar_list(const GArray *review)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(guint32));

	for (guint i = 0; i < review->len; i++) {
		const AjReviewRow *r = &g_array_index(review, AjReviewRow, i);
		if (r->vetoes != 0)
			continue;
		if (out->len > 0 && g_array_index(out, guint32, out->len - 1) == r->enterprise)
			continue;
		g_array_append_val(out, r->enterprise);
	}
	return out;
}
