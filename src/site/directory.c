/* The enterprise directory: enterprises/index.html (districts and
 * industries with their counts) and the listings, all enterprises and those
 * of each district and industry, by name, AJ_SITE_LISTING_ROWS a page:
 * enterprises/all.html, enterprises/CODE.html, then CODE-2.html, ….  The
 * listings are also the search without JavaScript. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "context/attrs.h"
#include "site/enterprises.h"
#include "site/pages.h"
#include "util/keys.h"
#include "util/pool.h"
#include "util/testhook.h"

#define PAGER_SPAN 3 /* page links either side of the current one */

static void set(xmlNodePtr n, const char *name, const char *value)
{
	xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)(value != NULL ? value : ""));
}

static void set_uint(xmlNodePtr n, const char *name, guint v)
{
	char buf[16];

	g_snprintf(buf, sizeof buf, "%u", v);
	set(n, name, buf);
}

static xmlNodePtr child(xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
}

/* "all.html" for page 1, "all-3.html" for page 3. */
static char *page_file(const char *stem, guint page)
{
	return page <= 1 ? g_strdup_printf("%s.html", stem) : g_strdup_printf("%s-%u.html", stem, page);
}

/* What the listing pages share: the earlier output's keys to reuse them. */
typedef struct {
	GHashTable *old_keys; /* site path → key */
	const char *old_root; /* the earlier output; NULL: write all */
} Reuse;

/* One listing page to write: rows [from, to) of an ordered selection. */
typedef struct {
	const Site *site;
	const Reuse *reuse;
	char *key;                         /* out: the page's key */
	const char *stem, *heading, *what; /* what: 所在地区 / 行业 / "" */
	const guint *rows;                 /* company indexes, in order */
	guint n_rows, page, pages;
	GError *error;
} ListJob;

static void add_pager(xmlNodePtr list, const ListJob *j)
{
	xmlNodePtr pager;

	if (j->pages <= 1)
		return;
	pager = child(list, "pager");
	for (guint p = 1; p <= j->pages; p++) {
		gboolean near = p + PAGER_SPAN >= j->page && p <= j->page + PAGER_SPAN;
		xmlNodePtr link;
		char *file, label[16];
		if (!near && p != 1 && p != j->pages) {
			/* one gap marker where pages are left out */
			if (p == 2 || p == j->page + PAGER_SPAN + 1) {
				link = child(pager, "link");
				set(link, "href", "");
				set(link, "label", "…");
				set(link, "current", "");
				set(link, "gap", "true");
			}
			continue;
		}
		link = child(pager, "link");
		file = page_file(j->stem, p);
		g_snprintf(label, sizeof label, "%u", p);
		set(link, "href", file);
		set(link, "label", label);
		set(link, "current", p == j->page ? "page" : "");
		set(link, "gap", "");
		g_free(file);
	}
	if (j->page > 1) {
		char *f = page_file(j->stem, j->page - 1);
		set(pager, "prev", f);
		g_free(f);
	}
	if (j->page < j->pages) {
		char *f = page_file(j->stem, j->page + 1);
		set(pager, "next", f);
		g_free(f);
	}
}

static gboolean link_old(const ListJob *j, const char *rel)
{
	char *from = g_build_filename(j->reuse->old_root, "site", rel, NULL);
	char *to = g_build_filename(j->site->root, rel, NULL);
	gboolean ok = link(from, to) == 0;

	g_free(from);
	g_free(to);
	return ok;
}

static void write_list_page(gpointer data, gpointer user_data)
{
	ListJob *j = data;
	const SiteDirectory *dir = j->site->directory;
	guint from = (j->page - 1) * AJ_SITE_LISTING_ROWS;
	guint to = MIN(from + AJ_SITE_LISTING_ROWS, j->n_rows);
	char *title = j->pages > 1 ? g_strdup_printf("%s（第%u页）", j->heading, j->page)
				   : g_strdup(j->heading);
	char *rel_self = page_file(j->stem, j->page);
	char *rel = g_strconcat("enterprises/", rel_self, NULL);
	xmlNodePtr page = aj_site_page_new(j->site, "../", title, "enterprises/");
	xmlNodePtr list = child(page, "listing");
	GString *buf = g_string_sized_new(65536);

	set(list, "heading", j->heading);
	set(list, "as-of-cn", dir->as_of_cn);
	set_uint(list, "count", j->n_rows);
	set_uint(list, "page", j->page);
	set_uint(list, "pages", j->pages);
	set_uint(list, "first", j->n_rows > 0 ? from + 1 : 0);
	set_uint(list, "last", to);
	for (guint r = from; r < to; r++) {
		const SiteCompany *c = &dir->companies[j->rows[r]];
		const SiteGroup *d = g_ptr_array_index(dir->districts, c->district);
		const SiteGroup *ind = g_ptr_array_index(dir->industries, c->industry);
		xmlNodePtr row = child(list, "row");
		char *href = g_strdup_printf("../enterprise/%s.html", c->id);
		set_uint(row, "no", r + 1);
		set(row, "href", href);
		set(row, "name", c->name);
		set(row, "id", c->id);
		set(row, "district-name", d->label);
		set(row, "industry-label", ind->label);
		set(row, "closed-cn", c->closed ? "已关闭" : "");
		g_free(href);
	}
	add_pager(list, j);
	/* unchanged (the same context and layouts): linked from the earlier output */
	aj_xml_dump(buf, page);
	j->key = aj_keys_digest(aj_site_layouts_digest(j->site->layouts), buf->str, buf->len);
	if (aj_keys_match(j->reuse->old_keys, rel, j->key) && link_old(j, rel))
		xmlFreeDoc(page->doc);
	else
		aj_site_page_write(j->site, page, "enterprise-list.html", rel, buf, &j->error);
	g_string_free(buf, TRUE);
	g_free(rel);
	g_free(rel_self);
	g_free(title);
}

/* The name order of listings: name, then credit code (two enterprises
 * may share a name). */
static int compare_companies(const void *a, const void *b, void *user)
{
	const SiteCompany *c = user;
	const SiteCompany *x = &c[*(const guint *)a], *y = &c[*(const guint *)b];
	int r = strcmp(x->name, y->name);

	return r != 0 ? r : strcmp(x->id, y->id);
}

/* Jobs for every page of one listing. */
static void add_listing(GArray *jobs, const Site *site, const Reuse *reuse, const char *stem,
			const char *heading, const guint *rows, guint n)
{
	guint pages = MAX((n + AJ_SITE_LISTING_ROWS - 1) / AJ_SITE_LISTING_ROWS, 1);

	for (guint p = 1; p <= pages; p++) {
		ListJob j = { .site = site, .reuse = reuse, .stem = stem, .heading = heading,
			      .rows = rows, .n_rows = n, .page = p, .pages = pages };
		g_array_append_val(jobs, j);
	}
}

static void add_group(xmlNodePtr parent, const char *name, const SiteGroup *g)
{
	xmlNodePtr n = child(parent, name);
	char *href = g_strdup_printf("%s.html", g->code);

	set(n, "href", href);
	set(n, "label", g->label);
	set_uint(n, "count", g->count);
	g_free(href);
}

static gboolean write_index(const Site *site, GString *buf, GError **err)
{
	const SiteDirectory *dir = site->directory;
	xmlNodePtr page = aj_site_page_new(site, "../", "企业信息", "enterprises/index.html");
	xmlNodePtr d = child(page, "directory");

	set_uint(d, "count", dir->n);
	set(d, "as-of-cn", dir->as_of_cn);
	for (guint i = 0; i < dir->districts->len; i++)
		add_group(d, "district", g_ptr_array_index(dir->districts, i));
	for (guint i = 0; i < dir->industries->len; i++)
		add_group(d, "industry", g_ptr_array_index(dir->industries, i));
	return aj_site_page_write(site, page, "enterprises.html", "enterprises/index.html", buf, err);
}

/* "PATH KEY" of every listing page, for the next build. */
static void store_keys(const Site *site, GArray *jobs)
{
	GString *all = g_string_new(NULL);
	char *path = g_build_filename(site->out_dir, ".cache", AJ_SITE_LIST_KEYS, NULL);

	for (guint i = 0; i < jobs->len; i++) {
		const ListJob *j = &g_array_index(jobs, ListJob, i);
		char *file = page_file(j->stem, j->page);
		g_string_append_printf(all, "enterprises/%s %s\n", file, j->key);
		g_free(file);
	}
	g_file_set_contents(path, all->str, (gssize)all->len, NULL); /* else all are written next time */
	g_string_free(all, TRUE);
	g_free(path);
}

gboolean aj_site_write_directory(const Site *site, const char *reuse_from, GString *buf,
				 GError **err)
{
	char *keys = reuse_from != NULL ? g_build_filename(reuse_from, ".cache", AJ_SITE_LIST_KEYS, NULL)
					: NULL;
	Reuse reuse = { aj_keys_read(keys), reuse_from };
	const SiteDirectory *dir = site->directory;
	guint n = dir->n, nd = dir->districts->len, ni = dir->industries->len;
	guint *all = g_new(guint, MAX(n, 1));
	guint **by_group = g_new0(guint *, nd + ni); /* districts, then industries */
	guint *fill = g_new0(guint, nd + ni);
	char **headings = g_new0(char *, nd + ni + 1);
	GArray *jobs = g_array_new(FALSE, FALSE, sizeof(ListJob));
	gboolean ok = write_index(site, buf, err);

	for (guint i = 0; i < n; i++)
		all[i] = i;
	qsort_r(all, n, sizeof(guint), compare_companies, dir->companies);
	for (guint g = 0; g < nd + ni; g++) {
		const SiteGroup *grp = g_ptr_array_index(g < nd ? dir->districts : dir->industries,
							 g < nd ? g : g - nd);
		by_group[g] = g_new(guint, MAX(grp->count, 1));
		headings[g] = g_strdup_printf(g < nd ? "%s企业" : "%s行业企业", grp->label);
	}
	for (guint i = 0; i < n; i++) {
		const SiteCompany *c = &dir->companies[all[i]];
		by_group[c->district][fill[c->district]++] = all[i];
		by_group[nd + c->industry][fill[nd + c->industry]++] = all[i];
	}
	add_listing(jobs, site, &reuse, "all", "全部企业", all, n);
	for (guint g = 0; g < nd + ni; g++) {
		const SiteGroup *grp = g_ptr_array_index(g < nd ? dir->districts : dir->industries,
							 g < nd ? g : g - nd);
		add_listing(jobs, site, &reuse, grp->code, headings[g], by_group[g], fill[g]);
	}
	if (ok) {
		aj_pool_each(jobs->data, jobs->len, sizeof(ListJob), write_list_page, NULL,
			     aj_test_jobs((int)g_get_num_processors()));
		ok = aj_pool_first_error(jobs->data, jobs->len, sizeof(ListJob),
					 G_STRUCT_OFFSET(ListJob, error), err);
	}
	if (ok)
		store_keys(site, jobs);
	for (guint i = 0; i < jobs->len; i++)
		g_free(g_array_index(jobs, ListJob, i).key);
	if (reuse.old_keys != NULL)
		g_hash_table_destroy(reuse.old_keys);
	g_free(keys);
	for (guint g = 0; g < nd + ni; g++)
		g_free(by_group[g]);
	g_array_free(jobs, TRUE);
	g_strfreev(headings);
	g_free(by_group);
	g_free(fill);
	g_free(all);
	return ok;
}
