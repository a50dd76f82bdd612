/* What can only be checked once every file is read: references (files come
 * in any order), duplicates across files, and the district order. */
#include <string.h>

#include "load/loader.h"
#include "load/words.h"
#include "util/i18n.h"
#include "util/nearest.h"
#include "util/visible.h"

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
			aj_loader_repeat(l, d->loc, AJ_DISTRICT(m, first)->loc,
					 _("duplicate district code %s (first at %s); keep one "
					   "<district> per code"), d->code, at);
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

/* One table of references while they are resolved. */
typedef struct {
	AjRefKind kind;
	const AjRefTable *t;
	guint32 *map;      /* slot -> index, AJ_NONE: dangling */
	guint32 *reported; /* slot -> index + 1 of the error that reported it, 0 */
} Refs;

typedef struct {
	AjLoader *l;
	Refs refs[AJ_REFS];
} Maps;

/* The record of table kind whose name (trimmed) is key: the id to write
 * instead, or NULL. */
static const char *id_of_name(const AjModel *m, AjRefKind kind, const char *key)
{
	char *k = g_strstrip(g_strdup(key));
	const char *id = NULL;

	for (guint i = 0; kind == AJ_REF_ENTERPRISE && id == NULL && i < m->enterprises->len; i++)
		if (g_strcmp0(AJ_ENTERPRISE(m, i)->name, k) == 0)
			id = AJ_ENTERPRISE(m, i)->id;
	for (guint i = 0; kind == AJ_REF_DEPARTMENT && id == NULL && i < m->departments->len; i++) {
		const AjDepartment *d = &g_array_index(m->departments, AjDepartment, i);
		if (g_strcmp0(d->name, k) == 0)
			id = d->id;
	}
	for (guint i = 0; kind == AJ_REF_DISTRICT && id == NULL && i < m->districts->len; i++)
		if (g_strcmp0(AJ_DISTRICT(m, i)->name, k) == 0)
			id = AJ_DISTRICT(m, i)->code;
	g_free(k);
	return id;
}

/* The known key nearest to key when it looks like a slip of the keyboard
 * or a blank too many, as a quoted phrase; NULL else.  The caller frees it. */
static char *near_key(const AjModel *m, AjRefKind kind, const char *key)
{
	AjNearest *near = aj_nearest_new(key, 1);
	char *text = NULL;

	for (guint i = 0; kind == AJ_REF_ENTERPRISE && i < m->enterprises->len; i++)
		aj_nearest_add(near, AJ_ENTERPRISE(m, i)->id);
	for (guint i = 0; kind == AJ_REF_DEPARTMENT && i < m->departments->len; i++)
		aj_nearest_add(near, g_array_index(m->departments, AjDepartment, i).id);
	for (guint i = 0; kind == AJ_REF_DISTRICT && i < m->districts->len; i++)
		aj_nearest_add(near, AJ_DISTRICT(m, i)->code);
	if (aj_nearest_is_close(near))
		text = aj_nearest_text(near);
	aj_nearest_free(near);
	return text;
}

/* "WHAT: enterprise 'KEY' is not defined; …" with the best hint: the id of
 * the record so named, the nearest id, or what to add. */
static void report_dangling(AjLoader *l, AjLoc loc, const char *what, AjRefKind kind,
			    const char *key)
{
	/* by kind: plain, nearest (%s: the quoted nearest key), name of (%s: the id twice) */
	static const char *const plain[AJ_REFS] = {
		[AJ_REF_ENTERPRISE] = N_("%s: enterprise '%s' is not defined; add its <enterprise> "
					 "record or correct the code"),
		[AJ_REF_DISTRICT] = N_("%s: district '%s' is not defined; add a <district> with that "
				       "code or correct it"),
		[AJ_REF_DEPARTMENT] = N_("%s: department '%s' is not defined; add a <department> "
					 "with that id or correct it"),
	};
	static const char *const nearest[AJ_REFS] = {
		[AJ_REF_ENTERPRISE] = N_("%s: enterprise '%s' is not defined; did you mean %s? "
					 "correct the code, or add its <enterprise> record"),
		[AJ_REF_DISTRICT] = N_("%s: district '%s' is not defined; did you mean %s? correct "
				       "it, or add a <district> with that code"),
		[AJ_REF_DEPARTMENT] = N_("%s: department '%s' is not defined; did you mean %s? "
					 "correct it, or add a <department> with that id"),
	};
	static const char *const named[AJ_REFS] = {
		[AJ_REF_ENTERPRISE] = N_("%s: enterprise '%s' is not defined; that is the name of "
					 "enterprise %s: write its unified social credit code, "
					 "enterprise=\"%s\""),
		[AJ_REF_DISTRICT] = N_("%s: district '%s' is not defined; that is the name of "
				       "district %s: write its code, district=\"%s\""),
		[AJ_REF_DEPARTMENT] = N_("%s: department '%s' is not defined; that is the name of "
					 "department '%s': write its id, department=\"%s\""),
	};
	const AjModel *m = l->model;
	char *shown = aj_visible(key), *near = NULL;
	const char *id = id_of_name(m, kind, key);

	if (id != NULL)
		aj_loader_error_at(l, loc, _(named[kind]), what, shown, id, id);
	else if ((near = near_key(m, kind, key)) != NULL)
		aj_loader_error_at(l, loc, _(nearest[kind]), what, shown, near);
	else
		aj_loader_error_at(l, loc, _(plain[kind]), what, shown);
	g_free(near);
	g_free(shown);
}

/* Replaces the provisional slot in *field; reports a dangling reference,
 * unless it follows from an error already reported: its record was lost
 * to an error (a wrong credit code), a file was not read whole, or the
 * same key was reported at an earlier record. */
static void fix(const Maps *mp, guint32 *field, AjRefKind kind, AjLoc loc, const char *elem,
		const char *id)
{
	AjLoader *l = mp->l;
	const Refs *r = &mp->refs[kind];
	guint32 slot = *field;
	const char *key;
	guint cause;

	if (slot == AJ_NONE)
		return;
	*field = r->map[slot];
	if (*field != AJ_NONE)
		return;
	key = g_ptr_array_index(r->t->keys, slot);
	if (l->lost[kind] != NULL &&
	    (cause = GPOINTER_TO_UINT(g_hash_table_lookup(l->lost[kind], key))) > 0) {
		aj_loader_follow(l, cause - 1, AJ_FOLLOW_REFS);
	} else if (l->cut > 0) {
		aj_loader_follow(l, l->cut - 1, AJ_FOLLOW_UNREAD);
	} else if (r->reported[slot] > 0) {
		aj_loader_follow(l, r->reported[slot] - 1, AJ_FOLLOW_SAME);
	} else {
		char *what = aj_record_words(elem, id, NULL);
		report_dangling(l, loc, what, kind, key);
		r->reported[slot] = l->last_error;
		g_free(what);
	}
}

static void resolve_refs(AjLoader *l)
{
	AjModel *m = l->model;
	static const LookupFn lookup[AJ_REFS] = {
		[AJ_REF_ENTERPRISE] = aj_model_enterprise_index,
		[AJ_REF_DISTRICT] = aj_model_district_index,
		[AJ_REF_DEPARTMENT] = aj_model_department_index,
	};
	const AjRefTable *tables[AJ_REFS] = {
		[AJ_REF_ENTERPRISE] = &l->enterprise_refs,
		[AJ_REF_DISTRICT] = &l->district_refs,
		[AJ_REF_DEPARTMENT] = &l->department_refs,
	};
	Maps mp = { l };
	const AjRefKind E = AJ_REF_ENTERPRISE, D = AJ_REF_DEPARTMENT, S = AJ_REF_DISTRICT;

	for (int k = 0; k < AJ_REFS; k++) {
		mp.refs[k] = (Refs){ (AjRefKind)k, tables[k], slot_map(m, tables[k], lookup[k]),
				     g_new0(guint32, tables[k]->keys->len + 1) };
	}
	for (guint i = 0; i < m->enterprises->len && !l->stop; i++) {
		AjEnterprise *r = AJ_ENTERPRISE(m, i);
		fix(&mp, &r->district, S, r->loc, "enterprise", r->id);
	}
	for (guint i = 0; i < m->inspections->len && !l->stop; i++) {
		AjInspection *r = &g_array_index(m->inspections, AjInspection, i);
		fix(&mp, &r->enterprise, E, r->loc, "inspection", r->id);
		fix(&mp, &r->department, D, r->loc, "inspection", r->id);
	}
	for (guint i = 0; i < m->hazards->len && !l->stop; i++) {
		AjHazard *r = &g_array_index(m->hazards, AjHazard, i);
		fix(&mp, &r->enterprise, E, r->loc, "hazard", r->id);
	}
	for (guint i = 0; i < m->penalties->len && !l->stop; i++) {
		AjPenalty *r = &g_array_index(m->penalties, AjPenalty, i);
		fix(&mp, &r->enterprise, E, r->loc, "penalty", r->id);
		fix(&mp, &r->department, D, r->loc, "penalty", r->id);
	}
	for (guint i = 0; i < m->accidents->len && !l->stop; i++) {
		AjAccident *r = &g_array_index(m->accidents, AjAccident, i);
		fix(&mp, &r->enterprise, E, r->loc, "accident", r->id);
	}
	for (guint i = 0; i < m->trainings->len && !l->stop; i++) {
		AjTraining *r = &g_array_index(m->trainings, AjTraining, i);
		fix(&mp, &r->enterprise, E, r->loc, "training", NULL);
	}
	for (guint i = 0; i < m->reports->len && !l->stop; i++) {
		AjReport *r = &g_array_index(m->reports, AjReport, i);
		fix(&mp, &r->enterprise, E, r->loc, "report", r->id);
	}
	for (guint i = 0; i < m->blacklists->len && !l->stop; i++) {
		AjBlacklist *r = &g_array_index(m->blacklists, AjBlacklist, i);
		fix(&mp, &r->enterprise, E, r->loc, "blacklist", NULL);
	}
	for (guint i = 0; i < m->nominations->len && !l->stop; i++) {
		AjNomination *r = &g_array_index(m->nominations, AjNomination, i);
		fix(&mp, &r->enterprise, E, r->loc, "nomination", NULL);
		fix(&mp, &r->department, D, r->loc, "nomination", NULL);
	}
	for (guint i = 0; i < m->exposures->len && !l->stop; i++) {
		AjExposure *r = &g_array_index(m->exposures, AjExposure, i);
		fix(&mp, &r->enterprise, E, r->loc, "exposure", NULL);
		fix(&mp, &r->department, D, r->loc, "exposure", NULL);
	}
	for (guint i = 0; i < m->baselines->len && !l->stop; i++) {
		AjBaseline *r = &g_array_index(m->baselines, AjBaseline, i);
		fix(&mp, &r->district, S, r->loc, "baseline", NULL);
	}
	for (int k = 0; k < AJ_REFS; k++) {
		g_free(mp.refs[k].map);
		g_free(mp.refs[k].reported);
	}
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
		aj_loader_repeat(l, b->loc, f->loc, _("duplicate baseline for district %s, month %s "
						      "(first at %s); keep one per district and month"),
				 AJ_DISTRICT(m, b->district)->code, aj_month_format(b->month, mb), at);
		g_free(at);
	} else {
		const AjTraining *t = &g_array_index(m->trainings, AjTraining, dup);
		const AjTraining *f = &g_array_index(m->trainings, AjTraining, first);
		char *at = aj_model_loc_string(m, f->loc);
		aj_loader_repeat(l, t->loc, f->loc, _("duplicate training for enterprise %s, month %s "
						      "(first at %s); keep one record per enterprise "
						      "and month"),
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
