/* Writing figures as attributes of a context element, in the number
 * formats of documents.md: counts as integers, money in yuan with two
 * decimals ("350000.00"), 万元 with two decimals for display ("35.00"),
 * percentages with one decimal and never "-0.0".
 *
 * The strings are copied into the xmlDoc; nothing to free.  The generic
 * helpers (aj_attr_str, aj_child, …) are util/xml.h's.
 */
#ifndef AJ_CONTEXT_ATTRS_H
#define AJ_CONTEXT_ATTRS_H

#include <libxml/tree.h>

#include "model/model.h"
#include "rules/percent.h"
#include "util/xml.h"

void aj_attr_yuan(xmlNodePtr node, const char *name, AjFen fen);
/* A number kept in hundredths, with two decimals: 1167 → "11.67" (points). */
void aj_attr_hundredths(xmlNodePtr node, const char *name, gint64 h);
void aj_attr_wan(xmlNodePtr node, const char *name, AjFen fen_yuan);
/* Absent when not comparable. */
void aj_attr_percent(xmlNodePtr node, const char *name, AjPercent p);
void aj_attr_day(xmlNodePtr node, const char *name, AjDay d); /* absent when AJ_DAY_NONE */
void aj_attr_day_cn(xmlNodePtr node, const char *name, AjDay d);

/* "2026年3月", "2026年第一季度". The caller frees. */
char *aj_month_cn(AjMonth m);
char *aj_quarter_cn(AjQuarter q);

#endif
