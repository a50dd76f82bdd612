#include "register/register.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "register/number.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/file.h"
#include "util/xml.h"

static void file_free(gpointer p)
{
	AjRegFile *f = p;

	g_free(f->format);
	g_free(f->path);
	g_free(f->sha256);
	g_free(f);
}

static void entry_free(gpointer p)
{
	AjRegEntry *e = p;

	g_free(e->number);
	g_free(e->kind);
	g_free(e->period);
	g_free(e->publicity);
	g_free(e->title);
	g_free(e->issued);
	g_free(e->status);
	g_free(e->supersedes);
	g_free(e->superseded_by);
	g_ptr_array_unref(e->files);
	g_free(e);
}

AjRegister *aj_register_new(void)
{
	AjRegister *reg = g_new0(AjRegister, 1);

	reg->entries = g_ptr_array_new_with_free_func(entry_free);
	return reg;
}

void aj_register_free(AjRegister *reg)
{
	if (reg == NULL)
		return;
	g_ptr_array_unref(reg->entries);
	g_free(reg);
}

AjRegEntry *aj_register_append(AjRegister *reg, const char *number, const char *kind,
			       const char *period, const char *publicity, const char *title,
			       const char *issued, gboolean edited)
{
	AjRegEntry *e = g_new0(AjRegEntry, 1);

	e->number = g_strdup(number);
	e->kind = g_strdup(kind);
	e->period = g_strdup(period);
	e->publicity = g_strdup(publicity);
	e->title = g_strdup(title);
	e->issued = g_strdup(issued);
	e->status = g_strdup("issued");
	e->edited = edited;
	e->files = g_ptr_array_new_with_free_func(file_free);
	g_ptr_array_add(reg->entries, e);
	return e;
}

void aj_reg_entry_add_file(AjRegEntry *e, const char *format, const char *path,
			   const char *sha256, int pages)
{
	AjRegFile *f = g_new0(AjRegFile, 1);

	f->format = g_strdup(format);
	f->path = g_strdup(path);
	f->sha256 = g_strdup(sha256);
	f->pages = pages;
	g_ptr_array_add(e->files, f);
}

const AjRegFile *aj_reg_entry_file(const AjRegEntry *e, const char *format)
{
	for (guint i = 0; i < e->files->len; i++) {
		const AjRegFile *f = g_ptr_array_index(e->files, i);
		if (strcmp(f->format, format) == 0)
			return f;
	}
	return NULL;
}

AjRegEntry *aj_register_current(const AjRegister *reg, const char *kind, const char *period)
{
	for (guint i = reg->entries->len; i-- > 0;) {
		AjRegEntry *e = g_ptr_array_index(reg->entries, i);
		if (strcmp(e->kind, kind) == 0 && strcmp(e->period, period) == 0 &&
		    strcmp(e->status, "issued") == 0)
			return e;
	}
	return NULL;
}

guint aj_register_versions(const AjRegister *reg, const char *kind, const char *period)
{
	guint n = 0;

	for (guint i = 0; i < reg->entries->len; i++) {
		const AjRegEntry *e = g_ptr_array_index(reg->entries, i);
		n += strcmp(e->kind, kind) == 0 && strcmp(e->period, period) == 0;
	}
	return n;
}

AjRegEntry *aj_register_find(const AjRegister *reg, const char *number)
{
	for (guint i = 0; number != NULL && i < reg->entries->len; i++) {
		AjRegEntry *e = g_ptr_array_index(reg->entries, i);
		if (strcmp(e->number, number) == 0)
			return e;
	}
	return NULL;
}

int aj_register_next_serial(const AjRegister *reg, const char *prefix, int year)
{
	int max = 0;

	for (guint i = 0; i < reg->entries->len; i++) {
		const AjRegEntry *e = g_ptr_array_index(reg->entries, i);
		char *p = NULL;
		int y, n;
		if (aj_number_parse(e->number, &p, &y, &n) && y == year && strcmp(p, prefix) == 0)
			max = MAX(max, n);
		g_free(p);
	}
	return max + 1;
}

/* Reading ---------------------------------------------------------------- */

typedef struct {
	const char *path;
	GError **err;
} Reader;

static gboolean bad(Reader *r, xmlNodePtr n, const char *what)
{
	g_set_error(r->err, AJ_ERROR, EX_DATAERR,
		    _("%s:%ld: %s; the register is written by 'anjian issue' only: restore it "
		    "from the archive's backup"), r->path, n != NULL ? xmlGetLineNo(n) : 0L, what);
	return FALSE;
}

static gboolean read_file(Reader *r, xmlNodePtr n, AjRegEntry *e)
{
	char *format = aj_xml_prop(n, "format"), *path = aj_xml_prop(n, "path"), *sha = aj_xml_prop(n, "sha256");
	char *pages = aj_xml_prop(n, "pages");
	gboolean ok = format != NULL && path != NULL && sha != NULL && strlen(sha) == 64 &&
		      !g_path_is_absolute(path) && strstr(path, "..") == NULL;

	if (ok)
		aj_reg_entry_add_file(e, format, path, sha, pages != NULL ? atoi(pages) : 0);
	else
		bad(r, n, "a <file> needs format, a relative path and a sha256");
	g_free(format);
	g_free(path);
	g_free(sha);
	g_free(pages);
	return ok;
}

static gboolean read_document(Reader *r, xmlNodePtr n, AjRegister *reg)
{
	static const char *const required[] = { "number", "kind", "period", "publicity",
						"issued", "title", "status" };
	char *v[G_N_ELEMENTS(required)];
	char *edited = aj_xml_prop(n, "edited");
	gboolean ok = TRUE;
	AjRegEntry *e;

	for (gsize i = 0; i < G_N_ELEMENTS(required); i++) {
		v[i] = aj_xml_prop(n, required[i]);
		if (v[i] == NULL && ok)
			ok = bad(r, n, "a <document> lacks an attribute (number, kind, period, "
				       "publicity, issued, title and status are needed)");
	}
	if (ok && strcmp(v[6], "issued") != 0 && strcmp(v[6], "superseded") != 0)
		ok = bad(r, n, "status must be issued or superseded");
	if (ok) {
		e = aj_register_append(reg, v[0], v[1], v[2], v[3], v[5], v[4],
				       edited != NULL && strcmp(edited, "true") == 0);
		g_free(e->status);
		e->status = g_strdup(v[6]);
		e->supersedes = aj_xml_prop(n, "supersedes");
		e->superseded_by = aj_xml_prop(n, "superseded-by");
		e->line = (int)xmlGetLineNo(n);
		for (xmlNodePtr c = n->children; ok && c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "file"))
				ok = read_file(r, c, e);
	}
	for (gsize i = 0; i < G_N_ELEMENTS(required); i++)
		g_free(v[i]);
	g_free(edited);
	return ok;
}

AjRegister *aj_register_load(const char *archive, GError **err)
{
	char *path = g_build_filename(archive, AJ_REGISTER_FILE, NULL);
	AjRegister *reg = aj_register_new();
	Reader r = { .path = path, .err = err };
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	gboolean ok = TRUE;

	if (!g_file_test(path, G_FILE_TEST_EXISTS))
		goto done;
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "register")) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: not a register (no well-formed <register> root); the register "
			    "is written by 'anjian issue' only: restore it from the archive's backup"),
			    path);
		ok = FALSE;
		goto done;
	}
	for (xmlNodePtr c = root->children; ok && c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "document"))
			ok = read_document(&r, c, reg);
done:
	if (doc != NULL)
		xmlFreeDoc(doc);
	g_free(path);
	if (!ok) {
		aj_register_free(reg);
		return NULL;
	}
	return reg;
}

/* Writing ---------------------------------------------------------------- */

static void attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	if (value != NULL)
		xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

static void write_entry(xmlTextWriterPtr w, const AjRegEntry *e)
{
	xmlTextWriterStartElement(w, BAD_CAST "document");
	attr(w, "number", e->number);
	attr(w, "kind", e->kind);
	attr(w, "period", e->period);
	attr(w, "publicity", e->publicity);
	attr(w, "issued", e->issued);
	attr(w, "title", e->title);
	attr(w, "status", e->status);
	attr(w, "edited", e->edited ? "true" : "false");
	attr(w, "supersedes", e->supersedes);
	attr(w, "superseded-by", e->superseded_by);
	for (guint i = 0; i < e->files->len; i++) {
		const AjRegFile *f = g_ptr_array_index(e->files, i);
		xmlTextWriterStartElement(w, BAD_CAST "file");
		attr(w, "format", f->format);
		attr(w, "path", f->path);
		attr(w, "sha256", f->sha256);
		if (f->pages > 0)
			xmlTextWriterWriteFormatAttribute(w, BAD_CAST "pages", "%d", f->pages);
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
}

gboolean aj_register_write(const AjRegister *reg, const char *dir, GError **err)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	char *path = g_build_filename(dir, AJ_REGISTER_FILE, NULL);
	gboolean ok;

	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "register");
	xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1");
	for (guint i = 0; i < reg->entries->len; i++)
		write_entry(w, g_ptr_array_index(reg->entries, i));
	xmlTextWriterEndElement(w);
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	ok = aj_file_write(path, xmlBufferContent(buf), (gsize)xmlBufferLength(buf), _("the register"),
			   err);
	xmlBufferFree(buf);
	g_free(path);
	return ok;
}
