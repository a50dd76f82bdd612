/* A zip in memory with libzip: a buffer source kept past lz.close(). */
#include "ofd/zip.h"

#include <zip.h>

#include "util/error.h"
#include "util/i18n.h"
#include "util/lazylib.h"

/* libzip is opened at the first OFD (util/lazylib.h): its functions used
 * here, called as lz.NAME for zip_NAME. */
#define ZIP_FUNCTIONS(X)                                                                   \
	X(close) X(discard) X(error_code_zip) X(error_fini) X(error_init) X(error_set) \
	X(error_strerror) X(file_add) X(file_set_dostime) X(file_set_external_attributes) \
	X(get_error) X(open_from_source) X(set_file_compression) X(source_buffer) \
	X(source_buffer_create) X(source_close) X(source_free) X(source_keep) \
	X(source_open) X(source_read) X(source_stat)
#define ZIP_FIELD(f) __typeof__(zip_##f) *f;
#define ZIP_RESOLVE(f) ok = ok && aj_lazy_symbol(handle, "zip_" #f, &lz.f);

static struct {
	ZIP_FUNCTIONS(ZIP_FIELD)
} lz;

static gboolean resolve(void *handle, gpointer unused)
{
	gboolean ok = TRUE;

	ZIP_FUNCTIONS(ZIP_RESOLVE)
	return ok;
}

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
		zip_source_t *src = lz.source_buffer(za, data, len, 0);
		zip_int64_t idx = src ? lz.file_add(za, p->name, src, ZIP_FL_ENC_UTF_8) : -1;

		if (idx < 0) {
			lz.source_free(src);
			return FALSE;
		}
		if (lz.set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9) < 0 ||
		    lz.file_set_dostime(za, (zip_uint64_t)idx, t, d, 0) < 0 ||
		    lz.file_set_external_attributes(za, (zip_uint64_t)idx, 0, ZIP_OPSYS_UNIX,
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
	static AjLazyLib lib = AJ_LAZY_LIB_INIT;

	if (!aj_lazy_open(&lib, AJ_ZIP_SONAME, "OFD", resolve, NULL, err))
		return FALSE;
	lz.error_init(&ze);
	buf = lz.source_buffer_create(NULL, 0, 0, &ze);
	za = buf ? lz.open_from_source(buf, ZIP_TRUNCATE, &ze) : NULL;
	if (za == NULL) {
		lz.source_free(buf);
		goto done;
	}
	lz.source_keep(buf);
	if (!add_parts(za, parts, mtime)) {
		lz.error_set(&ze, lz.error_code_zip(lz.get_error(za)), 0);
		lz.discard(za);
		lz.source_free(buf);
		goto done;
	}
	if (lz.close(za) < 0) {
		lz.error_set(&ze, lz.error_code_zip(lz.get_error(za)), 0);
		lz.discard(za);
		lz.source_free(buf);
		goto done;
	}
	if (lz.source_stat(buf, &st) == 0 && lz.source_open(buf) == 0) {
		guint8 *data = g_malloc(st.size ? st.size : 1);
		zip_int64_t n = lz.source_read(buf, data, st.size);
		lz.source_close(buf);
		if (n == (zip_int64_t)st.size) {
			*out = g_bytes_new_take(data, st.size);
			ok = TRUE;
		} else {
			g_free(data);
		}
	}
	lz.source_free(buf);
done:
	if (!ok)
		g_set_error(err, AJ_ERROR, EX_SOFTWARE, _("cannot make the OFD package (libzip: %s)"),
			    lz.error_strerror(&ze));
	lz.error_fini(&ze);
	return ok;
}
