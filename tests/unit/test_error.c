/* Messages from many threads, and the progress line, reach stderr whole:
 * one line per write(2), never mixed.  Here stderr is a SOCK_SEQPACKET
 * socket, which keeps the boundary of every write, so a message written in
 * pieces (prefix, text, newline) is seen as pieces, deterministically. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/error.h"

#define THREADS 8
#define PER_THREAD 200
#define STEPS 500
#define CLEAR "\r\033[K"

typedef struct {
	int fd;
	GPtrArray *records; /* GString * */
} Reader;

static void string_free(gpointer s)
{
	g_string_free(s, TRUE);
}

static gpointer read_records(gpointer data)
{
	Reader *r = data;
	char buf[65536];
	ssize_t n;

	while ((n = read(r->fd, buf, sizeof buf)) > 0)
		g_ptr_array_add(r->records, g_string_new_len(buf, n));
	return NULL;
}

/* A text long enough that a split write would show. */
static const char *payload(void)
{
	static char text[301];

	if (text[0] == '\0') {
		memset(text, 'x', sizeof text - 1);
		text[sizeof text - 1] = '\0';
	}
	return text;
}

static gpointer warn_many(gpointer data)
{
	int id = GPOINTER_TO_INT(data);

	for (int i = 0; i < PER_THREAD; i++)
		aj_warn("thread %d message %d %s", id, i, payload());
	return NULL;
}

static gpointer show_progress(gpointer data)
{
	for (int i = 1; i <= STEPS; i++)
		aj_progress_show("anjian build: %d/%d documents", i, STEPS);
	return NULL;
}

/* A whole progress line: "anjian build: N/STEPS documents", nothing else. */
static gboolean is_progress(const char *s, gsize len)
{
	int n = 0, total = 0, used = 0;
	char *text = g_strndup(s, len);
	gboolean ok = sscanf(text, "anjian build: %d/%d documents%n", &n, &total, &used) == 2 &&
		      (gsize)used == len && total == STEPS && n >= 1 && n <= STEPS;

	g_free(text);
	return ok;
}

static void lines_are_whole(void **state)
{
	int sv[2], saved = dup(STDERR_FILENO);
	Reader r = { 0 };
	GThread *reader, *progress, *warners[THREADS];
	guint8 seen[THREADS][PER_THREAD] = { { 0 } };
	guint messages = 0;
	gboolean shown = FALSE; /* a progress line is on screen */

	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	assert_true(saved >= 0);
	r.fd = sv[1];
	r.records = g_ptr_array_new_with_free_func(string_free);
	reader = g_thread_new("reader", read_records, &r);
	assert_int_equal(dup2(sv[0], STDERR_FILENO), STDERR_FILENO);
	close(sv[0]);

	progress = g_thread_new("progress", show_progress, NULL);
	for (int t = 0; t < THREADS; t++)
		warners[t] = g_thread_new("warn", warn_many, GINT_TO_POINTER(t));
	for (int t = 0; t < THREADS; t++)
		g_thread_join(warners[t]);
	g_thread_join(progress);
	aj_progress_end();
	/* the socket's last writer goes: the reader sees the end */
	assert_int_equal(dup2(saved, STDERR_FILENO), STDERR_FILENO);
	close(saved);
	g_thread_join(reader);
	close(sv[1]);

	assert_true(r.records->len > 0);
	for (guint i = 0; i < r.records->len; i++) {
		GString *rec = g_ptr_array_index(r.records, i);
		const char *s = rec->str, *nl;
		int t = -1, k = -1, used = 0;

		if (i + 1 == r.records->len && strcmp(s, "\n") == 0)
			break; /* aj_progress_end() */
		if (g_str_has_prefix(s, CLEAR))
			s += strlen(CLEAR);
		else if (shown) /* a message over the progress line clears it first */
			fail_msg("record %u does not start at the line's beginning: '%s'", i, rec->str);
		nl = strchr(s, '\n');
		if (nl == NULL) { /* a progress step */
			if (!is_progress(s, strlen(s)))
				fail_msg("record %u is not a whole progress line: '%s'", i, rec->str);
			shown = TRUE;
			continue;
		}
		/* one whole warning, then the progress line drawn again, or nothing */
		if (sscanf(s, "anjian: warning: thread %d message %d %n", &t, &k, &used) != 2 ||
		    t < 0 || t >= THREADS || k < 0 || k >= PER_THREAD ||
		    (gsize)(nl - s - used) != strlen(payload()) ||
		    strncmp(s + used, payload(), strlen(payload())) != 0)
			fail_msg("record %u is not one whole warning line: '%s'", i, rec->str);
		if (nl[1] != '\0' && !is_progress(nl + 1, strlen(nl + 1)))
			fail_msg("record %u: the progress line after the warning is not whole: '%s'", i,
				 rec->str);
		seen[t][k]++;
		messages++;
	}
	assert_int_equal(messages, THREADS * PER_THREAD);
	for (int t = 0; t < THREADS; t++)
		for (int k = 0; k < PER_THREAD; k++)
			assert_int_equal(seen[t][k], 1);
	g_ptr_array_unref(r.records);
}

/* While the progress line is shown, a warning clears it first, and the
 * line is drawn again after the warning, all in the same write. */
static void warning_over_progress(void **state)
{
	int sv[2], saved = dup(STDERR_FILENO);
	char buf[4096];
	ssize_t n;

	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	assert_int_equal(dup2(sv[0], STDERR_FILENO), STDERR_FILENO);
	close(sv[0]);
	aj_progress_show("anjian build: %d/%d documents", 1, 2);
	aj_warn("a.md: no such template");
	aj_progress_end();
	aj_warn("after");
	assert_int_equal(dup2(saved, STDERR_FILENO), STDERR_FILENO);
	close(saved);

	n = read(sv[1], buf, sizeof buf);
	assert_int_equal(n, strlen(CLEAR "anjian build: 1/2 documents"));
	n = read(sv[1], buf, sizeof buf);
	buf[MAX(n, 0)] = '\0';
	assert_string_equal(buf, CLEAR "anjian: warning: a.md: no such template\n"
				 "anjian build: 1/2 documents");
	n = read(sv[1], buf, sizeof buf);
	buf[MAX(n, 0)] = '\0';
	assert_string_equal(buf, "\n");
	n = read(sv[1], buf, sizeof buf);
	buf[MAX(n, 0)] = '\0';
	assert_string_equal(buf, "anjian: warning: after\n");
	close(sv[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_are_whole),
		cmocka_unit_test(warning_over_progress),
	};
	return cmocka_run_group_tests_name("error", tests, NULL, NULL);
}
