/* Mustache context over json-glib: objects are maps, arrays lists; null,
 * false and the empty list are falsy. */
#include <string.h>

#include "mustache/json_ctx.h"

AjMValue aj_json_ctx_value(JsonNode *node)
{
	AjMValue v = { node, 0 };

	return v;
}

static gboolean jlookup(gconstpointer user, AjMValue v, const char *name, AjMValue *out)
{
	JsonNode *n = (JsonNode *)v.ptr;
	JsonObject *o;

	if (!n || !JSON_NODE_HOLDS_OBJECT(n))
		return FALSE;
	o = json_node_get_object(n);
	if (!json_object_has_member(o, name))
		return FALSE;
	out->ptr = json_object_get_member(o, name);
	out->aux = 0;
	return TRUE;
}

static gboolean jis_list(gconstpointer user, AjMValue v)
{
	return v.ptr && JSON_NODE_HOLDS_ARRAY((JsonNode *)v.ptr);
}

static gboolean jtruthy(gconstpointer user, AjMValue v)
{
	JsonNode *n = (JsonNode *)v.ptr;

	if (!n || JSON_NODE_HOLDS_NULL(n))
		return FALSE;
	if (JSON_NODE_HOLDS_ARRAY(n))
		return json_array_get_length(json_node_get_array(n)) > 0;
	if (JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_BOOLEAN)
		return json_node_get_boolean(n);
	return TRUE;
}

/* cursor.aux: index of the next element */
static gboolean jiter(gconstpointer user, AjMValue list, AjMValue *cursor, AjMValue *item)
{
	JsonArray *a = json_node_get_array((JsonNode *)list.ptr);

	if (cursor->aux >= json_array_get_length(a))
		return FALSE;
	item->ptr = json_array_get_element(a, (guint)cursor->aux);
	item->aux = 0;
	cursor->aux++;
	return TRUE;
}

static void jtext(gconstpointer user, AjMValue v, GString *out)
{
	JsonNode *n = (JsonNode *)v.ptr;
	GType t;

	if (!n || !JSON_NODE_HOLDS_VALUE(n))
		return;
	t = json_node_get_value_type(n);
	if (t == G_TYPE_STRING) {
		g_string_append(out, json_node_get_string(n));
	} else if (t == G_TYPE_INT64) {
		g_string_append_printf(out, "%" G_GINT64_FORMAT, json_node_get_int(n));
	} else if (t == G_TYPE_DOUBLE) {
		/* the shortest form that reads back as the same double: 1.21 */
		char buf[G_ASCII_DTOSTR_BUF_SIZE];
		double d = json_node_get_double(n);
		int prec;

		for (prec = 15; prec <= 17; prec++) {
			g_ascii_formatd(buf, sizeof buf, prec == 15 ? "%.15g" : prec == 16 ? "%.16g" : "%.17g", d);
			if (g_ascii_strtod(buf, NULL) == d)
				break;
		}
		g_string_append(out, buf);
	} else if (t == G_TYPE_BOOLEAN) {
		g_string_append(out, json_node_get_boolean(n) ? "true" : "false");
	}
}

const AjMCtxOps aj_json_ctx_ops = {
	.lookup = jlookup,
	.truthy = jtruthy,
	.is_list = jis_list,
	.iter = jiter,
	.text = jtext,
};
