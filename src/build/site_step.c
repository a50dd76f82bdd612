#include <string.h>

#include "build/site_step.h"
#include "site/site.h"
#include "util/error.h"

gboolean aj_build_site(GPtrArray *docs, const char *root, const char *templates_dir,
		       const AjSiteOptions *base, GError **err)
{
	AjSiteDoc *site = g_new0(AjSiteDoc, docs->len);
	GPtrArray *pdfs = g_ptr_array_new_with_free_func(g_free);
	char *layouts = g_build_filename(templates_dir, "site", NULL);
	AjSiteOptions opts = *base;
	gboolean ok;

	opts.layouts_dir = layouts;
	for (guint i = 0; i < docs->len; i++) {
		const AjBuiltDoc *d = g_ptr_array_index(docs, i);
		char *pdf = NULL;

		for (guint j = 0; j < d->files->len && pdf == NULL; j++) {
			const AjBuiltFile *f = g_ptr_array_index(d->files, j);
			if (strcmp(f->format, "pdf") == 0)
				pdf = g_build_filename(root, f->path, NULL);
		}
		if (pdf != NULL)
			g_ptr_array_add(pdfs, pdf);
		site[i] = (AjSiteDoc){
			.kind = aj_doc_kind_code(d->plan->kind),
			.period = d->plan->period,
			.publicity = aj_built_doc_publicity(d),
			.title = d->title,
			.context = d->context != NULL ? xmlDocGetRootElement(d->context) : NULL,
			.doc = d->document,
			.pdf_path = pdf,
		};
	}
	ok = aj_site_write(site, docs->len, &opts, root, err);
	for (guint i = 0; ok && i < docs->len; i++) {
		char *page = aj_site_page_path(&site[i]);
		if (page != NULL) {
			char *rel = g_strconcat("site/", page, NULL);
			aj_built_doc_add_file(g_ptr_array_index(docs, i), "html", rel, 0);
			g_free(rel);
		}
		g_free(page);
	}
	g_ptr_array_free(pdfs, TRUE);
	g_free(layouts);
	g_free(site);
	return ok;
}
