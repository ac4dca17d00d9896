/*
 * fusefs-workloads: the file workloads the fusefs-gate runs on the fixture's
 * mount (docs/guest-protocol.md, "Workloads").
 *
 *   fusefs-workloads NAME DIR
 *
 * NAME is one of:
 *   mmap-write        the FreeBSD bug 247276 reproducer: open a file O_RDWR |
 *                     O_CREAT, ftruncate it, mmap MAP_SHARED, write through
 *                     the mapping (printing offset and value as it goes),
 *                     munmap, close; then read it back with read(2)
 *   mmap-msync        the same with msync(MS_SYNC) before munmap, and the
 *                     data checked with pread(2) before close
 *   write-readback    write(2) in odd-sized chunks, fsync, read(2) back
 *   truncate-mmap     write through a mapping, shrink with ftruncate, grow
 *                     again: the cut-off tail must read back as zeros
 *   mmap-while-write  two processes on one file: a child writes one half
 *                     with write(2) while the parent writes the other half
 *                     through a shared mapping
 *
 * Exit 0 on success.  On failure one line on stderr,
 *   fusefs-workloads: NAME: <what> failed: <strerror> (errno N)      exit 1
 *   fusefs-workloads: NAME: verify failed: offset N: got 0xXX, want 0xYY
 *                                                                     exit 2
 * and exit 64 for bad usage.  Progress goes to stdout, unbuffered, so a hang
 * shows how far the workload got.  Portable to Linux and FreeBSD.
 */

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROG "fusefs-workloads"

static const char *wname = "?";
static const char *wdir = ".";
static size_t pagesz;

static void
die(const char *what)
{
	int e = errno;

	fprintf(stderr, PROG ": %s: %s failed: %s (errno %d)\n", wname, what,
	    strerror(e), e);
	exit(1);
}

static void
mismatch(size_t off, unsigned got, unsigned want)
{
	fprintf(stderr, PROG ": %s: verify failed: offset %zu: got 0x%02x, "
	    "want 0x%02x\n", wname, off, got & 0xff, want & 0xff);
	exit(2);
}

static void
path_of(char *buf, size_t len, const char *file)
{
	if ((size_t)snprintf(buf, len, "%s/%s", wdir, file) >= len) {
		errno = ENAMETOOLONG;
		die("path");
	}
}

static int
open_file(const char *file, int flags)
{
	char path[1024];
	int fd;

	path_of(path, sizeof(path), file);
	fd = open(path, flags, 0644);
	if (fd < 0)
		die("open");
	return fd;
}

/* The byte pattern: distinct per page and per position, never all zero. */
static unsigned char
pattern(size_t off, unsigned seed)
{
	return (unsigned char)(((off / pagesz) * 7 + off * 13 + seed) % 251 + 1);
}

static void *
map_file(int fd, size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		die("mmap");
	return p;
}

static void
xftruncate(int fd, off_t len)
{
	if (ftruncate(fd, len) < 0)
		die("ftruncate");
}

static void
xmunmap(void *p, size_t len)
{
	if (munmap(p, len) < 0)
		die("munmap");
}

static void
xclose(int fd)
{
	if (close(fd) < 0)
		die("close");
}

static void
xmsync(void *p, size_t len)
{
	if (msync(p, len, MS_SYNC) < 0)
		die("msync");
}

/* Read [off, off+len) with pread(2) and compare with the pattern. */
static void
verify_fd(int fd, size_t off, size_t len, unsigned seed, int zero)
{
	unsigned char buf[8192];
	size_t done = 0, i, n;
	ssize_t r;

	while (done < len) {
		n = len - done < sizeof(buf) ? len - done : sizeof(buf);
		r = pread(fd, buf, n, (off_t)(off + done));
		if (r < 0)
			die("pread");
		if (r == 0) {
			errno = EIO;
			fprintf(stderr, PROG ": %s: verify failed: offset %zu: "
			    "end of file, want %zu more bytes\n", wname,
			    off + done, len - done);
			exit(2);
		}
		for (i = 0; i < (size_t)r; i++) {
			unsigned want = zero ? 0 : pattern(off + done + i, seed);

			if (buf[i] != want)
				mismatch(off + done + i, buf[i], want);
		}
		done += (size_t)r;
	}
}

static void
verify_size(int fd, size_t want)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		die("fstat");
	if ((size_t)st.st_size != want) {
		fprintf(stderr, PROG ": %s: verify failed: size %lld, want "
		    "%zu\n", wname, (long long)st.st_size, want);
		exit(2);
	}
}

/* Write the pattern through a mapping, one page at a time. */
static void
write_mapping(unsigned char *p, size_t off, size_t len, unsigned seed,
    int chatty)
{
	size_t i;

	for (i = off; i < off + len; i++) {
		p[i] = pattern(i, seed);
		if (chatty && i % pagesz == 0)
			printf("%s: offset %zu value 0x%02x\n", wname, i, p[i]);
	}
}

/* ------------------------------------------------------------- workloads */

static int
w_mmap_write(int do_msync)
{
	const size_t len = 16 * pagesz;
	const char *file = do_msync ? "mmap-msync.dat" : "mmap-write.dat";
	unsigned char *p;
	int fd;

	printf("%s: open %s/%s\n", wname, wdir, file);
	fd = open_file(file, O_RDWR | O_CREAT | O_TRUNC);
	printf("%s: ftruncate %zu\n", wname, len);
	xftruncate(fd, (off_t)len);
	p = map_file(fd, len);
	printf("%s: mmap MAP_SHARED %zu bytes\n", wname, len);
	write_mapping(p, 0, len, 1, 1);
	if (do_msync) {
		printf("%s: msync\n", wname);
		xmsync(p, len);
		/* msync must have pushed the pages to the server: read(2) of a
		 * direct_io file goes to the server, not to the page cache. */
		verify_fd(fd, 0, len, 1, 0);
	}
	printf("%s: munmap\n", wname);
	xmunmap(p, len);
	printf("%s: close\n", wname);
	xclose(fd);
	fd = open_file(file, O_RDONLY);
	verify_size(fd, len);
	verify_fd(fd, 0, len, 1, 0);
	xclose(fd);
	printf("%s: ok, %zu bytes verified\n", wname, len);
	return 0;
}

static int
w_write_readback(void)
{
	static const size_t chunks[] = { 1, 511, 4096, 4097, 12345, 65536,
	    131072 + 17, 3 };
	unsigned char buf[131072 + 64];
	size_t off = 0, i, j, total = 0;
	ssize_t r;
	int fd;

	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
		total += chunks[i];
	fd = open_file("write-readback.dat", O_RDWR | O_CREAT | O_TRUNC);
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		for (j = 0; j < chunks[i]; j++)
			buf[j] = pattern(off + j, 3);
		r = write(fd, buf, chunks[i]);
		if (r < 0)
			die("write");
		if ((size_t)r != chunks[i]) {
			errno = EIO;
			die("write (short)");
		}
		printf("%s: wrote %zu bytes at offset %zu\n", wname, chunks[i],
		    off);
		off += chunks[i];
	}
	if (fsync(fd) < 0)
		die("fsync");
	verify_size(fd, total);
	if (lseek(fd, 0, SEEK_SET) < 0)
		die("lseek");
	/* sequential read(2), then a few unaligned pread(2)s */
	off = 0;
	while (off < total) {
		r = read(fd, buf, sizeof(buf) - 64);
		if (r < 0)
			die("read");
		if (r == 0)
			break;
		for (j = 0; j < (size_t)r; j++)
			if (buf[j] != pattern(off + j, 3))
				mismatch(off + j, buf[j], pattern(off + j, 3));
		off += (size_t)r;
	}
	if (off != total) {
		fprintf(stderr, PROG ": %s: verify failed: read %zu bytes, "
		    "want %zu\n", wname, off, total);
		exit(2);
	}
	verify_fd(fd, 4095, 3, 3, 0);
	verify_fd(fd, total - 100, 100, 3, 0);
	xclose(fd);
	printf("%s: ok, %zu bytes verified\n", wname, total);
	return 0;
}

static int
w_truncate_mmap(void)
{
	const size_t len = 8 * pagesz, half = 4 * pagesz;
	unsigned char *p;
	int fd;

	fd = open_file("truncate-mmap.dat", O_RDWR | O_CREAT | O_TRUNC);
	xftruncate(fd, (off_t)len);
	p = map_file(fd, len);
	write_mapping(p, 0, len, 5, 0);
	xmsync(p, len);
	printf("%s: wrote %zu bytes through the mapping\n", wname, len);
	xmunmap(p, len);
	printf("%s: ftruncate %zu\n", wname, half);
	xftruncate(fd, (off_t)half);
	verify_size(fd, half);
	printf("%s: ftruncate %zu\n", wname, len);
	xftruncate(fd, (off_t)len);
	verify_size(fd, len);
	verify_fd(fd, 0, half, 5, 0);
	verify_fd(fd, half, len - half, 0, 1);
	printf("%s: tail reads back as zeros\n", wname);
	/* map again and write into the regrown tail */
	p = map_file(fd, len);
	for (size_t i = 0; i < half; i++)
		if (p[i] != pattern(i, 5))
			mismatch(i, p[i], pattern(i, 5));
	write_mapping(p, half, len - half, 9, 0);
	xmsync(p, len);
	xmunmap(p, len);
	xclose(fd);
	fd = open_file("truncate-mmap.dat", O_RDONLY);
	verify_fd(fd, 0, half, 5, 0);
	verify_fd(fd, half, len - half, 9, 0);
	xclose(fd);
	printf("%s: ok\n", wname);
	return 0;
}

static int
w_mmap_while_write(void)
{
	const size_t len = 32 * pagesz, half = 16 * pagesz;
	unsigned char buf[4096], *p;
	int fd, status;
	size_t off, j, n;
	pid_t pid;

	fd = open_file("mmap-while-write.dat", O_RDWR | O_CREAT | O_TRUNC);
	xftruncate(fd, (off_t)len);
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		/* child: write(2) the first half, one small chunk at a time */
		int cfd = open_file("mmap-while-write.dat", O_RDWR);

		for (off = 0; off < half; off += n) {
			n = half - off < sizeof(buf) - 100 ? half - off :
			    sizeof(buf) - 100;
			for (j = 0; j < n; j++)
				buf[j] = pattern(off + j, 11);
			if (pwrite(cfd, buf, n, (off_t)off) != (ssize_t)n)
				die("pwrite (child)");
		}
		printf("%s: child wrote %zu bytes with write(2)\n", wname,
		    half);
		xclose(cfd);
		_exit(0);
	}
	/* parent: write the second half through the mapping meanwhile */
	p = map_file(fd, len);
	for (off = half; off < len; off += pagesz) {
		write_mapping(p, off, pagesz, 11, 0);
		if ((off / pagesz) % 4 == 0)
			xmsync(p + off, pagesz);
	}
	printf("%s: parent wrote %zu bytes through the mapping\n", wname,
	    len - half);
	if (waitpid(pid, &status, 0) < 0)
		die("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, PROG ": %s: child failed: status 0x%x\n",
		    wname, status);
		exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
	}
	xmsync(p, len);
	xmunmap(p, len);
	xclose(fd);
	fd = open_file("mmap-while-write.dat", O_RDONLY);
	verify_size(fd, len);
	verify_fd(fd, 0, len, 11, 0);
	xclose(fd);
	printf("%s: ok, %zu bytes verified\n", wname, len);
	return 0;
}

int
main(int argc, char **argv)
{
	long ps;

	if (argc != 3) {
		fprintf(stderr, "usage: " PROG " NAME DIR\n"
		    "NAME: mmap-write, mmap-msync, write-readback, "
		    "truncate-mmap, mmap-while-write\n");
		return 64;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	wname = argv[1];
	wdir = argv[2];
	ps = sysconf(_SC_PAGESIZE);
	pagesz = ps > 0 ? (size_t)ps : 4096;
	if (strcmp(wname, "mmap-write") == 0)
		return w_mmap_write(0);
	if (strcmp(wname, "mmap-msync") == 0)
		return w_mmap_write(1);
	if (strcmp(wname, "write-readback") == 0)
		return w_write_readback();
	if (strcmp(wname, "truncate-mmap") == 0)
		return w_truncate_mmap();
	if (strcmp(wname, "mmap-while-write") == 0)
		return w_mmap_while_write();
	fprintf(stderr, PROG ": unknown workload '%s'\n", wname);
	return 64;
}
