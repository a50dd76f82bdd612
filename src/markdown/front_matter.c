#include "markdown/front_matter.h"

#include <string.h>
#include <yaml.h>

#include "model/dates.h"
#include "util/error.h"

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

/* The YAML parser counts lines from 0 within the front matter. */
static int line_of(const yaml_node_t *node, int first_line)
{
	return first_line + (int)node->start_mark.line;
}

static gboolean scalar_text(yaml_document_t *ydoc, yaml_node_t *node, const char *joiner,
			    const char *source_name, int first_line, const char *key, char **out,
			    GError **err)
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
				g_set_error(err, AJ_ERROR, EX_DATAERR,
					    "%s:%d: '%s' must be a text or a list of texts",
					    source_name, line_of(item ? item : node, first_line), key);
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
	g_set_error(err, AJ_ERROR, EX_DATAERR, "%s:%d: '%s' must be a text; write it on one line",
		    source_name, line_of(node, first_line), key);
	return FALSE;
}

static gboolean check_value(const KeyDef *def, const char *value, const char *source_name,
			    int line, GError **err)
{
	AjDay day;

	if (def->kind == VAL_DATE && !aj_day_parse(value, &day)) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    "%s:%d: '%s' is \"%s\", not a date; write it as YYYY-MM-DD, e.g. 2026-04-05",
			    source_name, line, def->key, value);
		return FALSE;
	}
	if (def->kind == VAL_PUBLICITY && strcmp(value, "public") != 0 &&
	    strcmp(value, "internal") != 0) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    "%s:%d: publicity is \"%s\"; write public or internal", source_name,
			    line, value);
		return FALSE;
	}
	return TRUE;
}

static gboolean read_attachments(yaml_document_t *ydoc, yaml_node_t *node, const char *source_name,
				 int first_line, AjDocMeta *meta, GError **err)
{
	meta->attachments = g_ptr_array_new_with_free_func(g_free);
	if (node->type == YAML_SCALAR_NODE && node->data.scalar.length == 0)
		return TRUE;
	if (node->type != YAML_SEQUENCE_NODE) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    "%s:%d: 'attachments' must be a list of titles, one '- title' a line",
			    source_name, line_of(node, first_line));
		return FALSE;
	}
	for (yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(ydoc, *it);
		if (item == NULL || item->type != YAML_SCALAR_NODE ||
		    item->data.scalar.length == 0) {
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    "%s:%d: each attachment must be a non-empty title",
				    source_name, line_of(item ? item : node, first_line));
			return FALSE;
		}
		g_ptr_array_add(meta->attachments,
				g_strstrip(g_strndup((const char *)item->data.scalar.value,
						     item->data.scalar.length)));
	}
	return TRUE;
}

static gboolean read_mapping(yaml_document_t *ydoc, const char *source_name, int first_line,
			     AjDocMeta *meta, GError **err)
{
	yaml_node_t *root = yaml_document_get_root_node(ydoc);

	if (root == NULL)
		return TRUE; /* an empty front matter */
	if (root->type != YAML_MAPPING_NODE) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    "%s:%d: the front matter must be 'key: value' lines", source_name,
			    line_of(root, first_line));
		return FALSE;
	}
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(ydoc, p->key);
		yaml_node_t *v = yaml_document_get_node(ydoc, p->value);
		const char *name = k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value
							       : "";
		const KeyDef *def = find_key(name);
		int line = line_of(k, first_line);

		if (def == NULL) {
			g_set_error(err, AJ_ERROR, EX_DATAERR,
				    "%s:%d: unknown front matter key '%s'; the keys are issuer, "
				    "number, title, recipients, signature, date, publicity, "
				    "attachments, cc, printer, print_date, subject, keywords",
				    source_name, line, name);
			return FALSE;
		}
		if (def->kind == VAL_LIST) {
			if (meta->attachments != NULL)
				goto duplicate;
			if (!read_attachments(ydoc, v, source_name, first_line, meta, err))
				return FALSE;
			continue;
		}
		char **field = G_STRUCT_MEMBER_P(meta, def->offset);
		if (*field != NULL)
			goto duplicate;
		if (!scalar_text(ydoc, v, def->joiner, source_name, first_line, name, field, err))
			return FALSE;
		if (**field == '\0') { /* "key:" with nothing: absent */
			g_clear_pointer(field, g_free);
			continue;
		}
		if (!check_value(def, *field, source_name, line, err))
			return FALSE;
		continue;
duplicate:
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    "%s:%d: front matter key '%s' is given twice; keep one", source_name,
			    line, name);
		return FALSE;
	}
	return TRUE;
}

gboolean aj_front_matter_parse(const char *yaml, gsize len, const char *source_name,
			       int first_line, AjDocMeta *meta, GError **err)
{
	yaml_parser_t parser;
	yaml_document_t ydoc;
	gboolean have_doc = FALSE, ok = FALSE;

	memset(meta, 0, sizeof *meta);
	if (!yaml_parser_initialize(&parser)) {
		g_set_error(err, AJ_ERROR, EX_SOFTWARE, "%s: cannot start the YAML parser",
			    source_name);
		return FALSE;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	if (!yaml_parser_load(&parser, &ydoc)) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    "%s:%d: front matter is not valid YAML (%s%s%s); write 'key: value' "
			    "lines",
			    source_name, first_line + (int)parser.problem_mark.line,
			    parser.problem ? parser.problem : "syntax error",
			    parser.context ? " " : "", parser.context ? parser.context : "");
		goto done;
	}
	have_doc = TRUE;
	ok = read_mapping(&ydoc, source_name, first_line, meta, err);
done:
	if (have_doc)
		yaml_document_delete(&ydoc);
	yaml_parser_delete(&parser);
	if (!ok)
		aj_front_matter_clear(meta);
	return ok;
}
