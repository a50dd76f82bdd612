#include <stdio.h>
#include <libxml/parser.h>

#include "cli/cli.h"
#include "html/html.h"
#include "markdown/document.h"
#include "ofd/ofd.h"
#include "pdf/pdf.h"
#include "typeset/fonts.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/epoch.h"
#include "util/i18n.h"

/* The document context of a build (OUT/data/NAME.xml), so a document
 * built from data renders again with its charts. */
static gboolean read_context(const char *path, xmlDocPtr *ctx, GError **err)
{
	if (path == NULL)
		return TRUE;
	*ctx = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	if (*ctx == NULL || xmlDocGetRootElement(*ctx) == NULL) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: cannot read the document context; give the data file a build "
			      "wrote for the document (OUT/data/NAME.xml)"),
			    path);
		return FALSE;
	}
	return TRUE;
}

static int render(const char *in, const char *out, const char *context, gboolean pdfa)
{
	GError *err = NULL;
	xmlDocPtr ctx = NULL;
	xmlNodePtr root;
	char *text = NULL;
	gsize len = 0;
	AjDocument *doc = NULL;
	int status = EX_OK;

	if (!g_file_get_contents(in, &text, &len, &err)) {
		fprintf(stderr, _("anjian: %s: cannot read: %s\n"), in, err->message);
		g_error_free(err);
		return EX_NOINPUT;
	}
	doc = aj_document_parse(text, len, in, &err);
	if (doc == NULL || !read_context(context, &ctx, &err))
		goto fail;
	root = ctx ? xmlDocGetRootElement(ctx) : NULL;
	aj_fonts_init(); /* before any Pango use: an HTML page's charts are measured too */
	if (g_str_has_suffix(out, ".pdf")) {
		AjPdfOptions opts = { .creation_time = aj_source_date_epoch(), .context = root,
				      .pdfa = pdfa };
		int pages = 0;
		if (!aj_pdf_write(doc, &opts, out, &pages, &err))
			goto fail;
	} else if (g_str_has_suffix(out, ".ofd")) {
		AjOfdOptions opts = { .creation_time = aj_source_date_epoch(), .context = root };
		if (!aj_ofd_write(doc, &opts, out, NULL, &err))
			goto fail;
	} else if (!aj_html_write_page(doc, out, &err)) {
		goto fail;
	}
	goto done;
fail:
	status = aj_error_report(err);
	g_error_free(err);
done:
	if (ctx)
		xmlFreeDoc(ctx);
	aj_document_free(doc);
	g_free(text);
	return status;
}

int aj_cmd_render(int argc, char **argv)
{
	char *out = NULL, *context = NULL;
	gboolean pdfa = FALSE;
	GOptionEntry entries[] = {
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
		  N_("output file, .pdf, .ofd or .html (required)"), N_("FILE") },
		{ "context", 0, 0, G_OPTION_ARG_FILENAME, &context,
		  N_("the document's data file from a build (OUT/data/NAME.xml), for its charts"),
		  N_("FILE") },
		{ "pdfa", 0, 0, G_OPTION_ARG_NONE, &pdfa,
		  N_("write PDF/A-2b for archives (XMP with the DA/T 46 items, sRGB output intent)"),
		  NULL },
		{ NULL }
	};
	int status;

	if (!aj_cli_parse("render", N_("Typeset one Markdown file (with optional YAML front "
				       "matter) as a GB/T 9704 PDF, an OFD file (GB/T 33190, OFD-A) "
				       "or an HTML page."),
			  entries, &argc, &argv))
		return EX_USAGE;
	if (out == NULL || argc != 2 ||
	    !(g_str_has_suffix(out, ".pdf") || g_str_has_suffix(out, ".ofd") ||
	      g_str_has_suffix(out, ".html"))) {
		g_free(out);
		g_free(context);
		return aj_cli_usage_error("render", argc != 2
							    ? _("exactly one input FILE.md is required")
							    : _("--out FILE.pdf, --out FILE.ofd or --out "
								"FILE.html is required"));
	}
	status = render(argv[1], out, context, pdfa);
	g_free(out);
	g_free(context);
	return status;
}
