/* enterprise/CODE.html: one page per enterprise, written by a thread pool,
 * each unchanged page linked from the earlier output (see enterprises.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "context/attrs.h"
#include "site/enterprises.h"
#include "site/pages.h"
#include "util/error.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/keys.h"
#include "util/pool.h"
#include "util/testhook.h"

#define BLOCK 256 /* enterprises per job */

/* What an enterprise brings to the listings, as its context says it. */
typedef struct {
	char *id, *name, *district, *district_name, *industry, *industry_label;
	gboolean closed;
} Summary;

typedef struct Block Block;

/* The data file and the keys are written in enterprise order as the blocks
 * finish: a block's strings wait only for the blocks before it, so memory
 * holds a few blocks, not every context. */
typedef struct {
	GMutex lock;
	Block *blocks;
	guint next;       /* the first block not written yet */
	FILE *data, *keys; /* data: NULL without a data file */
	gboolean failed;  /* a write of either failed */
} Stream;

typedef struct {
	Site *site;
	AjSiteEnterprises *src;
	char *site_hash;      /* what every page shares: layouts, menu, documents */
	GHashTable *old_keys; /* credit code → key of the page in the earlier output */
	char *dir, *old_dir;  /* site/enterprise of this output and the earlier one */
	Summary *summaries;   /* src->n */
	Stream *stream;
} Shared;

struct Block {
	const Shared *sh;
	guint from, to;
	GString *data;  /* the block's contexts, for the data file */
	GString *keys;  /* "CODE KEY\n" per page */
	gboolean done;
	guint written, reused;
	GError *error;
};

static char *prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = g_strdup(v != NULL ? (const char *)v : "");

	xmlFree(v);
	return s;
}

/* A credit code as a file name: anything but [0-9A-Za-z] becomes '_'. */
static char *file_stem(const char *id)
{
	char *s = g_strdup(*id != '\0' ? id : "_");

	for (char *p = s; *p != '\0'; p++)
		if (!g_ascii_isalnum(*p))
			*p = '_';
	return s;
}

static void summarize(Summary *s, xmlNodePtr e)
{
	char *closed = prop(e, "closed");

	s->id = prop(e, "id");
	s->name = prop(e, "name");
	s->district = prop(e, "district");
	s->district_name = prop(e, "district-name");
	s->industry = prop(e, "industry");
	s->industry_label = prop(e, "industry-label");
	s->closed = strcmp(closed, "true") == 0;
	g_free(closed);
}

static void set(xmlNodePtr n, const char *name, const char *value)
{
	xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

/* The page of this site a child of the context names (a public list
 * that named the enterprise, by kind and period), or NULL: not a list, or
 * not on this site. */
static const char *linked(const Site *site, xmlNodePtr c)
{
	char *kind, *period;
	const char *path;

	if (c->type != XML_ELEMENT_NODE || !xmlHasProp(c, (const xmlChar *)"kind"))
		return NULL;
	kind = prop(c, "kind");
	period = prop(c, "period");
	path = aj_site_path_of(site, kind, period);
	g_free(kind);
	g_free(period);
	return path;
}

/* Links the page makes: its listings, and each public list that named the
 * enterprise when this site has that document. */
static void decorate(const Site *site, xmlNodePtr page, xmlNodePtr e, const Summary *s)
{
	char *href;

	set(page, "title", s->name);
	href = g_strdup_printf("../enterprises/%s.html", s->district);
	set(e, "district-href", href);
	g_free(href);
	href = g_strdup_printf("../enterprises/%s.html", s->industry);
	set(e, "industry-href", href);
	g_free(href);
	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		const char *path;
		if (c->type != XML_ELEMENT_NODE || !xmlHasProp(c, (const xmlChar *)"kind"))
			continue;
		path = linked(site, c);
		href = path != NULL ? g_strconcat("../", path, NULL) : g_strdup("");
		set(c, "href", href);
		g_free(href);
	}
}

/* The page's key: what every page shares, its context and the documents
 * it links (not every document of the site: next month's documents leave
 * the pages that do not link them as they are).  xml: the context's bytes,
 * to which the links are added. */
static char *page_key(const Shared *sh, xmlNodePtr e, GString *xml)
{
	for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
		const char *path = linked(sh->site, c);
		if (path != NULL)
			g_string_append_printf(xml, "\n%s", path);
	}
	return aj_keys_digest(sh->site_hash, xml->str, xml->len);
}

/* The page of the earlier output, linked in when its key is this one. */
static gboolean reuse(const Shared *sh, const char *stem, const char *id, const char *key,
		      const char *path)
{
	char *from;
	gboolean ok;

	if (!aj_keys_match(sh->old_keys, id, key))
		return FALSE;
	from = g_strdup_printf("%s/%s.html", sh->old_dir, stem);
	ok = link(from, path) == 0;
	g_free(from);
	return ok;
}

/* The page around an enterprise's context e (made under a holder of its
 * own), rendered and written to path. */
static gboolean render(Block *b, xmlNodePtr e, const Summary *s, const char *path, GString *html)
{
	Site *site = b->sh->site;
	xmlNodePtr page = aj_site_page_new_steady(site, "../", "", "enterprises/");
	gboolean ok;

	xmlUnlinkNode(e);
	xmlAddChild(page, e); /* moves e into the page's document */
	decorate(site, page, e, s);
	g_string_truncate(html, 0);
	ok = aj_site_layouts_render(site->layouts, "enterprise.html", page, html, &b->error) &&
	     aj_file_write_new(path, html->str, html->len, _("the enterprise page"), &b->error);
	xmlFreeDoc(page->doc);
	return ok;
}

/* One enterprise: its context (under holder, the thread's scratch root),
 * its key, and its page linked from the earlier output or rendered.  The
 * page around the context is made only for a page to render. */
static gboolean one_page(Block *b, gpointer scratch, guint i, xmlNodePtr holder, GString *html,
			 GString *xml)
{
	const Shared *sh = b->sh;
	xmlNodePtr e;
	Summary *s = &sh->summaries[i];
	char *key, *stem, *path;
	gboolean ok = TRUE;

	if (!sh->src->append(sh->src->user, scratch, i, holder, &b->error))
		return FALSE;
	e = xmlGetLastChild(holder);
	summarize(s, e);
	g_string_truncate(xml, 0);
	aj_xml_dump(xml, e);
	if (sh->src->data_path != NULL) {
		g_string_append_len(b->data, xml->str, xml->len);
		g_string_append_c(b->data, '\n');
	}
	key = page_key(sh, e, xml);
	stem = file_stem(s->id);
	path = g_strdup_printf("%s/%s.html", sh->dir, stem);
	g_string_append_printf(b->keys, "%s %s\n", s->id, key);
	if (reuse(sh, stem, s->id, key, path)) {
		b->reused++;
		xmlUnlinkNode(e);
		xmlFreeNode(e);
	} else {
		ok = render(b, e, s, path, html);
		b->written += ok;
	}
	g_free(key);
	g_free(stem);
	g_free(path);
	return ok;
}

static gboolean put(FILE *f, const GString *s)
{
	return f == NULL || s->len == 0 || fwrite(s->str, 1, s->len, f) == s->len;
}

/* Marks b done and writes every finished block from the first unwritten on
 * (the array ends with a block that is never done). */
static void stream_done(Stream *st, Block *b)
{
	g_mutex_lock(&st->lock);
	b->done = TRUE;
	for (Block *n; !st->failed && (n = &st->blocks[st->next])->done; st->next++) {
		st->failed = !put(st->data, n->data) || !put(st->keys, n->keys);
		g_string_free(n->data, TRUE);
		g_string_free(n->keys, TRUE);
		n->data = n->keys = NULL;
	}
	g_mutex_unlock(&st->lock);
}

static void write_block(gpointer data, gpointer user_data)
{
	Block *b = data;
	const AjSiteEnterprises *src = b->sh->src;
	gpointer scratch = src->scratch_new != NULL ? src->scratch_new(src->user) : NULL;
	GString *html = g_string_sized_new(16384), *xml = g_string_sized_new(4096);
	xmlDocPtr holder = xmlNewDoc((const xmlChar *)"1.0");

	xmlDocSetRootElement(holder, xmlNewNode(NULL, (const xmlChar *)"holder"));
	for (guint i = b->from; i < b->to; i++)
		if (!one_page(b, scratch, i, xmlDocGetRootElement(holder), html, xml))
			break;
	xmlFreeDoc(holder);
	g_string_free(xml, TRUE);
	g_string_free(html, TRUE);
	if (src->scratch_free != NULL)
		src->scratch_free(scratch);
	stream_done(b->sh->stream, b);
}

/* What every enterprise page shares: the layouts and the page around the
 * enterprise (its steady menu, the issuer). */
static char *site_hash(const Site *site)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	xmlNodePtr page = aj_site_page_new_steady(site, "../", "", "enterprises/");
	GString *xml = g_string_new(NULL);
	char *hex;

	g_checksum_update(sum, (const guchar *)aj_site_layouts_digest(site->layouts), -1);
	aj_xml_dump(xml, page);
	g_checksum_update(sum, (const guchar *)xml->str, (gssize)xml->len);
	hex = g_strdup(g_checksum_get_string(sum));
	g_string_free(xml, TRUE);
	xmlFreeDoc(page->doc);
	g_checksum_free(sum);
	return hex;
}

static FILE *open_out(const char *path, const char *what, GError **err)
{
	FILE *f;

	/* the name may be a link to an earlier tree's file (an archive's
	 * change links every file): replaced, never written through */
	g_unlink(path);
	f = fopen(path, "w");

	if (f == NULL)
		g_set_error(err, AJ_ERROR, EX_CANTCREAT,
			    _("%s: cannot write %s: %s; check that its folder exists and is writable"),
			    path, what, g_strerror(errno));
	return f;
}

static gboolean close_out(FILE *f, const char *path, gboolean ok, const char *what, GError **err)
{
	if (f == NULL)
		return ok;
	ok = !ferror(f) && ok;
	if (fclose(f) != 0 || !ok) {
		if (err != NULL && *err == NULL)
			g_set_error(err, AJ_ERROR, EX_IOERR,
				    _("%s: cannot write %s; free some disk space and run again"), path,
				    what);
		return FALSE;
	}
	return TRUE;
}

/* The page keys (OUT/.cache) and the data file, opened for the blocks to
 * stream into: the data file begins with its <enterprises> line. */
static gboolean open_outputs(const Shared *sh, char **keys_path, GError **err)
{
	Stream *st = sh->stream;
	char *cache = g_build_filename(sh->site->out_dir, ".cache", NULL);
	gboolean ok;

	g_mkdir_with_parents(cache, 0755);
	*keys_path = g_build_filename(cache, AJ_SITE_PAGE_KEYS, NULL);
	g_free(cache);
	st->keys = open_out(*keys_path, _("the page keys"), err);
	ok = st->keys != NULL;
	if (ok && sh->src->data_path != NULL) {
		char *dir = g_path_get_dirname(sh->src->data_path);
		char *date = g_markup_escape_text(sh->src->as_of_cn != NULL ? sh->src->as_of_cn : "", -1);
		char *iso = g_markup_escape_text(sh->src->as_of != NULL ? sh->src->as_of : "", -1);
		g_mkdir_with_parents(dir, 0755);
		st->data = open_out(sh->src->data_path, _("the enterprise data"), err);
		ok = st->data != NULL;
		/* one <enterprise> a line: a reader can find each without parsing */
		if (ok)
			fprintf(st->data, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					  "<enterprises count=\"%u\" as-of=\"%s\" as-of-cn=\"%s\">\n",
				sh->src->n, iso, date);
		g_free(iso);
		g_free(date);
		g_free(dir);
	}
	return ok;
}

static gboolean close_outputs(const Shared *sh, const char *keys_path, gboolean ok, GError **err)
{
	Stream *st = sh->stream;

	ok = ok && !st->failed;
	if (st->data != NULL && ok)
		fputs("</enterprises>\n", st->data);
	ok = close_out(st->data, sh->src->data_path, ok, _("the enterprise data"), err);
	ok = close_out(st->keys, keys_path, ok, _("the page keys"), err);
	st->data = st->keys = NULL;
	return ok;
}

static gboolean run_blocks(Shared *sh, Block *blocks, guint n_blocks, GError **err)
{
	aj_pool_each(blocks, n_blocks, sizeof *blocks, write_block, NULL,
		     aj_test_jobs((int)g_get_num_processors()));
	for (guint i = 0; i < n_blocks; i++) {
		sh->src->written += blocks[i].written;
		sh->src->reused += blocks[i].reused;
	}
	return aj_pool_first_error(blocks, n_blocks, sizeof *blocks, G_STRUCT_OFFSET(Block, error), err);
}

static void group_add(GPtrArray *groups, GHashTable *index, const char *code, const char *label,
		      guint *out)
{
	gpointer at;
	SiteGroup *g;

	if (g_hash_table_lookup_extended(index, code, NULL, &at)) {
		g = g_ptr_array_index(groups, GPOINTER_TO_UINT(at));
	} else {
		g = g_new0(SiteGroup, 1);
		g->code = g_strdup(code);
		g->label = g_strdup(label);
		g_hash_table_insert(index, g->code, GUINT_TO_POINTER(groups->len));
		g_ptr_array_add(groups, g);
	}
	g->count++;
	*out = GPOINTER_TO_UINT(g_hash_table_lookup(index, code));
}

static int compare_groups(gconstpointer a, gconstpointer b)
{
	return strcmp((*(SiteGroup *const *)a)->code, (*(SiteGroup *const *)b)->code);
}

static void group_free(gpointer p)
{
	SiteGroup *g = p;

	g_free(g->code);
	g_free(g->label);
	g_free(g);
}

/* Groups sorted by code; each company's index follows its group. */
static void sort_groups(GPtrArray *groups, SiteCompany *c, guint n, gboolean district)
{
	guint *moved = g_new(guint, MAX(groups->len, 1));
	gpointer *old = g_memdup2(groups->pdata, sizeof(gpointer) * MAX(groups->len, 1));

	g_ptr_array_sort(groups, compare_groups);
	for (guint i = 0; i < groups->len; i++)
		for (guint j = 0; j < groups->len; j++)
			if (old[j] == g_ptr_array_index(groups, i))
				moved[j] = i;
	for (guint i = 0; i < n; i++) {
		guint *at = district ? &c[i].district : &c[i].industry;
		*at = moved[*at];
	}
	g_free(old);
	g_free(moved);
}

static SiteDirectory *directory_new(Summary *s, guint n, const char *as_of_cn)
{
	SiteDirectory *dir = g_new0(SiteDirectory, 1);
	GHashTable *di = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *ii = g_hash_table_new(g_str_hash, g_str_equal);

	dir->n = n;
	dir->companies = g_new0(SiteCompany, MAX(n, 1));
	dir->districts = g_ptr_array_new_with_free_func(group_free);
	dir->industries = g_ptr_array_new_with_free_func(group_free);
	dir->by_id = g_hash_table_new(g_str_hash, g_str_equal);
	dir->as_of_cn = g_strdup(as_of_cn != NULL ? as_of_cn : "");
	for (guint i = 0; i < n; i++) {
		SiteCompany *c = &dir->companies[i];
		c->id = s[i].id;
		c->name = s[i].name;
		s[i].id = s[i].name = NULL; /* moved */
		c->closed = s[i].closed;
		group_add(dir->districts, di, s[i].district, s[i].district_name, &c->district);
		group_add(dir->industries, ii, s[i].industry, s[i].industry_label, &c->industry);
		g_hash_table_insert(dir->by_id, c->id, c);
	}
	sort_groups(dir->districts, dir->companies, n, TRUE);
	sort_groups(dir->industries, dir->companies, n, FALSE);
	g_hash_table_destroy(di);
	g_hash_table_destroy(ii);
	return dir;
}

void aj_site_directory_free(SiteDirectory *dir)
{
	if (dir == NULL)
		return;
	for (guint i = 0; i < dir->n; i++) {
		g_free(dir->companies[i].id);
		g_free(dir->companies[i].name);
	}
	g_free(dir->companies);
	g_ptr_array_unref(dir->districts);
	g_ptr_array_unref(dir->industries);
	g_hash_table_destroy(dir->by_id);
	g_free(dir->as_of_cn);
	g_free(dir);
}

static void summary_clear(Summary *s)
{
	g_free(s->id);
	g_free(s->name);
	g_free(s->district);
	g_free(s->district_name);
	g_free(s->industry);
	g_free(s->industry_label);
}

const char *aj_site_path_of(const Site *site, const char *kind, const char *period)
{
	char *key = g_strconcat(kind, "\n", period, NULL);
	const char *path = g_hash_table_lookup(site->paths, key);

	g_free(key);
	return path;
}

gboolean aj_site_write_enterprises(Site *site, AjSiteEnterprises *src, const char *layouts_dir,
				   GError **err)
{
	guint n_blocks = (src->n + BLOCK - 1) / BLOCK;
	Block *blocks;
	Stream stream = { 0 };
	Shared sh = { .site = site, .src = src, .stream = &stream };
	char *keys_path = NULL;
	gboolean ok;

	src->written = src->reused = 0;
	if (!aj_site_layouts_has(site->layouts, "enterprise.html")) {
		aj_warn(_("%s/enterprise.html: no such layout; the site gets no enterprise pages"),
			layouts_dir);
		return TRUE;
	}
	site->has_enterprises = TRUE;
	blocks = g_new0(Block, n_blocks + 1); /* the last one, never done, ends the stream */
	stream.blocks = blocks;
	g_mutex_init(&stream.lock);
	sh.site_hash = site_hash(site);
	sh.dir = g_build_filename(site->root, "enterprise", NULL);
	sh.summaries = g_new0(Summary, MAX(src->n, 1));
	if (src->reuse_from != NULL) {
		char *keys = g_build_filename(src->reuse_from, ".cache", AJ_SITE_PAGE_KEYS, NULL);
		sh.old_keys = aj_keys_read(keys);
		g_free(keys);
		sh.old_dir = g_build_filename(src->reuse_from, "site", "enterprise", NULL);
	}
	if (g_mkdir_with_parents(sh.dir, 0755) != 0) {
		g_set_error(err, AJ_ERROR, EX_CANTCREAT,
			    _("%s: cannot create the directory: %s; check the permissions of the "
			      "output directory"), sh.dir, g_strerror(errno));
		ok = FALSE;
		goto done;
	}
	for (guint i = 0; i < n_blocks; i++)
		blocks[i] = (Block){ .sh = &sh, .from = i * BLOCK, .to = MIN((i + 1) * BLOCK, src->n),
				     .data = g_string_new(NULL), .keys = g_string_new(NULL) };
	ok = open_outputs(&sh, &keys_path, err);
	ok = ok && run_blocks(&sh, blocks, n_blocks, err);
	ok = close_outputs(&sh, keys_path, ok, err);
	if (ok) {
		GString *buf = g_string_sized_new(65536);
		site->directory = directory_new(sh.summaries, src->n, src->as_of_cn);
		ok = aj_site_write_directory(site, src->reuse_from, buf, err) && aj_site_write_shards(site, src->reuse_from, err);
		g_string_free(buf, TRUE);
	}
done:
	for (guint i = 0; i < n_blocks; i++) {
		if (blocks[i].data != NULL)
			g_string_free(blocks[i].data, TRUE);
		if (blocks[i].keys != NULL)
			g_string_free(blocks[i].keys, TRUE);
	}
	for (guint i = 0; i < src->n; i++)
		summary_clear(&sh.summaries[i]);
	g_free(sh.summaries);
	g_free(blocks);
	g_free(keys_path);
	g_mutex_clear(&stream.lock);
	g_free(sh.site_hash);
	g_free(sh.dir);
	g_free(sh.old_dir);
	if (sh.old_keys != NULL)
		g_hash_table_destroy(sh.old_keys);
	return ok;
}
