#include "typeset/record.h"

/* A glyph no font has is flagged as Pango flags it. */
G_STATIC_ASSERT(AJ_GLYPH_MISSING == PANGO_GLYPH_UNKNOWN_FLAG);

struct _AjRecorder {
	PangoRenderer parent;
	AjPage *page; /* where operations go while recording */
	double x, y;  /* the origin Pango's positions count from */
	AjColor color;
};

typedef struct {
	PangoRendererClass parent_class;
} AjRecorderClass;

G_DEFINE_TYPE(AjRecorder, aj_recorder, PANGO_TYPE_RENDERER)

static AjColor part_color(AjRecorder *r, PangoRenderPart part)
{
	PangoColor *c = pango_renderer_get_color(&r->parent, part);

	if (c == NULL)
		return r->color;
	return (AjColor){ c->red / 65535., c->green / 65535., c->blue / 65535. };
}

static AjGlyphsOp *add_run(AjRecorder *r, PangoFont *font, PangoGlyphString *gs, int x, int y)
{
	AjGlyphsOp *g = &aj_page_add(r->page, AJ_OP_GLYPHS)->glyphs;
	int pos = 0, n = 0;

	g->x = r->x;
	g->y = r->y;
	g->dx = x;
	g->dy = y;
	g->color = part_color(r, PANGO_RENDER_PART_FOREGROUND);
	g->font = g_object_ref(font);
	g->glyphs = g_new(AjGlyph, MAX(gs->num_glyphs, 1));
	for (int i = 0; i < gs->num_glyphs; i++) {
		const PangoGlyphInfo *gi = &gs->glyphs[i];
		if (gi->glyph != PANGO_GLYPH_EMPTY)
			g->glyphs[n++] = (AjGlyph){ .id = gi->glyph,
						    .x = pos + gi->geometry.x_offset,
						    .y = gi->geometry.y_offset,
						    .advance = gi->geometry.width };
		pos += gi->geometry.width;
	}
	g->n_glyphs = n;
	return g;
}

static void draw_glyphs(PangoRenderer *renderer, PangoFont *font, PangoGlyphString *gs, int x,
			int y)
{
	add_run((AjRecorder *)renderer, font, gs, x, y);
}

/* Clusters as Pango's Cairo renderer counts them: empty and missing
 * glyphs are not drawn by the font, so they are not counted. */
static void add_clusters(AjGlyphsOp *g, const char *text, PangoGlyphItem *item)
{
	PangoGlyphString *gs = item->glyphs;
	PangoGlyphItemIter iter;
	int n = 0;

	g->clusters = g_new(AjCluster, MAX(gs->num_glyphs, 1));
	if (pango_glyph_item_iter_init_start(&iter, item, text)) {
		do {
			int bytes = iter.end_index - iter.start_index;
			int glyphs = g->backward ? iter.start_glyph - iter.end_glyph
						 : iter.end_glyph - iter.start_glyph;
			for (int i = MIN(iter.start_glyph, iter.end_glyph + 1);
			     i < MAX(iter.start_glyph + 1, iter.end_glyph); i++) {
				PangoGlyph gl = gs->glyphs[i].glyph;
				if (gl == PANGO_GLYPH_EMPTY || (gl & PANGO_GLYPH_UNKNOWN_FLAG))
					glyphs--;
			}
			g->clusters[n++] = (AjCluster){ .bytes = bytes, .glyphs = glyphs };
		} while (pango_glyph_item_iter_next_cluster(&iter));
	}
	g->n_clusters = n;
}

static void draw_glyph_item(PangoRenderer *renderer, const char *text, PangoGlyphItem *item,
			    int x, int y)
{
	AjGlyphsOp *g = add_run((AjRecorder *)renderer, item->item->analysis.font, item->glyphs, x, y);

	g->backward = (item->item->analysis.level & 1) != 0;
	g->text = g_strndup(text + item->item->offset, (gsize)item->item->length);
	g->text_len = item->item->length;
	add_clusters(g, text, item);
}

static void draw_rectangle(PangoRenderer *renderer, PangoRenderPart part, int x, int y,
			   int width, int height)
{
	AjRecorder *r = (AjRecorder *)renderer;
	AjFillOp *f = &aj_page_add(r->page, AJ_OP_FILL)->fill;

	*f = (AjFillOp){ .x = r->x, .y = r->y, .rx = x, .ry = y, .rw = width, .rh = height,
			 .color = part_color(r, part) };
}

/* Documents set no error underlines, shapes or slanted text. */
static void draw_nothing(PangoRenderer *renderer, int x, int y, int width, int height)
{
}

static void aj_recorder_class_init(AjRecorderClass *klass)
{
	PangoRendererClass *rc = PANGO_RENDERER_CLASS(klass);

	rc->draw_glyphs = draw_glyphs;
	rc->draw_glyph_item = draw_glyph_item;
	rc->draw_rectangle = draw_rectangle;
	rc->draw_error_underline = draw_nothing;
}

static void aj_recorder_init(AjRecorder *r)
{
}

AjRecorder *aj_recorder_new(void)
{
	return g_object_new(aj_recorder_get_type(), NULL);
}

void aj_recorder_free(AjRecorder *r)
{
	if (r != NULL)
		g_object_unref(r);
}

/* Points the recorder at the page and the origin of what comes next. */
static void aim(AjRecorder *r, AjPage *page, double x, double y, AjColor color)
{
	r->page = page;
	r->x = x;
	r->y = y;
	r->color = color;
}

void aj_record_line(AjRecorder *r, AjPage *page, PangoLayoutLine *line, double x, double y,
		    AjColor color)
{
	aim(r, page, x, y, color);
	pango_renderer_draw_layout_line(&r->parent, line, 0, 0);
	r->page = NULL;
}

void aj_record_layout(AjRecorder *r, AjPage *page, PangoLayout *layout, double x, double y,
		      AjColor color)
{
	aim(r, page, x, y, color);
	pango_renderer_draw_layout(&r->parent, layout, 0, 0);
	r->page = NULL;
}
