#include "register/draft.h"

#include <libxml/parser.h>
#include <string.h>

#include "util/error.h"
#include "util/xml.h"
#include "util/i18n.h"

static void draft_free(gpointer p)
{
	AjDraft *d = p;

	g_free(d->name);
	g_free(d->kind);
	g_free(d->period);
	g_free(d->publicity);
	g_free(d->title);
	g_free(d->md);
	g_free(d->data);
	g_free(d->md_sha256);
	g_free(d->data_sha256);
	g_free(d);
}

void aj_drafts_free(AjDraftSet *set)
{
	if (set == NULL)
		return;
	g_free(set->dir);
	g_ptr_array_unref(set->drafts);
	aj_office_free(set->office);
	g_free(set);
}

const AjDraft *aj_drafts_find(const AjDraftSet *set, const char *name)
{
	for (guint i = 0; i < set->drafts->len; i++) {
		const AjDraft *d = g_ptr_array_index(set->drafts, i);
		if (strcmp(d->name, name) == 0)
			return d;
	}
	return NULL;
}

/* One <document> of the manifest; FALSE when it lacks what issue needs. */
static gboolean read_document(xmlNodePtr n, AjDraft *d)
{
	d->kind = aj_xml_prop(n, "kind");
	d->period = aj_xml_prop(n, "period");
	d->publicity = aj_xml_prop(n, "publicity");
	d->title = aj_xml_prop(n, "title");
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		char *format, **path, **sha;
		if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST "file"))
			continue;
		format = aj_xml_prop(c, "format");
		path = format != NULL && strcmp(format, "md") == 0     ? &d->md
		       : format != NULL && strcmp(format, "data") == 0 ? &d->data
								       : NULL;
		sha = path == &d->md ? &d->md_sha256 : &d->data_sha256;
		if (path != NULL && *path == NULL) {
			*path = aj_xml_prop(c, "path");
			*sha = aj_xml_prop(c, "sha256");
		}
		g_free(format);
	}
	if (!aj_doc_kind_parse(d->kind, &d->kind_id) || d->period == NULL || d->publicity == NULL || d->title == NULL ||
	    d->data == NULL || d->data_sha256 == NULL || !g_str_has_prefix(d->data, "data/") ||
	    !g_str_has_suffix(d->data, ".xml") || strchr(d->data + 5, '/') != NULL ||
	    (d->md != NULL && d->md_sha256 == NULL))
		return FALSE;
	d->name = g_strndup(d->data + 5, strlen(d->data) - 9);
	return TRUE;
}

static gboolean read_manifest(AjDraftSet *set, GError **err)
{
	char *path = g_build_filename(set->dir, "manifest.xml", NULL);
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	gboolean ok = TRUE;

	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: no manifest.xml: not the output of 'anjian build'; give --draft "
			    "the directory a build wrote"), set->dir);
		g_free(path);
		return FALSE;
	}
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "manifest"))
		ok = FALSE;
	for (xmlNodePtr c = root != NULL ? root->children : NULL; ok && c != NULL; c = c->next) {
		AjDraft *d;
		if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST "document"))
			continue;
		d = g_new0(AjDraft, 1);
		g_ptr_array_add(set->drafts, d);
		if (!read_document(c, d)) {
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    _("%s:%ld: a <document> without a known kind, a period, publicity, "
				    "title or data file; build the drafts again"),
				    path, xmlGetLineNo(c));
			ok = FALSE;
		}
	}
	if (!ok && (err == NULL || *err == NULL))
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: not a well-formed manifest; build the drafts again"), path);
	if (doc != NULL)
		xmlFreeDoc(doc);
	g_free(path);
	return ok;
}

AjDraftSet *aj_drafts_load(const char *dir, GError **err)
{
	AjDraftSet *set = g_new0(AjDraftSet, 1);
	char *office = NULL;

	set->dir = g_strdup(dir);
	set->drafts = g_ptr_array_new_with_free_func(draft_free);
	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: no such directory; give --draft the OUT of 'anjian build'"), dir);
		goto fail;
	}
	if (!read_manifest(set, err))
		goto fail;
	office = g_build_filename(dir, AJ_OFFICE_FILE, NULL);
	set->office = aj_office_load(office, err);
	g_free(office);
	if (set->office == NULL)
		goto fail;
	return set;
fail:
	aj_drafts_free(set);
	return NULL;
}
