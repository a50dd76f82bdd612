#include "rules/exemplars.h"

#include "rules/exposed.h"
#include "rules/obligations.h"

AjDaySpan aj_exemplar_window(AjQuarter q)
{
	AjMonth last = aj_quarter_last_month(q);
	return (AjDaySpan){ aj_month_first_day(last - 11), aj_month_last_day(last) };
}

/* A record counts when it is dated in the window and known by as-of. */
static gboolean in_window(AjDaySpan w, AjDay d, AjDay asof)
{
	return aj_span_has(w, d) && d <= asof;
}

/* ORs bit into the vetoes of ent when ent is under review. */
static void veto(GHashTable *vetoes, guint32 ent, guint bit)
{
	gpointer key = GUINT_TO_POINTER(ent + 1), value;

	if (g_hash_table_lookup_extended(vetoes, key, NULL, &value))
		g_hash_table_insert(vetoes, key, GUINT_TO_POINTER(GPOINTER_TO_UINT(value) | bit));
}

/* V1–V4 and V7 for every enterprise in vetoes (index + 1 → AJ_VETO bits):
 * one pass over each kind of record, so a review costs O(records). */
static void record_vetoes(const AjModel *m, GHashTable *vetoes, AjQuarter q, AjDay asof)
{
	AjDaySpan w = aj_exemplar_window(q);
	AjDay end = w.to;
	AjMonth first = aj_quarter_first_month(q);
	GHashTable *trained = g_hash_table_new(g_direct_hash, g_direct_equal);
	GHashTableIter it;
	gpointer key, value;

	for (guint i = 0; i < m->accidents->len; i++) {
		const AjAccident *r = &g_array_index(m->accidents, AjAccident, i);
		if (in_window(w, r->date, asof))
			veto(vetoes, r->enterprise, AJ_VETO(1));
	}
	for (guint i = 0; i < m->penalties->len; i++) {
		const AjPenalty *r = &g_array_index(m->penalties, AjPenalty, i);
		if (in_window(w, r->date, asof))
			veto(vetoes, r->enterprise, AJ_VETO(2));
	}
	for (guint i = 0; i < m->hazards->len; i++) {
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, i);
		gboolean open_at_end;
		if (!h->major || h->found > asof)
			continue;
		open_at_end = h->found <= end &&
			      (h->rectified == AJ_DAY_NONE || h->rectified > end || h->rectified > asof);
		if (in_window(w, h->found, asof) || open_at_end)
			veto(vetoes, h->enterprise, AJ_VETO(3));
	}
	for (guint i = 0; i < m->blacklists->len; i++) {
		const AjBlacklist *b = &g_array_index(m->blacklists, AjBlacklist, i);
		if (b->from <= w.to && b->from <= asof && (b->to == AJ_DAY_NONE || b->to >= w.from))
			veto(vetoes, b->enterprise, AJ_VETO(4));
	}
	/* V7: each month of q needs a record with trained >= staff. */
	for (guint i = 0; i < m->trainings->len; i++) {
		const AjTraining *t = &g_array_index(m->trainings, AjTraining, i);
		AjMonth k = t->month - first;
		gpointer ent = GUINT_TO_POINTER(t->enterprise + 1);
		if (k < 0 || k > 2 || aj_month_first_day(t->month) > asof || t->trained < t->staff)
			continue;
		g_hash_table_insert(trained, ent,
				    GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(trained, ent)) |
						     (1u << k)));
	}
	g_hash_table_iter_init(&it, vetoes);
	while (g_hash_table_iter_next(&it, &key, &value))
		if (GPOINTER_TO_UINT(g_hash_table_lookup(trained, key)) != 7u)
			g_hash_table_iter_replace(&it, GUINT_TO_POINTER(GPOINTER_TO_UINT(value) | AJ_VETO(7)));
	g_hash_table_destroy(trained);
}

/* V5, V6, V8–V10: the enterprise's own state on the last day of q. */
static guint state_vetoes(const AjEnterprise *e, AjQuarter q, AjDay asof)
{
	AjDay end = aj_quarter_last_day(q);
	guint v = 0;

	if (!aj_grade_valid(e, end, asof))
		v |= AJ_VETO(5);
	if (aj_director_need(e) == AJ_DIRECTOR_REQUIRED && !aj_director_in_office(e, end, asof))
		v |= AJ_VETO(6);
	if (aj_insurance_required(e) && !aj_insurance_valid(e, end, asof))
		v |= AJ_VETO(8);
	if (!aj_commitment_signed(e, aj_quarter_year(q), end, asof))
		v |= AJ_VETO(9);
	if (e->closed)
		v |= AJ_VETO(10);
	return v;
}

/* Fills vetoes (enterprise index + 1 → bits) for its keys. */
static void review_all(const AjModel *m, GHashTable *vetoes, AjQuarter q, AjDay asof)
{
	GHashTableIter it;
	gpointer key, value;

	g_hash_table_iter_init(&it, vetoes);
	while (g_hash_table_iter_next(&it, &key, &value))
		g_hash_table_iter_replace(
			&it, GUINT_TO_POINTER(state_vetoes(AJ_ENTERPRISE(m, GPOINTER_TO_UINT(key) - 1),
							   q, asof)));
	record_vetoes(m, vetoes, q, asof);
}

guint aj_exemplar_vetoes(const AjModel *m, guint32 ent, AjQuarter q, AjDay asof)
{
	GHashTable *vetoes = g_hash_table_new(g_direct_hash, g_direct_equal);
	guint v;

	g_hash_table_insert(vetoes, GUINT_TO_POINTER(ent + 1), NULL);
	review_all(m, vetoes, q, asof);
	v = GPOINTER_TO_UINT(g_hash_table_lookup(vetoes, GUINT_TO_POINTER(ent + 1)));
	g_hash_table_destroy(vetoes);
	return v;
}

static int compare_review(gconstpointer a, gconstpointer b, gpointer model)
{
	const AjReviewRow *ra = a, *rb = b;
	int c = aj_enterprise_order(model, ra->enterprise, rb->enterprise);

	if (c != 0)
		return c;
	return ra->nomination < rb->nomination ? -1 : ra->nomination > rb->nomination;
}

GArray *aj_exemplar_review(const AjModel *m, AjQuarter q, AjDay asof)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(AjReviewRow));
	GHashTable *vetoes = g_hash_table_new(g_direct_hash, g_direct_equal);

	for (guint32 i = 0; i < m->nominations->len; i++) {
		const AjNomination *n = &g_array_index(m->nominations, AjNomination, i);
		AjReviewRow r = { i, n->enterprise, 0 };
		if (n->quarter != q)
			continue;
		g_hash_table_insert(vetoes, GUINT_TO_POINTER(n->enterprise + 1), NULL);
		g_array_append_val(out, r);
	}
	review_all(m, vetoes, q, asof);
	for (guint i = 0; i < out->len; i++) {
		AjReviewRow *r = &g_array_index(out, AjReviewRow, i);
		r->vetoes = GPOINTER_TO_UINT(
			g_hash_table_lookup(vetoes, GUINT_TO_POINTER(r->enterprise + 1)));
	}
	g_hash_table_destroy(vetoes);
	g_array_sort_with_data(out, compare_review, (gpointer)m);
	return out;
}

GArray *aj_exemplar_list(const GArray *review)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(guint32));

	for (guint i = 0; i < review->len; i++) {
		const AjReviewRow *r = &g_array_index(review, AjReviewRow, i);
		if (r->vetoes != 0)
			continue;
		if (out->len > 0 && g_array_index(out, guint32, out->len - 1) == r->enterprise)
			continue;
		g_array_append_val(out, r->enterprise);
	}
	return out;
}
