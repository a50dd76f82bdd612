/* The 文号 (发文字号) of GB/T 9704: 代字〔YEAR〕N号, e.g. X安办通〔2026〕3号.
 * N counts the documents of one 代字 and year in order of issue; the
 * archive's register says how far it has got.
 *
 * Ownership: strings returned are the caller's (g_free()); a numbering
 * keeps a pointer to the register, which must outlive it.
 */
#ifndef AJ_REGISTER_NUMBER_H
#define AJ_REGISTER_NUMBER_H

#include "register/register.h"

char *aj_number_format(const char *prefix, int year, int n);
/* Splits a 文号; FALSE when it is not of that form.  *prefix: caller frees. */
gboolean aj_number_parse(const char *number, char **prefix, int *year, int *n);

/* Hands out the numbers a run would give, in order, starting where the
 * register ends for each 代字 and year. */
typedef struct AjNumbering AjNumbering;
AjNumbering *aj_numbering_new(const AjRegister *reg);
/* The next N of prefix and year (the first call starts after the register). */
int aj_numbering_next(AjNumbering *nb, const char *prefix, int year);
void aj_numbering_free(AjNumbering *nb);

#endif
