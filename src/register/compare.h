/* Changed data under an issued document: the data file today's data would
 * give, compared value by value with the one in the archive, so the office
 * can decide on a correction (../shared/spec/office.md).
 *
 * Values are compared by place: an element is named by its key attribute
 * (code, enterprise, id, district, period) or its position among siblings
 * of its name, so a district's figure is compared with the same district's.
 * The 文号 (<meta number serial>) is the archive's, not data.
 *
 * Ownership: returned arrays are the caller's (g_ptr_array_unref()).
 */
#ifndef AJ_REGISTER_COMPARE_H
#define AJ_REGISTER_COMPARE_H

#include <libxml/tree.h>

#include "register/register.h"

/* "district 320508 inspections: 12 → 13" per changed value, in the order of
 * the new tree, then values that are gone ("… → —"). */
GPtrArray *aj_data_changes(xmlDocPtr old, xmlDocPtr now);

/* Compares now (a context numbered as e was) with e's data file in the
 * archive and warns, naming the document and every changed value.  TRUE
 * when something changed (or the archived file cannot be read: a warning
 * too). */
gboolean aj_archive_warn_changes(const char *archive, const AjRegEntry *e, xmlDocPtr now);

#endif
