/* libFuzzer target for the template engine: `make fuzz-template`.
 *
 * The input is split at NUL bytes: the first part is the template, the
 * next two are the partials "p" and "q".  It is rendered with the
 * Markdown escaper against a fixed XML context; any result is fine as long
 * as errors carry a message and nothing crashes, leaks or runs away.
 */
#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>

#include "template/escape.h"
#include "template/mustache.h"
#include "template/xml_ctx.h"

typedef struct {
	const char *part[3];
} Input;

static char *loader(gpointer user, const char *name, char **origin, GError **err)
{
	const Input *in = user;
	int k = strcmp(name, "p") == 0 ? 1 : strcmp(name, "q") == 0 ? 2 : 0;

	if (!k || !in->part[k])
		return NULL;
	*origin = g_strdup(name);
	return g_strdup(in->part[k]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char xml[] = "<d a='1' n='p'><b c='x'><c d='0'/></b><list v='1'/><list v='2'/></d>";
	char *buf = g_malloc(size + 1);
	Input in = { { buf, NULL, NULL } };
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, 0);
	AjXmlIndex *index = aj_xml_index_new();
	AjMRenderOpts opts = { .ops = &aj_xml_ctx_ops, .ops_user = index,
			       .escape = aj_escape_markdown, .load_partial = loader,
			       .partial_user = &in, .strict_partials = size % 2,
			       .max_output = 1 << 22 };
	GError *err = NULL;
	AjMTemplate *t;
	char *out = NULL;
	size_t i, k = 1;

	memcpy(buf, data, size);
	buf[size] = '\0';
	for (i = 0; i < size && k < 3; i++)
		if (buf[i] == '\0')
			in.part[k++] = buf + i + 1;
	t = aj_m_parse(buf, strlen(buf), "t.md", 1, &err);
	if (t)
		out = aj_m_render(t, aj_xml_ctx_value(xmlDocGetRootElement(doc)), &opts, &err);
	if (!out && (!err || !err->message[0]))
		__builtin_trap();
	g_clear_error(&err);
	g_free(out);
	aj_m_template_free(t);
	aj_xml_index_free(index);
	xmlFreeDoc(doc);
	g_free(buf);
	return 0;
}
