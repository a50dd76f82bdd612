/* The parsed form of a Mustache template, shared by the parser and the
 * renderer only (not part of the engine's public interface).
 *
 * Ownership: every node, its strings and its child array belong to the
 * AjMTemplate (its `nodes` array frees them); children arrays only point.
 */
#ifndef AJ_MUSTACHE_TREE_H
#define AJ_MUSTACHE_TREE_H

#include "template/mustache.h"

typedef enum {
	AJ_MN_TEXT,
	AJ_MN_VAR,      /* {{name}}: escaped */
	AJ_MN_RAW,      /* {{{name}}} and {{&name}} */
	AJ_MN_SECTION,  /* {{#name}} */
	AJ_MN_INVERTED, /* {{^name}} */
	AJ_MN_PARTIAL,  /* {{>name}}, {{>*name}} */
	AJ_MN_BLOCK,    /* {{$name}}: a site (default content) or an override */
	AJ_MN_PARENT,   /* {{<name}}: children hold its overriding blocks */
} AjMNodeKind;

typedef struct AjMNode AjMNode;
struct AjMNode {
	AjMNodeKind kind;
	char *text;          /* TEXT: the text; others: the name */
	char **path;         /* VAR, RAW, SECTION, INVERTED, dynamic names: the
			      * name split at dots; NULL for "." */
	gsize len;           /* TEXT: length of text */
	gboolean line_start; /* TEXT: begins a line of the output */
	gboolean dynamic;    /* PARTIAL, PARENT: the name is looked up ({{>*x}}) */
	/* BLOCK: the tag stands alone on its line, so its content is a run of
	 * whole lines re-indented by `indent` where it is expanded. */
	gboolean standalone;
	char *indent;        /* PARTIAL, PARENT, BLOCK: indentation (never NULL) */
	GPtrArray *children; /* SECTION, INVERTED, BLOCK, PARENT */
	gsize offset;        /* of the tag in the source, for messages */
	int line;            /* of offset, in the origin's lines */
};

struct AjMTemplate {
	char *origin;
	char *source; /* kept to turn offsets into line:column */
	gsize source_len;
	int first_line;
	gboolean delims_changed; /* a {{=…=}} tag: "}}" may be plain text */
	GPtrArray *nodes; /* every AjMNode, owns them */
	GPtrArray *root;  /* top-level nodes */
};

/* "origin:line:col" of offset in t; the caller frees it. */
char *aj_m_position(const AjMTemplate *t, gsize offset);
/* Sets *err (EX_DATAERR) to the message fmt at t's offset ("FILE:LINE:COL: "). */
void aj_m_fail_at(const AjMTemplate *t, gsize offset, GError **err, const char *fmt, ...)
	G_GNUC_PRINTF(4, 5);


#endif
