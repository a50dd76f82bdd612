/* Every document template filled from a real context (rules + context over
 * a small model): the result must parse as a document (front matter keys,
 * attachments), carry the context's title and figures, and show a hostile
 * enterprise name as plain text in the exposed list.  Each template passes
 * the name check against its kind's specimen (schema/context/KIND.xml),
 * and each context, of this model and of the sample data in data/, holds no
 * element or attribute its specimen lacks.
 * AJ_TEMPLATE_OUT=DIR writes the filled Markdown there, to read. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "context/context.h"
#include "context/specimen.h"
#include "load/load.h"
#include "markdown/document.h"
#include "office/office.h"
#include "rules/documents.h"
#include "support/model_builder.h"
#include "template/template.h"

#define HOSTILE "A*B_C|D#1 <script>alert(1)</script> [x](javascript:alert(1))"

typedef struct {
	AjModel *m;
	AjPeriod p;
	AjCoverage *c;
	GPtrArray *plans;
	AjOffice *office;
} Fixture;

static AjModel *model(void)
{
	AjModel *m = ajt_model_new();
	guint32 bad, good, other, list;

	ajt_district(m, "320505", "虎丘区");
	ajt_district(m, "320506", "吴中区");
	ajt_department(m, "yjj", "市应急管理局");
	bad = ajt_enterprise(m, "91320505MA1XXXXX01", "320505", AJ_IND_CHEMICAL, 120, 5000);
	ajt_ent(m, bad)->name = aj_model_intern(m, HOSTILE);
	good = ajt_enterprise(m, "91320506MA1XXXXX02", "320506", AJ_IND_MANUFACTURING, 20, 800);
	ajt_ent(m, good)->name = aj_model_intern(m, "苏州示范精密制造有限公司");
	other = ajt_enterprise(m, "91320506MA1XXXXX03", "320506", AJ_IND_TRADE, 5, 100);
	ajt_grade(m, good, 2, "2025-01-01", "2027-12-31", NULL);
	ajt_commitment(m, good, 2026, "2026-01-10");
	for (int mo = 1; mo <= 3; mo++) {
		char month[8];
		g_snprintf(month, sizeof month, "2026-%02d", mo);
		ajt_training(m, good, month, 20, 20);
	}
	ajt_nomination(m, good, "2026-Q1");
	ajt_nomination(m, bad, "2026-Q1");
	for (int i = 0; i < 7; i++)
		ajt_inspection(m, i % 2 ? other : bad, i < 4 ? "2026-03-10" : "2026-02-10");
	ajt_inspection(m, bad, "2025-03-10");
	ajt_inspection(m, other, "2025-03-11");
	ajt_inspection(m, other, "2025-01-11"); /* January 2025 covered: YTD comparable */
	ajt_penalty(m, bad, "2026-03-12", 25000, TRUE, FALSE);
	ajt_penalty(m, bad, "2025-02-12", 1000, FALSE, FALSE);
	ajt_accident(m, other, "2026-03-15", 1);
	ajt_hazard(m, bad, TRUE, "2026-01-05", "2026-02-28", NULL, AJ_LISTED_CITY);
	list = ajt_problem_list(m, "PL-2026-01", "2026-01-20");
	ajt_problem(m, list, "P1", AJ_PROBLEM_DONE, "2026-02-28", "2026-02-20");
	ajt_problem(m, list, "P2", AJ_PROBLEM_IN_PROGRESS, "2026-03-15", NULL);
	ajt_problem(m, list, "P3", AJ_PROBLEM_LONG_TERM, NULL, NULL);
	return m;
}

static int setup(void **state)
{
	Fixture *f = g_new0(Fixture, 1);

	f->m = model();
	f->office = ajt_office();
	assert_true(aj_period_init(&f->p, ajt_month("2026-03"), AJ_DAY_NONE));
	f->c = aj_coverage_new(f->m, f->p.asof);
	f->plans = aj_documents_plan(f->m, &f->p);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	Fixture *f = *state;

	g_ptr_array_unref(f->plans);
	aj_coverage_free(f->c);
	aj_model_free(f->m);
	aj_office_free(f->office);
	g_free(f);
	return 0;
}

/* Fails on link, image-less raw HTML and emphasis nodes anywhere. */
static void no_markup_from_data(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node_type t = cmark_node_get_type(cmark_iter_get_node(it));

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_LINK || t == CMARK_NODE_HTML_INLINE || t == CMARK_NODE_HTML_BLOCK ||
		    t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG || t == CMARK_NODE_CODE)
			fail_msg("markup node %s in the document",
				 cmark_node_get_type_string(cmark_iter_get_node(it)));
	}
	cmark_iter_free(it);
}

/* TRUE when some table cell's text is exactly want. */
static gboolean has_cell(cmark_node *root, const char *want)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	gboolean found = FALSE;

	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER && strcmp(cmark_node_get_type_string(n), "table_cell") == 0) {
			char *text = aj_document_node_text(n);
			found = strcmp(text, want) == 0;
			g_free(text);
		}
	}
	cmark_iter_free(it);
	return found;
}

static char *fill(Fixture *f, const AjDocPlan *plan, xmlDocPtr *ctx)
{
	char *path = g_strdup_printf("templates/%s.md", aj_doc_kind_code(plan->kind));
	GError *err = NULL;
	char *text;
	const char *dir = g_getenv("AJ_TEMPLATE_OUT");

	xmlDocPtr specimen = aj_context_specimen(aj_doc_kind_code(plan->kind));
	AjFilled filled;

	assert_non_null(specimen);
	*ctx = aj_context_build(f->m, &f->p, f->c, plan, f->office);
	aj_context_set_number(*ctx, "测安办通〔2026〕3号", 3);
	if (!aj_template_fill(path, xmlDocGetRootElement(*ctx), xmlDocGetRootElement(specimen),
			      &filled, &err))
		fail_msg("%s", err->message);
	text = filled.text;
	filled.text = NULL;
	aj_filled_clear(&filled);
	xmlFreeDoc(specimen);
	if (dir) {
		char *out = g_strdup_printf("%s/%s.md", dir, plan->name);
		char *data = g_strdup_printf("%s/%s.xml", dir, plan->name);
		g_file_set_contents(out, text, -1, NULL);
		xmlSaveFormatFileEnc(data, *ctx, "UTF-8", 1);
		g_free(out);
		g_free(data);
	}
	g_free(path);
	return text;
}

static void every_template_parses(void **state)
{
	Fixture *f = *state;
	guint kinds = 0;

	for (guint i = 0; i < f->plans->len; i++) {
		const AjDocPlan *plan = f->plans->pdata[i];
		xmlDocPtr ctx;
		char *text = fill(f, plan, &ctx);
		GError *err = NULL;
		AjDocument *doc = aj_document_parse(text, strlen(text), plan->name, &err);
		char *title = aj_context_title(f->m, plan, f->office);

		if (!doc)
			fail_msg("%s: %s", plan->name, err->message);
		assert_true(doc->has_front_matter);
		assert_string_equal(doc->meta.title, title);
		assert_string_equal(doc->meta.publicity, plan->public_ ? "public" : "internal");
		assert_string_equal(doc->meta.issuer, "测试市安全生产委员会办公室");
		assert_string_equal(doc->meta.number, "测安办通〔2026〕3号");
		assert_string_equal(doc->meta.date, "2026-03-31");
		assert_non_null(doc->meta.recipients);
		/* the office's own words come from its profile, never from a template */
		assert_string_equal(doc->meta.printer, "测试市安全生产委员会办公室");
		if (plan->public_) {
			assert_string_equal(doc->meta.recipients, "各区安委会，市安委会各成员单位");
			assert_string_equal(doc->meta.cc, "省安委办，市政府办公室");
		}
		no_markup_from_data(doc->root);
		kinds |= 1u << plan->kind;
		aj_document_free(doc);
		g_free(title);
		g_free(text);
		xmlFreeDoc(ctx);
	}
	assert_int_equal(kinds, 0x3f); /* all six kinds at a quarter end */
}

static const AjDocPlan *plan_of(Fixture *f, AjDocKind kind)
{
	for (guint i = 0; i < f->plans->len; i++)
		if (((const AjDocPlan *)f->plans->pdata[i])->kind == kind)
			return f->plans->pdata[i];
	fail_msg("no plan of kind %d", kind);
	return NULL;
}

static void bulletin_figures(void **state)
{
	Fixture *f = *state;
	xmlDocPtr ctx;
	char *text = fill(f, plan_of(f, AJ_DOC_BULLETIN), &ctx);
	AjDocument *doc = aj_document_parse(text, strlen(text), "bulletin", NULL);

	assert_non_null(doc);
	/* YTD 2026: 7 inspections vs 3 in 2025: +133.3% */
	assert_non_null(strstr(text, "1—3月，全市共开展执法检查7家次，同比上升133.3%"));
	assert_non_null(strstr(text, "3月，全市开展执法检查4家次"));
	assert_non_null(strstr(text, "罚款2.50万元，责令停产停业整顿1家"));
	assert_non_null(strstr(text, "![全市近12个月事故起数和死亡人数](chart:accidents-12m)"));
	assert_non_null(strstr(text, "(chart:enforcement-by-district)"));
	assert_non_null(strstr(text, "(chart:hazards-by-district)"));
	assert_non_null(strstr(text, "# 五、本质安全示范企业"));
	assert_non_null(strstr(text, "# 六、主体责任落实情况"));
	assert_non_null(strstr(text, "一是"));
	assert_true(has_cell(doc->root, HOSTILE));
	assert_true(has_cell(doc->root, "苏州示范精密制造有限公司"));
	assert_true(has_cell(doc->root, "全市"));
	aj_document_free(doc);
	g_free(text);
	xmlFreeDoc(ctx);
}

static void exposed_lists_hostile_name_as_text(void **state)
{
	Fixture *f = *state;
	xmlDocPtr ctx;
	char *text = fill(f, plan_of(f, AJ_DOC_EXPOSED), &ctx);
	AjDocument *doc = aj_document_parse(text, strlen(text), "exposed", NULL);

	assert_non_null(doc);
	assert_true(has_cell(doc->root, HOSTILE));
	assert_true(has_cell(doc->root, "91320505MA1XXXXX01"));
	assert_null(strstr(text, "<script>"));
	assert_non_null(doc->meta.attachments);
	assert_int_equal(doc->meta.attachments->len, 1);
	no_markup_from_data(doc->root);
	aj_document_free(doc);
	g_free(text);
	xmlFreeDoc(ctx);
}

/* Fails when el (a context element at path) has an element or attribute
 * that spec, its specimen element, lacks. */
static void covered(xmlNodePtr el, xmlNodePtr spec, const char *kind, const char *path)
{
	for (xmlAttrPtr a = el->properties; a != NULL; a = a->next)
		if (!xmlHasProp(spec, a->name))
			fail_msg("a %s context has %s/@%s, which schema/context/%s.xml lacks: add it "
				 "there", kind, path, (const char *)a->name, kind);
	for (xmlNodePtr c = el->children; c != NULL; c = c->next) {
		xmlNodePtr s = spec->children;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		while (s != NULL && !(s->type == XML_ELEMENT_NODE && xmlStrEqual(s->name, c->name)))
			s = s->next;
		char *sub = g_strdup_printf("%s/%s", path, (const char *)c->name);
		if (s == NULL)
			fail_msg("a %s context has %s, which schema/context/%s.xml lacks: add it there",
				 kind, sub, kind);
		covered(c, s, kind, sub);
		g_free(sub);
	}
}

static void contexts_covered(const AjModel *m, const AjOffice *office, AjMonth month)
{
	AjPeriod p;
	AjCoverage *c;
	GPtrArray *plans;

	assert_true(aj_period_init(&p, month, AJ_DAY_NONE));
	c = aj_coverage_new(m, p.asof);
	plans = aj_documents_plan(m, &p);
	for (guint i = 0; i < plans->len; i++) {
		const AjDocPlan *plan = plans->pdata[i];
		const char *kind = aj_doc_kind_code(plan->kind);
		xmlDocPtr ctx = aj_context_build(m, &p, c, plan, office);
		xmlDocPtr spec = aj_context_specimen(kind);

		assert_non_null(spec);
		aj_context_set_number(ctx, "测安办通〔2026〕3号", 3); /* as drafts have */
		covered(xmlDocGetRootElement(ctx), xmlDocGetRootElement(spec), kind, "document");
		xmlFreeDoc(spec);
		xmlFreeDoc(ctx);
	}
	g_ptr_array_unref(plans);
	aj_coverage_free(c);
}

static void specimens_cover_contexts(void **state)
{
	Fixture *f = *state;
	GError *err = NULL;
	AjModel *sample = aj_load_dir("data", &err);
	AjOffice *office = sample != NULL ? aj_office_load("data/office.yml", &err) : NULL;

	contexts_covered(f->m, f->office, ajt_month("2026-03"));
	contexts_covered(f->m, f->office, ajt_month("2026-02"));
	if (office == NULL)
		fail_msg("the sample data: %s", err->message);
	contexts_covered(sample, office, ajt_month("2026-03"));
	contexts_covered(sample, office, ajt_month("2026-01"));
	contexts_covered(sample, office, ajt_month("2025-12")); /* with the assessment */
	aj_office_free(office);
	aj_model_free(sample);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_template_parses),
		cmocka_unit_test(bulletin_figures),
		cmocka_unit_test(exposed_lists_hostile_name_as_text),
		cmocka_unit_test(specimens_cover_contexts),
	};
	return cmocka_run_group_tests_name("template_documents", tests, setup, teardown);
}
