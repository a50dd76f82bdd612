#include "context/context.h"

#include "context/attrs.h"
#include "context/parts.h"
#include "util/xml.h"

static char *period_cn(const AjModel *m, const AjDocPlan *plan)
{
	AjMonth mo;
	AjQuarter q;

	if (plan->kind == AJ_DOC_RECTIFICATION) {
		const AjProblemList *pl = &g_array_index(m->problem_lists, AjProblemList, plan->list);
		return g_strdup_printf("%s%s", pl->source, pl->batch);
	}
	if (plan->kind == AJ_DOC_ASSESSMENT)
		return g_strdup_printf("%s年度", plan->period);
	if (aj_quarter_parse(plan->period, &q))
		return aj_quarter_cn(q);
	if (aj_month_parse(plan->period, &mo))
		return aj_month_cn(mo);
	return g_strdup(plan->period);
}

char *aj_context_whole(const char *area)
{
	return g_strconcat("全", aj_area_level(area), NULL);
}

char *aj_context_title(const AjModel *m, const AjDocPlan *plan, const AjOffice *office)
{
	const char *issuer = office->issuer;
	char *pc = period_cn(m, plan), *whole = aj_context_whole(office->area);
	char *title = NULL;

	switch (plan->kind) {
	case AJ_DOC_BULLETIN:
		title = g_strdup_printf("%s关于%s%s安全生产情况的通报", issuer, pc, whole);
		break;
	case AJ_DOC_EXPOSED:
		title = g_strdup_printf("%s关于%s安全生产曝光企业名单的通报", issuer, pc);
		break;
	case AJ_DOC_EXEMPLARS:
		title = g_strdup_printf("%s关于公布%s本质安全示范企业名单的通知", issuer, pc);
		break;
	case AJ_DOC_EXEMPLAR_REVIEW:
		title = g_strdup_printf("%s本质安全示范企业推荐一票否决审核情况", pc);
		break;
	case AJ_DOC_RECTIFICATION:
		title = g_strdup_printf("%s问题清单整改落实情况台账", pc);
		break;
	case AJ_DOC_HAZARD_SUPERVISION:
		title = g_strdup_printf("%s关于%s挂牌督办重大事故隐患整改情况的通报", issuer, pc);
		break;
	case AJ_DOC_ASSESSMENT:
		title = g_strdup_printf("%s各地区安全生产工作考核结果", pc);
		break;
	}
	g_free(pc);
	g_free(whole);
	return title;
}

static void add_meta(xmlNodePtr root, const AjModel *m, const AjPeriod *p, const AjDocPlan *plan,
		     const AjOffice *office)
{
	xmlNodePtr meta = aj_child(root, "meta");
	char *title = aj_context_title(m, plan, office);
	char *pc = period_cn(m, plan), *whole = aj_context_whole(office->area);
	char *short_name = aj_office_issuer_short(office);
	char *internal = aj_office_internal_recipients(office);
	char *month = g_strdup_printf("%d月", aj_month_number(p->month));
	char *ytd = aj_month_number(p->month) == 1
			    ? g_strdup("1月")
			    : g_strdup_printf("1—%d月", aj_month_number(p->month));

	aj_attr_str(meta, "kind", aj_doc_kind_code(plan->kind));
	aj_attr_str(meta, "period", plan->period);
	aj_attr_str(meta, "publicity", plan->public_ ? "public" : "internal");
	aj_attr_str(meta, "publicity-cn", plan->public_ ? "主动公开" : "不予公开");
	aj_attr_flag(meta, "public", plan->public_);
	aj_attr_str(meta, "name", plan->name);
	aj_attr_str(meta, "title", title);
	/* who issues it, to whom: the office profile */
	aj_attr_str(meta, "issuer", office->issuer);
	aj_attr_str(meta, "area", office->area);
	aj_attr_str(meta, "whole", whole); /* 全市, 全省: the whole area in the text */
	aj_attr_str(meta, "level", aj_area_level(office->area)); /* 市, 区, 省 */
	aj_attr_str(meta, "issuer-short", short_name);         /* 市安委办 */
	aj_attr_str(meta, "recipients", office->recipients);
	/* 市安委会各成员单位: the 主送 of internal documents */
	aj_attr_str(meta, "internal-recipients", internal);
	aj_attr_str(meta, "cc", office->cc);
	aj_attr_str(meta, "printer", office->printer);
	aj_attr_str(meta, "data-source", office->data_source);
	aj_attr_str(meta, "number-prefix", aj_office_prefix(office, plan->kind));
	aj_attr_int(meta, "year", plan->year);
	aj_attr_day(meta, "date", p->asof);
	aj_attr_day_cn(meta, "date-cn", p->asof);
	aj_attr_str(meta, "month-cn", month);
	/* "1—3月" (year to date), "1月" in January: the templates' YTD label */
	aj_attr_str(meta, "ytd-cn", ytd);
	aj_attr_flag(meta, "ytd-multi", aj_month_number(p->month) > 1); /* YTD ≠ M */
	aj_attr_str(meta, "period-cn", pc);
	aj_attr_day(meta, "as-of", p->asof);
	g_free(title);
	g_free(pc);
	g_free(whole);
	g_free(short_name);
	g_free(internal);
	g_free(month);
	g_free(ytd);
}

void aj_context_set_number(xmlDocPtr doc, const char *number, int serial)
{
	xmlNodePtr meta = aj_xml_child(xmlDocGetRootElement(doc), "meta");
	char buf[16];

	if (meta == NULL)
		return;
	g_snprintf(buf, sizeof buf, "%d", serial);
	xmlSetProp(meta, BAD_CAST "number", BAD_CAST number);
	xmlSetProp(meta, BAD_CAST "serial", BAD_CAST buf);
}

xmlDocPtr aj_context_new(const AjModel *m, const AjPeriod *p, const AjDocPlan *plan,
			 const AjOffice *office)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "document");

	xmlDocSetRootElement(doc, root);
	aj_attr_str(root, "kind", aj_doc_kind_code(plan->kind));
	aj_attr_str(root, "period", plan->period);
	aj_attr_str(root, "publicity", plan->public_ ? "public" : "internal");
	add_meta(root, m, p, plan, office);
	return doc;
}

xmlDocPtr aj_context_build(const AjModel *m, const AjPeriod *p, const AjCoverage *c,
			   const AjDocPlan *plan, const AjOffice *office)
{
	xmlDocPtr doc = aj_context_new(m, p, plan, office);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	AjQuarter q = aj_quarter_of_month(p->month);

	switch (plan->kind) {
	case AJ_DOC_BULLETIN:
		aj_ctx_bulletin(root, m, p, c);
		break;
	case AJ_DOC_EXPOSED:
		aj_ctx_exposed(root, m, p);
		break;
	case AJ_DOC_EXEMPLARS:
		aj_ctx_exemplars(root, m, q, p->asof);
		break;
	case AJ_DOC_EXEMPLAR_REVIEW:
		aj_ctx_exemplar_review(root, m, q, p->asof);
		break;
	case AJ_DOC_RECTIFICATION:
		aj_ctx_rectification(root, m,
				     &g_array_index(m->problem_lists, AjProblemList, plan->list),
				     p->asof);
		break;
	case AJ_DOC_HAZARD_SUPERVISION:
		aj_ctx_hazard_supervision(root, m, p);
		break;
	case AJ_DOC_ASSESSMENT: {
		AjAssessmentRule rule;
		aj_office_assessment_rule(office, &rule);
		aj_ctx_assessment(root, m, p, &rule);
		break;
	}
	}
	return doc;
}
