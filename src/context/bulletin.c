/* The bulletin's context: section 1 figures per district and for the city,
 * 两增两降, the 12-month trend, and the embedded lists of sections 2, 3, 5. */
#include "context/attrs.h"
#include "context/parts.h"
#include "rules/bulletin.h"

static const char *const indicator_cn[] = { "执法检查次数", "行政处罚次数", "事故起数",
					    "死亡人数" };

static void yoy_attrs(xmlNodePtr node, const char *suffix, const AjPercent *yoy)
{
	for (int k = 0; k < AJ_YOY_COUNT; k++) {
		char *name = g_strdup_printf("%s-%s", aj_yoy_key(k), suffix);
		char *cn = g_strdup_printf("%s-cn", name);
		char buf[48];
		aj_attr_percent(node, name, yoy[k]);
		aj_attr_str(node, cn, aj_percent_trend_cn(yoy[k], buf));
		g_free(name);
		g_free(cn);
	}
}

/* The prior-year figures behind every 同比, with their comparability, so
 * that a province adds cities' figures up without their records: a sum is
 * comparable only when every part is (the shard contract, README). */
static void prior_attrs(xmlNodePtr node, const char *prefix, const AjCoreFigures *f)
{
	const struct {
		const char *key;
		gint64 value;
	} figures[] = { { "inspections", f->inspections },
			{ "penalties", f->penalties },
			{ "accidents", f->accidents },
			{ "deaths", f->deaths } };
	char *name = g_strdup_printf("%s-comparable", prefix);

	aj_attr_bool(node, name, f->comparable);
	g_free(name);
	if (!f->comparable)
		return;
	for (gsize i = 0; i < G_N_ELEMENTS(figures); i++) {
		name = g_strdup_printf("%s-%s", prefix, figures[i].key);
		aj_attr_int(node, name, figures[i].value);
		g_free(name);
	}
	name = g_strdup_printf("%s-fines", prefix);
	aj_attr_yuan(node, name, f->fines);
	g_free(name);
}

static void figure_attrs(xmlNodePtr node, const AjBulletinRow *r)
{
	aj_attr_int(node, "inspections", r->inspections);
	aj_attr_int(node, "inspections-ytd", r->inspections_ytd);
	aj_attr_int(node, "penalties", r->penalties);
	aj_attr_int(node, "penalties-ytd", r->penalties_ytd);
	aj_attr_yuan(node, "fines", r->fines);
	aj_attr_wan(node, "fines-wan", r->fines);
	aj_attr_int(node, "suspensions", r->suspensions);
	aj_attr_int(node, "accidents", r->accidents);
	aj_attr_int(node, "accidents-ytd", r->accidents_ytd);
	aj_attr_int(node, "deaths", r->deaths);
	aj_attr_int(node, "deaths-ytd", r->deaths_ytd);
	aj_attr_int(node, "major-hazards-found", r->major_hazards_found);
	aj_attr_int(node, "major-hazards-open", r->major_hazards_open);
	aj_attr_int(node, "major-hazards-overdue", r->major_hazards_overdue);
	aj_attr_int(node, "reports", r->reports);
	aj_attr_int(node, "reports-late", r->reports_late);
	yoy_attrs(node, "yoy", r->yoy);
	yoy_attrs(node, "ytd-yoy", r->ytd_yoy);
	prior_attrs(node, "prior", &r->prior);
	prior_attrs(node, "prior-ytd", &r->prior_ytd);
}

static char *failing_cn(guint failing)
{
	GString *s = g_string_new(NULL);

	for (int k = 0; k < AJ_YOY_COUNT; k++) {
		if (!(failing & (1u << k)))
			continue;
		if (s->len > 0)
			g_string_append(s, "、");
		g_string_append_printf(s, "%s%s", indicator_cn[k],
				       k < AJ_YOY_ACCIDENTS ? "未同比上升" : "未同比下降");
	}
	return g_string_free(s, FALSE);
}

static void target_attrs(xmlNodePtr node, const AjBulletinRow *r)
{
	static const char *const cn[] = { "无法判断", "完成", "未完成" };
	GString *codes = g_string_new(NULL);
	char *text = failing_cn(r->failing);

	aj_attr_str(node, "target", aj_target_code(r->target));
	aj_attr_str(node, "target-cn", cn[r->target]);
	/* flags, since Mustache cannot compare: {{#target-missed}}…{{/target-missed}} */
	aj_attr_flag(node, "target-missed", r->target == AJ_TARGET_MISSED);
	aj_attr_flag(node, "target-unknown", r->target == AJ_TARGET_UNKNOWN);
	for (int k = 0; k < AJ_YOY_COUNT; k++)
		if (r->failing & (1u << k))
			g_string_append_printf(codes, "%s%s", codes->len ? " " : "", aj_yoy_key(k));
	if (codes->len > 0) {
		aj_attr_str(node, "failing", codes->str);
		aj_attr_str(node, "failing-cn", text);
	}
	g_string_free(codes, TRUE);
	g_free(text);
}

static void add_targets(xmlNodePtr root, const AjBulletin *b, const AjCtxUnit *units)
{
	xmlNodePtr t = aj_child(root, "targets");
	gint64 count[3] = { 0, 0, 0 };

	for (guint d = 0; d < b->n_districts; d++) {
		const AjBulletinRow *r = &b->rows[d];
		xmlNodePtr x;
		count[r->target]++;
		if (r->target == AJ_TARGET_MET)
			continue;
		x = aj_child(t, r->target == AJ_TARGET_MISSED ? "missed" : "unknown");
		aj_attr_str(x, "code", units[d].code);
		aj_attr_str(x, "name", units[d].name);
		target_attrs(x, r);
	}
	aj_attr_int(t, "met", count[AJ_TARGET_MET]);
	aj_attr_int(t, "missed", count[AJ_TARGET_MISSED]);
	aj_attr_int(t, "unknown", count[AJ_TARGET_UNKNOWN]);
	aj_attr_flag(t, "has-missed", count[AJ_TARGET_MISSED] > 0);
	aj_attr_flag(t, "has-unknown", count[AJ_TARGET_UNKNOWN] > 0);
	aj_attr_flag(t, "all-met", count[AJ_TARGET_MET] == (gint64)b->n_districts);
}

void aj_ctx_trend(xmlNodePtr root, const AjTrendMonth months[12])
{
	xmlNodePtr t = aj_child(root, "trend");
	char buf[8];

	for (int i = 0; i < 12; i++) {
		xmlNodePtr x = aj_child(t, "month");
		char *label = g_strdup_printf("%d月", aj_month_number(months[i].month));
		aj_attr_str(x, "period", aj_month_format(months[i].month, buf));
		aj_attr_str(x, "label", label);
		if (months[i].known) {
			aj_attr_int(x, "accidents", months[i].accidents);
			aj_attr_int(x, "deaths", months[i].deaths);
		}
		aj_attr_bool(x, "known", months[i].known);
		g_free(label);
	}
}

void aj_ctx_bulletin_figures(xmlNodePtr root, const AjBulletin *b, const AjCtxUnit *units,
			     const char *whole)
{
	xmlNodePtr total, x;

	for (guint d = 0; d < b->n_districts; d++) {
		x = aj_child(root, "district");
		aj_attr_str(x, "code", units[d].code);
		aj_attr_str(x, "name", units[d].name);
		aj_attr_int(x, "no", d + 1);
		figure_attrs(x, &b->rows[d]);
		target_attrs(x, &b->rows[d]);
	}
	total = aj_child(root, "total");
	aj_attr_str(total, "name", whole);
	figure_attrs(total, &b->rows[b->n_districts]);
	add_targets(root, b, units);
}

AjCtxUnit *aj_ctx_units(const AjModel *m)
{
	AjCtxUnit *units = g_new0(AjCtxUnit, m->districts->len);

	for (guint d = 0; d < m->districts->len; d++)
		units[d] = (AjCtxUnit){ AJ_DISTRICT(m, d)->code, AJ_DISTRICT(m, d)->name };
	return units;
}

void aj_ctx_bulletin(xmlNodePtr root, const AjModel *m, const AjPeriod *p, const AjCoverage *c)
{
	AjBulletin *b = aj_bulletin_compute(m, p, c);
	AjCtxUnit *units = aj_ctx_units(m);
	AjTrendMonth months[12];
	xmlNodePtr x;

	char *whole = aj_ctx_whole(root);

	aj_ctx_bulletin_figures(root, b, units, whole);
	aj_trend_compute(m, p, c, months);
	aj_ctx_trend(root, months);
	aj_ctx_compliance(root, m, p);
	aj_ctx_exposed(aj_child(root, "exposed"), m, p);
	if (aj_period_ends_quarter(p)) {
		AjQuarter q = aj_quarter_of_month(p->month);
		x = aj_ctx_exemplars_head(root, q);
		aj_ctx_exemplars(x, m, q, p->asof);
	}
	g_free(units);
	g_free(whole);
	aj_bulletin_free(b);
}

xmlNodePtr aj_ctx_exemplars_head(xmlNodePtr root, AjQuarter q)
{
	xmlNodePtr x = aj_child(root, "exemplars");
	char *qcn = aj_quarter_cn(q);
	char buf[8];

	aj_attr_str(x, "quarter", aj_quarter_format(q, buf));
	aj_attr_str(x, "quarter-cn", qcn);
	aj_attr_flag(root, "has-exemplars", TRUE);
	g_free(qcn);
	return x;
}
