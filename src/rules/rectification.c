#include "rules/rectification.h"

#include <string.h>

#include "rules/exposed.h"

const char *aj_problem_status_code(AjProblemStatus s)
{
	static const char *const codes[] = { "done", "in-progress", "long-term" };
	return codes[s];
}

static int compare_lists(gconstpointer a, gconstpointer b, gpointer model)
{
	const AjModel *m = model;
	const AjProblemList *la = &g_array_index(m->problem_lists, AjProblemList, *(const guint32 *)a);
	const AjProblemList *lb = &g_array_index(m->problem_lists, AjProblemList, *(const guint32 *)b);

	if (la->issued != lb->issued)
		return la->issued < lb->issued ? -1 : 1;
	return strcmp(la->id, lb->id);
}

GArray *aj_problem_lists_due(const AjModel *m, AjDay asof)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(guint32));

	for (guint32 i = 0; i < m->problem_lists->len; i++)
		if (g_array_index(m->problem_lists, AjProblemList, i).issued <= asof)
			g_array_append_val(out, i);
	g_array_sort_with_data(out, compare_lists, (gpointer)m);
	return out;
}

static const AjProgress *latest_progress(const AjProblem *p, AjDay asof)
{
	const AjProgress *best = NULL;

	for (guint i = 0; p->progress != NULL && i < p->progress->len; i++) {
		const AjProgress *g = &g_array_index(p->progress, AjProgress, i);
		if (g->date <= asof && (best == NULL || g->date >= best->date))
			best = g;
	}
	return best;
}

GArray *aj_rectification_rows(const AjProblemList *list, AjDay asof, AjRectSummary *sum)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(AjRectRow));

	*sum = (AjRectSummary){ 0 };
	for (guint a = 0; list->aspects != NULL && a < list->aspects->len; a++) {
		const AjAspect *asp = &g_array_index(list->aspects, AjAspect, a);
		for (guint k = 0; asp->problems != NULL && k < asp->problems->len; k++) {
			const AjProblem *p = &g_array_index(asp->problems, AjProblem, k);
			AjRectRow r = { a, p, p->status, FALSE, latest_progress(p, asof) };
			if (r.status == AJ_PROBLEM_DONE && p->closed > asof)
				r.status = AJ_PROBLEM_IN_PROGRESS;
			r.overdue = r.status == AJ_PROBLEM_IN_PROGRESS && p->deadline != AJ_DAY_NONE &&
				    p->deadline < asof;
			sum->total++;
			sum->done += r.status == AJ_PROBLEM_DONE;
			sum->in_progress += r.status == AJ_PROBLEM_IN_PROGRESS;
			sum->long_term += r.status == AJ_PROBLEM_LONG_TERM;
			sum->overdue += r.overdue;
			g_array_append_val(out, r);
		}
	}
	sum->rate = aj_percent_ratio(sum->done, sum->total);
	return out;
}

static int compare_supervised(gconstpointer a, gconstpointer b, gpointer model)
{
	const AjModel *m = model;
	const AjHazard *ha = &g_array_index(m->hazards, AjHazard, ((const AjSupervisedRow *)a)->hazard);
	const AjHazard *hb = &g_array_index(m->hazards, AjHazard, ((const AjSupervisedRow *)b)->hazard);
	int c = aj_enterprise_order(m, ha->enterprise, hb->enterprise);

	if (c != 0)
		return c;
	if (ha->found != hb->found)
		return ha->found < hb->found ? -1 : 1;
	return strcmp(ha->id, hb->id);
}

GArray *aj_supervised_hazards(const AjModel *m, const AjPeriod *p)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(AjSupervisedRow));

	for (guint32 i = 0; i < m->hazards->len; i++) {
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, i);
		AjSupervisedRow r = { i, FALSE, 0 };
		gboolean open;
		if (!h->major || h->listed == AJ_LISTED_NONE || h->found > p->asof)
			continue;
		open = h->rectified == AJ_DAY_NONE || h->rectified > p->asof;
		r.rectified = !open && aj_span_has(p->m, h->rectified);
		if (!open && !r.rectified)
			continue;
		if (open && h->deadline < p->asof)
			r.days_overdue = (gint64)p->asof - (gint64)h->deadline;
		g_array_append_val(out, r);
	}
	g_array_sort_with_data(out, compare_supervised, (gpointer)m);
	return out;
}
