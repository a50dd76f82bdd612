/* aj_pdfa_convert(): Cairo's PDF read into qpdf, completed to PDF/A-2b
 * (ISO 19005-2, GB/T 23286) and written again.  What it adds or mends:
 *  - the catalog's /Metadata: XMP with the PDF/A identification, the Info
 *    dictionary mirrored (Dublin Core, pdf:, xmp:), the DA/T 46 items in
 *    their own namespace and the PDF/A extension schema describing it;
 *  - an /OutputIntents entry with the sRGB ICC profile, which gives
 *    Cairo's DeviceRGB colours their meaning;
 *  - /Lang (zh-CN);
 *  - the Info dates in the D: form Cairo 1.16 leaves out;
 *  - link annotations flagged Print (PDF/A: printed as shown);
 *  - images without /Interpolate true, which Cairo sets for smooth
 *    scaling and PDF/A forbids (a reader's choice is not reproducible);
 *  - /CIDToGIDMap /Identity on TrueType CIDFonts (Cairo's subsets number
 *    glyphs as CIDs, the default PDF/A does not let a reader assume);
 *  - the trailer's /ID, a digest of the content (qpdf's deterministic ID),
 *    so the same document gives the same bytes. */
#include "pdf/pdfa.h"

#include <qpdf/qpdf-c.h>
#include <string.h>

#include "util/error.h"
#include "util/i18n.h"
#include "util/lazylib.h"

/* qpdf is opened at the first PDF/A (util/lazylib.h): its functions used
 * here, called as qp.NAME for qpdf_NAME. */
#define QPDF_FUNCTIONS(X)                                                                  \
	X(cleanup) X(get_buffer) X(get_buffer_length) X(get_error) X(get_error_full_text) \
	X(get_object_by_id) X(get_qpdf_version) X(get_root) X(get_trailer) X(has_error) \
	X(init) X(init_write_memory) X(oh_append_item) X(oh_begin_dict_key_iter) \
	X(oh_dict_more_keys) X(oh_dict_next_key) X(oh_get_dict) X(oh_get_int_value_as_int) \
	X(oh_get_key) X(oh_get_utf8_value) X(oh_has_key) X(oh_is_dictionary) \
	X(oh_is_name_and_equals) X(oh_is_stream) X(oh_is_string) X(oh_new_array) \
	X(oh_new_integer) X(oh_new_name) X(oh_new_null) X(oh_new_stream) X(oh_new_string) \
	X(oh_parse) X(oh_remove_key) X(oh_replace_key) X(oh_replace_stream_data) \
	X(read_memory) X(set_deterministic_ID) X(set_newline_before_endstream) \
	X(set_object_stream_mode) X(set_suppress_original_object_IDs) \
	X(set_suppress_warnings) X(silence_errors) X(write)
#define QPDF_FIELD(f) __typeof__(qpdf_##f) *f;
#define QPDF_RESOLVE(f) ok = ok && aj_lazy_symbol(handle, "qpdf_" #f, &qp.f);

static struct {
	QPDF_FUNCTIONS(QPDF_FIELD)
} qp;

static gboolean resolve(void *handle, gpointer unused)
{
	gboolean ok = TRUE;

	QPDF_FUNCTIONS(QPDF_RESOLVE)
	return ok;
}

static gboolean open_qpdf(GError **err)
{
	static AjLazyLib lib = AJ_LAZY_LIB_INIT;

	return aj_lazy_open(&lib, AJ_QPDF_SONAME, "PDF/A", resolve, NULL, err);
}

#define XMP_LANG "zh-CN"

/* A PDF date as Cairo 1.16 writes it ("20260331233320Z", without its D:)
 * or as the standard does, in the D: form and as XMP (ISO 8601); FALSE
 * when it is neither. */
static gboolean parse_date(const char *s, char **pdf, char **xmp)
{
	int y, mo, d, h, mi, sec;
	char tz[8] = "";

	if (g_str_has_prefix(s, "D:"))
		s += 2;
	if (strlen(s) < 14 || sscanf(s, "%4d%2d%2d%2d%2d%2d", &y, &mo, &d, &h, &mi, &sec) != 6)
		return FALSE;
	s += 14;
	if (*s == '\0' || strcmp(s, "Z") == 0 || strncmp(s, "Z00'00", 6) == 0) {
		strcpy(tz, "Z");
	} else if ((s[0] == '+' || s[0] == '-') && strlen(s) >= 6 && s[3] == '\'') {
		g_snprintf(tz, sizeof tz, "%c%.2s:%.2s", s[0], s + 1, s + 4);
	} else {
		return FALSE;
	}
	*xmp = g_strdup_printf("%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, sec, tz);
	if (tz[0] == 'Z')
		*pdf = g_strdup_printf("D:%04d%02d%02d%02d%02d%02dZ", y, mo, d, h, mi, sec);
	else
		*pdf = g_strdup_printf("D:%04d%02d%02d%02d%02d%02d%c%.2s'%.2s'", y, mo, d, h, mi, sec,
				       tz[0], tz + 1, tz + 4);
	return TRUE;
}

static void xml_text(GString *x, const char *indent, const char *element, const char *value)
{
	char *v = g_markup_escape_text(value, -1);

	g_string_append_printf(x, "%s<%s>%s</%s>\n", indent, element, v, element);
	g_free(v);
}

/* A language alternative (dc:title, dc:description) with one default. */
static void xml_alt(GString *x, const char *element, const char *value)
{
	char *v = g_markup_escape_text(value, -1);

	g_string_append_printf(x,
			       "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></%s>\n",
			       element, v, element);
	g_free(v);
}

/* The PDF/A extension schema that declares the dat46: properties: PDF/A
 * allows in XMP only the standard schemas and those described so. */
static void xmp_extension_schema(GString *x)
{
	g_string_append(x, "  <rdf:Description rdf:about=\"\"\n"
			   "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
			   "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
			   "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
			   "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
			   "    <pdfaSchema:schema>DA/T 46-2009 文书类电子文件元数据</pdfaSchema:schema>\n"
			   "    <pdfaSchema:namespaceURI>" AJ_DAT46_NS "</pdfaSchema:namespaceURI>\n"
			   "    <pdfaSchema:prefix>dat46</pdfaSchema:prefix>\n"
			   "    <pdfaSchema:property><rdf:Seq>\n");
	for (const AjDat46Item *it = aj_dat46_items; it->name; it++) {
		g_string_append(x, "     <rdf:li rdf:parseType=\"Resource\">\n");
		xml_text(x, "      ", "pdfaProperty:name", it->name);
		xml_text(x, "      ", "pdfaProperty:valueType", it->offset < 0 ? "Integer" : "Text");
		xml_text(x, "      ", "pdfaProperty:category", "external");
		xml_text(x, "      ", "pdfaProperty:description", it->label);
		g_string_append(x, "     </rdf:li>\n");
	}
	g_string_append(x, "    </rdf:Seq></pdfaSchema:property>\n"
			   "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
			   "  </rdf:Description>\n");
}

/* The Info dictionary's entries, NULL when absent; all owned. */
typedef struct {
	char *title, *author, *subject, *keywords, *creator, *producer;
	char *created, *modified; /* as XMP dates */
} Info;

static char *xmp_packet(const Info *info, const AjDat46 *d)
{
	GString *x = g_string_new(NULL);

	/* The BOM in begin= and a writable-packet end are what XMP asks of
	 * an embedded packet. */
	g_string_append(x, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
			   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
			   " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
			   "  <rdf:Description rdf:about=\"\" "
			   "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
			   "   <pdfaid:part>2</pdfaid:part>\n"
			   "   <pdfaid:conformance>B</pdfaid:conformance>\n"
			   "  </rdf:Description>\n"
			   "  <rdf:Description rdf:about=\"\" "
			   "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
			   "   <dc:format>application/pdf</dc:format>\n");
	if (info->title)
		xml_alt(x, "dc:title", info->title);
	if (info->author) {
		char *v = g_markup_escape_text(info->author, -1);
		g_string_append_printf(x, "   <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n",
				       v);
		g_free(v);
	}
	if (info->subject)
		xml_alt(x, "dc:description", info->subject);
	g_string_append(x, "   <dc:language><rdf:Bag><rdf:li>" XMP_LANG
			   "</rdf:li></rdf:Bag></dc:language>\n"
			   "  </rdf:Description>\n"
			   "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	if (info->producer)
		xml_text(x, "   ", "pdf:Producer", info->producer);
	if (info->keywords)
		xml_text(x, "   ", "pdf:Keywords", info->keywords);
	g_string_append(x, "  </rdf:Description>\n"
			   "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
	if (info->creator)
		xml_text(x, "   ", "xmp:CreatorTool", info->creator);
	if (info->created)
		xml_text(x, "   ", "xmp:CreateDate", info->created);
	if (info->modified) {
		xml_text(x, "   ", "xmp:ModifyDate", info->modified);
		xml_text(x, "   ", "xmp:MetadataDate", info->modified);
	}
	g_string_append(x, "  </rdf:Description>\n");
	xmp_extension_schema(x);
	g_string_append(x, "  <rdf:Description rdf:about=\"\" xmlns:dat46=\"" AJ_DAT46_NS "\">\n");
	for (const AjDat46Item *it = aj_dat46_items; it->name; it++) {
		char *v = aj_dat46_value(d, it);
		char *el = g_strconcat("dat46:", it->name, NULL);
		if (v)
			xml_text(x, "   ", el, v);
		g_free(el);
		g_free(v);
	}
	g_string_append(x, "  </rdf:Description>\n"
			   " </rdf:RDF>\n"
			   "</x:xmpmeta>\n");
	/* Room for an editor to grow the packet in place, as XMP advises. */
	for (int i = 0; i < 20; i++)
		g_string_append(x, "                                                                                                   \n");
	g_string_append(x, "<?xpacket end=\"w\"?>");
	return g_string_free(x, FALSE);
}

/* The UTF-8 value of the Info key, NULL when absent; the caller frees it. */
static char *info_text(qpdf_data q, qpdf_oh info, const char *key)
{
	qpdf_oh v = qp.oh_get_key(q, info, key);

	return qp.oh_is_string(q, v) ? g_strdup(qp.oh_get_utf8_value(q, v)) : NULL;
}

/* The Info date under key rewritten in the D: form; its XMP form. */
static char *mend_date(qpdf_data q, qpdf_oh info, const char *key)
{
	char *v = info_text(q, info, key);
	char *pdf = NULL, *xmp = NULL;

	if (v == NULL || !parse_date(v, &pdf, &xmp))
		qp.oh_remove_key(q, info, key);
	else
		qp.oh_replace_key(q, info, key, qp.oh_new_string(q, pdf));
	g_free(v);
	g_free(pdf);
	return xmp;
}

static qpdf_oh new_stream(qpdf_data q, const char *dict, const void *data, gsize len)
{
	qpdf_oh s = qp.oh_new_stream(q);
	qpdf_oh parsed = qp.oh_parse(q, dict);

	qp.oh_replace_stream_data(q, s, data, len, qp.oh_new_null(q), qp.oh_new_null(q));
	for (qp.oh_begin_dict_key_iter(q, parsed); qp.oh_dict_more_keys(q);) {
		const char *k = qp.oh_dict_next_key(q);
		qp.oh_replace_key(q, qp.oh_get_dict(q, s), k, qp.oh_get_key(q, parsed, k));
	}
	return s;
}

/* Every object of the file: links get their Print flag, TrueType
 * CIDFonts their CIDToGIDMap, images lose /Interpolate. */
static void mend_objects(qpdf_data q)
{
	int size = qp.oh_get_int_value_as_int(q, qp.oh_get_key(q, qp.get_trailer(q), "/Size"));

	for (int id = 1; id < size; id++) {
		qpdf_oh o = qp.get_object_by_id(q, id, 0);
		if (qp.oh_is_stream(q, o)) {
			qpdf_oh dict = qp.oh_get_dict(q, o);
			if (qp.oh_is_name_and_equals(q, qp.oh_get_key(q, dict, "/Subtype"), "/Image"))
				qp.oh_remove_key(q, dict, "/Interpolate");
			continue;
		}
		if (!qp.oh_is_dictionary(q, o))
			continue;
		if (qp.oh_is_name_and_equals(q, qp.oh_get_key(q, o, "/Subtype"), "/Link"))
			qp.oh_replace_key(q, o, "/F", qp.oh_new_integer(q, 4));
		else if (qp.oh_is_name_and_equals(q, qp.oh_get_key(q, o, "/Subtype"),
						    "/CIDFontType2") &&
			 !qp.oh_has_key(q, o, "/CIDToGIDMap"))
			qp.oh_replace_key(q, o, "/CIDToGIDMap", qp.oh_new_name(q, "/Identity"));
	}
}

static void add_output_intent(qpdf_data q, qpdf_oh root, const char *icc, gsize icc_len)
{
	qpdf_oh profile = new_stream(q, "<< /N 3 >>", icc, icc_len);
	qpdf_oh intent = qp.oh_parse(q, "<< /Type /OutputIntent /S /GTS_PDFA1"
					  " /OutputConditionIdentifier (sRGB IEC61966-2.1)"
					  " /RegistryName (http://www.color.org)"
					  " /Info (sRGB IEC61966-2.1) >>");
	qpdf_oh list = qp.oh_new_array(q);

	qp.oh_replace_key(q, intent, "/DestOutputProfile", profile);
	qp.oh_append_item(q, list, intent);
	qp.oh_replace_key(q, root, "/OutputIntents", list);
}

static void mend(qpdf_data q, const AjDat46 *d, const char *icc, gsize icc_len)
{
	qpdf_oh root = qp.get_root(q);
	qpdf_oh info = qp.oh_get_key(q, qp.get_trailer(q), "/Info");
	Info in = { 0 };
	char *xmp;

	if (qp.oh_is_dictionary(q, info)) {
		in.title = info_text(q, info, "/Title");
		in.author = info_text(q, info, "/Author");
		in.subject = info_text(q, info, "/Subject");
		in.keywords = info_text(q, info, "/Keywords");
		in.creator = info_text(q, info, "/Creator");
		in.producer = info_text(q, info, "/Producer");
		in.created = mend_date(q, info, "/CreationDate");
		in.modified = mend_date(q, info, "/ModDate");
	}
	xmp = xmp_packet(&in, d);
	qp.oh_replace_key(q, root, "/Metadata",
			    new_stream(q, "<< /Type /Metadata /Subtype /XML >>", xmp, strlen(xmp)));
	qp.oh_replace_key(q, root, "/Lang", qp.oh_new_string(q, XMP_LANG));
	add_output_intent(q, root, icc, icc_len);
	mend_objects(q);
	g_free(xmp);
	g_free(in.title);
	g_free(in.author);
	g_free(in.subject);
	g_free(in.keywords);
	g_free(in.creator);
	g_free(in.producer);
	g_free(in.created);
	g_free(in.modified);
}

static gboolean qpdf_failed(qpdf_data q, const char *source, GError **err)
{
	if (!qp.has_error(q))
		return FALSE;
	g_set_error(err, AJ_ERROR, EX_SOFTWARE,
		    _("%s: qpdf could not make the PDF/A (%s); please report this"), source,
		    qp.get_error_full_text(q, qp.get_error(q)));
	return TRUE;
}

gboolean aj_pdfa_convert(const guint8 *pdf, gsize len, const AjDat46 *d, const char *source,
			 GByteArray **out, GError **err)
{
	qpdf_data q;
	char *icc = NULL;
	gsize icc_len = 0;
	GError *io = NULL;
	gboolean ok = FALSE;

	if (!open_qpdf(err))
		return FALSE;
	if (!g_file_get_contents(AJ_SRGB_ICC, &icc, &icc_len, &io)) {
		g_set_error(err, AJ_ERROR, EX_UNAVAILABLE,
			    _("%s: cannot read the sRGB colour profile a PDF/A needs (%s); "
			      "install icc-profiles-free (scripts/install-deps)"),
			    source, io->message);
		g_error_free(io);
		return FALSE;
	}
	q = qp.init();
	qp.silence_errors(q);
	qp.set_suppress_warnings(q, QPDF_TRUE);
	qp.read_memory(q, source, (const char *)pdf, len, NULL);
	if (qpdf_failed(q, source, err))
		goto done;
	mend(q, d, icc, icc_len);
	if (qpdf_failed(q, source, err))
		goto done;
	qp.init_write_memory(q);
	/* PDF/A-1 readers (and PDFBox's preflight) know no object streams. */
	qp.set_object_stream_mode(q, qpdf_o_disable);
	qp.set_deterministic_ID(q, QPDF_TRUE);
	qp.set_newline_before_endstream(q, QPDF_TRUE);
	qp.set_suppress_original_object_IDs(q, QPDF_TRUE);
	qp.write(q);
	if (qpdf_failed(q, source, err))
		goto done;
	*out = g_byte_array_new();
	g_byte_array_append(*out, qp.get_buffer(q), qp.get_buffer_length(q));
	ok = TRUE;
done:
	qp.cleanup(&q);
	g_free(icc);
	return ok;
}

void aj_pdfa_fingerprint(GPtrArray *lines)
{
	char *icc = NULL;
	gsize len = 0;
	char *sum;

	if (!g_file_get_contents(AJ_SRGB_ICC, &icc, &len, NULL))
		len = 0;
	sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)icc, len);
	g_ptr_array_add(lines, g_strdup_printf("qpdf %s icc %s\n",
					       open_qpdf(NULL) ? qp.get_qpdf_version() : "none", sum));
	g_free(sum);
	g_free(icc);
}
