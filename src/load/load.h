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
/* The same on jobs threads (0: one per core).  The files are read apart and
 * merged in path order: the model and the errors do not depend on jobs. */
AjModel *aj_load_dir_jobs(const char *dir, int jobs, GError **err);

#endif
