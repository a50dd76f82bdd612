/* `anjian dossier`: the internal dossier (一企一档) of one enterprise, as a
 * PDF, or as the filled Markdown when --out ends in .md (for an office
 * adapting templates/dossier.md). */
#include <stdio.h>
#include <string.h>

#include "build/enterprises.h"
#include "build/render.h"
#include "cli/cli.h"
#include "load/load.h"
#include "template/template.h"
#include "util/error.h"
#include "util/file.h"
#include "util/i18n.h"

static int usage(const char *msg)
{
	fprintf(stderr, _("anjian dossier: %s\nTry 'anjian dossier --help'.\n"), msg);
	return EX_USAGE;
}

/* The filled Markdown of the dossier, for --out FILE.md. */
static gboolean write_md(const AjEntSource *s, guint32 ent, const char *template_path,
			 const char *out, GError **err)
{
	AjTemplate *t = aj_template_load(template_path, err);
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr holder = xmlNewNode(NULL, (const xmlChar *)"holder");
	char *md = NULL;
	gboolean ok = FALSE;

	xmlDocSetRootElement(doc, holder);
	if (t != NULL)
		md = aj_template_render(t, aj_ctx_enterprise_dossier(holder, s, ent, NULL), err);
	if (md != NULL)
		ok = aj_file_write(out, md, strlen(md), _("the dossier"), err);
	g_free(md);
	xmlFreeDoc(doc);
	aj_template_free(t);
	return ok;
}

static int run(const char *data, const char *code, const char *out, AjDay asof,
	       const char *templates_dir)
{
	GError *err = NULL;
	AjModel *m = NULL;
	AjBuildEnts *ents = NULL;
	char *templates = NULL, *installed = NULL, *path = NULL;
	gboolean fell_back;
	guint32 ent;
	int status = EX_OK;

	xmlInitParser();
	templates = aj_render_template_dir(templates_dir, &installed, &err);
	if (templates == NULL)
		goto fail;
	m = aj_load_dir(data, &err);
	if (m == NULL)
		goto fail;
	ent = aj_model_enterprise_index(m, code);
	if (ent == AJ_NONE) {
		g_set_error(&err, AJ_ERROR, EX_DATAERR,
			    _("%s: no enterprise with the credit code %s; give the 18-character "
			      "统一社会信用代码 of an <enterprise> in the data"), data, code);
		goto fail;
	}
	/* without --as-of: the newest record's day, so that it holds every one */
	if (asof == AJ_DAY_NONE)
		aj_records_days(m, &(AjDay){ 0 }, &asof);
	if (asof == AJ_DAY_NONE)
		asof = aj_day_from_ymd(1970, 1, 1);
	ents = aj_build_ents_new(m, asof, AJ_PUBLICITY_YEARS_DEFAULT);
	path = aj_render_template_path(templates, installed, AJ_DOSSIER_TEMPLATE, &fell_back);
	if (fell_back)
		aj_warn(_("%s has no %s; the dossiers use the installed template %s"), templates,
			AJ_DOSSIER_TEMPLATE, path);
	if (g_str_has_suffix(out, ".md") ? !write_md(aj_build_ents_source(ents), ent, path, out, &err)
					 : !aj_build_dossier_one(aj_build_ents_source(ents), ent, path,
								 out, &err))
		goto fail;
	goto done;
fail:
	status = aj_error_report(err);
	g_error_free(err);
done:
	aj_build_ents_free(ents);
	aj_model_free(m);
	g_free(templates);
	g_free(installed);
	g_free(path);
	return status;
}

int aj_cmd_dossier(int argc, char **argv)
{
	char *data = NULL, *code = NULL, *out = NULL, *asof = NULL, *templates = NULL;
	GOptionEntry entries[] = {
		{ "data", 'd', 0, G_OPTION_ARG_FILENAME, &data, N_("data directory (required)"), N_("DIR") },
		{ "enterprise", 'e', 0, G_OPTION_ARG_STRING, &code,
		  N_("the enterprise's unified social credit code (required)"), "CODE" },
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
		  N_("the dossier, FILE.pdf (or FILE.md: the filled template)"), N_("FILE") },
		{ "as-of", 0, 0, G_OPTION_ARG_STRING, &asof,
		  N_("records up to this day (default: the newest record's)"), "YYYY-MM-DD" },
		{ "templates", 0, 0, G_OPTION_ARG_FILENAME, &templates,
		  N_("template directory (default: ./templates, else the installed ones)"), N_("DIR") },
		{ NULL }
	};
	AjDay day = AJ_DAY_NONE;
	int status;

	for (GOptionEntry *e = entries; e->long_name != NULL; e++)
		e->description = _(e->description);
	if (!aj_cli_parse("dossier", _("Typeset the internal dossier (一企一档) of one enterprise: "
				       "every record of it, reports counted without informants."),
			  entries, &argc, &argv))
		return EX_USAGE;
	if (argc != 1)
		status = usage(_("unexpected argument; every input is given by an option"));
	else if (data == NULL || code == NULL || out == NULL)
		status = usage(_("--data, --enterprise and --out are required"));
	else if (!g_str_has_suffix(out, ".pdf") && !g_str_has_suffix(out, ".md"))
		status = usage(_("--out must name a .pdf (or .md) file"));
	else if (asof != NULL && !aj_day_parse(asof, &day))
		status = usage(_("--as-of must be a date YYYY-MM-DD, e.g. 2026-03-31"));
	else
		status = run(data, code, out, day, templates);
	g_free(data);
	g_free(code);
	g_free(out);
	g_free(asof);
	g_free(templates);
	return status;
}
