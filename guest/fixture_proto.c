/*
 * fusefs-fixture: the FUSE protocol on /dev/fuse: requests in, replies out,
 * INIT, and which operation answers a request.
 */

#include "fixture.h"

uint32_t proto_minor = FUSE_KERNEL_MINOR_VERSION;

const struct opname opnames[] = {
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

const char *
op_name(uint32_t op)
{
	const struct opname *o;

	for (o = opnames; o->name != NULL; o++)
		if (o->op == op)
			return o->name;
	return "unknown";
}

/* ---------------------------------------------------------------- replies */

int fuse_fd = -1;

void
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


/* Returns 1 after INIT has been answered. */
int
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
	if (fault_takes(h))
		return 0;
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
	case FUSE_OPENDIR:
		do_opendir(h);
		break;
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

char reqbuf[REQBUF_SIZE];

/* Read one request; returns its length, 0 when the mount is gone. */
size_t
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
