#include "chart/render_svg.h"

#include <libxml/xmlwriter.h>
#include <string.h>

#define SVG_FONTS "'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif"

/* A coordinate with at most two decimals, locale-independent, no "-0". */
static const char *num(char buf[G_ASCII_DTOSTR_BUF_SIZE], double v)
{
	char *end;

	g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", v);
	end = buf + strlen(buf);
	while (end > buf && end[-1] == '0')
		*--end = '\0';
	if (end > buf && end[-1] == '.')
		*--end = '\0';
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
	return buf;
}

static void num_attr(xmlTextWriterPtr w, const char *name, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	xmlTextWriterWriteAttribute(w, (const xmlChar *)name, (const xmlChar *)num(buf, v));
}

static void color_attr(xmlTextWriterPtr w, const char *name, guint32 rgb)
{
	char buf[8];

	if (rgb == AJ_CHART_NO_COLOR) {
		xmlTextWriterWriteAttribute(w, (const xmlChar *)name, (const xmlChar *)"none");
		return;
	}
	g_snprintf(buf, sizeof buf, "#%06x", rgb & 0xffffff);
	xmlTextWriterWriteAttribute(w, (const xmlChar *)name, (const xmlChar *)buf);
}

static void paint_attrs(xmlTextWriterPtr w, const AjChartItem *it)
{
	color_attr(w, "fill", it->fill);
	if (it->stroke == AJ_CHART_NO_COLOR)
		return;
	color_attr(w, "stroke", it->stroke);
	num_attr(w, "stroke-width", it->stroke_width);
	if (it->dash > 0) {
		char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
		char *dash = g_strdup_printf("%s %s", num(a, it->dash), num(b, it->dash * 0.6));
		xmlTextWriterWriteAttribute(w, (const xmlChar *)"stroke-dasharray",
					    (const xmlChar *)dash);
		g_free(dash);
	}
}

static void points_attr(xmlTextWriterPtr w, const AjChartItem *it)
{
	GString *pts = g_string_new(NULL);
	const double *p = (const double *)(void *)it->points->data;
	char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];

	for (guint k = 0; k + 1 < it->points->len; k += 2)
		g_string_append_printf(pts, "%s%s,%s", k > 0 ? " " : "", num(bx, p[k]),
				       num(by, p[k + 1]));
	xmlTextWriterWriteAttribute(w, (const xmlChar *)"points", (const xmlChar *)pts->str);
	g_string_free(pts, TRUE);
}

static void text(xmlTextWriterPtr w, const AjChartItem *it)
{
	static const char *const anchors[] = { "start", "middle", "end" };

	xmlTextWriterStartElement(w, (const xmlChar *)"text");
	num_attr(w, "x", it->x);
	num_attr(w, "y", it->y);
	num_attr(w, "font-size", it->size);
	if (it->bold)
		xmlTextWriterWriteAttribute(w, (const xmlChar *)"font-weight",
					    (const xmlChar *)"bold");
	color_attr(w, "fill", it->fill);
	if (it->anchor != AJ_ANCHOR_START)
		xmlTextWriterWriteAttribute(w, (const xmlChar *)"text-anchor",
					    (const xmlChar *)anchors[it->anchor]);
	if (it->angle != 0) {
		char a[G_ASCII_DTOSTR_BUF_SIZE], x[G_ASCII_DTOSTR_BUF_SIZE],
			y[G_ASCII_DTOSTR_BUF_SIZE];
		char *rot = g_strdup_printf("rotate(%s %s %s)", num(a, it->angle), num(x, it->x),
					    num(y, it->y));
		xmlTextWriterWriteAttribute(w, (const xmlChar *)"transform", (const xmlChar *)rot);
		g_free(rot);
	}
	xmlTextWriterWriteString(w, (const xmlChar *)it->text);
	xmlTextWriterEndElement(w);
}

static void item(xmlTextWriterPtr w, const AjChartItem *it)
{
	switch (it->kind) {
	case AJ_ITEM_RECT:
		xmlTextWriterStartElement(w, (const xmlChar *)"rect");
		num_attr(w, "x", it->x);
		num_attr(w, "y", it->y);
		num_attr(w, "width", it->w);
		num_attr(w, "height", it->h);
		paint_attrs(w, it);
		xmlTextWriterEndElement(w);
		break;
	case AJ_ITEM_LINE:
		xmlTextWriterStartElement(w, (const xmlChar *)"polyline");
		points_attr(w, it);
		paint_attrs(w, it);
		xmlTextWriterEndElement(w);
		break;
	case AJ_ITEM_MARKER:
		if (it->shape == AJ_MARK_CIRCLE) {
			xmlTextWriterStartElement(w, (const xmlChar *)"circle");
			num_attr(w, "cx", it->x);
			num_attr(w, "cy", it->y);
			num_attr(w, "r", it->w / 2);
		} else {
			xmlTextWriterStartElement(w, (const xmlChar *)"rect");
			num_attr(w, "x", it->x - it->w / 2);
			num_attr(w, "y", it->y - it->w / 2);
			num_attr(w, "width", it->w);
			num_attr(w, "height", it->w);
		}
		paint_attrs(w, it);
		xmlTextWriterEndElement(w);
		break;
	case AJ_ITEM_TEXT:
		text(w, it);
		break;
	}
}

char *aj_chart_render_svg(const AjChartScene *scene, const char *title, const char *desc)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	char vb[4 * G_ASCII_DTOSTR_BUF_SIZE + 8], bw[G_ASCII_DTOSTR_BUF_SIZE],
		bh[G_ASCII_DTOSTR_BUF_SIZE];
	char *out;

	g_snprintf(vb, sizeof vb, "0 0 %s %s", num(bw, scene->width), num(bh, scene->height));
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, (const xmlChar *)"");
	xmlTextWriterStartElement(w, (const xmlChar *)"svg");
	xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns",
				    (const xmlChar *)"http://www.w3.org/2000/svg");
	xmlTextWriterWriteAttribute(w, (const xmlChar *)"viewBox", (const xmlChar *)vb);
	xmlTextWriterWriteAttribute(w, (const xmlChar *)"width", (const xmlChar *)bw);
	xmlTextWriterWriteAttribute(w, (const xmlChar *)"height", (const xmlChar *)bh);
	xmlTextWriterWriteAttribute(w, (const xmlChar *)"role", (const xmlChar *)"img");
	xmlTextWriterWriteAttribute(w, (const xmlChar *)"font-family",
				    (const xmlChar *)SVG_FONTS);
	xmlTextWriterWriteElement(w, (const xmlChar *)"title", (const xmlChar *)title);
	xmlTextWriterWriteElement(w, (const xmlChar *)"desc", (const xmlChar *)desc);
	for (guint i = 0; i < scene->items->len; i++)
		item(w, &g_array_index(scene->items, AjChartItem, i));
	xmlTextWriterEndElement(w);
	xmlFreeTextWriter(w);
	out = g_strdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return out;
}
