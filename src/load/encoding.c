#include "load/encoding.h"

#include <string.h>

#include "util/i18n.h"

gboolean aj_encoding_is_gb(const char *bytes, gsize len)
{
	const guchar *s = (const guchar *)bytes;
	gsize i = 0, wide = 0;

	if (g_utf8_validate(bytes, (gssize)len, NULL))
		return FALSE;
	while (i < len) {
		if (s[i] < 0x80) {
			i++;
		} else if (s[i] >= 0x81 && s[i] <= 0xFE && i + 1 < len && s[i + 1] >= 0x40 &&
			   s[i + 1] <= 0xFE && s[i + 1] != 0x7F) {
			i += 2; /* two bytes: GBK */
			wide++;
		} else if (s[i] >= 0x81 && s[i] <= 0xFE && i + 3 < len && s[i + 1] >= 0x30 &&
			   s[i + 1] <= 0x39 && s[i + 2] >= 0x81 && s[i + 2] <= 0xFE &&
			   s[i + 3] >= 0x30 && s[i + 3] <= 0x39) {
			i += 4; /* four bytes: the rest of GB18030 */
			wide++;
		} else {
			return FALSE;
		}
	}
	return wide > 0;
}

static gboolean is_gb_name(const char *enc)
{
	static const char *const names[] = { "GB18030", "GBK", "GB2312", "CP936" };

	for (gsize i = 0; i < G_N_ELEMENTS(names); i++)
		if (g_ascii_strcasecmp(enc, names[i]) == 0)
			return TRUE;
	return FALSE;
}

/* The encoding named in the XML declaration at the start of bytes, or NULL;
 * the caller frees it. */
static char *declared_encoding(const char *bytes, gsize len)
{
	gsize n = MIN(len, 512);
	char *head = g_strndup(bytes, n), *end, *at, *found = NULL;

	if (g_str_has_prefix(head, "\xEF\xBB\xBF"))
		memmove(head, head + 3, strlen(head + 3) + 1);
	if (g_str_has_prefix(head, "<?xml") && (end = strstr(head, "?>")) != NULL) {
		*end = '\0';
		if ((at = strstr(head, "encoding")) != NULL && (at = strpbrk(at, "\"'")) != NULL) {
			char q = *at++;
			char *close = strchr(at, q);
			if (close != NULL)
				found = g_strndup(at, (gsize)(close - at));
		}
	}
	g_free(head);
	return found;
}

gboolean aj_encoding_explain(AjLoader *l, guint line)
{
	GMappedFile *f = g_mapped_file_new(l->path, FALSE, NULL);
	gboolean gb;
	char *declared;

	if (f == NULL || g_mapped_file_get_length(f) == 0) {
		if (f != NULL)
			g_mapped_file_unref(f);
		return FALSE;
	}
	gb = aj_encoding_is_gb(g_mapped_file_get_contents(f), g_mapped_file_get_length(f));
	declared = declared_encoding(g_mapped_file_get_contents(f), g_mapped_file_get_length(f));
	g_mapped_file_unref(f);
	if (gb && declared != NULL)
		aj_loader_error(l, line, _("the file declares encoding=\"%s\" but its text is GBK/"
					   "GB18030 (the Chinese encoding of Windows) from this line "
					   "on: save it as UTF-8, or declare encoding=\"GB18030\""),
				declared);
	else if (gb)
		aj_loader_error(l, line, _("the text is GBK/GB18030 (the Chinese encoding of Windows) "
					   "from this line on, not UTF-8: save the file as UTF-8, or "
					   "declare it in the first line: <?xml version=\"1.0\" "
					   "encoding=\"GB18030\"?>"));
	g_free(declared);
	return gb;
}

gboolean aj_encoding_declared_ok(AjLoader *l, const char *declared)
{
	GMappedFile *f;
	gboolean utf8;

	if (declared == NULL || g_ascii_strcasecmp(declared, "UTF-8") == 0 ||
	    g_ascii_strcasecmp(declared, "UTF8") == 0)
		return TRUE;
	if (!is_gb_name(declared)) {
		aj_loader_error(l, 1, _("the file declares encoding %s; anjian reads UTF-8 and "
					"GBK/GB18030 only: save it as UTF-8"), declared);
		return FALSE;
	}
	/* Text that is UTF-8 read as GBK would be garbled without an error. */
	f = g_mapped_file_new(l->path, FALSE, NULL);
	if (f == NULL)
		return TRUE;
	const char *b = g_mapped_file_get_contents(f);
	gsize n = g_mapped_file_get_length(f), i = 0;
	while (i < n && !((guchar)b[i] & 0x80))
		i++;
	utf8 = i < n && g_utf8_validate(b, (gssize)n, NULL); /* plain ASCII is both */
	g_mapped_file_unref(f);
	if (utf8) {
		aj_loader_error(l, 1, _("the file declares encoding %s but its text is UTF-8; "
					"change the declaration to encoding=\"UTF-8\""), declared);
		return FALSE;
	}
	return TRUE;
}
