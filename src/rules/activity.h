/* Whether the data holds anything for a month: a bulletin of zeros because
 * an export was not copied is the error users fear most
 * (../shared/spec/office.md, "Empty months").
 *
 * A record here is an inspection, penalty or accident (dated), a hazard
 * (found) or a report (received).  Pure functions of the model.
 */
#ifndef AJ_RULES_ACTIVITY_H
#define AJ_RULES_ACTIVITY_H

#include "rules/period.h"

typedef struct {
	AjDay day;  /* AJ_DAY_NONE: the data has no dated record at all */
	AjLoc loc;  /* where that record is */
} AjNewest;

/* The newest record of the whole data set. */
AjNewest aj_activity_newest(const AjModel *model);
/* TRUE when a record is dated within span. */
gboolean aj_activity_in(const AjModel *model, AjDaySpan span);

#endif
