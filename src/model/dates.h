/* Days, months and quarters as small integers.
 *
 * A day is GLib's Julian day number (GDate: 1 = 0001-01-01), so dates compare
 * and subtract as integers; 0 (AJ_DAY_NONE) means "absent".  A month is
 * year*12 + (month-1); a quarter is year*4 + (q-1).  Parsing is strict: the
 * exact forms YYYY-MM-DD, YYYY-MM and YYYY-Qn of data-format.md, real dates.
 */
#ifndef AJ_DATES_H
#define AJ_DATES_H

#include <glib.h>

typedef guint32 AjDay;
typedef gint32 AjMonth;
typedef gint32 AjQuarter;

#define AJ_DAY_NONE ((AjDay)0)

AjDay aj_day_from_ymd(int year, int month, int day); /* AJ_DAY_NONE if invalid */
gboolean aj_day_parse(const char *s, AjDay *out);
void aj_day_ymd(AjDay d, int *year, int *month, int *day);
/* "YYYY-MM-DD" into buf (at least 11 bytes); returns buf. */
char *aj_day_format(AjDay d, char buf[11]);
/* "2026年4月5日" (GB/T 9704: Arabic numerals, no padding); caller frees. */
char *aj_day_format_cn(AjDay d);
/* The same day one year earlier; 29 February maps to 28 February. */
AjDay aj_day_prev_year(AjDay d);

gboolean aj_month_parse(const char *s, AjMonth *out);
AjMonth aj_month_from_ym(int year, int month);
AjMonth aj_month_of_day(AjDay d);
int aj_month_year(AjMonth m);
int aj_month_number(AjMonth m); /* 1..12 */
AjDay aj_month_first_day(AjMonth m);
AjDay aj_month_last_day(AjMonth m);
char *aj_month_format(AjMonth m, char buf[8]); /* "YYYY-MM" */

gboolean aj_quarter_parse(const char *s, AjQuarter *out);
AjQuarter aj_quarter_of_month(AjMonth m);
int aj_quarter_year(AjQuarter q);
int aj_quarter_number(AjQuarter q); /* 1..4 */
AjMonth aj_quarter_first_month(AjQuarter q);
AjMonth aj_quarter_last_month(AjQuarter q);
AjDay aj_quarter_last_day(AjQuarter q);
char *aj_quarter_format(AjQuarter q, char buf[8]); /* "YYYY-Qn" */

#endif
