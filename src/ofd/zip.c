/* A zip in memory with libzip: a buffer source kept past zip_close(). */
#include "ofd/zip.h"

#include <zip.h>

#include "util/error.h"
#include "util/i18n.h"

/* The DOS date and time of t in UTC (1980 at the earliest, as DOS). */
static void dos_time(gint64 t, zip_uint16_t *time, zip_uint16_t *date)
{
	GDateTime *d = g_date_time_new_from_unix_utc(MAX(t, 315532800));

	*time = (zip_uint16_t)((g_date_time_get_hour(d) << 11) | (g_date_time_get_minute(d) << 5) |
			       (g_date_time_get_second(d) / 2));
	*date = (zip_uint16_t)(((g_date_time_get_year(d) - 1980) << 9) |
			       (g_date_time_get_month(d) << 5) | g_date_time_get_day_of_month(d));
	g_date_time_unref(d);
}

static gboolean add_parts(zip_t *za, GPtrArray *parts, gint64 mtime)
{
	zip_uint16_t t, d;

	dos_time(mtime, &t, &d);
	for (guint i = 0; i < parts->len; i++) {
		AjOfdPart *p = g_ptr_array_index(parts, i);
		gsize len;
		const void *data = g_bytes_get_data(p->data, &len);
		zip_source_t *src = zip_source_buffer(za, data, len, 0);
		zip_int64_t idx = src ? zip_file_add(za, p->name, src, ZIP_FL_ENC_UTF_8) : -1;

		if (idx < 0) {
			zip_source_free(src);
			return FALSE;
		}
		if (zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9) < 0 ||
		    zip_file_set_dostime(za, (zip_uint64_t)idx, t, d, 0) < 0 ||
		    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX,
						     0100644u << 16) < 0)
			return FALSE;
	}
	return TRUE;
}

gboolean aj_ofd_zip(GPtrArray *parts, gint64 mtime, GBytes **out, GError **err)
{
	zip_error_t ze;
	zip_source_t *buf;
	zip_t *za;
	zip_stat_t st;
	gboolean ok = FALSE;

	zip_error_init(&ze);
	buf = zip_source_buffer_create(NULL, 0, 0, &ze);
	za = buf ? zip_open_from_source(buf, ZIP_TRUNCATE, &ze) : NULL;
	if (za == NULL) {
		zip_source_free(buf);
		goto done;
	}
	zip_source_keep(buf);
	if (!add_parts(za, parts, mtime)) {
		zip_error_set(&ze, zip_error_code_zip(zip_get_error(za)), 0);
		zip_discard(za);
		zip_source_free(buf);
		goto done;
	}
	if (zip_close(za) < 0) {
		zip_error_set(&ze, zip_error_code_zip(zip_get_error(za)), 0);
		zip_discard(za);
		zip_source_free(buf);
		goto done;
	}
	if (zip_source_stat(buf, &st) == 0 && zip_source_open(buf) == 0) {
		guint8 *data = g_malloc(st.size ? st.size : 1);
		zip_int64_t n = zip_source_read(buf, data, st.size);
		zip_source_close(buf);
		if (n == (zip_int64_t)st.size) {
			*out = g_bytes_new_take(data, st.size);
			ok = TRUE;
		} else {
			g_free(data);
		}
	}
	zip_source_free(buf);
done:
	if (!ok)
		g_set_error(err, AJ_ERROR, EX_SOFTWARE, _("cannot make the OFD package (libzip: %s)"),
			    zip_error_strerror(&ze));
	zip_error_fini(&ze);
	return ok;
}
