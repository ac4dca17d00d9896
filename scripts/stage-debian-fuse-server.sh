#!/usr/bin/env bash
# Stage a FUSE server from Debian's packages for `--fuse-server-source`: the
# program and every shared library it needs (the dynamic loader included),
# ready to be shipped into the Linux test guest, whose busybox initramfs has no
# libc and no /lib64/ld-linux-x86-64.so.2.
#
#   scripts/stage-debian-fuse-server.sh [--also PACKAGE:PROGRAM]... PACKAGE BINARY OUTDIR
#
#   PACKAGE  Debian package name (e.g. bindfs)
#   BINARY   path of the program inside the package (e.g. usr/bin/bindfs), or
#            just its file name, looked up in the package's bin and libexec
#            folders, then anywhere in it (openssh-sftp-server keeps its
#            program in usr/lib/openssh)
#   OUTDIR   created if missing; gets bin/BINARY-NAME, lib/<every soname>,
#            lib/ld-linux-x86-64.so.2, run/BINARY-NAME and manifest.txt
#            (packages and versions)
#   --also PACKAGE:PROGRAM
#            one more program the server needs, from the same or another
#            package (PROGRAM as BINARY): staged beside it in bin/ and run/,
#            with its libraries (sshfs runs OpenSSH's sftp-server:
#            --also openssh-sftp-server:sftp-server); may be repeated
#
# run/NAME is a small sh wrapper that starts bin/NAME with the shipped loader
# and libraries and passes its arguments on, so the command line can say
# /gate/fuse-server/run/NAME (and another program, such as sshfs's
# ssh_command, can exec it).  Where the program's own loader path
# (/lib64/ld-linux-x86-64.so.2) is free, as in the test guest, the wrapper
# links it to the shipped loader and runs the program as itself, so a program
# that re-executes /proc/self/exe (gocryptfs when it daemonizes) works.
#
# The packages come from Debian ${FUSEFS_GATE_DEBIAN_SUITE:-trixie} (the test
# guest's release) through a private apt configuration: the machine's own apt
# sources and state are never touched.  Libraries are found by walking the
# ELF NEEDED entries (readelf -d) against the extracted packages, following
# the Depends of the packages fetched so far: first the lib* ones (Debian
# policy 8.1 names shared library packages after their soname), then, when
# a soname is still missing, every other one (some library packages keep an
# older name: zlib1g holds libz.so.1), so nothing depends on the host's own
# libraries or its glibc version.
#
# In the guest the program must be started through the shipped loader:
#   /gate/fuse-server/lib/ld-linux-x86-64.so.2 --library-path /gate/fuse-server/lib \
#       /gate/fuse-server/bin/NAME ...
# or through run/NAME (docs/fuse-servers.md).  The last line of stdout is OUTDIR.
#
# Environment:
#   FUSEFS_GATE_CACHE           cache root (default ~/.cache/fusefs-gate); the
#                               apt lists and .debs are kept in .../fuse-server-apt
#   FUSEFS_GATE_DEBIAN_SUITE    default trixie
#   FUSEFS_GATE_DEBIAN_MIRROR   Debian mirror URL; default: the first Debian
#                               archive in the machine's apt sources
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

log() { echo "stage-debian-fuse-server: $*" >&2; }
die() { echo "stage-debian-fuse-server: $*" >&2; exit 1; }
usage() { sed -n '2,50p' "$0" >&2; exit 64; }

bad_input() { echo "stage-debian-fuse-server: $*" >&2; exit 64; }
is_package_name() { [[ $1 =~ ^[a-z0-9][a-z0-9.+-]+$ ]]; }

# The extra programs, as PACKAGE:PROGRAM.
ALSO=()
while [ $# -gt 0 ]; do
	case $1 in
	-h | --help) usage ;;
	--also)
		[ $# -ge 2 ] || bad_input "--also needs PACKAGE:PROGRAM"
		ALSO+=("$2")
		shift 2
		;;
	--also=*)
		ALSO+=("${1#--also=}")
		shift
		;;
	--) shift; break ;;
	-*) bad_input "unknown option '$1' (only --also PACKAGE:PROGRAM)" ;;
	*) break ;;
	esac
done
[ $# -eq 3 ] || { echo "stage-debian-fuse-server: expected PACKAGE BINARY OUTDIR, got $# argument(s)" >&2; usage; }
PACKAGE=$1
BINARY=$2
OUTDIR=$3
is_package_name "$PACKAGE" || bad_input "'$PACKAGE' is not a Debian package name"
for also in "${ALSO[@]}"; do
	[[ $also == ?*:?* ]] || bad_input "--also '$also' is not PACKAGE:PROGRAM"
	is_package_name "${also%%:*}" || bad_input "--also '$also': '${also%%:*}' is not a Debian package name"
done

SUITE=${FUSEFS_GATE_DEBIAN_SUITE:-trixie}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
ARCH_DIR=x86_64-linux-gnu
LOADER=ld-linux-x86-64.so.2

need() { # need COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 ||
		die "missing host tool '$1': install the Debian package '$2' (apt-get install $2)"
}
need apt-get apt
need apt-cache apt
need dpkg-deb dpkg
need readelf binutils
need sha256sum coreutils
need flock util-linux
[ -r "$KEYRING" ] || die "missing $KEYRING: install the Debian package 'debian-archive-keyring'"

APTDIR=${FUSEFS_GATE_CACHE:-$HOME/.cache/fusefs-gate}/fuse-server-apt/$SUITE
DEBS=$APTDIR/debs
mkdir -p "$DEBS"

# One stager at a time per cache (apt's lists are shared).
exec 9>"$APTDIR/.lock"
flock -w "${FUSEFS_GATE_LOCK_WAIT:-1800}" 9 || die "another stager held $APTDIR/.lock for too long"

# shellcheck source=lib/private-apt.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/private-apt.sh"
resolve_debian_mirror
[ -n "$MIRROR" ] || die "$(no_mirror_message)"
private_apt_setup

apt_updated=0
apt_update() {
	[ "$apt_updated" = 0 ] || return 0
	log "apt-get update ($SUITE main from $MIRROR, private lists in $APTDIR/lists)"
	apt-get "${APT_OPTS[@]}" -qq update >&2 || die "apt-get update of $SUITE failed (network or mirror $MIRROR)"
	apt_updated=1
}
# Lists older than a day may name versions the mirror no longer has.
if [ -z "$(find "$APTDIR/lists" -maxdepth 1 -name '*_Packages*' -mmin -1440 2>/dev/null | head -n1)" ]; then
	apt_update
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/stage-fuse-server.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
ROOTFS=$WORK/root
mkdir -p "$ROOTFS"

declare -A FETCHED=()
MANIFEST=()
declare -A NOT_REAL=()
# What apt-cache says of each package looked up: its candidate version (empty for a virtual or
# unknown one) and the first alternative of each Depends / Pre-Depends. One apt-cache call costs
# seconds (it reads the whole Packages list) whether it shows one package or many, so load_info
# asks for all that a round needs at once.
declare -A VERSION=()
declare -A DEPS=()
# load_info PKG...: fills VERSION and DEPS for the packages not looked up yet.
load_info() {
	local pkg version deps
	local -a ask=()
	for pkg in "$@"; do [ -n "${VERSION[$pkg]+x}" ] || ask+=("$pkg"); done
	[ ${#ask[@]} -gt 0 ] || return 0
	for pkg in "${ask[@]}"; do VERSION[$pkg]=''; done
	# One line per stanza: package, version, dependencies (apt-cache show: deb822 stanzas).
	while IFS=$'\t' read -r pkg version deps; do
		[ -n "$pkg" ] || continue
		VERSION[$pkg]=$version
		DEPS[$pkg]=$deps
	done < <(apt-cache "${APT_OPTS[@]}" show --no-all-versions "${ask[@]}" 2>/dev/null | awk '
		function flush(   n, i, parts, d, out) {
			if (pkg != "") {
				n = split(deps, parts, ","); out = ""
				for (i = 1; i <= n; i++) {
					d = parts[i]; sub(/\|.*/, "", d); sub(/\(.*\)/, "", d); sub(/:any/, "", d); gsub(/[ \t]/, "", d)
					if (d != "") out = out " " d
				}
				printf "%s\t%s\t%s\n", pkg, version, out
			}
			pkg = ""; version = ""; deps = ""
		}
		/^$/ { flush(); next }
		/^Package: / { pkg = $2 }
		/^Version: / { version = $2 }
		/^(Pre-)?Depends: / { sub(/^[^:]*: /, ""); deps = deps "," $0 }
		END { flush() }' || true)
}
# fetch PKG [optional]: download (or reuse) the candidate .deb and extract it
# into ROOTFS. An optional PKG that is virtual (no .deb of its own) is skipped.
fetch() {
	local pkg=$1 optional=${2:-} version deb f
	[ -n "$pkg" ] || die "internal: fetch called without a package name"
	[ -z "${FETCHED[$pkg]:-}" ] || return 0
	load_info "$pkg"
	version=${VERSION[$pkg]}
	if [ -z "$version" ]; then
		apt_update
		unset "VERSION[$pkg]"
		load_info "$pkg"
		version=${VERSION[$pkg]}
	fi
	if [ -z "$version" ] && [ -n "$optional" ]; then
		NOT_REAL[$pkg]=1
		return 0
	fi
	[ -n "$version" ] || die "Debian $SUITE has no package '$pkg'"
	deb=
	for f in "$DEBS/${pkg}_${version#*:}_"*.deb; do
		[ -e "$f" ] && deb=$f && break
	done
	if [ -z "$deb" ]; then
		log "apt-get download $pkg ($version)"
		if ! (cd "$DEBS" && apt-get "${APT_OPTS[@]}" -qq download "$pkg=$version" >&2); then
			apt_update
			(cd "$DEBS" && apt-get "${APT_OPTS[@]}" -qq download "$pkg" >&2) || die "apt-get download $pkg failed"
		fi
		deb=$(find "$DEBS" -maxdepth 1 -name "${pkg}_*.deb" -printf '%T@ %p\n' | sort -rn | head -n1 | cut -d' ' -f2-)
		[ -n "$deb" ] || die "apt-get download $pkg left no .deb in $DEBS"
	fi
	dpkg-deb -x "$deb" "$ROOTFS"
	FETCHED[$pkg]=$version
	MANIFEST+=("package $pkg $version $(basename "$deb")")
}

# unfetched_deps lib|all: the Depends of every fetched package not fetched
# (nor found virtual) yet: lib* ones only, or all of them.
unfetched_deps() {
	local pkg dep
	for pkg in "${!FETCHED[@]}"; do
		for dep in ${DEPS[$pkg]}; do
			[ "$1" = all ] || [[ $dep == lib* ]] || continue
			[ -n "${FETCHED[$dep]:-}" ] || [ -n "${NOT_REAL[$dep]:-}" ] || echo "$dep"
		done
	done | sort -u
}

# find_lib SONAME: its path in ROOTFS, empty if not there.
find_lib() {
	local d
	for d in usr/lib/$ARCH_DIR lib/$ARCH_DIR usr/lib64 lib64 usr/lib lib; do
		if [ -e "$ROOTFS/$d/$1" ]; then
			echo "$ROOTFS/$d/$1"
			return 0
		fi
	done
}

needed() { readelf -d "$1" 2>/dev/null | sed -n 's/.*(NEEDED).*Shared library: \[\(.*\)\]/\1/p'; }

# locate_program PKG PROGRAM: its path in ROOTFS (PROGRAM a path in the package, or a file name
# looked up in the usual folders of programs); dies naming what the package has instead.
locate_program() {
	local pkg=$1 program=$2 path='' d interp
	case $program in
	*/*) path=$ROOTFS/${program#/} ;;
	*)
		for d in usr/bin usr/sbin bin sbin usr/libexec "usr/libexec/$pkg" "usr/lib/$pkg"; do
			if [ -f "$ROOTFS/$d/$program" ]; then path=$ROOTFS/$d/$program; break; fi
		done
		# Else the one program of that name anywhere (a helper in a private folder:
		# openssh-sftp-server's usr/lib/openssh/sftp-server).
		if [ -z "$path" ]; then
			mapfile -t found < <(find "$ROOTFS" -type f -name "$program" -perm -u+x)
			[ ${#found[@]} -le 1 ] || die "package $pkg has ${#found[@]} programs named '$program' (${found[*]#"$ROOTFS"/}): give its path"
			path=${found[0]:-}
		fi
		;;
	esac
	if [ -z "$path" ] || [ ! -f "$path" ]; then
		die "package $pkg has no program '$program' (its programs: $(cd "$ROOTFS" && find . \( -path '*bin/*' -o -path './usr/lib*' \) -type f -perm -u+x ! -name '*.so*' | sed 's|^\./||' | sort | tr '\n' ' '))"
	fi
	readelf -h "$path" >/dev/null 2>&1 || die "$program in $pkg is not an ELF program"
	interp=$(readelf -l "$path" | sed -n 's/.*\[Requesting program interpreter: \(.*\)\]/\1/p')
	[ -z "$interp" ] || [ "$(basename "$interp")" = "$LOADER" ] ||
		die "$program asks for the loader $interp; only $LOADER (x86-64 glibc) is supported"
	echo "$path"
}

load_info "$PACKAGE" "${ALSO[@]%%:*}" libc6
fetch "$PACKAGE"
# The extra programs' packages are extracted into the same tree; a program found
# there is looked up only after every package is in, so two of them may share one.
for also in "${ALSO[@]}"; do fetch "${also%%:*}"; done
# (A failure in the command substitution has said why; the script stops with it.)
PROGRAMS=()
p=$(locate_program "$PACKAGE" "$BINARY") || exit 1
PROGRAMS+=("$p")
for also in "${ALSO[@]}"; do
	p=$(locate_program "${also%%:*}" "${also#*:}") || exit 1
	PROGRAMS+=("$p")
done
declare -A NAMES=()
for p in "${PROGRAMS[@]}"; do
	n=$(basename "$p")
	[ -z "${NAMES[$n]:-}" ] || [ "${NAMES[$n]}" = "$p" ] || die "two programs named $n: ${NAMES[$n]#"$ROOTFS"/} and ${p#"$ROOTFS"/}"
	NAMES[$n]=$p
done

# Walk NEEDED until every soname is found; fetch the lib* Depends of what we
# have when one is missing.
declare -A LIBS=()
rounds=0
while :; do
	missing=()
	queue=("${PROGRAMS[@]}")
	declare -A seen=()
	LIBS=()
	while [ ${#queue[@]} -gt 0 ]; do
		elf=${queue[0]}
		queue=("${queue[@]:1}")
		for so in $(needed "$elf"); do
			[ -z "${seen[$so]:-}" ] || continue
			seen[$so]=1
			path=$(find_lib "$so")
			if [ -z "$path" ]; then
				missing+=("$so")
				continue
			fi
			LIBS[$so]=$path
			queue+=("$(readlink -f "$path")")
		done
	done
	unset seen
	# The loader: NEEDED by libc.so.6, but also required when nothing names it.
	if [ -z "${LIBS[$LOADER]:-}" ]; then
		path=$(find_lib "$LOADER")
		if [ -n "$path" ]; then LIBS[$LOADER]=$path; else missing+=("$LOADER"); fi
	fi
	[ ${#missing[@]} -gt 0 ] || break
	rounds=$((rounds + 1))
	[ $rounds -le 12 ] || die "could not find ${missing[*]} in $PACKAGE's dependencies after $((rounds - 1)) rounds (fetched: ${!FETCHED[*]})"
	# The loader and libc live in libc6, whatever the package declares.
	if [ -z "${FETCHED[libc6]:-}" ]; then
		new=(libc6)
	else
		mapfile -t new < <(unfetched_deps lib)
	fi
	optional=
	if [ ${#new[@]} -eq 0 ]; then
		# No lib* package left: a library package with an older name (zlib1g).
		mapfile -t new < <(unfetched_deps all)
		optional=optional
	fi
	[ ${#new[@]} -gt 0 ] ||
		die "${missing[*]} needed by $(printf '%s ' "${!NAMES[@]}")is in none of the packages $PACKAGE depends on, directly or through its libraries (fetched: ${!FETCHED[*]})"
	log "missing ${missing[*]}: fetching ${new[*]}"
	load_info "${new[@]}"
	for pkg in "${new[@]}"; do fetch "$pkg" $optional; done
done

mkdir -p "$OUTDIR/bin" "$OUTDIR/lib" "$OUTDIR/run"
mapfile -t names < <(printf '%s\n' "${!NAMES[@]}" | sort)
for name in "${names[@]}"; do
	install -m 0755 "$(readlink -f "${NAMES[$name]}")" "$OUTDIR/bin/$name"
	interp_path=$(readelf -l "$OUTDIR/bin/$name" | sed -n 's/.*\[Requesting program interpreter: \(.*\)\]/\1/p')
	# Found from the wrapper's own place, so the folder works wherever it is shipped.
	if [ -z "$interp_path" ]; then
		# Statically linked: no loader to choose. (The $ are the wrapper's, not this script's.)
		# shellcheck disable=SC2016
		printf '#!/bin/sh\n# Staged by scripts/stage-debian-fuse-server.sh.\nexec "${0%%/*}/../bin/%s" "$@"\n' "$name" >"$OUTDIR/run/$name"
		chmod 0755 "$OUTDIR/run/$name"
		continue
	fi
	cat >"$OUTDIR/run/$name" <<WRAPPER
#!/bin/sh
# Staged by scripts/stage-debian-fuse-server.sh: $name with the shipped loader and libraries.
d=\$(cd "\${0%/*}/.." && pwd) || exit 127
# The program's own loader path (its PT_INTERP): where nothing is there (the test guest's busybox
# initramfs) it is made the shipped loader, and the program then runs as itself, so /proc/self/exe
# and argv[0] are its own and a program that execs itself again works (gocryptfs daemonizing).
l=$interp_path
[ -e "\$l" ] || { mkdir -p "\${l%/*}" && ln -s "\$d/lib/$LOADER" "\$l"; } 2>/dev/null
if [ "\$l" -ef "\$d/lib/$LOADER" ]; then
	LD_LIBRARY_PATH=\$d/lib
	export LD_LIBRARY_PATH
	exec "\$d/bin/$name" "\$@"
fi
# Another system's loader is there (this machine's): through the shipped one. --argv0 (glibc 2.33's
# ld.so) keeps the program's name in argv[0].
exec "\$d/lib/$LOADER" --library-path "\$d/lib" --argv0 $name "\$d/bin/$name" "\$@"
WRAPPER
	chmod 0755 "$OUTDIR/run/$name"
done
for so in "${!LIBS[@]}"; do
	install -m 0755 "$(readlink -f "${LIBS[$so]}")" "$OUTDIR/lib/$so"
done
{
	echo "# staged by scripts/stage-debian-fuse-server.sh from Debian $SUITE ($MIRROR)"
	printf '%s\n' "${MANIFEST[@]}"
	mapfile -t staged < <(printf 'lib/%s\n' "${!LIBS[@]}" | sort)
	(cd "$OUTDIR" && sha256sum "${names[@]/#/bin/}" "${staged[@]}" | sed 's/^/sha256 /')
	for name in "${names[@]}"; do
		echo "run /gate/fuse-server/run/$name ... (or /gate/fuse-server/lib/$LOADER --library-path /gate/fuse-server/lib /gate/fuse-server/bin/$name ...)"
	done
} >"$OUTDIR/manifest.txt"
log "staged ${names[*]} from $PACKAGE ${FETCHED[$PACKAGE]}$(for a in "${ALSO[@]}"; do printf ', %s %s' "${a%%:*}" "${FETCHED[${a%%:*}]}"; done) with ${#LIBS[@]} libraries: $(printf '%s ' "${!LIBS[@]}")"
echo "$OUTDIR"
