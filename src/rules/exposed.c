#include "rules/exposed.h"

#include <string.h>

const char *aj_exposed_code(int bit)
{
	static const char *const codes[] = { "X1", "X2", "X3", "X4", "X5" };
	return codes[bit];
}

int aj_enterprise_order(const AjModel *m, guint32 a, guint32 b)
{
	const AjEnterprise *ea = AJ_ENTERPRISE(m, a), *eb = AJ_ENTERPRISE(m, b);
	int c = strcmp(AJ_DISTRICT(m, ea->district)->code, AJ_DISTRICT(m, eb->district)->code);

	return c != 0 ? c : strcmp(ea->id, eb->id);
}

static AjExposedRow *row_for(GHashTable *rows, guint32 ent)
{
	AjExposedRow *r = g_hash_table_lookup(rows, GUINT_TO_POINTER(ent + 1));

	if (r == NULL) {
		r = g_new0(AjExposedRow, 1);
		r->enterprise = ent;
		r->hazards = g_array_new(FALSE, FALSE, sizeof(guint32));
		r->penalties = g_array_new(FALSE, FALSE, sizeof(guint32));
		r->accidents = g_array_new(FALSE, FALSE, sizeof(guint32));
		r->blacklists = g_array_new(FALSE, FALSE, sizeof(guint32));
		r->exposures = g_array_new(FALSE, FALSE, sizeof(guint32));
		g_hash_table_insert(rows, GUINT_TO_POINTER(ent + 1), r);
	}
	return r;
}

static void add(GHashTable *rows, guint32 ent, guint reason, guint32 record)
{
	AjExposedRow *r = row_for(rows, ent);
	GArray *a = reason == AJ_X1 ? r->hazards
		    : reason == AJ_X2 ? r->penalties
		    : reason == AJ_X3 ? r->accidents
		    : reason == AJ_X4 ? r->blacklists
				      : r->exposures;

	r->reasons |= reason;
	g_array_append_val(a, record);
}

static int compare_rows(gconstpointer a, gconstpointer b, gpointer model)
{
	return aj_enterprise_order(model, ((const AjExposedRow *)a)->enterprise,
				   ((const AjExposedRow *)b)->enterprise);
}

GArray *aj_exposed_list(const AjModel *m, const AjPeriod *p)
{
	GHashTable *rows = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
	GArray *out = g_array_new(FALSE, FALSE, sizeof(AjExposedRow));
	GHashTableIter it;
	gpointer value;

	for (guint32 i = 0; i < m->hazards->len; i++) {
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, i);
		gboolean open = h->found <= p->asof &&
				(h->rectified == AJ_DAY_NONE || h->rectified > p->asof);
		if (h->major && open && h->deadline < p->asof)
			add(rows, h->enterprise, AJ_X1, i);
	}
	for (guint32 i = 0; i < m->penalties->len; i++) {
		const AjPenalty *r = &g_array_index(m->penalties, AjPenalty, i);
		if (aj_span_has(p->m, r->date) && (r->suspension || r->serious))
			add(rows, r->enterprise, AJ_X2, i);
	}
	for (guint32 i = 0; i < m->accidents->len; i++) {
		const AjAccident *r = &g_array_index(m->accidents, AjAccident, i);
		if (aj_span_has(p->m, r->date) && r->deaths >= 1)
			add(rows, r->enterprise, AJ_X3, i);
	}
	for (guint32 i = 0; i < m->blacklists->len; i++) {
		const AjBlacklist *r = &g_array_index(m->blacklists, AjBlacklist, i);
		if (aj_span_has(p->m, r->from))
			add(rows, r->enterprise, AJ_X4, i);
	}
	for (guint32 i = 0; i < m->exposures->len; i++) {
		const AjExposure *r = &g_array_index(m->exposures, AjExposure, i);
		if (r->month == p->month)
			add(rows, r->enterprise, AJ_X5, i);
	}
	g_hash_table_iter_init(&it, rows);
	while (g_hash_table_iter_next(&it, NULL, &value))
		g_array_append_vals(out, value, 1);
	g_array_sort_with_data(out, compare_rows, (gpointer)m);
	g_hash_table_destroy(rows);
	return out;
}

void aj_exposed_list_free(GArray *rows)
{
	if (rows == NULL)
		return;
	for (guint i = 0; i < rows->len; i++) {
		AjExposedRow *r = &g_array_index(rows, AjExposedRow, i);
		g_array_free(r->hazards, TRUE);
		g_array_free(r->penalties, TRUE);
		g_array_free(r->accidents, TRUE);
		g_array_free(r->blacklists, TRUE);
		g_array_free(r->exposures, TRUE);
	}
	g_array_free(rows, TRUE);
}
