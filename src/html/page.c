/* The standalone page of `anjian render X.md --out X.html`: one file that
 * opens anywhere, so its stylesheet is inline, allowed by its hash in the
 * page's Content-Security-Policy (no 'unsafe-inline'). */
#include <string.h>

#include "html/escape.h"
#include "html/html.h"
#include "markdown/conventions.h"
#include "util/error.h"
#include "util/i18n.h"
#include "util/file.h"

static const char page_css[] =
	"body{margin:0;background:#f4f4f4;color:#222;font:18px/1.9 \"Noto Serif CJK SC\","
	"\"Source Han Serif SC\",\"SimSun\",serif}"
	"article{max-width:48em;margin:0 auto;padding:2em 1.5em;background:#fff}"
	".issuer{color:#e60012;font-size:2em;text-align:center;font-weight:bold;margin:0}"
	".number{text-align:center;margin:.5em 0 0}"
	".rule{border:0;border-top:2px solid #e60012;margin:.5em 0 1.5em}"
	"h1{font-size:1.5em;text-align:center;line-height:1.5}"
	"h2,h3,h4,h5,h6{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",sans-serif;"
	"font-size:1em}"
	"p{margin:.4em 0}article>p,li>p{text-indent:2em}"
	".signature,.date{text-align:right;text-indent:0}"
	".table-wrap{overflow-x:auto;margin:1em 0}"
	"table{border-collapse:collapse;font-size:.85em}"
	"th,td{border:1px solid #444;padding:.2em .5em}th{text-align:center}"
	"td.short{white-space:nowrap}.num,.al-r{text-align:right}.al-c{text-align:center}caption{font-weight:bold}"
	"caption.repeats-heading{position:absolute;width:1px;height:1px;overflow:hidden;"
	"clip:rect(0 0 0 0);white-space:nowrap}"
	"figure{margin:1em 0}figure svg{width:100%;height:auto}figure img{max-width:100%}"
	"figcaption{text-align:center;font-size:.9em}.chart-data{display:block;color:#555}"
	"pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}";

/* 'sha256-…' of the inline stylesheet for the CSP. */
static char *style_hash(void)
{
	GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
	guint8 digest[32];
	gsize len = sizeof digest;
	char *b64, *out;

	g_checksum_update(sum, (const guchar *)page_css, strlen(page_css));
	g_checksum_get_digest(sum, digest, &len);
	b64 = g_base64_encode(digest, len);
	out = g_strdup_printf("'sha256-%s'", b64);
	g_free(b64);
	g_checksum_free(sum);
	return out;
}

static void para(GString *out, const char *cls, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return;
	g_string_append_printf(out, "<p class=\"%s\">", cls);
	aj_html_escape(out, text, -1);
	g_string_append(out, "</p>\n");
}

static void write_head(GString *out, const AjDocMeta *m)
{
	char *hash = style_hash();

	g_string_append(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
			     "<meta charset=\"utf-8\"/>\n"
			     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
			     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
			     "style-src ");
	g_string_append(out, hash);
	g_string_append(out, "; img-src 'self' data:; object-src 'none'; base-uri 'none'\"/>\n"
			     "<title>");
	aj_html_escape(out, m->title != NULL ? m->title : "", -1);
	g_string_append(out, "</title>\n<style>");
	g_string_append(out, page_css);
	g_string_append(out, "</style>\n</head>\n<body>\n<article>\n");
	g_free(hash);
}

static void write_front(GString *out, const AjDocMeta *m)
{
	para(out, "issuer", m->issuer);
	para(out, "number", m->number);
	if (m->issuer != NULL || m->number != NULL)
		g_string_append(out, "<hr class=\"rule\"/>\n");
	if (m->title != NULL) {
		g_string_append(out, "<h1>");
		aj_html_escape(out, m->title, -1);
		g_string_append(out, "</h1>\n");
	}
	if (m->recipients != NULL) {
		g_string_append(out, "<p class=\"recipients\">");
		aj_html_escape(out, m->recipients, -1);
		g_string_append(out, "：</p>\n");
	}
}

static void write_back(GString *out, const AjDocMeta *m)
{
	char *date = aj_md_date_cn(m->date);

	if (m->attachments != NULL && m->attachments->len > 0) {
		g_string_append(out, "<p class=\"attachments\">附件：");
		/* As in the PDF: "附件：1．名称", a single attachment unnumbered. */
		for (guint i = 0; i < m->attachments->len; i++) {
			if (m->attachments->len > 1)
				g_string_append_printf(out, "%s%u．", i > 0 ? "<br/>" : "", i + 1);
			aj_html_escape(out, g_ptr_array_index(m->attachments, i), -1);
		}
		g_string_append(out, "</p>\n");
	}
	para(out, "signature", m->signature);
	para(out, "date", date);
	para(out, "publicity", aj_md_publicity_note(m->publicity));
	g_free(date);
}

gboolean aj_html_write_page(const AjDocument *doc, const char *path, GError **err)
{
	GString *out = g_string_sized_new(16384);
	gboolean ok = FALSE;

	write_head(out, &doc->meta);
	write_front(out, &doc->meta);
	if (!aj_html_append_fragment(out, doc->root, NULL, doc->source_name, err))
		goto done;
	write_back(out, &doc->meta);
	g_string_append(out, "</article>\n</body>\n</html>\n");
	if (!aj_file_write(path, out->str, out->len, _("the HTML page"), err))
		goto done;
	ok = TRUE;
done:
	g_string_free(out, TRUE);
	return ok;
}
