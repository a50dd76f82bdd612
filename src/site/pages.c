#include <string.h>

#include "html/html.h"
#include "markdown/conventions.h"
#include "site/enterprises.h"
#include "site/files.h"
#include "site/pages.h"
#include "util/error.h"
#include "util/xml.h"

#define INDEX_ROWS 50   /* rows of a list shown on the home page */
#define INDEX_RECENT 20 /* documents listed on the home page */


/* kinds: the menu holds the kinds of documents this site has */
static xmlNodePtr page_new(const Site *site, const char *root, const char *title,
			   const char *current, gboolean kinds)
{
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr page = xmlNewNode(NULL, (const xmlChar *)"page");
	xmlNodePtr nav;

	xmlDocSetRootElement(doc, page);
	aj_attr_str(page, "root", root);
	aj_attr_str(page, "title", title);
	aj_attr_str(page, "issuer", site->issuer);
	aj_attr_str(page, "site-title", site->title);
	if (site->draft)
		aj_attr_str(page, "draft", "true");
	nav = aj_child(page, "nav");
	aj_attr_str(nav, "href", "index.html");
	aj_attr_str(nav, "label", "首页");
	aj_attr_str(nav, "current", strcmp(current, "index.html") == 0 ? "page" : "false");
	for (guint i = 0; kinds && i < site->kinds->len; i++) {
		const char *kind = g_ptr_array_index(site->kinds, i);
		char *href = g_strdup_printf("archive/%s.html", kind);
		nav = aj_child(page, "nav");
		aj_attr_str(nav, "href", href);
		aj_attr_str(nav, "label", aj_site_kind_label(kind));
		aj_attr_str(nav, "current", strcmp(current, href) != 0 ? "false"
				    : strcmp(title, aj_site_kind_label(kind)) == 0 ? "page"
										: "true");
		g_free(href);
	}
	if (site->has_enterprises) {
		nav = aj_child(page, "nav");
		aj_attr_str(nav, "href", "enterprises/index.html");
		aj_attr_str(nav, "label", "企业信息");
		/* the directory itself, or a page in it (a listing, an enterprise) */
		aj_attr_str(nav, "current", strcmp(current, "enterprises/index.html") == 0 ? "page"
					    : g_str_has_prefix(current, "enterprises/") ? "true"
											 : "false");
	}
	nav = aj_child(page, "nav");
	aj_attr_str(nav, "href", "search.html");
	aj_attr_str(nav, "label", "检索");
	aj_attr_str(nav, "current", strcmp(current, "search.html") == 0 ? "page" : "false");
	return page;
}

xmlNodePtr aj_site_page_new(const Site *site, const char *root, const char *title,
			   const char *current)
{
	return page_new(site, root, title, current, TRUE);
}

xmlNodePtr aj_site_page_new_steady(const Site *site, const char *root, const char *title,
				   const char *current)
{
	return page_new(site, root, title, current, FALSE);
}

gboolean aj_site_page_write(const Site *site, xmlNodePtr page, const char *layout,
			   const char *rel, GString *buf, GError **err)
{
	gboolean ok;

	g_string_truncate(buf, 0);
	ok = aj_site_layouts_render(site->layouts, layout, page, buf, err) &&
	     aj_site_put(site->root, rel, buf->str, buf->len, err);
	xmlFreeDoc(page->doc);
	return ok;
}

/* Every name a layout uses inside a list is set on the list item itself:
 * a name missing there is looked up in the enclosing elements, and the
 * list's own parent has one child per item, so that lookup would make a
 * page of n items cost n² (empty values are falsy, as absent ones). */
/* "已更正" for a superseded document, "更正" for a correction, else "". */
static const char *status_label(const SiteEntry *e)
{
	if (e->src->superseded_by != NULL)
		return "已更正";
	if (e->src->supersedes != NULL)
		return "更正";
	return "";
}

static void add_item(xmlNodePtr parent, const SiteEntry *e, const char *root)
{
	xmlNodePtr it = aj_child(parent, "item");
	char *dc = aj_md_date_cn(e->date);
	char *href = g_strconcat(root, e->path, NULL);

	aj_attr_str(it, "href", href);
	g_free(href);
	aj_attr_str(it, "title", e->src->title);
	aj_attr_str(it, "kind-label", e->kind_label);
	aj_attr_str(it, "period-cn", e->period_cn);
	aj_attr_str(it, "date", e->date);
	aj_attr_str(it, "date-cn", dc);
	aj_attr_str(it, "status", status_label(e));
	g_free(dc);
}

/* The site's page of the enterprise a context element names (its
 * `enterprise` attribute), or NULL when the site has none. */
static const SiteCompany *company_of(const Site *site, xmlNodePtr el)
{
	xmlChar *id = site->directory != NULL ? xmlGetProp(el, (const xmlChar *)"enterprise") : NULL;
	const SiteCompany *c = id != NULL ? g_hash_table_lookup(site->directory->by_id, id) : NULL;

	xmlFree(id);
	return c;
}

typedef struct {
	const Site *site;
	xmlNodePtr doc;
	GHashTable *seen;
} NamedAcc;

static void add_named(xmlNodePtr el, gpointer user)
{
	NamedAcc *acc = user;
	const SiteCompany *c = company_of(acc->site, el);

	if (c != NULL && g_hash_table_add(acc->seen, c->id)) {
		xmlNodePtr n = aj_child(acc->doc, "named");
		char *href = g_strdup_printf("../enterprise/%s.html", c->id);
		aj_attr_str(n, "href", href);
		aj_attr_str(n, "name", c->name);
		g_free(href);
	}
}

/* <named href name> for each enterprise the document names that has a
 * page: the site's way from a list to the enterprise. */
static void add_named_all(const Site *site, xmlNodePtr d, xmlNodePtr context)
{
	NamedAcc acc = { site, d, NULL };

	if (site->directory == NULL || context == NULL)
		return;
	acc.seen = g_hash_table_new(g_str_hash, g_str_equal);
	aj_each_element(context, "entry", add_named, &acc);
	aj_each_element(context, "hazard", add_named, &acc);
	aj_attr_int(d, "named-count", g_hash_table_size(acc.seen));
	g_hash_table_destroy(acc.seen);
}

/* <supersedes>/<superseded-by> on a document page: the other document's
 * number, title and page, each linking the other. */
static void add_link(const Site *site, xmlNodePtr d, const char *name, const AjSiteDoc *other)
{
	const SiteEntry *o = aj_site_entry_of(site, other);
	xmlNodePtr n;
	char *href;

	if (o == NULL)
		return;
	n = aj_child(d, name);
	href = g_strconcat("../", o->path, NULL);
	aj_attr_str(n, "href", href);
	aj_attr_str(n, "title", other->title);
	aj_attr_str(n, "number", o->number);
	g_free(href);
}

gboolean aj_site_write_document(const Site *site, const SiteEntry *e, GString *buf, GError **err)
{
	const AjDocument *doc = e->src->doc;
	char *archive = g_strdup_printf("archive/%s.html", e->src->kind);
	/* the menu marks the document's kind */
	xmlNodePtr page = aj_site_page_new(site, "../", e->src->title, archive);
	xmlNodePtr d = aj_child(page, "doc");
	char *dc = aj_md_date_cn(e->date);
	GString *body = g_string_sized_new(8192);
	gboolean ok = FALSE;

	aj_attr_str(d, "title", e->src->title);
	aj_attr_str(d, "kind-label", e->kind_label);
	aj_attr_str(d, "archive", archive);
	aj_attr_str(d, "period-cn", e->period_cn);
	aj_attr_str(d, "date-cn", dc);
	if (e->pdf != NULL)
		aj_attr_str(d, "pdf", strrchr(e->pdf, '/') + 1);
	if (e->ofd != NULL)
		aj_attr_str(d, "ofd", strrchr(e->ofd, '/') + 1);
	add_link(site, d, "supersedes", e->src->supersedes);
	add_link(site, d, "superseded-by", e->src->superseded_by);
	if (doc != NULL) {
		const AjDocMeta *m = &doc->meta;
		aj_attr_str(d, "issuer", m->issuer);
		aj_attr_str(d, "number", m->number);
		aj_attr_str(d, "recipients", m->recipients);
		aj_attr_str(d, "signature", m->signature);
		aj_attr_str(d, "publicity-note", aj_md_publicity_note(m->publicity));
		if (!aj_html_append_fragment(body, doc->root, e->src->context, doc->source_name, err))
			goto done;
	}
	xmlNewTextChild(d, NULL, (const xmlChar *)"body", (const xmlChar *)body->str);
	add_named_all(site, d, e->src->context);
	if (e->pdf != NULL && !aj_site_copy(e->src->pdf_path, site->root, e->pdf, err))
		goto done;
	if (e->ofd != NULL && !aj_site_copy(e->src->ofd_path, site->root, e->ofd, err))
		goto done;
	ok = aj_site_page_write(site, page, "document.html", e->path, buf, err);
	page = NULL;
done:
	if (page != NULL)
		xmlFreeDoc(page->doc);
	g_string_free(body, TRUE);
	g_free(archive);
	g_free(dc);
	return ok;
}

static gboolean write_archive(const Site *site, const char *rel, const char *heading,
			      const char *kind, const char *year, GString *buf, GError **err)
{
	xmlNodePtr page = aj_site_page_new(site, "../", heading, rel);
	xmlNodePtr list = aj_child(page, "archive");

	aj_attr_str(list, "heading", heading);
	for (guint i = 0; i < site->entries->len; i++) {
		const SiteEntry *e = g_ptr_array_index(site->entries, i);
		if ((kind == NULL || strcmp(kind, e->src->kind) == 0) &&
		    (year == NULL || strcmp(year, e->year) == 0))
			add_item(list, e, "../");
	}
	for (guint i = 0; i < site->years->len; i++) {
		const char *y = g_ptr_array_index(site->years, i);
		xmlNodePtr yn = aj_child(page, "year");
		char *href = g_strdup_printf("archive/%s.html", y);
		aj_attr_str(yn, "href", href);
		aj_attr_str(yn, "label", y);
		aj_attr_str(yn, "current", year != NULL && strcmp(y, year) == 0 ? "true" : "false");
		g_free(href);
	}
	return aj_site_page_write(site, page, "archive.html", rel, buf, err);
}

gboolean aj_site_write_archives(const Site *site, GString *buf, GError **err)
{
	for (guint i = 0; i < site->kinds->len; i++) {
		const char *kind = g_ptr_array_index(site->kinds, i);
		char *rel = g_strdup_printf("archive/%s.html", kind);
		gboolean ok = write_archive(site, rel, aj_site_kind_label(kind), kind, NULL, buf, err);
		g_free(rel);
		if (!ok)
			return FALSE;
	}
	for (guint i = 0; i < site->years->len; i++) {
		const char *year = g_ptr_array_index(site->years, i);
		char *rel = g_strdup_printf("archive/%s.html", year);
		char *heading = g_strdup_printf("%s年公开文件", year);
		gboolean ok = write_archive(site, rel, heading, NULL, year, buf, err);
		g_free(rel);
		g_free(heading);
		if (!ok)
			return FALSE;
	}
	return TRUE;
}

/* The newest document of a kind still in force. */
static const SiteEntry *latest(const Site *site, const char *kind)
{
	for (guint i = 0; i < site->entries->len; i++) {
		const SiteEntry *e = g_ptr_array_index(site->entries, i);
		if (strcmp(e->src->kind, kind) == 0 && e->src->superseded_by == NULL)
			return e;
	}
	return NULL;
}

/* "同比上升12.5%" from a -yoy attribute ("12.5", "-3.0"); "同比 —" when absent. */
static char *change_text(xmlNodePtr total, const char *key)
{
	char *name = g_strconcat(key, "-yoy", NULL);
	xmlChar *v = xmlGetProp(total, (const xmlChar *)name);
	char *out;

	if (v == NULL)
		out = g_strdup("同比 —");
	else if (strcmp((char *)v, "0.0") == 0 || strcmp((char *)v, "0") == 0)
		out = g_strdup("同比持平");
	else if (v[0] == '-')
		out = g_strdup_printf("同比下降%s%%", (char *)v + 1);
	else
		out = g_strdup_printf("同比上升%s%%", (char *)v);
	xmlFree(v);
	g_free(name);
	return out;
}

static void add_figures(xmlNodePtr parent, xmlNodePtr context)
{
	static const struct {
		const char *key, *label, *unit;
		gboolean yoy;
	} figures[] = {
		{ "inspections", "执法检查", "家次", TRUE },
		{ "penalties", "行政处罚", "起", TRUE },
		{ "accidents", "生产安全事故", "起", TRUE },
		{ "deaths", "死亡", "人", TRUE },
		{ "major-hazards-open", "重大事故隐患未整改", "项", FALSE },
	};
	xmlNodePtr total = aj_xml_child(context, "total");

	if (total == NULL)
		return;
	for (gsize i = 0; i < G_N_ELEMENTS(figures); i++) {
		xmlChar *v = xmlGetProp(total, (const xmlChar *)figures[i].key);
		xmlNodePtr f;
		if (v == NULL)
			continue;
		f = aj_child(parent, "figure");
		aj_attr_str(f, "label", figures[i].label);
		aj_attr_str(f, "value", (const char *)v);
		aj_attr_str(f, "unit", figures[i].unit);
		if (figures[i].yoy) {
			char *c = change_text(total, figures[i].key);
			aj_attr_str(f, "change", c);
			g_free(c);
		}
		xmlFree(v);
	}
}

typedef struct {
	const Site *site;
	xmlNodePtr parent;
	guint count;
} RowAcc;

static void add_row(xmlNodePtr entry, gpointer user)
{
	RowAcc *acc = user;
	static const char *const keep[] = { "no", "name", "district-name", "problem", "handling",
					    "grade-cn" };
	xmlNodePtr row;

	if (!xmlHasProp(entry, (const xmlChar *)"name"))
		return;
	if (acc->count++ >= INDEX_ROWS)
		return;
	row = aj_child(acc->parent, "row");
	for (gsize i = 0; i < G_N_ELEMENTS(keep); i++) {
		xmlChar *v = xmlGetProp(entry, (const xmlChar *)keep[i]);
		aj_attr_str(row, keep[i], v != NULL ? (const char *)v : "");
		xmlFree(v);
	}
	{
		const SiteCompany *c = company_of(acc->site, entry);
		char *href = c != NULL ? g_strdup_printf("enterprise/%s.html", c->id) : g_strdup("");
		aj_attr_str(row, "href", href);
		g_free(href);
	}
}

static void add_list(const Site *site, xmlNodePtr page, const char *name, const SiteEntry *e)
{
	xmlNodePtr list;
	RowAcc acc;
	char buf[32];

	if (e == NULL)
		return;
	list = aj_child(page, name);
	aj_attr_str(list, "href", e->path);
	aj_attr_str(list, "title", e->src->title);
	aj_attr_str(list, "period-cn", e->period_cn);
	acc.site = site;
	acc.parent = list;
	acc.count = 0;
	aj_each_element(e->src->context, "entry", add_row, &acc);
	g_snprintf(buf, sizeof buf, "%u", acc.count);
	aj_attr_str(list, "count", buf);
	aj_attr_str(list, "more", acc.count > INDEX_ROWS ? "true" : "false");
}

gboolean aj_site_write_index(const Site *site, GString *buf, GError **err)
{
	xmlNodePtr page = aj_site_page_new(site, "", site->title, "index.html");
	const SiteEntry *b = latest(site, "bulletin");
	xmlNodePtr recent = aj_child(page, "recent");

	aj_attr_str(page, "home", "true"); /* its title is the site's: not repeated */

	if (b != NULL) {
		xmlNodePtr bn = aj_child(page, "bulletin");
		aj_attr_str(bn, "href", b->path);
		aj_attr_str(bn, "title", b->src->title);
		aj_attr_str(bn, "period-cn", b->period_cn);
		add_figures(bn, b->src->context);
	}
	add_list(site, page, "exposed", latest(site, "exposed"));
	add_list(site, page, "exemplars", latest(site, "exemplars"));
	for (guint i = 0; i < site->entries->len && i < INDEX_RECENT; i++)
		add_item(recent, g_ptr_array_index(site->entries, i), "");
	for (guint i = 0; i < site->years->len; i++) {
		const char *y = g_ptr_array_index(site->years, i);
		xmlNodePtr yn = aj_child(page, "year");
		char *href = g_strdup_printf("archive/%s.html", y);
		aj_attr_str(yn, "href", href);
		aj_attr_str(yn, "label", y);
		g_free(href);
	}
	if (site->entries->len == 0)
		aj_attr_str(page, "empty", "true");
	if (site->directory != NULL) {
		xmlNodePtr en = aj_child(page, "enterprises");

		aj_attr_int(en, "count", site->directory->n);
		aj_attr_str(en, "as-of-cn", site->directory->as_of_cn);
	}
	return aj_site_page_write(site, page, "index.html", "index.html", buf, err);
}
