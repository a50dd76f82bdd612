/* anjian-gen: writes a valid, realistic data set of N enterprises for
 * benchmarks and end-to-end tests, deterministic for a seed.
 *
 *   anjian-gen --enterprises N --from YYYY-MM --to YYYY-MM [--seed S]
 *              [--informant-marker PREFIX] [--city KEY [--province]] --out DIR
 *
 * Proportions follow what offices see: most enterprises are small and in
 * general manufacturing or trade; inspections and training every month,
 * hazards often, penalties sometimes, accidents rarely.  The months before
 * --from get <baseline> aggregates so year-on-year figures are comparable.
 *
 * Files: DIR/office.yml (the city's office profile), DIR/base.xml
 * (districts, departments, enterprises),
 * DIR/records/YYYY-MM.xml (one per month), DIR/lists.xml (blacklist,
 * nominations, exposures, problem lists), DIR/baselines.xml.
 *
 * --city chooses one of the thirteen cities of the table below (default
 * suzhou) for the districts' codes and names and its office profile.
 * --province makes every id unique across the province (records,
 * departments and problem lists get the city's four-digit code:
 * JC-3205-12): the cities' data sets then load together as one, which is
 * how the roll-up's sums are checked.
 *
 * With --informant-marker every report carries an <informant> whose text is
 * PREFIX-<n>: the confidentiality test searches all output for them.
 */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "model/credit_code.h"
#include "model/dates.h"

typedef struct {
	const char *code, *name, *short_name;
} District;

static const District suzhou_districts[] = {
	{ "320505", "虎丘区", "虎丘" },     { "320506", "吴中区", "吴中" },
	{ "320507", "相城区", "相城" },     { "320508", "姑苏区", "姑苏" },
	{ "320509", "吴江区", "吴江" },     { "320571", "苏州工业园区", "园区" },
	{ "320581", "常熟市", "常熟" },     { "320582", "张家港市", "张家港" },
	{ "320583", "昆山市", "昆山" },     { "320585", "太仓市", "太仓" },
};

static const District wuxi_districts[] = {
	{ "320205", "锡山区", "锡山" }, { "320206", "惠山区", "惠山" },
	{ "320211", "滨湖区", "滨湖" }, { "320213", "梁溪区", "梁溪" },
	{ "320214", "新吴区", "新吴" }, { "320281", "江阴市", "江阴" },
	{ "320282", "宜兴市", "宜兴" },
};

static const District nanjing_districts[] = {
	{ "320102", "玄武区", "玄武" }, { "320104", "秦淮区", "秦淮" }, { "320105", "建邺区", "建邺" },
	{ "320106", "鼓楼区", "鼓楼" }, { "320111", "浦口区", "浦口" }, { "320113", "栖霞区", "栖霞" },
	{ "320114", "雨花台区", "雨花" }, { "320115", "江宁区", "江宁" }, { "320116", "六合区", "六合" },
	{ "320117", "溧水区", "溧水" }, { "320118", "高淳区", "高淳" },
};

static const District xuzhou_districts[] = {
	{ "320302", "鼓楼区", "鼓楼" }, { "320303", "云龙区", "云龙" }, { "320305", "贾汪区", "贾汪" },
	{ "320311", "泉山区", "泉山" }, { "320312", "铜山区", "铜山" }, { "320321", "丰县", "丰县" },
	{ "320322", "沛县", "沛县" },     { "320324", "睢宁县", "睢宁" }, { "320381", "新沂市", "新沂" },
	{ "320382", "邳州市", "邳州" },
};

static const District changzhou_districts[] = {
	{ "320402", "天宁区", "天宁" }, { "320404", "钟楼区", "钟楼" }, { "320411", "新北区", "新北" },
	{ "320412", "武进区", "武进" }, { "320413", "金坛区", "金坛" }, { "320481", "溧阳市", "溧阳" },
};

static const District nantong_districts[] = {
	{ "320612", "通州区", "通州" }, { "320613", "崇川区", "崇川" }, { "320614", "海门区", "海门" },
	{ "320623", "如东县", "如东" }, { "320681", "启东市", "启东" }, { "320682", "如皋市", "如皋" },
	{ "320685", "海安市", "海安" },
};

static const District lianyungang_districts[] = {
	{ "320703", "连云区", "连云" }, { "320706", "海州区", "海州" }, { "320707", "赣榆区", "赣榆" },
	{ "320722", "东海县", "东海" }, { "320723", "灌云县", "灌云" }, { "320724", "灌南县", "灌南" },
};

static const District huaian_districts[] = {
	{ "320803", "淮安区", "淮安" }, { "320804", "淮阴区", "淮阴" }, { "320812", "清江浦区", "清江浦" },
	{ "320813", "洪泽区", "洪泽" }, { "320826", "涟水县", "涟水" }, { "320830", "盱眙县", "盱眙" },
	{ "320831", "金湖县", "金湖" },
};

static const District yancheng_districts[] = {
	{ "320902", "亭湖区", "亭湖" }, { "320903", "盐都区", "盐都" }, { "320904", "大丰区", "大丰" },
	{ "320921", "响水县", "响水" }, { "320922", "滨海县", "滨海" }, { "320923", "阜宁县", "阜宁" },
	{ "320924", "射阳县", "射阳" }, { "320925", "建湖县", "建湖" }, { "320981", "东台市", "东台" },
};

static const District yangzhou_districts[] = {
	{ "321002", "广陵区", "广陵" }, { "321003", "邗江区", "邗江" }, { "321012", "江都区", "江都" },
	{ "321023", "宝应县", "宝应" }, { "321081", "仪征市", "仪征" }, { "321084", "高邮市", "高邮" },
};

static const District zhenjiang_districts[] = {
	{ "321102", "京口区", "京口" }, { "321111", "润州区", "润州" }, { "321112", "丹徒区", "丹徒" },
	{ "321181", "丹阳市", "丹阳" }, { "321182", "扬中市", "扬中" }, { "321183", "句容市", "句容" },
};

static const District taizhou_districts[] = {
	{ "321202", "海陵区", "海陵" }, { "321203", "高港区", "高港" }, { "321204", "姜堰区", "姜堰" },
	{ "321281", "兴化市", "兴化" }, { "321282", "靖江市", "靖江" }, { "321283", "泰兴市", "泰兴" },
};

static const District suqian_districts[] = {
	{ "321302", "宿城区", "宿城" }, { "321311", "宿豫区", "宿豫" }, { "321322", "沭阳县", "沭阳" },
	{ "321323", "泗阳县", "泗阳" }, { "321324", "泗洪县", "泗洪" },
};

/* A city of the data set (--city): its districts, the one-character name
 * of its penalty numbers and 代字, and its office profile (office.yml). */
typedef struct {
	const char *key, *name, *abbr;
	const District *districts;
	guint n_districts;
	const char *recipients;
} City;

#define COUNTIES "各县（市、区）安委会，市安委会各成员单位"
#define CITY(key, name, abbr, recipients) \
	{ #key, name, abbr, key##_districts, G_N_ELEMENTS(key##_districts), recipients }
static const City cities[] = {
	CITY(suzhou, "苏州市", "苏", "各市、区安委会，苏州工业园区、苏州高新区安委会，市安委会各成员单位"),
	CITY(wuxi, "无锡市", "锡", "各市（县）、区安委会，市安委会各成员单位"),
	CITY(nanjing, "南京市", "宁", "各区安委会，江北新区安委会，市安委会各成员单位"),
	CITY(xuzhou, "徐州市", "徐", COUNTIES),
	CITY(changzhou, "常州市", "常", COUNTIES),
	CITY(nantong, "南通市", "通", COUNTIES),
	CITY(lianyungang, "连云港市", "连", COUNTIES),
	CITY(huaian, "淮安市", "淮", COUNTIES),
	CITY(yancheng, "盐城市", "盐", COUNTIES),
	CITY(yangzhou, "扬州市", "扬", COUNTIES),
	CITY(zhenjiang, "镇江市", "镇", COUNTIES),
	CITY(taizhou, "泰州市", "泰", COUNTIES),
	CITY(suqian, "宿迁市", "宿", COUNTIES),
};

static const char *const departments[][2] = {
	{ "yjj", "市应急管理局" }, { "zjj", "市住房和城乡建设局" }, { "jtj", "市交通运输局" },
	{ "gxj", "市工业和信息化局" }, { "scj", "市市场监督管理局" }, { "xfj", "市消防救援支队" },
};

/* Industry codes with weights in thousandths: most enterprises are general
 * manufacturing or trade. */
static const struct {
	const char *code, *word;
	int weight;
} industries[] = {
	{ "manufacturing", "机械制造", 380 }, { "trade", "商贸", 200 }, { "other", "服务", 90 },
	{ "construction", "建设工程", 70 }, { "transport", "物流运输", 50 },
	{ "hazardous-chemicals", "化学品储运", 40 }, { "chemical", "化工", 40 },
	{ "dust-explosion", "金属制品", 40 }, { "metallurgy", "冶金", 20 },
	{ "ammonia-refrigeration", "冷链食品", 20 }, { "shipbuilding", "船舶修造", 15 },
	{ "fishery", "水产", 15 }, { "mining", "建材矿业", 10 }, { "fireworks", "烟花", 5 },
	{ "explosives", "爆破器材", 5 },
};

static const char *const name_words[] = { "恒通", "华盛", "金鼎", "永安", "瑞丰", "同创",
					  "新诚", "宏达", "精工", "天元", "鑫源", "泰和",
					  "昌盛", "润华", "博远", "协力" };
static const char *const hazard_texts[] = {
	"可燃气体报警装置失效", "配电箱未设置漏电保护", "消防通道堆放杂物",
	"粉尘清扫制度未落实", "特种作业人员无证上岗", "安全出口锁闭",
	"危化品仓库超量储存", "高处作业未系安全带", "涉氨区域未设置喷淋装置",
};
static const char *const violation_texts[] = {
	"未按规定配备安全总监", "未如实记录安全生产教育和培训情况",
	"未对重大危险源登记建档", "未按规定进行安全评价", "未采取措施消除事故隐患",
};
static const char *const accident_types[] = { "fall",	   "mechanical", "electrocution",
					      "fire",	   "poisoning",	 "collapse",
					      "traffic",   "explosion",	 "other" };
static const char *const modes[] = { "double-random", "four-no-two-direct", "covert", "joint",
				     "routine" };

typedef struct {
	char id[19];
	guint district;
	guint industry;
	gboolean above;
	guint employees;
	guint revenue; /* 万元 */
} Enterprise;

typedef struct {
	GRand *rand;
	guint n;
	AjMonth from, to;
	const char *out;
	const char *marker;
	Enterprise *ents;
	const City *city;
	const char *prefix; /* before every id: "" or, with --province, "3205-" */
	char *dept[6];      /* department ids */
	guint64 seq; /* record id counter */
	guint64 reports;
} Gen;

static int pick_weighted(Gen *g)
{
	int r = g_rand_int_range(g->rand, 0, 1000), acc = 0;

	for (guint i = 0; i < G_N_ELEMENTS(industries); i++) {
		acc += industries[i].weight;
		if (r < acc)
			return (int)i;
	}
	return 0;
}

static void make_credit_code(Gen *g, guint district, char out[19])
{
	static const char charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	memcpy(out, "91", 2);
	memcpy(out + 2, g->city->districts[district].code, 6);
	for (int i = 8; i < 17; i++)
		out[i] = charset[g_rand_int_range(g->rand, 0, i < 16 ? 31 : 10)];
	out[17] = aj_credit_code_check_char(out);
	out[18] = '\0';
}

static FILE *open_out(Gen *g, const char *rel, char **tmp_out)
{
	char *path = g_build_filename(g->out, rel, NULL);
	char *dir = g_path_get_dirname(path);
	FILE *f;

	g_mkdir_with_parents(dir, 0755);
	*tmp_out = path;
	f = fopen(path, "w");
	if (f == NULL) {
		fprintf(stderr, "anjian-gen: %s: %s\n", path, g_strerror(errno));
		exit(EX_CANTCREAT);
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dataset version=\"1\">\n", f);
	g_free(dir);
	return f;
}

static void close_out(FILE *f, char *path)
{
	fputs("</dataset>\n", f);
	if (fclose(f) != 0) {
		fprintf(stderr, "anjian-gen: %s: %s\n", path, g_strerror(errno));
		exit(EX_IOERR);
	}
	g_free(path);
}

static const char *date_str(AjDay d, char buf[11])
{
	return aj_day_format(d, buf);
}

static AjDay day_in_month(Gen *g, AjMonth m)
{
	AjDay a = aj_month_first_day(m), b = aj_month_last_day(m);
	return a + (AjDay)g_rand_int_range(g->rand, 0, (gint32)(b - a + 1));
}

static void write_base(Gen *g)
{
	char *path;
	FILE *f = open_out(g, "base.xml", &path);
	char b1[11];
	int first_year = aj_month_year(g->from) - 1, last_year = aj_month_year(g->to);

	for (guint i = 0; i < g->city->n_districts; i++)
		fprintf(f, "  <district code=\"%s\" name=\"%s\"/>\n", g->city->districts[i].code,
			g->city->districts[i].name);
	for (guint i = 0; i < G_N_ELEMENTS(departments); i++)
		fprintf(f, "  <department id=\"%s\" name=\"%s\"/>\n", g->dept[i],
			departments[i][1]);
	for (guint i = 0; i < g->n; i++) {
		Enterprise *e = &g->ents[i];
		int size = g_rand_int_range(g->rand, 0, 100);
		e->district = (guint)g_rand_int_range(g->rand, 0, (gint32)g->city->n_districts);
		e->industry = (guint)pick_weighted(g);
		/* 70% small, 22% medium, 8% large. */
		e->employees = size < 70	? (guint)g_rand_int_range(g->rand, 3, 50)
			       : size < 92 ? (guint)g_rand_int_range(g->rand, 50, 300)
					   : (guint)g_rand_int_range(g->rand, 300, 3000);
		e->revenue = e->employees * (guint)g_rand_int_range(g->rand, 8, 40);
		e->above = e->revenue >= 2000;
		make_credit_code(g, e->district, e->id);
		const char *w1 = name_words[g_rand_int_range(g->rand, 0, G_N_ELEMENTS(name_words))];
		const char *w2 = name_words[g_rand_int_range(g->rand, 0, G_N_ELEMENTS(name_words))];
		fprintf(f,
			"  <enterprise id=\"%s\" district=\"%s\" industry=\"%s\" scale=\"%s\" "
			"employees=\"%u\" revenue=\"%u\" status=\"%s\">\n"
			"    <name>%s%s%s%s有限公司%u号</name>\n"
			"    <address>%s某某镇某某路%u号</address>\n",
			e->id, g->city->districts[e->district].code, industries[e->industry].code,
			e->above ? "above" : "below", e->employees, e->revenue,
			g_rand_int_range(g->rand, 0, 100) < 3 ? "closed" : "active",
			g->city->districts[e->district].short_name, w1, w2,
			industries[e->industry].word, i, g->city->districts[e->district].name,
			i % 999 + 1);
		if (g_rand_int_range(g->rand, 0, 100) < 35) {
			AjDay from = aj_month_first_day(g->from - 12) +
				     (AjDay)g_rand_int_range(g->rand, 0, 700);
			fprintf(f, "    <standardization grade=\"%d\" from=\"%s\"",
				g_rand_int_range(g->rand, 1, 4), date_str(from, b1));
			fprintf(f, " to=\"%s\"/>\n", date_str(from + 3 * 365, b1));
		}
		if (e->employees >= 100 && g_rand_int_range(g->rand, 0, 100) < 80)
			fprintf(f, "    <safety-director from=\"%s\"/>\n",
				date_str(aj_month_first_day(g->from - 24) +
						 (AjDay)g_rand_int_range(g->rand, 0, 600),
					 b1));
		for (int y = first_year; y <= last_year; y++) {
			if (g_rand_int_range(g->rand, 0, 100) < 90)
				fprintf(f, "    <commitment year=\"%d\" signed=\"%s\"/>\n", y,
					date_str(aj_day_from_ymd(y, 1, 1) +
							 (AjDay)g_rand_int_range(g->rand, 0, 80),
						 b1));
			if (g_rand_int_range(g->rand, 0, 100) < 80)
				fprintf(f, "    <self-inspection year=\"%d\" reported=\"%s\"/>\n", y,
					date_str(aj_day_from_ymd(y, 2, 1) +
							 (AjDay)g_rand_int_range(g->rand, 0, 80),
						 b1));
		}
		if (g_rand_int_range(g->rand, 0, 100) < 70)
			fprintf(f, "    <responsibility-list published=\"%s\"/>\n",
				date_str(aj_month_first_day(g->from - 12) +
						 (AjDay)g_rand_int_range(g->rand, 0, 300),
					 b1));
		for (int y = first_year; y <= last_year; y++)
			if (g_rand_int_range(g->rand, 0, 100) < 60)
				fprintf(f, "    <insurance from=\"%d-01-01\" to=\"%d-12-31\"/>\n", y, y);
		fputs("  </enterprise>\n", f);
	}
	close_out(f, path);
}

static void write_month(Gen *g, AjMonth m)
{
	char rel[32], b1[11], b2[11], b3[11], mb[8];
	char *path;
	FILE *f;

	g_snprintf(rel, sizeof rel, "records/%s.xml", aj_month_format(m, mb));
	f = open_out(g, rel, &path);
	for (guint i = 0; i < g->n; i++) {
		Enterprise *e = &g->ents[i];
		int r = g_rand_int_range(g->rand, 0, 1000);
		if (r < 150) {
			fprintf(f,
				"  <inspection id=\"JC-%s%" G_GUINT64_FORMAT "\" enterprise=\"%s\" "
				"department=\"%s\" date=\"%s\" mode=\"%s\"/>\n",
				g->prefix, ++g->seq, e->id, g->dept[g_rand_int_range(g->rand, 0, 6)],
				date_str(day_in_month(g, m), b1), modes[g_rand_int_range(g->rand, 0, 5)]);
		}
		if (r < 100) {
			gboolean major = g_rand_int_range(g->rand, 0, 100) < 5;
			AjDay found = day_in_month(g, m), deadline = found + (major ? 60 : 30);
			AjDay fixed = found + (AjDay)g_rand_int_range(g->rand, 1, major ? 90 : 40);
			/* a listed (挂牌督办) hazard is a hard one: more often still open */
			static const char *const level[] = { "province", "province", "city", "city",
							     "district" };
			const char *listed = major && g_rand_int_range(g->rand, 0, 100) < 40
						     ? level[g_rand_int_range(g->rand, 0, 5)]
						     : NULL;
			gboolean open = g_rand_int_range(g->rand, 0, 100) < (listed != NULL ? 40 : 12);
			fprintf(f,
				"  <hazard id=\"YH-%s%" G_GUINT64_FORMAT "\" enterprise=\"%s\" level=\"%s\" "
				"found=\"%s\" deadline=\"%s\"",
				g->prefix, ++g->seq, e->id, major ? "major" : "general", date_str(found, b1),
				date_str(deadline, b2));
			if (!open)
				fprintf(f, " rectified=\"%s\"", date_str(fixed, b3));
			if (listed != NULL)
				fprintf(f, " listed=\"%s\"", listed);
			fprintf(f, ">\n    <description>%s</description>\n  </hazard>\n",
				hazard_texts[g_rand_int_range(g->rand, 0, G_N_ELEMENTS(hazard_texts))]);
		}
		if (r < 20) {
			int fine = g_rand_int_range(g->rand, 1, 60) * 5000;
			fprintf(f,
				"  <penalty id=\"%s应急罚〔%d〕%" G_GUINT64_FORMAT "号\" enterprise=\"%s\" "
				"department=\"%s\" date=\"%s\" fine=\"%d\"%s%s>\n"
				"    <violation>%s</violation>\n  </penalty>\n",
				g->city->abbr, aj_month_year(m), ++g->seq, e->id,
				g->dept[g_rand_int_range(g->rand, 0, 6)],
				date_str(day_in_month(g, m), b1), fine,
				r < 2 ? " suspension=\"true\"" : "", r == 3 ? " serious=\"true\"" : "",
				violation_texts[g_rand_int_range(g->rand, 0,
								 G_N_ELEMENTS(violation_texts))]);
		}
		if (r == 999 && g_rand_int_range(g->rand, 0, 3) == 0) {
			fprintf(f,
				"  <accident id=\"SG-%s%" G_GUINT64_FORMAT "\" enterprise=\"%s\" date=\"%s\" "
				"type=\"%s\" deaths=\"%d\" injuries=\"%d\" loss=\"%d\"/>\n",
				g->prefix, ++g->seq, e->id, date_str(day_in_month(g, m), b1),
				accident_types[g_rand_int_range(g->rand, 0, G_N_ELEMENTS(accident_types))],
				g_rand_int_range(g->rand, 0, 3) == 0 ? 1 : 0,
				g_rand_int_range(g->rand, 0, 3), g_rand_int_range(g->rand, 1, 500) * 1000);
		}
		if (r < 900) {
			guint staff = e->employees;
			guint trained = r < 60 ? staff - staff / 10 : staff;
			fprintf(f,
				"  <training enterprise=\"%s\" month=\"%s\" staff=\"%u\" trained=\"%u\" "
				"drills=\"%d\" warning-education=\"%d\"/>\n",
				e->id, mb, staff, trained, r % 3 == 0, r % 4 == 0);
		}
		if (r >= 990 && r < 995) {
			AjDay rec = day_in_month(g, m);
			g->reports++;
			fprintf(f,
				"  <report id=\"JB-%s%" G_GUINT64_FORMAT "\" enterprise=\"%s\" "
				"received=\"%s\" deadline=\"%s\" replied=\"%s\" substantiated=\"%s\">\n",
				g->prefix, ++g->seq, e->id, date_str(rec, b1), date_str(rec + 15, b2),
				date_str(rec + (AjDay)g_rand_int_range(g->rand, 1, 20), b3),
				r % 2 ? "true" : "false");
			if (g->marker != NULL)
				fprintf(f, "    <informant>%s-%" G_GUINT64_FORMAT "</informant>\n",
					g->marker, g->reports);
			fputs("    <content>反映该单位存在安全隐患</content>\n  </report>\n", f);
		}
	}
	close_out(f, path);
}

static void write_lists(Gen *g)
{
	char *path;
	FILE *f = open_out(g, "lists.xml", &path);
	char b1[11], b2[11], mb[8];
	guint step = g->n > 400 ? g->n / 400 : 1;

	for (AjMonth m = g->from; m <= g->to; m++) {
		for (guint i = (guint)(m % 7); i < g->n; i += step * 13) {
			fprintf(f,
				"  <exposure enterprise=\"%s\" department=\"%s\" month=\"%s\">\n"
				"    <problem>%s</problem>\n    <handling>责令限期整改</handling>\n"
				"  </exposure>\n",
				g->ents[i].id, g->dept[0], aj_month_format(m, mb),
				hazard_texts[i % G_N_ELEMENTS(hazard_texts)]);
		}
		if (m % 3 == 2) { /* a month that ends a quarter */
			char qb[8];
			for (guint i = (guint)(m % 5); i < g->n; i += step * 3)
				fprintf(f,
					"  <nomination enterprise=\"%s\" department=\"%s\" quarter=\"%s\"/>\n",
					g->ents[i].id, g->dept[0], aj_quarter_format(aj_quarter_of_month(m), qb));
		}
	}
	for (guint i = 5; i < g->n; i += step * 50) {
		AjDay from = day_in_month(g, g->from + (AjMonth)(i % (guint)(g->to - g->from + 1)));
		fprintf(f,
			"  <blacklist enterprise=\"%s\" from=\"%s\" to=\"%s\" reason=\"重大隐患整改不力\"/>\n",
			g->ents[i].id, date_str(from, b1), date_str(from + 364, b2));
	}
	static const char *const statuses[] = { "done", "in-progress", "long-term" };
	for (int l = 1; l <= 3; l++) {
		AjDay issued = aj_month_first_day(g->from) + (AjDay)(l * 20);
		fprintf(f,
			"  <problem-list id=\"%sgen-%d\" source=\"省安全生产巡查组\" batch=\"第%d批\" "
			"issued=\"%s\">\n",
			g->prefix, l, l, date_str(issued, b1));
		for (int a = 1; a <= 5; a++) {
			fprintf(f, "    <aspect title=\"重点领域问题%d\">\n", a);
			for (int p = 1; p <= 6; p++) {
				const char *st = statuses[(a + p) % 3];
				/* every third problem is a district's own (the
				 * assessment counts it for that district) */
				fprintf(f, "      <problem id=\"%sgen-%d-%d-%d\" responsible=\"%s\"",
					g->prefix, l, a, p,
					p % 3 == 0 ? g->city->districts[(guint)(l + a) % g->city->n_districts].name
						   : departments[p % 6][1]);
				if (strcmp(st, "long-term") != 0)
					fprintf(f, " deadline=\"%s\"", date_str(issued + (AjDay)(30 * p), b1));
				fprintf(f, " status=\"%s\"", st);
				if (strcmp(st, "done") == 0)
					fprintf(f, " closed=\"%s\"", date_str(issued + (AjDay)(10 * p), b1));
				fprintf(f,
					">\n        <description>%s</description>\n"
					"        <progress date=\"%s\">已制定整改方案</progress>\n"
					"      </problem>\n",
					hazard_texts[p % G_N_ELEMENTS(hazard_texts)],
					date_str(issued + 5, b1));
			}
			fputs("    </aspect>\n", f);
		}
		fputs("  </problem-list>\n", f);
	}
	close_out(f, path);
}

static void write_baselines(Gen *g)
{
	char *path;
	FILE *f = open_out(g, "baselines.xml", &path);
	char mb[8];
	guint per = g->n / g->city->n_districts + 1;

	/* accidents about as often as in the records (one in 3000 enterprise-
	 * months), deaths only with an accident */
	for (AjMonth m = g->from - 12; m < g->from; m++)
		for (guint d = 0; d < g->city->n_districts; d++) {
			guint accidents = (guint)g_rand_int_range(g->rand, 0, (gint32)(per / 1500 + 1));
			guint deaths = (guint)g_rand_int_range(g->rand, 0, 2);
			fprintf(f,
				"  <baseline district=\"%s\" month=\"%s\" inspections=\"%u\" "
				"penalties=\"%u\" fines=\"%u.00\" accidents=\"%u\" deaths=\"%u\"/>\n",
				g->city->districts[d].code, aj_month_format(m, mb), per * 140 / 1000,
				per * 18 / 1000, per * 18 / 1000 * 150000,
				accidents, accidents > 0 ? deaths : 0);
		}
	close_out(f, path);
}

/* office.yml: the city's office profile (../shared/spec/office.md). */
static void write_office(Gen *g)
{
	const City *c = g->city;
	char *path = g_build_filename(g->out, "office.yml", NULL);
	char *text = g_strdup_printf(
		"issuer: %s安全生产委员会办公室\n"
		"area: %s\n"
		"recipients: %s\n"
		"cc: [省安委办, 市委办公室, 市人大常委会办公室, 市政府办公室, 市政协办公室]\n"
		"numbers:\n"
		"  bulletin: %s安办通\n"
		"  exposed: %s安办曝\n"
		"  exemplars: %s安办示\n"
		"  exemplar-review: %s安办审\n"
		"  rectification: %s安办改\n"
		"  hazard-supervision: %s安办督\n"
		"  assessment: %s安办考\n"
		"data-source: %s安全生产监管执法系统\n"
		"site:\n"
		"  title: %s安全生产信息公开\n"
		"  url: https://example.invalid/%s/\n",
		c->name, c->name, c->recipients, c->abbr, c->abbr, c->abbr, c->abbr, c->abbr,
		c->abbr, c->abbr, c->name, c->name, c->key);

	g_mkdir_with_parents(g->out, 0755);
	if (!g_file_set_contents(path, text, -1, NULL)) {
		fprintf(stderr, "anjian-gen: %s: cannot write\n", path);
		exit(EX_CANTCREAT);
	}
	g_free(text);
	g_free(path);
}

int main(int argc, char **argv)
{
	int n = 1000, seed = 1;
	char *from = NULL, *to = NULL, *out = NULL, *marker = NULL, *city = NULL;
	gboolean province = FALSE;
	GOptionEntry entries[] = {
		{ "enterprises", 'n', 0, G_OPTION_ARG_INT, &n, "number of enterprises", "N" },
		{ "from", 0, 0, G_OPTION_ARG_STRING, &from, "first month of records", "YYYY-MM" },
		{ "to", 0, 0, G_OPTION_ARG_STRING, &to, "last month of records", "YYYY-MM" },
		{ "seed", 's', 0, G_OPTION_ARG_INT, &seed, "random seed", "S" },
		{ "informant-marker", 0, 0, G_OPTION_ARG_STRING, &marker,
		  "give every report an informant PREFIX-n", "PREFIX" },
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, "output directory", "DIR" },
		{ "city", 0, 0, G_OPTION_ARG_STRING, &city,
		  "the city (suzhou, wuxi, nanjing, … : the thirteen of the table; default suzhou)",
		  "KEY" },
		{ "province", 0, 0, G_OPTION_ARG_NONE, &province,
		  "ids unique across the province's cities (they carry the city's code)", NULL },
		{ NULL }
	};
	GOptionContext *ctx = g_option_context_new("- write a synthetic anjian data set");
	GError *err = NULL;
	Gen g = { 0 };

	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
		fprintf(stderr, "anjian-gen: %s\n", err->message);
		return EX_USAGE;
	}
	g_option_context_free(ctx);
	if (out == NULL || n < 1 || !aj_month_parse(from ? from : "2025-01", &g.from) ||
	    !aj_month_parse(to ? to : "2026-12", &g.to) || g.to < g.from) {
		fprintf(stderr, "anjian-gen: need --out DIR, N >= 1 and --from <= --to (YYYY-MM)\n");
		return EX_USAGE;
	}
	g.city = &cities[0];
	for (gsize i = 0; city != NULL && i < G_N_ELEMENTS(cities); i++)
		if (strcmp(city, cities[i].key) == 0)
			g.city = &cities[i];
	if (city != NULL && strcmp(city, g.city->key) != 0) {
		fprintf(stderr, "anjian-gen: --city: no city %s in the table\n", city);
		return EX_USAGE;
	}
	g.prefix = province ? g_strdup_printf("%.4s-", g.city->districts[0].code) : g_strdup("");
	for (guint i = 0; i < G_N_ELEMENTS(g.dept); i++)
		g.dept[i] = g_strconcat(g.prefix, departments[i][0], NULL);
	g.rand = g_rand_new_with_seed((guint32)seed);
	g.n = (guint)n;
	g.out = out;
	g.marker = marker;
	g.ents = g_new0(Enterprise, g.n);
	write_office(&g);
	write_base(&g);
	for (AjMonth m = g.from; m <= g.to; m++)
		write_month(&g, m);
	write_lists(&g);
	write_baselines(&g);
	g_free(g.ents);
	for (guint i = 0; i < G_N_ELEMENTS(g.dept); i++)
		g_free(g.dept[i]);
	g_free((char *)g.prefix);
	g_rand_free(g.rand);
	g_free(from);
	g_free(to);
	g_free(out);
	g_free(marker);
	g_free(city);
	return EX_OK;
}
