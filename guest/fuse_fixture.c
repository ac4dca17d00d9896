/*
 * fusefs-fixture: a small FUSE file system for the fusefs-gate, speaking the
 * FUSE protocol directly on /dev/fuse (no libfuse), so the guest needs nothing
 * but this static binary.
 *
 *   fusefs-fixture [-o opt[,opt...]] [-l LOGFILE] MOUNTPOINT
 *
 * Contract: docs/guest-protocol.md ("Fixture").  Options:
 *   direct_io          OPEN/CREATE answer FOPEN_DIRECT_IO (Linux: INIT also
 *                      grants FUSE_DIRECT_IO_ALLOW_MMAP, else shared mmap of a
 *                      direct_io file is refused with ENODEV since Linux 6.6)
 *   backing=DIR        serve DIR instead of memory
 *   stall=OP           never answer OP (write, read, flush, ...); keep serving
 *                      every other request
 *   stall_after=N      answer the first N counted requests, never any later one
 *   crash=OP           exit (without answering) when OP arrives
 *   eio=OP             answer OP with EIO
 *   slow=OP            answer OP, but only after SLOW_MS (a slow server that
 *                      still makes progress: the gate must not call it a hang)
 *   panic=OP           panic the guest kernel when OP arrives (Linux: sysrq
 *                      'c'; FreeBSD: sysctl debug.kdb.panic), to test the
 *                      gate's panic verdict; exits like crash= if it cannot
 * Counted requests: every request except INIT, FORGET, BATCH_FORGET,
 * INTERRUPT and DESTROY.
 *
 * The parent returns 0 only once the file system is mounted and INIT has been
 * answered (the daemon child reports through a pipe); otherwise it prints one
 * message and exits non-zero.
 *
 * Single-threaded: every answer is computed in memory (or by one syscall on
 * the backing folder), so one loop reading /dev/fuse suffices.  A stalled
 * request is simply never answered while the loop keeps serving the rest.
 *
 * Builds warning-free with `gcc -static -O2 -Wall -Wextra` on Linux and with
 * FreeBSD's base cc given `-I$SRC/sys` (see guest/Makefile).
 */

#if defined(__linux__)
#define _GNU_SOURCE
#endif

#if defined(__FreeBSD__)
#include <sys/param.h>	/* first, as nmount(2) asks */
#include <sys/sysctl.h>	/* sysctlbyname(3), for panic=OP */
#endif
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if defined(__FreeBSD__)
/*
 * The protocol header is the target tree's own: sys/fs/fuse/fuse_kernel.h,
 * compiled with -I$SRC/sys, so the struct sizes are exactly the ones the
 * tree's fusefs.ko checks replies against (sys/fs/fuse/fuse_ipc.c,
 * fuse_body_audit).
 */
#include <fs/fuse/fuse_kernel.h>
#else
/*
 * Linux: the installed uapi header.  Debian bookworm's linux-libc-dev has
 * protocol 7.38, which already has FUSE_INIT_EXT and the flags2 fields.
 */
#include <linux/fuse.h>
#endif

#if FUSE_KERNEL_MINOR_VERSION < 23
#error "fusefs-fixture needs a fuse_kernel.h of protocol 7.23 or newer"
#endif

/*
 * FUSE_DIRECT_IO_ALLOW_MMAP (protocol 7.39) is missing from bookworm's header.
 * Value from trixie's linux-libc-dev 6.12.117-1, /usr/include/linux/fuse.h:
 *   "#define FUSE_DIRECT_IO_ALLOW_MMAP (1ULL << 36)"
 * ("bits 32..63 get shifted down 32 bits into the flags2 field", sent only
 * when the reply's flags carry FUSE_INIT_EXT).
 */
#if defined(__linux__) && !defined(FUSE_DIRECT_IO_ALLOW_MMAP)
#define FUSE_DIRECT_IO_ALLOW_MMAP (1ULL << 36)
#endif

/* Present in every header since 7.9 / 7.12; kept for very old headers. */
#ifndef FUSE_COMPAT_ENTRY_OUT_SIZE
#define FUSE_COMPAT_ENTRY_OUT_SIZE 120
#endif
#ifndef FUSE_COMPAT_ATTR_OUT_SIZE
#define FUSE_COMPAT_ATTR_OUT_SIZE 96
#endif
#ifndef FUSE_COMPAT_22_INIT_OUT_SIZE
#define FUSE_COMPAT_22_INIT_OUT_SIZE 24
#endif

#define PROG "fusefs-fixture"
#define MAX_WRITE (128 * 1024)
#define BUF_SIZE (MAX_WRITE + 64 * 1024)

/* ---------------------------------------------------------------- options */

static int opt_direct_io;
static const char *opt_backing;
static uint32_t opt_stall_op, opt_crash_op, opt_eio_op, opt_panic_op, opt_slow_op;
#define SLOW_MS 700
static long opt_stall_after = -1;
static FILE *logfp;
static const char *mountpoint;

static uint32_t proto_minor = FUSE_KERNEL_MINOR_VERSION;
static long counted_ops;

struct opname {
	const char *name;
	uint32_t op;
};

static const struct opname opnames[] = {
	{ "lookup", FUSE_LOOKUP }, { "forget", FUSE_FORGET },
	{ "getattr", FUSE_GETATTR }, { "setattr", FUSE_SETATTR },
	{ "readlink", FUSE_READLINK }, { "symlink", FUSE_SYMLINK },
	{ "mknod", FUSE_MKNOD }, { "mkdir", FUSE_MKDIR },
	{ "unlink", FUSE_UNLINK }, { "rmdir", FUSE_RMDIR },
	{ "rename", FUSE_RENAME }, { "link", FUSE_LINK },
	{ "open", FUSE_OPEN }, { "read", FUSE_READ },
	{ "write", FUSE_WRITE }, { "statfs", FUSE_STATFS },
	{ "release", FUSE_RELEASE }, { "fsync", FUSE_FSYNC },
	{ "setxattr", FUSE_SETXATTR }, { "getxattr", FUSE_GETXATTR },
	{ "listxattr", FUSE_LISTXATTR }, { "removexattr", FUSE_REMOVEXATTR },
	{ "flush", FUSE_FLUSH }, { "init", FUSE_INIT },
	{ "opendir", FUSE_OPENDIR }, { "readdir", FUSE_READDIR },
	{ "releasedir", FUSE_RELEASEDIR }, { "fsyncdir", FUSE_FSYNCDIR },
	{ "getlk", FUSE_GETLK }, { "setlk", FUSE_SETLK },
	{ "setlkw", FUSE_SETLKW }, { "access", FUSE_ACCESS },
	{ "create", FUSE_CREATE }, { "interrupt", FUSE_INTERRUPT },
	{ "bmap", FUSE_BMAP }, { "destroy", FUSE_DESTROY },
	{ "batch_forget", FUSE_BATCH_FORGET }, { "fallocate", FUSE_FALLOCATE },
	{ "readdirplus", FUSE_READDIRPLUS }, { "rename2", FUSE_RENAME2 },
	{ "lseek", FUSE_LSEEK }, { "copy_file_range", FUSE_COPY_FILE_RANGE },
	{ NULL, 0 }
};

static const char *
op_name(uint32_t op)
{
	const struct opname *o;

	for (o = opnames; o->name != NULL; o++)
		if (o->op == op)
			return o->name;
	return "unknown";
}

static void
logmsg(const char *fmt, ...)
{
	va_list ap;

	if (logfp == NULL)
		return;
	va_start(ap, fmt);
	vfprintf(logfp, fmt, ap);
	va_end(ap);
	fputc('\n', logfp);
	fflush(logfp);
}

/* Status pipe to the waiting parent; -1 once INIT has been reported. */
static int status_fd = -1;

static void
fail(const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(msg))
		n = sizeof(msg) - 1;
	logmsg("fatal: %s", msg);
	if (status_fd >= 0) {
		/* 'E' + message: the parent prints it and exits 1. */
		if (write(status_fd, "E", 1) == 1)
			(void)!write(status_fd, msg, (size_t)n);
		close(status_fd);
		status_fd = -1;
	} else {
		fprintf(stderr, PROG ": %s\n", msg);
	}
	_exit(1);
}

static void
usage(void)
{
	fprintf(stderr,
	    "usage: " PROG " [-o opt[,opt...]] [-l LOGFILE] MOUNTPOINT\n"
	    "options: direct_io, backing=DIR, stall=OP, stall_after=N, "
	    "crash=OP, eio=OP, panic=OP, slow=OP (OP: write, read, flush, ...)\n");
	exit(64);
}

static uint32_t
parse_op(const char *opt, const char *v)
{
	const struct opname *o;

	for (o = opnames; o->name != NULL; o++)
		if (strcmp(o->name, v) == 0 && o->op != FUSE_INIT &&
		    o->op != FUSE_FORGET && o->op != FUSE_BATCH_FORGET &&
		    o->op != FUSE_INTERRUPT)
			return o->op;
	fprintf(stderr, PROG ": option %s: unknown operation '%s'\n", opt, v);
	exit(64);
}

static void
parse_opts(char *s)
{
	char *tok, *save = NULL, *v, *end;

	for (tok = strtok_r(s, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		v = strchr(tok, '=');
		if (v != NULL)
			*v++ = '\0';
		if (strcmp(tok, "direct_io") == 0 && v == NULL) {
			opt_direct_io = 1;
		} else if (strcmp(tok, "backing") == 0 && v != NULL && *v) {
			opt_backing = v;
		} else if (strcmp(tok, "stall") == 0 && v != NULL) {
			opt_stall_op = parse_op("stall", v);
		} else if (strcmp(tok, "crash") == 0 && v != NULL) {
			opt_crash_op = parse_op("crash", v);
		} else if (strcmp(tok, "eio") == 0 && v != NULL) {
			opt_eio_op = parse_op("eio", v);
		} else if (strcmp(tok, "panic") == 0 && v != NULL) {
			opt_panic_op = parse_op("panic", v);
		} else if (strcmp(tok, "slow") == 0 && v != NULL) {
			opt_slow_op = parse_op("slow", v);
		} else if (strcmp(tok, "stall_after") == 0 && v != NULL) {
			errno = 0;
			opt_stall_after = strtol(v, &end, 10);
			if (errno != 0 || *v == '\0' || *end != '\0' ||
			    opt_stall_after < 0) {
				fprintf(stderr, PROG ": option stall_after: "
				    "'%s' is not a count\n", v);
				exit(64);
			}
		} else {
			fprintf(stderr, PROG ": unknown option '%s%s%s'\n",
			    tok, v ? "=" : "", v ? v : "");
			exit(64);
		}
	}
}

/* ------------------------------------------------------------------ nodes */

struct node {
	uint64_t parent;	/* 0: unlinked (or the root's parent) */
	char *name;
	uint64_t nlookup;
	int live;
	/* memory mode */
	mode_t mode;
	uint32_t nlink;
	uid_t uid;
	gid_t gid;
	char *data;
	size_t size, cap;
	struct timespec atime, mtime, ctime;
};

static struct node *nodes;	/* nodes[id], id 0 unused, 1 = root */
static size_t nnodes, capnodes;

static struct node *
get_node(uint64_t id)
{
	if (id == 0 || id >= nnodes || !nodes[id].live)
		return NULL;
	return &nodes[id];
}

static uint64_t
new_node(uint64_t parent, const char *name, mode_t mode)
{
	struct node *n;

	if (nnodes == capnodes) {
		capnodes = capnodes ? capnodes * 2 : 64;
		nodes = realloc(nodes, capnodes * sizeof(*nodes));
		if (nodes == NULL)
			fail("out of memory");
	}
	n = &nodes[nnodes];
	memset(n, 0, sizeof(*n));
	n->parent = parent;
	n->name = strdup(name);
	if (n->name == NULL)
		fail("out of memory");
	n->live = 1;
	n->mode = mode;
	n->nlink = S_ISDIR(mode) ? 2 : 1;
	n->uid = 0;
	n->gid = 0;
	clock_gettime(CLOCK_REALTIME, &n->mtime);
	n->atime = n->ctime = n->mtime;
	return nnodes++;
}

static uint64_t
find_child(uint64_t parent, const char *name)
{
	size_t i;

	for (i = 2; i < nnodes; i++)
		if (nodes[i].live && nodes[i].parent == parent &&
		    strcmp(nodes[i].name, name) == 0)
			return i;
	return 0;
}

static void
drop_node(uint64_t id)
{
	struct node *n = get_node(id);

	if (n == NULL || id == FUSE_ROOT_ID)
		return;
	if (n->nlookup == 0 && n->parent == 0) {
		free(n->data);
		free(n->name);
		n->data = NULL;
		n->name = NULL;
		n->live = 0;
	}
}

/* Backing mode: the node's path under opt_backing. */
static int
node_path(uint64_t id, char *buf, size_t len)
{
	const char *comp[256];
	size_t depth = 0, off;
	struct node *n;
	int i, r;

	while (id != FUSE_ROOT_ID) {
		n = get_node(id);
		if (n == NULL || n->parent == 0 || depth == 256)
			return ENOENT;
		comp[depth++] = n->name;
		id = n->parent;
	}
	r = snprintf(buf, len, "%s", opt_backing);
	if (r < 0 || (size_t)r >= len)
		return ENAMETOOLONG;
	off = (size_t)r;
	for (i = (int)depth - 1; i >= 0; i--) {
		r = snprintf(buf + off, len - off, "/%s", comp[i]);
		if (r < 0 || (size_t)r >= len - off)
			return ENAMETOOLONG;
		off += (size_t)r;
	}
	return 0;
}

static int
child_path(uint64_t parent, const char *name, char *buf, size_t len)
{
	char p[PATH_MAX];
	int err, r;

	if ((err = node_path(parent, p, sizeof(p))) != 0)
		return err;
	r = snprintf(buf, len, "%s/%s", p, name);
	if (r < 0 || (size_t)r >= len)
		return ENAMETOOLONG;
	return 0;
}

/* ---------------------------------------------------------------- replies */

static int fuse_fd = -1;

static void
reply(uint64_t unique, int error, const void *data, size_t len)
{
	struct fuse_out_header oh;
	struct iovec iov[2];
	int cnt = 1;

	oh.unique = unique;
	oh.error = error ? -error : 0;
	if (error)
		len = 0;
	oh.len = (uint32_t)(sizeof(oh) + len);
	iov[0].iov_base = &oh;
	iov[0].iov_len = sizeof(oh);
	if (len) {
		iov[1].iov_base = (void *)(uintptr_t)data;
		iov[1].iov_len = len;
		cnt = 2;
	}
	/* ENOENT: the request was interrupted and is gone; nothing to do. */
	if (writev(fuse_fd, iov, cnt) < 0 && errno != ENOENT)
		logmsg("reply %llu: writev: %s", (unsigned long long)unique,
		    strerror(errno));
}

static void
stat_to_attr(const struct stat *st, uint64_t id, struct fuse_attr *a)
{
	memset(a, 0, sizeof(*a));
	a->ino = id;
	a->size = (uint64_t)st->st_size;
	a->blocks = (uint64_t)st->st_blocks;
	a->atime = (uint64_t)st->st_atim.tv_sec;
	a->mtime = (uint64_t)st->st_mtim.tv_sec;
	a->ctime = (uint64_t)st->st_ctim.tv_sec;
	a->atimensec = (uint32_t)st->st_atim.tv_nsec;
	a->mtimensec = (uint32_t)st->st_mtim.tv_nsec;
	a->ctimensec = (uint32_t)st->st_ctim.tv_nsec;
	a->mode = (uint32_t)st->st_mode;
	a->nlink = (uint32_t)st->st_nlink;
	a->uid = (uint32_t)st->st_uid;
	a->gid = (uint32_t)st->st_gid;
	a->rdev = (uint32_t)st->st_rdev;
	a->blksize = (uint32_t)st->st_blksize;
}

static int
get_attr(uint64_t id, struct fuse_attr *a)
{
	struct node *n = get_node(id);
	char path[PATH_MAX];
	struct stat st;
	int err;

	if (n == NULL)
		return ENOENT;
	if (opt_backing) {
		if ((err = node_path(id, path, sizeof(path))) != 0)
			return err;
		if (lstat(path, &st) < 0)
			return errno;
		stat_to_attr(&st, id, a);
		return 0;
	}
	memset(a, 0, sizeof(*a));
	a->ino = id;
	a->size = n->size;
	a->blocks = (n->size + 511) / 512;
	a->atime = (uint64_t)n->atime.tv_sec;
	a->mtime = (uint64_t)n->mtime.tv_sec;
	a->ctime = (uint64_t)n->ctime.tv_sec;
	a->atimensec = (uint32_t)n->atime.tv_nsec;
	a->mtimensec = (uint32_t)n->mtime.tv_nsec;
	a->ctimensec = (uint32_t)n->ctime.tv_nsec;
	a->mode = (uint32_t)n->mode;
	a->nlink = n->nlink;
	a->uid = (uint32_t)n->uid;
	a->gid = (uint32_t)n->gid;
	a->blksize = 4096;
	return 0;
}

/*
 * Reply sizes depend on the negotiated minor: before 7.9 fuse_entry_out and
 * fuse_attr_out had no fuse_attr.blksize (FUSE_COMPAT_*_OUT_SIZE); FreeBSD's
 * fuse_body_audit (sys/fs/fuse/fuse_ipc.c) rejects any other length.
 */
static size_t
entry_out_size(void)
{
	return proto_minor < 9 ? FUSE_COMPAT_ENTRY_OUT_SIZE :
	    sizeof(struct fuse_entry_out);
}

static size_t
attr_out_size(void)
{
	return proto_minor < 9 ? FUSE_COMPAT_ATTR_OUT_SIZE :
	    sizeof(struct fuse_attr_out);
}

static int
fill_entry(uint64_t id, struct fuse_entry_out *e)
{
	memset(e, 0, sizeof(*e));
	e->nodeid = id;
	e->generation = 1;
	e->entry_valid = 1;
	e->attr_valid = 1;
	return get_attr(id, &e->attr);
}

static void
reply_attr(uint64_t unique, uint64_t id)
{
	struct fuse_attr_out ao;
	int err;

	memset(&ao, 0, sizeof(ao));
	ao.attr_valid = 1;
	err = get_attr(id, &ao.attr);
	reply(unique, err, &ao, attr_out_size());
}

/* Look up (or make) the node for name in parent; counts one lookup. */
static int
lookup_child(uint64_t parent, const char *name, uint64_t *idp)
{
	char path[PATH_MAX];
	struct node *p = get_node(parent);
	struct stat st;
	uint64_t id;
	int err;

	if (p == NULL)
		return ENOENT;
	if (strcmp(name, ".") == 0) {
		id = parent;
	} else if (strcmp(name, "..") == 0) {
		id = parent == FUSE_ROOT_ID ? FUSE_ROOT_ID : p->parent;
		if (get_node(id) == NULL)
			return ENOENT;
	} else {
		id = find_child(parent, name);
		if (opt_backing) {
			if ((err = child_path(parent, name, path,
			    sizeof(path))) != 0)
				return err;
			if (lstat(path, &st) < 0)
				return errno;
			if (id == 0)
				id = new_node(parent, name, st.st_mode);
		} else if (id == 0) {
			return ENOENT;
		}
	}
	nodes[id].nlookup++;
	*idp = id;
	return 0;
}

static void
reply_entry(uint64_t unique, uint64_t id)
{
	struct fuse_entry_out e;
	int err;

	err = fill_entry(id, &e);
	reply(unique, err, &e, entry_out_size());
}

/* ---------------------------------------------------------------- handlers */

static void
do_lookup(struct fuse_in_header *h, const char *name)
{
	uint64_t id;
	int err;

	if ((err = lookup_child(h->nodeid, name, &id)) != 0) {
		reply(h->unique, err, NULL, 0);
		return;
	}
	reply_entry(h->unique, id);
}

static void
forget_one(uint64_t id, uint64_t n)
{
	struct node *nd = get_node(id);

	if (nd == NULL)
		return;
	nd->nlookup = nd->nlookup > n ? nd->nlookup - n : 0;
	drop_node(id);
}

static int
mem_resize(struct node *n, uint64_t size)
{
	size_t ncap;
	char *d;

	if (size > (uint64_t)1 << 30)
		return EFBIG;
	if (size > n->cap) {
		ncap = n->cap ? n->cap : 4096;
		while (ncap < size)
			ncap *= 2;
		d = realloc(n->data, ncap);
		if (d == NULL)
			return ENOSPC;
		n->data = d;
		n->cap = ncap;
	}
	if (size > n->size)
		memset(n->data + n->size, 0, (size_t)(size - n->size));
	n->size = (size_t)size;
	return 0;
}

static void
do_setattr(struct fuse_in_header *h, const struct fuse_setattr_in *in)
{
	struct node *n = get_node(h->nodeid);
	char path[PATH_MAX];
	struct timespec ts[2], now;
	int err = 0;

	if (n == NULL) {
		reply(h->unique, ENOENT, NULL, 0);
		return;
	}
	clock_gettime(CLOCK_REALTIME, &now);
	if (opt_backing) {
		if ((err = node_path(h->nodeid, path, sizeof(path))) != 0)
			goto out;
		if ((in->valid & FATTR_MODE) && chmod(path, in->mode & 07777))
			err = errno;
		if (!err && (in->valid & (FATTR_UID | FATTR_GID)) &&
		    lchown(path,
		    (in->valid & FATTR_UID) ? (uid_t)in->uid : (uid_t)-1,
		    (in->valid & FATTR_GID) ? (gid_t)in->gid : (gid_t)-1))
			err = errno;
		if (!err && (in->valid & FATTR_SIZE)) {
			if ((in->valid & FATTR_FH) && in->fh != 0) {
				if (ftruncate((int)in->fh - 1, (off_t)in->size))
					err = errno;
			} else if (truncate(path, (off_t)in->size)) {
				err = errno;
			}
		}
		if (!err && (in->valid & (FATTR_ATIME | FATTR_MTIME))) {
			ts[0].tv_sec = (time_t)in->atime;
			ts[0].tv_nsec = in->atimensec;
			ts[1].tv_sec = (time_t)in->mtime;
			ts[1].tv_nsec = in->mtimensec;
			if (!(in->valid & FATTR_ATIME))
				ts[0].tv_nsec = UTIME_OMIT;
			else if (in->valid & FATTR_ATIME_NOW)
				ts[0].tv_nsec = UTIME_NOW;
			if (!(in->valid & FATTR_MTIME))
				ts[1].tv_nsec = UTIME_OMIT;
			else if (in->valid & FATTR_MTIME_NOW)
				ts[1].tv_nsec = UTIME_NOW;
			if (utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW))
				err = errno;
		}
		goto out;
	}
	if (in->valid & FATTR_MODE)
		n->mode = (n->mode & S_IFMT) | (in->mode & 07777);
	if (in->valid & FATTR_UID)
		n->uid = (uid_t)in->uid;
	if (in->valid & FATTR_GID)
		n->gid = (gid_t)in->gid;
	if (in->valid & FATTR_SIZE) {
		if (S_ISDIR(n->mode))
			err = EISDIR;
		else if ((err = mem_resize(n, in->size)) == 0)
			n->mtime = now;
	}
	if (in->valid & FATTR_ATIME) {
		n->atime.tv_sec = (time_t)in->atime;
		n->atime.tv_nsec = in->atimensec;
		if (in->valid & FATTR_ATIME_NOW)
			n->atime = now;
	}
	if (in->valid & FATTR_MTIME) {
		n->mtime.tv_sec = (time_t)in->mtime;
		n->mtime.tv_nsec = in->mtimensec;
		if (in->valid & FATTR_MTIME_NOW)
			n->mtime = now;
	}
	n->ctime = now;
out:
	if (err)
		reply(h->unique, err, NULL, 0);
	else
		reply_attr(h->unique, h->nodeid);
}

static uint32_t
open_flags_out(void)
{
	return opt_direct_io ? FOPEN_DIRECT_IO : 0;
}

/* Backing mode: open a host fd; fh is the fd (+1 so that 0 means none). */
static int
backing_open(uint64_t id, uint32_t flags, uint64_t *fh)
{
	char path[PATH_MAX];
	int fd, err, oflags;

	if ((err = node_path(id, path, sizeof(path))) != 0)
		return err;
	oflags = (int)flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_APPEND |
	    O_NOCTTY);
	/* The kernel may read a page of a write-only file (page cache). */
	if ((oflags & O_ACCMODE) == O_WRONLY)
		oflags = (oflags & ~O_ACCMODE) | O_RDWR;
	fd = open(path, oflags);
	if (fd < 0 && (flags & O_ACCMODE) == O_WRONLY)
		fd = open(path, (int)(flags & ~(O_CREAT | O_EXCL | O_TRUNC |
		    O_APPEND | O_NOCTTY)));
	if (fd < 0)
		return errno;
	*fh = (uint64_t)fd + 1;
	return 0;
}

static void
do_open(struct fuse_in_header *h, const struct fuse_open_in *in)
{
	struct fuse_open_out oo;
	struct node *n = get_node(h->nodeid);
	int err = 0;

	memset(&oo, 0, sizeof(oo));
	if (n == NULL) {
		err = ENOENT;
	} else if (opt_backing) {
		err = backing_open(h->nodeid, in->flags, &oo.fh);
	} else {
		if ((in->flags & O_TRUNC) && S_ISREG(n->mode))
			err = mem_resize(n, 0);
		oo.fh = 0;
	}
	oo.open_flags = open_flags_out();
	reply(h->unique, err, &oo, sizeof(oo));
}

static int
make_node(uint64_t parent, const char *name, mode_t mode, uint64_t *idp)
{
	char path[PATH_MAX];
	int err, fd;

	if (get_node(parent) == NULL)
		return ENOENT;
	if (opt_backing) {
		if ((err = child_path(parent, name, path, sizeof(path))) != 0)
			return err;
		if (S_ISDIR(mode)) {
			if (mkdir(path, mode & 07777) < 0)
				return errno;
		} else if (S_ISREG(mode)) {
			fd = open(path, O_CREAT | O_EXCL | O_WRONLY,
			    mode & 07777);
			if (fd < 0)
				return errno;
			close(fd);
		} else if (mknod(path, mode, 0) < 0) {
			return errno;
		}
		return lookup_child(parent, name, idp);
	}
	if (find_child(parent, name) != 0)
		return EEXIST;
	if (!S_ISREG(mode) && !S_ISDIR(mode))
		return EPERM;
	*idp = new_node(parent, name, mode);
	nodes[*idp].nlookup = 1;
	if (S_ISDIR(mode))
		nodes[parent].nlink++;
	return 0;
}

static void
do_create(struct fuse_in_header *h, const struct fuse_create_in *in,
    const char *name)
{
	struct {
		struct fuse_entry_out e;
		struct fuse_open_out o;
	} out;
	size_t esz = entry_out_size();
	char buf[sizeof(out)];
	uint64_t id;
	int err;

	memset(&out, 0, sizeof(out));
	err = make_node(h->nodeid, name, (mode_t)((in->mode & 07777) |
	    S_IFREG), &id);
	if (err == EEXIST && !(in->flags & O_EXCL))
		err = lookup_child(h->nodeid, name, &id);
	if (err == 0)
		err = fill_entry(id, &out.e);
	if (err == 0 && opt_backing)
		err = backing_open(id, in->flags, &out.o.fh);
	out.o.open_flags = open_flags_out();
	/* entry_out (maybe the compat size) directly followed by open_out */
	memcpy(buf, &out.e, esz);
	memcpy(buf + esz, &out.o, sizeof(out.o));
	reply(h->unique, err, buf, esz + sizeof(out.o));
}

static void
do_mknod(struct fuse_in_header *h, const struct fuse_mknod_in *in,
    const char *name)
{
	uint64_t id;
	int err;

	err = make_node(h->nodeid, name, (mode_t)in->mode, &id);
	if (err)
		reply(h->unique, err, NULL, 0);
	else
		reply_entry(h->unique, id);
}

static void
do_mkdir(struct fuse_in_header *h, const struct fuse_mkdir_in *in,
    const char *name)
{
	uint64_t id;
	int err;

	err = make_node(h->nodeid, name, (mode_t)((in->mode & 07777) |
	    S_IFDIR), &id);
	if (err)
		reply(h->unique, err, NULL, 0);
	else
		reply_entry(h->unique, id);
}

static void
do_remove(struct fuse_in_header *h, const char *name, int dir)
{
	char path[PATH_MAX];
	uint64_t id;
	size_t i;
	int err = 0;

	id = find_child(h->nodeid, name);
	if (opt_backing) {
		if ((err = child_path(h->nodeid, name, path,
		    sizeof(path))) == 0 &&
		    (dir ? rmdir(path) : unlink(path)) < 0)
			err = errno;
	} else if (id == 0) {
		err = ENOENT;
	} else if (dir && !S_ISDIR(nodes[id].mode)) {
		err = ENOTDIR;
	} else if (!dir && S_ISDIR(nodes[id].mode)) {
		err = EISDIR;
	} else if (dir) {
		for (i = 2; i < nnodes; i++)
			if (nodes[i].live && nodes[i].parent == id)
				err = ENOTEMPTY;
		if (!err)
			nodes[h->nodeid].nlink--;
	}
	if (!err && id != 0) {
		nodes[id].parent = 0;
		if (nodes[id].nlink > 0)
			nodes[id].nlink--;
		drop_node(id);
	}
	reply(h->unique, err, NULL, 0);
}

static char iobuf[BUF_SIZE];

static void
do_read(struct fuse_in_header *h, const struct fuse_read_in *in)
{
	struct node *n = get_node(h->nodeid);
	size_t len = in->size;
	ssize_t r;

	if (len > sizeof(iobuf))
		len = sizeof(iobuf);
	if (n == NULL) {
		reply(h->unique, ENOENT, NULL, 0);
	} else if (opt_backing) {
		if (in->fh == 0) {
			reply(h->unique, EBADF, NULL, 0);
			return;
		}
		r = pread((int)in->fh - 1, iobuf, len, (off_t)in->offset);
		if (r < 0)
			reply(h->unique, errno, NULL, 0);
		else
			reply(h->unique, 0, iobuf, (size_t)r);
	} else {
		if (in->offset >= n->size)
			len = 0;
		else if (len > n->size - in->offset)
			len = (size_t)(n->size - in->offset);
		clock_gettime(CLOCK_REALTIME, &n->atime);
		reply(h->unique, 0, len ? n->data + in->offset : NULL, len);
	}
}

static void
do_write(struct fuse_in_header *h, const struct fuse_write_in *in,
    size_t arglen)
{
	struct node *n = get_node(h->nodeid);
	struct fuse_write_out wo;
	const char *data;
	ssize_t r;
	int err = 0;

	/*
	 * The data is the tail of the message: fuse_write_in is shorter
	 * before 7.9 (FUSE_COMPAT_WRITE_IN_SIZE), so do not rely on its size.
	 */
	if (in->size > arglen) {
		reply(h->unique, EINVAL, NULL, 0);
		return;
	}
	data = (const char *)in + arglen - in->size;
	memset(&wo, 0, sizeof(wo));
	if (n == NULL) {
		err = ENOENT;
	} else if (opt_backing) {
		if (in->fh == 0) {
			err = EBADF;
		} else {
			r = pwrite((int)in->fh - 1, data, in->size,
			    (off_t)in->offset);
			if (r < 0)
				err = errno;
			else
				wo.size = (uint32_t)r;
		}
	} else {
		if (in->offset + in->size > n->size)
			err = mem_resize(n, in->offset + in->size);
		if (!err) {
			memcpy(n->data + in->offset, data, in->size);
			wo.size = in->size;
			clock_gettime(CLOCK_REALTIME, &n->mtime);
			n->ctime = n->mtime;
		}
	}
	reply(h->unique, err, &wo, sizeof(wo));
}

static void
do_release(struct fuse_in_header *h, const struct fuse_release_in *in)
{
	if (opt_backing && in->fh != 0)
		close((int)in->fh - 1);
	reply(h->unique, 0, NULL, 0);
}

static void
do_fsync(struct fuse_in_header *h, const struct fuse_fsync_in *in)
{
	int err = 0;

	if (opt_backing && in->fh != 0 && fsync((int)in->fh - 1) < 0)
		err = errno;
	reply(h->unique, err, NULL, 0);
}

static void
do_statfs(struct fuse_in_header *h)
{
	struct fuse_statfs_out so;
	struct statvfs sv;

	memset(&so, 0, sizeof(so));
	if (opt_backing && statvfs(opt_backing, &sv) == 0) {
		so.st.blocks = sv.f_blocks;
		so.st.bfree = sv.f_bfree;
		so.st.bavail = sv.f_bavail;
		so.st.files = sv.f_files;
		so.st.ffree = sv.f_ffree;
		so.st.bsize = (uint32_t)sv.f_bsize;
		so.st.frsize = (uint32_t)sv.f_frsize;
		so.st.namelen = (uint32_t)sv.f_namemax;
	} else {
		so.st.blocks = 1 << 18;
		so.st.bfree = so.st.bavail = 1 << 17;
		so.st.files = 1 << 16;
		so.st.ffree = (1 << 16) - nnodes;
		so.st.bsize = so.st.frsize = 4096;
		so.st.namelen = 255;
	}
	reply(h->unique, 0, &so, sizeof(so));
}

/* Append one fuse_dirent; returns 0 when it does not fit. */
static size_t
add_dirent(char *buf, size_t room, uint64_t ino, uint64_t off,
    const char *name, uint32_t type)
{
	struct fuse_dirent *d = (struct fuse_dirent *)(void *)buf;
	size_t namelen = strlen(name);
	size_t sz = FUSE_DIRENT_ALIGN(FUSE_NAME_OFFSET + namelen);

	if (sz > room)
		return 0;
	memset(buf, 0, sz);
	d->ino = ino;
	d->off = off;
	d->namelen = (uint32_t)namelen;
	d->type = type;
	memcpy(buf + FUSE_NAME_OFFSET, name, namelen);
	return sz;
}

static void
do_readdir(struct fuse_in_header *h, const struct fuse_read_in *in)
{
	struct node *n = get_node(h->nodeid);
	char path[PATH_MAX];
	size_t room = in->size, used = 0, sz;
	uint64_t idx = 0;	/* entry index; d->off = index of the next */
	struct dirent *de;
	DIR *dp;
	size_t i;
	int err;

	if (room > sizeof(iobuf))
		room = sizeof(iobuf);
	if (n == NULL || !S_ISDIR(n->mode)) {
		reply(h->unique, n == NULL ? ENOENT : ENOTDIR, NULL, 0);
		return;
	}
	if (opt_backing) {
		if ((err = node_path(h->nodeid, path, sizeof(path))) != 0 ||
		    (dp = opendir(path)) == NULL) {
			reply(h->unique, err ? err : errno, NULL, 0);
			return;
		}
		while ((de = readdir(dp)) != NULL) {
			if (idx++ < in->offset)
				continue;
			sz = add_dirent(iobuf + used, room - used,
			    (uint64_t)de->d_ino, idx, de->d_name, de->d_type);
			if (sz == 0)
				break;
			used += sz;
		}
		closedir(dp);
		reply(h->unique, 0, iobuf, used);
		return;
	}
	for (i = 0; i < nnodes + 2; i++) {
		uint64_t ino;
		const char *name;
		uint32_t type;

		if (i == 0) {
			name = ".";
			ino = h->nodeid;
			type = DT_DIR;
		} else if (i == 1) {
			name = "..";
			ino = n->parent ? n->parent : h->nodeid;
			type = DT_DIR;
		} else {
			struct node *c = &nodes[i - 2];

			if (i - 2 <= FUSE_ROOT_ID || !c->live ||
			    c->parent != h->nodeid)
				continue;
			name = c->name;
			ino = i - 2;
			type = S_ISDIR(c->mode) ? DT_DIR : DT_REG;
		}
		idx = i + 1;
		if (i < in->offset)
			continue;
		sz = add_dirent(iobuf + used, room - used, ino, idx, name,
		    type);
		if (sz == 0)
			break;
		used += sz;
	}
	reply(h->unique, 0, iobuf, used);
}

static void
do_init(struct fuse_in_header *h, const struct fuse_init_in *in)
{
	struct fuse_init_out out;
	size_t outsz;
	uint64_t want = 0;

	memset(&out, 0, sizeof(out));
	out.major = FUSE_KERNEL_VERSION;
	if (in->major != FUSE_KERNEL_VERSION) {
		/*
		 * "If the kernel supports a larger major version, then
		 * userspace shall reply with the major version it supports,
		 * ignore the rest of the INIT message and expect a new INIT"
		 * (fuse_kernel.h, Version negotiation).
		 */
		if (in->major > FUSE_KERNEL_VERSION) {
			reply(h->unique, 0, &out, FUSE_COMPAT_INIT_OUT_SIZE);
			return;
		}
		fail("kernel speaks FUSE %u.%u, fixture needs 7.x", in->major,
		    in->minor);
	}
	/* Both sides use the smaller minor (fuse_kernel.h). */
	proto_minor = in->minor < FUSE_KERNEL_MINOR_VERSION ? in->minor :
	    FUSE_KERNEL_MINOR_VERSION;
	out.minor = proto_minor;
	out.max_readahead = in->max_readahead;
	out.max_write = MAX_WRITE;
	out.max_background = 16;
	out.congestion_threshold = 12;
	want = FUSE_BIG_WRITES;
#if defined(__linux__)
	/*
	 * Linux 6.6+ (fs/fuse/file.c, fuse_file_mmap) refuses a shared
	 * mapping of a FOPEN_DIRECT_IO file with ENODEV unless INIT granted
	 * FUSE_DIRECT_IO_ALLOW_MMAP, one of the flags2 bits, which the kernel
	 * reads only when the reply's flags carry FUSE_INIT_EXT.
	 */
	if (opt_direct_io && (in->flags & FUSE_INIT_EXT))
		want |= FUSE_INIT_EXT | FUSE_DIRECT_IO_ALLOW_MMAP;
#endif
	out.flags = (uint32_t)(want & in->flags & 0xffffffffu);
#if defined(FUSE_INIT_EXT)
	if ((want & FUSE_INIT_EXT) && proto_minor >= 36) {
		out.flags |= FUSE_INIT_EXT;
		out.flags2 = (uint32_t)(want >> 32);
	}
#endif
	out.time_gran = 1;
	/*
	 * Before 7.23 fuse_init_out ended after max_write: FreeBSD's
	 * fuse_internal_init_callback (sys/fs/fuse/fuse_internal.c) accepts
	 * only sizeof(struct fuse_init_out) or FUSE_COMPAT_22_INIT_OUT_SIZE.
	 */
	outsz = proto_minor < 23 ? FUSE_COMPAT_22_INIT_OUT_SIZE : sizeof(out);
	reply(h->unique, 0, &out, outsz);
	logmsg("init: kernel %u.%u flags 0x%x, reply %u.%u flags 0x%x "
	    "size %zu", in->major, in->minor, in->flags, out.major, out.minor,
	    out.flags, outsz);
}

/* ---------------------------------------------------------------- loop */

static int
is_counted(uint32_t op)
{
	return op != FUSE_INIT && op != FUSE_FORGET &&
	    op != FUSE_BATCH_FORGET && op != FUSE_INTERRUPT &&
	    op != FUSE_DESTROY;
}

/*
 * panic=OP: panic the guest kernel on purpose, so the gate's panic verdict
 * can be tested with a real kernel panic.  Returns only if that failed.
 */
static void
panic_kernel(void)
{
#if defined(__FreeBSD__)
	/*
	 * sys/kern/subr_kdb.c: SYSCTL_PROC(_debug_kdb, OID_AUTO, panic, ...
	 * kdb_sysctl_panic, "I", "set to panic the kernel"); the handler calls
	 * panic("kdb_sysctl_panic") on any write (the value is not looked at).
	 * subr_kdb.c is standard, so release kernels without KDB have it too.
	 */
	int one = 1;

	if (sysctlbyname("debug.kdb.panic", NULL, NULL, &one,
	    sizeof(one)) != 0)
		logmsg("panic: sysctl debug.kdb.panic: %s", strerror(errno));
#else
	/*
	 * Documentation/admin-guide/sysrq.rst: 'c' "will perform a system
	 * crash", printing "sysrq: Trigger a crash" and then panicking with
	 * "sysrq triggered crash".  /proc/sys/kernel/sysrq=1 enables every
	 * sysrq function (writes to /proc/sysrq-trigger are allowed even
	 * without it on current kernels; set anyway, older ones checked).
	 */
	int fd;

	fd = open("/proc/sys/kernel/sysrq", O_WRONLY);
	if (fd < 0 || write(fd, "1\n", 2) != 2)
		logmsg("panic: /proc/sys/kernel/sysrq: %s", strerror(errno));
	if (fd >= 0)
		close(fd);
	/* No sync(): this process serves the FUSE mount, sync would wait on it. */
	fd = open("/proc/sysrq-trigger", O_WRONLY);
	if (fd < 0 || write(fd, "c", 1) != 1)
		logmsg("panic: /proc/sysrq-trigger: %s", strerror(errno));
	if (fd >= 0)
		close(fd);
#endif
}

/* Returns 1 after INIT has been answered. */
static int
dispatch(struct fuse_in_header *h, size_t len)
{
	char *arg = (char *)(h + 1);
	size_t arglen = len - sizeof(*h);
	uint32_t op = h->opcode;

	/* Names in the argument area are NUL-terminated by the kernel. */
	logmsg("req %llu %s node %llu len %zu", (unsigned long long)h->unique,
	    op_name(op), (unsigned long long)h->nodeid, len);
	if (op == FUSE_INIT) {
		if (arglen < 16) {
			reply(h->unique, EINVAL, NULL, 0);
			return 0;
		}
		do_init(h, (struct fuse_init_in *)(void *)arg);
		return 1;
	}
	if (is_counted(op)) {
		counted_ops++;
		if (opt_stall_after >= 0 && counted_ops > opt_stall_after) {
			logmsg("stall_after=%ld: not answering %s (%llu)",
			    opt_stall_after, op_name(op),
			    (unsigned long long)h->unique);
			return 0;
		}
		if (op == opt_crash_op) {
			logmsg("crash=%s: exiting", op_name(op));
			_exit(70);
		}
		if (op == opt_panic_op) {
			logmsg("panic=%s: panicking the kernel", op_name(op));
			panic_kernel();
			logmsg("panic=%s: the kernel did not panic; exiting",
			    op_name(op));
			_exit(71);
		}
		if (op == opt_stall_op) {
			logmsg("stall=%s: not answering %llu", op_name(op),
			    (unsigned long long)h->unique);
			return 0;
		}
		if (op == opt_eio_op) {
			reply(h->unique, EIO, NULL, 0);
			return 0;
		}
		if (op == opt_slow_op) {
			struct timespec delay = { 0, SLOW_MS * 1000000L };

			logmsg("slow=%s: answering %llu after %d ms", op_name(op),
			    (unsigned long long)h->unique, SLOW_MS);
			while (nanosleep(&delay, &delay) != 0 && errno == EINTR)
				;
		}
	}
	switch (op) {
	case FUSE_LOOKUP:
		do_lookup(h, arg);
		break;
	case FUSE_FORGET:
		forget_one(h->nodeid,
		    ((struct fuse_forget_in *)(void *)arg)->nlookup);
		break;
	case FUSE_BATCH_FORGET: {
		struct fuse_batch_forget_in *b = (void *)arg;
		struct fuse_forget_one *f = (void *)(b + 1);
		uint32_t i;

		for (i = 0; i < b->count &&
		    (char *)(f + i + 1) <= arg + arglen; i++)
			forget_one(f[i].nodeid, f[i].nlookup);
		break;
	}
	case FUSE_GETATTR:
		reply_attr(h->unique, h->nodeid);
		break;
	case FUSE_SETATTR:
		do_setattr(h, (struct fuse_setattr_in *)(void *)arg);
		break;
	case FUSE_OPEN:
		do_open(h, (struct fuse_open_in *)(void *)arg);
		break;
	case FUSE_CREATE: {
		/*
		 * fuse_create_in gained umask in 7.12; before, the kernel sent
		 * only flags and mode (FreeBSD fuse_vnop_create sends
		 * sizeof(struct fuse_open_in) then).
		 */
		size_t insz = proto_minor < 12 ? 8 :
		    sizeof(struct fuse_create_in);
		do_create(h, (struct fuse_create_in *)(void *)arg, arg + insz);
		break;
	}
	case FUSE_MKNOD: {
		size_t insz = proto_minor < 12 ? 8 :
		    sizeof(struct fuse_mknod_in);
		do_mknod(h, (struct fuse_mknod_in *)(void *)arg, arg + insz);
		break;
	}
	case FUSE_MKDIR:
		do_mkdir(h, (struct fuse_mkdir_in *)(void *)arg,
		    arg + sizeof(struct fuse_mkdir_in));
		break;
	case FUSE_UNLINK:
		do_remove(h, arg, 0);
		break;
	case FUSE_RMDIR:
		do_remove(h, arg, 1);
		break;
	case FUSE_READ:
		do_read(h, (struct fuse_read_in *)(void *)arg);
		break;
	case FUSE_WRITE:
		do_write(h, (struct fuse_write_in *)(void *)arg, arglen);
		break;
	case FUSE_FLUSH:
	case FUSE_RELEASEDIR:
	case FUSE_ACCESS:
	case FUSE_FSYNCDIR:
		reply(h->unique, 0, NULL, 0);
		break;
	case FUSE_RELEASE:
		do_release(h, (struct fuse_release_in *)(void *)arg);
		break;
	case FUSE_FSYNC:
		do_fsync(h, (struct fuse_fsync_in *)(void *)arg);
		break;
	case FUSE_STATFS:
		do_statfs(h);
		break;
	case FUSE_OPENDIR: {
		struct fuse_open_out oo;
		struct node *n = get_node(h->nodeid);

		memset(&oo, 0, sizeof(oo));
		reply(h->unique, n == NULL ? ENOENT :
		    !S_ISDIR(n->mode) ? ENOTDIR : 0, &oo, sizeof(oo));
		break;
	}
	case FUSE_READDIR:
		do_readdir(h, (struct fuse_read_in *)(void *)arg);
		break;
	case FUSE_DESTROY:
		reply(h->unique, 0, NULL, 0);
		break;
	case FUSE_INTERRUPT:
		/* Optional: the interrupted request is answered (or not). */
		break;
	default:
		reply(h->unique, ENOSYS, NULL, 0);
		break;
	}
	return 0;
}

static char reqbuf[BUF_SIZE + 4096];

/* Read one request; returns its length, 0 when the mount is gone. */
static size_t
read_request(void)
{
	ssize_t r;

	for (;;) {
		r = read(fuse_fd, reqbuf, sizeof(reqbuf));
		if (r >= (ssize_t)sizeof(struct fuse_in_header))
			return (size_t)r;
		if (r < 0 && (errno == EINTR || errno == EAGAIN ||
		    errno == ENOENT))
			continue;
		if (r < 0 && errno == ENODEV)	/* unmounted */
			return 0;
		if (r < 0)
			fail("read /dev/fuse: %s", strerror(errno));
		fail("short read from /dev/fuse (%zd bytes)", r);
	}
}

/* ---------------------------------------------------------------- mount */

static void
do_mount(void)
{
#if defined(__FreeBSD__)
	/*
	 * What sbin/mount_fusefs/mount_fusefs.c does for "mount_fusefs FD
	 * node": nmount(2) with fstype=fusefs, fspath, from=<device name>,
	 * fd=<the open /dev/fuse descriptor>.  sys/fs/fuse/fuse_vfsops.c,
	 * fuse_vfsop_mount: "`from' contains the device name (eg.
	 * /dev/fuse0); REQUIRED", "`fd' contains the filedescriptor for this
	 * session; REQUIRED" (fget + devfs_get_cdevpriv of that fd), and
	 * allow_other / default_permissions are flag options (FUSE_FLAGOPT).
	 * mount_fusefs passes "private" by default (DEFAULT_MOUNT_FLAGS).
	 * The kernel queues INIT (fuse_internal_send_init) and returns
	 * without waiting for the answer (sysctl vfs.fusefs.init_backgrounded
	 * "indicate async handshake"; fuse_vfsop_statfs fakes its answer until
	 * FSESS_INITED), so the same thread answers INIT in the request loop.
	 */
	struct iovec iov[14];
	char fdstr[16], fspath[PATH_MAX];
	int n = 0;

#define IOV(name, val) do {						\
	iov[n].iov_base = (void *)(uintptr_t)(name);			\
	iov[n].iov_len = strlen(name) + 1;				\
	n++;								\
	iov[n].iov_base = (void *)(uintptr_t)(val);			\
	iov[n].iov_len = strlen(val) + 1;				\
	n++;								\
} while (0)
	if (realpath(mountpoint, fspath) == NULL)
		fail("mount point %s: %s", mountpoint, strerror(errno));
	snprintf(fdstr, sizeof(fdstr), "%d", fuse_fd);
	IOV("fstype", "fusefs");
	IOV("fspath", fspath);
	IOV("from", "/dev/fuse");
	IOV("fd", fdstr);
	IOV("allow_other", "");
	IOV("private", "");
	/* `mount` shows "fusefs.<subtype>" as the type. */
	IOV("subtype=", opt_direct_io ? "fusefs-fixture-direct_io" :
	    "fusefs-fixture");
#undef IOV
	if (nmount(iov, (unsigned)n, 0) < 0)
		fail("nmount %s (fusefs, fd %d): %s", fspath, fuse_fd,
		    strerror(errno));
#else
	/*
	 * Linux fs/fuse/inode.c: fd, rootmode, user_id and group_id are
	 * required; allow_other lets every user in (we are root anyway).
	 */
	char data[128];

	snprintf(data, sizeof(data),
	    "fd=%d,rootmode=40000,user_id=0,group_id=0,allow_other", fuse_fd);
	/* The source names the mode, so `mount` shows it. */
	if (mount(opt_direct_io ? "fusefs-fixture:direct_io" :
	    "fusefs-fixture", mountpoint, "fuse", MS_NOSUID | MS_NODEV,
	    data) < 0)
		fail("mount %s (fuse, %s): %s", mountpoint, data,
		    strerror(errno));
#endif
}

/* ---------------------------------------------------------------- main */

static void
daemon_main(void)
{
	struct fuse_in_header *h = (struct fuse_in_header *)(void *)reqbuf;
	int inited = 0, devnull;
	size_t len;

	setsid();
	signal(SIGPIPE, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	fuse_fd = open("/dev/fuse", O_RDWR);
	if (fuse_fd < 0)
		fail("open /dev/fuse: %s", strerror(errno));
	(void)fcntl(fuse_fd, F_SETFD, FD_CLOEXEC);
	/* node 0 unused, node 1 (FUSE_ROOT_ID) the root */
	new_node(0, "", S_IFDIR | 0755);
	nodes[0].live = 0;
	new_node(0, "", S_IFDIR | 0755);
	nodes[FUSE_ROOT_ID].nlookup = 1;
	do_mount();
	logmsg("mounted %s (direct_io=%d backing=%s)", mountpoint,
	    opt_direct_io, opt_backing ? opt_backing : "-");
	for (;;) {
		len = read_request();
		if (len == 0)
			break;
		if (h->len != len)
			logmsg("request length %u != read %zu", h->len, len);
		if (dispatch(h, len) && !inited) {
			inited = 1;
			if (write(status_fd, "K", 1) != 1)
				logmsg("status pipe: %s", strerror(errno));
			close(status_fd);
			status_fd = -1;
			/* Detach from the console: the parent has returned. */
			devnull = open("/dev/null", O_RDWR);
			if (devnull >= 0) {
				dup2(devnull, 0);
				dup2(devnull, 1);
				dup2(devnull, 2);
				if (devnull > 2)
					close(devnull);
			}
		}
	}
	logmsg("unmounted, exiting");
	_exit(0);
}

static void
on_alarm(int sig)
{
	static const char m[] = PROG ": timed out after 60 s waiting for the "
	    "kernel's INIT\n";

	(void)sig;
	(void)!write(2, m, sizeof(m) - 1);
	_exit(1);
}

int
main(int argc, char **argv)
{
	char msg[600], *opts = NULL;
	const char *logpath = NULL;
	struct stat st;
	int pfd[2], ch, status;
	ssize_t r, total = 0;
	pid_t pid;

	while ((ch = getopt(argc, argv, "o:l:h")) != -1) {
		switch (ch) {
		case 'o':
			opts = optarg;
			parse_opts(opts);
			break;
		case 'l':
			logpath = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	mountpoint = argv[optind];
	if (stat(mountpoint, &st) < 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, PROG ": mount point %s: %s\n", mountpoint,
		    errno ? strerror(errno) : "not a directory");
		return 64;
	}
	if (opt_backing && (stat(opt_backing, &st) < 0 ||
	    !S_ISDIR(st.st_mode))) {
		fprintf(stderr, PROG ": backing=%s: not a directory\n",
		    opt_backing);
		return 64;
	}
	if (logpath != NULL) {
		logfp = fopen(logpath, "a");
		if (logfp == NULL) {
			fprintf(stderr, PROG ": log %s: %s\n", logpath,
			    strerror(errno));
			return 64;
		}
	}
	if (pipe(pfd) < 0) {
		perror(PROG ": pipe");
		return 1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		perror(PROG ": fork");
		return 1;
	}
	if (pid == 0) {
		close(pfd[0]);
		status_fd = pfd[1];
		daemon_main();
	}
	close(pfd[1]);
	signal(SIGALRM, on_alarm);
	/* Wait for 'K' (mounted, INIT answered) or 'E'+message. */
	alarm(60);
	while ((size_t)total < sizeof(msg) - 1 &&
	    (r = read(pfd[0], msg + total, sizeof(msg) - 1 - total)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		total += r;
		if (msg[0] == 'K')
			break;
	}
	msg[total] = '\0';
	if (total > 0 && msg[0] == 'K') {
		printf(PROG ": mounted %s (pid %ld, direct_io=%s%s%s)\n",
		    mountpoint, (long)pid, opt_direct_io ? "on" : "off",
		    opt_backing ? ", backing=" : "",
		    opt_backing ? opt_backing : "");
		return 0;
	}
	if (total > 1 && msg[0] == 'E') {
		fprintf(stderr, PROG ": %s\n", msg + 1);
	} else {
		fprintf(stderr, PROG ": daemon exited before answering INIT "
		    "on %s\n", mountpoint);
		(void)waitpid(pid, &status, WNOHANG);
	}
	return 1;
}
