/* Small hand-made models for unit tests: each helper appends one record to
 * the model and returns its index.  Dates are "YYYY-MM-DD" strings (NULL:
 * absent); a bad date aborts the test program, as a typo in a test should.
 *
 * Ownership: ajt_model_new() returns a model freed with aj_model_free();
 * every string is interned in it.
 */
#ifndef AJT_MODEL_BUILDER_H
#define AJT_MODEL_BUILDER_H

#include "model/model.h"
#include "office/office.h"

AjModel *ajt_model_new(void);
AjDay ajt_day(const char *ymd);
AjMonth ajt_month(const char *ym);

/* Districts must be added in code order (the loader sorts them). */
guint32 ajt_district(AjModel *m, const char *code, const char *name);
guint32 ajt_department(AjModel *m, const char *id, const char *name);
/* revenue_wan: 万元, whole. An active, "below"-scale enterprise. */
guint32 ajt_enterprise(AjModel *m, const char *id, const char *district_code, AjIndustry ind,
		       guint employees, gint64 revenue_wan);
AjEnterprise *ajt_ent(AjModel *m, guint32 ent);

void ajt_grade(AjModel *m, guint32 ent, int grade, const char *from, const char *to,
	       const char *revoked);
void ajt_director(AjModel *m, guint32 ent, const char *from, const char *to);
void ajt_insurance(AjModel *m, guint32 ent, const char *from, const char *to);
void ajt_commitment(AjModel *m, guint32 ent, int year, const char *signed_on);
void ajt_self_inspection(AjModel *m, guint32 ent, int year, const char *reported);
void ajt_responsibility_list(AjModel *m, guint32 ent, const char *published);

guint32 ajt_inspection(AjModel *m, guint32 ent, const char *date);
guint32 ajt_hazard(AjModel *m, guint32 ent, gboolean major, const char *found,
		   const char *deadline, const char *rectified, AjListed listed);
/* fine in yuan (whole). */
guint32 ajt_penalty(AjModel *m, guint32 ent, const char *date, gint64 fine_yuan,
		    gboolean suspension, gboolean serious);
guint32 ajt_accident(AjModel *m, guint32 ent, const char *date, guint deaths);
guint32 ajt_training(AjModel *m, guint32 ent, const char *month, guint staff, guint trained);
/* ent = AJ_NONE: a report about an unknown workplace. */
guint32 ajt_report(AjModel *m, guint32 ent, const char *received, const char *deadline,
		   const char *replied);
guint32 ajt_blacklist(AjModel *m, guint32 ent, const char *from, const char *to);
guint32 ajt_nomination(AjModel *m, guint32 ent, const char *quarter);
guint32 ajt_exposure(AjModel *m, guint32 ent, const char *month, const char *problem);
guint32 ajt_baseline(AjModel *m, const char *district_code, const char *month, guint inspections,
		     guint penalties, guint accidents, guint deaths);
/* A problem list with one aspect; add problems with ajt_problem. */
guint32 ajt_problem_list(AjModel *m, const char *id, const char *issued);
void ajt_problem(AjModel *m, guint32 list, const char *id, AjProblemStatus status,
		 const char *deadline, const char *closed);

/* The office of unit tests: 测试市安全生产委员会办公室, 代字 测安办通, 测安办曝, …
 * (no real city, so a test can tell the profile's words from the code's).
 * Freed with aj_office_free(). */
AjOffice *ajt_office(void);

#endif
