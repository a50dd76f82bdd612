/* Inside a record: enterprise histories, problem lists, text children. */
#include <string.h>

#include "load/parse.h"
#include "util/i18n.h"

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

GArray *ajp_lazy(GArray **a, gsize size)
{
	if (*a == NULL)
		*a = g_array_sized_new(FALSE, TRUE, (guint)size, 4); /* one allocation for most */
	return *a;
}

static void enterprise_child(Parse *p, const xmlChar *name, guint line)
{
	AjEnterprise *e = p->rec;
	Child h = { 0 };
	AjLoc saved = p->loc;
	const char *elem = (const char *)name;

	memset(&p->child, 0, sizeof p->child);
	if (name == p->n.standardization)
		ajp_each_attr(p, elem, line, ATTRS(standardization_spec), history_attr);
	else if (name == p->n.safety_director)
		ajp_each_attr(p, elem, line, ATTRS(span_spec), history_attr);
	else if (name == p->n.insurance)
		ajp_each_attr(p, elem, line, ATTRS(insurance_spec), history_attr);
	else if (name == p->n.commitment)
		ajp_each_attr(p, elem, line, ATTRS(commitment_spec), history_attr);
	else if (name == p->n.self_inspection)
		ajp_each_attr(p, elem, line, ATTRS(self_inspection_spec), history_attr);
	else if (name == p->n.responsibility_list)
		ajp_each_attr(p, elem, line, ATTRS(responsibility_spec), history_attr);
	h = p->child;
	p->loc.line = line; /* date-order messages point at the child */
	if (name == p->n.standardization) {
		AjGrade g = { (guint8)h.grade, h.from, h.to, h.revoked };
		ajp_not_before(p, "enterprise", e->id, elem, h.from, "from", h.to, "to");
		g_array_append_val(ajp_lazy(&e->grades, sizeof g), g);
	} else if (name == p->n.safety_director || name == p->n.insurance) {
		AjSpan s = { h.from, h.to };
		ajp_not_before(p, "enterprise", e->id, elem, h.from, "from", h.to, "to");
		g_array_append_val(ajp_lazy(name == p->n.insurance ? &e->insurances : &e->directors,
					sizeof s), s);
	} else if (name == p->n.commitment || name == p->n.self_inspection) {
		AjYearly y = { h.year, h.date };
		g_array_append_val(ajp_lazy(name == p->n.commitment ? &e->commitments
								 : &e->self_inspections, sizeof y), y);
	} else if (name == p->n.responsibility_list) {
		g_array_append_val(ajp_lazy(&e->responsibility_lists, sizeof h.date), h.date);
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
		r->id = ajp_id(p, c, AJ_ID_PROBLEM, v);
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

	gboolean no_deadline = r->deadline == AJ_DAY_NONE && r->status != AJ_PROBLEM_LONG_TERM;
	gboolean not_closed = r->status == AJ_PROBLEM_DONE && r->closed == AJ_DAY_NONE;
	gboolean not_done = r->status != AJ_PROBLEM_DONE && r->closed != AJ_DAY_NONE;

	p->loc = r->loc;
	/* words and catalog lookups only for a message: per problem they cost
	 * more than reading it */
	if (no_deadline || not_closed || not_done) {
		char *what = aj_record_words("problem", id, NULL);
		if (no_deadline)
			aj_loader_error(p->l, r->loc.line, _("%s: deadline is missing; only a "
							     "long-term problem may have none"), what);
		if (not_closed)
			aj_loader_error(p->l, r->loc.line, _("%s: status done needs "
							     "closed=\"YYYY-MM-DD\"; add the closing "
							     "date"), what);
		if (not_done)
			aj_loader_error(p->l, r->loc.line, _("%s: closed is only allowed with status "
							     "done; remove it or set the status"), what);
		g_free(what);
	}
	if (pl->issued != AJ_DAY_NONE && r->closed != AJ_DAY_NONE && r->closed < pl->issued)
		/* TRANSLATORS: the issued attribute of the <problem-list> */
		ajp_not_before(p, "problem", id, NULL, pl->issued, _("the list's issued"),
			       r->closed, "closed");
	p->loc = saved;
	p->problem = -1;
}

static void problem_list_child(Parse *p, const xmlChar *name, int depth, guint line)
{
	AjProblemList *pl = p->rec;
	AjLoc loc = { p->l->file, line };

	if (depth == 2 && name == p->n.aspect) {
		ajp_push(ajp_lazy(&pl->aspects, sizeof(AjAspect)));
		p->aspect = (int)pl->aspects->len - 1;
		p->problem = -1;
		ajp_each_attr(p, "aspect", line, ATTRS(aspect_spec), aspect_attr);
	} else if (depth == 3 && name == p->n.problem && p->aspect >= 0) {
		AjAspect *a = cur_aspect(p);
		AjProblem *r = ajp_push(ajp_lazy(&a->problems, sizeof(AjProblem)));
		r->loc = loc;
		p->problem = (int)a->problems->len - 1;
		ajp_each_attr(p, "problem", line, ATTRS(problem_spec), problem_attr);
	} else if (depth == 4 && p->problem >= 0) {
		AjProblem *r = cur_problem(p);
		if (name == p->n.description) {
			p->text_to = &r->description;
		} else if (name == p->n.measures) {
			p->text_to = &r->measures;
		} else if (name == p->n.progress) {
			AjProgress *g = ajp_push(ajp_lazy(&r->progress, sizeof(AjProgress)));
			ajp_each_attr(p, "progress", line, ATTRS(progress_spec), progress_attr);
			p->text_to = &g->text;
		}
	}
}


void ajp_start_child(Parse *p, const xmlChar *name, int depth, guint line)
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
		ajp_each_attr(p, (const char *)name, line, ajp_no_attrs, 0, NULL);
	if (p->text_to != NULL) {
		g_string_truncate(p->text, 0);
		p->text_elem = (const char *)name;
		p->text_depth = depth;
		p->text_line = line;
	}
}


void ajp_end_element(Parse *p, int depth)
{
	if (p->text_to != NULL && depth == p->text_depth)
		ajp_end_text(p);
	if (p->in_informant && depth == 2)
		p->in_informant = FALSE;
	if (p->kind == REC_PROBLEM_LIST) {
		if (depth == 3 && p->problem >= 0)
			problem_end(p);
		else if (depth == 2)
			p->aspect = -1;
	}
	if (depth == 1 && p->kind != REC_NONE)
		ajp_end_record(p);
}

