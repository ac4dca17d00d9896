#!/usr/bin/env bash
# Build the fusefs-gate Linux test guest: a Debian cloud kernel and a busybox
# initramfs holding the guest programs (guest/), for QEMU (TCG) runs.
#
#   scripts/build-linux-guest.sh [--force]
#
# Output: ${FUSEFS_GATE_CACHE:-$HOME/.cache/fusefs-gate}/linux-guest/<inputs-hash>/
#   vmlinuz, initramfs.cpio.gz, manifest.json
# and the symlink .../linux-guest/current -> <inputs-hash>.  The last line of
# stdout is the output folder.  Rebuilt only when an input changes (this
# script, guest/linux-init.sh, guest/ sources, the kernel pin, the host's
# busybox).  The kernel .deb is kept in .../linux-guest/debs, so a rebuild
# after a source change does not download it again.  One builder at a time
# per cache (flock), and the up-to-date check runs under the lock, so two
# first runs at once build once.  The initramfs is byte-reproducible: the
# same inputs give the same initramfs.cpio.gz (sorted names, fixed owner,
# modes and mtimes, cpio --reproducible, gzip -n).
#
# The kernel comes from Debian trixie through a private apt configuration; the
# machine's own apt sources and state are never touched
# (shared/LINUX-GUEST-NOTES.md).
#
# Environment:
#   FUSEFS_GATE_CACHE        cache root (default ~/.cache/fusefs-gate)
#   FUSEFS_GATE_KERNEL_PIN   kernel package to use (default below); when the
#                            archive no longer has it, the newest
#                            linux-image-*-cloud-amd64 is used instead
#   FUSEFS_GATE_GUEST_FLAVOUR  cloud (default) or generic (see "flavour" below);
#                            generic builds into .../linux-guest-generic/
#   FUSEFS_GATE_GENERIC_KERNEL_PIN  kernel package of the generic flavour
#   FUSEFS_GATE_DEBIAN_MIRROR  Debian mirror URL; default: the first Debian
#                            archive in the machine's apt sources
#   FUSEFS_GATE_LOCK_WAIT    seconds to wait for another build (default 1800)
#   SOURCE_DATE_EPOCH        mtime of every initramfs entry (default 0)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
umask 022

KERNEL_PIN=${FUSEFS_GATE_KERNEL_PIN:-linux-image-6.12.117+deb13-cloud-amd64}
SUITE=trixie
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
# loglevel=6: notice and worse reach the console, so the "Linux version" banner of every boot is
# seen (boot-loop detection); panic=0: a panic halts after printing "---[ end Kernel panic",
# so the whole report is on the console and the host decides what happens next.
APPEND="console=ttyS0 loglevel=6 panic=0"
# Modules the guest needs (CONFIG_VIRTIO_BLK=m in Debian's cloud kernel);
# their dependencies are added from each module's "depends=" modinfo field.
MODULES="virtio_blk"
# --- flavour (FUSEFS_GATE_GUEST_FLAVOUR): `cloud` (above) or `generic`, Debian bookworm's generic
# kernel: it has CONFIG_FUSE_FS=m (every Debian 6.12 kernel, cloud or generic, trixie or
# bookworm-backports, has =y), so a FUSE module built from a source tree can replace the packaged
# one; built with bookworm's gcc 12 like the host. Also unpacks the matching headers and kbuild
# into build/ for `make M=`. Kept in its own cache folder, so both flavours stay built.
FLAVOUR=${FUSEFS_GATE_GUEST_FLAVOUR:-cloud}
KERNEL_FALLBACK_RE='^linux-image-[0-9][^ ]*-cloud-amd64$'
case $FLAVOUR in
cloud) ;;
generic)
	KERNEL_PIN=${FUSEFS_GATE_GENERIC_KERNEL_PIN:-linux-image-6.1.0-50-amd64}
	SUITE=bookworm
	KERNEL_FALLBACK_RE='^linux-image-6\.1\.0-[0-9]+-amd64$'
	# CONFIG_VIRTIO_PCI=m there, and FUSE stays out: the tree's module is the only FUSE driver.
	MODULES="virtio_pci virtio_blk"
	;;
*) echo "build-linux-guest: unknown FUSEFS_GATE_GUEST_FLAVOUR '$FLAVOUR' (cloud or generic)" >&2; exit 64 ;;
esac

FORCE=0
for a in "$@"; do
	case $a in
	--force) FORCE=1 ;;
	-h | --help) sed -n '2,34p' "$0"; exit 0 ;;
	*) echo "build-linux-guest: unknown argument '$a'" >&2; exit 64 ;;
	esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${FUSEFS_GATE_CACHE:-$HOME/.cache/fusefs-gate}/linux-guest
[ "$FLAVOUR" = cloud ] || CACHE=$CACHE-$FLAVOUR
log() { echo "build-linux-guest: $*" >&2; }
die() { echo "build-linux-guest: $*" >&2; exit 1; }

# --- host tools: one message naming the Debian package ---------------------
need() { # need COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 ||
		die "missing host tool '$1': install the Debian package '$2' (apt-get install $2, or scripts/ensure-host-deps.sh)"
}
need apt-get apt
need dpkg-deb dpkg
need gcc gcc
need cpio cpio
need xz xz-utils
need gzip gzip
need sha256sum coreutils
need flock util-linux
BUSYBOX=
for b in /bin/busybox /usr/bin/busybox; do
	# a static binary: ldd answers "not a dynamic executable" and fails
	if [ -x "$b" ] && ! ldd "$b" >/dev/null 2>&1; then
		BUSYBOX=$b
		break
	fi
done
[ -n "$BUSYBOX" ] || die "missing a static busybox: install the Debian package 'busybox-static'"
[ -r /usr/lib/x86_64-linux-gnu/libc.a ] || [ -r /usr/lib/libc.a ] ||
	die "missing static libc (libc.a): install the Debian package 'libc6-dev'"
[ -r "$KEYRING" ] || die "missing $KEYRING: install the Debian package 'debian-archive-keyring'"

FIXTURE_SOURCES=(guest/fuse_fixture.c guest/fixture_proto.c guest/fixture_ops.c guest/fixture_faults.c guest/fixture_mount.c)
GUEST_SOURCES=("${FIXTURE_SOURCES[@]}" guest/workloads.c guest/watchdog.sh guest/linux-init.sh)
for f in guest/*.h; do [ -e "$ROOT/$f" ] && GUEST_SOURCES+=("$f"); done
for f in "${GUEST_SOURCES[@]}"; do
	[ -r "$ROOT/$f" ] || die "missing source $ROOT/$f"
done

# --- inputs hash --------------------------------------------------------------
HASH=$(
	{
		echo "flavour=$FLAVOUR suite=$SUITE pin=$KERNEL_PIN append=$APPEND modules=$MODULES"
		sha256sum "$ROOT/scripts/build-linux-guest.sh" | cut -d' ' -f1
		for f in "${GUEST_SOURCES[@]}"; do
			echo "$f $(sha256sum "$ROOT/$f" | cut -d' ' -f1)"
		done
		echo "busybox $(sha256sum "$BUSYBOX" | cut -d' ' -f1)"
	} | sha256sum | cut -c1-16
)
OUT=$CACHE/$HASH
mkdir -p "$CACHE"

# One builder at a time per cache; the check below runs under the lock, so a
# second builder that waited finds the first one's output.
exec 9>"$CACHE/.lock"
LOCK_WAIT=${FUSEFS_GATE_LOCK_WAIT:-1800}
if ! flock -n 9; then
	log "waiting (up to $LOCK_WAIT s) for another build of the guest in $CACHE"
	flock -w "$LOCK_WAIT" 9 || die "another build held $CACHE/.lock for more than $LOCK_WAIT s"
fi

if [ "$FORCE" = 0 ] && [ -s "$OUT/manifest.json" ] && [ -s "$OUT/vmlinuz" ] && [ -s "$OUT/initramfs.cpio.gz" ]; then
	ln -sfn "$HASH" "$CACHE/current"
	log "up to date: $OUT"
	echo "$OUT"
	exit 0
fi

WORK=$(mktemp -d "$CACHE/.build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- kernel package: private apt configuration ---------------------------------
APTDIR=$CACHE/apt
DEBS=$CACHE/debs
mkdir -p "$DEBS"
# shellcheck source=lib/private-apt.sh
. "$ROOT/scripts/lib/private-apt.sh"
resolve_debian_mirror
private_apt_setup
apt_updated=0
apt_update() {
	if [ "$apt_updated" = 0 ]; then
		[ -n "$MIRROR" ] || die "$(no_mirror_message)"
		log "apt-get update ($SUITE main from $MIRROR, private lists in $APTDIR)"
		apt-get "${APT_OPTS[@]}" -qq update >&2 || die "apt-get update of $SUITE failed (network or mirror $MIRROR)"
		apt_updated=1
	fi
}
deb_for() { (ls "$DEBS/$1"_*_amd64.deb 2>/dev/null || true) | sort -V | tail -n1; }

PKG=$KERNEL_PIN
DEB=$(deb_for "$PKG")
if [ -z "$DEB" ]; then
	apt_update
	if ! apt-cache "${APT_OPTS[@]}" show "$PKG" >/dev/null 2>&1; then
		FALLBACK=$(apt-cache "${APT_OPTS[@]}" pkgnames linux-image- |
			grep -E "$KERNEL_FALLBACK_RE" | sort -V | tail -n1)
		[ -n "$FALLBACK" ] || die "the archive has neither $PKG nor any kernel matching $KERNEL_FALLBACK_RE"
		log "pinned kernel $PKG is gone from $SUITE; using the newest: $FALLBACK"
		PKG=$FALLBACK
		DEB=$(deb_for "$PKG")
	fi
	if [ -z "$DEB" ]; then
		log "downloading $PKG"
		(cd "$DEBS" && apt-get "${APT_OPTS[@]}" -qq download "$PKG" >&2) || die "apt-get download $PKG failed"
		DEB=$(deb_for "$PKG")
		[ -n "$DEB" ] || die "apt-get download $PKG left no .deb in $DEBS"
	fi
fi
KVERSION=$(dpkg-deb -f "$DEB" Version)
KRELEASE=${PKG#linux-image-}
log "kernel $PKG $KVERSION ($DEB)"

dpkg-deb -x "$DEB" "$WORK/kernel"
VMLINUZ=$WORK/kernel/boot/vmlinuz-$KRELEASE
[ -s "$VMLINUZ" ] || die "no boot/vmlinuz-$KRELEASE in $DEB"
MODDIR=
for d in "$WORK/kernel/usr/lib/modules/$KRELEASE" "$WORK/kernel/lib/modules/$KRELEASE"; do
	[ -d "$d" ] && MODDIR=$d
done
[ -n "$MODDIR" ] || die "no modules/$KRELEASE in $DEB"

# --- initramfs tree ---------------------------------------------------------
R=$WORK/root
mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,gate,mnt/fg,root,lib/fusefs-gate/bin,lib/fusefs-gate/modules}
cp "$BUSYBOX" "$R/bin/busybox"
for applet in $("$BUSYBOX" --list); do
	[ "$applet" = busybox ] || ln -sf busybox "$R/bin/$applet"
done
install -m 0755 "$ROOT/guest/linux-init.sh" "$R/init"

# modules: resolve "depends=" recursively, load order = dependencies first
declare -A MODPATH=()
while IFS= read -r -d '' f; do
	b=${f##*/}
	b=${b%.ko*}
	MODPATH[${b//-/_}]=$f
done < <(find "$MODDIR/kernel" -name '*.ko*' -print0)
ORDER=()
declare -A SEEN=()
add_module() {
	local m=${1//-/_} f deps d
	[ -n "${SEEN[$m]:-}" ] && return 0
	SEEN[$m]=1
	f=${MODPATH[$m]:-}
	if [ -z "$f" ]; then
		grep -q "/$m.ko" "$MODDIR/modules.builtin" 2>/dev/null && return 0
		die "module $m not found in $PKG"
	fi
	case $f in
	*.xz) xz -dc "$f" >"$WORK/$m.ko" ;;
	*.zst) zstd -qdc "$f" >"$WORK/$m.ko" ;;
	*.gz) gzip -dc "$f" >"$WORK/$m.ko" ;;
	*) cp "$f" "$WORK/$m.ko" ;;
	esac
	deps=$(tr '\0' '\n' <"$WORK/$m.ko" | sed -n 's/^depends=//p' | head -n1)
	for d in ${deps//,/ }; do add_module "$d"; done
	mv "$WORK/$m.ko" "$R/lib/fusefs-gate/modules/$m.ko"
	ORDER+=("$m.ko")
}
for m in $MODULES; do add_module "$m"; done
printf '%s\n' "${ORDER[@]}" >"$R/lib/fusefs-gate/modules.order"

# guest programs, static
CFLAGS=(-static -O2 -Wall -Wextra)
gcc "${CFLAGS[@]}" -o "$R/lib/fusefs-gate/bin/fusefs-fixture" "${FIXTURE_SOURCES[@]/#/$ROOT/}" ||
	die "compiling the fixture (${FIXTURE_SOURCES[*]}) failed"
gcc "${CFLAGS[@]}" -o "$R/lib/fusefs-gate/bin/fusefs-workloads" "$ROOT/guest/workloads.c" ||
	die "compiling guest/workloads.c failed"
strip "$R/lib/fusefs-gate/bin/fusefs-fixture" "$R/lib/fusefs-gate/bin/fusefs-workloads" 2>/dev/null || true
install -m 0755 "$ROOT/guest/watchdog.sh" "$R/lib/fusefs-gate/bin/watchdog.sh"

# Reproducible: fixed modes (umask above, install -m), every mtime set to
# SOURCE_DATE_EPOCH, names sorted, owner 0:0, and cpio --reproducible (GNU cpio
# 2.13: inode numbers from 1 and device 0, so the host's inodes do not show);
# gzip -n stores no name and no time.
EPOCH=${SOURCE_DATE_EPOCH:-0}
find "$R" -exec touch -h -d "@$EPOCH" {} +
(cd "$R" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc --quiet --reproducible -R 0:0) |
	gzip -9 -n >"$WORK/initramfs.cpio.gz"

sha() { sha256sum "$1" | cut -d' ' -f1; }
STAGE=$WORK/out
mkdir -p "$STAGE"
# --- generic flavour: the headers and kbuild of this kernel, for external module builds ------
MODULE_BUILD=
if [ "$FLAVOUR" = generic ]; then
	HDR=linux-headers-$KRELEASE
	HDR_COMMON=linux-headers-${KRELEASE%-amd64}-common
	KBUILD=linux-kbuild-${KRELEASE%%.0-*}
	for p in "$HDR" "$HDR_COMMON" "$KBUILD"; do
		if [ -z "$(deb_for "$p")" ] && [ -z "$(ls "$DEBS/$p"_*_all.deb 2>/dev/null)" ]; then
			apt_update
			log "downloading $p"
			(cd "$DEBS" && apt-get "${APT_OPTS[@]}" -qq download "$p" >&2) || die "apt-get download $p failed"
		fi
		dpkg-deb -x "$( (ls "$DEBS/$p"_*.deb) | sort -V | tail -n1)" "$STAGE/build"
	done
	# Its Makefile includes the common part by the absolute path it would have under /usr/src.
	sed -i "s|/usr/src/|$OUT/build/usr/src/|" "$STAGE/build/usr/src/$HDR/Makefile"
	KCONF=$STAGE/build/usr/src/$HDR/.config
	grep -qx 'CONFIG_FUSE_FS=m' "$KCONF" || die "$PKG does not have CONFIG_FUSE_FS=m: its FUSE driver cannot be replaced"
	# Module ABI: modules are built with the compiler release the kernel was built with. The
	# headers call it by its versioned name (CC = gcc-12 in .kernelvariables), so that name must be
	# on the host and be the same major release (Debian bookworm: 12.2; Ubuntu 24.04's gcc-12: 12.3).
	KCC=$(sed -n 's/^CONFIG_CC_VERSION_TEXT="\(.*\)"$/\1/p' "$KCONF")
	KCC_MAJOR=$(echo "${KCC##* }" | cut -d. -f1)
	command -v "gcc-$KCC_MAJOR" >/dev/null 2>&1 ||
		die "$PKG was built with '$KCC': module builds need gcc-$KCC_MAJOR on the host (install the package gcc-$KCC_MAJOR)"
	HOSTCC_VERSION=$("gcc-$KCC_MAJOR" -dumpfullversion)
	[ "${HOSTCC_VERSION%%.*}" = "$KCC_MAJOR" ] || die "gcc-$KCC_MAJOR on the host is $HOSTCC_VERSION, not release $KCC_MAJOR"
	log "module builds: the kernel's compiler '$KCC', the host's gcc-$KCC_MAJOR $HOSTCC_VERSION"
	MODULE_BUILD="build/usr/src/$HDR"
fi
cp "$VMLINUZ" "$STAGE/vmlinuz"
mv "$WORK/initramfs.cpio.gz" "$STAGE/initramfs.cpio.gz"
cat >"$STAGE/manifest.json" <<EOF
{
  "kernelRelease": "$KRELEASE",
  "kernelPackage": "$PKG",
  "kernelVersion": "$KVERSION",
  "append": "$APPEND",
  "flavour": "$FLAVOUR",
  "moduleBuildDir": "$MODULE_BUILD",
  "inputsHash": "$HASH",
  "modules": [$(printf '"%s",' "${ORDER[@]}" | sed 's/,$//')],
  "programs": {
    "fusefs-fixture": "$(sha "$R/lib/fusefs-gate/bin/fusefs-fixture")",
    "fusefs-workloads": "$(sha "$R/lib/fusefs-gate/bin/fusefs-workloads")",
    "watchdog.sh": "$(sha "$R/lib/fusefs-gate/bin/watchdog.sh")"
  },
  "vmlinuzSha256": "$(sha "$STAGE/vmlinuz")",
  "initramfsSha256": "$(sha "$STAGE/initramfs.cpio.gz")"
}
EOF
rm -rf "$OUT"
mv "$STAGE" "$OUT"
ln -sfn "$HASH" "$CACHE/current"
# Keep the three newest builds (the .deb stays in debs/).
find "$CACHE" -mindepth 1 -maxdepth 1 -type d -name '????????????????' -printf '%T@ %p\n' |
	sort -rn | tail -n +4 | cut -d' ' -f2- |
	while IFS= read -r old; do
		[ "$old" = "$OUT" ] || rm -rf "$old"
	done
log "built $OUT ($(du -sh "$OUT" | cut -f1))"
echo "$OUT"
