#include "rules/period.h"

#include "util/error.h"
#include "util/i18n.h"

gboolean aj_period_init(AjPeriod *p, AjMonth month, AjDay asof)
{
	AjDay first = aj_month_first_day(month), last = aj_month_last_day(month);
	AjDay end;

	if (asof == AJ_DAY_NONE)
		asof = last;
	if (asof < first)
		return FALSE;
	end = MIN(last, asof);
	p->month = month;
	p->asof = asof;
	p->m = (AjDaySpan){ first, end };
	p->ytd = (AjDaySpan){ aj_day_from_ymd(aj_month_year(month), 1, 1), end };
	return TRUE;
}

gboolean aj_span_has(AjDaySpan s, AjDay d)
{
	return d != AJ_DAY_NONE && d >= s.from && d <= s.to;
}

AjDaySpan aj_span_prev_year(AjDaySpan s)
{
	AjMonth end = aj_month_of_day(s.to);

	/* A span that ends with its month covers the whole month a year
	 * earlier too: February 2025 compares with all of February 2024. */
	if (s.to == aj_month_last_day(end))
		return (AjDaySpan){ aj_day_prev_year(s.from), aj_month_last_day(end - 12) };
	return (AjDaySpan){ aj_day_prev_year(s.from), aj_day_prev_year(s.to) };
}

gboolean aj_period_ends_quarter(const AjPeriod *p)
{
	return aj_quarter_last_month(aj_quarter_of_month(p->month)) == p->month;
}

struct AjCoverage {
	GHashTable *months; /* AjMonth as GINT_TO_POINTER(m + 1) */
};

static void cover(AjCoverage *c, AjDay d, AjDay asof)
{
	if (d != AJ_DAY_NONE && d <= asof)
		g_hash_table_add(c->months, GINT_TO_POINTER(aj_month_of_day(d) + 1));
}

AjCoverage *aj_coverage_new(const AjModel *m, AjDay asof)
{
	AjCoverage *c = g_new0(AjCoverage, 1);

	c->months = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (guint i = 0; i < m->inspections->len; i++)
		cover(c, g_array_index(m->inspections, AjInspection, i).date, asof);
	for (guint i = 0; i < m->penalties->len; i++)
		cover(c, g_array_index(m->penalties, AjPenalty, i).date, asof);
	for (guint i = 0; i < m->accidents->len; i++)
		cover(c, g_array_index(m->accidents, AjAccident, i).date, asof);
	return c;
}

gboolean aj_coverage_has(const AjCoverage *c, AjMonth m)
{
	return g_hash_table_contains(c->months, GINT_TO_POINTER(m + 1));
}

void aj_coverage_free(AjCoverage *c)
{
	if (c == NULL)
		return;
	g_hash_table_destroy(c->months);
	g_free(c);
}

void aj_coverage_warn_baselines(const AjModel *m, const AjCoverage *c)
{
	for (guint i = 0; i < m->baselines->len; i++) {
		const AjBaseline *b = &g_array_index(m->baselines, AjBaseline, i);
		char mb[8];
		char *where;

		if (!aj_coverage_has(c, b->month))
			continue;
		where = aj_model_loc_string(m, b->loc);
		aj_warn(_("%s: baseline of district %s for %s ignored: the records cover that month "
			"(remove the baseline or the records)"),
			where, AJ_DISTRICT(m, b->district)->code, aj_month_format(b->month, mb));
		g_free(where);
	}
}

static guint32 district_of(const AjModel *m, guint32 ent)
{
	return ent == AJ_NONE ? AJ_NONE : AJ_ENTERPRISE(m, ent)->district;
}

/* A record counts from the records when its month is taken from records. */
static gboolean counts(const AjCoverage *c, AjDaySpan span, AjDay asof, gboolean baselines,
		       AjDay d)
{
	if (!aj_span_has(span, d) || d > asof)
		return FALSE;
	return !baselines || aj_coverage_has(c, aj_month_of_day(d));
}

void aj_core_figures(const AjModel *m, const AjCoverage *c, AjDaySpan span, AjDay asof,
		     gboolean baselines, AjCoreFigures *out)
{
	guint n = m->districts->len;

	for (guint i = 0; i <= n; i++)
		out[i] = (AjCoreFigures){ .comparable = TRUE };
	for (guint i = 0; i < m->inspections->len; i++) {
		const AjInspection *r = &g_array_index(m->inspections, AjInspection, i);
		if (counts(c, span, asof, baselines, r->date))
			out[district_of(m, r->enterprise)].inspections++;
	}
	for (guint i = 0; i < m->penalties->len; i++) {
		const AjPenalty *r = &g_array_index(m->penalties, AjPenalty, i);
		if (counts(c, span, asof, baselines, r->date)) {
			out[district_of(m, r->enterprise)].penalties++;
			out[district_of(m, r->enterprise)].fines += r->fine;
		}
	}
	for (guint i = 0; i < m->accidents->len; i++) {
		const AjAccident *r = &g_array_index(m->accidents, AjAccident, i);
		if (counts(c, span, asof, baselines, r->date)) {
			out[district_of(m, r->enterprise)].accidents++;
			out[district_of(m, r->enterprise)].deaths += r->deaths;
		}
	}
	if (baselines && span.from <= span.to) {
		AjMonth first = aj_month_of_day(span.from), last = aj_month_of_day(span.to);
		for (AjMonth mo = first; mo <= last; mo++) {
			if (aj_coverage_has(c, mo))
				continue;
			for (guint d = 0; d < n; d++) {
				const AjBaseline *found = NULL;
				for (guint i = 0; i < m->baselines->len && found == NULL; i++) {
					const AjBaseline *b = &g_array_index(m->baselines, AjBaseline, i);
					if (b->district == d && b->month == mo)
						found = b;
				}
				if (found == NULL) {
					out[d].comparable = FALSE;
					continue;
				}
				out[d].inspections += found->inspections;
				out[d].penalties += found->penalties;
				out[d].accidents += found->accidents;
				out[d].deaths += found->deaths;
				out[d].fines += found->fines;
			}
		}
	}
	for (guint d = 0; d < n; d++)
		aj_core_figures_add(&out[n], &out[d]);
}

void aj_core_figures_add(AjCoreFigures *t, const AjCoreFigures *f)
{
	t->inspections += f->inspections;
	t->penalties += f->penalties;
	t->accidents += f->accidents;
	t->deaths += f->deaths;
	t->fines += f->fines;
	t->comparable = t->comparable && f->comparable;
}
