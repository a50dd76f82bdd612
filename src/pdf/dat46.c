/* The DA/T 46 items of a document: what the front matter and the
 * typesetting say, named as the standard names them. */
#include "pdf/dat46.h"

#include <stddef.h>
#include <string.h>

const AjDat46Item aj_dat46_items[] = {
	{ "title", "题名", offsetof(AjDat46, title) },
	{ "documentNumber", "文件编号", offsetof(AjDat46, number) },
	{ "author", "责任者", offsetof(AjDat46, author) },
	{ "date", "日期", offsetof(AjDat46, date) },
	{ "documentType", "文种", offsetof(AjDat46, kind) },
	{ "publicity", "公开属性", offsetof(AjDat46, publicity) },
	{ "pageCount", "页数", -1 },
	{ "format", "格式信息", offsetof(AjDat46, format), TRUE },
	{ "fileName", "计算机文件名", offsetof(AjDat46, file_name), TRUE },
	{ NULL, NULL, 0, FALSE },
};

char *aj_dat46_value(const AjDat46 *d, const AjDat46Item *item)
{
	if (item->offset < 0)
		return g_strdup_printf("%d", d->pages);
	return g_strdup(*(char *const *)((const char *)d + item->offset));
}

char **aj_dat46_pairs(const AjDat46 *d)
{
	GPtrArray *a = g_ptr_array_new();

	for (const AjDat46Item *it = aj_dat46_items; it->name; it++) {
		char *v = aj_dat46_value(d, it);
		if (v == NULL)
			continue;
		g_ptr_array_add(a, g_strdup(it->label));
		g_ptr_array_add(a, v);
	}
	g_ptr_array_add(a, NULL);
	return (char **)g_ptr_array_free(a, FALSE);
}

/* Longest first where one ends another (通告 before 告 is moot, but 命令
 * before 令 is not). */
static const char *const kinds[] = {
	"决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知",
	"通报", "报告", "请示", "批复", "议案", "纪要", "函", "令",
};

const char *aj_dat46_kind_of_title(const char *title)
{
	if (title == NULL)
		return NULL;
	for (gsize i = 0; i < G_N_ELEMENTS(kinds); i++)
		if (g_str_has_suffix(title, kinds[i]))
			return kinds[i];
	return NULL;
}

void aj_dat46_from_document(AjDat46 *d, const AjDocument *doc, int pages, const char *format,
			    const char *file_name)
{
	const AjDocMeta *m = &doc->meta;

	d->title = aj_document_display_title(doc);
	d->number = g_strdup(m->number);
	d->author = g_strdup(m->issuer);
	d->date = g_strdup(m->date);
	d->kind = g_strdup(aj_dat46_kind_of_title(d->title));
	d->publicity = g_strdup(g_strcmp0(m->publicity, "internal") == 0 ? "不予公开" : "主动公开");
	d->format = g_strdup(format);
	d->file_name = g_strdup(file_name);
	d->pages = pages;
}

void aj_dat46_clear(AjDat46 *d)
{
	g_free(d->title);
	g_free(d->number);
	g_free(d->author);
	g_free(d->date);
	g_free(d->kind);
	g_free(d->publicity);
	g_free(d->format);
	g_free(d->file_name);
	memset(d, 0, sizeof *d);
}
