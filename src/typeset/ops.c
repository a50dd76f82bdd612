#include "typeset/ops.h"

#include <math.h>

AjPage *aj_page_new(int number, double width, double height)
{
	AjPage *p = g_new0(AjPage, 1);

	p->number = number;
	p->width = width;
	p->height = height;
	p->ops = g_array_new(FALSE, TRUE, sizeof(AjOp));
	return p;
}

static void op_clear(AjOp *op)
{
	switch (op->kind) {
	case AJ_OP_GLYPHS:
		g_clear_object(&op->glyphs.font);
		g_free(op->glyphs.text);
		g_free(op->glyphs.glyphs);
		g_free(op->glyphs.clusters);
		break;
	case AJ_OP_PATH:
		g_free(op->path.segs);
		break;
	case AJ_OP_IMAGE:
		g_clear_pointer(&op->image.png, g_bytes_unref);
		g_free(op->image.path);
		break;
	case AJ_OP_CHART:
		aj_chart_scene_free(op->chart.scene);
		break;
	case AJ_OP_LINK:
		g_free(op->link.uri);
		break;
	case AJ_OP_OUTLINE:
		g_free(op->outline.title);
		break;
	default:
		break;
	}
}

void aj_page_free(AjPage *page)
{
	if (page == NULL)
		return;
	for (guint i = 0; i < page->ops->len; i++)
		op_clear(&g_array_index(page->ops, AjOp, i));
	g_array_unref(page->ops);
	g_free(page);
}

AjOp *aj_page_add(AjPage *page, AjOpKind kind)
{
	AjOp op = { .kind = kind };

	g_array_append_val(page->ops, op);
	return &g_array_index(page->ops, AjOp, page->ops->len - 1);
}

/* The same arithmetic as cairo's translate-then-rotate matrix, so link
 * areas computed here match what a Cairo back end would compute. */
void aj_frame_to_page(const AjFrame *f, double x, double y, double *px, double *py)
{
	double c = 1, s = 0;

	switch (f->kind) {
	case AJ_FRAME_PAGE:
		*px = x;
		*py = y;
		return;
	case AJ_FRAME_TURNED:
		c = cos(f->angle);
		s = sin(f->angle);
		break;
	default:
		break;
	}
	*px = c * x + -s * y + f->x;
	*py = s * x + c * y + f->y;
}

void aj_glyph_page_pos(const AjFrame *f, const AjGlyphsOp *g, int i, double *px, double *py)
{
	double x = g->x + (double)(g->dx + g->glyphs[i].x) / PANGO_SCALE;
	double y = g->y + (double)(g->dy + g->glyphs[i].y) / PANGO_SCALE;

	aj_frame_to_page(f, x, y, px, py);
}

double aj_glyphs_size(const AjGlyphsOp *g)
{
	PangoFontDescription *d = pango_font_describe_with_absolute_size(g->font);
	double size = pango_font_description_get_size(d) / (double)PANGO_SCALE;

	pango_font_description_free(d);
	return size;
}
