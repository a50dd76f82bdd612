/* Section 2 of documents.md: the exposed list (曝光企业名单) of month M.
 *
 * Ownership: aj_exposed_list() returns a GArray of AjExposedRow that the
 * caller frees with aj_exposed_list_free() (it frees the rows' arrays).
 */
#ifndef AJ_RULES_EXPOSED_H
#define AJ_RULES_EXPOSED_H

#include "rules/period.h"

enum {
	AJ_X1 = 1 << 0, /* a major hazard overdue at as-of */
	AJ_X2 = 1 << 1, /* a penalty in M with suspension or serious */
	AJ_X3 = 1 << 2, /* an accident in M with deaths >= 1 */
	AJ_X4 = 1 << 3, /* a blacklist entry whose from is in M */
	AJ_X5 = 1 << 4, /* an <exposure> for M */
	AJ_X_COUNT = 5
};

typedef struct {
	guint32 enterprise;
	guint reasons; /* AJ_X* bits */
	/* Indexes (guint32) of the records behind each reason, model order. */
	GArray *hazards, *penalties, *accidents, *blacklists, *exposures;
} AjExposedRow;

/* Rows ordered by district code, then credit code. */
GArray *aj_exposed_list(const AjModel *model, const AjPeriod *p);
void aj_exposed_list_free(GArray *rows);
/* "X1" … "X5" for reason bit index 0 … 4. */
const char *aj_exposed_code(int bit);

/* Orders enterprise indexes by district code, then credit code. */
int aj_enterprise_order(const AjModel *model, guint32 a, guint32 b);

#endif
