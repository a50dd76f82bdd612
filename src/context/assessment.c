/* The assessment's context (考核, README "Assessment"): the rule with its
 * formula in words, then every unit in rank order with each chosen
 * indicator's value and points, its total and rank; and the whole area.
 *
 * Every unit (and the whole area) also carries the raw value of all twelve
 * indicators (<value key part whole/>) and each month's 两增两降 figures
 * (<month>), whichever the office chose: a province scores its cities from
 * these with its own weights (the shard contract). */
#include <string.h>

#include "context/attrs.h"
#include "context/parts.h"

typedef struct {
	const char *label;  /* the indicator, as the document names it */
	const char *column; /* a short table heading */
	const char *part;   /* rates: what is counted; counts: the items */
	const char *whole;  /* rates: out of what; counts: the unit word (项, 件) */
	const char *note;   /* how an item is attributed, or NULL */
} IndicatorWords;

static const IndicatorWords words[AJ_INDICATOR_COUNT] = {
	{ "“两增两降”目标完成情况", "两增两降", "完成目标的月数", "考核月数", NULL },
	{ "安全生产承诺书签订率", "承诺书", "签订本年度承诺书的在业企业数", "在业企业数", NULL },
	{ "普查自查自报率", "自查自报", "报送本年度自查的在业企业数", "在业企业数", NULL },
	{ "全员安全生产责任清单公示率", "责任清单", "已公示责任清单的在业企业数", "在业企业数",
	  NULL },
	{ "安全总监配备率", "安全总监", "安全总监在岗的企业数", "应配备安全总监的在业企业数",
	  "按规定应配备安全总监的企业中，考核期末有安全总监在岗的计为在岗" },
	{ "安全生产标准化达标率", "标准化", "持有效标准化等级的在业企业数", "在业企业数", NULL },
	{ "安全生产责任险投保率", "责任险", "持有效保单的企业数", "应投保的在业企业数",
	  "按规定应投保的企业中，考核期末保单有效的计为投保" },
	{ "安全培训覆盖率", "培训", "年内各月培训人数之和", "年内各月应培训人数之和",
	  "按在业企业各月培训记录的培训人数和应培训人数累计" },
	{ "重大事故隐患逾期未整改", "隐患逾期", "考核期末逾期未整改的重大事故隐患数", "项", NULL },
	{ "问题清单问题逾期未整改", "问题逾期", "考核期末逾期未完成整改的问题数", "项",
	  "问题的责任单位名称含有地区名称的，计入该地区" },
	{ "举报逾期办理", "举报逾期", "年内受理、考核期末逾期办理的举报数", "件",
	  "未指明企业的举报只计入合计" },
	{ "企业列入曝光名单", "曝光", "年内各月曝光名单所列企业数", "家次",
	  "一家企业列入几个月的名单，按几家次计" },
};

/* Points as the formula writes them: 20, 0.5, 1.25. */
static char *points_cn(gint64 h)
{
	char *s = g_strdup_printf("%" G_GINT64_FORMAT ".%02d", h / 100, (int)(h % 100));
	gsize n = strlen(s);

	while (s[n - 1] == '0')
		s[--n] = '\0';
	if (s[n - 1] == '.')
		s[n - 1] = '\0';
	return s;
}

static char *formula(const AjWeighted *w)
{
	const IndicatorWords *t = &words[w->indicator];
	char *weight = points_cn(w->weight), *deduct = points_cn(w->deduct);
	char *text;

	if (aj_indicator_kind(w->indicator) == AJ_SCORE_DEDUCT)
		text = g_strdup_printf("每%s扣%s分，扣完为止，即得分＝max（0，%s－%s×%s）", t->whole,
				       deduct, weight, deduct, t->part);
	else if (w->indicator == AJ_INDICATOR_TARGET_MONTHS)
		text = g_strdup_printf(
			"逐月以1月至当月累计数与上年同期比较，执法检查次数、行政处罚次数同比上升且事故起数、"
			"死亡人数同比下降（或均为零）的月份为完成目标，上年同期数据不全的月份不计为完成；"
			"得分＝%s×%s÷%s",
			weight, t->part, t->whole);
	else
		text = g_strdup_printf("得分＝%s×%s÷%s；%s为零时得满分", weight, t->part, t->whole,
				       t->whole);
	g_free(weight);
	g_free(deduct);
	return text;
}

static void add_rule(xmlNodePtr root, const AjAssessmentRule *rule, guint n_months)
{
	xmlNodePtr r = aj_child(root, "rule");

	char *max = points_cn(aj_assessment_rule_max(rule));

	aj_attr_hundredths(r, "max", aj_assessment_rule_max(rule));
	aj_attr_str(r, "max-cn", max);
	g_free(max);
	aj_attr_int(r, "months", n_months);
	aj_attr_int(r, "indicators", rule->n);
	for (guint i = 0; i < rule->n; i++) {
		const AjWeighted *w = &rule->items[i];
		xmlNodePtr x = aj_child(r, "indicator");
		char *f = formula(w), *weight = points_cn(w->weight);
		aj_attr_str(x, "key", aj_indicator_key(w->indicator));
		aj_attr_int(x, "no", i + 1);
		aj_attr_str(x, "label", words[w->indicator].label);
		aj_attr_str(x, "column", words[w->indicator].column);
		aj_attr_str(x, "scoring",
			    aj_indicator_kind(w->indicator) == AJ_SCORE_DEDUCT ? "deduct" : "rate");
		aj_attr_hundredths(x, "weight", w->weight);
		aj_attr_str(x, "weight-cn", weight);
		if (aj_indicator_kind(w->indicator) == AJ_SCORE_DEDUCT)
			aj_attr_hundredths(x, "deduct", w->deduct);
		aj_attr_str(x, "formula", f);
		aj_attr_str(x, "note", words[w->indicator].note);
		g_free(f);
		g_free(weight);
	}
}

/* "85.3%", "7/12", "3项": the value as the table shows it. */
static char *value_cn(AjIndicator ind, AjIndicatorValue v)
{
	char buf[32];

	if (aj_indicator_kind(ind) == AJ_SCORE_DEDUCT)
		return g_strdup_printf("%" G_GINT64_FORMAT "%s", v.part, words[ind].whole);
	if (ind == AJ_INDICATOR_TARGET_MONTHS)
		return g_strdup_printf("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, v.part, v.whole);
	if (v.whole == 0)
		return g_strdup("—");
	return g_strdup_printf("%s%%", aj_percent_format(aj_percent_ratio(v.part, v.whole), buf));
}

static void add_months(xmlNodePtr unit, const AjAssessmentRow *row)
{
	char buf[8];

	for (guint k = 0; k < row->n_months; k++) {
		const AjTargetMonth *t = &row->months[k];
		xmlNodePtr x = aj_child(unit, "month");
		aj_attr_str(x, "period", aj_month_format(t->month, buf));
		for (int i = 0; i < AJ_YOY_COUNT; i++) {
			char *name = g_strdup_printf("%s-ytd", aj_yoy_key(i));
			aj_attr_int(x, name, t->ytd[i]);
			g_free(name);
		}
		aj_attr_bool(x, "prior-ytd-comparable", t->prior_ytd.comparable);
		if (t->prior_ytd.comparable) {
			aj_attr_int(x, "prior-ytd-inspections", t->prior_ytd.inspections);
			aj_attr_int(x, "prior-ytd-penalties", t->prior_ytd.penalties);
			aj_attr_int(x, "prior-ytd-accidents", t->prior_ytd.accidents);
			aj_attr_int(x, "prior-ytd-deaths", t->prior_ytd.deaths);
		}
		aj_attr_str(x, "target", aj_target_code(t->target));
	}
}

static void add_values(xmlNodePtr unit, const AjAssessmentRow *row)
{
	for (int i = 0; i < AJ_INDICATOR_COUNT; i++) {
		xmlNodePtr x = aj_child(unit, "value");
		char *cn = value_cn((AjIndicator)i, row->value[i]);
		aj_attr_str(x, "key", aj_indicator_key((AjIndicator)i));
		aj_attr_int(x, "part", row->value[i].part);
		if (aj_indicator_kind((AjIndicator)i) == AJ_SCORE_RATE)
			aj_attr_int(x, "whole", row->value[i].whole);
		aj_attr_str(x, "value-cn", cn);
		g_free(cn);
	}
	add_months(unit, row);
}

/* <score> per chosen indicator, in the rule's order; points unless the
 * row is the whole area, which is not ranked. */
static void add_scores(xmlNodePtr unit, const AjAssessmentRow *row, const AjAssessmentRule *rule,
		       gboolean scored)
{
	for (guint i = 0; i < rule->n; i++) {
		AjIndicator ind = rule->items[i].indicator;
		xmlNodePtr x = aj_child(unit, "score");
		char *cn = value_cn(ind, row->value[ind]);
		aj_attr_str(x, "key", aj_indicator_key(ind));
		aj_attr_str(x, "value-cn", cn);
		if (scored)
			aj_attr_hundredths(x, "points", row->points[ind]);
		g_free(cn);
	}
	if (scored)
		aj_attr_hundredths(unit, "total", row->total);
}

/* The document's tables of indicators, at most GROUP columns each so that
 * numbers never break: <table no points="true"?> with <column label> and a
 * <row rank? name> of <cell text> per unit (and the whole area for values).
 * Table 1 (totals) is the template's; points tables follow, then values. */
#define GROUP 6

static void add_table(xmlNodePtr root, guint no, guint first, guint n_groups, gboolean points,
		      const AjAssessmentRow *rows, const guint *order, const AjCtxUnit *units,
		      guint n, const char *whole, const AjAssessmentRule *rule)
{
	xmlNodePtr t = aj_child(root, "table");
	guint last = MIN(rule->n, first + GROUP);

	aj_attr_int(t, "no", no);
	aj_attr_flag(t, "points", points);
	if (n_groups > 1)
		aj_attr_int(t, "part", first / GROUP + 1);
	for (guint i = first; i < last; i++)
		aj_attr_str(aj_child(t, "column"), "label", words[rule->items[i].indicator].column);
	for (guint u = 0; u <= n; u++) {
		guint k = u < n ? order[u] : n;
		xmlNodePtr row;
		if (u == n && points)
			break;
		row = aj_child(t, "row");
		if (points)
			aj_attr_int(row, "rank", rows[k].rank);
		aj_attr_str(row, "name", u < n ? units[k].name : whole);
		for (guint i = first; i < last; i++) {
			AjIndicator ind = rule->items[i].indicator;
			xmlNodePtr c = aj_child(row, "cell");
			char *cn = value_cn(ind, rows[k].value[ind]);
			if (points)
				aj_attr_hundredths(c, "text", rows[k].points[ind]);
			else
				aj_attr_str(c, "text", cn);
			g_free(cn);
		}
	}
}

static void add_tables(xmlNodePtr root, const AjAssessmentRow *rows, const guint *order,
		       const AjCtxUnit *units, guint n, const char *whole,
		       const AjAssessmentRule *rule)
{
	guint groups = (rule->n + GROUP - 1) / GROUP, no = 2;

	for (int points = 1; points >= 0; points--)
		for (guint g = 0; g < groups; g++)
			add_table(root, no++, g * GROUP, groups, points, rows, order, units, n, whole,
				  rule);
}

/* Unit indexes in rank order, ties in unit (code) order. */
static int by_rank(gconstpointer a, gconstpointer b, gpointer rows)
{
	const AjAssessmentRow *r = rows;
	guint i = *(const guint *)a, j = *(const guint *)b;

	if (r[i].rank != r[j].rank)
		return r[i].rank < r[j].rank ? -1 : 1;
	return i < j ? -1 : i > j;
}

void aj_ctx_assessment_rows(xmlNodePtr root, AjAssessmentRow *rows, const AjCtxUnit *units,
			    guint n, const char *whole, const AjAssessmentRule *rule)
{
	guint *order = g_new(guint, n + 1);
	xmlNodePtr total;

	aj_assessment_score(rule, rows, n);
	add_rule(root, rule, rows[n].n_months);
	aj_attr_int(root, "units", n);
	for (guint i = 0; i < n; i++)
		order[i] = i;
	g_qsort_with_data(order, (gint)n, sizeof *order, by_rank, rows);
	for (guint i = 0; i < n; i++) {
		const AjAssessmentRow *r = &rows[order[i]];
		xmlNodePtr x = aj_child(root, "unit");
		aj_attr_str(x, "code", units[order[i]].code);
		aj_attr_str(x, "name", units[order[i]].name);
		aj_attr_int(x, "no", i + 1);
		aj_attr_int(x, "rank", r->rank);
		add_scores(x, r, rule, TRUE);
		add_values(x, r);
	}
	total = aj_child(root, "total");
	aj_attr_str(total, "name", whole);
	add_scores(total, &rows[n], rule, FALSE);
	add_values(total, &rows[n]);
	add_tables(root, rows, order, units, n, whole, rule);
	g_free(order);
}

void aj_ctx_assessment(xmlNodePtr root, const AjModel *m, const AjPeriod *p,
		       const AjAssessmentRule *rule)
{
	AjAssessmentRow *rows = aj_assessment_compute(m, p);
	AjCtxUnit *units = aj_ctx_units(m);
	char *whole = aj_ctx_whole(root);

	aj_ctx_assessment_rows(root, rows, units, m->districts->len, whole, rule);
	g_free(whole);
	g_free(units);
	g_free(rows);
}
