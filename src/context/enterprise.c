#include "context/enterprise.h"

#include "context/attrs.h"
#include "context/labels.h"
#include "rules/exemplars.h"
#include "rules/exposed.h"

static void set(xmlNodePtr n, const char *name, const char *value)
{
	aj_attr_str(n, name, value != NULL ? value : "");
}

/* name (YYYY-MM-DD) and name-cn (2026年3月5日); both "" when absent. */
static void day(xmlNodePtr n, const char *name, AjDay d)
{
	char *cn = g_strconcat(name, "-cn", NULL);

	if (d == AJ_DAY_NONE) {
		set(n, name, "");
		set(n, cn, "");
	} else {
		aj_attr_day(n, name, d);
		aj_attr_day_cn(n, cn, d);
	}
	g_free(cn);
}

/* "text（2026年3月5日）", or text alone when d is absent. */
static char *dated(const char *text, AjDay d)
{
	char *cn, *s;

	if (d == AJ_DAY_NONE)
		return g_strdup(text);
	cn = aj_day_format_cn(d);
	s = g_strdup_printf("%s（%s）", text, cn);
	g_free(cn);
	return s;
}

/* "2024年5月1日至2027年4月30日", or "2024年5月1日起" without an end. */
static char *term(AjDay from, AjDay to)
{
	char *f = aj_day_format_cn(from), *t, *s;

	if (to == AJ_DAY_NONE) {
		s = g_strdup_printf("%s起", f);
	} else {
		t = aj_day_format_cn(to);
		s = g_strdup_printf("%s至%s", f, t);
		g_free(t);
	}
	g_free(f);
	return s;
}

static const char *department_name(const AjModel *m, guint32 d)
{
	return d < m->departments->len ? g_array_index(m->departments, AjDepartment, d).name : "";
}

/* Identity: what every listing of enterprises shows too (no address). */
static void identity(xmlNodePtr x, const AjModel *m, const AjEnterprise *e)
{
	const AjIndustryInfo *ind = aj_industry_info(e->industry);
	const AjDistrict *d = AJ_DISTRICT(m, e->district);

	aj_attr_str(x, "id", e->id);
	aj_attr_str(x, "name", e->name);
	aj_attr_str(x, "district", d->code);
	aj_attr_str(x, "district-name", d->name);
	aj_attr_str(x, "industry", ind->code);
	aj_attr_str(x, "industry-label", ind->label);
	aj_attr_str(x, "scale", e->scale_above ? "above" : "below");
	aj_attr_str(x, "scale-cn", e->scale_above ? "规模以上" : "规模以下");
	aj_attr_str(x, "status", e->closed ? "closed" : "active");
	aj_attr_str(x, "status-cn", e->closed ? "已关闭" : "在营");
	aj_attr_flag(x, "closed", e->closed);
}

static void standardization(xmlNodePtr x, const AjEntPublic *f)
{
	static const char *const state[] = { "none", "valid", "expired", "revoked" };
	xmlNodePtr g = aj_child(x, "standardization");
	char *t = NULL, *span = NULL, *text;

	aj_attr_str(g, "state", state[f->grade_state]);
	aj_attr_flag(g, "valid", f->grade_state == AJ_GRADE_VALID);
	if (f->grade != NULL) {
		aj_attr_int(g, "grade", f->grade->grade);
		aj_attr_str(g, "grade-cn", aj_label_grade(f->grade->grade));
		day(g, "from", f->grade->from);
		day(g, "to", f->grade->to);
		span = term(f->grade->from, f->grade->to);
	}
	switch (f->grade_state) {
	case AJ_GRADE_VALID:
		text = g_strdup_printf("%s（有效期%s）", aj_label_grade(f->grade->grade), span);
		break;
	case AJ_GRADE_EXPIRED:
		text = g_strdup_printf("无有效等级（原%s已于%s到期）", aj_label_grade(f->grade->grade),
				       t = aj_day_format_cn(f->grade->to));
		break;
	case AJ_GRADE_REVOKED:
		text = g_strdup_printf("无有效等级（原%s已于%s撤销）", aj_label_grade(f->grade->grade),
				       t = aj_day_format_cn(f->grade->revoked));
		break;
	default:
		text = g_strdup("无");
	}
	aj_attr_str(g, "text", text);
	g_free(text);
	g_free(span);
	g_free(t);
}

/* <name year= done= date= text=> for a duty met on a date or not. */
static void duty(xmlNodePtr x, const char *name, int year, AjDay d, const char *done_text,
		 const char *missing_text)
{
	xmlNodePtr n = aj_child(x, name);
	char *text = d != AJ_DAY_NONE ? dated(done_text, d) : g_strdup(missing_text);

	if (year > 0)
		aj_attr_int(n, "year", year);
	aj_attr_bool(n, "done", d != AJ_DAY_NONE);
	day(n, "date", d);
	aj_attr_str(n, "text", text);
	g_free(text);
}

static void director(xmlNodePtr x, const AjEntPublic *f)
{
	xmlNodePtr n = aj_child(x, "safety-director");
	char *text;

	aj_attr_str(n, "need", aj_director_need_code(f->director_need));
	aj_attr_str(n, "need-cn", aj_label_director_need(f->director_need));
	aj_attr_bool(n, "present", f->director != NULL);
	if (f->director != NULL) {
		char *since = aj_day_format_cn(f->director->from);
		text = g_strdup_printf("%s，已配备（%s起在岗）", aj_label_director_need(f->director_need),
				       since);
		g_free(since);
	} else if (f->director_need == AJ_DIRECTOR_REQUIRED) {
		text = g_strdup("应配备，未配备");
	} else {
		text = g_strdup_printf("%s，未配备", aj_label_director_need(f->director_need));
	}
	aj_attr_str(n, "text", text);
	g_free(text);
}

static void insurance(xmlNodePtr x, const AjEntPublic *f)
{
	xmlNodePtr n = aj_child(x, "insurance");
	char *text;

	aj_attr_bool(n, "required", f->insurance_required);
	aj_attr_bool(n, "valid", f->insurance != NULL);
	if (f->insurance != NULL) {
		char *span = term(f->insurance->from, f->insurance->to);
		text = g_strdup_printf("%s（保险期间%s）", f->insurance_required ? "已投保" : "已投保（未作强制要求）",
				       span);
		g_free(span);
	} else {
		text = g_strdup(f->insurance_required ? "应投保，未投保" : "不作强制要求");
	}
	aj_attr_str(n, "text", text);
	g_free(text);
}

/* Penalty attributes shared by the page and the dossier. */
static void penalty(xmlNodePtr x, const AjModel *m, const AjPenalty *p)
{
	aj_attr_str(x, "id", p->id);
	day(x, "date", p->date);
	set(x, "department-name", department_name(m, p->department));
	set(x, "violation", p->violation);
	aj_attr_yuan(x, "fine", p->fine);
	aj_attr_wan(x, "fine-wan", p->fine);
	aj_attr_bool(x, "suspension", p->suspension);
	aj_attr_str(x, "suspension-cn", p->suspension ? "是" : "否");
	aj_attr_bool(x, "serious", p->serious);
	aj_attr_str(x, "serious-cn", p->serious ? "是" : "否");
}

/* The reasons of an exposed-list entry, in words joined with "；". */
static char *exposed_reasons(guint reasons)
{
	GString *s = g_string_new(NULL);

	for (int k = 0; k < AJ_X_COUNT; k++)
		if (reasons & (1u << k))
			g_string_append_printf(s, "%s%s", s->len ? "；" : "", aj_label_exposed(k));
	return g_string_free(s, FALSE);
}

static void exposed(xmlNodePtr x, const AjEntExposed *e)
{
	xmlNodePtr n = aj_child(x, "exposed");
	char buf[8], *cn = aj_month_cn(e->month), *why = exposed_reasons(e->reasons);

	aj_attr_str(n, "kind", "exposed");
	aj_attr_str(n, "period", aj_month_format(e->month, buf));
	aj_attr_str(n, "period-cn", cn);
	aj_attr_str(n, "reasons-cn", why);
	g_free(cn);
	g_free(why);
}

static void exemplar(xmlNodePtr x, AjQuarter q)
{
	xmlNodePtr n = aj_child(x, "exemplar");
	char buf[8], *cn = aj_quarter_cn(q);

	aj_attr_str(n, "kind", "exemplars");
	aj_attr_str(n, "period", aj_quarter_format(q, buf));
	aj_attr_str(n, "period-cn", cn);
	g_free(cn);
}

/* Hazard attributes shared by the page and the dossier, state at asof. */
static void hazard(xmlNodePtr x, const AjHazard *h, AjDay asof)
{
	gboolean open = aj_hazard_open(h, asof), overdue = open && h->deadline < asof;

	aj_attr_str(x, "id", h->id);
	set(x, "description", h->description);
	aj_attr_str(x, "level-cn", h->major ? "重大" : "一般");
	set(x, "listed-cn", aj_label_listed(h->listed)); /* 市级 (挂牌督办) */
	day(x, "found", h->found);
	day(x, "deadline", h->deadline);
	day(x, "rectified", open ? AJ_DAY_NONE : h->rectified);
	aj_attr_bool(x, "overdue", overdue);
	aj_attr_str(x, "state-cn", !open ? "已整改" : overdue ? "逾期未整改" : "整改中");
}

static void blacklist(xmlNodePtr x, const AjBlacklist *b, AjDay asof)
{
	gboolean in_effect = b->from <= asof && (b->to == AJ_DAY_NONE || b->to >= asof);

	day(x, "from", b->from);
	day(x, "to", b->to);
	set(x, "to-text", b->to == AJ_DAY_NONE ? "未解除" : NULL);
	set(x, "reason", b->reason);
	aj_attr_bool(x, "in-effect", in_effect);
	aj_attr_str(x, "state-cn", in_effect ? "惩戒中" : "已到期");
}

xmlNodePtr aj_ctx_enterprise_public(xmlNodePtr parent, const AjEntSource *s, guint32 ent,
				    AjEntPublic *f)
{
	const AjModel *m = s->model;
	xmlNodePtr x = aj_child(parent, "enterprise");
	int year = 0;

	aj_ent_public(m, s->records, s->listings, ent, s->asof, s->publicity_years, f);
	aj_day_ymd(s->asof, &year, &(int){ 0 }, &(int){ 0 });
	identity(x, m, AJ_ENTERPRISE(m, ent));
	/* the page's own date, never the build's: a page whose facts did not
	 * change keeps its bytes from one build to the next */
	day(x, "changed", f->changed);
	aj_attr_int(x, "years", s->publicity_years);
	standardization(x, f);
	duty(x, "commitment", year, f->commitment, "已签订", "未签订");
	duty(x, "self-inspection", year, f->self_inspection, "已报告", "未报告");
	duty(x, "responsibility-list", 0, f->responsibility_list, "已公示", "未公示");
	director(x, f);
	insurance(x, f);
	for (guint i = 0; i < f->penalties->len; i++) {
		const AjPenalty *p =
			&g_array_index(m->penalties, AjPenalty, g_array_index(f->penalties, guint32, i));
		xmlNodePtr n = aj_child(x, "penalty");
		penalty(n, m, p);
		/* the last day of its publicity */
		day(n, "until", aj_publicity_window_left(p->date, s->publicity_years) - 1);
	}
	for (guint i = 0; i < f->exposed->len; i++)
		exposed(x, &g_array_index(f->exposed, AjEntExposed, i));
	for (guint i = 0; i < f->exemplar->len; i++)
		exemplar(x, g_array_index(f->exemplar, AjQuarter, i));
	for (guint i = 0; i < f->hazards->len; i++)
		hazard(aj_child(x, "hazard"),
		       &g_array_index(m->hazards, AjHazard, g_array_index(f->hazards, guint32, i)),
		       s->asof);
	for (guint i = 0; i < f->blacklists->len; i++)
		blacklist(aj_child(x, "blacklist"),
			  &g_array_index(m->blacklists, AjBlacklist, g_array_index(f->blacklists, guint32, i)),
			  s->asof);
	aj_attr_flag(x, "has-penalty", f->penalties->len > 0);
	aj_attr_flag(x, "has-hazard", f->hazards->len > 0);
	aj_attr_flag(x, "has-blacklist", f->blacklists->len > 0);
	aj_attr_flag(x, "has-listings", f->exposed->len + f->exemplar->len > 0);
	return x;
}

/* ---- the dossier ---- */

/* A dossier being made: its records are those dated on or before asof,
 * and newest is the latest day by asof on which anything it shows began,
 * ended or changed state (a record dated, a hazard or report falling
 * overdue, a blacklisting running out, a list naming it).  The dossier is
 * dated by newest, not by the build: from newest to asof nothing in it
 * changes, so an enterprise with nothing new keeps the same bytes. */
typedef struct {
	const AjEntSource *s;
	AjDay asof, newest;
} Dossier;

static void event(Dossier *d, AjDay day)
{
	if (day != AJ_DAY_NONE && day <= d->asof && day > d->newest)
		d->newest = day;
}

/* <name from= to=> for each term begun by asof; an end after asof shows
 * only when planned (a policy's period is known beforehand, a director's
 * leaving is not). */
static void terms(Dossier *d, xmlNodePtr x, const char *name, const GArray *a, gboolean planned)
{
	for (guint i = 0; a != NULL && i < a->len; i++) {
		const AjSpan *t = &g_array_index(a, AjSpan, i);
		xmlNodePtr n;
		if (t->from > d->asof)
			continue;
		n = aj_child(x, name);
		day(n, "from", t->from);
		day(n, "to", planned || t->to <= d->asof ? t->to : AJ_DAY_NONE);
		event(d, t->from);
		if (!planned)
			event(d, t->to);
	}
}

/* <name year= date=> for each dated by asof. */
static void yearlies(Dossier *d, xmlNodePtr x, const char *name, const GArray *a)
{
	for (guint i = 0; a != NULL && i < a->len; i++) {
		const AjYearly *y = &g_array_index(a, AjYearly, i);
		xmlNodePtr n;
		if (y->date > d->asof)
			continue;
		n = aj_child(x, name);
		aj_attr_int(n, "year", y->year);
		day(n, "date", y->date);
		event(d, y->date);
	}
}

static void histories(Dossier *d, xmlNodePtr x, const AjEnterprise *e)
{
	for (guint i = 0; e->grades != NULL && i < e->grades->len; i++) {
		const AjGrade *g = &g_array_index(e->grades, AjGrade, i);
		xmlNodePtr n;
		if (g->from > d->asof)
			continue;
		n = aj_child(x, "grade");
		aj_attr_str(n, "grade-cn", aj_label_grade(g->grade));
		day(n, "from", g->from);
		day(n, "to", g->to);
		day(n, "revoked", g->revoked <= d->asof ? g->revoked : AJ_DAY_NONE);
		event(d, g->from);
		event(d, g->revoked);
	}
	terms(d, x, "director", e->directors, FALSE);
	terms(d, x, "policy", e->insurances, TRUE);
	yearlies(d, x, "commitment", e->commitments);
	yearlies(d, x, "self-inspection", e->self_inspections);
	for (guint i = 0; e->responsibility_lists != NULL && i < e->responsibility_lists->len; i++) {
		AjDay published = g_array_index(e->responsibility_lists, AjDay, i);
		if (published > d->asof)
			continue;
		day(aj_child(x, "responsibility-list"), "date", published);
		event(d, published);
	}
}

/* The day after deadline, when a thing still open then falls overdue. */
static void overdue_from(Dossier *d, AjDay deadline, AjDay closed)
{
	if (deadline != AJ_DAY_NONE && (closed == AJ_DAY_NONE || closed > deadline))
		event(d, deadline + 1);
}

typedef struct {
	int year;
	guint received, replied, late, open, substantiated;
} ReportYear;

/* Reports as counts per year: nothing that could lead to an informant. */
static void reports(Dossier *d, xmlNodePtr x, const guint32 *ix, guint n)
{
	const AjModel *m = d->s->model;
	AjDay asof = d->asof;
	GArray *years = g_array_new(FALSE, TRUE, sizeof(ReportYear));
	guint total = 0;

	for (guint i = 0; i < n; i++) {
		const AjReport *r = &g_array_index(m->reports, AjReport, ix[i]);
		gboolean replied = r->replied != AJ_DAY_NONE && r->replied <= asof;
		ReportYear *y = NULL;
		int year = 0;
		if (r->received > asof)
			continue;
		event(d, r->received);
		event(d, r->replied);
		overdue_from(d, r->deadline, r->replied);
		aj_day_ymd(r->received, &year, &(int){ 0 }, &(int){ 0 });
		for (guint k = 0; k < years->len && y == NULL; k++)
			if (g_array_index(years, ReportYear, k).year == year)
				y = &g_array_index(years, ReportYear, k);
		if (y == NULL) {
			g_array_set_size(years, years->len + 1);
			y = &g_array_index(years, ReportYear, years->len - 1);
			y->year = year;
		}
		y->received++;
		y->replied += replied;
		y->open += !replied;
		y->late += replied ? r->replied > r->deadline : r->deadline < asof;
		y->substantiated += replied && r->substantiated == AJ_TRI_TRUE;
		total++;
	}
	for (guint k = 0; k < years->len; k++) {
		const ReportYear *y = &g_array_index(years, ReportYear, k);
		xmlNodePtr r = aj_child(x, "reports");
		aj_attr_int(r, "year", y->year);
		aj_attr_int(r, "received", y->received);
		aj_attr_int(r, "replied", y->replied);
		aj_attr_int(r, "open", y->open);
		aj_attr_int(r, "late", y->late);
		aj_attr_int(r, "substantiated", y->substantiated);
	}
	aj_attr_int(x, "reports-total", total);
	g_array_free(years, TRUE);
}

static void records(Dossier *d, xmlNodePtr x, guint32 ent)
{
	const AjEntSource *s = d->s;
	const AjModel *m = s->model;
	const guint32 *ix;
	guint n;

	ix = aj_ent_records(s->records, AJ_REC_INSPECTION, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjInspection *r = &g_array_index(m->inspections, AjInspection, ix[i]);
		xmlNodePtr c;
		if (r->date > d->asof)
			continue;
		c = aj_child(x, "inspection");
		aj_attr_str(c, "id", r->id);
		day(c, "date", r->date);
		set(c, "department-name", department_name(m, r->department));
		aj_attr_str(c, "mode-cn", aj_label_mode(r->mode));
		event(d, r->date);
	}
	ix = aj_ent_records(s->records, AJ_REC_HAZARD, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjHazard *h = &g_array_index(m->hazards, AjHazard, ix[i]);
		if (h->found > d->asof)
			continue;
		hazard(aj_child(x, "hazard"), h, d->asof);
		event(d, h->found);
		event(d, h->rectified);
		overdue_from(d, h->deadline, h->rectified);
	}
	ix = aj_ent_records(s->records, AJ_REC_PENALTY, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjPenalty *p = &g_array_index(m->penalties, AjPenalty, ix[i]);
		if (p->date > d->asof)
			continue;
		penalty(aj_child(x, "penalty"), m, p);
		event(d, p->date);
	}
	ix = aj_ent_records(s->records, AJ_REC_ACCIDENT, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjAccident *a = &g_array_index(m->accidents, AjAccident, ix[i]);
		xmlNodePtr c;
		if (a->date > d->asof)
			continue;
		c = aj_child(x, "accident");
		aj_attr_str(c, "id", a->id);
		day(c, "date", a->date);
		set(c, "type", a->type);
		aj_attr_int(c, "deaths", a->deaths);
		aj_attr_int(c, "injuries", a->injuries);
		aj_attr_wan(c, "loss-wan", a->loss);
		set(c, "summary", a->summary);
		event(d, a->date);
	}
	ix = aj_ent_records(s->records, AJ_REC_TRAINING, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjTraining *t = &g_array_index(m->trainings, AjTraining, ix[i]);
		xmlNodePtr c;
		char buf[8], *cn;
		if (aj_month_first_day(t->month) > d->asof)
			continue;
		c = aj_child(x, "training");
		cn = aj_month_cn(t->month);
		aj_attr_str(c, "month", aj_month_format(t->month, buf));
		aj_attr_str(c, "month-cn", cn);
		aj_attr_int(c, "staff", t->staff);
		aj_attr_int(c, "trained", t->trained);
		aj_attr_int(c, "drills", t->drills);
		aj_attr_int(c, "warning-education", t->warning_education);
		event(d, aj_month_first_day(t->month));
		g_free(cn);
	}
	ix = aj_ent_records(s->records, AJ_REC_REPORT, ent, &n);
	reports(d, x, ix, n);
}

static void publicity(Dossier *d, xmlNodePtr x, guint32 ent)
{
	const AjEntSource *s = d->s;
	const AjModel *m = s->model;
	const guint32 *ix;
	const AjEntExposed *ex;
	const AjQuarter *q;
	guint n;

	ix = aj_ent_records(s->records, AJ_REC_EXPOSURE, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjExposure *e = &g_array_index(m->exposures, AjExposure, ix[i]);
		xmlNodePtr c;
		char *cn;
		if (aj_month_first_day(e->month) > d->asof)
			continue;
		c = aj_child(x, "exposure");
		cn = aj_month_cn(e->month);
		aj_attr_str(c, "month-cn", cn);
		set(c, "department-name", department_name(m, e->department));
		set(c, "problem", e->problem);
		set(c, "handling", e->handling);
		event(d, aj_month_first_day(e->month));
		g_free(cn);
	}
	/* a list is made as of its period's last day, or as of asof when that
	 * is earlier */
	ex = aj_ent_exposed(s->listings, ent, &n);
	for (guint i = 0; i < n; i++) {
		exposed(x, &ex[i]);
		event(d, MIN(aj_month_last_day(ex[i].month), d->asof));
	}
	q = aj_ent_exemplar(s->listings, ent, &n);
	for (guint i = 0; i < n; i++) {
		exemplar(x, q[i]);
		event(d, MIN(aj_quarter_last_day(q[i]), d->asof));
	}
	ix = aj_ent_records(s->records, AJ_REC_NOMINATION, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjNomination *r = &g_array_index(m->nominations, AjNomination, ix[i]);
		xmlNodePtr c = aj_child(x, "nomination");
		GString *why = g_string_new(NULL);
		char *cn = aj_quarter_cn(r->quarter);
		guint vetoes = 0;
		gboolean judged = aj_ent_nomination_vetoes(s->listings, ix[i], &vetoes);
		aj_attr_str(c, "quarter-cn", cn);
		set(c, "department-name", department_name(m, r->department));
		set(c, "reason", r->reason);
		for (int v = 1; judged && v <= AJ_VETO_COUNT; v++)
			if (vetoes & AJ_VETO(v))
				g_string_append_printf(why, "%sV%d %s", why->len ? "；" : "", v,
						       aj_label_veto(v));
		aj_attr_str(c, "result-cn", !judged ? "尚未审核" : vetoes == 0 ? "通过" : "否决");
		set(c, "vetoes-cn", why->len ? why->str : "无");
		if (judged)
			event(d, MIN(aj_quarter_last_day(r->quarter), d->asof));
		g_string_free(why, TRUE);
		g_free(cn);
	}
	ix = aj_ent_records(s->records, AJ_REC_BLACKLIST, ent, &n);
	for (guint i = 0; i < n; i++) {
		const AjBlacklist *b = &g_array_index(m->blacklists, AjBlacklist, ix[i]);
		if (b->from > d->asof)
			continue;
		blacklist(aj_child(x, "blacklist"), b, d->asof);
		event(d, b->from);
		if (b->to != AJ_DAY_NONE)
			event(d, b->to + 1); /* in effect through to */
	}
}

/* NAME-count="N" on x for every NAME of its children: what a template tests
 * before it opens a table. */
static void counts(xmlNodePtr x)
{
	GHashTable *n = g_hash_table_new(g_str_hash, g_str_equal);

	for (xmlNodePtr c = x->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			g_hash_table_insert(n, (gpointer)c->name,
					    GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(n, c->name)) + 1));
	/* in the children's order, so the bytes never depend on the table's */
	for (xmlNodePtr c = x->children; c != NULL; c = c->next) {
		guint count = GPOINTER_TO_UINT(g_hash_table_lookup(n, c->name));
		char *attr;
		if (c->type != XML_ELEMENT_NODE || count == 0)
			continue;
		attr = g_strconcat((const char *)c->name, "-count", NULL);
		aj_attr_int(x, attr, count);
		g_hash_table_insert(n, (gpointer)c->name, GUINT_TO_POINTER(0));
		g_free(attr);
	}
	g_hash_table_destroy(n);
}

xmlNodePtr aj_ctx_enterprise_dossier(xmlNodePtr parent, const AjEntSource *s, guint32 ent,
				     AjDay *dated)
{
	const AjEnterprise *e = AJ_ENTERPRISE(s->model, ent);
	xmlNodePtr x = aj_child(parent, "dossier");
	Dossier d = { .s = s, .asof = s->asof, .newest = AJ_DAY_NONE };
	char revenue[48];

	identity(x, s->model, e);
	set(x, "address", e->address);
	aj_attr_int(x, "employees", e->employees);
	g_snprintf(revenue, sizeof revenue, "%" G_GINT64_FORMAT ".%02d", e->revenue / 100,
		   (int)(e->revenue % 100));
	aj_attr_str(x, "revenue", revenue);
	aj_attr_str(x, "director-need-cn", aj_label_director_need(aj_director_need(e)));
	aj_attr_str(x, "insurance-required-cn", aj_insurance_required(e) ? "是" : "否");
	histories(&d, x, e);
	records(&d, x, ent);
	publicity(&d, x, ent);
	day(x, "as-of", d.newest);
	counts(x);
	if (dated != NULL)
		*dated = d.newest;
	return x;
}
