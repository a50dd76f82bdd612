/* The enterprise part of the site over a hand-made model of 450
 * enterprises: a page each, listings of at most 200 rows, search shards
 * that find every name by any part of it (the search.js algorithm, run
 * here in C) within the size limit, a hostile name that stays text on its
 * page, in a listing and in the search data, and pages rewritten only for
 * the enterprises that changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "build/enterprises.h"
#include "support/model_builder.h"
#include "util/error.h"

#define HOSTILE "A*B_C|D#1 <script>alert(1)</script> [x](javascript:alert(1))"
#define N 450

typedef struct {
	AjModel *m;
	char *tmp;
} Fixture;

static const char *const words[] = { "恒通", "华盛", "金鼎", "永安", "瑞丰", "东吴", "新诚", "宏达" };

static int setup(void **state)
{
	Fixture *f = g_new0(Fixture, 1);
	AjModel *m = ajt_model_new();

	aj_warn_set_quiet(TRUE);
	ajt_district(m, "320505", "虎丘区");
	ajt_district(m, "320506", "吴中区");
	for (guint i = 0; i < N; i++) {
		char id[32], name[96];
		guint32 e;
		g_snprintf(id, sizeof id, "91320505MA%08u", i);
		e = ajt_enterprise(m, id, i % 2 ? "320505" : "320506", i % 3 ? AJ_IND_TRADE : AJ_IND_MINING,
				   10, 100);
		g_snprintf(name, sizeof name, "%s%s机械有限公司%u号", words[i % 8], words[(i / 8) % 8], i);
		ajt_ent(m, e)->name = i == 7 ? aj_model_intern(m, HOSTILE) : aj_model_intern(m, name);
		if (i % 10 == 0)
			ajt_penalty(m, e, "2026-02-10", 1000, FALSE, FALSE);
	}
	ajt_ent(m, 3)->closed = TRUE;
	f->m = m;
	f->tmp = g_dir_make_tmp("aj-site-ent-XXXXXX", NULL);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	Fixture *f = *state;
	char *cmd = g_strdup_printf("rm -rf '%s'", f->tmp);

	g_assert(system(cmd) == 0);
	g_free(cmd);
	aj_model_free(f->m);
	g_free(f->tmp);
	g_free(f);
	return 0;
}

/* Writes the site of f's model into tmp/name, linking unchanged pages
 * from tmp/from when given; returns the pages written. */
static guint write_site(Fixture *f, const char *name, const char *from, guint *reused)
{
	AjBuildEnts *b = aj_build_ents_new(f->m, ajt_day("2026-03-31"), 3);
	AjSiteEnterprises *src = aj_build_ents_site(b);
	AjSiteOptions opts = { .layouts_dir = "templates/site", .enterprises = src };
	char *out = g_build_filename(f->tmp, name, NULL);
	char *old = from != NULL ? g_build_filename(f->tmp, from, NULL) : NULL;
	GError *err = NULL;
	guint written;

	src->reuse_from = old;
	if (!aj_site_write(NULL, 0, &opts, out, &err))
		fail_msg("%s", err->message);
	written = src->written;
	*reused = src->reused;
	aj_build_ents_free(b);
	g_free(out);
	g_free(old);
	return written;
}

static char *slurp(Fixture *f, const char *rel)
{
	char *path = g_build_filename(f->tmp, rel, NULL), *text = NULL;

	if (!g_file_get_contents(path, &text, NULL, NULL))
		fail_msg("%s: missing", rel);
	g_free(path);
	return text;
}

static guint count(const char *text, const char *needle)
{
	guint n = 0;

	for (const char *p = strstr(text, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void pages_and_listings(void **state)
{
	Fixture *f = *state;
	guint reused = 0;
	char *page, *all;
	gboolean hostile_listed = FALSE;

	assert_int_equal(write_site(f, "a", NULL, &reused), N);
	assert_int_equal(reused, 0);
	page = slurp(f, "a/site/enterprise/91320505MA00000007.html");
	assert_non_null(strstr(page, "A*B_C|D#1 &lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_null(strstr(page, "<script>alert"));
	g_free(page);
	page = slurp(f, "a/site/enterprise/91320505MA00000003.html");
	assert_non_null(strstr(page, "已关闭"));
	g_free(page);
	/* 450 by name: 200, 200, 50; no fourth page */
	for (int p = 1; p <= 3; p++) {
		char *rel = p == 1 ? g_strdup("a/site/enterprises/all.html")
				   : g_strdup_printf("a/site/enterprises/all-%d.html", p);
		all = slurp(f, rel);
		assert_int_equal(count(all, "<tr><td class=\"num\">"), p < 3 ? 200 : 50);
		hostile_listed = hostile_listed || strstr(all, "A*B_C|D#1 &lt;script&gt;") != NULL;
		assert_null(strstr(all, "<script>alert"));
		g_free(rel);
		g_free(all);
	}
	assert_true(hostile_listed);
	all = g_build_filename(f->tmp, "a/site/enterprises/all-4.html", NULL);
	assert_false(g_file_test(all, G_FILE_TEST_EXISTS));
	g_free(all);
	all = slurp(f, "a/site/enterprises/320505.html"); /* 225 in this district */
	assert_int_equal(count(all, "<tr><td class=\"num\">"), 200);
	g_free(all);
	all = slurp(f, "a/site/enterprises/320505-2.html");
	assert_int_equal(count(all, "<tr><td class=\"num\">"), 25);
	g_free(all);
	all = slurp(f, "a/site/enterprises/mining.html");
	assert_int_equal(count(all, "<tr><td class=\"num\">"), 150);
	g_free(all);
}

/* JavaScript's string order: UTF-16 code units. */
static int js_cmp(const char *a, const char *b)
{
	gunichar2 *x = g_utf8_to_utf16(a, -1, NULL, NULL, NULL);
	gunichar2 *y = g_utf8_to_utf16(b, -1, NULL, NULL, NULL);
	int r = 0;

	for (gsize i = 0; r == 0; i++) {
		if (x[i] != y[i])
			r = x[i] < y[i] ? -1 : 1;
		else if (x[i] == 0)
			break;
	}
	g_free(x);
	g_free(y);
	return r;
}

/* The credit codes search.js shows for q: the shard of the last separator
 * <= q, its entries whose key starts with q. */
static GHashTable *search(Fixture *f, JsonArray *sep, const char *q)
{
	guint lo = 0, hi = json_array_get_length(sep) - 1;
	GHashTable *hits = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	JsonParser *p = json_parser_new();
	char *rel, *text;
	JsonArray *rows;

	while (lo < hi) {
		guint mid = (lo + hi + 1) / 2;
		if (js_cmp(json_array_get_string_element(sep, mid), q) <= 0)
			lo = mid;
		else
			hi = mid - 1;
	}
	rel = g_strdup_printf("a/site/search/e-%u.json", lo);
	text = slurp(f, rel);
	assert_true(strlen(text) <= 128 * 1024);
	assert_true(json_parser_load_from_data(p, text, -1, NULL));
	rows = json_node_get_array(json_parser_get_root(p));
	for (guint i = 0; i < json_array_get_length(rows); i++) {
		JsonArray *r = json_array_get_array_element(rows, i);
		gint64 off = json_array_get_int_element(r, 0);
		const char *name = json_array_get_string_element(r, 1);
		const char *id = json_array_get_string_element(r, 2);
		gunichar2 *u = g_utf8_to_utf16(name, -1, NULL, NULL, NULL);
		char *key = off < 0 ? g_strdup(id) : g_utf16_to_utf8(u + off, -1, NULL, NULL, NULL);
		if (g_str_has_prefix(key, q))
			g_hash_table_add(hits, g_strdup(id));
		g_free(key);
		g_free(u);
	}
	g_object_unref(p);
	g_free(text);
	g_free(rel);
	return hits;
}

static void search_shards(void **state)
{
	Fixture *f = *state;
	guint reused = 0;
	JsonParser *p = json_parser_new();
	char *meta;
	JsonArray *sep;
	GHashTable *hits;

	write_site(f, "a", NULL, &reused);
	meta = slurp(f, "a/site/search/enterprises.json");
	assert_true(json_parser_load_from_data(p, meta, -1, NULL));
	sep = json_object_get_array_member(json_node_get_object(json_parser_get_root(p)), "sep");
	assert_true(json_array_get_length(sep) > 3); /* several shards at this size */
	/* each name by two characters taken anywhere in it (a unique number) */
	for (guint i = 0; i < N; i += 7) {
		char id[32], *q;
		const char *nm = AJ_ENTERPRISE(f->m, i)->name;
		glong len = g_utf8_strlen(nm, -1);
		g_snprintf(id, sizeof id, "91320505MA%08u", i);
		q = g_utf8_substring(nm, len - 4, len); /* e.g. "12号" plus the one before */
		hits = search(f, sep, q);
		if (!g_hash_table_contains(hits, id))
			fail_msg("search for %s did not find %s", q, nm);
		g_hash_table_destroy(hits);
		g_free(q);
	}
	hits = search(f, sep, "<script>alert");
	assert_true(g_hash_table_contains(hits, "91320505MA00000007"));
	g_hash_table_destroy(hits);
	hits = search(f, sep, "91320505MA00000123"); /* a credit code */
	assert_int_equal(g_hash_table_size(hits), 1);
	g_hash_table_destroy(hits);
	g_object_unref(p);
	g_free(meta);
}

static ino_t inode(Fixture *f, const char *rel)
{
	char *path = g_build_filename(f->tmp, rel, NULL);
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	g_free(path);
	return st.st_ino;
}

static void incremental(void **state)
{
	Fixture *f = *state;
	guint reused = 0;

	assert_int_equal(write_site(f, "a", NULL, &reused), N);
	/* nothing changed: every page linked from the earlier output */
	assert_int_equal(write_site(f, "b", "a", &reused), 0);
	assert_int_equal(reused, N);
	assert_true(inode(f, "a/site/enterprise/91320505MA00000011.html") ==
		    inode(f, "b/site/enterprise/91320505MA00000011.html"));
	assert_true(inode(f, "a/site/search/e-0.json") == inode(f, "b/site/search/e-0.json"));
	assert_true(inode(f, "a/site/enterprises/all-2.html") == inode(f, "b/site/enterprises/all-2.html"));
	/* one enterprise gets a penalty: its page alone is written */
	ajt_penalty(f->m, 11, "2026-03-01", 5000, FALSE, FALSE);
	assert_int_equal(write_site(f, "c", "b", &reused), 1);
	assert_int_equal(reused, N - 1);
	assert_true(inode(f, "b/site/enterprise/91320505MA00000011.html") !=
		    inode(f, "c/site/enterprise/91320505MA00000011.html"));
	assert_true(inode(f, "b/site/enterprise/91320505MA00000012.html") ==
		    inode(f, "c/site/enterprise/91320505MA00000012.html"));
	/* a renamed enterprise changes its page and the search data */
	ajt_ent(f->m, 12)->name = aj_model_intern(f->m, "改名后的企业有限公司");
	assert_int_equal(write_site(f, "d", "c", &reused), 1);
	assert_true(inode(f, "c/site/search/e-0.json") != inode(f, "d/site/search/e-0.json"));
	/* the listing pages that hold it are written again, the others linked */
	assert_true(inode(f, "c/site/enterprises/all.html") != inode(f, "d/site/enterprises/all.html") ||
		    inode(f, "c/site/enterprises/all-2.html") != inode(f, "d/site/enterprises/all-2.html") ||
		    inode(f, "c/site/enterprises/all-3.html") != inode(f, "d/site/enterprises/all-3.html"));
	assert_true(inode(f, "c/site/enterprises/320505.html") == inode(f, "d/site/enterprises/320505.html"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pages_and_listings, setup, teardown),
		cmocka_unit_test_setup_teardown(search_shards, setup, teardown),
		cmocka_unit_test_setup_teardown(incremental, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
