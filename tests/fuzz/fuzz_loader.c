/* libFuzzer target: the data loader (libxml2 reader + embedded RELAX NG
 * schema + the loader's own value and cross-record checks).  The schema
 * is also the oracle here: an input it rejects while the loader's own
 * checks find nothing is a failure, since every error must come in the
 * loader's own words.
 *
 * The input is one data file.  It is written to a private temporary
 * directory and read through the same steps as aj_load_dir() (one file,
 * then the merge and the cross-file resolution).  Any input
 * must end in a model or in error messages that name the file; nothing may
 * crash, leak, hang or expand an entity.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "load/loader.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	char *path;
	GPtrArray *paths;
} Fixture;

/* The harness's one process-wide fixture: libFuzzer gives no place to keep
 * state between calls. */
static Fixture *fixture(void)
{
	static Fixture f;

	if (f.path == NULL) {
		char *dir = g_dir_make_tmp("fuzz-loader-XXXXXX", NULL);

		if (dir == NULL)
			abort();
		f.path = g_build_filename(dir, "data.xml", NULL);
		f.paths = g_ptr_array_new();
		g_ptr_array_add(f.paths, f.path);
		g_free(dir);
	}
	return &f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Fixture *f = fixture();
	AjLoader l;

	if (!g_file_set_contents(f->path, (const char *)data, (gssize)size, NULL))
		abort();
	aj_loader_init(&l);
	l.schema = TRUE;
	if (!aj_load_files(&l, f->paths, 1, NULL))
		abort();
	/* The loader's own checks must reject whatever the embedded schema
	 * rejects. */
	if (l.schema_errors > 0)
		__builtin_trap();
	/* Every error is located in the file it came from. */
	for (guint i = 0; i < l.errors->len; i++)
		if (!g_str_has_prefix(g_ptr_array_index(l.errors, i), f->path))
			__builtin_trap();
	aj_loader_clear(&l);
	return 0;
}
