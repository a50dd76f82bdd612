#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <glib/gstdio.h>

#include "load/encoding.h"
#include "load/load.h"
#include "load/loader.h"
#include "load/values.h"
#include "model/credit_code.h"
#include "util/error.h"

#define ENT "91320508MAHNT8R86E"
#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset version=\"1\">\n"
#define TAIL "</dataset>\n"
/* A minimal valid base: one district, department and enterprise. */
#define BASE                                                                          \
	"  <district code=\"320508\" name=\"姑苏区\"/>\n"                              \
	"  <department id=\"yjj\" name=\"市应急管理局\"/>\n"                            \
	"  <enterprise id=\"" ENT "\" district=\"320508\" industry=\"mining\" "         \
	"scale=\"above\" employees=\"10\" revenue=\"100\" status=\"active\">\n"         \
	"    <name>苏州某某有限公司</name><address>姑苏区某路1号</address>\n"          \
	"  </enterprise>\n"

typedef struct {
	char *dir;
} Fixture;

static int setup(void **state)
{
	Fixture *f = g_new0(Fixture, 1);
	f->dir = g_dir_make_tmp("anjian-load-XXXXXX", NULL);
	assert_non_null(f->dir);
	*state = f;
	return 0;
}

static void rm_rf(const char *path)
{
	if (!g_file_test(path, G_FILE_TEST_IS_SYMLINK) && g_file_test(path, G_FILE_TEST_IS_DIR)) {
		GDir *d = g_dir_open(path, 0, NULL);
		const char *n;
		while (d != NULL && (n = g_dir_read_name(d)) != NULL) {
			char *c = g_build_filename(path, n, NULL);
			rm_rf(c);
			g_free(c);
		}
		if (d != NULL)
			g_dir_close(d);
		g_rmdir(path);
	} else {
		g_unlink(path);
	}
}

static int teardown(void **state)
{
	Fixture *f = *state;
	rm_rf(f->dir);
	g_free(f->dir);
	g_free(f);
	return 0;
}

/* Writes rel (may contain a subfolder) below the fixture dir. */
static void put(Fixture *f, const char *rel, const char *text)
{
	char *path = g_build_filename(f->dir, rel, NULL);
	char *parent = g_path_get_dirname(path);
	g_mkdir_with_parents(parent, 0700);
	assert_true(g_file_set_contents(path, text, -1, NULL));
	g_free(parent);
	g_free(path);
}

static void del(Fixture *f, const char *rel)
{
	char *path = g_build_filename(f->dir, rel, NULL);
	g_unlink(path);
	g_free(path);
}

/* Loads the fixture dir expecting failure; returns the message (freed by caller). */
static char *load_fail(Fixture *f, int code)
{
	GError *err = NULL;
	AjModel *m = aj_load_dir(f->dir, &err);
	if (m != NULL) {
		aj_model_free(m);
		fail_msg("expected the load of %s to fail", f->dir);
	}
	assert_non_null(err);
	assert_int_equal(err->code, code);
	char *msg = g_strdup(err->message);
	g_error_free(err);
	return msg;
}

static AjModel *load_ok(Fixture *f)
{
	GError *err = NULL;
	AjModel *m = aj_load_dir(f->dir, &err);
	if (m == NULL)
		fail_msg("load failed: %s", err->message);
	return m;
}

#define assert_contains(hay, needle)                                                    \
	do {                                                                            \
		if (strstr((hay), (needle)) == NULL)                                    \
			fail_msg("'%s' not in message:\n%s", (needle), (hay));         \
	} while (0)

/* A bad record in b.xml (after a good base in a.xml): the message names
 * b.xml:line and contains what. */
static void expect_bad(Fixture *f, const char *records, int line, const char *what)
{
	char *text = g_strconcat(HEAD, records, TAIL, NULL);
	put(f, "a.xml", HEAD BASE TAIL);
	put(f, "b.xml", text);
	char *msg = load_fail(f, EX_DATAERR);
	char *at = g_strdup_printf("b.xml:%d: ", line);
	assert_contains(msg, at);
	assert_contains(msg, what);
	g_free(at);
	g_free(msg);
	g_free(text);
}

static void sample_data_loads(void **state)
{
	GError *err = NULL;
	AjModel *m = aj_load_dir("data", &err);

	if (m == NULL)
		fail_msg("data/: %s", err->message);
	assert_int_equal(m->districts->len, 10);
	assert_int_equal(m->departments->len, 8);
	assert_int_equal(m->enterprises->len, 80);
	assert_true(m->inspections->len > 1000);
	assert_true(m->penalties->len > 200);
	assert_true(m->trainings->len > 1000);
	assert_int_equal(m->baselines->len, 120);
	assert_int_equal(m->problem_lists->len, 3);
	/* districts sorted by code, and enterprises point at the right one */
	for (guint i = 1; i < m->districts->len; i++)
		assert_true(strcmp(AJ_DISTRICT(m, i - 1)->code, AJ_DISTRICT(m, i)->code) < 0);
	for (guint i = 0; i < m->enterprises->len; i++) {
		const AjEnterprise *e = AJ_ENTERPRISE(m, i);
		assert_memory_equal(e->id + 2, AJ_DISTRICT(m, e->district)->code, 6);
	}
	/* the hostile name survives as plain text */
	gboolean found = FALSE;
	for (guint i = 0; i < m->enterprises->len; i++)
		found |= strcmp(AJ_ENTERPRISE(m, i)->name,
				"A*B_C|D#1 <script>alert(1)</script> [x](javascript:alert(1))") == 0;
	assert_true(found);
	/* some reports anonymous, some not; some without enterprise */
	guint anon = 0, named = 0, noent = 0;
	for (guint i = 0; i < m->reports->len; i++) {
		const AjReport *r = &g_array_index(m->reports, AjReport, i);
		r->anonymous ? anon++ : named++;
		noent += r->enterprise == AJ_NONE;
		assert_non_null(r->content);
	}
	assert_true(anon > 0 && named > 0 && noent > 0);
	aj_model_free(m);
}

static void records_and_text(void **state)
{
	Fixture *f = *state;
	put(f, "a.xml", HEAD BASE
	    "  <hazard id=\"YH-1\" enterprise=\"" ENT "\" level=\"major\" found=\"2026-03-05\"\n"
	    "          deadline=\"2026-04-05\" listed=\"city\">\n"
	    "    <description>\n   储罐区报警装置失效  \n</description>\n  </hazard>\n"
	    "  <penalty id=\"P-1\" enterprise=\"" ENT "\" department=\"yjj\" date=\"2026-03-12\"\n"
	    "           fine=\"1200.5\" suspension=\"true\"><violation>v</violation></penalty>\n"
	    "  <report id=\"JB-1\" received=\"2026-03-02\" deadline=\"2026-03-17\">\n"
	    "    <content>无企业的举报</content>\n  </report>\n" TAIL);
	AjModel *m = load_ok(f);
	const AjHazard *h = &g_array_index(m->hazards, AjHazard, 0);
	assert_string_equal(h->description, "储罐区报警装置失效");
	assert_true(h->major);
	assert_int_equal(h->listed, AJ_LISTED_CITY);
	assert_int_equal(h->rectified, AJ_DAY_NONE);
	assert_int_equal(h->enterprise, 0);
	const AjPenalty *p = &g_array_index(m->penalties, AjPenalty, 0);
	assert_int_equal(p->fine, 120050);
	assert_true(p->suspension);
	assert_false(p->serious);
	const AjReport *r = &g_array_index(m->reports, AjReport, 0);
	assert_int_equal(r->enterprise, AJ_NONE);
	assert_true(r->anonymous);
	assert_int_equal(r->reward, -1);
	assert_int_equal(r->substantiated, AJ_TRI_UNSET);
	aj_model_free(m);
}

static void schema_errors(void **state)
{
	Fixture *f = *state;
	expect_bad(f, "\n  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"yjj\" "
		   "date=\"2026-03-01\" mode=\"joint\" modee=\"x\"/>\n", 4, "unknown attribute modee");
	expect_bad(f, "\n  <inspection id=\"J1\" enterprise=\"" ENT "\" date=\"2026-03-01\" "
		   "mode=\"joint\"/>\n", 4, "lacks the attribute department");
	expect_bad(f, "\n\n  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"yjj\" "
		   "date=\"2026-02-30\" mode=\"joint\"/>\n", 5, "'2026-02-30' is not a date");
	expect_bad(f, "  <hazrd id=\"Y\"/>\n", 3, "<hazrd> is not a record");
	expect_bad(f, "  <hazard id=\"Y\" enterprise=\"" ENT "\" level=\"major\" found=\"2026-03-05\" "
		   "deadline=\"2026-04-05\"/>\n", 3, "<hazard> lacks <description>");
	expect_bad(f, "  <penalty id=\"P\" enterprise=\"" ENT "\" department=\"yjj\" "
		   "date=\"2026-03-05\" fine=\"1.234\"><violation>v</violation></penalty>\n", 3,
		   "fine '1.234' is not an amount");
	expect_bad(f, "  <training enterprise=\"" ENT "\" month=\"2026-13\" staff=\"1\" "
		   "trained=\"1\" drills=\"0\" warning-education=\"0\"/>\n", 3, "not a month");
}

static void credit_code_check(void **state)
{
	Fixture *f = *state;
	put(f, "a.xml", HEAD "  <district code=\"320508\" name=\"姑苏区\"/>\n"
	    "  <enterprise id=\"91320508MAHNT8R86F\" district=\"320508\" industry=\"mining\" "
	    "scale=\"above\" employees=\"10\" revenue=\"100\" status=\"active\">\n"
	    "    <name>n</name><address>a</address>\n  </enterprise>\n" TAIL);
	char *msg = load_fail(f, EX_DATAERR);
	assert_contains(msg, "a.xml:4: ");
	assert_contains(msg, "wrong check character 'F'");
	assert_contains(msg, "gives 'E'");
	g_free(msg);
}

static void dangling_references(void **state)
{
	Fixture *f = *state;
	expect_bad(f, "  <inspection id=\"J1\" enterprise=\"91320508MA1N2K3X4Q\" department=\"yjj\" "
		   "date=\"2026-03-01\" mode=\"joint\"/>\n", 3, "enterprise '91320508MA1N2K3X4Q' is not defined");
	expect_bad(f, "  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"zjj\" "
		   "date=\"2026-03-01\" mode=\"joint\"/>\n", 3, "department 'zjj' is not defined");
	expect_bad(f, "  <baseline district=\"320599\" month=\"2024-01\" inspections=\"1\" "
		   "penalties=\"1\" fines=\"1\" accidents=\"0\" deaths=\"0\"/>\n", 3,
		   "district '320599' is not defined");
}

static void references_may_point_forward(void **state)
{
	Fixture *f = *state;
	/* records in a.xml, their enterprise defined later in z.xml */
	put(f, "a.xml", HEAD "  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"yjj\" "
	    "date=\"2026-03-01\" mode=\"joint\"/>\n" TAIL);
	put(f, "z.xml", HEAD BASE TAIL);
	AjModel *m = load_ok(f);
	assert_int_equal(g_array_index(m->inspections, AjInspection, 0).enterprise, 0);
	assert_int_equal(g_array_index(m->inspections, AjInspection, 0).department, 0);
	aj_model_free(m);
}

/* References resolve right whatever the order: the cursor's guesses
 * (same order as last month, the next slot, the same slot) and the misses. */
static void references_in_changing_order(void **state)
{
	Fixture *f = *state;
	const char *codes[4];
	GString *base = g_string_new(HEAD "  <district code=\"320508\" name=\"姑苏区\"/>\n");
	char ids[4][19];

	for (int i = 0; i < 4; i++) {
		/* four valid codes: vary position 10, recompute the check character */
		g_snprintf(ids[i], sizeof ids[i], "91320508MA%dN2K3X4Q", i);
		ids[i][17] = aj_credit_code_check_char(ids[i]);
		codes[i] = ids[i];
		g_string_append_printf(base, "  <enterprise id=\"%s\" district=\"320508\" industry=\"trade\" "
				       "scale=\"below\" employees=\"5\" revenue=\"1\" status=\"active\">"
				       "<name>n%d</name><address>a</address></enterprise>\n", codes[i], i);
	}
	g_string_append(base, TAIL);
	put(f, "a.xml", base->str);
	/* the enterprise of each training, four per month (2 twice in a row is
	 * moved to the next month, see the month below) */
	const int order[] = { 0, 1, 2, 3, 0, 1, 2, 3, 1, 0, 3, 2, 0, 2, 2, 3, 3, 2, 1, 0 };
	GString *t = g_string_new(HEAD);
	for (gsize i = 0; i < G_N_ELEMENTS(order); i++)
		g_string_append_printf(t, "  <training enterprise=\"%s\" month=\"2025-%02zu\" staff=\"%zu\" "
				       "trained=\"0\" drills=\"0\" warning-education=\"0\"/>\n",
				       codes[order[i]], i / 4 + 1 + (i >= 14 ? 1 : 0), i);
	g_string_append(t, TAIL);
	put(f, "b.xml", t->str);
	AjModel *m = load_ok(f);
	assert_int_equal(m->trainings->len, G_N_ELEMENTS(order));
	for (guint i = 0; i < m->trainings->len; i++) {
		const AjTraining *tr = &g_array_index(m->trainings, AjTraining, i);
		assert_int_equal(tr->staff, i);
		assert_string_equal(AJ_ENTERPRISE(m, tr->enterprise)->id, codes[order[i]]);
	}
	aj_model_free(m);
	g_string_free(base, TRUE);
	g_string_free(t, TRUE);
}

static void duplicates_name_both_places(void **state)
{
	Fixture *f = *state;
	const char *insp = "  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"yjj\" "
			   "date=\"2026-03-01\" mode=\"joint\"/>\n";
	char *b = g_strconcat(HEAD, insp, TAIL, NULL), *c = g_strconcat(HEAD "\n", insp, TAIL, NULL);
	put(f, "a.xml", HEAD BASE TAIL);
	put(f, "b.xml", b);
	put(f, "c.xml", c);
	char *msg = load_fail(f, EX_DATAERR);
	assert_contains(msg, "c.xml:4: duplicate inspection id 'J1'");
	assert_contains(msg, "b.xml:3)");
	g_free(msg);
	g_free(b);
	g_free(c);
	del(f, "c.xml");

	expect_bad(f, "  <training enterprise=\"" ENT "\" month=\"2026-03\" staff=\"5\" trained=\"5\" "
		   "drills=\"0\" warning-education=\"0\"/>\n"
		   "  <training enterprise=\"" ENT "\" month=\"2026-03\" staff=\"5\" trained=\"4\" "
		   "drills=\"0\" warning-education=\"0\"/>\n", 4, "duplicate training");
	expect_bad(f, "  <baseline district=\"320508\" month=\"2024-01\" inspections=\"1\" "
		   "penalties=\"1\" fines=\"1\" accidents=\"0\" deaths=\"0\"/>\n"
		   "  <baseline district=\"320508\" month=\"2024-01\" inspections=\"2\" "
		   "penalties=\"1\" fines=\"1\" accidents=\"0\" deaths=\"0\"/>\n", 4,
		   "duplicate baseline");
	expect_bad(f, "  <district code=\"320508\" name=\"又一个\"/>\n", 3, "duplicate district code");
	/* every kind with an id: departments too (data-format.md: ids are unique) */
	expect_bad(f, "  <department id=\"yjj\" name=\"另一个局\"/>\n", 3,
		   "duplicate department id 'yjj' (first at ");
	expect_bad(f, "  <problem-list id=\"L1\" source=\"s\" batch=\"b\" issued=\"2025-01-01\">\n"
		   "    <aspect title=\"t\"><problem id=\"P1\" responsible=\"r\" deadline=\"2025-06-30\" "
		   "status=\"in-progress\"><description>d</description></problem></aspect>\n"
		   "  </problem-list>\n"
		   "  <problem-list id=\"L2\" source=\"s\" batch=\"b\" issued=\"2025-01-01\">\n"
		   "    <aspect title=\"t\"><problem id=\"P1\" responsible=\"r\" deadline=\"2025-06-30\" "
		   "status=\"in-progress\"><description>d</description></problem></aspect>\n"
		   "  </problem-list>\n", 7, "duplicate problem id 'P1' (first at ");
}

static void date_order_and_counts(void **state)
{
	Fixture *f = *state;
	expect_bad(f, "  <hazard id=\"Y\" enterprise=\"" ENT "\" level=\"general\" found=\"2026-03-05\" "
		   "deadline=\"2026-04-05\" rectified=\"2026-03-04\"><description>d</description></hazard>\n",
		   3, "rectified 2026-03-04 is before found 2026-03-05");
	expect_bad(f, "  <hazard id=\"Y\" enterprise=\"" ENT "\" level=\"general\" found=\"2026-03-05\" "
		   "deadline=\"2026-03-04\"><description>d</description></hazard>\n",
		   3, "deadline 2026-03-04 is before found");
	expect_bad(f, "  <report id=\"R\" received=\"2026-03-05\" deadline=\"2026-03-20\" "
		   "replied=\"2026-03-01\"><content>c</content></report>\n", 3,
		   "replied 2026-03-01 is before received");
	expect_bad(f, "  <blacklist enterprise=\"" ENT "\" from=\"2026-03-05\" to=\"2026-03-01\" "
		   "reason=\"r\"/>\n", 3, "to 2026-03-01 is before from");
	expect_bad(f, "  <training enterprise=\"" ENT "\" month=\"2026-03\" staff=\"5\" trained=\"6\" "
		   "drills=\"0\" warning-education=\"0\"/>\n", 3, "trained 6 is more than staff 5");
	expect_bad(f, "  <problem-list id=\"L1\" source=\"s\" batch=\"b\" issued=\"2025-01-01\">\n"
		   "    <aspect title=\"t\">\n"
		   "      <problem id=\"P1\" responsible=\"r\" deadline=\"2025-06-30\" status=\"done\" "
		   "closed=\"2024-12-01\"><description>d</description></problem>\n"
		   "    </aspect>\n  </problem-list>\n", 5, "closed 2024-12-01 is before");
}

/* Values of the forms data-format.md fixes, at their edges. */
static void value_forms(void **state)
{
	Fixture *f = *state;
	expect_bad(f, "  <district code=\"3205081\" name=\"七位\"/>\n", 3,
		   "'3205081' is not a district code");
	expect_bad(f, "  <district code=\"32050\" name=\"五位\"/>\n", 3,
		   "'32050' is not a district code");
}

static void problem_status_rules(void **state)
{
	Fixture *f = *state;
	const char *open = "  <problem-list id=\"L1\" source=\"s\" batch=\"b\" issued=\"2025-01-01\">\n"
			   "    <aspect title=\"t\">\n";
	const char *close = "    </aspect>\n  </problem-list>\n";
	struct {
		const char *problem, *what;
	} cases[] = {
		{ "<problem id=\"P1\" responsible=\"r\" status=\"in-progress\">", "deadline is missing" },
		{ "<problem id=\"P1\" responsible=\"r\" deadline=\"2025-06-30\" status=\"done\">",
		  "status done needs closed" },
		{ "<problem id=\"P1\" responsible=\"r\" deadline=\"2025-06-30\" status=\"long-term\" "
		  "closed=\"2025-03-01\">", "closed is only allowed with status done" },
	};
	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *rec = g_strconcat(open, "      ", cases[i].problem,
					"<description>d</description></problem>\n", close, NULL);
		expect_bad(f, rec, 5, cases[i].what);
		g_free(rec);
	}
	/* long-term without a deadline is fine */
	char *ok = g_strconcat(HEAD BASE, open,
			       "      <problem id=\"P1\" responsible=\"r\" status=\"long-term\">"
			       "<description>d</description><progress date=\"2025-02-01\">p1</progress>"
			       "<progress date=\"2025-03-01\">p2</progress></problem>\n",
			       close, TAIL, NULL);
	put(f, "a.xml", ok);
	del(f, "b.xml");
	AjModel *m = load_ok(f);
	const AjProblemList *pl = &g_array_index(m->problem_lists, AjProblemList, 0);
	const AjAspect *a = &g_array_index(pl->aspects, AjAspect, 0);
	const AjProblem *p = &g_array_index(a->problems, AjProblem, 0);
	assert_int_equal(p->status, AJ_PROBLEM_LONG_TERM);
	assert_int_equal(p->deadline, AJ_DAY_NONE);
	assert_int_equal(p->progress->len, 2);
	assert_string_equal(g_array_index(p->progress, AjProgress, 1).text, "p2");
	aj_model_free(m);
	g_free(ok);
}

static void dtd_and_entities_rejected(void **state)
{
	Fixture *f = *state;
	put(f, "a.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE dataset [<!ENTITY x \"张三\">]>\n"
	    "<dataset version=\"1\"><district code=\"320508\" name=\"&x;\"/></dataset>\n");
	char *msg = load_fail(f, EX_DATAERR);
	assert_contains(msg, "a.xml:");
	assert_contains(msg, "DOCTYPE");
	g_free(msg);
	put(f, "a.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE dataset SYSTEM \"http://example.com/x.dtd\">\n"
	    "<dataset version=\"1\"/>\n");
	msg = load_fail(f, EX_DATAERR);
	assert_contains(msg, "DOCTYPE");
	g_free(msg);
	put(f, "a.xml", "<?xml version=\"1.0\"?>\n<dataset version=\"1\">"
	    "<district code=\"320508\" name=\"&x;\"/></dataset>\n");
	msg = load_fail(f, EX_DATAERR);
	assert_contains(msg, "a.xml:2: ");
	g_free(msg);
	put(f, "a.xml", "<?xml version=\"1.0\"?>\n<dataset version=\"1\">\n"
	    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/></dataset>\n");
	msg = load_fail(f, EX_DATAERR);
	assert_contains(msg, "a.xml:3: ");
	assert_contains(msg, "XInclude");
	g_free(msg);
}

static void informant_never_shown(void **state)
{
	Fixture *f = *state;
	const char *secret = "秘密举报人13912345678";
	const char *bad[] = {
		/* bad date and a child element inside the informant */
		"  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-01\">\n"
		"    <informant>秘密举报人13912345678<b>秘密举报人13912345678</b></informant>\n"
		"    <content>c</content>\n  </report>\n",
		/* an attribute on it */
		"  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-07\">\n"
		"    <informant who=\"秘密举报人13912345678\">秘密举报人13912345678</informant>\n"
		"    <content>c</content>\n  </report>\n",
		/* a second informant */
		"  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-07\">\n"
		"    <informant>秘密举报人13912345678</informant><informant>秘密举报人13912345678"
		"</informant>\n    <content>c</content>\n  </report>\n",
		/* an undefined entity inside it */
		"  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-07\">\n"
		"    <informant>秘密举报人&秘密举报人13912345678;</informant>\n"
		"    <content>c</content>\n  </report>\n",
		/* markup inside it: tag names, attribute names, a mismatched end tag */
		"  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-07\">\n"
		"    <informant>秘密举报人<秘密举报人13912345678/></informant>\n"
		"    <content>c</content>\n  </report>\n",
		"  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-07\">\n"
		"    <informant 秘密举报人13912345678=\"1\">x</informant>\n"
		"    <content>c</content>\n  </report>\n",
		"  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-07\">\n"
		"    <informant>秘密举报人</秘密举报人13912345678></informant>\n"
		"    <content>c</content>\n  </report>\n",
		"  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-07\">\n"
		"    <informant><x:秘密举报人 xmlns:x=\"urn:13912345678\"/></informant>\n"
		"    <content>c</content>\n  </report>\n",
		/* broken UTF-8 inside it */
		"  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-07\">\n"
		"    <informant>秘密举报人\xff\xfe" "13912345678</informant>\n"
		"    <content>c</content>\n  </report>\n",
	};
	for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
		char *text = g_strconcat(HEAD, bad[i], TAIL, NULL);
		put(f, "a.xml", HEAD BASE TAIL);
		put(f, "b.xml", text);
		char *msg = load_fail(f, EX_DATAERR);
		assert_contains(msg, "b.xml:");
		if (strstr(msg, secret) != NULL || strstr(msg, "13912345678") != NULL ||
		    strstr(msg, "秘密") != NULL)
			fail_msg("case %zu leaks the informant: %s", i, msg);
		g_free(msg);
		g_free(text);
	}
	/* and a good one: the model keeps only "not anonymous" */
	put(f, "b.xml", HEAD "  <report id=\"JB-9\" received=\"2026-03-05\" deadline=\"2026-03-07\">\n"
	    "    <informant>秘密举报人13912345678</informant><content>c</content>\n  </report>\n" TAIL);
	AjModel *m = load_ok(f);
	assert_false(g_array_index(m->reports, AjReport, 0).anonymous);
	/* no string in the model holds the informant */
	for (guint i = 0; i < m->reports->len; i++)
		assert_null(strstr(g_array_index(m->reports, AjReport, i).content, "秘密"));
	aj_model_free(m);
}

static void bom_subfolders_and_order(void **state)
{
	Fixture *f = *state;
	put(f, "b.xml", "\xEF\xBB\xBF" HEAD BASE TAIL);
	put(f, "a/z.xml", HEAD "  <inspection id=\"J2\" enterprise=\"" ENT "\" department=\"yjj\" "
	    "date=\"2026-03-02\" mode=\"covert\"/>\n" TAIL);
	put(f, "A.xml", HEAD "  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"yjj\" "
	    "date=\"2026-03-01\" mode=\"joint\"/>\n" TAIL);
	put(f, "c.txt", "not xml");
	put(f, ".hidden.xml", "not xml");
	/* a link back to the top: read once, no endless recursion */
	char *loop = g_build_filename(f->dir, "a", "loop", NULL);
	assert_int_equal(symlink(f->dir, loop), 0);
	g_free(loop);
	AjModel *m = load_ok(f);
	assert_int_equal(m->files->len, 3);
	/* byte order of paths: "A.xml" < "a/z.xml" < "b.xml" */
	assert_true(g_str_has_suffix(g_ptr_array_index(m->files, 0), "/A.xml"));
	assert_true(g_str_has_suffix(g_ptr_array_index(m->files, 1), "/a/z.xml"));
	assert_true(g_str_has_suffix(g_ptr_array_index(m->files, 2), "/b.xml"));
	assert_string_equal(g_array_index(m->inspections, AjInspection, 0).id, "J1");
	assert_string_equal(g_array_index(m->inspections, AjInspection, 1).id, "J2");
	assert_int_equal(g_array_index(m->inspections, AjInspection, 1).mode, AJ_MODE_COVERT);
	aj_model_free(m);
}

/* Writes bytes (any encoding) below the fixture dir. */
static void put_bytes(Fixture *f, const char *rel, const char *bytes, gssize len)
{
	char *path = g_build_filename(f->dir, rel, NULL);
	assert_true(g_file_set_contents(path, bytes, len, NULL));
	g_free(path);
}

/* The fixture's a.xml and b.xml loaded: exactly one error, at want_at,
 * containing what; returns nothing. */
static void one_error(Fixture *f, const char *want_at, const char *what)
{
	char *msg = load_fail(f, EX_DATAERR);
	assert_contains(msg, want_at);
	assert_contains(msg, what);
	assert_contains(msg, ": 1 error; fix it");
	g_free(msg);
}

/* GBK/GB18030: read when declared, named when not; other encodings are
 * refused, and so is UTF-8 text declared as GBK (it would be garbled). */
static void encodings(void **state)
{
	Fixture *f = *state;
	GError *err = NULL;
	gsize len = 0;
	char *gbk = g_convert(HEAD BASE TAIL, -1, "GB18030", "UTF-8", NULL, &len, &err);
	assert_non_null(gbk);

	/* declared: libxml2 converts it, the names arrive as UTF-8 */
	char *declared = g_strdup(gbk);
	char *utf8 = strstr(declared, "UTF-8");
	memcpy(utf8, "GBK\"?>", 6);
	memmove(utf8 + 6, utf8 + 8, strlen(utf8 + 8) + 1);
	put_bytes(f, "a.xml", declared, -1);
	AjModel *m = load_ok(f);
	assert_string_equal(AJ_DISTRICT(m, 0)->name, "姑苏区");
	aj_model_free(m);
	/* undeclared, or declared as UTF-8: named, at the first line that is not UTF-8 */
	put_bytes(f, "a.xml", gbk, (gssize)len);
	one_error(f, "a.xml:3: ", "the file declares encoding=\"UTF-8\" but its text is GBK/GB18030");
	put_bytes(f, "a.xml", strstr(gbk, "<dataset"), -1);
	one_error(f, "a.xml:2: ", "the text is GBK/GB18030 (the Chinese encoding of Windows) from "
				  "this line on, not UTF-8");
	/* UTF-8 text declared as GBK */
	put(f, "a.xml", "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<dataset version=\"1\">\n"
			BASE TAIL);
	one_error(f, "a.xml:1: ", "declares encoding GBK but its text is UTF-8");
	put(f, "a.xml", "<?xml version=\"1.0\" encoding=\"Big5\"?>\n<dataset version=\"1\"/>\n");
	one_error(f, "a.xml:1: ", "declares encoding Big5; anjian reads UTF-8 and GBK/GB18030 only");
	put_bytes(f, "a.xml", "\xFF\xFE<\0?\0x\0m\0l\0", 12);
	one_error(f, "a.xml:1: ", "not UTF-8 (UTF-16 or UTF-32)");
	assert_true(aj_encoding_is_gb("\xD6\xD0\xCE\xC4", 4));   /* 中文 */
	assert_false(aj_encoding_is_gb("中文", 6));                /* UTF-8 */
	assert_false(aj_encoding_is_gb("ascii", 5));
	assert_false(aj_encoding_is_gb("\xD6\x20", 2));         /* a lead byte alone */
	g_free(declared);
	g_free(gbk);
}

/* Another kind of XML file (an Excel "XML Spreadsheet", an HTML page) is
 * one error naming what it is; nothing inside it is reported. */
static void foreign_xml(void **state)
{
	Fixture *f = *state;

	put(f, "a.xml", HEAD BASE TAIL);
	put(f, "b.xml", "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
			"<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
			" xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
			" <Worksheet ss:Name=\"Sheet1\"><Table><Row><Cell><Data ss:Type=\"String\">"
			"id</Data></Cell></Row></Table></Worksheet>\n</Workbook>\n");
	one_error(f, "b.xml:4: ", "this is an Excel spreadsheet saved as XML (<Workbook>), not anjian data");
	put(f, "b.xml", "<html><body><p>x</p>text</body></html>\n");
	one_error(f, "b.xml:1: ", "the root element is <html>, so this is not an anjian data file");
	put(f, "b.xml", "<dataset xmlns=\"urn:x\" version=\"1\"><district code=\"320509\" "
			"name=\"n\"/></dataset>\n");
	one_error(f, "b.xml:1: ", "<dataset> is in the namespace urn:x; anjian data has none");
	put(f, "b.xml", "id,enterprise\nJ1," ENT "\n");
	one_error(f, "b.xml:1: ", "is this an XML file at all");
}

/* A file with the bytes of another is one error and is not read; a copy
 * with a change is one error per file it repeats, counting the others. */
static void repeated_files(void **state)
{
	Fixture *f = *state;
	const char *insp = "  <inspection id=\"J%d\" enterprise=\"" ENT "\" department=\"yjj\" "
			   "date=\"2026-03-0%d\" mode=\"joint\"/>\n";
	GString *b = g_string_new(HEAD);

	for (int i = 1; i <= 9; i++)
		g_string_append_printf(b, insp, i, i);
	g_string_append(b, TAIL);
	put(f, "a.xml", HEAD BASE TAIL);
	put(f, "b.xml", b->str);
	put(f, "b (1).xml", b->str);
	one_error(f, "/b.xml: this file repeats ", "b (1).xml (the same content); remove one of the two");
	del(f, "b (1).xml");
	g_string_insert(b, strlen(HEAD), "  <!-- saved again -->\n");
	put(f, "c.xml", b->str);
	one_error(f, "c.xml:4: duplicate inspection id 'J1' (first at ",
		  "b.xml:3); give each inspection its own id (and 8 more records of this file "
		  "repeat ones of ");
	g_string_free(b, TRUE);
}

/* What follows from one error is counted into it: references to an
 * enterprise whose code was wrong, to a missing one already reported, and
 * to any record while a file could not be read whole. */
static void follow_ons_collapsed(void **state)
{
	Fixture *f = *state;
	GString *b = g_string_new(HEAD);

	for (int i = 1; i <= 19; i++)
		g_string_append_printf(b, "  <inspection id=\"J%d\" enterprise=\"" ENT "\" "
				       "department=\"yjj\" date=\"2026-03-01\" mode=\"joint\"/>\n", i);
	g_string_append(b, TAIL);
	put(f, "b.xml", b->str);
	/* the enterprise's check character is wrong: the 19 references are its follow-ons */
	char *base = g_strdup(HEAD BASE TAIL);
	memcpy(strstr(base, ENT), "91320508MAHNT8R86F", 18);
	put(f, "a.xml", base);
	one_error(f, "a.xml:5: ", "wrong check character 'F' (the code gives 'E'); correct the "
				  "unified social credit code (and 19 records that refer to it)");
	/* the enterprise is missing: reported once */
	put(f, "a.xml", HEAD "  <district code=\"320508\" name=\"姑苏区\"/>\n"
			"  <department id=\"yjj\" name=\"市应急管理局\"/>\n" TAIL);
	one_error(f, "b.xml:3: ", "inspection J1: enterprise '" ENT "' is not defined; add its "
				  "<enterprise> record or correct the code (and 18 more records that "
				  "refer to it)");
	/* the file holding it is not well-formed: the references (to its enterprise
	 * and department: the reader stops before it hands out the records
	 * parsed ahead) wait for the fix */
	char *broken = g_strdup(HEAD BASE TAIL);
	memcpy(strstr(broken, "</address>"), "</adress>", 9);
	put(f, "a.xml", broken);
	one_error(f, "a.xml:6: ", "not well-formed XML: an end tag does not match its start tag "
				  "(libxml2 error 76); fix it near this line (38 references to records "
				  "that were not read are checked once this is fixed)");
	g_free(broken);
	g_free(base);
	g_string_free(b, TRUE);
}

/* An unknown reference names its invisible characters and the nearest
 * known id, or the id of the record so named. */
static void references_hinted(void **state)
{
	Fixture *f = *state;

	put(f, "a.xml", HEAD BASE TAIL);
	put(f, "b.xml", HEAD "  <inspection id=\"J1\" enterprise=\"" ENT " \" department=\"yjj\" "
			"date=\"2026-03-01\" mode=\"joint\"/>\n" TAIL);
	one_error(f, "b.xml:3: ", "inspection J1: enterprise '" ENT "[space]' is not defined; did "
				  "you mean '" ENT "'? correct the code, or add its <enterprise> record");
	put(f, "b.xml", HEAD "  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"市应急管理局\" "
			"date=\"2026-03-01\" mode=\"joint\"/>\n" TAIL);
	one_error(f, "b.xml:3: ", "inspection J1: department '市应急管理局' is not defined; that is "
				  "the name of department 'yjj': write its id, department=\"yjj\"");
	put(f, "b.xml", HEAD "  <inspection id=\"J1\" enterprise=\"苏州某某有限公司\" department=\"yjj\" "
			"date=\"2026-03-01\" mode=\"joint\"/>\n" TAIL);
	one_error(f, "b.xml:3: ", "that is the name of enterprise " ENT ": write its unified social "
				  "credit code, enterprise=\"" ENT "\"");
	put(f, "b.xml", HEAD "  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"yjj\" "
			"date=\"2026-03-01\" mode=\"double_random\"/>\n" TAIL);
	one_error(f, "b.xml:3: ", "inspection mode 'double_random' is not one of: double-random, "
				  "four-no-two-direct, covert, joint, routine; did you mean 'double-random'?");
	put(f, "b.xml", HEAD "  <inspections id=\"J1\"/>\n" TAIL);
	one_error(f, "b.xml:3: ", "<inspections> is not a record of data-format.md; did you mean "
				  "<inspection>?");
}

/* Files that are not *.xml are named in one warning; the load goes on. */
static void other_files_warned(void **state)
{
	Fixture *f = *state;
	guint before = aj_warn_count();

	aj_warn_set_quiet(TRUE);
	put(f, "a.xml", HEAD BASE TAIL);
	put(f, "export.csv", "id,enterprise\n");
	put(f, "sub/notes.txt", "x\n");
	AjModel *m = load_ok(f);
	assert_int_equal(aj_warn_count(), before + 1);
	aj_model_free(m);
	del(f, "export.csv");
	del(f, "sub/notes.txt");
	m = load_ok(f);
	assert_int_equal(aj_warn_count(), before + 1);
	aj_model_free(m);
	aj_warn_set_quiet(FALSE);
}

static void missing_input(void **state)
{
	Fixture *f = *state;
	GError *err = NULL;
	char *missing = g_build_filename(f->dir, "nope", NULL);

	assert_null(aj_load_dir(missing, &err));
	assert_int_equal(err->code, EX_NOINPUT);
	g_clear_error(&err);
	assert_null(aj_load_dir(f->dir, &err)); /* empty */
	assert_int_equal(err->code, EX_NOINPUT);
	assert_non_null(strstr(err->message, "no *.xml"));
	g_clear_error(&err);
	/* a file that cannot be opened (a dangling link) is missing input too */
	put(f, "a.xml", HEAD BASE TAIL);
	char *dangling = g_build_filename(f->dir, "b.xml", NULL);
	assert_int_equal(symlink("/nonexistent/anjian-test.xml", dangling), 0);
	assert_null(aj_load_dir(f->dir, &err));
	assert_int_equal(err->code, EX_NOINPUT);
	assert_non_null(strstr(err->message, "b.xml: cannot open the file"));
	g_clear_error(&err);
	g_free(dangling);
	g_free(missing);
}

/* The loader's own date parser agrees with model/dates.c on every day of
 * four centuries, and rejects what it rejects. */
static void fast_dates_agree(void **state)
{
	AjDay a, b;
	char buf[11];

	for (AjDay d = aj_day_from_ymd(1899, 12, 25); d < aj_day_from_ymd(2300, 1, 5); d++) {
		aj_day_format(d, buf);
		assert_true(aj_load_parse_day(buf, &a));
		assert_int_equal(a, d);
	}
	const char *bad[] = { "2026-02-29", "2025-13-01", "2025-00-10", "2025-01-00", "2025-04-31",
			      "0000-01-01", "2025-1-01", "2025-01-011", "2025/01/01", "", "2025-01-0x",
			      " 2025-01-01" };
	for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
		assert_false(aj_load_parse_day(bad[i], &a));
		assert_false(aj_day_parse(bad[i], &b));
	}
	assert_true(aj_load_parse_day("2024-02-29", &a));
	assert_true(aj_load_parse_day("0001-01-01", &a));
	assert_int_equal(a, 1);
}

/* Past line 65535 libxml2 only says "65535 or later": lines.c counts. */
static void lines_past_65535(void **state)
{
	Fixture *f = *state;
	GString *s = g_string_new(HEAD BASE);

	g_string_append(s, "<!-- a comment with <inspection> and\nnew lines -->\n"
			   "<?pi <not-a-tag/>\n?>\n");
	for (int i = 0; i < 70000; i++)
		g_string_append_printf(s, "  <inspection id=\"J%d\" enterprise=\"" ENT "\" "
				       "department=\"yjj\" date=\"2026-03-01\" mode=\"joint\"/>\n", i);
	g_string_append(s, "  <penalty id=\"P\" enterprise=\"" ENT "\" department=\"yjj\" "
			   "date=\"2026-03-01\" fine=\"1\">\n    <violation><![CDATA[<a>\n<b>]]>"
			   "</violation>\n  </penalty>\n"
			   "  <inspection id=\"X\" enterprise=\"" ENT "\" department=\"yjj\" "
			   "date=\"2026-02-30\" mode=\"joint\"/>\n");
	g_string_append(s, TAIL);
	put(f, "a.xml", s->str);
	/* 2 head lines, 5 of BASE, 2 of comment, 2 of PI, 70000, 4 of penalty */
	char *msg = load_fail(f, EX_DATAERR);
	assert_contains(msg, "a.xml:70016: inspection date '2026-02-30'");
	g_free(msg);
	g_string_free(s, TRUE);
}

/* Both duplicate finders report the same records with the same first place. */
static void month_duplicates_both_ways(void **state)
{
	for (int sorted = 0; sorted < 2; sorted++) {
		AjLoader l;
		aj_loader_init(&l);
		g_ptr_array_add(l.model->files, g_strdup("t.xml"));
		for (int e = 0; e < 3; e++) {
			AjEnterprise *en = &g_array_index(g_array_set_size(l.model->enterprises, e + 1),
							  AjEnterprise, e);
			en->id = e == 0 ? "E0" : e == 1 ? "E1" : "E2";
		}
		/* (enterprise, month) per line: lines 10.. ; dups at 13 (of 11) and 15 (of 10) */
		const int recs[][2] = { { 0, 5 }, { 1, 5 }, { 0, 6 }, { 1, 5 }, { 2, 900 }, { 0, 5 } };
		for (guint i = 0; i < G_N_ELEMENTS(recs); i++) {
			AjTraining t = { .enterprise = (guint32)recs[i][0],
					 .month = aj_month_from_ym(2025, 1) + recs[i][1],
					 .loc = { 0, 10 + i } };
			g_array_append_val(l.model->trainings, t);
		}
		if (sorted)
			aj_month_dups_sorted(&l, FALSE);
		else
			aj_month_dups(&l, FALSE);
		assert_int_equal(l.errors->len, 2);
		GString *all = g_string_new(NULL);
		for (guint i = 0; i < l.errors->len; i++)
			g_string_append_printf(all, "%s\n", (char *)g_ptr_array_index(l.errors, i));
		assert_contains(all->str, "t.xml:13: duplicate training for enterprise E1, month 2025-06 "
				"(first at t.xml:11)");
		assert_contains(all->str, "t.xml:15: duplicate training for enterprise E0, month 2025-06 "
				"(first at t.xml:10)");
		g_string_free(all, TRUE);
		aj_loader_clear(&l);
	}
}

static void stops_after_twenty(void **state)
{
	Fixture *f = *state;
	GString *s = g_string_new(HEAD);
	for (int i = 0; i < 30; i++)
		g_string_append_printf(s, "  <district code=\"32050%c\" name=\"x\"/>\n", 'a' + i % 26);
	g_string_append(s, TAIL);
	put(f, "a.xml", s->str);
	char *msg = load_fail(f, EX_DATAERR);
	assert_contains(msg, "stopped after 20 errors");
	int lines = 0;
	for (const char *c = msg; *c; c++)
		lines += *c == '\n';
	assert_int_equal(lines, 20);
	g_free(msg);
	g_string_free(s, TRUE);
}

/* aj_load_dir_jobs(dir, jobs): the message of a failed load, with the
 * fixture directory written as "DIR" (freed by the caller). */
static char *load_message(Fixture *f, int jobs)
{
	GError *err = NULL;
	AjModel *m = aj_load_dir_jobs(f->dir, jobs, &err);
	assert_null(m);
	assert_non_null(err);
	char **parts = g_strsplit(err->message, f->dir, -1);
	char *msg = g_strjoinv("DIR", parts);
	g_strfreev(parts);
	g_error_free(err);
	return msg;
}

/* Files are read apart on threads and merged in path order: ids found
 * twice across files, and in one file after another, name the first place
 * as a file-by-file reading does, and the errors come in its order (this
 * text is what the serial loader wrote); what repeats a file already
 * reported, or refers to a record already reported missing, is counted
 * into that message. */
static void parallel_load_matches_serial(void **state)
{
	Fixture *f = *state;
	const char *expect =
		"DIR/a.xml:9: inspection date '2026-02-30' is not a date; write a real date as YYYY-MM-DD, e.g. 2026-01-29\n"
		"DIR/b.xml:3: duplicate enterprise id " ENT " (first at DIR/a.xml:5); merge the two records (and 2 more "
		"records of this file repeat ones of DIR/a.xml: if the file is a copy, remove it)\n"
		"DIR/sub/c.xml:3: duplicate problem-list id 'L1' (first at DIR/b.xml:9); give each problem-list its own id "
		"(and 2 more records of this file repeat ones of DIR/b.xml: if the file is a copy, remove it)\n"
		"DIR/sub/c.xml:7: training: trained 2 is more than staff 1; correct the counts\n"
		"DIR/sub/c.xml:9: duplicate inspection id 'J1' (first at DIR/a.xml:8); give each inspection its own id "
		"(and 1 more record of this file repeats one of DIR/a.xml: if the file is a copy, remove it)\n"
		"DIR/b.xml:3: enterprise " ENT ": district '320509' is not defined; did you mean '320508'? correct it, or "
		"add a <district> with that code\n"
		"DIR/b.xml:8: inspection J2: enterprise '91320508MAHNT8R87C' is not defined; did you mean '" ENT "'? "
		"correct the code, or add its <enterprise> record (and 1 more record that refers to it)\n"
		"DIR/b.xml:8: inspection J2: department 'nobody' is not defined; add a <department> with that id or "
		"correct it\n"
		"DIR: 8 errors; fix them and run 'anjian check --data DIR' again";
	const char *problem = "<problem id=\"P1\" responsible=\"r\" deadline=\"2025-06-30\" "
			      "status=\"in-progress\"><description>d</description></problem>";
	char *b = g_strconcat(HEAD "  <enterprise id=\"" ENT "\" district=\"320509\" industry=\"mining\" "
			      "scale=\"above\" employees=\"10\" revenue=\"100\" status=\"active\">\n"
			      "    <name>n</name><address>a</address>\n  </enterprise>\n"
			      "  <department id=\"yjj\" name=\"again\"/>\n"
			      "  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"yjj\" "
			      "date=\"2026-03-01\" mode=\"joint\"/>\n"
			      "  <inspection id=\"J2\" enterprise=\"91320508MAHNT8R87C\" department=\"nobody\" "
			      "date=\"2026-03-01\" mode=\"joint\"/>\n"
			      "  <problem-list id=\"L1\" source=\"s\" batch=\"b\" issued=\"2025-01-01\">\n"
			      "    <aspect title=\"t\">", problem, "</aspect>\n  </problem-list>\n" TAIL, NULL);
	char *c = g_strconcat(HEAD "  <problem-list id=\"L1\" source=\"s\" batch=\"b\" issued=\"2025-01-01\">\n"
			      "    <aspect title=\"t\">", problem, problem, "</aspect>\n  </problem-list>\n"
			      "  <hazard id=\"Y\" enterprise=\"91320508MAHNT8R87C\" level=\"major\" "
			      "found=\"2026-03-05\" deadline=\"2026-04-05\"><description>d</description></hazard>\n"
			      "  <training enterprise=\"" ENT "\" month=\"2026-03\" staff=\"1\" trained=\"2\" "
			      "drills=\"0\" warning-education=\"0\"/>\n"
			      "  <district code=\"320508\" name=\"dup\"/>\n"
			      "  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"yjj\" "
			      "date=\"2026-03-01\" mode=\"joint\"/>\n" TAIL, NULL);

	put(f, "a.xml", HEAD BASE
	    "  <inspection id=\"J1\" enterprise=\"" ENT "\" department=\"yjj\" date=\"2026-03-01\" mode=\"joint\"/>\n"
	    "  <inspection id=\"J9\" enterprise=\"" ENT "\" department=\"yjj\" date=\"2026-02-30\" mode=\"joint\"/>\n"
	    TAIL);
	put(f, "b.xml", b);
	put(f, "sub/c.xml", c);
	for (int jobs = 1; jobs <= 8; jobs *= 2) {
		char *msg = load_message(f, jobs);
		assert_string_equal(msg, expect);
		g_free(msg);
	}
	g_free(b);
	g_free(c);
}

/* Twenty errors across three files: the same twenty, and the same stop,
 * whichever thread read what. */
static void parallel_stop_matches_serial(void **state)
{
	Fixture *f = *state;
	GString *s = g_string_new(HEAD);
	char *one;

	for (int i = 1; i <= 9; i++)
		g_string_append_printf(s, "  <district code=\"3205%d%d\" name=\"x\"/>\n"
				       "  <district code=\"32050%d\" name=\" \"/>\n", i, i, i);
	g_string_append(s, TAIL);
	put(f, "a.xml", s->str);
	g_string_append(s, "<!-- b -->\n"); /* not the same bytes: no file repeats another */
	put(f, "b.xml", s->str);
	g_string_append(s, "<!-- c -->\n");
	put(f, "c.xml", s->str);
	one = load_message(f, 1);
	assert_contains(one, "DIR/b.xml:20: district name is empty");
	assert_contains(one, "DIR/c.xml:6: district name is empty; fill it in\n"
			     "DIR: stopped after 20 errors");
	for (int jobs = 2; jobs <= 8; jobs *= 2) {
		char *msg = load_message(f, jobs);
		assert_string_equal(msg, one);
		g_free(msg);
	}
	g_free(one);
	g_string_free(s, TRUE);
}

/* A text digest of what the rules read from a model: every record's fields,
 * resolved references as indices. */
static char *model_digest(const AjModel *m)
{
	GString *s = g_string_new(NULL);
	char d[11];

	for (guint i = 0; i < m->files->len; i++)
		g_string_append_printf(s, "file %s\n", (char *)g_ptr_array_index(m->files, i));
	for (guint i = 0; i < m->districts->len; i++)
		g_string_append_printf(s, "district %s %s\n", AJ_DISTRICT(m, i)->code, AJ_DISTRICT(m, i)->name);
	for (guint i = 0; i < m->departments->len; i++) {
		const AjDepartment *r = &g_array_index(m->departments, AjDepartment, i);
		g_string_append_printf(s, "department %s %s\n", r->id, r->name);
	}
	for (guint i = 0; i < m->enterprises->len; i++) {
		const AjEnterprise *r = AJ_ENTERPRISE(m, i);
		g_string_append_printf(s, "enterprise %s %s %s %u %d %u %u %" G_GINT64_FORMAT " %u:%u %u\n",
				       r->id, r->name, r->address, r->district, r->industry, r->closed,
				       r->employees, r->revenue, r->loc.file, r->loc.line,
				       r->grades != NULL ? r->grades->len : 0);
	}
	for (guint i = 0; i < m->inspections->len; i++) {
		const AjInspection *r = &g_array_index(m->inspections, AjInspection, i);
		g_string_append_printf(s, "inspection %s %u %u %s %d %u:%u\n", r->id, r->enterprise,
				       r->department, aj_day_format(r->date, d), r->mode, r->loc.file, r->loc.line);
	}
	for (guint i = 0; i < m->hazards->len; i++) {
		const AjHazard *r = &g_array_index(m->hazards, AjHazard, i);
		g_string_append_printf(s, "hazard %s %u %d %s %u:%u\n", r->id, r->enterprise, r->major,
				       r->description, r->loc.file, r->loc.line);
	}
	for (guint i = 0; i < m->penalties->len; i++) {
		const AjPenalty *r = &g_array_index(m->penalties, AjPenalty, i);
		g_string_append_printf(s, "penalty %s %u %u %" G_GINT64_FORMAT " %s\n", r->id, r->enterprise,
				       r->department, r->fine, r->violation);
	}
	for (guint i = 0; i < m->trainings->len; i++) {
		const AjTraining *r = &g_array_index(m->trainings, AjTraining, i);
		g_string_append_printf(s, "training %u %d %u %u\n", r->enterprise, r->month, r->staff, r->trained);
	}
	for (guint i = 0; i < m->reports->len; i++) {
		const AjReport *r = &g_array_index(m->reports, AjReport, i);
		g_string_append_printf(s, "report %s %u %s\n", r->id, r->enterprise, r->content);
	}
	for (guint i = 0; i < m->baselines->len; i++) {
		const AjBaseline *r = &g_array_index(m->baselines, AjBaseline, i);
		g_string_append_printf(s, "baseline %u %d %u\n", r->district, r->month, r->inspections);
	}
	g_string_append_printf(s, "accidents %u blacklists %u nominations %u exposures %u lists %u\n",
			       m->accidents->len, m->blacklists->len, m->nominations->len,
			       m->exposures->len, m->problem_lists->len);
	return g_string_free(s, FALSE);
}

static void parallel_model_matches_serial(void **state)
{
	GError *err = NULL;
	AjModel *one = aj_load_dir_jobs("data", 1, &err);
	char *want;

	assert_non_null(one);
	want = model_digest(one);
	for (int jobs = 2; jobs <= 8; jobs *= 2) {
		AjModel *m = aj_load_dir_jobs("data", jobs, &err);
		assert_non_null(m);
		char *got = model_digest(m);
		assert_string_equal(got, want);
		g_free(got);
		aj_model_free(m);
	}
	assert_true(strlen(want) > 10000); /* the sample data set, not an empty one */
	g_free(want);
	aj_model_free(one);
}

/* One file loaded with or without the embedded schema: its messages, one
 * per line; *schema_only counts those only the schema found. */
static char *load_one(const char *path, gboolean schema, guint *schema_only)
{
	GPtrArray *paths = g_ptr_array_new();
	GString *out = g_string_new(NULL);
	AjLoader l;

	g_ptr_array_add(paths, (gpointer)path);
	aj_loader_init(&l);
	l.schema = schema;
	assert_true(aj_load_files(&l, paths, 1, NULL));
	for (guint i = 0; i < l.errors->len; i++)
		g_string_append_printf(out, "%s\n", (const char *)g_ptr_array_index(l.errors, i));
	*schema_only = l.schema_errors;
	aj_loader_clear(&l);
	g_ptr_array_free(paths, TRUE);
	return g_string_free(out, FALSE);
}

/* Loads validate with the schema, and the loader's own checks must
 * still find whatever it finds (in their own words).  Every test input,
 * broken or not, gives the same messages with the schema as without, and
 * none from the schema alone; each bad-* input (one schema rule broken)
 * is rejected without it. */
static void schema_not_needed(void **state)
{
	AjLoader users;

	/* data-format.md: the shipped schema validates every input, so a
	 * load made the ordinary way has it on. */
	aj_loader_init(&users);
	assert_true(users.schema);
	aj_loader_clear(&users);
	const char *dirs[] = { "tests/data/loader", "tests/fuzz/corpus/loader",
			       "tests/fuzz/regress/loader", "data", "data/enforcement" };
	guint files = 0, bad = 0;

	for (gsize d = 0; d < G_N_ELEMENTS(dirs); d++) {
		GDir *dir = g_dir_open(dirs[d], 0, NULL);
		const char *name;
		assert_non_null(dir);
		while ((name = g_dir_read_name(dir)) != NULL) {
			char *path = g_build_filename(dirs[d], name, NULL);
			guint only = 0, unused = 0;
			if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
				char *with = load_one(path, TRUE, &only);
				char *without = load_one(path, FALSE, &unused);
				if (only > 0)
					fail_msg("%s: only the schema finds: %s", path, with);
				assert_string_equal(with, without);
				if (g_str_has_prefix(name, "bad-")) {
					assert_true(*without != '\0');
					bad++;
				}
				files++;
				g_free(with);
				g_free(without);
			}
			g_free(path);
		}
		g_dir_close(dir);
	}
	assert_true(files > 30);
	assert_true(bad >= 13);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sample_data_loads),
		cmocka_unit_test_setup_teardown(records_and_text, setup, teardown),
		cmocka_unit_test_setup_teardown(schema_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(credit_code_check, setup, teardown),
		cmocka_unit_test_setup_teardown(dangling_references, setup, teardown),
		cmocka_unit_test_setup_teardown(references_may_point_forward, setup, teardown),
		cmocka_unit_test_setup_teardown(references_in_changing_order, setup, teardown),
		cmocka_unit_test_setup_teardown(duplicates_name_both_places, setup, teardown),
		cmocka_unit_test_setup_teardown(date_order_and_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(value_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(problem_status_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(dtd_and_entities_rejected, setup, teardown),
		cmocka_unit_test_setup_teardown(informant_never_shown, setup, teardown),
		cmocka_unit_test_setup_teardown(bom_subfolders_and_order, setup, teardown),
		cmocka_unit_test_setup_teardown(encodings, setup, teardown),
		cmocka_unit_test_setup_teardown(foreign_xml, setup, teardown),
		cmocka_unit_test_setup_teardown(repeated_files, setup, teardown),
		cmocka_unit_test_setup_teardown(follow_ons_collapsed, setup, teardown),
		cmocka_unit_test_setup_teardown(references_hinted, setup, teardown),
		cmocka_unit_test_setup_teardown(other_files_warned, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_input, setup, teardown),
		cmocka_unit_test_setup_teardown(stops_after_twenty, setup, teardown),
		cmocka_unit_test_setup_teardown(parallel_load_matches_serial, setup, teardown),
		cmocka_unit_test_setup_teardown(parallel_stop_matches_serial, setup, teardown),
		cmocka_unit_test(parallel_model_matches_serial),
		cmocka_unit_test(fast_dates_agree),
		cmocka_unit_test(month_duplicates_both_ways),
		cmocka_unit_test_setup_teardown(lines_past_65535, setup, teardown),
		cmocka_unit_test(schema_not_needed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
