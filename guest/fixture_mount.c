/*
 * fusefs-fixture: the mount, per OS.
 */

#include "fixture.h"

/* ---------------------------------------------------------------- mount */

void
do_mount(void)
{
#if defined(__FreeBSD__)
	/*
	 * What sbin/mount_fusefs/mount_fusefs.c does for "mount_fusefs FD
	 * node": nmount(2) with fstype=fusefs, fspath, from=<device name>,
	 * fd=<the open /dev/fuse descriptor>.  sys/fs/fuse/fuse_vfsops.c,
	 * fuse_vfsop_mount: "`from' contains the device name (eg.
	 * /dev/fuse0); REQUIRED" (fuse_getdevice: a VCHR whose cdevsw is
	 * "fuse"), "`fd' contains the filedescriptor for this session;
	 * REQUIRED" (vfs_scanopt "%d", then fget + devfs_get_cdevpriv), and
	 * allow_other is a flag option (FUSE_FLAGOPT, with push_symlinks_in,
	 * default_permissions and intr).  "private" is mount_fusefs's own
	 * default (DEFAULT_MOUNT_FLAGS); the kernel reads no such option and
	 * nothing rejects it.  fuse_internal_send_init only queues INIT
	 * (fuse_insert_message) and nmount returns without its answer (other
	 * requests wait in fuse_ticket_fetch, "fu_ini"; fuse_vfsop_statfs fakes
	 * its answer until FSESS_INITED), so the same thread answers INIT in
	 * the request loop.
	 */
	struct iovec iov[16];
	char fdstr[16], timeoutstr[16], fspath[PATH_MAX];
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
	/*
	 * fuse_vfsop_mount appends "." and the subtype to f_fstypename within
	 * MFSNAMELEN (16 with the NUL, sys/sys/mount.h): `mount` shows
	 * "fusefs.fusefs-f" (the gate's mount check, src/guest/freebsd.ts,
	 * computes the same cut).
	 */
	IOV("subtype=", "fusefs-fixture");
	/*
	 * "timeout=" is read with vfs_scanopt("%u") and clamped to
	 * FUSE_MIN_DAEMON_TIMEOUT..FUSE_MAX_DAEMON_TIMEOUT (0..600 s); 0 makes
	 * fticket_wait_answer (fuse_ipc.c) sleep without a timeout.  Without
	 * it every request fails with ETIMEDOUT after 60 s
	 * (FUSE_DEFAULT_DAEMON_TIMEOUT, sys/fs/fuse/fuse.h).
	 */
	if (opt_daemon_timeout >= 0) {
		snprintf(timeoutstr, sizeof(timeoutstr), "%ld",
		    opt_daemon_timeout);
		IOV("timeout=", timeoutstr);
	}
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
