/* The loaded data set: every record of data-format.md in compact form.
 *
 * The loader (load/) fills an AjModel; the rules (rules/) only read it.
 * Records live in GArrays of plain structs, referenced by index, so a
 * province-sized data set costs a few words per record.  Strings are
 * interned in GStringChunks owned by the model (one per file the loader
 * read): a record's `const char *` fields point into them and are never
 * freed on their own.  Equal strings need not be the same pointer.
 *
 * What is NOT here: the <informant> of a report.  The loader validates it
 * and drops it, so no later stage can leak it.
 *
 * Ownership: aj_model_new() returns a model that the caller frees with
 * aj_model_free(), which frees every array, string and index in it.
 */
#ifndef AJ_MODEL_H
#define AJ_MODEL_H

#include <glib.h>
#include <stdint.h>

#include "model/dates.h"

/* Money is kept in fen (1/100 yuan, or 1/100 万元 for revenue): the input has
 * at most two decimals, so integer arithmetic is exact. */
typedef int64_t AjFen;

/* Where a record came from, for messages: index into AjModel.files, line. */
typedef struct {
	guint32 file;
	guint32 line;
} AjLoc;

#define AJ_NONE G_MAXUINT32 /* an absent index (report without enterprise) */

typedef enum {
	AJ_IND_MINING,
	AJ_IND_CONSTRUCTION,
	AJ_IND_TRANSPORT,
	AJ_IND_HAZARDOUS_CHEMICALS,
	AJ_IND_METALLURGY,
	AJ_IND_DUST_EXPLOSION,
	AJ_IND_AMMONIA_REFRIGERATION,
	AJ_IND_SHIPBUILDING,
	AJ_IND_CHEMICAL,
	AJ_IND_FIREWORKS,
	AJ_IND_EXPLOSIVES,
	AJ_IND_FISHERY,
	AJ_IND_MANUFACTURING,
	AJ_IND_TRADE,
	AJ_IND_OTHER,
	AJ_IND_COUNT
} AjIndustry;

typedef enum { AJ_DIRECTOR_RULE_NONE, AJ_DIRECTOR_RULE_A, AJ_DIRECTOR_RULE_B } AjDirectorRule;

typedef struct {
	const char *code; /* industry code of data-format.md, e.g. "mining" */
	const char *label; /* 行业, e.g. "矿山" */
	AjDirectorRule director_rule;
	gboolean insurance_required;
} AjIndustryInfo;

/* The fixed industry table of data-format.md, indexed by AjIndustry. */
const AjIndustryInfo *aj_industry_info(AjIndustry ind);
/* Returns TRUE and sets *out when code names an industry. */
gboolean aj_industry_from_code(const char *code, AjIndustry *out);

typedef struct {
	const char *code; /* 6-digit administrative code */
	const char *name;
	AjLoc loc;
} AjDistrict;

typedef struct {
	const char *id;
	const char *name;
	AjLoc loc;
} AjDepartment;

typedef struct {
	guint8 grade; /* 1, 2 or 3 */
	AjDay from, to, revoked; /* revoked = AJ_DAY_NONE when not revoked */
} AjGrade;

typedef struct {
	AjDay from, to; /* to = AJ_DAY_NONE: still running */
} AjSpan;

typedef struct {
	guint16 year;
	AjDay date; /* signed / reported */
} AjYearly;

typedef struct {
	const char *id; /* 统一社会信用代码, already checked */
	const char *name;
	const char *address;
	guint32 district; /* index into AjModel.districts */
	AjIndustry industry;
	gboolean scale_above;
	gboolean closed;
	guint32 employees;
	AjFen revenue; /* 万元 × 100 */
	/* Histories, each in document order; NULL when the enterprise has none.
	 * Owned by the model. */
	GArray *grades;           /* AjGrade */
	GArray *directors;        /* AjSpan */
	GArray *commitments;      /* AjYearly: year, signed */
	GArray *self_inspections; /* AjYearly: year, reported */
	GArray *responsibility_lists; /* AjDay: published */
	GArray *insurances;       /* AjSpan */
	AjLoc loc;
} AjEnterprise;

typedef enum {
	AJ_MODE_DOUBLE_RANDOM,
	AJ_MODE_FOUR_NO_TWO_DIRECT,
	AJ_MODE_COVERT,
	AJ_MODE_JOINT,
	AJ_MODE_ROUTINE
} AjInspectionMode;

typedef struct {
	const char *id;
	guint32 enterprise, department;
	AjDay date;
	AjInspectionMode mode;
	AjLoc loc;
} AjInspection;

typedef enum { AJ_LISTED_NONE, AJ_LISTED_DISTRICT, AJ_LISTED_CITY, AJ_LISTED_PROVINCE } AjListed;

typedef struct {
	const char *id;
	guint32 enterprise;
	gboolean major;
	AjDay found, deadline, rectified; /* rectified = AJ_DAY_NONE: open */
	AjListed listed;
	const char *description;
	AjLoc loc;
} AjHazard;

typedef struct {
	const char *id;
	guint32 enterprise, department;
	AjDay date;
	AjFen fine;
	gboolean suspension, serious;
	const char *violation;
	AjLoc loc;
} AjPenalty;

typedef struct {
	const char *id;
	guint32 enterprise;
	AjDay date;
	const char *type;
	guint32 deaths, injuries;
	AjFen loss;
	const char *summary; /* NULL when absent */
	AjLoc loc;
} AjAccident;

typedef struct {
	guint32 enterprise;
	AjMonth month;
	guint32 staff, trained, drills, warning_education;
	AjLoc loc;
} AjTraining;

typedef enum { AJ_TRI_UNSET, AJ_TRI_FALSE, AJ_TRI_TRUE } AjTri;

typedef struct {
	const char *id;
	guint32 enterprise; /* AJ_NONE: about an unknown workplace */
	AjDay received, deadline, replied; /* replied = AJ_DAY_NONE when absent */
	AjTri substantiated;
	AjFen reward; /* -1 when absent */
	gboolean anonymous; /* no <informant>; the informant text itself is never kept */
	const char *content;
	AjLoc loc;
} AjReport;

typedef struct {
	guint32 enterprise;
	AjDay from, to; /* to = AJ_DAY_NONE: not ended */
	const char *reason;
	AjLoc loc;
} AjBlacklist;

typedef struct {
	guint32 enterprise, department;
	AjQuarter quarter;
	const char *reason; /* NULL when absent */
	AjLoc loc;
} AjNomination;

typedef struct {
	guint32 enterprise, department;
	AjMonth month;
	const char *problem;
	const char *handling; /* NULL when absent */
	AjLoc loc;
} AjExposure;

typedef struct {
	guint32 district;
	AjMonth month;
	guint32 inspections, penalties, accidents, deaths;
	AjFen fines;
	AjLoc loc;
} AjBaseline;

typedef enum { AJ_PROBLEM_DONE, AJ_PROBLEM_IN_PROGRESS, AJ_PROBLEM_LONG_TERM } AjProblemStatus;

typedef struct {
	AjDay date;
	const char *text;
} AjProgress;

typedef struct {
	const char *id;
	const char *responsible;
	AjDay deadline; /* AJ_DAY_NONE only with long-term */
	AjProblemStatus status;
	AjDay closed; /* set only with done */
	const char *description;
	const char *measures; /* NULL when absent */
	GArray *progress; /* AjProgress, newest last; NULL when none */
	AjLoc loc;
} AjProblem;

typedef struct {
	const char *title;
	GArray *problems; /* AjProblem */
} AjAspect;

typedef struct {
	const char *id, *source, *batch;
	AjDay issued;
	GArray *aspects; /* AjAspect */
	AjLoc loc;
} AjProblemList;

typedef struct {
	GStringChunk *strings; /* every const char * above points in here */
	GPtrArray *more_strings; /* or in one of these (GStringChunk *: files read apart) */
	GPtrArray *files;      /* char *, the input paths in read order */

	GArray *districts;     /* AjDistrict, sorted by code after loading */
	GArray *departments;   /* AjDepartment */
	GArray *enterprises;   /* AjEnterprise */
	GArray *inspections;   /* AjInspection */
	GArray *hazards;       /* AjHazard */
	GArray *penalties;     /* AjPenalty */
	GArray *accidents;     /* AjAccident */
	GArray *trainings;     /* AjTraining */
	GArray *reports;       /* AjReport */
	GArray *blacklists;    /* AjBlacklist */
	GArray *nominations;   /* AjNomination */
	GArray *exposures;     /* AjExposure */
	GArray *baselines;     /* AjBaseline */
	GArray *problem_lists; /* AjProblemList */

	/* id → index + 1 (GUINT_TO_POINTER), keys in `strings`. */
	GHashTable *district_by_code;
	GHashTable *department_by_id;
	GHashTable *enterprise_by_id;
} AjModel;

AjModel *aj_model_new(void);
void aj_model_free(AjModel *model);

/* Interns s in the model's string chunk; returns the stored copy. */
const char *aj_model_intern(AjModel *model, const char *s);

/* "path:line" of a location, for messages; the caller frees it. */
char *aj_model_loc_string(const AjModel *model, AjLoc loc);

/* Lookups; return AJ_NONE when absent. */
guint32 aj_model_district_index(const AjModel *model, const char *code);
guint32 aj_model_department_index(const AjModel *model, const char *id);
guint32 aj_model_enterprise_index(const AjModel *model, const char *id);

#define AJ_ENTERPRISE(m, i) (&g_array_index((m)->enterprises, AjEnterprise, (i)))
#define AJ_DISTRICT(m, i) (&g_array_index((m)->districts, AjDistrict, (i)))

#endif
