#include "pdf/replay.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "chart/render_cairo.h"
#include "pdf/cutfaces.h"
#include "util/error.h"
#include "util/i18n.h"

static void set_color(cairo_t *cr, AjColor c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Where Pango's positions count from: the current point after moving to
 * (x, y), which cairo keeps in 24.8 fixed point.  pango_cairo_show_*()
 * count from there too, so replayed glyphs land where Pango would have
 * drawn them, to the last bit. */
static void origin(cairo_t *cr, double x, double y, double *ox, double *oy)
{
	cairo_move_to(cr, x, y);
	cairo_get_current_point(cr, ox, oy);
}

/* A glyph no font has: Pango draws its box with the code point.  From the
 * origin itself, with the glyph's offset in the glyph, so the box lands
 * exactly where Pango would have put it. */
static void missing_glyph(cairo_t *cr, const AjGlyphsOp *g, const AjGlyph *gl, double ox,
			  double oy)
{
	int cluster = 0;
	PangoGlyphInfo info = { .glyph = gl->id,
				.geometry = { .width = gl->advance, .x_offset = g->dx + gl->x,
					      .y_offset = g->dy + gl->y } };
	PangoGlyphString gs = { .num_glyphs = 1, .glyphs = &info, .log_clusters = &cluster };

	cairo_move_to(cr, ox, oy);
	pango_cairo_show_glyph_string(cr, g->font, &gs);
}

/* The cut of g's face and the glyphs' ids in it, when it has them all. */
static cairo_scaled_font_t *cut_font(const AjGlyphsOp *g, const hb_map_t **map)
{
	cairo_scaled_font_t *sf = aj_cut_font(g->font, map);

	for (int i = 0; sf != NULL && i < g->n_glyphs; i++)
		if (!(g->glyphs[i].id & AJ_GLYPH_MISSING) && !hb_map_has(*map, g->glyphs[i].id))
			sf = NULL;
	if (sf == NULL)
		*map = NULL;
	return sf;
}

/* As Pango's Cairo renderer draws a glyph item: one cairo_show_text_glyphs
 * with the run's text and clusters, so text extracts as written. */
static void glyphs(AjReplay *r, const AjGlyphsOp *g)
{
	cairo_t *cr = r->cr;
	const hb_map_t *map = NULL;
	cairo_scaled_font_t *sf = r->cut_fonts && g->font ? cut_font(g, &map) : NULL;
	gboolean usable;
	cairo_glyph_t *cg = g_new(cairo_glyph_t, MAX(g->n_glyphs, 1));
	cairo_text_cluster_t *cc = g_new(cairo_text_cluster_t, MAX(g->n_clusters, 1));
	double ox, oy, bx, by;
	int n = 0;

	if (sf == NULL && PANGO_IS_CAIRO_FONT(g->font))
		sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(g->font));
	usable = sf != NULL && cairo_scaled_font_status(sf) == CAIRO_STATUS_SUCCESS;
	origin(cr, g->x, g->y, &ox, &oy);
	bx = ox + (double)g->dx / PANGO_SCALE;
	by = oy + (double)g->dy / PANGO_SCALE;
	cairo_save(cr);
	set_color(cr, g->color);
	if (usable)
		cairo_set_scaled_font(cr, sf);
	for (int i = 0; i < g->n_glyphs; i++) {
		const AjGlyph *gl = &g->glyphs[i];
		double cx = bx + (double)gl->x / PANGO_SCALE;
		double cy = gl->y == 0 ? by : by + (double)gl->y / PANGO_SCALE;

		if (!usable || (gl->id & AJ_GLYPH_MISSING)) {
			missing_glyph(cr, g, gl, ox, oy);
			continue;
		}
		cg[n++] = (cairo_glyph_t){ .index = map ? hb_map_get(map, gl->id) : gl->id,
					   .x = cx, .y = cy };
	}
	for (int i = 0; i < g->n_clusters; i++)
		cc[i] = (cairo_text_cluster_t){ .num_bytes = g->clusters[i].bytes,
						.num_glyphs = g->clusters[i].glyphs };
	if (usable && g->text != NULL)
		cairo_show_text_glyphs(cr, g->text, g->text_len, cg, n, cc, g->n_clusters,
				       g->backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
	else if (usable)
		cairo_show_glyphs(cr, cg, n);
	cairo_restore(cr);
	cairo_move_to(cr, ox, oy);
	g_free(cg);
	g_free(cc);
}

static void fill(cairo_t *cr, const AjFillOp *f)
{
	double ox, oy;

	origin(cr, f->x, f->y, &ox, &oy);
	cairo_save(cr);
	set_color(cr, f->color);
	cairo_rectangle(cr, ox + (double)f->rx / PANGO_SCALE, oy + (double)f->ry / PANGO_SCALE,
			(double)f->rw / PANGO_SCALE, (double)f->rh / PANGO_SCALE);
	cairo_fill(cr);
	cairo_restore(cr);
	cairo_move_to(cr, ox, oy);
}

static void path(cairo_t *cr, const AjPathOp *p)
{
	cairo_new_path(cr);
	set_color(cr, p->color);
	cairo_set_line_width(cr, p->line_width);
	for (int i = 0; i < p->n_segs; i++) {
		const AjSeg *s = &p->segs[i];
		switch (s->kind) {
		case AJ_SEG_MOVE:
			cairo_move_to(cr, s->x, s->y);
			break;
		case AJ_SEG_LINE:
			cairo_line_to(cr, s->x, s->y);
			break;
		case AJ_SEG_RECT:
			cairo_rectangle(cr, s->x, s->y, s->w, s->h);
			break;
		}
	}
	cairo_stroke(cr);
}

typedef struct {
	const guint8 *data;
	gsize len, pos;
} PngReader;

static cairo_status_t read_png(void *closure, unsigned char *buf, unsigned int len)
{
	PngReader *r = closure;

	if (r->len - r->pos < len)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(buf, r->data + r->pos, len);
	r->pos += len;
	return CAIRO_STATUS_SUCCESS;
}

static gboolean image(cairo_t *cr, const AjImageOp *im, const char *source, GError **err)
{
	PngReader reader = { .data = g_bytes_get_data(im->png, &reader.len) };
	cairo_surface_t *img = cairo_image_surface_create_from_png_stream(read_png, &reader);
	cairo_status_t st = cairo_surface_status(img);

	if (st != CAIRO_STATUS_SUCCESS) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s:%d: cannot read the image %s (%s); images must be PNG files "
			      "relative to the document"),
			    source, im->src_line, im->path, cairo_status_to_string(st));
		cairo_surface_destroy(img);
		return FALSE;
	}
	cairo_save(cr);
	cairo_translate(cr, im->x, im->y);
	cairo_scale(cr, im->scale, im->scale);
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(img);
	return TRUE;
}

static void chart(cairo_t *cr, const AjChartOp *c)
{
	cairo_save(cr);
	cairo_translate(cr, c->x, c->y);
	cairo_rectangle(cr, 0, 0, c->width, c->height);
	cairo_clip(cr);
	aj_chart_render_cairo(c->scene, cr);
	cairo_restore(cr);
}

static void link_area(cairo_t *cr, const AjLinkOp *l)
{
	char *uri = g_strescape(l->uri, NULL), *attr;

	for (char *p = uri; *p; p++)
		if (*p == '\'')
			*p = ' '; /* cairo's attribute syntax quotes with ' */
	attr = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] uri='%s'", l->x, l->y, l->width,
			       l->height, uri);
	cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
	cairo_tag_end(cr, CAIRO_TAG_LINK);
	g_free(attr);
	g_free(uri);
}

static void outline(AjReplay *r, int page, const AjOutlineOp *o)
{
	int level = CLAMP(o->level, 1, 4);
	char *dest = g_strdup_printf("page=%d pos=[%.2f %.2f]", page, o->x, o->y);
	int id = cairo_pdf_surface_add_outline(r->surface, r->outline_parent[level - 1], o->title,
					       dest, level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);

	for (int j = level; j < 5; j++)
		r->outline_parent[j] = id;
	g_free(dest);
}

/* Frames nest one deep: the page, or one frame on it. */
static void frame(cairo_t *cr, const AjFrame *f, gboolean *inside)
{
	if (*inside)
		cairo_restore(cr);
	*inside = f->kind != AJ_FRAME_PAGE;
	if (!*inside)
		return;
	cairo_save(cr);
	cairo_translate(cr, f->x, f->y);
	if (f->kind == AJ_FRAME_TURNED)
		cairo_rotate(cr, f->angle);
}

gboolean aj_replay_page(AjReplay *r, const AjPage *page, const char *source, GError **err)
{
	gboolean inside = FALSE, ok = TRUE;

	/* Before anything is drawn on it: a landscape page has its own size. */
	if (page->width != r->width || page->height != r->height) {
		cairo_pdf_surface_set_size(r->surface, page->width, page->height);
		r->width = page->width;
		r->height = page->height;
	}
	for (guint i = 0; ok && i < page->ops->len; i++) {
		const AjOp *op = &g_array_index(page->ops, AjOp, i);
		switch (op->kind) {
		case AJ_OP_FRAME:
			frame(r->cr, &op->frame, &inside);
			break;
		case AJ_OP_GLYPHS:
			glyphs(r, &op->glyphs);
			break;
		case AJ_OP_FILL:
			fill(r->cr, &op->fill);
			break;
		case AJ_OP_PATH:
			path(r->cr, &op->path);
			break;
		case AJ_OP_IMAGE:
			ok = image(r->cr, &op->image, source, err);
			break;
		case AJ_OP_CHART:
			chart(r->cr, &op->chart);
			break;
		case AJ_OP_LINK:
			link_area(r->cr, &op->link);
			break;
		case AJ_OP_OUTLINE:
			outline(r, page->number, &op->outline);
			break;
		}
	}
	if (inside)
		cairo_restore(r->cr);
	cairo_show_page(r->cr);
	return ok;
}
