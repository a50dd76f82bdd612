#include "archive/enterprises.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "util/error.h"
#include "util/file.h"
#include "util/i18n.h"
#include "util/xml.h"

/* One <enterprise> of the file: its bytes and its line. */
typedef struct {
	gsize at, len;
	guint line;
} Line;

struct AjArchiveEnts {
	char *path;
	GMappedFile *file;
	const char *text;
	GArray *lines; /* Line */
	char *as_of, *as_of_cn;
	AjSiteEnterprises site;
};

/* The attribute of the <enterprises …> head line (text, len bytes), or
 * NULL when the line is not one. */
static char *head_attr(const char *text, gsize len, const char *name)
{
	char *xml = g_strdup_printf("%.*s</enterprises>", (int)len, text);
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), NULL, "UTF-8",
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNodePtr root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	char *v = root != NULL && xmlStrcmp(root->name, (const xmlChar *)"enterprises") == 0
			  ? aj_xml_prop(root, name)
			  : NULL;

	if (doc != NULL)
		xmlFreeDoc(doc);
	g_free(xml);
	return v;
}

/* The second line of text (the first is the XML declaration). */
static const char *second_line(const char *text, gsize len, gsize *line_len)
{
	const char *nl = memchr(text, '\n', len), *end;

	if (nl == NULL)
		return NULL;
	nl++;
	end = memchr(nl, '\n', len - (gsize)(nl - text));
	if (end == NULL)
		return NULL;
	*line_len = (gsize)(end - nl);
	return nl;
}

/* The as-of date of a data file, from its head; NULL when it has none. */
static char *file_as_of(const char *path)
{
	char buf[4096];
	FILE *f = fopen(path, "rb");
	gsize n, len = 0;
	const char *head;

	if (f == NULL)
		return NULL;
	n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	head = second_line(buf, n, &len);
	return head != NULL ? head_attr(head, len, "as-of") : NULL;
}

gboolean aj_archive_ents_take(const char *draft_dir, const char *root, GError **err)
{
	char *src = g_build_filename(draft_dir, "data", AJ_ARCHIVE_ENTS_FILE, NULL);
	char *dst = g_build_filename(root, AJ_ARCHIVE_ENTS_FILE, NULL);
	char *new_as_of = NULL, *old_as_of = NULL, *data = NULL;
	gsize len = 0;
	GError *io = NULL;
	gboolean ok = TRUE;

	if (!g_file_test(src, G_FILE_TEST_IS_REGULAR))
		goto done; /* built with --data-only: the pages stay as they are */
	new_as_of = file_as_of(src);
	old_as_of = file_as_of(dst);
	if (new_as_of == NULL || (old_as_of != NULL && strcmp(old_as_of, new_as_of) > 0))
		goto done;
	/* the name may be a link to the old archive's file: replaced, never
	 * written through; the build never rewrites a file of OUT either, so
	 * the two may share the bytes */
	g_unlink(dst);
	if (link(src, dst) == 0)
		goto done;
	if (!g_file_get_contents(src, &data, &len, &io)) {
		g_set_error(err, AJ_ERROR, EX_IOERR, _("%s: cannot read for the archive: %s"), src,
			    io->message);
		g_error_free(io);
		ok = FALSE;
		goto done;
	}
	ok = aj_file_write(dst, data, len, _("the enterprises' public facts"), err);
done:
	g_free(data);
	g_free(new_as_of);
	g_free(old_as_of);
	g_free(src);
	g_free(dst);
	return ok;
}

static gboolean damaged(GError **err, const char *path, guint line, const char *what)
{
	g_set_error(err, AJ_ERROR, EX_DATAERR,
		    _("%s:%u: %s; the file is written by anjian build and carried over by anjian "
		      "issue: issue the newest drafts again, or restore the archive from its backup"),
		    path, line, what);
	return FALSE;
}

/* Finds the head and one <enterprise> a line, as many as the head counts. */
static gboolean index_lines(AjArchiveEnts *a, gsize len, GError **err)
{
	gsize head_len = 0, at;
	const char *head = second_line(a->text, len, &head_len);
	char *count = head != NULL ? head_attr(head, head_len, "count") : NULL;
	guint line = 3;
	guint64 n = 0;
	gboolean ok;

	if (count == NULL || !g_ascii_string_to_unsigned(count, 10, 0, G_MAXUINT32, &n, NULL)) {
		g_free(count);
		return damaged(err, a->path, 2, _("not the head of the enterprises' data"));
	}
	g_free(count);
	a->as_of = head_attr(head, head_len, "as-of");
	a->as_of_cn = head_attr(head, head_len, "as-of-cn");
	at = (gsize)(head - a->text) + head_len + 1;
	while (at < len) {
		const char *p = a->text + at, *nl = memchr(p, '\n', len - at);
		Line l = { at, nl != NULL ? (gsize)(nl - p) : len - at, line++ };
		if (l.len >= 12 && memcmp(p, "<enterprise ", 12) == 0)
			g_array_append_val(a->lines, l);
		else if (!(l.len >= 14 && memcmp(p, "</enterprises>", 14) == 0))
			return damaged(err, a->path, l.line, _("not one <enterprise> on its line"));
		at += l.len + 1;
	}
	ok = a->lines->len == n;
	if (!ok) {
		char *what = g_strdup_printf(_("the head counts %u enterprises, the file holds %u"),
					     (guint)n, a->lines->len);
		damaged(err, a->path, 2, what);
		g_free(what);
	}
	return ok;
}

/* A line parsed, its element moved under parent (no dictionary: the
 * names belong to the nodes, which outlive the parsed document). */
static gboolean append(gpointer user, gpointer scratch, guint i, xmlNodePtr parent,
		       GError **err)
{
	const AjArchiveEnts *a = user;
	const Line *l = &g_array_index(a->lines, Line, i);
	xmlDocPtr doc = xmlReadMemory(a->text + l->at, (int)l->len, NULL, "UTF-8",
				      XML_PARSE_NONET | XML_PARSE_NODICT | XML_PARSE_NOERROR |
					      XML_PARSE_NOWARNING);
	xmlNodePtr e = doc != NULL ? xmlDocGetRootElement(doc) : NULL;

	if (e == NULL) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		return damaged(err, a->path, l->line, _("not well-formed XML"));
	}
	xmlUnlinkNode(e);
	xmlAddChild(parent, e);
	xmlFreeDoc(doc);
	return TRUE;
}

AjArchiveEnts *aj_archive_ents_open(const char *root, GError **err)
{
	AjArchiveEnts *a = g_new0(AjArchiveEnts, 1);
	GError *io = NULL;

	a->path = g_build_filename(root, AJ_ARCHIVE_ENTS_FILE, NULL);
	a->lines = g_array_new(FALSE, FALSE, sizeof(Line));
	if (!g_file_test(a->path, G_FILE_TEST_EXISTS)) {
		aj_archive_ents_free(a);
		return NULL;
	}
	a->file = g_mapped_file_new(a->path, FALSE, &io);
	if (a->file == NULL) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT, _("%s: cannot read: %s"), a->path, io->message);
		g_error_free(io);
		aj_archive_ents_free(a);
		return NULL;
	}
	a->text = g_mapped_file_get_contents(a->file);
	if (a->text == NULL ? !damaged(err, a->path, 1, _("the file is empty"))
			    : !index_lines(a, g_mapped_file_get_length(a->file), err)) {
		aj_archive_ents_free(a);
		return NULL;
	}
	a->site = (AjSiteEnterprises){ .n = a->lines->len, .append = append, .user = a,
				       .as_of = a->as_of, .as_of_cn = a->as_of_cn };
	return a;
}

AjSiteEnterprises *aj_archive_ents_site(AjArchiveEnts *ents, const char *reuse_from)
{
	ents->site.reuse_from = reuse_from;
	return &ents->site;
}

void aj_archive_ents_free(AjArchiveEnts *a)
{
	if (a == NULL)
		return;
	if (a->file != NULL)
		g_mapped_file_unref(a->file);
	g_array_free(a->lines, TRUE);
	g_free(a->as_of);
	g_free(a->as_of_cn);
	g_free(a->path);
	g_free(a);
}
