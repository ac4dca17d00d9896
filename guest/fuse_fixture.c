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
 *   daemon_timeout=S   FreeBSD: mount with timeout=S, the seconds fusefs
 *                      waits for any answer before failing the request with
 *                      ETIMEDOUT (0: never; the kernel clamps to 0..600,
 *                      sys/fs/fuse/fuse_vfsops.c); the gate sets it so that
 *                      a stall outlasts the watchdog.  Linux: ignored.
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
 * FreeBSD's base cc given `-I$TREE/sys/fs/fuse` (see guest/Makefile).  The
 * parts: fixture.h lists which file does what.
 */


#include "fixture.h"

/* ---------------------------------------------------------------- options */

int opt_direct_io;
const char *opt_backing;
uint32_t opt_stall_op, opt_crash_op, opt_eio_op, opt_panic_op, opt_slow_op;
long opt_stall_after = -1;
long opt_daemon_timeout = -1;
static FILE *logfp;
const char *mountpoint;



void
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

void
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
	    "crash=OP, eio=OP, panic=OP, slow=OP (OP: write, read, flush, ...), "
	    "daemon_timeout=S\n");
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
		} else if (strcmp(tok, "daemon_timeout") == 0 && v != NULL) {
			errno = 0;
			opt_daemon_timeout = strtol(v, &end, 10);
			if (errno != 0 || *v == '\0' || *end != '\0' ||
			    opt_daemon_timeout < 0) {
				fprintf(stderr, PROG ": option daemon_timeout: "
				    "'%s' is not a number of seconds\n", v);
				exit(64);
			}
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
	init_nodes();
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
