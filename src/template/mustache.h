/* A Mustache engine: parse a template once into a tree, render it against
 * any data through a small context interface (AjMCtxOps).
 *
 * Supported: the core spec (variables, sections, inverted sections,
 * comments, partials, delimiter changes) and the optional modules
 * ~inheritance ({{<parent}} / {{$block}}) and ~dynamic-names ({{>*name}}).
 * Not supported: ~lambdas (our data never holds code).
 *
 * Limits, so hostile templates fail cleanly instead of exhausting memory
 * or the stack: AJ_M_MAX_NESTING open sections per template,
 * AJ_M_MAX_PARTIAL_DEPTH nested partials, AJ_M_MAX_RENDER_DEPTH sections,
 * blocks and partials open at once, AJ_M_MAX_OUTPUT bytes of output
 * (or AjMRenderOpts.max_output), AJ_M_MAX_STEPS rendered nodes.
 *
 * Ownership: aj_m_parse() returns a template freed with aj_m_template_free();
 * aj_m_render() returns a string the caller frees with g_free().  The
 * renderer never keeps pointers into the data after it returns.
 */
#ifndef AJ_MUSTACHE_H
#define AJ_MUSTACHE_H

#include <glib.h>

#include "util/line_map.h"

#define AJ_M_MAX_NESTING 200
#define AJ_M_MAX_PARTIAL_DEPTH 100
#define AJ_M_MAX_RENDER_DEPTH 1000 /* sections, blocks and partials open at once */
#define AJ_M_MAX_OUTPUT (256u * 1024u * 1024u)
#define AJ_M_MAX_STEPS 5000000u /* nodes rendered: stops exponential templates */

/* A value of the data: an opaque pointer plus one word the context
 * implementation may use (e.g. "this is a list of siblings"). */
typedef struct {
	gconstpointer ptr;
	guintptr aux;
} AjMValue;

typedef struct {
	/* Looks up one name (no dots) inside value v; TRUE and *out when found. */
	gboolean (*lookup)(gconstpointer user, AjMValue v, const char *name, AjMValue *out);
	/* Mustache truthiness (an empty list is falsy). */
	gboolean (*truthy)(gconstpointer user, AjMValue v);
	/* TRUE when v is a list; then iter() walks it: *cursor starts zeroed,
	 * each call sets *item and returns TRUE, or returns FALSE at the end. */
	gboolean (*is_list)(gconstpointer user, AjMValue v);
	gboolean (*iter)(gconstpointer user, AjMValue list, AjMValue *cursor, AjMValue *item);
	/* Appends the text of v (nothing for null or maps). */
	void (*text)(gconstpointer user, AjMValue v, GString *out);
	/* Optional, for the hints of aj_m_check(): appends the names v holds
	 * (const char *, owned by the data; repeats allowed). */
	void (*names)(gconstpointer user, AjMValue v, GPtrArray *out);
} AjMCtxOps;

/* Appends s[0..len) to out, escaped for the output language. */
typedef void (*AjMEscape)(GString *out, const char *s, gsize len);

/* Returns the text of partial `name` (g_free()), and in *origin (g_free())
 * a name for messages, e.g. its file path.  Returns NULL without setting
 * err when there is no such partial. */
typedef char *(*AjMLoadPartial)(gpointer user, const char *name, char **origin, GError **err);

typedef struct AjMTemplate AjMTemplate;

/* Parses text; origin names it in messages ("templates/x.md"), first_line
 * is the line number of text[0] in that file.  Errors are EX_DATAERR with
 * "origin:line:col: what; how to fix". */
AjMTemplate *aj_m_parse(const char *text, gsize len, const char *origin, int first_line,
			GError **err);
void aj_m_template_free(AjMTemplate *t);

typedef struct {
	const AjMCtxOps *ops;
	gconstpointer ops_user;
	AjMEscape escape;
	AjMLoadPartial load_partial; /* NULL: no partials */
	gpointer partial_user;
	/* TRUE: a missing partial is an error (production); FALSE: it renders
	 * as the empty string (what the spec requires). */
	gboolean strict_partials;
	gsize max_output; /* 0: AJ_M_MAX_OUTPUT */
	/* When set: for each output line, the template origin:line that wrote
	 * its first bytes (util/line_map.h). */
	AjLineMap *line_map;
} AjMRenderOpts;

char *aj_m_render(const AjMTemplate *t, AjMValue root, const AjMRenderOpts *opts, GError **err);

/* A check before rendering, for templates a user writes (the spec allows
 * both things it refuses, so the spec runner does not call it):
 * - every name (variables, sections, dynamic partial names) can be
 *   resolved, walking sections as rendering would, in at least one of the
 *   roots: the first is a specimen holding every name a context of this
 *   kind can have; a name that fails there and in the others is an error
 *   naming origin:line:col, the name and the nearest names that exist;
 * - with the default delimiters, text holds no "}}" and no tag is followed
 *   by a stray '}': the signs of a brace too few or too many.
 * `what` names the kind of data in messages ("bulletin").  Partials are
 * loaded with load_partial and checked where they are included (a few
 * levels deep: rendering reports cycles). */
typedef struct {
	const AjMCtxOps *ops;
	gconstpointer ops_user;
	const AjMValue *roots;
	guint n_roots;
	const char *what;
	AjMLoadPartial load_partial;
	gpointer partial_user;
} AjMCheckOpts;

gboolean aj_m_check(const AjMTemplate *t, const AjMCheckOpts *opts, GError **err);

#endif
