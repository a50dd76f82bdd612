/* PDF/A-2b from the PDF Cairo writes.  Cairo 1.16 writes no XMP, no
 * OutputIntent, no /ID and no /Lang, dates without their "D:", link
 * annotations without flags and TrueType CIDFonts without CIDToGIDMap;
 * this adds and mends them with qpdf and rewrites the file, deterministic
 * in everything (the /ID is a digest of the content).
 *
 * Ownership: the caller keeps pdf and d; *out is the caller's to free
 * (g_byte_array_unref).
 */
#ifndef AJ_PDFA_H
#define AJ_PDFA_H

#include <glib.h>

#include "pdf/dat46.h"

/* The sRGB profile (ICC v2) of Debian's icc-profiles-free: the
 * OutputIntent every PDF/A of anjian declares. */
#ifndef AJ_SRGB_ICC
#define AJ_SRGB_ICC "/usr/share/color/icc/sRGB.icc"
#endif

/* The format name archives are told (DA/T 46 格式信息). */
#define AJ_PDFA_FORMAT "PDF/A-2b"

/* pdf (len bytes, as Cairo wrote it) as PDF/A-2b, with the DA/T 46 items
 * of d in its XMP; source names the document in messages. */
gboolean aj_pdfa_convert(const guint8 *pdf, gsize len, const AjDat46 *d, const char *source,
			 GByteArray **out, GError **err);

/* Appends what aj_pdfa_convert() depends on besides its input: qpdf's
 * version and the profile's digest. */
void aj_pdfa_fingerprint(GPtrArray *lines);

#endif
