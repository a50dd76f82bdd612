#include "build/manifest.h"

#include <libxml/xmlwriter.h>

#include "util/epoch.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/file.h"

char *aj_manifest_generated(AjDay asof)
{
	gint64 epoch = aj_source_date_epoch();
	GDateTime *t;
	char *s, buf[11];

	if (epoch < 0)
		return g_strdup_printf("%sT00:00:00Z", aj_day_format(asof, buf));
	t = g_date_time_new_from_unix_utc(epoch);
	if (t == NULL)
		return g_strdup_printf("%sT00:00:00Z", aj_day_format(asof, buf));
	s = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
	g_date_time_unref(t);
	return s;
}

char *aj_file_sha256(const char *path, GError **err)
{
	char *data = NULL, *hex = NULL;
	gsize len = 0;
	GError *e = NULL;

	if (!g_file_get_contents(path, &data, &len, &e)) {
		g_set_error(err, AJ_ERROR, EX_IOERR, _("%s: cannot read back for the manifest: %s"),
			    path, e->message);
		g_error_free(e);
		return NULL;
	}
	hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)data, len);
	g_free(data);
	return hex;
}

static gboolean write_doc(xmlTextWriterPtr w, const char *root, const AjBuiltDoc *d, GError **err)
{
	xmlTextWriterStartElement(w, BAD_CAST "document");
	xmlTextWriterWriteAttribute(w, BAD_CAST "kind", BAD_CAST aj_doc_kind_code(d->plan->kind));
	xmlTextWriterWriteAttribute(w, BAD_CAST "period", BAD_CAST d->plan->period);
	xmlTextWriterWriteAttribute(w, BAD_CAST "publicity", BAD_CAST aj_built_doc_publicity(d));
	xmlTextWriterWriteAttribute(w, BAD_CAST "title", BAD_CAST d->title);
	for (guint i = 0; i < d->files->len; i++) {
		const AjBuiltFile *f = g_ptr_array_index(d->files, i);
		char *full = g_build_filename(root, f->path, NULL);
		char *sha = aj_file_sha256(full, err);
		g_free(full);
		if (sha == NULL)
			return FALSE;
		xmlTextWriterStartElement(w, BAD_CAST "file");
		xmlTextWriterWriteAttribute(w, BAD_CAST "format", BAD_CAST f->format);
		xmlTextWriterWriteAttribute(w, BAD_CAST "path", BAD_CAST f->path);
		xmlTextWriterWriteAttribute(w, BAD_CAST "sha256", BAD_CAST sha);
		if (f->pages > 0)
			xmlTextWriterWriteFormatAttribute(w, BAD_CAST "pages", "%d", f->pages);
		xmlTextWriterEndElement(w);
		g_free(sha);
	}
	xmlTextWriterEndElement(w);
	return TRUE;
}

gboolean aj_manifest_write(const char *root, const GPtrArray *docs, AjDay asof, GError **err)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	char *generated = aj_manifest_generated(asof);
	char *path = g_build_filename(root, "manifest.xml", NULL);
	gboolean ok = FALSE;

	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "manifest");
	xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1");
	xmlTextWriterWriteAttribute(w, BAD_CAST "generated", BAD_CAST generated);
	for (guint i = 0; i < docs->len; i++)
		if (!write_doc(w, root, g_ptr_array_index(docs, i), err))
			goto done;
	xmlTextWriterEndElement(w);
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	w = NULL;
	if (!aj_file_write(path, xmlBufferContent(buf), (gsize)xmlBufferLength(buf), _("the manifest"),
			   err))
		goto done;
	ok = TRUE;
done:
	if (w != NULL)
		xmlFreeTextWriter(w);
	xmlBufferFree(buf);
	g_free(generated);
	g_free(path);
	return ok;
}
