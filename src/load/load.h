/* Loading a data directory: every *.xml below it, in sorted path order,
 * validated against schema/anjian-data.rng and the cross-record rules of
 * data-format.md, merged into one AjModel.
 *
 * Ownership: the returned model belongs to the caller (aj_model_free()).
 * On failure NULL is returned and *err says file:line and what to do, with
 * code EX_NOINPUT (no such directory, no files, a file that cannot be
 * opened) or EX_DATAERR.
 */
#ifndef AJ_LOAD_H
#define AJ_LOAD_H

#include "model/model.h"

AjModel *aj_load_dir(const char *dir, GError **err);

#endif
