#include "rules/enterprise.h"

#include <stddef.h>
#include <string.h>

#include "rules/exemplars.h"
#include "rules/exposed.h"

/* Per kind: offsets[ent] .. offsets[ent + 1] of items (compressed rows). */
typedef struct {
	guint32 *offsets;
	guint32 *items;
} Rows;

struct AjEntRecords {
	Rows kind[AJ_REC_KINDS];
};

/* Where each kind keeps its enterprise field. */
static const GArray *records_of(const AjModel *m, AjRecKind k, gsize *ent_offset)
{
	switch (k) {
	case AJ_REC_INSPECTION:
		*ent_offset = offsetof(AjInspection, enterprise);
		return m->inspections;
	case AJ_REC_HAZARD:
		*ent_offset = offsetof(AjHazard, enterprise);
		return m->hazards;
	case AJ_REC_PENALTY:
		*ent_offset = offsetof(AjPenalty, enterprise);
		return m->penalties;
	case AJ_REC_ACCIDENT:
		*ent_offset = offsetof(AjAccident, enterprise);
		return m->accidents;
	case AJ_REC_TRAINING:
		*ent_offset = offsetof(AjTraining, enterprise);
		return m->trainings;
	case AJ_REC_REPORT:
		*ent_offset = offsetof(AjReport, enterprise);
		return m->reports;
	case AJ_REC_BLACKLIST:
		*ent_offset = offsetof(AjBlacklist, enterprise);
		return m->blacklists;
	case AJ_REC_NOMINATION:
		*ent_offset = offsetof(AjNomination, enterprise);
		return m->nominations;
	case AJ_REC_EXPOSURE:
	default:
		*ent_offset = offsetof(AjExposure, enterprise);
		return m->exposures;
	}
}

static guint32 enterprise_at(const GArray *a, guint i, gsize off)
{
	const char *rec = a->data + (gsize)i * g_array_get_element_size((GArray *)a);
	guint32 ent;

	memcpy(&ent, rec + off, sizeof ent);
	return ent;
}

static void build_rows(Rows *r, const GArray *a, gsize off, guint n_ent)
{
	guint32 *fill;

	r->offsets = g_new0(guint32, n_ent + 1);
	for (guint i = 0; i < a->len; i++) {
		guint32 e = enterprise_at(a, i, off);
		if (e < n_ent)
			r->offsets[e + 1]++;
	}
	for (guint e = 0; e < n_ent; e++)
		r->offsets[e + 1] += r->offsets[e];
	r->items = g_new(guint32, MAX(r->offsets[n_ent], 1));
	fill = g_memdup2(r->offsets, sizeof(guint32) * n_ent);
	for (guint i = 0; i < a->len; i++) {
		guint32 e = enterprise_at(a, i, off);
		if (e < n_ent) /* reports about an unknown workplace have none */
			r->items[fill[e]++] = i;
	}
	g_free(fill);
}

AjEntRecords *aj_ent_records_new(const AjModel *m)
{
	AjEntRecords *r = g_new0(AjEntRecords, 1);
	guint n = m->enterprises->len;

	for (int k = 0; k < AJ_REC_KINDS; k++) {
		gsize off = 0;
		const GArray *a = records_of(m, (AjRecKind)k, &off);
		build_rows(&r->kind[k], a, off, n);
	}
	return r;
}

void aj_ent_records_free(AjEntRecords *r)
{
	if (r == NULL)
		return;
	for (int k = 0; k < AJ_REC_KINDS; k++) {
		g_free(r->kind[k].offsets);
		g_free(r->kind[k].items);
	}
	g_free(r);
}

const guint32 *aj_ent_records(const AjEntRecords *r, AjRecKind kind, guint32 ent, guint *n)
{
	const Rows *rows = &r->kind[kind];

	*n = rows->offsets[ent + 1] - rows->offsets[ent];
	return rows->items + rows->offsets[ent];
}

/* ---- listings ---- */

typedef struct {
	guint32 ent;
	gint32 period; /* AjMonth or AjQuarter */
	guint reasons;
} Listing;

struct AjEntListings {
	guint32 *exposed_off;  /* per enterprise into exposed */
	AjEntExposed *exposed;
	guint32 *exemplar_off; /* per enterprise into exemplar */
	AjQuarter *exemplar;
	guint *vetoes;         /* per nomination */
	gboolean *judged;      /* per nomination */
};

static int compare_listing(gconstpointer a, gconstpointer b)
{
	const Listing *x = a, *y = b;

	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	return x->period < y->period ? -1 : x->period > y->period;
}

/* Sorts found by enterprise, then period, and returns the row offsets. */
static guint32 *group(GArray *found, guint n_ent)
{
	guint32 *off = g_new0(guint32, n_ent + 1);

	g_array_sort(found, compare_listing);
	for (guint i = 0; i < found->len; i++)
		off[g_array_index(found, Listing, i).ent + 1]++;
	for (guint e = 0; e < n_ent; e++)
		off[e + 1] += off[e];
	return off;
}

void aj_records_days(const AjModel *m, AjDay *first, AjDay *last)
{
	AjDay lo = G_MAXUINT32, hi = AJ_DAY_NONE;
#define SEE(d) do { AjDay d_ = (d); lo = MIN(lo, d_); hi = MAX(hi, d_); } while (0)

	for (guint i = 0; i < m->inspections->len; i++)
		SEE(g_array_index(m->inspections, AjInspection, i).date);
	for (guint i = 0; i < m->hazards->len; i++)
		SEE(g_array_index(m->hazards, AjHazard, i).found);
	for (guint i = 0; i < m->penalties->len; i++)
		SEE(g_array_index(m->penalties, AjPenalty, i).date);
	for (guint i = 0; i < m->accidents->len; i++)
		SEE(g_array_index(m->accidents, AjAccident, i).date);
	for (guint i = 0; i < m->reports->len; i++)
		SEE(g_array_index(m->reports, AjReport, i).received);
	for (guint i = 0; i < m->blacklists->len; i++)
		SEE(g_array_index(m->blacklists, AjBlacklist, i).from);
	for (guint i = 0; i < m->trainings->len; i++)
		SEE(aj_month_first_day(g_array_index(m->trainings, AjTraining, i).month));
	for (guint i = 0; i < m->exposures->len; i++)
		SEE(aj_month_first_day(g_array_index(m->exposures, AjExposure, i).month));
#undef SEE
	*first = hi == AJ_DAY_NONE ? AJ_DAY_NONE : lo;
	*last = hi;
}

static void add_exposed(const AjModel *m, AjDay asof, GArray *found)
{
	AjMonth last = aj_month_of_day(asof);
	AjDay first, newest;

	aj_records_days(m, &first, &newest);
	if (first == AJ_DAY_NONE || first > asof)
		return;
	for (AjMonth mo = aj_month_of_day(first); mo <= last; mo++) {
		AjPeriod p;
		GArray *rows;
		aj_period_init(&p, mo, mo == last ? asof : AJ_DAY_NONE);
		rows = aj_exposed_list(m, &p);
		for (guint i = 0; i < rows->len; i++) {
			const AjExposedRow *r = &g_array_index(rows, AjExposedRow, i);
			Listing l = { r->enterprise, mo, r->reasons };
			g_array_append_val(found, l);
		}
		aj_exposed_list_free(rows);
	}
}

static int compare_quarter(gconstpointer a, gconstpointer b)
{
	AjQuarter x = *(const AjQuarter *)a, y = *(const AjQuarter *)b;

	return x < y ? -1 : x > y;
}

/* Reviews of every quarter that has nominations and ends by asof's month:
 * the vetoes of each nomination, and the listed enterprises into found. */
static void add_exemplars(const AjModel *m, AjDay asof, AjEntListings *l, GArray *found)
{
	AjMonth last = aj_month_of_day(asof);
	GArray *quarters = g_array_new(FALSE, FALSE, sizeof(AjQuarter));

	for (guint i = 0; i < m->nominations->len; i++)
		g_array_append_val(quarters, g_array_index(m->nominations, AjNomination, i).quarter);
	g_array_sort(quarters, compare_quarter);
	for (guint i = 0; i < quarters->len; i++) {
		AjQuarter q = g_array_index(quarters, AjQuarter, i);
		AjMonth end = aj_quarter_last_month(q);
		GArray *review, *listed;
		if ((i > 0 && g_array_index(quarters, AjQuarter, i - 1) == q) || end > last)
			continue;
		review = aj_exemplar_review(m, q, end == last ? asof : aj_quarter_last_day(q));
		for (guint j = 0; j < review->len; j++) {
			const AjReviewRow *r = &g_array_index(review, AjReviewRow, j);
			l->vetoes[r->nomination] = r->vetoes;
			l->judged[r->nomination] = TRUE;
		}
		listed = aj_exemplar_list(review);
		for (guint j = 0; j < listed->len; j++) {
			Listing x = { g_array_index(listed, guint32, j), q, 0 };
			g_array_append_val(found, x);
		}
		g_array_free(listed, TRUE);
		g_array_free(review, TRUE);
	}
	g_array_free(quarters, TRUE);
}

AjEntListings *aj_ent_listings_new(const AjModel *m, AjDay asof)
{
	AjEntListings *l = g_new0(AjEntListings, 1);
	guint n = m->enterprises->len;
	GArray *found = g_array_new(FALSE, FALSE, sizeof(Listing));

	l->vetoes = g_new0(guint, MAX(m->nominations->len, 1));
	l->judged = g_new0(gboolean, MAX(m->nominations->len, 1));
	add_exposed(m, asof, found);
	l->exposed_off = group(found, n);
	l->exposed = g_new(AjEntExposed, MAX(found->len, 1));
	for (guint i = 0; i < found->len; i++) {
		const Listing *x = &g_array_index(found, Listing, i);
		l->exposed[i] = (AjEntExposed){ x->period, x->reasons };
	}
	g_array_set_size(found, 0);
	add_exemplars(m, asof, l, found);
	l->exemplar_off = group(found, n);
	l->exemplar = g_new(AjQuarter, MAX(found->len, 1));
	for (guint i = 0; i < found->len; i++)
		l->exemplar[i] = g_array_index(found, Listing, i).period;
	g_array_free(found, TRUE);
	return l;
}

void aj_ent_listings_free(AjEntListings *l)
{
	if (l == NULL)
		return;
	g_free(l->exposed_off);
	g_free(l->exposed);
	g_free(l->exemplar_off);
	g_free(l->exemplar);
	g_free(l->vetoes);
	g_free(l->judged);
	g_free(l);
}

const AjEntExposed *aj_ent_exposed(const AjEntListings *l, guint32 ent, guint *n)
{
	*n = l->exposed_off[ent + 1] - l->exposed_off[ent];
	return l->exposed + l->exposed_off[ent];
}

const AjQuarter *aj_ent_exemplar(const AjEntListings *l, guint32 ent, guint *n)
{
	*n = l->exemplar_off[ent + 1] - l->exemplar_off[ent];
	return l->exemplar + l->exemplar_off[ent];
}

gboolean aj_ent_nomination_vetoes(const AjEntListings *l, guint32 nomination, guint *vetoes)
{
	*vetoes = l->vetoes[nomination];
	return l->judged[nomination];
}

/* ---- public facts ---- */

AjDay aj_publicity_window_start(AjDay asof, int years)
{
	int y, mo, d;
	AjDay back;

	aj_day_ymd(asof, &y, &mo, &d);
	back = aj_day_from_ymd(y - years, mo, d);
	if (back == AJ_DAY_NONE) /* 29 February of a year that has none */
		back = aj_day_from_ymd(y - years, 2, 28);
	return back + 1;
}

AjDay aj_publicity_window_left(AjDay date, int years)
{
	int y, mo, d;
	AjDay left;

	aj_day_ymd(date, &y, &mo, &d);
	left = aj_day_from_ymd(y + years, mo, d);
	if (left == AJ_DAY_NONE) /* 29 February of a year that has none */
		left = aj_day_from_ymd(y + years, 3, 1);
	/* the window's start moves by a day a day but for 29 February: settle
	 * on the first day whose window starts after date */
	while (date < aj_publicity_window_start(left - 1, years))
		left--;
	while (date >= aj_publicity_window_start(left, years))
		left++;
	return left;
}

gboolean aj_hazard_open(const AjHazard *h, AjDay asof)
{
	return h->found <= asof && (h->rectified == AJ_DAY_NONE || h->rectified > asof);
}

void aj_ent_public_init(AjEntPublic *f)
{
	*f = (AjEntPublic){ 0 };
	f->penalties = g_array_new(FALSE, FALSE, sizeof(guint32));
	f->hazards = g_array_new(FALSE, FALSE, sizeof(guint32));
	f->blacklists = g_array_new(FALSE, FALSE, sizeof(guint32));
	f->exposed = g_array_new(FALSE, FALSE, sizeof(AjEntExposed));
	f->exemplar = g_array_new(FALSE, FALSE, sizeof(AjQuarter));
}

void aj_ent_public_clear(AjEntPublic *f)
{
	g_array_free(f->penalties, TRUE);
	g_array_free(f->hazards, TRUE);
	g_array_free(f->blacklists, TRUE);
	g_array_free(f->exposed, TRUE);
	g_array_free(f->exemplar, TRUE);
	*f = (AjEntPublic){ 0 };
}

/* The valid grade, else the latest one begun by asof and why it ended. */
static void grade_state(const AjEnterprise *e, AjDay asof, AjEntPublic *f)
{
	f->grade = aj_grade_record_on(e, asof, asof);
	f->grade_state = f->grade != NULL ? AJ_GRADE_VALID : AJ_GRADE_NONE;
	if (f->grade != NULL)
		return;
	for (guint i = 0; e->grades != NULL && i < e->grades->len; i++) {
		const AjGrade *g = &g_array_index(e->grades, AjGrade, i);
		if (g->from <= asof && (f->grade == NULL || g->from >= f->grade->from))
			f->grade = g;
	}
	if (f->grade != NULL)
		f->grade_state = f->grade->revoked != AJ_DAY_NONE && f->grade->revoked <= asof
					 ? AJ_GRADE_REVOKED
					 : AJ_GRADE_EXPIRED;
}

/* Newest first: date descending, then id. */
static int compare_penalty(gconstpointer a, gconstpointer b, gpointer model)
{
	const AjModel *m = model;
	const AjPenalty *x = &g_array_index(m->penalties, AjPenalty, *(const guint32 *)a);
	const AjPenalty *y = &g_array_index(m->penalties, AjPenalty, *(const guint32 *)b);

	if (x->date != y->date)
		return x->date > y->date ? -1 : 1;
	return g_strcmp0(x->id, y->id);
}

static int compare_hazard(gconstpointer a, gconstpointer b, gpointer model)
{
	const AjModel *m = model;
	const AjHazard *x = &g_array_index(m->hazards, AjHazard, *(const guint32 *)a);
	const AjHazard *y = &g_array_index(m->hazards, AjHazard, *(const guint32 *)b);

	if (x->found != y->found)
		return x->found < y->found ? -1 : 1;
	return g_strcmp0(x->id, y->id);
}

static void public_records(const AjModel *m, const AjEntRecords *r, guint32 ent, AjEntPublic *f)
{
	const guint32 *ix;
	guint n;

	ix = aj_ent_records(r, AJ_REC_PENALTY, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjPenalty *p = &g_array_index(m->penalties, AjPenalty, ix[i]);
		if (p->date >= f->window_from && p->date <= f->asof)
			g_array_append_val(f->penalties, ix[i]);
	}
	g_array_sort_with_data(f->penalties, compare_penalty, (gpointer)m);
	ix = aj_ent_records(r, AJ_REC_HAZARD, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, ix[i]);
		if (h->major && h->listed != AJ_LISTED_NONE && aj_hazard_open(h, f->asof))
			g_array_append_val(f->hazards, ix[i]);
	}
	g_array_sort_with_data(f->hazards, compare_hazard, (gpointer)m);
	ix = aj_ent_records(r, AJ_REC_BLACKLIST, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjBlacklist *b = &g_array_index(m->blacklists, AjBlacklist, ix[i]);
		if (b->from <= f->asof && (b->to == AJ_DAY_NONE || b->to >= f->asof))
			g_array_append_val(f->blacklists, ix[i]);
	}
}

static void public_listings(const AjEntListings *l, guint32 ent, AjEntPublic *f)
{
	const AjEntExposed *x;
	const AjQuarter *q;
	guint n;

	x = aj_ent_exposed(l, ent, &n);
	for (guint i = n; i-- > 0;)
		if (aj_month_last_day(x[i].month) >= f->window_from)
			g_array_append_val(f->exposed, x[i]);
	q = aj_ent_exemplar(l, ent, &n);
	for (guint i = n; i-- > 0;)
		if (aj_quarter_last_day(q[i]) >= f->window_from)
			g_array_append_val(f->exemplar, q[i]);
}

/* A public fact changed on day: the latest such day by asof is kept. */
static void changed(AjEntPublic *f, AjDay day)
{
	if (day != AJ_DAY_NONE && day <= f->asof && day > f->changed)
		f->changed = day;
}

/* The day after `to`, when a term ending then stops; nothing for no end. */
static AjDay after(AjDay to)
{
	return to != AJ_DAY_NONE ? to + 1 : AJ_DAY_NONE;
}

static void span_changes(AjEntPublic *f, const GArray *spans)
{
	for (guint i = 0; spans != NULL && i < spans->len; i++) {
		const AjSpan *s = &g_array_index(spans, AjSpan, i);
		if (s->from <= f->asof) {
			changed(f, s->from);
			changed(f, after(s->to));
		}
	}
}

static void duty_changes(const AjEnterprise *e, AjEntPublic *f)
{
	int year = 0;

	aj_day_ymd(f->asof, &year, &(int){ 0 }, &(int){ 0 });
	changed(f, aj_day_from_ymd(year, 1, 1));
	for (guint i = 0; e->grades != NULL && i < e->grades->len; i++) {
		const AjGrade *g = &g_array_index(e->grades, AjGrade, i);
		if (g->from > f->asof)
			continue;
		changed(f, g->from);
		changed(f, after(g->to));
		changed(f, g->revoked);
	}
	changed(f, f->commitment);
	changed(f, f->self_inspection);
	changed(f, f->responsibility_list);
	span_changes(f, e->directors);
	span_changes(f, e->insurances);
}

/* Every record the page shows or showed: a penalty out of the window, a
 * blacklisting run out or a hazard rectified changed the page when it went. */
static void record_changes(const AjModel *m, const AjEntRecords *r, guint32 ent, int years,
			   AjEntPublic *f)
{
	const guint32 *ix;
	guint n;

	ix = aj_ent_records(r, AJ_REC_PENALTY, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjPenalty *p = &g_array_index(m->penalties, AjPenalty, ix[i]);
		changed(f, p->date);
		changed(f, aj_publicity_window_left(p->date, years));
	}
	ix = aj_ent_records(r, AJ_REC_HAZARD, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, ix[i]);
		if (!h->major || h->listed == AJ_LISTED_NONE || h->found > f->asof)
			continue;
		changed(f, h->found);
		changed(f, h->rectified);
		if (aj_hazard_open(h, after(h->deadline)))
			changed(f, after(h->deadline)); /* overdue */
	}
	ix = aj_ent_records(r, AJ_REC_BLACKLIST, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjBlacklist *b = &g_array_index(m->blacklists, AjBlacklist, ix[i]);
		if (b->from > f->asof)
			continue;
		changed(f, b->from);
		changed(f, after(b->to));
	}
}

/* A list names the enterprise as of its period's last day (as-of for the
 * period under way) and leaves the page with the window. */
static void listing_changes(const AjEntListings *l, guint32 ent, int years, AjEntPublic *f)
{
	const AjEntExposed *x;
	const AjQuarter *q;
	guint n;

	x = aj_ent_exposed(l, ent, &n);
	for (guint i = 0; i < n; i++) {
		AjDay last = aj_month_last_day(x[i].month);
		changed(f, MIN(last, f->asof));
		changed(f, aj_publicity_window_left(last, years));
	}
	q = aj_ent_exemplar(l, ent, &n);
	for (guint i = 0; i < n; i++) {
		AjDay last = aj_quarter_last_day(q[i]);
		changed(f, MIN(last, f->asof));
		changed(f, aj_publicity_window_left(last, years));
	}
}

void aj_ent_public(const AjModel *m, const AjEntRecords *r, const AjEntListings *l, guint32 ent,
		   AjDay asof, int years, AjEntPublic *f)
{
	const AjEnterprise *e = AJ_ENTERPRISE(m, ent);
	int year = 0;

	g_array_set_size(f->penalties, 0);
	g_array_set_size(f->hazards, 0);
	g_array_set_size(f->blacklists, 0);
	g_array_set_size(f->exposed, 0);
	g_array_set_size(f->exemplar, 0);
	aj_day_ymd(asof, &year, &(int){ 0 }, &(int){ 0 });
	f->asof = asof;
	f->window_from = aj_publicity_window_start(asof, years);
	f->closed = e->closed;
	grade_state(e, asof, f);
	f->commitment = aj_commitment_date(e, year, asof, asof);
	f->self_inspection = aj_self_inspection_date(e, year, asof, asof);
	f->responsibility_list = aj_responsibility_list_date(e, asof, asof);
	f->director_need = aj_director_need(e);
	f->director = aj_director_on(e, asof, asof);
	f->insurance_required = aj_insurance_required(e);
	f->insurance = aj_insurance_on(e, asof, asof);
	public_records(m, r, ent, f);
	public_listings(l, ent, f);
	f->changed = AJ_DAY_NONE;
	duty_changes(e, f);
	record_changes(m, r, ent, years, f);
	listing_changes(l, ent, years, f);
}
