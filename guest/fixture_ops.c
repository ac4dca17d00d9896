/*
 * fusefs-fixture: the operations on the served tree, in memory or on a
 * backing folder (backing=DIR).
 */

#include "fixture.h"

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

/* ------------------------------------------------------ attributes, entries */

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

void
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

void
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

void
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

void
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

void
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

void
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

void
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

void
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

void
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

void
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

void
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

void
do_release(struct fuse_in_header *h, const struct fuse_release_in *in)
{
	if (opt_backing && in->fh != 0)
		close((int)in->fh - 1);
	reply(h->unique, 0, NULL, 0);
}

void
do_fsync(struct fuse_in_header *h, const struct fuse_fsync_in *in)
{
	int err = 0;

	if (opt_backing && in->fh != 0 && fsync((int)in->fh - 1) < 0)
		err = errno;
	reply(h->unique, err, NULL, 0);
}

void
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

void
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

void
do_opendir(struct fuse_in_header *h)
{
	struct fuse_open_out oo;
	struct node *n = get_node(h->nodeid);

	memset(&oo, 0, sizeof(oo));
	reply(h->unique, n == NULL ? ENOENT :
	    !S_ISDIR(n->mode) ? ENOTDIR : 0, &oo, sizeof(oo));
}

/* Node 0 unused, node 1 (FUSE_ROOT_ID) the root. */
void
init_nodes(void)
{
	new_node(0, "", S_IFDIR | 0755);
	nodes[0].live = 0;
	new_node(0, "", S_IFDIR | 0755);
	nodes[FUSE_ROOT_ID].nlookup = 1;
}

