/* Pango layouts recorded as page operations: a PangoRenderer that, instead
 * of drawing, appends to a page exactly the glyph runs and rectangles
 * Pango's Cairo renderer would draw, with the same positions, so a back end
 * replaying them draws what pango_cairo_show_layout_line() would have.
 *
 * Ownership: aj_recorder_new() returns a recorder freed with
 * aj_recorder_free(); it belongs to one thread and keeps no reference to
 * the pages or layouts it records.
 */
#ifndef AJ_TYPESET_RECORD_H
#define AJ_TYPESET_RECORD_H

#include <pango/pango.h>

#include "typeset/ops.h"

typedef struct _AjRecorder AjRecorder;

AjRecorder *aj_recorder_new(void);
void aj_recorder_free(AjRecorder *r);

/* One line of a layout as if drawn with the current point at (x, y) (the
 * start of its baseline), in color unless an attribute sets another. */
void aj_record_line(AjRecorder *r, AjPage *page, PangoLayoutLine *line, double x, double y,
		    AjColor color);
/* A whole layout with its top left corner at (x, y). */
void aj_record_layout(AjRecorder *r, AjPage *page, PangoLayout *layout, double x, double y,
		      AjColor color);

#endif
