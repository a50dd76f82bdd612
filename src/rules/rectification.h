/* Section 4 of documents.md: rectification tables of problem lists and the
 * hazard-supervision (挂牌督办) table.
 *
 * Ownership: every GArray returned belongs to the caller
 * (g_array_free(a, TRUE)); the pointers in the rows point into the model.
 */
#ifndef AJ_RULES_RECTIFICATION_H
#define AJ_RULES_RECTIFICATION_H

#include "rules/percent.h"
#include "rules/period.h"

typedef struct {
	guint aspect;              /* index into the list's aspects */
	const AjProblem *problem;
	AjProblemStatus status;    /* at as-of: done closed after as-of is in progress */
	gboolean overdue;          /* in progress at as-of, deadline before as-of */
	const AjProgress *latest;  /* newest progress dated on or before as-of, or NULL */
} AjRectRow;

typedef struct {
	guint total, done, in_progress, long_term, overdue;
	AjPercent rate; /* done / total */
} AjRectSummary;

/* Indexes (guint32) of the problem lists issued on or before asof, ordered
 * by issue date, then id: their position is the document's serial. */
GArray *aj_problem_lists_due(const AjModel *model, AjDay asof);
/* Rows of one list in document order (aspect by aspect); fills *sum. */
GArray *aj_rectification_rows(const AjProblemList *list, AjDay asof, AjRectSummary *sum);
const char *aj_problem_status_code(AjProblemStatus s); /* "done", "in-progress", … */

typedef struct {
	guint32 hazard;       /* index into model->hazards */
	gboolean rectified;   /* rectified in M (on or before as-of) */
	gint64 days_overdue;  /* open with deadline before as-of: as-of - deadline; else 0 */
} AjSupervisedRow;

/* Every listed major hazard open at as-of or rectified in M, ordered by
 * district code, credit code, found date, then id. */
GArray *aj_supervised_hazards(const AjModel *model, const AjPeriod *p);

#endif
