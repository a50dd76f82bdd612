/* The public face of the charts: look up the chart, read its numbers from
 * the context, lay it out once, hand the scene to a back end.  Every call
 * builds its own Pango context and frees all it made: no state is shared,
 * so documents can render in parallel threads. */
#include "chart/chart.h"

#include "chart/alt.h"
#include "chart/data.h"
#include "chart/def.h"
#include "chart/layout.h"
#include "chart/render_svg.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/xml.h"

gboolean aj_chart_exists(const char *name)
{
	return aj_chart_def(name) != NULL;
}

double aj_chart_aspect(const char *name)
{
	const AjChartDef *def = aj_chart_def(name);

	return def != NULL && def->kind == AJ_CHART_LINES ? 0.56 : 0.62;
}

static const AjChartDef *lookup(const char *name, GError **err)
{
	const AjChartDef *def = aj_chart_def(name);

	if (def == NULL)
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("chart:%s: there is no chart of that name; the charts are %s"),
			    name != NULL ? name : "", aj_chart_def_names());
	return def;
}

/* The numbers of the chart, or NULL with err set. */
static AjChartData *read_data(const AjChartDef *def, xmlNodePtr context, GError **err)
{
	AjChartData *d = aj_chart_data_new(def->name, def->kind);
	gboolean ok = def->attr[0] == NULL
			      ? aj_chart_read_trend(context, d, err)
			      : aj_chart_read_districts(context, def->attr[0], def->attr[1], d, err);

	if (!ok) {
		aj_chart_data_free(d);
		return NULL;
	}
	return d;
}

static gboolean check_size(const AjChartDef *def, double width, double height, GError **err)
{
	if (width >= 50 && height >= 30 && width <= 1e5 && height <= 1e5)
		return TRUE;
	g_set_error(err, AJ_ERROR, EX_SOFTWARE,
		    _("chart:%s: a chart cannot be drawn %.1f × %.1f units; give it at least "
		    "50 × 30"),
		    def->name, width, height);
	return FALSE;
}

/* The scene of a chart, or NULL with err set. */
static AjChartScene *scene_of(const char *name, xmlNodePtr context, double width,
			      double height, AjChartData **data_out, GError **err)
{
	const AjChartDef *def = lookup(name, err);
	AjChartData *d = NULL;
	AjChartText *text = NULL;
	AjChartScene *scene = NULL;

	if (def == NULL || !check_size(def, width, height, err))
		goto out;
	d = read_data(def, context, err);
	if (d == NULL)
		goto out;
	text = aj_chart_text_new();
	scene = aj_chart_layout(def, d, width, height, text);
out:
	aj_chart_text_free(text);
	if (data_out != NULL && scene != NULL)
		*data_out = d;
	else
		aj_chart_data_free(d);
	return scene;
}

AjChartScene *aj_chart_scene(const char *name, xmlNodePtr context, double width, double height,
			     GError **err)
{
	return scene_of(name, context, width, height, NULL, err);
}

char *aj_chart_svg(const char *name, xmlNodePtr context, double width, double height,
		   GError **err)
{
	AjChartData *d = NULL;
	AjChartScene *scene = scene_of(name, context, width, height, &d, err);
	char *alt, *title, *svg;

	if (scene == NULL)
		return NULL;
	alt = aj_chart_alt(aj_chart_def(name), d);
	title = aj_chart_def_title(aj_chart_def(name), d->whole);
	svg = aj_chart_render_svg(scene, title, alt);
	g_free(title);
	g_free(alt);
	aj_chart_data_free(d);
	aj_chart_scene_free(scene);
	return svg;
}

char *aj_chart_alt_text(const char *name, xmlNodePtr context)
{
	const AjChartDef *def = aj_chart_def(name);
	AjChartData *d;
	char *alt;

	if (def == NULL)
		return g_strdup("");
	d = read_data(def, context, NULL);
	if (d == NULL) {
		xmlNodePtr meta = aj_xml_child(context, "meta");
		char *whole = meta != NULL ? aj_xml_prop(meta, "whole") : NULL;
		char *title = aj_chart_def_title(def, whole);

		alt = g_strdup_printf("%s（数据缺失）", title);
		g_free(title);
		g_free(whole);
		return alt;
	}
	alt = aj_chart_alt(def, d);
	aj_chart_data_free(d);
	return alt;
}
