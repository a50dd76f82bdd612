#include "rules/documents.h"

#include "rules/rectification.h"

const char *aj_doc_kind_code(AjDocKind kind)
{
	static const char *const codes[] = { "bulletin",	"exposed",	 "exemplars",
					     "exemplar-review", "rectification", "hazard-supervision",
					     "assessment" };
	return codes[kind];
}

gboolean aj_doc_kind_parse(const char *code, AjDocKind *out)
{
	for (int k = AJ_DOC_BULLETIN; k <= AJ_DOC_ASSESSMENT; k++)
		if (g_strcmp0(code, aj_doc_kind_code((AjDocKind)k)) == 0) {
			*out = (AjDocKind)k;
			return TRUE;
		}
	return FALSE;
}

gboolean aj_doc_kind_public(AjDocKind kind)
{
	return kind != AJ_DOC_EXEMPLAR_REVIEW && kind != AJ_DOC_RECTIFICATION &&
	       kind != AJ_DOC_ASSESSMENT;
}

static void plan_free(gpointer p)
{
	AjDocPlan *d = p;
	g_free(d->period);
	g_free(d->name);
	g_free(d);
}

/* Problem-list ids are free text: bytes outside [A-Za-z0-9._-] become _XX. */
static char *safe_stem(const char *kind, const char *period)
{
	GString *s = g_string_new(kind);

	g_string_append_c(s, '-');
	for (const unsigned char *c = (const unsigned char *)period; *c != '\0'; c++) {
		if (g_ascii_isalnum(*c) || *c == '-' || (*c == '.' && c != (const unsigned char *)period))
			g_string_append_c(s, (char)*c);
		else
			g_string_append_printf(s, "_%02X", *c);
	}
	return g_string_free(s, FALSE);
}

static void add(GPtrArray *out, AjDocKind kind, char *period, int year, guint32 list)
{
	AjDocPlan *d = g_new0(AjDocPlan, 1);

	d->kind = kind;
	d->period = period;
	d->name = safe_stem(aj_doc_kind_code(kind), period);
	d->public_ = aj_doc_kind_public(kind);
	d->year = year;
	d->list = list;
	g_ptr_array_add(out, d);
}

GPtrArray *aj_documents_plan(const AjModel *m, const AjPeriod *p)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(plan_free);
	char buf[8];
	int year = aj_month_year(p->month);
	int asof_year = 0;
	GArray *lists = aj_problem_lists_due(m, p->asof);

	aj_day_ymd(p->asof, &asof_year, &(int){ 0 }, &(int){ 0 });
	add(out, AJ_DOC_BULLETIN, g_strdup(aj_month_format(p->month, buf)), year, AJ_NONE);
	add(out, AJ_DOC_EXPOSED, g_strdup(buf), year, AJ_NONE);
	if (aj_period_ends_quarter(p)) {
		AjQuarter q = aj_quarter_of_month(p->month);
		aj_quarter_format(q, buf);
		add(out, AJ_DOC_EXEMPLARS, g_strdup(buf), year, AJ_NONE);
		add(out, AJ_DOC_EXEMPLAR_REVIEW, g_strdup(buf), year, AJ_NONE);
	}
	for (guint i = 0; i < lists->len; i++) {
		guint32 li = g_array_index(lists, guint32, i);
		const AjProblemList *pl = &g_array_index(m->problem_lists, AjProblemList, li);
		add(out, AJ_DOC_RECTIFICATION, g_strdup(pl->id), asof_year, li);
	}
	add(out, AJ_DOC_HAZARD_SUPERVISION, g_strdup(aj_month_format(p->month, buf)), year, AJ_NONE);
	if (aj_month_number(p->month) == 12)
		add(out, AJ_DOC_ASSESSMENT, g_strdup_printf("%d", year), year, AJ_NONE);
	g_array_free(lists, TRUE);
	return out;
}

GPtrArray *aj_documents_plan_rollup(const AjPeriod *p)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(plan_free);
	char buf[8];
	int year = aj_month_year(p->month), month = aj_month_number(p->month);

	add(out, AJ_DOC_BULLETIN, g_strdup(aj_month_format(p->month, buf)), year, AJ_NONE);
	add(out, AJ_DOC_EXPOSED, g_strdup(buf), year, AJ_NONE);
	add(out, AJ_DOC_HAZARD_SUPERVISION, g_strdup(buf), year, AJ_NONE);
	if (month == 12)
		add(out, AJ_DOC_ASSESSMENT, g_strdup_printf("%d", year), year, AJ_NONE);
	return out;
}
