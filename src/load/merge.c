/* The merge: each part, in path order, replayed into the load's loader.
 * Its errors are added where they were met, its ids checked against every
 * file before it (and itself) as a file-by-file reading would have, and
 * its records and strings move into the load's model. */
#include <stddef.h>
#include <string.h>

#include "load/loader.h"
#include "util/i18n.h"
#include "util/visible.h"

GArray **aj_model_array(AjModel *m, AjArray a)
{
	switch (a) {
	case AJ_ARRAY_DISTRICTS: return &m->districts;
	case AJ_ARRAY_DEPARTMENTS: return &m->departments;
	case AJ_ARRAY_ENTERPRISES: return &m->enterprises;
	case AJ_ARRAY_INSPECTIONS: return &m->inspections;
	case AJ_ARRAY_HAZARDS: return &m->hazards;
	case AJ_ARRAY_PENALTIES: return &m->penalties;
	case AJ_ARRAY_ACCIDENTS: return &m->accidents;
	case AJ_ARRAY_TRAININGS: return &m->trainings;
	case AJ_ARRAY_REPORTS: return &m->reports;
	case AJ_ARRAY_BLACKLISTS: return &m->blacklists;
	case AJ_ARRAY_NOMINATIONS: return &m->nominations;
	case AJ_ARRAY_EXPOSURES: return &m->exposures;
	case AJ_ARRAY_BASELINES: return &m->baselines;
	case AJ_ARRAY_PROBLEM_LISTS: return &m->problem_lists;
	case AJ_ARRAYS: break;
	}
	g_assert_not_reached();
}

/* The part's records handed to the load; the part keeps empty arrays, so
 * freeing it frees none of what the records point to.  Enterprises and
 * departments go into the model's arrays at once (the merge checks their
 * ids there); the other records are parked until aj_merge_finish(). */
static void move_records(AjLoader *l, AjPart *p)
{
	AjModel *to = l->model;

	for (int a = 0; a < AJ_ARRAYS; a++) {
		GArray **dst = aj_model_array(to, (AjArray)a), **src = aj_model_array(p->l.model, (AjArray)a);
		p->first[a] = (*dst)->len + l->parked_len[a];
		p->count[a] = (*src)->len;
		if ((*src)->len == 0)
			continue;
		if ((*dst)->len == 0 && l->parked_len[a] == 0) { /* the first part's array is taken whole */
			GArray *empty = *dst;
			*dst = *src;
			*src = empty;
		} else if (a == AJ_ARRAY_ENTERPRISES || a == AJ_ARRAY_DEPARTMENTS) {
			g_array_append_vals(*dst, (*src)->data, (*src)->len);
			g_array_set_size(*src, 0);
		} else {
			if (l->parked[a] == NULL)
				l->parked[a] = g_ptr_array_new();
			g_ptr_array_add(l->parked[a], *src);
			l->parked_len[a] += (*src)->len;
			*src = g_array_new(FALSE, TRUE, g_array_get_element_size(*src));
		}
	}
	g_ptr_array_add(to->more_strings, p->l.model->strings);
	p->l.model->strings = g_string_chunk_new(64);
}

void aj_merge_finish(AjLoader *l)
{
	for (int a = 0; a < AJ_ARRAYS; a++) {
		GArray **dst = aj_model_array(l->model, (AjArray)a);
		GPtrArray *parked = l->parked[a];
		if (parked == NULL)
			continue;
		GArray *all = g_array_sized_new(FALSE, TRUE, g_array_get_element_size(*dst),
						(*dst)->len + l->parked_len[a]);
		g_array_append_vals(all, (*dst)->data, (*dst)->len);
		g_array_free(*dst, TRUE);
		for (guint i = 0; i < parked->len; i++) {
			GArray *part = g_ptr_array_index(parked, i);
			g_array_append_vals(all, part->data, part->len);
			g_array_free(part, TRUE);
		}
		*dst = all;
		g_ptr_array_free(parked, TRUE);
		l->parked[a] = NULL;
		l->parked_len[a] = 0;
	}
}

/* The part's slots of table t as slots of the load's table (new keys are
 * added in the part's order, as one reading would have); the caller frees
 * the map.  Files meet keys mostly in the order the files before met them,
 * so a cursor guesses most slots without the index. */
static guint32 *global_slots(AjLoader *l, AjRefTable *to, AjRefCursor *cursor, const AjRefTable *t)
{
	guint32 *map = g_new(guint32, t->keys->len + 1);

	for (guint i = 0; i < t->keys->len; i++)
		map[i] = aj_ref_slot(l, to, cursor, g_ptr_array_index(t->keys, i));
	return map;
}

enum { ENT = AJ_REF_ENTERPRISE, DIST = AJ_REF_DISTRICT, DEPT = AJ_REF_DEPARTMENT };

/* Every reference field of a record: its array, offset and table. */
static const struct {
	AjArray array;
	gsize offset;
	int table;
} ref_fields[] = {
	{ AJ_ARRAY_ENTERPRISES, offsetof(AjEnterprise, district), DIST },
	{ AJ_ARRAY_INSPECTIONS, offsetof(AjInspection, enterprise), ENT },
	{ AJ_ARRAY_INSPECTIONS, offsetof(AjInspection, department), DEPT },
	{ AJ_ARRAY_HAZARDS, offsetof(AjHazard, enterprise), ENT },
	{ AJ_ARRAY_PENALTIES, offsetof(AjPenalty, enterprise), ENT },
	{ AJ_ARRAY_PENALTIES, offsetof(AjPenalty, department), DEPT },
	{ AJ_ARRAY_ACCIDENTS, offsetof(AjAccident, enterprise), ENT },
	{ AJ_ARRAY_TRAININGS, offsetof(AjTraining, enterprise), ENT },
	{ AJ_ARRAY_REPORTS, offsetof(AjReport, enterprise), ENT },
	{ AJ_ARRAY_BLACKLISTS, offsetof(AjBlacklist, enterprise), ENT },
	{ AJ_ARRAY_NOMINATIONS, offsetof(AjNomination, enterprise), ENT },
	{ AJ_ARRAY_NOMINATIONS, offsetof(AjNomination, department), DEPT },
	{ AJ_ARRAY_EXPOSURES, offsetof(AjExposure, enterprise), ENT },
	{ AJ_ARRAY_EXPOSURES, offsetof(AjExposure, department), DEPT },
	{ AJ_ARRAY_BASELINES, offsetof(AjBaseline, district), DIST },
};

/* The part's records refer to the load's slots from here on (before they
 * move). */
static void remap_refs(AjLoader *l, AjPart *p)
{
	guint32 *maps[] = {
		[ENT] = global_slots(l, &l->enterprise_refs, &l->cursors[0], &p->l.enterprise_refs),
		[DIST] = global_slots(l, &l->district_refs, NULL, &p->l.district_refs),
		[DEPT] = global_slots(l, &l->department_refs, NULL, &p->l.department_refs),
	};

	for (gsize k = 0; k < G_N_ELEMENTS(ref_fields); k++) {
		GArray *a = *aj_model_array(p->l.model, ref_fields[k].array);
		gsize size = g_array_get_element_size(a);
		guint n = a->len;
		char *rec = a->data;
		const guint32 *map = maps[ref_fields[k].table];
		for (guint i = 0; i < n; i++, rec += size) {
			guint32 *field = (guint32 *)(void *)(rec + ref_fields[k].offset);
			if (*field != AJ_NONE)
				*field = map[*field];
		}
	}
	for (gsize t = 0; t < G_N_ELEMENTS(maps); t++)
		g_free(maps[t]);
}

/* data-format.md: enterprise and department ids are unique; the first one
 * is kept in the model's index. */
static void unique_enterprise(AjLoader *l, guint32 i)
{
	AjModel *m = l->model;
	AjEnterprise *e = AJ_ENTERPRISE(m, i);
	guint32 first = aj_model_enterprise_index(m, e->id);

	if (first != AJ_NONE) {
		char *at = aj_model_loc_string(m, AJ_ENTERPRISE(m, first)->loc);
		aj_loader_repeat(l, e->loc, AJ_ENTERPRISE(m, first)->loc,
				 _("duplicate enterprise id %s (first at %s); merge the two records"),
				 e->id, at);
		g_free(at);
	} else {
		g_hash_table_insert(m->enterprise_by_id, (gpointer)e->id, GUINT_TO_POINTER(i + 1));
	}
}

static void unique_department(AjLoader *l, guint32 i)
{
	AjModel *m = l->model;
	AjDepartment *d = &g_array_index(m->departments, AjDepartment, i);
	guint32 first = aj_model_department_index(m, d->id);

	if (first != AJ_NONE) {
		AjLoc was = g_array_index(m->departments, AjDepartment, first).loc;
		char *at = aj_model_loc_string(m, was), *shown = aj_visible(d->id);
		aj_loader_repeat(l, d->loc, was, _("duplicate department id '%s' (first at %s); give "
						   "each department its own id"), shown, at);
		g_free(shown);
		g_free(at);
	} else {
		g_hash_table_insert(m->department_by_id, (gpointer)d->id, GUINT_TO_POINTER(i + 1));
	}
}

/* Adds a part's message to the load's errors (it was formatted where it was
 * met); the load's loader counts it towards the stop. */
static void add(AjLoader *l, AjPart *p, guint32 index)
{
	char *msg = g_ptr_array_index(p->l.errors, index);

	g_ptr_array_index(p->l.errors, index) = NULL;
	g_ptr_array_add(l->errors, msg);
	l->last_error = l->errors->len;
	if (l->errors->len >= AJ_LOAD_MAX_ERRORS)
		l->stop = TRUE;
}

void aj_merge_part(AjLoader *l, AjPart *p)
{
	guint before = l->errors->len; /* this file's errors so far */

	if (l->stop)
		return; /* a file-by-file reading would not have opened it */
	remap_refs(l, p);
	move_records(l, p);
	guint last = 0; /* index + 1 in l of the part's error just added, 0 if not */

	for (guint i = 0; i < p->l.events->len && !l->stop; i++) {
		const AjEvent *ev = &g_array_index(p->l.events, AjEvent, i);
		switch ((AjEventType)ev->type) {
		case AJ_EVENT_UNREADABLE:
			l->unreadable = TRUE;
			/* fall through */
		case AJ_EVENT_ERROR:
			add(l, p, ev->index);
			last = l->errors->len;
			break;
		case AJ_EVENT_SCHEMA:
			last = 0;
			if (l->errors->len == before) {
				add(l, p, ev->index);
				last = l->errors->len;
				l->schema_errors++;
			}
			break;
		case AJ_EVENT_LOST:
			if (last == 0)
				break;
			if (l->lost[ev->kind] == NULL)
				l->lost[ev->kind] = g_hash_table_new(g_str_hash, g_str_equal);
			g_hash_table_insert(l->lost[ev->kind], (gpointer)ev->id, GUINT_TO_POINTER(last));
			break;
		case AJ_EVENT_CUT:
			if (last != 0 && l->cut == 0)
				l->cut = last;
			break;
		case AJ_EVENT_ID:
			aj_loader_check_id(l, (AjIdKind)ev->kind, ev->id, ev->loc);
			break;
		case AJ_EVENT_ENTERPRISE:
			unique_enterprise(l, p->first[AJ_ARRAY_ENTERPRISES] + ev->index);
			break;
		case AJ_EVENT_DEPARTMENT:
			unique_department(l, p->first[AJ_ARRAY_DEPARTMENTS] + ev->index);
			break;
		}
	}
}
