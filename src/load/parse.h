/* The state of reading one file, shared by the files of load/ that read
 * XML (reader.c: the node loop; attrs.c: attribute walking; records.c: the
 * records; children.c: what is inside a record; shape.c: which children an
 * element may have).
 *
 * Ownership: a Parse lives on aj_read_file()'s stack; it points into the
 * loader and the model and owns only `text` and `rng_pending`.
 */
#ifndef AJ_LOAD_PARSE_H
#define AJ_LOAD_PARSE_H

#include <stddef.h>
#include <libxml/xmlreader.h>

#include "load/lines.h"
#include "load/loader.h"
#include "load/names.h"
#include "load/values.h"
#include "load/words.h"

typedef enum {
	REC_NONE,
	REC_DISTRICT,
	REC_DEPARTMENT,
	REC_ENTERPRISE,
	REC_INSPECTION,
	REC_HAZARD,
	REC_PENALTY,
	REC_ACCIDENT,
	REC_TRAINING,
	REC_REPORT,
	REC_BLACKLIST,
	REC_NOMINATION,
	REC_EXPOSURE,
	REC_BASELINE,
	REC_PROBLEM_LIST
} RecKind;

/* Attributes of an enterprise history element, before it is stored. */
typedef struct {
	guint grade;
	AjDay from, to, revoked, date;
	guint16 year;
} Child;

typedef struct {
	AjLoader *l;
	AjModel *m;
	xmlTextReaderPtr r;
	AjNames n;
	gboolean file_bad; /* DOCTYPE, entity, encoding: stop reading this file */

	RecKind kind;
	void *rec; /* the record being read; its array grows only between records */
	AjLoc loc;
	int aspect, problem; /* inside a problem-list: indices, -1 outside */

	const char **text_to; /* where the text of the current element goes */
	const char *text_elem;
	int text_depth;
	guint text_line;
	GString *text;
	gboolean in_informant;
	Child child;

	/* Which children the open elements have had, by depth (shape.c). */
	struct {
		const struct AjShape *shape;
		const char *elem;
		guint line;
		guint8 count[8];
	} open[6];
	/* Schema messages of this file, shown only when the loader's own checks
	 * found nothing (they are vaguer): AjPending. */
	GArray *rng_pending;
	guint64 ordinal;    /* elements read so far: the current one's number */
	AjLineScan *lines; /* exact lines past 65535, made when first needed */
	gint64 doctype;    /* line of the <!DOCTYPE, 0 none, -1 not looked up yet */
} Parse;

typedef struct {
	guint line;
	char *msg;
} AjPending;

typedef void (*AttrFn)(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v);

typedef void (*AttrFn)(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v);

/* The attributes an element may have: offsets of their names in AjNames. */
typedef struct {
	gsize name;
	gboolean required;
} AttrSpec;

#define REQ(f) { offsetof(AjNames, f), TRUE }
#define OPT(f) { offsetof(AjNames, f), FALSE }
#define ATTRS(spec) (spec), G_N_ELEMENTS(spec)

/* attrs.c */
/* Calls fn for every known attribute; reports unknown and missing ones. */
void ajp_each_attr(Parse *p, const char *elem, guint line, const AttrSpec *spec, guint n, AttrFn fn);
/* Index of v in values, or -1 after an error naming the allowed values. */
int ajp_one_of(const AjValueCtx *c, const char *attr, const char *v, const char *const *values,
	       guint n);
#define ONE_OF(c, attr, v, values) ajp_one_of((c), (attr), (v), (values), G_N_ELEMENTS(values))
extern const AttrSpec ajp_no_attrs[];
void *ajp_push(GArray *a); /* appends one zeroed element, returns it */
GArray *ajp_lazy(GArray **a, gsize element_size); /* creates *a when NULL */
const char *ajp_intern(Parse *p, const char *v);
guint32 ajp_enterprise_ref(Parse *p, const char *v);
guint32 ajp_department_ref(Parse *p, const AjValueCtx *c, const char *v);
guint32 ajp_district_ref(Parse *p, const AjValueCtx *c, const char *v);
/* A record id, unique within its kind (duplicates reported here). */
const char *ajp_id(Parse *p, const AjValueCtx *c, AjIdKind kind, const char *v);
/* Error unless second is on or after first (both set). */
void ajp_not_before(Parse *p, const char *kind, const char *id, const char *child, AjDay first,
		    const char *first_name, AjDay second, const char *second_name);

/* records.c */
extern const AttrSpec ajp_dataset_spec[1];
void ajp_dataset_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v);
void ajp_start_record(Parse *p, const xmlChar *name, guint line);
void ajp_end_record(Parse *p);

/* children.c */
void ajp_start_child(Parse *p, const xmlChar *name, int depth, guint line);
void ajp_end_element(Parse *p, int depth);

/* reader.c */
guint ajp_node_line(Parse *p);
void ajp_end_text(Parse *p);

/* shape.c: unknown, repeated and missing child elements. */
void ajp_shape_open(Parse *p, const xmlChar *name, int depth, guint line);
void ajp_shape_close(Parse *p, int depth);

#endif