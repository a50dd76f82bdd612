#include "chart/scene.h"

static void clear_item(gpointer data)
{
	AjChartItem *it = data;

	if (it->points != NULL)
		g_array_unref(it->points);
	g_free(it->text);
}

AjChartScene *aj_chart_scene_new(double width, double height)
{
	AjChartScene *s = g_new0(AjChartScene, 1);

	s->width = width;
	s->height = height;
	s->items = g_array_new(FALSE, TRUE, sizeof(AjChartItem));
	g_array_set_clear_func(s->items, clear_item);
	return s;
}

void aj_chart_scene_free(AjChartScene *scene)
{
	if (scene == NULL)
		return;
	g_array_unref(scene->items);
	g_free(scene);
}

static AjChartItem *add(AjChartScene *s, AjChartItemKind kind)
{
	AjChartItem it = { .kind = kind, .fill = AJ_CHART_NO_COLOR, .stroke = AJ_CHART_NO_COLOR };

	g_array_append_val(s->items, it);
	return &g_array_index(s->items, AjChartItem, s->items->len - 1);
}

void aj_chart_scene_rect(AjChartScene *s, double x, double y, double w, double h, guint32 fill,
			 guint32 stroke, double stroke_width)
{
	AjChartItem *it = add(s, AJ_ITEM_RECT);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->fill = fill;
	it->stroke = stroke;
	it->stroke_width = stroke_width;
}

AjChartItem *aj_chart_scene_line(AjChartScene *s, guint32 stroke, double stroke_width,
				 double dash)
{
	AjChartItem *it = add(s, AJ_ITEM_LINE);

	it->stroke = stroke;
	it->stroke_width = stroke_width;
	it->dash = dash;
	it->points = g_array_new(FALSE, FALSE, sizeof(double));
	return it;
}

void aj_chart_scene_point(AjChartItem *line, double x, double y)
{
	g_array_append_val(line->points, x);
	g_array_append_val(line->points, y);
}

void aj_chart_scene_segment(AjChartScene *s, double x0, double y0, double x1, double y1,
			    guint32 stroke, double stroke_width)
{
	AjChartItem *it = aj_chart_scene_line(s, stroke, stroke_width, 0);

	aj_chart_scene_point(it, x0, y0);
	aj_chart_scene_point(it, x1, y1);
}

void aj_chart_scene_marker(AjChartScene *s, AjChartMarkShape shape, double cx, double cy,
			   double size, guint32 fill, guint32 stroke, double stroke_width)
{
	AjChartItem *it = add(s, AJ_ITEM_MARKER);

	it->shape = shape;
	it->x = cx;
	it->y = cy;
	it->w = size;
	it->fill = fill;
	it->stroke = stroke;
	it->stroke_width = stroke_width;
}

void aj_chart_scene_text(AjChartScene *s, const char *text, double x, double y, double size,
			 gboolean bold, guint32 color, AjChartAnchor anchor, double angle)
{
	AjChartItem *it = add(s, AJ_ITEM_TEXT);

	it->text = g_strdup(text);
	it->x = x;
	it->y = y;
	it->size = size;
	it->bold = bold;
	it->fill = color;
	it->anchor = anchor;
	it->angle = angle;
}
