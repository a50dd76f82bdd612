/* A province's contexts from its cities' shards: each figure is the sum of
 * the cities' raw counts, and every percentage, 同比 and 两增两降 is judged
 * again from those sums by the same rules as a city's. */
#include <string.h>

#include "context/attrs.h"
#include "context/context.h"
#include "context/parts.h"
#include "context/province.h"

static AjCtxUnit *units_of(const AjCityShard *cities, guint n)
{
	AjCtxUnit *units = g_new0(AjCtxUnit, n);

	for (guint i = 0; i < n; i++)
		units[i] = (AjCtxUnit){ cities[i].code, cities[i].name };
	return units;
}

/* Copies of the element children named `name` of each city's list, each
 * with the city (city, city-code) and numbered again across the province;
 * keep (may be NULL) chooses which.  Returns how many were copied. */
static gint64 join(xmlNodePtr parent, const AjCityShard *cities, guint n, gsize list_offset,
		   const char *name, gboolean (*keep)(xmlNodePtr))
{
	gint64 no = 0;

	for (guint i = 0; i < n; i++) {
		xmlNodePtr list = *(xmlNodePtr *)((const char *)&cities[i] + list_offset);
		for (xmlNodePtr c = list != NULL ? list->children : NULL; c != NULL; c = c->next) {
			xmlNodePtr copy;
			char buf[32];
			if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, name) != 0 ||
			    (keep != NULL && !keep(c)))
				continue;
			copy = xmlDocCopyNode(c, parent->doc, 1);
			g_snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT, ++no);
			xmlSetProp(copy, BAD_CAST "no", BAD_CAST buf);
			xmlSetProp(copy, BAD_CAST "city", BAD_CAST cities[i].name);
			xmlSetProp(copy, BAD_CAST "city-code", BAD_CAST cities[i].code);
			xmlAddChild(parent, copy);
		}
	}
	return no;
}

static void add_trend(xmlNodePtr root, const AjCityShard *cities, guint n)
{
	AjTrendMonth months[12];

	for (int k = 0; k < 12; k++) {
		months[k] = (AjTrendMonth){ cities[0].trend[k].month, TRUE, 0, 0 };
		for (guint i = 0; i < n; i++) {
			months[k].known = months[k].known && cities[i].trend[k].known;
			months[k].accidents += cities[i].trend[k].accidents;
			months[k].deaths += cities[i].trend[k].deaths;
		}
	}
	aj_ctx_trend(root, months);
}

static void add_compliance(xmlNodePtr root, const AjCityShard *cities, guint n,
			   const AjCtxUnit *units, const char *whole)
{
	AjComplianceRow *rows = g_new0(AjComplianceRow, n + 1);

	for (guint i = 0; i < n; i++) {
		rows[i] = cities[i].compliance;
		aj_compliance_add(&rows[n], &rows[i]);
	}
	aj_ctx_compliance_rows(root, rows, units, n, whole);
	g_free(rows);
}

static void bulletin(xmlNodePtr root, const AjCityShard *cities, guint n, const AjPeriod *p,
		     const char *whole)
{
	AjBulletin b = { n, g_new0(AjBulletinRow, n + 1) };
	AjBulletinRow *sum = &b.rows[n];
	AjCtxUnit *units = units_of(cities, n);
	xmlNodePtr x;
	gint64 count;

	sum->prior.comparable = sum->prior_ytd.comparable = TRUE;
	for (guint i = 0; i < n; i++) {
		b.rows[i] = cities[i].total;
		aj_bulletin_row_judge(&b.rows[i]);
		aj_bulletin_row_add(sum, &b.rows[i]);
		aj_core_figures_add(&sum->prior, &b.rows[i].prior);
		aj_core_figures_add(&sum->prior_ytd, &b.rows[i].prior_ytd);
	}
	aj_bulletin_row_judge(sum);
	aj_ctx_bulletin_figures(root, &b, units, whole);
	add_trend(root, cities, n);
	add_compliance(root, cities, n, units, whole);
	x = aj_child(root, "exposed");
	count = join(x, cities, n, G_STRUCT_OFFSET(AjCityShard, exposed), "entry", NULL);
	aj_attr_int(x, "count", count);
	aj_attr_flag(x, "has-entries", count > 0);
	if (aj_period_ends_quarter(p)) {
		x = aj_ctx_exemplars_head(root, aj_quarter_of_month(p->month));
		count = join(x, cities, n, G_STRUCT_OFFSET(AjCityShard, exemplars), "entry", NULL);
		aj_attr_int(x, "count", count);
		aj_attr_flag(x, "has-entries", count > 0);
	}
	g_free(units);
	g_free(b.rows);
}

static gboolean listed_by_province(xmlNodePtr hazard)
{
	xmlChar *listed = xmlGetProp(hazard, BAD_CAST "listed");
	gboolean yes = listed != NULL && strcmp((const char *)listed, "province") == 0;

	xmlFree(listed);
	return yes;
}

static gboolean has_attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlChar *v = xmlGetProp(node, BAD_CAST name);
	gboolean yes = v != NULL && (value == NULL || strcmp((const char *)v, value) == 0);

	xmlFree(v);
	return yes;
}

/* 省级挂牌督办: the cities' rows listed by the province, summed again. */
static void hazards(xmlNodePtr root, const AjCityShard *cities, guint n)
{
	gint64 total = join(root, cities, n, G_STRUCT_OFFSET(AjCityShard, hazards), "hazard",
			    listed_by_province);
	gint64 rectified = 0, overdue = 0;
	xmlNodePtr s;

	for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "hazard") != 0)
			continue;
		rectified += has_attr(c, "rectified", NULL);
		overdue += has_attr(c, "overdue", "true");
	}
	s = aj_child(root, "summary");
	aj_attr_int(s, "total", total);
	aj_attr_int(s, "open", total - rectified);
	aj_attr_int(s, "rectified", rectified);
	aj_attr_int(s, "overdue", overdue);
	aj_attr_flag(s, "has-entries", total > 0);
	aj_attr_flag(root, "province-listed", TRUE);
}

static void assessment(xmlNodePtr root, const AjCityShard *cities, guint n, const char *whole,
		       const AjAssessmentRule *rule)
{
	AjAssessmentRow *rows = g_new0(AjAssessmentRow, n + 1);
	AjCtxUnit *units = units_of(cities, n);

	for (guint i = 0; i < n; i++) {
		rows[i] = cities[i].assessment;
		aj_assessment_judge_months(&rows[i]);
		aj_assessment_add(&rows[n], &rows[i]);
	}
	aj_assessment_judge_months(&rows[n]);
	aj_ctx_assessment_rows(root, rows, units, n, whole, rule);
	g_free(units);
	g_free(rows);
}

xmlDocPtr aj_context_province(const AjCityShard *cities, guint n, const AjPeriod *p,
			      const AjDocPlan *plan, const AjOffice *office,
			      const AjAssessmentRule *rule)
{
	xmlDocPtr doc = aj_context_new(NULL, p, plan, office);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *whole = aj_ctx_whole(root);

	switch (plan->kind) {
	case AJ_DOC_BULLETIN:
		bulletin(root, cities, n, p, whole);
		break;
	case AJ_DOC_EXPOSED: {
		gint64 count = join(root, cities, n, G_STRUCT_OFFSET(AjCityShard, exposed), "entry",
				    NULL);
		aj_attr_int(root, "count", count);
		aj_attr_flag(root, "has-entries", count > 0);
		break;
	}
	case AJ_DOC_HAZARD_SUPERVISION:
		hazards(root, cities, n);
		break;
	case AJ_DOC_ASSESSMENT:
		assessment(root, cities, n, whole, rule);
		break;
	default:
		break;
	}
	g_free(whole);
	return doc;
}
