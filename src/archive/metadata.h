/* ARCHIVE/YEAR/NAME/metadata.xml: the DA/T 46 description of one issued
 * document (pdf/dat46.h), beside its files and listed in the register as
 * format "metadata".  The document's items, then per computer file of
 * record (the PDF/A, the OFD) its 格式信息, 计算机文件名, 计算机文件大小
 * and its SHA-256 (固化信息), which the files themselves cannot carry.
 * Elements are named as the XMP's dat46: properties, in its namespace,
 * each with the standard's name as label; schema/metadata.rng is the form.
 *
 * Ownership: the caller keeps d and files; the returned text is the
 * caller's to g_free().
 */
#ifndef AJ_ARCHIVE_METADATA_H
#define AJ_ARCHIVE_METADATA_H

#include <glib.h>

#include "pdf/dat46.h"

#define AJ_METADATA_FILE "metadata.xml"

typedef struct {
	const char *format; /* 格式信息, e.g. "PDF/A-2b" */
	const char *name;   /* 计算机文件名: the base name */
	gsize size;         /* 计算机文件大小 in bytes */
	const char *sha256; /* hex */
} AjArchiveFile;

/* The text of metadata.xml for d (its own format and file name are not
 * used: files names them) and files[0..n). */
char *aj_archive_metadata(const AjDat46 *d, const AjArchiveFile *files, guint n);

#endif
