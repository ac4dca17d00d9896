#!/usr/bin/env bash
# Installs the host packages the Linux test guest needs, only those missing:
#   qemu-system-x86 qemu-utils busybox-static cpio xz-utils zstd gcc libc6-dev
# with apt-get (as root, or through `sudo -n`), running `apt-get update` once
# first.  Exit 0 when everything is there; 1 with one message otherwise.
set -euo pipefail

missing=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

have_cmd qemu-system-x86_64 || missing+=(qemu-system-x86)
have_cmd qemu-img || missing+=(qemu-utils)
# busybox-static, not busybox: the initramfs needs a static binary.
have_pkg busybox-static || missing+=(busybox-static)
have_cmd cpio || missing+=(cpio)
have_cmd xz || missing+=(xz-utils)
have_cmd zstd || missing+=(zstd)
have_cmd gcc || missing+=(gcc)
{ have_pkg libc6-dev && [ -r /usr/lib/x86_64-linux-gnu/libc.a ]; } || missing+=(libc6-dev)
# The guest build fetches Debian's kernel package with Debian's own archive key (also on Ubuntu).
[ -r /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
# --for-tests: what the test suite and .ci/run use besides: xmllint (JUnit schema check), bsdtar
# (FreeBSD's tar, reading our tar disks), shellcheck (scripts/*.sh, guest/*.sh).
if [ "${1:-}" = "--for-tests" ]; then
	have_cmd xmllint || missing+=(libxml2-utils)
	have_cmd bsdtar || missing+=(libarchive-tools)
	have_cmd shellcheck || missing+=(shellcheck)
	# Module builds of a Linux FUSE tree against the generic guest kernel (built with gcc 12).
	have_cmd make || missing+=(make)
	have_cmd gcc-12 || missing+=(gcc-12)
	# Kernel builds of a Linux tree (build: kernel): kconfig needs flex and bison, objtool libelf's
	# headers, the build bc; ccache makes a rebuild of an unchanged file a cache hit.
	have_cmd flex || missing+=(flex)
	have_cmd bison || missing+=(bison)
	have_cmd bc || missing+=(bc)
	have_pkg libelf-dev || missing+=(libelf-dev)
	have_cmd ccache || missing+=(ccache)
fi

if [ ${#missing[@]} -eq 0 ]; then
	echo "ensure-host-deps: all host packages present" >&2
	exit 0
fi

if [ "$(id -u)" = 0 ]; then
	SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO=(sudo -n)
else
	echo "ensure-host-deps: missing Debian packages: ${missing[*]} (run as root, or allow passwordless sudo: apt-get install ${missing[*]})" >&2
	exit 1
fi
command -v apt-get >/dev/null 2>&1 || {
	echo "ensure-host-deps: missing packages ${missing[*]} and no apt-get on this machine" >&2
	exit 1
}

echo "ensure-host-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >&2 || {
	echo "ensure-host-deps: apt-get update failed" >&2
	exit 1
}
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || {
	echo "ensure-host-deps: apt-get install ${missing[*]} failed" >&2
	exit 1
}
echo "ensure-host-deps: installed ${missing[*]}" >&2
