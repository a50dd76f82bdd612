/* The office profile (office.yml, ../shared/spec/office.md): who issues
 * the documents.  Everything that differs between two offices running the
 * same program and templates comes from here or from the data: the issuer,
 * the area, recipients, 抄送, 印发机关, the 发文机关代字 of each kind of
 * document, the source line under charts, the site's title and URL, and
 * how the text names the office (市安委办) and the committee's member
 * units (市安委会各成员单位), by default from the area's level (市, 区, 县,
 * 省: the last character of its name).
 *
 * The keys are a table in parse.c: a later key is one row there and one
 * field here.
 *
 * Ownership: aj_office_load() returns a profile freed with
 * aj_office_free(), which frees every string in it.
 */
#ifndef AJ_OFFICE_H
#define AJ_OFFICE_H

#include <glib.h>

#include "load/loader.h" /* AJ_OFFICE_FILE */
#include "rules/assessment.h"
#include "rules/documents.h"

#define AJ_DOC_KINDS (AJ_DOC_ASSESSMENT + 1) /* AjDocKind values */
#define AJ_OFFICE_MAX_YEARS 99 /* penalty-publicity-years at most */

typedef struct {
	char *path;        /* the file read, for messages */
	GBytes *bytes;     /* its contents (build copies them into OUT) */
	char *issuer;      /* 发文机关 */
	char *area;        /* the area the figures cover (全市) */
	char *recipients;  /* 主送机关, a list joined with "，" */
	char *issuer_short; /* the issuer in running text (市安委办); NULL: from the area */
	char *internal_recipients; /* 主送 of internal documents; NULL: from the area */
	char *cc;          /* 抄送机关 joined with "，"; NULL: none */
	char *printer;     /* 印发机关; the issuer when not given */
	char *numbers[AJ_DOC_KINDS]; /* 发文机关代字 by AjDocKind */
	char *data_source; /* source line under charts; NULL: none */
	char *site_title;  /* the site's name; NULL: area + 安全生产信息公开 */
	char *site_url;    /* absolute, ends with "/"; NULL: placeholder */
	/* assessment.indicators, in the profile's order; n = 0: not given */
	AjAssessmentRule assessment;
	char *assessment_publicity; /* "public" or "internal"; NULL: internal */
	int penalty_publicity_years; /* the years before as-of whose penalties an
	                              * enterprise's page shows; 0: not given */
} AjOffice;

/* The profile a data directory uses: office (--office) when given, else
 * DIR/office.yml.  The caller frees it. */
char *aj_office_path(const char *data_dir, const char *office);

/* Reads and checks a profile.  Errors name the file, line and key:
 * EX_NOINPUT when it cannot be read, EX_DATAERR when it is not valid. */
AjOffice *aj_office_load(const char *path, GError **err);
void aj_office_free(AjOffice *office);

/* The 代字 of a kind of document. */
const char *aj_office_prefix(const AjOffice *office, AjDocKind kind);
/* The assessment's rule: the profile's indicators and weights, else the
 * default rule (README "Assessment"). */
void aj_office_assessment_rule(const AjOffice *office, AjAssessmentRule *rule);
/* Sets each planned document's publicity the profile chooses (the
 * assessment's assessment.publicity); plan: AjDocPlan *. */
void aj_office_apply_publicity(const AjOffice *office, GPtrArray *plan);
/* The level of an area from the last character of its name: "省", "市",
 * "区", "县", "州", "盟" or "旗"; "市" when none fits.  A static string. */
const char *aj_area_level(const char *area);
/* How running text names the issuer: issuer-short, else the level's
 * 安委办 (市安委办, 区安委办).  Caller frees. */
char *aj_office_issuer_short(const AjOffice *office);
/* The recipients of internal documents (the exemplar review, the
 * rectification ledger): internal-recipients, else the level's
 * 安委会各成员单位.  Caller frees. */
char *aj_office_internal_recipients(const AjOffice *office);
/* The site's title: site.title, else the area's 安全生产信息公开. Caller frees. */
char *aj_office_site_title(const AjOffice *office);

#endif
