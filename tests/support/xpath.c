#include "support/xpath.h"

#include <libxml/xpath.h>

char *ajt_xp(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	xmlChar *s = xmlXPathCastToString(obj);
	char *out = g_strdup((const char *)s);

	xmlFree(s);
	xmlXPathFreeObject(obj);
	xmlXPathFreeContext(ctx);
	return out;
}
