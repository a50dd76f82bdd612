/* Percentages in tenths of a percent, computed in integers so that rounding
 * half away from zero is exact (12.25 → 12.3, -12.25 → -12.3).
 *
 * Nothing here allocates; formatting writes into the caller's buffer.
 */
#ifndef AJ_RULES_PERCENT_H
#define AJ_RULES_PERCENT_H

#include <glib.h>

typedef struct {
	gboolean comparable; /* FALSE: shown as —, absent from data files */
	gint64 tenths;       /* 125 = 12.5 % */
} AjPercent;

/* num / den rounded half away from zero; den > 0. */
gint64 aj_div_round(gint64 num, gint64 den);
/* (cur - prev) / prev × 100; not comparable when prev = 0. */
AjPercent aj_percent_change(gint64 cur, gint64 prev);
/* part / whole × 100; not comparable when whole = 0. */
AjPercent aj_percent_ratio(gint64 part, gint64 whole);
/* "12.5", "-3.0", "0.0" (never "-0.0"), or "" when not comparable. */
char *aj_percent_format(AjPercent p, char buf[32]);
/* 同比 text: "上升12.5%", "下降3.0%", "持平" or "—". */
char *aj_percent_trend_cn(AjPercent p, char buf[48]);

#endif
