/* Contexts of the tables: compliance (section 5), rectification and
 * hazard supervision (section 4). */
#include "context/attrs.h"
#include "context/labels.h"
#include "context/parts.h"
#include "rules/compliance.h"
#include "rules/rectification.h"

static void ratio_attr(xmlNodePtr node, const char *name, gint64 part, gint64 whole)
{
	AjPercent p = aj_percent_ratio(part, whole);
	char *cn = g_strdup_printf("%s-cn", name);
	char buf[32];

	aj_attr_percent(node, name, p);
	if (p.comparable) {
		char *text = g_strdup_printf("%s%%", aj_percent_format(p, buf));
		aj_attr_str(node, cn, text);
		g_free(text);
	} else {
		aj_attr_str(node, cn, "—");
	}
	g_free(cn);
}

static void compliance_attrs(xmlNodePtr x, const AjComplianceRow *r)
{
	aj_attr_int(x, "enterprises", r->enterprises);
	aj_attr_int(x, "commitment", r->commitment);
	aj_attr_int(x, "self-inspection", r->self_inspection);
	aj_attr_int(x, "responsibility-list", r->responsibility_list);
	aj_attr_int(x, "director-required", r->director_required);
	aj_attr_int(x, "director-present", r->director_present);
	aj_attr_int(x, "standardized", r->standardized);
	aj_attr_int(x, "insurance-required", r->insurance_required);
	aj_attr_int(x, "insurance-valid", r->insurance_valid);
	aj_attr_int(x, "staff", r->staff);
	aj_attr_int(x, "trained", r->trained);
	ratio_attr(x, "commitment-rate", r->commitment, r->enterprises);
	ratio_attr(x, "self-inspection-rate", r->self_inspection, r->enterprises);
	ratio_attr(x, "responsibility-list-rate", r->responsibility_list, r->enterprises);
	ratio_attr(x, "director-rate", r->director_present, r->director_required);
	ratio_attr(x, "standardized-rate", r->standardized, r->enterprises);
	ratio_attr(x, "insurance-rate", r->insurance_valid, r->insurance_required);
	ratio_attr(x, "training-rate", r->trained, r->staff);
}

void aj_ctx_compliance_rows(xmlNodePtr parent, const AjComplianceRow *rows, const AjCtxUnit *units,
			    guint n, const char *whole)
{
	for (guint d = 0; d <= n; d++) {
		xmlNodePtr x = aj_child(parent, "compliance");
		aj_attr_str(x, "district", d < n ? units[d].code : "all");
		aj_attr_str(x, "name", d < n ? units[d].name : whole);
		if (d < n)
			aj_attr_int(x, "no", d + 1);
		aj_attr_flag(x, "total", d == n);
		compliance_attrs(x, &rows[d]);
	}
}

void aj_ctx_compliance(xmlNodePtr parent, const AjModel *m, const AjPeriod *p)
{
	guint n = m->districts->len;
	AjComplianceRow *rows = g_new0(AjComplianceRow, n + 1);
	AjCtxUnit *units = aj_ctx_units(m);
	char *whole = aj_ctx_whole(parent);

	aj_compliance_compute(m, p, rows);
	aj_ctx_compliance_rows(parent, rows, units, n, whole);
	g_free(whole);
	g_free(units);
	g_free(rows);
}

static const char *const status_cn[] = { "已完成", "正在推进", "常态长效" };

void aj_ctx_rectification(xmlNodePtr root, const AjModel *m, const AjProblemList *list, AjDay asof)
{
	AjRectSummary sum;
	GArray *rows = aj_rectification_rows(list, asof, &sum);
	xmlNodePtr info = aj_child(root, "problem-list"), summary, aspect = NULL;
	guint current = G_MAXUINT, no = 0;

	aj_attr_str(info, "id", list->id);
	aj_attr_str(info, "source", list->source);
	aj_attr_str(info, "batch", list->batch);
	aj_attr_day(info, "issued", list->issued);
	aj_attr_day_cn(info, "issued-cn", list->issued);
	for (guint i = 0; i < rows->len; i++) {
		const AjRectRow *r = &g_array_index(rows, AjRectRow, i);
		const AjProblem *p = r->problem;
		xmlNodePtr x;
		if (r->aspect != current) {
			current = r->aspect;
			aspect = aj_child(root, "aspect");
			aj_attr_str(aspect, "title",
				    g_array_index(list->aspects, AjAspect, r->aspect).title);
			aj_attr_int(aspect, "no", r->aspect + 1);
		}
		x = aj_child(aspect, "problem");
		aj_attr_str(x, "id", p->id);
		aj_attr_str(x, "status", aj_problem_status_code(r->status));
		aj_attr_bool(x, "overdue", r->overdue);
		aj_attr_int(x, "no", ++no);
		aj_attr_str(x, "status-cn", r->overdue ? "逾期未完成" : status_cn[r->status]);
		aj_attr_str(x, "responsible", p->responsible);
		aj_attr_day(x, "deadline", p->deadline);
		if (p->deadline != AJ_DAY_NONE)
			aj_attr_day_cn(x, "deadline-cn", p->deadline);
		else
			aj_attr_str(x, "deadline-cn", "长期坚持");
		if (r->status == AJ_PROBLEM_DONE)
			aj_attr_day(x, "closed", p->closed);
		aj_attr_str(x, "description", p->description);
		aj_attr_str(x, "measures", p->measures);
		if (r->latest != NULL) {
			aj_attr_str(x, "progress", r->latest->text);
			aj_attr_day(x, "progress-date", r->latest->date);
		}
	}
	summary = aj_child(root, "summary");
	aj_attr_int(summary, "total", sum.total);
	aj_attr_int(summary, "done", sum.done);
	aj_attr_int(summary, "in-progress", sum.in_progress);
	aj_attr_int(summary, "long-term", sum.long_term);
	aj_attr_int(summary, "overdue", sum.overdue);
	aj_attr_percent(summary, "rate", sum.rate);
	ratio_attr(summary, "completion", sum.done, sum.total);
	aj_attr_flag(summary, "has-overdue", sum.overdue > 0);
	g_array_free(rows, TRUE);
}

void aj_ctx_hazard_supervision(xmlNodePtr root, const AjModel *m, const AjPeriod *p)
{
	GArray *rows = aj_supervised_hazards(m, p);
	gint64 open = 0, rectified = 0, overdue = 0;

	for (guint i = 0; i < rows->len; i++) {
		const AjSupervisedRow *r = &g_array_index(rows, AjSupervisedRow, i);
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, r->hazard);
		xmlNodePtr x = aj_child(root, "hazard");
		aj_attr_str(x, "id", h->id);
		aj_ctx_enterprise(x, m, h->enterprise);
		aj_attr_int(x, "no", i + 1);
		aj_attr_str(x, "description", h->description);
		aj_attr_str(x, "listed", aj_code_listed(h->listed));
		aj_attr_str(x, "listed-cn", aj_label_listed(h->listed));
		aj_attr_day(x, "found", h->found);
		aj_attr_day(x, "deadline", h->deadline);
		aj_attr_day_cn(x, "found-cn", h->found);
		aj_attr_day_cn(x, "deadline-cn", h->deadline);
		if (r->rectified) {
			aj_attr_day(x, "rectified", h->rectified);
			aj_attr_day_cn(x, "rectified-cn", h->rectified);
			aj_attr_str(x, "state-cn", "已整改");
			rectified++;
		} else {
			char *t = r->days_overdue > 0
					  ? g_strdup_printf("逾期%" G_GINT64_FORMAT "天", r->days_overdue)
					  : g_strdup("整改中");
			aj_attr_int(x, "days-overdue", r->days_overdue);
			aj_attr_str(x, "state-cn", t);
			open++;
			overdue += r->days_overdue > 0;
			g_free(t);
		}
		aj_attr_bool(x, "overdue", r->days_overdue > 0);
	}
	{
		xmlNodePtr s = aj_child(root, "summary");
		aj_attr_int(s, "total", rows->len);
		aj_attr_int(s, "open", open);
		aj_attr_int(s, "rectified", rectified);
		aj_attr_int(s, "overdue", overdue);
		aj_attr_flag(s, "has-entries", rows->len > 0);
	}
	g_array_free(rows, TRUE);
}
