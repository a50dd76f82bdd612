/* STUB: replaced by the loader (issue 2). */
#include "load/load.h"
#include "util/error.h"

AjModel *aj_load_dir(const char *dir, GError **err)
{
	g_set_error(err, AJ_ERROR, EX_SOFTWARE, "%s: loading is not implemented yet", dir);
	return NULL;
}
