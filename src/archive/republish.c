#include "archive/republish.h"

#include <stdio.h>

#include "register/register.h"
#include "archive/site.h"
#include "archive/tree.h"
#include "build/render.h"
#include "office/office.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/testhook.h"

char *aj_archive_layouts(const char *templates_dir, GError **err)
{
	char *installed = NULL, *dir = NULL, *layouts = NULL;
	char *templates = aj_render_template_dir(templates_dir, &installed, err);

	if (templates != NULL)
		dir = aj_render_site_dir(templates, installed, err);
	if (dir != NULL)
		layouts = g_build_filename(dir, "site", NULL);
	g_free(templates);
	g_free(installed);
	g_free(dir);
	return layouts;
}

gboolean aj_archive_republish(const char *archive, const char *office_opt,
			      const char *templates_dir, gboolean quiet, GError **err)
{
	char *office_path = office_opt != NULL ? g_strdup(office_opt)
					       : g_build_filename(archive, AJ_OFFICE_FILE, NULL);
	char *layouts = aj_archive_layouts(templates_dir, err);
	AjOffice *office = NULL;
	AjRegister *reg = NULL;
	AjArchiveTx *tx = NULL;
	gboolean ok = FALSE;

	if (layouts == NULL)
		goto done;
	if (!g_file_test(archive, G_FILE_TEST_IS_DIR)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: no such archive; 'anjian issue --archive %s' makes it"), archive,
			    archive);
		goto done;
	}
	office = aj_office_load(office_path, err);
	if (office == NULL)
		goto done;
	tx = aj_archive_begin(archive, err);
	if (tx == NULL)
		goto done;
	reg = aj_register_load(aj_archive_path(tx), err);
	if (reg == NULL || !aj_archive_site_write(reg, aj_archive_root(tx), aj_archive_path(tx), office,
						layouts, err)) {
		aj_archive_name_final(tx, err);
		goto done;
	}
	aj_test_point("archive-site");
	if (!aj_archive_commit(tx, err))
		goto done;
	if (!quiet)
		printf(_("anjian site: %s/site written from %u issued documents (open %s/site/index.html)\n"),
		       aj_archive_path(tx), reg->entries->len, aj_archive_path(tx));
	ok = TRUE;
done:
	aj_archive_end(tx);
	aj_register_free(reg);
	aj_office_free(office);
	g_free(layouts);
	g_free(office_path);
	return ok;
}
