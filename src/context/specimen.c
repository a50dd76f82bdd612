#include "context/specimen.h"

#include <string.h>
#include <libxml/parser.h>

/* mk/context.mk */
extern const struct {
	const char *kind, *text;
} aj_context_specimens[];
extern const size_t aj_context_specimens_len;

xmlDocPtr aj_context_specimen(const char *kind)
{
	for (size_t i = 0; kind != NULL && i < aj_context_specimens_len; i++) {
		if (strcmp(aj_context_specimens[i].kind, kind) != 0)
			continue;
		const char *text = aj_context_specimens[i].text;
		return xmlReadMemory(text, (int)strlen(text), "specimen.xml", "UTF-8",
				     XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
					     XML_PARSE_NOWARNING);
	}
	return NULL;
}
