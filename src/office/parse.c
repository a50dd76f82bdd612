/* office.yml → AjOffice: libyaml's document API, then one table of keys.
 * A key is a dotted path ("numbers.bulletin"); a mapping key ("numbers")
 * only opens its children.  Unknown keys are errors: a misspelt key must
 * not be silently ignored. */
#include <stdarg.h>
#include <string.h>
#include <yaml.h>

#include "office/office.h"
#include "util/error.h"
#include "util/digits.h"
#include "util/i18n.h"
#include "util/url.h"

typedef enum {
	KEY_TEXT,  /* one line of text */
	KEY_TEXTS, /* a text or a list of texts, joined with "，" */
	KEY_CODE,  /* a 发文机关代字: no spaces, no 〔〕 */
	KEY_URL,   /* absolute http(s) URL ending with "/" */
	KEY_PUBLICITY, /* public or internal */
	KEY_INDICATORS, /* assessment indicators: key: weight | {weight, deduct} */
	KEY_YEARS, /* a whole number of years, 1 … AJ_OFFICE_MAX_YEARS (an int field) */
	KEY_MAP    /* a mapping of further keys */
} KeyType;

typedef struct {
	const char *key;
	KeyType type;
	gboolean required;
	gsize offset;     /* of the field in AjOffice: char *, int for KEY_YEARS, none for
			   * KEY_MAP and KEY_INDICATORS */
	const char *what; /* for messages: what the value is */
} OfficeKey;

#define FIELD(f) G_STRUCT_OFFSET(AjOffice, f)
#define NUMBER(kind) (FIELD(numbers) + (kind) * sizeof(char *))

static const OfficeKey keys[] = {
	{ "issuer", KEY_TEXT, TRUE, FIELD(issuer), N_("the issuing office (发文机关)") },
	{ "area", KEY_TEXT, TRUE, FIELD(area), N_("the area the figures cover (全市)") },
	{ "recipients", KEY_TEXTS, TRUE, FIELD(recipients), N_("the recipients (主送机关)") },
	{ "cc", KEY_TEXTS, FALSE, FIELD(cc), N_("the offices copied (抄送机关)") },
	{ "issuer-short", KEY_TEXT, FALSE, FIELD(issuer_short),
	  N_("how the text names the issuing office (市安委办)") },
	{ "internal-recipients", KEY_TEXTS, FALSE, FIELD(internal_recipients),
	  N_("the recipients of internal documents (市安委会各成员单位)") },
	{ "printer", KEY_TEXT, FALSE, FIELD(printer), N_("the printing office (印发机关)") },
	{ "numbers", KEY_MAP, TRUE, 0, N_("the 发文机关代字 of each kind of document") },
	{ "numbers.bulletin", KEY_CODE, TRUE, NUMBER(AJ_DOC_BULLETIN),
	  N_("the 代字 of monthly bulletins") },
	{ "numbers.exposed", KEY_CODE, TRUE, NUMBER(AJ_DOC_EXPOSED),
	  N_("the 代字 of exposed lists") },
	{ "numbers.exemplars", KEY_CODE, TRUE, NUMBER(AJ_DOC_EXEMPLARS),
	  N_("the 代字 of exemplar lists") },
	{ "numbers.exemplar-review", KEY_CODE, TRUE, NUMBER(AJ_DOC_EXEMPLAR_REVIEW),
	  N_("the 代字 of exemplar reviews") },
	{ "numbers.rectification", KEY_CODE, TRUE, NUMBER(AJ_DOC_RECTIFICATION),
	  N_("the 代字 of rectification tables") },
	{ "numbers.hazard-supervision", KEY_CODE, TRUE, NUMBER(AJ_DOC_HAZARD_SUPERVISION),
	  N_("the 代字 of hazard-supervision tables") },
	/* not among office.md's six: the bulletin's 代字 when not given */
	{ "numbers.assessment", KEY_CODE, FALSE, NUMBER(AJ_DOC_ASSESSMENT),
	  N_("the 代字 of annual assessments") },
	{ "data-source", KEY_TEXT, FALSE, FIELD(data_source),
	  N_("the data source named under charts") },
	{ "penalty-publicity-years", KEY_YEARS, FALSE, FIELD(penalty_publicity_years),
	  N_("the years a penalty stays on its enterprise's public page") },
	{ "site", KEY_MAP, FALSE, 0, N_("the public web site") },
	{ "site.title", KEY_TEXT, FALSE, FIELD(site_title), N_("the site's title") },
	{ "site.url", KEY_URL, FALSE, FIELD(site_url),
	  N_("the absolute address the site is published at") },
	{ "assessment", KEY_MAP, FALSE, 0, N_("the annual assessment (考核)") },
	{ "assessment.publicity", KEY_PUBLICITY, FALSE, FIELD(assessment_publicity),
	  N_("the assessment's publicity (public or internal)") },
	{ "assessment.indicators", KEY_INDICATORS, FALSE, 0,
	  N_("the assessment's indicators, each with its weight") },
};

typedef struct {
	const char *path;
	yaml_document_t *doc;
	AjOffice *office;
	GHashTable *lines; /* key given → its line (GINT_TO_POINTER) */
} Reader;

static int line_of(const yaml_node_t *node)
{
	return (int)node->start_mark.line + 1;
}

static const OfficeKey *find_key(const char *name)
{
	for (gsize i = 0; i < G_N_ELEMENTS(keys); i++)
		if (strcmp(keys[i].key, name) == 0)
			return &keys[i];
	return NULL;
}

/* "issuer, area, …": the keys allowed directly under prefix (NULL: top). */
static char *keys_under(const char *prefix)
{
	GString *s = g_string_new(NULL);
	gsize plen = prefix != NULL ? strlen(prefix) : 0;

	for (gsize i = 0; i < G_N_ELEMENTS(keys); i++) {
		const char *k = keys[i].key;
		if (prefix != NULL && (strncmp(k, prefix, plen) != 0 || k[plen] != '.'))
			continue;
		if (prefix != NULL)
			k += plen + 1;
		if (strchr(k, '.') != NULL)
			continue;
		g_string_append_printf(s, "%s%s", s->len > 0 ? ", " : "", k);
	}
	return g_string_free(s, FALSE);
}

static gboolean fail(Reader *r, int line, const char *key, GError **err, const char *fmt, ...)
	G_GNUC_PRINTF(5, 6);

static gboolean fail(Reader *r, int line, const char *key, GError **err, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(err, AJ_ERROR, EX_DATAERR, "%s:%d: %s: %s", r->path, line, key, msg);
	g_free(msg);
	return FALSE;
}

static char *scalar(const yaml_node_t *node)
{
	return g_strstrip(g_strndup((const char *)node->data.scalar.value, node->data.scalar.length));
}

static gboolean one_line(Reader *r, const yaml_node_t *node, const OfficeKey *def,
			 const char *text, GError **err)
{
	if (strchr(text, '\n') == NULL)
		return TRUE;
	return fail(r, line_of(node), def->key, err, _("%s must be on one line"), _(def->what));
}

static gboolean read_texts(Reader *r, yaml_node_t *node, const OfficeKey *def, char **out,
			   GError **err)
{
	GString *s;

	if (node->type == YAML_SCALAR_NODE) {
		*out = scalar(node);
		return one_line(r, node, def, *out, err);
	}
	if (node->type != YAML_SEQUENCE_NODE)
		return fail(r, line_of(node), def->key, err,
			    _("write %s as a text or as a list [a, b, …]"), _(def->what));
	s = g_string_new(NULL);
	for (yaml_node_item_t *it = node->data.sequence.items.start;
	     it < node->data.sequence.items.top; it++) {
		yaml_node_t *item = yaml_document_get_node(r->doc, *it);
		char *text;
		if (item == NULL || item->type != YAML_SCALAR_NODE) {
			g_string_free(s, TRUE);
			return fail(r, line_of(item != NULL ? item : node), def->key, err,
				    _("each item of the list must be a text"));
		}
		text = scalar(item);
		if (*text == '\0' || !one_line(r, item, def, text, err)) {
			if (*text == '\0')
				fail(r, line_of(item), def->key, err,
				     _("an item of the list is empty; remove it or fill it in"));
			g_free(text);
			g_string_free(s, TRUE);
			return FALSE;
		}
		g_string_append_printf(s, "%s%s", s->len > 0 ? "，" : "", text);
		g_free(text);
	}
	*out = g_string_free(s, FALSE);
	return TRUE;
}

static gboolean check_value(Reader *r, const yaml_node_t *node, const OfficeKey *def,
			    const char *v, GError **err)
{
	if (def->type == KEY_CODE &&
	    (strpbrk(v, " \t") != NULL || strstr(v, "〔") != NULL || strstr(v, "〕") != NULL))
		return fail(r, line_of(node), def->key, err,
			    _("\"%s\" is not a 代字; write the characters before 〔YEAR〕 alone, "
			      "without spaces or brackets"), v);
	if (def->type == KEY_PUBLICITY && strcmp(v, "public") != 0 && strcmp(v, "internal") != 0)
		return fail(r, line_of(node), def->key, err,
			    _("\"%s\" is not a publicity; write public or internal"), v);
	if (def->type == KEY_URL && !aj_site_url_ok(v))
		return fail(r, line_of(node), def->key, err,
			    _("\"%s\" is not an absolute http(s) address ending with \"/\"; write "
			      "e.g. https://www.example.gov.cn/anquan/"), v);
	return TRUE;
}

/* A number of years: digits only, 1 … AJ_OFFICE_MAX_YEARS. */
static gboolean read_years(Reader *r, const yaml_node_t *node, const OfficeKey *def,
			   GError **err)
{
	int *field = G_STRUCT_MEMBER_P(r->office, def->offset);
	char *v = node->type == YAML_SCALAR_NODE ? scalar(node) : NULL;
	guint64 n = 0;
	gboolean ok = v != NULL && aj_digits(v, -1, AJ_OFFICE_MAX_YEARS, &n) && n > 0;

	if (ok)
		*field = (int)n;
	else
		fail(r, line_of(node), def->key, err,
		     _("\"%s\" is not a number of years; write %s as a whole number from 1 to "
		       "%d, e.g. 3"),
		     v != NULL ? v : "…", _(def->what), AJ_OFFICE_MAX_YEARS);
	g_free(v);
	return ok;
}

static gboolean read_value(Reader *r, yaml_node_t *node, const OfficeKey *def, GError **err)
{
	char **field = G_STRUCT_MEMBER_P(r->office, def->offset);

	if (def->type == KEY_YEARS)
		return read_years(r, node, def, err);
	if (def->type == KEY_TEXTS) {
		if (!read_texts(r, node, def, field, err))
			return FALSE;
	} else if (node->type != YAML_SCALAR_NODE) {
		return fail(r, line_of(node), def->key, err, _("write %s as one text after the colon"),
			    _(def->what));
	} else {
		*field = scalar(node);
		if (!one_line(r, node, def, *field, err))
			return FALSE;
	}
	if (**field == '\0') { /* "key:" with nothing is as good as absent */
		g_clear_pointer(field, g_free);
		return TRUE;
	}
	return check_value(r, node, def, *field, err);
}

/* "8", "0.5", "12.25": points with at most two decimals, in hundredths. */
static gboolean points(const char *s, gint64 *out)
{
	const char *dot = strchr(s, '.');
	char *whole = g_strndup(s, dot != NULL ? (gsize)(dot - s) : strlen(s));
	gint64 w = 0, f = 0;
	gboolean ok = g_ascii_string_to_signed(whole, 10, 0, 10000, &w, NULL) &&
		      (dot == NULL || (strlen(dot + 1) >= 1 && strlen(dot + 1) <= 2 &&
				       g_ascii_string_to_signed(dot + 1, 10, 0, 99, &f, NULL)));

	if (ok && dot != NULL && strlen(dot + 1) == 1)
		f *= 10;
	*out = w * 100 + f;
	g_free(whole);
	return ok;
}

/* One indicator: "commitment: 8", or "hazards-overdue: {weight: 8, deduct: 1}"
 * (a count loses deduct per item; 1 when not given). */
static gboolean read_indicator(Reader *r, yaml_node_t *k, yaml_node_t *v, AjWeighted *w,
			       GError **err)
{
	char *name = scalar(k), *where = g_strconcat("assessment.indicators.", name, NULL);
	gboolean ok = TRUE;

	if (!aj_indicator_parse(name, &w->indicator)) {
		ok = fail(r, line_of(k), where, err,
			  _("not an indicator; the indicators are target-months, commitment, "
			    "self-inspection, responsibility-list, director, standardized, insurance, "
			    "training, hazards-overdue, problems-overdue, reports-late, exposures"));
		goto done;
	}
	w->deduct = aj_indicator_kind(w->indicator) == AJ_SCORE_DEDUCT ? 100 : 0;
	if (v->type == YAML_SCALAR_NODE) {
		char *s = scalar(v);
		ok = (points(s, &w->weight) && w->weight > 0) ||
		     fail(r, line_of(v), where, err,
			  _("\"%s\" is not a weight; write the points, e.g. 8 or 7.5"), s);
		g_free(s);
	} else if (v->type != YAML_MAPPING_NODE) {
		ok = fail(r, line_of(v), where, err, _("write its weight, e.g. 8, or {weight: 8, deduct: 1}"));
	} else {
		w->weight = 0;
		for (yaml_node_pair_t *p = v->data.mapping.pairs.start; ok && p < v->data.mapping.pairs.top;
		     p++) {
			yaml_node_t *pk = yaml_document_get_node(r->doc, p->key);
			yaml_node_t *pv = yaml_document_get_node(r->doc, p->value);
			char *key = pk->type == YAML_SCALAR_NODE ? scalar(pk) : g_strdup("?");
			char *val = pv->type == YAML_SCALAR_NODE ? scalar(pv) : g_strdup("?");
			gint64 *field = strcmp(key, "weight") == 0   ? &w->weight
					: strcmp(key, "deduct") == 0 ? &w->deduct
								     : NULL;
			if (field == NULL)
				ok = fail(r, line_of(pk), where, err,
					  _("unknown key %s; an indicator has weight and deduct"), key);
			else if (field == &w->deduct && aj_indicator_kind(w->indicator) != AJ_SCORE_DEDUCT)
				ok = fail(r, line_of(pk), where, err,
					  _("a rate earns its share of the weight: deduct is for "
					    "hazards-overdue, problems-overdue, reports-late and exposures"));
			else if (!points(val, field))
				ok = fail(r, line_of(pv), where, err,
					  _("\"%s\" is not a number of points, e.g. 8 or 0.5"), val);
			g_free(key);
			g_free(val);
		}
		if (ok && w->weight <= 0)
			ok = fail(r, line_of(v), where, err, _("give its weight, e.g. {weight: 8}"));
	}
done:
	g_free(name);
	g_free(where);
	return ok;
}

static gboolean read_indicators(Reader *r, yaml_node_t *map, GError **err)
{
	AjAssessmentRule *rule = &r->office->assessment;
	guint seen = 0;

	if (map->type != YAML_MAPPING_NODE || map->data.mapping.pairs.start == map->data.mapping.pairs.top)
		return fail(r, line_of(map), "assessment.indicators", err,
			    _("list the indicators below it, one 'indicator: weight' line each"));
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(r->doc, p->value);
		AjWeighted w;
		if (k->type != YAML_SCALAR_NODE)
			return fail(r, line_of(k), "assessment.indicators", err,
				    _("an indicator's name must be a text"));
		if (!read_indicator(r, k, v, &w, err))
			return FALSE;
		/* checked before it is stored: items holds each indicator once */
		if (seen & (1u << w.indicator))
			return fail(r, line_of(k), "assessment.indicators", err,
				    _("%s is given twice; keep one"), aj_indicator_key(w.indicator));
		seen |= 1u << w.indicator;
		rule->items[rule->n++] = w;
	}
	return TRUE;
}

static gboolean read_map(Reader *r, yaml_node_t *map, const char *prefix, GError **err)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(r->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(r->doc, p->value);
		char *name = k->type == YAML_SCALAR_NODE ? scalar(k) : g_strdup("?");
		char *full = prefix != NULL ? g_strconcat(prefix, ".", name, NULL) : g_strdup(name);
		const OfficeKey *def = find_key(full);
		gboolean ok = TRUE;

		if (def == NULL) {
			char *known = keys_under(prefix);
			if (prefix != NULL)
				ok = fail(r, line_of(k), full, err,
					  _("unknown key; the keys under %s are %s"), prefix, known);
			else
				ok = fail(r, line_of(k), full, err, _("unknown key; the keys are %s"),
					  known);
			g_free(known);
		} else if (g_hash_table_contains(r->lines, def->key)) {
			ok = fail(r, line_of(k), full, err, _("given twice; keep one"));
		} else {
			g_hash_table_insert(r->lines, (gpointer)def->key,
					    GINT_TO_POINTER(line_of(k)));
			if (def->type == KEY_INDICATORS)
				ok = read_indicators(r, v, err);
			else if (def->type != KEY_MAP)
				ok = read_value(r, v, def, err);
			else if (v->type != YAML_MAPPING_NODE)
				ok = fail(r, line_of(v), full, err,
					  _("write %s as indented 'key: value' lines below it"),
					  _(def->what));
			else
				ok = read_map(r, v, def->key, err);
		}
		g_free(name);
		g_free(full);
		if (!ok)
			return FALSE;
	}
	return TRUE;
}

/* A required key missing: named at its mapping's line (1 at the top). */
static gboolean check_required(Reader *r, GError **err)
{
	for (gsize i = 0; i < G_N_ELEMENTS(keys); i++) {
		const OfficeKey *def = &keys[i];
		const char *dot = strrchr(def->key, '.');
		char *parent = dot != NULL ? g_strndup(def->key, (gsize)(dot - def->key)) : NULL;
		gboolean parent_given = parent == NULL || g_hash_table_contains(r->lines, parent);
		int line = parent != NULL ? GPOINTER_TO_INT(g_hash_table_lookup(r->lines, parent)) : 1;
		gboolean missing = def->required && parent_given;

		if (missing && def->type != KEY_MAP) {
			char **field = G_STRUCT_MEMBER_P(r->office, def->offset);
			missing = *field == NULL;
		} else if (missing) {
			missing = !g_hash_table_contains(r->lines, def->key);
		}
		if (missing && parent != NULL)
			fail(r, line, def->key, err,
			     _("missing; add the line \"  %s: …\" under \"%s:\" with %s"), dot + 1,
			     parent, _(def->what));
		else if (missing)
			fail(r, line, def->key, err, _("missing; add the line \"%s: …\" with %s"),
			     def->key, _(def->what));
		g_free(parent);
		if (missing)
			return FALSE;
	}
	return TRUE;
}

static gboolean read_document(Reader *r, GError **err)
{
	yaml_node_t *root = yaml_document_get_root_node(r->doc);

	if (root != NULL && root->type != YAML_MAPPING_NODE)
		return fail(r, line_of(root), _("(top)"), err,
			    _("an office profile is 'key: value' lines (issuer: …, area: …)"));
	if (root != NULL && !read_map(r, root, NULL, err))
		return FALSE;
	return check_required(r, err);
}

AjOffice *aj_office_load(const char *path, GError **err)
{
	AjOffice *o = g_new0(AjOffice, 1);
	Reader r = { .path = path, .office = o };
	yaml_parser_t parser;
	yaml_document_t doc;
	gboolean parsed = FALSE, ok = FALSE;
	char *text = NULL;
	gsize len = 0;
	GError *io = NULL;

	o->path = g_strdup(path);
	if (!g_file_get_contents(path, &text, &len, &io)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: cannot read the office profile: %s; every data directory needs "
			      "an %s (issuer, area, recipients, numbers: see 'man anjian'), or give "
			      "--office FILE"), path, io->message, AJ_OFFICE_FILE);
		g_error_free(io);
		aj_office_free(o);
		return NULL;
	}
	o->bytes = g_bytes_new_take(text, len);
	if (!yaml_parser_initialize(&parser)) {
		g_set_error(err, AJ_ERROR, EX_SOFTWARE, _("%s: cannot start the YAML parser"), path);
		aj_office_free(o);
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s:%d: not valid YAML (%s%s%s); write 'key: value' lines, lists as "
			      "[a, b] or '- a' lines"),
			    path, (int)parser.problem_mark.line + 1,
			    parser.problem != NULL ? parser.problem : _("syntax error"),
			    parser.context != NULL ? " " : "",
			    parser.context != NULL ? parser.context : "");
		goto done;
	}
	parsed = TRUE;
	r.doc = &doc;
	r.lines = g_hash_table_new(g_str_hash, g_str_equal);
	ok = read_document(&r, err);
	g_hash_table_destroy(r.lines);
	if (ok && o->printer == NULL)
		o->printer = g_strdup(o->issuer);
	if (ok && o->numbers[AJ_DOC_ASSESSMENT] == NULL)
		o->numbers[AJ_DOC_ASSESSMENT] = g_strdup(o->numbers[AJ_DOC_BULLETIN]);
done:
	if (parsed)
		yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (!ok) {
		aj_office_free(o);
		return NULL;
	}
	return o;
}
