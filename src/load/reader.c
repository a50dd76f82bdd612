/* Streaming one input file into the model.
 *
 * libxml2's xmlTextReader walks the file node by node while the embedded
 * RELAX NG schema validates it; records are built directly from the nodes,
 * so memory stays flat however large the file.  Depth tells what a node is:
 * 0 <dataset>, 1 a record, 2 a child of a record (3 and 4 inside a
 * problem-list: problem, then its children).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <libxml/xmlreader.h>

#include "load/loader.h"
#include "load/names.h"
#include "load/values.h"
#include "model/credit_code.h"
#include "util/error.h"

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
} Parse;

typedef void (*AttrFn)(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v);

static guint node_line(Parse *p)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(p->r);
	long line = node != NULL ? xmlGetLineNo(node) : -1;

	if (line <= 0 || line >= 65535)
		line = xmlTextReaderGetParserLineNumber(p->r);
	return line > 0 ? (guint)line : 0;
}

/* libxml2 messages can quote pieces of the input (entity names, bytes of a
 * bad UTF-8 sequence) and those may come from an <informant>: keep the first
 * line only and elide every quoted part. */
static char *sanitize(const char *msg)
{
	GString *s = g_string_new(NULL);
	gboolean quoted = FALSE;

	for (const char *c = msg != NULL ? msg : "error"; *c != '\0' && *c != '\n'; c++) {
		if (*c == '\'') {
			if (!quoted)
				g_string_append(s, "'…'");
			quoted = !quoted;
		} else if (!quoted) {
			g_string_append_c(s, *c);
		}
	}
	return g_string_free(s, FALSE);
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	Parse *p = ctx;
	guint line = 0;

	if (e == NULL || e->level < XML_ERR_ERROR || p->l->stop)
		return;
	/* Attribute names and values are checked by each_attr() and values.c with
	 * messages that name them; libxml2's say "failed to validate attributes". */
	if (e->domain == XML_FROM_RELAXNGV &&
	    (e->code == XML_RELAXNG_ERR_ATTRVALID || e->code == XML_RELAXNG_ERR_INVALIDATTR ||
	     e->code == XML_RELAXNG_ERR_TYPECMP || e->code == XML_RELAXNG_ERR_TYPEVAL ||
	     e->code == XML_RELAXNG_ERR_VALUE || e->code == XML_RELAXNG_ERR_DATATYPE ||
	     e->code == XML_RELAXNG_ERR_TYPE)) {
		return;
	}
	if (e->node != NULL)
		line = (guint)MAX(0, xmlGetLineNo(e->node));
	if (line == 0 || line >= 65535)
		line = e->line > 0 ? (guint)e->line : node_line(p);
	char *msg = sanitize(e->message);
	if (e->domain == XML_FROM_RELAXNGV) {
		if (p->in_informant)
			aj_loader_error(p->l, line, "report: informant is not valid (its text is never "
						    "shown); it must be plain text");
		else
			aj_loader_error(p->l, line, "%s; make it match data-format.md", msg);
	} else {
		aj_loader_error(p->l, line, "not well-formed XML: %s; fix the markup", msg);
	}
	g_free(msg);
}

static void *push(GArray *a)
{
	g_array_set_size(a, a->len + 1);
	return &g_array_index(a, char, (gsize)(a->len - 1) * g_array_get_element_size(a));
}

/* The attributes an element may have: offsets of their names in AjNames. */
typedef struct {
	gsize name;
	gboolean required;
} AttrSpec;

#define REQ(f) { offsetof(AjNames, f), TRUE }
#define OPT(f) { offsetof(AjNames, f), FALSE }
#define ATTRS(spec) (spec), G_N_ELEMENTS(spec)

static const xmlChar *spec_name(const Parse *p, const AttrSpec *s)
{
	return *(const xmlChar *const *)(const void *)((const char *)&p->n + s->name);
}

/* Calls fn for every known attribute; reports unknown and missing ones
 * itself, with names (libxml2 only says "failed to validate attributes"). */
static void each_attr(Parse *p, const char *elem, guint line, const AttrSpec *spec, guint n,
		      AttrFn fn)
{
	AjValueCtx c = { p->l, line, elem };
	guint32 seen = 0;

	for (int ok = xmlTextReaderMoveToFirstAttribute(p->r); ok == 1;
	     ok = xmlTextReaderMoveToNextAttribute(p->r)) {
		const xmlChar *a = xmlTextReaderConstName(p->r);
		const char *v = (const char *)xmlTextReaderConstValue(p->r);
		guint i = 0;
		while (i < n && spec_name(p, &spec[i]) != a)
			i++;
		if (i == n) {
			GString *allowed = g_string_new(NULL);
			for (guint j = 0; j < n; j++)
				g_string_append_printf(allowed, "%s%s", j > 0 ? ", " : "",
						       (const char *)spec_name(p, &spec[j]));
			aj_loader_error(p->l, line, "<%s> has an unknown attribute %s; %s%s", elem,
					(const char *)a, n > 0 ? "allowed are: " : "it takes none",
					allowed->str);
			g_string_free(allowed, TRUE);
			continue;
		}
		seen |= 1u << i;
		fn(p, &c, a, v != NULL ? v : "");
	}
	xmlTextReaderMoveToElement(p->r);
	for (guint i = 0; i < n; i++)
		if (spec[i].required && !(seen & (1u << i)))
			aj_loader_error(p->l, line, "<%s> lacks the attribute %s; add it", elem,
					(const char *)spec_name(p, &spec[i]));
}

/* One of a fixed set of values (enumerations of data-format.md); -1 and an
 * error otherwise. */
static int one_of(const AjValueCtx *c, const char *attr, const char *v, const char *const *values,
		  guint n)
{
	for (guint i = 0; i < n; i++)
		if (strcmp(v, values[i]) == 0)
			return (int)i;
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < n; i++)
		g_string_append_printf(s, "%s%s", i > 0 ? ", " : "", values[i]);
	aj_loader_error(c->l, c->line, "%s %s '%s' is not one of: %s", c->elem, attr, v, s->str);
	g_string_free(s, TRUE);
	return -1;
}

#define ONE_OF(c, attr, v, values) one_of((c), (attr), (v), (values), G_N_ELEMENTS(values))

static const char *intern(Parse *p, const char *v)
{
	return aj_model_intern(p->m, v);
}

static guint32 enterprise_ref(Parse *p, const char *v)
{
	return aj_ref_slot(&p->l->enterprise_refs, intern(p, v));
}

static guint32 department_ref(Parse *p, const AjValueCtx *c, const char *v)
{
	const char *id = aj_value_label(c, "department", v);
	return id != NULL ? aj_ref_slot(&p->l->department_refs, id) : AJ_NONE;
}

/* "second must not be before first" of data-format.md. */
static void not_before(Parse *p, const char *what, AjDay first, const char *first_name,
		       AjDay second, const char *second_name)
{
	char a[11], b[11];

	if (first == AJ_DAY_NONE || second == AJ_DAY_NONE || second >= first)
		return;
	aj_loader_error(p->l, p->loc.line, "%s: %s %s is before %s %s; correct one of the dates",
			what, second_name, aj_day_format(second, b), first_name, aj_day_format(first, a));
}

/* ---- records: attributes ------------------------------------------------ */

static void district_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjDistrict *d = p->rec;

	if (a == p->n.code && aj_value_district_code(c, "code", v))
		d->code = intern(p, v);
	else if (a == p->n.name)
		d->name = aj_value_label(c, "name", v);
}

static void department_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjDepartment *d = p->rec;

	if (a == p->n.id)
		d->id = aj_value_label(c, "id", v);
	else if (a == p->n.name)
		d->name = aj_value_label(c, "name", v);
}

static void enterprise_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjEnterprise *e = p->rec;

	if (a == p->n.id) {
		if (aj_credit_code_valid(v)) {
			e->id = intern(p, v);
		} else if (strlen(v) == 18 && aj_credit_code_check_char(v) != '\0') {
			aj_loader_error(p->l, c->line,
					"enterprise id '%s': wrong check character '%c' (the code "
					"gives '%c'); correct the unified social credit code",
					v, v[17], aj_credit_code_check_char(v));
		} else {
			aj_loader_error(p->l, c->line,
					"enterprise id '%s' is not a unified social credit code; write "
					"its 18 characters (0-9, A-Y without I O S V Z)", v);
		}
	} else if (a == p->n.district) {
		if (aj_value_district_code(c, "district", v))
			e->district = aj_ref_slot(&p->l->district_refs, intern(p, v));
	} else if (a == p->n.industry) {
		if (!aj_industry_from_code(v, &e->industry))
			aj_loader_error(p->l, c->line, "enterprise industry '%s' is unknown; use a code "
					"of the industry table of data-format.md", v);
	} else if (a == p->n.scale) {
		static const char *const scales[] = { "below", "above" };
		e->scale_above = ONE_OF(c, "scale", v, scales) == 1;
	} else if (a == p->n.employees) {
		aj_value_count(c, "employees", v, &e->employees);
	} else if (a == p->n.revenue) {
		aj_value_money(c, "revenue", v, &e->revenue);
	} else if (a == p->n.status) {
		static const char *const states[] = { "active", "closed" };
		e->closed = ONE_OF(c, "status", v, states) == 1;
	}
}

static void inspection_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjInspection *r = p->rec;
	static const char *const modes[] = { "double-random", "four-no-two-direct", "covert",
					     "joint", "routine" };
	int i;

	if (a == p->n.id)
		r->id = aj_value_label(c, "id", v);
	else if (a == p->n.enterprise)
		r->enterprise = enterprise_ref(p, v);
	else if (a == p->n.department)
		r->department = department_ref(p, c, v);
	else if (a == p->n.date)
		aj_value_day(c, "date", v, &r->date);
	else if (a == p->n.mode && (i = ONE_OF(c, "mode", v, modes)) >= 0)
		r->mode = (AjInspectionMode)i;
}

static void hazard_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjHazard *r = p->rec;
	static const char *const levels[] = { "general", "major" };
	/* in the order of AjListed */
	static const char *const listings[] = { "district", "city", "province" };
	int i;

	if (a == p->n.id)
		r->id = aj_value_label(c, "id", v);
	else if (a == p->n.enterprise)
		r->enterprise = enterprise_ref(p, v);
	else if (a == p->n.level)
		r->major = ONE_OF(c, "level", v, levels) == 1;
	else if (a == p->n.found)
		aj_value_day(c, "found", v, &r->found);
	else if (a == p->n.deadline)
		aj_value_day(c, "deadline", v, &r->deadline);
	else if (a == p->n.rectified)
		aj_value_day(c, "rectified", v, &r->rectified);
	else if (a == p->n.listed && (i = ONE_OF(c, "listed", v, listings)) >= 0)
		r->listed = (AjListed)(AJ_LISTED_DISTRICT + i);
}

static void penalty_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjPenalty *r = p->rec;

	if (a == p->n.id)
		r->id = aj_value_label(c, "id", v);
	else if (a == p->n.enterprise)
		r->enterprise = enterprise_ref(p, v);
	else if (a == p->n.department)
		r->department = department_ref(p, c, v);
	else if (a == p->n.date)
		aj_value_day(c, "date", v, &r->date);
	else if (a == p->n.fine)
		aj_value_money(c, "fine", v, &r->fine);
	else if (a == p->n.suspension)
		aj_value_bool(c, "suspension", v, &r->suspension);
	else if (a == p->n.serious)
		aj_value_bool(c, "serious", v, &r->serious);
}

static void accident_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjAccident *r = p->rec;

	if (a == p->n.id)
		r->id = aj_value_label(c, "id", v);
	else if (a == p->n.enterprise)
		r->enterprise = enterprise_ref(p, v);
	else if (a == p->n.date)
		aj_value_day(c, "date", v, &r->date);
	else if (a == p->n.type) {
		if (aj_value_ascii(c, "type", v))
			r->type = intern(p, v);
	} else if (a == p->n.deaths)
		aj_value_count(c, "deaths", v, &r->deaths);
	else if (a == p->n.injuries)
		aj_value_count(c, "injuries", v, &r->injuries);
	else if (a == p->n.loss)
		aj_value_money(c, "loss", v, &r->loss);
}

static void training_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjTraining *r = p->rec;

	if (a == p->n.enterprise)
		r->enterprise = enterprise_ref(p, v);
	else if (a == p->n.month)
		aj_value_month(c, "month", v, &r->month);
	else if (a == p->n.staff)
		aj_value_count(c, "staff", v, &r->staff);
	else if (a == p->n.trained)
		aj_value_count(c, "trained", v, &r->trained);
	else if (a == p->n.drills)
		aj_value_count(c, "drills", v, &r->drills);
	else if (a == p->n.warning_education)
		aj_value_count(c, "warning-education", v, &r->warning_education);
}

static void report_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjReport *r = p->rec;
	gboolean b;

	if (a == p->n.id)
		r->id = aj_value_label(c, "id", v);
	else if (a == p->n.enterprise)
		r->enterprise = enterprise_ref(p, v);
	else if (a == p->n.received)
		aj_value_day(c, "received", v, &r->received);
	else if (a == p->n.deadline)
		aj_value_day(c, "deadline", v, &r->deadline);
	else if (a == p->n.replied)
		aj_value_day(c, "replied", v, &r->replied);
	else if (a == p->n.substantiated) {
		if (aj_value_bool(c, "substantiated", v, &b))
			r->substantiated = b ? AJ_TRI_TRUE : AJ_TRI_FALSE;
	} else if (a == p->n.reward)
		aj_value_money(c, "reward", v, &r->reward);
}

static void blacklist_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjBlacklist *r = p->rec;

	if (a == p->n.enterprise)
		r->enterprise = enterprise_ref(p, v);
	else if (a == p->n.from)
		aj_value_day(c, "from", v, &r->from);
	else if (a == p->n.to)
		aj_value_day(c, "to", v, &r->to);
	else if (a == p->n.reason)
		r->reason = aj_value_label(c, "reason", v);
}

static void nomination_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjNomination *r = p->rec;

	if (a == p->n.enterprise)
		r->enterprise = enterprise_ref(p, v);
	else if (a == p->n.department)
		r->department = department_ref(p, c, v);
	else if (a == p->n.quarter)
		aj_value_quarter(c, "quarter", v, &r->quarter);
}

static void exposure_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjExposure *r = p->rec;

	if (a == p->n.enterprise)
		r->enterprise = enterprise_ref(p, v);
	else if (a == p->n.department)
		r->department = department_ref(p, c, v);
	else if (a == p->n.month)
		aj_value_month(c, "month", v, &r->month);
}

static void baseline_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjBaseline *r = p->rec;

	if (a == p->n.district) {
		if (aj_value_district_code(c, "district", v))
			r->district = aj_ref_slot(&p->l->district_refs, intern(p, v));
	} else if (a == p->n.month)
		aj_value_month(c, "month", v, &r->month);
	else if (a == p->n.inspections)
		aj_value_count(c, "inspections", v, &r->inspections);
	else if (a == p->n.penalties)
		aj_value_count(c, "penalties", v, &r->penalties);
	else if (a == p->n.fines)
		aj_value_money(c, "fines", v, &r->fines);
	else if (a == p->n.accidents)
		aj_value_count(c, "accidents", v, &r->accidents);
	else if (a == p->n.deaths)
		aj_value_count(c, "deaths", v, &r->deaths);
}

static void problem_list_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjProblemList *r = p->rec;

	if (a == p->n.id)
		r->id = aj_value_label(c, "id", v);
	else if (a == p->n.source)
		r->source = aj_value_label(c, "source", v);
	else if (a == p->n.batch)
		r->batch = aj_value_label(c, "batch", v);
	else if (a == p->n.issued)
		aj_value_day(c, "issued", v, &r->issued);
}

/* ---- enterprise histories ------------------------------------------------ */


static void history_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	static const char *const grades[] = { "1", "2", "3" };
	Child *h = &p->child;

	if (a == p->n.grade)
		h->grade = (guint)(ONE_OF(c, "grade", v, grades) + 1);
	else if (a == p->n.from)
		aj_value_day(c, "from", v, &h->from);
	else if (a == p->n.to)
		aj_value_day(c, "to", v, &h->to);
	else if (a == p->n.revoked)
		aj_value_day(c, "revoked", v, &h->revoked);
	else if (a == p->n.year)
		aj_value_year(c, "year", v, &h->year);
	else
		aj_value_day(c, (const char *)a, v, &h->date); /* signed, reported, published */
}

static const AttrSpec standardization_spec[] = { REQ(grade), REQ(from), REQ(to), OPT(revoked) };
static const AttrSpec span_spec[] = { REQ(from), OPT(to) };
static const AttrSpec insurance_spec[] = { REQ(from), REQ(to) };
static const AttrSpec commitment_spec[] = { REQ(year), REQ(signed_) };
static const AttrSpec self_inspection_spec[] = { REQ(year), REQ(reported) };
static const AttrSpec responsibility_spec[] = { REQ(published) };

static GArray *lazy(GArray **a, gsize size)
{
	if (*a == NULL)
		*a = g_array_new(FALSE, TRUE, (guint)size);
	return *a;
}

static void enterprise_child(Parse *p, const xmlChar *name, guint line)
{
	AjEnterprise *e = p->rec;
	Child h = { 0 };
	char what[64];
	AjLoc saved = p->loc;

	g_snprintf(what, sizeof what, "enterprise %s: %s", e->id != NULL ? e->id : "?",
		   (const char *)name);
	const char *elem = (const char *)name;

	memset(&p->child, 0, sizeof p->child);
	if (name == p->n.standardization)
		each_attr(p, elem, line, ATTRS(standardization_spec), history_attr);
	else if (name == p->n.safety_director)
		each_attr(p, elem, line, ATTRS(span_spec), history_attr);
	else if (name == p->n.insurance)
		each_attr(p, elem, line, ATTRS(insurance_spec), history_attr);
	else if (name == p->n.commitment)
		each_attr(p, elem, line, ATTRS(commitment_spec), history_attr);
	else if (name == p->n.self_inspection)
		each_attr(p, elem, line, ATTRS(self_inspection_spec), history_attr);
	else if (name == p->n.responsibility_list)
		each_attr(p, elem, line, ATTRS(responsibility_spec), history_attr);
	h = p->child;
	p->loc.line = line; /* date-order messages point at the child */
	if (name == p->n.standardization) {
		AjGrade g = { (guint8)h.grade, h.from, h.to, h.revoked };
		not_before(p, what, h.from, "from", h.to, "to");
		g_array_append_val(lazy(&e->grades, sizeof g), g);
	} else if (name == p->n.safety_director || name == p->n.insurance) {
		AjSpan s = { h.from, h.to };
		not_before(p, what, h.from, "from", h.to, "to");
		g_array_append_val(lazy(name == p->n.insurance ? &e->insurances : &e->directors,
					sizeof s), s);
	} else if (name == p->n.commitment || name == p->n.self_inspection) {
		AjYearly y = { h.year, h.date };
		g_array_append_val(lazy(name == p->n.commitment ? &e->commitments
								 : &e->self_inspections, sizeof y), y);
	} else if (name == p->n.responsibility_list) {
		g_array_append_val(lazy(&e->responsibility_lists, sizeof h.date), h.date);
	}
	p->loc = saved;
}

/* ---- problem lists -------------------------------------------------------- */

static AjAspect *cur_aspect(Parse *p)
{
	AjProblemList *pl = p->rec;
	return p->aspect < 0 ? NULL : &g_array_index(pl->aspects, AjAspect, p->aspect);
}

static AjProblem *cur_problem(Parse *p)
{
	AjAspect *a = cur_aspect(p);
	return a == NULL || p->problem < 0 ? NULL : &g_array_index(a->problems, AjProblem, p->problem);
}

static void aspect_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	if (a == p->n.title)
		cur_aspect(p)->title = aj_value_label(c, "title", v);
}

static void problem_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjProblem *r = cur_problem(p);
	/* in the order of AjProblemStatus */
	static const char *const states[] = { "done", "in-progress", "long-term" };
	int i;

	if (a == p->n.id)
		r->id = aj_value_label(c, "id", v);
	else if (a == p->n.responsible)
		r->responsible = aj_value_label(c, "responsible", v);
	else if (a == p->n.deadline)
		aj_value_day(c, "deadline", v, &r->deadline);
	else if (a == p->n.status && (i = ONE_OF(c, "status", v, states)) >= 0)
		r->status = (AjProblemStatus)i;
	else if (a == p->n.closed)
		aj_value_day(c, "closed", v, &r->closed);
}

static void progress_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjProblem *r = cur_problem(p);

	if (a == p->n.date)
		aj_value_day(c, "date", v,
			     &g_array_index(r->progress, AjProgress, r->progress->len - 1).date);
}

static const AttrSpec aspect_spec[] = { REQ(title) };
static const AttrSpec problem_spec[] = { REQ(id), REQ(responsible), OPT(deadline), REQ(status),
					 OPT(closed) };
static const AttrSpec progress_spec[] = { REQ(date) };

/* Status rules of data-format.md, checked when the problem ends. */
static void problem_end(Parse *p)
{
	AjProblemList *pl = p->rec;
	AjProblem *r = cur_problem(p);
	const char *id = r->id != NULL ? r->id : "?";
	AjLoc saved = p->loc;
	char what[128];

	p->loc = r->loc;
	g_snprintf(what, sizeof what, "problem %s", id);
	if (r->deadline == AJ_DAY_NONE && r->status != AJ_PROBLEM_LONG_TERM)
		aj_loader_error(p->l, r->loc.line, "problem %s: deadline is missing; only a "
				"long-term problem may have none", id);
	if (r->status == AJ_PROBLEM_DONE && r->closed == AJ_DAY_NONE)
		aj_loader_error(p->l, r->loc.line, "problem %s: status done needs closed=\"YYYY-MM-DD\"; "
				"add the closing date", id);
	if (r->status != AJ_PROBLEM_DONE && r->closed != AJ_DAY_NONE)
		aj_loader_error(p->l, r->loc.line, "problem %s: closed is only allowed with status "
				"done; remove it or set the status", id);
	not_before(p, what, pl->issued, "the list's issued", r->closed, "closed");
	if (r->id != NULL) {
		AjIdLoc il = { r->id, r->loc };
		g_array_append_val(p->l->problem_ids, il);
	}
	p->loc = saved;
	p->problem = -1;
}

static void problem_list_child(Parse *p, const xmlChar *name, int depth, guint line)
{
	AjProblemList *pl = p->rec;
	AjLoc loc = { p->l->file, line };

	if (depth == 2 && name == p->n.aspect) {
		push(lazy(&pl->aspects, sizeof(AjAspect)));
		p->aspect = (int)pl->aspects->len - 1;
		p->problem = -1;
		each_attr(p, "aspect", line, ATTRS(aspect_spec), aspect_attr);
	} else if (depth == 3 && name == p->n.problem && p->aspect >= 0) {
		AjAspect *a = cur_aspect(p);
		AjProblem *r = push(lazy(&a->problems, sizeof(AjProblem)));
		r->loc = loc;
		p->problem = (int)a->problems->len - 1;
		each_attr(p, "problem", line, ATTRS(problem_spec), problem_attr);
	} else if (depth == 4 && p->problem >= 0) {
		AjProblem *r = cur_problem(p);
		if (name == p->n.description) {
			p->text_to = &r->description;
		} else if (name == p->n.measures) {
			p->text_to = &r->measures;
		} else if (name == p->n.progress) {
			AjProgress *g = push(lazy(&r->progress, sizeof(AjProgress)));
			each_attr(p, "progress", line, ATTRS(progress_spec), progress_attr);
			p->text_to = &g->text;
		}
	}
}

/* ---- record start and end -------------------------------------------------- */

static const AttrSpec district_attr_spec[] = { REQ(code), REQ(name) };
static const AttrSpec department_attr_spec[] = { REQ(id), REQ(name) };
static const AttrSpec enterprise_attr_spec[] = { REQ(id), REQ(district), REQ(industry), REQ(scale),
						 REQ(employees), REQ(revenue), REQ(status) };
static const AttrSpec inspection_attr_spec[] = { REQ(id), REQ(enterprise), REQ(department),
						 REQ(date), REQ(mode) };
static const AttrSpec hazard_attr_spec[] = { REQ(id), REQ(enterprise), REQ(level), REQ(found),
					     REQ(deadline), OPT(rectified), OPT(listed) };
static const AttrSpec penalty_attr_spec[] = { REQ(id), REQ(enterprise), REQ(department), REQ(date),
					      REQ(fine), OPT(suspension), OPT(serious) };
static const AttrSpec accident_attr_spec[] = { REQ(id), REQ(enterprise), REQ(date), REQ(type),
					       REQ(deaths), REQ(injuries), REQ(loss) };
static const AttrSpec training_attr_spec[] = { REQ(enterprise), REQ(month), REQ(staff),
					       REQ(trained), REQ(drills), REQ(warning_education) };
static const AttrSpec report_attr_spec[] = { REQ(id), OPT(enterprise), REQ(received),
					     REQ(deadline), OPT(replied), OPT(substantiated),
					     OPT(reward) };
static const AttrSpec blacklist_attr_spec[] = { REQ(enterprise), REQ(from), OPT(to), REQ(reason) };
static const AttrSpec nomination_attr_spec[] = { REQ(enterprise), REQ(department), REQ(quarter) };
static const AttrSpec exposure_attr_spec[] = { REQ(enterprise), REQ(department), REQ(month) };
static const AttrSpec baseline_attr_spec[] = { REQ(district), REQ(month), REQ(inspections),
					       REQ(penalties), REQ(fines), REQ(accidents),
					       REQ(deaths) };
static const AttrSpec problem_list_attr_spec[] = { REQ(id), REQ(source), REQ(batch), REQ(issued) };
static const AttrSpec dataset_spec[] = { REQ(version) };
static const AttrSpec no_attrs[] = { { 0, FALSE } }; /* used with n = 0 */

static void dataset_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	if (strcmp(v, "1") != 0)
		aj_loader_error(p->l, c->line, "dataset version '%s' is not supported; this anjian "
				"reads version 1 (data-format.md)", v);
}

static void start_record(Parse *p, const xmlChar *name, guint line)
{
	AjModel *m = p->m;

	p->loc = (AjLoc){ p->l->file, line };
	p->aspect = p->problem = -1;
#define START(KIND, array, Type, attrs, init)                                 \
	do {                                                                  \
		Type *r_ = push(m->array);                                    \
		r_->loc = p->loc;                                             \
		init;                                                         \
		p->kind = KIND;                                               \
		p->rec = r_;                                                  \
		each_attr(p, (const char *)name, line, ATTRS(attrs##_spec), attrs); \
		return;                                                       \
	} while (0)
	if (name == p->n.inspection)
		START(REC_INSPECTION, inspections, AjInspection, inspection_attr,
		      (r_->enterprise = r_->department = AJ_NONE));
	if (name == p->n.training)
		START(REC_TRAINING, trainings, AjTraining, training_attr, (r_->enterprise = AJ_NONE));
	if (name == p->n.hazard)
		START(REC_HAZARD, hazards, AjHazard, hazard_attr, (r_->enterprise = AJ_NONE));
	if (name == p->n.penalty)
		START(REC_PENALTY, penalties, AjPenalty, penalty_attr,
		      (r_->enterprise = r_->department = AJ_NONE));
	if (name == p->n.report)
		START(REC_REPORT, reports, AjReport, report_attr,
		      (r_->enterprise = AJ_NONE, r_->reward = -1, r_->anonymous = TRUE));
	if (name == p->n.enterprise)
		START(REC_ENTERPRISE, enterprises, AjEnterprise, enterprise_attr,
		      (r_->district = AJ_NONE));
	if (name == p->n.accident)
		START(REC_ACCIDENT, accidents, AjAccident, accident_attr, (r_->enterprise = AJ_NONE));
	if (name == p->n.baseline)
		START(REC_BASELINE, baselines, AjBaseline, baseline_attr, (r_->district = AJ_NONE));
	if (name == p->n.blacklist)
		START(REC_BLACKLIST, blacklists, AjBlacklist, blacklist_attr,
		      (r_->enterprise = AJ_NONE));
	if (name == p->n.nomination)
		START(REC_NOMINATION, nominations, AjNomination, nomination_attr,
		      (r_->enterprise = r_->department = AJ_NONE));
	if (name == p->n.exposure)
		START(REC_EXPOSURE, exposures, AjExposure, exposure_attr,
		      (r_->enterprise = r_->department = AJ_NONE));
	if (name == p->n.district)
		START(REC_DISTRICT, districts, AjDistrict, district_attr, (void)0);
	if (name == p->n.department)
		START(REC_DEPARTMENT, departments, AjDepartment, department_attr, (void)0);
	if (name == p->n.problem_list)
		START(REC_PROBLEM_LIST, problem_lists, AjProblemList, problem_list_attr, (void)0);
#undef START
	p->kind = REC_NONE; /* unknown: the schema reports it */
	p->rec = NULL;
}

/* Children of a record (depth 2): where their text goes. */
static void start_child(Parse *p, const xmlChar *name, int depth, guint line)
{
	switch (p->kind) {
	case REC_ENTERPRISE: {
		AjEnterprise *e = p->rec;
		if (name == p->n.name)
			p->text_to = &e->name;
		else if (name == p->n.address)
			p->text_to = &e->address;
		else
			enterprise_child(p, name, line);
		break;
	}
	case REC_HAZARD:
		if (name == p->n.description)
			p->text_to = &((AjHazard *)p->rec)->description;
		break;
	case REC_PENALTY:
		if (name == p->n.violation)
			p->text_to = &((AjPenalty *)p->rec)->violation;
		break;
	case REC_ACCIDENT:
		if (name == p->n.summary)
			p->text_to = &((AjAccident *)p->rec)->summary;
		break;
	case REC_REPORT:
		if (name == p->n.content) {
			p->text_to = &((AjReport *)p->rec)->content;
		} else if (name == p->n.informant) {
			/* validated by the schema, never copied: only its presence counts */
			((AjReport *)p->rec)->anonymous = FALSE;
			p->in_informant = TRUE;
		}
		break;
	case REC_NOMINATION:
		if (name == p->n.reason)
			p->text_to = &((AjNomination *)p->rec)->reason;
		break;
	case REC_EXPOSURE:
		if (name == p->n.problem)
			p->text_to = &((AjExposure *)p->rec)->problem;
		else if (name == p->n.handling)
			p->text_to = &((AjExposure *)p->rec)->handling;
		break;
	case REC_PROBLEM_LIST:
		problem_list_child(p, name, depth, line);
		break;
	default:
		break;
	}
	if ((p->text_to != NULL && name != p->n.progress) || p->in_informant)
		each_attr(p, (const char *)name, line, no_attrs, 0, NULL);
	if (p->text_to != NULL) {
		g_string_truncate(p->text, 0);
		p->text_elem = (const char *)name;
		p->text_depth = depth;
		p->text_line = line;
	}
}

static gboolean is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void end_text(Parse *p)
{
	char *s = p->text->str;
	gsize n = p->text->len;

	while (n > 0 && is_xml_space(s[n - 1]))
		n--;
	s[n] = '\0';
	while (is_xml_space(*s))
		s++;
	if (*s == '\0')
		aj_loader_error(p->l, p->text_line, "<%s> is empty; write its text or remove it",
				p->text_elem);
	else
		*p->text_to = intern(p, s);
	p->text_to = NULL;
}

static void end_record(Parse *p)
{
	AjLoader *l = p->l;
	AjModel *m = p->m;
	char what[160];

	switch (p->kind) {
	case REC_DEPARTMENT: {
		AjDepartment *d = p->rec;
		guint32 first = aj_model_department_index(m, d->id);
		if (d->id == NULL)
			break;
		if (first != AJ_NONE) {
			char *at = aj_model_loc_string(m, g_array_index(m->departments, AjDepartment, first).loc);
			aj_loader_error(l, d->loc.line, "duplicate department id '%s' (first at %s); "
					"give each department its own id", d->id, at);
			g_free(at);
		} else {
			g_hash_table_insert(m->department_by_id, (gpointer)d->id,
					    GUINT_TO_POINTER(m->departments->len));
		}
		break;
	}
	case REC_ENTERPRISE: {
		AjEnterprise *e = p->rec;
		guint32 first = aj_model_enterprise_index(m, e->id);
		if (e->id == NULL)
			break;
		if (first != AJ_NONE) {
			char *at = aj_model_loc_string(m, AJ_ENTERPRISE(m, first)->loc);
			aj_loader_error(l, e->loc.line, "duplicate enterprise id %s (first at %s); "
					"merge the two records", e->id, at);
			g_free(at);
		} else {
			g_hash_table_insert(m->enterprise_by_id, (gpointer)e->id,
					    GUINT_TO_POINTER(m->enterprises->len));
		}
		break;
	}
	case REC_HAZARD: {
		AjHazard *r = p->rec;
		g_snprintf(what, sizeof what, "hazard %s", r->id != NULL ? r->id : "?");
		not_before(p, what, r->found, "found", r->deadline, "deadline");
		not_before(p, what, r->found, "found", r->rectified, "rectified");
		break;
	}
	case REC_REPORT: {
		AjReport *r = p->rec;
		g_snprintf(what, sizeof what, "report %s", r->id != NULL ? r->id : "?");
		not_before(p, what, r->received, "received", r->deadline, "deadline");
		not_before(p, what, r->received, "received", r->replied, "replied");
		break;
	}
	case REC_BLACKLIST: {
		AjBlacklist *r = p->rec;
		not_before(p, "blacklist", r->from, "from", r->to, "to");
		break;
	}
	case REC_TRAINING: {
		AjTraining *r = p->rec;
		if (r->trained > r->staff)
			aj_loader_error(l, r->loc.line, "training: trained %u is more than staff %u; "
					"correct the counts", r->trained, r->staff);
		break;
	}
	default:
		break;
	}
	p->kind = REC_NONE;
	p->rec = NULL;
}

static void end_element(Parse *p, int depth)
{
	if (p->text_to != NULL && depth == p->text_depth)
		end_text(p);
	if (p->in_informant && depth == 2)
		p->in_informant = FALSE;
	if (p->kind == REC_PROBLEM_LIST) {
		if (depth == 3 && p->problem >= 0)
			problem_end(p);
		else if (depth == 2)
			p->aspect = -1;
	}
	if (depth == 1 && p->kind != REC_NONE)
		end_record(p);
}

/* ---- the file -------------------------------------------------------------- */

/* UTF-16/32 input is detected from its first bytes: libxml2 would decode it,
 * but data-format.md allows UTF-8 only. */
static gboolean sniff_utf8(AjLoader *l)
{
	unsigned char b[4] = { 1, 1, 1, 1 };
	FILE *f = fopen(l->path, "rb");

	if (f == NULL)
		return TRUE; /* the reader reports it */
	size_t n = fread(b, 1, sizeof b, f);
	fclose(f);
	if (n >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) ||
		       b[0] == 0 || b[1] == 0)) {
		aj_loader_error(l, 1, "the file is not UTF-8 (UTF-16 or UTF-32); save it as UTF-8");
		return FALSE;
	}
	return TRUE;
}

gboolean aj_read_file(AjLoader *l, xmlRelaxNGPtr schema)
{
	Parse p = { 0 };
	int ret = 1;
	gboolean first = TRUE;
	guint errors_before = l->errors->len;

	if (!sniff_utf8(l))
		return FALSE;
	p.l = l;
	p.m = l->model;
	p.aspect = p.problem = -1;
	/* No NOENT (entities stay unexpanded), no DTDLOAD, no XINCLUDE, no network. */
	p.r = xmlReaderForFile(l->path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	if (p.r == NULL) {
		aj_loader_error(l, 0, "cannot open the file; check that it exists and is readable");
		return FALSE;
	}
	p.text = g_string_sized_new(256);
	xmlTextReaderSetStructuredErrorHandler(p.r, on_xml_error, &p);
	if (xmlTextReaderRelaxNGSetSchema(p.r, schema) != 0)
		aj_loader_error(l, 0, "cannot attach the schema (internal error); report this bug");
	aj_names_init(&p.n, p.r);

	while (!l->stop && !p.file_bad && (ret = xmlTextReaderRead(p.r)) == 1) {
		int type = xmlTextReaderNodeType(p.r);

		if (first) {
			const char *enc = (const char *)xmlTextReaderConstEncoding(p.r);
			first = FALSE;
			if (enc != NULL && g_ascii_strcasecmp(enc, "UTF-8") != 0) {
				aj_loader_error(l, 1, "the file declares encoding %s; only UTF-8 is "
						"allowed: convert it to UTF-8", enc);
				p.file_bad = TRUE;
				break;
			}
		}
		switch (type) {
		case XML_READER_TYPE_ELEMENT: {
			int depth = xmlTextReaderDepth(p.r);
			const xmlChar *name = xmlTextReaderConstName(p.r);
			guint line = node_line(&p);
			if (xmlTextReaderConstNamespaceUri(p.r) != NULL) {
				aj_loader_error(l, line, "element <%s> is in a namespace; namespaces and "
						"XInclude are not allowed: remove the prefix/xmlns",
						(const char *)name);
				break;
			}
			if (depth == 0 && name == p.n.dataset)
				each_attr(&p, "dataset", line, ATTRS(dataset_spec), dataset_attr);
			else if (depth == 1)
				start_record(&p, name, line);
			else if (depth >= 2 && p.kind != REC_NONE && p.text_to == NULL &&
				 !p.in_informant)
				start_child(&p, name, depth, line);
			if (xmlTextReaderIsEmptyElement(p.r))
				end_element(&p, depth);
			break;
		}
		case XML_READER_TYPE_END_ELEMENT:
			end_element(&p, xmlTextReaderDepth(p.r));
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			if (p.text_to != NULL)
				g_string_append(p.text, (const char *)xmlTextReaderConstValue(p.r));
			break;
		case XML_READER_TYPE_DOCUMENT_TYPE:
			aj_loader_error(l, node_line(&p), "the file has a DOCTYPE; DTDs and entity "
					"declarations are not allowed: remove the <!DOCTYPE …> block");
			p.file_bad = TRUE;
			break;
		case XML_READER_TYPE_ENTITY_REFERENCE:
		case XML_READER_TYPE_ENTITY:
			aj_loader_error(l, node_line(&p), "entity reference; entities are not allowed: "
					"write the text itself (character references like &#x4E2D; are fine)");
			p.file_bad = TRUE;
			break;
		default:
			break;
		}
	}
	/* A read error was reported by on_xml_error; an invalid file without a
	 * reported error would be a gap in the error relay, so say so. */
	if (ret == 0 && l->errors->len == errors_before && xmlTextReaderIsValid(p.r) != 1)
		aj_loader_error(l, 0, "does not match the schema; check it with xmllint --relaxng "
				"schema/anjian-data.rng");
	xmlFreeTextReader(p.r);
	g_string_free(p.text, TRUE);
	return ret == 0 && !p.file_bad;
}
