/* A document to typeset: the metadata of its YAML front matter and the
 * cmark-gfm AST of its Markdown body (with the GFM table extension).
 *
 * Ownership: aj_document_parse() returns a document the caller frees with
 * aj_document_free(), which frees the AST and every string in meta.
 */
#ifndef AJ_DOCUMENT_H
#define AJ_DOCUMENT_H

#include <cmark-gfm.h>
#include <glib.h>

#include "util/line_map.h"

typedef struct {
	char *issuer;     /* 发文机关 (red header and signature), NULL when absent */
	char *number;     /* 文号, e.g. X安办〔2026〕12号 */
	char *title;
	char *recipients; /* 主送, without the trailing "：" */
	char *signature;  /* 署名 */
	char *date;       /* 成文日期 as YYYY-MM-DD */
	char *publicity;  /* "public" or "internal" */
	char *cc;         /* 抄送 */
	char *printer;    /* 印发机关 */
	char *print_date; /* 印发日期 as YYYY-MM-DD */
	char *subject, *keywords;
	GPtrArray *attachments; /* char *: attachment titles, in order */
} AjDocMeta;

typedef struct {
	AjDocMeta meta;
	gboolean has_front_matter;
	cmark_node *root;  /* owned */
	char *source_name; /* for messages */
	int body_line;     /* line of the source where the Markdown body starts */
} AjDocument;

/* How deep Markdown may nest: nodes inside each other (block quotes,
 * lists and their items, emphasis, links), the document itself not
 * counted.  aj_document_parse() refuses a deeper document (exit 65, with
 * the line), so the walks of both writers — the HTML writer's cmark_iter,
 * the typesetter's block recursion and inline iteration — never meet more;
 * an official document needs a handful. */
#define AJ_DOCUMENT_MAX_DEPTH 100

AjDocument *aj_document_parse(const char *text, gsize len, const char *source_name,
			      GError **err);
/* The same for text made by filling a template: messages name the template
 * line behind each line of text (util/line_map.h) instead of source_name. */
AjDocument *aj_document_parse_filled(const char *text, gsize len, const char *source_name,
				     const AjLineMap *origins, GError **err);
void aj_document_free(AjDocument *doc);

/* The line of the source file where node starts (front matter included). */
int aj_document_line(const AjDocument *doc, cmark_node *node);

/* The plain text of node's inline content as a reader sees it (text, code
 * and raw inline HTML literally, breaks as spaces); the caller frees it. */
char *aj_document_node_text(cmark_node *node);
/* The same, appended to s. */
void aj_document_append_text(GString *s, cmark_node *node);

/* Without front matter, a level-1 heading that opens the body (raw HTML
 * blocks before it aside) is the document's title; NULL otherwise. */
cmark_node *aj_document_title_heading(const AjDocument *doc);
/* The title a reader of the file sees (PDF and OFD metadata): the front
 * matter's, else the title heading's text, else the source's file name;
 * the caller frees it. */
char *aj_document_display_title(const AjDocument *doc);

/* Attachments (附件) in the body: a level-1 heading whose text starts with
 * "附件" and the attachment number, e.g. "# 附件1 重点企业名单"; a thematic
 * break just before it is allowed and ignored.  Everything up to the next
 * such heading belongs to that attachment.  Returns TRUE for such a heading
 * and sets *number and *title (the text after the number, or the title of
 * the front matter's attachments list when empty; NULL when neither; the
 * caller frees it).  aj_document_parse() checks that attachments are
 * numbered 1, 2, … and match the front matter's list when both are given. */
gboolean aj_document_attachment(const AjDocument *doc, cmark_node *node, int *number,
				char **title);

#endif
