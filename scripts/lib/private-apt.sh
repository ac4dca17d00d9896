# shellcheck shell=bash
# Sourced by the scripts that fetch Debian packages: a private apt configuration (its own sources,
# lists and cache under APTDIR) so the machine's own apt sources and state are never touched, and
# the Debian mirror taken from the machine's own apt sources (so a local mirror or proxy is used).
# Uses: APTDIR, MIRROR, SUITE, KEYRING; defines APT_OPTS and writes the sources file.

# Debian suite names (codenames and aliases; sources.list(5), Debian's release history): a source
# that names one of these is a Debian archive (not an Ubuntu one, not debian-security).
DEBIAN_SUITE_NAMES="buzz rex bo hamm slink potato woody sarge etch lenny squeeze wheezy jessie stretch
buster bullseye bookworm trixie forky duke sid oldoldstable oldstable stable testing unstable experimental"

# system_debian_mirror [APT_ETC]: prints the first Debian archive URI of the machine's apt sources
# (APT_ETC, default /etc/apt): the one-line format of sources.list and sources.list.d/*.list
# ("deb [options] URI SUITE COMPONENT...") and the deb822 format of sources.list.d/*.sources
# (Types/URIs/Suites/Enabled fields, sources.list(5)). Commented lines are skipped; a source counts
# only when it is of type deb and names a Debian suite. Prints nothing when there is none.
system_debian_mirror() {
	local etc=${1:-/etc/apt} f
	local -a files=()
	[ -f "$etc/sources.list" ] && files+=("$etc/sources.list")
	for f in "$etc"/sources.list.d/*.list "$etc"/sources.list.d/*.sources; do
		[ -f "$f" ] && files+=("$f")
	done
	for f in "${files[@]}"; do
		case $f in
		*.sources) _deb822_debian_uri "$f" ;;
		*) _one_line_debian_uri "$f" ;;
		esac | head -n1 | grep . && return 0
	done
	return 0
}

_one_line_debian_uri() {
	awk -v names="$DEBIAN_SUITE_NAMES" '
		BEGIN { n = split(names, list, /[ \n]+/); for (k = 1; k <= n; k++) known[list[k]] = 1 }
		/^[ \t]*#/ { next }
		$1 == "deb" {
			i = 2
			if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
			if ((i + 1) <= NF && ($(i + 1) in known)) { print $i; exit }
		}' "$1"
}

_deb822_debian_uri() {
	awk -v names="$DEBIAN_SUITE_NAMES" '
		BEGIN { n = split(names, list, /[ \n]+/); for (k = 1; k <= n; k++) known[list[k]] = 1 }
		function flush(   s, u, i, m) {
			if (!done && (" " types " ") ~ / deb / && enabled != "no" && uris != "") {
				m = split(suites, s, /[ \t]+/)
				for (i = 1; i <= m; i++) if (s[i] in known) { split(uris, u, /[ \t]+/); print u[1]; done = 1; break }
			}
			types = ""; uris = ""; suites = ""; enabled = ""; last = ""
		}
		/^[ \t]*#/ { next }
		/^[ \t]*$/ { flush(); next }
		function join(a, b) { return a == "" ? b : a " " b }
		/^[ \t]/ { v = $0; sub(/^[ \t]+/, "", v); if (last == "uris") uris = join(uris, v); else if (last == "suites") suites = join(suites, v); else if (last == "types") types = join(types, v); next }
		{
			key = tolower($0); sub(/:.*/, "", key); v = $0; sub(/^[^:]*:[ \t]*/, "", v); sub(/[ \t]+$/, "", v)
			last = key
			if (key == "types") types = v; else if (key == "uris") uris = v; else if (key == "suites") suites = v; else if (key == "enabled") enabled = tolower(v)
		}
		END { flush() }' "$1"
}

# resolve_debian_mirror: sets MIRROR from FUSEFS_GATE_DEBIAN_MIRROR, else from the machine's apt
# sources; empty when neither names one (the caller says so when it needs the network).
resolve_debian_mirror() {
	MIRROR=${FUSEFS_GATE_DEBIAN_MIRROR:-$(system_debian_mirror "${FUSEFS_GATE_APT_ETC:-/etc/apt}")}
	MIRROR=${MIRROR%/}
}

# The message when no mirror is known.
no_mirror_message() {
	echo "no Debian mirror: the machine's apt sources (${FUSEFS_GATE_APT_ETC:-/etc/apt}/sources.list, sources.list.d/*.list, *.sources) name no Debian archive (a 'deb' source with a Debian suite); set FUSEFS_GATE_DEBIAN_MIRROR to the URL of a Debian mirror"
}

private_apt_setup() {
	mkdir -p "$APTDIR/sources" "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial"
	if [ -n "$MIRROR" ]; then
		cat >"$APTDIR/sources/fusefs-gate-$SUITE.sources" <<SOURCES
Types: deb
URIs: $MIRROR
Suites: $SUITE
Components: main
Signed-By: $KEYRING
SOURCES
	fi
	# shellcheck disable=SC2034 # read by the scripts that source this file
	APT_OPTS=(
		-o "Dir::Etc::SourceList=/dev/null"
		-o "Dir::Etc::SourceParts=$APTDIR/sources"
		-o "Dir::State::Lists=$APTDIR/lists"
		-o "Dir::Cache=$APTDIR/cache"
		-o "Dir::State::Status=/dev/null"
		-o "APT::Sandbox::User=root"
		-o "APT::Architecture=amd64"
		-o "APT::Architectures=amd64"
	)
}
