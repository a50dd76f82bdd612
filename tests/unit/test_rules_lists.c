/* Sections 2 and 3: exposed list reasons X1–X5 and order; exemplar vetoes
 * V1–V10, each on a nominee failing only that veto. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rules/exemplars.h"
#include "rules/exposed.h"
#include "support/model_builder.h"

static AjModel *model(void)
{
	AjModel *m = ajt_model_new();

	ajt_district(m, "320505", "虎丘区");
	ajt_district(m, "320506", "吴中区");
	return m;
}

static guint reasons_of(const GArray *rows, const AjModel *m, const char *id)
{
	for (guint i = 0; i < rows->len; i++) {
		const AjExposedRow *r = &g_array_index(rows, AjExposedRow, i);
		if (g_str_equal(AJ_ENTERPRISE(m, r->enterprise)->id, id))
			return r->reasons;
	}
	return 0;
}

static void exposed_reasons(void **state)
{
	AjModel *m = model();
	AjPeriod p;
	GArray *rows;
	guint32 x1 = ajt_enterprise(m, "X1", "320506", AJ_IND_OTHER, 1, 1);
	guint32 x2a = ajt_enterprise(m, "X2A", "320505", AJ_IND_OTHER, 1, 1);
	guint32 x2b = ajt_enterprise(m, "X2B", "320505", AJ_IND_OTHER, 1, 1);
	guint32 x3 = ajt_enterprise(m, "X3", "320505", AJ_IND_OTHER, 1, 1);
	guint32 x4 = ajt_enterprise(m, "X4", "320505", AJ_IND_OTHER, 1, 1);
	guint32 x5 = ajt_enterprise(m, "X5", "320505", AJ_IND_OTHER, 1, 1);
	guint32 none = ajt_enterprise(m, "NONE", "320505", AJ_IND_OTHER, 1, 1);

	ajt_hazard(m, x1, TRUE, "2025-10-01", "2026-03-30", NULL, AJ_LISTED_NONE);
	ajt_penalty(m, x2a, "2026-03-05", 1000, TRUE, FALSE);
	ajt_penalty(m, x2b, "2026-03-05", 1000, FALSE, TRUE);
	ajt_accident(m, x3, "2026-03-05", 1);
	ajt_blacklist(m, x4, "2026-03-20", NULL);
	ajt_exposure(m, x5, "2026-03", "问题");
	/* None of these qualifies. */
	ajt_hazard(m, none, TRUE, "2026-03-01", "2026-03-31", NULL, AJ_LISTED_NONE); /* not overdue */
	ajt_hazard(m, none, FALSE, "2026-01-01", "2026-02-01", NULL, AJ_LISTED_NONE); /* general */
	ajt_penalty(m, none, "2026-03-05", 1000, FALSE, FALSE);
	ajt_penalty(m, none, "2026-02-28", 1000, TRUE, TRUE); /* not in M */
	ajt_accident(m, none, "2026-03-06", 0);
	ajt_blacklist(m, none, "2026-02-20", NULL);
	ajt_exposure(m, none, "2026-02", "上月");
	assert_true(aj_period_init(&p, ajt_month("2026-03"), AJ_DAY_NONE));
	rows = aj_exposed_list(m, &p);
	assert_int_equal(rows->len, 6);
	assert_int_equal(reasons_of(rows, m, "X1"), AJ_X1);
	assert_int_equal(reasons_of(rows, m, "X2A"), AJ_X2);
	assert_int_equal(reasons_of(rows, m, "X2B"), AJ_X2);
	assert_int_equal(reasons_of(rows, m, "X3"), AJ_X3);
	assert_int_equal(reasons_of(rows, m, "X4"), AJ_X4);
	assert_int_equal(reasons_of(rows, m, "X5"), AJ_X5);
	/* District code first (X1 is in 320506), then credit code. */
	assert_string_equal(AJ_ENTERPRISE(m, g_array_index(rows, AjExposedRow, 0).enterprise)->id, "X2A");
	assert_string_equal(AJ_ENTERPRISE(m, g_array_index(rows, AjExposedRow, 4).enterprise)->id, "X5");
	assert_string_equal(AJ_ENTERPRISE(m, g_array_index(rows, AjExposedRow, 5).enterprise)->id, "X1");
	aj_exposed_list_free(rows);
	aj_model_free(m);
}

static void exposed_many_reasons_one_row(void **state)
{
	AjModel *m = model();
	AjPeriod p;
	GArray *rows;
	guint32 e = ajt_enterprise(m, "E", "320505", AJ_IND_OTHER, 1, 1);

	ajt_penalty(m, e, "2026-03-05", 1000, TRUE, TRUE);
	ajt_penalty(m, e, "2026-03-06", 1000, TRUE, FALSE);
	ajt_accident(m, e, "2026-03-07", 3);
	/* Overdue at as-of 2026-03-15, although rectified later. */
	ajt_hazard(m, e, TRUE, "2026-01-01", "2026-03-10", "2026-03-20", AJ_LISTED_CITY);
	assert_true(aj_period_init(&p, ajt_month("2026-03"), ajt_day("2026-03-15")));
	rows = aj_exposed_list(m, &p);
	assert_int_equal(rows->len, 1);
	assert_int_equal(g_array_index(rows, AjExposedRow, 0).reasons, AJ_X1 | AJ_X2 | AJ_X3);
	assert_int_equal(g_array_index(rows, AjExposedRow, 0).penalties->len, 2);
	aj_exposed_list_free(rows);
	aj_model_free(m);
}

/* An enterprise that passes every veto for 2026-Q1. */
static guint32 exemplar(AjModel *m, const char *id)
{
	guint32 e = ajt_enterprise(m, id, "320505", AJ_IND_HAZARDOUS_CHEMICALS, 230, 5600);

	ajt_grade(m, e, 2, "2024-05-01", "2027-04-30", NULL);
	ajt_director(m, e, "2023-01-10", NULL);
	ajt_insurance(m, e, "2026-01-01", "2026-12-31");
	ajt_commitment(m, e, 2026, "2026-02-01");
	ajt_training(m, e, "2026-01", 230, 230);
	ajt_training(m, e, "2026-02", 230, 230);
	ajt_training(m, e, "2026-03", 230, 230);
	ajt_nomination(m, e, "2026-Q1");
	return e;
}

static void vetoes_one_at_a_time(void **state)
{
	AjModel *m = model();
	AjQuarter q;
	AjDay asof = ajt_day("2026-03-31");
	guint32 ok = exemplar(m, "A00");
	guint32 v[11];
	GArray *review, *list;

	assert_true(aj_quarter_parse("2026-Q1", &q));
	for (int i = 1; i <= 10; i++) {
		char id[8];
		g_snprintf(id, sizeof id, "V%02d", i);
		v[i] = exemplar(m, id);
	}
	ajt_accident(m, v[1], "2025-04-01", 0); /* first day of the window */
	ajt_accident(m, ok, "2025-03-31", 0);   /* the day before: fine */
	ajt_penalty(m, v[2], "2026-03-31", 0, FALSE, FALSE);
	ajt_penalty(m, ok, "2026-04-01", 0, FALSE, FALSE); /* after the window */
	/* Found before the window but open at the end of Q. */
	ajt_hazard(m, v[3], TRUE, "2024-12-01", "2025-01-01", NULL, AJ_LISTED_NONE);
	ajt_hazard(m, ok, TRUE, "2024-12-01", "2025-01-01", "2025-03-01", AJ_LISTED_NONE);
	ajt_hazard(m, ok, FALSE, "2026-01-01", "2026-01-05", NULL, AJ_LISTED_NONE); /* general */
	ajt_blacklist(m, v[4], "2024-01-01", "2025-04-01"); /* last day inside the window */
	ajt_blacklist(m, ok, "2024-01-01", "2025-03-31");
	g_array_index(ajt_ent(m, v[5])->grades, AjGrade, 0).revoked = ajt_day("2026-03-31");
	g_array_index(ajt_ent(m, v[6])->directors, AjSpan, 0).to = ajt_day("2026-03-30");
	g_array_index(m->trainings, AjTraining, 3 * 7 + 2).trained = 229; /* V07's March */
	g_array_index(ajt_ent(m, v[8])->insurances, AjSpan, 0).to = ajt_day("2026-03-30");
	g_array_index(ajt_ent(m, v[9])->commitments, AjYearly, 0).year = 2025;
	ajt_ent(m, v[10])->closed = TRUE;

	review = aj_exemplar_review(m, q, asof);
	assert_int_equal(review->len, 11);
	assert_int_equal(g_array_index(review, AjReviewRow, 0).enterprise, ok);
	assert_int_equal(g_array_index(review, AjReviewRow, 0).vetoes, 0);
	for (int i = 1; i <= 10; i++) {
		const AjReviewRow *r = &g_array_index(review, AjReviewRow, i);
		assert_int_equal(r->enterprise, v[i]);
		assert_int_equal(r->vetoes, AJ_VETO(i));
	}
	list = aj_exemplar_list(review);
	assert_int_equal(list->len, 1);
	assert_int_equal(g_array_index(list, guint32, 0), ok);
	g_array_free(list, TRUE);
	g_array_free(review, TRUE);
	aj_model_free(m);
}

/* A review before the quarter ends (--as-of 2026-03-15) knows only what
 * happened by as-of: a blacklisting, accident, penalty or major hazard
 * dated after it vetoes nothing yet; the same record dated before it does. */
static void review_knows_only_records_by_asof(void **state)
{
	AjModel *m = model();
	AjQuarter q;
	AjDay asof = ajt_day("2026-03-15");
	guint32 later = exemplar(m, "A01"), v4 = exemplar(m, "A02"), v1 = exemplar(m, "A03");
	guint32 v3 = exemplar(m, "A04");

	assert_true(aj_quarter_parse("2026-Q1", &q));
	ajt_blacklist(m, later, "2026-03-20", NULL);
	ajt_accident(m, later, "2026-03-16", 0);
	ajt_penalty(m, later, "2026-03-31", 0, FALSE, FALSE);
	ajt_hazard(m, later, TRUE, "2026-03-16", "2026-04-30", NULL, AJ_LISTED_NONE);
	ajt_blacklist(m, v4, "2026-03-15", NULL);
	ajt_accident(m, v1, "2026-03-15", 0);
	assert_int_equal(aj_exemplar_vetoes(m, later, q, asof), 0);
	assert_int_equal(aj_exemplar_vetoes(m, v4, q, asof), AJ_VETO(4));
	assert_int_equal(aj_exemplar_vetoes(m, v1, q, asof), AJ_VETO(1));
	/* a hazard found before the window, rectified after as-of: still open
	 * as far as the review knows (V3); at the quarter's end it is not */
	ajt_hazard(m, v3, TRUE, "2025-01-01", "2025-02-01", "2026-03-20", AJ_LISTED_NONE);
	assert_int_equal(aj_exemplar_vetoes(m, v3, q, asof), AJ_VETO(3));
	assert_int_equal(aj_exemplar_vetoes(m, v3, q, ajt_day("2026-03-31")), 0);
	/* at the quarter's end they are known */
	assert_int_equal(aj_exemplar_vetoes(m, later, q, ajt_day("2026-03-31")),
			 AJ_VETO(1) | AJ_VETO(2) | AJ_VETO(3) | AJ_VETO(4));
	aj_model_free(m);
}

/* A term (director, insurance, grade) is in force on its last day: one
 * ending on the quarter's last day vetoes nothing. */
static void terms_hold_on_their_last_day(void **state)
{
	AjModel *m = model();
	AjQuarter q;
	guint32 e = exemplar(m, "A00");

	assert_true(aj_quarter_parse("2026-Q1", &q));
	g_array_index(ajt_ent(m, e)->directors, AjSpan, 0).to = ajt_day("2026-03-31");
	g_array_index(ajt_ent(m, e)->insurances, AjSpan, 0).to = ajt_day("2026-03-31");
	g_array_index(ajt_ent(m, e)->grades, AjGrade, 0).to = ajt_day("2026-03-31");
	assert_int_equal(aj_exemplar_vetoes(m, e, q, ajt_day("2026-03-31")), 0);
	aj_model_free(m);
}

static void director_not_required_no_veto(void **state)
{
	AjModel *m = model();
	AjQuarter q;
	guint32 e = ajt_enterprise(m, "SMALL", "320505", AJ_IND_MANUFACTURING, 20, 100);

	assert_true(aj_quarter_parse("2026-Q1", &q));
	ajt_grade(m, e, 3, "2024-05-01", "2027-04-30", NULL);
	ajt_commitment(m, e, 2026, "2026-03-31");
	ajt_training(m, e, "2026-01", 20, 20);
	ajt_training(m, e, "2026-02", 20, 20);
	/* No March training record: V7 only (no director, no insurance needed). */
	assert_int_equal(aj_exemplar_vetoes(m, e, q, ajt_day("2026-03-31")), AJ_VETO(7));
	ajt_training(m, e, "2026-03", 20, 20);
	assert_int_equal(aj_exemplar_vetoes(m, e, q, ajt_day("2026-03-31")), 0);
	/* As-of later than Q does not move the window: an April penalty is outside. */
	ajt_penalty(m, e, "2026-04-02", 0, FALSE, FALSE);
	assert_int_equal(aj_exemplar_vetoes(m, e, q, ajt_day("2026-04-10")), 0);
	aj_model_free(m);
}

static void exemplar_list_deduplicated(void **state)
{
	AjModel *m = model();
	AjQuarter q;
	GArray *review, *list;
	guint32 e = exemplar(m, "TWICE");

	ajt_nomination(m, e, "2026-Q1");
	ajt_nomination(m, e, "2025-Q4"); /* another quarter: not reviewed */
	assert_true(aj_quarter_parse("2026-Q1", &q));
	review = aj_exemplar_review(m, q, ajt_day("2026-03-31"));
	assert_int_equal(review->len, 2);
	list = aj_exemplar_list(review);
	assert_int_equal(list->len, 1);
	g_array_free(list, TRUE);
	g_array_free(review, TRUE);
	aj_model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exposed_reasons),
		cmocka_unit_test(exposed_many_reasons_one_row),
		cmocka_unit_test(vetoes_one_at_a_time),
		cmocka_unit_test(review_knows_only_records_by_asof),
		cmocka_unit_test(terms_hold_on_their_last_day),
		cmocka_unit_test(director_not_required_no_veto),
		cmocka_unit_test(exemplar_list_deduplicated),
	};
	return cmocka_run_group_tests_name("rules_lists", tests, NULL, NULL);
}
