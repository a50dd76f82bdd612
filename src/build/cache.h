/* The render cache: a document whose context, templates, fonts and program
 * version are unchanged is not typeset again.
 *
 * A build keeps, in OUT/.cache, <key>.pdf, <key>.md and <key>.pages for
 * every document it rendered, where key = SHA-256 over the build's
 * fingerprint (program version and file, SOURCE_DATE_EPOCH, and what the
 * PDF writer says its output depends on, aj_pdf_fingerprint(): the role
 * font families, every file of the typesetter's font set with its size and
 * mtime, Pango's and Cairo's versions), the template
 * and each partial it names, and the context's bytes.  The next build links
 * those files from the old OUT into its temporary tree, so the swap stays
 * atomic and .cache holds only what the latest build used.  Files are only
 * ever replaced by rename, never rewritten, so sharing inodes is safe.
 * OUT/.cache is not in the manifest and not under OUT/site.
 *
 * Ownership: every returned string is the caller's (g_free()).
 */
#ifndef AJ_BUILD_CACHE_H
#define AJ_BUILD_CACHE_H

#include <glib.h>

#include "build/build.h"

#define AJ_CACHE_DIR ".cache"

/* Hex SHA-256 of what every document's render depends on besides its
 * context and templates.  fonts: include the font set (initialises the
 * fonts); FALSE when nothing will be typeset (no template directory). */
char *aj_cache_fingerprint(gboolean fonts);
/* The same with the fonts and without SOURCE_DATE_EPOCH: for documents
 * dated by their data alone (the dossiers), whose bytes must not change
 * when a build is run at another time. */
char *aj_cache_fingerprint_undated(void);

/* The cache key of a document rendered with the template at template_path
 * (partials looked up as the template module does) from a context whose
 * bytes hash to context_sha256. */
char *aj_cache_key(const char *fingerprint, const char *template_path,
		   const char *context_sha256);

/* Links (or copies) old_out/.cache/<key>.{pdf,md} to root/pdf/<name>.pdf,
 * root/md/<name>.md and into root/.cache; returns FALSE on any miss (a
 * partial hit leaves nothing behind that a render would not overwrite).
 * *pages gets the stored page count. */
gboolean aj_cache_fetch(const char *old_out, const char *key, const char *root,
			const char *name, int *pages);

/* Records root/pdf/<name>.pdf and root/md/<name>.md under key in
 * root/.cache.  Failing to store is not an error: the next build renders. */
void aj_cache_store(const char *root, const char *key, const char *name, int pages);

/* The key of a whole build: fingerprint, every option that changes the
 * output, the bytes of every file under templates_dir and installed_dir
 * (either may be NULL) and the identity of
 * every *.xml under data_dir (path, size, inode, modification and change
 * times: a file rewritten in place changes its change time), and extra
 * (what the caller read besides, e.g. the office profile; may be NULL).
 * Equal keys mean the earlier OUT is already what this build would write. */
char *aj_cache_build_key(const AjBuildOptions *o, const char *templates_dir,
			 const char *installed_dir, const char *fingerprint,
			 const char *extra);
/* TRUE when out/.cache/build.key holds key and out has its manifest. */
gboolean aj_cache_build_current(const char *out, const char *key);
/* Writes root/.cache/build.key (not an error when it fails). */
void aj_cache_build_store(const char *root, const char *key);

#endif
