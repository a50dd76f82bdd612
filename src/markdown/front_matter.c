#include "markdown/front_matter.h"

#include <string.h>
#include <yaml.h>

#include "model/dates.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/nearest.h"

typedef enum { VAL_TEXT, VAL_DATE, VAL_PUBLICITY, VAL_LIST } ValKind;

typedef struct {
	const char *key;
	ValKind kind;
	const char *joiner; /* a sequence given for a text key is joined with this */
	gsize offset;       /* of the char * field in AjDocMeta */
} KeyDef;

#define FIELD(f) G_STRUCT_OFFSET(AjDocMeta, f)

static const KeyDef keys[] = {
	{ "issuer", VAL_TEXT, NULL, FIELD(issuer) },
	{ "number", VAL_TEXT, NULL, FIELD(number) },
	{ "title", VAL_TEXT, "", FIELD(title) },
	{ "recipients", VAL_TEXT, "，", FIELD(recipients) },
	{ "signature", VAL_TEXT, NULL, FIELD(signature) },
	{ "date", VAL_DATE, NULL, FIELD(date) },
	{ "publicity", VAL_PUBLICITY, NULL, FIELD(publicity) },
	{ "attachments", VAL_LIST, NULL, 0 },
	{ "cc", VAL_TEXT, "，", FIELD(cc) },
	{ "printer", VAL_TEXT, NULL, FIELD(printer) },
	{ "print_date", VAL_DATE, NULL, FIELD(print_date) },
	{ "subject", VAL_TEXT, NULL, FIELD(subject) },
	{ "keywords", VAL_TEXT, ", ", FIELD(keywords) },
};

void aj_front_matter_clear(AjDocMeta *meta)
{
	for (gsize i = 0; i < G_N_ELEMENTS(keys); i++) {
		if (keys[i].kind == VAL_LIST)
			continue;
		char **field = G_STRUCT_MEMBER_P(meta, keys[i].offset);
		g_clear_pointer(field, g_free);
	}
	g_clear_pointer(&meta->attachments, g_ptr_array_unref);
}

static const KeyDef *find_key(const char *name)
{
	for (gsize i = 0; i < G_N_ELEMENTS(keys); i++)
		if (strcmp(keys[i].key, name) == 0)
			return &keys[i];
	return NULL;
}

/* The text being parsed, for messages: its lines are those of `name` from
 * first_line, or, for a filled template, of the template lines in origins. */
typedef struct {
	const char *name;
	int first_line;
	const AjLineMap *origins;
} Src;

static void fail(const Src *src, int line, GError **err, const char *fmt, ...) G_GNUC_PRINTF(4, 5);

static void fail(const Src *src, int line, GError **err, const char *fmt, ...)
{
	va_list ap;
	char *where = aj_line_map_where(src->origins, (guint)MAX(line, 1), src->name);

	va_start(ap, fmt);
	aj_error_set_at(err, EX_DATAERR, where, fmt, ap);
	va_end(ap);
	g_free(where);
}

/* The YAML parser counts lines from 0 within the front matter. */
static int line_of(const Src *src, const yaml_node_t *node)
{
	return src->first_line + (int)node->start_mark.line;
}

static gboolean scalar_text(yaml_document_t *ydoc, yaml_node_t *node, const char *joiner,
			    const Src *src, const char *key, char **out, GError **err)
{
	if (node->type == YAML_SCALAR_NODE) {
		*out = g_strstrip(g_strndup((const char *)node->data.scalar.value,
					    node->data.scalar.length));
		return TRUE;
	}
	if (node->type == YAML_SEQUENCE_NODE && joiner != NULL) {
		GString *s = g_string_new(NULL);
		for (yaml_node_item_t *it = node->data.sequence.items.start;
		     it < node->data.sequence.items.top; it++) {
			yaml_node_t *item = yaml_document_get_node(ydoc, *it);
			if (item == NULL || item->type != YAML_SCALAR_NODE) {
				fail(src, line_of(src, item ? item : node), err,
				     _("'%s' must be a text or a list of texts"), key);
				g_string_free(s, TRUE);
				return FALSE;
			}
			if (s->len > 0)
				g_string_append(s, joiner);
			g_string_append_len(s, (const char *)item->data.scalar.value,
					    (gssize)item->data.scalar.length);
		}
		*out = g_string_free(s, FALSE);
		return TRUE;
	}
	fail(src, line_of(src, node), err, _("'%s' must be a text; write it on one line"), key);
	return FALSE;
}

static gboolean check_value(const KeyDef *def, const char *value, const Src *src, int line,
			    GError **err)
{
	AjDay day;

	if (def->kind == VAL_DATE && !aj_day_parse(value, &day)) {
		fail(src, line, err,
		     _("'%s' is \"%s\", not a date; write it as YYYY-MM-DD, e.g. 2026-04-05"),
		     def->key, value);
		return FALSE;
	}
	if (def->kind == VAL_PUBLICITY && strcmp(value, "public") != 0 &&
	    strcmp(value, "internal") != 0) {
		fail(src, line, err, _("publicity is \"%s\"; write public or internal"), value);
		return FALSE;
	}
	return TRUE;
}

static gboolean read_attachments(yaml_document_t *ydoc, yaml_node_t *node, const Src *src,
				 AjDocMeta *meta, GError **err)
{
	meta->attachments = g_ptr_array_new_with_free_func(g_free);
	if (node->type == YAML_SCALAR_NODE && node->data.scalar.length == 0)
		return TRUE;
	if (node->type != YAML_SEQUENCE_NODE) {
		fail(src, line_of(src, node), err,
		     _("'attachments' must be a list of titles, one '- title' a line"));
		return FALSE;
	}
	for (yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(ydoc, *it);
		if (item == NULL || item->type != YAML_SCALAR_NODE ||
		    item->data.scalar.length == 0) {
			fail(src, line_of(src, item ? item : node), err,
			     _("each attachment must be a non-empty title"));
			return FALSE;
		}
		g_ptr_array_add(meta->attachments,
				g_strstrip(g_strndup((const char *)item->data.scalar.value,
						     item->data.scalar.length)));
	}
	return TRUE;
}

static void unknown_key(const Src *src, int line, const char *name, GError **err)
{
	AjNearest *near = aj_nearest_new(name, 1);
	GString *all = g_string_new(NULL);

	for (gsize i = 0; i < G_N_ELEMENTS(keys); i++) {
		aj_nearest_add(near, keys[i].key);
		g_string_append_printf(all, "%s%s", i > 0 ? _(", ") : "", keys[i].key);
	}
	if (aj_nearest_is_close(near))
		fail(src, line, err, _("unknown front matter key '%s'; did you mean '%s'? (the keys "
				       "are %s)"), name, aj_nearest_get(near, 0, NULL), all->str);
	else
		fail(src, line, err, _("unknown front matter key '%s'; the keys are %s"), name,
		     all->str);
	g_string_free(all, TRUE);
	aj_nearest_free(near);
}

static gboolean read_mapping(yaml_document_t *ydoc, const Src *src, AjDocMeta *meta,
			     GError **err)
{
	yaml_node_t *root = yaml_document_get_root_node(ydoc);

	if (root == NULL)
		return TRUE; /* an empty front matter */
	if (root->type != YAML_MAPPING_NODE) {
		fail(src, line_of(src, root), err, _("the front matter must be 'key: value' lines"));
		return FALSE;
	}
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(ydoc, p->key);
		yaml_node_t *v = yaml_document_get_node(ydoc, p->value);
		const char *name = k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value
							       : "";
		const KeyDef *def = find_key(name);
		int line = line_of(src, k);

		if (def == NULL) {
			unknown_key(src, line, name, err);
			return FALSE;
		}
		if (def->kind == VAL_LIST) {
			if (meta->attachments != NULL)
				goto duplicate;
			if (!read_attachments(ydoc, v, src, meta, err))
				return FALSE;
			continue;
		}
		char **field = G_STRUCT_MEMBER_P(meta, def->offset);
		if (*field != NULL)
			goto duplicate;
		if (!scalar_text(ydoc, v, def->joiner, src, name, field, err))
			return FALSE;
		if (**field == '\0') { /* "key:" with nothing: absent */
			g_clear_pointer(field, g_free);
			continue;
		}
		if (!check_value(def, *field, src, line, err))
			return FALSE;
		continue;
duplicate:
		fail(src, line, err, _("front matter key '%s' is given twice; keep one"), name);
		return FALSE;
	}
	return TRUE;
}

gboolean aj_front_matter_parse(const char *yaml, gsize len, const char *source_name,
			       int first_line, const AjLineMap *origins, AjDocMeta *meta,
			       GError **err)
{
	Src src = { source_name, first_line, origins };
	yaml_parser_t parser;
	yaml_document_t ydoc;
	gboolean have_doc = FALSE, ok = FALSE;

	memset(meta, 0, sizeof *meta);
	if (!yaml_parser_initialize(&parser)) {
		g_set_error(err, AJ_ERROR, EX_SOFTWARE, _("%s: cannot start the YAML parser"),
			    source_name);
		return FALSE;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	if (!yaml_parser_load(&parser, &ydoc)) {
		/* libyaml's own words stay English: they name YAML terms */
		fail(&src, first_line + (int)parser.problem_mark.line, err,
		     _("front matter is not valid YAML (%s%s%s); write 'key: value' lines"),
		     parser.problem ? parser.problem : _("syntax error"), parser.context ? " " : "",
		     parser.context ? parser.context : "");
		goto done;
	}
	have_doc = TRUE;
	ok = read_mapping(&ydoc, &src, meta, err);
done:
	if (have_doc)
		yaml_document_delete(&ydoc);
	yaml_parser_delete(&parser);
	if (!ok)
		aj_front_matter_clear(meta);
	return ok;
}
