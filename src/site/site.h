/* The public web site: OUT/site/ from the documents of a build.
 *
 * Layout of OUT/site (links between pages are relative, so the directory
 * works from any URL prefix and from the file system):
 *   index.html                 latest bulletin's key figures, latest lists,
 *                              every document
 *   KIND/PERIOD.html           one page per public document, with
 *   KIND/PERIOD.pdf            its PDF copied beside it (a correction:
 *                              KIND/PERIOD.vN.html and .pdf)
 *   archive/KIND.html          archive per kind, archive/YEAR.html per year
 *   search.html, search.js, search-index.json   search (works without JS:
 *                              search.html lists everything searchable)
 *   feed.xml (Atom), sitemap.xml, style.css
 *   enterprise/CODE.html       one page per enterprise (when given)
 *   enterprises/…              their listings: index.html, all.html,
 *                              DISTRICT.html, INDUSTRY.html (-N.html: page N)
 *   search/…                   the enterprise search index, in shards
 * Internal documents (publicity other than "public") appear nowhere: no
 * page, no link, no feed or sitemap entry, no search data.
 *
 * feed.xml and sitemap.xml need absolute URLs: they are site_url + path;
 * site_url comes from the office profile (site.url) or --site-url, else it
 * is AJ_SITE_URL_DEFAULT, a placeholder.
 *
 * Ownership: the caller owns everything passed in; aj_site_write() keeps
 * no pointer after it returns.
 */
#ifndef AJ_SITE_H
#define AJ_SITE_H

#include <glib.h>
#include <libxml/tree.h>

#include "markdown/document.h"

#define AJ_SITE_URL_DEFAULT "https://example.invalid/"

typedef struct AjSiteDoc AjSiteDoc;
struct AjSiteDoc {
	const char *kind;      /* bulletin, exposed, exemplars, hazard-supervision, … */
	const char *period;    /* 2026-03, 2026-Q1, a problem-list id */
	const char *publicity; /* "public" or "internal" */
	const char *title;
	xmlNodePtr context;    /* root <document> of its context; may be NULL */
	const AjDocument *doc; /* the filled template, parsed; NULL: not rendered */
	const char *pdf_path;  /* the built PDF (a file path); NULL: none */
	const char *ofd_path;  /* the issued OFD (archive sites); NULL: none */
	/* Corrections (archive sites): a document that corrects another has its
	 * own page, KIND/PERIOD.vN.html for the N-th version; each links the
	 * other.  All NULL / 0 for a document never corrected. */
	int version;                     /* 0 or 1: the first; N: the N-th of its period */
	const AjSiteDoc *supersedes;     /* the document this one corrects */
	const AjSiteDoc *superseded_by;  /* its correction */
};

/* The enterprises of the site (一企一档 public pages, see enterprises.h):
 * enterprise/<credit-code>.html each, listings by district and industry
 * under enterprises/, and the sharded search index under search/.  The
 * contexts come from `append`, called from worker threads in any order:
 * the build makes them from the model (context/enterprise.h), an archive
 * reads them from the data file of its newest issue (archive/enterprises.h). */
typedef struct {
	guint n;
	/* A per-thread scratch for append (NULL when none is needed). */
	gpointer (*scratch_new)(gpointer user);
	void (*scratch_free)(gpointer scratch);
	/* Appends the <enterprise> context of enterprise i under parent;
	 * FALSE with err set when it cannot (a damaged data file). */
	gboolean (*append)(gpointer user, gpointer scratch, guint i, xmlNodePtr parent,
			   GError **err);
	gpointer user;
	const char *as_of;      /* YYYY-MM-DD: the date the facts are as of */
	const char *as_of_cn;   /* the same for the listings, 2026年3月31日 */
	/* An earlier output root whose site/enterprise/ pages are linked into
	 * this one when their page context is unchanged (its .cache keeps the
	 * keys); NULL: write every page. */
	const char *reuse_from;
	/* When set: every context is also written there, in order, as one
	 * <enterprises> file (OUT/data/enterprises.xml): its second line is
	 * <enterprises count="N" as-of="…" as-of-cn="…">, then one <enterprise>
	 * a line. */
	const char *data_path;
	guint written, reused;  /* out: pages written, pages linked unchanged */
} AjSiteEnterprises;

typedef struct {
	const char *layouts_dir; /* templates/site */
	const char *site_url;    /* NULL: AJ_SITE_URL_DEFAULT; must end with "/" */
	AjSiteEnterprises *enterprises; /* NULL: no enterprise pages */
	const char *issuer;      /* the office in the header band; NULL: the documents' */
	const char *title;       /* the site's title; NULL: 安全生产信息公开 */
	gboolean draft;          /* a preview of drafts: every page says so */
} AjSiteOptions;

/* Writes out_dir/site/ (out_dir is the build's temporary output directory:
 * every file is written atomically, and the build swaps the whole directory
 * in).  Errors: EX_CANTCREAT/EX_IOERR naming the file, EX_DATAERR for a
 * broken layout (file:line:col). */
gboolean aj_site_write(const AjSiteDoc *docs, guint n_docs, const AjSiteOptions *opts,
		       const char *out_dir, GError **err);

/* The page of a document relative to OUT/site ("bulletin/2026-03.html");
 * NULL for an internal document, which has none.  The caller frees it. */
char *aj_site_page_path(const AjSiteDoc *doc);

#endif
