/* Streaming one input file into the model.
 *
 * libxml2's xmlTextReader walks the file node by node; records are built
 * directly from the nodes, so memory stays flat however large the file.
 * The embedded RELAX NG schema validates it as it goes (the loader's
 * `schema` flag, on for every load) beside the loader's own checks
 * (shape.c, attrs.c, values.c), which find all it finds and say it in the
 * loader's words (the fuzz target and tests show that).  Depth tells what a node is:
 * 0 <dataset>, 1 a record, 2 a child of a record (3 and 4 inside a
 * problem-list: problem, then its children).
 */
#include <stdio.h>
#include <string.h>

#include "load/encoding.h"
#include "load/parse.h"
#include "util/i18n.h"

/* The line of the current element, also past 65535 (lines.h). */
static guint element_line(Parse *p)
{
	guint line = 0;

	if (p->lines == NULL)
		p->lines = aj_line_scan_new(p->l->path);
	if (p->lines != NULL)
		line = aj_line_scan_element(p->lines, p->ordinal);
	if (line == 0)
		line = (guint)MAX(0, xmlTextReaderGetParserLineNumber(p->r));
	return line;
}

guint ajp_node_line(Parse *p)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(p->r);

	/* elements: node->line directly (xmlGetLineNo() looks further) */
	if (node != NULL && node->type == XML_ELEMENT_NODE && node->line > 0 && node->line < 65535)
		return node->line;
	long line = node != NULL ? xmlGetLineNo(node) : -1;
	return line > 0 && line < 65535 ? (guint)line : element_line(p);
}

/* The line of the file's <!DOCTYPE, 0 when it has none.  Looked up only
 * when an error or the DOCTYPE node makes it matter: the reader is ahead
 * of that line by then, and a DTD node carries no line. */
static guint doctype_line(Parse *p)
{
	if (p->doctype < 0) {
		AjLineScan *s = aj_line_scan_new(p->l->path);
		p->doctype = s != NULL ? aj_line_scan_doctype(s) : 0;
		aj_line_scan_free(s);
	}
	return (guint)p->doctype;
}

/* A DOCTYPE is refused whole: whatever libxml2 finds wrong inside it (an
 * entity loop, an external entity, a bad declaration) has the same fix. */
static void doctype_error(Parse *p, guint line)
{
	aj_loader_error(p->l, line, _("the file has a DOCTYPE; DTDs and entity declarations are "
				      "not allowed: remove the <!DOCTYPE …> block"));
	p->file_bad = TRUE;
}

/* libxml2 messages can quote pieces of the input (entity names, bytes of a
 * bad UTF-8 sequence) and those may come from an <informant>: keep the first
 * line only and elide every quoted part.  (Used for schema messages, which
 * quote no text; parser messages get fixed words, see parser_words().) */
static char *sanitize(const char *msg)
{
	GString *s = g_string_new(NULL);
	gboolean quoted = FALSE;

	for (const char *c = msg != NULL ? msg : "error"; *c != '\0' && *c != '\n'; c++) {
		if (*c == '\'') {
			if (!quoted)
				g_string_append(s, "'…'");
			quoted = !quoted;
		} else if (!quoted) {
			g_string_append_c(s, *c);
		}
	}
	return g_string_free(s, FALSE);
}

/* Well-formedness errors in fixed words: libxml2's own name tags and
 * entities, which inside an <informant> would be its text. */
static const char *parser_words(int code)
{
	switch (code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		return _("an end tag does not match its start tag");
	case XML_ERR_TAG_NOT_FINISHED:
	case XML_ERR_GT_REQUIRED:
		return _("a tag is not closed");
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
	case XML_ERR_UNPARSED_ENTITY:
	case XML_ERR_ENTITY_IS_EXTERNAL:
	case XML_ERR_ENTITY_IS_PARAMETER:
	case XML_ERR_EXT_ENTITY_STANDALONE:
	case XML_ERR_ENTITY_PE_INTERNAL:
	case XML_ERR_ENTITY_LOOP:
	case XML_ERR_ENTITY_BOUNDARY:
	case XML_ERR_ENTITY_PROCESSING:
		return _("an entity reference (entities are not allowed: write the character itself, "
			 "or &lt; &gt; &amp; &quot; &apos;)");
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_CHARREF:
	case XML_ERR_INVALID_ENCODING:
		return _("bytes or characters that are not UTF-8 text");
	case XML_ERR_LT_IN_ATTRIBUTE:
		return _("a '<' inside an attribute value (write &lt;)");
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
		return _("an attribute without a quoted value");
	case XML_ERR_ATTRIBUTE_REDEFINED:
		return _("an attribute given twice");
	case XML_ERR_DOCUMENT_START:
		return _("text where the first element should be: is this an XML file at all (a CSV "
			 "or text export named .xml)?");
	case XML_ERR_DOCUMENT_END:
		return _("no <dataset> element, or content after its end");
	case XML_ERR_DOCUMENT_EMPTY:
		return _("an empty document");
	case XML_ERR_INTERNAL_ERROR: /* libxml2's depth guard */
		return _("elements nested deeper than the parser's limit of 256 levels");
	case XML_ERR_NO_MEMORY: /* also libxml2's guard for one huge text node */
		return _("a text longer than the parser's limit of 10 MB in one element (or out of "
			 "memory)");
	default:
		return _("malformed markup");
	}
}

/* libxml2 calls a file without a '<' "empty": one with text in it is no
 * XML at all (a CSV or text export named .xml). */
static int document_code(Parse *p, int code)
{
	char head[256];
	FILE *f;
	size_t n;

	if (code != XML_ERR_DOCUMENT_EMPTY || (f = fopen(p->l->path, "rb")) == NULL)
		return code;
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	for (size_t i = 0; i < n; i++)
		if (!g_ascii_isspace(head[i]))
			return XML_ERR_DOCUMENT_START;
	return code;
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	Parse *p = ctx;
	guint line = 0;

	if (e == NULL || e->level < XML_ERR_ERROR || p->l->stop)
		return;
	if (e->domain == XML_FROM_PARSER && e->line > 0) {
		line = (guint)e->line; /* the parser's own position, at the fault (an int) */
	} else {
		/* the schema's: of a node, 16 bits in libxml2 2.9 */
		if (e->node != NULL)
			line = (guint)MAX(0, xmlGetLineNo(e->node));
		if (line == 0 && e->line > 0 && e->line < 65535)
			line = (guint)e->line;
		if (line == 0 || line >= 65535)
			line = element_line(p);
	}
	char *msg = sanitize(e->message);
	if (e->domain == XML_FROM_RELAXNGV) {
		AjPending pe = { line, NULL };
		if (p->in_informant)
			pe.msg = g_strdup(_("<informant> must hold plain text only (its content "
					    "is never shown); remove any markup in it"));
		else if (strstr(msg, "TODO") != NULL) /* libxml2's placeholder for text */
			pe.msg = g_strdup(_("text is not allowed here; remove it"));
		else
			/* TRANSLATORS: %s is libxml2's own message, in English */
			pe.msg = g_strdup_printf(_("%s; make it match data-format.md"), msg);
		g_array_append_val(p->rng_pending, pe);
	} else if (!p->file_bad && doctype_line(p) > 0) {
		doctype_error(p, doctype_line(p));
	} else if (!p->file_bad && (e->code == XML_ERR_INVALID_CHAR ||
				    e->code == XML_ERR_INVALID_ENCODING) &&
		   aj_encoding_explain(p->l, line)) {
		p->file_bad = TRUE;
	} else if (!p->file_bad) {
		/* After the first well-formedness error libxml2 goes on reporting its
		 * consequences (an entity bomb trips the loop guard once per level):
		 * one message per file, and the file is not read further. */
		aj_loader_error(p->l, line, _("not well-formed XML: %s (libxml2 error %d); fix it "
					      "near this line"),
				parser_words(document_code(p, e->code)), e->code);
		p->file_bad = TRUE;
	}
	g_free(msg);
}

static gboolean is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void ajp_end_text(Parse *p)
{
	char *s = p->text->str;
	gsize n = p->text->len;

	while (n > 0 && is_xml_space(s[n - 1]))
		n--;
	s[n] = '\0';
	while (is_xml_space(*s))
		s++;
	if (*s == '\0')
		aj_loader_error(p->l, p->text_line, _("<%s> is empty; write its text or remove it"),
				p->text_elem);
	else
		*p->text_to = ajp_intern(p, s);
	p->text_to = NULL;
}


/* ---- the file -------------------------------------------------------------- */

/* UTF-16/32 input is detected from its first bytes: libxml2 would decode it,
 * but data-format.md allows UTF-8 only. */
static gboolean sniff_utf8(AjLoader *l)
{
	unsigned char b[4] = { 1, 1, 1, 1 };
	FILE *f = fopen(l->path, "rb");

	if (f == NULL)
		return TRUE; /* the reader reports it */
	size_t n = fread(b, 1, sizeof b, f);
	fclose(f);
	if (n >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) ||
		       b[0] == 0 || b[1] == 0)) {
		aj_loader_error(l, 1, _("the file is not UTF-8 (UTF-16 or UTF-32); save it as UTF-8"));
		aj_loader_cut(l);
		return FALSE;
	}
	return TRUE;
}

/* Text where only elements belong (between records, inside <enterprise>). */
static void stray_text(Parse *p)
{
	const char *v = (const char *)xmlTextReaderConstValue(p->r);
	int depth = xmlTextReaderDepth(p->r);

	for (; v != NULL && *v != '\0'; v++) {
		if (!is_xml_space(*v)) {
			const char *in = depth > 0 && depth <= (int)G_N_ELEMENTS(p->open)
						 ? p->open[depth - 1].elem : NULL;
			aj_loader_error(p->l, ajp_node_line(p), _("text directly inside <%s> is not "
								  "allowed; remove it or put it in "
								  "the right element"),
					in != NULL ? in : "?");
			return;
		}
	}
}

/* A root that is not <dataset>: another kind of XML file (a spreadsheet
 * saved as XML, most often) is one message, and the file is not read
 * further: each of its elements would be an error of its own. */
static void foreign_root(Parse *p, xmlNodePtr root, guint line)
{
	const char *ns = root->ns != NULL && root->ns->href != NULL ? (const char *)root->ns->href : NULL;
	const char *name = (const char *)root->name;

	if (ns != NULL && (strcmp(ns, "urn:schemas-microsoft-com:office:spreadsheet") == 0 ||
			   strstr(ns, "openxmlformats.org/spreadsheetml") != NULL))
		aj_loader_error(p->l, line, _("this is an Excel spreadsheet saved as XML (<%s>), "
					      "not anjian data; anjian does not read spreadsheets: "
					      "export the records from the source system as "
					      "data-format.md XML (<dataset version=\"1\">), and move "
					      "this file out of the data directory"), name);
	else if (root->name == p->n.dataset)
		aj_loader_error(p->l, line, _("<dataset> is in the namespace %s; anjian data has "
					      "none: remove the xmlns declaration"), ns);
	else
		aj_loader_error(p->l, line, _("the root element is <%s>, so this is not an anjian "
					      "data file: those start with <dataset version=\"1\"> "
					      "(data-format.md); move it out of the data directory"),
				name);
	p->file_bad = TRUE;
}

gboolean aj_read_file(AjLoader *l, xmlRelaxNGPtr schema)
{
	Parse p = { 0 };
	int ret = 1;
	gboolean first = TRUE;
	guint errors_before = l->errors->len;

	if (!sniff_utf8(l))
		return FALSE;
	p.l = l;
	p.m = l->model;
	p.aspect = p.problem = -1;
	p.doctype = -1;
	/* No NOENT (entities stay unexpanded), no DTDLOAD, no XINCLUDE, no network.
	 * NOBLANKS: the blanks between elements make no text nodes (a twentieth
	 * of the reading); blanks inside a text element still do. */
	p.r = xmlReaderForFile(l->path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS);
	if (p.r == NULL) {
		aj_loader_error(l, 0, _("cannot open the file; check that it exists and is readable"));
		aj_loader_mark(l, AJ_EVENT_UNREADABLE);
		aj_loader_cut(l);
		l->unreadable = TRUE;
		return FALSE;
	}
	p.text = g_string_sized_new(256);
	p.rng_pending = g_array_new(FALSE, FALSE, sizeof(AjPending));
	xmlTextReaderSetStructuredErrorHandler(p.r, on_xml_error, &p);
	if (schema != NULL && xmlTextReaderRelaxNGSetSchema(p.r, schema) != 0)
		aj_loader_error(l, 0, _("cannot attach the schema (internal error); report this bug"));
	aj_names_init(&p.n, p.r);

	while (!l->stop && !p.file_bad && (ret = xmlTextReaderRead(p.r)) == 1) {
		int type = xmlTextReaderNodeType(p.r);

		if (first) {
			const char *enc = (const char *)xmlTextReaderConstEncoding(p.r);
			first = FALSE;
			if (!aj_encoding_declared_ok(l, enc)) {
				p.file_bad = TRUE;
				break;
			}
		}
		switch (type) {
		case XML_READER_TYPE_ELEMENT: {
			p.ordinal++;
			int depth = xmlTextReaderDepth(p.r);
			xmlNodePtr node = xmlTextReaderCurrentNode(p.r);
			const xmlChar *name = node->name; /* from the reader's dictionary */
			guint line = ajp_node_line(&p);
			if (depth == 0 && (name != p.n.dataset || node->ns != NULL)) {
				foreign_root(&p, node, line);
				break;
			}
			if (node->ns != NULL) {
				if (p.in_informant)
					aj_loader_error(l, line, _("<informant> must hold plain text "
								   "only (its content is never shown); "
								   "remove any markup in it"));
				else
					aj_loader_error(l, line, _("element <%s> is in a namespace; "
								   "namespaces and XInclude are not "
								   "allowed: remove the prefix/xmlns"),
							(const char *)name);
				break;
			}
			ajp_shape_open(&p, name, depth, line);
			if (depth == 0 && name == p.n.dataset)
				ajp_each_attr(&p, "dataset", line, ATTRS(ajp_dataset_spec), ajp_dataset_attr);
			else if (depth == 1)
				ajp_start_record(&p, name, line);
			else if (depth >= 2 && p.kind != REC_NONE && p.text_to == NULL &&
				 !p.in_informant)
				ajp_start_child(&p, name, depth, line);
			if (xmlTextReaderIsEmptyElement(p.r)) {
				ajp_end_element(&p, depth);
				ajp_shape_close(&p, depth);
			}
			break;
		}
		case XML_READER_TYPE_END_ELEMENT: {
			int depth = xmlTextReaderDepth(p.r);
			ajp_end_element(&p, depth);
			ajp_shape_close(&p, depth);
			break;
		}
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			if (p.text_to != NULL)
				g_string_append(p.text, (const char *)xmlTextReaderConstValue(p.r));
			else if (!p.in_informant)
				stray_text(&p);
			break;
		case XML_READER_TYPE_DOCUMENT_TYPE:
			if (!p.file_bad) /* not reported already by on_xml_error() */
				doctype_error(&p, doctype_line(&p) > 0 ? doctype_line(&p)
								       : ajp_node_line(&p));
			break;
		case XML_READER_TYPE_ENTITY_REFERENCE:
		case XML_READER_TYPE_ENTITY:
			aj_loader_error(l, ajp_node_line(&p), _("entity reference; entities are not "
								"allowed: write the text itself "
								"(character references like &#x4E2D; "
								"are fine)"));
			p.file_bad = TRUE;
			break;
		default:
			break;
		}
	}
	/* The schema's first message only when the loader's own checks found
	 * nothing (the merge also counts this file's ids found before it); and
	 * if the schema failed silently, still fail. */
	if (l->errors->len == errors_before) {
		if (p.rng_pending->len > 0) {
			AjPending *pe = &g_array_index(p.rng_pending, AjPending, 0);
			aj_loader_error(l, pe->line, "%s", pe->msg);
			aj_loader_mark(l, AJ_EVENT_SCHEMA);
		} else if (schema != NULL && ret == 0 && xmlTextReaderIsValid(p.r) != 1) {
			aj_loader_error(l, 0, _("does not match the schema; check it with xmllint "
						"--relaxng schema/anjian-data.rng"));
			aj_loader_mark(l, AJ_EVENT_SCHEMA);
		}
	}
	if (p.file_bad)
		aj_loader_cut(l);
	for (guint i = 0; i < p.rng_pending->len; i++)
		g_free(g_array_index(p.rng_pending, AjPending, i).msg);
	xmlFreeTextReader(p.r);
	aj_line_scan_free(p.lines);
	g_array_free(p.rng_pending, TRUE);
	g_string_free(p.text, TRUE);
	return ret == 0 && !p.file_bad;
}

