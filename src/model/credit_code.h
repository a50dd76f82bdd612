/* The 统一社会信用代码 (unified social credit code, GB 32100-2015).
 *
 * 18 characters from the 31-character set 0-9 A-H J-N P Q R T U W X Y;
 * the last one is a check character over the first 17 (weights 3^(i-1)
 * mod 31).  Published lists name enterprises by this code, so a code whose
 * check character is wrong names the wrong enterprise and is rejected.
 *
 * Nothing here allocates.
 */
#ifndef AJ_CREDIT_CODE_H
#define AJ_CREDIT_CODE_H

#include <glib.h>

/* TRUE when s is exactly 18 characters of the code set, positions 3-8
 * digits, and the check character matches. */
gboolean aj_credit_code_valid(const char *s);

/* The check character for the first 17 characters of s, or '\0' when one
 * of them is outside the code set. */
char aj_credit_code_check_char(const char *s);

#endif
