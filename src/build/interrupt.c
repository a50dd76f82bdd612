#include "build/interrupt.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "build/outdir.h"

/* SIGUSR2 only wakes the watcher to stop it. */
#define STOP_SIGNAL SIGUSR2
/* Sent by the watcher to every other thread to park it (see park()). */
#define PARK_SIGNAL (SIGRTMIN + 2)
/* Threads of one build: the main thread and the render and site pools. */
#define MAX_THREADS 512
/* Directory depth of OUT (site/KIND/… is 3). */
#define MAX_DEPTH 16

struct AjInterruptGuard {
	GMutex lock;   /* held while path is being created, and by the watcher at the end */
	char *path;    /* NULL until aj_interrupt_guard_outdir() made it */
	pthread_t thread;
	sigset_t watched, old_mask;
	gint stopping;    /* atomic */
	gint interrupted; /* atomic: the watcher took a signal and will end the process */
	int pending;      /* a signal that came in while stopping */
};

/* How many threads have entered park().  A signal handler can reach no
 * guard, hence the one static; only the watcher about to end the process
 * ever sends PARK_SIGNAL. */
static gint parked;

/* Other threads stop here, for good, before the watcher removes the
 * temporary directory: none can write into it meanwhile (or create it
 * again, as g_mkdir_with_parents would). */
static void park(int sig)
{
	(void)sig;
	g_atomic_int_inc(&parked);
	for (;;)
		pause();
}

/* What follows runs while other threads are parked wherever they were,
 * perhaps holding a lock of the allocator or of stdio: only system calls
 * and the stack. */

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* Calls fn(name, type, arg) for each entry of the open directory fd but
 * "." and "..", from its start.  Returns how many entries it saw. */
static int each_entry(int fd, void (*fn)(int fd, const char *name, int type, void *arg), void *arg)
{
	char buf[4096] __attribute__((aligned(8)));
	long n;
	int seen = 0;

	lseek(fd, 0, SEEK_SET);
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
		for (long off = 0; off < n;) {
			struct linux_dirent64 *e = (struct linux_dirent64 *)(buf + off);
			off += e->d_reclen;
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			seen++;
			fn(fd, e->d_name, e->d_type, arg);
		}
	}
	return seen;
}

static void remove_entry(int dirfd, const char *name, int type, void *arg);

/* Empties the directory fd (entries removed while listing may hide
 * others from the same listing, so it lists again until none is left). */
static void empty_dir(int fd, int depth)
{
	for (int pass = 0; pass < 8 && each_entry(fd, remove_entry, &depth) > 0; pass++)
		;
}

static void remove_entry(int dirfd, const char *name, int type, void *arg)
{
	int depth = *(int *)arg;

	if (type != DT_DIR && unlinkat(dirfd, name, 0) == 0)
		return;
	if (depth < MAX_DEPTH) {
		int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd >= 0) {
			empty_dir(fd, depth + 1);
			close(fd);
		}
	}
	unlinkat(dirfd, name, AT_REMOVEDIR);
}

static void remove_tree(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0) {
		unlink(path);
		return;
	}
	empty_dir(fd, 0);
	close(fd);
	rmdir(path);
}

typedef struct {
	pid_t self;
	pid_t sent[MAX_THREADS];
	int n_sent;
	gboolean more; /* a thread was found that had not been sent the signal */
} Parking;

static void park_one(int dirfd, const char *name, int type, void *arg)
{
	Parking *p = arg;
	pid_t tid = 0;

	(void)dirfd, (void)type;
	for (const char *c = name; *c >= '0' && *c <= '9'; c++)
		tid = tid * 10 + (*c - '0');
	if (tid <= 0 || tid == p->self)
		return;
	for (int i = 0; i < p->n_sent; i++)
		if (p->sent[i] == tid)
			return;
	if (p->n_sent == MAX_THREADS)
		return;
	p->more = TRUE;
	if (syscall(SYS_tgkill, getpid(), tid, PARK_SIGNAL) == 0)
		p->sent[p->n_sent++] = tid;
}

/* Parks every other thread of the process: signals each one listed in
 * /proc/self/task, waits until each has entered park(), and lists again
 * for threads started meanwhile.  A thread that never arrives (one that
 * was ending) is given up on after about a second. */
static void park_others(void)
{
	struct sigaction sa = { .sa_handler = park };
	Parking p = { .self = (pid_t)syscall(SYS_gettid) };
	int fd = open("/proc/self/task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return;
	sigfillset(&sa.sa_mask);
	sigaction(PARK_SIGNAL, &sa, NULL);
	do {
		p.more = FALSE;
		each_entry(fd, park_one, &p);
		for (int waited = 0; g_atomic_int_get(&parked) < p.n_sent && waited < 1000; waited++)
			usleep(1000);
	} while (p.more);
	close(fd);
}

static void *watch(void *data)
{
	AjInterruptGuard *g = data;
	int sig = 0;

	for (;;) {
		if (sigwait(&g->watched, &sig) != 0)
			continue;
		if (sig == STOP_SIGNAL)
			break;
		if (g_atomic_int_get(&g->stopping)) {
			g->pending = sig;
			continue;
		}
		g_atomic_int_set(&g->interrupted, 1);
		/* never unlocked: the process ends here */
		g_mutex_lock(&g->lock);
		park_others();
		if (g->path != NULL)
			remove_tree(g->path);
		_exit(128 + sig);
	}
	return NULL;
}

AjInterruptGuard *aj_interrupt_guard_start(void)
{
	AjInterruptGuard *g = g_new0(AjInterruptGuard, 1);

	g_mutex_init(&g->lock);
	sigemptyset(&g->watched);
	sigaddset(&g->watched, SIGINT);
	sigaddset(&g->watched, SIGTERM);
	sigaddset(&g->watched, SIGHUP);
	sigaddset(&g->watched, STOP_SIGNAL);
	pthread_sigmask(SIG_BLOCK, &g->watched, &g->old_mask);
	if (pthread_create(&g->thread, NULL, watch, g) != 0) {
		/* Without a watcher the build still works; only cleanup on ^C is lost. */
		pthread_sigmask(SIG_SETMASK, &g->old_mask, NULL);
		g_mutex_clear(&g->lock);
		g_free(g);
		return NULL;
	}
	return g;
}

char *aj_interrupt_guard_outdir(AjInterruptGuard *g, const char *out, gboolean force,
				GError **err)
{
	char *root;

	if (g == NULL)
		return aj_outdir_begin(out, force, err);
	g_mutex_lock(&g->lock);
	root = aj_outdir_begin(out, force, err);
	g->path = g_strdup(root);
	g_mutex_unlock(&g->lock);
	return root;
}

gboolean aj_interrupt_guard_commit(AjInterruptGuard *g, const char *root, const char *out,
				   GError **err)
{
	gboolean ok;

	if (g == NULL)
		return aj_outdir_commit(root, out, err);
	g_mutex_lock(&g->lock);
	if (g_atomic_int_get(&g->interrupted)) {
		g_mutex_unlock(&g->lock);
		for (;;) /* until the watcher, which needs the lock, ends the process */
			pause();
	}
	ok = aj_outdir_commit(root, out, err);
	g_mutex_unlock(&g->lock);
	return ok;
}

void aj_interrupt_guard_stop(AjInterruptGuard *g)
{
	if (g == NULL)
		return;
	g_atomic_int_set(&g->stopping, 1);
	pthread_kill(g->thread, STOP_SIGNAL);
	pthread_join(g->thread, NULL);
	pthread_sigmask(SIG_SETMASK, &g->old_mask, NULL);
	if (g->pending != 0)
		raise(g->pending);
	g_mutex_clear(&g->lock);
	g_free(g->path);
	g_free(g);
}
