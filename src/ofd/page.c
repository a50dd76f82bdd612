/* One page's operations as the OFD objects of its Content.xml.
 *
 * Every object gets a Boundary on the page (mm) and coordinates from its
 * top left corner.  An object of a turned frame (a landscape table) or a
 * turned chart label also gets a CTM: its own points in mm, turned and
 * moved into the Boundary, so glyphs and lines land where the PDF back end
 * draws them. */
#include "ofd/state.h"

#include <math.h>
#include <string.h>

#include "chart/text.h"

typedef struct {
	AjOfd *o;
	AjOfdXml x;
	guint page_id;
	gboolean glyph_ids; /* CGTransforms name glyphs as "@FONT:GLYPH" (aj_ofd_subset_glyphs()) */
} Page;

/* Where an object's own points (pt) go: mm offsets without a CTM, or
 * scaled to mm and mapped by the CTM. */
typedef struct {
	const AjOfdMatrix *m;
	gboolean ctm;
	double dx, dy; /* mm, added to the scaled points without a CTM */
} Place;

static const AjOfdMatrix identity = { 1, 0, 0, 1, 0, 0 };

static void apply(const AjOfdMatrix *m, double x, double y, double *px, double *py)
{
	*px = m->xx * x + m->xy * y + m->x0;
	*py = m->yx * x + m->yy * y + m->y0;
}

/* a then b: the map of b ∘ a in cairo's sense (points of a's space go
 * through a, then b) — here "inner" first. */
static AjOfdMatrix then(const AjOfdMatrix *inner, const AjOfdMatrix *outer)
{
	AjOfdMatrix r;

	r.xx = outer->xx * inner->xx + outer->xy * inner->yx;
	r.yx = outer->yx * inner->xx + outer->yy * inner->yx;
	r.xy = outer->xx * inner->xy + outer->xy * inner->yy;
	r.yy = outer->yx * inner->xy + outer->yy * inner->yy;
	r.x0 = outer->xx * inner->x0 + outer->xy * inner->y0 + outer->x0;
	r.y0 = outer->yx * inner->x0 + outer->yy * inner->y0 + outer->y0;
	return r;
}

static AjOfdMatrix translate(double x, double y)
{
	return (AjOfdMatrix){ 1, 0, 0, 1, x, y };
}

static AjOfdMatrix rotate(double a)
{
	double c = cos(a), s = sin(a);

	return (AjOfdMatrix){ c, s, -s, c, 0, 0 };
}

static AjOfdMatrix frame_matrix(const AjFrame *f)
{
	AjOfdMatrix m = translate(f->x, f->y);

	if (f->kind == AJ_FRAME_PAGE)
		return identity;
	if (f->kind == AJ_FRAME_TURNED) {
		AjOfdMatrix r = rotate(f->angle);
		return then(&r, &m);
	}
	return m;
}

static gboolean turned(const AjOfdMatrix *m)
{
	return fabs(m->xy) > 1e-9 || fabs(m->yx) > 1e-9 || fabs(m->xx - 1) > 1e-9 ||
	       fabs(m->yy - 1) > 1e-9;
}

static void attr_num(Page *p, const char *name, double v)
{
	GString *s = g_string_new(NULL);

	aj_ofd_num(s, v);
	aj_ofd_xml_attr(&p->x, name, s->str);
	g_string_free(s, TRUE);
}

static void attr_color(Page *p, const char *element, AjColor c)
{
	char *v = g_strdup_printf("%d %d %d", (int)lround(CLAMP(c.r, 0, 1) * 255),
				  (int)lround(CLAMP(c.g, 0, 1) * 255),
				  (int)lround(CLAMP(c.b, 0, 1) * 255));

	aj_ofd_xml_start(&p->x, element);
	aj_ofd_xml_attr(&p->x, "Value", v);
	aj_ofd_xml_end(&p->x);
	g_free(v);
}

/* Opens element with a new ID and the Boundary (and CTM) of an object
 * whose own points lie in the box (x0, y0)–(x1, y1), pt; or, when unit,
 * whose own space is the unit square m maps to its place. */
static Place begin_object(Page *p, const char *element, const AjOfdMatrix *m, double x0,
			  double y0, double x1, double y1, gboolean unit)
{
	double cx[4] = { x0, x1, x1, x0 }, cy[4] = { y0, y0, y1, y1 };
	double bx0 = G_MAXDOUBLE, by0 = G_MAXDOUBLE, bx1 = -G_MAXDOUBLE, by1 = -G_MAXDOUBLE;
	Place pl = { .m = m, .ctm = unit || turned(m) };
	double k = unit ? AJ_OFD_MM : 1; /* the unit square's side is m's scale, in mm */
	GString *s = g_string_new(NULL);

	for (int i = 0; i < 4; i++) {
		double px, py;
		apply(m, cx[i], cy[i], &px, &py);
		bx0 = MIN(bx0, px);
		by0 = MIN(by0, py);
		bx1 = MAX(bx1, px);
		by1 = MAX(by1, py);
	}
	/* Whole thousandths of a mm, outward, so the written box holds it. */
	bx0 = floor(bx0 * AJ_OFD_MM * 1000) / 1000;
	by0 = floor(by0 * AJ_OFD_MM * 1000) / 1000;
	bx1 = ceil(bx1 * AJ_OFD_MM * 1000) / 1000;
	by1 = ceil(by1 * AJ_OFD_MM * 1000) / 1000;
	aj_ofd_xml_start(&p->x, element);
	aj_ofd_xml_attr_id(&p->x, "ID", ++p->o->next_id);
	aj_ofd_num(s, bx0);
	g_string_append_c(s, ' ');
	aj_ofd_num(s, by0);
	g_string_append_c(s, ' ');
	aj_ofd_num(s, bx1 - bx0);
	g_string_append_c(s, ' ');
	aj_ofd_num(s, by1 - by0);
	aj_ofd_xml_attr(&p->x, "Boundary", s->str);
	if (pl.ctm) {
		double v[6] = { m->xx * k, m->yx * k, m->xy * k, m->yy * k, m->x0 * AJ_OFD_MM - bx0,
				m->y0 * AJ_OFD_MM - by0 };
		g_string_truncate(s, 0);
		for (int i = 0; i < 6; i++) {
			if (i)
				g_string_append_c(s, ' ');
			aj_ofd_num(s, v[i]);
		}
		aj_ofd_xml_attr(&p->x, "CTM", s->str);
	} else {
		pl.dx = m->x0 * AJ_OFD_MM - bx0;
		pl.dy = m->y0 * AJ_OFD_MM - by0;
	}
	g_string_free(s, TRUE);
	return pl;
}

static double px_of(const Place *pl, double x)
{
	return x * AJ_OFD_MM + pl->dx;
}

static double py_of(const Place *pl, double y)
{
	return y * AJ_OFD_MM + pl->dy;
}

static void point(GString *d, const Place *pl, const char *cmd, double x, double y)
{
	if (d->len)
		g_string_append_c(d, ' ');
	g_string_append(d, cmd);
	g_string_append_c(d, ' ');
	aj_ofd_num(d, px_of(pl, x));
	g_string_append_c(d, ' ');
	aj_ofd_num(d, py_of(pl, y));
}

static void rect_path(GString *d, const Place *pl, double x, double y, double w, double h)
{
	point(d, pl, "M", x, y);
	point(d, pl, "L", x + w, y);
	point(d, pl, "L", x + w, y + h);
	point(d, pl, "L", x, y + h);
	g_string_append(d, " C");
}

/* A character of a run: where it is drawn (pt, the run's own space) and
 * the glyphs that draw it when the font's cmap does not say them. */
typedef struct {
	gunichar c;
	double x, y;
	int first, count; /* glyphs of its cluster (first character only), or count 0 */
	gboolean plain;
} RunChar;

/* The run's drawn characters in text order, from its clusters. */
static GArray *run_chars(const AjGlyphsOp *g, AjOfdFont *font, int **visible, int *n_visible)
{
	GArray *chars = g_array_new(FALSE, TRUE, sizeof(RunChar));
	int *vis = g_new(int, MAX(g->n_glyphs, 1)), nv = 0, used = 0;
	const char *t = g->text;

	for (int i = 0; i < g->n_glyphs; i++)
		if (!(g->glyphs[i].id & AJ_GLYPH_MISSING))
			vis[nv++] = i;
	for (int k = 0; k < g->n_clusters && t != NULL; k++) {
		const char *end = t + g->clusters[k].bytes;
		int cnt = g->clusters[k].glyphs;
		int first = g->backward ? nv - used - cnt : used;
		gboolean one = g_utf8_strlen(t, end - t) == 1 && cnt == 1;

		used += cnt;
		if (cnt <= 0 || first < 0 || first + cnt > nv) {
			t = end;
			continue;
		}
		for (const char *c = t; c < end; c = g_utf8_next_char(c)) {
			const AjGlyph *gl = &g->glyphs[vis[first]];
			RunChar rc = { .c = g_utf8_get_char(c),
				       .x = (double)(g->dx + gl->x) / PANGO_SCALE,
				       .y = (double)(g->dy + gl->y) / PANGO_SCALE };
			rc.plain = one && aj_ofd_font_use(font, rc.c, gl->id);
			if (c == t && !rc.plain) {
				rc.first = first;
				rc.count = cnt;
			} else if (!rc.plain) {
				aj_ofd_font_use(font, rc.c, gl->id);
			}
			g_array_append_val(chars, rc);
		}
		t = end;
	}
	*visible = vis;
	*n_visible = nv;
	return chars;
}

static void cg_transforms(Page *p, const AjGlyphsOp *g, AjOfdFont *font, GArray *chars,
			  const int *vis)
{
	for (guint i = 0; i < chars->len; i++) {
		const RunChar *rc = &g_array_index(chars, RunChar, i);
		GString *ids;
		guint n = 1;

		if (rc->plain || rc->count == 0)
			continue;
		while (i + n < chars->len && !g_array_index(chars, RunChar, i + n).plain &&
		       g_array_index(chars, RunChar, i + n).count == 0)
			n++;
		ids = g_string_new(NULL);
		for (int k = 0; k < rc->count; k++) {
			guint32 id = g->glyphs[vis[rc->first + k]].id;
			aj_ofd_font_use_glyph(font, id);
			g_string_append_printf(ids, k ? " @%u:%u" : "@%u:%u", aj_ofd_font_id(font), id);
		}
		aj_ofd_xml_start(&p->x, "CGTransform");
		aj_ofd_xml_attr_id(&p->x, "CodePosition", i);
		aj_ofd_xml_attr_id(&p->x, "CodeCount", n);
		aj_ofd_xml_attr_id(&p->x, "GlyphCount", (guint)rc->count);
		aj_ofd_xml_text(&p->x, "Glyphs", ids->str);
		aj_ofd_xml_end(&p->x);
		g_string_free(ids, TRUE);
		p->glyph_ids = TRUE;
	}
}

/* DeltaX (or DeltaY): the n - 1 steps between the characters, written
 * out one by one, each between positions rounded as written (so rounding
 * does not add up along a line). */
static char *deltas(GArray *chars, gboolean y, gboolean *any)
{
	GString *s = g_string_new(NULL);
	double prev = 0;

	*any = FALSE;
	for (guint i = 0; i < chars->len; i++) {
		const RunChar *c = &g_array_index(chars, RunChar, i);
		double at = round((y ? c->y : c->x) * AJ_OFD_MM * 1000) / 1000;
		if (i > 0) {
			if (i > 1)
				g_string_append_c(s, ' ');
			aj_ofd_num(s, at - prev);
			*any = *any || fabs(at - prev) >= 0.0005;
		}
		prev = at;
	}
	return g_string_free(s, FALSE);
}

static void text_object(Page *p, const AjOfdMatrix *frame, const AjGlyphsOp *g)
{
	AjOfdFont *font = aj_ofd_font(p->o->fonts, g->font, &p->o->next_id);
	double size = aj_glyphs_size(g), x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE;
	AjOfdMatrix at = translate(g->x, g->y), m;
	int *vis = NULL, nv = 0;
	GArray *chars;
	GString *text;
	char *dx, *dy;
	gboolean any_dx, any_dy;
	Place pl;

	if (font == NULL || size <= 0)
		return;
	chars = run_chars(g, font, &vis, &nv);
	if (chars->len == 0) {
		g_array_unref(chars);
		g_free(vis);
		return;
	}
	for (int i = 0; i < nv; i++) {
		const AjGlyph *gl = &g->glyphs[vis[i]];
		double x = (double)(g->dx + gl->x) / PANGO_SCALE;
		x0 = MIN(x0, x);
		x1 = MAX(x1, x + (double)gl->advance / PANGO_SCALE);
	}
	m = then(&at, frame);
	pl = begin_object(p, "TextObject", &m, x0 - size * 0.2, (double)g->dy / PANGO_SCALE - size * 1.2,
			  x1 + size * 0.2, (double)g->dy / PANGO_SCALE + size * 0.4, FALSE);
	aj_ofd_xml_attr_id(&p->x, "Font", aj_ofd_font_id(font));
	attr_num(p, "Size", size * AJ_OFD_MM);
	if (aj_ofd_font_bold(font))
		aj_ofd_xml_attr(&p->x, "Weight", "700");
	if (g->color.r != 0 || g->color.g != 0 || g->color.b != 0)
		attr_color(p, "FillColor", g->color);
	cg_transforms(p, g, font, chars, vis);
	text = g_string_new(NULL);
	for (guint i = 0; i < chars->len; i++)
		g_string_append_unichar(text, g_array_index(chars, RunChar, i).c);
	dx = deltas(chars, FALSE, &any_dx);
	dy = deltas(chars, TRUE, &any_dy);
	aj_ofd_xml_start(&p->x, "TextCode");
	attr_num(p, "X", px_of(&pl, g_array_index(chars, RunChar, 0).x));
	attr_num(p, "Y", py_of(&pl, g_array_index(chars, RunChar, 0).y));
	if (chars->len > 1)
		aj_ofd_xml_attr(&p->x, "DeltaX", dx);
	if (any_dy)
		aj_ofd_xml_attr(&p->x, "DeltaY", dy);
	xmlTextWriterWriteString(p->x.w, BAD_CAST text->str);
	aj_ofd_xml_end(&p->x);
	aj_ofd_xml_end(&p->x);
	g_string_free(text, TRUE);
	g_free(dx);
	g_free(dy);
	g_array_unref(chars);
	g_free(vis);
}

/* With a CTM the points are in mm of the object's own space; without,
 * moved into the Boundary.  Both go through px_of()/py_of() of a place
 * whose offsets are 0 under a CTM. */
static void path_object(Page *p, const AjOfdMatrix *frame, const AjPathOp *op)
{
	double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
	double half = op->line_width / 2;
	GString *d;
	Place pl;

	for (int i = 0; i < op->n_segs; i++) {
		const AjSeg *s = &op->segs[i];
		double w = s->kind == AJ_SEG_RECT ? s->w : 0, h = s->kind == AJ_SEG_RECT ? s->h : 0;
		x0 = MIN(x0, MIN(s->x, s->x + w));
		y0 = MIN(y0, MIN(s->y, s->y + h));
		x1 = MAX(x1, MAX(s->x, s->x + w));
		y1 = MAX(y1, MAX(s->y, s->y + h));
	}
	if (op->n_segs == 0)
		return;
	pl = begin_object(p, "PathObject", frame, x0 - half, y0 - half, x1 + half, y1 + half,
			  FALSE);
	attr_num(p, "LineWidth", op->line_width * AJ_OFD_MM);
	attr_color(p, "StrokeColor", op->color);
	d = g_string_new(NULL);
	for (int i = 0; i < op->n_segs; i++) {
		const AjSeg *s = &op->segs[i];
		if (s->kind == AJ_SEG_RECT)
			rect_path(d, &pl, s->x, s->y, s->w, s->h);
		else
			point(d, &pl, s->kind == AJ_SEG_MOVE ? "M" : "L", s->x, s->y);
	}
	aj_ofd_xml_text(&p->x, "AbbreviatedData", d->str);
	aj_ofd_xml_end(&p->x);
	g_string_free(d, TRUE);
}

static void fill_object(Page *p, const AjOfdMatrix *frame, const AjFillOp *f)
{
	double x = f->x + (double)f->rx / PANGO_SCALE, y = f->y + (double)f->ry / PANGO_SCALE;
	double w = (double)f->rw / PANGO_SCALE, h = (double)f->rh / PANGO_SCALE;
	GString *d = g_string_new(NULL);
	Place pl = begin_object(p, "PathObject", frame, x, y, x + w, y + h, FALSE);

	aj_ofd_xml_attr(&p->x, "Stroke", "false");
	aj_ofd_xml_attr(&p->x, "Fill", "true");
	attr_color(p, "FillColor", f->color);
	rect_path(d, &pl, x, y, w, h);
	aj_ofd_xml_text(&p->x, "AbbreviatedData", d->str);
	aj_ofd_xml_end(&p->x);
	g_string_free(d, TRUE);
}

/* An image is drawn in the unit square of its own space: the CTM scales
 * it to its size (mm) and moves it into the Boundary. */
static void image_object(Page *p, const AjOfdMatrix *frame, const AjImageOp *im)
{
	guint id = aj_ofd_image_id(p->o, im->png);
	AjOfdMatrix size = { im->width * im->scale, 0, 0, im->height * im->scale, im->x, im->y };
	AjOfdMatrix m = then(&size, frame);

	begin_object(p, "ImageObject", &m, 0, 0, 1, 1, TRUE);
	aj_ofd_xml_attr_id(&p->x, "ResourceID", id);
	aj_ofd_xml_end(&p->x);
}

static AjColor rgb(guint32 c)
{
	return (AjColor){ ((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0,
			  (c & 0xff) / 255.0 };
}

/* A circle as four cubic Béziers (the usual 0.5523 of the radius). */
static void circle_path(GString *d, const Place *pl, double cx, double cy, double r)
{
	double k = 0.5522847498 * r;
	double pts[4][6] = {
		{ cx + r, cy + k, cx + k, cy + r, cx, cy + r },
		{ cx - k, cy + r, cx - r, cy + k, cx - r, cy },
		{ cx - r, cy - k, cx - k, cy - r, cx, cy - r },
		{ cx + k, cy - r, cx + r, cy - k, cx + r, cy },
	};

	point(d, pl, "M", cx + r, cy);
	for (int i = 0; i < 4; i++) {
		point(d, pl, "B", pts[i][0], pts[i][1]);
		for (int j = 2; j < 6; j += 2) {
			g_string_append_c(d, ' ');
			aj_ofd_num(d, px_of(pl, pts[i][j]));
			g_string_append_c(d, ' ');
			aj_ofd_num(d, py_of(pl, pts[i][j + 1]));
		}
	}
	g_string_append(d, " C");
}

/* A rectangle, polyline or marker of a chart, filled and stroked as
 * chart/render_cairo.c paints it (round joins, dashes of dash and 0.6
 * dash). */
static void chart_shape(Page *p, const AjOfdMatrix *m, const AjChartItem *it)
{
	const double *pts = it->points ? (const double *)(void *)it->points->data : NULL;
	double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
	double half = it->stroke != AJ_CHART_NO_COLOR ? it->stroke_width / 2 : 0;
	gboolean fill = it->fill != AJ_CHART_NO_COLOR, stroke = it->stroke != AJ_CHART_NO_COLOR;
	GString *d;
	Place pl;

	if (it->kind == AJ_ITEM_LINE) {
		if (pts == NULL || it->points->len < 4)
			return;
		for (guint k = 0; k + 1 < it->points->len; k += 2) {
			x0 = MIN(x0, pts[k]);
			y0 = MIN(y0, pts[k + 1]);
			x1 = MAX(x1, pts[k]);
			y1 = MAX(y1, pts[k + 1]);
		}
	} else if (it->kind == AJ_ITEM_MARKER) {
		x0 = it->x - it->w / 2;
		y0 = it->y - it->w / 2;
		x1 = x0 + it->w;
		y1 = y0 + it->w;
	} else {
		x0 = MIN(it->x, it->x + it->w);
		y0 = MIN(it->y, it->y + it->h);
		x1 = MAX(it->x, it->x + it->w);
		y1 = MAX(it->y, it->y + it->h);
	}
	if (!fill && !stroke)
		return;
	pl = begin_object(p, "PathObject", m, x0 - half, y0 - half, x1 + half, y1 + half, FALSE);
	aj_ofd_xml_attr(&p->x, "Stroke", stroke ? "true" : "false");
	aj_ofd_xml_attr(&p->x, "Fill", fill ? "true" : "false");
	if (stroke) {
		attr_num(p, "LineWidth", it->stroke_width * AJ_OFD_MM);
		aj_ofd_xml_attr(&p->x, "Join", "Round");
		if (it->dash > 0) {
			GString *dash = g_string_new(NULL);
			aj_ofd_num(dash, it->dash * AJ_OFD_MM);
			g_string_append_c(dash, ' ');
			aj_ofd_num(dash, it->dash * 0.6 * AJ_OFD_MM);
			aj_ofd_xml_attr(&p->x, "DashPattern", dash->str);
			g_string_free(dash, TRUE);
		}
	}
	if (stroke)
		attr_color(p, "StrokeColor", rgb(it->stroke));
	if (fill)
		attr_color(p, "FillColor", rgb(it->fill));
	d = g_string_new(NULL);
	if (it->kind == AJ_ITEM_LINE)
		for (guint k = 0; k + 1 < it->points->len; k += 2)
			point(d, &pl, k == 0 ? "M" : "L", pts[k], pts[k + 1]);
	else if (it->kind == AJ_ITEM_MARKER && it->shape == AJ_MARK_CIRCLE)
		circle_path(d, &pl, it->x, it->y, it->w / 2);
	else
		rect_path(d, &pl, x0 + half, y0 + half, x1 - x0 - 2 * half, y1 - y0 - 2 * half);
	aj_ofd_xml_text(&p->x, "AbbreviatedData", d->str);
	aj_ofd_xml_end(&p->x);
	g_string_free(d, TRUE);
}

/* A label laid out as the Cairo back end lays it out, recorded as glyph
 * runs and written as text objects turned about its anchor. */
static void chart_text(Page *p, const AjOfdMatrix *m, const AjChartItem *it)
{
	double w = 0, baseline = 0, shift;
	PangoLayout *layout = aj_chart_text_layout(p->o->chart_ctx, it->text, it->size, it->bold,
						   &w, &baseline);
	AjPage *tmp = aj_page_new(0, 0, 0);
	AjOfdMatrix r = rotate(it->angle * G_PI / 180.0), at = translate(it->x, it->y);
	AjOfdMatrix tm = then(&r, &at), full = then(&tm, m);

	shift = it->anchor == AJ_ANCHOR_START ? 0 : it->anchor == AJ_ANCHOR_MIDDLE ? w / 2 : w;
	aj_record_layout(p->o->recorder, tmp, layout, -shift, -baseline, rgb(it->fill));
	for (guint i = 0; i < tmp->ops->len; i++) {
		const AjOp *op = &g_array_index(tmp->ops, AjOp, i);
		if (op->kind == AJ_OP_GLYPHS)
			text_object(p, &full, &op->glyphs);
		else if (op->kind == AJ_OP_FILL)
			fill_object(p, &full, &op->fill);
	}
	aj_page_free(tmp);
	g_object_unref(layout);
}

static void chart_object(Page *p, const AjOfdMatrix *frame, const AjChartOp *c)
{
	AjOfdMatrix at = translate(c->x, c->y), m = then(&at, frame);

	for (guint i = 0; i < c->scene->items->len; i++) {
		const AjChartItem *it = &g_array_index(c->scene->items, AjChartItem, i);
		if (it->kind == AJ_ITEM_TEXT)
			chart_text(p, &m, it);
		else
			chart_shape(p, &m, it);
	}
}

static void bookmark(Page *p, const AjOutlineOp *op)
{
	AjOfdBookmark *b = g_new0(AjOfdBookmark, 1);

	b->title = g_strdup(op->title);
	b->page_id = p->page_id;
	b->left = op->x * AJ_OFD_MM;
	b->top = op->y * AJ_OFD_MM;
	g_ptr_array_add(p->o->bookmarks, b);
}

void aj_ofd_page(AjOfd *o, const AjPage *page)
{
	Page p = { .o = o };
	AjOfdMatrix frame = identity;
	guint n = o->page_ids->len;
	char *name;

	if (n == 0) {
		o->page_w = page->width;
		o->page_h = page->height;
	}
	p.page_id = ++o->next_id;
	g_array_append_val(o->page_ids, p.page_id);
	aj_ofd_xml_begin(&p.x, "Page");
	if (page->width != o->page_w || page->height != o->page_h) {
		char *b = aj_ofd_box(page->width, page->height);
		aj_ofd_xml_start(&p.x, "Area");
		aj_ofd_xml_text(&p.x, "PhysicalBox", b);
		aj_ofd_xml_end(&p.x);
		g_free(b);
	}
	aj_ofd_xml_start(&p.x, "Content");
	aj_ofd_xml_start(&p.x, "Layer");
	aj_ofd_xml_attr_id(&p.x, "ID", ++o->next_id);
	for (guint i = 0; i < page->ops->len; i++) {
		const AjOp *op = &g_array_index(page->ops, AjOp, i);
		switch (op->kind) {
		case AJ_OP_FRAME:
			frame = frame_matrix(&op->frame);
			break;
		case AJ_OP_GLYPHS:
			text_object(&p, &frame, &op->glyphs);
			break;
		case AJ_OP_FILL:
			fill_object(&p, &frame, &op->fill);
			break;
		case AJ_OP_PATH:
			path_object(&p, &frame, &op->path);
			break;
		case AJ_OP_IMAGE:
			image_object(&p, &frame, &op->image);
			break;
		case AJ_OP_CHART:
			chart_object(&p, &frame, &op->chart);
			break;
		case AJ_OP_OUTLINE:
			bookmark(&p, &op->outline);
			break;
		case AJ_OP_LINK:
			break; /* OFD-A has no actions, so no links */
		}
	}
	aj_ofd_xml_end(&p.x);
	aj_ofd_xml_end(&p.x);
	name = g_strdup_printf("Doc_0/Pages/Page_%u/Content.xml", n);
	aj_ofd_xml_finish(&p.x, o, name);
	if (p.glyph_ids) {
		guint part = o->parts->len - 1;
		g_array_append_val(o->glyph_parts, part);
	}
	g_free(name);
}
