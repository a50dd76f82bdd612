/* feed.xml (Atom 1.0) and sitemap.xml.  Both need absolute URLs, made of
 * the site URL option and the page path; dates come from the documents
 * (their 成文日期), never from the clock, so two builds are identical. */
#include <string.h>

#include <libxml/xmlwriter.h>

#include "site/files.h"
#include "site/pages.h"
#include "util/error.h"

#define FEED_ENTRIES 50

static void element(xmlTextWriterPtr w, const char *name, const char *text)
{
	xmlTextWriterWriteElement(w, (const xmlChar *)name, (const xmlChar *)text);
}

static void attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(w, (const xmlChar *)name, (const xmlChar *)value);
}

static gboolean finish(const Site *site, xmlTextWriterPtr w, xmlBufferPtr buf, const char *rel,
		       GError **err)
{
	gboolean ok;

	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	ok = aj_site_put(site->root, rel, (const char *)xmlBufferContent(buf),
			 (gsize)xmlBufferLength(buf), err);
	xmlBufferFree(buf);
	return ok;
}

static gboolean write_feed(const Site *site, GError **err)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	char *self = g_strconcat(site->site_url, "feed.xml", NULL);
	char *updated = g_strdup_printf("%s", site->entries->len > 0
						      ? ((SiteEntry *)g_ptr_array_index(site->entries, 0))->date
						      : "1970-01-01");
	char *stamp = g_strconcat(updated, "T00:00:00Z", NULL);

	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(w, (const xmlChar *)"feed");
	attr(w, "xmlns", "http://www.w3.org/2005/Atom");
	attr(w, "xml:lang", "zh-CN");
	element(w, "title", site->title);
	element(w, "id", site->site_url);
	element(w, "updated", stamp);
	xmlTextWriterStartElement(w, (const xmlChar *)"author");
	element(w, "name", site->issuer);
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, (const xmlChar *)"link");
	attr(w, "rel", "self");
	attr(w, "href", self);
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, (const xmlChar *)"link");
	attr(w, "href", site->site_url);
	xmlTextWriterEndElement(w);
	for (guint i = 0; i < site->entries->len && i < FEED_ENTRIES; i++) {
		const SiteEntry *e = g_ptr_array_index(site->entries, i);
		char *url = g_strconcat(site->site_url, e->path, NULL);
		char *when = g_strconcat(e->date, "T00:00:00Z", NULL);
		char *summary = g_strdup_printf("%s（%s）%s", e->kind_label, e->period_cn,
						e->src->superseded_by != NULL ? "，已更正"
						: e->src->supersedes != NULL  ? "，更正"
									      : "");

		xmlTextWriterStartElement(w, (const xmlChar *)"entry");
		element(w, "title", e->src->title);
		element(w, "id", url);
		element(w, "updated", when);
		xmlTextWriterStartElement(w, (const xmlChar *)"link");
		attr(w, "href", url);
		xmlTextWriterEndElement(w);
		element(w, "summary", summary);
		xmlTextWriterEndElement(w);
		g_free(url);
		g_free(when);
		g_free(summary);
	}
	xmlTextWriterEndElement(w);
	g_free(self);
	g_free(updated);
	g_free(stamp);
	return finish(site, w, buf, "feed.xml", err);
}

static void url_entry(xmlTextWriterPtr w, const Site *site, const char *path, const char *date)
{
	char *loc = g_strconcat(site->site_url, path, NULL);

	xmlTextWriterStartElement(w, (const xmlChar *)"url");
	element(w, "loc", loc);
	if (date != NULL)
		element(w, "lastmod", date);
	xmlTextWriterEndElement(w);
	g_free(loc);
}

static gboolean write_sitemap(const Site *site, GError **err)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	const char *newest = site->entries->len > 0
				     ? ((SiteEntry *)g_ptr_array_index(site->entries, 0))->date
				     : NULL;

	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(w, (const xmlChar *)"urlset");
	attr(w, "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
	url_entry(w, site, "", newest);
	url_entry(w, site, "search.html", newest);
	for (guint i = 0; i < site->kinds->len; i++) {
		char *p = g_strdup_printf("archive/%s.html", (char *)g_ptr_array_index(site->kinds, i));
		url_entry(w, site, p, newest);
		g_free(p);
	}
	for (guint i = 0; i < site->years->len; i++) {
		char *p = g_strdup_printf("archive/%s.html", (char *)g_ptr_array_index(site->years, i));
		url_entry(w, site, p, NULL);
		g_free(p);
	}
	for (guint i = 0; i < site->entries->len; i++) {
		const SiteEntry *e = g_ptr_array_index(site->entries, i);
		url_entry(w, site, e->path, e->date);
	}
	xmlTextWriterEndElement(w);
	return finish(site, w, buf, "sitemap.xml", err);
}

gboolean aj_site_write_feeds(const Site *site, GError **err)
{
	return write_feed(site, err) && write_sitemap(site, err);
}
