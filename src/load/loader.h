/* Internals of the loader, shared by the files of load/.
 *
 * One AjLoader lives for one aj_load_dir() call: it owns the model being
 * built until the load succeeds, the error list and the reference tables.
 *
 * References between records may point forward (files come in any order),
 * so while reading, a record's enterprise / district / department field
 * holds a *provisional* index into an AjRefTable: one slot per distinct
 * interned key.  resolve.c maps the slots to real indices at the end and
 * reports the dangling ones at each record that uses them.
 *
 * Ownership: everything reachable from AjLoader is freed by
 * aj_loader_clear(), except `model` once it has been handed out (set it to
 * NULL first).  Error messages in `errors` are g_strdup'ed and freed with it.
 */
#ifndef AJ_LOAD_LOADER_H
#define AJ_LOAD_LOADER_H

#include <libxml/relaxng.h>

#include "model/model.h"

#define AJ_LOAD_MAX_ERRORS 20

typedef struct {
	GHashTable *slot_of; /* key text -> slot + 1; keys interned in the model */
	GPtrArray *keys;     /* slot -> interned key */
} AjRefTable;

/* Exports list records enterprise by enterprise, mostly in the same order
 * every month.  A cursor remembers, for one kind of record, the slot it
 * referred to last and which slot followed each slot the time before: the
 * guess costs one compare where a hash lookup costs a few cache misses. */
typedef struct {
	guint32 last;  /* AJ_NONE at first */
	GArray *next;  /* guint32 per slot: the slot that followed it, or AJ_NONE */
} AjRefCursor;

#define AJ_REF_CURSORS 16 /* one per record kind that refers to enterprises */

/* Record kinds whose ids must be unique (problems: across all lists). */
typedef enum {
	AJ_ID_INSPECTION,
	AJ_ID_HAZARD,
	AJ_ID_PENALTY,
	AJ_ID_ACCIDENT,
	AJ_ID_REPORT,
	AJ_ID_PROBLEM_LIST,
	AJ_ID_PROBLEM,
	AJ_ID_KINDS
} AjIdKind;

typedef struct {
	AjModel *model;
	GPtrArray *errors; /* char *: "path:line: what is wrong; what to do" */
	gboolean stop;     /* AJ_LOAD_MAX_ERRORS reached */
	gboolean unreadable; /* a file could not be opened: EX_NOINPUT, not EX_DATAERR */

	AjRefTable enterprise_refs, district_refs, department_refs;
	AjRefCursor cursors[AJ_REF_CURSORS]; /* into enterprise_refs, by record kind */
	/* Per kind: id text -> where it was first read (AjLoc packed in a pointer).
	 * Keys are model strings. */
	GHashTable *ids[AJ_ID_KINDS];

	/* The file being read. */
	guint32 file;
	const char *path;
} AjLoader;

void aj_loader_init(AjLoader *l);
void aj_loader_clear(AjLoader *l);

/* Records an error "path:line: message" for the current file (line 0: no
 * line).  Sets l->stop once AJ_LOAD_MAX_ERRORS are recorded. */
void aj_loader_error(AjLoader *l, guint line, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* The same for a record already stored, at its own location. */
void aj_loader_error_at(AjLoader *l, AjLoc loc, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* The provisional slot of a key (any string; interned when new); cursor
 * may be NULL. */
guint32 aj_ref_slot(AjLoader *l, AjRefTable *t, AjRefCursor *cursor, const char *key);

/* Stores the id of a record of kind at loc; a duplicate is reported with
 * both places.  Returns the model's copy. */
const char *aj_loader_id(AjLoader *l, AjIdKind kind, const char *what, const char *id, AjLoc loc);

/* The embedded schema (generated from schema/anjian-data.rng by
 * mk/loader.mk); aj_schema_compile() returns a schema the caller frees with
 * xmlRelaxNGFree(), or NULL with *err set (EX_SOFTWARE: a build defect). */
extern const char aj_schema_rng[];
extern const size_t aj_schema_rng_len;
xmlRelaxNGPtr aj_schema_compile(GError **err);

/* Streams one file into l->model; errors go to l->errors.  Returns FALSE
 * when the file could not be read at all (also recorded as an error). */
gboolean aj_read_file(AjLoader *l, xmlRelaxNGPtr schema);

/* After every file: resolves references, checks duplicates, sorts the
 * districts by code.  Errors go to l->errors. */
void aj_resolve(AjLoader *l);

/* Duplicate trainings (baseline FALSE) or baselines of resolved records:
 * by a bitmap when it fits, else by sorting (both exposed for tests). */
void aj_month_dups(AjLoader *l, gboolean baseline);
void aj_month_dups_sorted(AjLoader *l, gboolean baseline);

#endif
