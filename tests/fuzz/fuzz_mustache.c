/* libFuzzer target: the Mustache engine over an XML context.
 *
 * The input is split at NUL bytes: the template, then the XML of the
 * context, then a partial "p" (the template may include "p" or itself as
 * "t").  The template's first byte picks the escaper (Markdown, YAML, HTML)
 * and whether missing partials are errors.  Any result is fine as long as
 * a failure carries a message and nothing crashes, leaks or runs away.
 */
#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>

#include "template/escape.h"
#include "template/mustache.h"
#include "template/xml_ctx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
	const char *part[3]; /* template, context, partial p */
} Input;

static char *load_partial(gpointer user, const char *name, char **origin, GError **err)
{
	const Input *in = user;
	const char *text = strcmp(name, "t") == 0 ? in->part[0]
			   : strcmp(name, "p") == 0 ? in->part[2] : NULL;

	if (text == NULL)
		return NULL;
	*origin = g_strdup(name);
	return g_strdup(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const AjMEscape escapers[] = { aj_escape_markdown, aj_escape_yaml, aj_escape_html };
	static const char fallback[] = "<d a='1'><b c='x'/><b c='y'/></d>";
	char *buf = g_malloc(size + 1);
	Input in = { { buf, NULL, NULL } };
	xmlDocPtr doc = NULL;
	AjXmlIndex *index = aj_xml_index_new();
	AjMTemplate *t = NULL;
	GError *err = NULL;
	char *out = NULL;
	size_t k = 1;

	memcpy(buf, data, size);
	buf[size] = '\0';
	for (size_t i = 0; i < size && k < 3; i++)
		if (buf[i] == '\0')
			in.part[k++] = buf + i + 1;
	if (in.part[1] != NULL)
		doc = xmlReadMemory(in.part[1], (int)strlen(in.part[1]), "ctx.xml", NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		doc = xmlReadMemory(fallback, (int)strlen(fallback), "ctx.xml", NULL, 0);
	}
	AjMRenderOpts opts = { .ops = &aj_xml_ctx_ops, .ops_user = index,
			       .escape = escapers[size > 0 ? data[0] % 3 : 0],
			       .load_partial = load_partial, .partial_user = &in,
			       .strict_partials = size > 0 && (data[0] & 4),
			       .max_output = 1 << 22 };
	t = aj_m_parse(buf, strlen(buf), "t.md", 1, &err);
	if (t != NULL)
		out = aj_m_render(t, aj_xml_ctx_value(xmlDocGetRootElement(doc)), &opts, &err);
	if (out == NULL && (err == NULL || err->message[0] == '\0'))
		__builtin_trap();
	g_clear_error(&err);
	g_free(out);
	aj_m_template_free(t);
	aj_xml_index_free(index);
	xmlFreeDoc(doc);
	g_free(buf);
	return 0;
}
