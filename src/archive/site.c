#include "archive/site.h"

#include <libxml/parser.h>
#include <string.h>

#include "archive/enterprises.h"
#include "site/site.h"
#include "util/error.h"
#include "util/i18n.h"

/* What one public document of the register brings to the site. */
typedef struct {
	const AjRegEntry *entry;
	AjDocument *doc;
	xmlDocPtr context;
	char *pdf, *ofd;
} Loaded;

static void loaded_clear(Loaded *l)
{
	aj_document_free(l->doc);
	if (l->context != NULL)
		xmlFreeDoc(l->context);
	g_free(l->pdf);
	g_free(l->ofd);
}

static char *file_path(const char *root, const AjRegEntry *e, const char *format)
{
	const AjRegFile *f = aj_reg_entry_file(e, format);

	return f != NULL ? g_build_filename(root, f->path, NULL) : NULL;
}

static gboolean load(const char *root, const AjRegEntry *e, Loaded *l, GError **err)
{
	char *md = file_path(root, e, "md"), *data = file_path(root, e, "data");
	char *text = NULL;
	gsize len = 0;
	GError *io = NULL;
	gboolean ok = FALSE;

	l->entry = e;
	l->pdf = file_path(root, e, "pdf");
	l->ofd = file_path(root, e, "ofd");
	if (md == NULL || !g_file_get_contents(md, &text, &len, &io)) {
		g_set_error(err, AJ_ERROR, EX_NOINPUT,
			    _("%s: cannot read the Markdown of %s (%s); the archive is damaged: "
			    "restore it from its backup"),
			    md != NULL ? md : root, e->number, io != NULL ? io->message : _("not listed"));
		goto done;
	}
	l->doc = aj_document_parse(text, len, md, err);
	if (l->doc == NULL)
		goto done;
	if (data != NULL)
		l->context = xmlReadFile(data, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS |
						     XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ok = TRUE;
done:
	if (io != NULL)
		g_error_free(io);
	g_free(text);
	g_free(md);
	g_free(data);
	return ok;
}

/* The index of the entry with that number among loaded, or -1. */
static int index_of(const Loaded *loaded, guint n, const char *number)
{
	for (guint i = 0; number != NULL && i < n; i++)
		if (strcmp(loaded[i].entry->number, number) == 0)
			return (int)i;
	return -1;
}

gboolean aj_archive_site_write(const AjRegister *reg, const char *root, const char *previous,
			       const AjOffice *office, const char *layouts_dir, GError **err)
{
	AjArchiveEnts *ents = aj_archive_ents_open(root, err);
	Loaded *loaded = g_new0(Loaded, reg->entries->len);
	AjSiteDoc *docs = g_new0(AjSiteDoc, reg->entries->len);
	GHashTable *versions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	char *title = aj_office_site_title(office);
	AjSiteOptions opts = { .layouts_dir = layouts_dir, .site_url = office->site_url,
			       .issuer = office->issuer, .title = title };
	guint n = 0;
	gboolean ok = ents != NULL || err == NULL || *err == NULL;

	for (guint i = 0; ok && i < reg->entries->len; i++) {
		const AjRegEntry *e = g_ptr_array_index(reg->entries, i);
		char *key = g_strconcat(e->kind, "\n", e->period, NULL);
		int version = GPOINTER_TO_INT(g_hash_table_lookup(versions, key)) + 1;

		g_hash_table_replace(versions, key, GINT_TO_POINTER(version));
		if (strcmp(e->publicity, "public") != 0)
			continue;
		ok = load(root, e, &loaded[n], err);
		docs[n] = (AjSiteDoc){
			.kind = e->kind,
			.period = e->period,
			.publicity = e->publicity,
			.title = e->title,
			.context = loaded[n].context != NULL ? xmlDocGetRootElement(loaded[n].context)
							     : NULL,
			.doc = loaded[n].doc,
			.pdf_path = loaded[n].pdf,
			.ofd_path = loaded[n].ofd,
			.version = version,
		};
		n++;
	}
	for (guint i = 0; ok && i < n; i++) {
		int a = index_of(loaded, n, loaded[i].entry->supersedes);
		int b = index_of(loaded, n, loaded[i].entry->superseded_by);
		docs[i].supersedes = a >= 0 ? &docs[a] : NULL;
		docs[i].superseded_by = b >= 0 ? &docs[b] : NULL;
	}
	if (ents != NULL)
		opts.enterprises = aj_archive_ents_site(ents, previous);
	if (ok)
		ok = aj_site_write(docs, n, &opts, root, err);
	for (guint i = 0; i < n; i++)
		loaded_clear(&loaded[i]);
	g_hash_table_destroy(versions);
	g_free(loaded);
	g_free(docs);
	g_free(title);
	aj_archive_ents_free(ents);
	return ok;
}
