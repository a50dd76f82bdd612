/* 一企一档: an enterprise's public facts (penalties inside and outside the
 * publicity window, closed, blacklist in effect or expired, exposed and
 * exemplar lists, open listed major hazards), its public context (nothing
 * from reports), its dossier context (every record, reports as counts),
 * and the per-enterprise listings agree with the lists of rules/; the
 * page and the dossier are dated by their own last change, not the build. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "context/attrs.h"
#include "context/enterprise.h"
#include "rules/exemplars.h"
#include "rules/exposed.h"
#include "support/model_builder.h"

typedef struct {
	AjModel *m;
	guint32 e, closed, other;
	AjEntRecords *records;
	AjEntListings *listings;
	AjDay asof;
} Fixture;

static int setup(void **state)
{
	Fixture *f = g_new0(Fixture, 1);
	AjModel *m = ajt_model_new();

	ajt_district(m, "320505", "虎丘区");
	ajt_department(m, "yjj", "市应急管理局");
	f->m = m;
	f->asof = ajt_day("2026-03-31");
	f->e = ajt_enterprise(m, "91320505MA00000001", "320505", AJ_IND_HAZARDOUS_CHEMICALS, 150, 3000);
	f->closed = ajt_enterprise(m, "91320505MA00000002", "320505", AJ_IND_TRADE, 10, 100);
	f->other = ajt_enterprise(m, "91320505MA00000003", "320505", AJ_IND_TRADE, 10, 100);
	ajt_ent(m, f->closed)->closed = TRUE;

	ajt_grade(m, f->e, 2, "2024-05-01", "2027-04-30", NULL);
	ajt_director(m, f->e, "2023-01-10", NULL);
	ajt_commitment(m, f->e, 2026, "2026-02-01");
	ajt_insurance(m, f->e, "2026-01-01", "2026-12-31");
	/* window of 3 years at 2026-03-31: decisions from 2023-04-01 on */
	ajt_penalty(m, f->e, "2023-04-01", 1000, FALSE, FALSE);  /* CF-1: first day inside */
	ajt_penalty(m, f->e, "2023-03-31", 2000, FALSE, FALSE);  /* CF-2: a day before */
	ajt_penalty(m, f->e, "2026-03-10", 50000, TRUE, FALSE); /* CF-3: exposed in 2026-03 (X2) */
	ajt_penalty(m, f->e, "2026-04-02", 3000, FALSE, FALSE);  /* CF-4: after as-of */
	ajt_blacklist(m, f->e, "2026-01-05", "2027-01-04");      /* in effect */
	ajt_blacklist(m, f->e, "2024-01-01", "2024-12-31");      /* expired */
	ajt_hazard(m, f->e, TRUE, "2026-01-10", "2026-03-01", NULL, AJ_LISTED_CITY); /* YH-1 overdue */
	ajt_hazard(m, f->e, TRUE, "2026-01-10", "2026-03-01", "2026-02-20", AJ_LISTED_CITY); /* fixed */
	ajt_hazard(m, f->e, FALSE, "2026-01-10", "2026-05-01", NULL, AJ_LISTED_DISTRICT); /* general */
	ajt_hazard(m, f->e, TRUE, "2026-03-20", "2026-05-20", NULL, AJ_LISTED_NONE); /* not listed */
	ajt_exposure(m, f->e, "2025-11", "部门决定曝光的问题");
	ajt_inspection(m, f->e, "2026-02-03");
	ajt_accident(m, f->e, "2025-06-07", 0);
	ajt_training(m, f->e, "2026-01", 150, 150);
	ajt_training(m, f->e, "2026-02", 150, 140);
	ajt_report(m, f->e, "2026-01-05", "2026-01-20", "2026-01-10");
	ajt_report(m, f->e, "2026-03-25", "2026-03-28", NULL); /* late at as-of */
	ajt_nomination(m, f->e, "2025-Q4");

	/* the other enterprise: an exemplar of 2025-Q4, never exposed */
	ajt_grade(m, f->other, 3, "2024-01-01", "2027-01-01", NULL);
	ajt_commitment(m, f->other, 2025, "2025-01-10");
	for (int mo = 10; mo <= 12; mo++) {
		char month[8];
		g_snprintf(month, sizeof month, "2025-%02d", mo);
		ajt_training(m, f->other, month, 10, 10);
	}
	ajt_nomination(m, f->other, "2025-Q4");
	ajt_penalty(m, f->closed, "2022-01-01", 1000, FALSE, FALSE);

	f->records = aj_ent_records_new(m);
	f->listings = aj_ent_listings_new(m, f->asof);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	Fixture *f = *state;

	aj_ent_records_free(f->records);
	aj_ent_listings_free(f->listings);
	aj_model_free(f->m);
	g_free(f);
	return 0;
}

static const char *penalty_id(const Fixture *f, const AjEntPublic *p, guint i)
{
	return g_array_index(f->m->penalties, AjPenalty, g_array_index(p->penalties, guint32, i)).id;
}

static void public_facts(void **state)
{
	Fixture *f = *state;
	AjEntPublic p;

	aj_ent_public_init(&p);
	aj_ent_public(f->m, f->records, f->listings, f->e, f->asof, 3, &p);
	assert_int_equal(p.window_from, ajt_day("2023-04-01"));
	/* inside the window, newest first; the day before and after as-of are out */
	assert_int_equal(p.penalties->len, 2);
	assert_string_equal(penalty_id(f, &p, 0), "CF-3");
	assert_string_equal(penalty_id(f, &p, 1), "CF-1");
	/* the blacklist entry in effect, not the expired one */
	assert_int_equal(p.blacklists->len, 1);
	assert_int_equal(g_array_index(f->m->blacklists, AjBlacklist,
				       g_array_index(p.blacklists, guint32, 0)).from,
			 ajt_day("2026-01-05"));
	/* only the open listed major hazard */
	assert_int_equal(p.hazards->len, 1);
	assert_string_equal(g_array_index(f->m->hazards, AjHazard, g_array_index(p.hazards, guint32, 0)).id,
			    "YH-1");
	/* exposed, newest first: 2026-03 (X1 overdue hazard, X2 suspension),
	 * 2026-01 and 2024-01 (X4, each blacklist entry's first month), 2025-11 (X5) */
	assert_int_equal(p.exposed->len, 4);
	assert_int_equal(g_array_index(p.exposed, AjEntExposed, 0).month, ajt_month("2026-03"));
	assert_int_equal(g_array_index(p.exposed, AjEntExposed, 0).reasons, AJ_X1 | AJ_X2);
	assert_int_equal(g_array_index(p.exposed, AjEntExposed, 1).month, ajt_month("2026-01"));
	assert_int_equal(g_array_index(p.exposed, AjEntExposed, 1).reasons, AJ_X4);
	assert_int_equal(g_array_index(p.exposed, AjEntExposed, 2).month, ajt_month("2025-11"));
	assert_int_equal(g_array_index(p.exposed, AjEntExposed, 2).reasons, AJ_X5);
	assert_int_equal(g_array_index(p.exposed, AjEntExposed, 3).month, ajt_month("2024-01"));
	assert_false(p.closed);
	assert_int_equal(p.grade_state, AJ_GRADE_VALID);
	assert_int_equal(p.commitment, ajt_day("2026-02-01"));
	assert_int_equal(p.director_need, AJ_DIRECTOR_REQUIRED);
	assert_non_null(p.director);
	assert_non_null(p.insurance);
	assert_int_equal(p.exemplar->len, 0); /* vetoed: penalties, hazards, … */

	/* a window of one year leaves the 2023 decision and the 2024 list out */
	aj_ent_public(f->m, f->records, f->listings, f->e, f->asof, 1, &p);
	assert_int_equal(p.penalties->len, 1);
	assert_string_equal(penalty_id(f, &p, 0), "CF-3");
	assert_int_equal(p.exposed->len, 3);

	aj_ent_public(f->m, f->records, f->listings, f->closed, f->asof, 3, &p);
	assert_true(p.closed);
	assert_int_equal(p.penalties->len, 0); /* 2022: outside */

	aj_ent_public(f->m, f->records, f->listings, f->other, f->asof, 3, &p);
	assert_int_equal(p.exemplar->len, 1);
	assert_int_equal(g_array_index(p.exemplar, AjQuarter, 0), aj_quarter_of_month(ajt_month("2025-12")));
	assert_int_equal(p.exposed->len, 0);
	aj_ent_public_clear(&p);
}

/* The listings agree with the exposed lists of rules/exposed.h, month by month. */
static void listings_match_lists(void **state)
{
	Fixture *f = *state;

	for (AjMonth mo = ajt_month("2025-01"); mo <= ajt_month("2026-03"); mo++) {
		AjPeriod p;
		GArray *rows;
		aj_period_init(&p, mo, mo == ajt_month("2026-03") ? f->asof : AJ_DAY_NONE);
		rows = aj_exposed_list(f->m, &p);
		for (guint32 ent = 0; ent < f->m->enterprises->len; ent++) {
			guint n, want = 0, got = 0;
			const AjEntExposed *x = aj_ent_exposed(f->listings, ent, &n);
			for (guint i = 0; i < rows->len; i++)
				if (g_array_index(rows, AjExposedRow, i).enterprise == ent)
					want = g_array_index(rows, AjExposedRow, i).reasons;
			for (guint i = 0; i < n; i++)
				if (x[i].month == mo)
					got = x[i].reasons;
			assert_int_equal(got, want);
		}
		aj_exposed_list_free(rows);
	}
}

static char *dump(xmlNodePtr n)
{
	GString *s = g_string_new(NULL);

	aj_xml_dump(s, n);
	return g_string_free(s, FALSE);
}

static xmlNodePtr holder(void)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"holder");

	xmlDocSetRootElement(doc, root);
	return root;
}

static void public_context(void **state)
{
	Fixture *f = *state;
	AjEntSource s = { f->m, f->records, f->listings, f->asof, 3 };
	AjEntPublic p;
	xmlNodePtr h = holder();
	char *xml;

	aj_ent_public_init(&p);
	xml = dump(aj_ctx_enterprise_public(h, &s, f->e, &p));
	assert_non_null(strstr(xml, "id=\"CF-1\""));
	assert_non_null(strstr(xml, "id=\"CF-3\""));
	assert_null(strstr(xml, "CF-2"));
	assert_null(strstr(xml, "CF-4"));
	assert_non_null(strstr(xml, "<exposed kind=\"exposed\" period=\"2025-11\""));
	assert_non_null(strstr(xml, "in-effect=\"true\""));
	assert_null(strstr(xml, "已到期"));
	assert_non_null(strstr(xml, "state-cn=\"逾期未整改\""));
	/* public facts only: no report, no address, no veto */
	assert_null(strstr(xml, "举报"));
	assert_null(strstr(xml, "JB-"));
	assert_null(strstr(xml, "苏州市测试路"));
	assert_null(strstr(xml, "veto"));
	assert_null(strstr(xml, "nomination"));
	g_free(xml);
	xml = dump(aj_ctx_enterprise_public(h, &s, f->closed, &p));
	assert_non_null(strstr(xml, "closed=\"true\""));
	assert_non_null(strstr(xml, "status-cn=\"已关闭\""));
	g_free(xml);
	aj_ent_public_clear(&p);
	xmlFreeDoc(h->doc);
}

static void dossier_context(void **state)
{
	Fixture *f = *state;
	AjEntSource s = { f->m, f->records, f->listings, f->asof, 3 };
	xmlNodePtr h = holder();
	char *xml = dump(aj_ctx_enterprise_dossier(h, &s, f->e, NULL));
	static const char *const every[] = {
		"CF-1", "CF-2", "CF-3", "YH-1", "YH-2", "YH-3", "YH-4", "JC-1", "SG-1",
		"month=\"2026-01\"", "month=\"2026-02\"", "部门决定曝光的问题", "失信原因",
		"from=\"2024-01-01\"", "state-cn=\"已到期\"", "quarter-cn=\"2025年第四季度\"",
		"result-cn=\"否决\"", "苏州市测试路1号", "grade-cn=\"二级\"", "reports-total=\"2\"",
		"received=\"2\"", "late=\"1\"",
	};

	for (gsize i = 0; i < G_N_ELEMENTS(every); i++)
		if (strstr(xml, every[i]) == NULL)
			fail_msg("the dossier lacks %s", every[i]);
	assert_null(strstr(xml, "CF-4"));      /* dated after as-of */
	assert_null(strstr(xml, "举报内容"));  /* reports are counts only */
	assert_null(strstr(xml, "JB-"));
	assert_null(strstr(xml, "anonymous"));
	g_free(xml);
	xmlFreeDoc(h->doc);
}

/* The dossier of ent as of asof (its own day into *dated). */
static char *dossier_at(AjModel *m, const AjEntRecords *r, guint32 ent, const char *asof,
			AjDay *dated)
{
	AjEntListings *l = aj_ent_listings_new(m, ajt_day(asof));
	AjEntSource s = { m, r, l, ajt_day(asof), 3 };
	xmlNodePtr h = holder();
	char *xml = dump(aj_ctx_enterprise_dossier(h, &s, ent, dated));

	xmlFreeDoc(h->doc);
	aj_ent_listings_free(l);
	return xml;
}

/* A dossier is dated by its newest entry, not by the build: the same
 * bytes months later when nothing happened; a hazard falling overdue is an
 * entry of its own (the day after its deadline); nothing at all, no date. */
static void dossier_dated(void **state)
{
	Fixture *f = *state;
	AjModel *m = ajt_model_new();
	guint32 e, idle;
	AjEntRecords *r;
	AjDay dated = 0;
	char *a, *b;

	/* the fixture's exemplar: its newest entry is 2025-Q4's review */
	a = dossier_at(f->m, f->records, f->other, "2026-03-31", &dated);
	b = dossier_at(f->m, f->records, f->other, "2026-09-30", NULL);
	assert_int_equal(dated, ajt_day("2025-12-31"));
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "as-of=\"2025-12-31\" as-of-cn=\"2025年12月31日\""));
	g_free(a);
	g_free(b);

	ajt_district(m, "320505", "虎丘区");
	e = ajt_enterprise(m, "91320505MA00000001", "320505", AJ_IND_TRADE, 10, 100);
	idle = ajt_enterprise(m, "91320505MA00000002", "320505", AJ_IND_TRADE, 10, 100);
	ajt_training(m, e, "2026-01", 10, 10);
	ajt_hazard(m, e, FALSE, "2026-01-10", "2026-02-10", NULL, AJ_LISTED_NONE);
	r = aj_ent_records_new(m);
	a = dossier_at(m, r, e, "2026-01-31", &dated);
	assert_int_equal(dated, ajt_day("2026-01-10"));
	assert_non_null(strstr(a, "state-cn=\"整改中\""));
	g_free(a);
	a = dossier_at(m, r, e, "2026-02-28", &dated);
	assert_int_equal(dated, ajt_day("2026-02-11"));
	assert_non_null(strstr(a, "state-cn=\"逾期未整改\""));
	b = dossier_at(m, r, e, "2026-03-31", NULL);
	assert_string_equal(a, b);
	g_free(a);
	g_free(b);
	a = dossier_at(m, r, idle, "2026-03-31", &dated);
	assert_int_equal(dated, AJ_DAY_NONE);
	assert_non_null(strstr(a, "as-of=\"\""));
	g_free(a);
	aj_ent_records_free(r);
	aj_model_free(m);
}

/* The public context of ent as of asof (the day its facts last changed
 * into *changed). */
static char *public_at(AjModel *m, const AjEntRecords *r, guint32 ent, const char *asof,
		       AjDay *changed)
{
	AjEntListings *l = aj_ent_listings_new(m, ajt_day(asof));
	AjEntSource s = { m, r, l, ajt_day(asof), 3 };
	AjEntPublic p;
	xmlNodePtr h = holder();
	char *xml;

	aj_ent_public_init(&p);
	xml = dump(aj_ctx_enterprise_public(h, &s, ent, &p));
	if (changed != NULL)
		*changed = p.changed;
	aj_ent_public_clear(&p);
	xmlFreeDoc(h->doc);
	aj_ent_listings_free(l);
	return xml;
}

/* The public context of ent as of later is xml, byte for byte. */
static void assert_kept(AjModel *m, const AjEntRecords *r, guint32 ent, const char *xml,
			const char *later)
{
	char *b = public_at(m, r, ent, later, NULL);

	assert_string_equal(xml, b);
	g_free(b);
}

/* A public page is dated by the last day one of its public facts changed:
 * the year's duties beginning, a penalty leaving the window on the day it
 * does, a blacklisting running out; a report (received, falling overdue)
 * or an inspection never; the same bytes months later when nothing
 * public happened. */
static void public_dated(void **state)
{
	AjModel *m = ajt_model_new();
	guint32 quiet, fined, listed;
	AjEntRecords *r;
	AjDay changed = 0;
	char *a;

	ajt_district(m, "320505", "虎丘区");
	ajt_department(m, "yjj", "市应急管理局");
	quiet = ajt_enterprise(m, "91320505MA00000001", "320505", AJ_IND_TRADE, 10, 100);
	fined = ajt_enterprise(m, "91320505MA00000002", "320505", AJ_IND_TRADE, 10, 100);
	listed = ajt_enterprise(m, "91320505MA00000003", "320505", AJ_IND_TRADE, 10, 100);
	ajt_report(m, quiet, "2026-04-03", "2026-04-18", NULL);
	ajt_report(m, quiet, "2026-06-02", "2026-06-10", "2026-06-09");
	ajt_inspection(m, quiet, "2026-05-06");
	ajt_penalty(m, fined, "2023-05-10", 20000, FALSE, FALSE);
	ajt_blacklist(m, listed, "2025-06-01", "2026-02-14");
	r = aj_ent_records_new(m);

	a = public_at(m, r, quiet, "2026-04-30", &changed);
	assert_int_equal(changed, ajt_day("2026-01-01"));
	assert_non_null(strstr(a, "changed=\"2026-01-01\" changed-cn=\"2026年1月1日\""));
	assert_null(strstr(a, "2026-04-30"));
	assert_null(strstr(a, "JB-"));
	assert_kept(m, r, quiet, a, "2026-06-30");
	g_free(a);

	a = public_at(m, r, fined, "2026-05-09", &changed);
	assert_int_equal(changed, ajt_day("2026-01-01"));
	assert_non_null(strstr(a, "until=\"2026-05-09\""));
	g_free(a);
	a = public_at(m, r, fined, "2026-05-10", &changed);
	assert_int_equal(changed, ajt_day("2026-05-10"));
	assert_null(strstr(a, "<penalty"));
	assert_kept(m, r, fined, a, "2026-12-31");
	g_free(a);

	a = public_at(m, r, listed, "2026-01-31", &changed);
	assert_int_equal(changed, ajt_day("2026-01-01"));
	assert_non_null(strstr(a, "<blacklist"));
	g_free(a);
	a = public_at(m, r, listed, "2026-03-31", &changed);
	assert_int_equal(changed, ajt_day("2026-02-15"));
	assert_null(strstr(a, "<blacklist"));
	g_free(a);
	aj_ent_records_free(r);
	aj_model_free(m);
}

/* The day a date leaves the window is the first whose window starts after
 * it, 29 February included. */
static void window_left(void **state)
{
	assert_int_equal(aj_publicity_window_left(ajt_day("2023-05-10"), 3), ajt_day("2026-05-10"));
	assert_int_equal(aj_publicity_window_left(ajt_day("2024-02-29"), 1), ajt_day("2025-03-01"));
	assert_int_equal(aj_publicity_window_left(ajt_day("2023-02-28"), 1), ajt_day("2024-02-28"));
	for (AjDay d = ajt_day("2023-01-01"); d <= ajt_day("2024-12-31"); d++)
		for (int years = 1; years <= 5; years++) {
			AjDay left = aj_publicity_window_left(d, years);
			assert_true(d < aj_publicity_window_start(left, years));
			assert_true(d >= aj_publicity_window_start(left - 1, years));
		}
}

static void window_start(void **state)
{
	assert_int_equal(aj_publicity_window_start(ajt_day("2026-03-31"), 3), ajt_day("2023-04-01"));
	assert_int_equal(aj_publicity_window_start(ajt_day("2028-02-29"), 1), ajt_day("2027-03-01"));
	assert_int_equal(aj_publicity_window_start(ajt_day("2026-01-01"), 5), ajt_day("2021-01-02"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(public_facts, setup, teardown),
		cmocka_unit_test_setup_teardown(listings_match_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(public_context, setup, teardown),
		cmocka_unit_test_setup_teardown(dossier_context, setup, teardown),
		cmocka_unit_test_setup_teardown(dossier_dated, setup, teardown),
		cmocka_unit_test(public_dated),
		cmocka_unit_test(window_start),
		cmocka_unit_test(window_left),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
