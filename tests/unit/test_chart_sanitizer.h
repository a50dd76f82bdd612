/* Leak checking for the chart tests (sanitizer build).
 *
 * fontconfig keeps its caches for the life of the process (and Pango fills
 * them from a thread of its own, so FcFini() at exit would race), and cairo
 * 1.16 leaks one buffer inside cairo_surface_finish() of a PDF with subset
 * fonts.  The suppressions are tests/lsan.supp, which `make SANITIZE=1`
 * passes in LSAN_OPTIONS (mk/fuzz.mk); run by hand, give it the same.
 * Full stacks let the suppressions name exactly those libraries'
 * own allocations; a Pango, Cairo or GLib object the charts forget to free
 * is allocated outside them and still fails the test, provided GLib
 * allocates with malloc (G_SLICE=always-malloc: slices would hide it).
 * Include once, in the test program's main file.
 */
#ifndef AJT_CHART_SANITIZER_H
#define AJT_CHART_SANITIZER_H

#include <pango/pangocairo.h>
#include <stdlib.h>
#include <unistd.h>

const char *__asan_default_options(void);

const char *__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}

/* First thing in main: GSlice reads G_SLICE when GLib loads, so the
 * program runs itself again with it set. */
static void ajt_slices_by_malloc(char **argv)
{
	if (getenv("G_SLICE") != NULL)
		return;
	setenv("G_SLICE", "always-malloc", 1);
	execv("/proc/self/exe", argv);
}

/* Group teardown: drops this thread's Pango font map and what it holds. */
static int ajt_release_font_map(void **state)
{
	(void)state;
	pango_cairo_font_map_set_default(NULL);
	return 0;
}

#endif
