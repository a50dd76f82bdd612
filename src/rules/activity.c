#include "rules/activity.h"

typedef void (*DatedFn)(AjDay day, AjLoc loc, gpointer user);

/* Every dated record, in no particular order. */
static void each_dated(const AjModel *m, DatedFn fn, gpointer user)
{
	for (guint i = 0; i < m->inspections->len; i++) {
		const AjInspection *r = &g_array_index(m->inspections, AjInspection, i);
		fn(r->date, r->loc, user);
	}
	for (guint i = 0; i < m->penalties->len; i++) {
		const AjPenalty *r = &g_array_index(m->penalties, AjPenalty, i);
		fn(r->date, r->loc, user);
	}
	for (guint i = 0; i < m->accidents->len; i++) {
		const AjAccident *r = &g_array_index(m->accidents, AjAccident, i);
		fn(r->date, r->loc, user);
	}
	for (guint i = 0; i < m->hazards->len; i++) {
		const AjHazard *r = &g_array_index(m->hazards, AjHazard, i);
		fn(r->found, r->loc, user);
	}
	for (guint i = 0; i < m->reports->len; i++) {
		const AjReport *r = &g_array_index(m->reports, AjReport, i);
		fn(r->received, r->loc, user);
	}
}

static void newer(AjDay day, AjLoc loc, gpointer user)
{
	AjNewest *n = user;

	if (day > n->day) {
		n->day = day;
		n->loc = loc;
	}
}

AjNewest aj_activity_newest(const AjModel *m)
{
	AjNewest n = { .day = AJ_DAY_NONE };

	each_dated(m, newer, &n);
	return n;
}

typedef struct {
	AjDaySpan span;
	gboolean found;
} InSpan;

static void within(AjDay day, AjLoc loc, gpointer user)
{
	InSpan *s = user;

	s->found = s->found || aj_span_has(s->span, day);
}

gboolean aj_activity_in(const AjModel *m, AjDaySpan span)
{
	InSpan s = { .span = span };

	each_dated(m, within, &s);
	return s.found;
}
