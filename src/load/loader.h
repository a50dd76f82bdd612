/* Internals of the loader, shared by the files of load/.
 *
 * Files are independent until references are resolved, so each is read on
 * its own (on --jobs threads) into an AjPart: an AjLoader of its own whose
 * model holds that file's records only.  What needs the files before it
 * (ids and enterprise / department ids that must be unique) is not checked
 * while reading: the part keeps, in reading order, AjEvents for its errors
 * and those ids.  merge.c then replays the parts in path order into the
 * one AjLoader of the load (its model, errors and id tables), so the
 * errors come in the order and words of a file-by-file reading, whatever
 * the threads did.
 *
 * References between records may point forward (files come in any order),
 * so while reading, a record's enterprise / district / department field
 * holds a *provisional* index into an AjRefTable: one slot per distinct
 * key, first the part's own, which the merge turns into the load's.
 * resolve.c maps those slots to real indices at the end and reports the
 * dangling ones at each record that uses them.
 *
 * Ownership: everything reachable from an AjLoader is freed by
 * aj_loader_clear(), except `model` once it has been handed out (set it to
 * NULL first).  Messages in `errors` are g_strdup'ed and freed with it.
 */
#ifndef AJ_LOAD_LOADER_H
#define AJ_LOAD_LOADER_H

#include <libxml/relaxng.h>

#include "model/model.h"

/* The office profile's name in a data directory (office.md): not data,
 * so the loader passes it over without a word. */
#define AJ_OFFICE_FILE "office.yml"
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

/* The tables references point into. */
typedef enum {
	AJ_REF_ENTERPRISE,
	AJ_REF_DISTRICT,
	AJ_REF_DEPARTMENT,
	AJ_REFS
} AjRefKind;

/* What a part saw, in reading order, that the merge replays. */
typedef enum {
	AJ_EVENT_ERROR,      /* errors[index] */
	AJ_EVENT_UNREADABLE, /* errors[index], and the file could not be opened */
	AJ_EVENT_SCHEMA,     /* errors[index], only if the file had no other error */
	AJ_EVENT_ID,         /* a record id of kind: unique among all files */
	AJ_EVENT_ENTERPRISE, /* enterprises[index] of the part: its id is unique */
	AJ_EVENT_DEPARTMENT, /* departments[index] of the part: its id is unique */
	AJ_EVENT_LOST,       /* the error just before lost the record with key id
			      * (table kind): references to it are its follow-ons */
	AJ_EVENT_CUT         /* the error just before stopped the reading of the file */
} AjEventType;

typedef struct {
	const char *id; /* AJ_EVENT_ID, AJ_EVENT_LOST: in the part's model strings */
	AjLoc loc;      /* AJ_EVENT_ID */
	guint32 index;
	guint8 type;    /* AjEventType */
	guint8 kind;    /* AjIdKind of AJ_EVENT_ID, AjRefKind of AJ_EVENT_LOST */
} AjEvent;

/* Errors that follow from one already reported are not reported again but
 * counted into it ("and 19 records that refer to it"), by kind. */
typedef enum {
	AJ_FOLLOW_REFS,    /* references to a record whose defining error this is */
	AJ_FOLLOW_SAME,    /* more references to the same missing record */
	AJ_FOLLOW_REPEATS, /* more records of this file repeating ones of `of` */
	AJ_FOLLOW_UNREAD,  /* dangling references while a file was not read whole */
	AJ_FOLLOWS
} AjFollowKind;

typedef struct {
	guint count[AJ_FOLLOWS];
	guint32 of; /* AJ_FOLLOW_REPEATS: the file repeated */
} AjFollow;

/* The model's record arrays (aj_model_array()). */
typedef enum {
	AJ_ARRAY_DISTRICTS,
	AJ_ARRAY_DEPARTMENTS,
	AJ_ARRAY_ENTERPRISES,
	AJ_ARRAY_INSPECTIONS,
	AJ_ARRAY_HAZARDS,
	AJ_ARRAY_PENALTIES,
	AJ_ARRAY_ACCIDENTS,
	AJ_ARRAY_TRAININGS,
	AJ_ARRAY_REPORTS,
	AJ_ARRAY_BLACKLISTS,
	AJ_ARRAY_NOMINATIONS,
	AJ_ARRAY_EXPOSURES,
	AJ_ARRAY_BASELINES,
	AJ_ARRAY_PROBLEM_LISTS,
	AJ_ARRAYS
} AjArray;

typedef struct {
	AjModel *model;
	GPtrArray *errors; /* char *: "path:line: what is wrong; what to do" */
	GArray *events;    /* AjEvent; a part's loader only (errors then holds messages) */
	GStringChunk *ref_strings; /* a part's: the keys of its slots, freed after the merge */
	guint counted;     /* a part: its errors that count towards stop */
	gboolean stop;     /* AJ_LOAD_MAX_ERRORS reached */
	gboolean unreadable; /* a file could not be opened: EX_NOINPUT, not EX_DATAERR */
	/* Validate against the embedded schema (the load's flag, before
	 * aj_load_files()).  On for every load (aj_loader_init): the data
	 * format's contract is that the shipped schema validates every input.
	 * The loader's own checks (shape.c, attrs.c, values.c) must still find
	 * everything the schema finds, so that each error comes with the
	 * loader's own words; the fuzz target and test_load turn the flag off
	 * to show that: schema_errors counts the files whose only error was
	 * the schema's. */
	gboolean schema;
	guint schema_errors;

	AjRefTable enterprise_refs, district_refs, department_refs;
	AjRefCursor cursors[AJ_REF_CURSORS]; /* into enterprise_refs, by record kind (the
					      * load's: [0] maps the parts' slots) */
	/* Per kind: id text -> where it was first read (AjLoc packed in a pointer).
	 * Keys are model strings. */
	GHashTable *ids[AJ_ID_KINDS];

	/* The load's: follow-on errors counted into their cause. */
	GHashTable *lost[AJ_REFS]; /* key (model string) -> index + 1 of the error */
	GHashTable *follows;       /* error index -> AjFollow */
	GHashTable *repeats;       /* file << 32 | earlier file -> index + 1 of the error */
	guint cut;                 /* index + 1 of the first error that cut a file short */
	guint last_error;          /* index + 1 of the error just recorded, 0 if dropped */

	/* The load's: the parts' record arrays the merge has taken but not yet
	 * joined (GArray *, by AjArray), and how many records they hold;
	 * aj_merge_finish() joins them at once, so each record is copied once
	 * instead of at every doubling of the model's array. */
	GPtrArray *parked[AJ_ARRAYS];
	guint parked_len[AJ_ARRAYS];

	/* The file being read. */
	guint32 file;
	const char *path;
} AjLoader;

void aj_loader_init(AjLoader *l);
void aj_loader_clear(AjLoader *l);

/* One file as read on its own; `first` says where its records start in
 * the merged model's arrays (by AjArray), set by the merge. */
typedef struct {
	AjLoader l; /* l.events set: errors and ids wait for the merge */
	guint32 first[AJ_ARRAYS], count[AJ_ARRAYS];
} AjPart;

/* The model's record arrays by AjArray. */
GArray **aj_model_array(AjModel *m, AjArray a);

/* Reads paths (in that order; l->model->files gets them) on jobs threads
 * and merges them into l; then resolves unless l->stop.  Errors go to
 * l->errors; FALSE only when the schema does not compile (err set). */
gboolean aj_load_files(AjLoader *l, GPtrArray *paths, int jobs, GError **err);

/* Records an error "path:line: message" for the current file (line 0: no
 * line).  Sets l->stop once AJ_LOAD_MAX_ERRORS are recorded. */
void aj_loader_error(AjLoader *l, guint line, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* The same for a record already stored, at its own location. */
void aj_loader_error_at(AjLoader *l, AjLoc loc, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* The provisional slot of a key (any string; interned when new); cursor
 * may be NULL.  With a cursor, a part's table is not indexed: a key the
 * cursor does not guess gets a new slot. */
guint32 aj_ref_slot(AjLoader *l, AjRefTable *t, AjRefCursor *cursor, const char *key);

/* The error just recorded lost the record with key of table kind (its id
 * or code was wrong): references to it count into that error. */
void aj_loader_lost(AjLoader *l, AjRefKind kind, const char *key);
/* The error just recorded stopped the reading of the current file. */
void aj_loader_cut(AjLoader *l);
/* Counts a follow-on of error index (index < errors->len). */
AjFollow *aj_loader_follow(AjLoader *l, guint index, AjFollowKind kind);
/* A record at loc that repeats one read first at first (the message fmt
 * says both): reported, unless its file has repeated first's file already;
 * then counted into that message. */
void aj_loader_repeat(AjLoader *l, AjLoc loc, AjLoc first, const char *fmt, ...) G_GNUC_PRINTF(4, 5);
/* Appends the counts of follow-ons to the messages they follow. */
void aj_loader_note_follows(AjLoader *l);

/* Stores the id of a record of kind at loc and returns the model's copy.
 * A part leaves the duplicate check to the merge (an AJ_EVENT_ID); the
 * load's loader checks it at once: aj_loader_check_id() reports a
 * duplicate with both places (id must live as long as the model). */
const char *aj_loader_id(AjLoader *l, AjIdKind kind, const char *id, AjLoc loc);
void aj_loader_check_id(AjLoader *l, AjIdKind kind, const char *id, AjLoc loc);

/* A part's record whose id must be unique among all files
 * (AJ_EVENT_ENTERPRISE, AJ_EVENT_DEPARTMENT: index in the part's array). */
void aj_loader_event(AjLoader *l, AjEventType type, guint32 index);

/* Gives the part's last event another type (AJ_EVENT_UNREADABLE,
 * AJ_EVENT_SCHEMA); nothing for the load's loader. */
void aj_loader_mark(AjLoader *l, AjEventType type);

/* The embedded schema (generated from schema/anjian-data.rng by
 * mk/loader.mk); aj_schema_compile() returns a schema the caller frees with
 * xmlRelaxNGFree(), or NULL with *err set (EX_SOFTWARE: a build defect). */
extern const char aj_schema_rng[];
extern const size_t aj_schema_rng_len;
xmlRelaxNGPtr aj_schema_compile(GError **err);

/* Streams the part's file (l->path, l->file) into its own model, validated
 * against schema unless that is NULL; errors and ids become events.  Returns FALSE when the file could not be read at
 * all (also recorded as an error). */
gboolean aj_read_file(AjLoader *l, xmlRelaxNGPtr schema);

/* merge.c: replays a part into l (errors, id checks), moves its records and
 * strings into l->model and its slots into l's tables; call it for the
 * parts in path order.  Nothing once l->stop is set. */
void aj_merge_part(AjLoader *l, AjPart *p);
/* After the last aj_merge_part(): the records of every merged part in the
 * model's arrays (before anything reads them beyond the enterprises and
 * departments). */
void aj_merge_finish(AjLoader *l);

/* After every file: resolves references, checks duplicates, sorts the
 * districts by code.  Errors go to l->errors. */
void aj_resolve(AjLoader *l);

/* Duplicate trainings (baseline FALSE) or baselines of resolved records:
 * by a bitmap when it fits, else by sorting (both exposed for tests). */
void aj_month_dups(AjLoader *l, gboolean baseline);
void aj_month_dups_sorted(AjLoader *l, gboolean baseline);

#endif
