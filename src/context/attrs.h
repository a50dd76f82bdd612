/* Writing figures as attributes of a context element, in the number
 * formats of documents.md: counts as integers, money in yuan with two
 * decimals ("350000.00"), 万元 with two decimals for display ("35.00"),
 * percentages with one decimal and never "-0.0".
 *
 * The strings are copied into the xmlDoc; nothing to free.
 */
#ifndef AJ_CONTEXT_ATTRS_H
#define AJ_CONTEXT_ATTRS_H

#include <libxml/tree.h>

#include "model/model.h"
#include "rules/percent.h"

void aj_attr_str(xmlNodePtr node, const char *name, const char *value); /* NULL: absent */
void aj_attr_int(xmlNodePtr node, const char *name, gint64 value);
void aj_attr_bool(xmlNodePtr node, const char *name, gboolean value); /* "true" / "false" */
/* Sets name="true" only when value: templates test it as a section. */
void aj_attr_flag(xmlNodePtr node, const char *name, gboolean value);
void aj_attr_yuan(xmlNodePtr node, const char *name, AjFen fen);
/* A number kept in hundredths, with two decimals: 1167 → "11.67" (points). */
void aj_attr_hundredths(xmlNodePtr node, const char *name, gint64 h);
void aj_attr_wan(xmlNodePtr node, const char *name, AjFen fen_yuan);
/* Absent when not comparable. */
void aj_attr_percent(xmlNodePtr node, const char *name, AjPercent p);
void aj_attr_day(xmlNodePtr node, const char *name, AjDay d); /* absent when AJ_DAY_NONE */
void aj_attr_day_cn(xmlNodePtr node, const char *name, AjDay d);

/* Calls fn for every element named `name` below root, in document order,
 * without recursion (readers of a context: the site's pages and search). */
void aj_each_element(xmlNodePtr root, const char *name,
		     void (*fn)(xmlNodePtr el, gpointer user), gpointer user);

/* New child element (name) of parent. */
xmlNodePtr aj_child(xmlNodePtr parent, const char *name);
/* New child element holding text (absent when text is NULL). */
xmlNodePtr aj_text_child(xmlNodePtr parent, const char *name, const char *text);

/* "2026年3月", "2026年第一季度". The caller frees. */
char *aj_month_cn(AjMonth m);
char *aj_quarter_cn(AjQuarter q);

#endif
