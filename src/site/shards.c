/* The enterprise search index for search.js, split so that one query loads
 * one shard of at most SHARD_BYTES.
 *
 * Every suffix of every name, and every credit code, is a key; the keys
 * sorted (in UTF-16 order, as JavaScript compares strings) are cut into
 * shards by size.  The names that contain a query q are those with a key
 * starting with q, a run of consecutive keys: it begins in the last shard
 * whose separator is <= q.  A separator is the shortest prefix of its
 * shard's first key that is greater than the key before it, so the
 * separators of search/enterprises.json stay short; keys are made unique
 * by the credit code after U+0001, which no query holds.
 *
 *   search/enterprises.json  {"shards":N,"sep":[…],"districts":[…],…}
 *   search/e-K.json          [[offset,"name","code",district(,1 closed)],…]
 * offset: where the key starts in the name, in UTF-16 units; -1: the key
 * is the credit code.
 *
 * When every name, code and district is as in the earlier output (the
 * digest in OUT/.cache/search.key), its files are linked instead. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "site/enterprises.h"
#include "site/pages.h"
#include "util/error.h"
#include "util/file.h"
#include "util/i18n.h"

#define SHARD_BYTES (128 * 1024)
#define SEARCH_KEY "search.key"

typedef struct {
	guint64 prefix;  /* the first four UTF-16 units, for a quick compare */
	const char *key; /* into the name or the credit code */
	guint32 company;
	gint32 offset;   /* UTF-16 units into the name; -1: the credit code */
} Entry;

/* The next code point of a valid UTF-8 string, 0 at its end. */
static gunichar next_cp(const char **p)
{
	gunichar c;

	if (**p == '\0')
		return 0;
	c = g_utf8_get_char(*p);
	*p = g_utf8_next_char(*p);
	return c;
}

/* A code point's place in UTF-16 order: the supplementary planes (two
 * units from U+D800) sort before U+E000…U+FFFF. */
static guint32 rank(gunichar c)
{
	return c < 0xD800 ? c : c >= 0x10000 ? 0xD800 + (c - 0x10000) : c + 0x100000;
}

/* UTF-16 order of two UTF-8 strings. */
static int utf16_cmp(const char *a, const char *b)
{
	for (;;) {
		gunichar x = next_cp(&a), y = next_cp(&b);
		if (x != y)
			return rank(x) < rank(y) ? -1 : 1;
		if (x == 0)
			return 0;
	}
}

/* The ranks of the first three code points (0 past the end). */
static guint64 prefix_of(const char *s)
{
	guint64 p = 0;

	for (int i = 0; i < 3; i++)
		p = (p << 21) | rank(next_cp(&s));
	return p;
}

static int compare_entries(gconstpointer a, gconstpointer b, gpointer user)
{
	const Entry *x = a, *y = b;
	const SiteCompany *c = user;
	int r;

	if (x->prefix != y->prefix)
		return x->prefix < y->prefix ? -1 : 1;
	r = utf16_cmp(x->key, y->key);
	if (r == 0)
		r = strcmp(c[x->company].id, c[y->company].id);
	if (r == 0)
		r = x->offset < y->offset ? -1 : x->offset > y->offset;
	return r;
}

static GArray *entries(const SiteDirectory *dir)
{
	GArray *a = g_array_new(FALSE, FALSE, sizeof(Entry));

	for (guint i = 0; i < dir->n; i++) {
		const SiteCompany *c = &dir->companies[i];
		gint32 off = 0;
		Entry e = { prefix_of(c->id), c->id, i, -1 };
		g_array_append_val(a, e);
		for (const char *p = c->name; *p != '\0';) {
			gunichar ch = g_utf8_get_char(p);
			e = (Entry){ prefix_of(p), p, i, off };
			g_array_append_val(a, e);
			off += ch >= 0x10000 ? 2 : 1;
			p = g_utf8_next_char(p);
		}
	}
	g_array_sort_with_data(a, compare_entries, dir->companies);
	return a;
}

/* key U+0001 credit code: unique, ordered as the entries are. */
static char *full_key(const SiteDirectory *dir, const Entry *e)
{
	return g_strconcat(e->key, "\001", dir->companies[e->company].id, NULL);
}

/* The shortest prefix of next's key greater than prev's. */
static char *separator(const SiteDirectory *dir, const Entry *prev, const Entry *next)
{
	char *a = full_key(dir, prev), *b = full_key(dir, next);
	char *sep = NULL;

	for (const char *end = b; sep == NULL;) {
		char *p;
		if (*end == '\0') {
			sep = g_strdup(b);
			break;
		}
		end = g_utf8_next_char(end);
		p = g_strndup(b, (gsize)(end - b));
		if (utf16_cmp(p, a) > 0)
			sep = p;
		else
			g_free(p);
	}
	g_free(a);
	g_free(b);
	return sep;
}

static void entry_json(GString *out, const SiteDirectory *dir, const Entry *e)
{
	const SiteCompany *c = &dir->companies[e->company];

	g_string_append_printf(out, "[%d,", e->offset);
	aj_site_json_string(out, c->name);
	g_string_append_c(out, ',');
	aj_site_json_string(out, c->id);
	g_string_append_printf(out, ",%u%s]", c->district, c->closed ? ",1" : "");
}

static gboolean put(const Site *site, const char *rel, const GString *s, GError **err)
{
	char *path = g_build_filename(site->root, rel, NULL);
	gboolean ok = aj_file_write_new(path, s->str, s->len, _("the search index"), err);

	g_free(path);
	return ok;
}

static gboolean write_meta(const Site *site, GPtrArray *seps, GError **err)
{
	const SiteDirectory *dir = site->directory;
	GString *s = g_string_new(NULL);
	gboolean ok;

	g_string_append_printf(s, "{\"version\":1,\"count\":%u,\"shards\":%u,\"asOf\":", dir->n,
			       seps->len);
	aj_site_json_string(s, dir->as_of_cn);
	g_string_append(s, ",\n\"districts\":[");
	for (guint i = 0; i < dir->districts->len; i++) {
		if (i > 0)
			g_string_append_c(s, ',');
		aj_site_json_string(s, ((const SiteGroup *)g_ptr_array_index(dir->districts, i))->label);
	}
	g_string_append(s, "],\n\"sep\":[");
	for (guint i = 0; i < seps->len; i++) {
		g_string_append(s, i == 0 ? "\n" : ",\n");
		aj_site_json_string(s, g_ptr_array_index(seps, i));
	}
	g_string_append(s, "\n]}\n");
	ok = put(site, "search/enterprises.json", s, err);
	g_string_free(s, TRUE);
	return ok;
}

static gboolean write_all(const Site *site, GError **err)
{
	const SiteDirectory *dir = site->directory;
	GArray *a = entries(dir);
	GPtrArray *seps = g_ptr_array_new_with_free_func(g_free);
	GString *shard = g_string_sized_new(SHARD_BYTES + 4096), *one = g_string_new(NULL);
	gboolean ok = TRUE;

	g_ptr_array_add(seps, g_strdup(""));
	g_string_append(shard, "[");
	for (guint i = 0; ok && i <= a->len; i++) {
		gboolean last = i == a->len;
		g_string_truncate(one, 0);
		if (!last)
			entry_json(one, dir, &g_array_index(a, Entry, i));
		/* "[" + entries joined by ",\n" + "\n]\n" */
		if (last || (shard->len > 1 && shard->len + one->len + 4 > SHARD_BYTES)) {
			char rel[32];
			g_string_append(shard, "\n]\n");
			g_snprintf(rel, sizeof rel, "search/e-%u.json", seps->len - 1);
			ok = put(site, rel, shard, err);
			g_string_assign(shard, "[");
			if (!last)
				g_ptr_array_add(seps, separator(dir, &g_array_index(a, Entry, i - 1),
								&g_array_index(a, Entry, i)));
		}
		if (!last) {
			g_string_append(shard, shard->len > 1 ? ",\n" : "\n");
			g_string_append_len(shard, one->str, one->len);
		}
	}
	ok = ok && write_meta(site, seps, err);
	g_string_free(shard, TRUE);
	g_string_free(one, TRUE);
	g_ptr_array_unref(seps);
	g_array_free(a, TRUE);
	return ok;
}

/* What the index is made of: every name, code, district and state. */
static char *digest(const SiteDirectory *dir)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	char *hex;

	g_checksum_update(sum, (const guchar *)"search 1\n", -1);
	g_checksum_update(sum, (const guchar *)dir->as_of_cn, -1);
	for (guint i = 0; i < dir->districts->len; i++) {
		const SiteGroup *g = g_ptr_array_index(dir->districts, i);
		g_checksum_update(sum, (const guchar *)"\nd ", -1);
		g_checksum_update(sum, (const guchar *)g->label, -1);
	}
	for (guint i = 0; i < dir->n; i++) {
		const SiteCompany *c = &dir->companies[i];
		char tail[32];
		g_checksum_update(sum, (const guchar *)"\n", 1);
		g_checksum_update(sum, (const guchar *)c->id, -1);
		g_checksum_update(sum, (const guchar *)"\t", 1);
		g_checksum_update(sum, (const guchar *)c->name, -1);
		g_snprintf(tail, sizeof tail, "\t%u\t%d", c->district, c->closed);
		g_checksum_update(sum, (const guchar *)tail, -1);
	}
	hex = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return hex;
}

/* Links every file of the earlier search/ when its digest is this one. */
static gboolean reuse(const Site *site, const char *from, const char *key)
{
	char *keyfile = g_build_filename(from, ".cache", SEARCH_KEY, NULL);
	char *old_dir = g_build_filename(from, "site", "search", NULL);
	char *new_dir = g_build_filename(site->root, "search", NULL);
	char *text = NULL;
	gboolean ok = g_file_get_contents(keyfile, &text, NULL, NULL) &&
		      strcmp(g_strstrip(text), key) == 0;
	GDir *d = ok ? g_dir_open(old_dir, 0, NULL) : NULL;
	const char *name;

	ok = d != NULL;
	while (ok && (name = g_dir_read_name(d)) != NULL) {
		char *a = g_build_filename(old_dir, name, NULL), *b = g_build_filename(new_dir, name, NULL);
		ok = link(a, b) == 0;
		g_free(a);
		g_free(b);
	}
	if (d != NULL)
		g_dir_close(d);
	g_free(text);
	g_free(keyfile);
	g_free(old_dir);
	g_free(new_dir);
	return ok;
}

static void store_key(const Site *site, const char *key)
{
	char *dir = g_build_filename(site->out_dir, ".cache", NULL);
	char *path = g_build_filename(dir, SEARCH_KEY, NULL);
	char *line = g_strconcat(key, "\n", NULL);

	g_mkdir_with_parents(dir, 0755);
	g_file_set_contents(path, line, -1, NULL); /* not there: the next build writes all */
	g_free(line);
	g_free(path);
	g_free(dir);
}

static void empty_dir(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;

	while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
		char *p = g_build_filename(dir, name, NULL);
		g_unlink(p);
		g_free(p);
	}
	if (d != NULL)
		g_dir_close(d);
}

gboolean aj_site_write_shards(const Site *site, const char *reuse_from, GError **err)
{
	char *key = digest(site->directory);
	char *dir = g_build_filename(site->root, "search", NULL);
	gboolean ok;

	if (g_mkdir_with_parents(dir, 0755) != 0) {
		g_set_error(err, AJ_ERROR, EX_CANTCREAT,
			    _("%s: cannot create the directory: %s; check the permissions of the "
			      "output directory"), dir, g_strerror(errno));
		ok = FALSE;
	} else if (reuse_from != NULL && reuse(site, reuse_from, key)) {
		ok = TRUE;
	} else {
		empty_dir(dir); /* what a partial reuse linked */
		ok = write_all(site, err);
	}
	if (ok)
		store_key(site, key);
	g_free(dir);
	g_free(key);
	return ok;
}
