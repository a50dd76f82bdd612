/* Contexts of the publicity lists: exposed (section 2), exemplars and
 * their veto review (section 3). */
#include "context/attrs.h"
#include "context/labels.h"
#include "context/parts.h"
#include "rules/exemplars.h"
#include "rules/exposed.h"
#include "rules/obligations.h"

void aj_ctx_enterprise(xmlNodePtr node, const AjModel *m, guint32 ent)
{
	const AjEnterprise *e = AJ_ENTERPRISE(m, ent);
	const AjIndustryInfo *ind = aj_industry_info(e->industry);

	aj_attr_str(node, "enterprise", e->id);
	aj_attr_str(node, "name", e->name);
	aj_attr_str(node, "address", e->address);
	aj_attr_str(node, "district", AJ_DISTRICT(m, e->district)->code);
	aj_attr_str(node, "district-name", AJ_DISTRICT(m, e->district)->name);
	aj_attr_str(node, "industry", ind->code);
	aj_attr_str(node, "industry-label", ind->label);
}

static void append(GString *s, const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	if (s->len > 0)
		g_string_append(s, "；");
	g_string_append(s, text);
}

static void describe_penalty(const AjPenalty *r, GString *problem, GString *handling)
{
	GString *h = g_string_new(NULL);
	xmlNodePtr tmp = xmlNewNode(NULL, BAD_CAST "x");
	xmlChar *wan;

	aj_attr_wan(tmp, "w", r->fine);
	wan = xmlGetProp(tmp, BAD_CAST "w");
	append(problem, r->violation);
	if (r->fine > 0)
		g_string_append_printf(h, "罚款%s万元", (const char *)wan);
	if (r->suspension)
		g_string_append_printf(h, "%s责令停产停业整顿", h->len ? "，" : "");
	if (r->serious)
		g_string_append_printf(h, "%s列为严重违法违规行为", h->len ? "，" : "");
	append(handling, h->str);
	xmlFree(wan);
	xmlFreeNode(tmp);
	g_string_free(h, TRUE);
}

static void exposed_row(xmlNodePtr x, const AjModel *m, const AjExposedRow *r)
{
	GString *problem = g_string_new(NULL), *handling = g_string_new(NULL);

	for (int k = 0; k < AJ_X_COUNT; k++) {
		xmlNodePtr reason;
		if (!(r->reasons & (1u << k)))
			continue;
		reason = aj_child(x, "reason");
		aj_attr_str(reason, "code", aj_exposed_code(k));
		aj_attr_str(reason, "label", aj_label_exposed(k));
	}
	for (guint i = 0; i < r->hazards->len; i++) {
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, g_array_index(r->hazards, guint32, i));
		char *deadline = aj_day_format_cn(h->deadline);
		char *t = g_strdup_printf("重大事故隐患逾期未整改：%s（整改期限%s）", h->description,
					  deadline);
		append(problem, t);
		g_free(t);
		g_free(deadline);
	}
	if (r->hazards->len > 0)
		append(handling, "督促限期整改");
	for (guint i = 0; i < r->penalties->len; i++)
		describe_penalty(&g_array_index(m->penalties, AjPenalty,
						g_array_index(r->penalties, guint32, i)),
				 problem, handling);
	for (guint i = 0; i < r->accidents->len; i++) {
		const AjAccident *a = &g_array_index(m->accidents, AjAccident,
						     g_array_index(r->accidents, guint32, i));
		char *day = aj_day_format_cn(a->date);
		char *t = g_strdup_printf("%s发生生产安全事故，造成%u人死亡", day, a->deaths);
		append(problem, t);
		g_free(t);
		g_free(day);
	}
	if (r->accidents->len > 0)
		append(handling, "依法开展事故调查处理");
	for (guint i = 0; i < r->blacklists->len; i++) {
		const AjBlacklist *b = &g_array_index(m->blacklists, AjBlacklist,
						      g_array_index(r->blacklists, guint32, i));
		char *day = aj_day_format_cn(b->from);
		char *t = g_strdup_printf("自%s起列入失信联合惩戒对象", day);
		append(problem, b->reason);
		append(handling, t);
		g_free(t);
		g_free(day);
	}
	for (guint i = 0; i < r->exposures->len; i++) {
		const AjExposure *e = &g_array_index(m->exposures, AjExposure,
						     g_array_index(r->exposures, guint32, i));
		append(problem, e->problem);
		append(handling, e->handling);
	}
	/* An exposure record without <handling>: the exposure itself is what
	 * was done, and the list must not print an empty 处理情况. */
	if (handling->len == 0)
		append(handling, "予以公开曝光");
	aj_attr_str(x, "problem", problem->str);
	aj_attr_str(x, "handling", handling->str);
	g_string_free(problem, TRUE);
	g_string_free(handling, TRUE);
}

void aj_ctx_exposed(xmlNodePtr parent, const AjModel *m, const AjPeriod *p)
{
	GArray *rows = aj_exposed_list(m, p);

	aj_attr_int(parent, "count", rows->len);
	aj_attr_flag(parent, "has-entries", rows->len > 0);
	for (guint i = 0; i < rows->len; i++) {
		const AjExposedRow *r = &g_array_index(rows, AjExposedRow, i);
		xmlNodePtr x = aj_child(parent, "entry");
		aj_ctx_enterprise(x, m, r->enterprise);
		aj_attr_int(x, "no", i + 1);
		exposed_row(x, m, r);
	}
	aj_exposed_list_free(rows);
}

void aj_ctx_exemplars(xmlNodePtr parent, const AjModel *m, AjQuarter q, AjDay asof)
{
	GArray *review = aj_exemplar_review(m, q, asof);
	GArray *list = aj_exemplar_list(review);
	AjDay end = aj_quarter_last_day(q);

	aj_attr_int(parent, "count", list->len);
	aj_attr_flag(parent, "has-entries", list->len > 0);
	for (guint i = 0; i < list->len; i++) {
		guint32 ent = g_array_index(list, guint32, i);
		const AjEnterprise *e = AJ_ENTERPRISE(m, ent);
		xmlNodePtr x = aj_child(parent, "entry");
		int grade = aj_grade_on(e, end, asof);
		aj_ctx_enterprise(x, m, ent);
		aj_attr_int(x, "no", i + 1);
		if (grade > 0) {
			aj_attr_int(x, "grade", grade);
			aj_attr_str(x, "grade-cn", aj_label_grade(grade));
		}
	}
	g_array_free(list, TRUE);
	g_array_free(review, TRUE);
}

void aj_ctx_exemplar_review(xmlNodePtr parent, const AjModel *m, AjQuarter q, AjDay asof)
{
	GArray *review = aj_exemplar_review(m, q, asof);
	gint64 passed = 0;

	for (guint i = 0; i < review->len; i++) {
		const AjReviewRow *r = &g_array_index(review, AjReviewRow, i);
		const AjNomination *n = &g_array_index(m->nominations, AjNomination, r->nomination);
		xmlNodePtr x = aj_child(parent, "nomination");
		GString *reasons = g_string_new(NULL);
		aj_ctx_enterprise(x, m, r->enterprise);
		aj_attr_int(x, "no", i + 1);
		aj_attr_str(x, "department", g_array_index(m->departments, AjDepartment, n->department).id);
		aj_attr_str(x, "department-name",
			    g_array_index(m->departments, AjDepartment, n->department).name);
		aj_attr_bool(x, "passed", r->vetoes == 0);
		aj_attr_str(x, "result-cn", r->vetoes == 0 ? "通过" : "否决");
		passed += r->vetoes == 0;
		for (int v = 1; v <= AJ_VETO_COUNT; v++) {
			xmlNodePtr veto;
			char code[8];
			if (!(r->vetoes & AJ_VETO(v)))
				continue;
			g_snprintf(code, sizeof code, "V%d", v);
			veto = aj_child(x, "veto");
			aj_attr_str(veto, "code", code);
			aj_attr_str(veto, "label", aj_label_veto(v));
			append(reasons, aj_label_veto(v));
		}
		aj_attr_str(x, "reasons-cn", reasons->len ? reasons->str : "无");
		aj_text_child(x, "note", n->reason);
		g_string_free(reasons, TRUE);
	}
	aj_attr_int(parent, "count", review->len);
	aj_attr_int(parent, "passed", passed);
	aj_attr_int(parent, "vetoed", (gint64)review->len - passed);
	aj_attr_flag(parent, "has-entries", review->len > 0);
	g_array_free(review, TRUE);
}
