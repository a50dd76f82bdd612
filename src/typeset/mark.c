/* The draft mark: 草稿 in a box in the top margin (天头) of every page, above
 * the text block, so the grid of 22 lines is the same as in the issued
 * document.  Recorded like everything else on the page, when a page ends. */
#include "typeset/state.h"

#define MARK_TEXT "草稿"
#define MARK_PT 18.0
#define MARK_PAD (1.5 * AJ_MM)

void aj_ts_draft_mark(AjTs *ts)
{
	PangoLayout *layout = pango_layout_new(ts->pctx);
	PangoFontDescription *d = aj_font_desc(AJ_FONT_HEI, MARK_PT);
	PangoRectangle logical;
	double w, h, x, y;

	pango_layout_set_font_description(layout, d);
	pango_layout_set_text(layout, MARK_TEXT, -1);
	pango_layout_get_extents(layout, NULL, &logical);
	w = logical.width / (double)PANGO_SCALE;
	h = logical.height / (double)PANGO_SCALE;
	/* right-aligned with the text block, 12 mm below the top edge */
	x = AJ_TB_X + AJ_TB_W - w - MARK_PAD;
	y = 12 * AJ_MM;
	aj_ts_path_add(aj_ts_path(ts, 1.0, AJ_RED), AJ_SEG_RECT, x - MARK_PAD, y - MARK_PAD,
		       w + 2 * MARK_PAD, h + 2 * MARK_PAD);
	aj_ts_text_layout(ts, layout, x, y, AJ_RED);
	pango_font_description_free(d);
	g_object_unref(layout);
}
