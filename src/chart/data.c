#include "chart/data.h"

#include <string.h>

#include "util/digits.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/xml.h"

AjChartData *aj_chart_data_new(const char *name, AjChartKind kind)
{
	AjChartData *d = g_new0(AjChartData, 1);

	d->name = name;
	d->kind = kind;
	d->labels = g_ptr_array_new_with_free_func(g_free);
	d->sublabels = g_ptr_array_new_with_free_func(g_free);
	d->periods = g_ptr_array_new_with_free_func(g_free);
	return d;
}

void aj_chart_data_free(AjChartData *d)
{
	if (d == NULL)
		return;
	g_free(d->period_cn);
	g_free(d->as_of_cn);
	g_free(d->span_cn);
	g_free(d->source);
	g_free(d->whole);
	g_ptr_array_unref(d->labels);
	g_ptr_array_unref(d->sublabels);
	g_ptr_array_unref(d->periods);
	g_free(d->values[0]);
	g_free(d->values[1]);
	g_free(d);
}

/* "file:line: " of a node when the context was read from a file, else "". */
static char *where(xmlNodePtr node)
{
	long line = node != NULL ? xmlGetLineNo(node) : -1;
	const char *file = node != NULL && node->doc != NULL && node->doc->URL != NULL
				   ? (const char *)node->doc->URL
				   : NULL;

	if (file != NULL && line > 0)
		return g_strdup_printf("%s:%ld: ", file, line);
	return g_strdup("");
}

static gboolean is_element(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static gboolean count_attr(const char *chart, xmlNodePtr node, const char *name, gint64 *out,
			   GError **err)
{
	char *v = aj_xml_prop(node, name);
	guint64 n = 0;
	gboolean ok = v != NULL && aj_digits(v, -1, G_MAXINT32, &n);

	if (ok) {
		*out = (gint64)n;
	} else {
		char *at = where(node);
		if (v == NULL)
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%schart:%s: <%s> lacks the attribute %s: it must be a count "
				      "(a non-negative integer); fix the document context (rules "
				      "stage)"),
				    at, chart, (const char *)node->name, name);
		else
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%schart:%s: <%s> has the attribute %s=\"%s\": it must be a "
				      "count (a non-negative integer); fix the document context "
				      "(rules stage)"),
				    at, chart, (const char *)node->name, name, v);
		g_free(at);
	}
	g_free(v);
	return ok;
}

static gboolean check_bulletin(xmlNodePtr context, const char *chart, GError **err)
{
	if (context == NULL || context->type != XML_ELEMENT_NODE) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("chart:%s: there is no document context to draw from; charts "
			    "exist only in documents built by `anjian build` (a bulletin)"),
			    chart);
		return FALSE;
	}
	return TRUE;
}

/* "YYYY-MM" → year and month; FALSE when malformed. */
static gboolean parse_period(const char *s, int *year, int *month)
{
	guint64 y = 0, m = 0;

	if (s == NULL || strlen(s) != 7 || s[4] != '-' || !aj_digits(s, 4, 9999, &y) ||
	    !aj_digits(s + 5, 2, 12, &m) || y == 0 || m == 0)
		return FALSE;
	*year = (int)y;
	*month = (int)m;
	return TRUE;
}

/* The period and data source for the source line: <meta period-cn> (else
 * the root's period) and <meta data-source> (the office profile's); the
 * whole area the trend speaks of: <meta whole> (全省 in a roll-up). */
static void read_period(xmlNodePtr context, AjChartData *d)
{
	xmlNodePtr meta = aj_xml_child(context, "meta");
	char *period = NULL;
	int y, m;

	if (meta != NULL) {
		d->period_cn = aj_xml_prop(meta, "period-cn");
		d->as_of_cn = aj_xml_prop(meta, "date-cn");
		d->source = aj_xml_prop(meta, "data-source");
		g_free(d->whole);
		d->whole = aj_xml_prop(meta, "whole");
	}
	if (d->whole == NULL)
		d->whole = g_strdup("全市");
	if (d->period_cn != NULL)
		return;
	period = aj_xml_prop(context, "period");
	if (parse_period(period, &y, &m))
		d->period_cn = g_strdup_printf("%d年%d月", y, m);
	else if (period != NULL)
		d->period_cn = g_strdup(period);
	g_free(period);
}

/* known="false": a month the records do not cover and no baseline fills. */
static gboolean unknown_month(xmlNodePtr n)
{
	char *known = aj_xml_prop(n, "known");
	gboolean unknown = known != NULL && strcmp(known, "false") == 0;

	g_free(known);
	return unknown;
}

gboolean aj_chart_read_trend(xmlNodePtr context, AjChartData *d, GError **err)
{
	xmlNodePtr trend = NULL;
	GArray *v0 = g_array_new(FALSE, FALSE, sizeof(gint64));
	GArray *v1 = g_array_new(FALSE, FALSE, sizeof(gint64));
	int prev_year = 0, first_y = 0, first_m = 0, y = 0, m = 0;
	gboolean ok = FALSE;

	if (!check_bulletin(context, d->name, err))
		goto out;
	read_period(context, d);
	trend = aj_xml_child(context, "trend");
	if (trend == NULL) {
		char *at = where(context);
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%schart:%s: the context has no <trend> element; the chart needs "
			    "<trend> with 12 <month period=\"YYYY-MM\" accidents=\"N\" "
			    "deaths=\"N\"/> children (the rules stage writes them)"),
			    at, d->name);
		g_free(at);
		goto out;
	}
	for (xmlNodePtr n = trend->children; n != NULL; n = n->next) {
		char *period;
		gint64 a, b;

		if (!is_element(n, "month"))
			continue;
		period = aj_xml_prop(n, "period");
		if (!parse_period(period, &y, &m)) {
			char *at = where(n);
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%schart:%s: <month> of <trend> has period=\"%s\"; it must be "
				    "a month YYYY-MM"),
				    at, d->name, period != NULL ? period : "");
			g_free(at);
			g_free(period);
			goto out;
		}
		g_free(period);
		if (unknown_month(n)) {
			a = b = AJ_CHART_UNKNOWN;
			d->has_unknown = TRUE;
		} else if (!count_attr(d->name, n, "accidents", &a, err) ||
			   !count_attr(d->name, n, "deaths", &b, err)) {
			goto out;
		}
		g_array_append_val(v0, a);
		g_array_append_val(v1, b);
		if (v0->len == 1) {
			first_y = y;
			first_m = m;
		}
		g_ptr_array_add(d->labels, g_strdup_printf("%d月", m));
		g_ptr_array_add(d->sublabels,
				y != prev_year ? g_strdup_printf("%d年", y) : g_strdup(""));
		g_ptr_array_add(d->periods, g_strdup_printf("%d年%d月", y, m));
		prev_year = y;
	}
	if (v0->len == 0) {
		char *at = where(trend);
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%schart:%s: <trend> has no <month> children; the chart needs the "
			    "12 months ending at the bulletin's month"),
			    at, d->name);
		g_free(at);
		goto out;
	}
	d->span_cn = g_strdup_printf("%d年%d月—%d年%d月", first_y, first_m, y, m);
	if (d->period_cn == NULL)
		d->period_cn = g_strdup_printf("%d年%d月", y, m);
	ok = TRUE;
out:
	d->n = v0->len;
	d->values[0] = (gint64 *)(void *)g_array_free(v0, FALSE);
	d->values[1] = (gint64 *)(void *)g_array_free(v1, FALSE);
	return ok;
}

gboolean aj_chart_read_districts(xmlNodePtr context, const char *attr0, const char *attr1,
				 AjChartData *d, GError **err)
{
	GArray *v0 = g_array_new(FALSE, FALSE, sizeof(gint64));
	GArray *v1 = g_array_new(FALSE, FALSE, sizeof(gint64));
	gboolean ok = FALSE;

	if (!check_bulletin(context, d->name, err))
		goto out;
	read_period(context, d);
	for (xmlNodePtr n = context->children; n != NULL; n = n->next) {
		char *name;
		gint64 a, b;

		if (!is_element(n, "district"))
			continue;
		name = aj_xml_prop(n, "name");
		if (name == NULL || *name == '\0') {
			g_free(name);
			name = aj_xml_prop(n, "code");
		}
		if (name == NULL || *name == '\0') {
			char *at = where(n);
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%schart:%s: a <district> has neither name nor code; give "
				    "each district its name=\"…\""),
				    at, d->name);
			g_free(at);
			g_free(name);
			goto out;
		}
		g_ptr_array_add(d->labels, name);
		g_ptr_array_add(d->sublabels, g_strdup(""));
		if (!count_attr(d->name, n, attr0, &a, err) ||
		    !count_attr(d->name, n, attr1, &b, err))
			goto out;
		g_array_append_val(v0, a);
		g_array_append_val(v1, b);
	}
	if (v0->len == 0) {
		char *at = where(context);
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%schart:%s: the context has no <district> children of its root; "
			    "the chart needs <district name=\"…\" %s=\"N\" %s=\"N\"> per district"),
			    at, d->name, attr0, attr1);
		g_free(at);
		goto out;
	}
	ok = TRUE;
out:
	d->n = v0->len;
	d->values[0] = (gint64 *)(void *)g_array_free(v0, FALSE);
	d->values[1] = (gint64 *)(void *)g_array_free(v1, FALSE);
	return ok;
}
