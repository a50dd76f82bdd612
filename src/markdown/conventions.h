/* The document conventions both writers follow, so a document reads the
 * same in its PDF and on the site: which paragraph is a table's caption,
 * which image is a figure and what its caption says, which cell holds a
 * number, when a soft line break is a space, which links and images may be
 * followed, and how the front matter's date and publicity read.  A writer
 * decides how each looks; these functions decide what each is.
 *
 * Ownership: functions returning char * give the caller a string to
 * g_free(); nodes returned belong to their tree.
 */
#ifndef AJ_MARKDOWN_CONVENTIONS_H
#define AJ_MARKDOWN_CONVENTIONS_H

#include <cmark-gfm.h>
#include <glib.h>

/* Characters set on the CJK grid: East Asian Wide and Fullwidth (Han,
 * kana, Hangul, CJK and fullwidth punctuation and forms).  Lines may break
 * between them and justification may widen the gaps next to them. */
gboolean aj_cjk_is_wide(gunichar c);

/* TRUE when the soft line break brk (a source line merely wrapped) joins
 * its neighbours without a space: when the character before it or the one
 * after it is CJK (aj_cjk_is_wide), as Chinese text is written without
 * spaces ("2026年\n3月" is "2026年3月").  Otherwise it is one space. */
gboolean aj_md_softbreak_joins(cmark_node *brk);

/* TRUE when a link or image may point at url: http, https, mailto, or no
 * scheme at all (relative paths, #fragments).  Browsers ignore tabs,
 * newlines and leading control characters when they read a scheme, so this
 * does too: "java\tscript:" is as unsafe as "javascript:".  A refused link
 * is its text, in the PDF and on the site alike. */
gboolean aj_md_url_is_safe(const char *url);

typedef enum {
	AJ_IMAGE_REFUSED, /* an unsafe source: the image is its description */
	AJ_IMAGE_CHART,   /* "chart:NAME", drawn from the document's data */
	AJ_IMAGE_FILE,    /* a file beside the document (the PDF takes PNG) */
} AjImageKind;
AjImageKind aj_md_image_kind(cmark_node *image);

/* A figure: a paragraph holding one image and nothing else (blanks and
 * line breaks aside) whose source is not refused.  Returns the image, or
 * NULL for any other paragraph. */
cmark_node *aj_md_figure_image(cmark_node *para);
/* "图N　DESCRIPTION" (figures numbered 1, 2, … through the document), or
 * "图N" when the image has no description. */
char *aj_md_figure_caption(int n, cmark_node *image);

/* At most this many characters in a caption. */
#define AJ_MD_CAPTION_MAX 60
/* A table's caption: the paragraph right before the table when it is one
 * line of at most AJ_MD_CAPTION_MAX characters that either starts with "表"
 * and its number, Arabic or Chinese, then a space, an ideographic space or
 * nothing more ("表1　各地区情况", "表一 名单", "表2-1 明细"), or is bold as a
 * whole ("**各地区情况**").  The caption is not also a paragraph.  Returns
 * the paragraph or NULL. */
cmark_node *aj_md_table_caption(cmark_node *table);
/* TRUE when para is the caption of the table after it. */
gboolean aj_md_is_table_caption(cmark_node *para);

/* A number in a table cell, set right-aligned and never broken: an
 * optional sign, digits with optional thousands commas, optional decimals,
 * an optional "%" ("12", "1,234", "-3.5", "+12.5%", "−2"), or a dash
 * standing for "not comparable" ("—", "——", "-").  Blanks around are
 * allowed.  Dates, codes and ranges are text. */
gboolean aj_md_is_number(const char *text);

/* The 附注 of the front matter's publicity: "（此件主动公开）" for public,
 * "（此件不予公开）" for anything else (never public by mistake); NULL when
 * the document says nothing. */
const char *aj_md_publicity_note(const char *publicity);

/* "2026-04-05" → "2026年4月5日" (GB/T 9704: Arabic numerals, no padding);
 * NULL when iso is not a real date in that form. */
char *aj_md_date_cn(const char *iso);

#endif
