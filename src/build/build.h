/* `anjian build`: load the office profile and the data, decide the
 * documents of month M, write each document's context to OUT/data, fill its
 * template into OUT/md, typeset OUT/pdf, and list every file in
 * OUT/manifest.xml.  These are drafts (../shared/spec/office.md): marked
 * 草稿 on every page, numbered as `anjian issue` would number them, with a
 * copy of the profile in OUT/office.yml for issue to use.  With an archive,
 * documents it already holds are not drafted; their data is compared with
 * the issued data file instead (register/compare.h).
 *
 * Everything is assembled in a temporary directory beside OUT and swapped
 * in only when all of it succeeded, so a failed build leaves an earlier
 * OUT as it was.
 *
 * Ownership: the options are the caller's.  AjBuiltDoc lists belong to the
 * build and are freed by it; a later stage (the site writer) receives them
 * read-only, plus the temporary output root to write OUT/site into.
 */
#ifndef AJ_BUILD_H
#define AJ_BUILD_H

#include <libxml/tree.h>

#include "register/register.h"
#include "markdown/document.h"
#include "office/office.h"
#include "rules/documents.h"

typedef struct {
	const char *data_dir;
	const char *out_dir;
	AjMonth month;
	AjDay asof;                /* AJ_DAY_NONE: last day of month */
	int jobs;                  /* rendering threads; <= 0: number of cores */
	const char *templates_dir; /* NULL: "templates", else ANJIAN_DATADIR/templates */
	gboolean data_only;        /* data files and manifest only: no Markdown, PDF, site */
	gboolean quiet;
	gboolean force;            /* replace an OUT that has no manifest.xml, and render
	                            * every document (no reuse of OUT/.cache) */
	gboolean has_since;        /* FALSE: only month; TRUE: every month from since to
	                            * month, each as of its last day (asof: month only) */
	AjMonth since;
	gboolean progress;         /* a progress line on stderr (the caller checks it is a tty) */
	gboolean timings;          /* one line of phase times on stderr (make bench) */
	const char *site_url;      /* absolute URL of OUT/site for feed/sitemap; NULL: the
	                            * profile's site.url, else a placeholder */
	const char *office_path;   /* the office profile; NULL: DATA/office.yml */
	const char *archive_dir;   /* issued documents: not drafted again, numbers follow
	                            * its register; NULL: none (an empty register) */
	gboolean dossiers;         /* OUT/dossier/<credit-code>.pdf for every enterprise */
	int publicity_years;       /* penalties on enterprise pages: the years before as-of;
	                            * <= 0: the profile's penalty-publicity-years, else
	                            * AJ_PUBLICITY_YEARS_DEFAULT */
	gboolean allow_empty;      /* build a month without any record */
} AjBuildOptions;

typedef struct {
	char *format; /* "pdf", "html", "data", "md" */
	char *path;   /* relative to OUT, '/'-separated */
	int pages;    /* PDFs: page count; otherwise 0 */
} AjBuiltFile;

typedef struct {
	const AjDocPlan *plan;  /* kind, period, publicity, name */
	AjDay asof;             /* of the month it was built for */
	char *title;
	xmlDocPtr context;      /* the document's context (OUT/data/<name>.xml) */
	char *context_sha256;   /* hex SHA-256 of that file's bytes (the cache key's part) */
	AjDocument *document;   /* parsed Markdown; NULL in a --data-only build */
	GPtrArray *files;       /* AjBuiltFile *, manifest order */
	const AjRegEntry *record; /* the archive's issued document of this kind and
	                           * period (not drafted), or NULL */
} AjBuiltDoc;

/* Appends a file to doc's list (format and path copied). */
void aj_built_doc_add_file(AjBuiltDoc *doc, const char *format, const char *path, int pages);

/* "public" or "internal": the document's final publicity, which the site
 * and the manifest both use.  Public only when the plan and the filled
 * document both say so: a template that marks a document internal keeps
 * it off the site (documents.md "Publicity"). */
const char *aj_built_doc_publicity(const AjBuiltDoc *doc);

/* A document of plan as of asof with its title and context (both taken
 * over), no file yet; freed with aj_built_doc_free(). */
AjBuiltDoc *aj_built_doc_new(const AjDocPlan *plan, AjDay asof, char *title, xmlDocPtr context);
void aj_built_doc_free(gpointer doc);
/* Sets each draft's <meta number> to the 文号 `anjian issue` would give it,
 * in docs order, after the documents reg already holds. */
void aj_build_number_drafts(GPtrArray *docs, const AjOffice *office, const AjRegister *reg);

/* Runs the whole build; returns FALSE with *err (AJ_ERROR, sysexits code). */
gboolean aj_build_run(const AjBuildOptions *opts, GError **err);

#endif
