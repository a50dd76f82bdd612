#include <stdio.h>
#include <string.h>

#include "load/lines.h"

#define CHUNK (64 * 1024)

typedef enum { IN_TEXT, IN_COMMENT, IN_CDATA, IN_PI } State;

struct AjLineScan {
	FILE *f;
	char buf[CHUNK];
	gsize len, pos;
	guint line;	 /* line of buf[pos] */
	guint64 seen;	 /* start tags passed so far */
	guint last_line; /* line of the last start tag */
	State state;
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

guint aj_line_scan_element(AjLineScan *s, guint64 ordinal)
{
	while (s->seen < ordinal) {
		switch (s->state) {
		case IN_TEXT: {
			if (!to_markup(s))
				return 0;
			int next = peek(s, 1);
			if (next != '!' && next != '?' && next != '/') { /* the common case */
				s->seen++;
				s->last_line = s->line;
				s->pos++;
			} else if (starts(s, "<!--")) {
				skip(s, 4);
				s->state = IN_COMMENT;
			} else if (starts(s, "<![CDATA[")) {
				skip(s, 9);
				s->state = IN_CDATA;
			} else if (starts(s, "<?")) {
				skip(s, 2);
				s->state = IN_PI;
			} else {
				/* an end tag or a declaration: text resumes at the next '<' */
				s->pos++;
			}
			break;
		}
		case IN_COMMENT:
		case IN_CDATA:
		case IN_PI: {
			const char *end = s->state == IN_COMMENT ? "-->" : s->state == IN_CDATA ? "]]>" : "?>";
			if (peek(s, 0) < 0)
				return 0;
			if (starts(s, end)) {
				skip(s, strlen(end));
				s->state = IN_TEXT;
			} else {
				skip(s, 1);
			}
			break;
		}
		}
	}
	return s->last_line;
}
