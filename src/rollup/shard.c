#include "rollup/shard.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>

#include "util/error.h"
#include "util/i18n.h"

/* Reading a data file's figures: the first problem is kept, later reads
 * return 0 so that a caller checks once at the end. */
typedef struct {
	const char *file;
	GError **err;
	gboolean ok;
} Reader;

static void missing(Reader *r, xmlNodePtr node, const char *name, const char *what)
{
	if (!r->ok)
		return;
	r->ok = FALSE;
	g_set_error(r->err, AJ_ERROR, EX_DATAERR,
		    _("%s:%ld: <%s> has no valid %s (%s): the city's output is older than the "
		      "shard contract or was edited; build the city again with this anjian"),
		    r->file, xmlGetLineNo(node), (const char *)node->name, name, what);
}

static gint64 get_int(Reader *r, xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetProp(node, BAD_CAST name);
	gint64 n = 0;

	if (v == NULL || !g_ascii_string_to_signed((const char *)v, 10, 0, G_MAXINT64, &n, NULL))
		missing(r, node, name, _("a whole number"));
	xmlFree(v);
	return n;
}

/* "1234.56" (yuan) → fen. */
static AjFen get_yuan(Reader *r, xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetProp(node, BAD_CAST name);
	const char *s = (const char *)v, *dot = s != NULL ? strchr(s, '.') : NULL;
	char *whole = dot != NULL ? g_strndup(s, (gsize)(dot - s)) : NULL;
	gint64 w = 0, f = 0;

	if (dot == NULL || strlen(dot) != 3 ||
	    !g_ascii_string_to_signed(whole, 10, 0, G_MAXINT64 / 100, &w, NULL) ||
	    !g_ascii_string_to_signed(dot + 1, 10, 0, 99, &f, NULL))
		missing(r, node, name, _("yuan with two decimals"));
	g_free(whole);
	xmlFree(v);
	return w * 100 + f;
}

static gboolean get_bool(Reader *r, xmlNodePtr node, const char *name)
{
	xmlChar *v = xmlGetProp(node, BAD_CAST name);
	gboolean yes = v != NULL && strcmp((const char *)v, "true") == 0;

	if (v == NULL || (!yes && strcmp((const char *)v, "false") != 0))
		missing(r, node, name, "true|false");
	xmlFree(v);
	return yes;
}

static xmlNodePtr child(xmlNodePtr parent, const char *name, const char *attr, const char *value)
{
	for (xmlNodePtr c = parent != NULL ? parent->children : NULL; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, name) != 0)
			continue;
		if (attr == NULL)
			return c;
		xmlChar *v = xmlGetProp(c, BAD_CAST attr);
		gboolean match = v != NULL && strcmp((const char *)v, value) == 0;
		xmlFree(v);
		if (match)
			return c;
	}
	return NULL;
}

static xmlNodePtr need(Reader *r, xmlNodePtr parent, const char *name, const char *attr,
		       const char *value)
{
	xmlNodePtr c = child(parent, name, attr, value);

	if (c == NULL && r->ok) {
		r->ok = FALSE;
		g_set_error(r->err, AJ_ERROR, EX_DATAERR,
			    _("%s: no <%s> element: the city's output is older than the shard "
			      "contract or was edited; build the city again with this anjian"),
			    r->file, name);
	}
	return c;
}

/* prior-… or prior-ytd-…: the prior figures behind a 同比, when comparable. */
static void get_prior(Reader *r, xmlNodePtr node, const char *prefix, AjCoreFigures *f)
{
	char *name = g_strdup_printf("%s-comparable", prefix);

	*f = (AjCoreFigures){ .comparable = get_bool(r, node, name) };
	g_free(name);
	if (!f->comparable)
		return;
#define PRIOR(field, key)                                                \
	name = g_strdup_printf("%s-" key, prefix);                       \
	f->field = get_int(r, node, name);                               \
	g_free(name)
	PRIOR(inspections, "inspections");
	PRIOR(penalties, "penalties");
	PRIOR(accidents, "accidents");
	PRIOR(deaths, "deaths");
#undef PRIOR
	name = g_strdup_printf("%s-fines", prefix);
	f->fines = get_yuan(r, node, name);
	g_free(name);
}

static void get_total(Reader *r, xmlNodePtr t, AjBulletinRow *row)
{
	*row = (AjBulletinRow){
		.inspections = get_int(r, t, "inspections"),
		.inspections_ytd = get_int(r, t, "inspections-ytd"),
		.penalties = get_int(r, t, "penalties"),
		.penalties_ytd = get_int(r, t, "penalties-ytd"),
		.fines = get_yuan(r, t, "fines"),
		.suspensions = get_int(r, t, "suspensions"),
		.accidents = get_int(r, t, "accidents"),
		.accidents_ytd = get_int(r, t, "accidents-ytd"),
		.deaths = get_int(r, t, "deaths"),
		.deaths_ytd = get_int(r, t, "deaths-ytd"),
		.major_hazards_found = get_int(r, t, "major-hazards-found"),
		.major_hazards_open = get_int(r, t, "major-hazards-open"),
		.major_hazards_overdue = get_int(r, t, "major-hazards-overdue"),
		.reports = get_int(r, t, "reports"),
		.reports_late = get_int(r, t, "reports-late"),
	};
	get_prior(r, t, "prior", &row->prior);
	get_prior(r, t, "prior-ytd", &row->prior_ytd);
}

static void get_trend(Reader *r, xmlNodePtr root, AjTrendMonth out[12])
{
	xmlNodePtr trend = need(r, root, "trend", NULL, NULL), m = NULL;
	int k = 0;

	for (m = trend != NULL ? trend->children : NULL; m != NULL && k < 12; m = m->next) {
		xmlChar *period;
		if (m->type != XML_ELEMENT_NODE || strcmp((const char *)m->name, "month") != 0)
			continue;
		period = xmlGetProp(m, BAD_CAST "period");
		out[k] = (AjTrendMonth){ .known = get_bool(r, m, "known") };
		if (period == NULL || !aj_month_parse((const char *)period, &out[k].month))
			missing(r, m, "period", "YYYY-MM");
		if (out[k].known) {
			out[k].accidents = get_int(r, m, "accidents");
			out[k].deaths = get_int(r, m, "deaths");
		}
		xmlFree(period);
		k++;
	}
	if (k != 12 && trend != NULL)
		missing(r, trend, "month", _("twelve <month> elements"));
}

static void get_compliance(Reader *r, xmlNodePtr root, AjComplianceRow *c)
{
	xmlNodePtr x = need(r, root, "compliance", "district", "all");

	if (x == NULL)
		return;
	*c = (AjComplianceRow){
		.enterprises = get_int(r, x, "enterprises"),
		.commitment = get_int(r, x, "commitment"),
		.self_inspection = get_int(r, x, "self-inspection"),
		.responsibility_list = get_int(r, x, "responsibility-list"),
		.director_required = get_int(r, x, "director-required"),
		.director_present = get_int(r, x, "director-present"),
		.standardized = get_int(r, x, "standardized"),
		.insurance_required = get_int(r, x, "insurance-required"),
		.insurance_valid = get_int(r, x, "insurance-valid"),
		.staff = get_int(r, x, "staff"),
		.trained = get_int(r, x, "trained"),
	};
}

/* The assessment's whole-area row: every indicator's raw value and each
 * month's 两增两降 figures (the months are judged again by the province). */
static void get_assessment(Reader *r, xmlNodePtr root, AjAssessmentRow *a)
{
	xmlNodePtr total = need(r, root, "total", NULL, NULL);
	guint k = 0;

	*a = (AjAssessmentRow){ 0 };
	for (int i = 0; total != NULL && i < AJ_INDICATOR_COUNT; i++) {
		xmlNodePtr v = need(r, total, "value", "key", aj_indicator_key((AjIndicator)i));
		if (v == NULL)
			break;
		a->value[i].part = get_int(r, v, "part");
		if (aj_indicator_kind((AjIndicator)i) == AJ_SCORE_RATE)
			a->value[i].whole = get_int(r, v, "whole");
	}
	for (xmlNodePtr m = total != NULL ? total->children : NULL; m != NULL && k < 12; m = m->next) {
		AjTargetMonth *t = &a->months[k];
		xmlChar *period;
		if (m->type != XML_ELEMENT_NODE || strcmp((const char *)m->name, "month") != 0)
			continue;
		period = xmlGetProp(m, BAD_CAST "period");
		if (period == NULL || !aj_month_parse((const char *)period, &t->month))
			missing(r, m, "period", "YYYY-MM");
		xmlFree(period);
		t->ytd[AJ_YOY_INSPECTIONS] = get_int(r, m, "inspections-ytd");
		t->ytd[AJ_YOY_PENALTIES] = get_int(r, m, "penalties-ytd");
		t->ytd[AJ_YOY_ACCIDENTS] = get_int(r, m, "accidents-ytd");
		t->ytd[AJ_YOY_DEATHS] = get_int(r, m, "deaths-ytd");
		t->prior_ytd = (AjCoreFigures){ .comparable = get_bool(r, m, "prior-ytd-comparable") };
		if (t->prior_ytd.comparable) {
			t->prior_ytd.inspections = get_int(r, m, "prior-ytd-inspections");
			t->prior_ytd.penalties = get_int(r, m, "prior-ytd-penalties");
			t->prior_ytd.accidents = get_int(r, m, "prior-ytd-accidents");
			t->prior_ytd.deaths = get_int(r, m, "prior-ytd-deaths");
		}
		k++;
	}
	a->n_months = k;
}

/* ---- the manifest ---- */

static char *sha256_of(const char *path, GError **err)
{
	FILE *f = fopen(path, "rb");
	GChecksum *sum;
	guchar buf[1 << 16];
	gsize n;
	char *hex;

	if (f == NULL) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: listed in the city's manifest.xml but cannot be read (%s); build "
			      "the city again"),
			    path, g_strerror(errno));
		return NULL;
	}
	sum = g_checksum_new(G_CHECKSUM_SHA256);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		g_checksum_update(sum, buf, n);
	fclose(f);
	hex = g_strdup(g_checksum_get_string(sum));
	g_checksum_free(sum);
	return hex;
}

/* A manifest path stays inside the city's directory. */
static gboolean safe_path(const char *p)
{
	char **parts;
	gboolean ok = *p != '\0' && *p != '/';

	parts = g_strsplit(p, "/", -1);
	for (char **s = parts; ok && *s != NULL; s++)
		ok = strcmp(*s, "..") != 0;
	g_strfreev(parts);
	return ok;
}

static xmlDocPtr read_xml(const char *path, const char *what, GError **err)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
							XML_PARSE_NOWARNING);

	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: not a well-formed %s; build the city again"), path, what);
		if (doc != NULL)
			xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

typedef struct {
	const char *kind;
	char *period;
	char *path; /* the data file, relative to the city's directory */
} Wanted;

/* Checks every <file> of the manifest and finds the wanted data files. */
static gboolean check_manifest(AjShard *s, xmlDocPtr manifest, const char *mpath, Wanted *want,
			       guint n_want, GError **err)
{
	xmlNodePtr root = xmlDocGetRootElement(manifest);

	if (strcmp((const char *)root->name, "manifest") != 0) {
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: not an anjian manifest (its root is <%s>); give the output "
			      "directory of a city's `anjian build`"),
			    mpath, (const char *)root->name);
		return FALSE;
	}
	for (xmlNodePtr d = root->children; d != NULL; d = d->next) {
		xmlChar *kind, *period;
		if (d->type != XML_ELEMENT_NODE || strcmp((const char *)d->name, "document") != 0)
			continue;
		kind = xmlGetProp(d, BAD_CAST "kind");
		period = xmlGetProp(d, BAD_CAST "period");
		for (xmlNodePtr f = d->children; f != NULL; f = f->next) {
			xmlChar *path, *sha, *format;
			char *full, *got;
			gboolean ok;
			if (f->type != XML_ELEMENT_NODE || strcmp((const char *)f->name, "file") != 0)
				continue;
			path = xmlGetProp(f, BAD_CAST "path");
			sha = xmlGetProp(f, BAD_CAST "sha256");
			format = xmlGetProp(f, BAD_CAST "format");
			if (path == NULL || sha == NULL || !safe_path((const char *)path)) {
				g_set_error(err, AJ_ERROR, EX_DATAERR,
					    _("%s:%ld: a <file> without a path inside the city's "
					      "directory or without sha256; build the city again"),
					    mpath, xmlGetLineNo(f));
				ok = FALSE;
				got = NULL;
				full = NULL;
			} else {
				full = g_build_filename(s->dir, (const char *)path, NULL);
				got = sha256_of(full, err);
				ok = got != NULL;
			}
			if (ok && strcmp(got, (const char *)sha) != 0) {
				g_set_error(err, AJ_ERROR, EX_DATAERR,
					    _("%s: does not match its sha256 in %s: the file changed "
					      "after the city's build; build the city again (never edit "
					      "a build's output)"),
					    full, mpath);
				ok = FALSE;
			}
			for (guint w = 0; ok && w < n_want; w++)
				if (kind != NULL && period != NULL && format != NULL &&
				    strcmp((const char *)kind, want[w].kind) == 0 &&
				    strcmp((const char *)period, want[w].period) == 0 &&
				    strcmp((const char *)format, "data") == 0)
					want[w].path = g_strdup((const char *)path);
			g_free(full);
			g_free(got);
			xmlFree(path);
			xmlFree(sha);
			xmlFree(format);
			if (!ok) {
				xmlFree(kind);
				xmlFree(period);
				return FALSE;
			}
		}
		xmlFree(kind);
		xmlFree(period);
	}
	return TRUE;
}

/* The newest bulletin the manifest lists, to say what the city was built for. */
static char *built_for(xmlDocPtr manifest)
{
	char *best = NULL;

	for (xmlNodePtr d = xmlDocGetRootElement(manifest)->children; d != NULL; d = d->next) {
		xmlChar *kind, *period;
		if (d->type != XML_ELEMENT_NODE)
			continue;
		kind = xmlGetProp(d, BAD_CAST "kind");
		period = xmlGetProp(d, BAD_CAST "period");
		if (kind != NULL && period != NULL && strcmp((const char *)kind, "bulletin") == 0 &&
		    (best == NULL || strcmp((const char *)period, best) > 0)) {
			g_free(best);
			best = g_strdup((const char *)period);
		}
		xmlFree(kind);
		xmlFree(period);
	}
	return best;
}

static gboolean read_bulletin(AjShard *s, const char *path, GError **err)
{
	Reader r = { path, err, TRUE };
	xmlNodePtr root, meta, district;
	xmlChar *area = NULL, *asof = NULL, *code = NULL;

	s->bulletin = read_xml(path, _("bulletin data file"), err);
	if (s->bulletin == NULL)
		return FALSE;
	root = xmlDocGetRootElement(s->bulletin);
	meta = need(&r, root, "meta", NULL, NULL);
	district = need(&r, root, "district", NULL, NULL);
	if (meta != NULL) {
		area = xmlGetProp(meta, BAD_CAST "area");
		asof = xmlGetProp(meta, BAD_CAST "as-of");
		if (area == NULL || *area == '\0')
			missing(&r, meta, "area", _("the city, from its office profile"));
		if (asof == NULL || !aj_day_parse((const char *)asof, &s->asof))
			missing(&r, meta, "as-of", "YYYY-MM-DD");
	}
	if (district != NULL) {
		code = xmlGetProp(district, BAD_CAST "code");
		if (code == NULL || strlen((const char *)code) != 6)
			missing(&r, district, "code", _("a 6-digit district code"));
	}
	if (r.ok) {
		s->name = g_strdup((const char *)area);
		s->code = g_strdup_printf("%.4s00", (const char *)code);
		get_total(&r, need(&r, root, "total", NULL, NULL), &s->city.total);
		get_trend(&r, root, s->city.trend);
		get_compliance(&r, root, &s->city.compliance);
		s->city.exemplars = child(root, "exemplars", NULL, NULL);
	}
	xmlFree(area);
	xmlFree(asof);
	xmlFree(code);
	return r.ok;
}

gboolean aj_shard_open(AjShard *s, const char *dir, AjMonth month, gboolean want_assessment,
		       GError **err)
{
	char mb[8], year[8];
	Wanted want[4] = { { "bulletin", NULL, NULL },
			   { "exposed", NULL, NULL },
			   { "hazard-supervision", NULL, NULL },
			   { "assessment", NULL, NULL } };
	guint n_want = want_assessment ? 4 : 3;
	char *mpath = g_build_filename(dir, "manifest.xml", NULL);
	xmlDocPtr manifest = NULL;
	gboolean ok = FALSE;

	memset(s, 0, sizeof *s);
	s->dir = g_strdup(dir);
	aj_month_format(month, mb);
	g_snprintf(year, sizeof year, "%d", aj_month_year(month));
	for (guint i = 0; i < 3; i++)
		want[i].period = mb;
	want[3].period = year;
	if (!g_file_test(mpath, G_FILE_TEST_IS_REGULAR)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: no manifest.xml: not the output of a finished city build; build "
			      "the city first (anjian build --out %s)"),
			    dir, dir);
		goto done;
	}
	manifest = read_xml(mpath, _("manifest"), err);
	if (manifest == NULL || !check_manifest(s, manifest, mpath, want, n_want, err))
		goto done;
	for (guint i = 0; i < n_want; i++) {
		if (want[i].path != NULL)
			continue;
		char *last = built_for(manifest);
		g_set_error(err, AJ_ERROR, EX_DATAERR,
			    _("%s: no %s of %s in its manifest.xml (the city was built for %s); "
			      "build the city for %s first"),
			    dir, want[i].kind, want[i].period, last != NULL ? last : "—", mb);
		g_free(last);
		goto done;
	}
	{
		char *b = g_build_filename(dir, want[0].path, NULL);
		char *x = g_build_filename(dir, want[1].path, NULL);
		char *h = g_build_filename(dir, want[2].path, NULL);
		ok = read_bulletin(s, b, err) &&
		     (s->exposed = read_xml(x, _("exposed-list data file"), err)) != NULL &&
		     (s->hazards = read_xml(h, _("hazard-supervision data file"), err)) != NULL;
		g_free(b);
		g_free(x);
		g_free(h);
	}
	if (ok && want_assessment) {
		char *a = g_build_filename(dir, want[3].path, NULL);
		Reader r = { a, err, TRUE };
		s->assessment = read_xml(a, _("assessment data file"), err);
		ok = s->assessment != NULL;
		if (ok) {
			get_assessment(&r, xmlDocGetRootElement(s->assessment), &s->city.assessment);
			s->city.has_assessment = ok = r.ok;
		}
		g_free(a);
	}
	if (ok) {
		s->city.code = s->code;
		s->city.name = s->name;
		s->city.exposed = xmlDocGetRootElement(s->exposed);
		s->city.hazards = xmlDocGetRootElement(s->hazards);
	}
done:
	for (guint i = 0; i < G_N_ELEMENTS(want); i++)
		g_free(want[i].path);
	if (manifest != NULL)
		xmlFreeDoc(manifest);
	g_free(mpath);
	return ok;
}

void aj_shard_clear(AjShard *s)
{
	g_free(s->dir);
	g_free(s->name);
	g_free(s->code);
	if (s->bulletin != NULL)
		xmlFreeDoc(s->bulletin);
	if (s->exposed != NULL)
		xmlFreeDoc(s->exposed);
	if (s->hazards != NULL)
		xmlFreeDoc(s->hazards);
	if (s->assessment != NULL)
		xmlFreeDoc(s->assessment);
	memset(s, 0, sizeof *s);
}
