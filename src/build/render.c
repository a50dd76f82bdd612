#include "build/render.h"

#include <string.h>

#include "pdf/pdf.h"
#include "template/template.h"
#include "util/epoch.h"
#include "util/error.h"
#include "util/file.h"

typedef struct {
	AjBuiltDoc *doc;
	const char *root;
	char *template_path;
	GError *error;
	/* Results, moved into doc by the main thread once all jobs are done. */
	AjDocument *document;
	int pages;
} RenderJob;

char *aj_render_template_dir(const char *dir)
{
	if (dir != NULL)
		return g_strdup(dir);
	if (g_file_test("templates", G_FILE_TEST_IS_DIR))
		return g_strdup("templates");
	return g_strdup(ANJIAN_DATADIR "/templates");
}

static void render_one(gpointer data, gpointer user_data)
{
	RenderJob *job = data;
	const char *name = job->doc->plan->name;
	char *text = NULL;
	char *md_path = g_strdup_printf("%s/md/%s.md", job->root, name);
	char *pdf_path = g_strdup_printf("%s/pdf/%s.pdf", job->root, name);
	AjPdfOptions opts = { .creation_time = aj_source_date_epoch(),
			      .context = xmlDocGetRootElement(job->doc->context) };

	text = aj_template_render_file(job->template_path, opts.context, &job->error);
	if (text == NULL)
		goto done;
	if (!aj_file_write(md_path, text, strlen(text), "the Markdown", &job->error))
		goto done;
	job->document = aj_document_parse(text, strlen(text), md_path, &job->error);
	if (job->document == NULL)
		goto done;
	if (!aj_pdf_write(job->document, &opts, pdf_path, &job->pages, &job->error))
		goto done;
done:
	g_free(text);
	g_free(md_path);
	g_free(pdf_path);
}

gboolean aj_render_all(GPtrArray *docs, const char *root, const char *template_dir, int jobs,
		       GError **err)
{
	GPtrArray *work = g_ptr_array_new();
	GThreadPool *pool = NULL;
	gboolean ok = TRUE;

	for (guint i = 0; i < docs->len; i++) {
		AjBuiltDoc *d = g_ptr_array_index(docs, i);
		char *file = g_strdup_printf("%s.md", aj_doc_kind_code(d->plan->kind));
		char *path = g_build_filename(template_dir, file, NULL);
		g_free(file);
		if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
			g_free(path);
			continue;
		}
		RenderJob *job = g_new0(RenderJob, 1);
		job->doc = d;
		job->root = root;
		job->template_path = path;
		g_ptr_array_add(work, job);
	}
	if (jobs <= 1 || work->len <= 1) {
		for (guint i = 0; i < work->len; i++)
			render_one(g_ptr_array_index(work, i), NULL);
	} else {
		pool = g_thread_pool_new(render_one, NULL, MIN(jobs, (int)work->len), TRUE, NULL);
		for (guint i = 0; i < work->len; i++)
			g_thread_pool_push(pool, g_ptr_array_index(work, i), NULL);
		g_thread_pool_free(pool, FALSE, TRUE);
	}
	for (guint i = 0; i < work->len; i++) {
		RenderJob *job = g_ptr_array_index(work, i);
		char *rel;
		if (job->error != NULL) {
			if (ok)
				g_propagate_error(err, job->error);
			else
				g_error_free(job->error);
			ok = FALSE;
			aj_document_free(job->document);
		} else {
			job->doc->document = job->document;
			rel = g_strdup_printf("pdf/%s.pdf", job->doc->plan->name);
			aj_built_doc_add_file(job->doc, "pdf", rel, job->pages);
			g_free(rel);
			rel = g_strdup_printf("md/%s.md", job->doc->plan->name);
			aj_built_doc_add_file(job->doc, "md", rel, 0);
			g_free(rel);
		}
		g_free(job->template_path);
		g_free(job);
	}
	g_ptr_array_free(work, TRUE);
	return ok;
}
