/* The numbers of a chart, read from a bulletin's XML context.
 *
 * A chart has n categories (months or districts) and two series of
 * non-negative counts.  Readers check every attribute they use and fail with
 * a GError (AJ_ERROR, EX_DATAERR) naming the chart, the element (with its
 * line when the context came from a file) and what is missing.
 *
 * Ownership: aj_chart_data_new() returns data freed with
 * aj_chart_data_free(), which frees every string and array in it.
 */
#ifndef AJ_CHART_DATA_H
#define AJ_CHART_DATA_H

#include <glib.h>
#include <libxml/tree.h>

typedef enum { AJ_CHART_LINES, AJ_CHART_BARS } AjChartKind;

/* A month of the trend without figures (<month known="false">). */
#define AJ_CHART_UNKNOWN ((gint64)-1)

typedef struct {
	const char *name;  /* chart name, static */
	AjChartKind kind;
	char *period_cn;   /* "2026年3月" */
	char *as_of_cn;    /* "2026年3月31日" (meta date-cn), or NULL */
	char *span_cn;     /* "2025年4月—2026年3月" for trends, or NULL */
	char *source;      /* the data source (meta data-source), or NULL */
	char *whole;       /* the whole area in the text (meta whole): "全省"; "全市" without it */
	guint n;
	GPtrArray *labels;    /* char *: category names ("4月", "XX市") */
	GPtrArray *sublabels; /* char *: second label line ("2025年") or "" */
	GPtrArray *periods;   /* char *: "2025年4月" per month (trends), else empty */
	gint64 *values[2];    /* n counts per series, or AJ_CHART_UNKNOWN */
	gboolean has_unknown; /* some value is AJ_CHART_UNKNOWN */
} AjChartData;

AjChartData *aj_chart_data_new(const char *name, AjChartKind kind);
void aj_chart_data_free(AjChartData *d);

/* The 12-month trend: <trend><month period="YYYY-MM" accidents deaths/>;
 * a month with known="false" needs no figures and is AJ_CHART_UNKNOWN. */
gboolean aj_chart_read_trend(xmlNodePtr context, AjChartData *d, GError **err);
/* Two attributes of each <district> child of the root, in document order. */
gboolean aj_chart_read_districts(xmlNodePtr context, const char *attr0, const char *attr1,
				 AjChartData *d, GError **err);

#endif
