/* libFuzzer target: Markdown (front matter + cmark-gfm) to the site's HTML
 * fragment.  Besides crashes it checks the writer's promises on any input:
 * the fragment is well-formed XML and holds no <script> and no javascript:
 * link.
 */
#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>

#include "html/html.h"
#include "markdown/document.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_fragment(const char *html)
{
	char *wrapped = g_strconcat("<div>", html, "</div>", NULL);
	/* HUGE: no harm, though parsing stops at 100 levels (AJ_DOCUMENT_MAX_DEPTH) */
	xmlDocPtr x = xmlReadMemory(wrapped, (int)strlen(wrapped), "f.html", NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				    XML_PARSE_HUGE);
	char *lower = g_ascii_strdown(html, -1);

	if (x == NULL || strstr(lower, "<script") != NULL || strstr(lower, "href=\"javascript:") != NULL)
		__builtin_trap();
	xmlFreeDoc(x);
	g_free(lower);
	g_free(wrapped);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GError *err = NULL;
	AjDocument *doc;
	char *html = NULL;

	aj_warn_set_quiet(TRUE);
	doc = aj_document_parse((const char *)data, size, "f.md", &err);
	if (doc != NULL)
		html = aj_html_fragment(doc, NULL, &err);
	if (html != NULL)
		check_fragment(html);
	else if (err == NULL || err->message[0] == '\0')
		__builtin_trap();
	g_free(html);
	g_clear_error(&err);
	if (doc != NULL)
		aj_document_free(doc);
	return 0;
}
