/* The search data: every public document's title, and every enterprise name
 * on a public list (exposed, exemplars, hazard supervision), once as
 * search-index.json for search.js and once as the static list of
 * search.html, which is the whole search when JavaScript is off. */
#include <string.h>


#include "site/files.h"
#include "site/pages.h"
#include "util/error.h"
#include "util/xml.h"

void aj_site_json_string(GString *out, const char *s)
{
	g_string_append_c(out, '"');
	for (const char *p = s != NULL ? s : ""; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"' || c == '\\')
			g_string_append_printf(out, "\\%c", c);
		else if (c < 0x20 || c == '<' || c == '>' || c == '&')
			g_string_append_printf(out, "\\u%04x", c);
		else if (c == 0xE2 && (unsigned char)p[1] == 0x80 &&
			 ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9)) {
			/* U+2028/U+2029 end a line in older JavaScript */
			g_string_append_printf(out, "\\u%04x", 0x2000 + ((unsigned char)p[2] - 0x80));
			p += 2;
		} else
			g_string_append_c(out, (char)c);
	}
	g_string_append_c(out, '"');
}

typedef struct {
	const SiteEntry *e;
	xmlNodePtr page;
	GString *json;
	gboolean first;
} NameAcc;

static void add_name(xmlNodePtr el, gpointer user)
{
	NameAcc *acc = user;
	xmlChar *name = xmlGetProp(el, (const xmlChar *)"name");
	xmlChar *district = xmlGetProp(el, (const xmlChar *)"district-name");
	xmlNodePtr n;

	if (name == NULL)
		goto done;
	g_string_append(acc->json, acc->first ? "\n" : ",\n");
	acc->first = FALSE;
	g_string_append(acc->json, "{\"name\":");
	aj_site_json_string(acc->json, (const char *)name);
	g_string_append(acc->json, ",\"district\":");
	aj_site_json_string(acc->json, (const char *)district);
	g_string_append(acc->json, ",\"list\":");
	aj_site_json_string(acc->json, acc->e->src->title);
	g_string_append(acc->json, ",\"url\":");
	aj_site_json_string(acc->json, acc->e->path);
	g_string_append_c(acc->json, '}');
	n = xmlNewChild(acc->page, NULL, (const xmlChar *)"hit", NULL);
	xmlNewProp(n, (const xmlChar *)"href", (const xmlChar *)acc->e->path);
	xmlNewProp(n, (const xmlChar *)"text", name);
	xmlNewProp(n, (const xmlChar *)"detail", (const xmlChar *)acc->e->src->title);
	/* set even when empty: see add_item() in pages.c */
	xmlNewProp(n, (const xmlChar *)"district", district != NULL ? district : (const xmlChar *)"");
done:
	xmlFree(name);
	xmlFree(district);
}

static gboolean lists_names(const char *kind)
{
	return strcmp(kind, "exposed") == 0 || strcmp(kind, "exemplars") == 0 ||
	       strcmp(kind, "hazard-supervision") == 0;
}

gboolean aj_site_write_search(const Site *site, GString *buf, GError **err)
{
	xmlNodePtr page = aj_site_page_new(site, "", "检索", "search.html");
	GString *json = g_string_sized_new(16384);
	NameAcc acc = { .page = page, .json = json, .first = TRUE };
	gboolean ok = FALSE;

	g_string_append(json, "{\"documents\":[");
	for (guint i = 0; i < site->entries->len; i++) {
		const SiteEntry *e = g_ptr_array_index(site->entries, i);
		xmlNodePtr n;
		g_string_append(json, i == 0 ? "\n" : ",\n");
		g_string_append(json, "{\"title\":");
		aj_site_json_string(json, e->src->title);
		g_string_append(json, ",\"kind\":");
		aj_site_json_string(json, e->kind_label);
		g_string_append(json, ",\"date\":");
		aj_site_json_string(json, e->date);
		g_string_append(json, ",\"url\":");
		aj_site_json_string(json, e->path);
		g_string_append_c(json, '}');
		n = xmlNewChild(page, NULL, (const xmlChar *)"hit", NULL);
		xmlNewProp(n, (const xmlChar *)"href", (const xmlChar *)e->path);
		xmlNewProp(n, (const xmlChar *)"text", (const xmlChar *)e->src->title);
		xmlNewProp(n, (const xmlChar *)"detail", (const xmlChar *)e->kind_label);
		xmlNewProp(n, (const xmlChar *)"district", (const xmlChar *)"");
	}
	g_string_append(json, "\n],\"names\":[");
	/* with enterprise pages, names are found through search/ (one shard a
	 * query), and search.html points to the listings instead */
	if (site->has_enterprises)
		xmlNewProp(page, (const xmlChar *)"enterprises", (const xmlChar *)"true");
	for (guint i = 0; !site->has_enterprises && i < site->entries->len; i++) {
		acc.e = g_ptr_array_index(site->entries, i);
		if (!lists_names(acc.e->src->kind))
			continue;
		/* the elements of a list context that name an enterprise */
		aj_each_element(acc.e->src->context, "entry", add_name, &acc);
		aj_each_element(acc.e->src->context, "hazard", add_name, &acc);
	}
	g_string_append(json, "\n]}\n");
	if (!aj_site_put(site->root, "search-index.json", json->str, json->len, err))
		goto done;
	ok = aj_site_page_write(site, page, "search.html", "search.html", buf, err);
	page = NULL;
done:
	if (page != NULL)
		xmlFreeDoc(page->doc);
	g_string_free(json, TRUE);
	return ok;
}
