#include "support/model_builder.h"

#include <stdio.h>
#include <stdlib.h>

#define APPEND(arr, rec) (g_array_append_val((arr), (rec)), (guint32)((arr)->len - 1))

AjDay ajt_day(const char *ymd)
{
	AjDay d = AJ_DAY_NONE;

	if (ymd != NULL && !aj_day_parse(ymd, &d)) {
		fprintf(stderr, "model_builder: bad date %s\n", ymd);
		abort();
	}
	return d;
}

AjMonth ajt_month(const char *ym)
{
	AjMonth mo = 0;

	if (!aj_month_parse(ym, &mo)) {
		fprintf(stderr, "model_builder: bad month %s\n", ym);
		abort();
	}
	return mo;
}

/* Record ids only need to be unique within their kind. */
static const char *fresh_id(AjModel *m, const char *prefix, guint n)
{
	char buf[32];

	g_snprintf(buf, sizeof buf, "%s-%u", prefix, n + 1);
	return aj_model_intern(m, buf);
}

static AjLoc here(AjModel *m)
{
	return (AjLoc){ 0, 1 };
}

AjModel *ajt_model_new(void)
{
	AjModel *m = aj_model_new();

	g_ptr_array_add(m->files, g_strdup("test.xml"));
	ajt_department(m, "yjj", "市应急管理局");
	return m;
}

guint32 ajt_district(AjModel *m, const char *code, const char *name)
{
	AjDistrict d = { aj_model_intern(m, code), aj_model_intern(m, name), here(m) };
	guint32 i = APPEND(m->districts, d);

	g_hash_table_insert(m->district_by_code, (gpointer)d.code, GUINT_TO_POINTER(i + 1));
	return i;
}

guint32 ajt_department(AjModel *m, const char *id, const char *name)
{
	AjDepartment d = { aj_model_intern(m, id), aj_model_intern(m, name), here(m) };
	guint32 i = APPEND(m->departments, d);

	g_hash_table_insert(m->department_by_id, (gpointer)d.id, GUINT_TO_POINTER(i + 1));
	return i;
}

guint32 ajt_enterprise(AjModel *m, const char *id, const char *district_code, AjIndustry ind,
		       guint employees, gint64 revenue_wan)
{
	AjEnterprise e = { 0 };
	guint32 i;
	char name[64];

	g_snprintf(name, sizeof name, "测试企业%s", id);
	e.id = aj_model_intern(m, id);
	e.name = aj_model_intern(m, name);
	e.address = aj_model_intern(m, "苏州市测试路1号");
	e.district = aj_model_district_index(m, district_code);
	g_assert(e.district != AJ_NONE);
	e.industry = ind;
	e.employees = employees;
	e.revenue = revenue_wan * 100;
	e.loc = here(m);
	i = APPEND(m->enterprises, e);
	g_hash_table_insert(m->enterprise_by_id, (gpointer)e.id, GUINT_TO_POINTER(i + 1));
	return i;
}

AjEnterprise *ajt_ent(AjModel *m, guint32 ent)
{
	return AJ_ENTERPRISE(m, ent);
}

static GArray *history(GArray **a, gsize size)
{
	if (*a == NULL)
		*a = g_array_new(FALSE, TRUE, size);
	return *a;
}

void ajt_grade(AjModel *m, guint32 ent, int grade, const char *from, const char *to,
	       const char *revoked)
{
	AjGrade g = { (guint8)grade, ajt_day(from), ajt_day(to), ajt_day(revoked) };
	g_array_append_val(history(&ajt_ent(m, ent)->grades, sizeof g), g);
}

void ajt_director(AjModel *m, guint32 ent, const char *from, const char *to)
{
	AjSpan s = { ajt_day(from), ajt_day(to) };
	g_array_append_val(history(&ajt_ent(m, ent)->directors, sizeof s), s);
}

void ajt_insurance(AjModel *m, guint32 ent, const char *from, const char *to)
{
	AjSpan s = { ajt_day(from), ajt_day(to) };
	g_array_append_val(history(&ajt_ent(m, ent)->insurances, sizeof s), s);
}

void ajt_commitment(AjModel *m, guint32 ent, int year, const char *signed_on)
{
	AjYearly y = { (guint16)year, ajt_day(signed_on) };
	g_array_append_val(history(&ajt_ent(m, ent)->commitments, sizeof y), y);
}

void ajt_self_inspection(AjModel *m, guint32 ent, int year, const char *reported)
{
	AjYearly y = { (guint16)year, ajt_day(reported) };
	g_array_append_val(history(&ajt_ent(m, ent)->self_inspections, sizeof y), y);
}

void ajt_responsibility_list(AjModel *m, guint32 ent, const char *published)
{
	AjDay d = ajt_day(published);
	g_array_append_val(history(&ajt_ent(m, ent)->responsibility_lists, sizeof d), d);
}

guint32 ajt_inspection(AjModel *m, guint32 ent, const char *date)
{
	AjInspection r = { fresh_id(m, "JC", m->inspections->len), ent, 0, ajt_day(date), AJ_MODE_ROUTINE, here(m) };
	return APPEND(m->inspections, r);
}

guint32 ajt_hazard(AjModel *m, guint32 ent, gboolean major, const char *found,
		   const char *deadline, const char *rectified, AjListed listed)
{
	AjHazard r = { fresh_id(m, "YH", m->hazards->len), ent, major, ajt_day(found), ajt_day(deadline),
		       ajt_day(rectified), listed, aj_model_intern(m, "隐患描述"), here(m) };
	return APPEND(m->hazards, r);
}

guint32 ajt_penalty(AjModel *m, guint32 ent, const char *date, gint64 fine_yuan,
		    gboolean suspension, gboolean serious)
{
	AjPenalty r = { fresh_id(m, "CF", m->penalties->len), ent, 0, ajt_day(date), fine_yuan * 100, suspension,
			serious, aj_model_intern(m, "违法行为"), here(m) };
	return APPEND(m->penalties, r);
}

guint32 ajt_accident(AjModel *m, guint32 ent, const char *date, guint deaths)
{
	AjAccident r = { fresh_id(m, "SG", m->accidents->len), ent, ajt_day(date), aj_model_intern(m, "fall"),
			 deaths, 0, 0, NULL, here(m) };
	return APPEND(m->accidents, r);
}

guint32 ajt_training(AjModel *m, guint32 ent, const char *month, guint staff, guint trained)
{
	AjTraining r = { ent, ajt_month(month), staff, trained, 0, 0, here(m) };
	return APPEND(m->trainings, r);
}

guint32 ajt_report(AjModel *m, guint32 ent, const char *received, const char *deadline,
		   const char *replied)
{
	AjReport r = { fresh_id(m, "JB", m->reports->len), ent, ajt_day(received), ajt_day(deadline),
		       ajt_day(replied), AJ_TRI_UNSET, -1, TRUE, aj_model_intern(m, "举报内容"),
		       here(m) };
	return APPEND(m->reports, r);
}

guint32 ajt_blacklist(AjModel *m, guint32 ent, const char *from, const char *to)
{
	AjBlacklist r = { ent, ajt_day(from), ajt_day(to), aj_model_intern(m, "失信原因"), here(m) };
	return APPEND(m->blacklists, r);
}

guint32 ajt_nomination(AjModel *m, guint32 ent, const char *quarter)
{
	AjNomination r = { ent, 0, 0, NULL, here(m) };

	if (!aj_quarter_parse(quarter, &r.quarter))
		abort();
	return APPEND(m->nominations, r);
}

guint32 ajt_exposure(AjModel *m, guint32 ent, const char *month, const char *problem)
{
	AjExposure r = { ent, 0, ajt_month(month), aj_model_intern(m, problem), NULL, here(m) };
	return APPEND(m->exposures, r);
}

guint32 ajt_baseline(AjModel *m, const char *district_code, const char *month, guint inspections,
		     guint penalties, guint accidents, guint deaths)
{
	AjBaseline r = { aj_model_district_index(m, district_code), ajt_month(month), inspections,
			 penalties, accidents, deaths, 0, here(m) };
	return APPEND(m->baselines, r);
}

guint32 ajt_problem_list(AjModel *m, const char *id, const char *issued)
{
	AjProblemList l = { aj_model_intern(m, id), aj_model_intern(m, "督导组"),
			    aj_model_intern(m, "第一批"), ajt_day(issued), NULL, here(m) };
	AjAspect a = { aj_model_intern(m, "方面一"), g_array_new(FALSE, TRUE, sizeof(AjProblem)) };

	l.aspects = g_array_new(FALSE, TRUE, sizeof(AjAspect));
	g_array_append_val(l.aspects, a);
	return APPEND(m->problem_lists, l);
}

void ajt_problem(AjModel *m, guint32 list, const char *id, AjProblemStatus status,
		 const char *deadline, const char *closed)
{
	AjProblemList *l = &g_array_index(m->problem_lists, AjProblemList, list);
	AjAspect *a = &g_array_index(l->aspects, AjAspect, 0);
	AjProblem p = { aj_model_intern(m, id), aj_model_intern(m, "市应急管理局"), ajt_day(deadline),
			status, ajt_day(closed), aj_model_intern(m, "问题描述"), NULL, NULL, here(m) };

	g_array_append_val(a->problems, p);
}

AjOffice *ajt_office(void)
{
	static const char *const codes[] = { "测安办通", "测安办曝", "测安办示", "测安办审",
					     "测安办改", "测安办督", "测安办考" };
	AjOffice *o = g_new0(AjOffice, 1);

	o->path = g_strdup("test-office.yml");
	o->bytes = g_bytes_new_static("", 0);
	o->issuer = g_strdup("测试市安全生产委员会办公室");
	o->area = g_strdup("测试市");
	o->recipients = g_strdup("各区安委会，市安委会各成员单位");
	o->cc = g_strdup("省安委办，市政府办公室");
	o->printer = g_strdup(o->issuer);
	for (int i = 0; i < AJ_DOC_KINDS; i++)
		o->numbers[i] = g_strdup(codes[i]);
	o->data_source = g_strdup("测试市安全生产监管执法系统");
	o->site_title = g_strdup("测试市安全生产信息公开");
	o->site_url = g_strdup("https://example.invalid/test/");
	return o;
}
