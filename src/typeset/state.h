/* Internal state of one document being typeset, shared by the files of
 * src/typeset/.
 *
 * Units are PDF points, y grows down from the top of the page.  One AjTs
 * lives for one aj_typeset() call and is owned by it; nothing in it is
 * shared between threads.  Layout decides; drawing is recording page
 * operations (ops.h) on the current page, which goes to the sink when the
 * next page begins or the document ends.
 */
#ifndef AJ_TYPESET_STATE_H
#define AJ_TYPESET_STATE_H

#include <pango/pango.h>

#include "markdown/document.h"
#include "typeset/fonts.h"
#include "typeset/ops.h"
#include "typeset/record.h"
#include "typeset/typeset.h"

#define AJ_PAGE_W AJ_A4_W
#define AJ_PAGE_H AJ_A4_H
#define AJ_TB_X (28 * AJ_MM) /* text block (版心) */
#define AJ_TB_Y (37 * AJ_MM)
#define AJ_TB_W (156 * AJ_MM)
#define AJ_TB_H (225 * AJ_MM)
#define AJ_TB_BOTTOM (AJ_TB_Y + AJ_TB_H)
/* A landscape page (297 × 210 mm) is the portrait sheet turned a quarter
 * clockwise: the portrait point (x, y) lies at (AJ_PAGE_H - y, x), so the
 * text block's top left corner is here. */
#define AJ_LS_TB_X (AJ_PAGE_H - AJ_TB_BOTTOM)
#define AJ_LS_TB_Y AJ_TB_X
#define AJ_LINES 22
#define AJ_CHARS 28
#define AJ_PITCH (AJ_TB_H / AJ_LINES)
#define AJ_CHAR (AJ_TB_W / AJ_CHARS)
#define AJ_BODY_PT 16.0
#define AJ_TITLE_PT 22.0
#define AJ_TABLE_PT 12.0
#define AJ_TABLE_MIN_PT 10.5

/* Red of the header and rule: C0 M80 Y80 K0 on screen. */
#define AJ_RED ((AjColor){ 0.902, 0.0, 0.071 })
#define AJ_BLACK ((AjColor){ 0, 0, 0 })

typedef struct {
	const AjDocument *doc;
	const AjTypesetOptions *opts;
	PangoContext *pctx;
	AjRecorder *rec;
	AjPageSink sink;
	gpointer sink_data;
	AjPage *cur;         /* the page being set, NULL between pages */
	AjFrame frame;       /* the frame in force on it */
	int page;            /* number of the current (or last) page */
	gboolean page_open;  /* a page has been begun and not yet handed on */
	gboolean landscape;  /* the current page is a landscape page */
	gboolean unnumbered; /* the current page carries no page number */
	/* The closing goes on below a landscape table, on its page: the text
	 * block lies turned, AJ_TB_H wide and AJ_TB_W tall, in a frame that
	 * puts its top left corner at (AJ_TB_X, AJ_TB_Y). */
	gboolean turned;
	double y;            /* next free y on the current page */
	int heading_no[4];   /* numbering of headings 一、（一）1.（1） */
	int figure_no;
	int heading_shift;   /* 1 when a leading # was the title: ## is then 一、 */
	/* A heading held back to open the landscape page of the table after it
	 * (owned; freed by the table or at the end). */
	char *held_heading, *held_outline;
	AjFontRole held_role;
	int held_level;
	/* The body's last paragraph (NULL: none) and how many lines after it
	 * must share the page with its last two (附件说明, 署名 and 成文日期:
	 * GB/T 9704 §7.3.5.5 never leaves them alone on a page). */
	cmark_node *tail_node;
	int tail_lines;
	int keep_tail;       /* tail_lines while that paragraph is being set */
	int src_line;        /* source line of the block being set */
	GError *err;         /* first error; once set, nothing more is set */
} AjTs;

/* Text with Pango attributes and link ranges, built from cmark inlines. */
typedef struct {
	int start, end; /* byte range in text */
	char *uri;
} AjLink;

typedef struct {
	GString *text;
	PangoAttrList *attrs;
	GArray *links; /* AjLink */
} AjInline;

typedef struct {
	AjFontRole role;
	double size;
	double margin;       /* left margin inside the text block */
	double indent;       /* first line indent (negative: hanging) */
	double width;        /* 0: the text block minus margin */
	PangoAlignment align;
	gboolean justify;
	gboolean grid;       /* CJK grid letter spacing and one grid line a line */
	gboolean red;
} AjParaStyle;

/* page.c */
void aj_ts_begin_page(AjTs *ts);
void aj_ts_end_page(AjTs *ts);
/* Makes the current page, begun and still empty, a landscape page (its
 * page number is set in the portrait frame, where it would be upright). */
void aj_ts_landscape_page(AjTs *ts);
/* The top of the next grid line, starting a page when the current is full. */
double aj_ts_next_line(AjTs *ts);
/* Moves y to the next grid line boundary at or below y. */
void aj_ts_snap(AjTs *ts);
int aj_ts_lines_left(AjTs *ts);
/* Width and bottom edge of the text block in force (turned: see AjTs). */
double aj_ts_block_width(const AjTs *ts);
double aj_ts_block_bottom(const AjTs *ts);
void aj_ts_fail(AjTs *ts, int code, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
double aj_ts_baseline(double line_top, double size);
/* Drawing on the current page, in the frame in force.  Text: one line
 * with its baseline starting at (x, y), or a whole layout with its top
 * left corner at (x, y). */
void aj_ts_text_line(AjTs *ts, PangoLayoutLine *line, double x, double y, AjColor color);
void aj_ts_text_layout(AjTs *ts, PangoLayout *layout, double x, double y, AjColor color);
/* A stroked path: start it, add segments, nothing more to do. */
AjPathOp *aj_ts_path(AjTs *ts, double line_width, AjColor color);
void aj_ts_path_add(AjPathOp *p, AjSegKind kind, double x, double y, double w, double h);
/* A straight line from (x0, y0) to (x1, y1). */
void aj_ts_rule(AjTs *ts, double x0, double y0, double x1, double y1, double line_width,
		AjColor color);
/* A link over the rectangle (frame space), recorded in page space. */
void aj_ts_link(AjTs *ts, double x, double y, double w, double h, const char *uri);
/* The frame of what follows on the current page (f: NULL for the page). */
void aj_ts_set_frame(AjTs *ts, const AjFrame *f);

/* inline.c */
void aj_inline_init(AjInline *in);
void aj_inline_clear(AjInline *in);
void aj_inline_append_nodes(AjInline *in, cmark_node *parent);
void aj_inline_append(AjInline *in, const char *text, int len);

/* para.c */
PangoLayout *aj_para_layout(AjTs *ts, const AjInline *in, const AjParaStyle *st);
/* text in role at size, unwrapped, no letter spacing; caller unrefs. */
PangoLayout *aj_para_line_layout(AjTs *ts, const char *text, AjFontRole role, double size);
void aj_para_set(AjTs *ts, const AjInline *in, const AjParaStyle *st);
void aj_para_set_text(AjTs *ts, const char *text, const AjParaStyle *st);
void aj_para_check_coverage(AjTs *ts, PangoLayout *layout);
void aj_para_draw_links(AjTs *ts, PangoLayoutLine *line, const AjInline *in, double x,
			double top, double height);
AjParaStyle aj_para_body(void);

/* squeeze.c: the layout of a paragraph (aj_para_layout) with its
 * full-width punctuation squeezed where a line would otherwise spread or
 * its last line hold one or two characters (标点挤压); *squeezed receives
 * what was squeezed (caller frees both).
 * aj_squeeze_place() puts their glyphs back on their side of the em box,
 * once the layout's lines are final. */
PangoLayout *aj_squeeze_layout(AjTs *ts, const AjInline *in, const AjParaStyle *st,
			       GArray **squeezed);
void aj_squeeze_place(PangoLayout *layout, const GArray *squeezed);

/* title.c: text with LINE SEPARATORs (U+2028) where its lines break, set
 * in role at size; between words (ICU's dictionary), dates kept whole.
 * aj_title_break(): the fewest lines no wider than measure, in the 梯形 or
 * 菱形 shape of GB/T 9704 §7.3.1 when one exists.  aj_title_fill(): lines
 * filled in turn (first, then rest points wide), breaking after
 * punctuation where the line is still two thirds full.  Caller frees. */
char *aj_title_break(AjTs *ts, const char *text, AjFontRole role, double size, double measure);
char *aj_title_fill(AjTs *ts, const char *text, AjFontRole role, double size, double first,
		    double rest);
/* Lines filled no wider than measure, breaking between words only — with
 * runs, also at either end of a run of one-character segments (整改, 电动:
 * words the dictionary does not know); NULL when some piece is wider.  For
 * table cells. */
char *aj_title_fill_words(AjTs *ts, const char *text, AjFontRole role, double size,
			  double measure, gboolean runs);
/* A title in 22 pt 小标宋, centred on the grid, its lines broken by
 * aj_title_break() no wider than the text block less a character a side. */
void aj_title_set(AjTs *ts, const char *title);

/* blocks.c: the blocks first..stop (exclusive) in a context */
typedef struct {
	double margin;   /* left margin inside the text block */
	AjFontRole role; /* face of running text (楷体 in block quotes) */
	int list_depth;
} AjBlockCtx;
void aj_blocks_set(AjTs *ts, cmark_node *first, cmark_node *stop, const AjBlockCtx *ctx);
/* Adds a bookmark at the left edge of the frame in force, y in it; level 1
 * is the top. */
void aj_outline_add(AjTs *ts, int level, const char *text, double y);
/* "一" … "九十九" for 1..99; caller frees. */
char *aj_cn_number(int n);

/* table.c: the table with its caption (aj_md_table_caption()). */
void aj_table_set(AjTs *ts, cmark_node *table);
/* TRUE when the table needs a landscape page. */
gboolean aj_table_is_landscape(AjTs *ts, cmark_node *table);

/* figure.c */
void aj_figure_set(AjTs *ts, cmark_node *image);

/* mark.c: 草稿 in the top margin of the current page (in the page frame) */
void aj_ts_draft_mark(AjTs *ts);

/* official.c */
void aj_official_header(AjTs *ts);
void aj_official_closing(AjTs *ts);
/* Grid lines the closing takes at least (附件说明, blank line, 署名, 日期, 附注). */
int aj_official_closing_lines(AjTs *ts);
void aj_official_attachment_title(AjTs *ts, int number, const char *title);
void aj_official_imprint(AjTs *ts);

#endif
