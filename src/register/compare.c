#include "register/compare.h"

#include <libxml/parser.h>
#include <string.h>

#include "util/error.h"
#include "util/i18n.h"

#define MAX_SHOWN 40 /* changes listed in one warning */
#define MAX_VALUE 60 /* characters of a value shown */

/* Values by place: path → value, and the paths in document order. */
typedef struct {
	GHashTable *values; /* char * → char *, both owned */
	GPtrArray *order;   /* char *, pointing at the table's keys */
	GHashTable *meta;   /* the paths of <meta>'s attributes (the table's keys) */
} Flat;

static const char *const key_attrs[] = { "code", "enterprise", "id", "district", "period" };

static gboolean skipped(xmlNodePtr el, const char *attr)
{
	return xmlStrEqual(el->name, BAD_CAST "meta") &&
	       (strcmp(attr, "number") == 0 || strcmp(attr, "serial") == 0);
}

static void put(Flat *f, char *path, char *value, gboolean meta)
{
	if (g_hash_table_contains(f->values, path)) {
		g_free(path);
		g_free(value);
		return;
	}
	g_hash_table_insert(f->values, path, value);
	g_ptr_array_add(f->order, path);
	if (meta)
		g_hash_table_add(f->meta, path);
}

static char *segment(xmlNodePtr el)
{
	int same = 0, index = 0;

	for (gsize i = 0; i < G_N_ELEMENTS(key_attrs); i++) {
		xmlChar *k = xmlGetProp(el, BAD_CAST key_attrs[i]);
		if (k != NULL) {
			char *s = g_strdup_printf("%s %s", (const char *)el->name, (const char *)k);
			xmlFree(k);
			return s;
		}
	}
	for (xmlNodePtr s = el->parent != NULL ? el->parent->children : NULL; s != NULL; s = s->next) {
		if (s->type != XML_ELEMENT_NODE || !xmlStrEqual(s->name, el->name))
			continue;
		same++;
		if (s == el)
			index = same;
	}
	return same > 1 ? g_strdup_printf("%s #%d", (const char *)el->name, index)
			: g_strdup((const char *)el->name);
}

static void flatten(Flat *f, xmlNodePtr el, const char *path)
{
	GString *text = g_string_new(NULL);

	for (xmlAttrPtr a = el->properties; a != NULL; a = a->next) {
		xmlChar *v;
		if (skipped(el, (const char *)a->name))
			continue;
		v = xmlNodeGetContent((xmlNodePtr)a);
		put(f, g_strdup_printf("%s%s%s", path, *path != '\0' ? " " : "", (const char *)a->name),
		    g_strdup(v != NULL ? (const char *)v : ""), xmlStrEqual(el->name, BAD_CAST "meta"));
		xmlFree(v);
	}
	for (xmlNodePtr c = el->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			g_string_append(text, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			char *seg = segment(c);
			char *sub = *path != '\0' ? g_strdup_printf("%s / %s", path, seg) : g_strdup(seg);
			flatten(f, c, sub);
			g_free(sub);
			g_free(seg);
		}
	}
	g_strstrip(text->str);
	if (text->str[0] != '\0')
		put(f, g_strdup_printf("%s%stext", path, *path != '\0' ? " " : ""), g_strdup(text->str),
		    FALSE);
	g_string_free(text, TRUE);
}

static Flat *flat_new(xmlDocPtr doc)
{
	Flat *f = g_new0(Flat, 1);
	xmlNodePtr root = xmlDocGetRootElement(doc);

	f->values = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	f->order = g_ptr_array_new();
	f->meta = g_hash_table_new(g_str_hash, g_str_equal);
	if (root != NULL)
		flatten(f, root, "");
	return f;
}

static void flat_free(Flat *f)
{
	g_ptr_array_free(f->order, TRUE);
	g_hash_table_destroy(f->meta);
	g_hash_table_destroy(f->values);
	g_free(f);
}

/* A value as shown: cut to MAX_VALUE characters; "—" for none. */
static char *shown(const char *v)
{
	if (v == NULL)
		return g_strdup("—");
	if (g_utf8_strlen(v, -1) <= MAX_VALUE)
		return g_strdup(v);
	char *cut = g_utf8_substring(v, 0, MAX_VALUE), *s = g_strconcat(cut, "…", NULL);
	g_free(cut);
	return s;
}

static void add_change(GPtrArray *out, const char *path, const char *old, const char *now)
{
	char *a = shown(old), *b = shown(now);

	g_ptr_array_add(out, g_strdup_printf("%s: %s → %s", path, a, b));
	g_free(a);
	g_free(b);
}

GPtrArray *aj_data_changes(xmlDocPtr old, xmlDocPtr now)
{
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
	Flat *a = flat_new(old), *b = flat_new(now);

	for (guint i = 0; i < b->order->len; i++) {
		const char *path = g_ptr_array_index(b->order, i);
		const char *was = g_hash_table_lookup(a->values, path);
		const char *is = g_hash_table_lookup(b->values, path);
		/* a <meta> attribute the issued file lacks is wording a later
		 * anjian adds (the office's short name), not a changed figure */
		if (was == NULL && g_hash_table_contains(b->meta, path))
			continue;
		if (was == NULL || strcmp(was, is) != 0)
			add_change(out, path, was, is);
	}
	for (guint i = 0; i < a->order->len; i++) {
		const char *path = g_ptr_array_index(a->order, i);
		if (!g_hash_table_contains(b->values, path))
			add_change(out, path, g_hash_table_lookup(a->values, path), NULL);
	}
	flat_free(a);
	flat_free(b);
	return out;
}

gboolean aj_archive_warn_changes(const char *archive, const AjRegEntry *e, xmlDocPtr now)
{
	const AjRegFile *f = aj_reg_entry_file(e, "data");
	char *path = f != NULL ? g_build_filename(archive, f->path, NULL) : NULL;
	xmlDocPtr old = path != NULL ? xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS |
							       XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
				     : NULL;
	GPtrArray *changes;
	GString *msg;

	if (old == NULL) {
		aj_warn(_("%s: cannot read the issued data file of %s (%s); the data under it "
			"cannot be compared: check the archive"),
			path != NULL ? path : archive, e->number, e->kind);
		g_free(path);
		return TRUE;
	}
	changes = aj_data_changes(old, now);
	xmlFreeDoc(old);
	if (changes->len == 0) {
		g_ptr_array_unref(changes);
		g_free(path);
		return FALSE;
	}
	msg = g_string_new(NULL);
	g_string_append_printf(msg,
			       ngettext("%s %s, issued as %s on %s, would now differ in %u value "
					"from its issued data file %s (the issued document stays as "
					"it is; to publish the new figures, build without --archive "
					"and run 'anjian issue --correct'):",
					"%s %s, issued as %s on %s, would now differ in %u values "
					"from its issued data file %s (the issued document stays as "
					"it is; to publish the new figures, build without --archive "
					"and run 'anjian issue --correct'):",
					changes->len),
			       e->kind, e->period, e->number, e->issued, changes->len, path);
	for (guint i = 0; i < changes->len && i < MAX_SHOWN; i++)
		g_string_append_printf(msg, "\n  %s", (const char *)g_ptr_array_index(changes, i));
	if (changes->len > MAX_SHOWN)
		g_string_append_printf(msg, _("\n  … and %u more"), changes->len - MAX_SHOWN);
	aj_warn("%s", msg->str);
	g_string_free(msg, TRUE);
	g_ptr_array_unref(changes);
	g_free(path);
	return TRUE;
}
