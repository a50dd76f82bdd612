#include "util/lazylib.h"

#include <dlfcn.h>
#include <string.h>

#include "util/error.h"
#include "util/i18n.h"

typedef struct {
	AjLazyLib *lib;
	const char *soname;
	AjLazyFill fill;
	gpointer data;
} Opening;

static gpointer open_once(gpointer data)
{
	Opening *o = data;
	/* RTLD_LOCAL: its symbols stay out of the way of everything else */
	void *handle = dlopen(o->soname, RTLD_NOW | RTLD_LOCAL);
	const char *why;

	if (handle == NULL || !o->fill(handle, o->data)) {
		why = dlerror();
		o->lib->error = g_strdup(why != NULL ? why : "a function is missing");
	}
	return NULL;
}

gboolean aj_lazy_open(AjLazyLib *lib, const char *soname, const char *what, AjLazyFill fill,
		      gpointer data, GError **err)
{
	Opening o = { lib, soname, fill, data };

	g_once(&lib->once, open_once, &o);
	if (lib->error == NULL)
		return TRUE;
	/* TRANSLATORS: the library file, its loader's reason, what needs it
	 * ("PDF/A", "OFD") */
	g_set_error(err, AJ_ERROR, EX_UNAVAILABLE,
		    _("cannot load %s (%s), which %s output needs; install it "
		      "(scripts/install-deps)"), soname, lib->error, what);
	return FALSE;
}

gboolean aj_lazy_symbol(void *handle, const char *name, void *slot)
{
	void *f;

	dlerror();
	f = dlsym(handle, name);
	memcpy(slot, &f, sizeof f); /* POSIX: a function's address fits in a void * */
	return f != NULL;
}
