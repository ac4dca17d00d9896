/*
 * fusefs-fixture: the faults a test injects (see fuse_fixture.c for the
 * options).
 */

#include "fixture.h"

static long counted_ops;

/* ---------------------------------------------------------------- faults */

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

/*
 * The injected faults, before a counted request reaches its operation.
 * Returns 1 when the request was taken (left unanswered, or answered EIO);
 * crash= and panic= do not return.  stall_after=N counts the requests this
 * kernel sends, which differ by OS for the same workload: FreeBSD's fusefs
 * also sends ACCESS (fuse_vnop_access, unless default_permissions),
 * OPENDIR/RELEASEDIR around a readdir, FLUSH at every close
 * (fuse_vnop_close -> fuse_flush) and SETATTR to set times or size at close.
 */
int
fault_takes(struct fuse_in_header *h)
{
	uint32_t op = h->opcode;

	if (!is_counted(op))
		return 0;
	counted_ops++;
	if (opt_stall_after >= 0 && counted_ops > opt_stall_after) {
		logmsg("stall_after=%ld: not answering %s (%llu)",
		    opt_stall_after, op_name(op),
		    (unsigned long long)h->unique);
		return 1;
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
		return 1;
	}
	if (op == opt_eio_op) {
		reply(h->unique, EIO, NULL, 0);
		return 1;
	}
	if (op == opt_slow_op) {
		struct timespec delay = { 0, SLOW_MS * 1000000L };

		logmsg("slow=%s: answering %llu after %d ms", op_name(op),
		    (unsigned long long)h->unique, SLOW_MS);
		while (nanosleep(&delay, &delay) != 0 && errno == EINTR)
			;
	}
	return 0;
}
