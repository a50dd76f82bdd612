#include "office/office.h"

char *aj_office_path(const char *data_dir, const char *office)
{
	if (office != NULL)
		return g_strdup(office);
	return g_build_filename(data_dir, AJ_OFFICE_FILE, NULL);
}

void aj_office_free(AjOffice *o)
{
	if (o == NULL)
		return;
	g_free(o->path);
	if (o->bytes != NULL)
		g_bytes_unref(o->bytes);
	g_free(o->issuer);
	g_free(o->area);
	g_free(o->recipients);
	g_free(o->issuer_short);
	g_free(o->internal_recipients);
	g_free(o->cc);
	g_free(o->printer);
	for (int i = 0; i < AJ_DOC_KINDS; i++)
		g_free(o->numbers[i]);
	g_free(o->data_source);
	g_free(o->site_title);
	g_free(o->site_url);
	g_free(o->assessment_publicity);
	g_free(o);
}

const char *aj_office_prefix(const AjOffice *o, AjDocKind kind)
{
	return o->numbers[kind];
}

const char *aj_area_level(const char *area)
{
	static const char *const levels[] = { "省", "市", "区", "县", "州", "盟", "旗" };

	for (gsize i = 0; area != NULL && i < G_N_ELEMENTS(levels); i++)
		if (g_str_has_suffix(area, levels[i]))
			return levels[i];
	return "市";
}

char *aj_office_issuer_short(const AjOffice *o)
{
	if (o->issuer_short != NULL)
		return g_strdup(o->issuer_short);
	return g_strconcat(aj_area_level(o->area), "安委办", NULL);
}

char *aj_office_internal_recipients(const AjOffice *o)
{
	if (o->internal_recipients != NULL)
		return g_strdup(o->internal_recipients);
	return g_strconcat(aj_area_level(o->area), "安委会各成员单位", NULL);
}

char *aj_office_site_title(const AjOffice *o)
{
	if (o->site_title != NULL)
		return g_strdup(o->site_title);
	return g_strconcat(o->area, "安全生产信息公开", NULL);
}

void aj_office_assessment_rule(const AjOffice *o, AjAssessmentRule *rule)
{
	if (o->assessment.n > 0)
		*rule = o->assessment;
	else
		aj_assessment_rule_default(rule);
}

void aj_office_apply_publicity(const AjOffice *o, GPtrArray *plan)
{
	for (guint i = 0; o->assessment_publicity != NULL && i < plan->len; i++) {
		AjDocPlan *d = g_ptr_array_index(plan, i);
		if (d->kind == AJ_DOC_ASSESSMENT)
			d->public_ = g_strcmp0(o->assessment_publicity, "public") == 0;
	}
}
