#include "context/attrs.h"

#include <stdio.h>
#include <string.h>

void aj_attr_str(xmlNodePtr node, const char *name, const char *value)
{
	if (value != NULL)
		xmlNewProp(node, BAD_CAST name, BAD_CAST value);
}

void aj_attr_int(xmlNodePtr node, const char *name, gint64 value)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT, value);
	aj_attr_str(node, name, buf);
}

void aj_attr_bool(xmlNodePtr node, const char *name, gboolean value)
{
	aj_attr_str(node, name, value ? "true" : "false");
}

void aj_attr_flag(xmlNodePtr node, const char *name, gboolean value)
{
	if (value)
		aj_attr_str(node, name, "true");
}

void aj_attr_hundredths(xmlNodePtr node, const char *name, gint64 h)
{
	char buf[48];

	snprintf(buf, sizeof buf, "%s%" G_GINT64_FORMAT ".%02d", h < 0 ? "-" : "",
		 (h < 0 ? -h : h) / 100, (int)((h < 0 ? -h : h) % 100));
	aj_attr_str(node, name, buf);
}

void aj_attr_yuan(xmlNodePtr node, const char *name, AjFen fen)
{
	aj_attr_hundredths(node, name, fen);
}

void aj_attr_wan(xmlNodePtr node, const char *name, AjFen fen)
{
	/* 1 万元 = 1 000 000 fen; shown in hundredths of 万元. */
	gint64 h = aj_div_round(fen < 0 ? -fen : fen, 10000);
	char buf[48];

	snprintf(buf, sizeof buf, "%s%" G_GINT64_FORMAT ".%02d", fen < 0 && h != 0 ? "-" : "",
		 h / 100, (int)(h % 100));
	aj_attr_str(node, name, buf);
}

void aj_attr_percent(xmlNodePtr node, const char *name, AjPercent p)
{
	char buf[32];

	if (p.comparable)
		aj_attr_str(node, name, aj_percent_format(p, buf));
}

void aj_attr_day(xmlNodePtr node, const char *name, AjDay d)
{
	char buf[11];

	if (d != AJ_DAY_NONE)
		aj_attr_str(node, name, aj_day_format(d, buf));
}

void aj_attr_day_cn(xmlNodePtr node, const char *name, AjDay d)
{
	char *s;

	if (d == AJ_DAY_NONE)
		return;
	s = aj_day_format_cn(d);
	aj_attr_str(node, name, s);
	g_free(s);
}

xmlNodePtr aj_child(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, BAD_CAST name, NULL);
}

xmlNodePtr aj_text_child(xmlNodePtr parent, const char *name, const char *text)
{
	if (text == NULL)
		return NULL;
	/* xmlNewTextChild escapes the text; xmlNewChild would parse entities. */
	return xmlNewTextChild(parent, NULL, BAD_CAST name, BAD_CAST text);
}

char *aj_month_cn(AjMonth m)
{
	return g_strdup_printf("%d年%d月", aj_month_year(m), aj_month_number(m));
}

char *aj_quarter_cn(AjQuarter q)
{
	static const char *const n[] = { "一", "二", "三", "四" };
	return g_strdup_printf("%d年第%s季度", aj_quarter_year(q), n[aj_quarter_number(q) - 1]);
}

void aj_each_element(xmlNodePtr root, const char *name,
		     void (*fn)(xmlNodePtr el, gpointer user), gpointer user)
{
	xmlNodePtr n = root != NULL ? root->children : NULL;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
			fn(n, user);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n != root && n->next == NULL)
			n = n->parent;
		n = (n == NULL || n == root) ? NULL : n->next;
	}
}
