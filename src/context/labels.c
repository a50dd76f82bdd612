#include "context/labels.h"

#include "rules/exemplars.h"
#include "rules/exposed.h"

const char *aj_label_exposed(int bit)
{
	static const char *const label[AJ_X_COUNT] = {
		"重大事故隐患逾期未整改", "责令停产停业整顿或严重违法违规行为",
		"发生死亡生产安全事故", "列入失信联合惩戒对象", "部门决定曝光"
	};
	return label[bit];
}

const char *aj_label_veto(int n)
{
	static const char *const label[AJ_VETO_COUNT] = {
		"考核期内发生生产安全事故",
		"考核期内受到行政处罚",
		"考核期内发现重大事故隐患或季末重大事故隐患未整改",
		"考核期内被列入失信联合惩戒对象",
		"季末无有效安全生产标准化等级",
		"按规定应配备安全总监但季末未在岗",
		"季度内有月份未开展安全培训或未全员培训",
		"按规定应投保安全生产责任险但季末无有效保单",
		"未在季末前签订本年度安全生产承诺书",
		"企业已关闭",
	};
	return label[n - 1];
}

const char *aj_label_grade(int grade)
{
	static const char *const label[] = { "", "一级", "二级", "三级" };
	return grade >= 1 && grade <= 3 ? label[grade] : "";
}

const char *aj_code_listed(AjListed l)
{
	static const char *const code[] = { "", "district", "city", "province" };
	return code[l];
}

const char *aj_label_listed(AjListed l)
{
	static const char *const label[] = { "", "区级", "市级", "省级" };
	return label[l];
}

const char *aj_label_mode(AjInspectionMode mode)
{
	static const char *const label[] = { "双随机", "四不两直", "明查暗访", "联合执法",
					     "日常检查" };
	return label[mode];
}

const char *aj_label_director_need(AjDirectorNeed n)
{
	static const char *const label[] = { "不作要求", "鼓励配备", "应配备" };
	return label[n];
}
