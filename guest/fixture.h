/*
 * fusefs-fixture: what its parts share.  One job a file:
 *   fuse_fixture.c    options, logging, the daemon's life (fork, INIT, loop)
 *   fixture_proto.c   the FUSE protocol: reading requests, replies, INIT,
 *                     dispatch of a request to its operation
 *   fixture_ops.c     the operations on the in-memory (or backing) tree
 *   fixture_faults.c  the injected faults (stall, stall_after, crash, eio,
 *                     slow, panic)
 *   fixture_mount.c   the mount, per OS (FreeBSD nmount, Linux mount)
 */

#ifndef FIXTURE_H
#define FIXTURE_H

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
 * The protocol header is the target tree's own sys/fs/fuse/fuse_kernel.h,
 * found through -I$TREE/sys/fs/fuse as the tree's own tests find it
 * (tests/sys/fs/fusefs/Makefile: -I${SRCTOP}/sys/fs/fuse; mockfs.hh includes
 * "fuse_kernel.h"), so the struct sizes are exactly the ones the tree's
 * fusefs.ko checks replies against (sys/fs/fuse/fuse_ipc.c,
 * fuse_body_audit), and nothing else of the tree's sys/ comes ahead of
 * /usr/include.
 */
#include "fuse_kernel.h"
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
#define SLOW_MS 700

/* Options (fuse_fixture.c). */
extern int opt_direct_io;
extern const char *opt_backing;
extern uint32_t opt_stall_op, opt_crash_op, opt_eio_op, opt_panic_op,
    opt_slow_op;
extern long opt_stall_after;
/* FreeBSD: the kernel's timeout= mount option; -1: not given. */
extern long opt_daemon_timeout;
extern const char *mountpoint;

void logmsg(const char *fmt, ...);
void fail(const char *fmt, ...);

/* Protocol (fixture_proto.c). */
struct opname {
	const char *name;
	uint32_t op;
};
extern const struct opname opnames[];
extern int fuse_fd;
extern uint32_t proto_minor;
#define REQBUF_SIZE (BUF_SIZE + 4096)
extern char reqbuf[REQBUF_SIZE];
const char *op_name(uint32_t op);
void reply(uint64_t unique, int error, const void *data, size_t len);
size_t read_request(void);
int dispatch(struct fuse_in_header *h, size_t len);

/* Operations (fixture_ops.c). */
void init_nodes(void);
void do_lookup(struct fuse_in_header *h, const char *name);
void forget_one(uint64_t id, uint64_t n);
void reply_attr(uint64_t unique, uint64_t id);
void do_setattr(struct fuse_in_header *h, const struct fuse_setattr_in *in);
void do_open(struct fuse_in_header *h, const struct fuse_open_in *in);
void do_opendir(struct fuse_in_header *h);
void do_create(struct fuse_in_header *h, const struct fuse_create_in *in,
    const char *name);
void do_mknod(struct fuse_in_header *h, const struct fuse_mknod_in *in,
    const char *name);
void do_mkdir(struct fuse_in_header *h, const struct fuse_mkdir_in *in,
    const char *name);
void do_remove(struct fuse_in_header *h, const char *name, int dir);
void do_read(struct fuse_in_header *h, const struct fuse_read_in *in);
void do_write(struct fuse_in_header *h, const struct fuse_write_in *in,
    size_t arglen);
void do_release(struct fuse_in_header *h, const struct fuse_release_in *in);
void do_fsync(struct fuse_in_header *h, const struct fuse_fsync_in *in);
void do_statfs(struct fuse_in_header *h);
void do_readdir(struct fuse_in_header *h, const struct fuse_read_in *in);

/* Faults (fixture_faults.c): 1 when the fault took the request. */
int fault_takes(struct fuse_in_header *h);

/* Mount (fixture_mount.c). */
void do_mount(void);

#endif
