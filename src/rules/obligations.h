/* An enterprise's duties and their state on a given day (data-format.md
 * "<enterprise>"): safety director rules A/B, liability insurance, valid
 * standardization grade, commitment and self-inspection of a year.
 *
 * `known` is the as-of date: a record dated after it does not exist yet
 * (documents.md: records dated after as-of are ignored everywhere).
 * Pure functions; nothing allocated.
 */
#ifndef AJ_RULES_OBLIGATIONS_H
#define AJ_RULES_OBLIGATIONS_H

#include "model/model.h"

typedef enum { AJ_DIRECTOR_NOT_REQUIRED, AJ_DIRECTOR_ENCOURAGED, AJ_DIRECTOR_REQUIRED } AjDirectorNeed;

/* Rule A: employees >= 100 or revenue >= 2000 万元; rule B (化工): revenue
 * >= 2000 万元 whatever the headcount; otherwise encouraged when 规模以上. */
AjDirectorNeed aj_director_need(const AjEnterprise *e);
const char *aj_director_need_code(AjDirectorNeed n); /* "required", … */
gboolean aj_insurance_required(const AjEnterprise *e);

/* A director whose term contains day (from <= day, to absent or >= day). */
gboolean aj_director_in_office(const AjEnterprise *e, AjDay day, AjDay known);
/* That term (the first in document order), NULL when none. */
const AjSpan *aj_director_on(const AjEnterprise *e, AjDay day, AjDay known);
/* A grade with from <= day <= to, not revoked on or before day. */
gboolean aj_grade_valid(const AjEnterprise *e, AjDay day, AjDay known);
/* The valid grade (1..3) on day, 0 when none. */
int aj_grade_on(const AjEnterprise *e, AjDay day, AjDay known);
/* The record of that grade (the best when several are valid), NULL when none. */
const AjGrade *aj_grade_record_on(const AjEnterprise *e, AjDay day, AjDay known);
gboolean aj_insurance_valid(const AjEnterprise *e, AjDay day, AjDay known);
const AjSpan *aj_insurance_on(const AjEnterprise *e, AjDay day, AjDay known);
/* A commitment / self-inspection for year dated on or before day. */
gboolean aj_commitment_signed(const AjEnterprise *e, int year, AjDay day, AjDay known);
gboolean aj_self_inspection_reported(const AjEnterprise *e, int year, AjDay day, AjDay known);
gboolean aj_responsibility_list_published(const AjEnterprise *e, AjDay day, AjDay known);
/* The dates behind those answers: the commitment / self-inspection for year
 * and the latest responsibility list, dated on or before day; AJ_DAY_NONE
 * when there is none. */
AjDay aj_commitment_date(const AjEnterprise *e, int year, AjDay day, AjDay known);
AjDay aj_self_inspection_date(const AjEnterprise *e, int year, AjDay day, AjDay known);
AjDay aj_responsibility_list_date(const AjEnterprise *e, AjDay day, AjDay known);

#endif
