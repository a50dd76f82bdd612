#include "archive/issue.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>

#include "archive/enterprises.h"
#include "archive/metadata.h"
#include "register/draft.h"
#include "register/number.h"
#include "register/register.h"
#include "archive/republish.h"
#include "archive/site.h"
#include "archive/stamp.h"
#include "archive/tree.h"
#include "build/manifest.h"
#include "build/outdir.h"
#include "context/context.h"
#include "ofd/ofd.h"
#include "pdf/dat46.h"
#include "pdf/pdf.h"
#include "pdf/pdfa.h"
#include "util/epoch.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/file.h"
#include "util/testhook.h"
#include "util/xml.h"

/* One draft on its way into the archive. */
typedef struct {
	const AjDraft *draft;
	char *md;           /* the Markdown as the office left it */
	gboolean edited;
	xmlDocPtr data;     /* the draft's data file */
	AjDay asof, date;
	AjRegEntry *corrects; /* the document of record it supersedes (--correct) */
	char *number;
	int serial;
	/* Set while issuing: files relative to the archive, the parsed document,
	 * the typesetter's result. */
	char *rel[5];       /* pdf, ofd, md, data, metadata */
	char *sha[5];
	AjDocument *doc;
	char *pdf_path, *ofd_path, *meta_path;
	int pages, ofd_pages;
	GError *error;
} Job;

enum { PDF, OFD, MD, DATA, META, N_FORMATS };
static const char *const formats[N_FORMATS] = { "pdf", "ofd", "md", "data", "metadata" };

static void job_free(gpointer p)
{
	Job *j = p;

	g_free(j->md);
	if (j->data != NULL)
		xmlFreeDoc(j->data);
	g_free(j->number);
	for (int i = 0; i < N_FORMATS; i++) {
		g_free(j->rel[i]);
		g_free(j->sha[i]);
	}
	aj_document_free(j->doc);
	g_free(j->pdf_path);
	g_free(j->ofd_path);
	g_free(j->meta_path);
	if (j->error != NULL)
		g_error_free(j->error);
	g_free(j);
}

static char *draft_file(const AjDraftSet *set, const char *rel)
{
	return g_build_filename(set->dir, rel, NULL);
}

/* Reads a draft's files: its data must be as built (the figures of record),
 * its Markdown may have been edited. */
static gboolean read_job(const AjDraftSet *set, Job *j, AjDay date, GError **err)
{
	char *md = draft_file(set, j->draft->md), *data = draft_file(set, j->draft->data);
	char *bytes = NULL, *sha = NULL, *asof = NULL;
	gsize len = 0;
	GError *io = NULL;
	gboolean ok = FALSE;

	if (!g_file_get_contents(data, &bytes, &len, &io))
		goto io_error;
	sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
	if (strcmp(sha, j->draft->data_sha256) != 0) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: changed since the build; the data file holds the figures of "
			    "record and is never edited: edit %s instead, or build the drafts again"),
			    data, md);
		goto done;
	}
	j->data = xmlReadMemory(bytes, (int)len, data, NULL,
				XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
					XML_PARSE_NOWARNING);
	if (j->data != NULL)
		asof = aj_xml_prop(aj_xml_child(xmlDocGetRootElement(j->data), "meta"), "as-of");
	if (asof == NULL || !aj_day_parse(asof, &j->asof)) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: no <meta as-of> date; build the drafts again"), data);
		goto done;
	}
	j->date = date != AJ_DAY_NONE ? date : j->asof;
	if (j->date < j->asof) {
		char a[11], b[11];
		g_set_error(err, AJ_ERROR, EX_USAGE,
			    _("--date %s is before %s, the date %s reports on; give a date on or "
			    "after it"), aj_day_format(j->date, a), aj_day_format(j->asof, b),
			    j->draft->name);
		goto done;
	}
	g_clear_pointer(&bytes, g_free);
	if (!g_file_get_contents(md, &bytes, &len, &io))
		goto io_error;
	g_free(sha);
	sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
	j->edited = strcmp(sha, j->draft->md_sha256) != 0;
	j->md = g_steal_pointer(&bytes);
	ok = TRUE;
	goto done;
io_error:
	g_set_error(err, AJ_ERROR, EX_NOINPUT, _("%s; build the drafts again"), io->message);
	g_error_free(io);
done:
	g_free(bytes);
	g_free(sha);
	g_free(asof);
	g_free(md);
	g_free(data);
	return ok;
}

/* The drafts to issue: the named ones, or every draft with a Markdown. */
static GPtrArray *choose(const AjDraftSet *set, const AjIssueOptions *o, GError **err)
{
	GPtrArray *jobs = g_ptr_array_new_with_free_func(job_free);

	for (guint i = 0; o->names == NULL && i < set->drafts->len; i++) {
		const AjDraft *d = g_ptr_array_index(set->drafts, i);
		Job *j;
		if (d->md == NULL) {
			aj_warn(_("%s: no Markdown (no template for it); it is not issued"), d->name);
			continue;
		}
		j = g_new0(Job, 1);
		j->draft = d;
		g_ptr_array_add(jobs, j);
	}
	for (char **n = o->names; n != NULL && *n != NULL; n++) {
		const AjDraft *d = aj_drafts_find(set, *n);
		Job *j;
		if (d == NULL || d->md == NULL) {
			GString *all = g_string_new(NULL);
			for (guint i = 0; i < set->drafts->len; i++)
				g_string_append_printf(all, "%s%s", i > 0 ? ", " : "",
						       ((AjDraft *)g_ptr_array_index(set->drafts, i))->name);
			g_set_error(err, AJ_ERROR, EX_USAGE,
				    _("%s: %s in %s; the drafts there are: %s"), *n,
				    d == NULL ? _("no such draft") : _("no Markdown (no template) to issue"),
				    set->dir, all->len > 0 ? all->str : _("none"));
			g_string_free(all, TRUE);
			g_ptr_array_unref(jobs);
			return NULL;
		}
		j = g_new0(Job, 1);
		j->draft = d;
		g_ptr_array_add(jobs, j);
	}
	if (jobs->len == 0) {
		g_set_error(err, AJ_ERROR, EX_DATAERR, _("%s: no draft to issue"), set->dir);
		g_ptr_array_unref(jobs);
		return NULL;
	}
	return jobs;
}

/* Issued once only: a second time needs --correct, which needs a first. */
static gboolean check_conflicts(const AjRegister *reg, GPtrArray *jobs, const AjIssueOptions *o,
				const char *archive, GError **err)
{
	for (guint i = 0; i < jobs->len; i++) {
		Job *j = g_ptr_array_index(jobs, i);
		AjRegEntry *cur = aj_register_current(reg, j->draft->kind, j->draft->period);
		for (guint k = 0; k < i; k++) {
			const Job *other = g_ptr_array_index(jobs, k);
			if (strcmp(other->draft->name, j->draft->name) == 0) {
				g_set_error(err, AJ_ERROR, EX_USAGE,
					    _("%s is named twice; name each draft once"), j->draft->name);
				return FALSE;
			}
		}
		if (cur != NULL && !o->correct) {
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%s %s was issued on %s as %s (%s/%s); an issued document is "
				    "never issued again: to replace it, issue the new draft with "
				    "--correct (it gets its own number and supersedes %s)"),
				    j->draft->kind, j->draft->period, cur->issued, cur->number, archive,
				    AJ_REGISTER_FILE, cur->number);
			return FALSE;
		}
		if (cur == NULL && o->correct) {
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("--correct: %s %s has not been issued in %s, so there is nothing "
				    "to correct; issue it without --correct"),
				    j->draft->kind, j->draft->period, archive);
			return FALSE;
		}
		j->corrects = cur;
	}
	return TRUE;
}

static int year_of(AjDay d)
{
	int y, m, day;

	aj_day_ymd(d, &y, &m, &day);
	return y;
}

static gboolean put(const char *root, const char *rel, const char *bytes, gsize len,
		    const char *what, char **sha, GError **err)
{
	char *path = g_build_filename(root, rel, NULL);
	gboolean ok = aj_file_write(path, bytes, len, what, err);

	if (ok)
		*sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
	g_free(path);
	return ok;
}

/* Writes a document's Markdown (numbered and dated) and data file into
 * root/YEAR/NAME/ (NAME.vN/ for the N-th version of a period) and parses
 * the Markdown for the typesetter. */
static gboolean prepare(Job *j, const AjDraftSet *set, const char *root, const AjRegister *reg,
			GError **err)
{
	const AjDraft *d = j->draft;
	guint version = aj_register_versions(reg, d->kind, d->period) + 1;
	char date[11], *dir, *abs, *md, *src;
	xmlChar *data = NULL;
	int data_len = 0;
	gboolean ok;

	aj_day_format(j->date, date);
	dir = version > 1 ? g_strdup_printf("%d/%s.v%u", year_of(j->date), d->name, version)
			  : g_strdup_printf("%d/%s", year_of(j->date), d->name);
	j->rel[PDF] = g_strdup_printf("%s/%s.pdf", dir, d->name);
	j->rel[OFD] = g_strdup_printf("%s/%s.ofd", dir, d->name);
	j->rel[MD] = g_strdup_printf("%s/%s.md", dir, d->name);
	j->rel[DATA] = g_strdup_printf("%s/%s.xml", dir, d->name);
	j->rel[META] = g_strdup_printf("%s/" AJ_METADATA_FILE, dir);
	j->pdf_path = g_build_filename(root, j->rel[PDF], NULL);
	j->ofd_path = g_build_filename(root, j->rel[OFD], NULL);
	j->meta_path = g_build_filename(root, j->rel[META], NULL);
	abs = g_build_filename(root, dir, NULL);
	md = aj_stamp_markdown(j->md, j->number, date);
	if (md == NULL)
		md = g_strdup(j->md); /* no front matter: nothing carries the number */
	src = draft_file(set, d->md); /* messages name the draft the office edits */
	aj_context_set_number(j->data, j->number, j->serial);
	xmlDocDumpFormatMemoryEnc(j->data, &data, &data_len, "UTF-8", 1);
	ok = aj_outdir_mkdir(root, dir, err) &&
	     (j->doc = aj_document_parse(md, strlen(md), src, err)) != NULL &&
	     put(root, j->rel[MD], md, strlen(md), _("the issued Markdown"), &j->sha[MD], err) &&
	     put(root, j->rel[DATA], (const char *)data, (gsize)data_len, _("the issued data"),
		 &j->sha[DATA], err);
	xmlFree(data);
	g_free(src);
	g_free(md);
	g_free(abs);
	g_free(dir);
	return ok;
}

/* The file at path as the archive's metadata describes it; FALSE when it
 * cannot be read. */
static gboolean describe_file(AjArchiveFile *f, const char *path, const char *format, char **sha,
			      GError **err)
{
	GStatBuf st;

	*sha = aj_file_sha256(path, err);
	if (*sha == NULL)
		return FALSE;
	f->format = format;
	f->name = strrchr(path, G_DIR_SEPARATOR) + 1;
	f->size = g_stat(path, &st) == 0 ? (gsize)st.st_size : 0;
	f->sha256 = *sha;
	return TRUE;
}

/* The document's OFD-A, its DA/T 46 items in CustomDatas as in the PDF's
 * XMP; the same pages as the PDF, as both are laid out alike. */
static gboolean write_ofd(Job *j, GError **err)
{
	AjDat46 d = { 0 };
	char *base = g_path_get_basename(j->ofd_path), **custom;
	AjOfdOptions oo = { .creation_time = aj_source_date_epoch(),
			    .context = xmlDocGetRootElement(j->data) };
	gboolean ok;

	aj_dat46_from_document(&d, j->doc, j->pages, AJ_OFD_FORMAT, base);
	custom = aj_dat46_pairs(&d);
	oo.custom = (const char *const *)custom;
	ok = aj_ofd_write(j->doc, &oo, j->ofd_path, &j->ofd_pages, err);
	g_strfreev(custom);
	aj_dat46_clear(&d);
	g_free(base);
	return ok;
}

/* The document's DA/T 46 metadata.xml, after its files of record. */
static gboolean write_metadata(Job *j, GError **err)
{
	AjArchiveFile files[2];
	AjDat46 d = { 0 };
	char *text;
	gboolean ok;

	if (!describe_file(&files[0], j->pdf_path, AJ_PDFA_FORMAT, &j->sha[PDF], err) ||
	    !describe_file(&files[1], j->ofd_path, AJ_OFD_FORMAT, &j->sha[OFD], err))
		return FALSE;
	aj_dat46_from_document(&d, j->doc, j->pages, NULL, NULL);
	text = aj_archive_metadata(&d, files, G_N_ELEMENTS(files));
	ok = aj_file_write(j->meta_path, text, strlen(text), _("the archive's metadata"), err);
	if (ok)
		j->sha[META] = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, -1);
	aj_dat46_clear(&d);
	g_free(text);
	return ok;
}

/* A thread of the pool: one document for the archive without the draft
 * mark, as PDF/A and OFD, and its metadata. */
static void typeset(gpointer data, gpointer user_data)
{
	Job *j = data;
	AjPdfOptions po = { .creation_time = aj_source_date_epoch(),
			    .context = xmlDocGetRootElement(j->data), .pdfa = TRUE };

	if (aj_pdf_write(j->doc, &po, j->pdf_path, &j->pages, &j->error) &&
	    write_ofd(j, &j->error))
		write_metadata(j, &j->error);
}

/* Every PDF, on as many threads as there are cores; the first failure in
 * order is the error. */
static gboolean typeset_all(GPtrArray *jobs, GError **err)
{
	int threads = MIN((int)g_get_num_processors(), (int)jobs->len);

	if (threads <= 1) {
		for (guint i = 0; i < jobs->len; i++)
			typeset(g_ptr_array_index(jobs, i), NULL);
	} else {
		GThreadPool *pool = g_thread_pool_new(typeset, NULL, threads, TRUE, NULL);
		for (guint i = 0; i < jobs->len; i++)
			g_thread_pool_push(pool, g_ptr_array_index(jobs, i), NULL);
		g_thread_pool_free(pool, FALSE, TRUE);
	}
	for (guint i = 0; i < jobs->len; i++) {
		Job *j = g_ptr_array_index(jobs, i);
		if (j->error != NULL) {
			g_propagate_error(err, g_steal_pointer(&j->error));
			return FALSE;
		}
	}
	return TRUE;
}

/* Appends the issued document to the register; a correction supersedes
 * the document of record. */
static void record(Job *j, AjRegister *reg)
{
	const AjDraft *d = j->draft;
	const AjDocMeta *m = &j->doc->meta;
	gboolean public_ = strcmp(d->publicity, "public") == 0 &&
			   (m->publicity == NULL || strcmp(m->publicity, "public") == 0);
	char date[11];
	AjRegEntry *e = aj_register_append(reg, j->number, d->kind, d->period,
					   public_ ? "public" : "internal",
					   m->title != NULL ? m->title : d->title,
					   aj_day_format(j->date, date), j->edited);

	for (int f = PDF; f < N_FORMATS; f++)
		aj_reg_entry_add_file(e, formats[f], j->rel[f], j->sha[f],
				      f == PDF ? j->pages : f == OFD ? j->ofd_pages : 0);
	if (j->corrects != NULL) {
		e->supersedes = g_strdup(j->corrects->number);
		g_free(j->corrects->status);
		j->corrects->status = g_strdup("superseded");
		j->corrects->superseded_by = g_strdup(j->number);
	}
}

static gboolean write_office(const AjOffice *office, const char *root, GError **err)
{
	gsize len = 0;
	const char *bytes = g_bytes_get_data(office->bytes, &len);
	char *sha = NULL;
	gboolean ok = put(root, AJ_OFFICE_FILE, bytes, len, _("the office profile"), &sha, err);

	g_free(sha);
	return ok;
}

static void report(GPtrArray *jobs, const char *archive, const AjRegister *reg)
{
	for (guint i = 0; i < jobs->len; i++) {
		const Job *j = g_ptr_array_index(jobs, i);
		GString *note = g_string_new(NULL);
		char date[11];

		g_string_append(note, aj_day_format(j->date, date));
		if (j->edited)
			g_string_append(note, _(", edited by hand"));
		if (j->corrects != NULL)
			g_string_append_printf(note, _(", corrects %s"), j->corrects->number);
		printf(_("anjian issue: %s  %s (%s)\n"), j->number, j->draft->name, note->str);
		g_string_free(note, TRUE);
	}
	printf(ngettext("anjian issue: %u document issued into %s (%u in its register); site: "
			"%s/site/index.html\n",
			"anjian issue: %u documents issued into %s (%u in its register); site: "
			"%s/site/index.html\n",
			jobs->len),
	       jobs->len, archive, reg->entries->len, archive);
}

gboolean aj_issue_run(const AjIssueOptions *o, GError **err)
{
	AjDraftSet *set = NULL;
	GPtrArray *jobs = NULL;
	AjRegister *reg = NULL;
	AjNumbering *nb = NULL;
	AjArchiveTx *tx = NULL;
	char *layouts = NULL;
	gboolean ok = FALSE;

	xmlInitParser();
	aj_warn_set_quiet(o->quiet);
	layouts = aj_archive_layouts(o->templates_dir, err);
	if (layouts == NULL)
		goto done;
	set = aj_drafts_load(o->draft_dir, err);
	if (set == NULL)
		goto done;
	jobs = choose(set, o, err);
	if (jobs == NULL)
		goto done;
	for (guint i = 0; i < jobs->len; i++)
		if (!read_job(set, g_ptr_array_index(jobs, i), o->date, err))
			goto done;
	tx = aj_archive_begin(o->archive_dir, err);
	if (tx == NULL)
		goto done;
	/* read under the lock: no other issue can take a number meanwhile */
	reg = aj_register_load(aj_archive_path(tx), err);
	if (reg == NULL || !check_conflicts(reg, jobs, o, aj_archive_path(tx), err))
		goto done;
	nb = aj_numbering_new(reg);
	for (guint i = 0; i < jobs->len; i++) {
		Job *j = g_ptr_array_index(jobs, i);
		const char *prefix = aj_office_prefix(set->office, j->draft->kind_id);
		j->serial = aj_numbering_next(nb, prefix, year_of(j->date));
		j->number = aj_number_format(prefix, year_of(j->date), j->serial);
	}
	for (guint i = 0; i < jobs->len; i++) {
		if (!prepare(g_ptr_array_index(jobs, i), set, aj_archive_root(tx), reg, err))
			goto fail;
	}
	aj_test_point("issue-prepared");
	if (!typeset_all(jobs, err))
		goto fail;
	aj_test_point("issue-typeset");
	for (guint i = 0; i < jobs->len; i++)
		record(g_ptr_array_index(jobs, i), reg);
	if (!write_office(set->office, aj_archive_root(tx), err) ||
	    !aj_register_write(reg, aj_archive_root(tx), err) ||
	    !aj_archive_ents_take(o->draft_dir, aj_archive_root(tx), err))
		goto fail;
	aj_test_point("issue-registered");
	if (!aj_archive_site_write(reg, aj_archive_root(tx), aj_archive_path(tx), set->office,
				   layouts, err))
		goto fail;
	aj_test_point("archive-site");
	if (!aj_archive_commit(tx, err))
		goto done;
	if (!o->quiet)
		report(jobs, aj_archive_path(tx), reg);
	ok = TRUE;
	goto done;
fail:
	aj_archive_name_final(tx, err);
done:
	aj_archive_end(tx);
	aj_numbering_free(nb);
	aj_register_free(reg);
	if (jobs != NULL)
		g_ptr_array_unref(jobs);
	aj_drafts_free(set);
	g_free(layouts);
	return ok;
}
