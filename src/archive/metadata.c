/* metadata.xml of an issued document: the DA/T 46 items under the names
 * and namespace of the PDF/A's XMP (dat46:), each with the standard's
 * Chinese name beside it, written with libxml2 so escaping and encoding
 * are its job. */
#include "archive/metadata.h"

#include <libxml/xmlwriter.h>

/* <name label="LABEL">value</name> */
static void item(xmlTextWriterPtr w, const char *name, const char *label, const char *value)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
	xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST label);
	xmlTextWriterWriteString(w, BAD_CAST value);
	xmlTextWriterEndElement(w);
}

char *aj_archive_metadata(const AjDat46 *d, const AjArchiveFile *files, guint n)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	char *text;

	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "metadata");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST AJ_DAT46_NS);
	xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1");
	xmlTextWriterWriteAttribute(w, BAD_CAST "standard", BAD_CAST "DA/T 46-2009");
	for (const AjDat46Item *it = aj_dat46_items; it->name; it++) {
		char *v = it->of_file ? NULL : aj_dat46_value(d, it);
		if (v)
			item(w, it->name, it->label, v);
		g_free(v);
	}
	for (guint i = 0; i < n; i++) {
		char size[24];
		g_snprintf(size, sizeof size, "%" G_GSIZE_FORMAT, files[i].size);
		xmlTextWriterStartElement(w, BAD_CAST "file");
		item(w, "format", "格式信息", files[i].format);
		item(w, "fileName", "计算机文件名", files[i].name);
		item(w, "fileSize", "计算机文件大小（字节）", size);
		xmlTextWriterStartElement(w, BAD_CAST "fixity");
		xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST "固化信息");
		xmlTextWriterWriteAttribute(w, BAD_CAST "algorithm", BAD_CAST "SHA-256");
		xmlTextWriterWriteString(w, BAD_CAST files[i].sha256);
		xmlTextWriterEndElement(w);
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	text = g_strdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return text;
}
