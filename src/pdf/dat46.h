/* The archive's description of one document, after DA/T 46-2009
 * (文书类电子文件元数据方案): the items an archive catalogues an issued
 * document by.  The PDF/A writer puts them in the XMP metadata (pdfa.c),
 * the archive in the sidecar metadata.xml beside the document's files.
 *
 * Ownership: every string of an AjDat46 is its own, freed by
 * aj_dat46_clear(); aj_dat46_from_document() copies what it takes.
 */
#ifndef AJ_DAT46_H
#define AJ_DAT46_H

#include <glib.h>

#include "markdown/document.h"

typedef struct {
	char *title;     /* 题名 */
	char *number;    /* 文件编号 (文号); NULL for a document not issued under one */
	char *author;    /* 责任者: the issuer; NULL when the document names none */
	char *date;      /* 日期: 成文日期, YYYY-MM-DD; NULL when absent */
	char *kind;      /* 文种: 通报, 通知, …; NULL when the title names none */
	char *publicity; /* 公开属性: 主动公开 or 不予公开 */
	char *format;    /* 格式信息, e.g. "PDF/A-2b" */
	char *file_name; /* 计算机文件名: the base name of the file */
	int pages;       /* 页数 */
} AjDat46;

/* The namespace of the XMP properties (prefix dat46) and of the sidecar. */
#define AJ_DAT46_NS "urn:anjian:dat46:1.0/"

/* The items of doc, typeset as pages pages into a file named file_name (a
 * base name) of format.  The title is aj_document_display_title()'s. */
void aj_dat46_from_document(AjDat46 *d, const AjDocument *doc, int pages, const char *format,
			    const char *file_name);
void aj_dat46_clear(AjDat46 *d);

/* 文种: the kind of official document a title ends with (关于…的通报 →
 * 通报), one of the fifteen of the 党政机关公文处理工作条例; NULL when it
 * ends with none.  Returns a static string. */
const char *aj_dat46_kind_of_title(const char *title);

/* One item of the list: its XMP property name, its Chinese name in DA/T
 * 46, and its value in d as text (NULL: absent; the caller frees it). */
typedef struct {
	const char *name;  /* XMP property, e.g. "documentNumber" */
	const char *label; /* DA/T 46 name, e.g. "文件编号" */
	gssize offset;     /* of its char * in AjDat46; -1: the page count */
	gboolean of_file;  /* an item of one computer file (格式信息, 计算机文件名)
			    * rather than of the document */
} AjDat46Item;

/* The items in DA/T 46 order, ended by a NULL name. */
extern const AjDat46Item aj_dat46_items[];
char *aj_dat46_value(const AjDat46 *d, const AjDat46Item *item);

/* The items of d as name, value, name, value, …, NULL with their DA/T 46
 * names (题名, …), absent ones left out: the OFD writer's CustomDatas.
 * g_strfreev() frees it. */
char **aj_dat46_pairs(const AjDat46 *d);

#endif
