/* The records of data-format.md: their attributes, start and end checks. */
#include <string.h>

#include "load/parse.h"
#include "model/credit_code.h"
#include "load/words.h"
#include "util/i18n.h"
#include "util/nearest.h"
#include "util/visible.h"

/* ---- records: attributes ------------------------------------------------ */

static void district_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjDistrict *d = p->rec;

	if (a == p->n.code && aj_value_district_code(c, "code", v))
		d->code = ajp_intern(p, v);
	else if (a == p->n.code)
		aj_loader_lost(p->l, AJ_REF_DISTRICT, v);
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

/* An industry written as its 行业 (危险化学品) or misspelt is named with
 * its code. */
static void unknown_industry(Parse *p, const AjValueCtx *c, const char *v)
{
	AjNearest *near = aj_nearest_new(v, 1);
	char *shown = aj_visible(v), *trimmed = g_strstrip(g_strdup(v));
	const char *code = NULL;

	for (int i = 0; i < AJ_IND_COUNT && code == NULL; i++) {
		const AjIndustryInfo *info = aj_industry_info((AjIndustry)i);
		if (strcmp(trimmed, info->label) == 0)
			code = info->code;
		aj_nearest_add(near, info->code);
	}
	if (code == NULL && aj_nearest_is_close(near))
		code = aj_nearest_get(near, 0, NULL);
	if (code != NULL)
		aj_loader_error(p->l, c->line, _("enterprise industry '%s' is unknown; write its code "
						 "industry=\"%s\" (the industry table of "
						 "data-format.md)"), shown, code);
	else
		aj_loader_error(p->l, c->line, _("enterprise industry '%s' is unknown; use a code of "
						 "the industry table of data-format.md"), shown);
	aj_nearest_free(near);
	g_free(trimmed);
	g_free(shown);
}

static void enterprise_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjEnterprise *e = p->rec;

	if (a == p->n.id) {
		if (aj_credit_code_valid(v)) {
			/* unique: no dedup lookup; enterprise_by_id finds duplicates */
			e->id = g_string_chunk_insert(p->m->strings, v);
			return;
		}
		char *shown = aj_visible(v);
		char check = strlen(v) == 18 ? aj_credit_code_check_char(v) : '\0';
		if (check != '\0') {
			char right[19];
			aj_loader_error(p->l, c->line,
					_("enterprise id '%s': wrong check character '%c' (the code "
					  "gives '%c'); correct the unified social credit code"),
					shown, v[17], check);
			/* records referring to it may have the code right */
			memcpy(right, v, 17);
			right[17] = check;
			right[18] = '\0';
			aj_loader_lost(p->l, AJ_REF_ENTERPRISE, right);
		} else {
			aj_loader_error(p->l, c->line,
					_("enterprise id '%s' is not a unified social credit code; "
					  "write its 18 characters (0-9, A-Y without I O S V Z)"), shown);
		}
		aj_loader_lost(p->l, AJ_REF_ENTERPRISE, v);
		g_free(shown);
	} else if (a == p->n.district) {
		e->district = ajp_district_ref(p, c, v);
	} else if (a == p->n.industry) {
		if (!aj_industry_from_code(v, &e->industry))
			unknown_industry(p, c, v);
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
		r->id = ajp_id(p, c, AJ_ID_INSPECTION, v);
	else if (a == p->n.enterprise)
		r->enterprise = ajp_enterprise_ref(p, v);
	else if (a == p->n.department)
		r->department = ajp_department_ref(p, c, v);
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
		r->id = ajp_id(p, c, AJ_ID_HAZARD, v);
	else if (a == p->n.enterprise)
		r->enterprise = ajp_enterprise_ref(p, v);
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
		r->id = ajp_id(p, c, AJ_ID_PENALTY, v);
	else if (a == p->n.enterprise)
		r->enterprise = ajp_enterprise_ref(p, v);
	else if (a == p->n.department)
		r->department = ajp_department_ref(p, c, v);
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
		r->id = ajp_id(p, c, AJ_ID_ACCIDENT, v);
	else if (a == p->n.enterprise)
		r->enterprise = ajp_enterprise_ref(p, v);
	else if (a == p->n.date)
		aj_value_day(c, "date", v, &r->date);
	else if (a == p->n.type) {
		if (aj_value_ascii(c, "type", v))
			r->type = ajp_intern(p, v);
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
		r->enterprise = ajp_enterprise_ref(p, v);
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
		r->id = ajp_id(p, c, AJ_ID_REPORT, v);
	else if (a == p->n.enterprise)
		r->enterprise = ajp_enterprise_ref(p, v);
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
		r->enterprise = ajp_enterprise_ref(p, v);
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
		r->enterprise = ajp_enterprise_ref(p, v);
	else if (a == p->n.department)
		r->department = ajp_department_ref(p, c, v);
	else if (a == p->n.quarter)
		aj_value_quarter(c, "quarter", v, &r->quarter);
}

static void exposure_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjExposure *r = p->rec;

	if (a == p->n.enterprise)
		r->enterprise = ajp_enterprise_ref(p, v);
	else if (a == p->n.department)
		r->department = ajp_department_ref(p, c, v);
	else if (a == p->n.month)
		aj_value_month(c, "month", v, &r->month);
}

static void baseline_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	AjBaseline *r = p->rec;

	if (a == p->n.district) {
		r->district = ajp_district_ref(p, c, v);
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
		r->id = ajp_id(p, c, AJ_ID_PROBLEM_LIST, v);
	else if (a == p->n.source)
		r->source = aj_value_label(c, "source", v);
	else if (a == p->n.batch)
		r->batch = aj_value_label(c, "batch", v);
	else if (a == p->n.issued)
		aj_value_day(c, "issued", v, &r->issued);
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
const AttrSpec ajp_dataset_spec[] = { REQ(version) };
const AttrSpec ajp_no_attrs[] = { { 0, FALSE } }; /* used with n = 0 */

void ajp_dataset_attr(Parse *p, const AjValueCtx *c, const xmlChar *a, const char *v)
{
	if (strcmp(v, "1") != 0)
		aj_loader_error(p->l, c->line, _("dataset version '%s' is not supported; this anjian "
						 "reads version 1 (data-format.md)"), v);
}

void ajp_start_record(Parse *p, const xmlChar *name, guint line)
{
	AjModel *m = p->m;

	p->loc = (AjLoc){ p->l->file, line };
	p->aspect = p->problem = -1;
#define START(KIND, array, Type, attrs, init)                                 \
	do {                                                                  \
		Type *r_ = ajp_push(m->array);                                    \
		r_->loc = p->loc;                                             \
		init;                                                         \
		p->kind = KIND;                                               \
		p->rec = r_;                                                  \
		ajp_each_attr(p, (const char *)name, line, ATTRS(attrs##_spec), attrs); \
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

void ajp_end_record(Parse *p)
{
	AjLoader *l = p->l;
	AjModel *m = p->m;

	switch (p->kind) {
	case REC_DEPARTMENT:
		if (((AjDepartment *)p->rec)->id != NULL)
			aj_loader_event(l, AJ_EVENT_DEPARTMENT, m->departments->len - 1);
		break;
	case REC_ENTERPRISE:
		if (((AjEnterprise *)p->rec)->id != NULL)
			aj_loader_event(l, AJ_EVENT_ENTERPRISE, m->enterprises->len - 1);
		break;
	case REC_HAZARD: {
		AjHazard *r = p->rec;
		ajp_not_before(p, "hazard", r->id, NULL, r->found, "found", r->deadline, "deadline");
		ajp_not_before(p, "hazard", r->id, NULL, r->found, "found", r->rectified, "rectified");
		break;
	}
	case REC_REPORT: {
		AjReport *r = p->rec;
		ajp_not_before(p, "report", r->id, NULL, r->received, "received", r->deadline, "deadline");
		ajp_not_before(p, "report", r->id, NULL, r->received, "received", r->replied, "replied");
		break;
	}
	case REC_BLACKLIST: {
		AjBlacklist *r = p->rec;
		ajp_not_before(p, "blacklist", NULL, NULL, r->from, "from", r->to, "to");
		break;
	}
	case REC_TRAINING: {
		AjTraining *r = p->rec;
		/* the words only for the message: a catalog lookup per record was a
		 * tenth of the loading */
		if (r->trained > r->staff) {
			const char *what = aj_elem_words("training");
			aj_loader_error(l, r->loc.line, _("%s: trained %u is more than staff %u; "
							  "correct the counts"), what, r->trained, r->staff);
		}
		break;
	}
	default:
		break;
	}
	p->kind = REC_NONE;
	p->rec = NULL;
}

