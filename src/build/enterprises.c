#include "build/enterprises.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "build/cache.h"
#include "context/attrs.h"
#include "markdown/document.h"
#include "pdf/pdf.h"
#include "template/template.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/keys.h"
#include "util/pool.h"

#define DOSSIER_BLOCK 16 /* dossiers per job */

struct AjBuildEnts {
	AjEntRecords *records;
	AjEntListings *listings;
	AjEntSource source;
	AjSiteEnterprises site;
	char as_of[11];
	char *as_of_cn;
};

static gpointer scratch_new(gpointer user)
{
	AjEntPublic *f = g_new(AjEntPublic, 1);

	aj_ent_public_init(f);
	return f;
}

static void scratch_free(gpointer scratch)
{
	aj_ent_public_clear(scratch);
	g_free(scratch);
}

static gboolean append(gpointer user, gpointer scratch, guint i, xmlNodePtr parent, GError **err)
{
	const AjBuildEnts *b = user;

	aj_ctx_enterprise_public(parent, &b->source, i, scratch);
	return TRUE;
}

AjBuildEnts *aj_build_ents_new(const AjModel *m, AjDay asof, int publicity_years)
{
	AjBuildEnts *b = g_new0(AjBuildEnts, 1);

	b->records = aj_ent_records_new(m);
	b->listings = aj_ent_listings_new(m, asof);
	b->source = (AjEntSource){ .model = m, .records = b->records, .listings = b->listings,
				   .asof = asof, .publicity_years = publicity_years };
	b->as_of_cn = aj_day_format_cn(asof);
	aj_day_format(asof, b->as_of);
	b->site = (AjSiteEnterprises){ .n = m->enterprises->len, .scratch_new = scratch_new,
				       .scratch_free = scratch_free, .append = append, .user = b,
				       .as_of = b->as_of, .as_of_cn = b->as_of_cn };
	return b;
}

void aj_build_ents_free(AjBuildEnts *b)
{
	if (b == NULL)
		return;
	aj_ent_records_free(b->records);
	aj_ent_listings_free(b->listings);
	g_free(b->as_of_cn);
	g_free(b);
}

const AjEntSource *aj_build_ents_source(const AjBuildEnts *b)
{
	return &b->source;
}

AjSiteEnterprises *aj_build_ents_site(AjBuildEnts *b)
{
	return &b->site;
}

/* ---- dossiers ---- */

/* The PDF's creation date: the dossier's own day at 00:00 UTC (never the
 * build's time, so that an unchanged dossier keeps its bytes); -1 for
 * one without any entry (the PDF writer's fixed date). */
static gint64 creation_time(AjDay dated)
{
	return dated == AJ_DAY_NONE ? -1
				    : ((gint64)dated - aj_day_from_ymd(1970, 1, 1)) * 86400;
}

/* source: the template's path, for messages about the filled text */
static gboolean typeset(const AjTemplate *t, const char *source, xmlNodePtr ctx, AjDay dated,
			const char *path, GError **err)
{
	char *md = aj_template_render(t, ctx, err);
	AjDocument *doc = NULL;
	AjPdfOptions opts = { .creation_time = creation_time(dated), .context = ctx,
			     .cut_fonts = TRUE };
	int pages = 0;
	gboolean ok = FALSE;

	if (md == NULL)
		return FALSE;
	doc = aj_document_parse(md, strlen(md), source, err);
	if (doc != NULL)
		ok = aj_pdf_write(doc, &opts, path, &pages, err);
	aj_document_free(doc);
	g_free(md);
	return ok;
}

/* A new document whose root element is ent's <dossier>; *dated gets its day. */
static xmlDocPtr dossier_doc(const AjEntSource *s, guint32 ent, AjDay *dated)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr holder = xmlNewNode(NULL, (const xmlChar *)"holder");
	xmlNodePtr d;

	xmlDocSetRootElement(doc, holder);
	d = aj_ctx_enterprise_dossier(holder, s, ent, dated);
	xmlUnlinkNode(d);
	xmlDocSetRootElement(doc, d);
	xmlFreeNode(holder);
	return doc;
}

gboolean aj_build_dossier_one(const AjEntSource *s, guint32 ent, const char *template_path,
			      const char *path, GError **err)
{
	AjTemplate *t = aj_template_load(template_path, err);
	AjDay dated;
	xmlDocPtr doc;
	gboolean ok;

	if (t == NULL)
		return FALSE;
	doc = dossier_doc(s, ent, &dated);
	ok = typeset(t, template_path, xmlDocGetRootElement(doc), dated, path, err);
	xmlFreeDoc(doc);
	aj_template_free(t);
	return ok;
}

typedef struct {
	GMutex lock;
	guint done, total;
	gint64 start;
} Progress;

typedef struct {
	const AjEntSource *source;
	const AjDossierOptions *opts;
	const AjTemplate *template;
	const char *base_key;  /* fingerprint, template and partials */
	GHashTable *old_keys;
	char *dir, *old_dir;
	Progress *progress;
} Shared;

typedef struct {
	const Shared *sh;
	guint from, to;
	GString *keys;
	guint written, reused;
	GError *error;
} Block;

static void progress_step(Progress *p, guint n)
{
	double secs;

	if (p == NULL)
		return;
	g_mutex_lock(&p->lock);
	p->done += n;
	secs = (double)(g_get_monotonic_time() - p->start) / G_USEC_PER_SEC;
	fputs("\r\033[K", stderr);
	fprintf(stderr, _("anjian build: %u/%u dossiers, %.1f s"), p->done, p->total, secs);
	fflush(stderr);
	g_mutex_unlock(&p->lock);
}

static gboolean one_dossier(Block *b, guint32 ent, GString *xml)
{
	const Shared *sh = b->sh;
	const AjEnterprise *e = AJ_ENTERPRISE(sh->source->model, ent);
	AjDay dated;
	xmlDocPtr doc = dossier_doc(sh->source, ent, &dated);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *key, *path = g_strdup_printf("%s/%s.pdf", sh->dir, e->id);
	gboolean ok = TRUE;

	g_string_truncate(xml, 0);
	aj_xml_dump(xml, root);
	key = aj_keys_digest(sh->base_key, xml->str, xml->len);
	if (aj_keys_match(sh->old_keys, e->id, key)) {
		char *from = g_strdup_printf("%s/%s.pdf", sh->old_dir, e->id);
		if (link(from, path) == 0)
			b->reused++;
		else
			ok = FALSE;
		g_free(from);
	} else {
		ok = FALSE;
	}
	if (!ok) {
		ok = typeset(sh->template, sh->opts->template_path, root, dated, path, &b->error);
		b->written += ok;
	}
	if (ok)
		g_string_append_printf(b->keys, "%s %s\n", e->id, key);
	xmlFreeDoc(doc);
	g_free(key);
	g_free(path);
	return ok;
}

static void dossier_block(gpointer data, gpointer user_data)
{
	Block *b = data;
	GString *xml = g_string_sized_new(16384);
	guint32 ent;

	for (ent = b->from; ent < b->to; ent++)
		if (!one_dossier(b, ent, xml))
			break;
	g_string_free(xml, TRUE);
	progress_step(b->sh->progress, ent - b->from);
}

static gboolean write_keys(const AjDossierOptions *o, Block *blocks, guint n)
{
	char *dir = g_build_filename(o->root, AJ_CACHE_DIR, NULL);
	char *path = g_build_filename(dir, AJ_DOSSIER_KEYS, NULL);
	GString *all = g_string_new(NULL);
	gboolean ok;

	for (guint i = 0; i < n; i++)
		g_string_append_len(all, blocks[i].keys->str, blocks[i].keys->len);
	g_mkdir_with_parents(dir, 0755);
	/* not an error when it fails: the next build typesets every dossier */
	ok = g_file_set_contents(path, all->str, (gssize)all->len, NULL);
	g_string_free(all, TRUE);
	g_free(path);
	g_free(dir);
	return ok;
}

gboolean aj_build_dossiers(const AjEntSource *s, AjDossierOptions *o, GError **err)
{
	guint n = s->model->enterprises->len, n_blocks = (n + DOSSIER_BLOCK - 1) / DOSSIER_BLOCK;
	Block *blocks = g_new0(Block, MAX(n_blocks, 1));
	Progress progress = { .start = g_get_monotonic_time(), .total = n };
	Shared sh = { .source = s, .opts = o, .progress = o->progress ? &progress : NULL };
	AjTemplate *t = aj_template_load(o->template_path, err);
	char *fingerprint = NULL;
	gboolean ok = FALSE;

	o->written = o->reused = 0;
	g_mutex_init(&progress.lock);
	if (t == NULL)
		goto done;
	sh.template = t;
	/* a dossier takes no time from SOURCE_DATE_EPOCH: it is dated by its records */
	fingerprint = aj_cache_fingerprint_undated();
	sh.base_key = aj_cache_key(fingerprint, o->template_path, "dossier");
	sh.dir = g_build_filename(o->root, "dossier", NULL);
	if (o->reuse_from != NULL) {
		char *keys = g_build_filename(o->reuse_from, AJ_CACHE_DIR, AJ_DOSSIER_KEYS, NULL);
		sh.old_keys = aj_keys_read(keys);
		sh.old_dir = g_build_filename(o->reuse_from, "dossier", NULL);
		g_free(keys);
	}
	if (g_mkdir_with_parents(sh.dir, 0755) != 0) {
		g_set_error(err, AJ_ERROR, EX_CANTCREAT,
			    _("%s: cannot create the directory: %s; check the permissions of the "
			      "output directory"), sh.dir, g_strerror(errno));
		goto done;
	}
	for (guint i = 0; i < n_blocks; i++)
		blocks[i] = (Block){ .sh = &sh, .from = i * DOSSIER_BLOCK,
				     .to = MIN((i + 1) * DOSSIER_BLOCK, n), .keys = g_string_new(NULL) };
	aj_pool_each(blocks, n_blocks, sizeof *blocks, dossier_block, NULL, o->jobs);
	ok = aj_pool_first_error(blocks, n_blocks, sizeof *blocks, G_STRUCT_OFFSET(Block, error), err);
	if (sh.progress != NULL && n > 0)
		fputc('\n', stderr);
	for (guint i = 0; i < n_blocks; i++) {
		o->written += blocks[i].written;
		o->reused += blocks[i].reused;
	}
	if (ok)
		write_keys(o, blocks, n_blocks);
done:
	for (guint i = 0; i < n_blocks; i++)
		if (blocks[i].keys != NULL)
			g_string_free(blocks[i].keys, TRUE);
	g_free(blocks);
	aj_template_free(t);
	g_free((char *)sh.base_key);
	g_free(fingerprint);
	g_free(sh.dir);
	g_free(sh.old_dir);
	if (sh.old_keys != NULL)
		g_hash_table_destroy(sh.old_keys);
	g_mutex_clear(&progress.lock);
	return ok;
}
