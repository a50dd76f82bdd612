/* Charts from a hand-made bulletin context of the shape documents.md and the
 * rules stage fix: <trend> of 12 months, <district> children of the root. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/layout.h"
#include "chart/render_cairo.h"
#include "util/error.h"
#include "test_chart_sanitizer.h"

static const char *const charts[] = { "accidents-12m", "enforcement-by-district",
				      "hazards-by-district" };

static const struct {
	const char *code, *name;
	int insp, pen, open, overdue;
} districts[] = {
	{ "320505", "虎丘区", 132, 18, 3, 1 },	 { "320506", "吴中区", 141, 22, 4, 0 },
	{ "320507", "相城区", 98, 11, 2, 2 },	 { "320508", "姑苏区", 76, 9, 0, 0 },
	{ "320509", "吴江区", 155, 25, 5, 1 },	 { "320571", "苏州工业园区", 187, 31, 6, 2 },
	{ "320581", "常熟市", 149, 20, 3, 0 },	 { "320582", "张家港市", 163, 24, 4, 1 },
	{ "320583", "昆山市", 201, 35, 7, 3 },	 { "320585", "太仓市", 88, 10, 1, 0 },
};

/* A bulletin context; patch (if not NULL) holds pairs, ended by NULL: the
 * first occurrence of each pair's first string in the XML text is replaced
 * by its second before parsing. */
static xmlDocPtr context(const char *const *patch)
{
	GString *x = g_string_new("<document kind=\"bulletin\" period=\"2026-03\" publicity=\"public\">\n"
				  "<meta kind=\"bulletin\" period=\"2026-03\" period-cn=\"2026年3月\" "
				  "date=\"2026-03-31\" date-cn=\"2026年3月31日\" "
				  "data-source=\"测试市安全生产监管执法系统\"/>\n<trend>\n");
	static const int acc[12] = { 2, 3, 1, 4, 2, 0, 3, 5, 2, 1, 0, 2 };
	static const int dea[12] = { 1, 2, 0, 6, 1, 0, 2, 3, 1, 1, 0, 1 };
	xmlDocPtr doc;

	for (int i = 0; i < 12; i++) {
		int m = 4 + i;
		g_string_append_printf(x, "<month period=\"%d-%02d\" accidents=\"%d\" deaths=\"%d\"/>\n",
				       m > 12 ? 2026 : 2025, m > 12 ? m - 12 : m, acc[i], dea[i]);
	}
	g_string_append(x, "</trend>\n");
	for (gsize i = 0; i < G_N_ELEMENTS(districts); i++)
		g_string_append_printf(x,
				       "<district code=\"%s\" name=\"%s\" inspections=\"%d\" "
				       "penalties=\"%d\" major-hazards-open=\"%d\" "
				       "major-hazards-overdue=\"%d\" target=\"met\"/>\n",
				       districts[i].code, districts[i].name, districts[i].insp,
				       districts[i].pen, districts[i].open, districts[i].overdue);
	g_string_append(x, "<total inspections=\"1390\"/>\n</document>\n");
	for (; patch != NULL && patch[0] != NULL; patch += 2) {
		char *at = strstr(x->str, patch[0]);
		assert_non_null(at);
		g_string_erase(x, at - x->str, (gssize)strlen(patch[0]));
		g_string_insert(x, at - x->str, patch[1]);
	}
	doc = xmlReadMemory(x->str, (int)x->len, "context.xml", "UTF-8", XML_PARSE_NONET);
	g_string_free(x, TRUE);
	assert_non_null(doc);
	return doc;
}

static char *svg_of(const char *name, xmlDocPtr doc, double w, double h)
{
	GError *err = NULL;
	char *svg = aj_chart_svg(name, xmlDocGetRootElement(doc), w, h, &err);

	if (err != NULL)
		fail_msg("%s", err->message);
	assert_non_null(svg);
	return svg;
}

/* Every <text> of the SVG, joined with "|". */
static char *svg_texts(const char *svg)
{
	xmlDocPtr doc = xmlReadMemory(svg, (int)strlen(svg), "chart.svg", "UTF-8", XML_PARSE_NONET);
	xmlXPathContextPtr xp;
	xmlXPathObjectPtr r;
	GString *out = g_string_new("|");

	assert_non_null(doc);
	xp = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(xp, (const xmlChar *)"s", (const xmlChar *)"http://www.w3.org/2000/svg");
	r = xmlXPathEvalExpression((const xmlChar *)"//s:text", xp);
	assert_non_null(r);
	for (int i = 0; r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++) {
		xmlChar *t = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
		g_string_append_printf(out, "%s|", (const char *)t);
		xmlFree(t);
	}
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(xp);
	xmlFreeDoc(doc);
	return g_string_free(out, FALSE);
}

static void axis_steps_are_1_2_5(void **state)
{
	static const gint64 cases[][3] = { { 0, 1, 5 },	   { 1, 1, 5 },	{ 5, 1, 5 },	{ 6, 1, 6 },	     { 7, 2, 8 },
					   { 12, 2, 12 },  { 13, 5, 15 },    { 100, 20, 100 },
					   { 101, 20, 120 }, { 4321, 1000, 5000 } };

	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		gint64 step, top;
		aj_chart_axis(cases[i][0], &step, &top);
		assert_int_equal(step, cases[i][1]);
		assert_int_equal(top, cases[i][2]);
	}
}

static void svg_is_wellformed_accessible_and_deterministic(void **state)
{
	xmlDocPtr ctx = context(NULL);

	for (gsize i = 0; i < G_N_ELEMENTS(charts); i++) {
		char *a = svg_of(charts[i], ctx, 480, 290), *b = svg_of(charts[i], ctx, 480, 290);
		xmlDocPtr svg = xmlReadMemory(a, (int)strlen(a), "c.svg", "UTF-8", XML_PARSE_NONET);
		xmlNodePtr root;
		xmlChar *vb, *role;

		assert_true(aj_chart_exists(charts[i]));
		assert_string_equal(a, b);
		assert_non_null(svg);
		root = xmlDocGetRootElement(svg);
		assert_string_equal((const char *)root->name, "svg");
		vb = xmlGetProp(root, (const xmlChar *)"viewBox");
		role = xmlGetProp(root, (const xmlChar *)"role");
		assert_string_equal((const char *)vb, "0 0 480 290");
		assert_string_equal((const char *)role, "img");
		assert_non_null(strstr(a, "<title>"));
		assert_non_null(strstr(a, "<desc>"));
		/* Strict CSP: no style attributes; inline in pages: no ids, no prolog. */
		assert_null(strstr(a, "style="));
		assert_null(strstr(a, " id="));
		assert_null(strstr(a, "<?xml"));
		assert_null(strstr(a, "<symbol"));
		xmlFree(vb);
		xmlFree(role);
		xmlFreeDoc(svg);
		g_free(a);
		g_free(b);
	}
	xmlFreeDoc(ctx);
}

static void svg_text_has_labels_legend_and_source(void **state)
{
	xmlDocPtr ctx = context(NULL);
	char *svg = svg_of("accidents-12m", ctx, 480, 270), *t = svg_texts(svg);

	for (int m = 1; m <= 12; m++) {
		char *label = g_strdup_printf("|%d月|", m);
		assert_non_null(strstr(t, label));
		g_free(label);
	}
	assert_non_null(strstr(t, "|2025年|"));
	assert_non_null(strstr(t, "|2026年|"));
	assert_non_null(strstr(t, "|事故起数|"));
	assert_non_null(strstr(t, "|死亡人数|"));
	assert_non_null(strstr(t, "数据来源：测试市安全生产监管执法系统；统计期间：2025年4月—2026年3月"));
	g_free(svg);
	g_free(t);

	svg = svg_of("enforcement-by-district", ctx, 480, 300);
	t = svg_texts(svg);
	assert_non_null(strstr(t, "|张家港市|"));
	assert_non_null(strstr(t, "|执法检查（家次）|"));
	assert_non_null(strstr(t, "统计期间：2026年3月|"));
	/* Ticks of 201 inspections: 0, 50, …, 250. */
	assert_non_null(strstr(t, "|50|"));
	assert_non_null(strstr(t, "|250|"));
	g_free(svg);
	g_free(t);

	svg = svg_of("hazards-by-district", ctx, 480, 300);
	t = svg_texts(svg);
	assert_non_null(strstr(t, "统计时点：2026年3月31日|"));
	assert_non_null(strstr(t, "|其中逾期未整改|"));
	g_free(svg);
	g_free(t);
	xmlFreeDoc(ctx);
}

static void changed_figure_changes_svg_text(void **state)
{
	static const char *const insp[] = { "inspections=\"187\"", "inspections=\"4321\"", NULL };
	static const char *const acc[] = { "accidents=\"4\"", "accidents=\"37\"", NULL };
	xmlDocPtr a = context(NULL), b = context(insp), c = context(acc);
	char *sa = svg_of("enforcement-by-district", a, 480, 300);
	char *sb = svg_of("enforcement-by-district", b, 480, 300);
	char *sc = svg_of("accidents-12m", c, 480, 270);
	char *ta = svg_texts(sa), *tb = svg_texts(sb), *tc = svg_texts(sc);

	assert_non_null(strstr(ta, "|187|"));
	assert_null(strstr(ta, "|4321|"));
	assert_non_null(strstr(tb, "|4321|"));
	assert_null(strstr(tb, "|187|"));
	assert_non_null(strstr(tc, "|37|"));
	g_free(sa);
	g_free(sb);
	g_free(sc);
	g_free(ta);
	g_free(tb);
	g_free(tc);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
	xmlFreeDoc(c);
}

/* A narrow chart still names every district, wrapped or rotated. */
static void long_names_fit_narrow_charts(void **state)
{
	xmlDocPtr ctx = context(NULL);
	char *svg = svg_of("hazards-by-district", ctx, 260, 200), *t = svg_texts(svg);
	char *joined;
	GString *plain = g_string_new(NULL);

	for (const char *p = t; *p != '\0'; p++)
		if (*p != '|')
			g_string_append_c(plain, *p);
	joined = g_string_free(plain, FALSE);
	for (gsize i = 0; i < G_N_ELEMENTS(districts); i++)
		assert_non_null(strstr(joined, districts[i].name));
	g_free(joined);
	g_free(svg);
	g_free(t);
	xmlFreeDoc(ctx);
}

/* A month the data does not cover (known="false") breaks the line. */
static void unknown_months_are_gaps(void **state)
{
	static const char *const gap[] = {
		"<month period=\"2025-04\" accidents=\"2\" deaths=\"1\"/>",
		"<month period=\"2025-04\" label=\"4月\" known=\"false\"/>",
		"<month period=\"2025-05\" accidents=\"3\" deaths=\"2\"/>",
		"<month period=\"2025-05\" known=\"false\"/>", NULL
	};
	xmlDocPtr ctx = context(gap);
	char *svg = svg_of("accidents-12m", ctx, 480, 270), *t = svg_texts(svg);
	char *alt = aj_chart_alt_text("accidents-12m", xmlDocGetRootElement(ctx));
	const char *dir = g_getenv("AJ_CHART_PNG_DIR");

	assert_non_null(strstr(t, "|无数据|"));
	assert_non_null(strstr(alt, "2025年4月无数据，5月无数据，6月1起、死亡0人"));
	assert_non_null(strstr(alt, "有数据的10个月合计20起"));
	if (dir != NULL) {
		char *path = g_build_filename(dir, "accidents-12m-gap.svg", NULL);
		assert_true(g_file_set_contents(path, svg, -1, NULL));
		g_free(path);
	}
	g_free(alt);
	g_free(svg);
	g_free(t);
	xmlFreeDoc(ctx);
}

static void alt_text_states_the_numbers(void **state)
{
	xmlDocPtr ctx = context(NULL);
	xmlNodePtr root = xmlDocGetRootElement(ctx);
	char *a = aj_chart_alt_text("accidents-12m", root);
	char *e = aj_chart_alt_text("enforcement-by-district", root);
	char *h = aj_chart_alt_text("hazards-by-district", root);

	assert_non_null(strstr(a, "2025年4月至2026年3月全市生产安全事故：2025年4月2起、死亡1人，5月3起、死亡2人"));
	assert_non_null(strstr(a, "2026年1月"));
	assert_non_null(strstr(a, "合计25起、死亡18人"));
	assert_non_null(strstr(e, "2026年3月各地区执法检查和行政处罚：虎丘区检查132家次、处罚18起"));
	assert_non_null(strstr(h, "截至2026年3月31日"));
	assert_non_null(strstr(h, "昆山市7项（其中逾期3项）"));
	g_free(a);
	g_free(e);
	g_free(h);
	xmlFreeDoc(ctx);
}

/* A roll-up's trend is the province's: <meta whole> names it. */
static void trend_of_the_whole_area(void **state)
{
	static const char *const patch[] = { "data-source=", "whole=\"全省\" data-source=", NULL };
	xmlDocPtr ctx = context(patch);
	xmlNodePtr root = xmlDocGetRootElement(ctx);
	char *a = aj_chart_alt_text("accidents-12m", root);
	char *svg = svg_of("accidents-12m", ctx, 480, 300);

	(void)state;
	assert_non_null(strstr(a, "2025年4月至2026年3月全省生产安全事故："));
	assert_non_null(strstr(svg, "<title>全省近12个月生产安全事故起数和死亡人数</title>"));
	assert_null(strstr(svg, "全市"));
	g_free(a);
	g_free(svg);
	xmlFreeDoc(ctx);
}

static void expect_error(const char *name, xmlNodePtr root, const char *needle)
{
	GError *err = NULL;
	char *svg = aj_chart_svg(name, root, 480, 300, &err);

	assert_null(svg);
	assert_non_null(err);
	assert_true(err->domain == AJ_ERROR);
	assert_int_equal(err->code, EX_DATAERR);
	if (strstr(err->message, needle) == NULL)
		fail_msg("message lacks \"%s\": %s", needle, err->message);
	assert_non_null(strstr(err->message, "chart:"));
	g_error_free(err);
}

static void errors_name_chart_and_what_is_missing(void **state)
{
	static const char *const no_trend[] = { "<trend>", "<old-trend>", "</trend>",
						"</old-trend>", NULL };
	static const char *const bad_pen[] = { "penalties=\"22\"", "penalties=\"many\"", NULL };
	static const char *const no_open[] = { "major-hazards-open=\"5\"", "", NULL };
	xmlDocPtr ok = context(NULL), nt, bp, no;

	expect_error("pie-of-everything", xmlDocGetRootElement(ok), "pie-of-everything");
	expect_error("accidents-12m", NULL, "context");
	assert_false(aj_chart_exists("pie-of-everything"));

	nt = context(no_trend);
	expect_error("accidents-12m", xmlDocGetRootElement(nt), "<trend>");

	bp = context(bad_pen);
	expect_error("enforcement-by-district", xmlDocGetRootElement(bp), "penalties=\"many\"");
	/* The element's file and line lead the message. */
	expect_error("enforcement-by-district", xmlDocGetRootElement(bp), "context.xml:");
	no = context(no_open);
	expect_error("hazards-by-district", xmlDocGetRootElement(no), "major-hazards-open");
	xmlFreeDoc(ok);
	xmlFreeDoc(nt);
	xmlFreeDoc(bp);
	xmlFreeDoc(no);
}

/* Count of pixels darker than mid-grey: the drawing reached the surface. */
static int dark_pixels(cairo_surface_t *s)
{
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s), n = 0;
	const unsigned char *data = cairo_image_surface_get_data(s);

	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			guint32 px = *(const guint32 *)(const void *)(data + y * stride + x * 4);
			if (((px >> 16) & 0xff) + ((px >> 8) & 0xff) + (px & 0xff) < 3 * 128)
				n++;
		}
	return n;
}

/* A chart drawn on cr as the PDF draws it. */
static gboolean draw(const char *name, xmlNodePtr context, cairo_t *cr, double w, double h,
		     GError **err)
{
	AjChartScene *scene = aj_chart_scene(name, context, w, h, err);

	if (scene == NULL)
		return FALSE;
	aj_chart_render_cairo(scene, cr);
	aj_chart_scene_free(scene);
	return TRUE;
}

/* Renders each chart to a PNG; AJ_CHART_PNG_DIR keeps them for a look. */
static void image_surface_render(void **state)
{
	xmlDocPtr ctx = context(NULL);
	const char *dir = g_getenv("AJ_CHART_PNG_DIR");

	for (gsize i = 0; i < G_N_ELEMENTS(charts); i++) {
		double w = 442, h = 442 * aj_chart_aspect(charts[i]), scale = 2;
		cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)(w * scale),
								(int)(h * scale));
		cairo_t *cr = cairo_create(s);
		GError *err = NULL;

		cairo_scale(cr, scale, scale);
		assert_true(draw(charts[i], xmlDocGetRootElement(ctx), cr, w, h, &err));
		assert_null(err);
		assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
		cairo_surface_flush(s);
		assert_true(dark_pixels(s) > 2000);
		if (dir != NULL) {
			char *png = g_strdup_printf("%s/%s.png", dir, charts[i]);
			assert_int_equal(cairo_surface_write_to_png(s, png), CAIRO_STATUS_SUCCESS);
			g_free(png);
		}
		cairo_destroy(cr);
		cairo_surface_destroy(s);
	}
	xmlFreeDoc(ctx);
}

static char *run(const char *const *argv)
{
	char *out = NULL;
	int status = 0;

	if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
			  NULL, NULL, &out, NULL, &status, NULL))
		return NULL;
	if (!g_spawn_check_wait_status(status, NULL)) {
		g_free(out);
		return NULL;
	}
	return out;
}

/* A PDF page with the three charts: text stays text (pdftotext finds the
 * labels) and nothing is a raster image (pdfimages lists none). */
static void pdf_keeps_text_and_vectors(void **state)
{
	xmlDocPtr ctx = context(NULL);
	char *dir = g_dir_make_tmp("aj-chart-XXXXXX", NULL);
	char *pdf = g_build_filename(dir, "charts.pdf", NULL);
	cairo_surface_t *s = cairo_pdf_surface_create(pdf, 595, 842);
	cairo_t *cr = cairo_create(s);
	char *text, *images;
	double y = 40;

	for (gsize i = 0; i < G_N_ELEMENTS(charts); i++) {
		double w = 442, h = w * aj_chart_aspect(charts[i]);
		GError *err = NULL;
		cairo_save(cr);
		cairo_translate(cr, 76, y);
		assert_true(draw(charts[i], xmlDocGetRootElement(ctx), cr, w, h, &err));
		cairo_restore(cr);
		y += h + 10;
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);

	text = run((const char *const[]){ "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
	images = run((const char *const[]){ "pdfimages", "-list", pdf, NULL });
	if (text == NULL || images == NULL) {
		g_free(text);
		g_free(images);
		g_unlink(pdf);
		g_rmdir(dir);
		fail_msg("pdftotext or pdfimages did not run: scripts/install-deps installs "
			 "poppler-utils");
	}
	assert_non_null(strstr(text, "4月"));
	assert_non_null(strstr(text, "张家港市"));
	assert_non_null(strstr(text, "事故起数"));
	assert_non_null(strstr(text, "数据来源"));
	/* pdfimages -list prints a two-line header and one line per image. */
	{
		char **lines = g_strsplit(images, "\n", -1);
		guint n = 0;
		for (char **l = lines; *l != NULL; l++)
			n += **l != '\0';
		assert_int_equal(n, 2);
		g_strfreev(lines);
	}
	g_free(text);
	g_free(images);
	g_unlink(pdf);
	g_rmdir(dir);
	g_free(pdf);
	g_free(dir);
	xmlFreeDoc(ctx);
}

typedef struct {
	xmlDocPtr ctx;
	const char *expect;
} Job;

static gpointer render_job(gpointer data)
{
	Job *job = data;
	gboolean same = TRUE;

	for (int k = 0; k < 3; k++) {
		char *svg = aj_chart_svg("enforcement-by-district", xmlDocGetRootElement(job->ctx),
					 480, 300, NULL);
		same = same && svg != NULL && strcmp(svg, job->expect) == 0;
		g_free(svg);
	}
	return GINT_TO_POINTER(same);
}

static void parallel_renders_agree(void **state)
{
	xmlDocPtr ctx = context(NULL);
	char *expect = svg_of("enforcement-by-district", ctx, 480, 300);
	Job job = { ctx, expect };
	GThread *t[4];

	for (int i = 0; i < 4; i++)
		t[i] = g_thread_new("chart", render_job, &job);
	for (int i = 0; i < 4; i++)
		assert_true(GPOINTER_TO_INT(g_thread_join(t[i])));
	g_free(expect);
	xmlFreeDoc(ctx);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(axis_steps_are_1_2_5),
		cmocka_unit_test(svg_is_wellformed_accessible_and_deterministic),
		cmocka_unit_test(svg_text_has_labels_legend_and_source),
		cmocka_unit_test(changed_figure_changes_svg_text),
		cmocka_unit_test(long_names_fit_narrow_charts),
		cmocka_unit_test(unknown_months_are_gaps),
		cmocka_unit_test(alt_text_states_the_numbers),
		cmocka_unit_test(trend_of_the_whole_area),
		cmocka_unit_test(errors_name_chart_and_what_is_missing),
		cmocka_unit_test(image_surface_render),
		cmocka_unit_test(pdf_keeps_text_and_vectors),
		cmocka_unit_test(parallel_renders_agree),
	};

	/* AJ_TEST_FILTER runs only the tests whose names match (cmocka glob). */
	if (g_getenv("AJ_TEST_FILTER") != NULL)
		cmocka_set_test_filter(g_getenv("AJ_TEST_FILTER"));
	ajt_slices_by_malloc(argv);
	return cmocka_run_group_tests(tests, NULL, ajt_release_font_map);
}
