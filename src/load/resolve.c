/* What can only be checked once every file is read: references (files come
 * in any order), duplicates across files, and the district order. */
#include <string.h>

#include "load/loader.h"

/* ---- districts ------------------------------------------------------------ */

static gint district_order(gconstpointer a, gconstpointer b)
{
	const AjDistrict *x = a, *y = b;
	int c = g_strcmp0(x->code, y->code);

	if (c != 0)
		return c;
	/* equal codes: keep read order so "first at" names the first one */
	return x->loc.file != y->loc.file ? (x->loc.file < y->loc.file ? -1 : 1)
					   : (x->loc.line < y->loc.line ? -1 : x->loc.line > y->loc.line);
}

static void sort_districts(AjLoader *l)
{
	AjModel *m = l->model;

	g_array_sort(m->districts, district_order);
	for (guint i = 0; i < m->districts->len; i++) {
		AjDistrict *d = AJ_DISTRICT(m, i);
		if (d->code == NULL)
			continue;
		guint32 first = aj_model_district_index(m, d->code);
		if (first != AJ_NONE) {
			char *at = aj_model_loc_string(m, AJ_DISTRICT(m, first)->loc);
			aj_loader_error_at(l, d->loc, "duplicate district code %s (first at %s); keep one "
					   "<district> per code", d->code, at);
			g_free(at);
			continue;
		}
		g_hash_table_insert(m->district_by_code, (gpointer)d->code, GUINT_TO_POINTER(i + 1));
	}
}

/* ---- references ------------------------------------------------------------ */

typedef guint32 (*LookupFn)(const AjModel *m, const char *key);

/* slot -> real index (AJ_NONE: dangling); the caller frees it. */
static guint32 *slot_map(const AjModel *m, const AjRefTable *t, LookupFn lookup)
{
	guint32 *map = g_new(guint32, t->keys->len + 1);

	for (guint i = 0; i < t->keys->len; i++)
		map[i] = lookup(m, g_ptr_array_index(t->keys, i));
	return map;
}

typedef struct {
	AjLoader *l;
	guint32 *ent, *dist, *dept;
} Maps;

/* Replaces the provisional slot in *field; reports a dangling reference. */
static void fix(const Maps *mp, guint32 *field, guint32 *map, const AjRefTable *t, AjLoc loc,
		const char *what, const char *id, const char *kind, const char *fix_hint)
{
	guint32 slot = *field;

	if (slot == AJ_NONE)
		return;
	*field = map[slot];
	if (*field == AJ_NONE)
		aj_loader_error_at(mp->l, loc, "%s%s%s: %s %s is not defined; %s", what,
				   id != NULL ? " " : "", id != NULL ? id : "", kind,
				   (const char *)g_ptr_array_index(t->keys, slot), fix_hint);
}

#define ENT_HINT "add its <enterprise> record or correct the code"
#define DEPT_HINT "add a <department> with that id or correct it"
#define DIST_HINT "add a <district> with that code or correct it"

static void resolve_refs(AjLoader *l)
{
	AjModel *m = l->model;
	Maps mp = { l, slot_map(m, &l->enterprise_refs, aj_model_enterprise_index),
		    slot_map(m, &l->district_refs, aj_model_district_index),
		    slot_map(m, &l->department_refs, aj_model_department_index) };
	const AjRefTable *E = &l->enterprise_refs, *D = &l->department_refs, *S = &l->district_refs;

	for (guint i = 0; i < m->enterprises->len && !l->stop; i++) {
		AjEnterprise *r = AJ_ENTERPRISE(m, i);
		fix(&mp, &r->district, mp.dist, S, r->loc, "enterprise", r->id, "district", DIST_HINT);
	}
	for (guint i = 0; i < m->inspections->len && !l->stop; i++) {
		AjInspection *r = &g_array_index(m->inspections, AjInspection, i);
		fix(&mp, &r->enterprise, mp.ent, E, r->loc, "inspection", r->id, "enterprise", ENT_HINT);
		fix(&mp, &r->department, mp.dept, D, r->loc, "inspection", r->id, "department", DEPT_HINT);
	}
	for (guint i = 0; i < m->hazards->len && !l->stop; i++) {
		AjHazard *r = &g_array_index(m->hazards, AjHazard, i);
		fix(&mp, &r->enterprise, mp.ent, E, r->loc, "hazard", r->id, "enterprise", ENT_HINT);
	}
	for (guint i = 0; i < m->penalties->len && !l->stop; i++) {
		AjPenalty *r = &g_array_index(m->penalties, AjPenalty, i);
		fix(&mp, &r->enterprise, mp.ent, E, r->loc, "penalty", r->id, "enterprise", ENT_HINT);
		fix(&mp, &r->department, mp.dept, D, r->loc, "penalty", r->id, "department", DEPT_HINT);
	}
	for (guint i = 0; i < m->accidents->len && !l->stop; i++) {
		AjAccident *r = &g_array_index(m->accidents, AjAccident, i);
		fix(&mp, &r->enterprise, mp.ent, E, r->loc, "accident", r->id, "enterprise", ENT_HINT);
	}
	for (guint i = 0; i < m->trainings->len && !l->stop; i++) {
		AjTraining *r = &g_array_index(m->trainings, AjTraining, i);
		fix(&mp, &r->enterprise, mp.ent, E, r->loc, "training", NULL, "enterprise", ENT_HINT);
	}
	for (guint i = 0; i < m->reports->len && !l->stop; i++) {
		AjReport *r = &g_array_index(m->reports, AjReport, i);
		fix(&mp, &r->enterprise, mp.ent, E, r->loc, "report", r->id, "enterprise", ENT_HINT);
	}
	for (guint i = 0; i < m->blacklists->len && !l->stop; i++) {
		AjBlacklist *r = &g_array_index(m->blacklists, AjBlacklist, i);
		fix(&mp, &r->enterprise, mp.ent, E, r->loc, "blacklist", NULL, "enterprise", ENT_HINT);
	}
	for (guint i = 0; i < m->nominations->len && !l->stop; i++) {
		AjNomination *r = &g_array_index(m->nominations, AjNomination, i);
		fix(&mp, &r->enterprise, mp.ent, E, r->loc, "nomination", NULL, "enterprise", ENT_HINT);
		fix(&mp, &r->department, mp.dept, D, r->loc, "nomination", NULL, "department", DEPT_HINT);
	}
	for (guint i = 0; i < m->exposures->len && !l->stop; i++) {
		AjExposure *r = &g_array_index(m->exposures, AjExposure, i);
		fix(&mp, &r->enterprise, mp.ent, E, r->loc, "exposure", NULL, "enterprise", ENT_HINT);
		fix(&mp, &r->department, mp.dept, D, r->loc, "exposure", NULL, "department", DEPT_HINT);
	}
	for (guint i = 0; i < m->baselines->len && !l->stop; i++) {
		AjBaseline *r = &g_array_index(m->baselines, AjBaseline, i);
		fix(&mp, &r->district, mp.dist, S, r->loc, "baseline", NULL, "district", DIST_HINT);
	}
	g_free(mp.ent);
	g_free(mp.dist);
	g_free(mp.dept);
}

/* ---- duplicates ------------------------------------------------------------- */

/* Ids are checked as they are read (aj_loader_id); what remains are the
 * records keyed by (enterprise or district, month): sort their indices by
 * that key, then read order, and report each equal to the one before. */

typedef struct {
	const AjModel *m;
	gboolean baseline;
} DupCtx;

static guint64 month_key(const DupCtx *c, guint32 i)
{
	if (c->baseline) {
		const AjBaseline *b = &g_array_index(c->m->baselines, AjBaseline, i);
		return (guint64)b->district << 32 | (guint32)b->month;
	}
	const AjTraining *t = &g_array_index(c->m->trainings, AjTraining, i);
	return (guint64)t->enterprise << 32 | (guint32)t->month;
}

static gint by_month_key(gconstpointer a, gconstpointer b, gpointer data)
{
	guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
	guint64 kx = month_key(data, x), ky = month_key(data, y);

	if (kx != ky)
		return kx < ky ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void report_month_dup(AjLoader *l, gboolean baseline, guint32 dup, guint32 first)
{
	const AjModel *m = l->model;
	char mb[8];

	if (baseline) {
		const AjBaseline *b = &g_array_index(m->baselines, AjBaseline, dup);
		const AjBaseline *f = &g_array_index(m->baselines, AjBaseline, first);
		char *at = aj_model_loc_string(m, f->loc);
		aj_loader_error_at(l, b->loc, "duplicate baseline for district %s, month %s "
				   "(first at %s); keep one per district and month",
				   AJ_DISTRICT(m, b->district)->code, aj_month_format(b->month, mb), at);
		g_free(at);
	} else {
		const AjTraining *t = &g_array_index(m->trainings, AjTraining, dup);
		const AjTraining *f = &g_array_index(m->trainings, AjTraining, first);
		char *at = aj_model_loc_string(m, f->loc);
		aj_loader_error_at(l, t->loc, "duplicate training for enterprise %s, month %s "
				   "(first at %s); keep one record per enterprise and month",
				   AJ_ENTERPRISE(m, t->enterprise)->id, aj_month_format(t->month, mb), at);
		g_free(at);
	}
}

/* Large data sets: sort the indices by key. */
void aj_month_dups_sorted(AjLoader *l, gboolean baseline)
{
	const AjModel *m = l->model;
	DupCtx c = { m, baseline };
	guint n = baseline ? m->baselines->len : m->trainings->len;
	guint32 *idx = g_new(guint32, n + 1);

	for (guint i = 0; i < n; i++)
		idx[i] = i;
	g_qsort_with_data(idx, (gint)n, sizeof *idx, by_month_key, &c);
	for (guint i = 1, first = 0; i < n && !l->stop; i++) {
		if (month_key(&c, idx[i]) != month_key(&c, idx[first]))
			first = i;
		else
			report_month_dup(l, baseline, idx[i], idx[first]);
	}
	g_free(idx);
}

/* One bit per (owner, month) when that fits in 128 MiB: a single pass in
 * read order.  A hit is rare (an error), so its first occurrence is found
 * by scanning back. */
void aj_month_dups(AjLoader *l, gboolean baseline)
{
	const AjModel *m = l->model;
	DupCtx c = { m, baseline };
	guint n = baseline ? m->baselines->len : m->trainings->len;
	guint64 owners = baseline ? m->districts->len : m->enterprises->len;
	AjMonth lo = G_MAXINT32, hi = G_MININT32;

	for (guint i = 0; i < n; i++) {
		AjMonth mo = (AjMonth)(guint32)month_key(&c, i);
		lo = MIN(lo, mo);
		hi = MAX(hi, mo);
	}
	if (n < 2)
		return;
	guint64 width = (guint64)(hi - lo) + 1, bits = owners * width;
	if (bits > (G_GUINT64_CONSTANT(1) << 30)) {
		aj_month_dups_sorted(l, baseline);
		return;
	}
	guint8 *seen = g_malloc0(bits / 8 + 1);
	for (guint i = 0; i < n && !l->stop; i++) {
		guint64 key = month_key(&c, i);
		guint64 bit = (key >> 32) * width + (guint64)((AjMonth)(guint32)key - lo);
		if (seen[bit / 8] & (1u << (bit % 8))) {
			guint32 first = 0;
			while (month_key(&c, first) != key)
				first++;
			report_month_dup(l, baseline, i, first);
		}
		seen[bit / 8] |= (guint8)(1u << (bit % 8));
	}
	g_free(seen);
}

void aj_resolve(AjLoader *l)
{
	sort_districts(l);
	resolve_refs(l);
	/* The duplicate checks index by owner and month, and their messages name
	 * resolved records: only when no record had an error (a record with one
	 * may lack its owner, AJ_NONE, or its month). */
	if (l->errors->len == 0) {
		aj_month_dups(l, FALSE);
		aj_month_dups(l, TRUE);
	}
}
