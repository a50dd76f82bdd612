/* One enterprise at a time (一企一档, 双公示): its records found through an
 * index built once, the publicity lists it was on, and the facts its public
 * page shows.
 *
 * An office has tens of thousands of enterprises and each page or dossier
 * needs only its own records, so AjEntRecords lists, per enterprise, the
 * indexes of its records of every kind (one pass over the model), and
 * AjEntListings inverts the exposed and exemplar lists of every month and
 * quarter (rules/exposed.h, rules/exemplars.h, computed once each) into
 * what each enterprise was on.  aj_ent_public() then costs only the
 * enterprise's own records.
 *
 * The public facts (what 双公示 and the committee's plan make public):
 * penalties decided within the publicity window (the `years` before as-of),
 * the exposed and exemplar lists of that window that name it, its listed
 * (挂牌督办) major hazards open at as-of, joint punishment (blacklist) in
 * effect at as-of, and its duties' state at as-of.  Reports, informants and
 * internal documents (the veto review) never enter them.
 *
 * Ownership: aj_ent_records_new() and aj_ent_listings_new() return tables
 * freed with their _free(); the arrays they hand out are theirs.
 * aj_ent_public_init() sets up an AjEntPublic whose arrays
 * aj_ent_public_clear() frees; aj_ent_public() refills them, so one
 * AjEntPublic serves many enterprises (one per thread).
 */
#ifndef AJ_RULES_ENTERPRISE_H
#define AJ_RULES_ENTERPRISE_H

#include "rules/obligations.h"
#include "rules/period.h"

typedef enum {
	AJ_REC_INSPECTION,
	AJ_REC_HAZARD,
	AJ_REC_PENALTY,
	AJ_REC_ACCIDENT,
	AJ_REC_TRAINING,
	AJ_REC_REPORT,
	AJ_REC_BLACKLIST,
	AJ_REC_NOMINATION,
	AJ_REC_EXPOSURE,
	AJ_REC_KINDS
} AjRecKind;

typedef struct AjEntRecords AjEntRecords;

AjEntRecords *aj_ent_records_new(const AjModel *model);
void aj_ent_records_free(AjEntRecords *r);
/* The indexes (into the model's array of that kind) of ent's records, in
 * model order; *n gets their number. */
const guint32 *aj_ent_records(const AjEntRecords *r, AjRecKind kind, guint32 ent, guint *n);

/* The first and the last day any record is dated on (a monthly record: the
 * first day of its month); both AJ_DAY_NONE when there is none. */
void aj_records_days(const AjModel *model, AjDay *first, AjDay *last);

/* A month whose exposed list named the enterprise, with the reasons. */
typedef struct {
	AjMonth month;
	guint reasons; /* AJ_X* bits of rules/exposed.h */
} AjEntExposed;

typedef struct AjEntListings AjEntListings;

/* The exposed list of every month from the month of the first dated record
 * to the month of asof (each as of its last day, the last as of asof), and
 * the exemplar review of every quarter with nominations that ends by then
 * (as of its last day, or asof for the quarter of asof's month). */
AjEntListings *aj_ent_listings_new(const AjModel *model, AjDay asof);
void aj_ent_listings_free(AjEntListings *l);
/* Oldest first. */
const AjEntExposed *aj_ent_exposed(const AjEntListings *l, guint32 ent, guint *n);
/* Quarters whose exemplar list holds ent, oldest first. */
const AjQuarter *aj_ent_exemplar(const AjEntListings *l, guint32 ent, guint *n);
/* The vetoes (AJ_VETO bits) of a nomination; FALSE when its quarter's review
 * has not been made (the quarter ends after asof's month). */
gboolean aj_ent_nomination_vetoes(const AjEntListings *l, guint32 nomination, guint *vetoes);

/* The first day of the publicity window of `years` ending at asof: the
 * day after the same day `years` earlier (29 February: 1 March). */
AjDay aj_publicity_window_start(AjDay asof, int years);
/* The first day on which something dated `date` is outside that window
 * (the same day `years` later, or 1 March for 29 February). */
AjDay aj_publicity_window_left(AjDay date, int years);

typedef enum {
	AJ_GRADE_NONE,    /* never graded (by as-of) */
	AJ_GRADE_VALID,
	AJ_GRADE_EXPIRED, /* the latest grade's term is over */
	AJ_GRADE_REVOKED  /* the latest grade was revoked */
} AjGradeState;

typedef struct {
	AjDay asof, window_from;
	/* The last day by asof on which any of these facts changed (see
	 * aj_ent_public()): from then to asof they are the same. */
	AjDay changed;
	gboolean closed;
	AjGradeState grade_state;
	const AjGrade *grade;          /* the valid one, else the latest begun; NULL: none */
	AjDay commitment, self_inspection; /* for the year of as-of; AJ_DAY_NONE: none */
	AjDay responsibility_list;     /* latest published on or before as-of */
	AjDirectorNeed director_need;
	const AjSpan *director;        /* in office at as-of; NULL: none */
	gboolean insurance_required;
	const AjSpan *insurance;       /* valid at as-of; NULL: none */
	GArray *penalties;  /* guint32 penalty indexes in the window, newest first */
	GArray *hazards;    /* guint32: listed major hazards open at as-of, oldest first */
	GArray *blacklists; /* guint32: in effect at as-of */
	GArray *exposed;    /* AjEntExposed: months in the window, newest first */
	GArray *exemplar;   /* AjQuarter: quarters in the window, newest first */
} AjEntPublic;

void aj_ent_public_init(AjEntPublic *f);
void aj_ent_public_clear(AjEntPublic *f);
/* The public facts of ent at asof with a publicity window of `years`, and
 * the day they last changed: the latest of the first day of as-of's year
 * (the duties are the year's), a grade begun, ended or revoked, this
 * year's commitment and self-inspection, the latest responsibility list,
 * a director or policy begun or ended, a penalty decided or leaving the
 * window, a listed major hazard found, rectified or falling overdue, a
 * blacklisting begun or run out, a list naming it (as of its period's last
 * day, or as-of when that is earlier) or leaving the window.  Nothing else
 * (no report, no internal record) moves it; the facts have no dates of
 * their own for a name, an address or a closing, which change the page
 * without moving the day. */
void aj_ent_public(const AjModel *model, const AjEntRecords *r, const AjEntListings *l, guint32 ent,
		   AjDay asof, int years, AjEntPublic *f);

/* Open at asof: found by then and not rectified by then. */
gboolean aj_hazard_open(const AjHazard *h, AjDay asof);

#endif
