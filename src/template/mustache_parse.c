/* Parsing a Mustache template: tokens, then standalone lines, then a tree.
 *
 * Three passes because "standalone" is a property of a whole line (a line
 * holding only whitespace and non-interpolation tags loses its whitespace
 * and newline), which is only known once the line has been tokenized, and
 * the delimiters in force change while tokenizing.  Every pass is a loop
 * with an explicit stack, so deep or long templates cannot overflow the
 * C stack.
 */
#include <string.h>

#include "template/mustache_tree.h"
#include "util/error.h"
#include "util/i18n.h"

typedef enum {
	TK_TEXT,
	TK_VAR,
	TK_RAW,
	TK_SECTION,
	TK_INVERTED,
	TK_CLOSE,
	TK_PARTIAL,
	TK_COMMENT,
	TK_DELIM,
	TK_BLOCK,
	TK_PARENT,
} TokKind;

typedef struct {
	TokKind kind;
	gsize start, end;          /* the whole token */
	gsize name_start, name_len; /* tags: the trimmed name */
	gboolean dynamic;
	gboolean removed;    /* TEXT: whitespace of a standalone line */
	gboolean standalone; /* tags: on a standalone line */
	gsize indent_start, indent_len; /* standalone tags: leading whitespace */
	gsize next_line;     /* standalone tags: offset where the next line starts */
} Tok;

static gboolean is_blank(char c)
{
	return c == ' ' || c == '\t';
}

char *aj_m_position(const AjMTemplate *t, gsize offset)
{
	int line = t->first_line, col = 1;
	gsize i;

	for (i = 0; i < offset && i < t->source_len; i++) {
		if (t->source[i] == '\n') {
			line++;
			col = 1;
		} else if (((guchar)t->source[i] & 0xC0) != 0x80) {
			col++; /* count characters, not UTF-8 continuation bytes */
		}
	}
	return g_strdup_printf("%s:%d:%d", t->origin, line, col);
}

void aj_m_fail_at(const AjMTemplate *t, gsize offset, GError **err, const char *fmt, ...)
{
	va_list ap;
	char *pos = aj_m_position(t, offset);

	va_start(ap, fmt);
	aj_error_set_at(err, EX_DATAERR, pos, fmt, ap);
	va_end(ap);
	g_free(pos);
}

/* Text from..to as TEXT tokens, each ending at a newline or at `to`. */
static void push_text(GArray *toks, const char *s, gsize from, gsize to)
{
	while (from < to) {
		const char *nl = memchr(s + from, '\n', to - from);
		gsize end = nl ? (gsize)(nl - s) + 1 : to;
		Tok tk = { .kind = TK_TEXT, .start = from, .end = end };

		g_array_append_val(toks, tk);
		from = end;
	}
}

static gboolean set_delimiters(const AjMTemplate *t, gsize at, const char *s, gsize len,
			       char **open, char **close, GError **err)
{
	gsize i = 0, a0, a1, b0, b1;

	while (i < len && is_blank(s[i]))
		i++;
	a0 = i;
	while (i < len && !g_ascii_isspace(s[i]))
		i++;
	a1 = i;
	while (i < len && g_ascii_isspace(s[i]))
		i++;
	b0 = i;
	while (i < len && !g_ascii_isspace(s[i]))
		i++;
	b1 = i;
	while (i < len && g_ascii_isspace(s[i]))
		i++;
	if (a1 == a0 || b1 == b0 || i != len || memchr(s + a0, '=', a1 - a0) ||
	    memchr(s + b0, '=', b1 - b0)) {
		aj_m_fail_at(t, at, err,
			_("bad delimiter change '%.*s'; write two delimiters without '=' "
			"separated by a space, e.g. {{=<%% %%>=}}"),
			(int)len, s);
		return FALSE;
	}
	g_free(*open);
	g_free(*close);
	*open = g_strndup(s + a0, a1 - a0);
	*close = g_strndup(s + b0, b1 - b0);
	return TRUE;
}

/* A tag from ts whose close is found only at `end` (or never: the end of
 * the source) after another open delimiter or a line with a single close
 * brace: a brace is missing.  Reports it with the tag as it should be and
 * returns TRUE; FALSE when the tag looks whole. */
static gboolean unbalanced(const AjMTemplate *t, gsize ts, const char *end, const char *open,
			   const char *close, gboolean raw, GError **err)
{
	const char *s = t->source, *body = s + ts + strlen(open) + (raw ? 1 : 0);
	const char *next_open = g_strstr_len(body, end - body, open);
	const char *nl = memchr(body, '\n', (gsize)(end - body));
	const char *stop = next_open != NULL ? next_open : end;
	const char *brace = memchr(body, close[0], (gsize)(stop - body));
	const char *name = body;
	char *shown, *want, *word;
	gsize n = 0;

	while (name < stop && g_ascii_isspace(*name))
		name++;
	if (*name == '!' || (next_open == NULL && (nl == NULL || brace == NULL || brace > nl)))
		return FALSE; /* comments hold anything; a tag may span lines */
	while (name + n < stop && !g_ascii_isspace(name[n]) && name[n] != close[0] &&
	       name[n] != open[0])
		n++;
	word = g_strndup(name, n);
	shown = g_strndup(s + ts, (gsize)((brace != NULL && (nl == NULL || brace < nl) ? brace + 1
								  : name + n) - (s + ts)));
	want = g_strdup_printf("%s%s%s%s%s", open, raw ? "{" : "", word, raw ? "}" : "", close);
	aj_m_fail_at(t, ts, err, _("unbalanced braces: '%s' is not closed (a '%c' is missing); write %s"),
		shown, close[0], want);
	g_free(word);
	g_free(shown);
	g_free(want);
	return TRUE;
}

static gboolean tokenize(AjMTemplate *t, GArray *toks, GError **err)
{
	const char *s = t->source;
	gsize len = t->source_len, pos = 0;
	char *open = g_strdup("{{"), *close = g_strdup("}}");
	gboolean ok = FALSE;

	while (pos < len) {
		gsize olen = strlen(open), clen = strlen(close);
		const char *o = g_strstr_len(s + pos, len - pos, open);
		gsize ts, p, cstart, cend, a, b;
		const char *c;
		Tok tk = { 0 };

		if (!o) {
			push_text(toks, s, pos, len);
			pos = len;
			break;
		}
		ts = (gsize)(o - s);
		push_text(toks, s, pos, ts);
		p = ts + olen;
		if (p < len && s[p] == '{') {
			char *want = g_strconcat("}", close, NULL);

			c = g_strstr_len(s + p + 1, len - p - 1, want);
			g_free(want);
			if (!c || unbalanced(t, ts, c, open, close, TRUE, err)) {
				if (!c && !unbalanced(t, ts, s + len, open, close, TRUE, err))
					aj_m_fail_at(t, ts, err, _("tag '%s{' is never closed; add '}%s'"), open,
						close);
				goto out;
			}
			tk.kind = TK_RAW;
			cstart = p + 1;
			cend = (gsize)(c - s);
			tk.end = cend + 1 + clen;
		} else {
			c = g_strstr_len(s + p, len - p, close);
			if (!c || unbalanced(t, ts, c, open, close, FALSE, err)) {
				if (!c && !unbalanced(t, ts, s + len, open, close, FALSE, err))
					aj_m_fail_at(t, ts, err, _("tag '%s' is never closed; add '%s'"), open,
						close);
				goto out;
			}
			cstart = p;
			cend = (gsize)(c - s);
			tk.end = cend + clen;
			while (cstart < cend && is_blank(s[cstart]))
				cstart++;
			tk.kind = TK_VAR;
			if (cstart < cend) {
				switch (s[cstart]) {
				case '#': tk.kind = TK_SECTION; break;
				case '^': tk.kind = TK_INVERTED; break;
				case '/': tk.kind = TK_CLOSE; break;
				case '>': tk.kind = TK_PARTIAL; break;
				case '!': tk.kind = TK_COMMENT; break;
				case '=': tk.kind = TK_DELIM; break;
				case '&': tk.kind = TK_RAW; break;
				case '$': tk.kind = TK_BLOCK; break;
				case '<': tk.kind = TK_PARENT; break;
				default: break;
				}
				if (tk.kind != TK_VAR)
					cstart++;
			}
		}
		tk.start = ts;
		if (tk.kind == TK_DELIM) {
			t->delims_changed = TRUE;
			if (cend <= cstart || s[cend - 1] != '=') {
				aj_m_fail_at(t, ts, err, _("delimiter change must end with '=%s', e.g. {{=<%% %%>=}}"),
					close);
				goto out;
			}
			if (!set_delimiters(t, ts, s + cstart, cend - 1 - cstart, &open, &close, err))
				goto out;
		}
		if (tk.kind != TK_COMMENT && tk.kind != TK_DELIM) {
			a = cstart;
			b = cend;
			while (a < b && g_ascii_isspace(s[a]))
				a++;
			if ((tk.kind == TK_PARTIAL || tk.kind == TK_PARENT) && a < b && s[a] == '*') {
				tk.dynamic = TRUE;
				a++;
				while (a < b && g_ascii_isspace(s[a]))
					a++;
			}
			while (b > a && g_ascii_isspace(s[b - 1]))
				b--;
			if (a == b) {
				aj_m_fail_at(t, ts, err, _("empty tag '%.*s'; put a name inside it"),
					(int)(tk.end - ts), s + ts);
				goto out;
			}
			tk.name_start = a;
			tk.name_len = b - a;
		}
		g_array_append_val(toks, tk);
		pos = tk.end;
	}
	ok = TRUE;
out:
	g_free(open);
	g_free(close);
	return ok;
}

static gboolean can_stand_alone(TokKind k)
{
	return k != TK_TEXT && k != TK_VAR && k != TK_RAW;
}

/* Marks standalone lines: only blanks and at least one non-interpolation
 * tag, ending in a newline or the end of the template. */
static void mark_standalone(const char *s, gsize len, GArray *toks)
{
	guint a = 0, b, i;

	while (a < toks->len) {
		gboolean has_tag = FALSE, ok = TRUE;
		gsize next_line;

		for (b = a; b < toks->len; b++) {
			Tok *tk = &g_array_index(toks, Tok, b);

			if (tk->kind == TK_TEXT && s[tk->end - 1] == '\n')
				break;
		}
		if (b == toks->len)
			b--;
		for (i = a; i <= b && ok; i++) {
			Tok *tk = &g_array_index(toks, Tok, i);

			if (tk->kind == TK_TEXT) {
				gsize e = tk->end, k;

				if (s[e - 1] == '\n')
					e--;
				if (e > tk->start && s[e - 1] == '\r' && e == tk->end - 1)
					e--;
				for (k = tk->start; k < e; k++)
					if (!is_blank(s[k]))
						ok = FALSE;
			} else if (can_stand_alone(tk->kind)) {
				has_tag = TRUE;
			} else {
				ok = FALSE;
			}
		}
		if (ok && has_tag) {
			Tok *first = &g_array_index(toks, Tok, a);
			Tok *last = &g_array_index(toks, Tok, b);
			gsize ind_s = first->start, ind_l = 0;

			if (first->kind == TK_TEXT)
				ind_l = first->end - first->start;
			next_line = last->kind == TK_TEXT ? last->end : len;
			for (i = a; i <= b; i++) {
				Tok *tk = &g_array_index(toks, Tok, i);

				if (tk->kind == TK_TEXT) {
					tk->removed = TRUE;
				} else {
					tk->standalone = TRUE;
					tk->indent_start = ind_s;
					tk->indent_len = ind_l;
					tk->next_line = next_line;
				}
			}
		}
		a = b + 1;
	}
}

static AjMNode *new_node(AjMTemplate *t, AjMNodeKind kind, const Tok *tk)
{
	AjMNode *n = g_new0(AjMNode, 1);

	n->kind = kind;
	n->offset = tk->start;
	if (kind == AJ_MN_TEXT) {
		n->len = tk->end - tk->start;
		n->text = g_strndup(t->source + tk->start, n->len);
	} else {
		n->text = g_strndup(t->source + tk->name_start, tk->name_len);
		if (strcmp(n->text, ".") != 0)
			n->path = g_strsplit(n->text, ".", -1);
	}
	n->dynamic = tk->dynamic;
	n->indent = tk->standalone && (kind == AJ_MN_PARTIAL || kind == AJ_MN_PARENT)
			    ? g_strndup(t->source + tk->indent_start, tk->indent_len)
			    : g_strdup("");
	if (kind == AJ_MN_SECTION || kind == AJ_MN_INVERTED || kind == AJ_MN_BLOCK ||
	    kind == AJ_MN_PARENT)
		n->children = g_ptr_array_new();
	g_ptr_array_add(t->nodes, n);
	return n;
}

static void strip_prefix(char **s, const char *prefix)
{
	gsize k = 0;

	while (prefix[k] && (*s)[k] == prefix[k])
		k++;
	if (k) {
		char *r = g_strdup(*s + k);

		g_free(*s);
		*s = r;
	}
}

/* Removes the block indentation `ind` from the start of every line of a
 * block's content, so the content can be re-indented where it is used.
 * Nested blocks were already dedented by their own close; only their
 * indentation moves.  Depth is bounded by AJ_M_MAX_NESTING. */
static void dedent(GPtrArray *nodes, const char *ind)
{
	guint i;

	for (i = 0; i < nodes->len; i++) {
		AjMNode *n = nodes->pdata[i];

		switch (n->kind) {
		case AJ_MN_TEXT: {
			GString *r = g_string_sized_new(n->len);
			gsize p = 0;
			gboolean at_start = n->line_start;

			while (p < n->len) {
				if (at_start) {
					gsize k = 0;

					while (ind[k] && p < n->len && n->text[p] == ind[k]) {
						p++;
						k++;
					}
				}
				if (p < n->len) {
					g_string_append_c(r, n->text[p]);
					at_start = n->text[p] == '\n';
					p++;
				}
			}
			g_free(n->text);
			n->len = r->len;
			n->text = g_string_free(r, FALSE);
			break;
		}
		case AJ_MN_BLOCK:
		case AJ_MN_PARTIAL:
			strip_prefix(&n->indent, ind);
			break;
		case AJ_MN_PARENT:
			strip_prefix(&n->indent, ind);
			dedent(n->children, ind);
			break;
		case AJ_MN_SECTION:
		case AJ_MN_INVERTED:
			dedent(n->children, ind);
			break;
		default:
			break;
		}
	}
}

/* A standalone block's indentation: that of its first content line when
 * the content starts on the next line, else that of the tag's own line. */
static void close_block(AjMTemplate *t, AjMNode *n, const Tok *open, const Tok *close)
{
	const char *s = t->source;

	if (!open->standalone)
		return;
	n->standalone = TRUE;
	g_free(n->indent);
	if (close->start >= open->next_line) {
		gsize k = open->next_line;

		while (k < t->source_len && is_blank(s[k]))
			k++;
		n->indent = g_strndup(s + open->next_line, k - open->next_line);
	} else {
		n->indent = g_strndup(s + open->indent_start, open->indent_len);
	}
	if (*n->indent)
		dedent(n->children, n->indent);
}

typedef struct {
	AjMNode *node;
	guint tok;
} Open;

/* Gives the nodes made so far their line: nodes are made in source order,
 * so one forward scan serves them all. */
typedef struct {
	guint nodes; /* nodes numbered */
	gsize offset;
	int line;    /* of offset */
} Lines;

static void number_lines(AjMTemplate *t, Lines *l)
{
	for (; l->nodes < t->nodes->len; l->nodes++) {
		AjMNode *m = t->nodes->pdata[l->nodes];
		for (; l->offset < m->offset; l->offset++)
			l->line += t->source[l->offset] == '\n';
		m->line = l->line;
	}
}

static gboolean build_tree(AjMTemplate *t, GArray *toks, GError **err)
{
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(Open));
	GPtrArray *cur = t->root;
	gboolean line_start = TRUE, ok = FALSE;
	guint i;
	Lines lines = { 0, 0, t->first_line };

	for (i = 0; i < toks->len; i++) {
		const Tok *tk = &g_array_index(toks, Tok, i);
		const char *s = t->source;
		AjMNode *n = NULL;

		number_lines(t, &lines);

		if (tk->kind == TK_TEXT) {
			gboolean ends_line = s[tk->end - 1] == '\n';

			if (!tk->removed) {
				n = new_node(t, AJ_MN_TEXT, tk);
				n->line_start = line_start;
				g_ptr_array_add(cur, n);
				line_start = ends_line;
			} else if (ends_line) {
				line_start = TRUE;
			}
			continue;
		}
		if (!tk->standalone)
			line_start = FALSE;
		switch (tk->kind) {
		case TK_VAR:
			g_ptr_array_add(cur, new_node(t, AJ_MN_VAR, tk));
			break;
		case TK_RAW:
			g_ptr_array_add(cur, new_node(t, AJ_MN_RAW, tk));
			break;
		case TK_PARTIAL:
			g_ptr_array_add(cur, new_node(t, AJ_MN_PARTIAL, tk));
			break;
		case TK_SECTION:
		case TK_INVERTED:
		case TK_BLOCK:
		case TK_PARENT: {
			Open o;

			if (stack->len >= AJ_M_MAX_NESTING) {
				aj_m_fail_at(t, tk->start, err,
					_("sections nested deeper than %d; flatten the template"),
					AJ_M_MAX_NESTING);
				goto out;
			}
			n = new_node(t,
				     tk->kind == TK_SECTION    ? AJ_MN_SECTION
				     : tk->kind == TK_INVERTED ? AJ_MN_INVERTED
				     : tk->kind == TK_BLOCK    ? AJ_MN_BLOCK
							       : AJ_MN_PARENT,
				     tk);
			g_ptr_array_add(cur, n);
			o.node = n;
			o.tok = i;
			g_array_append_val(stack, o);
			cur = n->children;
			break;
		}
		case TK_CLOSE: {
			Open o;
			const Tok *otk;

			if (stack->len == 0) {
				aj_m_fail_at(t, tk->start, err,
					_("'%.*s' closes a section that was never opened; remove it or "
					"add {{#%.*s}} before it"),
					(int)(tk->end - tk->start), s + tk->start, (int)tk->name_len,
					s + tk->name_start);
				goto out;
			}
			o = g_array_index(stack, Open, stack->len - 1);
			otk = &g_array_index(toks, Tok, o.tok);
			if (strlen(o.node->text) != tk->name_len ||
			    memcmp(o.node->text, s + tk->name_start, tk->name_len) != 0) {
				char *opos = aj_m_position(t, o.node->offset);

				aj_m_fail_at(t, tk->start, err,
					_("'%.*s' does not match the open section '%s' (opened at %s); "
					"close '%s' first with {{/%s}}"),
					(int)(tk->end - tk->start), s + tk->start, o.node->text, opos,
					o.node->text, o.node->text);
				g_free(opos);
				goto out;
			}
			if (o.node->kind == AJ_MN_BLOCK)
				close_block(t, o.node, otk, tk);
			g_array_set_size(stack, stack->len - 1);
			cur = stack->len ? g_array_index(stack, Open, stack->len - 1).node->children
					 : t->root;
			break;
		}
		default: /* comments and delimiter changes leave nothing */
			break;
		}
	}
	number_lines(t, &lines);
	if (stack->len) {
		AjMNode *o = g_array_index(stack, Open, stack->len - 1).node;

		aj_m_fail_at(t, o->offset, err, _("section '%s' is never closed; add {{/%s}}"), o->text,
			o->text);
		goto out;
	}
	ok = TRUE;
out:
	g_array_free(stack, TRUE);
	return ok;
}

static void free_node(gpointer p)
{
	AjMNode *n = p;

	g_free(n->text);
	g_free(n->indent);
	g_strfreev(n->path);
	if (n->children)
		g_ptr_array_free(n->children, TRUE);
	g_free(n);
}

void aj_m_template_free(AjMTemplate *t)
{
	if (!t)
		return;
	g_ptr_array_free(t->root, TRUE);
	g_ptr_array_free(t->nodes, TRUE);
	g_free(t->origin);
	g_free(t->source);
	g_free(t);
}

AjMTemplate *aj_m_parse(const char *text, gsize len, const char *origin, int first_line,
			GError **err)
{
	AjMTemplate *t = g_new0(AjMTemplate, 1);
	GArray *toks = g_array_new(FALSE, FALSE, sizeof(Tok));
	gboolean ok;

	t->origin = g_strdup(origin);
	t->source = g_strndup(text, len);
	t->source_len = len;
	t->first_line = first_line;
	t->nodes = g_ptr_array_new_with_free_func(free_node);
	t->root = g_ptr_array_new();
	ok = tokenize(t, toks, err);
	if (ok) {
		mark_standalone(t->source, len, toks);
		ok = build_tree(t, toks, err);
	}
	g_array_free(toks, TRUE);
	if (!ok)
		g_clear_pointer(&t, aj_m_template_free);
	return t;
}
