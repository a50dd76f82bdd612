/* The words documents and pages use for codes of the model and the rules
 * (曝光 reasons, vetoes, grades, 挂牌督办 levels, inspection modes, …), one
 * table each, shared by every context.
 *
 * Every string returned is static.
 */
#ifndef AJ_CONTEXT_LABELS_H
#define AJ_CONTEXT_LABELS_H

#include "rules/obligations.h"

/* Exposed-list reason of bit index 0..4 (X1..X5). */
const char *aj_label_exposed(int bit);
/* Veto Vn, n = 1..AJ_VETO_COUNT. */
const char *aj_label_veto(int n);
/* 一级 / 二级 / 三级; "" for 0. */
const char *aj_label_grade(int grade);
/* "district", "city", "province"; "" for none. */
const char *aj_code_listed(AjListed l);
/* 区级 / 市级 / 省级; "" for none. */
const char *aj_label_listed(AjListed l);
const char *aj_label_mode(AjInspectionMode mode);
/* 应配备 / 鼓励配备 / 不作要求 */
const char *aj_label_director_need(AjDirectorNeed n);

#endif
