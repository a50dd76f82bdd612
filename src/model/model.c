#include "model/model.h"

static const AjIndustryInfo industries[AJ_IND_COUNT] = {
	[AJ_IND_MINING] = { "mining", "矿山", AJ_DIRECTOR_RULE_A, TRUE },
	[AJ_IND_CONSTRUCTION] = { "construction", "建筑施工", AJ_DIRECTOR_RULE_A, TRUE },
	[AJ_IND_TRANSPORT] = { "transport", "交通运输", AJ_DIRECTOR_RULE_A, TRUE },
	[AJ_IND_HAZARDOUS_CHEMICALS] = { "hazardous-chemicals", "危险化学品", AJ_DIRECTOR_RULE_A, TRUE },
	[AJ_IND_METALLURGY] = { "metallurgy", "金属冶炼", AJ_DIRECTOR_RULE_A, TRUE },
	[AJ_IND_DUST_EXPLOSION] = { "dust-explosion", "粉尘涉爆", AJ_DIRECTOR_RULE_A, FALSE },
	[AJ_IND_AMMONIA_REFRIGERATION] = { "ammonia-refrigeration", "涉氨制冷", AJ_DIRECTOR_RULE_A, FALSE },
	[AJ_IND_SHIPBUILDING] = { "shipbuilding", "船舶修造", AJ_DIRECTOR_RULE_A, FALSE },
	[AJ_IND_CHEMICAL] = { "chemical", "化工", AJ_DIRECTOR_RULE_B, TRUE },
	[AJ_IND_FIREWORKS] = { "fireworks", "烟花爆竹", AJ_DIRECTOR_RULE_NONE, TRUE },
	[AJ_IND_EXPLOSIVES] = { "explosives", "民用爆炸物品", AJ_DIRECTOR_RULE_NONE, TRUE },
	[AJ_IND_FISHERY] = { "fishery", "渔业生产", AJ_DIRECTOR_RULE_NONE, TRUE },
	[AJ_IND_MANUFACTURING] = { "manufacturing", "一般制造业", AJ_DIRECTOR_RULE_NONE, FALSE },
	[AJ_IND_TRADE] = { "trade", "商贸", AJ_DIRECTOR_RULE_NONE, FALSE },
	[AJ_IND_OTHER] = { "other", "其他", AJ_DIRECTOR_RULE_NONE, FALSE },
};

const AjIndustryInfo *aj_industry_info(AjIndustry ind)
{
	g_return_val_if_fail(ind < AJ_IND_COUNT, &industries[AJ_IND_OTHER]);
	return &industries[ind];
}

gboolean aj_industry_from_code(const char *code, AjIndustry *out)
{
	for (int i = 0; i < AJ_IND_COUNT; i++) {
		if (g_strcmp0(code, industries[i].code) == 0) {
			*out = (AjIndustry)i;
			return TRUE;
		}
	}
	return FALSE;
}

#define NEW_ARRAY(type) g_array_new(FALSE, TRUE, sizeof(type))

AjModel *aj_model_new(void)
{
	AjModel *m = g_new0(AjModel, 1);

	m->strings = g_string_chunk_new(64 * 1024);
	m->more_strings = g_ptr_array_new_with_free_func((GDestroyNotify)g_string_chunk_free);
	m->files = g_ptr_array_new_with_free_func(g_free);
	m->districts = NEW_ARRAY(AjDistrict);
	m->departments = NEW_ARRAY(AjDepartment);
	m->enterprises = NEW_ARRAY(AjEnterprise);
	m->inspections = NEW_ARRAY(AjInspection);
	m->hazards = NEW_ARRAY(AjHazard);
	m->penalties = NEW_ARRAY(AjPenalty);
	m->accidents = NEW_ARRAY(AjAccident);
	m->trainings = NEW_ARRAY(AjTraining);
	m->reports = NEW_ARRAY(AjReport);
	m->blacklists = NEW_ARRAY(AjBlacklist);
	m->nominations = NEW_ARRAY(AjNomination);
	m->exposures = NEW_ARRAY(AjExposure);
	m->baselines = NEW_ARRAY(AjBaseline);
	m->problem_lists = NEW_ARRAY(AjProblemList);
	m->district_by_code = g_hash_table_new(g_str_hash, g_str_equal);
	m->department_by_id = g_hash_table_new(g_str_hash, g_str_equal);
	m->enterprise_by_id = g_hash_table_new(g_str_hash, g_str_equal);
	return m;
}

static void free_array(GArray *a)
{
	if (a != NULL)
		g_array_free(a, TRUE);
}

void aj_model_free(AjModel *m)
{
	if (m == NULL)
		return;
	for (guint i = 0; i < m->enterprises->len; i++) {
		AjEnterprise *e = AJ_ENTERPRISE(m, i);
		free_array(e->grades);
		free_array(e->directors);
		free_array(e->commitments);
		free_array(e->self_inspections);
		free_array(e->responsibility_lists);
		free_array(e->insurances);
	}
	for (guint i = 0; i < m->problem_lists->len; i++) {
		AjProblemList *pl = &g_array_index(m->problem_lists, AjProblemList, i);
		for (guint j = 0; pl->aspects != NULL && j < pl->aspects->len; j++) {
			AjAspect *a = &g_array_index(pl->aspects, AjAspect, j);
			for (guint k = 0; a->problems != NULL && k < a->problems->len; k++)
				free_array(g_array_index(a->problems, AjProblem, k).progress);
			free_array(a->problems);
		}
		free_array(pl->aspects);
	}
	GArray *arrays[] = { m->districts, m->departments, m->enterprises, m->inspections,
			     m->hazards, m->penalties, m->accidents, m->trainings, m->reports,
			     m->blacklists, m->nominations, m->exposures, m->baselines,
			     m->problem_lists };
	for (gsize i = 0; i < G_N_ELEMENTS(arrays); i++)
		free_array(arrays[i]);
	g_hash_table_destroy(m->district_by_code);
	g_hash_table_destroy(m->department_by_id);
	g_hash_table_destroy(m->enterprise_by_id);
	g_ptr_array_free(m->files, TRUE);
	g_string_chunk_free(m->strings);
	g_ptr_array_free(m->more_strings, TRUE);
	g_free(m);
}

const char *aj_model_intern(AjModel *m, const char *s)
{
	return s == NULL ? NULL : g_string_chunk_insert_const(m->strings, s);
}

char *aj_model_loc_string(const AjModel *m, AjLoc loc)
{
	const char *file = loc.file < m->files->len ? g_ptr_array_index(m->files, loc.file) : "?";
	return g_strdup_printf("%s:%u", file, loc.line);
}

static guint32 lookup(GHashTable *t, const char *key)
{
	gpointer v = key != NULL ? g_hash_table_lookup(t, key) : NULL;
	return v == NULL ? AJ_NONE : GPOINTER_TO_UINT(v) - 1;
}

guint32 aj_model_district_index(const AjModel *m, const char *code)
{
	return lookup(m->district_by_code, code);
}

guint32 aj_model_department_index(const AjModel *m, const char *id)
{
	return lookup(m->department_by_id, id);
}

guint32 aj_model_enterprise_index(const AjModel *m, const char *id)
{
	return lookup(m->enterprise_by_id, id);
}
