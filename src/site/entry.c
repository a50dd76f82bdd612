#include <string.h>

#include "site/enterprises.h"
#include "site/entry.h"
#include "util/xml.h"

static const struct {
	const char *kind, *label;
} kinds[] = {
	{ "bulletin", "月度通报" },
	{ "exposed", "曝光企业名单" },
	{ "exemplars", "本质安全示范企业名单" },
	{ "hazard-supervision", "挂牌督办重大事故隐患" },
	{ "rectification", "问题清单整改台账" },
	{ "exemplar-review", "示范企业评审" },
	{ "assessment", "年度考核" },
};

const char *aj_site_kind_label(const char *kind)
{
	for (gsize i = 0; i < G_N_ELEMENTS(kinds); i++)
		if (strcmp(kind, kinds[i].kind) == 0)
			return kinds[i].label;
	return kind;
}

int aj_site_kind_order(const char *kind)
{
	for (gsize i = 0; i < G_N_ELEMENTS(kinds); i++)
		if (strcmp(kind, kinds[i].kind) == 0)
			return (int)i;
	return (int)G_N_ELEMENTS(kinds);
}

char *aj_site_meta(xmlNodePtr context, const char *name)
{
	return aj_xml_prop(aj_xml_child(context, "meta"), name);
}

/* Period and kind become path segments: keep them to safe characters. */
static void append_segment(GString *s, const char *text)
{
	for (const char *p = text; *p != '\0'; p++)
		g_string_append_c(s, g_ascii_isalnum(*p) || *p == '-' || *p == '_' ? *p : '_');
}

char *aj_site_page_path(const AjSiteDoc *doc)
{
	GString *s;

	if (doc->publicity == NULL || strcmp(doc->publicity, "public") != 0)
		return NULL;
	s = g_string_new(NULL);
	append_segment(s, doc->kind);
	g_string_append_c(s, '/');
	append_segment(s, doc->period);
	/* '.' never comes out of append_segment: no period can look like this */
	if (doc->version > 1)
		g_string_append_printf(s, ".v%d", doc->version);
	g_string_append(s, ".html");
	return g_string_free(s, FALSE);
}

static gboolean is_iso_date(const char *s)
{
	return s != NULL && strlen(s) == 10 && g_ascii_isdigit(s[0]) && s[4] == '-' && s[7] == '-';
}

static char *entry_date(const AjSiteDoc *d)
{
	char *m;

	if (d->doc != NULL && is_iso_date(d->doc->meta.date))
		return g_strdup(d->doc->meta.date);
	m = aj_site_meta(d->context, "date");
	if (is_iso_date(m))
		return m;
	g_free(m);
	/* a period "2026-03" or "2026-Q1" still gives a year */
	if (d->period != NULL && strlen(d->period) >= 4 && g_ascii_isdigit(d->period[0]))
		return g_strdup_printf("%.4s-01-01", d->period);
	return g_strdup("1970-01-01");
}

static char *entry_number(const AjSiteDoc *d)
{
	if (d->doc != NULL && d->doc->meta.number != NULL)
		return g_strdup(d->doc->meta.number);
	return aj_site_meta(d->context, "number");
}

static int compare_entries(gconstpointer a, gconstpointer b)
{
	const SiteEntry *x = *(SiteEntry *const *)a, *y = *(SiteEntry *const *)b;
	int c = strcmp(y->date, x->date);

	if (c == 0)
		c = x->kind_order - y->kind_order;
	if (c == 0)
		c = strcmp(y->src->period, x->src->period);
	if (c == 0)
		c = strcmp(x->path, y->path);
	return c;
}

static void entry_free(gpointer p)
{
	SiteEntry *e = p;

	g_free(e->path);
	g_free(e->pdf);
	g_free(e->ofd);
	g_free(e->date);
	g_free(e->year);
	g_free(e->period_cn);
	g_free(e->number);
	g_free(e);
}

static int compare_years(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

static int compare_kinds(gconstpointer a, gconstpointer b)
{
	return aj_site_kind_order(*(char *const *)a) - aj_site_kind_order(*(char *const *)b);
}

Site *aj_site_new(const AjSiteDoc *docs, guint n, const AjSiteOptions *opts, const char *out_dir)
{
	Site *site = g_new0(Site, 1);
	GHashTable *seen_kind = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *seen_year = g_hash_table_new(g_str_hash, g_str_equal);

	site->entries = g_ptr_array_new_with_free_func(entry_free);
	site->kinds = g_ptr_array_new();
	site->years = g_ptr_array_new_with_free_func(g_free);
	site->root = g_build_filename(out_dir, "site", NULL);
	site->out_dir = g_strdup(out_dir);
	site->paths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	site->site_url = opts != NULL && opts->site_url != NULL ? opts->site_url : AJ_SITE_URL_DEFAULT;
	site->issuer = opts != NULL ? opts->issuer : NULL;
	site->title = opts != NULL && opts->title != NULL ? opts->title : "安全生产信息公开";
	site->draft = opts != NULL && opts->draft;
	for (guint i = 0; i < n; i++) {
		const AjSiteDoc *d = &docs[i];
		SiteEntry *e;
		char *pc;

		if (d->publicity == NULL || strcmp(d->publicity, "public") != 0)
			continue;
		e = g_new0(SiteEntry, 1);
		e->src = d;
		e->path = aj_site_page_path(d);
		if (d->pdf_path != NULL)
			e->pdf = g_strdup_printf("%.*s.pdf", (int)(strlen(e->path) - 5), e->path);
		if (d->ofd_path != NULL)
			e->ofd = g_strdup_printf("%.*s.ofd", (int)(strlen(e->path) - 5), e->path);
		e->date = entry_date(d);
		e->year = g_strndup(e->date, 4);
		pc = aj_site_meta(d->context, "period-cn");
		e->period_cn = pc != NULL ? pc : g_strdup(d->period);
		e->number = entry_number(d);
		e->kind_label = aj_site_kind_label(d->kind);
		e->kind_order = aj_site_kind_order(d->kind);
		if (site->issuer == NULL && d->doc != NULL && d->doc->meta.issuer != NULL)
			site->issuer = d->doc->meta.issuer;
		g_ptr_array_add(site->entries, e);
		g_hash_table_replace(site->paths, g_strconcat(d->kind, "\n", d->period, NULL), e->path);
		if (g_hash_table_add(seen_kind, (gpointer)d->kind))
			g_ptr_array_add(site->kinds, (gpointer)d->kind);
		if (!g_hash_table_contains(seen_year, e->year)) {
			g_hash_table_add(seen_year, e->year);
			g_ptr_array_add(site->years, g_strdup(e->year));
		}
	}
	if (site->issuer == NULL)
		site->issuer = "";
	g_ptr_array_sort(site->entries, compare_entries);
	g_ptr_array_sort(site->kinds, compare_kinds);
	g_ptr_array_sort(site->years, compare_years);
	g_hash_table_destroy(seen_kind);
	g_hash_table_destroy(seen_year);
	return site;
}

const SiteEntry *aj_site_entry_of(const Site *site, const AjSiteDoc *doc)
{
	for (guint i = 0; doc != NULL && i < site->entries->len; i++) {
		const SiteEntry *e = g_ptr_array_index(site->entries, i);
		if (e->src == doc)
			return e;
	}
	return NULL;
}

void aj_site_free(Site *site)
{
	if (site == NULL)
		return;
	g_ptr_array_free(site->entries, TRUE);
	g_ptr_array_free(site->kinds, TRUE);
	g_ptr_array_free(site->years, TRUE);
	g_hash_table_destroy(site->paths);
	aj_site_directory_free(site->directory);
	g_free(site->root);
	g_free(site->out_dir);
	g_free(site);
}
