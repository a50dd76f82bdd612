#include <stdio.h>
#include <string.h>

#include "load/lines.h"

#define CHUNK (64 * 1024)

struct AjLineScan {
	FILE *f;
	char buf[CHUNK];
	gsize len, pos;
	guint line;	 /* line of buf[pos] */
	guint64 seen;	 /* start tags passed so far */
	guint last_line; /* line of the last start tag */
	gboolean eof;
};

AjLineScan *aj_line_scan_new(const char *path)
{
	FILE *f = fopen(path, "rb");
	AjLineScan *s;

	if (f == NULL)
		return NULL;
	s = g_new0(AjLineScan, 1);
	s->f = f;
	s->line = 1;
	return s;
}

void aj_line_scan_free(AjLineScan *s)
{
	if (s == NULL)
		return;
	fclose(s->f);
	g_free(s);
}

/* The byte at pos + k, reading on as needed; -1 at the end of the file.
 * Keeps the unread tail when refilling, so look-ahead up to 8 bytes works. */
static int peek(AjLineScan *s, gsize k)
{
	if (s->pos + k >= s->len) {
		if (s->eof)
			return -1;
		memmove(s->buf, s->buf + s->pos, s->len - s->pos);
		s->len -= s->pos;
		s->pos = 0;
		gsize n = fread(s->buf + s->len, 1, CHUNK - s->len, s->f);
		s->len += n;
		if (n == 0)
			s->eof = TRUE;
		if (k >= s->len)
			return -1;
	}
	return (unsigned char)s->buf[s->pos + k];
}

static gboolean starts(AjLineScan *s, const char *lit)
{
	for (gsize i = 0; lit[i] != '\0'; i++)
		if (peek(s, i) != (unsigned char)lit[i])
			return FALSE;
	return TRUE;
}

/* Moves over n bytes, counting newlines. */
static void skip(AjLineScan *s, gsize n)
{
	for (gsize i = 0; i < n; i++) {
		if (peek(s, 0) < 0)
			return;
		if (s->buf[s->pos] == '\n')
			s->line++;
		s->pos++;
	}
}

/* Text: jump to the next '<', counting newlines on the way with memchr. */
static gboolean to_markup(AjLineScan *s)
{
	for (;;) {
		if (peek(s, 0) < 0)
			return FALSE;
		char *start = s->buf + s->pos, *end = s->buf + s->len;
		char *lt = memchr(start, '<', (gsize)(end - start));
		char *stop = lt != NULL ? lt : end;
		for (char *nl = start; (nl = memchr(nl, '\n', (gsize)(stop - nl))) != NULL; nl++)
			s->line++;
		s->pos = (gsize)(stop - s->buf);
		if (lt != NULL)
			return TRUE;
	}
}

/* Moves past the next occurrence of end (the close of a comment, CDATA
 * section or processing instruction); FALSE at the end of the file. */
static gboolean skip_past(AjLineScan *s, const char *end)
{
	while (!starts(s, end)) {
		if (peek(s, 0) < 0)
			return FALSE;
		skip(s, 1);
	}
	skip(s, strlen(end));
	return TRUE;
}

/* At a '<' that does not open a start tag: moves past a comment, CDATA
 * section or processing instruction, or over the '<' of an end tag or a
 * declaration.  FALSE at the end of the file. */
static gboolean skip_other_markup(AjLineScan *s)
{
	if (starts(s, "<!--")) {
		skip(s, 4);
		return skip_past(s, "-->");
	}
	if (starts(s, "<![CDATA[")) {
		skip(s, 9);
		return skip_past(s, "]]>");
	}
	if (starts(s, "<?")) {
		skip(s, 2);
		return skip_past(s, "?>");
	}
	s->pos++; /* text resumes at the next '<' */
	return TRUE;
}

static gboolean at_start_tag(AjLineScan *s)
{
	int next = peek(s, 1);
	return next != '!' && next != '?' && next != '/';
}

guint aj_line_scan_element(AjLineScan *s, guint64 ordinal)
{
	while (s->seen < ordinal) {
		if (!to_markup(s))
			return 0;
		if (at_start_tag(s)) { /* the common case */
			s->seen++;
			s->last_line = s->line;
			s->pos++;
		} else if (!skip_other_markup(s)) {
			return 0;
		}
	}
	return s->last_line;
}

guint aj_line_scan_doctype(AjLineScan *s)
{
	while (s->seen == 0 && to_markup(s)) {
		if (starts(s, "<!DOCTYPE"))
			return s->line;
		if (at_start_tag(s) || !skip_other_markup(s))
			return 0;
	}
	return 0;
}
