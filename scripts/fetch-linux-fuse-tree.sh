#!/usr/bin/env bash
# Unpack the FUSE part of a real Linux tree, once, into the cache: Debian's linux-source-6.1 of the
# same version as the generic test guest's kernel (so fs/fuse matches the headers it is built
# against). Only what an external module build of fs/fuse reads is kept (fs/fuse, plus the top
# Makefile and the FUSE protocol header for reference); the guest's kernel headers give the rest.
#
#   scripts/fetch-linux-fuse-tree.sh [--full] [DEBIAN-VERSION]
#
# --full unpacks the whole tree instead (what `build: kernel` needs), into
# ${FUSEFS_GATE_CACHE:-$HOME/.cache/fusefs-gate}/linux-tree/<version>/ (about 1.5 GB; the .deb is
# the same one, fetched once; kconfig reads Documentation/Kconfig, so nothing is left out).
#
# DEBIAN-VERSION defaults to the kernelVersion of the built generic guest
# (FUSEFS_GATE_GUEST_FLAVOUR=generic scripts/build-linux-guest.sh). The last line of stdout is the
# tree's folder: ${FUSEFS_GATE_CACHE:-$HOME/.cache/fusefs-gate}/linux-fuse-tree/<version>/.
#
# Environment: FUSEFS_GATE_CACHE; FUSEFS_GATE_DEBIAN_MIRROR (default: the first Debian archive of
# the machine's apt sources, scripts/lib/private-apt.sh). The machine's apt sources and state are
# never touched.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE_ROOT=${FUSEFS_GATE_CACHE:-$HOME/.cache/fusefs-gate}
CACHE=$CACHE_ROOT/linux-fuse-tree
SUITE=bookworm
PACKAGE=linux-source-6.1
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
log() { echo "fetch-linux-fuse-tree: $*" >&2; }
die() { echo "fetch-linux-fuse-tree: $*" >&2; exit 1; }

FULL=
if [ "${1:-}" = --full ]; then
	FULL=1
	shift
fi
VERSION=${1:-}
if [ -z "$VERSION" ]; then
	MANIFEST=$CACHE_ROOT/linux-guest-generic/current/manifest.json
	[ -r "$MANIFEST" ] || die "no DEBIAN-VERSION given and no generic guest built ($MANIFEST)"
	VERSION=$(sed -n 's/^ *"kernelVersion": "\(.*\)",$/\1/p' "$MANIFEST")
	[ -n "$VERSION" ] || die "no kernelVersion in $MANIFEST"
fi
OUT=$CACHE/$VERSION
# A full tree is complete once it has the marker written just before the tree is moved into place.
DONE=fs/fuse/fuse_i.h
if [ -n "$FULL" ]; then
	OUT=$CACHE_ROOT/linux-tree/$VERSION
	DONE=.fusefs-gate-complete
fi
if [ -f "$OUT/$DONE" ]; then
	log "up to date: $OUT"
	echo "$OUT"
	exit 0
fi
mkdir -p "$CACHE/debs"
exec 9>"$CACHE/.lock"
flock 9
# Another run may have unpacked it while this one waited for the lock.
if [ -f "$OUT/$DONE" ]; then
	log "up to date: $OUT"
	echo "$OUT"
	exit 0
fi

DEB=$(ls "$CACHE/debs/${PACKAGE}_${VERSION}_all.deb" 2>/dev/null || true)
if [ -z "$DEB" ]; then
	APTDIR=$CACHE/apt
	# shellcheck source=lib/private-apt.sh
	. "$ROOT/scripts/lib/private-apt.sh"
	resolve_debian_mirror
	[ -n "$MIRROR" ] || die "$(no_mirror_message)"
	private_apt_setup
	log "apt-get update ($SUITE main, private lists in $APTDIR)"
	apt-get "${APT_OPTS[@]}" -qq update >&2 || die "apt-get update of $SUITE failed"
	log "downloading $PACKAGE=$VERSION (about 140 MB)"
	(cd "$CACHE/debs" && apt-get "${APT_OPTS[@]}" -qq download "$PACKAGE=$VERSION" >&2) || die "apt-get download $PACKAGE=$VERSION failed"
	DEB=$(ls "$CACHE/debs/${PACKAGE}_${VERSION}_all.deb")
fi

mkdir -p "$(dirname "$OUT")"
# Unpacked beside its final place (same file system), so the move at the end is a rename.
WORK=$(mktemp -d "$(dirname "$OUT")/.unpack.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
TOP=${PACKAGE}
if [ -n "$FULL" ]; then
	log "unpacking the whole tree from $DEB"
	started=$(date +%s)
	dpkg-deb --fsys-tarfile "$DEB" | tar -xO "./usr/src/$TOP.tar.xz" | xz -dc |
		tar -x -C "$WORK"
	{ [ -f "$WORK/$TOP/Makefile" ] && [ -f "$WORK/$TOP/fs/fuse/fuse_i.h" ]; } || die "$DEB holds no whole Linux tree"
	touch "$WORK/$TOP/$DONE"
	rm -rf "$OUT"
	mv "$WORK/$TOP" "$OUT"
	log "unpacked $OUT in $(($(date +%s) - started)) s ($(du -sh "$OUT" | cut -f1))"
else
	log "unpacking fs/fuse from $DEB"
	dpkg-deb --fsys-tarfile "$DEB" | tar -xO "./usr/src/$TOP.tar.xz" | xz -dc |
		tar -x -C "$WORK" --wildcards "$TOP/fs/fuse/*" "$TOP/Makefile" "$TOP/COPYING" "$TOP/include/uapi/linux/fuse.h"
	[ -f "$WORK/$TOP/fs/fuse/fuse_i.h" ] || die "$DEB has no $TOP/fs/fuse"
	rm -rf "$OUT"
	mv "$WORK/$TOP" "$OUT"
	log "unpacked $OUT ($(find "$OUT/fs/fuse" -type f | wc -l) files in fs/fuse)"
fi
echo "$OUT"
