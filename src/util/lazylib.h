/* Shared libraries opened at their first use.
 *
 * qpdf (PDF/A) and libzip (OFD) bring a dozen libraries with them (a C++
 * runtime's worth of symbols, two crypto stacks); linked, every run paid
 * for loading them, a fifth of a one-page `render`.  A file that uses such
 * a library names its functions in an X-macro list and resolves them here,
 * once, when its first document needs them (pdf/pdfa.c, ofd/zip.c):
 *
 *   #define QPDF_FUNCTIONS(X) X(init) X(cleanup)
 *   #define QPDF_FIELD(f) __typeof__(qpdf_##f) *f;
 *   static struct { QPDF_FUNCTIONS(QPDF_FIELD) } qp;     called as qp.init()
 *   fill(): each aj_lazy_symbol(handle, "qpdf_init", &qp.init)
 *   before the first call: aj_lazy_open(&lib, AJ_QPDF_SONAME, "PDF/A", fill, NULL, err)
 *
 * The library's SONAME comes from the build (Makefile, AJ_*_SONAME).  The
 * handle is never closed: the functions live as long as the process. */
#ifndef AJ_LAZYLIB_H
#define AJ_LAZYLIB_H

#include <glib.h>

/* Opens soname once (lib is the caller's static AJ_LAZY_LIB_INIT) and calls
 * fill(handle, data) to resolve the functions with aj_lazy_symbol().
 * FALSE with err set (EX_UNAVAILABLE, naming soname and what needs it)
 * when the library or one of its functions is missing, then and at every
 * later call. */
typedef gboolean (*AjLazyFill)(void *handle, gpointer data);
typedef struct {
	GOnce once;
	char *error; /* the reason it failed, NULL when loaded */
} AjLazyLib;
#define AJ_LAZY_LIB_INIT { G_ONCE_INIT, NULL }

gboolean aj_lazy_open(AjLazyLib *lib, const char *soname, const char *what, AjLazyFill fill,
		      gpointer data, GError **err);

/* *slot = the function name of handle; FALSE when it is missing.  slot is
 * the address of an AJ_LAZY_FIELD member. */
gboolean aj_lazy_symbol(void *handle, const char *name, void *slot);

#endif
