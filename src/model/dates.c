#include "model/dates.h"

#include <stdio.h>
#include <string.h>

static gboolean digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!g_ascii_isdigit(s[i]))
			return FALSE;
	return TRUE;
}

static int number(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

AjDay aj_day_from_ymd(int year, int month, int day)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
		return AJ_DAY_NONE;
	if (!g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year))
		return AJ_DAY_NONE;
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_dmy(&d, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
	return g_date_get_julian(&d);
}

gboolean aj_day_parse(const char *s, AjDay *out)
{
	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2))
		return FALSE;
	AjDay d = aj_day_from_ymd(number(s, 4), number(s + 5, 2), number(s + 8, 2));
	if (d == AJ_DAY_NONE)
		return FALSE;
	*out = d;
	return TRUE;
}

void aj_day_ymd(AjDay day, int *year, int *month, int *dom)
{
	GDate d;
	g_date_clear(&d, 1);
	g_date_set_julian(&d, day);
	*year = g_date_get_year(&d);
	*month = g_date_get_month(&d);
	*dom = g_date_get_day(&d);
}

char *aj_day_format(AjDay d, char buf[11])
{
	int y, m, dd;

	if (d == AJ_DAY_NONE) {
		buf[0] = '\0';
		return buf;
	}
	aj_day_ymd(d, &y, &m, &dd);
	g_snprintf(buf, 11, "%04d-%02d-%02d", y, m, dd);
	return buf;
}

char *aj_day_format_cn(AjDay d)
{
	int y, m, dd;

	aj_day_ymd(d, &y, &m, &dd);
	return g_strdup_printf("%d年%d月%d日", y, m, dd);
}

AjDay aj_day_prev_year(AjDay d)
{
	int y, m, dd;

	aj_day_ymd(d, &y, &m, &dd);
	if (m == 2 && dd == 29)
		dd = 28;
	return aj_day_from_ymd(y - 1, m, dd);
}

AjMonth aj_month_from_ym(int year, int month)
{
	return year * 12 + (month - 1);
}

gboolean aj_month_parse(const char *s, AjMonth *out)
{
	if (s == NULL || strlen(s) != 7 || s[4] != '-' || !digits(s, 4) || !digits(s + 5, 2))
		return FALSE;
	int y = number(s, 4), m = number(s + 5, 2);
	if (y < 1 || m < 1 || m > 12)
		return FALSE;
	*out = aj_month_from_ym(y, m);
	return TRUE;
}

AjMonth aj_month_of_day(AjDay d)
{
	int y, m, dd;

	aj_day_ymd(d, &y, &m, &dd);
	return aj_month_from_ym(y, m);
}

int aj_month_year(AjMonth m)
{
	return m / 12;
}

int aj_month_number(AjMonth m)
{
	return m % 12 + 1;
}

AjDay aj_month_first_day(AjMonth m)
{
	return aj_day_from_ymd(aj_month_year(m), aj_month_number(m), 1);
}

AjDay aj_month_last_day(AjMonth m)
{
	return aj_month_first_day(m + 1) - 1;
}

char *aj_month_format(AjMonth m, char buf[8])
{
	g_snprintf(buf, 8, "%04d-%02d", aj_month_year(m), aj_month_number(m));
	return buf;
}

gboolean aj_quarter_parse(const char *s, AjQuarter *out)
{
	if (s == NULL || strlen(s) != 7 || s[4] != '-' || s[5] != 'Q' || !digits(s, 4) ||
	    s[6] < '1' || s[6] > '4')
		return FALSE;
	int y = number(s, 4);
	if (y < 1)
		return FALSE;
	*out = y * 4 + (s[6] - '1');
	return TRUE;
}

AjQuarter aj_quarter_of_month(AjMonth m)
{
	return aj_month_year(m) * 4 + (aj_month_number(m) - 1) / 3;
}

int aj_quarter_year(AjQuarter q)
{
	return q / 4;
}

int aj_quarter_number(AjQuarter q)
{
	return q % 4 + 1;
}

AjMonth aj_quarter_first_month(AjQuarter q)
{
	return aj_month_from_ym(aj_quarter_year(q), (aj_quarter_number(q) - 1) * 3 + 1);
}

AjMonth aj_quarter_last_month(AjQuarter q)
{
	return aj_quarter_first_month(q) + 2;
}

AjDay aj_quarter_last_day(AjQuarter q)
{
	return aj_month_last_day(aj_quarter_last_month(q));
}

char *aj_quarter_format(AjQuarter q, char buf[8])
{
	g_snprintf(buf, 8, "%04d-Q%d", aj_quarter_year(q), aj_quarter_number(q));
	return buf;
}
